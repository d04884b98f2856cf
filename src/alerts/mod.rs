//! Job alerts: a candidate receives a search of `/offres` by email, daily or weekly, once they
//! confirm their address. A digest holds only the live offers matching the search, published
//! since the alert was confirmed and never sent to that address before (by any of its alerts).
//! Every email carries the one-click unsubscribe link (`List-Unsubscribe`, RFC 8058) and the
//! same link in its body; the link's token is the only key to the alert.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, sea_query::Expr,
};

use crate::{
    candidates::{self, OptIn},
    codes::AlertFrequency,
    entities::{alert_deliveries, alerts, offers, tenants},
    error::{AppError, AppResult, Problems, Reason},
    mail,
    offers::OfferFilter,
};

/// How many alerts one address may have (waiting or confirmed).
pub const MAX_PER_ADDRESS: u64 = 5;
/// The most offers one digest lists.
pub const DIGEST_MAX: u64 = 20;
/// How early a digest may leave before its period is over (the job runs hourly).
const SLACK: Duration = Duration::minutes(30);

/// What a candidate asks for.
#[derive(Clone, Debug, Default)]
pub struct NewAlert {
    pub email: String,
    pub filter: OfferFilter,
    /// `daily` or `weekly`.
    pub frequency: String,
    /// The candidate agreed to receive the emails until they unsubscribe.
    pub consent: bool,
}

impl NewAlert {
    /// The address and the frequency, checked; every problem at once.
    pub fn check(&self) -> AppResult<(String, AlertFrequency)> {
        let mut problems = Problems::default();
        let email = problems.check(crate::accounts::normalize_email(&self.email))?;
        let frequency = AlertFrequency::parse(&self.frequency);
        if frequency.is_none() {
            problems.add("frequency", Reason::Required);
        }
        if !self.consent {
            problems.add("consent", Reason::Required);
        }
        problems.into_result()?;
        Ok((
            email.unwrap_or_default(),
            frequency.unwrap_or(AlertFrequency::Weekly),
        ))
    }
}

/// The query string that stands for `filter` (its normalised parameters).
pub fn query_of(filter: &OfferFilter) -> String {
    serde_urlencoded::to_string(filter.to_params()).unwrap_or_default()
}

/// The search an alert stands for.
pub fn filter_of(alert: &alerts::Model) -> OfferFilter {
    let params: HashMap<String, String> =
        serde_urlencoded::from_str(&alert.filter).unwrap_or_default();
    OfferFilter::from_params(&params)
}

/// Where the links of `alert`'s emails lead: confirming it, and leaving it.
pub fn links(base_url: &str, alert: &alerts::Model) -> (String, String) {
    (
        format!("{base_url}/alertes/confirmer/{}", alert.token),
        format!("{base_url}/alertes/desabonner/{}", alert.token),
    )
}

