//! Job alerts: subscribing from a search with a double opt-in, digests holding only new
//! matching offers never sent to the address, one-click unsubscribing (RFC 8058, through the
//! real SMTP server too), the cap per address and refused input.

use crate::support::{
    Backend, Options, TestApp,
    candidate::{Candidate, last_email, link_in, one_click},
    fixtures,
    smtp::SmtpServer,
};
use chrono::{Duration, Utc};
use metiers::{
    codes::{Profession, Status},
    entities::{alert_deliveries, alerts, outbox, tenants},
    jobs::{Job, Trigger},
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

on_both_backends!(
    a_candidate_receives_only_new_matching_offers,
    alerts_leave_in_one_click_through_a_real_mail_server,
    bad_subscriptions_and_stale_links_are_refused,
);

/// The first link to an alert in `text`.
fn link_in_alertes(text: &str) -> String {
    link_in(text, "/alertes/")
}

/// A live offer of `tenant` titled `title` in `profession`, published at `at`.
async fn offer_at(
    app: &TestApp,
    tenant: &tenants::Model,
    (title, profession): (&str, Profession),
    at: chrono::DateTime<Utc>,
) {
    let mut new = fixtures::published(tenant, title);
    new.profession = Some(profession);
    new.published_at = Some(at);
    new.status = Some(Status::Published);
    fixtures::offer(app, tenant, new).await;
}

/// Subscribes `email` to the search `query` of `/offres` and confirms; returns the browser.
async fn subscribes(app: &TestApp, email: &str, query: &str) -> Candidate {
    let listing = app.page(&format!("/offres?{query}")).await.1;
    let path = format!("/alertes?{query}");
    assert!(
        listing.contains(&format!("href=\"{}\"", path.replace('&', "&amp;"))),
        "the listing offers its alert: {listing}"
    );
    let mut candidate = Candidate::opens(app, &path).await;
    let fields = [("email", email), ("frequency", "daily"), ("consent", "on")];
    let (status, body) = candidate.posts(app, &path, &fields).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Confirmez votre adresse"), "{body}");
    let confirmation = last_email(app, "alert_confirm", &email.to_lowercase())
        .await
        .unwrap();
    assert!(
        confirmation.text_body.contains("Développement"),
        "the search in words"
    );
    let confirm = link_in_alertes(&confirmation.text_body);
    let (status, page) = candidate.reads(app, &confirm).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Confirmer mon alerte"),
        "a button, not the link, confirms"
    );
    let (status, page) = candidate.posts(app, &confirm, &[]).await;
    assert_eq!(status, 200);
    assert!(page.contains("Alerte confirmée"), "{page}");
    candidate
}

async fn send_alerts(app: &TestApp, at: chrono::DateTime<Utc>) {
    app.state.clock.set(at);
    metiers::jobs::run(&app.state.jobs(), Job::SendAlerts, at, Trigger::Command)
        .await
        .unwrap();
}

async fn a_candidate_receives_only_new_matching_offers(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sea = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    let now = Utc::now();
    offer_at(
        &app,
        &sea,
        ("Ancienne offre Rust", Profession::Developpement),
        now - Duration::days(3),
    )
    .await;
    let mut candidate = subscribes(&app, "Camille@exemple.fr", "metier=developpement").await;
    let alert = alerts::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(alert.email, "camille@exemple.fr");
    assert_eq!(alert.filter, "metier=developpement");

    // Published after the confirmation: the matching one is sent, not the other profession.
    let later = now + Duration::hours(2);
    offer_at(
        &app,
        &sea,
        ("Développeuse Rust", Profession::Developpement),
        later,
    )
    .await;
    offer_at(
        &app,
        &sea,
        ("Chargée de données", Profession::Donnees),
        later,
    )
    .await;
    let next_day = now + Duration::days(1);
    send_alerts(&app, next_day).await;
    let digest = last_email(&app, "alert_digest", "camille@exemple.fr")
        .await
        .expect("a digest");
    assert!(digest.text_body.contains("Développeuse Rust"));
    assert!(
        !digest.text_body.contains("Chargée de données"),
        "another search"
    );
    assert!(
        !digest.text_body.contains("Ancienne offre"),
        "published before the alert"
    );
    let unsubscribe =
        link_in_alertes(&digest.text_body[digest.text_body.find("/alertes/desabonner").unwrap()..]);
    assert_eq!(
        digest
            .unsubscribe_url
            .as_deref()
            .map(|url| url.ends_with(&unsubscribe)),
        Some(true),
        "the one-click address is the body's link"
    );

    // The next digest holds only what is new; a rerun sends nothing.
    send_alerts(&app, next_day + Duration::minutes(5)).await;
    let digests = || async {
        outbox::Entity::find()
            .filter(outbox::Column::Kind.eq("alert_digest"))
            .count(&app.state.db)
            .await
            .unwrap()
    };
    assert_eq!(digests().await, 1, "not twice in a day");
    offer_at(
        &app,
        &sea,
        ("Développeur Go", Profession::Developpement),
        next_day + Duration::hours(1),
    )
    .await;
    send_alerts(&app, now + Duration::days(2)).await;
    assert_eq!(digests().await, 2);
    let second = last_email(&app, "alert_digest", "camille@exemple.fr")
        .await
        .unwrap();
    assert!(second.text_body.contains("Développeur Go"));
    assert!(
        !second.text_body.contains("Développeuse Rust"),
        "never sent twice"
    );
    send_alerts(&app, now + Duration::days(3)).await;
    assert_eq!(digests().await, 2, "nothing new, no email");

    // Unsubscribing from the page's button ends it, and forgets what was sent.
    let (status, page) = candidate.reads(&app, &unsubscribe).await;
    assert_eq!(status, 200);
    assert!(page.contains("Me désabonner"));
    let (status, page) = candidate.posts(&app, &unsubscribe, &[]).await;
    assert_eq!(status, 200);
    assert!(page.contains("Vous êtes désabonné"), "{page}");
    assert_eq!(
        alerts::Entity::find().count(&app.state.db).await.unwrap(),
        0
    );
    assert_eq!(
        alert_deliveries::Entity::find()
            .count(&app.state.db)
            .await
            .unwrap(),
        0
    );
    let (status, page) = candidate.posts(&app, &unsubscribe, &[]).await;
    assert_eq!(status, 404);
    assert!(page.contains("Cette alerte n’existe plus"));
}

