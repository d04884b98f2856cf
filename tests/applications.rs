//! Applying on the site: the form, the CV kept privately, the emails, the defences, and the
//! retention of what candidates send.

use crate::support::{
    Backend, Options, SignedIn, TestApp,
    candidate::{Candidate, PDF, csrf_of},
    fixtures,
};
use chrono::{Duration, Utc};
use metiers::{
    accounts::Role,
    codes::{ApplicationStatus, ApplyMode},
    entities::{applications, offers, outbox},
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

on_both_backends!(
    a_candidate_applies_with_a_cv,
    bad_applications_are_refused_with_a_message_each,
    a_closed_offer_says_so_and_keeps_nothing,
    robots_and_forged_forms_are_turned_away,
    applications_go_after_their_retention,
    recruiters_process_applications_in_their_inbox,
    an_application_being_processed_cannot_be_overwritten,
    long_fields_and_large_cvs_are_named_on_the_form,
    applying_elsewhere_is_counted_without_tracking,
    cvs_stay_private_on_s3,
);

/// The fields of an application that passes.
const GOOD: [(&str, &str); 6] = [
    ("first_name", "Camille"),
    ("last_name", "Durand"),
    ("email", "Camille.Durand@exemple.fr"),
    ("phone", "06 12 34 56 78"),
    ("links", "https://github.com/camille\nhttps://camille.dev"),
    ("consent", "on"),
];

/// A ministry with a manager and an offer taking applications on the site.
async fn offer_on_site(app: &TestApp) -> offers::Model {
    offer_and_recruiter(app).await.0
}

/// The offer of [`offer_on_site`], and its ministry's manager, signed in.
async fn offer_and_recruiter(app: &TestApp) -> (offers::Model, SignedIn) {
    let tenant = fixtures::ministry(app, "mer", "Ministère de la Mer", "dsfr").await;
    let manager = app
        .signed_in(
            "recrutement@mer.gouv.fr",
            false,
            &[(tenant.id, Role::Manager)],
        )
        .await;
    let mut new = fixtures::published(&tenant, "Développeuse Rust");
    new.apply_mode = Some(ApplyMode::OnSite);
    (fixtures::offer(app, &tenant, new).await, manager)
}

/// The ministry of `beside`, and a live offer of it whose candidates apply on another site.
async fn external_offer(
    app: &TestApp,
    beside: &offers::Model,
) -> (metiers::entities::tenants::Model, offers::Model) {
    let tenant = metiers::entities::tenants::Entity::find_by_id(beside.tenant_id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let mut external = fixtures::published(&tenant, "Chef de projet");
    external.apply_mode = Some(ApplyMode::External);
    external.apply_url = Some("https://recrutement.exemple.fr/1".into());
    let external = fixtures::offer(app, &tenant, external).await;
    (tenant, external)
}

async fn applications_of(app: &TestApp, offer: &offers::Model) -> Vec<applications::Model> {
    applications::Entity::find()
        .filter(applications::Column::OfferId.eq(offer.id))
        .all(&app.state.db)
        .await
        .unwrap()
}

async fn a_candidate_applies_with_a_cv(backend: Backend) {
    let app = TestApp::start(backend).await;
    let offer = offer_on_site(&app).await;
    let (_, page) = app.page(&format!("/offres/{}", offer.slug)).await;
    let path = format!("/offres/{}/candidater", offer.slug);
    assert!(
        page.contains(&format!("href=\"{path}\"")),
        "the offer links to its form"
    );
    let (_, english) = app.page(&format!("/en/offres/{}", offer.slug)).await;
    assert!(english.contains(&format!("href=\"/en/offres/{}/apply\"", offer.slug)));
    assert!(page.contains("\"directApply\":true"));

    let mut candidate = Candidate::opens(&app, &path).await;
    let mut fields = GOOD.to_vec();
    fields.push(("message", "Je veux servir l’intérêt général."));
    let (status, body) = candidate.sends(&app, &path, &fields, PDF).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Candidature envoyée"), "{body}");

    let stored = applications_of(&app, &offer).await;
    assert_eq!(stored.len(), 1);
    let application = &stored[0];
    assert_eq!(application.email, "camille.durand@exemple.fr");
    assert_eq!(application.status, ApplicationStatus::Received);
    assert_eq!(
        application.links,
        "https://github.com/camille\nhttps://camille.dev"
    );
    assert!(application.cv_key.starts_with("private/"));
    let kept = app.state.storage.get(&application.cv_key).await.unwrap();
    assert_eq!(kept.as_deref(), Some(PDF));
    let (status, _) = app.page(&format!("/media/{}", application.cv_key)).await;
    assert_eq!(status, 404, "a CV is never public");
    assert_eq!(
        app.media_check().await,
        Default::default(),
        "CVs are not orphan images"
    );

    let emails = outbox::Entity::find().all(&app.state.db).await.unwrap();
    let to: Vec<&str> = emails
        .iter()
        .map(|email| email.recipient.as_str())
        .collect();
    assert!(to.contains(&"camille.durand@exemple.fr"), "{to:?}");
    assert!(to.contains(&"recrutement@mer.gouv.fr"), "{to:?}");
    let confirmation = emails
        .iter()
        .find(|email| email.kind == "application_received")
        .unwrap();
    assert!(
        !confirmation.text_body.contains("Camille"),
        "whoever typed the address does not write in the email"
    );

    // A second tab keeps the first one's token: both forms still send.
    let tabs = Candidate::opens(&app, &path).await;
    let second_tab = tabs.client.get(app.url(&path)).send().await.unwrap();
    let second_tab = csrf_of(&second_tab.text().await.unwrap()).unwrap();
    assert_eq!(
        second_tab, tabs.csrf,
        "one token for the browser's public forms"
    );

    // Applying again updates the first application, with the new CV.
    let mut again = Candidate::opens(&app, &path).await;
    let second_cv = [PDF, b"% second version\n%%EOF\n"].concat();
    let (status, _) = again.sends(&app, &path, &GOOD, &second_cv).await;
    assert_eq!(status, 200);
    let stored = applications_of(&app, &offer).await;
    assert_eq!(stored.len(), 1, "one application per email and offer");
    assert_eq!(stored[0].id, application.id);
    assert_eq!(
        stored[0].message, "",
        "what was sent again replaces what was"
    );
    let old = app.state.storage.get(&application.cv_key).await.unwrap();
    assert_eq!(old, None, "the replaced CV is deleted");
    let new = app.state.storage.get(&stored[0].cv_key).await.unwrap();
    assert_eq!(new.as_deref(), Some(&second_cv[..]));
}

async fn bad_applications_are_refused_with_a_message_each(backend: Backend) {
    let app = TestApp::start(backend).await;
    let offer = offer_on_site(&app).await;
    let path = format!("/offres/{}/candidater", offer.slug);
    let mut candidate = Candidate::opens(&app, &path).await;
    let without = |name: &str, value: &str| -> Vec<(&str, String)> {
        GOOD.iter()
            .map(|(field, good)| {
                let value = if *field == name { value } else { good };
                (*field, value.to_owned())
            })
            .filter(|(_, value)| !value.is_empty())
            .collect()
    };
    type Case<'a> = (Vec<(&'a str, String)>, &'a [u8], &'a str);
    let cases: [Case; 6] = [
        (
            without("email", "camille-at-exemple"),
            PDF,
            "field-email-error",
        ),
        (without("consent", ""), PDF, "field-consent-error"),
        (without("first_name", ""), PDF, "field-first_name-error"),
        (without("phone", "call me"), PDF, "field-phone-error"),
        (
            without("email", "c@exemple.fr"),
            b"\x89PNG not a pdf",
            "field-file-error",
        ),
        (without("email", "c@exemple.fr"), b"", "field-file-error"),
    ];
    for (fields, cv, error) in cases {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, body) = candidate.sends(&app, &path, &fields, cv).await;
        assert_eq!(status, 400, "{error}");
        assert!(body.contains(&format!("id=\"{error}\"")), "{error}: {body}");
        // What was typed comes back, the CV is asked again.
        assert!(body.contains("value=\"Durand\""), "{error}");
    }
    // Several mistakes at once: a message for each, in one answer.
    let fields = [("last_name", "Durand"), ("email", "nope"), ("phone", "x")];
    let (status, body) = candidate.sends(&app, &path, &fields, b"GIF89a").await;
    assert_eq!(status, 400);
    for field in ["first_name", "email", "phone", "consent", "file"] {
        assert!(
            body.contains(&format!("id=\"field-{field}-error\"")),
            "{field}"
        );
    }
    assert!(
        applications_of(&app, &offer).await.is_empty(),
        "nothing stored"
    );
    let objects = app.state.storage.keys("private/").await.unwrap();
    assert!(objects.is_empty(), "no CV kept: {objects:?}");
}

