//! `/admin/medias`: the current ministry's images. Upload one with its text alternative, see
//! where each shows, describe it again, replace its picture everywhere at once, delete it when
//! nothing shows it. Uploads are `multipart/form-data`, checked on the server whatever the
//! browser sent (size, type from the content, decoding: see `media::images`).

use minijinja::context;
use poem::{
    Response, handler,
    web::{Form, Multipart, Path},
};
use serde::Serialize;

use super::{
    Admin, Pairs,
    forms::{FormData, Shown, field_errors, form_view, read_multipart, refused},
    offers::Choice,
};
use crate::{
    accounts::Scope,
    entities::media as media_rows,
    error::{AppError, AppResult, Reason},
    ids::MediaId,
    media::{self, Picture, Upload, User},
};

#[derive(Serialize)]
struct Card {
    path: String,
    alt: String,
    picture: Picture,
    width: i32,
    height: i32,
    uses: usize,
}

/// The largest upload, in megabytes, for the form's hint.
fn max_megabytes(admin: &Admin<'_>) -> String {
    let megabytes = admin.state.config.media.upload_max_bytes as f64 / 1_000_000.0;
    format!("{megabytes:.1}").replace(".0", "")
}

async fn show_library(admin: &Admin<'_>, form: &FormData, shown: Shown) -> AppResult<Response> {
    let scope = admin.scope()?;
    let rows = media::list(&admin.state.db, &scope).await?;
    let uses = media::use_counts(&admin.state.db, &scope).await?;
    let cards: Vec<Card> = rows
        .iter()
        .map(|row| Card {
            path: admin.page.link(&format!("/admin/medias/{}", row.id)),
            alt: row.alt.clone(),
            picture: media::picture(row),
            width: row.width.unwrap_or(0),
            height: row.height.unwrap_or(0),
            uses: uses.get(&row.id).copied().unwrap_or(0),
        })
        .collect();
    let data = context! {
        images => cards,
        form => form_view(form, &[], shown.errors()),
        action => admin.page.link("/admin/medias"),
        max_megabytes => max_megabytes(admin),
    };
    let title = admin.t("admin-media-title");
    admin.render_form(shown.errors(), "admin/media.html", title, "media", data)
}

#[handler]
pub async fn library(admin: Admin<'_>) -> AppResult<Response> {
    show_library(&admin, &FormData::default(), Shown::Fresh).await
}

/// Reads an upload form: its fields once their CSRF token is checked, and the file. A file
/// refused while reading (too large) comes back as the form's problems.
async fn read_upload(
    admin: &Admin<'_>,
    multipart: Multipart,
) -> AppResult<Result<(FormData, Vec<u8>), AppError>> {
    match read_multipart(multipart, admin.state.config.media.upload_max_bytes).await {
        Ok((form, bytes)) => Ok(Ok((admin.checked(form)?, bytes))),
        Err(error @ AppError::Invalid(_)) => Ok(Err(error)),
        Err(error) => Err(error),
    }
}

/// A store that does not answer is told on the form, which keeps what was typed.
fn storage_down<T>(result: AppResult<T>) -> AppResult<T> {
    result.map_err(|error| match error {
        AppError::Storage(message) => {
            tracing::error!(%message, "an upload could not be stored");
            AppError::invalid("file", Reason::StorageDown)
        }
        other => other,
    })
}

#[handler]
pub async fn upload(admin: Admin<'_>, multipart: Multipart) -> AppResult<Response> {
    let (form, bytes) = match read_upload(&admin, multipart).await? {
        Ok(read) => read,
        Err(error) => {
            let errors = field_errors(&admin, &error);
            return show_library(&admin, &FormData::default(), Shown::Refused(errors)).await;
        }
    };
    let (scope, now) = (admin.scope()?, admin.now());
    let state = admin.state;
    let file = Upload {
        bytes,
        alt: form.text("alt"),
    };
    let max_bytes = state.config.media.upload_max_bytes;
    let stored = media::store(&state.db, &state.storage, &scope, file, max_bytes, now).await;
    match refused(&admin, storage_down(stored))? {
        Ok(row) => Ok(admin.redirect(&format!("/admin/medias/{}", row.id), "uploaded")),
        Err(errors) => show_library(&admin, &form, Shown::Refused(errors)).await,
    }
}

#[derive(Serialize)]
struct Use {
    label: String,
    path: String,
}

