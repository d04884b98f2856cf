//! `/admin/candidatures`: the current ministry's applications (filter by offer and status), one
//! application with its status and its CV. Members of the ministry and DINUM admins only;
//! nothing here is ever cached.

use std::collections::HashMap;

use minijinja::context;
use poem::{
    Response, handler,
    http::header,
    web::{Form, Path, Query},
};
use serde::Serialize;

use super::{
    Admin, Pairs,
    forms::{FormData, Shown, form_view, refused},
};
use crate::{
    applications::inbox,
    codes::{ApplicationStatus, NotRetainedReason},
    entities::applications as application_rows,
    error::AppResult,
    ids::{ApplicationId, OfferId},
};

#[derive(Serialize)]
struct Row {
    path: String,
    name: String,
    offer: String,
    status: ApplicationStatus,
    status_label: String,
    received_at: String,
}

/// The inbox, filtered by offer (`offre`, an id) and status (`statut`).
#[handler]
pub async fn list(
    admin: Admin<'_>,
    Query(params): Query<HashMap<String, String>>,
) -> AppResult<Response> {
    let scope = admin.scope()?;
    let offer = params
        .get("offre")
        .and_then(|id| id.parse().ok())
        .map(OfferId::new);
    let status = params
        .get("statut")
        .and_then(|code| ApplicationStatus::parse(code));
    let limit = inbox::INBOX_LIMIT;
    let found = inbox::list(&admin.state.db, &scope, (offer, status), Some(limit + 1)).await?;
    let more = found.len() as u64 > limit;
    let rows: Vec<Row> = found
        .into_iter()
        .take(limit as usize)
        .map(|received| {
            let application = received.application;
            Row {
                path: admin
                    .page
                    .link(&format!("/admin/candidatures/{}", application.id)),
                name: format!("{} {}", application.first_name, application.last_name),
                offer: received.offer_title,
                status_label: admin.t(&format!("admin-application-status-{}", application.status)),
                status: application.status,
                received_at: application.created_at.format("%d/%m/%Y").to_string(),
            }
        })
        .collect();
    let data = context! {
        applications => rows,
        more => more,
        limit => limit,
        statuses => status_choices(&admin),
        filter => context! {
            statut => status.map(ApplicationStatus::as_str).unwrap_or(""),
            offre => offer.map(|id| id.to_string()).unwrap_or_default(),
        },
    };
    let title = admin.t("admin-applications-title");
    admin.render("admin/applications.html", title, "applications", data)
}

fn status_choices(admin: &Admin<'_>) -> Vec<super::offers::Choice> {
    ApplicationStatus::ALL
        .iter()
        .map(|status| super::offers::Choice {
            code: status.as_str().to_owned(),
            label: admin.t(&format!("admin-application-status-{status}")),
        })
        .collect()
}

/// The page of `application`, with its forms as `shown`; a refused form shows what was typed.
async fn show(
    admin: &Admin<'_>,
    application: &application_rows::Model,
    (shown, typed): (Shown, Option<&FormData>),
) -> AppResult<Response> {
    let base = format!("/admin/candidatures/{}", application.id);
    let next: Vec<super::offers::Choice> = status_choices(admin)
        .into_iter()
        .filter(|choice| {
            ApplicationStatus::parse(&choice.code)
                .is_some_and(|to| inbox::may_move(application.status, to))
        })
        .collect();
    let reasons: Vec<super::offers::Choice> = NotRetainedReason::ALL
        .iter()
        .map(|reason| super::offers::Choice {
            code: reason.as_str().to_owned(),
            label: admin.t(&format!("admin-application-reason-{reason}")),
        })
        .collect();
    let data = context! {
        application => context! {
            name => format!("{} {}", application.first_name, application.last_name),
            email => application.email,
            phone => application.phone,
            links => application.links.lines().collect::<Vec<_>>(),
            message => application.message,
            status_label => admin.t(&format!("admin-application-status-{}", application.status)),
            reason_label => application
                .not_retained_reason
                .map(|reason| admin.t(&format!("admin-application-reason-{reason}"))),
            received_at => super::paris_time(application.created_at),
            cv_kb => application.cv_size / 1000,
            offer_path => admin.page.link(&format!("/admin/offres/{}", application.offer_id)),
        },
        next => next,
        reasons => reasons,
        // What was typed in the notes, when the notes were the form refused.
        notes => typed
            .filter(|form| !form.all("notes").is_empty())
            .map_or(application.notes.as_str(), |form| form.raw("notes")),
        notes_action => admin.page.link(&format!("{base}/notes")),
        export => admin.page.link(&format!("/admin/offres/{}/candidatures.csv", application.offer_id)),
        form => form_view(typed.unwrap_or(&FormData::default()), &[], shown.errors()),
        action => admin.page.link(&format!("{base}/statut")),
        cv => admin.page.link(&format!("{base}/cv")),
    };
    let title = admin.t("admin-application-title");
    admin.render_form(
        shown.errors(),
        "admin/application.html",
        title,
        "applications",
        data,
    )
}

