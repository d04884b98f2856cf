//! Odd values in every public route, query parameter and back-office form field (empty, 100 000
//! characters, NUL bytes, invalid UTF-8, non-characters, huge and negative numbers, markup and
//! `javascript:`), sent as a robot would: none may end in a server error, on SQLite and on
//! PostgreSQL.

use crate::support::{Backend, Options, SignedIn, TestApp, fixtures, upload};
use metiers::{
    accounts::Role,
    entities::{media, offers},
};
use sea_orm::EntityTrait;

on_both_backends!(odd_values_never_make_a_server_error);

/// The values tried, percent-encoded as they travel in a URL or a form.
fn odd_values() -> Vec<String> {
    [
        "",
        "%00",
        "a%00b",
        "%FF%FE%FD",
        "%EF%BF%BF",
        "99999999999999999999999",
        "922337203685477581",
        "-1",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "javascript%3Aalert(1)",
    ]
    .into_iter()
    .map(str::to_owned)
    .chain(["x".repeat(100_000), "%3E".repeat(30_000)])
    .collect()
}

/// Public pages with a part of their path taken from the visitor.
const PATHS: &[&str] = &[
    "/offres/{}",
    "/en/offres/{}",
    "/offres/{}/candidater",
    "/en/offres/{}/apply",
    "/vivier/confirmer/{}",
    "/vivier/profil/{}",
    "/alertes/confirmer/{}",
    "/alertes/desabonner/{}",
    "/donnees-personnelles/demande/{}",
    "/ministeres/{}",
    "/ministeres/{}/offres.atom",
    "/ministeres/{}/theme.css",
    "/temoignages/{}",
    "/media/{}",
    "/static/{}/css/dsfr.min.css",
    "/connexion/lien/{}",
    "/{}",
];

/// Public pages with query parameters taken from the visitor.
const QUERIES: &[&str] = &[
    "/offres?q={}",
    "/offres?page={}",
    "/offres?ministere={}",
    "/offres?metier={}",
    "/offres?contrat={}",
    "/offres?categorie={}",
    "/offres?region={}",
    "/offres?teletravail={}",
    "/offres?experience={}",
    "/offres?junior={}&distanciel={}",
    "/offres?q=dev&page={}&{}={}",
    "/alertes?q={}&metier={}",
    "/alertes?region={}&{}={}",
    "/connexion/proconnect/retour?code={}&state={}",
    "/deconnexion/retour?state={}",
];

