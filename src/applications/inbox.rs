//! A ministry's applications as its recruiters process them: the inbox, one application, its
//! status (`received` → `in_review` → `interview` → `hired` | `not_retained`), and its CV,
//! read only through the ministry's scope. Every change is audited without the candidate's
//! data (the status before and after, never a name or a note); reading a CV is audited too.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use crate::{
    accounts::Scope,
    audit,
    codes::{ApplicationStatus, NotRetainedReason},
    entities::{applications, offers},
    error::{AppError, AppResult, Reason},
    ids::{ApplicationId, OfferId},
    mail,
    media::storage::Storage,
};

/// The most applications the inbox lists at once (the CSV export has no limit).
pub const INBOX_LIMIT: u64 = 500;

/// An application with the title of its offer.
pub struct Received {
    pub application: applications::Model,
    pub offer_title: String,
}

/// The scope's ministry's applications, newest first, to one offer and in one status if given;
/// at most `limit` of them if given.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &Scope,
    wanted: (Option<OfferId>, Option<ApplicationStatus>),
    limit: Option<u64>,
) -> AppResult<Vec<Received>> {
    use sea_orm::QuerySelect;
    let rows = filtered(scope, wanted).limit(limit).all(db).await?;
    with_titles(db, scope, rows).await
}

/// A page of the scope's ministry's applications as [`list`] orders them, from `offset`, with
/// how many there are.
pub async fn page(
    db: &impl ConnectionTrait,
    scope: &Scope,
    wanted: (Option<OfferId>, Option<ApplicationStatus>),
    (offset, limit): (u64, u64),
) -> AppResult<(Vec<Received>, u64)> {
    use sea_orm::{PaginatorTrait, QuerySelect};
    let total = filtered(scope, wanted).count(db).await?;
    let rows = filtered(scope, wanted)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    Ok((with_titles(db, scope, rows).await?, total))
}

/// The scope's ministry's applications to one offer and in one status if given, newest first.
fn filtered(
    scope: &Scope,
    (offer, status): (Option<OfferId>, Option<ApplicationStatus>),
) -> sea_orm::Select<applications::Entity> {
    let mut query = applications::Entity::find()
        .filter(applications::Column::TenantId.eq(scope.tenant()))
        .order_by_desc(applications::Column::UpdatedAt)
        .order_by_desc(applications::Column::Id);
    if let Some(offer) = offer {
        query = query.filter(applications::Column::OfferId.eq(offer));
    }
    if let Some(status) = status {
        query = query.filter(applications::Column::Status.eq(status));
    }
    query
}

