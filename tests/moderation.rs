//! The review loop over HTTP: an editor submits, a DINUM admin asks for changes with a comment
//! the author sees and is emailed, the editor resubmits, two admins review at once and only one
//! wins, the offer goes live; a trusted ministry publishes without review. On SQLite and
//! PostgreSQL.

mod support;

use metiers::{
    accounts::Role,
    entities::{audit_log, offers, outbox, revisions},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use support::{Backend, SignedIn, TestApp, attributes, fixtures, texts};

on_both_backends!(
    the_review_loop_ends_live,
    trusted_ministries_publish_at_once
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
    let created = app
        .post_as(editor, "/admin/offres/nouvelle", OFFER_FORM)
        .await;
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

async fn the_review_loop_ends_live(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tenant = fixtures::ministry(&app, "justice", "Ministère de la Justice", "dsfr").await;
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
    assert_eq!(stored(&app, offer.id).await.status, "pending_review");
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

    // The queue shows it; the review page shows the texts as the portal will.
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
    assert_eq!(stored(&app, offer.id).await.status, "changes_requested");
    let (to, subject, text) = emails(&app).await.pop().unwrap();
    assert_eq!(to, "greffier@justice.gouv.fr");
    assert_eq!(subject, "Modifications demandées : Architecte des données");
    assert!(
        text.contains(comment) && text.contains(&app.url(&item)),
        "{text}"
    );
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
    assert_eq!(live.status, "published");
    assert!(live.published_at.is_some());
    let (status, _) = app.page(&format!("/offres/{}", offer.slug)).await;
    assert_eq!(status, 200, "live on the portal");
    let (_, subject, _) = emails(&app).await.pop().unwrap();
    assert_eq!(subject, "Publié : Architecte des données");

    // Every step is in the audit log.
    let actions: Vec<String> = audit_log::Entity::find()
        .filter(audit_log::Column::EntityType.eq("offer"))
        .order_by_asc(audit_log::Column::Id)
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|entry| entry.action)
        .collect();
    assert_eq!(
        actions,
        [
            "offer.create",
            "offer.submit",
            "offer.request_changes",
            "offer.submit",
            "offer.approve"
        ]
    );
    // Every save, submission and review kept a revision; the review's comment is on its own.
    let kept: Vec<(String, Option<String>)> = revisions::Entity::find()
        .filter(revisions::Column::EntityType.eq("offer"))
        .filter(revisions::Column::EntityId.eq(offer.id))
        .order_by_asc(revisions::Column::Number)
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|revision| (revision.status, revision.review_comment))
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

    // Editing the live offer sends it back to review, as its form warns.
    let form = page(&app, &editor, &item).await;
    assert!(
        form.contains("l’enregistrer le renvoie en relecture"),
        "{form}"
    );
    let mut edit = OFFER_FORM.to_vec();
    edit.retain(|(name, _)| *name != "title");
    edit.push(("title", "Architecte des données (H/F)"));
    assert_eq!(app.post_as(&editor, &item, &edit).await.status(), 303);
    assert_eq!(stored(&app, offer.id).await.status, "pending_review");
    let (status, _) = app.page(&format!("/offres/{}", offer.slug)).await;
    assert_eq!(status, 404, "off the portal until approved again");

    // The reviewer sees what changed since the published version.
    let form = page(&app, &admin, &review).await;
    let rows = texts(&form, "tbody tr");
    assert_eq!(rows.len(), 1, "only the title changed: {rows:?}");
    assert!(
        rows[0].contains("Architecte des données")
            && rows[0].contains("Architecte des données (H/F)"),
        "{rows:?}"
    );
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
    assert_eq!(stored(&app, offer.id).await.status, "published");
    let recorded = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("offer.publish_trusted"))
        .one(&app.state.db)
        .await
        .unwrap();
    assert!(recorded.is_some(), "recorded as published without review");
    let queue = page(&app, &admin, "/admin/moderation").await;
    assert!(queue.contains("Rien n’attend de relecture."), "{queue}");
}
