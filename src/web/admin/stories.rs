//! `/admin/temoignages`: the current ministry's team stories, written, previewed, copied and
//! archived.

use std::collections::HashMap;

use chrono::NaiveTime;
use minijinja::context;
use poem::{
    Response, handler,
    web::{Form, Path, Query},
};
use serde::Serialize;

use super::{
    Admin, Pairs,
    forms::{FormData, Reader, Shown, form_view},
    items::{self, Written, item_view, save},
    offers::{preview, public_url, statuses},
};
use crate::{
    codes::Status,
    content::{self, Snapshot},
    entities::stories as story_rows,
    error::{AppResult, Problems},
    ids::StoryId,
    stories::{NewStory, editing},
};

#[derive(Serialize)]
struct Row {
    id: i32,
    /// Its ministry, and the ministry's id, in a list across ministries.
    ministry: Option<(i32, String)>,
    person_name: String,
    role: String,
    status: Status,
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
    let listed = admin.listed()?;
    let status = params.get("statut").and_then(|code| Status::parse(code));
    let words = params.get("q").map(String::as_str).unwrap_or("");
    let found = editing::list(&admin.state.db, &listed, status, words).await?;
    let rows: Vec<Row> = found
        .into_iter()
        .map(|story| Row {
            id: story.id,
            ministry: admin.row_ministry(&listed, story.tenant_id),
            status_label: admin.t(&format!("admin-status-{}", story.status)),
            public_url: public_url(&admin, &story, format!("/temoignages/{}", story.slug)),
            person_name: story.person_name,
            role: story.role,
            status: story.status,
            updated_at: super::paris_time(story.updated_at),
        })
        .collect();
    let data = context! {
        filter => context! { status => status.map(Status::as_str).unwrap_or(""), q => words },
        statuses => statuses(&admin),
        everywhere => listed.is_everywhere(),
        total => rows.len(),
        stories => rows,
    };
    let title = admin.t("admin-stories-title");
    admin.render("admin/stories.html", title, "stories", data)
}

/// Reads a story out of its form, with the problems of the values that cannot be read.
fn new_story(form: &FormData) -> (NewStory, Problems) {
    let mut read = Reader::new(form);
    let new = NewStory {
        slug: form.text("slug"),
        person_name: form.text("person_name"),
        role: form.text("role"),
        excerpt: form.text("excerpt"),
        body: form.raw("body").to_owned(),
        video_url: form.optional("video_url"),
        publish_at: read.moment("publish_at", NaiveTime::MIN),
        photo_media_id: read.number("photo_media_id"),
        ..Default::default()
    };
    (new, read.problems())
}

fn stored_form(story: &story_rows::Model) -> FormData {
    let mut form = FormData::default();
    form.set("slug", &story.slug);
    form.set("person_name", &story.person_name);
    form.set("role", &story.role);
    form.set("excerpt", &story.excerpt);
    form.set("body", &story.body);
    form.set("video_url", story.video_url.clone().unwrap_or_default());
    form.set_day("publish_at", story.publish_at);
    if let Some(id) = story.photo_media_id {
        form.set("photo_media_id", id);
    }
    form
}

/// Shows the story form: new (`story` None) or stored, with problems and a preview if any.
async fn show_form(
    admin: &Admin<'_>,
    story: Option<&story_rows::Model>,
    form: &FormData,
    shown: Shown,
) -> AppResult<Response> {
    let title = format!("{} — {}", form.text("person_name"), form.text("role"));
    let preview = shown
        .previewed()
        .then(|| preview(form, &title, &[("body", String::new())]));
    let story_view = item_view::<story_rows::Entity>(admin, story).await?;
    let action = match story {
        Some(story) => format!("/admin/temoignages/{}", story.id),
        None => "/admin/temoignages/nouveau".to_owned(),
    };
    let data = context! {
        form => form_view(form, &[], shown.errors()),
        story => story_view,
        preview => preview,
        action => admin.page.link(&action),
        images => super::media::choices(admin, &admin.scope()?).await?,
    };
    let title = admin.t(if story.is_some() {
        "admin-story-edit"
    } else {
        "admin-story-new"
    });
    admin.render_form(
        shown.errors(),
        "admin/story-form.html",
        title,
        "stories",
        data,
    )
}

#[handler]
pub async fn new_form(admin: Admin<'_>) -> AppResult<Response> {
    admin.tenant_id()?;
    show_form(&admin, None, &FormData::default(), Shown::Fresh).await
}

#[handler]
pub async fn create(admin: Admin<'_>, posted: Form<Pairs>) -> AppResult<Response> {
    save::<story_rows::Entity>(&admin, None, posted).await
}

#[handler]
pub async fn edit_form(admin: Admin<'_>, Path(id): Path<StoryId>) -> AppResult<Response> {
    items::edit_form::<story_rows::Entity>(&admin, id).await
}

#[handler]
pub async fn restore(
    admin: Admin<'_>,
    Path(version): Path<(StoryId, i32)>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    items::restore::<story_rows::Entity>(&admin, version, posted).await
}

#[handler]
pub async fn update(
    admin: Admin<'_>,
    Path(id): Path<StoryId>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    save::<story_rows::Entity>(&admin, Some(id), posted).await
}

#[handler]
pub async fn duplicate(
    admin: Admin<'_>,
    Path(id): Path<StoryId>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    admin.posted(posted)?;
    let (scope, now) = (admin.scope()?, admin.now());
    let (_, copy) = committed!(admin, |txn| content::duplicate::<story_rows::Entity>(
        &txn,
        &scope,
        id,
        |_| {},
        now
    )
    .await?);
    Ok(admin.redirect(&format!("/admin/temoignages/{}", copy.id), "duplicated"))
}

#[handler]
pub async fn archive(
    admin: Admin<'_>,
    Path(id): Path<StoryId>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    items::archive::<story_rows::Entity>(&admin, id, posted).await
}

#[handler]
pub async fn submit(
    admin: Admin<'_>,
    Path(id): Path<StoryId>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    items::submit::<story_rows::Entity>(&admin, id, posted).await
}

impl Written for story_rows::Entity {
    fn read(form: &FormData) -> (NewStory, Problems) {
        new_story(form)
    }

    fn stored_form(story: &story_rows::Model, _: &Snapshot) -> FormData {
        stored_form(story)
    }

    async fn show(
        admin: &Admin<'_>,
        stored: Option<&story_rows::Model>,
        form: &FormData,
        shown: Shown,
    ) -> AppResult<Response> {
        show_form(admin, stored, form, shown).await
    }
}
