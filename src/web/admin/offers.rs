//! `/admin/offres`: the current ministry's offers, written, previewed, copied and archived.

use std::collections::HashMap;

use chrono::NaiveTime;
use minijinja::{Value, context};
use poem::{
    Response, handler,
    web::{Form, Path, Query},
};
use serde::Serialize;

use super::{
    Admin, Pairs,
    forms::{FormData, Reader, Shown, form_view},
    items::{self, Written, item_view, save},
};
use crate::{
    analytics::{self, Metric},
    applications::inbox,
    codes::{ApplyMode, Category, ContractType, Profession, RemotePolicy, Status},
    content::{Item, Snapshot},
    entities::offers as offer_rows,
    error::{AppResult, Problems},
    ids::OfferId,
    markdown,
    offers::{self, NewOffer, SECTION_KEYS, editing},
    tenants,
};

/// The form fields that hold several values.
const LISTS: [&str; 1] = ["contract_types"];

#[derive(Serialize)]
pub(super) struct Choice {
    pub code: String,
    pub label: String,
}

/// The choices of a list of codes, labelled by `prefix` + code.
pub(super) fn choices(admin: &Admin, prefix: &str, codes: Vec<&'static str>) -> Vec<Choice> {
    codes
        .into_iter()
        .map(|code| Choice {
            code: code.to_owned(),
            label: admin.t(&format!("{prefix}{code}")),
        })
        .collect()
}

/// The statuses to filter a list by.
pub(super) fn statuses(admin: &Admin) -> Vec<Choice> {
    choices(admin, "admin-status-", Status::codes())
}

#[derive(Serialize)]
struct Row {
    id: i32,
    /// Its ministry, and the ministry's id, in a list across ministries.
    ministry: Option<(i32, String)>,
    title: String,
    status: Status,
    status_label: String,
    updated_at: String,
    expires_at: Option<String>,
    public_url: Option<String>,
}

/// The portal address of an item its public page shows now.
pub(super) fn public_url(admin: &Admin, item: &impl Item, path: String) -> Option<String> {
    item.is_public(admin.now()).then(|| admin.page.link(&path))
}

/// The list, filtered by status (`statut`) and words (`q`).
#[handler]
pub async fn list(
    admin: Admin<'_>,
    Query(params): Query<HashMap<String, String>>,
) -> AppResult<Response> {
    let listed = admin.listed()?;
    let status_code = params.get("statut").map(String::as_str).unwrap_or("");
    let words = params.get("q").map(String::as_str).unwrap_or("");
    let status = Status::parse(status_code);
    let found = editing::list(&admin.state.db, &listed, status, words).await?;
    let rows: Vec<Row> = found
        .into_iter()
        .map(|offer| Row {
            id: offer.id,
            ministry: admin.row_ministry(&listed, offer.tenant_id),
            status_label: admin.t(&format!("admin-status-{}", offer.status)),
            public_url: public_url(&admin, &offer, format!("/offres/{}", offer.slug)),
            title: offer.title,
            status: offer.status,
            updated_at: super::paris_time(offer.updated_at),
            expires_at: offer.expires_at.map(|at| at.format("%d/%m/%Y").to_string()),
        })
        .collect();
    let data = context! {
        filter => context! { status => status.map(Status::as_str).unwrap_or(""), q => words },
        statuses => statuses(&admin),
        everywhere => listed.is_everywhere(),
        total => rows.len(),
        offers => rows,
    };
    let title = admin.t("admin-offers-title");
    admin.render("admin/offers.html", title, "offers", data)
}

