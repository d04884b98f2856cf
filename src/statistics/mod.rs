//! The yearly goals and the figures behind them, for the whole site or one ministry: one
//! [`Report`] that the back-office page, the public impact page, the exports and the command
//! line all show, so that they cannot disagree.
//!
//! Everything is computed from facts, never typed: the day counts of `analytics`, the
//! recruitments (an application moved to `hired`) and the offers' publication and expiry.

mod export;
mod goals;

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter,
    QuerySelect, Set,
    sea_query::{Expr, ExprTrait},
};
use serde::Serialize;

pub use export::{Format, write as export};
pub use goals::{GoalSetter, Indicator, MAX_TARGET, set_goals};

use crate::{
    accounts::Scope,
    analytics::{self, Metric},
    codes::Status,
    entities::{applications, daily_counts, offers, recruitments, tenants},
    error::{AppError, AppResult},
};

/// Whose figures: the whole site's, or one ministry's (reached through its scope).
pub enum Level {
    Nation,
    Ministry(Scope),
}

impl Level {
    fn tenant(&self) -> Option<i32> {
        match self {
            Level::Nation => None,
            Level::Ministry(scope) => Some(scope.tenant().get()),
        }
    }
}

/// A monthly series, under a stable code (`stats-series-CODE` names it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Series {
    OffersPublished,
    PageViews,
    OfferViews,
    MinistryViews,
    ApplyClicks,
    Applications,
    Hires,
    Talents,
    Alerts,
}

impl Series {
    pub const ALL: [Series; 9] = [
        Series::OffersPublished,
        Series::PageViews,
        Series::OfferViews,
        Series::MinistryViews,
        Series::ApplyClicks,
        Series::Applications,
        Series::Hires,
        Series::Talents,
        Series::Alerts,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Series::OffersPublished => "offers_published",
            Series::PageViews => "page_views",
            Series::OfferViews => "offer_views",
            Series::MinistryViews => "ministry_views",
            Series::ApplyClicks => "apply_clicks",
            Series::Applications => "applications",
            Series::Hires => "hires",
            Series::Talents => "talents",
            Series::Alerts => "alerts",
        }
    }

    /// Whether the series belongs to the whole site only (visits, the talent pool, alerts).
    fn national_only(self) -> bool {
        matches!(self, Series::PageViews | Series::Talents | Series::Alerts)
    }

    /// The day counts a series adds up (none: it is counted elsewhere).
    fn metrics(self) -> &'static [Metric] {
        match self {
            Series::PageViews => &[Metric::PageView],
            Series::OfferViews => &[Metric::OfferView],
            Series::MinistryViews => &[Metric::MinistryView],
            Series::ApplyClicks => &[Metric::ApplyOnSite, Metric::ApplyElsewhere],
            Series::Applications => &[Metric::Application],
            Series::Talents => &[Metric::Talent],
            Series::Alerts => &[Metric::Alert],
            Series::OffersPublished | Series::Hires => &[],
        }
    }
}

/// One series of a year: a figure per month, January first, and their sum.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesFigures {
    pub series: Series,
    pub monthly: [i64; 12],
    pub total: i64,
}

/// A goal of the year and how far the facts went.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalProgress {
    pub indicator: Indicator,
    /// `None`: no goal set.
    pub target: Option<i64>,
    pub achieved: i64,
    /// The achieved share of the target, in whole percents.
    pub percent: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TopOffer {
    pub title: String,
    pub slug: String,
    pub ministry: String,
    pub views: i64,
    pub applications: i64,
    pub hires: i64,
    /// Whether its public page shows now (an expired offer's answers 410): what the page
    /// links, not a figure of the exports.
    #[serde(skip)]
    pub online: bool,
}

/// From seeing an offer to being hired.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conversion {
    pub offer_views: i64,
    pub apply_clicks: i64,
    pub applications: i64,
    pub hires: i64,
    /// Applications per 100 offer views.
    pub applications_per_100_views: Option<f64>,
    /// Hires per 100 applications.
    pub hires_per_100_applications: Option<f64>,
}

