//! Ministries (tenants): their public page and their settings.

pub mod editing;
pub mod naming;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use crate::{
    accounts::Scope,
    entities::{offers, structures, tenants},
    error::{AppError, AppResult, FieldError, Problems, Reason},
    ids::{StructureId, TenantId},
    markdown, slug, text,
};

/// The ids of the ministries shown on the portal (not archived), as a subquery: what they
/// publish is public only while they are.
pub fn active_ids() -> sea_orm::sea_query::SelectStatement {
    sea_orm::sea_query::Query::select()
        .column(tenants::Column::Id)
        .from(tenants::Entity)
        .and_where(tenants::Column::ArchivedAt.is_null())
        .to_owned()
}

/// The ministries shown on the portal (not archived), by name.
pub async fn list_active(db: &impl ConnectionTrait) -> AppResult<Vec<tenants::Model>> {
    Ok(tenants::Entity::find()
        .filter(tenants::Column::ArchivedAt.is_null())
        .order_by_asc(tenants::Column::Name)
        .all(db)
        .await?)
}

/// Every ministry, archived ones included.
pub async fn list_all(db: &impl ConnectionTrait) -> AppResult<Vec<tenants::Model>> {
    Ok(tenants::Entity::find()
        .order_by_asc(tenants::Column::Name)
        .all(db)
        .await?)
}

pub async fn find_active_by_slug(
    db: &impl ConnectionTrait,
    slug: &str,
) -> AppResult<Option<tenants::Model>> {
    Ok(tenants::Entity::find()
        .filter(tenants::Column::Slug.eq(slug))
        .filter(tenants::Column::ArchivedAt.is_null())
        .one(db)
        .await?)
}

/// The keys of a ministry's showcase texts, in the order of its page.
pub const SHOWCASE_KEYS: [&str; 9] = [
    "values",
    "challenges",
    "mission",
    "projects",
    "organisation",
    "key_figures",
    "skills_sought",
    "recruitment_process",
    "working_with_us",
];