async fn a_closed_offer_says_so_and_keeps_nothing(backend: Backend) {
    let app = TestApp::start(backend).await;
    let offer = offer_on_site(&app).await;
    let path = format!("/offres/{}/candidater", offer.slug);
    let mut candidate = Candidate::opens(&app, &path).await;
    // The offer expires while the candidate fills in the form.
    app.state
        .clock
        .set(offer.expires_at.unwrap() + Duration::minutes(1));
    let (status, body) = candidate.sends(&app, &path, &GOOD, PDF).await;
    assert_eq!(status, 410);
    assert!(body.contains("ne reçoit plus de candidatures"), "{body}");
    assert!(applications_of(&app, &offer).await.is_empty());
    assert!(app.state.storage.keys("private/").await.unwrap().is_empty());

    // An offer that links out has no form here.
    let (_, external) = external_offer(&app, &offer).await;
    let (status, _) = app
        .page(&format!("/offres/{}/candidater", external.slug))
        .await;
    assert_eq!(status, 404);
}

async fn robots_and_forged_forms_are_turned_away(backend: Backend) {
    let app = TestApp::start_with(backend, Options::default()).await;
    let offer = offer_on_site(&app).await;
    let path = format!("/offres/{}/candidater", offer.slug);
    let mut robot = Candidate::opens(&app, &path).await;
    let mut fields = GOOD.to_vec();
    fields.push(("website", "https://spam.example"));
    let (status, body) = robot.sends(&app, &path, &fields, PDF).await;
    assert_eq!(status, 200, "a robot is told what a person would be");
    assert!(body.contains("Candidature envoyée"));
    assert!(
        applications_of(&app, &offer).await.is_empty(),
        "nothing kept"
    );

    // A form posted from elsewhere, without the page's cookie.
    let mut forged = Candidate {
        client: reqwest::Client::new(),
        csrf: robot.csrf.clone(),
    };
    let (status, _) = forged.sends(&app, &path, &GOOD, PDF).await;
    assert_eq!(status, 403);

    // Past the limit per client address and minute.
    let mut candidate = Candidate::opens(&app, &path).await;
    let mut statuses = Vec::new();
    for n in 0..8 {
        let email = format!("personne{n}@exemple.fr");
        let mut fields = GOOD.to_vec();
        fields.retain(|(name, _)| *name != "email");
        fields.push(("email", &email));
        statuses.push(candidate.sends(&app, &path, &fields, PDF).await.0);
    }
    assert!(statuses.contains(&429), "{statuses:?}");
    let stored = applications_of(&app, &offer).await.len();
    assert_eq!(stored, 5, "{statuses:?}");
}

