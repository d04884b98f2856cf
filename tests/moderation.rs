//! The review loop over HTTP: an editor submits, a DINUM admin asks for changes with a comment
//! the author sees and is emailed through a real SMTP server, the editor resubmits, two admins
//! review at once and only one wins, the offer goes live, and an SMTP server that was down
//! loses nothing. A change to a live offer waits for review while the published version stays
//! online; older versions come back; reviewers get one digest; an approved offer may wait for
//! its publication day; a trusted ministry publishes without review. On SQLite and PostgreSQL.

use crate::support::{
    Backend, Options, SignedIn, TestApp, attributes, fixtures, smtp::SmtpServer, texts,
};
use chrono::{Duration, Utc};
use metiers::{
    accounts::Role,
    entities::{audit_log, offers, outbox, revisions},
};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

on_both_backends!(
    the_review_loop_ends_live,
    changes_to_a_live_offer_wait_while_it_stays_online,
    older_versions_come_back,
    reviewers_get_one_digest,
    approved_offers_wait_for_their_publication_day,
    trusted_ministries_publish_at_once,
    the_review_shows_what_the_public_page_will
);

const OFFER_FORM: &[(&str, &str)] = &[
    ("intent", "save"),
    ("title", "Architecte des données"),
    ("contract_types", "contractuel"),
    ("profession", "donnees"),
    ("remote_policy", "partiel"),
    ("apply_mode", "external"),
    ("apply_url", "https://example.org/postuler"),
    ("postal_code", "69002"),
    ("city", "Lyon"),
    ("mission", "Concevoir des **modèles** de données."),
];

/// Writes an offer as `editor` and returns it.
async fn write_offer(app: &TestApp, editor: &SignedIn) -> offers::Model {
    write_with(app, editor, OFFER_FORM).await
}

/// Writes an offer titled `title` as `editor` and returns it.
async fn write_titled(app: &TestApp, editor: &SignedIn, title: &str) -> offers::Model {
    write_with(app, editor, &offer_form(title, &[])).await
}

/// Writes an offer with `form` as `editor` and returns it.
async fn write_with(app: &TestApp, editor: &SignedIn, form: &[(&str, &str)]) -> offers::Model {
    let created = app.post_as(editor, "/admin/offres/nouvelle", form).await;
    assert_eq!(created.status(), 303);
    offers::Entity::find()
        .order_by_desc(offers::Column::Id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
}

async fn stored(app: &TestApp, id: i32) -> offers::Model {
    offers::Entity::find_by_id(id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
}

async fn page(app: &TestApp, who: &SignedIn, path: &str) -> String {
    let response = app.get_with_cookie(path, &who.cookie).await;
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

/// The emails in the outbox, as (recipient, subject, text).
async fn emails(app: &TestApp) -> Vec<(String, String, String)> {
    outbox::Entity::find()
        .order_by_asc(outbox::Column::Id)
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|mail| (mail.recipient, mail.subject, mail.text_body))
        .collect()
}

/// A ministry that is not trusted, an editor of it and a DINUM admin.
async fn justice(app: &TestApp) -> (SignedIn, SignedIn) {
    let tenant = fixtures::ministry(app, "justice", "Ministère de la Justice", "dsfr").await;
    let editor = app
        .signed_in(
            "greffier@justice.gouv.fr",
            false,
            &[(tenant.id, Role::Editor)],
        )
        .await;
    let admin = app
        .signed_in("relecteur@numerique.gouv.fr", true, &[])
        .await;
    (editor, admin)
}

/// Submits offer `id` as `editor`, then approves it as `admin`.
async fn publish(app: &TestApp, editor: &SignedIn, admin: &SignedIn, id: i32) {
    let submit = format!("/admin/offres/{id}/soumettre");
    assert_eq!(app.post_as(editor, &submit, &[]).await.status(), 303);
    approve(app, admin, id).await;
}

/// Approves what waits for review of offer `id`, as `admin`.
async fn approve(app: &TestApp, admin: &SignedIn, id: i32) {
    decide(app, admin, id, "approve", "").await;
}

/// Reviews what waits of offer `id` as `admin`: `decision` with `comment`.
async fn decide(app: &TestApp, admin: &SignedIn, id: i32, decision: &str, comment: &str) {
    let review = format!("/admin/moderation/offres/{id}");
    let form = page(app, admin, &review).await;
    let version = attributes(&form, "input[name=version]", "value").remove(0);
    let decided = [
        ("decision", decision),
        ("version", version.as_str()),
        ("comment", comment),
    ];
    let response = app.post_as(admin, &review, &decided).await;
    assert_eq!(
        response.headers()["location"],
        "/admin/moderation?ok=reviewed"
    );
}

/// The offer form with `title` instead of its own, and other `changes`.
fn offer_form<'a>(title: &'a str, changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form: Vec<(&str, &str)> = OFFER_FORM
        .iter()
        .copied()
        .filter(|(name, _)| *name != "title" && !changes.iter().any(|(changed, _)| changed == name))
        .collect();
    form.push(("title", title));
    form.extend_from_slice(changes);
    form
}

/// The audit log's actions on offer `id`, in order.
async fn actions(app: &TestApp, id: i32) -> Vec<String> {
    audit_log::Entity::find()
        .filter(audit_log::Column::EntityType.eq("offer"))
        .filter(audit_log::Column::EntityId.eq(id))
        .order_by_asc(audit_log::Column::Id)
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|entry| entry.action)
        .collect()
}

