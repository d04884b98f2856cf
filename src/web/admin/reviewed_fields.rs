//! What the review page shows of an item's fields: for a change, each field that differs from
//! the public version; for a first publication, every field that will be public. Values are
//! worded as the portal shows them (labels for codes, days for dates, the image itself), so a
//! reviewer sees exactly what will change.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Serialize;
use serde_json::Value;

use super::Admin;
use crate::{
    content::Snapshot,
    entities::structures,
    error::AppResult,
    ids::MediaId,
    moderation::{self, Change},
};

/// The fields of a story its public page shows.
pub(super) const STORY_FIELDS: [&str; 7] = [
    "person_name",
    "role",
    "excerpt",
    "body",
    "photo_media_id",
    "video_url",
    "publish_at",
];

/// One value as the reviewer reads it: words, and the image when it is one.
#[derive(Default, PartialEq, Serialize)]
pub(super) struct Shown {
    text: String,
    image: Option<String>,
}

/// One row of the review table.
#[derive(Serialize)]
pub(super) struct Row {
    field: String,
    before: Shown,
    after: Shown,
}

/// What the rows need besides the snapshots: the names of directions and the images.
struct Wording<'a> {
    admin: &'a Admin<'a>,
    structures: HashMap<i32, String>,
    images: HashMap<i32, crate::media::Picture>,
}

/// The id in `field` of each snapshot, when it has one.
fn ids_in<'a>(snapshots: &'a [&Snapshot], field: &'a str) -> impl Iterator<Item = i32> + 'a {
    snapshots
        .iter()
        .filter_map(move |snapshot| snapshot.get(field)?.as_i64())
        .filter_map(|id| i32::try_from(id).ok())
}

impl<'a> Wording<'a> {
    async fn load(admin: &'a Admin<'a>, snapshots: &[&Snapshot]) -> AppResult<Self> {
        let db = &admin.state.db;
        let structure_ids: Vec<i32> = ids_in(snapshots, "structure_id").collect();
        let structures = match structure_ids.is_empty() {
            true => HashMap::new(),
            false => structures::Entity::find()
                .filter(structures::Column::Id.is_in(structure_ids))
                .all(db)
                .await?
                .into_iter()
                .map(|structure| (structure.id, structure.name))
                .collect(),
        };
        let image_ids = ["illustration_media_id", "photo_media_id"]
            .into_iter()
            .flat_map(|field| ids_in(snapshots, field).collect::<Vec<_>>())
            .map(MediaId::new);
        let images = crate::media::pictures(db, image_ids).await?;
        Ok(Self {
            admin,
            structures,
            images,
        })
    }

    /// The field's label, as the forms name it.
    fn label(&self, field: &str) -> String {
        let (admin, lang) = (self.admin, self.admin.page.lang);
        // The form's names: `illustration_media_id` is its `illustration`, `remote_policy` its
        // `remote`.
        let named = match field {
            "remote_policy" => "remote",
            "experience_min_years" => "experience",
            other => other.trim_end_matches("_media_id").trim_end_matches("_id"),
        };
        let keys = [
            format!("admin-field-{}", named.replace('_', "-")),
            format!("offer-section-{field}"),
        ];
        keys.iter()
            .find(|key| admin.state.i18n.has(lang, key))
            .map_or_else(|| field.to_owned(), |key| admin.t(key))
    }

    /// `value` of `field` in words.
    fn shown(&self, field: &str, value: &Value) -> Shown {
        if moderation::is_empty(value) {
            return Shown::default();
        }
        let t = |key: String| self.admin.t(&key);
        let admin_lang = self.admin.page.lang;
        let code = value.as_str().unwrap_or_default();
        let id = value.as_i64().and_then(|id| i32::try_from(id).ok());
        let text = match field {
            "contract_types" => value
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(|code| t(format!("contract-{code}")))
                .collect::<Vec<_>>()
                .join(", "),
            "category" => t(format!("category-{code}")),
            "profession" => t(format!("profession-{code}")),
            "remote_policy" => t(format!("remote-{code}")),
            "apply_mode" => t(format!("admin-apply-mode-{code}")),
            "structure_id" => id
                .and_then(|id| self.structures.get(&id).cloned())
                .unwrap_or_default(),
            "illustration_media_id" | "photo_media_id" => {
                let picture = id.and_then(|id| self.images.get(&id));
                return Shown {
                    text: picture.map(|p| p.alt.clone()).unwrap_or_default(),
                    image: picture.map(|p| p.src.clone()),
                };
            }
            "salary_min" | "salary_max" => value
                .as_i64()
                .map(|euros| format!("{} €", crate::web::charts::number(euros, admin_lang)))
                .unwrap_or_default(),
            "start_on" | "publish_at" | "expires_at" => day(code),
            "apply_emails" => code.lines().collect::<Vec<_>>().join(", "),
            // A list kept as JSON text.
            "domains" => serde_json::from_str::<Vec<String>>(code)
                .map(|domains| domains.join(", "))
                .unwrap_or_else(|_| code.to_owned()),
            _ => match value {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            },
        };
        Shown { text, image: None }
    }

    fn row(&self, field: &str, before: &Value, after: &Value) -> Row {
        Row {
            field: self.label(field),
            before: self.shown(field, before),
            after: self.shown(field, after),
        }
    }
}

/// A stored day as the forms show it (`15/01/2027`): a deadline or a publication day is kept
/// as a moment of that day in UTC.
fn day(stored: &str) -> String {
    if let Ok(moment) = chrono::DateTime::parse_from_rfc3339(stored) {
        return moment.to_utc().format("%d/%m/%Y").to_string();
    }
    match chrono::NaiveDate::parse_from_str(stored, "%Y-%m-%d") {
        Ok(day) => day.format("%d/%m/%Y").to_string(),
        Err(_) => stored.to_owned(),
    }
}

/// The rows of the review of `proposed`: the `fields` changed since `public`, or, for a first
/// publication (`public` is `None`), every one of them that has a value.
pub(super) async fn rows(
    admin: &Admin<'_>,
    public: Option<&Snapshot>,
    proposed: &Snapshot,
    fields: &[&'static str],
) -> AppResult<Vec<Row>> {
    let snapshots: Vec<&Snapshot> = public.into_iter().chain([proposed]).collect();
    let wording = Wording::load(admin, &snapshots).await?;
    let changes = match public {
        Some(public) => moderation::changes(public, proposed, fields),
        None => moderation::changes(&Snapshot::new(), proposed, fields),
    };
    Ok(changes
        .iter()
        .map(
            |Change {
                 field,
                 before,
                 after,
             }| wording.row(field, before, after),
        )
        // Stored differently, read the same (an empty list): nothing a reader would see.
        .filter(|row| row.before != row.after)
        .collect())
}
