//! The talent pool, candidates' side: a candidate leaves a profile (professions, seniority,
//! regions, availability, links, an optional CV) once they confirm their address; they choose
//! the ministries that must not see it. Every email to them carries the link of their
//! profile's page (`/vivier/profil/{token}`), where they update, renew or delete it; the token
//! is the only key to it. A profile lapses a retention period after its last renewal, and its
//! candidate is reminded a month before.
//!
//! The recruiters' side (search, matches, contact) is [`pool`].

pub mod pool;

use std::collections::HashSet;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect, Set, sea_query::Expr,
};

use crate::{
    candidates::{self, OptIn},
    codes::{Experience, Profession},
    entities::{outbox, talent_hidden_tenants, talents, tenants},
    error::{AppError, AppResult, Problems, Reason},
    mail,
    media::{private, storage::Storage},
    regions, text,
};

/// How long a profile lasts after its last renewal, by default
/// (`METIERS_TALENT_RETENTION_DAYS`).
pub const DEFAULT_RETENTION_DAYS: i64 = 365;
/// How long before a profile lapses its candidate is reminded.
pub const REMIND_BEFORE: Duration = Duration::days(30);
/// The longest presentation, in characters.
pub const MAX_SUMMARY_CHARS: usize = 2_000;
/// The largest CV, in bytes (as for applications).
pub const CV_MAX_BYTES: usize = crate::applications::CV_MAX_BYTES;
/// The private folder of the talents' CVs.
const CV_FOLDER: &str = "talents";

/// What a candidate types on the profile form.
#[derive(Clone, Debug, Default)]
pub struct ProfileForm {
    pub first_name: String,
    pub last_name: String,
    /// Only when joining: a profile keeps its address.
    pub email: String,
    pub professions: Vec<String>,
    pub seniority: String,
    pub regions: Vec<String>,
    /// `YYYY-MM-DD`, or empty for "now".
    pub available_from: String,
    pub links: String,
    pub summary: String,
    /// The ministries (ids) that must not see the profile.
    pub hidden_from: Vec<String>,
    /// A new CV (empty for none sent).
    pub cv: Vec<u8>,
    /// Remove the CV kept (when no new one is sent).
    pub remove_cv: bool,
    /// The candidate agreed to the processing of their data for the period stated.
    pub consent: bool,
}

/// The fields of a [`ProfileForm`], checked.
struct Checked {
    first_name: String,
    last_name: String,
    professions: String,
    seniority: Experience,
    regions: String,
    available_from: Option<NaiveDate>,
    links: String,
    summary: String,
    hidden_from: Vec<i32>,
}

impl ProfileForm {
    /// The fields, checked against the active ministries `ministries`; every problem at once.
    /// `joining` also checks the address and the consent.
    fn check(&self, ministries: &[tenants::Model], joining: bool) -> AppResult<(Checked, String)> {
        let mut problems = Problems::default();
        let (first_name, last_name) =
            candidates::check_names(&mut problems, &self.first_name, &self.last_name)?;
        let email = if joining {
            problems.check(crate::accounts::normalize_email(&self.email))?
        } else {
            None
        };
        let mut professions = Vec::new();
        for code in &self.professions {
            match Profession::parse(code) {
                Some(profession) if !professions.contains(&profession.as_str()) => {
                    professions.push(profession.as_str())
                }
                Some(_) => {}
                None => problems.add("professions", Reason::UnknownCode),
            }
        }
        if professions.is_empty() {
            problems.add("professions", Reason::Required);
        }
        let seniority = Experience::parse(&self.seniority);
        if seniority.is_none() {
            problems.add("seniority", Reason::Required);
        }
        let mut region_codes = Vec::new();
        for code in &self.regions {
            match regions::region(code) {
                Some(region) if !region_codes.contains(&region.code) => {
                    region_codes.push(region.code)
                }
                Some(_) => {}
                None => problems.add("regions", Reason::UnknownCode),
            }
        }
        let available_from = match self.available_from.trim() {
            "" => None,
            date => {
                let parsed = text::parse_day(date);
                if parsed.is_none() {
                    problems.add("available_from", Reason::NotADate);
                }
                parsed
            }
        };
        let links = candidates::check_links(&mut problems, &self.links)?;
        let summary = self.summary.trim();
        problems.check(text::check_length("summary", summary, MAX_SUMMARY_CHARS))?;
        let mut hidden_from = Vec::new();
        for id in &self.hidden_from {
            match ministries.iter().find(|m| m.id.to_string() == *id) {
                Some(ministry) if !hidden_from.contains(&ministry.id) => {
                    hidden_from.push(ministry.id)
                }
                Some(_) => {}
                None => problems.add("hidden_from", Reason::UnknownCode),
            }
        }
        if joining && !self.consent {
            problems.add("consent", Reason::Required);
        }
        if !self.cv.is_empty() {
            problems.check(crate::applications::check_cv(&self.cv))?;
        }
        problems.into_result()?;
        let checked = Checked {
            first_name,
            last_name,
            professions: professions.join(","),
            seniority: seniority.unwrap_or(Experience::Debutant),
            regions: region_codes.join(","),
            available_from,
            links,
            summary: summary.to_owned(),
            hidden_from,
        };
        Ok((checked, email.unwrap_or_default()))
    }
}