/// How long things take, in days from an offer's first publication.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Delays {
    /// To its first application or apply click, over the offers published this year that got one.
    pub median_days_to_first_application: Option<f64>,
    /// To a hire, over this year's recruitments.
    pub median_days_to_hire: Option<f64>,
}

/// The offers that expired this year, and those among them that nobody applied to (on the site
/// or through their apply button).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Vacancy {
    pub offers_expired: i64,
    pub without_application: i64,
    pub share_percent: Option<f64>,
}

/// One ministry's main figures of the year, in the national report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MinistryFigures {
    pub slug: String,
    pub name: String,
    pub offers_published: i64,
    pub offer_views: i64,
    pub applications: i64,
    pub hires: i64,
}

/// Who the report is about.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Subject {
    /// `None`: the whole site.
    pub slug: Option<String>,
    pub name: Option<String>,
}

/// A year of figures: what every page, file and command of statistics shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub year: i32,
    pub subject: Subject,
    pub goals: Vec<GoalProgress>,
    pub series: Vec<SeriesFigures>,
    pub top_offers: Vec<TopOffer>,
    pub conversion: Conversion,
    pub delays: Delays,
    pub vacancy: Vacancy,
    /// Each ministry's figures (the national report only), by name.
    pub ministries: Vec<MinistryFigures>,
}

impl Report {
    /// The figures of `series`, if the report has it.
    pub fn series(&self, series: Series) -> Option<&SeriesFigures> {
        self.series.iter().find(|figures| figures.series == series)
    }

    /// Whether nothing at all happened in the year.
    pub fn is_empty(&self) -> bool {
        self.series.iter().all(|figures| figures.total == 0)
            && self.vacancy.offers_expired == 0
            && self.ministries.is_empty()
    }
}

/// Offers in the "most seen" table.
pub const TOP_OFFERS: usize = 10;

/// Below this, a ministry's figure is not shown publicly: "fewer than 5".
pub const PUBLIC_THRESHOLD: i64 = 5;

/// A ministry's figure as the public may see it: `None` when between 1 and 4.
pub fn public_figure(n: i64) -> Option<i64> {
    (n == 0 || n >= PUBLIC_THRESHOLD).then_some(n)
}

/// The years that have figures: from the first counted or published to next year (whose goals
/// may be set ahead).
pub async fn years(db: &impl ConnectionTrait, now: DateTime<Utc>) -> AppResult<(i32, i32)> {
    let this_year = analytics::day_of(now).year();
    let first_count: Option<NaiveDate> = daily_counts::Entity::find()
        .select_only()
        .expr(Expr::col(daily_counts::Column::Day).min())
        // Every count has its ministry's total (offer 0): the index's first range.
        .filter(daily_counts::Column::OfferId.eq(0))
        .into_tuple::<Option<NaiveDate>>()
        .one(db)
        .await?
        .flatten();
    let first_offer: Option<DateTime<Utc>> = offers::Entity::find()
        .select_only()
        .expr(Expr::col(offers::Column::PublishedAt).min())
        .into_tuple::<Option<DateTime<Utc>>>()
        .one(db)
        .await?
        .flatten();
    let first = [
        first_count.map(|day| day.year()),
        first_offer.map(|at| analytics::day_of(at).year()),
    ]
    .into_iter()
    .flatten()
    .min()
    .map_or(this_year, |first| Ord::min(first, this_year));
    Ok((first, this_year + 1))
}

/// `text` as one of the [`years`] with figures, or a clear refusal.
pub async fn check_year(
    db: &impl ConnectionTrait,
    text: &str,
    now: DateTime<Utc>,
) -> AppResult<i32> {
    let (first, last) = years(db, now).await?;
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|year| (first..=last).contains(year))
        .ok_or_else(|| {
            AppError::argument(
                "year",
                format!("'{text}' is not a year with figures ({first} to {last})"),
            )
        })
}

