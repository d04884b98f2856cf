//! Back-office sessions: the login page, the demo accounts (demo mode only), CSRF, logout and
//! expiry, on SQLite and on PostgreSQL.

mod support;

use chrono::{Duration, Utc};
use metiers::accounts::sessions::{self, SessionPolicy};
use support::{Backend, Options, TestApp, attributes};

on_both_backends!(
    demo_login_is_refused_outside_demo_mode,
    demo_accounts_log_in_and_out,
    sessions_end_when_idle_or_too_old,
    only_dinum_admins_read_the_journal,
    login_attempts_are_limited,
);

/// The `name=value` part of a response's `Set-Cookie` for cookie `name`, with its attributes.
fn set_cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_owned)
}

fn pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap().to_owned()
}

async fn demo_login_is_refused_outside_demo_mode(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.seed_demo(10).await;
    metiers::demo::seed_accounts(&app.state.db, Utc::now())
        .await
        .unwrap();
    let response = app.get("/connexion").await;
    assert_eq!(response.status(), 200);
    let csrf_cookie =
        pair(&set_cookie(&response, "metiers_login_csrf").expect("a login CSRF cookie"));
    let body = response.text().await.unwrap();
    assert!(body.contains("ProConnect"));
    assert!(
        !body.contains("/connexion/demo"),
        "no demo accounts outside demo mode"
    );
    let csrf = attributes(&body, "input[name=csrf]", "value");
    assert!(csrf.is_empty());
    let token = csrf_cookie.split_once('=').unwrap().1.to_owned();
    let response = app
        .client
        .post(app.url("/connexion/demo"))
        .header("cookie", &csrf_cookie)
        .form(&[
            ("email", format!("admin@{}", metiers::demo::ACCOUNTS_DOMAIN)),
            ("csrf", token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert!(set_cookie(&response, "metiers_session").is_none());
}

async fn demo_accounts_log_in_and_out(backend: Backend) {
    let app = TestApp::start_with(
        backend,
        Options {
            demo: true,
            ..Options::default()
        },
    )
    .await;
    app.seed_demo(10).await;
    let accounts = metiers::demo::seed_accounts(&app.state.db, Utc::now())
        .await
        .unwrap();
    assert!(
        accounts >= 25,
        "an admin, a manager and an editor per ministry: {accounts}"
    );
    assert_eq!(
        metiers::demo::seed_accounts(&app.state.db, Utc::now())
            .await
            .unwrap(),
        accounts,
        "idempotent"
    );

    let anonymous = app.get("/admin").await;
    assert_eq!(anonymous.status(), 303);
    assert_eq!(anonymous.headers()["location"], "/connexion");

    let response = app.get("/connexion").await;
    let csrf_cookie = pair(&set_cookie(&response, "metiers_login_csrf").unwrap());
    let body = response.text().await.unwrap();
    let csrf = attributes(
        &body,
        "form[action=\"/connexion/demo\"] input[name=csrf]",
        "value",
    )[0]
    .clone();
    let manager = format!("responsable.interieur@{}", metiers::demo::ACCOUNTS_DOMAIN);
    assert!(body.contains(&manager), "the demo accounts are listed");

    let login = |cookie: Option<String>, csrf: String| {
        let mut request = app
            .client
            .post(app.url("/connexion/demo"))
            .form(&[("email", manager.clone()), ("csrf", csrf)]);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send()
    };
    assert_eq!(
        login(None, csrf.clone()).await.unwrap().status(),
        403,
        "no CSRF cookie"
    );
    assert_eq!(
        login(Some(csrf_cookie.clone()), "forged".into())
            .await
            .unwrap()
            .status(),
        403,
        "wrong CSRF token"
    );
    let response = login(Some(csrf_cookie), csrf).await.unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/admin");
    let session_cookie = set_cookie(&response, "metiers_session").expect("a session cookie");
    assert!(
        session_cookie.contains("HttpOnly") && session_cookie.contains("SameSite=Lax"),
        "{session_cookie}"
    );
    let session = pair(&session_cookie);

    let dashboard = app
        .client
        .get(app.url("/admin"))
        .header("cookie", &session)
        .send()
        .await
        .unwrap();
    assert_eq!(dashboard.status(), 200);
    assert_eq!(dashboard.headers()["cache-control"], "no-store");
    let body = dashboard.text().await.unwrap();
    assert!(body.contains("Tableau de bord") && body.contains(&manager));
    assert!(body.contains("Ministère de l"), "the manager's ministry");
    assert!(body.contains("responsable"));
    let logout_csrf = attributes(
        &body,
        "form[action=\"/deconnexion\"] input[name=csrf]",
        "value",
    )[0]
    .clone();

    let forged = app
        .client
        .post(app.url("/deconnexion"))
        .header("cookie", &session)
        .form(&[("csrf", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
    let still_in = app
        .client
        .get(app.url("/admin"))
        .header("cookie", &session)
        .send()
        .await
        .unwrap();
    assert_eq!(still_in.status(), 200, "a forged logout changes nothing");

    let logout = app
        .client
        .post(app.url("/deconnexion"))
        .header("cookie", &session)
        .form(&[("csrf", logout_csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), 303);
    assert!(
        set_cookie(&logout, "metiers_session")
            .unwrap()
            .contains("Max-Age=0")
    );
    let after = app
        .client
        .get(app.url("/admin"))
        .header("cookie", &session)
        .send()
        .await
        .unwrap();
    assert_eq!(
        after.status(),
        303,
        "the session is revoked, not just forgotten by the browser"
    );
}

async fn sessions_end_when_idle_or_too_old(backend: Backend) {
    let app = TestApp::start(backend).await;
    let user = metiers::accounts::create_user(
        &app.state.db,
        metiers::accounts::NewUser {
            email: "agent@culture.gouv.fr".into(),
            ..Default::default()
        },
        Utc::now(),
    )
    .await
    .unwrap();
    let policy = SessionPolicy {
        idle: Duration::minutes(30),
        absolute: Duration::hours(2),
    };
    let start = Utc::now();
    let db = &app.state.db;

    let idle = sessions::open(db, user.id, None, policy, start)
        .await
        .unwrap();
    assert!(
        sessions::find(db, &idle.token, policy, start + Duration::minutes(29))
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        sessions::find(db, &idle.token, policy, start + Duration::minutes(58))
            .await
            .unwrap()
            .is_some(),
        "activity extends it"
    );
    assert!(
        sessions::find(db, &idle.token, policy, start + Duration::minutes(89))
            .await
            .unwrap()
            .is_none(),
        "idle too long"
    );

    let busy = sessions::open(db, user.id, None, policy, start)
        .await
        .unwrap();
    for minutes in (20..120).step_by(20) {
        assert!(
            sessions::find(db, &busy.token, policy, start + Duration::minutes(minutes))
                .await
                .unwrap()
                .is_some()
        );
    }
    assert!(
        sessions::find(db, &busy.token, policy, start + Duration::minutes(121))
            .await
            .unwrap()
            .is_none(),
        "absolute limit"
    );
    assert!(
        sessions::find(db, "not-a-token", policy, start)
            .await
            .unwrap()
            .is_none()
    );
}

/// Logs in as a demo account in a demo-mode app; returns the session cookie.
async fn demo_session(app: &TestApp, email: &str) -> String {
    let response = app.get("/connexion").await;
    let csrf_cookie = pair(&set_cookie(&response, "metiers_login_csrf").unwrap());
    let body = response.text().await.unwrap();
    let csrf = attributes(
        &body,
        "form[action=\"/connexion/demo\"] input[name=csrf]",
        "value",
    )[0]
    .clone();
    let response = app
        .client
        .post(app.url("/connexion/demo"))
        .header("cookie", csrf_cookie)
        .form(&[("email", email.to_owned()), ("csrf", csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    pair(&set_cookie(&response, "metiers_session").unwrap())
}

async fn only_dinum_admins_read_the_journal(backend: Backend) {
    let app = TestApp::start_with(
        backend,
        Options {
            demo: true,
            ..Options::default()
        },
    )
    .await;
    app.seed_demo(5).await;
    metiers::demo::seed_accounts(&app.state.db, Utc::now())
        .await
        .unwrap();
    let domain = metiers::demo::ACCOUNTS_DOMAIN;

    let anonymous = app.get("/admin/journal").await;
    assert_eq!(anonymous.status(), 303);

    let editor = demo_session(&app, &format!("redaction.culture@{domain}")).await;
    let refused = app
        .client
        .get(app.url("/admin/journal"))
        .header("cookie", &editor)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    assert!(refused.text().await.unwrap().contains("Accès refusé"));

    let admin_email = format!("admin@{domain}");
    let admin = demo_session(&app, &admin_email).await;
    let journal = app
        .client
        .get(app.url("/admin/journal"))
        .header("cookie", &admin)
        .send()
        .await
        .unwrap();
    assert_eq!(journal.status(), 200);
    assert_eq!(journal.headers()["cache-control"], "no-store");
    let body = journal.text().await.unwrap();
    assert!(body.contains("user.login"), "logins are in the journal");
    assert!(
        body.contains(&admin_email) && body.contains(&format!("redaction.culture@{domain}")),
        "with who did them"
    );
    let dashboard = app
        .client
        .get(app.url("/admin"))
        .header("cookie", &admin)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        dashboard.contains("href=\"/admin/journal\""),
        "admins find the journal from the dashboard"
    );
}

async fn login_attempts_are_limited(backend: Backend) {
    let options = Options {
        demo: true,
        login_attempts_per_minute: Some(3),
        ..Options::default()
    };
    let app = TestApp::start_with(backend, options).await;
    app.seed_demo(5).await;
    metiers::demo::seed_accounts(&app.state.db, Utc::now())
        .await
        .unwrap();
    let email = format!("admin@{}", metiers::demo::ACCOUNTS_DOMAIN);
    for _ in 0..3 {
        demo_session(&app, &email).await;
    }
    let response = app.get("/connexion").await;
    let csrf_cookie = pair(&set_cookie(&response, "metiers_login_csrf").unwrap());
    let body = response.text().await.unwrap();
    let csrf = attributes(
        &body,
        "form[action=\"/connexion/demo\"] input[name=csrf]",
        "value",
    )[0]
    .clone();
    let fourth = app
        .client
        .post(app.url("/connexion/demo"))
        .header("cookie", csrf_cookie)
        .form(&[("email", email), ("csrf", csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(fourth.status(), 429);
    assert!(set_cookie(&fourth, "metiers_session").is_none());
    assert!(fourth.text().await.unwrap().contains("Trop de requêtes"));
}