/// One form: where it is posted and its fields with sensible values.
struct Form {
    path: String,
    fields: Vec<(&'static str, String)>,
}

fn form(path: String, fields: &[(&'static str, &str)]) -> Form {
    Form {
        path,
        fields: fields.iter().map(|(k, v)| (*k, (*v).to_owned())).collect(),
    }
}

fn back_office_forms(offer: i32, story_path: &str, picture: i32, member: i32) -> Vec<Form> {
    let offer_fields = [
        ("intent", "save"),
        ("title", "Offre"),
        ("slug", ""),
        ("structure_id", ""),
        ("contract_types", "contractuel"),
        ("category", "A"),
        ("profession", "developpement"),
        ("experience_min_years", "2"),
        ("remote_policy", "partiel"),
        ("salary_min", "40000"),
        ("salary_max", "50000"),
        ("postal_code", "75007"),
        ("city", "Paris"),
        ("street", "1 rue"),
        ("start_on", "2027-01-01"),
        ("expires_at", "2027-06-01"),
        ("publish_at", ""),
        ("apply_mode", "external"),
        ("apply_url", "https://example.org"),
        ("apply_emails", ""),
        ("contact_name", ""),
        ("contact_email", ""),
        ("video_url", ""),
        ("illustration_media_id", ""),
        ("domains", "Rust"),
        ("mission", "Texte"),
        ("profile", "Texte"),
    ];
    let story_fields = [
        ("intent", "save"),
        ("person_name", "Ada"),
        ("role", "Développeuse"),
        ("excerpt", "Chapô"),
        ("body", "Texte"),
        ("video_url", ""),
        ("photo_media_id", ""),
        ("publish_at", ""),
    ];
    let ministry_fields = [
        ("name", "Ministère"),
        ("acronym", "MIN"),
        ("slug", ""),
        ("website", "https://example.org"),
        ("theme", "dsfr"),
        ("accent_color", "#000091"),
        ("presentation", "Texte"),
        ("values", "Texte"),
        ("sirets", ""),
        ("logo_media_id", ""),
        ("trusted", ""),
    ];
    vec![
        form("/admin/offres/nouvelle".into(), &offer_fields),
        form(format!("/admin/offres/{offer}"), &offer_fields),
        form("/admin/offres?q=x".into(), &[("q", "x")]),
        form("/admin/temoignages/nouveau".into(), &story_fields),
        form(story_path.to_owned(), &story_fields),
        form("/admin/ministere".into(), &ministry_fields),
        form("/admin/ministeres/nouveau".into(), &ministry_fields),
        form(
            "/admin/membres/inviter".into(),
            &[("email", "nouvelle@mer.gouv.fr"), ("role", "editor")],
        ),
        form(
            format!("/admin/membres/{member}/role"),
            &[("role", "manager")],
        ),
        form("/admin/apercu".into(), &[("markdown", "**texte**")]),
        form("/admin/ministere-courant".into(), &[("tenant_id", "1")]),
        form(
            format!("/admin/moderation/offres/{offer}"),
            &[("decision", "approve"), ("version", "1"), ("comment", "")],
        ),
        form(format!("/admin/medias/{picture}"), &[("alt", "Texte")]),
        form(format!("/admin/offres/{offer}/versions/1/restaurer"), &[]),
        form(
            "/connexion/demo".into(),
            &[("email", "a@b.fr"), ("csrf", "x")],
        ),
        form(
            "/connexion/lien".into(),
            &[("email", "a@b.fr"), ("csrf", "x")],
        ),
    ]
}

/// Sends a request and refuses a server error.
async fn expect_no_server_error(request: reqwest::RequestBuilder, what: &str) {
    let response = match request.send().await {
        Ok(response) => response,
        Err(error) => panic!("{what}: {}", error.without_url()),
    };
    let status = response.status();
    assert!(!status.is_server_error(), "{what}: {status}");
}

async fn odd_values_never_make_a_server_error(backend: Backend) {
    let app = TestApp::start_with(
        backend,
        Options {
            demo: true,
            login_links: true,
            login_attempts_per_minute: Some(100_000),
            ..Options::default()
        },
    )
    .await;
    let tenant = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    let offer = fixtures::offer(&app, &tenant, fixtures::published(&tenant, "Offre")).await;
    let admin: SignedIn = app
        .signed_in(
            "admin@numerique.gouv.fr",
            true,
            &[(tenant.id, Role::Manager)],
        )
        .await;
    let member = app
        .signed_in("membre@mer.gouv.fr", false, &[(tenant.id, Role::Editor)])
        .await;
    let picture = upload(&app, &admin, "Image", fixtures::png(40, 30)).await;
    let story = app
        .post_as(
            &admin,
            "/admin/temoignages/nouveau",
            &[
                ("intent", "save"),
                ("person_name", "Ada"),
                ("role", "Développeuse"),
                ("excerpt", "Chapô"),
                ("body", "Texte"),
            ],
        )
        .await;
    let story_path = story.headers()["location"]
        .to_str()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let values = odd_values();
    let mut sent = 0;
    // An address holds at most 64 kB: the long values are cut for URLs.
    let in_urls: Vec<&str> = values.iter().map(|v| &v[..v.len().min(12_000)]).collect();
    for value in in_urls {
        for path in PATHS {
            let url = app.url(&path.replace("{}", value));
            expect_no_server_error(app.client.get(url), &format!("GET {path}")).await;
            sent += 1;
        }
        for query in QUERIES {
            let url = app.url(&query.replace("{}", value));
            expect_no_server_error(app.client.get(url), &format!("GET {query}")).await;
            let moderation = app
                .client
                .get(app.url(&format!("/admin/moderation?ministere={value}")))
                .header("cookie", &admin.cookie);
            expect_no_server_error(moderation, "GET /admin/moderation").await;
            sent += 2;
        }
    }
    for form in back_office_forms(offer.id, &story_path, picture.id, member.user.id) {
        for (field, _) in &form.fields {
            for value in &values {
                let mut body: Vec<String> = form
                    .fields
                    .iter()
                    .map(|(name, sensible)| {
                        let value = if name == field {
                            value.clone()
                        } else {
                            urlencode(sensible)
                        };
                        format!("{name}={value}")
                    })
                    .collect();
                body.push(format!("csrf={}", admin.csrf));
                let request = app
                    .client
                    .post(app.url(&form.path))
                    .header("cookie", &admin.cookie)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(body.join("&"));
                let what = format!("POST {} with {field}={:.40}", form.path, value);
                expect_no_server_error(request, &what).await;
                sent += 1;
            }
        }
    }
    // Bodies that are not forms at all.
    for body in [&b"%%%=%%%"[..], b"\xff\xfe=\xff", b"a=1&a=2&&&=", b"\0\0\0"] {
        for path in ["/admin/offres/nouvelle", "/admin/apercu", "/deconnexion"] {
            let request = app
                .client
                .post(app.url(path))
                .header("cookie", &admin.cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body.to_vec());
            expect_no_server_error(request, &format!("POST {path} with raw bytes")).await;
            sent += 1;
        }
    }
    assert!(sent > 1_000, "{sent} requests");
    assert!(
        media::Entity::find_by_id(picture.id)
            .one(&app.state.db)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        offers::Entity::find_by_id(offer.id)
            .one(&app.state.db)
            .await
            .unwrap()
            .is_some()
    );
}

fn urlencode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}