/// Reads an offer out of its form, with the problems of the values that cannot be read.
fn new_offer(form: &FormData) -> (NewOffer, Problems) {
    let mut read = Reader::new(form);
    let end_of_day = NaiveTime::from_hms_opt(23, 59, 59).expect("a valid time");
    let new = NewOffer {
        slug: form.text("slug"),
        title: form.text("title"),
        structure_id: read.number("structure_id"),
        contract_types: read.codes("contract_types", ContractType::parse),
        category: read.code("category", Category::parse),
        profession: read.code("profession", Profession::parse),
        experience_min_years: read.number("experience_min_years"),
        remote_policy: read.code("remote_policy", RemotePolicy::parse),
        salary_min: read.number("salary_min"),
        salary_max: read.number("salary_max"),
        street: form.text("street"),
        postal_code: form.text("postal_code"),
        city: form.text("city"),
        start_on: read.date("start_on"),
        expires_at: read.moment("expires_at", end_of_day),
        publish_at: read.moment("publish_at", NaiveTime::MIN),
        apply_mode: read.code("apply_mode", ApplyMode::parse),
        apply_url: form.optional("apply_url"),
        apply_emails: form.lines("apply_emails"),
        contact_name: form.optional("contact_name"),
        contact_email: form.optional("contact_email"),
        video_url: form.optional("video_url"),
        illustration_media_id: read.number("illustration_media_id"),
        domains: form
            .text("domains")
            .split(',')
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_owned)
            .collect(),
        context: form.raw("context").to_owned(),
        mission: form.raw("mission").to_owned(),
        tasks: form.raw("tasks").to_owned(),
        team: form.raw("team").to_owned(),
        perks: form.raw("perks").to_owned(),
        particularities: form.raw("particularities").to_owned(),
        profile: form.raw("profile").to_owned(),
        recruitment_process: form.raw("recruitment_process").to_owned(),
        ..Default::default()
    };
    (new, read.problems())
}

/// The form of a stored offer.
fn stored_form(offer: &offer_rows::Model, contract_types: &[ContractType]) -> FormData {
    let mut form = FormData::default();
    for code in contract_types {
        form.set("contract_types", code.as_str());
    }
    for (key, text) in offers::sections(offer) {
        form.set(key, text);
    }
    let domains: Vec<String> = serde_json::from_str(&offer.domains).unwrap_or_default();
    let optional = |value: &Option<String>| value.clone().unwrap_or_default();
    let number = |value: Option<i32>| value.map(|n| n.to_string()).unwrap_or_default();
    form.set("title", &offer.title);
    form.set("slug", &offer.slug);
    form.set("structure_id", number(offer.structure_id));
    form.set("category", optional(&offer.category));
    form.set("profession", &offer.profession);
    form.set("experience_min_years", number(offer.experience_min_years));
    form.set("remote_policy", &offer.remote_policy);
    form.set("salary_min", number(offer.salary_min));
    form.set("salary_max", number(offer.salary_max));
    form.set("street", &offer.street);
    form.set("postal_code", &offer.postal_code);
    form.set("city", &offer.city);
    form.set(
        "start_on",
        offer.start_on.map(|d| d.to_string()).unwrap_or_default(),
    );
    form.set_day("expires_at", offer.expires_at);
    form.set_day("publish_at", offer.publish_at);
    form.set("apply_mode", &offer.apply_mode);
    form.set("apply_url", optional(&offer.apply_url));
    form.set("apply_emails", &offer.apply_emails);
    form.set("contact_name", optional(&offer.contact_name));
    form.set("contact_email", optional(&offer.contact_email));
    form.set("video_url", optional(&offer.video_url));
    if let Some(id) = offer.illustration_media_id {
        form.set("illustration_media_id", id);
    }
    form.set("domains", domains.join(", "));
    form
}

/// The portal's rendering of the texts typed in the form.
pub(super) fn preview(form: &FormData, title: &str, keys: &[(&str, String)]) -> Value {
    let sections: Vec<Value> = keys
        .iter()
        .filter(|(name, _)| !form.raw(name).trim().is_empty())
        .map(|(name, heading)| {
            context! {
                heading => heading,
                html => Value::from_safe_string(markdown::to_safe_html(form.raw(name))),
            }
        })
        .collect();
    context! { title => title, sections => sections }
}

