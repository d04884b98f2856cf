//! Snapshots (`tests/snapshots/`, insta) of what templates write: every kind of email, and the
//! portal's 404 page, an offer's JSON-LD, the Atom feeds and the sitemap, at a fixed time and
//! with the test server's address and the assets' fingerprint replaced by fixed words. After a
//! wanted change, run the tests with `INSTA_UPDATE=always` and read the new `.snap` files.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use metiers::{
    i18n::I18n,
    mail::{self, Letterhead},
    offers::NewOffer,
    render::Renderer,
};

use crate::support::{Backend, TestApp, fixtures};

const BASE_URL: &str = "https://metiers.numerique.gouv.fr";

/// The arguments each kind of email is composed with.
fn mail_args(kind: &str) -> Vec<(&'static str, String)> {
    let args: &[(&str, &str)] = match kind {
        "invitation" => &[
            ("inviter", "Camille Martin"),
            ("ministry", "Ministère de la Culture"),
            ("role", "manager"),
            ("expires", "21/03/2025"),
            ("link", "https://metiers.numerique.gouv.fr/connexion"),
        ],
        "login_link" => &[(
            "link",
            "https://metiers.numerique.gouv.fr/connexion/lien/JETON",
        )],
        "review" => &[
            ("title", "Data & IA <Rust>, voir https://exemple.fr"),
            ("decision", "changes_requested"),
            ("has_comment", "yes"),
            ("comment", "Précisez le salaire.\nMerci !"),
            ("link", "https://metiers.numerique.gouv.fr/admin/offres/7"),
        ],
        "review_digest" => &[
            ("count", "2"),
            (
                "items",
                "- Pentester (Ministère des Armées)\n- Archiviste www.exemple.fr (Ministère de la Culture)",
            ),
            ("link", "https://metiers.numerique.gouv.fr/admin/moderation"),
        ],
        "expiry_reminder" => &[
            ("title", "Product owner"),
            ("days", "7"),
            ("date", "21/03/2025"),
            ("link", "https://metiers.numerique.gouv.fr/admin/offres/7"),
        ],
        "application_received" => &[
            ("title", "Développeuse Rust"),
            (
                "link",
                "https://metiers.numerique.gouv.fr/offres/developpeuse-rust",
            ),
            ("years", "2"),
            (
                "privacy",
                "https://metiers.numerique.gouv.fr/donnees-personnelles",
            ),
        ],
        "application_new" => &[
            ("title", "Développeuse Rust"),
            ("link", "https://metiers.numerique.gouv.fr/admin/offres/7"),
        ],
        "application_unchanged" => &[
            ("title", "Développeuse <Rust>"),
            (
                "privacy",
                "https://metiers.numerique.gouv.fr/donnees-personnelles",
            ),
        ],
        "application_hired" => &[
            ("title", "Développeuse Rust"),
            (
                "privacy",
                "https://metiers.numerique.gouv.fr/donnees-personnelles",
            ),
        ],
        "application_not_retained" => &[
            (
                "privacy",
                "https://metiers.numerique.gouv.fr/donnees-personnelles",
            ),
            ("title", "Développeuse Rust"),
            ("reason", "other_candidate"),
        ],
        "talent_confirm" => &[(
            "link",
            "https://metiers.numerique.gouv.fr/vivier/confirmer/0a1b2c",
        )],
        "talent_exists" | "talent_renew" => &[
            ("date", "30/11/2027"),
            (
                "link",
                "https://metiers.numerique.gouv.fr/vivier/profil/0a1b2c",
            ),
        ],
        "talent_contact" => &[
            ("ministry", "Ministère de la Mer"),
            ("ministry_of", "du ministère de la Mer"),
            (
                "message",
                "Bonjour,\n\nVotre profil <Rust> nous intéresse : https://evil.example",
            ),
            (
                "offer",
                "https://metiers.numerique.gouv.fr/offres/developpeuse-rust",
            ),
            (
                "privacy",
                "https://metiers.numerique.gouv.fr/donnees-personnelles",
            ),
        ],
        "alert_confirm" => &[
            ("search", "Développement · Île-de-France"),
            (
                "link",
                "https://metiers.numerique.gouv.fr/alertes/confirmer/0a1b2c",
            ),
        ],
        "alert_digest" => &[
            ("count", "2"),
            ("search", "« rust » · Développement"),
            (
                "items",
                "- Développeuse Rust (Ministère de la Mer, Brest) : https://metiers.numerique.gouv.fr/offres/developpeuse-rust\n- Architecte <cloud> (Ministère de la Terre, Lyon) : https://metiers.numerique.gouv.fr/offres/architecte-cloud",
            ),
            (
                "unsubscribe",
                "https://metiers.numerique.gouv.fr/alertes/desabonner/0a1b2c",
            ),
        ],
        "data_request" => &[
            ("kind", "erase"),
            (
                "link",
                "https://metiers.numerique.gouv.fr/donnees-personnelles/demande/0a1b2c",
            ),
        ],
        "data_export" => &[(
            "privacy",
            "https://metiers.numerique.gouv.fr/donnees-personnelles",
        )],
        _ => panic!("give the new kind of email {kind} its arguments here"),
    };
    args.iter()
        .map(|(name, value)| (*name, (*value).to_owned()))
        .collect()
}

