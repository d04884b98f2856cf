//! The JSON API as its users meet it: a ministry's system pushes offers with a token, they wait
//! for moderation, then show in the public API and on the portal; tokens reach their own
//! ministry only and stop at once when revoked or expired; errors are problems with every field
//! named; the contract is one OpenAPI document, kept in a snapshot.

use chrono::{Duration, Utc};
use metiers::{
    accounts::AdminScope,
    entities::{applications, offers},
    integration::tokens::{self, Grant, NewToken},
    moderation::{self, Decision},
};
use sea_orm::{EntityTrait, TransactionTrait};
use serde_json::{Value, json};

use crate::support::{Backend, Options, TestApp, fixtures};

on_both_backends!(
    a_pushed_offer_waits_for_review_then_shows_everywhere,
    a_token_reaches_its_own_ministry_only,
    a_revoked_or_expired_token_fails_at_once,
    pushes_at_once_all_land
);

/// A token of ministry `tenant` holding `grants`.
async fn token(
    app: &TestApp,
    tenant: &metiers::entities::tenants::Model,
    grants: &[Grant],
) -> String {
    let scope = AdminScope::system().ministry(tenant.key());
    let new = NewToken {
        name: "SIRH".to_owned(),
        grants: grants.to_vec(),
        valid_days: 30,
    };
    let txn = app.state.db.begin().await.unwrap();
    let (_, secret) = tokens::create(&txn, &scope, new, Utc::now()).await.unwrap();
    txn.commit().await.unwrap();
    secret
}

/// What a ministry's system sends for an offer titled `title`.
fn offer_body(title: &str) -> Value {
    json!({
        "title": title,
        "profession": "developpement",
        "contract_types": ["contractuel"],
        "remote_policy": "partiel",
        "postal_code": "35000",
        "city": "Rennes",
        "apply_mode": "on_site",
        "mission": "Vous construisez des services publics numériques.",
        "salary_min": 45000,
        "salary_max": 60000
    })
}