async fn the_review_loop_ends_live(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let options = Options {
        smtp_url: Some(smtp.url()),
        ..Options::default()
    };
    let app = TestApp::start_with(backend, options).await;
    let (editor, admin) = justice(&app).await;
    let second_admin = app
        .signed_in("relectrice@numerique.gouv.fr", true, &[])
        .await;

    let offer = write_offer(&app, &editor).await;
    let item = format!("/admin/offres/{}", offer.id);
    let submitted = app
        .post_as(&editor, &format!("{item}/soumettre"), &[])
        .await;
    assert_eq!(
        submitted.headers()["location"],
        format!("{item}?ok=submitted")
    );
    assert_eq!(
        stored(&app, offer.id).await.status.as_str(),
        "pending_review"
    );
    let (status, _) = app.page(&format!("/offres/{}", offer.slug)).await;
    assert_eq!(status, 404, "not public while it waits");
    let again = app
        .post_as(&editor, &format!("{item}/soumettre"), &[])
        .await;
    assert_eq!(
        again.status(),
        400,
        "a waiting offer cannot be submitted twice"
    );

    // The queue shows it; the review page shows the texts, and links to the page exactly as
    // the portal will show it, in the ministry's theme.
    let queue = page(&app, &admin, "/admin/moderation").await;
    let review = format!("/admin/moderation/offres/{}", offer.id);
    assert_eq!(
        attributes(&queue, &format!("a[href=\"{review}\"]"), "href").len(),
        1,
        "{queue}"
    );
    let form = page(&app, &admin, &review).await;
    assert!(form.contains("<strong>modèles</strong>"), "{form}");
    assert!(form.contains("Première publication"), "{form}");
    let preview = format!("{review}/apercu");
    assert_eq!(
        attributes(&form, &format!("a[href=\"{preview}\"]"), "href").len(),
        1
    );
    let portal_page = page(&app, &admin, &preview).await;
    assert_eq!(texts(&portal_page, "h1"), ["Architecte des données"]);
    assert!(
        portal_page.contains("Ministère de la Justice")
            && portal_page.contains("<strong>modèles</strong>")
            && portal_page.contains("Contractuel·le"),
        "{portal_page}"
    );
    let version = attributes(&form, "input[name=version]", "value").remove(0);

    // Asking for changes needs a comment; with one, the author sees it and is emailed.
    let bare = [("decision", "changes"), ("version", version.as_str())];
    let refused = app.post_as(&admin, &review, &bare).await;
    assert_eq!(refused.status(), 400);
    let body = refused.text().await.unwrap();
    assert_eq!(
        texts(&body, "#field-comment-error"),
        ["Écrivez un commentaire : ce qu’il faut changer, ou pourquoi c’est refusé."]
    );
    let comment = "Précisez le niveau d'habilitation demandé.";
    let decided = [
        ("decision", "changes"),
        ("version", version.as_str()),
        ("comment", comment),
    ];
    let changes = app.post_as(&admin, &review, &decided).await;
    assert_eq!(
        changes.headers()["location"],
        "/admin/moderation?ok=reviewed"
    );
    assert_eq!(
        stored(&app, offer.id).await.status.as_str(),
        "changes_requested"
    );
    assert_eq!(app.deliver_mail(Utc::now()).await, 1);
    let mail = smtp.wait_for(1).await.remove(0);
    assert_eq!(mail.to, ["greffier@justice.gouv.fr"]);
    assert_eq!(
        mail.subject,
        "Modifications demandées : Architecte des données"
    );
    let link = app.url(&item);
    assert!(
        mail.text.contains(comment) && mail.text.contains(&link),
        "{}",
        mail.text
    );
    let html = mail.html.expect("an HTML part");
    assert_eq!(attributes(&html, "a[href]", "href"), [link.clone(), link]);
    let editor_page = page(&app, &editor, &item).await;
    let history = texts(&editor_page, "tbody tr");
    assert_eq!(
        history.len(),
        3,
        "created, submitted, sent back: {history:?}"
    );
    assert!(
        history[0].contains("Modifications demandées") && history[0].contains("habilitation"),
        "{history:?}"
    );
    assert!(
        editor_page.contains("Précisez le niveau d&#39;habilitation demandé."),
        "{editor_page}"
    );

    // Resubmitted, two admins review the same version at once: one wins, the other is told.
    app.post_as(&editor, &format!("{item}/soumettre"), &[])
        .await;
    let form = page(&app, &admin, &review).await;
    let version = attributes(&form, "input[name=version]", "value").remove(0);
    let _ = page(&app, &second_admin, &review).await;
    let approve = [("decision", "approve"), ("version", version.as_str())];
    let approved = app.post_as(&admin, &review, &approve).await;
    assert_eq!(approved.status(), 303);
    let reject = [
        ("decision", "reject"),
        ("version", version.as_str()),
        ("comment", "Non."),
    ];
    let late = app.post_as(&second_admin, &review, &reject).await;
    assert_eq!(
        late.headers()["location"],
        "/admin/moderation?ok=already-reviewed",
        "the second review loses, and is told"
    );
    let live = stored(&app, offer.id).await;
    assert_eq!(live.status.as_str(), "published");
    assert!(live.published_at.is_some());
    let (status, _) = app.page(&format!("/offres/{}", offer.slug)).await;
    assert_eq!(status, 200, "live on the portal");

    // The SMTP server is down when the approval leaves: the email waits, and leaves once,
    // when the server is back.
    smtp.down().await;
    assert_eq!(app.deliver_mail(Utc::now()).await, 0);
    let waiting = outbox::Entity::find()
        .filter(outbox::Column::SentAt.is_null())
        .filter(outbox::Column::Kind.eq("review"))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("the approval email waits");
    assert!(waiting.last_error.is_some());
    smtp.up().await;
    assert_eq!(app.deliver_mail(Utc::now() + Duration::minutes(5)).await, 1);
    let received = smtp.wait_for(2).await;
    assert_eq!(received.len(), 2);
    assert_eq!(received[1].subject, "Publié : Architecte des données");
    assert!(
        !received[1].text.contains("Commentaire de la relecture"),
        "an approval without comment says none: {}",
        received[1].text
    );
    assert_eq!(
        app.deliver_mail(Utc::now() + Duration::minutes(5)).await,
        0,
        "nothing is sent twice"
    );

    // Every step is in the audit log, and kept a revision; the review's comment is on its own.
    assert_eq!(
        actions(&app, offer.id).await,
        [
            "offer.create",
            "offer.submit",
            "offer.request_changes",
            "offer.submit",
            "offer.approve"
        ]
    );
    let kept: Vec<(String, Option<String>)> = revisions::Entity::find()
        .filter(revisions::Column::EntityType.eq("offer"))
        .filter(revisions::Column::EntityId.eq(offer.id))
        .order_by_asc(revisions::Column::Number)
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|revision| (revision.status.to_string(), revision.review_comment))
        .collect();
    let statuses: Vec<&str> = kept.iter().map(|(status, _)| status.as_str()).collect();
    assert_eq!(
        statuses,
        [
            "draft",
            "pending_review",
            "changes_requested",
            "pending_review",
            "published"
        ]
    );
    assert_eq!(kept[2].1.as_deref(), Some(comment));
}

