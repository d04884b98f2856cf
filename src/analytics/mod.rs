//! What the yearly goals are measured with, without measuring anyone: counts by day, per
//! ministry and per offer, never a visitor's address, cookie or browser. A visitor who asks
//! not to be tracked (`DNT: 1` or `Sec-GPC: 1`) is not counted at all, nor are robots.
//!
//! Events the domain sees (an application, a talent or an alert confirmed) are counted in the
//! transaction that writes them ([`count`]). Page views are many and cheap: they are kept in
//! memory ([`Views`]) and written every few seconds, so that a page served from the page cache
//! stays as fast; a crash loses at most that window.

mod views;

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect,
    sea_query::{Expr, OnConflict, Query},
};

pub use views::{Seen, Views};

use crate::{
    accounts::Scope,
    entities::daily_counts,
    error::AppResult,
    ids::{OfferId, TenantId},
};

/// What is counted, each under a stable code (the `metric` column).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Metric {
    /// Every public page seen: the visits of the impact page.
    PageView,
    OfferView,
    MinistryView,
    /// The application form of an offer that takes applications on the site, opened.
    ApplyOnSite,
    /// The apply button of an offer whose candidates apply elsewhere (a site, an address).
    ApplyElsewhere,
    /// An application made on the site (not its later updates).
    Application,
    /// A talent profile confirmed.
    Talent,
    /// An alert confirmed.
    Alert,
}

impl Metric {
    pub const ALL: [Metric; 8] = [
        Metric::PageView,
        Metric::OfferView,
        Metric::MinistryView,
        Metric::ApplyOnSite,
        Metric::ApplyElsewhere,
        Metric::Application,
        Metric::Talent,
        Metric::Alert,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Metric::PageView => "page_view",
            Metric::OfferView => "offer_view",
            Metric::MinistryView => "ministry_view",
            Metric::ApplyOnSite => "apply_on_site",
            Metric::ApplyElsewhere => "apply_elsewhere",
            Metric::Application => "application",
            Metric::Talent => "talent",
            Metric::Alert => "alert",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|metric| metric.code() == code)
    }
}

/// The day `now` falls on in France: days and months of the statistics are French ones.
pub fn day_of(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&chrono_tz::Europe::Paris).date_naive()
}

/// Whether the visitor asked not to be tracked.
pub fn refuses_tracking(header: impl Fn(&str) -> Option<String>) -> bool {
    ["dnt", "sec-gpc"]
        .iter()
        .any(|name| header(name).as_deref().map(str::trim) == Some("1"))
}

/// Whether a user agent is a robot's (crawlers, monitors, command-line clients) or missing.
pub fn is_robot(user_agent: Option<&str>) -> bool {
    const MARKS: [&str; 12] = [
        "bot", "crawl", "spider", "slurp", "curl", "wget", "python", "go-http", "java/", "monitor",
        "preview", "headless",
    ];
    match user_agent.map(str::to_ascii_lowercase) {
        None => true,
        Some(agent) => agent.trim().is_empty() || MARKS.iter().any(|mark| agent.contains(mark)),
    }
}

/// One counter of one day: a metric of a ministry (0: none) and an offer (0: the ministry's
/// total of the day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Key {
    day: NaiveDate,
    metric: Metric,
    tenant: i32,
    offer: i32,
}

/// Counts waiting to be added to `daily_counts`.
#[derive(Debug, Default)]
pub struct Tally(HashMap<Key, i64>);

/// Rows written by one statement: far below the parameter limits of both databases.
const ROWS_PER_STATEMENT: usize = 400;