async fn applications_go_after_their_retention(backend: Backend) {
    let app = TestApp::start(backend).await;
    let offer = offer_on_site(&app).await;
    let path = format!("/offres/{}/candidater", offer.slug);
    let mut candidate = Candidate::opens(&app, &path).await;
    let (status, _) = candidate.sends(&app, &path, &GOOD, PDF).await;
    assert_eq!(status, 200);
    let stored = applications_of(&app, &offer).await;
    let cv_key = stored[0].cv_key.clone();
    // A change by the recruiters does not extend what the candidate agreed to.
    let mut read: applications::ActiveModel = stored[0].clone().into();
    read.status = sea_orm::Set(ApplicationStatus::InReview);
    read.updated_at = sea_orm::Set(Utc::now() + Duration::days(700));
    sea_orm::ActiveModelTrait::update(read, &app.state.db)
        .await
        .unwrap();
    // A CV whose row was never written (a crash between the two), and one being written now.
    let storage = &app.state.storage;
    let orphan = "private/applications/tenant-1/1700000000-lost.pdf";
    storage.put(orphan, PDF, "application/pdf").await.unwrap();

    let later = Utc::now() + Duration::days(731);
    let arriving = format!(
        "private/applications/tenant-1/{}-arriving.pdf",
        later.timestamp()
    );
    storage
        .put(&arriving, PDF, "application/pdf")
        .await
        .unwrap();
    app.state.clock.set(later);
    let purge = metiers::jobs::Job::PurgePersonalData;
    let trigger = metiers::jobs::Trigger::Command;
    metiers::jobs::run(&app.state.jobs(), purge, later, trigger)
        .await
        .unwrap();
    let left = applications::Entity::find()
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(left, 0);
    assert_eq!(app.state.storage.get(&cv_key).await.unwrap(), None);
    assert_eq!(
        storage.keys("private/").await.unwrap(),
        vec![arriving],
        "the orphan goes, the CV on its way stays"
    );
}

