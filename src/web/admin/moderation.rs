//! `/admin/moderation`: the DINUM admins' review queue, oldest first, and the review of one
//! item with the portal's rendering of its texts.

use std::collections::HashMap;

use minijinja::{Value, context};
use poem::{
    Response, handler,
    web::{Form, Path, Query},
};
use serde::Serialize;

use super::{
    Admin, Pairs,
    forms::{FormData, Shown, form_view, refused},
    offers::{Choice, preview},
    reviewed_fields,
};
use crate::{
    content::{Content, ContentKind, Item},
    entities::{offers, stories},
    error::{AppError, AppResult, Reason},
    ids::{Id, TenantId},
    moderation::{self, Decision},
    web::portal::{offer_page, story_page},
};

#[derive(Serialize)]
struct Waiting {
    path: String,
    kind: &'static str,
    title: String,
    ministry: String,
    since: String,
    updated_at: chrono::DateTime<chrono::Utc>,
}

/// The items of `E` waiting for review (of ministry `tenant_id` if given), as the queue shows
/// them; `ministry` names a ministry.
async fn queued<E: Content>(
    admin: &Admin<'_>,
    tenant_id: Option<TenantId>,
    ministry: &impl Fn(i32) -> String,
) -> AppResult<Vec<Waiting>> {
    let items = moderation::queue::<E>(&admin.state.db, &admin.everywhere()?, tenant_id).await?;
    Ok(items
        .iter()
        .map(|item| Waiting {
            path: format!("/admin/moderation/{}/{}", E::KIND.path(), item.id()),
            kind: E::KIND.code(),
            ministry: ministry(item.tenant_id()),
            since: super::paris_time(item.updated_at()),
            updated_at: item.updated_at(),
            title: item.title().to_owned(),
        })
        .collect())
}

/// The queue, filtered by ministry (`ministere`, an id) and type (`type`: `offres`,
/// `temoignages`).
#[handler]
pub async fn queue(
    admin: Admin<'_>,
    Query(params): Query<HashMap<String, String>>,
) -> AppResult<Response> {
    let db = &admin.state.db;
    let tenant_id = params
        .get("ministere")
        .and_then(|id| id.parse().ok())
        .map(TenantId::new);
    let kind = params.get("type").map(String::as_str).unwrap_or("");
    let names: HashMap<i32, String> = crate::tenants::list_all(db)
        .await?
        .into_iter()
        .map(|tenant| (tenant.id, tenant.name))
        .collect();
    let ministry = |id: i32| names.get(&id).cloned().unwrap_or_default();
    let wanted = ContentKind::from_path(kind);
    let mut waiting = Vec::new();
    if wanted != Some(ContentKind::Story) {
        waiting.extend(queued::<offers::Entity>(&admin, tenant_id, &ministry).await?);
    }
    if wanted != Some(ContentKind::Offer) {
        waiting.extend(queued::<stories::Entity>(&admin, tenant_id, &ministry).await?);
    }
    waiting.sort_by_key(|item| item.updated_at);
    let mut ministries: Vec<Choice> = names
        .iter()
        .map(|(id, name)| Choice {
            code: id.to_string(),
            label: name.clone(),
        })
        .collect();
    ministries.sort_by(|a, b| a.label.cmp(&b.label));
    let data = context! {
        waiting => waiting,
        ministries => ministries,
        filter => context! {
            ministere => tenant_id.map(|id| id.to_string()).unwrap_or_default(),
            kind => kind,
        },
    };
    let title = admin.t("admin-moderation-title");
    admin.render("admin/moderation.html", title, "moderation", data)
}