/// The first instant of `year` in France, in UTC.
fn start_of(year: i32) -> DateTime<Utc> {
    chrono_tz::Europe::Paris
        .with_ymd_and_hms(year, 1, 1, 0, 0, 0)
        .earliest()
        .map_or_else(
            || Utc.with_ymd_and_hms(year, 1, 1, 0, 0, 0).unwrap(),
            |at| at.with_timezone(&Utc),
        )
}

/// The month (0 to 11) `at` falls in, in France.
fn month_of(at: DateTime<Utc>) -> usize {
    analytics::day_of(at).month0() as usize
}

fn median(mut values: Vec<i64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let middle = values.len() / 2;
    let value = if values.len().is_multiple_of(2) {
        (values[middle - 1] + values[middle]) as f64 / 2.0
    } else {
        values[middle] as f64
    };
    Some(value)
}

/// `part` per 100 of `whole`, to one decimal.
fn per_100(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

/// The sum of the counts, as a 64-bit integer on both databases (PostgreSQL sums `bigint`s
/// as `numeric`).
const SUM_OF_COUNTS: &str = "CAST(SUM(count) AS BIGINT)";

/// The day counts of the year by ministry, metric and month (ministries' totals only).
async fn monthly_counts(
    db: &impl ConnectionTrait,
    year: i32,
    tenant: Option<i32>,
) -> AppResult<Vec<(i32, String, i32, i64)>> {
    let month = match db.get_database_backend() {
        DbBackend::Postgres => "CAST(EXTRACT(MONTH FROM day) AS INTEGER)",
        _ => "CAST(substr(day, 6, 2) AS INTEGER)",
    };
    let first = NaiveDate::from_ymd_opt(year, 1, 1).ok_or(AppError::NotFound)?;
    let last = NaiveDate::from_ymd_opt(year, 12, 31).ok_or(AppError::NotFound)?;
    let mut query = daily_counts::Entity::find()
        .select_only()
        .column(daily_counts::Column::TenantId)
        .column(daily_counts::Column::Metric)
        .column_as(Expr::cust(month), "month")
        .column_as(Expr::cust(SUM_OF_COUNTS), "total")
        .filter(daily_counts::Column::Day.between(first, last))
        .filter(daily_counts::Column::OfferId.eq(0));
    if let Some(tenant) = tenant {
        query = query.filter(daily_counts::Column::TenantId.eq(tenant));
    }
    let rows: Vec<(i32, String, i32, Option<i64>)> = query
        .group_by(daily_counts::Column::TenantId)
        .group_by(daily_counts::Column::Metric)
        .group_by(Expr::cust(month))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(tenant, metric, month, total)| (tenant, metric, month, total.unwrap_or(0)))
        .collect())
}

/// Sums per offer of `metrics` over the year, from the offers' own day counts.
async fn offer_totals(
    db: &impl ConnectionTrait,
    year: i32,
    tenant: Option<i32>,
    metrics: &[Metric],
) -> AppResult<Vec<(i32, String, i64)>> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1).ok_or(AppError::NotFound)?;
    let last = NaiveDate::from_ymd_opt(year, 12, 31).ok_or(AppError::NotFound)?;
    let mut query = daily_counts::Entity::find()
        .select_only()
        .column(daily_counts::Column::OfferId)
        .column(daily_counts::Column::Metric)
        .column_as(Expr::cust(SUM_OF_COUNTS), "total")
        .filter(daily_counts::Column::Metric.is_in(metrics.iter().map(|m| m.code())))
        .filter(daily_counts::Column::Day.between(first, last))
        .filter(daily_counts::Column::OfferId.gt(0));
    if let Some(tenant) = tenant {
        query = query.filter(daily_counts::Column::TenantId.eq(tenant));
    }
    let rows: Vec<(i32, String, Option<i64>)> = query
        .group_by(daily_counts::Column::OfferId)
        .group_by(daily_counts::Column::Metric)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(offer, metric, total)| (offer, metric, total.unwrap_or(0)))
        .collect())
}

