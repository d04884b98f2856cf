//! ProConnect login through a real OpenID provider on loopback (`tests/oidc`): success,
//! cancellation, tampered state, wrong nonce, expired token, unknown user, code replay and
//! RP-initiated logout, on SQLite and on PostgreSQL.

use crate::support::{
    Backend, Options, TestApp, attributes,
    oidc::{self, log_in_as, reach_provider},
};
use chrono::Utc;
use metiers::accounts::{self, NewUser};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

on_both_backends!(
    proconnect_login_and_logout,
    proconnect_failures_end_on_clear_pages,
    proconnect_accepts_es256_signatures,
    invited_people_get_in_on_their_first_login,
    a_callback_opened_by_another_browser_is_refused,
    login_returns_are_never_served_from_the_page_cache,
);

const ADMIN: &str = "marie.curie@numerique.gouv.fr";

async fn app_with_provider(backend: Backend) -> (TestApp, reqwest::Client) {
    app_signing_with(backend, "RS256").await
}

async fn app_signing_with(backend: Backend, alg: &'static str) -> (TestApp, reqwest::Client) {
    let app = TestApp::start_with(
        backend,
        Options {
            proconnect: Some(alg),
            ..Options::default()
        },
    )
    .await;
    accounts::create_user(
        &app.state.db,
        NewUser {
            email: ADMIN.into(),
            is_admin: true,
            ..Default::default()
        },
        Utc::now(),
    )
    .await
    .unwrap();
    (app, oidc::browser())
}

async fn arm_next_id_token(app: &TestApp, change: serde_json::Value) {
    let issuer = &app.provider.as_ref().unwrap().issuer;
    let origin = issuer.trim_end_matches("/api/v2");
    let response = reqwest::Client::new()
        .post(format!("{origin}/test/next-id-token"))
        .json(&change)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}