async fn changes_to_a_live_offer_wait_while_it_stays_online(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (editor, admin) = justice(&app).await;
    let offer = write_offer(&app, &editor).await;
    publish(&app, &editor, &admin, offer.id).await;
    let item = format!("/admin/offres/{}", offer.id);
    let public = format!("/offres/{}", offer.slug);

    // The form says what saving does; saved, the change waits and the live offer stays.
    let form = page(&app, &editor, &item).await;
    assert!(
        form.contains("vos modifications seront relues avant de remplacer la version publiée"),
        "{form}"
    );
    let edit = offer_form("Architecte des données (H/F)", &[]);
    let saved = app.post_as(&editor, &item, &edit).await;
    assert_eq!(saved.headers()["location"], format!("{item}?ok=proposed"));
    let live = stored(&app, offer.id).await;
    assert_eq!(
        (live.status.as_str(), live.title.as_str()),
        ("published", "Architecte des données")
    );
    assert!(live.proposal_id.is_some());
    let (status, portal) = app.page(&public).await;
    assert_eq!(status, 200, "still online");
    assert_eq!(texts(&portal, "h1"), ["Architecte des données"]);

    // The editor keeps working on the proposed version.
    let form = page(&app, &editor, &item).await;
    assert_eq!(
        attributes(&form, "input[name=title]", "value"),
        ["Architecte des données (H/F)"]
    );
    assert!(
        form.contains("Des modifications attendent la relecture."),
        "{form}"
    );
    let after_saving = page(&app, &editor, &format!("{item}?ok=proposed")).await;
    assert_eq!(
        after_saving.matches("reste en ligne").count(),
        1,
        "one box says that the live version stays online: {after_saving}"
    );

    // The reviewer sees exactly what would change, and the page as it would be.
    let review = format!("/admin/moderation/offres/{}", offer.id);
    let queue = page(&app, &admin, "/admin/moderation").await;
    assert_eq!(
        attributes(&queue, &format!("a[href=\"{review}\"]"), "href").len(),
        1
    );
    let form = page(&app, &admin, &review).await;
    let rows = texts(&form, "tbody tr");
    assert_eq!(rows.len(), 1, "only the title changed: {rows:?}");
    assert!(
        rows[0].contains("Architecte des données")
            && rows[0].contains("Architecte des données (H/F)"),
        "{rows:?}"
    );
    let preview = page(&app, &admin, &format!("{review}/apercu")).await;
    assert_eq!(texts(&preview, "h1"), ["Architecte des données (H/F)"]);

    // Sent back: the live version stays, the editor sees why and is emailed.
    let comment = "Écrivez « F/H ».";
    decide(&app, &admin, offer.id, "changes", comment).await;
    let live = stored(&app, offer.id).await;
    assert_eq!(
        (live.status.as_str(), live.title.as_str()),
        ("published", "Architecte des données")
    );
    let form = page(&app, &editor, &item).await;
    assert!(
        form.contains("Des modifications sont demandées sur la version proposée.")
            && form.contains("Écrivez « F/H »."),
        "{form}"
    );
    assert_eq!(
        attributes(&form, "input[name=title]", "value"),
        ["Architecte des données (H/F)"]
    );
    // The dashboard counts the change sent back, and its link lists the offer.
    let dashboard = page(&app, &editor, "/admin").await;
    assert!(
        texts(&dashboard, "tbody tr").contains(&"Modifications demandées 1 0".to_owned()),
        "{:?}",
        texts(&dashboard, "tbody tr")
    );
    let listed = page(&app, &editor, "/admin/offres?statut=changes_requested").await;
    assert!(
        attributes(&listed, "tbody a", "href").contains(&item),
        "{listed}"
    );
    let (to, subject, _) = emails(&app).await.pop().unwrap();
    assert_eq!(
        (to.as_str(), subject.as_str()),
        (
            "greffier@justice.gouv.fr",
            "Modifications demandées : Architecte des données (H/F)"
        )
    );
    let gone = app.get_with_cookie(&review, &admin.cookie).await;
    assert_eq!(gone.status(), 404, "no longer waiting");

    // Reworked and approved, the change replaces the live version, contract types included.
    let edit = offer_form(
        "Architecte des données (F/H)",
        &[("contract_types", "freelance")],
    );
    let saved = app.post_as(&editor, &item, &edit).await;
    assert_eq!(saved.headers()["location"], format!("{item}?ok=proposed"));
    approve(&app, &admin, offer.id).await;
    let live = stored(&app, offer.id).await;
    assert_eq!(
        (live.status.as_str(), live.title.as_str(), live.proposal_id),
        ("published", "Architecte des données (F/H)", None)
    );
    assert_eq!(live.published_at, offer_published_at(&app, offer.id).await);
    let (status, portal) = app.page(&public).await;
    assert_eq!(status, 200);
    assert_eq!(texts(&portal, "h1"), ["Architecte des données (F/H)"]);
    assert!(
        portal.contains("Freelance") && !portal.contains("Contractuel·le"),
        "{portal}"
    );
    let (_, subject, _) = emails(&app).await.pop().unwrap();
    assert_eq!(subject, "Publié : Architecte des données (F/H)");
    assert_eq!(
        actions(&app, offer.id).await,
        [
            "offer.create",
            "offer.submit",
            "offer.approve",
            "offer.propose",
            "offer.request_changes",
            "offer.propose",
            "offer.approve"
        ]
    );

    // Filled, its page stays with a banner and it leaves the listings; once is enough.
    let form = page(&app, &editor, &item).await;
    let fill = format!("{item}/pourvue");
    assert_eq!(
        attributes(&form, &format!("form[action=\"{fill}\"]"), "action").len(),
        1
    );
    let filled = app.post_as(&editor, &fill, &[]).await;
    assert_eq!(filled.headers()["location"], format!("{item}?ok=filled"));
    let offer_now = stored(&app, offer.id).await;
    assert_eq!(offer_now.status.as_str(), "filled");
    assert!(offer_now.filled_at.is_some());
    let (status, portal) = app.page(&public).await;
    assert_eq!(status, 200);
    assert!(portal.contains("Cette offre a été pourvue."), "{portal}");
    let (_, listing) = app.page("/offres").await;
    assert!(!listing.contains("Architecte des données"), "{listing}");
    assert_eq!(app.post_as(&editor, &fill, &[]).await.status(), 400);
    assert_eq!(actions(&app, offer.id).await.last().unwrap(), "offer.fill");
}