/// Shows the offer form: new (`offer` None) or stored, with problems and a preview if any.
async fn show_form(
    admin: &Admin<'_>,
    offer: Option<&offer_rows::Model>,
    form: &FormData,
    shown: Shown,
) -> AppResult<Response> {
    let scope = admin.scope()?;
    let structures: Vec<Choice> = tenants::structures_of(&admin.state.db, &scope)
        .await?
        .into_iter()
        .map(|s| Choice {
            code: s.id.to_string(),
            label: s.name,
        })
        .collect();
    let sections: Vec<(&str, String)> = SECTION_KEYS
        .iter()
        .map(|key| (*key, admin.t(&format!("offer-section-{key}"))))
        .collect();
    let preview = shown
        .previewed()
        .then(|| preview(form, &form.text("title"), &sections));
    let action = match offer {
        Some(offer) => format!("/admin/offres/{}", offer.id),
        None => "/admin/offres/nouvelle".to_owned(),
    };
    let offer_view = item_view::<offer_rows::Entity>(admin, offer).await?;
    let (applications, talents) = match offer {
        Some(offer) => {
            let db = &admin.state.db;
            let count = inbox::count_for(db, &scope, offer.key()).await?;
            let path = format!("/admin/candidatures?offre={}", offer.id);
            let window = (admin.state.config.jobs.talent_retention_days, admin.now());
            let matching = crate::talents::pool::count_matches(db, &scope, offer, window).await?;
            let talents = format!("/admin/vivier?offre={}", offer.id);
            let clicks =
                analytics::total_for_offer(db, &scope, offer.key(), Metric::ApplyElsewhere);
            let clicks = clicks.await?;
            (
                Some(context! { count => count, url => admin.page.link(&path), clicks => clicks }),
                Some(context! { count => matching, url => admin.page.link(&talents) }),
            )
        }
        None => (None, None),
    };
    let data = context! {
        form => form_view(form, &LISTS, shown.errors()),
        offer => offer_view,
        applications => applications,
        talents => talents,
        preview => preview,
        action => admin.page.link(&action),
        options => context! {
            contract_types => choices(admin, "contract-", ContractType::codes()),
            categories => choices(admin, "category-", Category::codes()),
            professions => choices(admin, "profession-", Profession::codes()),
            remote_policies => choices(admin, "remote-", RemotePolicy::codes()),
            apply_modes => choices(admin, "admin-apply-mode-", ApplyMode::codes()),
            structures => structures,
            images => super::media::choices(admin, &scope).await?,
        },
    };
    let title = admin.t(if offer.is_some() {
        "admin-offer-edit"
    } else {
        "admin-offer-new"
    });
    admin.render_form(
        shown.errors(),
        "admin/offer-form.html",
        title,
        "offers",
        data,
    )
}

#[handler]
pub async fn new_form(admin: Admin<'_>) -> AppResult<Response> {
    let mut form = FormData::default();
    form.set("apply_mode", ApplyMode::External.as_str());
    show_form(&admin, None, &form, Shown::Fresh).await
}

#[handler]
pub async fn create(admin: Admin<'_>, posted: Form<Pairs>) -> AppResult<Response> {
    save::<offer_rows::Entity>(&admin, None, posted).await
}

#[handler]
pub async fn edit_form(admin: Admin<'_>, Path(id): Path<OfferId>) -> AppResult<Response> {
    items::edit_form::<offer_rows::Entity>(&admin, id).await
}

#[handler]
pub async fn restore(
    admin: Admin<'_>,
    Path(version): Path<(OfferId, i32)>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    items::restore::<offer_rows::Entity>(&admin, version, posted).await
}

#[handler]
pub async fn update(
    admin: Admin<'_>,
    Path(id): Path<OfferId>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    save::<offer_rows::Entity>(&admin, Some(id), posted).await
}

#[handler]
pub async fn duplicate(
    admin: Admin<'_>,
    Path(id): Path<OfferId>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    admin.posted(posted)?;
    let (scope, now) = (admin.scope()?, admin.now());
    let copy = committed!(admin, |txn| editing::duplicate(&txn, &scope, id, now)
        .await?);
    Ok(admin.redirect(&format!("/admin/offres/{}", copy.id), "duplicated"))
}

#[handler]
pub async fn archive(
    admin: Admin<'_>,
    Path(id): Path<OfferId>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    items::archive::<offer_rows::Entity>(&admin, id, posted).await
}

#[handler]
pub async fn submit(
    admin: Admin<'_>,
    Path(id): Path<OfferId>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    items::submit::<offer_rows::Entity>(&admin, id, posted).await
}

#[handler]
pub async fn mark_filled(
    admin: Admin<'_>,
    Path(id): Path<OfferId>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    admin.posted(posted)?;
    let (scope, now) = (admin.scope()?, admin.now());
    committed!(admin, |txn| crate::moderation::mark_filled(
        &txn, &scope, id, now
    )
    .await?);
    Ok(admin.redirect(&format!("/admin/offres/{id}"), "filled"))
}

impl Written for offer_rows::Entity {
    fn read(form: &FormData) -> (NewOffer, Problems) {
        new_offer(form)
    }

    fn stored_form(offer: &offer_rows::Model, snapshot: &Snapshot) -> FormData {
        stored_form(offer, &offers::snapshot_contract_types(snapshot))
    }

    async fn show(
        admin: &Admin<'_>,
        stored: Option<&offer_rows::Model>,
        form: &FormData,
        shown: Shown,
    ) -> AppResult<Response> {
        show_form(admin, stored, form, shown).await
    }
}