/// Takes alert `new`, waiting for its address to be confirmed through the link emailed to it
/// with `search` (the search in words). The same search at the same address is not taken
/// twice: a waiting one has its link sent again, a confirmed one stays as it is. An address
/// may have [`MAX_PER_ADDRESS`] alerts.
pub async fn subscribe(
    db: &DatabaseConnection,
    letterhead: &mail::Letterhead<'_>,
    new: &NewAlert,
    search: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let (email, frequency) = new.check()?;
    let filter = query_of(&new.filter);
    let txn = crate::db::begin_write(db).await?;
    let same = alerts::Entity::find()
        .filter(alerts::Column::Email.eq(email.as_str()))
        .filter(alerts::Column::Filter.eq(filter.as_str()))
        .one(&txn)
        .await?;
    let alert = match same {
        Some(confirmed) if confirmed.confirmed_at.is_some() => return Ok(()),
        Some(waiting) => {
            let mut row: alerts::ActiveModel = waiting.into();
            row.frequency = Set(frequency);
            row.created_at = Set(now);
            row.update(&txn).await?
        }
        None => {
            let held = alerts::Entity::find()
                .filter(alerts::Column::Email.eq(email.as_str()))
                .count(&txn)
                .await?;
            if held >= MAX_PER_ADDRESS {
                return Err(AppError::invalid("email", Reason::TooMany));
            }
            alerts::ActiveModel {
                email: Set(email.clone()),
                filter: Set(filter),
                frequency: Set(frequency),
                token: Set(crate::accounts::sessions::random_token()?),
                confirmed_at: Set(None),
                last_sent_at: Set(None),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?
        }
    };
    let (confirm, _) = links(letterhead.base_url, &alert);
    let args = [("search", search.to_owned()), ("link", confirm)];
    let mail = mail::compose(letterhead, "alert_confirm", &email, &args)?;
    mail::enqueue(&txn, &mail, now).await?;
    txn.commit().await?;
    Ok(())
}

/// The alert whose links hold `token`, confirmed or waiting.
pub async fn find_by_link(db: &impl ConnectionTrait, token: &str) -> AppResult<alerts::Model> {
    if !candidates::is_token(token) {
        return Err(AppError::NotFound);
    }
    alerts::Entity::find()
        .filter(alerts::Column::Token.eq(token))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Where the confirmation link with `token` stood; following it while it waits starts the
/// alert: offers published from now on are sent.
pub async fn confirm(db: &DatabaseConnection, token: &str, now: DateTime<Utc>) -> AppResult<OptIn> {
    let alert = find_by_link(db, token).await?;
    let state = OptIn::of(alert.created_at, alert.confirmed_at, now);
    if state == OptIn::Waiting {
        // Counted once, however many times the link is followed at the same moment.
        let txn = crate::db::begin_write(db).await?;
        let confirmed = alerts::Entity::update_many()
            .col_expr(alerts::Column::ConfirmedAt, Expr::value(now))
            .filter(alerts::Column::Id.eq(alert.id))
            .filter(alerts::Column::ConfirmedAt.is_null())
            .exec(&txn)
            .await?;
        if confirmed.rows_affected == 1 {
            crate::analytics::count(&txn, now, crate::analytics::Metric::Alert, None, None).await?;
        }
        txn.commit().await?;
    }
    Ok(state)
}

/// Ends the alert whose links hold `token`; with its address's last alert go the records of
/// what was sent to it.
pub async fn unsubscribe(db: &DatabaseConnection, token: &str) -> AppResult<()> {
    let alert = find_by_link(db, token).await?;
    let txn = crate::db::begin_write(db).await?;
    alerts::Entity::delete_by_id(alert.id).exec(&txn).await?;
    forget_deliveries_if_alone(&txn, &alert.email).await?;
    txn.commit().await?;
    Ok(())
}

/// Deletes what was sent to `email` when it has no alert left.
async fn forget_deliveries_if_alone(db: &impl ConnectionTrait, email: &str) -> AppResult<()> {
    let left = alerts::Entity::find()
        .filter(alerts::Column::Email.eq(email))
        .count(db)
        .await?;
    if left == 0 {
        alert_deliveries::Entity::delete_many()
            .filter(alert_deliveries::Column::Email.eq(email))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Whether `alert` is due at `now`: confirmed, and its period passed since its last digest.
fn due(alert: &alerts::Model, now: DateTime<Utc>) -> bool {
    let period = match alert.frequency {
        AlertFrequency::Daily => Duration::days(1),
        AlertFrequency::Weekly => Duration::days(7),
    };
    alert.confirmed_at.is_some()
        && alert
            .last_sent_at
            .is_none_or(|last| last + period - SLACK <= now)
}

/// The offers of `alert`'s next digest: of `matching` (its search's live offers published
/// since it was confirmed, newest first), those never sent to its address, at most
/// [`DIGEST_MAX`].
async fn news(
    db: &impl ConnectionTrait,
    alert: &alerts::Model,
    matching: &[i32],
) -> AppResult<Vec<offers::Model>> {
    let sent: std::collections::HashSet<i32> = alert_deliveries::Entity::find()
        .select_only()
        .column(alert_deliveries::Column::OfferId)
        .filter(alert_deliveries::Column::Email.eq(alert.email.as_str()))
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let fresh: Vec<i32> = matching
        .iter()
        .filter(|id| !sent.contains(id))
        .take(DIGEST_MAX as usize)
        .copied()
        .collect();
    crate::offers::in_order(db, &fresh).await
}

/// `filter` in words, in `lang`: its criteria's labels, the words searched quoted, or "every
/// offer"; `ministries` names the ministries by slug.
pub fn describe(
    filter: &OfferFilter,
    i18n: &crate::i18n::I18n,
    lang: crate::i18n::Lang,
    ministries: &HashMap<String, String>,
) -> String {
    let label = |key: String| i18n.text(lang, &key);
    let mut parts: Vec<String> = Vec::new();
    if !filter.q.is_empty() {
        parts.push(format!("« {} »", filter.q));
    }
    parts.extend(filter.ministry.as_ref().map(|slug| {
        ministries
            .get(slug)
            .cloned()
            .unwrap_or_else(|| slug.clone())
    }));
    parts.extend(
        filter
            .profession
            .map(|code| label(format!("profession-{code}"))),
    );
    parts.extend(
        filter
            .contract_type
            .map(|code| label(format!("contract-{code}"))),
    );
    parts.extend(
        filter
            .category
            .map(|code| label(format!("category-{code}"))),
    );
    parts.extend(
        filter
            .region
            .as_deref()
            .and_then(crate::regions::region)
            .map(|region| region.name.to_owned()),
    );
    parts.extend(
        filter
            .remote_policy
            .map(|code| label(format!("remote-{code}"))),
    );
    parts.extend(
        filter
            .experience
            .map(|code| label(format!("experience-{code}"))),
    );
    if filter.junior {
        parts.push(label("filter-junior".to_owned()));
    }
    if filter.remote_possible {
        parts.push(label("filter-distanciel".to_owned()));
    }
    if parts.is_empty() {
        return label("alert-search-everything".to_owned());
    }
    parts.join(" · ")
}

/// The names of the ministries, by slug.
pub async fn ministry_names(db: &impl ConnectionTrait) -> AppResult<HashMap<String, String>> {
    Ok(tenants::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|tenant| (tenant.slug, tenant.name))
        .collect())
}

/// Sends the digests due at `now`; returns how many left.
pub async fn send_due(
    db: &DatabaseConnection,
    search: &crate::search::SearchIndex,
    letterhead: &mail::Letterhead<'_>,
    now: DateTime<Utc>,
) -> AppResult<u64> {
    let confirmed = alerts::Entity::find()
        .filter(alerts::Column::ConfirmedAt.is_not_null())
        .order_by_asc(alerts::Column::Id)
        .all(db)
        .await?;
    let all_tenants = tenants::Entity::find().all(db).await?;
    let names: HashMap<i32, String> = all_tenants
        .iter()
        .map(|tenant| (tenant.id, tenant.name.clone()))
        .collect();
    let by_slug: HashMap<String, String> = all_tenants
        .into_iter()
        .map(|tenant| (tenant.slug, tenant.name))
        .collect();
    let mut sent = 0;
    for alert in confirmed.into_iter().filter(|alert| due(alert, now)) {
        let matching = search.current(db).await?.search(
            &filter_of(&alert),
            crate::search::Order::Recent,
            0,
            usize::MAX,
            alert.confirmed_at,
            now,
        );
        let txn = crate::db::begin_write(db).await?;
        let found = news(&txn, &alert, &matching.ids).await?;
        if !found.is_empty() {
            let items: Vec<String> = found
                .iter()
                .map(|offer| {
                    let ministry = names.get(&offer.tenant_id).map_or("", String::as_str);
                    format!(
                        "- {} ({ministry}, {}) : {}/offres/{}",
                        offer.title, offer.city, letterhead.base_url, offer.slug
                    )
                })
                .collect();
            let (_, unsubscribe) = links(letterhead.base_url, &alert);
            let args = [
                ("count", found.len().to_string()),
                (
                    "search",
                    describe(
                        &filter_of(&alert),
                        letterhead.i18n,
                        crate::i18n::Lang::Fr,
                        &by_slug,
                    ),
                ),
                ("items", items.join("\n")),
                ("unsubscribe", unsubscribe.clone()),
            ];
            let mail = mail::compose(letterhead, "alert_digest", &alert.email, &args)?
                .unsubscribe(unsubscribe);
            mail::enqueue(&txn, &mail, now).await?;
            for offer in &found {
                alert_deliveries::ActiveModel {
                    email: Set(alert.email.clone()),
                    offer_id: Set(offer.id),
                    sent_at: Set(now),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
            }
            sent += 1;
        }
        let mut row: alerts::ActiveModel = alert.into();
        row.last_sent_at = Set(Some(now));
        row.update(&txn).await?;
        txn.commit().await?;
    }
    Ok(sent)
}

/// Deletes the alerts never confirmed in time, and what was sent to addresses without any
/// alert left; returns how many alerts went.
pub(crate) async fn purge(db: &DatabaseConnection, now: DateTime<Utc>) -> AppResult<u64> {
    let deleted = alerts::Entity::delete_many()
        .filter(alerts::Column::ConfirmedAt.is_null())
        .filter(alerts::Column::CreatedAt.lte(now - candidates::CONFIRM_WITHIN))
        .exec(db)
        .await?
        .rows_affected;
    let with_alerts = sea_orm::sea_query::Query::select()
        .column(alerts::Column::Email)
        .from(alerts::Entity)
        .to_owned();
    alert_deliveries::Entity::delete_many()
        .filter(alert_deliveries::Column::Email.not_in_subquery(with_alerts))
        .exec(db)
        .await?;
    Ok(deleted)
}