/// When offer `id` was first published, from its first `published` revision.
async fn offer_published_at(app: &TestApp, id: i32) -> Option<chrono::DateTime<Utc>> {
    let first = revisions::Entity::find()
        .filter(revisions::Column::EntityType.eq("offer"))
        .filter(revisions::Column::EntityId.eq(id))
        .filter(revisions::Column::Status.eq("published"))
        .order_by_asc(revisions::Column::Id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let snapshot: serde_json::Value = serde_json::from_str(&first.snapshot).unwrap();
    serde_json::from_value(snapshot["published_at"].clone()).unwrap()
}

async fn older_versions_come_back(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (editor, admin) = justice(&app).await;
    let offer = write_offer(&app, &editor).await;
    let item = format!("/admin/offres/{}", offer.id);
    let edit = offer_form("Urbaniste des données", &[("contract_types", "stage")]);
    assert_eq!(
        app.post_as(&editor, &item, &edit).await.headers()["location"],
        format!("{item}?ok=saved")
    );

    // Each older version has a button that brings it back as the working draft.
    let form = page(&app, &editor, &item).await;
    let restore_one = format!("{item}/versions/1/restaurer");
    assert_eq!(
        attributes(&form, "form[action*=\"/restaurer\"]", "action"),
        [restore_one.as_str()],
        "the newest version has no button"
    );
    let restored = app.post_as(&editor, &restore_one, &[]).await;
    assert_eq!(
        restored.headers()["location"],
        format!("{item}?ok=restored")
    );
    let draft = stored(&app, offer.id).await;
    assert_eq!(
        (draft.status.as_str(), draft.title.as_str()),
        ("draft", "Architecte des données")
    );
    let form = page(&app, &editor, &item).await;
    let checked = attributes(&form, "input[name=contract_types][checked]", "value");
    assert_eq!(checked, ["contractuel"], "contract types come back too");
    assert_eq!(texts(&form, "tbody tr").len(), 3, "a new version");
    let missing = app
        .post_as(&editor, &format!("{item}/versions/9/restaurer"), &[])
        .await;
    assert_eq!(missing.status(), 404);

    // A live offer gets an older version as a change waiting for review.
    publish(&app, &editor, &admin, offer.id).await;
    let restored = app
        .post_as(&editor, &format!("{item}/versions/2/restaurer"), &[])
        .await;
    assert_eq!(
        restored.headers()["location"],
        format!("{item}?ok=proposed")
    );
    let live = stored(&app, offer.id).await;
    assert_eq!(live.title, "Architecte des données");
    assert!(live.proposal_id.is_some());
    let (_, portal) = app.page(&format!("/offres/{}", offer.slug)).await;
    assert_eq!(texts(&portal, "h1"), ["Architecte des données"]);
    approve(&app, &admin, offer.id).await;
    assert_eq!(stored(&app, offer.id).await.title, "Urbaniste des données");
    assert_eq!(
        actions(&app, offer.id).await[..3],
        ["offer.create", "offer.update", "offer.restore"]
    );
}

async fn reviewers_get_one_digest(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let options = Options {
        smtp_url: Some(smtp.url()),
        ..Options::default()
    };
    let app = TestApp::start_with(backend, options).await;
    let (editor, _admin) = justice(&app).await;
    app.signed_in("relectrice@numerique.gouv.fr", true, &[])
        .await;
    let first = write_offer(&app, &editor).await;
    let second = write_titled(&app, &editor, "Ingénieur·e sécurité").await;
    for id in [first.id, second.id] {
        let submit = format!("/admin/offres/{id}/soumettre");
        assert_eq!(app.post_as(&editor, &submit, &[]).await.status(), 303);
    }

    // One digest per admin, which waits for more before it leaves.
    assert_eq!(app.deliver_mail(Utc::now()).await, 0, "not yet");
    assert_eq!(
        app.deliver_mail(Utc::now() + Duration::minutes(11)).await,
        2,
        "one each"
    );
    let received = smtp.wait_for(2).await;
    let mut recipients: Vec<&str> = received.iter().map(|m| m.to[0].as_str()).collect();
    recipients.sort();
    assert_eq!(
        recipients,
        [
            "relecteur@numerique.gouv.fr",
            "relectrice@numerique.gouv.fr"
        ]
    );
    let queue = app.url("/admin/moderation");
    for mail in &received {
        assert_eq!(mail.subject, "Contenus à relire sur Métiers du Numérique");
        assert!(
            mail.text.contains("(en attente : 2)")
                && mail
                    .text
                    .contains("- Architecte des données (Ministère de la Justice)")
                && mail
                    .text
                    .contains("- Ingénieur·e sécurité (Ministère de la Justice)")
                && mail.text.contains(&queue),
            "{}",
            mail.text
        );
    }

    // Once it left, the next item makes a new one.
    let third = write_titled(&app, &editor, "Chef·fe de projet").await;
    let submit = format!("/admin/offres/{}/soumettre", third.id);
    app.post_as(&editor, &submit, &[]).await;
    let digests = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("review_digest"))
        .order_by_asc(outbox::Column::Id)
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(digests.len(), 4);
    assert!(
        digests[2..]
            .iter()
            .all(|mail| mail.sent_at.is_none() && mail.text_body.contains("(en attente : 3)"))
    );
}