#[handler]
pub async fn item(admin: Admin<'_>, Path(id): Path<ApplicationId>) -> AppResult<Response> {
    let application = inbox::find(&admin.state.db, &admin.scope()?, id).await?;
    show(&admin, &application, (Shown::Fresh, None)).await
}

/// Moves the application to the status chosen, with a reason when not retained.
#[handler]
pub async fn change_status(
    admin: Admin<'_>,
    Path(id): Path<ApplicationId>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    let form = admin.posted(posted)?;
    let (scope, now) = (admin.scope()?, admin.now());
    let to = ApplicationStatus::parse(&form.text("status"));
    let reason = NotRetainedReason::parse(&form.text("reason"));
    let letterhead = admin.state.letterhead();
    let changed = async {
        let to = to.ok_or_else(|| {
            crate::error::AppError::invalid("status", crate::error::Reason::UnknownCode)
        })?;
        Ok(committed!(admin, |txn| inbox::change_status(
            &txn,
            &letterhead,
            &scope,
            id,
            (to, reason),
            now
        )
        .await?))
    };
    back_to_it(&admin, (&scope, id), &form, changed.await).await
}

/// Saves the recruiters' private notes.
#[handler]
pub async fn save_notes(
    admin: Admin<'_>,
    Path(id): Path<ApplicationId>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    let form = admin.posted(posted)?;
    let (scope, now) = (admin.scope()?, admin.now());
    let notes = form.raw("notes").to_owned();
    let saved = async {
        Ok(committed!(admin, |txn| inbox::save_notes(
            &txn, &scope, id, &notes, now
        )
        .await?))
    };
    back_to_it(&admin, (&scope, id), &form, saved.await).await
}

/// After a change of application `id`: its page, saying so, or showing what was refused
/// with what was typed in `form`.
async fn back_to_it<T>(
    admin: &Admin<'_>,
    (scope, id): (&crate::accounts::Scope, ApplicationId),
    form: &FormData,
    changed: AppResult<T>,
) -> AppResult<Response> {
    match refused(admin, changed)? {
        Ok(_) => Ok(admin.redirect(&format!("/admin/candidatures/{id}"), "saved")),
        Err(errors) => {
            let application = inbox::find(&admin.state.db, scope, id).await?;
            show(admin, &application, (Shown::Refused(errors), Some(form))).await
        }
    }
}

/// The applications to one offer as a CSV file; the export is audited.
#[handler]
pub async fn export(admin: Admin<'_>, Path(offer): Path<OfferId>) -> AppResult<Response> {
    let (scope, now) = (admin.scope()?, admin.now());
    let labels = |key: &str| admin.t(key);
    let csv = committed!(admin, |txn| inbox::csv(&txn, &scope, offer, &labels, now)
        .await?);
    let name = format!("candidatures-offre-{offer}.csv");
    Ok(attachment("text/csv; charset=utf-8", &name, csv))
}

/// A private file to download: never cached, saved under `name`.
pub(super) fn attachment(content_type: &str, name: &str, body: impl Into<poem::Body>) -> Response {
    Response::builder()
        .header(header::CONTENT_TYPE, content_type)
        .header(
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        )
        .header(header::CACHE_CONTROL, "no-store")
        .body(body)
}

/// The CV, as an attachment nobody caches; reading it is audited.
#[handler]
pub async fn cv(admin: Admin<'_>, Path(id): Path<ApplicationId>) -> AppResult<Response> {
    let state = admin.state;
    let bytes = inbox::cv(&state.db, &state.storage, &admin.scope()?, id, admin.now()).await?;
    Ok(attachment(
        "application/pdf",
        &format!("cv-{id}.pdf"),
        bytes,
    ))
}