/// What the review page shows of an item: its title, ministry, version, texts, and its fields
/// (what changed since it was last published, or everything for a first publication).
struct UnderReview {
    title: String,
    tenant_id: i32,
    version: i32,
    texts: Vec<(&'static str, String, String)>,
    first_publication: bool,
    rows: Vec<reviewed_fields::Row>,
}

/// The review rows of `waiting`: see [`reviewed_fields::rows`].
async fn review_rows<E: Content>(
    admin: &Admin<'_>,
    waiting: &moderation::Waiting<E>,
    fields: &[&'static str],
) -> AppResult<Vec<reviewed_fields::Row>> {
    let public = waiting.public_snapshot.as_ref();
    reviewed_fields::rows(admin, public, &waiting.proposed_snapshot, fields).await
}

fn offer_under_review(
    admin: &Admin,
    waiting: moderation::Waiting<offers::Entity>,
    rows: Vec<reviewed_fields::Row>,
) -> UnderReview {
    let first_publication = waiting.public_snapshot.is_none();
    let offer = waiting.proposed;
    UnderReview {
        rows,
        first_publication,
        texts: crate::offers::sections(&offer)
            .into_iter()
            .map(|(key, text)| {
                (
                    key,
                    admin.t(&format!("offer-section-{key}")),
                    text.to_owned(),
                )
            })
            .collect(),
        title: offer.title,
        tenant_id: offer.tenant_id,
        version: waiting.item.version,
    }
}

fn story_under_review(
    waiting: moderation::Waiting<stories::Entity>,
    rows: Vec<reviewed_fields::Row>,
) -> UnderReview {
    let first_publication = waiting.public_snapshot.is_none();
    let story = waiting.proposed;
    UnderReview {
        rows,
        first_publication,
        title: format!("{} — {}", story.person_name, story.role),
        tenant_id: story.tenant_id,
        version: waiting.item.version,
        texts: vec![
            ("excerpt", String::new(), story.excerpt),
            ("body", String::new(), story.body),
        ],
    }
}

/// The item of `kind` (`offres`, `temoignages` in its URL) and `id` waiting for review.
async fn waiting_item(admin: &Admin<'_>, kind: &str, id: i32) -> AppResult<UnderReview> {
    let (db, everywhere) = (&admin.state.db, &admin.everywhere()?);
    match ContentKind::from_path(kind).ok_or(AppError::NotFound)? {
        ContentKind::Offer => {
            let id = Id::new(id);
            let waiting = moderation::find_waiting::<offers::Entity>(db, everywhere, id).await?;
            let fields: Vec<&str> = crate::offers::FIELDS
                .into_iter()
                .chain(crate::offers::SECTION_KEYS)
                .collect();
            let rows = review_rows(admin, &waiting, &fields).await?;
            Ok(offer_under_review(admin, waiting, rows))
        }
        ContentKind::Story => {
            let id = Id::new(id);
            let waiting = moderation::find_waiting::<stories::Entity>(db, everywhere, id).await?;
            let rows = review_rows(admin, &waiting, &reviewed_fields::STORY_FIELDS).await?;
            Ok(story_under_review(waiting, rows))
        }
    }
}

async fn show_review(
    admin: &Admin<'_>,
    (kind, id): (&str, i32),
    item: UnderReview,
    form: &FormData,
    shown: Shown,
) -> AppResult<Response> {
    let ministry = crate::tenants::name(&admin.state.db, TenantId::new(item.tenant_id)).await?;
    let mut typed = FormData::default();
    for (key, _, text) in &item.texts {
        typed.set(key, text);
    }
    let headings: Vec<(&str, String)> = item
        .texts
        .iter()
        .map(|(key, heading, _)| (*key, heading.clone()))
        .collect();
    let rendered: Value = preview(&typed, &item.title, &headings);
    let data = context! {
        item => context! {
            title => item.title,
            ministry => ministry,
            version => item.version,
            first_publication => item.first_publication,
            rows => item.rows,
        },
        preview => rendered,
        action => admin.page.link(&format!("/admin/moderation/{kind}/{id}")),
        portal_preview => admin.page.link(&format!("/admin/moderation/{kind}/{id}/apercu")),
        form => form_view(form, &[], shown.errors()),
    };
    let title = admin.t("admin-review-title");
    admin.render_form(
        shown.errors(),
        "admin/review.html",
        title,
        "moderation",
        data,
    )
}

/// The waiting item's page as the portal will show it, in its ministry's theme.
#[handler]
pub async fn portal_preview(
    admin: Admin<'_>,
    Path((kind, id)): Path<(String, i32)>,
) -> AppResult<Response> {
    let (db, now, everywhere) = (&admin.state.db, admin.now(), &admin.everywhere()?);
    let view = match ContentKind::from_path(&kind).ok_or(AppError::NotFound)? {
        ContentKind::Offer => {
            let id = Id::new(id);
            let waiting = moderation::find_waiting::<offers::Entity>(db, everywhere, id).await?;
            let contract_types = crate::offers::snapshot_contract_types(&waiting.proposed_snapshot);
            let live = crate::offers::Visibility::Live;
            offer_page(
                &admin.page,
                &waiting.proposed,
                Some(contract_types),
                live,
                now,
            )
            .await?
        }
        ContentKind::Story => {
            let id = Id::new(id);
            let waiting = moderation::find_waiting::<stories::Entity>(db, everywhere, id).await?;
            story_page(&admin.page, &waiting.proposed).await?
        }
    };
    admin.page.render(view.previewed())
}

#[handler]
pub async fn review_form(
    admin: Admin<'_>,
    Path((kind, id)): Path<(String, i32)>,
) -> AppResult<Response> {
    let item = waiting_item(&admin, &kind, id).await?;
    let mut form = FormData::default();
    form.set("decision", "approve");
    show_review(&admin, (&kind, id), item, &form, Shown::Fresh).await
}

async fn decide<E: Content>(admin: &Admin<'_>, id: Id<E>, form: &FormData) -> AppResult<()> {
    let decision = Decision::parse(&form.text("decision"))
        .ok_or_else(|| AppError::invalid("decision", Reason::UnknownCode))?;
    let version = form.number("version")?.unwrap_or_default();
    let (letterhead, now) = (admin.state.letterhead(), admin.state.now());
    let (everywhere, comment) = (admin.everywhere()?, form.text("comment"));
    committed!(admin, |txn| moderation::review::<E>(
        &txn,
        &letterhead,
        &everywhere,
        id,
        version,
        decision,
        &comment,
        now
    )
    .await?);
    Ok(())
}

#[handler]
pub async fn review(
    admin: Admin<'_>,
    Path((kind, id)): Path<(String, i32)>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    let form = admin.posted(posted)?;
    let decided = match ContentKind::from_path(&kind).ok_or(AppError::NotFound)? {
        ContentKind::Offer => decide::<offers::Entity>(&admin, Id::new(id), &form).await,
        ContentKind::Story => decide::<stories::Entity>(&admin, Id::new(id), &form).await,
    };
    match refused(&admin, decided)? {
        Ok(()) => Ok(admin.redirect("/admin/moderation", "reviewed")),
        Err(errors) => match waiting_item(&admin, &kind, id).await {
            Ok(item) => show_review(&admin, (&kind, id), item, &form, Shown::Refused(errors)).await,
            // Someone else reviewed it meanwhile: back to the queue, which says so.
            Err(AppError::NotFound) => Ok(admin.redirect("/admin/moderation", "already-reviewed")),
            Err(error) => Err(error),
        },
    }
}
