//! Back-office sessions: the login page, the demo accounts (demo mode only), CSRF, logout and
//! expiry, on SQLite and on PostgreSQL.

use crate::support::{Backend, Options, TestApp, attributes, cookie_pair, set_cookie};
use chrono::{Duration, Utc};
use metiers::accounts::sessions::{self, SessionPolicy};

on_both_backends!(
    the_login_page_exists_in_english,
    demo_login_is_refused_outside_demo_mode,
    demo_accounts_log_in_and_out,
    sessions_end_when_idle_or_too_old,
    only_dinum_admins_read_the_journal,
    login_attempts_are_limited,
    a_login_leads_back_to_the_page_asked_for,
);

async fn the_login_page_exists_in_english(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, home) = app.page("/en").await;
    assert_eq!(
        attributes(&home, ".fr-header__tools-links a.fr-icon-user-line", "href"),
        ["/en/connexion"],
        "the recruiters' area of an English page is the English login"
    );
    let (status, login) = app.page("/en/connexion").await;
    assert_eq!(status, 200);
    assert!(login.contains("<html lang=\"en\""), "{login}");
    let (_, french) = app.page("/connexion").await;
    assert!(
        french.contains("href=\"/en/connexion\""),
        "the French login's language switch leads to it"
    );
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
        cookie_pair(&set_cookie(&response, "metiers_login_csrf").expect("a login CSRF cookie"));
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
    let app = demo_app(backend, None).await;
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
    let csrf_cookie = cookie_pair(&set_cookie(&response, "metiers_login_csrf").unwrap());
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
    let session = cookie_pair(&session_cookie);

    let dashboard = app.get_with_cookie("/admin", &session).await;
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
    let still_in = app.get_with_cookie("/admin", &session).await;
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
    let after = app.get_with_cookie("/admin", &session).await;
    assert_eq!(
        after.status(),
        303,
        "the session is revoked, not just forgotten by the browser"
    );
}

/// A demo-mode application with a few demo ministries and their demo accounts.
/// A signed-out editor opening a back-office link (from an email) lands on it once logged in;
/// what could lead elsewhere is not kept.
async fn a_login_leads_back_to_the_page_asked_for(backend: Backend) {
    let app = demo_app(backend, None).await;
    let manager = format!("responsable.interieur@{}", metiers::demo::ACCOUNTS_DOMAIN);
    // Logs in after asking for `asked` signed out, or with the cookie `planted` instead.
    let log_in_after = |asked: &'static str, planted: Option<&'static str>| {
        let app = &app;
        let manager = manager.clone();
        async move {
            let kept = match planted {
                Some(planted) => Some(planted.to_owned()),
                None => {
                    let signed_out = app.get(asked).await;
                    assert_eq!(signed_out.headers()["location"], "/connexion", "{asked}");
                    set_cookie(&signed_out, "metiers_login_return").map(|c| cookie_pair(&c))
                }
            };
            let (csrf_cookie, csrf) = app.demo_login_form().await;
            let cookies = [Some(csrf_cookie), kept].into_iter().flatten();
            let logged_in = app
                .client
                .post(app.url("/connexion/demo"))
                .header("cookie", cookies.collect::<Vec<_>>().join("; "))
                .form(&[("email", manager), ("csrf", csrf)])
                .send()
                .await
                .unwrap();
            assert_eq!(logged_in.status(), 303);
            logged_in.headers()["location"].to_str().unwrap().to_owned()
        }
    };
    assert_eq!(
        log_in_after("/admin/offres?statut=draft", None).await,
        "/admin/offres?statut=draft"
    );
    assert_eq!(
        log_in_after("/en/admin/offres", None).await,
        "/en/admin/offres"
    );
    assert_eq!(log_in_after("/admin", None).await, "/admin");
    for planted in [
        "metiers_login_return=//evil.example/admin",
        "metiers_login_return=/admin/../../evil",
        "metiers_login_return=https://evil.example/admin",
        "metiers_login_return=/offres",
    ] {
        let landed = log_in_after("", Some(planted)).await;
        assert_eq!(landed, "/admin", "{planted}");
    }
}

async fn demo_app(backend: Backend, login_attempts_per_minute: Option<u32>) -> TestApp {
    let options = Options {
        demo: true,
        login_attempts_per_minute,
        ..Options::default()
    };
    let app = TestApp::start_with(backend, options).await;
    app.seed_demo(5).await;
    metiers::demo::seed_accounts(&app.state.db, Utc::now())
        .await
        .unwrap();
    app
}

/// Whether the session of `token` is still open at `at`.
async fn alive(
    db: &sea_orm::DatabaseConnection,
    token: &str,
    policy: SessionPolicy,
    at: chrono::DateTime<Utc>,
) -> bool {
    sessions::find(db, token, policy, at)
        .await
        .unwrap()
        .is_some()
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

    let idle = sessions::open(db, user.key(), None, policy, start)
        .await
        .unwrap();
    let at = |minutes: i64| start + Duration::minutes(minutes);
    assert!(alive(db, &idle.token, policy, at(29)).await);
    assert!(
        alive(db, &idle.token, policy, at(58)).await,
        "activity extends it"
    );
    assert!(
        !alive(db, &idle.token, policy, at(89)).await,
        "idle too long"
    );

    let busy = sessions::open(db, user.key(), None, policy, start)
        .await
        .unwrap();
    for minutes in (20..120).step_by(20) {
        assert!(alive(db, &busy.token, policy, at(minutes)).await);
    }
    assert!(
        !alive(db, &busy.token, policy, at(121)).await,
        "absolute limit"
    );
    assert!(!alive(db, "not-a-token", policy, start).await);
}

async fn only_dinum_admins_read_the_journal(backend: Backend) {
    let app = demo_app(backend, None).await;
    let domain = metiers::demo::ACCOUNTS_DOMAIN;

    let anonymous = app.get("/admin/journal").await;
    assert_eq!(anonymous.status(), 303);

    let editor = app.demo_login(&format!("redaction.culture@{domain}")).await;
    let refused = app.get_with_cookie("/admin/journal", &editor).await;
    assert_eq!(refused.status(), 403);
    assert!(refused.text().await.unwrap().contains("Accès refusé"));

    let admin_email = format!("admin@{domain}");
    let admin = app.demo_login(&admin_email).await;
    let journal = app.get_with_cookie("/admin/journal", &admin).await;
    assert_eq!(journal.status(), 200);
    assert_eq!(journal.headers()["cache-control"], "no-store");
    let body = journal.text().await.unwrap();
    assert!(
        body.contains("<td>Connexion</td>") && !body.contains("user.login"),
        "logins are in the journal, in words: {body}"
    );
    assert!(
        body.contains(&admin_email) && body.contains(&format!("redaction.culture@{domain}")),
        "with who did them"
    );
    let dashboard = app
        .get_with_cookie("/admin", &admin)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        dashboard.contains("href=\"/admin/journal\""),
        "admins find the journal from the dashboard"
    );
}

async fn login_attempts_are_limited(backend: Backend) {
    let app = demo_app(backend, Some(3)).await;
    let email = format!("admin@{}", metiers::demo::ACCOUNTS_DOMAIN);
    for _ in 0..3 {
        app.demo_login(&email).await;
    }
    let fourth = app.submit_demo_login(&email).await;
    assert_eq!(fourth.status(), 429);
    assert!(set_cookie(&fourth, "metiers_session").is_none());
    assert!(fourth.text().await.unwrap().contains("Trop de requêtes"));
}
