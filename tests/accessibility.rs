//! Every kind of public page passes axe-core (WCAG 2.1 A and AA) in headless Chromium, in light
//! and dark mode. Needs Debian's `chromium` and the Node packages of `tests/a11y` (`.ci/run`
//! installs both).

use std::path::Path;

use crate::support::{Backend, Options, TestApp, attributes};
use metiers::entities::offers;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

fn first_link(body: &str, prefix: &str) -> String {
    attributes(body, "a[href]", "href")
        .into_iter()
        .find(|href| {
            href.starts_with(prefix) && href.len() > prefix.len() && !href.ends_with(".atom")
        })
        .unwrap_or_else(|| panic!("no link starting with {prefix}"))
}

/// The first link to an item of a back-office list (`prefix` followed by its id).
fn first_item_link(body: &str, prefix: &str) -> String {
    attributes(body, "a[href]", "href")
        .into_iter()
        .find(|href| {
            href.strip_prefix(prefix)
                .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
        })
        .unwrap_or_else(|| panic!("no item link starting with {prefix}"))
}

/// A demo-mode app with `offers` demo offers and the demo accounts.
pub(crate) async fn demo_app(offers: usize) -> TestApp {
    let options = Options {
        demo: true,
        ..Options::default()
    };
    let app = TestApp::start_with(Backend::Sqlite, options).await;
    app.seed_demo(offers).await;
    metiers::demo::seed_history(&app.state.db, chrono::Utc::now())
        .await
        .unwrap();
    metiers::demo::seed_accounts(&app.state.db, chrono::Utc::now())
        .await
        .unwrap();
    metiers::demo::seed_proposal(&app.state.db, &app.state.letterhead(), chrono::Utc::now())
        .await
        .unwrap();
    metiers::demo::seed_media(&app.state.db, &app.state.storage, chrono::Utc::now())
        .await
        .unwrap();
    let letterhead = app.state.letterhead();
    let (db, storage) = (&app.state.db, &app.state.storage);
    metiers::demo::seed_applications(db, storage, &letterhead, chrono::Utc::now())
        .await
        .unwrap();
    metiers::demo::seed_talents(db, storage, &letterhead, chrono::Utc::now())
        .await
        .unwrap();
    app
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn public_pages_have_no_accessibility_violation() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let checker = root.join("tests/a11y");
    if !checker.join("node_modules/axe-core").is_dir() {
        let status = tokio::process::Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--prefix"])
            .arg(&checker)
            .status()
            .await
            .expect("npm must be installed");
        assert!(status.success(), "npm ci in tests/a11y failed");
    }

    let app = demo_app(120).await;
    let (_, listing) = app.page("/offres").await;
    let offer = first_link(&listing, "/offres/");
    let (_, ministries) = app.page("/ministeres").await;
    let ministry_links: Vec<String> = attributes(&ministries, "a[href]", "href")
        .into_iter()
        .filter(|href| href.starts_with("/ministeres/"))
        .collect();
    let (_, stories) = app.page("/temoignages").await;
    let story = first_link(&stories, "/temoignages/");
    let gone = offers::Entity::find()
        .filter(offers::Column::Status.eq("expired"))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("an expired demo offer")
        .slug;
    let now = chrono::Utc::now();
    let on_site = offers::Entity::find()
        .filter(metiers::offers::live(now))
        .filter(offers::Column::ApplyMode.eq("on_site"))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("a demo offer taking applications on the site")
        .slug;

    let talent = metiers::entities::talents::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("the demo seeds the talent pool");
    let mut paths = vec![
        "/".to_owned(),
        "/offres".to_owned(),
        "/offres?metier=developpement&junior=1&distanciel=1".to_owned(),
        "/offres?q=zzzzzz".to_owned(),
        offer.clone(),
        format!("/offres/{gone}#status=410"),
        "/ministeres".to_owned(),
        "/temoignages".to_owned(),
        story,
        "/accessibilite".to_owned(),
        "/mentions-legales".to_owned(),
        "/donnees-personnelles".to_owned(),
        "/plan-du-site".to_owned(),
        "/statistiques".to_owned(),
        "/en/statistics".to_owned(),
        "/api/docs".to_owned(),
        "/en/api/docs".to_owned(),
        "/connexion".to_owned(),
        format!("/offres/{on_site}/candidater"),
        format!("/en/offres/{on_site}/apply"),
        "/vivier".to_owned(),
        "/alertes?metier=developpement&region=11".to_owned(),
        "/alertes/desabonner/inconnue#status=404".to_owned(),
        "/donnees-personnelles/demande".to_owned(),
        format!("/vivier/profil/{}", talent.token),
        format!("/vivier/confirmer/{}", talent.token),
        format!("/en{offer}"),
        "/en/offres".to_owned(),
        "/nulle-part#status=404".to_owned(),
    ];
    // One ministry page per theme.
    for theme in ["dsfr", "vitrine"] {
        let tenant = metiers::tenants::list_active(&app.state.db)
            .await
            .unwrap()
            .into_iter()
            .find(|t| t.theme == theme)
            .unwrap_or_else(|| panic!("a demo ministry uses the {theme} theme"));
        let path = format!("/ministeres/{}", tenant.slug);
        assert!(
            ministry_links.contains(&path),
            "{path} is linked from /ministeres"
        );
        paths.push(path);
    }

    check(&checker, &app.base_url, &paths, None).await;

    // The back-office, signed in as the demo DINUM admin.
    let session = app
        .demo_login(&format!("admin@{}", metiers::demo::ACCOUNTS_DOMAIN))
        .await;
    let journal = app.get_with_cookie("/admin/journal", &session).await;
    assert_eq!(
        journal.status(),
        200,
        "the checker's cookie opens the back-office"
    );
    let admin_pages = [
        "/admin",
        "/admin/journal",
        "/admin/courriels",
        "/admin/taches",
        "/admin/ministeres",
        "/admin/ministeres/nouveau",
        "/admin/statistiques",
    ];
    let mut admin_pages: Vec<String> = admin_pages.iter().map(|p| p.to_string()).collect();
    let queue = app.get_with_cookie("/admin/moderation", &session).await;
    let review = first_item_link(&queue.text().await.unwrap(), "/admin/moderation/offres/");
    // A change proposed to a live offer: its review, and the page as the portal will show it.
    let proposed = offers::Entity::find()
        .filter(offers::Column::ProposalId.is_not_null())
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("the demo proposes a change to a live offer");
    let change = format!("/admin/moderation/offres/{}", proposed.id);
    admin_pages.extend([
        "/admin/moderation".to_owned(),
        format!("{review}/apercu"),
        review,
        format!("{change}/apercu"),
        change,
    ]);
    check(&checker, &app.base_url, &admin_pages, Some(&session)).await;

    // The back-office of a ministry, signed in as its demo manager: lists, forms, settings.
    let session = app
        .demo_login(&format!(
            "responsable.interieur@{}",
            metiers::demo::ACCOUNTS_DOMAIN
        ))
        .await;
    let offers = app.get_with_cookie("/admin/offres", &session).await;
    let offer = first_item_link(&offers.text().await.unwrap(), "/admin/offres/");
    let stories = app.get_with_cookie("/admin/temoignages", &session).await;
    let story = first_item_link(&stories.text().await.unwrap(), "/admin/temoignages/");
    let inbox = app.get_with_cookie("/admin/candidatures", &session).await;
    let application = first_item_link(&inbox.text().await.unwrap(), "/admin/candidatures/");
    let pool = app.get_with_cookie("/admin/vivier", &session).await;
    let talent = first_item_link(&pool.text().await.unwrap(), "/admin/vivier/");
    let mut manager_pages: Vec<String> = [
        "/admin",
        "/admin/offres",
        "/admin/offres/nouvelle",
        "/admin/temoignages",
        "/admin/temoignages/nouveau",
        "/admin/candidatures",
        "/admin/vivier",
        "/admin/ministere",
        "/admin/membres",
        "/admin/jetons",
        "/admin/medias",
        "/en/admin/offres/nouvelle",
    ]
    .iter()
    .map(|p| p.to_string())
    .collect();
    let library = app.get_with_cookie("/admin/medias", &session).await;
    let image = first_item_link(&library.text().await.unwrap(), "/admin/medias/");
    let matching = format!(
        "/admin/vivier?offre={}",
        offer.trim_start_matches("/admin/offres/")
    );
    manager_pages.extend([offer, story, image, application, talent, matching]);
    check(&checker, &app.base_url, &manager_pages, Some(&session)).await;
}