/// A ministry's showcase texts (Markdown) with their keys.
pub fn showcase_sections(tenant: &tenants::Model) -> [(&'static str, &str); 9] {
    let texts = [
        &tenant.values,
        &tenant.challenges,
        &tenant.mission,
        &tenant.projects,
        &tenant.organisation,
        &tenant.key_figures,
        &tenant.skills_sought,
        &tenant.recruitment_process,
        &tenant.working_with_us,
    ];
    std::array::from_fn(|i| (SHOWCASE_KEYS[i], texts[i].as_str()))
}

/// What a new ministry needs; the showcase texts may be filled later.
#[derive(Clone, Debug, Default)]
pub struct NewTenant {
    pub slug: String,
    pub name: String,
    pub acronym: String,
    /// Its name with its article (`la DGFiP`), for French sentences; empty: guessed.
    pub short_name: String,
    pub website: Option<String>,
    pub theme: Option<String>,
    pub accent_color: Option<String>,
    pub presentation: String,
    pub showcase: Vec<(&'static str, String)>,
    /// SIRET numbers whose agents may ask to join.
    pub sirets: Vec<String>,
    /// Its logo, an image of its media library.
    pub logo_media_id: Option<i32>,
}

/// Whether `color` is a `#rrggbb` colour.
pub fn is_hex_color(color: &str) -> bool {
    color.len() == 7 && color.starts_with('#') && color[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

impl NewTenant {
    /// The slug the ministry gets: the one typed, or one derived from its name.
    fn slug(&self) -> String {
        if self.slug.is_empty() {
            slug::slugify(&self.name)
        } else {
            self.slug.clone()
        }
    }

    /// Its accent colour, DSFR blue unless chosen.
    fn accent_color(&self) -> String {
        self.accent_color
            .clone()
            .unwrap_or_else(|| "#000091".to_owned())
    }

    /// Refuses what is wrong with the ministry's fields, every one at once.
    pub(crate) fn check(&self) -> AppResult<()> {
        let mut problems = Problems::default();
        if !slug::is_valid(&self.slug()) {
            problems.add("slug", Reason::NotASlug);
        }
        for (field, value, max) in [("name", &self.name, 200), ("acronym", &self.acronym, 20)] {
            if value.trim().is_empty() {
                problems.add(field, Reason::Required);
            } else if value.chars().count() > max {
                problems.add(field, Reason::TooLong);
            }
        }
        if let Err(reason) = naming::check_short_name(&self.short_name) {
            problems.add("short_name", reason);
        }
        if !is_hex_color(&self.accent_color()) {
            problems.add("accent_color", Reason::NotAColour);
        }
        if let Some(website) = &self.website {
            problems.check(text::check_http_url("website", website))?;
        }
        problems.check(markdown::check("presentation", &self.presentation))?;
        for (key, section) in &self.showcase {
            problems.check(markdown::check(key, section))?;
        }
        if self.sirets.len() > 100 {
            problems.add("sirets", Reason::TooMany);
        }
        if let Some(bad) = self.sirets.iter().find(|s| !is_siret(s)) {
            problems.push(FieldError::new("sirets", Reason::NotASiret).with_detail(bad));
        }
        problems.into_result()
    }

    /// What a ministry's manager writes: its site, look and texts.
    fn written_fields(&self) -> tenants::ActiveModel {
        let section = |key: &str| {
            self.showcase
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, text)| text.clone())
                .unwrap_or_default()
        };
        tenants::ActiveModel {
            website: Set(self.website.clone()),
            theme: Set(self
                .theme
                .clone()
                .unwrap_or_else(|| crate::render::DEFAULT_THEME.to_owned())),
            accent_color: Set(self.accent_color()),
            logo_media_id: Set(self.logo_media_id),
            presentation: Set(self.presentation.clone()),
            values: Set(section("values")),
            challenges: Set(section("challenges")),
            mission: Set(section("mission")),
            projects: Set(section("projects")),
            organisation: Set(section("organisation")),
            key_figures: Set(section("key_figures")),
            skills_sought: Set(section("skills_sought")),
            recruitment_process: Set(section("recruitment_process")),
            working_with_us: Set(section("working_with_us")),
            sirets: Set(self.sirets.join("\n")),
            ..Default::default()
        }
    }
}

/// Whether `siret` is 14 digits whose Luhn checksum holds.
pub fn is_siret(siret: &str) -> bool {
    siret.len() == 14
        && siret.bytes().all(|b| b.is_ascii_digit())
        && siret
            .bytes()
            .rev()
            .enumerate()
            .map(|(i, b)| {
                let digit = u32::from(b - b'0');
                match (i % 2 == 1, digit * 2) {
                    (true, doubled) if doubled > 9 => doubled - 9,
                    (true, doubled) => doubled,
                    (false, _) => digit,
                }
            })
            .sum::<u32>()
            % 10
            == 0
}

/// Writes a new ministry; [`editing::create`] is how a DINUM admin or the system does it.
pub(crate) async fn create(
    db: &impl ConnectionTrait,
    new: NewTenant,
    now: DateTime<Utc>,
) -> AppResult<tenants::Model> {
    new.check()?;
    let slug = new.slug();
    if tenants::Entity::find()
        .filter(tenants::Column::Slug.eq(slug.as_str()))
        .one(db)
        .await?
        .is_some()
    {
        return Err(AppError::invalid("slug", Reason::AlreadyUsed));
    }
    let mut model = new.written_fields();
    model.slug = Set(slug);
    model.name = Set(new.name.trim().to_owned());
    model.acronym = Set(new.acronym.trim().to_owned());
    model.short_name = Set(new.short_name.trim().to_owned());
    model.trusted = Set(false);
    model.archived_at = Set(None);
    model.created_at = Set(now);
    model.updated_at = Set(now);
    Ok(model.insert(db).await?)
}

/// Adds a direction or service to the scope's ministry, under `parent` if given.
pub async fn add_structure(
    db: &impl ConnectionTrait,
    scope: &Scope,
    parent: Option<StructureId>,
    kind: &str,
    name: &str,
) -> AppResult<structures::Model> {
    scope.require_manager()?;
    if !matches!(kind, "direction" | "service") {
        return Err(AppError::invalid("kind", Reason::UnknownCode));
    }
    Ok(structures::ActiveModel {
        tenant_id: Set(scope.tenant().get()),
        parent_id: Set(parent.map(StructureId::get)),
        kind: Set(kind.to_owned()),
        name: Set(name.to_owned()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// The name of ministry `id` (empty if there is none).
pub async fn name(db: &impl ConnectionTrait, id: TenantId) -> AppResult<String> {
    Ok(tenants::Entity::find_by_id(id.get())
        .one(db)
        .await?
        .map(|tenant| tenant.name)
        .unwrap_or_default())
}

/// The name of the direction or service `offer` belongs to, if any (of its own ministry).
pub async fn structure_name(
    db: &impl ConnectionTrait,
    offer: &offers::Model,
) -> AppResult<Option<String>> {
    let Some(id) = offer.structure_id else {
        return Ok(None);
    };
    Ok(structures::Entity::find_by_id(id)
        .filter(structures::Column::TenantId.eq(offer.tenant_id))
        .one(db)
        .await?
        .map(|structure| structure.name))
}

/// The directions and services of the scope's ministry, by name.
pub async fn structures_of(
    db: &impl ConnectionTrait,
    scope: &Scope,
) -> AppResult<Vec<structures::Model>> {
    Ok(structures::Entity::find()
        .filter(structures::Column::TenantId.eq(scope.tenant()))
        .order_by_asc(structures::Column::Name)
        .all(db)
        .await?)
}
