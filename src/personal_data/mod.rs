//! A candidate's rights over what the site holds about their address (RGPD): they ask at
//! `/donnees-personnelles/demande` to receive it or to erase it, and confirm from the link
//! emailed to that address, so that only the address's owner can. What is held: their
//! applications (with the recruiters' notes and the CVs), their talent profile (with the
//! ministries it hides from and who wrote to them), their job alerts and the offers they were
//! sent, the emails to that address, and these requests. The export is a JSON file sent by
//! email; the erasure deletes every row and object of it, at once.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::{Value, json};

use crate::{
    candidates::{self, OptIn},
    codes::DataRequestKind,
    entities::{
        alert_deliveries, alerts, applications, data_requests, offers, outbox, talent_contacts,
        talent_hidden_tenants, talents, tenants,
    },
    error::{AppError, AppResult, Problems, Reason},
    mail,
    media::storage::Storage,
};

/// How long an address waits before the same request is emailed again.
const RESEND_AFTER: Duration = Duration::hours(1);
/// The name of the exported file.
pub const EXPORT_FILE: &str = "mes-donnees-metiers-du-numerique.json";

/// Takes a request of `kind` about `email` and emails its confirmation link to that address;
/// the same request within the hour is not emailed again. The page says the same whatever
/// the site holds.
pub async fn request(
    db: &DatabaseConnection,
    letterhead: &mail::Letterhead<'_>,
    (email, kind): (&str, &str),
    now: DateTime<Utc>,
) -> AppResult<()> {
    let (email, kind) = check(email, kind)?;
    let txn = crate::db::begin_write(db).await?;
    let recent = data_requests::Entity::find()
        .filter(data_requests::Column::Email.eq(email.as_str()))
        .filter(data_requests::Column::Kind.eq(kind))
        .filter(data_requests::Column::DoneAt.is_null())
        .filter(data_requests::Column::CreatedAt.gt(now - RESEND_AFTER))
        .count(&txn)
        .await?;
    if recent > 0 {
        return Ok(());
    }
    let token = crate::accounts::sessions::random_token()?;
    data_requests::ActiveModel {
        email: Set(email.clone()),
        kind: Set(kind),
        token: Set(token.clone()),
        created_at: Set(now),
        done_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let link = format!(
        "{}/donnees-personnelles/demande/{token}",
        letterhead.base_url
    );
    let args = [("kind", kind.as_str().to_owned()), ("link", link)];
    let mail = mail::compose(letterhead, "data_request", &email, &args)?;
    mail::enqueue(&txn, &mail, now).await?;
    txn.commit().await?;
    Ok(())
}

/// The address and the kind of a request, checked; every problem at once.
pub fn check(email: &str, kind: &str) -> AppResult<(String, DataRequestKind)> {
    let mut problems = Problems::default();
    let email = problems.check(crate::accounts::normalize_email(email))?;
    let kind = DataRequestKind::parse(kind);
    if kind.is_none() {
        problems.add("kind", Reason::Required);
    }
    problems.into_result()?;
    Ok((
        email.unwrap_or_default(),
        kind.unwrap_or(DataRequestKind::Export),
    ))
}

/// The request whose link holds `token`, and where it stands.
pub async fn find_by_link(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> AppResult<(data_requests::Model, OptIn)> {
    if !candidates::is_token(token) {
        return Err(AppError::NotFound);
    }
    let request = data_requests::Entity::find()
        .filter(data_requests::Column::Token.eq(token))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let state = OptIn::of(request.created_at, request.done_at, now);
    Ok((request, state))
}

/// What carrying out a request did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The export left by email.
    Sent,
    /// Everything about the address is gone.
    Erased,
    /// The link no longer waits (expired, or used).
    Stale(OptIn),
}

/// Carries out the request whose link holds `token`: emails the export, or erases.
pub async fn carry_out(
    db: &DatabaseConnection,
    storage: &Storage,
    letterhead: &mail::Letterhead<'_>,
    token: &str,
    now: DateTime<Utc>,
) -> AppResult<Outcome> {
    let (request, state) = find_by_link(db, token, now).await?;
    if state != OptIn::Waiting {
        return Ok(Outcome::Stale(state));
    }
    match request.kind {
        DataRequestKind::Export => {
            let held = export(db, &request.email, now).await?;
            // A JSON value always prints; the compact form is only a fallback.
            let file = serde_json::to_string_pretty(&held).unwrap_or_else(|_| held.to_string());
            let txn = crate::db::begin_write(db).await?;
            let mail = mail::compose(
                letterhead,
                "data_export",
                &request.email,
                &[("privacy", letterhead.privacy_link())],
            )?
            .attach(EXPORT_FILE, file);
            mail::enqueue(&txn, &mail, now).await?;
            let mut row: data_requests::ActiveModel = request.into();
            row.done_at = Set(Some(now));
            row.update(&txn).await?;
            txn.commit().await?;
            Ok(Outcome::Sent)
        }
        DataRequestKind::Erase => {
            erase(db, storage, &request.email).await?;
            Ok(Outcome::Erased)
        }
    }
}

/// Everything the site holds about `email`, as the export file says it.
pub async fn export(
    db: &impl ConnectionTrait,
    email: &str,
    now: DateTime<Utc>,
) -> AppResult<Value> {
    let names: std::collections::HashMap<i32, String> = tenants::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|tenant| (tenant.id, tenant.name))
        .collect();
    let ministry = |id: i32| names.get(&id).cloned().unwrap_or_default();
    let mut sent_applications = Vec::new();
    for application in applications::Entity::find()
        .filter(applications::Column::Email.eq(email))
        .order_by_asc(applications::Column::Id)
        .all(db)
        .await?
    {
        let offer = offers::Entity::find_by_id(application.offer_id)
            .one(db)
            .await?;
        sent_applications.push(json!({
            "offer": offer.map(|offer| offer.title),
            "ministry": ministry(application.tenant_id),
            "sent_at": application.created_at,
            "consented_at": application.consent_at,
            "first_name": application.first_name,
            "last_name": application.last_name,
            "phone": application.phone,
            "links": application.links.lines().collect::<Vec<_>>(),
            "message": application.message,
            "cv_bytes": application.cv_size,
            "status": application.status,
            "not_retained_reason": application.not_retained_reason,
            "recruiters_notes": application.notes,
        }));
    }
    let profile = match talents::Entity::find()
        .filter(talents::Column::Email.eq(email))
        .one(db)
        .await?
    {
        Some(talent) => {
            let hidden: Vec<String> = talent_hidden_tenants::Entity::find()
                .filter(talent_hidden_tenants::Column::TalentId.eq(talent.id))
                .all(db)
                .await?
                .into_iter()
                .map(|row| ministry(row.tenant_id))
                .collect();
            let contacts: Vec<Value> = talent_contacts::Entity::find()
                .filter(talent_contacts::Column::TalentId.eq(talent.id))
                .all(db)
                .await?
                .into_iter()
                .map(|contact| json!({ "ministry": ministry(contact.tenant_id), "at": contact.created_at }))
                .collect();
            json!({
                "first_name": talent.first_name,
                "last_name": talent.last_name,
                "professions": talent.professions.split(',').filter(|p| !p.is_empty()).collect::<Vec<_>>(),
                "seniority": talent.seniority,
                "regions": talent.regions.split(',').filter(|r| !r.is_empty()).collect::<Vec<_>>(),
                "available_from": talent.available_from,
                "links": talent.links.lines().collect::<Vec<_>>(),
                "summary": talent.summary,
                "cv_bytes": talent.cv_size,
                "hidden_from": hidden,
                "written_to_by": contacts,
                "confirmed_at": talent.confirmed_at,
                "renewed_at": talent.renewed_at,
            })
        }
        None => Value::Null,
    };
    let job_alerts: Vec<Value> = alerts::Entity::find()
        .filter(alerts::Column::Email.eq(email))
        .order_by_asc(alerts::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|alert| {
            json!({
                "search": alert.filter,
                "frequency": alert.frequency,
                "confirmed_at": alert.confirmed_at,
                "last_sent_at": alert.last_sent_at,
            })
        })
        .collect();
    let offers_sent = alert_deliveries::Entity::find()
        .filter(alert_deliveries::Column::Email.eq(email))
        .count(db)
        .await?;
    let emails = outbox::Entity::find()
        .filter(outbox::Column::Recipient.eq(email))
        .count(db)
        .await?;
    Ok(json!({
        "email": email,
        "exported_at": now,
        "applications": sent_applications,
        "talent_profile": profile,
        "job_alerts": job_alerts,
        "offers_sent_by_alerts": offers_sent,
        "emails_kept": emails,
    }))
}

