//! The yearly goals: page views counted without tracking anyone (cache hits included), the
//! figures of a known year computed once and shown the same on the back-office page, in the
//! CSV, XLSX and JSON files and by `metiers export stats`; the public impact page; goals set
//! by whom may; bad requests refused clearly.

use std::{collections::HashMap, io::Read};

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use metiers::{
    accounts::{AdminScope, Role},
    analytics::{Metric, Tally},
    codes::{ApplicationStatus, ApplyMode, Status},
    entities::{daily_counts, offers, tenants},
    i18n::{I18n, Lang},
    ids::{OfferId, TenantId},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;

use crate::{
    cli::{metiers, stderr},
    support::{Backend, Options, SignedIn, TestApp, candidate::PDF, fixtures},
};

on_both_backends!(
    views_are_counted_without_tracking_anyone,
    a_year_shows_the_same_figures_everywhere,
    bad_requests_are_refused_clearly,
);

fn at(year: i32, month: u32, day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, 10, 0, 0).unwrap()
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// The sum of `metric`'s day counts of `offer` (0: the ministry's totals) of `tenant`.
async fn counted(app: &TestApp, metric: Metric, tenant: i32, offer: i32) -> i64 {
    daily_counts::Entity::find()
        .filter(daily_counts::Column::Metric.eq(metric.code()))
        .filter(daily_counts::Column::TenantId.eq(tenant))
        .filter(daily_counts::Column::OfferId.eq(offer))
        .all(&app.state.db)
        .await
        .unwrap()
        .iter()
        .map(|row| row.count)
        .sum()
}

async fn views_are_counted_without_tracking_anyone(backend: Backend) {
    let options = Options {
        page_cache_seconds: 60,
        ..Options::default()
    };
    let app = TestApp::start_with(backend, options).await;
    let sea = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    let offer = fixtures::offer(&app, &sea, fixtures::published(&sea, "Développeur·se")).await;
    let member = app
        .signed_in("agent@mer.gouv.fr", false, &[(sea.id, Role::Editor)])
        .await;
    let page = format!("/offres/{}", offer.slug);
    let visit = |path: String, header: Option<(&'static str, &'static str)>| {
        let mut request = app.client.get(app.url(&path));
        if let Some((name, value)) = header {
            request = request.header(name, value);
        }
        async move { request.send().await.unwrap().status().as_u16() }
    };
    // Three views of the offer in French (the last two from the page cache), one in English.
    for _ in 0..3 {
        assert_eq!(visit(page.clone(), None).await, 200);
    }
    assert_eq!(visit(format!("/en{page}"), None).await, 200);
    assert_eq!(visit("/ministeres/mer".to_owned(), None).await, 200);
    assert_eq!(visit("/".to_owned(), None).await, 200);
    assert_eq!(visit(format!("{page}/candidater"), None).await, 200);
    // None of these counts.
    assert_eq!(visit(page.clone(), Some(("dnt", "1"))).await, 200);
    assert_eq!(visit(page.clone(), Some(("sec-gpc", "1"))).await, 200);
    let robot = ("user-agent", "Mozilla/5.0 (compatible; Googlebot/2.1)");
    assert_eq!(visit(page.clone(), Some(robot)).await, 200);
    let cookie = (
        "cookie",
        Box::leak(member.cookie.clone().into_boxed_str()) as &'static str,
    );
    assert_eq!(visit(page.clone(), Some(cookie)).await, 200);
    assert_eq!(visit("/offres/nulle-part".to_owned(), None).await, 404);
    let head = app.client.head(app.url(&page)).send().await.unwrap();
    assert_eq!(head.status(), 200);

    assert_eq!(
        counted(&app, Metric::OfferView, 0, 0).await,
        0,
        "nothing is written before the flush"
    );
    let written = app.state.views.flush(&app.state.db).await.unwrap();
    assert_eq!(
        written, 7,
        "4 offer views, the ministry, the home page, the form"
    );
    assert_eq!(counted(&app, Metric::OfferView, sea.id, offer.id).await, 4);
    assert_eq!(counted(&app, Metric::OfferView, sea.id, 0).await, 4);
    assert_eq!(counted(&app, Metric::MinistryView, sea.id, 0).await, 1);
    assert_eq!(
        counted(&app, Metric::ApplyOnSite, sea.id, offer.id).await,
        1
    );
    assert_eq!(counted(&app, Metric::PageView, 0, 0).await, 7);

    // A second batch adds to the same day's rows.
    assert_eq!(visit(page.clone(), None).await, 200);
    assert_eq!(app.state.views.flush(&app.state.db).await.unwrap(), 1);
    assert_eq!(counted(&app, Metric::OfferView, sea.id, offer.id).await, 5);
    let rows = daily_counts::Entity::find()
        .filter(daily_counts::Column::Metric.eq(Metric::OfferView.code()))
        .filter(daily_counts::Column::OfferId.eq(offer.id))
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(rows.len(), 1, "one row a day: {rows:?}");

    // The public page shows the national totals of the back-office, and no small figure of a
    // ministry.
    apply(&app, &offer, "camille@exemple.fr", Utc::now()).await;
    let admin = app.signed_in("admin@numerique.gouv.fr", true, &[]).await;
    let year = metiers::analytics::day_of(Utc::now()).year();
    let json = exported(&app, &admin, &format!("annee={year}"), "json").await;
    let report: Value = serde_json::from_slice(&json).unwrap();
    let total = |code: &str| {
        report["series"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["series"] == code)
            .unwrap()["total"]
            .as_i64()
            .unwrap()
    };
    assert_eq!((total("page_views"), total("applications")), (8, 1));
    for path in ["/statistiques", "/en/statistics"] {
        let page = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(page.status(), 200, "{path}");
        let html = page.text().await.unwrap();
        let label = if path.starts_with("/en") {
            "Pages seen"
        } else {
            "Pages vues"
        };
        let table = html_table(&html, label);
        assert_eq!(
            table.last().unwrap()[1],
            total("page_views").to_string(),
            "{path}"
        );
        let ministries = html_table(
            &html,
            if path.starts_with("/en") {
                "By ministry"
            } else {
                "Par ministère"
            },
        );
        let sea_row = ministries
            .iter()
            .find(|row| row[0] == "Ministère de la Mer")
            .expect("the ministry");
        let hidden = if path.starts_with("/en") {
            "fewer than 5"
        } else {
            "moins de 5"
        };
        assert_eq!(
            sea_row[2], hidden,
            "one application is not shown: {sea_row:?}"
        );
    }
    let english = app
        .client
        .get(app.url("/en/statistics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        english.contains("href=\"/statistiques\""),
        "the language switch leads to the French page"
    );
}

/// A known year (last year, complete): two ministries, four offers, views, clicks,
/// applications made through the site and one hire; the talents and alerts of a day.
struct KnownYear {
    year: i32,
    sea: tenants::Model,
    admin: SignedIn,
    manager: SignedIn,
}

async fn offer_at(
    app: &TestApp,
    tenant: &tenants::Model,
    title: &str,
    (published, expires): (DateTime<Utc>, DateTime<Utc>),
    (status, mode): (Status, ApplyMode),
) -> offers::Model {
    let mut new = fixtures::published(tenant, title);
    new.published_at = Some(published);
    new.expires_at = Some(expires);
    new.status = Some(status);
    new.apply_mode = Some(mode);
    if mode == ApplyMode::External {
        new.apply_url = Some("https://recrutement.exemple.fr/1".to_owned());
    }
    fixtures::offer(app, tenant, new).await
}

async fn apply(app: &TestApp, offer: &offers::Model, email: &str, when: DateTime<Utc>) -> i32 {
    let new = metiers::applications::NewApplication {
        first_name: "Camille".to_owned(),
        last_name: "Durand".to_owned(),
        email: email.to_owned(),
        cv: PDF.to_vec(),
        consent: true,
        retention_years: 2,
        ..Default::default()
    };
    let letterhead = app.state.letterhead();
    metiers::applications::apply(
        &app.state.db,
        &app.state.storage,
        &letterhead,
        offer,
        new,
        when,
    )
    .await
    .expect("application")
    .id
}

async fn known_year(app: &TestApp) -> KnownYear {
    let year = Utc::now().year() - 1;
    let sea = fixtures::ministry(app, "mer", "Ministère de la Mer", "dsfr").await;
    let land = fixtures::ministry(app, "terre", "Ministère de la Terre", "dsfr").await;
    let live = (Status::Published, ApplyMode::OnSite);
    let expired_clicked = (Status::Expired, ApplyMode::External);
    let expired = (Status::Expired, ApplyMode::OnSite);
    // Title, ministry, published and deadline (month, day), state.
    let offers = [
        ("Développeur·se Rust", &sea, (3, 1), (7, 1), live),
        ("Data analyste", &sea, (4, 10), (5, 20), expired_clicked),
        ("Product owner", &land, (5, 1), (12, 1), live),
        ("Architecte cloud", &land, (4, 1), (4, 30), expired),
    ];
    let mut made = Vec::new();
    for (title, tenant, (m1, d1), (m2, d2), state) in offers {
        let dates = (at(year, m1, d1), at(year, m2, d2));
        made.push(offer_at(app, tenant, title, dates, state).await);
    }
    let [a1, a2, b1, _] = <[offers::Model; 4]>::try_from(made).unwrap();

    let mut tally = Tally::default();
    let (sea_id, land_id) = (Some(TenantId::new(sea.id)), Some(TenantId::new(land.id)));
    let [a1_id, a2_id, b1_id] = [&a1, &a2, &b1].map(|offer| Some(OfferId::new(offer.id)));
    for ((month, day_of_month), metric, tenant, offer, count) in [
        ((3, 5), Metric::OfferView, sea_id, a1_id, 10),
        ((4, 2), Metric::OfferView, sea_id, a1_id, 5),
        ((5, 3), Metric::OfferView, land_id, b1_id, 7),
        ((3, 5), Metric::MinistryView, sea_id, None, 4),
        ((3, 5), Metric::PageView, None, None, 30),
        ((4, 15), Metric::ApplyElsewhere, sea_id, a2_id, 1),
        ((2, 10), Metric::Talent, None, None, 3),
        ((2, 11), Metric::Alert, None, None, 2),
    ] {
        tally.add(day(year, month, day_of_month), metric, tenant, offer, count);
    }
    tally.save(&app.state.db).await.unwrap();

    let hired = apply(app, &a1, "camille@exemple.fr", at(year, 5, 10)).await;
    apply(app, &a1, "dominique@exemple.fr", at(year, 5, 10)).await;
    apply(app, &b1, "sacha@exemple.fr", at(year, 5, 12)).await;
    let scope = AdminScope::system().ministry(sea.key());
    let letterhead = app.state.letterhead();
    let moved = (ApplicationStatus::Hired, None);
    let id = metiers::ids::ApplicationId::new(hired);
    metiers::applications::inbox::change_status(
        &app.state.db,
        &letterhead,
        &scope,
        id,
        moved,
        at(year, 6, 2),
    )
    .await
    .expect("hired");

    let admin = app.signed_in("admin@numerique.gouv.fr", true, &[]).await;
    let manager = app
        .signed_in("rh@mer.gouv.fr", false, &[(sea.id, Role::Manager)])
        .await;
    let national = [
        ("annee", year.to_string()),
        ("ministere", "national".to_owned()),
        ("target_recruitments", "10".to_owned()),
        ("target_talents", String::new()),
        ("target_applications", "6".to_owned()),
    ];
    let fields: Vec<(&str, &str)> = national.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = app
        .post_as(&admin, "/admin/statistiques/objectifs", &fields)
        .await;
    assert_eq!(saved.status(), 303, "{}", saved.text().await.unwrap());
    let year_text = year.to_string();
    let own = [
        ("annee", year_text.as_str()),
        ("ministere", "mer"),
        ("target_recruitments", "2"),
        ("target_applications", ""),
    ];
    let saved = app
        .post_as(&manager, "/admin/statistiques/objectifs", &own)
        .await;
    assert_eq!(saved.status(), 303, "{}", saved.text().await.unwrap());
    KnownYear {
        year,
        sea,
        admin,
        manager,
    }
}

/// The statistics `query` asks for, downloaded as `who` in `format`.
async fn exported(app: &TestApp, who: &SignedIn, query: &str, format: &str) -> Vec<u8> {
    let path = format!("/admin/statistiques/export?{query}&format={format}");
    let response = app.get_with_cookie(&path, &who.cookie).await;
    assert_eq!(response.status(), 200, "{path}");
    response.bytes().await.unwrap().to_vec()
}

/// The numbers of an XLSX sheet named `name`: by row, the cells' values (text for strings).
fn xlsx_sheet(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut read = |path: &str| {
        let mut text = String::new();
        archive
            .by_name(path)
            .unwrap_or_else(|_| panic!("{path} in the workbook"))
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let workbook = read("xl/workbook.xml");
    let strings = read("xl/sharedStrings.xml");
    let shared: Vec<String> = strings
        .split("<si>")
        .skip(1)
        .map(|item| {
            let text = &item[item.find("<t").expect("a text")..];
            let text = &text[text.find('>').expect("a text") + 1..];
            text.split("</t>").next().unwrap_or_default().to_owned()
        })
        .collect();
    let index = workbook
        .split("<sheet ")
        .skip(1)
        .position(|sheet| sheet.contains(&format!("name=\"{name}\"")))
        .unwrap_or_else(|| panic!("sheet {name} in {workbook}"));
    let sheet = read(&format!("xl/worksheets/sheet{}.xml", index + 1));
    sheet
        .split("<row ")
        .skip(1)
        .map(|row| {
            row.split("<c ")
                .skip(1)
                .map(|cell| {
                    let value = cell
                        .split("<v>")
                        .nth(1)
                        .and_then(|v| v.split("</v>").next())
                        .unwrap_or("");
                    if cell.contains("t=\"s\"") {
                        shared[value.parse::<usize>().unwrap()].clone()
                    } else {
                        value.to_owned()
                    }
                })
                .collect()
        })
        .collect()
}

/// The cells of the table captioned `caption` of an HTML page, by row, as text.
fn html_table(html: &str, caption: &str) -> Vec<Vec<String>> {
    html_tables(html, caption).remove(0)
}

/// The cells of every table whose caption says `caption` (a wide table comes in parts).
fn html_tables(html: &str, caption: &str) -> Vec<Vec<Vec<String>>> {
    let document = scraper::Html::parse_document(html);
    let tables = scraper::Selector::parse("table").unwrap();
    let cells = scraper::Selector::parse("th, td").unwrap();
    let rows = scraper::Selector::parse("tr").unwrap();
    let found: Vec<Vec<Vec<String>>> = document
        .select(&tables)
        .filter(|table| table.text().collect::<String>().contains(caption))
        .map(|table| {
            table
                .select(&rows)
                .map(|row| {
                    row.select(&cells)
                        .map(|cell| {
                            cell.text()
                                .collect::<String>()
                                .trim()
                                .replace(['\u{202f}', ','], "")
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    assert!(!found.is_empty(), "a table {caption}");
    found
}

async fn a_year_shows_the_same_figures_everywhere(backend: Backend) {
    let app = TestApp::start(backend).await;
    let known = known_year(&app).await;
    let year = known.year;
    let query = format!("annee={year}&ministere=national");
    let json = exported(&app, &known.admin, &query, "json").await;
    let report: Value = serde_json::from_slice(&json).unwrap();

    // The figures, worked out by hand from the data set.
    let series = |code: &str| -> Vec<i64> {
        report["series"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["series"] == code)
            .unwrap_or_else(|| panic!("series {code}"))["monthly"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_i64().unwrap())
            .collect()
    };
    let months = |pairs: &[(usize, i64)]| {
        let mut figures = vec![0i64; 12];
        pairs.iter().for_each(|(month, n)| figures[month - 1] = *n);
        figures
    };
    assert_eq!(
        series("offers_published"),
        months(&[(3, 1), (4, 2), (5, 1)])
    );
    assert_eq!(series("offer_views"), months(&[(3, 10), (4, 5), (5, 7)]));
    assert_eq!(series("ministry_views"), months(&[(3, 4)]));
    assert_eq!(series("page_views"), months(&[(3, 30)]));
    assert_eq!(series("apply_clicks"), months(&[(4, 1)]));
    assert_eq!(series("applications"), months(&[(5, 3)]));
    assert_eq!(series("hires"), months(&[(6, 1)]));
    assert_eq!(series("talents"), months(&[(2, 3)]));
    assert_eq!(series("alerts"), months(&[(2, 2)]));
    let goal = |code: &str| {
        let goal = report["goals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["indicator"] == code)
            .unwrap();
        (
            goal["target"].as_i64(),
            goal["achieved"].as_i64().unwrap(),
            goal["percent"].as_i64(),
        )
    };
    assert_eq!(goal("recruitments"), (Some(10), 1, Some(10)));
    assert_eq!(
        goal("talents"),
        (Some(300), 3, Some(1)),
        "the default national goal"
    );
    assert_eq!(goal("applications"), (Some(6), 3, Some(50)));
    let top = &report["top_offers"];
    assert_eq!(top[0]["title"], "Développeur·se Rust");
    assert_eq!(
        (
            top[0]["views"].as_i64(),
            top[0]["applications"].as_i64(),
            top[0]["hires"].as_i64()
        ),
        (Some(15), Some(2), Some(1))
    );
    assert_eq!(top[1]["title"], "Product owner");
    assert_eq!(report["conversion"]["applications_per_100_views"], 13.6);
    assert_eq!(report["conversion"]["hires_per_100_applications"], 33.3);
    assert_eq!(
        report["delays"]["median_days_to_first_application"], 11.0,
        "of 5, 11 and 70 days"
    );
    assert_eq!(report["delays"]["median_days_to_hire"], 93.0);
    assert_eq!(report["vacancy"]["offers_expired"], 2);
    assert_eq!(report["vacancy"]["without_application"], 1);
    assert_eq!(report["vacancy"]["share_percent"], 50.0);
    let sea = &report["ministries"][0];
    assert_eq!(
        (
            sea["name"].as_str(),
            sea["offers_published"].as_i64(),
            sea["hires"].as_i64()
        ),
        (Some("Ministère de la Mer"), Some(2), Some(1))
    );

    // The command line writes the same JSON.
    let url = app.database.url.clone();
    let cli = tokio::task::spawn_blocking(move || {
        metiers(
            &url,
            &[
                "export",
                "stats",
                "--year",
                &year.to_string(),
                "--format",
                "json",
            ],
        )
    })
    .await
    .unwrap();
    assert!(cli.status.success(), "{}", stderr(&cli));
    assert!(
        stderr(&cli).contains("export: "),
        "plain progress lines off a terminal: {}",
        stderr(&cli)
    );
    let from_cli: Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(
        from_cli, report,
        "the command line and the page's file agree"
    );

    // The CSV: a BOM, `;`, one figure a line, the same numbers.
    let i18n = I18n::load().unwrap();
    let label = |key: &str| i18n.text(Lang::Fr, key);
    let csv = exported(&app, &known.admin, &query, "csv").await;
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.starts_with("\u{feff}Tableau;Ligne;Indicateur;Valeur\r\n"),
        "{csv}"
    );
    let lines: HashMap<(String, String, String), String> = csv
        .lines()
        .skip(1)
        .map(|line| {
            let fields: Vec<&str> = line.split(';').collect();
            assert_eq!(fields.len(), 4, "{line}");
            (
                (fields[0].into(), fields[1].into(), fields[2].into()),
                fields[3].into(),
            )
        })
        .collect();
    for code in [
        "offers_published",
        "offer_views",
        "applications",
        "hires",
        "talents",
        "page_views",
    ] {
        for (index, value) in series(code).iter().enumerate() {
            let key = (
                label("stats-table-monthly"),
                format!("{year}-{:02}", index + 1),
                label(&format!("stats-series-{code}")),
            );
            assert_eq!(lines.get(&key), Some(&value.to_string()), "{key:?}");
        }
    }
    let share = (
        label("stats-table-summary"),
        label("stats-expired-share"),
        label("stats-col-value"),
    );
    assert_eq!(lines.get(&share).map(String::as_str), Some("50"));
    let per_100 = (
        label("stats-table-summary"),
        label("stats-applications-per-100-views"),
        label("stats-col-value"),
    );
    assert_eq!(
        lines.get(&per_100).map(String::as_str),
        Some("13,6"),
        "a decimal comma"
    );

    // The XLSX: the monthly sheet holds numbers, its first column dates, and a chart sheet.
    let xlsx = exported(&app, &known.admin, &query, "xlsx").await;
    let monthly = xlsx_sheet(&xlsx, &label("stats-table-monthly"));
    let headers = &monthly[0];
    for code in [
        "offers_published",
        "offer_views",
        "applications",
        "hires",
        "talents",
    ] {
        let column = headers
            .iter()
            .position(|h| *h == label(&format!("stats-series-{code}")))
            .unwrap();
        let cells: Vec<i64> = monthly[1..]
            .iter()
            .map(|row| row[column].parse().unwrap())
            .collect();
        assert_eq!(cells, series(code), "{code} in the workbook");
    }
    let january = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
    let serial = (january - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days();
    assert_eq!(
        monthly[1][0],
        serial.to_string(),
        "January as an Excel date"
    );
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&xlsx)).unwrap();
    assert!(
        archive.by_name("xl/chartsheets/sheet1.xml").is_ok(),
        "a chart sheet"
    );

    // The page: the same monthly table.
    let page = app
        .get_with_cookie(&format!("/admin/statistiques?{query}"), &known.admin.cookie)
        .await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("<svg class=\"stats-chart__svg\""),
        "charts drawn on the server"
    );
    let tables = html_tables(&html, &label("stats-monthly-table-heading"));
    for code in [
        "offers_published",
        "offer_views",
        "applications",
        "hires",
        "talents",
    ] {
        let heading = label(&format!("stats-series-{code}"));
        let (table, column) = tables
            .iter()
            .find_map(|table| Some((table, table[0].iter().position(|h| *h == heading)?)))
            .unwrap_or_else(|| panic!("a column {heading}"));
        let cells: Vec<i64> = table[1..13]
            .iter()
            .map(|row| row[column].parse().unwrap())
            .collect();
        assert_eq!(cells, series(code), "{code} on the page");
    }

    // The ministry's own figures and goal, for its manager.
    let own = app
        .get_with_cookie(
            &format!("/admin/statistiques?annee={year}"),
            &known.manager.cookie,
        )
        .await;
    assert_eq!(own.status(), 200);
    let html = own.text().await.unwrap();
    assert!(
        html.contains("Ministère de la Mer"),
        "the manager's ministry by default"
    );
    let json = exported(
        &app,
        &known.manager,
        &format!("annee={year}&ministere=mer"),
        "json",
    )
    .await;
    let own: Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(own["subject"]["slug"], "mer");
    assert_eq!(own["goals"][0]["target"], 2);
    assert_eq!(own["goals"][0]["achieved"], 1);
    assert!(own["ministries"].as_array().unwrap().is_empty());
    assert!(
        own["series"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["series"] != "talents"),
        "the talent pool is the whole site's"
    );
    assert_eq!(known.sea.slug, "mer");
}

async fn bad_requests_are_refused_clearly(backend: Backend) {
    let app = TestApp::start(backend).await;
    let known = known_year(&app).await;
    let year = known.year;
    let admin = &known.admin;
    let get = |path: String, who: &SignedIn| {
        let cookie = who.cookie.clone();
        let app = &app;
        async move {
            let response = app.get_with_cookie(&path, &cookie).await;
            (response.status().as_u16(), response.text().await.unwrap())
        }
    };
    let (status, page) = get("/admin/statistiques?annee=1850".to_owned(), admin).await;
    assert_eq!(status, 400);
    assert!(page.contains("pas de chiffres pour cette année"), "{page}");
    let (status, _) = get("/admin/statistiques?annee=deux-mille".to_owned(), admin).await;
    assert_eq!(status, 400);
    let (status, page) = get("/admin/statistiques?ministere=atlantide".to_owned(), admin).await;
    assert_eq!(status, 400);
    assert!(page.contains("Aucun ministère ne porte ce nom"), "{page}");
    let (status, page) = get(
        format!("/admin/statistiques/export?annee={year}&format=pdf"),
        admin,
    )
    .await;
    assert_eq!(status, 400);
    assert!(page.contains("CSV, XLSX ou JSON"), "{page}");
    // Another ministry's figures, or the whole site's, are not a member's.
    let manager = &known.manager;
    let (status, _) = get(
        format!("/admin/statistiques?annee={year}&ministere=terre"),
        manager,
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = get(
        format!("/admin/statistiques/export?annee={year}&ministere=terre&format=csv"),
        manager,
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = get("/admin/statistiques?ministere=national".to_owned(), manager).await;
    assert_eq!(status, 404);
    // A goal that is not a number is shown again, with the message; nothing is written.
    let fields = [
        ("annee", year.to_string()),
        ("ministere", "mer".to_owned()),
        ("target_recruitments", "beaucoup".to_owned()),
        ("target_applications", "-3".to_owned()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = app
        .post_as(manager, "/admin/statistiques/objectifs", &fields)
        .await;
    assert_eq!(refused.status(), 400);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("value=\"beaucoup\"") || page.contains("beaucoup"),
        "what was typed stays"
    );
    assert_eq!(
        page.matches("fr-input-group--error").count(),
        2,
        "both fields named"
    );
    let editor = app
        .signed_in(
            "redaction@mer.gouv.fr",
            false,
            &[(known.sea.id, Role::Editor)],
        )
        .await;
    let fields = [
        ("annee", year.to_string()),
        ("ministere", "mer".to_owned()),
        ("target_recruitments", "5".to_owned()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let forbidden = app
        .post_as(&editor, "/admin/statistiques/objectifs", &fields)
        .await;
    assert_eq!(
        forbidden.status(),
        403,
        "managers set their ministry's goals"
    );

    // An empty year: files with their headers and no figures.
    let next = Utc::now().year() + 1;
    let csv = exported(&app, admin, &format!("annee={next}"), "csv").await;
    assert_eq!(
        String::from_utf8(csv).unwrap(),
        "\u{feff}Tableau;Ligne;Indicateur;Valeur\r\n"
    );
    let xlsx = exported(&app, admin, &format!("annee={next}"), "xlsx").await;
    let monthly = xlsx_sheet(&xlsx, "Mensuel");
    assert_eq!(monthly.len(), 1, "the headers only: {monthly:?}");
    let json = exported(&app, admin, &format!("annee={next}"), "json").await;
    let empty: Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(empty["series"], serde_json::json!([]));

    // The command line: one line naming the problem, exit code 2.
    let url = app.database.url.clone();
    let runs = tokio::task::spawn_blocking(move || {
        [
            metiers(
                &url,
                &["export", "stats", "--year", "1850", "--format", "csv"],
            ),
            metiers(
                &url,
                &[
                    "export",
                    "stats",
                    "--year",
                    &year.to_string(),
                    "--tenant",
                    "atlantide",
                    "--format",
                    "csv",
                ],
            ),
            metiers(
                &url,
                &[
                    "export",
                    "stats",
                    "--year",
                    &year.to_string(),
                    "--format",
                    "pdf",
                ],
            ),
        ]
    })
    .await
    .unwrap();
    for (run, named) in runs.iter().zip(["year", "atlantide", "pdf"]) {
        assert_eq!(run.status.code(), Some(2), "{}", stderr(run));
        let message = stderr(run);
        let errors: Vec<&str> = message
            .lines()
            .filter(|line| line.starts_with("error"))
            .collect();
        assert_eq!(errors.len(), 1, "{message}");
        assert!(errors[0].contains(named), "{message}");
    }
}
