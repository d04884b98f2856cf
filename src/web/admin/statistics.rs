//! `/admin/statistiques`: a year's goals and figures, for the whole site (DINUM admins) or one
//! ministry (its members, and DINUM admins); the same figures as files (`/export`), and the
//! goals form (`/objectifs`: DINUM admins for the national goals, managers for their
//! ministry's).
//!
//! What the query asks: `annee` (a year with figures, this year by default), `ministere` (a
//! ministry's slug, or `national`; by default the whole site for a DINUM admin and the current
//! ministry for the others), `format` (csv, xlsx, json). An unknown year, ministry or format is
//! a 400 page; another ministry's figures a 404.

use std::collections::{BTreeMap, HashMap};

use chrono::Datelike;
use minijinja::{Value, context};
use poem::{
    Response, handler,
    http::header,
    web::{Form, Query},
};

use super::{Admin, Pairs, forms::refused};
use crate::{
    accounts::Scope,
    analytics,
    entities::tenants,
    error::{AppError, AppResult},
    statistics::{self, Format, GoalSetter, Indicator, Level, Report},
    web::statistics::{Audience, report_view},
};

/// The `ministere` value that asks for the whole site.
const NATIONAL: &str = "national";

/// What a statistics request asks for, once allowed.
struct Asked {
    year: i32,
    level: Level,
    /// The ministry, unless the whole site.
    ministry: Option<tenants::Model>,
}

impl Asked {
    /// The `ministere` value of this level.
    fn ministry_slug(&self) -> &str {
        self.ministry.as_ref().map_or(NATIONAL, |m| m.slug.as_str())
    }

    fn scope(&self) -> Option<&Scope> {
        match &self.level {
            Level::Nation => None,
            Level::Ministry(scope) => Some(scope),
        }
    }
}

/// Reads and checks `annee` and `ministere` of `params`.
async fn asked(admin: &Admin<'_>, params: &HashMap<String, String>) -> AppResult<Asked> {
    let db = &admin.state.db;
    let now = admin.now();
    let year = match params.get("annee").filter(|year| !year.trim().is_empty()) {
        Some(year) => statistics::check_year(db, year, now).await?,
        None => analytics::day_of(now).year(),
    };
    let slug = params
        .get("ministere")
        .map(|slug| slug.trim())
        .filter(|slug| !slug.is_empty());
    let ministry = match slug {
        None if admin.actor.is_admin() => None,
        None => Some(admin.current.clone().ok_or(AppError::NotFound)?),
        Some(NATIONAL) => None,
        Some(slug) => Some(statistics::ministry_by_slug(db, slug).await?),
    };
    let level = match &ministry {
        None => {
            admin.everywhere().map_err(|_| AppError::NotFound)?;
            Level::Nation
        }
        Some(ministry) => Level::Ministry(
            admin
                .actor
                .editor_in(ministry.key())
                .map_err(|_| AppError::NotFound)?,
        ),
    };
    Ok(Asked {
        year,
        level,
        ministry,
    })
}

/// Goals typed in the form and refused: the field errors, and what was typed by field.
struct Refused<'a> {
    errors: &'a BTreeMap<String, String>,
    typed: BTreeMap<String, String>,
}

/// The page, with the goals form as typed and refused, or fresh.
async fn show(
    admin: &Admin<'_>,
    asked: &Asked,
    report: &Report,
    refused: Option<Refused<'_>>,
) -> AppResult<Response> {
    let db = &admin.state.db;
    let (first, last) = statistics::years(db, admin.now()).await?;
    let years: Vec<i32> = (first..=last).rev().collect();
    let mut ministries: Vec<Value> = Vec::new();
    if admin.actor.is_admin() {
        ministries.push(context! { slug => NATIONAL, name => admin.t("stats-national") });
    }
    ministries.extend(
        admin
            .ministries
            .iter()
            .map(|m| context! { slug => m.slug, name => m.name }),
    );
    let may_set = match asked.scope() {
        None => admin.actor.is_admin(),
        Some(scope) => scope.may_manage(),
    };
    let (errors, values) = match refused {
        Some(refused) => (refused.errors.clone(), refused.typed),
        None => (
            BTreeMap::new(),
            report
                .goals
                .iter()
                .map(|goal| {
                    let value = goal.target.map(|t| t.to_string()).unwrap_or_default();
                    (format!("target_{}", goal.indicator.code()), value)
                })
                .collect(),
        ),
    };
    let query = format!("annee={}&ministere={}", asked.year, asked.ministry_slug());
    let exports: Vec<Value> = Format::ALL
        .iter()
        .map(|format| {
            context! {
                code => format.code(),
                url => admin.page.link(&format!("/admin/statistiques/export?{query}&format={}", format.code())),
            }
        })
        .collect();
    let title = match &asked.ministry {
        Some(ministry) => admin.page.t_with(
            "stats-admin-title-ministry",
            &[("name", &ministry.name), ("year", &asked.year.to_string())],
        ),
        None => admin
            .page
            .t_with("stats-admin-title", &[("year", &asked.year.to_string())]),
    };
    let data = context! {
        stats => report_view(&admin.page, report, Audience::BackOffice),
        national => asked.ministry.is_none(),
        years => years,
        ministries => ministries,
        chosen => context! { year => asked.year, ministry => asked.ministry_slug() },
        exports => exports,
        goals_form => may_set.then(|| context! {
            indicators => report.goals.iter().map(|g| g.indicator.code()).collect::<Vec<_>>(),
            values => values,
            errors => &errors,
        }),
    };
    admin.render_form(&errors, "admin/statistics.html", title, "statistics", data)
}