/// The ministries a candidate may hide from: the active ones, by name.
pub async fn ministries(db: &impl ConnectionTrait) -> AppResult<Vec<tenants::Model>> {
    use sea_orm::QueryOrder;
    Ok(tenants::Entity::find()
        .filter(tenants::Column::ArchivedAt.is_null())
        .order_by_asc(tenants::Column::Name)
        .all(db)
        .await?)
}

/// How long a profile lasts, in whole months rounded up, as candidates are told.
pub fn retention_months(days: i64) -> i64 {
    ((days + 29) / 30).max(1)
}

/// The page of a profile, where its candidate manages it.
pub fn profile_link(base_url: &str, talent: &talents::Model) -> String {
    format!("{base_url}/vivier/profil/{}", talent.token)
}

/// Whether `form` can be kept, without keeping it (the client's limit counts only what would
/// be stored).
pub async fn validate_joining(db: &impl ConnectionTrait, form: &ProfileForm) -> AppResult<()> {
    form.check(&ministries(db).await?, true).map(|_| ())
}

/// Takes a new profile: it waits for its candidate to confirm their address through the link
/// emailed to it. An address that already has a confirmed profile is emailed the link of
/// that profile instead, and nothing changes (the page says the same either way); a profile
/// still waiting is replaced.
pub async fn join(
    db: &DatabaseConnection,
    storage: &Storage,
    letterhead: &mail::Letterhead<'_>,
    form: ProfileForm,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let (checked, email) = form.check(&ministries(db).await?, true)?;
    let cv = store_cv(storage, &form.cv, now).await?;
    let write = || async {
        let txn = crate::db::begin_write(db).await?;
        let earlier = talents::Entity::find()
            .filter(talents::Column::Email.eq(email.as_str()))
            .one(&txn)
            .await?;
        let mut unused_cvs = Vec::new();
        if let Some(earlier) = earlier {
            if earlier.confirmed_at.is_some() {
                let link = profile_link(letterhead.base_url, &earlier);
                let mail = mail::compose(letterhead, "talent_exists", &email, &[("link", link)])?;
                mail::enqueue(&txn, &mail, now).await?;
                txn.commit().await?;
                return Ok(((), cv.iter().map(|(key, _)| key.clone()).collect()));
            }
            unused_cvs.extend(earlier.cv_key.clone());
            talents::Entity::delete_by_id(earlier.id).exec(&txn).await?;
        }
        let token = crate::accounts::sessions::random_token()?;
        let mut row = talents::ActiveModel {
            email: Set(email.clone()),
            token: Set(token.clone()),
            confirmed_at: Set(None),
            reminded_at: Set(None),
            created_at: Set(now),
            ..Default::default()
        };
        fill(&mut row, &checked, cv.as_ref(), now);
        let talent = row.insert(&txn).await?;
        hide(&txn, &talent, &checked.hidden_from).await?;
        let link = format!("{}/vivier/confirmer/{token}", letterhead.base_url);
        let mail = mail::compose(letterhead, "talent_confirm", &email, &[("link", link)])?;
        mail::enqueue(&txn, &mail, now).await?;
        txn.commit().await?;
        Ok::<_, AppError>(((), unused_cvs))
    };
    let joined = match write().await {
        // The same address joined twice at once: the second finds the first, now stored.
        Err(AppError::Database(error)) if crate::db::is_unique_violation(&error) => write().await,
        joined => joined,
    };
    private::settle(storage, stored_key(&cv), joined).await
}

/// The key of the CV `cv` stored for a write, if one was.
fn stored_key(cv: &Option<(String, i64)>) -> Option<&str> {
    cv.as_ref().map(|(key, _)| key.as_str())
}

/// Stores `cv` privately, if one was sent; its key and size.
async fn store_cv(
    storage: &Storage,
    cv: &[u8],
    now: DateTime<Utc>,
) -> AppResult<Option<(String, i64)>> {
    if cv.is_empty() {
        return Ok(None);
    }
    let key = private::new_key(CV_FOLDER, now)?;
    storage.put(&key, cv, "application/pdf").await?;
    Ok(Some((key, i64::try_from(cv.len()).unwrap_or(i64::MAX))))
}