/// A request to the API with `secret` as its token, if any; its status and JSON body.
async fn call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    secret: Option<&str>,
    body: Option<&Value>,
) -> (u16, Value, reqwest::header::HeaderMap) {
    let mut request = app.client.request(method, app.url(path));
    if let Some(secret) = secret {
        request = request.bearer_auth(secret);
    }
    if let Some(body) = body {
        request = request.json(body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap();
    let json = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, json, headers)
}

/// The status of a GET of `path` with token `secret`.
async fn status_with(app: &TestApp, path: &str, secret: &str) -> u16 {
    call(app, reqwest::Method::GET, path, Some(secret), None)
        .await
        .0
}

/// A GET of the public API, without a token.
async fn public(app: &TestApp, path: &str) -> (u16, Value, reqwest::header::HeaderMap) {
    call(app, reqwest::Method::GET, path, None, None).await
}

async fn offers_in(app: &TestApp) -> Vec<offers::Model> {
    offers::Entity::find().all(&app.state.db).await.unwrap()
}

async fn a_pushed_offer_waits_for_review_then_shows_everywhere(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tenant = fixtures::ministry(&app, "armees", "Ministère des Armées", "dsfr").await;
    let secret = token(&app, &tenant, &[Grant::OffersWrite]).await;
    let put = reqwest::Method::PUT;
    let path = "/api/v1/integration/offers/SIRH-2026-042";

    // Every refused field is named at once, in French and in English; nothing is written.
    let mut wrong = offer_body("");
    wrong["postal_code"] = json!("00000");
    let (status, problem, headers) =
        call(&app, put.clone(), path, Some(&secret), Some(&wrong)).await;
    assert_eq!(status, 400, "{problem}");
    assert_eq!(headers["content-type"], "application/problem+json");
    assert_eq!(problem["code"], "invalid");
    assert!(problem["type"].as_str().unwrap().ends_with("/invalid"));
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["title", "postal_code"], "{problem}");
    let first = &problem["errors"][0];
    assert_eq!(first["code"], "required");
    assert!(!first["message"].as_str().unwrap().is_empty());
    assert_ne!(first["message"], first["message_en"]);
    assert!(
        offers_in(&app).await.is_empty(),
        "a refused push writes nothing"
    );

    // A type the contract refuses is a problem too, naming the field.
    let mut mistyped = offer_body("Développeur·se Rust");
    mistyped["salary_min"] = json!("beaucoup");
    let (status, problem, _) = call(&app, put.clone(), path, Some(&secret), Some(&mistyped)).await;
    assert_eq!(status, 400, "{problem}");
    assert_eq!(problem["code"], "bad_request");

    // The first push creates the offer, waiting for review.
    let body = offer_body("Développeur·se Rust embarqué");
    let (status, created, _) = call(&app, put.clone(), path, Some(&secret), Some(&body)).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["result"], "created");
    assert_eq!(created["offer"]["status"], "pending_review");
    assert_eq!(created["offer"]["reference"], "SIRH-2026-042");
    assert!(created["offer"].get("url").is_none(), "not public yet");
    let id = created["offer"]["id"].as_i64().unwrap() as i32;
    let waiting = moderation::queue::<offers::Entity>(&app.state.db, &AdminScope::system(), None)
        .await
        .unwrap();
    assert_eq!(waiting.iter().map(|o| o.id).collect::<Vec<_>>(), [id]);

    // Pushing it again changes nothing.
    let (status, again, _) = call(&app, put.clone(), path, Some(&secret), Some(&body)).await;
    assert_eq!(status, 200, "{again}");
    assert_eq!(again["result"], "unchanged");
    // What concerns one ministry's systems is kept by no cache.
    let (_, _, headers) = call(&app, put.clone(), path, Some(&secret), Some(&body)).await;
    assert_eq!(headers["cache-control"], "no-store");
    assert_eq!(offers_in(&app).await.len(), 1);

    // Not public until approved.
    let (_, listed, _) = public(&app, "/api/v1/offers?q=embarqu%C3%A9").await;
    assert_eq!(listed["total"], 0, "{listed}");
    let (status, problem, headers) = public(&app, &format!("/api/v1/offers/{id}")).await;
    assert_eq!(status, 404);
    assert_eq!(problem["code"], "not_found");
    assert_eq!(headers["access-control-allow-origin"], "*", "problems too");

    // A DINUM admin approves it: it shows in the public API and on the portal.
    approve(&app, id).await;
    let (status, listed, headers) = public(&app, "/api/v1/offers?q=embarqu%C3%A9").await;
    assert_eq!(status, 200, "{listed}");
    assert_eq!(listed["total"], 1, "{listed}");
    let item = &listed["items"][0];
    assert_eq!(item["id"], id);
    assert_eq!(item["ministry"]["slug"], "armees");
    assert_eq!(item["region"], "53");
    let url = item["url"].as_str().unwrap();
    assert!(url.starts_with(&app.base_url), "absolute: {url}");
    assert_eq!(headers["access-control-allow-origin"], "*");
    let etag = headers["etag"].to_str().unwrap().to_owned();
    let unchanged = app
        .client
        .get(app.url("/api/v1/offers?q=embarqu%C3%A9"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(unchanged.status(), 304);
    assert_eq!(
        unchanged.headers()["access-control-allow-origin"],
        "*",
        "answers from the page cache too"
    );
    let portal = app.client.get(url).send().await.unwrap();
    assert_eq!(portal.status(), 200);
    assert!(
        portal
            .text()
            .await
            .unwrap()
            .contains("Développeur·se Rust embarqué")
    );
    let (_, detail, _) = public(&app, &format!("/api/v1/offers/{id}")).await;
    assert_eq!(detail["title"], "Développeur·se Rust embarqué");
    assert_eq!(detail["sections"][0]["key"], "mission");

    // A change of the live offer waits as a proposal; the live version stays.
    let changed = offer_body("Développeur·se Rust embarqué senior");
    let (status, updated, _) = call(&app, put.clone(), path, Some(&secret), Some(&changed)).await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["result"], "updated");
    assert_eq!(updated["offer"]["status"], "published");
    assert_eq!(updated["offer"]["pending_change"], "pending_review");
    let (_, mine, _) = call(
        &app,
        reqwest::Method::GET,
        "/api/v1/integration/offers",
        Some(&secret),
        None,
    )
    .await;
    assert_eq!(
        mine["items"][0]["pending_change"], "pending_review",
        "{mine}"
    );
    let (_, detail, _) = public(&app, &format!("/api/v1/offers/{id}")).await;
    assert_eq!(detail["title"], "Développeur·se Rust embarqué");

    // Closed as filled: its page stays, out of the listings.
    let close = json!({"reason": "filled"});
    let (status, closed, _) = call(
        &app,
        reqwest::Method::POST,
        &format!("{path}/close"),
        Some(&secret),
        Some(&close),
    )
    .await;
    assert_eq!(status, 200, "{closed}");
    assert_eq!(closed["status"], "filled");
    let (_, listed, _) = public(&app, "/api/v1/offers?q=embarqu%C3%A9").await;
    assert_eq!(listed["total"], 0);
    let (_, detail, _) = public(&app, &format!("/api/v1/offers/{id}")).await;
    assert_eq!(detail["filled"], true);

    // Withdrawn, it leaves the site and no longer changes.
    let withdraw = json!({"reason": "withdrawn"});
    let close_path = format!("{path}/close");
    let (status, closed, _) = call(
        &app,
        reqwest::Method::POST,
        &close_path,
        Some(&secret),
        Some(&withdraw),
    )
    .await;
    assert_eq!(status, 200, "{closed}");
    assert_eq!(closed["status"], "archived");
    let (status, problem, _) = call(&app, put, path, Some(&secret), Some(&body)).await;
    assert_eq!(status, 400, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "status");
    assert_eq!(problem["errors"][0]["code"], "wrong_status");
    let (status, _, _) = public(&app, &format!("/api/v1/offers/{id}")).await;
    assert_eq!(status, 410);
}