async fn show_item(
    admin: &Admin<'_>,
    row: &media_rows::Model,
    form: &FormData,
    shown: Shown,
) -> AppResult<Response> {
    // A logo shows on the ministry's settings, which only its managers open; editors are led
    // to its public page.
    let ministry_page = match &admin.current {
        Some(tenant) if !admin.actor.can_manage(tenant.key()) => {
            format!("/ministeres/{}", tenant.slug)
        }
        _ => "/admin/ministere".to_owned(),
    };
    let used_by: Vec<Use> = media::used_by(&admin.state.db, row)
        .await?
        .into_iter()
        .map(|user| match user {
            User::Logo(name) => Use {
                label: format!("{} — {name}", admin.t("admin-media-used-as-logo")),
                path: admin.page.link(&ministry_page),
            },
            User::Photo(id, name) => Use {
                label: format!("{} — {name}", admin.t("admin-media-used-as-photo")),
                path: admin.page.link(&format!("/admin/temoignages/{id}")),
            },
            User::Illustration(id, title) => Use {
                label: format!("{} — {title}", admin.t("admin-media-used-as-illustration")),
                path: admin.page.link(&format!("/admin/offres/{id}")),
            },
        })
        .collect();
    let mut values = form.clone();
    if values.text("alt").is_empty() {
        values.set("alt", &row.alt);
    }
    let base = admin.page.link(&format!("/admin/medias/{}", row.id));
    let data = context! {
        image => context! {
            picture => media::picture(row),
            alt => row.alt,
            width => row.width,
            height => row.height,
            size_kb => row.size / 1000,
            created_at => row.created_at.format("%d/%m/%Y").to_string(),
        },
        used_by => used_by,
        form => form_view(&values, &[], shown.errors()),
        base => base,
        max_megabytes => max_megabytes(admin),
    };
    let title = admin.t("admin-media-item-title");
    admin.render_form(
        shown.errors(),
        "admin/media-item.html",
        title,
        "media",
        data,
    )
}

async fn current_item(admin: &Admin<'_>, id: MediaId) -> AppResult<media_rows::Model> {
    media::find(&admin.state.db, &admin.scope()?, id).await
}

#[handler]
pub async fn item(admin: Admin<'_>, Path(id): Path<MediaId>) -> AppResult<Response> {
    let row = current_item(&admin, id).await?;
    show_item(&admin, &row, &FormData::default(), Shown::Fresh).await
}

#[handler]
pub async fn describe(
    admin: Admin<'_>,
    Path(id): Path<MediaId>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    let form = admin.posted(posted)?;
    let (scope, now) = (admin.scope()?, admin.now());
    let alt = form.text("alt");
    let described = async {
        Ok(committed!(admin, |txn| media::describe(
            &txn, &scope, id, &alt, now
        )
        .await?))
    };
    match refused(&admin, described.await)? {
        Ok(_) => Ok(admin.redirect(&format!("/admin/medias/{id}"), "described")),
        Err(errors) => {
            let row = current_item(&admin, id).await?;
            show_item(&admin, &row, &form, Shown::Refused(errors)).await
        }
    }
}

#[handler]
pub async fn replace(
    admin: Admin<'_>,
    Path(id): Path<MediaId>,
    multipart: Multipart,
) -> AppResult<Response> {
    let row = current_item(&admin, id).await?;
    let (form, bytes) = match read_upload(&admin, multipart).await? {
        Ok(read) => read,
        Err(error) => {
            let errors = field_errors(&admin, &error);
            return show_item(&admin, &row, &FormData::default(), Shown::Refused(errors)).await;
        }
    };
    let (scope, now) = (admin.scope()?, admin.now());
    let state = admin.state;
    let file = Upload {
        bytes,
        alt: String::new(),
    };
    let max_bytes = state.config.media.upload_max_bytes;
    let replaced =
        media::replace(&state.db, &state.storage, &scope, id, file, max_bytes, now).await;
    match refused(&admin, storage_down(replaced))? {
        Ok(_) => Ok(admin.redirect(&format!("/admin/medias/{id}"), "replaced")),
        Err(errors) => show_item(&admin, &row, &form, Shown::Refused(errors)).await,
    }
}

#[handler]
pub async fn delete(
    admin: Admin<'_>,
    Path(id): Path<MediaId>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    let form = admin.posted(posted)?;
    let (scope, now) = (admin.scope()?, admin.now());
    let state = admin.state;
    let deleted = media::delete(&state.db, &state.storage, &scope, id, now).await;
    match refused(&admin, deleted)? {
        Ok(()) => Ok(admin.redirect("/admin/medias", "deleted")),
        Err(errors) => {
            let row = current_item(&admin, id).await?;
            show_item(&admin, &row, &form, Shown::Refused(errors)).await
        }
    }
}

/// The images of the scope's ministry, as choices for a form's image field.
pub(super) async fn choices(admin: &Admin<'_>, scope: &Scope) -> AppResult<Vec<Choice>> {
    Ok(media::list(&admin.state.db, scope)
        .await?
        .into_iter()
        .map(|row| Choice {
            code: row.id.to_string(),
            label: row.alt,
        })
        .collect())
}