async fn recruiters_process_applications_in_their_inbox(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (offer, manager) = offer_and_recruiter(&app).await;
    let path = format!("/offres/{}/candidater", offer.slug);
    let mut candidate = Candidate::opens(&app, &path).await;
    assert_eq!(candidate.sends(&app, &path, &GOOD, PDF).await.0, 200);
    let application = applications_of(&app, &offer).await.remove(0);

    let offer_page = format!("/admin/offres/{}", offer.id);
    let offer_page = app.get_with_cookie(&offer_page, &manager.cookie).await;
    let filtered = format!("/admin/candidatures?offre={}", offer.id);
    assert!(
        offer_page.text().await.unwrap().contains(&filtered),
        "the offer links to them"
    );
    let inbox = app.get_with_cookie(&filtered, &manager.cookie).await;
    assert_eq!(inbox.status(), 200);
    let inbox = inbox.text().await.unwrap();
    assert!(inbox.contains("Camille Durand") && inbox.contains(&offer.title));
    let page = format!("/admin/candidatures/{}", application.id);
    let shown = app.get_with_cookie(&page, &manager.cookie).await;
    assert!(
        shown
            .text()
            .await
            .unwrap()
            .contains("camille.durand@exemple.fr")
    );

    // The CV: an attachment nobody caches, and its reading is logged.
    let cv = app
        .get_with_cookie(&format!("{page}/cv"), &manager.cookie)
        .await;
    assert_eq!(cv.status(), 200);
    assert_eq!(cv.headers()["content-type"], "application/pdf");
    assert_eq!(cv.headers()["cache-control"], "no-store");
    assert_eq!(&cv.bytes().await.unwrap()[..], PDF);
    let logged = metiers::entities::audit_log::Entity::find()
        .filter(metiers::entities::audit_log::Column::Action.eq("application.cv"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(logged, 1);

    // Not retained needs a reason, which the candidate is told.
    let status = format!("{page}/statut");
    let refused = app
        .post_as(&manager, &status, &[("status", "not_retained")])
        .await;
    assert_eq!(refused.status(), 400);
    assert!(refused.text().await.unwrap().contains("field-reason-error"));
    let decided = app
        .post_as(
            &manager,
            &status,
            &[("status", "not_retained"), ("reason", "other_candidate")],
        )
        .await;
    assert_eq!(decided.status(), 303);
    let stored = applications_of(&app, &offer).await.remove(0);
    assert_eq!(stored.status, ApplicationStatus::NotRetained);
    let told = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("application_not_retained"))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("the candidate is told");
    assert_eq!(told.recipient, "camille.durand@exemple.fr");
    assert!(
        told.text_body
            .contains("une autre candidature a été retenue")
    );
    // A decision is final.
    let again = app.post_as(&manager, &status, &[("status", "hired")]).await;
    assert_eq!(again.status(), 400);

    // Private notes: a refused edit shows what was typed; then the offer's applications as
    // a spreadsheet.
    let too_long = format!("Brouillon de note {}", "x".repeat(5_000));
    let refused = app
        .post_as(&manager, &format!("{page}/notes"), &[("notes", &too_long)])
        .await;
    assert_eq!(refused.status(), 400);
    let refused = refused.text().await.unwrap();
    assert!(refused.contains("field-notes-error") && refused.contains("Brouillon de note"));
    let notes = "Profil solide.\n=SOMME(A1:A2)";
    let saved = app
        .post_as(&manager, &format!("{page}/notes"), &[("notes", notes)])
        .await;
    assert_eq!(saved.status(), 303);
    assert_eq!(applications_of(&app, &offer).await[0].notes, notes);
    let export = format!("/admin/offres/{}/candidatures.csv", offer.id);
    let csv = app.get_with_cookie(&export, &manager.cookie).await;
    assert_eq!(csv.status(), 200);
    assert_eq!(csv.headers()["cache-control"], "no-store");
    let csv = csv.text().await.unwrap();
    assert!(csv.starts_with('\u{feff}'), "a BOM for spreadsheets");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(
        lines[0].starts_with("Reçue le;Prénom;Nom;Courriel"),
        "{csv}"
    );
    assert!(
        lines[1].contains(";Camille;Durand;camille.durand@exemple.fr;"),
        "{csv}"
    );
    assert!(
        lines[1].contains("Non retenue;Une autre candidature retenue"),
        "{csv}"
    );
}

async fn an_application_being_processed_cannot_be_overwritten(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (offer, manager) = offer_and_recruiter(&app).await;
    let path = format!("/offres/{}/candidater", offer.slug);
    let mut candidate = Candidate::opens(&app, &path).await;
    assert_eq!(candidate.sends(&app, &path, &GOOD, PDF).await.0, 200);
    let first = applications_of(&app, &offer).await.remove(0);
    let page = format!("/admin/candidatures/{}/statut", first.id);
    let read = app
        .post_as(&manager, &page, &[("status", "in_review")])
        .await;
    assert_eq!(read.status(), 303);

    // Someone who knows the candidate's address sends another application.
    let mut someone = Candidate::opens(&app, &path).await;
    let mut fields = GOOD.to_vec();
    fields.retain(|(name, _)| *name != "first_name");
    fields.push(("first_name", "Usurpateur"));
    let (status, body) = someone.sends(&app, &path, &fields, PDF).await;
    assert_eq!(status, 200);
    assert!(
        body.contains("Candidature envoyée"),
        "the page tells nothing"
    );
    let kept = applications_of(&app, &offer).await.remove(0);
    assert_eq!(kept.first_name, "Camille");
    assert_eq!(kept.status, ApplicationStatus::InReview);
    assert_eq!(kept.cv_key, first.cv_key);
    assert_eq!(
        app.state.storage.keys("private/").await.unwrap(),
        vec![first.cv_key.clone()],
        "the CV sent is not kept"
    );
    let told = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("application_unchanged"))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("the address's owner is told");
    assert_eq!(told.recipient, "camille.durand@exemple.fr");
}