/// The first day each of `ids` was applied to (on the site or through its apply button).
async fn first_responses(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> AppResult<HashMap<i32, NaiveDate>> {
    let mut firsts = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(i32, Option<NaiveDate>)> = daily_counts::Entity::find()
            .select_only()
            .column(daily_counts::Column::OfferId)
            .expr(Expr::col(daily_counts::Column::Day).min())
            .filter(daily_counts::Column::OfferId.is_in(chunk.iter().copied()))
            .filter(
                daily_counts::Column::Metric
                    .is_in([Metric::Application.code(), Metric::ApplyElsewhere.code()]),
            )
            .group_by(daily_counts::Column::OfferId)
            .into_tuple()
            .all(db)
            .await?;
        firsts.extend(rows.into_iter().filter_map(|(id, day)| Some((id, day?))));
    }
    Ok(firsts)
}

/// The offers of the level whose `column` (a time) falls in the year: id, ministry, time.
async fn offers_dated(
    db: &impl ConnectionTrait,
    year: i32,
    tenant: Option<i32>,
    column: offers::Column,
    status: Option<Status>,
) -> AppResult<Vec<(i32, i32, DateTime<Utc>)>> {
    let mut query = offers::Entity::find()
        .select_only()
        .columns([offers::Column::Id, offers::Column::TenantId, column])
        .filter(column.gte(start_of(year)))
        .filter(column.lt(start_of(year + 1)));
    if let Some(tenant) = tenant {
        query = query.filter(offers::Column::TenantId.eq(tenant));
    }
    if let Some(status) = status {
        query = query.filter(offers::Column::Status.eq(status));
    }
    Ok(query.into_tuple().all(db).await?)
}

