//! Applications made on the site to the offers whose apply mode is `on_site`.
//!
//! A candidate sends their details, a message and a CV (a PDF, checked by its content). The
//! CV is a private object of the media store, under `private/`: the public `/media/` route
//! serves only the renditions of known images, and the S3 bucket is private. One application
//! per email and offer: applying again updates the first (and replaces its CV) until a recruiter
//! starts processing it. The candidate
//! is emailed a confirmation, the offer's author and the ministry's managers a notification,
//! all through the outbox, in the transaction that stores the application.
//!
//! Personal data is minimised: no IP address, user agent or file name is kept, and the audit
//! log records that an application arrived, not who sent it.

pub mod inbox;
mod pdf;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect, Set,
};

pub use pdf::check_cv;

use crate::{
    analytics::{self, Metric},
    audit, candidates,
    codes::{ApplicationStatus, ApplyMode},
    entities::{applications, offers},
    error::{AppError, AppResult, Problems, Reason},
    ids::TenantId,
    mail,
    media::{private, storage::Storage},
    text,
};

/// How many applications one client address may send a minute (counted in memory only).
pub const PER_CLIENT_AND_MINUTE: u32 = 5;
/// The largest CV, in bytes.
pub const CV_MAX_BYTES: usize = 5_000_000;
/// The longest message, in characters.
pub const MAX_MESSAGE_CHARS: usize = 5_000;
/// How long an application is kept, by default, before the retention job deletes it with its
/// CV (`METIERS_APPLICATION_RETENTION_DAYS`).
pub const DEFAULT_RETENTION_DAYS: i64 = 730;

/// How long applications are kept, in whole years rounded up (at least one), as candidates
/// are told: never less than the truth.
pub fn retention_years(days: i64) -> i64 {
    ((days + 364) / 365).max(1)
}

/// What a candidate sends.
#[derive(Clone, Debug, Default)]
pub struct NewApplication {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    /// Profile links, one per line.
    pub links: String,
    pub message: String,
    /// The CV's bytes.
    pub cv: Vec<u8>,
    /// The candidate agreed to the processing of their data for the period stated.
    pub consent: bool,
    /// That period, in years, as the form stated it and the confirmation repeats it.
    pub retention_years: i64,
}

/// What storing an application tells its emails: the site, the offer, how long it is kept.
struct Kept<'a> {
    letterhead: &'a mail::Letterhead<'a>,
    offer: &'a offers::Model,
    retention_years: i64,
}

/// The fields of `new`, checked: names, email (lower-cased), phone, links and message.
struct Checked {
    first_name: String,
    last_name: String,
    email: String,
    phone: Option<String>,
    links: String,
    message: String,
}

impl NewApplication {
    /// Refuses what [`apply`] would refuse of the application itself, every problem at once
    /// (what is wrong with the offer aside).
    pub fn validate(&self) -> AppResult<()> {
        self.check().map(|_| ())
    }

    /// The fields, checked; every problem found at once.
    fn check(&self) -> AppResult<Checked> {
        let mut problems = Problems::default();
        let (first_name, last_name) =
            candidates::check_names(&mut problems, &self.first_name, &self.last_name)?;
        let email = problems.check(crate::accounts::normalize_email(&self.email))?;
        let phone = self.phone.trim();
        if !phone.is_empty() && !is_phone(phone) {
            problems.add("phone", Reason::NotAPhone);
        }
        let links = candidates::check_links(&mut problems, &self.links)?;
        let message = self.message.trim();
        problems.check(text::check_length("message", message, MAX_MESSAGE_CHARS))?;
        if !self.consent {
            problems.add("consent", Reason::Required);
        }
        problems.check(check_cv(&self.cv))?;
        problems.into_result()?;
        Ok(Checked {
            first_name,
            last_name,
            email: email.unwrap_or_default(),
            phone: (!phone.is_empty()).then(|| phone.to_owned()),
            links,
            message: message.to_owned(),
        })
    }
}

/// A plausible phone number: digits, spaces, dots, dashes, parentheses and a leading `+`,
/// with 6 to 15 digits.
fn is_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    phone.len() <= 30
        && (6..=15).contains(&digits)
        && phone.char_indices().all(|(at, c)| {
            c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '(' | ')') || (c == '+' && at == 0)
        })
}

