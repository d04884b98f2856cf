//! `/admin/temoignages`: the current ministry's team stories, written, previewed, copied and
//! archived.

use std::collections::{BTreeMap, HashMap};

use minijinja::context;
use poem::{
    Response, handler,
    http::StatusCode,
    web::{Form, Path, Query},
};
use sea_orm::TransactionTrait;
use serde::Serialize;

use super::{
    Admin, Pairs,
    forms::{FormData, REFUSED, form_view, refused},
    offers::{preview, public_url, statuses},
};
use crate::{
    codes::Status,
    entities::stories as story_rows,
    error::AppResult,
    stories::{NewStory, editing},
};

#[derive(Serialize)]
struct Row {
    id: i32,
    person_name: String,
    role: String,
    status: String,
    status_label: String,
    updated_at: String,
    public_url: Option<String>,
}

/// The list, filtered by status (`statut`) and name (`q`).
#[handler]
pub async fn list(
    admin: Admin<'_>,
    Query(params): Query<HashMap<String, String>>,
) -> AppResult<Response> {
    let tenant_id = admin.tenant_id()?;
    let status = params.get("statut").and_then(|code| Status::parse(code));
    let words = params.get("q").map(String::as_str).unwrap_or("");
    let found = editing::list(&admin.state.db, &admin.actor, tenant_id, status, words).await?;
    let rows: Vec<Row> = found
        .into_iter()
        .map(|story| Row {
            id: story.id,
            status_label: admin.t(&format!("admin-status-{}", story.status)),
            public_url: public_url(
                &admin,
                &story.status,
                format!("/temoignages/{}", story.slug),
            ),
            person_name: story.person_name,
            role: story.role,
            status: story.status,
            updated_at: story.updated_at.format("%d/%m/%Y %H:%M").to_string(),
        })
        .collect();
    let data = context! {
        filter => context! { status => status.map(Status::as_str).unwrap_or(""), q => words },
        statuses => statuses(&admin),
        total => rows.len(),
        stories => rows,
    };
    let title = admin.t("admin-stories-title");
    admin.render("admin/stories.html", title, "stories", data)
}

fn new_story(form: &FormData) -> NewStory {
    NewStory {
        slug: form.text("slug"),
        person_name: form.text("person_name"),
        role: form.text("role"),
        excerpt: form.text("excerpt"),
        body: form.raw("body").to_owned(),
        video_url: form.optional("video_url"),
        ..Default::default()
    }
}

fn stored_form(story: &story_rows::Model) -> FormData {
    let mut form = FormData::default();
    form.set("slug", &story.slug);
    form.set("person_name", &story.person_name);
    form.set("role", &story.role);
    form.set("excerpt", &story.excerpt);
    form.set("body", &story.body);
    form.set("video_url", story.video_url.clone().unwrap_or_default());
    form
}

/// Shows the story form: new (`story` None) or stored, with problems and a preview if any.
fn show_form(
    admin: &Admin<'_>,
    story: Option<&story_rows::Model>,
    form: &FormData,
    errors: &BTreeMap<String, String>,
    with_preview: bool,
) -> AppResult<Response> {
    let title = format!("{} — {}", form.text("person_name"), form.text("role"));
    let preview = with_preview.then(|| preview(form, &title, &[("body", String::new())]));
    let story_view = story.map(|story| {
        context! {
            id => story.id,
            slug => story.slug,
            status => story.status,
            status_label => admin.t(&format!("admin-status-{}", story.status)),
            public_url => public_url(admin, &story.status, format!("/temoignages/{}", story.slug)),
        }
    });
    let action = match story {
        Some(story) => format!("/admin/temoignages/{}", story.id),
        None => "/admin/temoignages/nouveau".to_owned(),
    };
    let data = context! {
        form => form_view(form, &[], errors),
        story => story_view,
        preview => preview,
        action => admin.page.link(&action),
    };
    let title = admin.t(if story.is_some() {
        "admin-story-edit"
    } else {
        "admin-story-new"
    });
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        REFUSED
    };
    admin.render_with_status(status, "admin/story-form.html", title, "stories", data)
}

#[handler]
pub async fn new_form(admin: Admin<'_>) -> AppResult<Response> {
    admin.tenant_id()?;
    show_form(&admin, None, &FormData::default(), &BTreeMap::new(), false)
}

#[handler]
pub async fn create(admin: Admin<'_>, posted: Form<Pairs>) -> AppResult<Response> {
    let form = admin.posted(posted)?;
    let tenant_id = admin.tenant_id()?;
    if form.text("intent") == "preview" {
        return show_form(&admin, None, &form, &BTreeMap::new(), true);
    }
    let saved = async {
        let txn = admin.state.db.begin().await?;
        let now = admin.state.now();
        let story = editing::create(&txn, &admin.actor, tenant_id, new_story(&form), now).await?;
        txn.commit().await?;
        Ok(story)
    };
    match refused(&admin, saved.await)? {
        Ok(story) => Ok(admin.redirect(&format!("/admin/temoignages/{}", story.id), "created")),
        Err(errors) => show_form(&admin, None, &form, &errors, false),
    }
}

#[handler]
pub async fn edit_form(admin: Admin<'_>, Path(id): Path<i32>) -> AppResult<Response> {
    let story = editing::find(&admin.state.db, &admin.actor, admin.tenant_id()?, id).await?;
    show_form(
        &admin,
        Some(&story),
        &stored_form(&story),
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
    let tenant_id = admin.tenant_id()?;
    let story = editing::find(&admin.state.db, &admin.actor, tenant_id, id).await?;
    if form.text("intent") == "preview" {
        return show_form(&admin, Some(&story), &form, &BTreeMap::new(), true);
    }
    let saved = async {
        let txn = admin.state.db.begin().await?;
        let now = admin.state.now();
        let new = new_story(&form);
        let story = editing::update(&txn, &admin.actor, tenant_id, id, &new, now).await?;
        txn.commit().await?;
        Ok(story)
    };
    match refused(&admin, saved.await)? {
        Ok(story) => Ok(admin.redirect(&format!("/admin/temoignages/{}", story.id), "saved")),
        Err(errors) => show_form(&admin, Some(&story), &form, &errors, false),
    }
}

#[handler]
pub async fn duplicate(
    admin: Admin<'_>,
    Path(id): Path<i32>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    admin.posted(posted)?;
    let tenant_id = admin.tenant_id()?;
    let txn = admin.state.db.begin().await?;
    let copy = editing::duplicate(&txn, &admin.actor, tenant_id, id, admin.state.now()).await?;
    txn.commit().await?;
    Ok(admin.redirect(&format!("/admin/temoignages/{}", copy.id), "duplicated"))
}

#[handler]
pub async fn archive(
    admin: Admin<'_>,
    Path(id): Path<i32>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    admin.posted(posted)?;
    let tenant_id = admin.tenant_id()?;
    let txn = admin.state.db.begin().await?;
    editing::archive(&txn, &admin.actor, tenant_id, id, admin.state.now()).await?;
    txn.commit().await?;
    Ok(admin.redirect("/admin/temoignages", "archived"))
}