/// The statistics page.
#[handler]
pub async fn page(
    admin: Admin<'_>,
    Query(params): Query<HashMap<String, String>>,
) -> AppResult<Response> {
    let asked = asked(&admin, &params).await?;
    let report = statistics::report(&admin.state.db, &asked.level, asked.year, admin.now()).await?;
    show(&admin, &asked, &report, None).await
}

/// The page's figures as a file to download.
#[handler]
pub async fn export(
    admin: Admin<'_>,
    Query(params): Query<HashMap<String, String>>,
) -> AppResult<Response> {
    let format = Format::parse(params.get("format").map_or("", String::as_str))?;
    let asked = asked(&admin, &params).await?;
    let report = statistics::report(&admin.state.db, &asked.level, asked.year, admin.now()).await?;
    let i18n = admin.state.i18n.clone();
    let lang = admin.page.lang;
    // Compressing a workbook is work for a blocking thread.
    let bytes =
        tokio::task::spawn_blocking(move || statistics::export(&report, format, &i18n, lang))
            .await
            .map_err(|error| AppError::setup("export", error))??;
    let name = format!(
        "statistiques-{}-{}.{}",
        asked.year,
        asked.ministry_slug(),
        format.code()
    );
    Ok(Response::builder()
        .header(header::CONTENT_TYPE, format.content_type())
        .header(
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        )
        .header(header::CACHE_CONTROL, "no-store")
        .body(bytes))
}

/// Sets the goals of the year asked, national or of a ministry.
#[handler]
pub async fn set_goals(admin: Admin<'_>, form: Form<Pairs>) -> AppResult<Response> {
    let form = admin.posted(form)?;
    let params: HashMap<String, String> = ["annee", "ministere"]
        .into_iter()
        .map(|name| (name.to_owned(), form.text(name)))
        .collect();
    let asked = asked(&admin, &params).await?;
    let everywhere;
    let setter = match asked.scope() {
        None => {
            everywhere = admin.everywhere()?;
            GoalSetter::Nation(&everywhere)
        }
        Some(scope) => GoalSetter::Ministry(scope),
    };
    let typed: Vec<(Indicator, String)> = Indicator::for_level(asked.ministry.is_none())
        .iter()
        .map(|indicator| {
            (
                *indicator,
                form.text(&format!("target_{}", indicator.code())),
            )
        })
        .collect();
    let db = &admin.state.db;
    let now = admin.now();
    let written = async {
        let txn = crate::db::begin_write(db).await?;
        statistics::set_goals(&txn, &setter, asked.year, &typed, now).await?;
        txn.commit().await?;
        Ok(())
    };
    match refused(&admin, written.await)? {
        Ok(()) => {
            let path = format!(
                "/admin/statistiques?annee={}&ministere={}",
                asked.year,
                asked.ministry_slug()
            );
            Ok(admin.redirect(&path, "goals-saved"))
        }
        Err(errors) => {
            let report = statistics::report(db, &asked.level, asked.year, now).await?;
            let typed = typed
                .iter()
                .map(|(indicator, text)| (format!("target_{}", indicator.code()), text.clone()))
                .collect();
            let refused = Refused {
                errors: &errors,
                typed,
            };
            show(&admin, &asked, &report, Some(refused)).await
        }
    }
}