/// The live Markdown preview works in Chromium under the real Content-Security-Policy.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_live_preview_renders_what_is_typed() {
    let checker = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/a11y");
    let app = demo_app(20).await;
    let session = app
        .demo_login(&format!(
            "redaction.interieur@{}",
            metiers::demo::ACCOUNTS_DOMAIN
        ))
        .await;
    let script = checker.join("live-preview.mjs");
    let report = browse(&script, std::slice::from_ref(&app.base_url), Some(&session)).await;
    assert!(report.contains("<strong>essentielle</strong>"), "{report}");
}

/// Runs browser script `script` with `args` (and the session `cookie`); fails the test when
/// it fails; returns what it printed.
async fn browse(script: &Path, args: &[String], cookie: Option<&str>) -> String {
    let mut command = tokio::process::Command::new("node");
    command.arg(script).args(args);
    if let Some(cookie) = cookie {
        command.env("A11Y_COOKIE", cookie);
    }
    let output = command.output().await.expect("node must be installed");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{report}");
    report
}

/// Runs the checker on `paths`, with a cookie when given; fails on any violation.
async fn check(checker: &Path, base_url: &str, paths: &[String], cookie: Option<&str>) {
    let mut command = tokio::process::Command::new("node");
    command
        .arg(checker.join("check.mjs"))
        .arg(base_url)
        .args(paths);
    if let Some(cookie) = cookie {
        command.env("A11Y_COOKIE", cookie);
    }
    let output = command.output().await.expect("node must be installed");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    println!("{report}");
    assert!(
        output.status.success(),
        "accessibility violations:\n{report}"
    );
    assert!(
        report.contains(&format!(
            "a11y: {} pages checked, 0 violations",
            paths.len()
        )),
        "{report}"
    );
}

