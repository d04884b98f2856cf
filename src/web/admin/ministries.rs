//! `/admin/ministere` (the current ministry's settings, for its managers) and `/admin/ministeres`
//! (every ministry, for DINUM admins: create, edit, archive).

use std::collections::BTreeMap;

use minijinja::context;
use poem::{
    Response, handler,
    http::StatusCode,
    web::{Form, Path},
};
use sea_orm::TransactionTrait;
use serde::Serialize;

use super::{
    Admin, Pairs,
    forms::{FormData, REFUSED, form_view, refused},
    offers::{Choice, preview},
};
use crate::{
    accounts::sessions,
    entities::tenants as tenant_rows,
    error::AppResult,
    tenants::{self, NewTenant, SHOWCASE_KEYS, editing},
};

/// Reads a ministry out of its form.
fn new_tenant(form: &FormData) -> NewTenant {
    NewTenant {
        slug: form.text("slug"),
        name: form.text("name"),
        acronym: form.text("acronym"),
        website: form.optional("website"),
        theme: form.optional("theme"),
        accent_color: form.optional("accent_color"),
        presentation: form.raw("presentation").to_owned(),
        showcase: SHOWCASE_KEYS
            .iter()
            .map(|key| (*key, form.raw(key).to_owned()))
            .collect(),
        sirets: form.lines("sirets"),
    }
}

fn stored_form(tenant: &tenant_rows::Model) -> FormData {
    let mut form = FormData::default();
    form.set("name", &tenant.name);
    form.set("acronym", &tenant.acronym);
    form.set("website", tenant.website.clone().unwrap_or_default());
    form.set("theme", &tenant.theme);
    form.set("accent_color", &tenant.accent_color);
    form.set("sirets", &tenant.sirets);
    if tenant.trusted {
        form.set("trusted", "on");
    }
    form.set("presentation", &tenant.presentation);
    for (key, text) in tenants::showcase_sections(tenant) {
        form.set(key, text);
    }
    form
}

/// Where a ministry form goes: the settings page, or the admins' pages.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Settings,
    Ministries,
}

/// Shows the ministry form: new (`tenant` None) or stored, with problems and a preview if any.
fn show_form(
    admin: &Admin<'_>,
    place: Place,
    tenant: Option<&tenant_rows::Model>,
    form: &FormData,
    errors: &BTreeMap<String, String>,
    with_preview: bool,
) -> AppResult<Response> {
    let mut sections = vec![("presentation", String::new())];
    sections.extend(
        SHOWCASE_KEYS
            .iter()
            .map(|key| (*key, admin.t(&format!("ministry-section-{key}")))),
    );
    let preview = with_preview.then(|| preview(form, &form.text("name"), &sections));
    let themes: Vec<Choice> = admin
        .state
        .renderer
        .themes()
        .map(|theme| Choice {
            code: theme.name.clone(),
            label: theme
                .label_key
                .as_deref()
                .map_or_else(|| theme.name.clone(), |key| admin.t(key)),
        })
        .collect();
    let action = match (place, tenant) {
        (Place::Settings, _) => "/admin/ministere".to_owned(),
        (Place::Ministries, Some(tenant)) => format!("/admin/ministeres/{}", tenant.id),
        (Place::Ministries, None) => "/admin/ministeres/nouveau".to_owned(),
    };
    let ministry = tenant.map(|tenant| {
        context! {
            id => tenant.id,
            slug => tenant.slug,
            name => tenant.name,
            archived => tenant.archived_at.is_some(),
            public_url => admin.page.link(&format!("/ministeres/{}", tenant.slug)),
        }
    });
    let data = context! {
        form => form_view(form, &[], errors),
        ministry => ministry,
        action => admin.page.link(&action),
        themes => themes,
        admin_fields => admin.actor.is_admin(),
        preview => preview,
    };
    let (title, nav) = match (place, tenant) {
        (Place::Settings, _) => ("admin-ministry-settings", "ministry"),
        (Place::Ministries, Some(_)) => ("admin-ministry-settings", "ministries"),
        (Place::Ministries, None) => ("admin-ministry-new", "ministries"),
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        REFUSED
    };
    admin.render_with_status(
        status,
        "admin/ministry-form.html",
        admin.t(title),
        nav,
        data,
    )
}

/// The names of the installed themes, which a ministry may choose.
fn theme_names<'a>(admin: &'a Admin<'_>) -> Vec<&'a str> {
    admin
        .state
        .renderer
        .themes()
        .map(|theme| theme.name.as_str())
        .collect()
}