impl Tally {
    /// Adds `n` to `metric` on `day` for `offer` and for its ministry's total, or for the
    /// ministry (or for no ministry) alone.
    pub fn add(
        &mut self,
        day: NaiveDate,
        metric: Metric,
        tenant: Option<TenantId>,
        offer: Option<OfferId>,
        n: i64,
    ) {
        let tenant = tenant.map_or(0, TenantId::get);
        let mut bump = |offer: i32| {
            *self
                .0
                .entry(Key {
                    day,
                    metric,
                    tenant,
                    offer,
                })
                .or_default() += n;
        };
        bump(0);
        if let Some(offer) = offer {
            bump(offer.get());
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds every count to its row, creating the rows of a new day.
    pub async fn save(self, db: &impl ConnectionTrait) -> AppResult<()> {
        let rows: Vec<_> = self.0.into_iter().filter(|(_, n)| *n != 0).collect();
        for chunk in rows.chunks(ROWS_PER_STATEMENT) {
            let mut insert = Query::insert();
            insert.into_table(daily_counts::Entity).columns([
                daily_counts::Column::Day,
                daily_counts::Column::Metric,
                daily_counts::Column::TenantId,
                daily_counts::Column::OfferId,
                daily_counts::Column::Count,
            ]);
            for (key, n) in chunk {
                insert.values_panic([
                    key.day.into(),
                    key.metric.code().into(),
                    key.tenant.into(),
                    key.offer.into(),
                    (*n).into(),
                ]);
            }
            insert.on_conflict(
                OnConflict::columns([
                    daily_counts::Column::OfferId,
                    daily_counts::Column::Day,
                    daily_counts::Column::Metric,
                    daily_counts::Column::TenantId,
                ])
                .value(
                    daily_counts::Column::Count,
                    Expr::cust("daily_counts.count + excluded.count"),
                )
                .to_owned(),
            );
            db.execute(&insert).await?;
        }
        Ok(())
    }
}

/// Counts one `metric` now, for `offer` of `tenant`, or for `tenant`, or for no ministry.
/// Call it in the transaction that writes what is counted.
pub async fn count(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    metric: Metric,
    tenant: Option<TenantId>,
    offer: Option<OfferId>,
) -> AppResult<()> {
    let mut tally = Tally::default();
    tally.add(day_of(now), metric, tenant, offer, 1);
    tally.save(db).await
}

/// How many times `metric` was counted for `offer` (of the scope's ministry), in all.
pub async fn total_for_offer(
    db: &impl ConnectionTrait,
    scope: &Scope,
    offer: OfferId,
    metric: Metric,
) -> AppResult<i64> {
    // One row a day: summed here, the same on both databases.
    let days: Vec<i64> = daily_counts::Entity::find()
        .select_only()
        .column(daily_counts::Column::Count)
        .filter(daily_counts::Column::OfferId.eq(offer))
        .filter(daily_counts::Column::TenantId.eq(scope.tenant()))
        .filter(daily_counts::Column::Metric.eq(metric.code()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(days.iter().sum())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn robots_and_missing_agents_are_not_visitors() {
        assert!(is_robot(None));
        assert!(is_robot(Some("  ")));
        assert!(is_robot(Some("Mozilla/5.0 (compatible; Googlebot/2.1)")));
        assert!(is_robot(Some("curl/8.5.0")));
        assert!(!is_robot(Some(
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
        )));
    }

    #[test]
    fn days_are_french_days() {
        let late = "2026-06-30T22:30:00Z".parse().unwrap();
        assert_eq!(day_of(late), NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
    }

    #[test]
    fn an_offer_counts_for_its_ministry_too() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let mut tally = Tally::default();
        let (tenant, offer) = (Some(TenantId::new(2)), Some(OfferId::new(7)));
        tally.add(day, Metric::OfferView, tenant, offer, 3);
        tally.add(day, Metric::MinistryView, tenant, None, 1);
        let total = |offer| {
            tally.0[&Key {
                day,
                metric: Metric::OfferView,
                tenant: 2,
                offer,
            }]
        };
        assert_eq!((total(0), total(7)), (3, 3));
        assert_eq!(tally.0.len(), 3);
    }
}