/// The year's figures of `level`, as of `now`.
pub async fn report(
    db: &impl ConnectionTrait,
    level: &Level,
    year: i32,
    now: DateTime<Utc>,
) -> AppResult<Report> {
    let tenant = level.tenant();
    let counts = monthly_counts(db, year, tenant).await?;
    let hires = {
        let mut query = recruitments::Entity::find()
            .filter(recruitments::Column::HiredOn.gte(NaiveDate::from_ymd_opt(year, 1, 1)))
            .filter(recruitments::Column::HiredOn.lte(NaiveDate::from_ymd_opt(year, 12, 31)));
        if let Some(tenant) = tenant {
            query = query.filter(recruitments::Column::TenantId.eq(tenant));
        }
        query.all(db).await?
    };
    let published = offers_dated(db, year, tenant, offers::Column::PublishedAt, None).await?;
    let expired = offers_dated(
        db,
        year,
        tenant,
        offers::Column::ExpiresAt,
        Some(Status::Expired),
    )
    .await?
    .into_iter()
    .filter(|(_, _, at)| *at <= now)
    .collect::<Vec<_>>();
    let mut asked: Vec<i32> = published
        .iter()
        .chain(&expired)
        .map(|(id, _, _)| *id)
        .collect();
    asked.sort_unstable();
    asked.dedup();
    let firsts = first_responses(db, &asked).await?;

    // Monthly series.
    let mut monthly: BTreeMap<&'static str, [i64; 12]> = BTreeMap::new();
    for (_, metric, month, total) in &counts {
        if let (Some(metric), Ok(month @ 1..=12)) = (Metric::parse(metric), usize::try_from(*month))
        {
            monthly.entry(metric.code()).or_insert([0; 12])[month - 1] += total;
        }
    }
    let series = Series::ALL
        .into_iter()
        .filter(|series| tenant.is_none() || !series.national_only())
        .map(|series| {
            let mut figures = [0i64; 12];
            match series {
                Series::OffersPublished => {
                    published
                        .iter()
                        .for_each(|(_, _, at)| figures[month_of(*at)] += 1);
                }
                Series::Hires => {
                    hires
                        .iter()
                        .for_each(|hire| figures[hire.hired_on.month0() as usize] += 1);
                }
                _ => {
                    for metric in series.metrics() {
                        if let Some(counted) = monthly.get(metric.code()) {
                            figures
                                .iter_mut()
                                .zip(counted)
                                .for_each(|(sum, n)| *sum += n);
                        }
                    }
                }
            }
            SeriesFigures {
                series,
                monthly: figures,
                total: figures.iter().sum(),
            }
        })
        .collect::<Vec<_>>();
    let total = |wanted: Series| {
        series
            .iter()
            .find(|figures| figures.series == wanted)
            .map_or(0, |figures| figures.total)
    };

    // Goals.
    let targets = goals::targets(db, year, tenant).await?;
    let goals = Indicator::for_level(tenant.is_none())
        .iter()
        .map(|indicator| {
            let achieved = total(indicator.series());
            let target = targets.get(indicator).copied().flatten();
            GoalProgress {
                indicator: *indicator,
                target,
                achieved,
                percent: target.filter(|t| *t > 0).map(|t| achieved * 100 / t),
            }
        })
        .collect();

    // The most seen offers.
    let per_offer =
        offer_totals(db, year, tenant, &[Metric::OfferView, Metric::Application]).await?;
    let mut by_offer: HashMap<i32, (i64, i64)> = HashMap::new();
    for (offer, metric, n) in per_offer {
        let entry = by_offer.entry(offer).or_default();
        match Metric::parse(&metric) {
            Some(Metric::OfferView) => entry.0 += n,
            Some(Metric::Application) => entry.1 += n,
            _ => {}
        }
    }
    let mut ranked: Vec<(i32, (i64, i64))> = by_offer.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(TOP_OFFERS);
    let ids: Vec<i32> = ranked.iter().map(|(id, _)| *id).collect();
    let ranked_offers: HashMap<i32, offers::Model> = offers::Entity::find()
        .filter(offers::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|offer| (offer.id, offer))
        .collect();
    let names: HashMap<i32, tenants::Model> = tenants::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|tenant| (tenant.id, tenant))
        .collect();
    let top_offers = ranked
        .into_iter()
        .filter_map(|(id, (views, applications))| {
            let offer = ranked_offers.get(&id)?;
            Some(TopOffer {
                title: offer.title.clone(),
                slug: offer.slug.clone(),
                ministry: names
                    .get(&offer.tenant_id)
                    .map(|t| t.acronym.clone())
                    .unwrap_or_default(),
                online: crate::content::Item::is_public(offer, now),
                views,
                applications,
                hires: hires.iter().filter(|hire| hire.offer_id == id).count() as i64,
            })
        })
        .collect();

    let conversion = Conversion {
        offer_views: total(Series::OfferViews),
        apply_clicks: total(Series::ApplyClicks),
        applications: total(Series::Applications),
        hires: total(Series::Hires),
        applications_per_100_views: per_100(total(Series::Applications), total(Series::OfferViews)),
        hires_per_100_applications: per_100(total(Series::Hires), total(Series::Applications)),
    };
    let published_on = |at: DateTime<Utc>| analytics::day_of(at);
    let delays = Delays {
        median_days_to_first_application: median(
            published
                .iter()
                .filter_map(|(id, _, at)| {
                    let first = firsts.get(id)?;
                    Some(Ord::max((*first - published_on(*at)).num_days(), 0))
                })
                .collect(),
        ),
        median_days_to_hire: median(
            hires
                .iter()
                .filter_map(|hire| hire.days_to_hire.map(i64::from))
                .collect(),
        ),
    };
    let without_application = expired
        .iter()
        .filter(|(id, _, _)| !firsts.contains_key(id))
        .count() as i64;
    let vacancy = Vacancy {
        offers_expired: expired.len() as i64,
        without_application,
        share_percent: per_100(without_application, expired.len() as i64),
    };

    let ministries = match tenant {
        Some(_) => Vec::new(),
        None => by_ministry(&counts, &published, &hires, &names),
    };
    let subject = match tenant.and_then(|id| names.get(&id)) {
        Some(ministry) => Subject {
            slug: Some(ministry.slug.clone()),
            name: Some(ministry.name.clone()),
        },
        None => Subject {
            slug: None,
            name: None,
        },
    };
    Ok(Report {
        year,
        subject,
        goals,
        series,
        top_offers,
        conversion,
        delays,
        vacancy,
        ministries,
    })
}