async fn approved_offers_wait_for_their_publication_day(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (editor, admin) = justice(&app).await;
    let day = (Utc::now() + Duration::days(3)).date_naive();
    let day_text = day.to_string();
    let edit = offer_form("Data scientist", &[("publish_at", day_text.as_str())]);
    let offer = write_with(&app, &editor, &edit).await;
    let form = page(&app, &editor, &format!("/admin/offres/{}", offer.id)).await;
    assert_eq!(
        attributes(&form, "input[name=publish_at]", "value"),
        [day_text.as_str()]
    );
    publish(&app, &editor, &admin, offer.id).await;
    let approved = stored(&app, offer.id).await;
    assert_eq!(approved.status.as_str(), "published");
    let publication = approved.published_at.expect("a publication date");
    assert_eq!(publication.date_naive(), day);
    let public = format!("/offres/{}", offer.slug);
    assert_eq!(app.page(&public).await.0, 404, "not before its day");
    let (_, listing) = app.page("/offres").await;
    assert!(!listing.contains("Data scientist"), "{listing}");

    // Its day come, it is public.
    let mut arrived: offers::ActiveModel = approved.into();
    arrived.published_at = Set(Some(Utc::now() - Duration::minutes(1)));
    arrived.update(&app.state.db).await.unwrap();
    assert_eq!(app.page(&public).await.0, 200);
    let (_, listing) = app.page("/offres").await;
    assert!(listing.contains("Data scientist"), "{listing}");
}