/// Writes the checked fields (and a new CV, if any) to `row`.
fn fill(
    row: &mut talents::ActiveModel,
    checked: &Checked,
    cv: Option<&(String, i64)>,
    now: DateTime<Utc>,
) {
    row.first_name = Set(checked.first_name.clone());
    row.last_name = Set(checked.last_name.clone());
    row.professions = Set(checked.professions.clone());
    row.seniority = Set(checked.seniority);
    row.regions = Set(checked.regions.clone());
    row.available_from = Set(checked.available_from);
    row.links = Set(checked.links.clone());
    row.summary = Set(checked.summary.clone());
    if let Some((key, size)) = cv {
        row.cv_key = Set(Some(key.clone()));
        row.cv_size = Set(Some(*size));
    }
    row.renewed_at = Set(now);
    row.updated_at = Set(now);
}

/// Replaces the ministries `talent` hides from.
async fn hide(db: &impl ConnectionTrait, talent: &talents::Model, from: &[i32]) -> AppResult<()> {
    talent_hidden_tenants::Entity::delete_many()
        .filter(talent_hidden_tenants::Column::TalentId.eq(talent.id))
        .exec(db)
        .await?;
    for tenant_id in from {
        talent_hidden_tenants::ActiveModel {
            talent_id: Set(talent.id),
            tenant_id: Set(*tenant_id),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// The profile whose link holds `token`, confirmed or waiting.
async fn by_token(db: &impl ConnectionTrait, token: &str) -> AppResult<Option<talents::Model>> {
    // A token is 64 hexadecimal digits; anything else is not looked up.
    if !candidates::is_token(token) {
        return Ok(None);
    }
    Ok(talents::Entity::find()
        .filter(talents::Column::Token.eq(token))
        .one(db)
        .await?)
}

/// The profile, confirmed or waiting, whose confirmation link holds `token`.
pub async fn find_by_link(db: &impl ConnectionTrait, token: &str) -> AppResult<talents::Model> {
    by_token(db, token).await?.ok_or(AppError::NotFound)
}

/// Where the confirmation link with `token` stood; following it while it waits confirms the
/// profile (and starts its retention).
pub async fn confirm(db: &DatabaseConnection, token: &str, now: DateTime<Utc>) -> AppResult<OptIn> {
    let talent = find_by_link(db, token).await?;
    let state = OptIn::of(talent.created_at, talent.confirmed_at, now);
    if state == OptIn::Waiting {
        // Counted once, however many times the link is followed at the same moment.
        let txn = crate::db::begin_write(db).await?;
        let confirmed = talents::Entity::update_many()
            .col_expr(talents::Column::ConfirmedAt, Expr::value(now))
            .col_expr(talents::Column::RenewedAt, Expr::value(now))
            .filter(talents::Column::Id.eq(talent.id))
            .filter(talents::Column::ConfirmedAt.is_null())
            .exec(&txn)
            .await?;
        if confirmed.rows_affected == 1 {
            crate::analytics::count(&txn, now, crate::analytics::Metric::Talent, None, None)
                .await?;
        }
        txn.commit().await?;
    }
    Ok(state)
}

/// The confirmed profile whose page link holds `token`.
pub async fn find_own(db: &impl ConnectionTrait, token: &str) -> AppResult<talents::Model> {
    by_token(db, token)
        .await?
        .filter(|talent| talent.confirmed_at.is_some())
        .ok_or(AppError::NotFound)
}

/// The ids of the ministries `talent` hides from.
pub async fn hidden_from(
    db: &impl ConnectionTrait,
    talent: &talents::Model,
) -> AppResult<Vec<i32>> {
    Ok(talent_hidden_tenants::Entity::find()
        .filter(talent_hidden_tenants::Column::TalentId.eq(talent.id))
        .select_only()
        .column(talent_hidden_tenants::Column::TenantId)
        .into_tuple()
        .all(db)
        .await?)
}

/// Rewrites the profile of `talent` (found by its token) with `form`; a new CV replaces the
/// one kept. Updating renews the profile.
pub async fn update(
    db: &DatabaseConnection,
    storage: &Storage,
    talent: talents::Model,
    form: ProfileForm,
    now: DateTime<Utc>,
) -> AppResult<talents::Model> {
    let (checked, _) = form.check(&ministries(db).await?, false)?;
    let cv = store_cv(storage, &form.cv, now).await?;
    let old_cv = talent.cv_key.clone();
    let removes_cv = cv.is_some() || form.remove_cv;
    let written = async {
        let txn = crate::db::begin_write(db).await?;
        let mut row: talents::ActiveModel = talent.into();
        fill(&mut row, &checked, cv.as_ref(), now);
        if cv.is_none() && form.remove_cv {
            row.cv_key = Set(None);
            row.cv_size = Set(None);
        }
        row.reminded_at = Set(None);
        let talent = row.update(&txn).await?;
        hide(&txn, &talent, &checked.hidden_from).await?;
        txn.commit().await?;
        let unused = old_cv.filter(|_| removes_cv).into_iter().collect();
        Ok::<_, AppError>((talent, unused))
    }
    .await;
    private::settle(storage, stored_key(&cv), written).await
}

/// Renews `talent` for another retention period.
pub async fn renew(
    db: &impl ConnectionTrait,
    talent: talents::Model,
    now: DateTime<Utc>,
) -> AppResult<talents::Model> {
    let mut row: talents::ActiveModel = talent.into();
    row.renewed_at = Set(now);
    row.reminded_at = Set(None);
    row.updated_at = Set(now);
    Ok(row.update(db).await?)
}

/// Deletes `talent`, with its CV, the ministries it hid from, the contacts made, and the
/// pool's emails to its address (a recruiter's message still waiting included).
pub async fn delete(
    db: &impl ConnectionTrait,
    storage: &Storage,
    talent: &talents::Model,
) -> AppResult<()> {
    if let Some(key) = &talent.cv_key {
        storage.delete(key).await?;
    }
    talents::Entity::delete_by_id(talent.id).exec(db).await?;
    outbox::Entity::delete_many()
        .filter(outbox::Column::Recipient.eq(talent.email.as_str()))
        .filter(outbox::Column::Kind.starts_with("talent_"))
        .exec(db)
        .await?;
    Ok(())
}

/// Emails the candidates whose profile lapses within [`REMIND_BEFORE`] the link to renew it,
/// once; returns how many were reminded.
pub(crate) async fn remind(
    db: &DatabaseConnection,
    letterhead: &mail::Letterhead<'_>,
    retention_days: i64,
    now: DateTime<Utc>,
) -> AppResult<u64> {
    let lapse_soon = now - Duration::days(retention_days) + REMIND_BEFORE;
    let due = talents::Entity::find()
        .filter(talents::Column::ConfirmedAt.is_not_null())
        .filter(talents::Column::RemindedAt.is_null())
        .filter(talents::Column::RenewedAt.lte(lapse_soon))
        .all(db)
        .await?;
    let mut reminded = 0;
    for talent in due {
        let lapses = talent.renewed_at + Duration::days(retention_days);
        let args = [
            ("date", lapses.format("%d/%m/%Y").to_string()),
            ("link", profile_link(letterhead.base_url, &talent)),
        ];
        let txn = crate::db::begin_write(db).await?;
        let mail = mail::compose(letterhead, "talent_renew", &talent.email, &args)?;
        mail::enqueue(&txn, &mail, now).await?;
        // Only if it was not renewed meanwhile: a renewed profile is reminded next time.
        let marked = talents::Entity::update_many()
            .col_expr(talents::Column::RemindedAt, Expr::value(Some(now)))
            .filter(talents::Column::Id.eq(talent.id))
            .filter(talents::Column::RenewedAt.eq(talent.renewed_at))
            .exec(&txn)
            .await?;
        if marked.rows_affected == 1 {
            txn.commit().await?;
            reminded += 1;
        }
    }
    Ok(reminded)
}

/// Deletes the profiles never confirmed in time and those that lapsed (renewed before
/// `lapsed_before`), with their CVs, then the CV objects no profile owns. Returns how many
/// profiles went.
pub(crate) async fn purge(
    db: &DatabaseConnection,
    storage: &Storage,
    lapsed_before: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<u64> {
    let never_confirmed = sea_orm::Condition::all()
        .add(talents::Column::ConfirmedAt.is_null())
        .add(talents::Column::CreatedAt.lte(now - candidates::CONFIRM_WITHIN));
    let past = sea_orm::Condition::any()
        .add(never_confirmed)
        .add(talents::Column::RenewedAt.lte(lapsed_before));
    let gone = talents::Entity::find().filter(past.clone()).all(db).await?;
    let mut deleted = 0;
    for talent in gone {
        // Asked again with the row: a profile renewed meanwhile stays. Its CV then goes with
        // the orphans below.
        let removed = talents::Entity::delete_many()
            .filter(talents::Column::Id.eq(talent.id))
            .filter(past.clone())
            .exec(db)
            .await?;
        deleted += removed.rows_affected;
    }
    let owned: HashSet<String> = talents::Entity::find()
        .select_only()
        .column(talents::Column::CvKey)
        .into_tuple::<Option<String>>()
        .all(db)
        .await?
        .into_iter()
        .flatten()
        .collect();
    private::remove_orphans(storage, CV_FOLDER, &owned, now).await?;
    Ok(deleted)
}