/// `rows` with the titles of their offers.
async fn with_titles(
    db: &impl ConnectionTrait,
    scope: &Scope,
    rows: Vec<applications::Model>,
) -> AppResult<Vec<Received>> {
    let titles: std::collections::HashMap<i32, String> = offers::Entity::find()
        .filter(offers::Column::TenantId.eq(scope.tenant()))
        .filter(offers::Column::Id.is_in(rows.iter().map(|row| row.offer_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|offer| (offer.id, offer.title))
        .collect();
    Ok(rows
        .into_iter()
        .map(|application| Received {
            offer_title: titles
                .get(&application.offer_id)
                .cloned()
                .unwrap_or_default(),
            application,
        })
        .collect())
}

/// Application `id` of the scope's ministry, with the title of its offer.
pub async fn find_received(
    db: &impl ConnectionTrait,
    scope: &Scope,
    id: ApplicationId,
) -> AppResult<Received> {
    let row = find(db, scope, id).await?;
    with_titles(db, scope, vec![row])
        .await?
        .pop()
        .ok_or(AppError::NotFound)
}

/// How many applications `offer` of the scope's ministry received.
pub async fn count_for(db: &impl ConnectionTrait, scope: &Scope, offer: OfferId) -> AppResult<u64> {
    use sea_orm::PaginatorTrait;
    Ok(applications::Entity::find()
        .filter(applications::Column::TenantId.eq(scope.tenant()))
        .filter(applications::Column::OfferId.eq(offer))
        .count(db)
        .await?)
}

/// Application `id` of the scope's ministry.
pub async fn find(
    db: &impl ConnectionTrait,
    scope: &Scope,
    id: ApplicationId,
) -> AppResult<applications::Model> {
    applications::Entity::find_by_id(id.get())
        .filter(applications::Column::TenantId.eq(scope.tenant()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Whether an application may go from `from` to `to`: forward through the steps, or to
/// `not_retained` from any step before a decision; a decision is final.
pub fn may_move(from: ApplicationStatus, to: ApplicationStatus) -> bool {
    use ApplicationStatus::*;
    let step = |status| match status {
        Received => 0,
        InReview => 1,
        Interview => 2,
        Hired | NotRetained => 3,
    };
    !matches!(from, Hired | NotRetained)
        && from != to
        && (to == NotRetained || step(to) > step(from))
}

fn subject(application: &applications::Model) -> audit::Subject<'static> {
    audit::Subject {
        tenant_id: Some(application.tenant_id),
        entity_type: "application",
        entity_id: Some(application.id),
    }
}

/// Moves application `id` to `to`; `not_retained` needs a `reason`, which the candidate is
/// told; `hired` (a recruitment made through the site) is told too. Call it in a transaction.
pub async fn change_status(
    db: &impl ConnectionTrait,
    letterhead: &mail::Letterhead<'_>,
    scope: &Scope,
    id: ApplicationId,
    (to, reason): (ApplicationStatus, Option<NotRetainedReason>),
    now: DateTime<Utc>,
) -> AppResult<applications::Model> {
    let before = find(db, scope, id).await?;
    if !may_move(before.status, to) {
        return Err(AppError::invalid("status", Reason::WrongStatus));
    }
    let reason = match (to, reason) {
        (ApplicationStatus::NotRetained, None) => {
            return Err(AppError::invalid("reason", Reason::Required));
        }
        (ApplicationStatus::NotRetained, reason) => reason,
        _ => None,
    };
    let mut active: applications::ActiveModel = before.clone().into();
    active.status = Set(to);
    active.not_retained_reason = Set(reason);
    active.updated_at = Set(now);
    let after = active.update(db).await?;
    let change = |row: &applications::Model| serde_json::json!({ "status": row.status, "reason": row.not_retained_reason });
    let (old, new) = (change(&before), change(&after));
    audit::record(
        db,
        scope.user(),
        "application.status",
        subject(&after),
        Some(&old),
        Some(&new),
        now,
    )
    .await?;
    if to == ApplicationStatus::Hired {
        crate::statistics::record_hire(db, &after, now).await?;
    }
    tell_candidate(db, letterhead, &after, now).await?;
    Ok(after)
}

/// Emails the candidate a decision: hired, or not retained with the reason.
async fn tell_candidate(
    db: &impl ConnectionTrait,
    letterhead: &mail::Letterhead<'_>,
    application: &applications::Model,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let kind = match application.status {
        ApplicationStatus::Hired => "application_hired",
        ApplicationStatus::NotRetained => "application_not_retained",
        _ => return Ok(()),
    };
    let title = offers::Entity::find_by_id(application.offer_id)
        .one(db)
        .await?
        .map(|offer| offer.title)
        .unwrap_or_default();
    let reason = application
        .not_retained_reason
        .map(|reason| reason.as_str().to_owned())
        .unwrap_or_default();
    let args = [
        ("title", title),
        ("reason", reason),
        ("privacy", letterhead.privacy_link()),
    ];
    let mail = mail::compose(letterhead, kind, &application.email, &args)?;
    mail::enqueue(db, &mail, now).await?;
    Ok(())
}

/// The columns of the CSV export, each named by `admin-applications-csv-COLUMN`.
pub const CSV_COLUMNS: [&str; 8] = [
    "received",
    "first-name",
    "last-name",
    "email",
    "phone",
    "links",
    "status",
    "reason",
];

/// The longest private note, in characters.
pub const MAX_NOTES_CHARS: usize = 5_000;

/// Rewrites the recruiters' private notes on application `id` (never shown to the candidate).
/// The audit log records that they changed, not what they say. Call it in a transaction.
pub async fn save_notes(
    db: &impl ConnectionTrait,
    scope: &Scope,
    id: ApplicationId,
    notes: &str,
    now: DateTime<Utc>,
) -> AppResult<applications::Model> {
    let before = find(db, scope, id).await?;
    let notes = notes.trim();
    crate::text::check_length("notes", notes, MAX_NOTES_CHARS)?;
    let mut active: applications::ActiveModel = before.into();
    active.notes = Set(notes.to_owned());
    let after = active.update(db).await?;
    let subject = subject(&after);
    audit::record::<()>(
        db,
        scope.user(),
        "application.notes",
        subject,
        None,
        None,
        now,
    )
    .await?;
    Ok(after)
}

/// The applications to `offer` of the scope's ministry as a CSV file for a spreadsheet
/// (UTF-8 with a byte-order mark, `;` between fields, as French spreadsheets expect);
/// `labels` names the columns, the statuses and the reasons. The export is audited.
pub async fn csv(
    db: &impl ConnectionTrait,
    scope: &Scope,
    offer: OfferId,
    labels: &impl Fn(&str) -> String,
    now: DateTime<Utc>,
) -> AppResult<String> {
    let offer = offers::Entity::find_by_id(offer.get())
        .filter(offers::Column::TenantId.eq(scope.tenant()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let rows = list(db, scope, (Some(offer.key()), None), None).await?;
    let mut out = String::from("\u{feff}");
    let heading: Vec<String> = CSV_COLUMNS
        .iter()
        .map(|column| labels(&format!("admin-applications-csv-{column}")))
        .collect();
    push_line(&mut out, &heading);
    for Received { application, .. } in rows {
        let reason = application
            .not_retained_reason
            .map(|reason| labels(&format!("admin-application-reason-{reason}")))
            .unwrap_or_default();
        push_line(
            &mut out,
            &[
                application.created_at.format("%d/%m/%Y").to_string(),
                application.first_name,
                application.last_name,
                application.email,
                application.phone.unwrap_or_default(),
                application.links.replace('\n', " "),
                labels(&format!("admin-application-status-{}", application.status)),
                reason,
            ],
        );
    }
    let subject = audit::Subject {
        tenant_id: Some(offer.tenant_id),
        entity_type: "offer",
        entity_id: Some(offer.id),
    };
    audit::record::<()>(
        db,
        scope.user(),
        "application.export",
        subject,
        None,
        None,
        now,
    )
    .await?;
    Ok(out)
}

/// Appends one CSV line of `fields`: quoted when they hold a separator, a quote or a line
/// break, and never read as a formula by a spreadsheet (a leading `=`, `+`, `-` or `@` gets
/// an apostrophe).
fn push_line(out: &mut String, fields: &[String]) {
    let cells: Vec<String> = fields
        .iter()
        .map(|field| {
            let field = if field.starts_with(['=', '+', '-', '@']) {
                format!("'{field}")
            } else {
                field.clone()
            };
            if field.contains([';', '"', '\n', '\r']) {
                format!("\"{}\"", field.replace('"', "\"\""))
            } else {
                field
            }
        })
        .collect();
    out.push_str(&cells.join(";"));
    out.push_str("\r\n");
}

/// The CV of application `id`, for a member of its ministry (or a DINUM admin); the reading
/// is audited.
pub async fn cv(
    db: &impl ConnectionTrait,
    storage: &Storage,
    scope: &Scope,
    id: ApplicationId,
    now: DateTime<Utc>,
) -> AppResult<Vec<u8>> {
    let application = find(db, scope, id).await?;
    let bytes = storage
        .get(&application.cv_key)
        .await?
        .ok_or(AppError::NotFound)?;
    let subject = subject(&application);
    audit::record::<()>(db, scope.user(), "application.cv", subject, None, None, now).await?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ApplicationStatus::*;

    #[test]
    fn csv_cells_are_quoted_and_never_formulas() {
        let mut out = String::new();
        let cells = ["a;b", "say \"hi\"", "=1+1", "plain"].map(str::to_owned);
        push_line(&mut out, &cells);
        assert_eq!(out, "\"a;b\";\"say \"\"hi\"\"\";'=1+1;plain\r\n");
    }

    #[test]
    fn applications_move_forward_and_decisions_are_final() {
        for (from, to) in [
            (Received, InReview),
            (Received, Interview),
            (InReview, Hired),
            (Interview, Hired),
            (Received, NotRetained),
            (Interview, NotRetained),
        ] {
            assert!(may_move(from, to), "{from} → {to}");
        }
        for (from, to) in [
            (InReview, Received),
            (Hired, NotRetained),
            (NotRetained, Interview),
            (Received, Received),
        ] {
            assert!(!may_move(from, to), "{from} → {to}");
        }
    }
}