async fn long_fields_and_large_cvs_are_named_on_the_form(backend: Backend) {
    let app = TestApp::start(backend).await;
    let offer = offer_on_site(&app).await;
    let path = format!("/offres/{}/candidater", offer.slug);
    let mut candidate = Candidate::opens(&app, &path).await;
    let message = "é".repeat(6_000);
    let mut fields = GOOD.to_vec();
    fields.push(("message", &message));
    let (status, body) = candidate.sends(&app, &path, &fields, PDF).await;
    assert_eq!(status, 400);
    assert!(body.contains("id=\"field-message-error\""), "{body}");
    assert!(
        body.contains("value=\"Durand\""),
        "what was typed comes back"
    );

    let large = [PDF, &vec![b' '; 6_000_000]].concat();
    let (status, body) = candidate.sends(&app, &path, &GOOD, &large).await;
    assert_eq!(status, 400);
    assert!(body.contains("id=\"field-file-error\""), "{body}");
    assert!(body.contains("value=\"Durand\""));
    assert!(applications_of(&app, &offer).await.is_empty());
}

async fn applying_elsewhere_is_counted_without_tracking(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (on_site, manager) = offer_and_recruiter(&app).await;
    let (tenant, external) = external_offer(&app, &on_site).await;
    let mut by_email = fixtures::published(&tenant, "Data analyste");
    by_email.apply_mode = Some(ApplyMode::Email);
    by_email.apply_emails = vec!["rh@mer.gouv.fr".into(), "data@mer.gouv.fr".into()];
    let by_email = fixtures::offer(&app, &tenant, by_email).await;

    let leave = format!("/offres/{}/postuler", external.slug);
    let (_, page) = app.page(&format!("/offres/{}", external.slug)).await;
    assert!(
        page.contains(&format!("href=\"{leave}\"")),
        "the button goes through the count"
    );
    let visit = |path: String, header: Option<(&'static str, &'static str)>| {
        let mut request = app.client.get(app.url(&path));
        if let Some((name, value)) = header {
            request = request.header(name, value);
        }
        async move { request.send().await.unwrap() }
    };
    for _ in 0..2 {
        let left = visit(leave.clone(), None).await;
        assert_eq!(left.status(), 303);
        assert_eq!(
            left.headers()["location"],
            "https://recrutement.exemple.fr/1"
        );
    }
    let private = visit(leave.clone(), Some(("sec-gpc", "1"))).await;
    assert_eq!(private.status(), 303, "not counted, still taken there");
    assert_eq!(visit(leave.clone(), Some(("dnt", "1"))).await.status(), 303);
    let second = format!("/offres/{}/postuler?adresse=1", by_email.slug);
    let mail = visit(second, None).await;
    let location = mail.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with("mailto:data@mer.gouv.fr?subject=Candidature")
            && location.ends_with("%20Data%20analyste"),
        "{location}"
    );
    let (status, _) = app
        .page(&format!("/offres/{}/postuler", on_site.slug))
        .await;
    assert_eq!(
        status, 404,
        "an offer taking applications here has its own form"
    );

    let page = app
        .get_with_cookie(&format!("/admin/offres/{}", external.id), &manager.cookie)
        .await;
    assert!(
        page.text().await.unwrap().contains("a mené 2 fois"),
        "two counted, the ones asking not to be tracked left out"
    );
    let rows = metiers::entities::daily_counts::Entity::find()
        .into_json()
        .all(&app.state.db)
        .await
        .unwrap();
    let rows = serde_json::Value::Array(rows).to_string();
    assert!(
        !rows.contains("127.0.0.1"),
        "nothing about the visitor: {rows}"
    );
}