/// Saves ministry `id` from its form, or shows the form again with its problems.
async fn save(admin: &Admin<'_>, place: Place, id: i32, form: FormData) -> AppResult<Response> {
    let db = &admin.state.db;
    let tenant = editing::find(db, &admin.actor, id).await?;
    if form.text("intent") == "preview" {
        return show_form(admin, place, Some(&tenant), &form, &BTreeMap::new(), true);
    }
    let saved = async {
        let txn = db.begin().await?;
        let (new, trusted) = (new_tenant(&form), form.checked("trusted"));
        let themes = theme_names(admin);
        let now = admin.state.now();
        let saved = editing::update(&txn, &admin.actor, id, &new, trusted, &themes, now).await?;
        txn.commit().await?;
        Ok(saved)
    };
    match refused(admin, saved.await)? {
        Ok(saved) => Ok(match place {
            Place::Settings => admin.redirect("/admin/ministere", "saved"),
            Place::Ministries => {
                admin.redirect(&format!("/admin/ministeres/{}", saved.id), "saved")
            }
        }),
        Err(errors) => show_form(admin, place, Some(&tenant), &form, &errors, false),
    }
}

/// The current ministry's settings (its managers and DINUM admins).
#[handler]
pub async fn settings_form(admin: Admin<'_>) -> AppResult<Response> {
    let tenant = editing::find(&admin.state.db, &admin.actor, admin.tenant_id()?).await?;
    let form = stored_form(&tenant);
    show_form(
        &admin,
        Place::Settings,
        Some(&tenant),
        &form,
        &BTreeMap::new(),
        false,
    )
}

#[handler]
pub async fn save_settings(admin: Admin<'_>, posted: Form<Pairs>) -> AppResult<Response> {
    let form = admin.posted(posted)?;
    let id = admin.tenant_id()?;
    save(&admin, Place::Settings, id, form).await
}

#[derive(Serialize)]
struct Row {
    id: i32,
    slug: String,
    name: String,
    acronym: String,
    archived: bool,
    trusted: bool,
    members: i64,
    offers: i64,
}

/// Every ministry (DINUM admins).
#[handler]
pub async fn list(admin: Admin<'_>) -> AppResult<Response> {
    let rows: Vec<Row> = editing::overview(&admin.state.db, &admin.actor)
        .await?
        .into_iter()
        .map(|overview| Row {
            id: overview.tenant.id,
            slug: overview.tenant.slug,
            name: overview.tenant.name,
            acronym: overview.tenant.acronym,
            archived: overview.tenant.archived_at.is_some(),
            trusted: overview.tenant.trusted,
            members: overview.members,
            offers: overview.offers,
        })
        .collect();
    let title = admin.t("admin-ministries-title");
    admin.render(
        "admin/ministries.html",
        title,
        "ministries",
        context! { ministries => rows },
    )
}

#[handler]
pub async fn new_form(admin: Admin<'_>) -> AppResult<Response> {
    admin.actor.require_admin()?;
    let mut form = FormData::default();
    form.set("accent_color", "#000091");
    form.set("theme", crate::render::DEFAULT_THEME);
    show_form(
        &admin,
        Place::Ministries,
        None,
        &form,
        &BTreeMap::new(),
        false,
    )
}

/// Creates a ministry; the admin's session then works on it, to invite its first manager.
#[handler]
pub async fn create(admin: Admin<'_>, posted: Form<Pairs>) -> AppResult<Response> {
    let form = admin.posted(posted)?;
    admin.actor.require_admin()?;
    if form.text("intent") == "preview" {
        return show_form(
            &admin,
            Place::Ministries,
            None,
            &form,
            &BTreeMap::new(),
            true,
        );
    }
    let saved = async {
        let txn = admin.state.db.begin().await?;
        let (new, trusted) = (new_tenant(&form), form.checked("trusted"));
        let themes = theme_names(&admin);
        let now = admin.state.now();
        let created = editing::create(&txn, &admin.actor, new, trusted, &themes, now).await?;
        sessions::switch_tenant(&txn, &admin.session.token_hash, created.id).await?;
        txn.commit().await?;
        Ok(created)
    };
    match refused(&admin, saved.await)? {
        Ok(_) => Ok(admin.redirect("/admin/membres", "created")),
        Err(errors) => show_form(&admin, Place::Ministries, None, &form, &errors, false),
    }
}

#[handler]
pub async fn edit_form(admin: Admin<'_>, Path(id): Path<i32>) -> AppResult<Response> {
    admin.actor.require_admin()?;
    let tenant = editing::find(&admin.state.db, &admin.actor, id).await?;
    let form = stored_form(&tenant);
    show_form(
        &admin,
        Place::Ministries,
        Some(&tenant),
        &form,
        &BTreeMap::new(),
        false,
    )
}

#[handler]
pub async fn update(
    admin: Admin<'_>,
    Path(id): Path<i32>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    let form = admin.posted(posted)?;
    admin.actor.require_admin()?;
    save(&admin, Place::Ministries, id, form).await
}

#[handler]
pub async fn archive(
    admin: Admin<'_>,
    Path(id): Path<i32>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    admin.posted(posted)?;
    let txn = admin.state.db.begin().await?;
    editing::archive(&txn, &admin.actor, id, admin.state.now()).await?;
    txn.commit().await?;
    Ok(admin.redirect("/admin/ministeres", "archived"))
}