/// Deletes everything about `email`: applications and their CVs, the talent profile and its
/// CV, the alerts and what they sent, the emails to the address and its requests. The files
/// go first: one that cannot be deleted stops the erasure, which may be asked again.
pub async fn erase(db: &DatabaseConnection, storage: &Storage, email: &str) -> AppResult<()> {
    let sent = applications::Entity::find()
        .filter(applications::Column::Email.eq(email))
        .all(db)
        .await?;
    for application in &sent {
        storage.delete(&application.cv_key).await?;
    }
    let txn = crate::db::begin_write(db).await?;
    applications::Entity::delete_many()
        .filter(applications::Column::Email.eq(email))
        .exec(&txn)
        .await?;
    if let Some(talent) = talents::Entity::find()
        .filter(talents::Column::Email.eq(email))
        .one(&txn)
        .await?
    {
        crate::talents::delete(&txn, storage, &talent).await?;
    }
    alerts::Entity::delete_many()
        .filter(alerts::Column::Email.eq(email))
        .exec(&txn)
        .await?;
    alert_deliveries::Entity::delete_many()
        .filter(alert_deliveries::Column::Email.eq(email))
        .exec(&txn)
        .await?;
    outbox::Entity::delete_many()
        .filter(outbox::Column::Recipient.eq(email))
        .exec(&txn)
        .await?;
    data_requests::Entity::delete_many()
        .filter(data_requests::Column::Email.eq(email))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Deletes the requests older than their link's validity; returns how many went.
pub(crate) async fn purge(db: &DatabaseConnection, now: DateTime<Utc>) -> AppResult<u64> {
    Ok(data_requests::Entity::delete_many()
        .filter(data_requests::Column::CreatedAt.lte(now - candidates::CONFIRM_WITHIN))
        .exec(db)
        .await?
        .rows_affected)
}