async fn trusted_ministries_publish_at_once(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tenant = fixtures::ministry(&app, "armees", "Ministère des Armées", "dsfr").await;
    let admin = app.signed_in("admin@numerique.gouv.fr", true, &[]).await;
    let settings = format!("/admin/ministeres/{}", tenant.id);
    let trust = [
        ("intent", "save"),
        ("name", "Ministère des Armées"),
        ("acronym", "MINARM"),
        ("theme", "dsfr"),
        ("accent_color", "#000091"),
        ("trusted", "on"),
    ];
    assert_eq!(app.post_as(&admin, &settings, &trust).await.status(), 303);

    let editor = app
        .signed_in(
            "redaction@armees.gouv.fr",
            false,
            &[(tenant.id, Role::Editor)],
        )
        .await;
    let offer = write_offer(&app, &editor).await;
    let submit = format!("/admin/offres/{}/soumettre", offer.id);
    assert_eq!(app.post_as(&editor, &submit, &[]).await.status(), 303);
    assert_eq!(stored(&app, offer.id).await.status.as_str(), "published");
    let recorded = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("offer.publish_trusted"))
        .one(&app.state.db)
        .await
        .unwrap();
    assert!(recorded.is_some(), "recorded as published without review");
    let queue = page(&app, &admin, "/admin/moderation").await;
    assert!(queue.contains("Rien n’attend de relecture."), "{queue}");
}

