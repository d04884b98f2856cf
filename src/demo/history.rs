//! Two years of a believable past for the statistics pages: offers that were published, then
//! expired or were filled, and day by day their views, apply clicks and applications, the
//! ministries' page views, the visits, the talents and alerts confirmed, the recruitments.
//! The figures are made up but steady (the same on every run), and written through the same
//! [`Tally`] as the real counts.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set,
};

use super::{OfferTemplate, Place, demo_offer, parse};
use crate::{
    accounts::AdminScope,
    analytics::{self, Metric, Tally},
    codes::{ApplyMode, Status},
    entities::{daily_counts, offers as offer_rows, recruitments, structures},
    error::AppResult,
    ids::{OfferId, TenantId},
    offers,
    slug::slugify,
};

/// Offers published over the two past years.
pub const HISTORY_OFFERS: usize = 300;
/// How far back the history goes.
const HISTORY_DAYS: i64 = 730;

/// A steady pseudo-random number from two seeds (splitmix64).
fn noise(a: u64, b: u64) -> u64 {
    let mut z = a
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(b)
        .wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// How much more a day of the week is visited (Monday first): less at weekends.
fn weekday_weight(day: NaiveDate) -> u64 {
    use chrono::Datelike;
    [10, 11, 10, 10, 9, 4, 3][day.weekday().num_days_from_monday() as usize]
}

/// What one offer's life adds to the counts, day by day until it closed (or yesterday).
fn offer_days(tally: &mut Tally, offer: &offer_rows::Model, yesterday: NaiveDate) {
    let Some(published) = offer.published_at else {
        return;
    };
    let start = analytics::day_of(published);
    let end = [offer.expires_at, offer.filled_at]
        .into_iter()
        .flatten()
        .map(analytics::day_of)
        .min()
        .map_or(yesterday, |end| Ord::min(end, yesterday));
    let (tenant, id) = (
        Some(TenantId::new(offer.tenant_id)),
        Some(OfferId::new(offer.id)),
    );
    let popularity = 4 + noise(offer.id as u64, 1) % 20;
    let mut day = start;
    let mut age = 0u64;
    while day <= end {
        let seed = noise(offer.id as u64, age + 2);
        // Most views come in the first weeks.
        let views = (popularity * weekday_weight(day) * 3 / (3 + age / 7) + seed % 7) / 10;
        let views = views as i64;
        tally.add(day, Metric::OfferView, tenant, id, views);
        let apply = match offer.apply_mode.as_str() {
            mode if mode == ApplyMode::OnSite.as_str() => Metric::ApplyOnSite,
            _ => Metric::ApplyElsewhere,
        };
        let clicks = views / 12 + i64::from(seed.is_multiple_of(11));
        tally.add(day, apply, tenant, id, clicks);
        if apply == Metric::ApplyOnSite {
            let applications = clicks / 2 + i64::from(seed.is_multiple_of(17));
            tally.add(day, Metric::Application, tenant, id, applications);
        }
        day += Duration::days(1);
        age += 1;
    }
}

/// Whether the history is there already: counts older than a week exist.
async fn seeded(db: &DatabaseConnection, today: NaiveDate) -> AppResult<bool> {
    Ok(daily_counts::Entity::find()
        .filter(daily_counts::Column::Day.lt(today - Duration::days(7)))
        .count(db)
        .await?
        > 0)
}

/// Writes the past offers and two years of daily figures, once; returns how many offers it
/// wrote (0 when the history was there).
pub async fn seed_history(db: &DatabaseConnection, now: DateTime<Utc>) -> AppResult<usize> {
    let today = analytics::day_of(now);
    if seeded(db, today).await? {
        return Ok(0);
    }
    let templates: Vec<OfferTemplate> = parse(
        "offer_templates.json",
        include_str!("data/offer_templates.json"),
    )?;
    let places: Vec<Place> = parse("places.json", include_str!("data/places.json"))?;
    let tenants = crate::tenants::list_active(db).await?;
    if tenants.is_empty() || templates.is_empty() || places.is_empty() {
        return Ok(0);
    }
    let system = AdminScope::system();
    let txn = crate::db::begin_write(db).await?;
    let mut hires = Vec::new();
    for k in 0..HISTORY_OFFERS {
        let index = 1_000 + k;
        let template = &templates[k % templates.len()];
        let tenant = &tenants[(k * 7 + k / templates.len()) % tenants.len()];
        let place = &places[(k * 13 + 5) % places.len()];
        let title = &template.titles[k % template.titles.len().max(1)];
        let structure = structures::Entity::find()
            .filter(structures::Column::TenantId.eq(tenant.id))
            .one(&txn)
            .await?;
        let slug = format!("{}-{}", slugify(title), index + 1);
        let mut new = demo_offer(
            index,
            template,
            tenant,
            structure.as_ref(),
            place,
            title,
            slug,
            now,
        )?;
        let published = now - Duration::days(HISTORY_DAYS) + Duration::hours(k as i64 * 50);
        let expires = published + Duration::days(45 + (k % 30) as i64);
        let hired = new.apply_mode == Some(ApplyMode::OnSite) && k % 2 == 0;
        let filled = hired || k % 9 == 4;
        new.published_at = Some(published);
        new.expires_at = Some(expires);
        new.start_on = None;
        new.filled_at = filled.then(|| published + Duration::days(25 + (k % 20) as i64));
        new.status = Some(match (filled, k % 13) {
            (true, _) => Status::Filled,
            (false, 5) => Status::Archived,
            _ => Status::Expired,
        });
        let offer = offers::create(&txn, &system.ministry(tenant.key()), new, now).await?;
        if hired && let Some(filled_at) = offer.filled_at {
            hires.push((offer.tenant_id, offer.id, published, filled_at));
        }
    }
    let yesterday = today - Duration::days(1);
    let mut tally = Tally::default();
    for offer in offer_rows::Entity::find().all(&txn).await? {
        offer_days(&mut tally, &offer, yesterday);
    }
    let mut day = today - Duration::days(HISTORY_DAYS);
    let mut n = 0u64;
    while day <= yesterday {
        let weight = weekday_weight(day);
        for tenant in &tenants {
            let views = (weight * (2 + noise(tenant.id as u64, n) % 12) / 10) as i64;
            tally.add(day, Metric::MinistryView, Some(tenant.key()), None, views);
        }
        let visits = weight * (120 + noise(n, 3) % 80) / 10;
        tally.add(day, Metric::PageView, None, None, visits as i64);
        tally.add(
            day,
            Metric::Talent,
            None,
            None,
            (noise(n, 4) % 100 / 60) as i64,
        );
        tally.add(
            day,
            Metric::Alert,
            None,
            None,
            (noise(n, 5) % 100 / 45) as i64,
        );
        day += Duration::days(1);
        n += 1;
    }
    tally.save(&txn).await?;
    for (tenant, offer, published, filled_at) in &hires {
        let days = (analytics::day_of(*filled_at) - analytics::day_of(*published)).num_days();
        recruitments::ActiveModel {
            tenant_id: Set(*tenant),
            offer_id: Set(*offer),
            hired_on: Set(analytics::day_of(*filled_at)),
            days_to_hire: Set(i32::try_from(days).ok()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(HISTORY_OFFERS)
}
