//! A candidate's whole journey, through the pages and forms a browser without JavaScript
//! uses: they find an offer and apply with a CV, join the talent pool and an alert through
//! their confirmation links, are hired, receive only new offers, leave the alert in one
//! click, receive their data, then erase it: afterwards nothing of theirs is left in any
//! table nor in the storage.

use crate::support::{
    Backend, TestApp,
    candidate::{Candidate, PDF, last_email, link_in, one_click},
    fixtures,
};
use chrono::{Duration, Utc};
use metiers::{
    accounts::Role,
    codes::ApplyMode,
    entities::*,
    jobs::{Job, Trigger},
};
use sea_orm::{ConnectionTrait, EntityTrait};

on_both_backends!(a_candidate_goes_from_applying_to_erasing_their_data);

const EMAIL: &str = "dominique.journey@exemple.fr";
/// What identifies the candidate, besides the address.
const TRACES: [&str; 4] = [EMAIL, "Dominiquette", "Journeyson", "06 98 76 54 32"];

/// Every table, as JSON text.
async fn every_table(db: &impl ConnectionTrait) -> Vec<(&'static str, String)> {
    macro_rules! dump {
        ($($table:ident),* $(,)?) => {
            vec![$((
                stringify!($table),
                serde_json::Value::Array($table::Entity::find().into_json().all(db).await.unwrap())
                    .to_string(),
            )),*]
        };
    }
    dump!(
        alert_deliveries,
        alerts,
        applications,
        audit_log,
        daily_counts,
        data_requests,
        goals,
        invitations,
        job_runs,
        login_attempts,
        login_links,
        media,
        memberships,
        offer_contract_types,
        offer_reminders,
        offers,
        outbox,
        recruitments,
        revisions,
        sessions,
        stories,
        structures,
        talent_contacts,
        talent_hidden_tenants,
        talents,
        tenants,
        users,
    )
}

/// Follows the confirmation link of the newest `kind` email: its page shows a button, which
/// the candidate presses; returns the page that answers.
async fn confirms(app: &TestApp, browser: &mut Candidate, kind: &str, prefix: &str) -> String {
    let email = last_email(app, kind, EMAIL).await.expect(kind);
    let link = link_in(&email.text_body, prefix);
    let (status, page) = browser.reads(app, &link).await;
    assert_eq!(status, 200, "{page}");
    let (status, answer) = browser.posts(app, &link, &[]).await;
    assert!(matches!(status, 200 | 303), "{status} {answer}");
    match status {
        303 => browser.reads(app, &answer).await.1,
        _ => answer,
    }
}