/// Whether candidates apply to `offer` on this site now: it is live and its apply mode is
/// `on_site`.
pub fn takes_applications(offer: &offers::Model, now: DateTime<Utc>) -> bool {
    offer.apply_mode == ApplyMode::OnSite.as_str()
        && crate::offers::visibility(offer, now) == Some(crate::offers::Visibility::Live)
}

/// Stores the application of `new` to `offer`, or updates the one the same email made before
/// while it waits to be read, with its CV; writes the confirmation and the notifications to the
/// outbox. An application already being processed is left as it is, and its candidate is
/// emailed so (whoever typed their address learns nothing on the page). `offer` must take
/// applications ([`takes_applications`]); one that closed meanwhile is refused with
/// [`AppError::Gone`].
pub async fn apply(
    db: &DatabaseConnection,
    storage: &Storage,
    letterhead: &mail::Letterhead<'_>,
    offer: &offers::Model,
    new: NewApplication,
    now: DateTime<Utc>,
) -> AppResult<applications::Model> {
    let kept = Kept {
        letterhead,
        offer,
        retention_years: new.retention_years,
    };
    if !takes_applications(offer, now) {
        return Err(AppError::Gone);
    }
    let checked = new.check()?;
    let key = private::new_key(&cv_folder(TenantId::new(offer.tenant_id)), now)?;
    storage.put(&key, &new.cv, "application/pdf").await?;
    let cv = (
        key.as_str(),
        i64::try_from(new.cv.len()).unwrap_or(i64::MAX),
    );
    let saved = match save(db, &kept, &checked, cv, now).await {
        // The same candidate sent twice at once: the second finds the first, now stored.
        Err(AppError::Database(error)) if crate::db::is_unique_violation(&error) => {
            save(db, &kept, &checked, cv, now).await
        }
        saved => saved,
    };
    let saved = saved.map(|(application, unused)| (application, unused.into_iter().collect()));
    private::settle(storage, Some(&key), saved).await
}

/// The private folder of the CVs sent to ministry `tenant`'s offers.
fn cv_folder(tenant: TenantId) -> String {
    format!("applications/tenant-{tenant}")
}

/// Writes the application in one transaction with its emails; returns it and the key of the
/// CV no longer used: the one it replaced, or the new one when the application was already
/// being processed and stays as it was.
async fn save(
    db: &DatabaseConnection,
    kept: &Kept<'_>,
    checked: &Checked,
    (cv_key, cv_size): (&str, i64),
    now: DateTime<Utc>,
) -> AppResult<(applications::Model, Option<String>)> {
    let offer = kept.offer;
    let txn = crate::db::begin_write(db).await?;
    let earlier = applications::Entity::find()
        .filter(applications::Column::OfferId.eq(offer.id))
        .filter(applications::Column::Email.eq(checked.email.as_str()))
        .one(&txn)
        .await?;
    if let Some(earlier) = earlier
        .as_ref()
        .filter(|earlier| earlier.status != ApplicationStatus::Received)
    {
        let mail = mail::compose(
            kept.letterhead,
            "application_unchanged",
            &earlier.email,
            &[
                ("title", offer.title.clone()),
                ("privacy", kept.letterhead.privacy_link()),
            ],
        )?;
        mail::enqueue(&txn, &mail, now).await?;
        txn.commit().await?;
        return Ok((earlier.clone(), Some(cv_key.to_owned())));
    }
    let replaced_cv = earlier.as_ref().map(|earlier| earlier.cv_key.clone());
    let mut row = match earlier {
        Some(earlier) => earlier.into(),
        None => applications::ActiveModel {
            tenant_id: Set(offer.tenant_id),
            offer_id: Set(offer.id),
            email: Set(checked.email.clone()),
            status: Set(ApplicationStatus::Received),
            not_retained_reason: Set(None),
            notes: Set(String::new()),
            created_at: Set(now),
            ..Default::default()
        },
    };
    row.first_name = Set(checked.first_name.clone());
    row.last_name = Set(checked.last_name.clone());
    row.phone = Set(checked.phone.clone());
    row.links = Set(checked.links.clone());
    row.message = Set(checked.message.clone());
    row.cv_key = Set(cv_key.to_owned());
    row.cv_size = Set(cv_size);
    row.consent_at = Set(now);
    row.updated_at = Set(now);
    let application = row.save(&txn).await?;
    let application: applications::Model = application.try_into()?;
    let action = match replaced_cv {
        Some(_) => "application.update",
        None => {
            let (tenant, offer) = (Some(TenantId::new(offer.tenant_id)), Some(offer.key()));
            analytics::count(&txn, now, Metric::Application, tenant, offer).await?;
            "application.create"
        }
    };
    let subject = audit::Subject {
        tenant_id: Some(offer.tenant_id),
        entity_type: "application",
        entity_id: Some(application.id),
    };
    audit::record::<()>(&txn, None, action, subject, None, None, now).await?;
    notify(&txn, kept, &application, now).await?;
    txn.commit().await?;
    Ok((application, replaced_cv))
}