async fn cvs_stay_private_on_s3(backend: Backend) {
    let options = Options {
        s3: true,
        ..Options::default()
    };
    let app = TestApp::start_with(backend, options).await;
    let (offer, manager) = offer_and_recruiter(&app).await;
    let path = format!("/offres/{}/candidater", offer.slug);
    let mut candidate = Candidate::opens(&app, &path).await;
    assert_eq!(candidate.sends(&app, &path, &GOOD, PDF).await.0, 200);
    let application = applications_of(&app, &offer).await.remove(0);
    let in_bucket = app.state.storage.get(&application.cv_key).await.unwrap();
    assert_eq!(in_bucket.as_deref(), Some(PDF), "the CV is in the bucket");

    // Neither the site nor the bucket serves it to whoever asks.
    let (status, _) = app.page(&format!("/media/{}", application.cv_key)).await;
    assert_eq!(status, 404);
    let endpoint = app.s3.as_ref().unwrap().endpoint();
    let bucket_url = format!(
        "{endpoint}/{}/{}",
        crate::support::s3::BUCKET,
        application.cv_key
    );
    let anonymous = reqwest::get(&bucket_url).await.unwrap();
    assert!(
        anonymous.status().is_client_error(),
        "an unsigned request is refused: {}",
        anonymous.status()
    );
    let cv = app
        .get_with_cookie(
            &format!("/admin/candidatures/{}/cv", application.id),
            &manager.cookie,
        )
        .await;
    assert_eq!(&cv.bytes().await.unwrap()[..], PDF);

    // Erasing the candidate's data removes the object from the bucket.
    metiers::personal_data::erase(&app.state.db, &app.state.storage, &application.email)
        .await
        .unwrap();
    assert!(app.state.storage.keys("private/").await.unwrap().is_empty());
}