async fn proconnect_login_and_logout(backend: Backend) {
    let (app, browser) = app_with_provider(backend).await;

    let (_, login_page) = app.page("/connexion").await;
    assert_eq!(
        attributes(
            &login_page,
            "form[action=\"/connexion/proconnect\"]",
            "method"
        ),
        vec!["get"]
    );

    // The authorization request carries what ProConnect expects.
    let start = app.get("/connexion/proconnect").await;
    assert_eq!(start.status(), 303);
    let location = url::Url::parse(start.headers()["location"].to_str().unwrap()).unwrap();
    let query: std::collections::HashMap<String, String> =
        location.query_pairs().into_owned().collect();
    assert_eq!(query["response_type"], "code");
    assert_eq!(query["code_challenge_method"], "S256");
    assert!(query["state"].len() >= 32 && query["nonce"].len() >= 32);
    assert!(
        query["scope"].contains("openid")
            && query["scope"].contains("siret")
            && query["scope"].contains("usual_name")
    );
    let claims: serde_json::Value = serde_json::from_str(&query["claims"]).unwrap();
    assert_eq!(claims["id_token"]["acr"]["essential"], true);
    assert_eq!(
        claims["id_token"]["acr"]["values"],
        serde_json::json!(["eidas1"])
    );

    let landed = log_in_as(&app, &browser, ADMIN).await;
    assert_eq!(landed.url().as_str(), app.url("/admin"));
    assert_eq!(landed.status(), 200);
    let dashboard = landed.text().await.unwrap();
    assert!(
        dashboard.contains(ADMIN) && dashboard.contains("Marie"),
        "names come from ProConnect"
    );
    let user = accounts::find_by_email(&app.state.db, ADMIN)
        .await
        .unwrap()
        .unwrap();
    assert!(user.sub.is_some(), "the ProConnect sub is recorded");
    assert!(user.siret.is_some(), "and the SIRET");
    assert!(user.last_login_at.is_some());
    let logins: Vec<_> = metiers::entities::audit_log::Entity::find()
        .filter(metiers::entities::audit_log::Column::Action.eq("user.login"))
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(logins.len(), 1, "the login is in the audit log");
    assert_eq!(logins[0].actor_id, Some(user.id));

    // Logout goes through the provider and comes back with our state.
    let csrf = attributes(
        &dashboard,
        "form[action=\"/deconnexion\"] input[name=csrf]",
        "value",
    )[0]
    .clone();
    let out = browser
        .post(app.url("/deconnexion"))
        .form(&[("csrf", csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(
        out.url().as_str(),
        app.url("/"),
        "back on the portal after the provider's logout"
    );
    assert_eq!(out.status(), 200);
    let after = browser.get(app.url("/admin")).send().await.unwrap();
    assert_eq!(
        after.url().as_str(),
        app.url("/connexion"),
        "the session is over"
    );

    // A forged logout return is refused.
    let (status, body) = app.page("/deconnexion/retour?state=forged").await;
    assert_eq!(status, 400);
    assert!(body.contains("déconnexion"));
}

async fn proconnect_failures_end_on_clear_pages(backend: Backend) {
    let (app, browser) = app_with_provider(backend).await;

    // The user cancels at the provider.
    let cancelled = cancel_at_provider(&app, &browser).await;
    assert!(
        cancelled
            .url()
            .as_str()
            .starts_with(&app.url("/connexion/proconnect/retour"))
    );
    assert_eq!(cancelled.status(), 200);
    assert!(cancelled.text().await.unwrap().contains("annulé"));

    // A state we never issued.
    let (status, body) = app
        .page("/connexion/proconnect/retour?code=abc&state=forged")
        .await;
    assert_eq!(status, 400);
    assert!(body.contains("expiré"));

    // A wrong nonce, then an expired ID token.
    for change in [
        serde_json::json!({"nonce": "wrong"}),
        serde_json::json!({"expired": true}),
        serde_json::json!({"bad_signature": true}),
    ] {
        arm_next_id_token(&app, change.clone()).await;
        let fresh = oidc::browser();
        let refused = log_in_as(&app, &fresh, ADMIN).await;
        assert_eq!(refused.status(), 400, "{change}");
        assert!(
            refused
                .url()
                .as_str()
                .starts_with(&app.url("/connexion/proconnect/retour"))
        );
        let body = refused.text().await.unwrap();
        assert!(
            body.contains("n’a pas pu être vérifiée"),
            "{change}: {body}"
        );
    }

    // Someone ProConnect knows but we don't.
    let stranger = oidc::browser();
    let denied = log_in_as(&app, &stranger, "anne.dupont@agriculture.gouv.fr").await;
    assert_eq!(denied.status(), 403);
    assert!(denied.text().await.unwrap().contains("invitation"));
    assert!(
        accounts::find_by_email(&app.state.db, "anne.dupont@agriculture.gouv.fr")
            .await
            .unwrap()
            .is_none()
    );

    // A callback replayed: its state was used once already.
    let no_redirects = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let callback = callback_for(&app, &no_redirects, ADMIN).await;
    let first = no_redirects.get(&callback).send().await.unwrap();
    assert_eq!(first.status(), 303, "the first use logs in");
    let replay = reqwest::Client::new().get(&callback).send().await.unwrap();
    assert_eq!(replay.status(), 400, "a replayed callback is refused");
}

/// Goes through the provider as `email` with `client` (which keeps its cookies and follows no
/// redirect) and stops before coming back: the callback URL the provider sends the browser to.
async fn callback_for(app: &TestApp, client: &reqwest::Client, email: &str) -> String {
    let mut url = app.url("/connexion/proconnect");
    for _ in 0..6 {
        let response = client.get(&url).send().await.unwrap();
        let Some(next) = response
            .headers()
            .get("location")
            .map(|l| l.to_str().unwrap().to_owned())
        else {
            break;
        };
        let next = response.url().join(&next).unwrap().to_string();
        if next.starts_with(&app.url("/connexion/proconnect/retour")) {
            return next;
        }
        url = if next.contains("/interaction/") && !next.contains("/login") {
            format!("{next}/login?email={email}")
        } else {
            next
        };
    }
    panic!("the provider did not send {email} back");
}

/// Login CSRF: someone goes through the provider with their own account and, without using it,
/// gets a signed-in admin to open their callback URL. The admin's browser did not start that
/// login: it is refused, and the admin stays who they are.
async fn a_callback_opened_by_another_browser_is_refused(backend: Backend) {
    let (app, admin_browser) = app_with_provider(backend).await;
    let attacker = "mallory@numerique.gouv.fr";
    accounts::create_user(
        &app.state.db,
        NewUser {
            email: attacker.into(),
            is_admin: true,
            ..Default::default()
        },
        Utc::now(),
    )
    .await
    .unwrap();
    let attacker_client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let planted = callback_for(&app, &attacker_client, attacker).await;

    let landed = log_in_as(&app, &admin_browser, ADMIN).await;
    assert_eq!(landed.url().as_str(), app.url("/admin"));
    let opened = admin_browser.get(&planted).send().await.unwrap();
    assert_eq!(opened.status(), 400);
    let dashboard = admin_browser
        .get(app.url("/admin"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        dashboard.contains(ADMIN) && !dashboard.contains(attacker),
        "the admin's session is the admin's"
    );
}

async fn proconnect_accepts_es256_signatures(backend: Backend) {
    let (app, browser) = app_signing_with(backend, "ES256").await;
    let landed = log_in_as(&app, &browser, ADMIN).await;
    assert_eq!(
        landed.url().as_str(),
        app.url("/admin"),
        "ES256 ID token and userinfo accepted"
    );
}

async fn invited_people_get_in_on_their_first_login(backend: Backend) {
    use metiers::accounts::{Actor, Role, invitations};
    let (app, _) = app_with_provider(backend).await;
    let db = &app.state.db;
    let tenant = crate::support::fixtures::ministry(
        &app,
        "agriculture",
        "Ministère de l'Agriculture",
        "dsfr",
    )
    .await;
    let admin = Actor::load(
        db,
        accounts::find_by_email(db, ADMIN).await.unwrap().unwrap(),
    )
    .await
    .unwrap();
    let invitee = "anne.dupont@agriculture.gouv.fr";
    let managing = admin.manager_in(tenant.key()).unwrap();
    invitations::invite(db, &managing, invitee, Role::Editor, Utc::now())
        .await
        .unwrap();

    let browser = oidc::browser();
    let landed = log_in_as(&app, &browser, invitee).await;
    assert_eq!(landed.url().as_str(), app.url("/admin"));
    let dashboard = landed.text().await.unwrap();
    assert!(
        dashboard.contains("Ministère de l&#39;Agriculture")
            && dashboard.contains("rédacteur·rice"),
        "{dashboard}"
    );
    assert!(
        invitations::pending_for(db, invitee, Utc::now())
            .await
            .unwrap()
            .is_empty(),
        "the invitation is used"
    );
    let user = accounts::find_by_email(db, invitee)
        .await
        .unwrap()
        .expect("the user is created");
    assert_eq!(
        (user.given_name.as_str(), user.usual_name.as_str()),
        ("Anne", "Dupont")
    );

    // Only managers of the ministry (and DINUM admins) invite; members are not invited twice.
    let editor = Actor::load(db, user).await.unwrap();
    let refused = editor.manager_in(tenant.key());
    assert!(matches!(refused, Err(metiers::error::AppError::Forbidden)));
    let twice = invitations::invite(db, &managing, invitee, Role::Manager, Utc::now()).await;
    assert!(
        matches!(twice, Err(metiers::error::AppError::Invalid(_))),
        "{twice:?}"
    );
}

/// Starts a login and cancels it at the provider; the page the browser comes back to.
async fn cancel_at_provider(app: &TestApp, browser: &reqwest::Client) -> reqwest::Response {
    let interaction = reach_provider(app, browser).await;
    let abort = browser.get(format!("{interaction}/abort"));
    abort.send().await.unwrap()
}

/// A cancelled login answers 200 with a page that must not be kept for the next visitor: with
/// the page cache on, someone's cancellation would otherwise greet everyone coming back from
/// ProConnect for `page_cache_seconds`.
async fn login_returns_are_never_served_from_the_page_cache(backend: Backend) {
    let app = TestApp::start_with(
        backend,
        Options {
            proconnect: Some("RS256"),
            page_cache_seconds: 60,
            ..Options::default()
        },
    )
    .await;
    let cancelled = cancel_at_provider(&app, &oidc::browser()).await;
    assert_eq!(cancelled.status(), 200);
    assert!(cancelled.text().await.unwrap().contains("annulé"));
    let (status, body) = app
        .page("/connexion/proconnect/retour?code=abc&state=forged")
        .await;
    assert_eq!(status, 400, "the handler ran: {body}");
    assert!(!body.contains("annulé"));
}
