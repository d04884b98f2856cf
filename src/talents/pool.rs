//! The talent pool, recruiters' side: the profiles a ministry may see (confirmed, current,
//! and not hidden from it), searched with filters and full text, matched to an offer, and
//! written to through the site: the email goes out with the recruiter's address to answer to,
//! and the talent's own address is never shown. Every reading of a CV and every contact is
//! audited, without the candidate's data.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Select, Set, sea_query::Query,
};

use crate::{
    accounts::Scope,
    audit,
    codes::{Experience, Profession},
    entities::{offers, talent_contacts, talent_hidden_tenants, talents},
    error::{AppError, AppResult, Reason},
    ids::{OfferId, TalentId},
    mail,
    media::storage::Storage,
    offers::search,
};

/// The most profiles a search lists.
pub const SEARCH_LIMIT: usize = 200;
/// How long a ministry waits before writing again to the same talent.
pub const CONTACT_AGAIN_AFTER: Duration = Duration::days(7);
/// The longest message to a talent, in characters.
pub const MAX_MESSAGE_CHARS: usize = 3_000;
/// How far ahead a talent's availability still matches an offer without a start date.
const AVAILABLE_WITHIN: Duration = Duration::days(90);

/// What recruiters search the pool for.
#[derive(Clone, Debug, Default)]
pub struct PoolFilter {
    /// Words, each found in the profile's names, presentation or links.
    pub q: String,
    pub profession: Option<Profession>,
    pub region: Option<String>,
    pub seniority: Option<Experience>,
    /// Available on this day at the latest.
    pub available_by: Option<NaiveDate>,
}

/// The profiles the scope's ministry may see at `now`: confirmed, not lapsed (renewed within
/// `retention_days`), and not hidden from it.
fn visible(scope: &Scope, retention_days: i64, now: DateTime<Utc>) -> Select<talents::Entity> {
    let hidden = Query::select()
        .column(talent_hidden_tenants::Column::TalentId)
        .from(talent_hidden_tenants::Entity)
        .and_where(talent_hidden_tenants::Column::TenantId.eq(scope.tenant().get()))
        .to_owned();
    talents::Entity::find()
        .filter(talents::Column::ConfirmedAt.is_not_null())
        .filter(talents::Column::RenewedAt.gt(now - Duration::days(retention_days)))
        .filter(talents::Column::Id.not_in_subquery(hidden))
}

/// A comma-separated list column holding `code`.
fn lists(column: talents::Column, code: &str) -> Condition {
    Condition::any()
        .add(column.eq(code))
        .add(column.starts_with(format!("{code},")))
        .add(column.ends_with(format!(",{code}")))
        .add(column.contains(format!(",{code},")))
}

/// Talents whose regions hold `region`, or who named none (anywhere).
fn in_region(region: &str) -> Condition {
    lists(talents::Column::Regions, region).add(talents::Column::Regions.eq(""))
}

/// Talents available on `day` at the latest (or whenever: no date given).
fn available_by(day: NaiveDate) -> Condition {
    Condition::any()
        .add(talents::Column::AvailableFrom.is_null())
        .add(talents::Column::AvailableFrom.lte(day))
}

/// Whether `talent` holds every word of `terms` (normalised, as a word prefix) in its names,
/// presentation or links.
fn holds_words(talent: &talents::Model, terms: &[String]) -> bool {
    let text = search::normalize(&format!(
        "{} {} {} {}",
        talent.first_name, talent.last_name, talent.summary, talent.links
    ));
    let words: Vec<&str> = text.split(' ').collect();
    terms
        .iter()
        .all(|term| words.iter().any(|word| word.starts_with(term.as_str())))
}

/// The profiles the scope's ministry may see that `filter` selects, most recently renewed
/// first, at most [`SEARCH_LIMIT`]. The structured filters run in SQL; the words are matched
/// here, on what is left (the pool holds thousands of profiles, not millions).
pub async fn search(
    db: &impl ConnectionTrait,
    scope: &Scope,
    filter: &PoolFilter,
    (retention_days, now): (i64, DateTime<Utc>),
) -> AppResult<Vec<talents::Model>> {
    let mut query = visible(scope, retention_days, now);
    if let Some(profession) = filter.profession {
        query = query.filter(lists(talents::Column::Professions, profession.as_str()));
    }
    if let Some(region) = &filter.region {
        query = query.filter(in_region(region));
    }
    if let Some(seniority) = filter.seniority {
        query = query.filter(talents::Column::Seniority.eq(seniority));
    }
    if let Some(day) = filter.available_by {
        query = query.filter(available_by(day));
    }
    let terms = search::query_terms(&filter.q);
    let found = query
        .order_by_desc(talents::Column::RenewedAt)
        .order_by_desc(talents::Column::Id)
        .all(db)
        .await?;
    Ok(found
        .into_iter()
        .filter(|talent| holds_words(talent, &terms))
        .take(SEARCH_LIMIT)
        .collect())
}

/// The seniorities that meet an offer asking for `min_years` of experience: a talent's range
/// must reach it.
fn seniorities_for(min_years: Option<i32>) -> Vec<Experience> {
    let min = min_years.unwrap_or(0);
    Experience::ALL
        .iter()
        .copied()
        .filter(|level| level.years().1.is_none_or(|max| max >= min))
        .collect()
}

