//! `/admin/ministere` (the current ministry's settings, for its managers) and `/admin/ministeres`
//! (every ministry, for DINUM admins: create, edit, archive).

use minijinja::context;
use poem::{
    Response, handler,
    web::{Form, Path},
};
use serde::Serialize;

use super::{
    Admin, Pairs,
    forms::{FormData, Reader, Shown, form_view, refused},
    offers::{Choice, preview},
};
use crate::{
    accounts::{Scope, sessions},
    entities::tenants as tenant_rows,
    error::{AppResult, Problems},
    ids::TenantId,
    tenants::{self, NewTenant, SHOWCASE_KEYS, editing},
};

/// Reads a ministry out of its form, with the problems of the values that cannot be read.
fn new_tenant(form: &FormData) -> (NewTenant, Problems) {
    let mut read = Reader::new(form);
    let new = NewTenant {
        slug: form.text("slug"),
        name: form.text("name"),
        acronym: form.text("acronym"),
        short_name: form.text("short_name"),
        website: form.optional("website"),
        theme: form.optional("theme"),
        accent_color: form.optional("accent_color"),
        presentation: form.raw("presentation").to_owned(),
        showcase: SHOWCASE_KEYS
            .iter()
            .map(|key| (*key, form.raw(key).to_owned()))
            .collect(),
        sirets: form.lines("sirets"),
        logo_media_id: read.number("logo_media_id"),
    };
    (new, read.problems())
}

fn stored_form(tenant: &tenant_rows::Model) -> FormData {
    let mut form = FormData::default();
    form.set("name", &tenant.name);
    form.set("acronym", &tenant.acronym);
    form.set("short_name", &tenant.short_name);
    form.set("website", tenant.website.clone().unwrap_or_default());
    form.set("theme", &tenant.theme);
    form.set("accent_color", &tenant.accent_color);
    form.set("sirets", &tenant.sirets);
    if let Some(id) = tenant.logo_media_id {
        form.set("logo_media_id", id);
    }
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
async fn show_form(
    admin: &Admin<'_>,
    place: Place,
    tenant: Option<&tenant_rows::Model>,
    form: &FormData,
    shown: Shown,
) -> AppResult<Response> {
    let mut sections = vec![("presentation", String::new())];
    sections.extend(
        SHOWCASE_KEYS
            .iter()
            .map(|key| (*key, admin.t(&format!("ministry-section-{key}")))),
    );
    let preview = shown
        .previewed()
        .then(|| preview(form, &form.text("name"), &sections));
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
    // Its logo is one of its own images.
    let images = match tenant {
        Some(tenant) => super::media::choices(admin, &admin.actor.editor_in(tenant.key())?).await?,
        None => Vec::new(),
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
        form => form_view(form, &[], shown.errors()),
        ministry => ministry,
        action => admin.page.link(&action),
        themes => themes,
        admin_fields => admin.actor.is_admin(),
        preview => preview,
        images => images,
    };
    let (title, nav) = match (place, tenant) {
        (Place::Settings, _) => ("admin-ministry-settings", "ministry"),
        (Place::Ministries, Some(_)) => ("admin-ministry-settings", "ministries"),
        (Place::Ministries, None) => ("admin-ministry-new", "ministries"),
    };
    admin.render_form(
        shown.errors(),
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

/// Creates a ministry (`ministry` None) or saves the scope's ministry; or shows the form
/// again, previewed or with its problems. A new ministry becomes the one the admin's session
/// works on, to invite its first manager.
async fn save(
    admin: &Admin<'_>,
    place: Place,
    ministry: Option<Scope>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    let form = admin.posted(posted)?;
    let now = admin.now();
    let stored = match &ministry {
        Some(scope) => Some(editing::find(&admin.state.db, scope).await?),
        None => None,
    };
    if form.text("intent") == "preview" {
        return show_form(admin, place, stored.as_ref(), &form, Shown::Preview).await;
    }
    let saved = async {
        let ((new, unread), trusted) = (new_tenant(&form), form.checked("trusted"));
        let themes = theme_names(admin);
        let session = &admin.session.token_hash;
        // Values that cannot be read are told along with what the domain refuses of the rest;
        // then nothing is kept.
        Ok(committed!(admin, |txn| {
            let written = match &ministry {
                Some(scope) => editing::update(&txn, scope, &new, trusted, &themes, now).await,
                None => {
                    let everywhere = admin.everywhere()?;
                    let created = editing::create(&txn, &everywhere, new, trusted, &themes, now);
                    let created = created.await;
                    if let Ok(created) = &created {
                        let scope = everywhere.ministry(created.key());
                        sessions::switch_tenant(&txn, session, &scope).await?;
                    }
                    created
                }
            };
            unread.along_with(written)?
        }))
    };
    match refused(admin, saved.await)? {
        Ok(saved) => Ok(match (place, ministry) {
            (Place::Settings, _) => admin.redirect("/admin/ministere", "saved"),
            (Place::Ministries, Some(_)) => {
                admin.redirect(&format!("/admin/ministeres/{}", saved.id), "saved")
            }
            (Place::Ministries, None) => admin.redirect("/admin/membres", "created"),
        }),
        Err(errors) => {
            show_form(admin, place, stored.as_ref(), &form, Shown::Refused(errors)).await
        }
    }
}

/// The current ministry's settings (its managers and DINUM admins).
#[handler]
pub async fn settings_form(admin: Admin<'_>) -> AppResult<Response> {
    let tenant = editing::find(&admin.state.db, &admin.managing()?).await?;
    let form = stored_form(&tenant);
    show_form(&admin, Place::Settings, Some(&tenant), &form, Shown::Fresh).await
}

#[handler]
pub async fn save_settings(admin: Admin<'_>, posted: Form<Pairs>) -> AppResult<Response> {
    let scope = admin.managing()?;
    save(&admin, Place::Settings, Some(scope), posted).await
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
    let rows: Vec<Row> = editing::overview(&admin.state.db, &admin.everywhere()?)
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
    admin.everywhere()?;
    let mut form = FormData::default();
    form.set("accent_color", "#000091");
    form.set("theme", crate::render::DEFAULT_THEME);
    show_form(&admin, Place::Ministries, None, &form, Shown::Fresh).await
}

#[handler]
pub async fn create(admin: Admin<'_>, posted: Form<Pairs>) -> AppResult<Response> {
    admin.everywhere()?;
    save(&admin, Place::Ministries, None, posted).await
}

#[handler]
pub async fn edit_form(admin: Admin<'_>, Path(id): Path<TenantId>) -> AppResult<Response> {
    let tenant = editing::find(&admin.state.db, &admin.everywhere()?.ministry(id)).await?;
    let form = stored_form(&tenant);
    show_form(
        &admin,
        Place::Ministries,
        Some(&tenant),
        &form,
        Shown::Fresh,
    )
    .await
}

#[handler]
pub async fn update(
    admin: Admin<'_>,
    Path(id): Path<TenantId>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    let scope = admin.everywhere()?.ministry(id);
    save(&admin, Place::Ministries, Some(scope), posted).await
}

#[handler]
pub async fn archive(
    admin: Admin<'_>,
    Path(id): Path<TenantId>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    admin.posted(posted)?;
    let (everywhere, now) = (admin.everywhere()?, admin.now());
    committed!(admin, |txn| editing::archive(&txn, &everywhere, id, now)
        .await?);
    Ok(admin.redirect("/admin/ministeres", "archived"))
}
