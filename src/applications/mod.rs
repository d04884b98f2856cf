//! Applications made on the site to the offers whose apply mode is `on_site`.
//!
//! A candidate sends their details, a message and a CV (a PDF, checked by its content). The
//! CV is a private object of the media store, under `private/`: the public `/media/` route
//! serves only the renditions of known images, and the S3 bucket is private. One application
//! per email and offer: applying again updates the first (and replaces its CV). The candidate
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
    Set,
};

pub use pdf::check_cv;

use crate::{
    audit,
    codes::{ApplicationStatus, ApplyMode},
    entities::{applications, offers},
    error::{AppError, AppResult, Problems, Reason},
    mail,
    media::storage::Storage,
    text,
};

/// How many applications one client address may send a minute (counted in memory only).
pub const PER_CLIENT_AND_MINUTE: u32 = 5;
/// The largest CV, in bytes.
pub const CV_MAX_BYTES: usize = 5_000_000;
/// How many profile links an application carries at most.
pub const MAX_LINKS: usize = 5;
/// The longest first or last name, in characters.
const MAX_NAME_CHARS: usize = 100;
/// The longest message, in characters.
pub const MAX_MESSAGE_CHARS: usize = 5_000;
/// How long an application is kept, by default, before the retention job deletes it with its
/// CV (`METIERS_APPLICATION_RETENTION_DAYS`).
pub const DEFAULT_RETENTION_DAYS: i64 = 730;

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
        for (field, value) in [
            ("first_name", &self.first_name),
            ("last_name", &self.last_name),
        ] {
            let value = value.trim();
            if value.is_empty() {
                problems.add(field, Reason::Required);
            }
            problems.check(text::check_length(field, value, MAX_NAME_CHARS))?;
        }
        let email = problems.check(crate::accounts::normalize_email(&self.email))?;
        let phone = self.phone.trim();
        if !phone.is_empty() && !is_phone(phone) {
            problems.add("phone", Reason::NotAPhone);
        }
        let links: Vec<&str> = self
            .links
            .lines()
            .map(str::trim)
            .filter(|link| !link.is_empty())
            .collect();
        if links.len() > MAX_LINKS {
            problems.add("links", Reason::TooMany);
        }
        for link in &links {
            problems.check(text::check_http_url("links", link))?;
        }
        let message = self.message.trim();
        problems.check(text::check_length("message", message, MAX_MESSAGE_CHARS))?;
        if !self.consent {
            problems.add("consent", Reason::Required);
        }
        problems.check(check_cv(&self.cv))?;
        problems.into_result()?;
        Ok(Checked {
            first_name: self.first_name.trim().to_owned(),
            last_name: self.last_name.trim().to_owned(),
            email: email.unwrap_or_default(),
            phone: (!phone.is_empty()).then(|| phone.to_owned()),
            links: links.join("\n"),
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

/// Where the CV of an application to an offer of ministry `tenant_id` is kept: a private key,
/// never served under `/media/`.
fn cv_key(tenant_id: i32) -> AppResult<String> {
    let token = crate::accounts::sessions::random_token()?;
    Ok(format!(
        "private/applications/tenant-{tenant_id}/{token}.pdf"
    ))
}

/// Stores the application of `new` to `offer`, or updates the one the same email made before,
/// with its CV; writes the confirmation and the notifications to the outbox. `offer` must take
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
    let key = cv_key(offer.tenant_id)?;
    storage.put(&key, &new.cv, "application/pdf").await?;
    let cv_size = i64::try_from(new.cv.len()).unwrap_or(i64::MAX);
    let saved = save(db, &kept, checked, (&key, cv_size), now).await;
    match saved {
        Ok((application, replaced_cv)) => {
            if let Some(old) = replaced_cv {
                remove_cv(storage, &old).await;
            }
            Ok(application)
        }
        Err(error) => {
            remove_cv(storage, &key).await;
            Err(error)
        }
    }
}

/// Writes the application in one transaction with its emails; returns it and the key of the
/// CV it replaced, if it updated an earlier one.
async fn save(
    db: &DatabaseConnection,
    kept: &Kept<'_>,
    checked: Checked,
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
    row.last_name = Set(checked.last_name);
    row.phone = Set(checked.phone);
    row.links = Set(checked.links);
    row.message = Set(checked.message);
    row.cv_key = Set(cv_key.to_owned());
    row.cv_size = Set(cv_size);
    row.consent_at = Set(now);
    row.updated_at = Set(now);
    let application = row.save(&txn).await?;
    let application: applications::Model = application.try_into()?;
    let action = match replaced_cv {
        Some(_) => "application.update",
        None => "application.create",
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

/// Confirms the application to the candidate, and tells the offer's author and the ministry's
/// managers.
async fn notify(
    db: &impl ConnectionTrait,
    kept: &Kept<'_>,
    application: &applications::Model,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let (letterhead, offer) = (kept.letterhead, kept.offer);
    let confirmation = [
        ("name", application.first_name.clone()),
        ("title", offer.title.clone()),
        (
            "link",
            format!("{}/offres/{}", letterhead.base_url, offer.slug),
        ),
        ("years", kept.retention_years.to_string()),
        (
            "privacy",
            format!("{}/donnees-personnelles", letterhead.base_url),
        ),
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

/// Deletes the applications last sent before `before`, and their CVs; returns how many went.
/// The objects go first: a CV whose deletion failed keeps its row, and is tried again.
pub(crate) async fn purge(
    db: &DatabaseConnection,
    storage: &Storage,
    before: DateTime<Utc>,
) -> AppResult<u64> {
    let old = applications::Entity::find()
        .filter(applications::Column::UpdatedAt.lte(before))
        .all(db)
        .await?;
    let mut gone = Vec::with_capacity(old.len());
    for application in old {
        match storage.delete(&application.cv_key).await {
            Ok(()) => gone.push(application.id),
            Err(error) => tracing::warn!(%error, "a CV past its retention could not be deleted"),
        }
    }
    if gone.is_empty() {
        return Ok(0);
    }
    let deleted = applications::Entity::delete_many()
        .filter(applications::Column::Id.is_in(gone))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected)
}

/// Deletes CV object `key`; a failure is logged (the media check finds what is left).
async fn remove_cv(storage: &Storage, key: &str) {
    if let Err(error) = storage.delete(key).await {
        tracing::warn!(%error, "a CV object could not be deleted");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
