//! The public portal over HTTP: pages, filters, search, JSON-LD, feeds, statuses and headers,
//! on SQLite and on PostgreSQL.

use crate::support::{Backend, Options, TestApp, attributes, fixtures, texts};
use chrono::{Duration, Utc};
use metiers::codes::{Category, ContractType, Profession, RemotePolicy, Status};

on_both_backends!(
    demo_data_is_credible_and_seeding_is_idempotent,
    home_page_shows_the_catalogue,
    filters_combine_and_live_in_the_query_string,
    search_ignores_accents_and_case,
    listing_paginates_and_shows_an_empty_state,
    offer_page_has_job_posting_json_ld,
    offer_life_cycle_decides_the_answer,
    ministry_pages_are_themed,
    stories_are_listed_and_shown,
    english_lives_under_en,
    fixed_pages_and_errors_use_the_theme,
    feeds_and_sitemap_list_live_offers,
    headers_caching_and_compression,
    listing_costs_a_fixed_number_of_queries,
    concurrent_misses_render_a_page_once,
    health_and_readiness,
);

/// An application that keeps rendered pages for a minute.
fn cached() -> Options {
    Options {
        page_cache_seconds: 60,
        ..Options::default()
    }
}

/// Links to offer pages in a listing.
fn offer_links(body: &str) -> Vec<String> {
    let mut links: Vec<String> = attributes(body, "a[href]", "href")
        .into_iter()
        .filter(|href| href.starts_with("/offres/") || href.starts_with("/en/offres/"))
        .collect();
    links.dedup();
    links
}