/// The talents the scope's ministry may see who match `offer` (of that ministry): its
/// profession, its region (or anywhere), a seniority that reaches the experience it asks,
/// and available by its start (or within three months).
pub async fn matches(
    db: &impl ConnectionTrait,
    scope: &Scope,
    offer: &offers::Model,
    (retention_days, now): (i64, DateTime<Utc>),
) -> AppResult<Vec<talents::Model>> {
    if offer.tenant_id != scope.tenant().get() {
        return Err(AppError::NotFound);
    }
    let by = offer
        .start_on
        .unwrap_or_else(|| (now + AVAILABLE_WITHIN).date_naive());
    Ok(visible(scope, retention_days, now)
        .filter(lists(talents::Column::Professions, &offer.profession))
        .filter(in_region(&offer.region))
        .filter(talents::Column::Seniority.is_in(seniorities_for(offer.experience_min_years)))
        .filter(available_by(by))
        .order_by_desc(talents::Column::RenewedAt)
        .limit(SEARCH_LIMIT as u64)
        .all(db)
        .await?)
}

/// How many talents match `offer` (see [`matches`]).
pub async fn count_matches(
    db: &impl ConnectionTrait,
    scope: &Scope,
    offer: &offers::Model,
    window: (i64, DateTime<Utc>),
) -> AppResult<usize> {
    Ok(matches(db, scope, offer, window).await?.len())
}

/// Talent `id`, when the scope's ministry may see it.
pub async fn find(
    db: &impl ConnectionTrait,
    scope: &Scope,
    id: TalentId,
    (retention_days, now): (i64, DateTime<Utc>),
) -> AppResult<talents::Model> {
    visible(scope, retention_days, now)
        .filter(talents::Column::Id.eq(id.get()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

fn subject(scope: &Scope, talent: &talents::Model) -> audit::Subject<'static> {
    audit::Subject {
        tenant_id: Some(scope.tenant().get()),
        entity_type: "talent",
        entity_id: Some(talent.id),
    }
}

/// The CV of `talent` (found through [`find`]); reading it is audited.
pub async fn cv(
    db: &impl ConnectionTrait,
    storage: &Storage,
    scope: &Scope,
    talent: &talents::Model,
    now: DateTime<Utc>,
) -> AppResult<Vec<u8>> {
    let key = talent.cv_key.as_deref().ok_or(AppError::NotFound)?;
    let bytes = storage.get(key).await?.ok_or(AppError::NotFound)?;
    let subject = subject(scope, talent);
    audit::record::<()>(db, scope.user(), "talent.cv", subject, None, None, now).await?;
    Ok(bytes)
}

/// What a recruiter writes to a talent.
pub struct Contact<'a> {
    /// The recruiter's address, to answer to.
    pub from: &'a str,
    pub ministry: &'a str,
    /// Its name after "de" in French (`de la DGFiP`, see `tenants::naming`).
    pub ministry_of: &'a str,
    pub message: &'a str,
    /// The offer it is about, of the scope's ministry.
    pub offer: Option<OfferId>,
}

/// Writes `contact` to `talent` (found through [`find`]) through the outbox: the talent
/// answers the recruiter directly, and only then do they learn each other's address. Once a
/// week per ministry and talent at most. Call it in a transaction.
pub async fn contact(
    db: &impl ConnectionTrait,
    letterhead: &mail::Letterhead<'_>,
    scope: &Scope,
    (talent, contact): (&talents::Model, Contact<'_>),
    now: DateTime<Utc>,
) -> AppResult<()> {
    let message = contact.message.trim();
    if message.is_empty() {
        return Err(AppError::invalid("message", Reason::Required));
    }
    crate::text::check_length("message", message, MAX_MESSAGE_CHARS)?;
    let recent = talent_contacts::Entity::find()
        .filter(talent_contacts::Column::TalentId.eq(talent.id))
        .filter(talent_contacts::Column::TenantId.eq(scope.tenant().get()))
        .filter(talent_contacts::Column::CreatedAt.gt(now - CONTACT_AGAIN_AFTER))
        .count(db)
        .await?;
    if recent > 0 {
        return Err(AppError::invalid("message", Reason::TooMany));
    }
    let offer = match contact.offer {
        Some(id) => Some(
            offers::Entity::find_by_id(id.get())
                .filter(offers::Column::TenantId.eq(scope.tenant().get()))
                .filter(crate::offers::live(now))
                .one(db)
                .await?
                .ok_or_else(|| AppError::invalid("offer", Reason::NotOfThisMinistry))?,
        ),
        None => None,
    };
    let about = offer
        .as_ref()
        .map(|offer| format!("{}/offres/{}", letterhead.base_url, offer.slug))
        .unwrap_or_else(|| "none".to_owned());
    let args = [
        ("ministry", contact.ministry.to_owned()),
        ("ministry_of", contact.ministry_of.to_owned()),
        ("message", message.to_owned()),
        ("offer", about),
        // Not the profile's own link: the talent answers the recruiter, and a reply quotes.
        ("privacy", letterhead.privacy_link()),
    ];
    let mail =
        mail::compose(letterhead, "talent_contact", &talent.email, &args)?.reply_to(contact.from);
    mail::enqueue(db, &mail, now).await?;
    talent_contacts::ActiveModel {
        talent_id: Set(talent.id),
        tenant_id: Set(scope.tenant().get()),
        user_id: Set(scope.user().map(|user| user.get())),
        offer_id: Set(offer.map(|offer| offer.id)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let subject = subject(scope, talent);
    audit::record::<()>(db, scope.user(), "talent.contact", subject, None, None, now).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seniority_matches_when_its_range_reaches_the_experience_asked() {
        use Experience::*;
        assert_eq!(seniorities_for(None), vec![Debutant, Confirme, Expert]);
        assert_eq!(seniorities_for(Some(2)), vec![Debutant, Confirme, Expert]);
        assert_eq!(seniorities_for(Some(4)), vec![Confirme, Expert]);
        assert_eq!(seniorities_for(Some(8)), vec![Expert]);
    }
}