/// The review table's rows, as the reviewer reads them: field, then the values.
fn review_rows(review: &str) -> Vec<String> {
    texts(review, "tbody tr")
}

/// A reviewer sees every field the public page will show, worded as it shows them, and for a
/// change exactly what changes: an image included, nothing that only saving rewrote.
async fn the_review_shows_what_the_public_page_will(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (editor, admin) = justice(&app).await;
    let form = offer_form(
        "Architecte des données",
        &[
            ("salary_min", "45000"),
            ("expires_at", "2099-03-31"),
            ("tasks", "- Modéliser\n- Documenter"),
        ],
    );
    let offer = write_with(&app, &editor, &form).await;
    let submit = format!("/admin/offres/{}/soumettre", offer.id);
    assert_eq!(app.post_as(&editor, &submit, &[]).await.status(), 303);
    let review = format!("/admin/moderation/offres/{}", offer.id);

    // A first publication: every field with its value, in words.
    let first = page(&app, &admin, &review).await;
    let rows = review_rows(&first);
    for expected in [
        "Types de contrat Contractuel·le",
        "Métier Données",
        "Télétravail Télétravail partiel",
        "Ville Lyon",
        "Salaire minimum 45 000 €",
        "Date limite de candidature 31/03/2099",
        "Mode de candidature Sur un site externe",
    ] {
        assert!(
            rows.iter().any(|row| row == expected),
            "{expected} in {rows:#?}"
        );
    }
    let preview = page(&app, &admin, &format!("{review}/apercu")).await;
    assert!(!preview.contains("None"), "{preview}");
    approve(&app, &admin, offer.id).await;

    // The deadline was stored at another hour (an import, the demo): saving the form as a
    // browser sends it (its text areas with CRLF line ends), with the title and the salary
    // changed, changes those two only.
    use sea_orm::IntoActiveModel;
    let mut stored_offer = stored(&app, offer.id).await.into_active_model();
    let deadline = chrono::DateTime::parse_from_rfc3339("2099-03-31T10:25:15Z").unwrap();
    stored_offer.expires_at = Set(Some(deadline.to_utc()));
    stored_offer.update(&app.state.db).await.unwrap();
    let item = format!("/admin/offres/{}", offer.id);
    let shown = page(&app, &editor, &item).await;
    let day = attributes(&shown, "input[name=expires_at]", "value").remove(0);
    let edit = offer_form(
        "Architecte des données (F/H)",
        &[
            ("salary_min", "47000"),
            ("expires_at", day.as_str()),
            ("tasks", "- Modéliser\r\n- Documenter"),
        ],
    );
    assert_eq!(app.post_as(&editor, &item, &edit).await.status(), 303);
    let change = page(&app, &admin, &review).await;
    let rows = review_rows(&change);
    assert_eq!(
        rows,
        [
            "Intitulé du poste Architecte des données Architecte des données (F/H)",
            "Salaire minimum 45 000 € 47 000 €",
        ],
        "{rows:#?}"
    );

    // A new illustration shows, as the image itself.
    let picture =
        crate::support::upload(&app, &editor, "Salle serveurs", fixtures::png(64, 48)).await;
    let id = picture.id.to_string();
    let edit = offer_form(
        "Architecte des données (F/H)",
        &[
            ("salary_min", "47000"),
            ("expires_at", day.as_str()),
            ("illustration_media_id", id.as_str()),
        ],
    );
    assert_eq!(app.post_as(&editor, &item, &edit).await.status(), 303);
    let change = page(&app, &admin, &review).await;
    assert!(
        review_rows(&change).contains(&"Illustration (vide) Salle serveurs".to_owned()),
        "{:#?}",
        review_rows(&change)
    );
    assert_eq!(attributes(&change, "tbody img", "src").len(), 1);
}