/// A candidate's journey by keyboard alone, without the site's JavaScript, in Chromium: the
/// application form from an offer's page, the talent pool from the menu, an alert from a
/// search, then the buttons behind the confirmation links.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_candidate_goes_through_by_keyboard_without_javascript() {
    use metiers::entities::{alerts, applications, outbox, talents};
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/a11y/keyboard-journey.mjs");
    let app = TestApp::start(Backend::Sqlite).await;
    let tenant =
        crate::support::fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    let offer = crate::support::fixtures::published(&tenant, "Développeuse Rust");
    let offer = crate::support::fixtures::offer(&app, &tenant, offer).await;
    let cv = app.data_dir.path().join("cv.pdf");
    std::fs::write(&cv, crate::support::candidate::PDF).unwrap();
    let base = app.base_url.clone();
    let cv = cv.display().to_string();
    let forms = [base.clone(), "forms".into(), offer.slug.clone(), cv];
    browse(&script, &forms, None).await;
    let db = &app.state.db;
    let applied = applications::Entity::find().one(db).await.unwrap().unwrap();
    assert_eq!(applied.last_name, "Clavier");
    let kept = app.state.storage.get(&applied.cv_key).await.unwrap();
    assert_eq!(kept.as_deref(), Some(crate::support::candidate::PDF));
    let alert = alerts::Entity::find().one(db).await.unwrap().unwrap();
    assert_eq!(alert.filter, "metier=developpement");

    let mut links = Vec::new();
    for (kind, prefix) in [
        ("talent_confirm", "/vivier/"),
        ("alert_confirm", "/alertes/"),
    ] {
        let email = outbox::Entity::find()
            .filter(outbox::Column::Kind.eq(kind))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        links.push(crate::support::candidate::link_in(&email.text_body, prefix));
    }
    let confirm = [vec![base, "confirm".to_owned()], links].concat();
    let report = browse(&script, &confirm, None).await;
    assert!(report.contains("Alerte confirmée"), "{report}");
    let talent = talents::Entity::find().one(db).await.unwrap().unwrap();
    assert!(talent.confirmed_at.is_some(), "{report}");
    let alert = alerts::Entity::find().one(db).await.unwrap().unwrap();
    assert!(alert.confirmed_at.is_some());
}

/// Every `fr-icon-*` class a template uses is in the bundled icon subset: a missing one shows
/// as a solid square.
#[test]
fn every_icon_a_template_uses_is_bundled() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dsfr = root.join("themes/dsfr/static/dsfr");
    let subset = std::fs::read_to_string(dsfr.join("utility/icons/icons.subset.css")).unwrap();
    // Sizes (`fr-icon--sm`) are in the main style sheet.
    let sizes = std::fs::read_to_string(dsfr.join("dsfr.min.css")).unwrap();
    let mut folders = vec![root.join("admin/templates"), root.join("themes")];
    let mut missing = std::collections::BTreeSet::new();
    let mut templates = 0;
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            if path.extension().is_none_or(|extension| extension != "html") {
                continue;
            }
            templates += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            for (at, _) in text.match_indices("fr-icon-") {
                let class: String = text[at..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                let bundled = match class.starts_with("fr-icon--") {
                    true => sizes.contains(&format!(".{class}")),
                    false => subset.contains(&format!(".{class}:")),
                };
                if !bundled {
                    missing.insert(format!("{class} ({})", path.display()));
                }
            }
        }
    }
    assert!(templates > 40, "templates read: {templates}");
    assert!(
        missing.is_empty(),
        "icons missing from the subset: {missing:?}"
    );
}