async fn demo_data_is_credible_and_seeding_is_idempotent(backend: Backend) {
    let app = TestApp::start(backend).await;
    let first = app.seed_demo(metiers::demo::DEFAULT_OFFERS).await;
    assert!(first.ministries >= 12, "{first:?}");
    assert!(first.offers >= 250, "{first:?}");
    assert!(first.stories >= 20, "{first:?}");
    let second = app.seed_demo(metiers::demo::DEFAULT_OFFERS).await;
    assert_eq!(
        second,
        metiers::demo::SeedReport::default(),
        "a second seeding writes nothing"
    );

    let (status, body) = app.page("/offres").await;
    assert_eq!(status, 200);
    assert_eq!(offer_links(&body).len(), 20, "a full first page of offers");
    let (_, body) = app.page("/ministeres").await;
    assert!(
        body.contains("Ministère de l") || body.contains("Ministère des"),
        "real ministry names"
    );
    assert!(!body.to_lowercase().contains("lorem"));

    // Offers sit where their ministry says it works, and every profession has some.
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let anssi = metiers::entities::tenants::Entity::find()
        .filter(metiers::entities::tenants::Column::Slug.eq("anssi"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let cities: std::collections::BTreeSet<String> = metiers::entities::offers::Entity::find()
        .filter(metiers::entities::offers::Column::TenantId.eq(anssi.id))
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|offer| offer.city)
        .collect();
    assert!(
        !cities.is_empty()
            && cities
                .iter()
                .all(|city| city == "Paris" || city == "Rennes"),
        "{cities:?}"
    );
    // One kind of offer in two ministries does not read alike.
    let offers = metiers::entities::offers::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap();
    let mut compared = 0;
    for a in &offers {
        for b in offers
            .iter()
            .filter(|b| b.title == a.title && b.tenant_id != a.tenant_id)
        {
            compared += 1;
            assert_ne!(
                (&a.perks, &a.recruitment_process),
                (&b.perks, &b.recruitment_process),
                "{} in two ministries",
                a.title
            );
        }
    }
    assert!(compared > 0, "titles shared by ministries were compared");
    for profession in Profession::codes() {
        let (_, body) = app.page(&format!("/offres?metier={profession}")).await;
        assert!(!offer_links(&body).is_empty(), "no {profession} offer");
    }

    // "Open to beginners" and the beginner experience level are one definition.
    let (_, switch) = app.page("/offres?junior=1").await;
    let (_, level) = app.page("/offres?experience=debutant").await;
    let count = |body: &str| texts(body, "#offers-count").remove(0);
    assert_eq!(count(&switch), count(&level));
}

async fn home_page_shows_the_catalogue(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tenant = fixtures::ministry(&app, "armees", "Ministère des Armées", "dsfr").await;
    fixtures::offer(
        &app,
        &tenant,
        fixtures::published(&tenant, "Ingénieur·e cybersécurité"),
    )
    .await;
    let (status, body) = app.page("/").await;
    assert_eq!(status, 200);
    assert!(body.contains("Métiers du Numérique"));
    assert!(body.contains("Ingénieur·e cybersécurité"), "latest offers");
    assert!(body.contains("Ministère des Armées"), "ministries");
    assert_eq!(texts(&body, "h1").len(), 1, "one h1");
}

async fn filters_combine_and_live_in_the_query_string(backend: Backend) {
    let app = TestApp::start(backend).await;
    let interior = fixtures::ministry(&app, "interieur", "Ministère de l'Intérieur", "dsfr").await;
    let culture = fixtures::ministry(&app, "culture", "Ministère de la Culture", "dsfr").await;
    let base = fixtures::published(&interior, "Développeur·se back-end");
    fixtures::offer(&app, &interior, base.clone()).await;
    fixtures::offer(
        &app,
        &culture,
        metiers::offers::NewOffer {
            title: "Data scientist".into(),
            profession: Some(Profession::Donnees),
            remote_policy: Some(RemotePolicy::Total),
            postal_code: "69003".into(),
            city: "Lyon".into(),
            experience_min_years: Some(0),
            contract_types: vec![ContractType::Contractuel, ContractType::Stage],
            category: Some(Category::A),
            ..fixtures::published(&culture, "")
        },
    )
    .await;
    fixtures::offer(
        &app,
        &culture,
        metiers::offers::NewOffer {
            title: "Technicien·ne support".into(),
            profession: Some(Profession::Support),
            remote_policy: Some(RemotePolicy::Aucun),
            postal_code: "97400".into(),
            city: "Saint-Denis".into(),
            experience_min_years: Some(1),
            category: Some(Category::B),
            ..fixtures::published(&culture, "")
        },
    )
    .await;

    let titles = |body: &str| {
        let mut found: Vec<String> = [
            "Développeur·se back-end",
            "Data scientist",
            "Technicien·ne support",
        ]
        .iter()
        .filter(|t| body.contains(*t))
        .map(|t| t.to_string())
        .collect();
        found.sort();
        found
    };
    let cases: &[(&str, &[&str])] = &[
        (
            "/offres",
            &[
                "Data scientist",
                "Développeur·se back-end",
                "Technicien·ne support",
            ],
        ),
        (
            "/offres?ministere=culture",
            &["Data scientist", "Technicien·ne support"],
        ),
        (
            "/offres?ministere=culture&metier=donnees",
            &["Data scientist"],
        ),
        ("/offres?contrat=stage", &["Data scientist"]),
        ("/offres?categorie=B", &["Technicien·ne support"]),
        ("/offres?region=84", &["Data scientist"]),
        ("/offres?region=04", &["Technicien·ne support"]),
        ("/offres?teletravail=aucun", &["Technicien·ne support"]),
        (
            "/offres?distanciel=1",
            &["Data scientist", "Développeur·se back-end"],
        ),
        (
            "/offres?junior=1",
            &["Data scientist", "Technicien·ne support"],
        ),
        ("/offres?experience=confirme", &["Développeur·se back-end"]),
        (
            "/offres?junior=1&distanciel=1&ministere=culture",
            &["Data scientist"],
        ),
        (
            "/offres?metier=inconnu",
            &[
                "Data scientist",
                "Développeur·se back-end",
                "Technicien·ne support",
            ],
        ),
    ];
    for (path, expected) in cases {
        let (status, body) = app.page(path).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(titles(&body), *expected, "{path}");
    }
    let (_, body) = app.page("/offres?ministere=culture&metier=donnees").await;
    assert!(body.contains("1 offre"), "the count of results");
    let selected = attributes(&body, "select[name=metier] option[selected]", "value");
    assert_eq!(
        selected,
        vec!["donnees"],
        "the form shows the active filter"
    );
}

async fn search_ignores_accents_and_case(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tenant = fixtures::ministry(&app, "justice", "Ministère de la Justice", "dsfr").await;
    fixtures::offer(
        &app,
        &tenant,
        fixtures::published(&tenant, "Développeur·se full-stack"),
    )
    .await;
    // Its profession's words are searched too: a project offer is filed as one.
    let project = metiers::offers::NewOffer {
        profession: Some(Profession::ProjetProduit),
        ..fixtures::published(&tenant, "Chef·fe de projet données")
    };
    fixtures::offer(&app, &tenant, project).await;
    for query in [
        "developpeur",
        "DÉVELOPPEUR",
        "Developpeu",
        "full stack",
        "développeur paris",
    ] {
        let (_, body) = app.page(&format!("/offres?q={}", urlencode(query))).await;
        assert!(
            body.contains("Développeur·se full-stack"),
            "{query} finds the developer offer"
        );
        assert!(
            !body.contains("Chef·fe de projet données"),
            "{query} does not find the project offer"
        );
    }
    let (_, body) = app.page("/offres?q=donnees").await;
    assert!(body.contains("Chef·fe de projet données"));
    let (status, body) = app
        .page(&format!(
            "/offres?q={}",
            urlencode("\"; DROP TABLE offers; --")
        ))
        .await;
    assert_eq!(status, 200, "hostile input is just text");
    assert!(body.contains("Aucune offre"), "empty state");
    let (_, body) = app.page("/offres").await;
    assert!(
        body.contains("Développeur·se full-stack"),
        "the table is still there"
    );
}

fn urlencode(text: &str) -> String {
    serde_urlencoded::to_string([("", text)])
        .unwrap()
        .trim_start_matches('=')
        .to_owned()
}

async fn listing_paginates_and_shows_an_empty_state(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tenant = fixtures::ministry(&app, "travail", "Ministère du Travail", "dsfr").await;
    for n in 1..=25 {
        fixtures::offer(
            &app,
            &tenant,
            metiers::offers::NewOffer {
                published_at: Some(Utc::now() - Duration::hours(n)),
                ..fixtures::published(&tenant, &format!("Offre numéro {n}"))
            },
        )
        .await;
    }
    let (_, first) = app.page("/offres?metier=developpement").await;
    assert_eq!(offer_links(&first).len(), 20);
    assert!(first.contains("25 offres"));
    let next: Vec<String> = attributes(&first, "a[href]", "href")
        .into_iter()
        .filter(|href| href.contains("page=2"))
        .collect();
    assert!(!next.is_empty(), "a link to page 2");
    assert!(
        next.iter()
            .all(|href| href.contains("metier=developpement")),
        "pages keep the filters: {next:?}"
    );
    let (_, second) = app.page(&next[0].replace("&amp;", "&")).await;
    assert_eq!(offer_links(&second).len(), 5);
    assert!(
        second.contains("Offre numéro 25"),
        "the oldest offer is last"
    );
    let (status, empty) = app.page("/offres?metier=securite").await;
    assert_eq!(status, 200);
    assert!(empty.contains("Aucune offre"));
    assert_eq!(offer_links(&empty).len(), 0);
}

async fn offer_page_has_job_posting_json_ld(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tenant = fixtures::ministry(
        &app,
        "ecologie",
        "Ministère de la Transition écologique",
        "dsfr",
    )
    .await;
    let offer = fixtures::offer(
        &app,
        &tenant,
        metiers::offers::NewOffer {
            remote_policy: Some(RemotePolicy::Total),
            ..fixtures::published(&tenant, "Product owner <script>alert(1)</script>")
        },
    )
    .await;
    let (status, body) = app.page(&format!("/offres/{}", offer.slug)).await;
    assert_eq!(status, 200);
    assert!(!body.contains("<script>alert(1)"), "titles are escaped");
    let scripts = texts(&body, "script[type=\"application/ld+json\"]");
    assert_eq!(scripts.len(), 1);
    let posting: serde_json::Value = serde_json::from_str(&scripts[0]).expect("valid JSON-LD");
    assert_eq!(posting["@type"], "JobPosting");
    assert_eq!(posting["title"], "Product owner <script>alert(1)</script>");
    assert!(
        posting["description"]
            .as_str()
            .unwrap()
            .contains("services publics")
    );
    assert!(posting["datePosted"].as_str().is_some());
    assert!(
        posting["validThrough"]
            .as_str()
            .unwrap()
            .starts_with(&offer.expires_at.unwrap().format("%Y-%m-%d").to_string())
    );
    assert_eq!(
        posting["hiringOrganization"]["name"],
        "Ministère de la Transition écologique"
    );
    assert_eq!(posting["jobLocation"]["address"]["postalCode"], "75007");
    assert_eq!(
        posting["jobLocation"]["address"]["addressRegion"],
        "Île-de-France"
    );
    assert_eq!(posting["jobLocation"]["address"]["addressCountry"], "FR");
    assert_eq!(posting["baseSalary"]["currency"], "EUR");
    assert_eq!(posting["baseSalary"]["value"]["minValue"], 42000);
    assert_eq!(posting["employmentType"], serde_json::json!(["FULL_TIME"]));
    assert_eq!(posting["jobLocationType"], "TELECOMMUTE");
    assert_eq!(posting["directApply"], true);
    let canonical = attributes(&body, "link[rel=canonical]", "href");
    assert_eq!(canonical, vec![app.url(&format!("/offres/{}", offer.slug))]);
    assert!(body.contains("og:title"));
    assert!(
        body.contains("Ministère de la Transition écologique"),
        "the ministry"
    );
}

async fn offer_life_cycle_decides_the_answer(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tenant = fixtures::ministry(&app, "sante", "Ministère de la Santé", "dsfr").await;
    let live = fixtures::offer(&app, &tenant, fixtures::published(&tenant, "Architecte SI")).await;
    let expired = fixtures::offer(
        &app,
        &tenant,
        metiers::offers::NewOffer {
            status: Some(Status::Expired),
            ..fixtures::published(&tenant, "Ancienne offre expirée")
        },
    )
    .await;
    let past_deadline = fixtures::offer(
        &app,
        &tenant,
        metiers::offers::NewOffer {
            expires_at: Some(Utc::now() - Duration::minutes(1)),
            ..fixtures::published(&tenant, "Offre arrivée à échéance")
        },
    )
    .await;
    let filled = fixtures::offer(
        &app,
        &tenant,
        metiers::offers::NewOffer {
            status: Some(Status::Filled),
            ..fixtures::published(&tenant, "Offre pourvue")
        },
    )
    .await;
    let draft = fixtures::offer(
        &app,
        &tenant,
        metiers::offers::NewOffer {
            status: Some(Status::Draft),
            ..fixtures::published(&tenant, "Brouillon secret")
        },
    )
    .await;

    for gone in [&expired, &past_deadline] {
        let (status, body) = app.page(&format!("/offres/{}", gone.slug)).await;
        assert_eq!(status, 410, "{}", gone.slug);
        assert!(body.contains(&gone.title));
        assert!(
            body.contains("Architecte SI"),
            "similar offers are suggested"
        );
    }
    let (status, body) = app.page(&format!("/offres/{}", filled.slug)).await;
    assert_eq!(status, 200);
    assert!(
        body.to_lowercase().contains("pourvue"),
        "a banner says the offer is filled"
    );
    let (status, _) = app.page(&format!("/offres/{}", draft.slug)).await;
    assert_eq!(status, 404);
    let (status, _) = app.page("/offres/n-existe-pas").await;
    assert_eq!(status, 404);

    let (_, listing) = app.page("/offres").await;
    assert_eq!(
        offer_links(&listing),
        vec![format!("/offres/{}", live.slug)],
        "only the live offer is listed"
    );
    let (_, feed) = app.page("/offres.atom").await;
    assert!(
        feed.contains("Architecte SI") && !feed.contains("échéance") && !feed.contains("pourvue")
    );
    let (_, sitemap) = app.page("/sitemap.xml").await;
    assert!(
        sitemap.contains(&live.slug)
            && !sitemap.contains(&past_deadline.slug)
            && !sitemap.contains(&draft.slug)
    );
}

async fn ministry_pages_are_themed(backend: Backend) {
    let app = TestApp::start(backend).await;
    let plain = fixtures::ministry(&app, "culture", "Ministère de la Culture", "dsfr").await;
    let showcase = fixtures::ministry(&app, "armees", "Ministère des Armées", "vitrine").await;
    fixtures::offer(
        &app,
        &showcase,
        fixtures::published(&showcase, "Analyste SOC"),
    )
    .await;

    let (status, body) = app.page("/ministeres").await;
    assert_eq!(status, 200);
    assert!(body.contains("Ministère de la Culture") && body.contains("Ministère des Armées"));

    let (status, body) = app.page(&format!("/ministeres/{}", showcase.slug)).await;
    assert_eq!(status, 200);
    assert!(body.contains("Analyste SOC"), "its offers");
    assert!(body.contains("recrute des talents"), "its presentation");
    assert!(body.contains("/ministeres/armees/theme.css"), "its colours");
    assert!(body.contains("vitrine.css"), "the vitrine theme");
    let (_, plain_body) = app.page(&format!("/ministeres/{}", plain.slug)).await;
    assert!(
        !plain_body.contains("vitrine.css"),
        "the default theme elsewhere"
    );

    let response = app.get("/ministeres/armees/theme.css").await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    let css = response.text().await.unwrap();
    assert!(css.contains("--ministry-accent: #6a6af4"), "{css}");
    let (status, _) = app.page("/ministeres/inconnu").await;
    assert_eq!(status, 404);
}

async fn stories_are_listed_and_shown(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tenant = fixtures::ministry(
        &app,
        "dinum",
        "Direction interministérielle du numérique",
        "dsfr",
    )
    .await;
    let story = metiers::stories::create(
        &app.state.db,
        &metiers::accounts::AdminScope::system().ministry(tenant.key()),
        metiers::stories::NewStory {
            slug: "camille-martin".into(),
            person_name: "Camille Martin".into(),
            role: "Développeuse à la DINUM".into(),
            excerpt: "Je construis des services publics utiles.".into(),
            body: "J'ai rejoint l'équipe **en 2024**.\n\n<script>alert(1)</script>".into(),
            status: Some(Status::Published),
            published_at: Some(Utc::now()),
            ..Default::default()
        },
        Utc::now(),
    )
    .await
    .unwrap();
    let (status, list) = app.page("/temoignages").await;
    assert_eq!(status, 200);
    assert!(list.contains("Camille Martin"));
    let (status, body) = app.page(&format!("/temoignages/{}", story.slug)).await;
    assert_eq!(status, 200);
    assert!(
        body.contains("<strong>en 2024</strong>"),
        "Markdown is rendered"
    );
    assert!(!body.contains("<script>alert(1)"), "and sanitized");
    // French puts the ministry's article where it belongs, guessed from its name or its own.
    assert!(
        texts(&body, "h2")
            .contains(&"Travailler à la direction interministérielle du numérique".to_owned()),
        "{:?}",
        texts(&body, "h2")
    );
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
    let mut named = tenant.clone().into_active_model();
    named.short_name = Set("la DINUM".into());
    named.update(&app.state.db).await.unwrap();
    let (_, body) = app.page(&format!("/temoignages/{}", story.slug)).await;
    assert!(texts(&body, "h2").contains(&"Travailler à la DINUM".to_owned()));
    let (_, english) = app.page(&format!("/en/temoignages/{}", story.slug)).await;
    assert!(texts(&english, "h2").contains(&"Working at DINUM".to_owned()));
    let (_, ministry) = app.page("/ministeres/dinum").await;
    assert!(
        texts(&ministry, "a")
            .iter()
            .any(|link| link.starts_with("Site de la DINUM")),
        "{:?}",
        texts(&ministry, "a")
    );
    let (status, _) = app.page("/temoignages/personne").await;
    assert_eq!(status, 404);
}

async fn english_lives_under_en(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tenant = fixtures::ministry(&app, "culture", "Ministère de la Culture", "dsfr").await;
    let offer = fixtures::offer(
        &app,
        &tenant,
        fixtures::published(&tenant, "Développeur·se"),
    )
    .await;
    let (status, body) = app.page("/en/offres").await;
    assert_eq!(status, 200);
    assert_eq!(attributes(&body, "html", "lang"), vec!["en"]);
    assert!(body.contains("1 offer"), "English strings");
    assert!(
        offer_links(&body).contains(&format!("/en/offres/{}", offer.slug)),
        "links stay in English"
    );
    // What the ministry wrote stays French, and says so to screen readers.
    assert_eq!(
        attributes(
            &body,
            &format!("a[href=\"/en/offres/{}\"]", offer.slug),
            "lang"
        ),
        ["fr"]
    );
    let (_, page) = app.page(&format!("/en/offres/{}", offer.slug)).await;
    assert_eq!(attributes(&page, "h1", "lang"), ["fr"]);
    assert!(
        !attributes(&page, ".portal-richtext [lang=fr]", "lang").is_empty(),
        "{page}"
    );
    let (_, french_page) = app.page(&format!("/offres/{}", offer.slug)).await;
    assert!(attributes(&french_page, "main [lang]", "lang").is_empty());
    let (status, body) = app.page("/en").await;
    assert_eq!(status, 200);
    assert_eq!(attributes(&body, "html", "lang"), vec!["en"]);
    let (_, french) = app.page("/").await;
    assert_eq!(attributes(&french, "html", "lang"), vec!["fr"]);
    let alternates = attributes(&french, "link[hreflang=en]", "href");
    assert_eq!(alternates, vec![app.url("/en")]);
}

async fn fixed_pages_and_errors_use_the_theme(backend: Backend) {
    let app = TestApp::start(backend).await;
    for path in [
        "/accessibilite",
        "/mentions-legales",
        "/donnees-personnelles",
        "/plan-du-site",
        "/en/accessibilite",
    ] {
        let (status, body) = app.page(path).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(texts(&body, "h1").len(), 1, "{path}");
        assert!(body.contains("fr-footer"), "{path} has the footer");
    }
    let (_, body) = app.page("/accessibilite").await;
    assert!(body.contains("partiellement conforme"));
    let response = app.get("/nulle-part").await;
    assert_eq!(response.status(), 404);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let body = response.text().await.unwrap();
    assert!(
        body.contains("fr-header") && body.contains("404"),
        "a themed 404 page"
    );
    let (status, body) = app.page("/en/nowhere").await;
    assert_eq!(status, 404);
    assert_eq!(attributes(&body, "html", "lang"), vec!["en"]);
}

async fn feeds_and_sitemap_list_live_offers(backend: Backend) {
    let app = TestApp::start(backend).await;
    let culture = fixtures::ministry(&app, "culture", "Ministère de la Culture", "dsfr").await;
    let armees = fixtures::ministry(&app, "armees", "Ministère des Armées", "dsfr").await;
    let a = fixtures::offer(
        &app,
        &culture,
        fixtures::published(&culture, "Archiviste numérique & data"),
    )
    .await;
    let b = fixtures::offer(&app, &armees, fixtures::published(&armees, "Pentester")).await;

    let response = app.get("/offres.atom").await;
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    let feed = response.text().await.unwrap();
    assert!(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
    assert!(
        feed.contains("Archiviste numérique &amp; data"),
        "escaped titles"
    );
    assert!(feed.contains(&app.url(&format!("/offres/{}", b.slug))));
    assert_eq!(feed.matches("<entry>").count(), 2);
    let (_, ministry_feed) = app.page("/ministeres/armees/offres.atom").await;
    assert_eq!(ministry_feed.matches("<entry>").count(), 1);
    assert!(ministry_feed.contains("Pentester") && !ministry_feed.contains("Archiviste"));

    let (status, sitemap) = app.page("/sitemap.xml").await;
    assert_eq!(status, 200);
    let entry = format!(
        "<loc>{}</loc><lastmod>{}</lastmod>",
        app.url(&format!("/offres/{}", a.slug)),
        a.updated_at.format("%Y-%m-%d")
    );
    assert!(sitemap.contains(&entry), "{sitemap}");
    assert!(
        sitemap.contains(&format!("<loc>{}</loc>", app.url("/ministeres/culture")))
            || sitemap.contains(&app.url("/ministeres/culture"))
    );
    let (_, robots) = app.page("/robots.txt").await;
    assert!(robots.contains(&format!("Sitemap: {}/sitemap.xml", app.base_url)));
    assert!(robots.contains("Disallow: /admin"));
}

async fn headers_caching_and_compression(backend: Backend) {
    let app = TestApp::start_with(backend, cached()).await;
    let tenant = fixtures::ministry(&app, "culture", "Ministère de la Culture", "dsfr").await;
    fixtures::offer(
        &app,
        &tenant,
        fixtures::published(&tenant, "Développeur·se"),
    )
    .await;

    let response = app.get("/offres").await;
    let headers = response.headers().clone();
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self'")
            && !csp.contains("unsafe-inline")
            && csp.contains("frame-ancestors 'none'")
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(
        headers["referrer-policy"],
        "strict-origin-when-cross-origin"
    );
    assert!(!headers["x-request-id"].is_empty());
    assert!(
        headers.get("strict-transport-security").is_none(),
        "no HSTS over plain http"
    );
    let etag = headers["etag"].to_str().unwrap().to_owned();
    assert!(
        headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("public")
    );
    let body = response.text().await.unwrap();
    assert!(
        !body.contains("<script>") && !body.contains("style=\""),
        "no inline script or style"
    );

    let again = app
        .client
        .get(app.url("/offres"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    let behind_https = app
        .client
        .get(app.url("/"))
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .unwrap();
    assert!(
        behind_https
            .headers()
            .get("strict-transport-security")
            .is_some()
    );
    let raw = reqwest::Client::builder().no_gzip().build().unwrap();
    let compressed = raw
        .get(app.url("/offres"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(compressed.headers()["content-encoding"], "gzip");
    let response = app
        .client
        .get(app.url("/offres"))
        .header("x-request-id", "trace-42")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["x-request-id"], "trace-42");

    let stylesheets = attributes(&body, "link[rel=stylesheet]", "href");
    let dsfr = stylesheets
        .iter()
        .find(|href| href.contains("dsfr.min.css"))
        .expect("the DSFR stylesheet");
    assert!(
        dsfr.starts_with(&format!("/static/{}/", app.state.renderer.asset_version())),
        "{dsfr}"
    );
    let asset = app.get(dsfr).await;
    assert_eq!(asset.status(), 200);
    assert_eq!(
        asset.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(
        asset.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    let font = app
        .get(&format!(
            "/static/{}/dsfr/../../Cargo.toml",
            app.state.renderer.asset_version()
        ))
        .await;
    assert_eq!(font.status(), 404, "no way out of the theme folder");
}

async fn listing_costs_a_fixed_number_of_queries(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tenant = fixtures::ministry(&app, "culture", "Ministère de la Culture", "dsfr").await;
    fixtures::offer(
        &app,
        &tenant,
        fixtures::published(&tenant, "Première offre"),
    )
    .await;
    // Measured once the search index holds the last changes (reading them is a fixed
    // number of queries too, but a different one).
    let cost = |path: &'static str| {
        let app = &app;
        async move {
            app.page(path).await;
            let before = app.query_count();
            let (status, _) = app.page(path).await;
            assert_eq!(status, 200);
            app.query_count() - before
        }
    };
    let listing_with_one = cost("/offres").await;
    let ministry_with_one = cost("/ministeres/culture").await;
    println!("queries: listing {listing_with_one}, ministry page {ministry_with_one}");
    for n in 0..30 {
        fixtures::offer(
            &app,
            &tenant,
            fixtures::published(&tenant, &format!("Offre {n}")),
        )
        .await;
    }
    assert_eq!(
        cost("/offres").await,
        listing_with_one,
        "no query per offer on the listing"
    );
    assert_eq!(
        cost("/ministeres/culture").await,
        ministry_with_one,
        "no query per offer on a ministry page"
    );
    assert!(listing_with_one <= 5, "listing: {listing_with_one} queries");
    assert!(
        ministry_with_one <= 6,
        "ministry page: {ministry_with_one} queries"
    );
}

async fn health_and_readiness(backend: Backend) {
    let app = TestApp::start(backend).await;
    assert_eq!(app.page("/healthz").await.0, 200);
    assert_eq!(app.page("/readyz").await.0, 200);
    app.state.db.close_by_ref().await.unwrap();
    assert_eq!(
        app.page("/readyz").await.0,
        503,
        "not ready without a database"
    );
    assert_eq!(app.page("/healthz").await.0, 200, "but the process is up");
    let (status, body) = app.page("/offres").await;
    assert_eq!(status, 500, "a page that needs the database fails cleanly");
    assert!(body.contains("fr-header"), "with the themed error page");
    assert!(
        !body.to_lowercase().contains("pool") && !body.contains("sqlx"),
        "and no internal detail"
    );
}

async fn concurrent_misses_render_a_page_once(backend: Backend) {
    let app = TestApp::start_with(backend, cached()).await;
    let tenant = fixtures::ministry(&app, "culture", "Ministère de la Culture", "dsfr").await;
    fixtures::offer(&app, &tenant, fixtures::published(&tenant, "Régisseur·se")).await;
    // The first page builds the search index; from then on a render reads what changed.
    app.page("/offres?metier=design").await;
    let before = app.query_count();
    app.page("/offres?metier=developpement").await;
    let one_render = app.query_count() - before;
    assert!(one_render > 0);

    let before = app.query_count();
    let requests: Vec<_> = (0..12)
        .map(|_| {
            let (client, url) = (app.client.clone(), app.url("/offres?q=regisseur"));
            tokio::spawn(async move {
                let response = client.get(url).send().await.unwrap();
                (response.status().as_u16(), response.text().await.unwrap())
            })
        })
        .collect();
    for request in requests {
        let (status, body) = request.await.unwrap();
        assert_eq!(status, 200);
        assert!(body.contains("Régisseur·se"));
    }
    assert_eq!(
        app.query_count() - before,
        one_render,
        "twelve concurrent requests, one render"
    );
}