/// The messages and templates emails are composed with.
fn mail_renderer() -> (Arc<I18n>, Renderer) {
    let i18n = Arc::new(I18n::load().unwrap());
    let renderer = Renderer::new(None, i18n.clone()).unwrap();
    (i18n, renderer)
}

#[test]
fn every_kind_of_email() {
    let (i18n, renderer) = mail_renderer();
    let letterhead = Letterhead {
        i18n: &i18n,
        renderer: &renderer,
        base_url: BASE_URL,
    };
    for kind in mail::KINDS {
        let email =
            mail::compose(&letterhead, kind, "agent@culture.gouv.fr", &mail_args(kind)).unwrap();
        let shown = format!(
            "Subject: {}\n\n--- text ---\n{}--- html ---\n{}",
            email.subject, email.text, email.html
        );
        insta::assert_snapshot!(format!("mail_{kind}"), shown);
    }
}

/// A page's text with what changes from run to run replaced.
fn steady(app: &TestApp, text: &str) -> String {
    text.replace(&app.base_url, "http://metiers.test")
        .replace(app.state.renderer.asset_version(), "ASSETS")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn portal_documents() {
    let app = TestApp::start(Backend::Sqlite).await;
    let now: DateTime<Utc> = "2025-03-14T09:30:00Z".parse().unwrap();
    app.state.clock.set(now);
    let created = now - Duration::days(10);
    let culture =
        fixtures::ministry_at(&app, "culture", "Ministère de la Culture", "dsfr", created).await;
    let armees =
        fixtures::ministry_at(&app, "armees", "Ministère des Armées", "vitrine", created).await;
    let mut slugs = Vec::new();
    for (tenant, title, days) in [
        (&culture, "Archiviste numérique & data <IA>", 3),
        (&armees, "Pentester", 2),
    ] {
        let new = NewOffer {
            published_at: Some(now - Duration::days(days)),
            expires_at: Some(now + Duration::days(30)),
            ..fixtures::published(tenant, title)
        };
        let scope = metiers::accounts::AdminScope::system().ministry(tenant.key());
        let created = now - Duration::days(days);
        let offer = metiers::offers::create(&app.state.db, &scope, new, created)
            .await
            .unwrap();
        slugs.push(offer.slug);
    }

    let (status, page) = app.page("/nulle-part").await;
    assert_eq!(status, 404);
    insta::assert_snapshot!("error_404", steady(&app, &page));

    let (status, page) = app.page(&format!("/offres/{}", slugs[0])).await;
    assert_eq!(status, 200);
    let (open, close) = ("<script type=\"application/ld+json\">", "</script>");
    let start = page.find(open).expect("a JSON-LD script") + open.len();
    let json_ld = &page[start..][..page[start..].find(close).unwrap()];
    insta::assert_snapshot!("offer_json_ld", steady(&app, json_ld.trim()));

    for (name, path) in [
        ("feed", "/offres.atom"),
        ("feed_ministry_en", "/en/ministeres/armees/offres.atom"),
        ("sitemap", "/sitemap.xml"),
    ] {
        let (status, document) = app.page(path).await;
        assert_eq!(status, 200, "{path}");
        insta::assert_snapshot!(name, steady(&app, &document));
    }
}

/// Every email to a candidate links to what they left: their profile, their alert, or the
/// page where they ask for their data or its erasure.
#[test]
fn every_email_to_a_candidate_links_to_their_data() {
    let (i18n, renderer) = mail_renderer();
    let letterhead = Letterhead {
        i18n: &i18n,
        renderer: &renderer,
        base_url: BASE_URL,
    };
    let to_candidates = mail::KINDS.iter().filter(|kind| {
        ["application_", "talent_", "alert_", "data_"]
            .iter()
            .any(|prefix| kind.starts_with(prefix))
            && **kind != "application_new"
    });
    for kind in to_candidates {
        let email =
            mail::compose(&letterhead, kind, "candidate@exemple.fr", &mail_args(kind)).unwrap();
        let links = ["/donnees-personnelles", "/vivier/", "/alertes/"];
        assert!(
            links
                .iter()
                .any(|link| email.text.contains(&format!("{BASE_URL}{link}"))),
            "{kind}: {}",
            email.text
        );
    }
}
