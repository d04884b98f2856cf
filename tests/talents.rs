//! The talent pool: a candidate joins after confirming their address, manages their profile
//! from the link emailed to them, hides from chosen ministries; recruiters search the pool,
//! see the talents matching an offer, download a CV (logged) and write through the site;
//! profiles lapse unless renewed.

use crate::support::{
    Backend, SignedIn, TestApp,
    candidate::{Candidate, PDF, last_email, link_in},
    fixtures,
};
use chrono::{Duration, Utc};
use metiers::{
    accounts::Role,
    codes::Experience,
    entities::{audit_log, outbox, talent_contacts, talent_hidden_tenants, talents, tenants},
    jobs::{Job, Trigger},
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

on_both_backends!(
    a_candidate_joins_the_pool_and_recruiters_find_them,
    bad_profiles_and_stale_links_are_refused,
    profiles_lapse_unless_renewed,
);

/// Two ministries, each with a recruiter signed in.
struct Ministries {
    sea: tenants::Model,
    land: tenants::Model,
    sea_recruiter: SignedIn,
    land_recruiter: SignedIn,
}

async fn ministries(app: &TestApp) -> Ministries {
    let sea = fixtures::ministry(app, "mer", "Ministère de la Mer", "dsfr").await;
    let land = fixtures::ministry(app, "terre", "Ministère de la Terre", "dsfr").await;
    let sea_recruiter = app
        .signed_in("recrutement@mer.gouv.fr", false, &[(sea.id, Role::Manager)])
        .await;
    let land_recruiter = app
        .signed_in(
            "recrutement@terre.gouv.fr",
            false,
            &[(land.id, Role::Editor)],
        )
        .await;
    Ministries {
        sea,
        land,
        sea_recruiter,
        land_recruiter,
    }
}

/// The fields of a profile that passes, hidden from the ministries in `hidden`.
fn profile<'a>(email: &'a str, hidden: &'a [String]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("email", email),
        ("first_name", "Alex"),
        ("last_name", "Martin"),
        ("professions", "developpement"),
        ("professions", "donnees"),
        ("seniority", "confirme"),
        ("regions", "11"),
        ("summary", "Rust, PostgreSQL et accessibilité numérique."),
        ("links", "https://github.com/alex"),
        ("consent", "on"),
    ];
    fields.extend(hidden.iter().map(|id| ("hidden_from", id.as_str())));
    fields
}

/// The first link to the pool in `email`.
fn link_in_vivier(email: &outbox::Model) -> String {
    link_in(&email.text_body, "/vivier/")
}

/// Joins the pool as `email` and confirms; returns the browser and the profile's page.
async fn joins(app: &TestApp, email: &str, hidden: &[String]) -> (Candidate, String) {
    let mut candidate = Candidate::opens(app, "/vivier").await;
    let (status, body) = candidate
        .sends(app, "/vivier", &profile(email, hidden), PDF)
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Confirmez votre adresse"), "{body}");
    let confirmation = last_email(app, "talent_confirm", email).await.unwrap();
    let confirm = link_in_vivier(&confirmation);
    let (status, page) = candidate.reads(app, &confirm).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Confirmer mon adresse"),
        "a button, not the link, confirms"
    );
    let (status, to) = candidate.posts(app, &confirm, &[]).await;
    assert_eq!(status, 303);
    let (_, page) = candidate.reads(app, &to).await;
    assert!(page.contains("Votre adresse est confirmée"), "{page}");
    (candidate, to.split('?').next().unwrap().to_owned())
}

