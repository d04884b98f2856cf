//! Emails through a real SMTP server on loopback (`tests/smtp`): the invitation email with both
//! parts and a link that works, login links that work once, and an SMTP server that goes down
//! and comes back without an email lost or sent twice. Also the default transport, which
//! writes emails as files under the data folder. On SQLite and PostgreSQL.

use crate::support::{Backend, Options, SignedIn, TestApp, attributes, fixtures, smtp::SmtpServer};
use chrono::{Duration, Utc};
use metiers::{accounts::Role, entities::outbox};
use sea_orm::{EntityTrait, PaginatorTrait};

on_both_backends!(
    invitations_are_emailed_with_both_parts,
    login_links_work_once,
    a_down_smtp_server_loses_nothing,
    emails_are_files_by_default,
    answers_unsubscribing_and_attachments_travel_with_an_email,
);

async fn app_with_smtp(backend: Backend, login_links: bool) -> (TestApp, SmtpServer) {
    let smtp = SmtpServer::start().await;
    let options = Options {
        smtp_url: Some(smtp.url()),
        login_links,
        ..Options::default()
    };
    (TestApp::start_with(backend, options).await, smtp)
}

/// A manager of a new ministry, signed in.
async fn manager(app: &TestApp) -> SignedIn {
    let tenant = fixtures::ministry(app, "mer", "Ministère de la Mer", "dsfr").await;
    app.signed_in(
        "capitaine@mer.gouv.fr",
        false,
        &[(tenant.id, Role::Manager)],
    )
    .await
}

async fn invite(app: &TestApp, manager: &SignedIn, email: &str) {
    let form = [("email", email), ("role", "editor")];
    let response = app.post_as(manager, "/admin/membres/inviter", &form).await;
    assert_eq!(response.status(), 303, "the invitation is accepted");
}

async fn invitations_are_emailed_with_both_parts(backend: Backend) {
    let (app, smtp) = app_with_smtp(backend, false).await;
    let manager = manager(&app).await;
    invite(&app, &manager, "matelot@mer.gouv.fr").await;
    assert_eq!(app.deliver_mail(Utc::now()).await, 1);

    let mail = smtp.wait_for(1).await.remove(0);
    assert_eq!(mail.to, ["matelot@mer.gouv.fr"]);
    assert!(
        mail.header("from")
            .unwrap()
            .contains("ne-pas-repondre@metiers.numerique.gouv.fr"),
        "{:?}",
        mail.headers
    );
    assert_eq!(
        mail.subject,
        "Invitation à l’espace recruteurs de Métiers du Numérique : Ministère de la Mer"
    );
    assert!(
        mail.header("content-type")
            .unwrap()
            .starts_with("multipart/alternative"),
        "{:?}",
        mail.headers
    );
    let link = app.url("/connexion");
    assert!(
        mail.text.contains("capitaine@mer.gouv.fr vous invite")
            && mail.text.contains("comme rédacteur·rice")
            && mail.text.contains("as editor")
            && mail.text.contains(&link),
        "{}",
        mail.text
    );
    let html = mail.html.expect("an HTML part");
    assert_eq!(
        attributes(&html, "a[href]", "href"),
        [link.clone(), link.clone()],
        "the link, in French and in English"
    );
    let page = app.get(&link.replacen(&app.base_url, "", 1)).await;
    assert_eq!(page.status(), 200, "the link works");

    // Resending sends it again; nothing else is in the outbox.
    let invitation = metiers::entities::invitations::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let resend = format!("/admin/membres/invitations/{}/renvoyer", invitation.id);
    assert_eq!(app.post_as(&manager, &resend, &[]).await.status(), 303);
    assert_eq!(app.deliver_mail(Utc::now()).await, 1);
    assert_eq!(smtp.wait_for(2).await.len(), 2);
    assert_eq!(
        app.deliver_mail(Utc::now()).await,
        0,
        "nothing is sent twice"
    );
}

/// The login form's CSRF cookie and token, as a browser gets them from `path`.
async fn login_form(app: &TestApp, path: &str) -> (String, String) {
    let page = app.get(path).await;
    assert_eq!(page.status(), 200, "{path}");
    let cookie = crate::support::cookie_pair(
        &crate::support::set_cookie(&page, "metiers_login_csrf").unwrap(),
    );
    let body = page.text().await.unwrap();
    let csrf = attributes(&body, "input[name=csrf]", "value").remove(0);
    (cookie, csrf)
}

async fn post_login_form(
    app: &TestApp,
    path: &str,
    cookie: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header("cookie", cookie)
        .form(form)
        .send()
        .await
        .unwrap()
}

