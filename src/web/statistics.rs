//! A statistics [`Report`] as the pages show it, the back-office's and the public one: words,
//! grouped numbers, charts and tables, from one place so that both say the same.

use minijinja::{Value, context};

use super::{
    charts::{self, BarChart},
    portal::PageContext,
};
use crate::{
    i18n::Lang,
    statistics::{self, Report, Series},
};

/// Who looks: the public sees no offer ranking and no small figure of a ministry.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    BackOffice,
    Public,
}

/// A decimal as the language writes it (`12,5` or `12.5`), or a dash.
fn decimal(value: Option<f64>, lang: Lang) -> String {
    match value {
        None => "–".to_owned(),
        Some(value) => {
            let text = format!("{value:.1}");
            let text = text.strip_suffix(".0").unwrap_or(&text).to_owned();
            match lang {
                Lang::Fr => text.replace('.', ","),
                Lang::En => text,
            }
        }
    }
}

/// The series charted, in order, for `audience`.
pub(super) fn charted(audience: Audience) -> &'static [Series] {
    match audience {
        Audience::BackOffice => &[
            Series::Applications,
            Series::Hires,
            Series::OfferViews,
            Series::OffersPublished,
        ],
        Audience::Public => &[
            Series::OffersPublished,
            Series::Applications,
            Series::Hires,
            Series::PageViews,
        ],
    }
}

/// The page's view of `report`.
pub fn report_view(page: &PageContext<'_>, report: &Report, audience: Audience) -> Value {
    let lang = page.lang;
    let n = |value: i64| charts::number(value, lang);
    let months: Vec<String> = (1..=12)
        .map(|m| page.t(&format!("stats-month-{m}")))
        .collect();
    let short: Vec<String> = (1..=12)
        .map(|m| page.t(&format!("stats-month-short-{m}")))
        .collect();
    let year = report.year.to_string();
    let goals: Vec<Value> = report
        .goals
        .iter()
        .map(|goal| {
            let label = page.t(&format!("stats-goal-{}", goal.indicator.code()));
            let target = goal.target.map(n);
            let achieved = n(goal.achieved);
            let text = match (&target, goal.percent) {
                (Some(target), Some(percent)) => page.t_with(
                    "stats-goal-progress",
                    &[
                        ("achieved", &achieved),
                        ("target", target),
                        ("percent", &percent.to_string()),
                    ],
                ),
                _ => page.t_with("stats-goal-no-target", &[("achieved", &achieved)]),
            };
            context! {
                code => goal.indicator.code(),
                label => label,
                target => goal.target,
                achieved => achieved,
                text => text,
                gauge => charts::gauge(goal.percent),
                gauge_width => charts::GAUGE_WIDTH,
            }
        })
        .collect();
    let series: Vec<Value> = report
        .series
        .iter()
        .filter(|figures| {
            audience == Audience::BackOffice || figures.series != Series::MinistryViews
        })
        .map(|figures| {
            context! {
                code => figures.series.code(),
                label => page.t(&format!("stats-series-{}", figures.series.code())),
                monthly => figures.monthly.iter().map(|v| n(*v)).collect::<Vec<_>>(),
                total => n(figures.total),
            }
        })
        .collect();
    let charts: Vec<Value> = charted(audience)
        .iter()
        .filter_map(|wanted| report.series(*wanted))
        .map(|figures| {
            let label = page.t(&format!("stats-series-{}", figures.series.code()));
            let (busiest, most) = figures
                .monthly
                .iter()
                .enumerate()
                .max_by_key(|(index, value)| (**value, std::cmp::Reverse(*index)))
                .map_or((0, 0), |(index, value)| (index, *value));
            let title = page.t_with("stats-chart-title", &[("series", &label), ("year", &year)]);
            let description = page.t_with(
                "stats-chart-description",
                &[
                    ("total", &n(figures.total)),
                    ("month", &months[busiest]),
                    ("most", &n(most)),
                ],
            );
            let id = format!("chart-{}", figures.series.code());
            let chart = BarChart {
                id: &id,
                title,
                description,
                labels: &short,
                values: &figures.monthly,
                lang,
            };
            context! {
                chart => chart.view(),
                label => label,
                rows => months.iter().zip(&figures.monthly).map(|(month, value)| (month.clone(), n(*value))).collect::<Vec<_>>(),
                total => n(figures.total),
            }
        })
        .collect();
    let ministries: Vec<Value> = report
        .ministries
        .iter()
        .map(|ministry| {
            let shown = |value: i64| match audience {
                Audience::BackOffice => n(value),
                Audience::Public => statistics::public_figure(value)
                    .map_or_else(|| page.t("stats-below-threshold"), n),
            };
            context! {
                name => ministry.name,
                slug => ministry.slug,
                offers_published => shown(ministry.offers_published),
                offer_views => shown(ministry.offer_views),
                applications => shown(ministry.applications),
                hires => shown(ministry.hires),
            }
        })
        .collect();
    let top_offers: Vec<Value> = match audience {
        Audience::Public => Vec::new(),
        Audience::BackOffice => report
            .top_offers
            .iter()
            .map(|offer| {
                context! {
                    title => offer.title,
                    url => offer.online.then(|| page.link(&format!("/offres/{}", offer.slug))),
                    ministry => offer.ministry,
                    views => n(offer.views),
                    applications => n(offer.applications),
                    hires => n(offer.hires),
                }
            })
            .collect(),
    };
    let (conversion, delays, vacancy) = (&report.conversion, &report.delays, &report.vacancy);
    context! {
        year => report.year,
        empty => report.is_empty(),
        goals => goals,
        months => months,
        series => series,
        charts => charts,
        ministries => ministries,
        top_offers => top_offers,
        conversion => context! {
            offer_views => n(conversion.offer_views),
            apply_clicks => n(conversion.apply_clicks),
            applications => n(conversion.applications),
            hires => n(conversion.hires),
            applications_per_100_views => decimal(conversion.applications_per_100_views, lang),
            hires_per_100_applications => decimal(conversion.hires_per_100_applications, lang),
        },
        delays => context! {
            first_application => decimal(delays.median_days_to_first_application, lang),
            hire => decimal(delays.median_days_to_hire, lang),
        },
        vacancy => context! {
            expired => n(vacancy.offers_expired),
            without_application => n(vacancy.without_application),
            share => decimal(vacancy.share_percent, lang),
        },
        threshold => statistics::PUBLIC_THRESHOLD,
    }
}