async fn a_candidate_joins_the_pool_and_recruiters_find_them(backend: Backend) {
    let app = TestApp::start(backend).await;
    let m = ministries(&app).await;
    let hidden = vec![m.land.id.to_string()];

    // Before confirming, nobody sees the profile.
    let mut early = Candidate::opens(&app, "/vivier").await;
    let fields = profile("Alex.Martin@exemple.fr", &hidden);
    assert_eq!(early.sends(&app, "/vivier", &fields, PDF).await.0, 200);
    let waiting = talents::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(waiting.email, "alex.martin@exemple.fr");
    assert!(waiting.confirmed_at.is_none());
    let search = app
        .get_with_cookie("/admin/vivier", &m.sea_recruiter.cookie)
        .await;
    assert!(!search.text().await.unwrap().contains("Alex Martin"));

    let (mut candidate, own_page) = joins(&app, "alex.martin@exemple.fr", &hidden).await;
    let talent = talents::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert!(talent.confirmed_at.is_some());
    assert_eq!(talent.seniority, Experience::Confirme);
    // A replayed link says so.
    let confirm = link_in_vivier(
        &last_email(&app, "talent_confirm", "alex.martin@exemple.fr")
            .await
            .unwrap(),
    );
    let (status, page) = candidate.posts(&app, &confirm, &[]).await;
    assert_eq!(status, 200);
    assert!(page.contains("Adresse déjà confirmée"), "{page}");

    // The ministry of the sea finds the talent by words and filters, never their address.
    let found = app
        .get_with_cookie(
            "/admin/vivier?q=postgres&metier=donnees",
            &m.sea_recruiter.cookie,
        )
        .await;
    assert_eq!(found.status(), 200);
    assert!(found.text().await.unwrap().contains("Alex Martin"));
    let other_words = app
        .get_with_cookie("/admin/vivier?q=cobol", &m.sea_recruiter.cookie)
        .await;
    assert!(!other_words.text().await.unwrap().contains("Alex Martin"));
    let page_path = format!("/admin/vivier/{}", talent.id);
    let detail = app
        .get_with_cookie(&page_path, &m.sea_recruiter.cookie)
        .await;
    assert_eq!(detail.status(), 200);
    let detail = detail.text().await.unwrap();
    assert!(detail.contains("accessibilité numérique"));
    assert!(!detail.contains("exemple.fr"), "the address stays hidden");
    let cv = app
        .get_with_cookie(&format!("{page_path}/cv"), &m.sea_recruiter.cookie)
        .await;
    assert_eq!(cv.status(), 200);
    assert_eq!(cv.headers()["cache-control"], "no-store");
    assert_eq!(&cv.bytes().await.unwrap()[..], PDF);
    let logged = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("talent.cv"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(logged, 1);

    // The ministry the talent hid from sees them nowhere.
    let land = &m.land_recruiter.cookie;
    let search = app.get_with_cookie("/admin/vivier?q=alex", land).await;
    assert!(!search.text().await.unwrap().contains("Alex Martin"));
    assert_eq!(app.get_with_cookie(&page_path, land).await.status(), 404);
    let cv_path = format!("{page_path}/cv");
    assert_eq!(app.get_with_cookie(&cv_path, land).await.status(), 404);
    let land_offer =
        fixtures::offer(&app, &m.land, fixtures::published(&m.land, "Data engineer")).await;
    let land_matches = format!("/admin/vivier?offre={}", land_offer.id);
    let land_matches = app.get_with_cookie(&land_matches, land).await;
    assert!(!land_matches.text().await.unwrap().contains("Alex Martin"));

    // Matches on an offer: same profession and region, enough experience.
    let offer = fixtures::offer(
        &app,
        &m.sea,
        fixtures::published(&m.sea, "Développeuse Rust"),
    )
    .await;
    let mut senior = fixtures::published(&m.sea, "Architecte senior");
    senior.experience_min_years = Some(10);
    let senior = fixtures::offer(&app, &m.sea, senior).await;
    let offer_page = app
        .get_with_cookie(
            &format!("/admin/offres/{}", offer.id),
            &m.sea_recruiter.cookie,
        )
        .await;
    assert!(
        offer_page
            .text()
            .await
            .unwrap()
            .contains("Un talent du vivier correspond à cette offre")
    );
    let matches = app
        .get_with_cookie(
            &format!("/admin/vivier?offre={}", offer.id),
            &m.sea_recruiter.cookie,
        )
        .await;
    assert!(matches.text().await.unwrap().contains("Alex Martin"));
    let too_junior = app
        .get_with_cookie(
            &format!("/admin/vivier?offre={}", senior.id),
            &m.sea_recruiter.cookie,
        )
        .await;
    assert!(!too_junior.text().await.unwrap().contains("Alex Martin"));

    // Writing through the site: the talent answers the recruiter directly; once a week.
    let offer_id = offer.id.to_string();
    let message = [
        ("message", "Bonjour, votre profil nous intéresse."),
        ("offer", offer_id.as_str()),
    ];
    let contact = format!("{page_path}/contact");
    let sent = app.post_as(&m.sea_recruiter, &contact, &message).await;
    assert_eq!(sent.status(), 303);
    let email = last_email(&app, "talent_contact", "alex.martin@exemple.fr")
        .await
        .expect("the talent is written to");
    assert_eq!(email.reply_to.as_deref(), Some("recrutement@mer.gouv.fr"));
    assert!(email.text_body.contains("votre profil nous intéresse"));
    assert!(
        !email.text_body.contains(&own_page),
        "a reply quotes the email: the profile's key stays out of it"
    );
    let again = app.post_as(&m.sea_recruiter, &contact, &message).await;
    assert_eq!(again.status(), 400);
    assert!(again.text().await.unwrap().contains("field-message-error"));

    // The candidate updates the profile: no longer hidden, so the other ministry sees it.
    let (status, _) = candidate.reads(&app, &own_page).await;
    assert_eq!(status, 200);
    let (status, _) = candidate
        .sends(&app, &own_page, &profile("", &[]), b"")
        .await;
    assert_eq!(status, 303);
    let search = app.get_with_cookie("/admin/vivier?q=alex", land).await;
    assert!(search.text().await.unwrap().contains("Alex Martin"));
    let kept = talents::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kept.cv_key, talent.cv_key, "no new CV keeps the one there");

    // And deletes it: nothing of theirs is left.
    let (status, page) = candidate
        .posts(&app, &format!("{own_page}/supprimer"), &[])
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Profil supprimé"));
    let db = &app.state.db;
    assert_eq!(talents::Entity::find().count(db).await.unwrap(), 0);
    assert_eq!(
        talent_hidden_tenants::Entity::find()
            .count(db)
            .await
            .unwrap(),
        0
    );
    assert_eq!(talent_contacts::Entity::find().count(db).await.unwrap(), 0);
    assert!(app.state.storage.keys("private/").await.unwrap().is_empty());
    let left = outbox::Entity::find()
        .filter(outbox::Column::Recipient.eq("alex.martin@exemple.fr"))
        .count(db)
        .await
        .unwrap();
    assert_eq!(left, 0, "the pool's emails to the address go too");
    assert_eq!(app.get(&own_page).await.status(), 404);
}