async fn alerts_leave_in_one_click_through_a_real_mail_server(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let options = Options {
        smtp_url: Some(smtp.url()),
        ..Options::default()
    };
    let app = TestApp::start_with(backend, options).await;
    let sea = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    let now = Utc::now();
    subscribes(&app, "lou@exemple.fr", "metier=developpement&region=11").await;
    offer_at(
        &app,
        &sea,
        ("Développeuse Rust", Profession::Developpement),
        now + Duration::hours(1),
    )
    .await;
    send_alerts(&app, now + Duration::days(1)).await;
    app.deliver_mail(now + Duration::days(1)).await;
    let received = smtp.wait_for(2).await;
    let digest = received
        .iter()
        .find(|mail| mail.text.contains("Développeuse Rust"))
        .expect("the digest arrived");
    let header = digest.header("list-unsubscribe").expect("List-Unsubscribe");
    let url = header.trim_start_matches('<').trim_end_matches('>');
    assert!(digest.text.contains(url), "the same link in the body");
    assert!(
        digest
            .raw
            .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
    );

    // What a mail client sends by itself: a POST without any cookie.
    assert_eq!(one_click(&app, url).await, 200);
    assert_eq!(
        alerts::Entity::find().count(&app.state.db).await.unwrap(),
        0
    );
}

async fn bad_subscriptions_and_stale_links_are_refused(backend: Backend) {
    let app = TestApp::start(backend).await;
    let path = "/alertes?metier=developpement";
    let mut candidate = Candidate::opens(&app, path).await;
    let fields = [("email", "pas-une-adresse"), ("frequency", "hourly")];
    let (status, body) = candidate.posts(&app, path, &fields).await;
    assert_eq!(status, 400);
    for field in ["email", "frequency", "consent"] {
        assert!(
            body.contains(&format!("id=\"field-{field}-error\"")),
            "{field}: {body}"
        );
    }
    assert!(
        body.contains("value=\"pas-une-adresse\""),
        "what was typed comes back"
    );
    assert_eq!(
        alerts::Entity::find().count(&app.state.db).await.unwrap(),
        0
    );

    // At most five alerts per address (four taken directly: the form counts against the
    // client's limit of five a minute).
    let letterhead = app.state.letterhead();
    for n in 0..4 {
        let new = metiers::alerts::NewAlert {
            email: "a@exemple.fr".to_owned(),
            filter: metiers::offers::OfferFilter {
                q: format!("mot{n}"),
                ..Default::default()
            },
            frequency: "weekly".to_owned(),
            consent: true,
        };
        metiers::alerts::subscribe(&app.state.db, &letterhead, &new, "mot", Utc::now())
            .await
            .unwrap();
    }
    for (n, expected) in [(4, 200), (5, 400)] {
        let search = format!("/alertes?q=mot{n}");
        let mut browser = Candidate::opens(&app, &search).await;
        let fields = [
            ("email", "a@exemple.fr"),
            ("frequency", "weekly"),
            ("consent", "on"),
        ];
        let (status, body) = browser.posts(&app, &search, &fields).await;
        assert_eq!(status, expected, "{n}: {body}");
        if expected == 400 {
            assert!(body.contains("id=\"field-email-error\""), "{body}");
            assert!(body.contains("5 alertes"), "the message says why: {body}");
        }
    }
    assert_eq!(
        alerts::Entity::find().count(&app.state.db).await.unwrap(),
        5
    );

    // A link not followed within 7 days has expired; the purge takes the alert.
    let confirm = link_in_alertes(
        &last_email(&app, "alert_confirm", "a@exemple.fr")
            .await
            .unwrap()
            .text_body,
    );
    let later = Utc::now() + Duration::days(8);
    app.state.clock.set(later);
    let (status, page) = candidate.reads(&app, &confirm).await;
    assert_eq!(status, 410);
    assert!(page.contains("Ce lien a expiré"));
    metiers::jobs::run(
        &app.state.jobs(),
        Job::PurgePersonalData,
        later,
        Trigger::Command,
    )
    .await
    .unwrap();
    assert_eq!(
        alerts::Entity::find().count(&app.state.db).await.unwrap(),
        0
    );
    let unknown = format!("/alertes/confirmer/{}", "0".repeat(64));
    assert_eq!(app.get(&unknown).await.status(), 404);
    assert_eq!(app.get("/alertes/desabonner/nope").await.status(), 404);
}