/// Confirms the application to the candidate (without the name typed on the form, which
/// anyone may have typed), and tells the offer's author and the ministry's managers.
async fn notify(
    db: &impl ConnectionTrait,
    kept: &Kept<'_>,
    application: &applications::Model,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let (letterhead, offer) = (kept.letterhead, kept.offer);
    let confirmation = [
        ("title", offer.title.clone()),
        (
            "link",
            format!("{}/offres/{}", letterhead.base_url, offer.slug),
        ),
        ("years", kept.retention_years.to_string()),
        ("privacy", letterhead.privacy_link()),
    ];
    let mail = mail::compose(
        letterhead,
        "application_received",
        &application.email,
        &confirmation,
    )?;
    mail::enqueue(db, &mail, now).await?;
    let recruiters = crate::offers::recruiters(db, offer).await?;
    let notice = [
        ("title", offer.title.clone()),
        (
            "link",
            format!("{}/admin/offres/{}", letterhead.base_url, offer.id),
        ),
    ];
    for recruiter in recruiters {
        let mail = mail::compose(letterhead, "application_new", &recruiter.email, &notice)?;
        mail::enqueue(db, &mail, now).await?;
    }
    Ok(())
}

/// Deletes the applications whose candidate last consented before `before`, and their CVs;
/// then the CV objects no application owns (left by a failure). Returns how many
/// applications went. A CV goes before its row: one whose deletion failed keeps its row, and
/// is tried again.
pub(crate) async fn purge(
    db: &DatabaseConnection,
    storage: &Storage,
    before: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<u64> {
    let old = applications::Entity::find()
        .filter(applications::Column::ConsentAt.lte(before))
        .all(db)
        .await?;
    let mut gone = Vec::with_capacity(old.len());
    for application in old {
        match storage.delete(&application.cv_key).await {
            Ok(()) => gone.push(application.id),
            Err(error) => tracing::warn!(%error, "a CV past its retention could not be deleted"),
        }
    }
    let mut deleted = 0;
    if !gone.is_empty() {
        // Consent again: a candidate who applied anew meanwhile keeps their application.
        deleted = applications::Entity::delete_many()
            .filter(applications::Column::Id.is_in(gone))
            .filter(applications::Column::ConsentAt.lte(before))
            .exec(db)
            .await?
            .rows_affected;
    }
    let owned = applications::Entity::find()
        .select_only()
        .column(applications::Column::CvKey)
        .into_tuple::<String>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    private::remove_orphans(storage, "applications", &owned, now).await?;
    Ok(deleted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_never_told_less_than_the_retention() {
        for (days, years) in [(1, 1), (365, 1), (366, 2), (548, 2), (730, 2), (731, 3)] {
            assert_eq!(retention_years(days), years, "{days} days");
        }
    }

    #[test]
    fn phone_numbers_are_checked_loosely() {
        for good in ["01 23 45 67 89", "+33 6 12 34 56 78", "(0)1.23.45.67.89"] {
            assert!(is_phone(good), "{good}");
        }
        for bad in ["12", "call me", "+33 6 12 34 56 78 90 12 34", "06+12345678"] {
            assert!(!is_phone(bad), "{bad}");
        }
    }
}