async fn bad_profiles_and_stale_links_are_refused(backend: Backend) {
    let app = TestApp::start(backend).await;
    let _ = ministries(&app).await;
    let mut candidate = Candidate::opens(&app, "/vivier").await;
    let fields = [
        ("email", "pas-une-adresse"),
        ("first_name", "Alex"),
        ("professions", "astrologie"),
        ("available_from", "demain"),
    ];
    let (status, body) = candidate.sends(&app, "/vivier", &fields, b"GIF89a").await;
    assert_eq!(status, 400);
    for field in [
        "email",
        "last_name",
        "professions",
        "seniority",
        "available_from",
        "consent",
        "file",
    ] {
        assert!(
            body.contains(&format!("id=\"field-{field}-error\"")),
            "{field}: {body}"
        );
    }
    assert!(body.contains("value=\"Alex\""), "what was typed comes back");
    assert_eq!(
        talents::Entity::find().count(&app.state.db).await.unwrap(),
        0
    );
    assert!(app.state.storage.keys("private/").await.unwrap().is_empty());

    // Doubled choices and a date as people write it are taken as meant.
    let mut twice = Candidate::opens(&app, "/vivier").await;
    let mut fields = profile("double@exemple.fr", &[]);
    fields.extend([("regions", "11"), ("available_from", "15/01/2027")]);
    let (status, body) = twice.sends(&app, "/vivier", &fields, b"").await;
    assert_eq!(status, 200, "{body}");
    let stored = talents::Entity::find()
        .filter(talents::Column::Email.eq("double@exemple.fr"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.regions, "11");
    assert_eq!(stored.available_from.unwrap().to_string(), "2027-01-15");

    // An address that already has a profile is emailed its link; the page says the same.
    let (_, own_page) = joins(&app, "alex@exemple.fr", &[]).await;
    let mut someone = Candidate::opens(&app, "/vivier").await;
    let mut other = profile("alex@exemple.fr", &[]);
    other.retain(|(name, _)| *name != "first_name");
    other.push(("first_name", "Usurpateur"));
    let (status, body) = someone.sends(&app, "/vivier", &other, b"").await;
    assert_eq!(status, 200);
    assert!(body.contains("Confirmez votre adresse"));
    let told = last_email(&app, "talent_exists", "alex@exemple.fr")
        .await
        .unwrap();
    assert!(told.text_body.contains(&own_page));
    let kept = talents::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kept.first_name, "Alex");

    // A link not followed within 7 days has expired; the purge takes the profile.
    let mut late = Candidate::opens(&app, "/vivier").await;
    let fields = profile("tard@exemple.fr", &[]);
    assert_eq!(late.sends(&app, "/vivier", &fields, PDF).await.0, 200);
    let confirm = link_in_vivier(
        &last_email(&app, "talent_confirm", "tard@exemple.fr")
            .await
            .unwrap(),
    );
    let later = Utc::now() + Duration::days(8);
    app.state.clock.set(later);
    let (status, page) = late.reads(&app, &confirm).await;
    assert_eq!(status, 410);
    assert!(page.contains("Ce lien a expiré"));
    let (status, _) = late.posts(&app, &confirm, &[]).await;
    assert_eq!(status, 410, "following it anyway changes nothing");
    let jobs = app.state.jobs();
    metiers::jobs::run(&jobs, Job::PurgePersonalData, later, Trigger::Command)
        .await
        .unwrap();
    let left: Vec<String> = talents::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|talent| talent.email)
        .collect();
    assert_eq!(left, ["alex@exemple.fr"]);
    assert_eq!(app.state.storage.keys("private/").await.unwrap().len(), 1);
    let unknown = format!("/vivier/confirmer/{}", "0".repeat(64));
    assert_eq!(app.get(&unknown).await.status(), 404);
    assert_eq!(app.get("/vivier/profil/nope").await.status(), 404);
}