/// Approves offer `id` waiting for review, as a DINUM admin.
async fn approve(app: &TestApp, id: i32) {
    let db = &app.state.db;
    let offer = offers::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let txn = db.begin().await.unwrap();
    let letterhead = app.state.letterhead();
    moderation::review::<offers::Entity>(
        &txn,
        &letterhead,
        &AdminScope::system(),
        offer.key(),
        offer.version,
        Decision::Approve,
        "",
        Utc::now(),
    )
    .await
    .unwrap();
    txn.commit().await.unwrap();
}

/// An application to a live offer of `tenant`.
async fn application(
    app: &TestApp,
    tenant: &metiers::entities::tenants::Model,
) -> applications::Model {
    let offer = fixtures::offer(app, tenant, fixtures::published(tenant, "Offre ouverte")).await;
    let candidate = metiers::applications::NewApplication {
        first_name: "Camille".into(),
        last_name: format!("de {}", tenant.slug),
        email: format!("camille@{}.example", tenant.slug),
        cv: crate::support::candidate::PDF.to_vec(),
        consent: true,
        retention_years: 2,
        ..Default::default()
    };
    let letterhead = app.state.letterhead();
    metiers::applications::apply(
        &app.state.db,
        &app.state.storage,
        &letterhead,
        &offer,
        candidate,
        Utc::now(),
    )
    .await
    .unwrap()
}