async fn login_links_work_once(backend: Backend) {
    let (app, smtp) = app_with_smtp(backend, true).await;
    let manager = manager(&app).await;
    invite(&app, &manager, "mousse@mer.gouv.fr").await;
    app.deliver_mail(Utc::now()).await;
    smtp.wait_for(1).await;

    // Someone invited asks for a link; so does an address the site does not know.
    let (cookie, csrf) = login_form(&app, "/connexion").await;
    for email in ["Mousse@mer.gouv.fr", "inconnu@example.org"] {
        let sent = post_login_form(
            &app,
            "/connexion/lien",
            &cookie,
            &[("email", email), ("csrf", &csrf)],
        )
        .await;
        assert_eq!(sent.status(), 200);
        let page = sent.text().await.unwrap();
        assert!(
            page.contains("Si cette adresse a accès"),
            "the same answer for {email}"
        );
    }
    assert_eq!(
        app.deliver_mail(Utc::now()).await,
        1,
        "one link, for the invited address"
    );
    let mail = smtp.wait_for(2).await.remove(1);
    assert_eq!(mail.to, ["mousse@mer.gouv.fr"]);
    assert_eq!(
        mail.subject,
        "Votre lien de connexion à Métiers du Numérique"
    );
    let link = mail
        .text
        .split_whitespace()
        .find(|word| word.contains("/connexion/lien/"))
        .expect("a link in the text")
        .to_owned();
    let path = link.replacen(&app.base_url, "", 1);

    // Opening the link shows a button (mail scanners do not use it up); the button logs in.
    let (cookie, csrf) = login_form(&app, &path).await;
    let used = post_login_form(&app, &path, &cookie, &[("csrf", &csrf)]).await;
    assert_eq!(used.status(), 303);
    assert_eq!(used.headers()["location"], "/admin");
    let session =
        crate::support::cookie_pair(&crate::support::set_cookie(&used, "metiers_session").unwrap());
    let dashboard = app.get_with_cookie("/admin", &session).await;
    assert_eq!(dashboard.status(), 200);
    assert!(
        dashboard
            .text()
            .await
            .unwrap()
            .contains("Ministère de la Mer"),
        "the invitation is accepted"
    );

    // Once only; and a wrong CSRF token is refused.
    let again = post_login_form(&app, &path, &cookie, &[("csrf", &csrf)]).await;
    assert_eq!(again.status(), 400);
    assert!(
        again
            .text()
            .await
            .unwrap()
            .contains("a déjà servi, a expiré")
    );
    let forged = post_login_form(&app, &path, &cookie, &[("csrf", "forged")]).await;
    assert_eq!(forged.status(), 403);

    // Off by default.
    let off = TestApp::start(backend).await;
    assert_eq!(off.get("/connexion/lien/abc").await.status(), 404);
    let (_, login) = off.page("/connexion").await;
    assert!(!login.contains("/connexion/lien"), "no login-link form");
}

async fn a_down_smtp_server_loses_nothing(backend: Backend) {
    let (app, smtp) = app_with_smtp(backend, false).await;
    let manager = manager(&app).await;
    smtp.down().await;
    invite(&app, &manager, "vigie@mer.gouv.fr").await;
    let now = Utc::now();
    assert_eq!(app.deliver_mail(now).await, 0, "the server is down");
    let waiting = outbox::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert!(
        waiting.sent_at.is_none() && waiting.attempts == 1,
        "{waiting:?}"
    );
    assert!(waiting.last_error.is_some(), "the failure is kept");
    assert!(waiting.next_attempt_at > now, "a later attempt is planned");
    assert_eq!(app.deliver_mail(now).await, 0, "not before its time");
    let admin = app.signed_in("admin@numerique.gouv.fr", true, &[]).await;
    let emails = app.get_with_cookie("/admin/courriels", &admin.cookie).await;
    let page = emails.text().await.unwrap();
    assert!(
        page.contains("Un courriel attend après un échec d’envoi.")
            && page.contains("Échec (1 essai)"),
        "the failure shows in the back-office: {page}"
    );

    smtp.up().await;
    let later = now + Duration::hours(2);
    assert_eq!(app.deliver_mail(later).await, 1);
    assert_eq!(app.deliver_mail(later).await, 0);
    let mails = smtp.wait_for(1).await;
    assert_eq!(mails.len(), 1, "sent once");
    assert_eq!(mails[0].to, ["vigie@mer.gouv.fr"]);
    let sent = outbox::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert!(
        sent.sent_at.is_some() && sent.last_error.is_none(),
        "{sent:?}"
    );
}

async fn emails_are_files_by_default(backend: Backend) {
    let app = TestApp::start(backend).await;
    let manager = manager(&app).await;
    invite(&app, &manager, "phare@mer.gouv.fr").await;
    assert_eq!(app.deliver_mail(Utc::now()).await, 1);
    let folder = app.data_dir.path().join("mail");
    let files: Vec<_> = std::fs::read_dir(&folder).unwrap().flatten().collect();
    assert_eq!(files.len(), 1, "one file in {}", folder.display());
    let email = std::fs::read_to_string(files[0].path()).unwrap();
    assert!(email.contains("To: phare@mer.gouv.fr"), "{email}");
    assert!(email.contains("multipart/alternative"), "{email}");
    assert_eq!(
        outbox::Entity::find().count(&app.state.db).await.unwrap(),
        1
    );
}

async fn answers_unsubscribing_and_attachments_travel_with_an_email(backend: Backend) {
    let (app, smtp) = app_with_smtp(backend, false).await;
    let letterhead = app.state.letterhead();
    let args = [("title", "Développeuse Rust".to_owned())];
    let unsubscribe = "https://metiers.numerique.gouv.fr/alertes/desabonner/abc";
    let mail = metiers::mail::compose(&letterhead, "application_unchanged", "a@exemple.fr", &args)
        .unwrap()
        .reply_to("recrutement@mer.gouv.fr")
        .unsubscribe(unsubscribe.to_owned())
        .attach(
            "mes-donnees.json",
            "{\"courriel\":\"a@exemple.fr\"}".to_owned(),
        );
    metiers::mail::enqueue(&app.state.db, &mail, Utc::now())
        .await
        .unwrap();
    assert_eq!(app.deliver_mail(Utc::now()).await, 1);
    let received = smtp.wait_for(1).await.remove(0);
    assert!(
        received
            .header("reply-to")
            .unwrap()
            .contains("recrutement@mer.gouv.fr"),
        "{:?}",
        received.headers
    );
    assert!(
        received
            .raw
            .contains(&format!("List-Unsubscribe: <{unsubscribe}>"))
    );
    assert!(
        received
            .raw
            .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
    );
    assert!(received.raw.contains("multipart/mixed"), "{}", received.raw);
    assert!(received.raw.contains("mes-donnees.json"));
    assert!(
        received.text.contains("Développeuse Rust"),
        "the body is still there"
    );
}