/// Each ministry's figures, for those with any, by name.
fn by_ministry(
    counts: &[(i32, String, i32, i64)],
    published: &[(i32, i32, DateTime<Utc>)],
    hires: &[recruitments::Model],
    names: &HashMap<i32, tenants::Model>,
) -> Vec<MinistryFigures> {
    let mut figures: HashMap<i32, MinistryFigures> = HashMap::new();
    let mut add = |tenant: i32, add_to: &dyn Fn(&mut MinistryFigures)| {
        let Some(ministry) = names.get(&tenant) else {
            return;
        };
        add_to(figures.entry(tenant).or_insert_with(|| MinistryFigures {
            slug: ministry.slug.clone(),
            name: ministry.name.clone(),
            offers_published: 0,
            offer_views: 0,
            applications: 0,
            hires: 0,
        }));
    };
    for (tenant, metric, _, n) in counts {
        match Metric::parse(metric) {
            Some(Metric::OfferView) => add(*tenant, &|f| f.offer_views += n),
            Some(Metric::Application) => add(*tenant, &|f| f.applications += n),
            _ => {}
        }
    }
    for (_, tenant, _) in published {
        add(*tenant, &|f| f.offers_published += 1);
    }
    for hire in hires {
        add(hire.tenant_id, &|f| f.hires += 1);
    }
    let mut figures: Vec<MinistryFigures> = figures.into_values().collect();
    figures.sort_by(|a, b| a.name.cmp(&b.name));
    figures
}

/// Records the recruitment of `application`, just moved to `hired`: its ministry, its offer,
/// the day and how long after the offer's publication. Nothing about the person.
pub async fn record_hire(
    db: &impl ConnectionTrait,
    application: &applications::Model,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let published: Option<DateTime<Utc>> = offers::Entity::find_by_id(application.offer_id)
        .select_only()
        .column(offers::Column::PublishedAt)
        .into_tuple::<Option<DateTime<Utc>>>()
        .one(db)
        .await?
        .flatten();
    let days = published.map(|at| {
        let days = (analytics::day_of(now) - analytics::day_of(at)).num_days();
        i32::try_from(Ord::max(days, 0)).unwrap_or(i32::MAX)
    });
    recruitments::ActiveModel {
        tenant_id: Set(application.tenant_id),
        offer_id: Set(application.offer_id),
        hired_on: Set(analytics::day_of(now)),
        days_to_hire: Set(days),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The ministry of `slug`, whichever its state (past years' figures stay), or a clear refusal.
pub async fn ministry_by_slug(db: &impl ConnectionTrait, slug: &str) -> AppResult<tenants::Model> {
    tenants::Entity::find()
        .filter(tenants::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or_else(|| AppError::argument("ministry", format!("no ministry '{slug}'")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_shares() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![9, 1, 5]), Some(5.0));
        assert_eq!(median(vec![4, 1, 2, 8]), Some(3.0));
        assert_eq!(per_100(1, 3), Some(33.3));
        assert_eq!(per_100(1, 0), None);
    }

    #[test]
    fn small_figures_stay_private() {
        assert_eq!(public_figure(0), Some(0));
        assert_eq!(public_figure(4), None);
        assert_eq!(public_figure(5), Some(5));
    }

    #[test]
    fn a_french_year_starts_at_midnight_in_paris() {
        assert_eq!(start_of(2026).to_rfc3339(), "2025-12-31T23:00:00+00:00");
        let new_year = "2025-12-31T23:30:00Z".parse().unwrap();
        assert_eq!(month_of(new_year), 0);
    }
}