async fn a_token_reaches_its_own_ministry_only(backend: Backend) {
    let app = TestApp::start(backend).await;
    let a = fixtures::ministry(&app, "ministere-a", "Ministère A", "dsfr").await;
    let b = fixtures::ministry(&app, "ministere-b", "Ministère B", "dsfr").await;
    let every = [
        Grant::OffersWrite,
        Grant::ApplicationsRead,
        Grant::ApplicationsWrite,
    ];
    let (secret_a, secret_b) = (token(&app, &a, &every).await, token(&app, &b, &every).await);
    let put = reqwest::Method::PUT;
    let get = reqwest::Method::GET;
    let b_path = "/api/v1/integration/offers/REF-B";
    let (status, _, _) = call(
        &app,
        put.clone(),
        b_path,
        Some(&secret_b),
        Some(&offer_body("Offre de B")),
    )
    .await;
    assert_eq!(status, 201);
    let application_b = application(&app, &b).await;
    let application_a = application(&app, &a).await;
    let before: Vec<_> = offers_in(&app).await;
    let applications_before = applications::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap();

    // B's reference means nothing to A's token: reading and closing it find nothing.
    let (status, _, _) = call(&app, get.clone(), b_path, Some(&secret_a), None).await;
    assert_eq!(status, 404);
    let close = json!({"reason": "withdrawn"});
    let (status, _, _) = call(
        &app,
        reqwest::Method::POST,
        &format!("{b_path}/close"),
        Some(&secret_a),
        Some(&close),
    )
    .await;
    assert_eq!(status, 404);
    let (_, listed, _) = call(
        &app,
        get.clone(),
        "/api/v1/integration/offers",
        Some(&secret_a),
        None,
    )
    .await;
    assert_eq!(listed["total"], 0, "{listed}");
    // B's application is not A's to read or move.
    let (_, inbox, _) = call(
        &app,
        get.clone(),
        "/api/v1/integration/applications",
        Some(&secret_a),
        None,
    )
    .await;
    let ids: Vec<i64> = inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [i64::from(application_a.id)], "{inbox}");
    let (status, _, _) = call(
        &app,
        put.clone(),
        &format!(
            "/api/v1/integration/applications/{}/status",
            application_b.id
        ),
        Some(&secret_a),
        Some(&json!({"status": "in_review"})),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _, _) = call(
        &app,
        get.clone(),
        "/api/v1/integration/applications?offer=REF-B",
        Some(&secret_a),
        None,
    )
    .await;
    assert_eq!(status, 404);
    assert_eq!(offers_in(&app).await, before, "B's offers are as they were");
    let applications_after = applications::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(applications_after, applications_before);

    // A's own application moves, and the candidate's status shows.
    let move_a = format!(
        "/api/v1/integration/applications/{}/status",
        application_a.id
    );
    let in_review = json!({"status": "in_review"});
    // Moved, then asked again: the same step changes nothing and is no error.
    let mut moves = Vec::new();
    for _ in 0..2 {
        let asked = Some(&in_review);
        let (status, answer, _) = call(&app, put.clone(), &move_a, Some(&secret_a), asked).await;
        assert_eq!(status, 200, "{answer}");
        moves.push(answer);
    }
    assert_eq!(moves[0]["status"], "in_review");
    assert_eq!(moves[1]["updated_at"], moves[0]["updated_at"]);

    // A token without a scope is refused what needs it.
    let offers_only = token(&app, &a, &[Grant::OffersWrite]).await;
    let (status, problem, _) = call(
        &app,
        get.clone(),
        "/api/v1/integration/applications",
        Some(&offers_only),
        None,
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(problem["code"], "forbidden");
    let applications_only = token(&app, &a, &[Grant::ApplicationsRead]).await;
    let (status, _, _) = call(
        &app,
        put,
        "/api/v1/integration/offers/REF-A",
        Some(&applications_only),
        Some(&offer_body("Offre de A")),
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(offers_in(&app).await, before);
}

/// A system pushing its catalogue on several connections at once: every push lands (none fails
/// on a database busy with another), and the same reference pushed twice at once makes one offer.
async fn pushes_at_once_all_land(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tenant = fixtures::ministry(&app, "culture", "Ministère de la Culture", "dsfr").await;
    let secret = token(&app, &tenant, &[Grant::OffersWrite]).await;
    let pushes = (0..8).map(|n| {
        let (app, secret) = (&app, &secret);
        async move {
            let reference = format!("REF-{}", n % 6);
            let body = offer_body(&format!("Offre {}", n % 6));
            let path = format!("/api/v1/integration/offers/{reference}");
            call(app, reqwest::Method::PUT, &path, Some(secret), Some(&body)).await
        }
    });
    let answers = futures_util::future::join_all(pushes).await;
    for (status, body, _) in &answers {
        assert!(
            [200, 201].contains(status) || body["errors"][0]["code"] == "changed_meanwhile",
            "{status} {body}"
        );
    }
    assert_eq!(offers_in(&app).await.len(), 6, "one offer per reference");
}

async fn a_revoked_or_expired_token_fails_at_once(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tenant = fixtures::ministry(&app, "justice", "Ministère de la Justice", "dsfr").await;
    let secret = token(&app, &tenant, &[Grant::OffersWrite]).await;
    let path = "/api/v1/integration/offers";
    let status = status_with(&app, path, &secret).await;
    assert_eq!(status, 200);
    let row = tokens::list(&app.state.db, &AdminScope::system().ministry(tenant.key()))
        .await
        .unwrap()
        .remove(0);
    assert!(row.last_used_at.is_some(), "its use is recorded");

    // Past its expiry, it fails.
    app.state.clock.set(Utc::now() + Duration::days(31));
    let (status, problem, headers) =
        call(&app, reqwest::Method::GET, path, Some(&secret), None).await;
    assert_eq!(status, 401, "{problem}");
    assert_eq!(problem["code"], "unauthorized");
    assert!(headers.contains_key("www-authenticate"));
    app.state.clock.set(Utc::now());

    // Revoked, it fails from the next request on.
    let txn = app.state.db.begin().await.unwrap();
    tokens::revoke(
        &txn,
        &AdminScope::system().ministry(tenant.key()),
        row.id,
        Utc::now(),
    )
    .await
    .unwrap();
    txn.commit().await.unwrap();
    let status = status_with(&app, path, &secret).await;
    assert_eq!(status, 401);
    // No token, or someone else's invention, fails the same way.
    let (status, _, _) = public(&app, path).await;
    assert_eq!(status, 401);
    let status = status_with(&app, path, "mdn_forged").await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn past_its_rate_limit_a_client_is_told_when_to_come_back() {
    let options = Options {
        api_rate_limit_per_minute: Some(3),
        ..Options::default()
    };
    let app = TestApp::start_with(Backend::Sqlite, options).await;
    for _ in 0..3 {
        let (status, _, _) = public(&app, "/api/v1/ministries").await;
        assert_eq!(status, 200);
    }
    let (status, problem, headers) = public(&app, "/api/v1/ministries").await;
    assert_eq!(status, 429, "{problem}");
    assert_eq!(problem["code"], "too_many_requests");
    let wait: u64 = headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
}

#[tokio::test]
async fn the_documentation_and_the_contract_are_served() {
    let app = TestApp::start(Backend::Sqlite).await;
    let (status, document, headers) = public(&app, "/api/openapi.json").await;
    assert_eq!(status, 200);
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    assert!(document["paths"]["/integration/offers/{reference}"]["put"].is_object());
    let page = app.client.get(app.url("/api/docs")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    let html = page.text().await.unwrap();
    for operation in [
        "/api/v1/offers",
        "/api/v1/integration/offers/{reference}",
        "OfferInput",
    ] {
        assert!(html.contains(operation), "{operation} is documented");
    }
    let english = app
        .client
        .get(app.url("/en/api/docs"))
        .send()
        .await
        .unwrap();
    assert_eq!(english.status(), 200);
    assert!(english.text().await.unwrap().contains("API documentation"));
}

/// The whole contract: any change to it shows in review as a change of this snapshot.
#[test]
fn the_openapi_document_is_the_reviewed_one() {
    let document: Value = serde_json::from_str(&metiers::web::api::document(
        "https://metiers.numerique.gouv.fr",
    ))
    .unwrap();
    insta::assert_snapshot!("openapi", serde_json::to_string_pretty(&document).unwrap());
}

/// A ministry's manager makes a token in the back-office, sees its secret once, and revokes it.
#[tokio::test]
async fn a_manager_makes_and_revokes_a_token_in_the_back_office() {
    let app = TestApp::start(Backend::Sqlite).await;
    let tenant = fixtures::ministry(&app, "travail", "Ministère du Travail", "dsfr").await;
    let manager = app
        .signed_in(
            "responsable@travail.gouv.fr",
            false,
            &[(tenant.id, metiers::accounts::Role::Manager)],
        )
        .await;
    let made = app
        .post_as(
            &manager,
            "/admin/jetons/nouveau",
            &[
                ("name", "SIRH"),
                ("scopes", "offers:write"),
                ("scopes", "applications:read"),
                ("valid_days", "90"),
            ],
        )
        .await;
    assert_eq!(made.status(), 200);
    assert_eq!(made.headers()["cache-control"], "no-store");
    let page = made.text().await.unwrap();
    let secret = page
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .find(|word| word.starts_with("mdn_") && word.len() > 60)
        .expect("the secret is shown once")
        .to_owned();
    let status = status_with(&app, "/api/v1/integration/offers", &secret).await;
    assert_eq!(status, 200);
    let listed = app
        .get_with_cookie("/admin/jetons", &manager.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        listed.contains("SIRH") && !listed.contains(&secret),
        "never shown again"
    );

    let scope = AdminScope::system().ministry(tenant.key());
    let id = tokens::list(&app.state.db, &scope).await.unwrap()[0].id;
    let revoked = app
        .post_as(&manager, &format!("/admin/jetons/{id}/revoquer"), &[])
        .await;
    assert_eq!(revoked.status(), 303);
    let to = revoked.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(to, "/admin/jetons?ok=token-revoked");
    let status = status_with(&app, "/api/v1/integration/offers", &secret).await;
    assert_eq!(status, 401);
}

/// A token is counted on its own, whatever addresses its requests come from (here through a
/// trusted proxy naming a new client each time).
#[tokio::test]
async fn a_token_past_its_rate_limit_waits_whatever_its_address() {
    let options = Options {
        api_rate_limit_per_minute: Some(3),
        trusted_proxies: Some("127.0.0.1"),
        ..Options::default()
    };
    let app = TestApp::start_with(Backend::Sqlite, options).await;
    let tenant = fixtures::ministry(&app, "sports", "Ministère des Sports", "dsfr").await;
    let secret = token(&app, &tenant, &[Grant::OffersWrite]).await;
    let from = |n: u8, secret: &str| {
        app.client
            .get(app.url("/api/v1/integration/offers"))
            .bearer_auth(secret)
            .header("x-forwarded-for", format!("203.0.113.{n}"))
            .send()
    };
    for n in 1..=3 {
        assert_eq!(from(n, &secret).await.unwrap().status(), 200);
    }
    let refused = from(4, &secret).await.unwrap();
    assert_eq!(refused.status(), 429);
    assert!(refused.headers().contains_key("retry-after"));
    // An invented token is refused as such, and counts only against its address.
    for n in 5..=8 {
        assert_eq!(from(n, "mdn_invented").await.unwrap().status(), 401);
    }
}