async fn profiles_lapse_unless_renewed(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (mut candidate, own_page) = joins(&app, "alex@exemple.fr", &[]).await;
    let jobs = app.state.jobs();

    // A month before it lapses, the candidate is reminded, once.
    let soon = Utc::now() + Duration::days(340);
    app.state.clock.set(soon);
    metiers::jobs::run(&jobs, Job::ExpiryReminders, soon, Trigger::Command)
        .await
        .unwrap();
    let reminder = last_email(&app, "talent_renew", "alex@exemple.fr")
        .await
        .unwrap();
    assert!(reminder.text_body.contains(&own_page));
    let again = soon + Duration::hours(1);
    metiers::jobs::run(&jobs, Job::ExpiryReminders, again, Trigger::Command)
        .await
        .unwrap();
    let reminders = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("talent_renew"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(reminders, 1);

    // Renewed, it stays another period; not renewed after that, it goes with its CV.
    let (status, _) = candidate.reads(&app, &own_page).await;
    assert_eq!(status, 200);
    let (status, to) = candidate
        .posts(&app, &format!("{own_page}/prolonger"), &[])
        .await;
    assert_eq!(status, 303);
    assert!(to.contains("prolonge=1"));
    let past_first_period = Utc::now() + Duration::days(370);
    app.state.clock.set(past_first_period);
    metiers::jobs::run(
        &jobs,
        Job::PurgePersonalData,
        past_first_period,
        Trigger::Command,
    )
    .await
    .unwrap();
    assert_eq!(
        talents::Entity::find().count(&app.state.db).await.unwrap(),
        1
    );

    let lapsed = soon + Duration::days(370);
    app.state.clock.set(lapsed);
    metiers::jobs::run(&jobs, Job::PurgePersonalData, lapsed, Trigger::Command)
        .await
        .unwrap();
    assert_eq!(
        talents::Entity::find().count(&app.state.db).await.unwrap(),
        0
    );
    assert!(app.state.storage.keys("private/").await.unwrap().is_empty());
}