async fn a_candidate_goes_from_applying_to_erasing_their_data(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sea = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    let manager = app
        .signed_in("recrutement@mer.gouv.fr", false, &[(sea.id, Role::Manager)])
        .await;
    let mut new = fixtures::published(&sea, "Développeuse Rust");
    new.apply_mode = Some(ApplyMode::OnSite);
    let offer = fixtures::offer(&app, &sea, new).await;
    let now = Utc::now();

    // Finds the offer from the listing, and applies with a CV.
    let (_, listing) = app.page("/offres?metier=developpement").await;
    let offer_path = format!("/offres/{}", offer.slug);
    assert!(listing.contains(&format!("href=\"{offer_path}\"")));
    let (_, detail) = app.page(&offer_path).await;
    let apply = format!("{offer_path}/candidater");
    assert!(detail.contains(&format!("href=\"{apply}\"")));
    let mut browser = Candidate::opens(&app, &apply).await;
    let fields = [
        ("first_name", "Dominiquette"),
        ("last_name", "Journeyson"),
        ("email", EMAIL),
        ("phone", "06 98 76 54 32"),
        ("message", "Je veux servir l’intérêt général."),
        ("consent", "on"),
    ];
    let (status, page) = browser.sends(&app, &apply, &fields, PDF).await;
    assert_eq!(status, 200);
    assert!(page.contains("Candidature envoyée"));
    assert!(
        last_email(&app, "application_received", EMAIL)
            .await
            .is_some()
    );

    // Joins the talent pool and an alert, each through its confirmation link.
    let (_, _) = browser.reads(&app, "/vivier").await;
    let profile = [
        ("email", EMAIL),
        ("first_name", "Dominiquette"),
        ("last_name", "Journeyson"),
        ("professions", "developpement"),
        ("seniority", "confirme"),
        ("summary", "Rust et accessibilité."),
        ("consent", "on"),
    ];
    let (status, _) = browser.sends(&app, "/vivier", &profile, PDF).await;
    assert_eq!(status, 200);
    let page = confirms(&app, &mut browser, "talent_confirm", "/vivier/").await;
    assert!(page.contains("Votre adresse est confirmée"), "{page}");
    let search = "/alertes?metier=developpement";
    browser.reads(&app, search).await;
    let alert = [("email", EMAIL), ("frequency", "daily"), ("consent", "on")];
    assert_eq!(browser.posts(&app, search, &alert).await.0, 200);
    let page = confirms(&app, &mut browser, "alert_confirm", "/alertes/").await;
    assert!(page.contains("Alerte confirmée"), "{page}");

    // The ministry hires them: a recruitment made through the site.
    let application = applications::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let decided = app
        .post_as(
            &manager,
            &format!("/admin/candidatures/{}/statut", application.id),
            &[("status", "hired")],
        )
        .await;
    assert_eq!(decided.status(), 303);
    assert!(last_email(&app, "application_hired", EMAIL).await.is_some());

    // The next digest holds only the offer published since.
    let mut newer = fixtures::published(&sea, "Architecte logiciel");
    newer.published_at = Some(now + Duration::hours(1));
    fixtures::offer(&app, &sea, newer).await;
    let tomorrow = now + Duration::days(1);
    app.state.clock.set(tomorrow);
    metiers::jobs::run(
        &app.state.jobs(),
        Job::SendAlerts,
        tomorrow,
        Trigger::Command,
    )
    .await
    .unwrap();
    let digest = last_email(&app, "alert_digest", EMAIL)
        .await
        .expect("a digest");
    assert!(digest.text_body.contains("Architecte logiciel"));
    assert!(!digest.text_body.contains("Développeuse Rust"));

    // Leaves the alert in one click, as a mail client does.
    let unsubscribe = digest.unsubscribe_url.expect("List-Unsubscribe");
    assert_eq!(one_click(&app, &unsubscribe).await, 200);

    // Receives what the site holds, as a JSON file by email.
    let rights = "/donnees-personnelles/demande";
    let (_, privacy) = app.page("/donnees-personnelles").await;
    assert!(privacy.contains(&format!("href=\"{rights}\"")));
    browser.reads(&app, rights).await;
    let export = [("email", EMAIL), ("kind", "export")];
    assert_eq!(browser.posts(&app, rights, &export).await.0, 200);
    let page = confirms(&app, &mut browser, "data_request", rights).await;
    assert!(page.contains("Vos données sont parties"), "{page}");
    let sent = last_email(&app, "data_export", EMAIL)
        .await
        .expect("the export");
    let file: serde_json::Value =
        serde_json::from_str(sent.attachment.as_deref().expect("a JSON file")).unwrap();
    assert_eq!(file["applications"][0]["offer"], "Développeuse Rust");
    assert_eq!(file["applications"][0]["status"], "hired");
    assert_eq!(file["talent_profile"]["last_name"], "Journeyson");

    // Erases it all: nothing of theirs is left anywhere.
    let erase = [("email", EMAIL), ("kind", "erase")];
    assert_eq!(browser.posts(&app, rights, &erase).await.0, 200);
    let page = confirms(&app, &mut browser, "data_request", rights).await;
    assert!(page.contains("Vos données sont effacées"), "{page}");
    for (table, rows) in every_table(&app.state.db).await {
        for trace in TRACES {
            assert!(!rows.contains(trace), "{table} still holds {trace}: {rows}");
        }
    }
    let objects = app.state.storage.keys("private/").await.unwrap();
    assert!(objects.is_empty(), "CVs left: {objects:?}");
}
