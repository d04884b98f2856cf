//! What an attacker found, each kept out by a test that failed before its fix (issue 11), on
//! SQLite and on PostgreSQL: `HEAD` requests, Markdown bombs, request bodies, the page cache's
//! memory, concurrent writers, media clean-up and decoding limits, addresses and emails in the
//! domain, versions whose image was deleted, numbers and NUL bytes, what never was public, the
//! publication day, archived ministries, feeds, slugs taken at the same moment, links in
//! emails, and the login forms' CSRF cookie.

use std::time::{Duration, Instant};

use crate::support::{
    Backend, Options, SignedIn, TestApp, attributes, fixtures, send_file, upload,
};
use chrono::Utc;
use metiers::{
    accounts::Role,
    codes::Status,
    entities::{media, offers, outbox, tenants},
};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, PaginatorTrait, Set};

on_both_backends!(
    head_requests_never_blank_a_page,
    markdown_bombs_are_refused_and_never_freeze,
    bodies_are_limited_before_they_are_read,
    the_page_cache_keys_what_pages_read_and_is_bounded,
    concurrent_writers_take_turns,
    media_clean_up_removes_only_its_own_objects,
    huge_pictures_are_refused_before_decoding,
    addresses_and_emails_are_checked,
    a_deleted_image_does_not_break_older_versions,
    numbers_and_nul_bytes_are_refused_at_the_edge,
    only_what_was_public_says_it_is_gone,
    an_archived_ministry_leaves_the_portal,
    feeds_stay_valid_xml,
    a_double_click_creates_two_offers,
    emails_link_only_to_the_site,
    login_forms_take_only_tokens_the_portal_signed,
    behind_a_trusted_proxy_each_client_has_its_own_limit,
);

const ADMIN: &str = "admin@numerique.gouv.fr";
const EDITOR: &str = "editrice@mer.gouv.fr";

/// A ministry that is not trusted, with an editor signed in.
async fn ministry_with_editor(app: &TestApp) -> (tenants::Model, SignedIn) {
    let tenant = fixtures::ministry(app, "mer", "Ministère de la Mer", "dsfr").await;
    let editor = app
        .signed_in(EDITOR, false, &[(tenant.id, Role::Editor)])
        .await;
    (tenant, editor)
}

/// A complete offer form with `changes` over it.
fn offer_form<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("intent", "save"),
        ("title", "Développeur·se Rust"),
        ("contract_types", "contractuel"),
        ("profession", "developpement"),
        ("remote_policy", "partiel"),
        ("apply_mode", "external"),
        ("apply_url", "https://example.org/postuler"),
        ("postal_code", "75007"),
        ("city", "Paris"),
        ("mission", "Construire des services publics."),
    ];
    for (name, value) in changes {
        form.retain(|(field, _)| field != name);
        form.push((name, value));
    }
    form
}

/// Posts `form` to `path` as `who`, which must be refused (400); the page shown again and the
/// fields it shows an error next to.
async fn refused_form(
    app: &TestApp,
    who: &SignedIn,
    path: &str,
    form: &[(&str, &str)],
) -> (String, Vec<String>) {
    let response = app.post_as(who, path, form).await;
    assert_eq!(response.status(), 400, "POST {path}");
    let body = response.text().await.unwrap();
    let fields = field_errors(&body);
    (body, fields)
}

/// Sends `requests` at once; their statuses.
async fn all_at_once(
    requests: impl Iterator<Item = impl std::future::Future<Output = reqwest::Response>>,
) -> Vec<u16> {
    let responses = futures_util::future::join_all(requests).await;
    responses.iter().map(|r| r.status().as_u16()).collect()
}

/// The first offer stored.
async fn first_offer(app: &TestApp) -> offers::Model {
    let offer = offers::Entity::find().one(&app.state.db).await.unwrap();
    offer.expect("an offer")
}

/// The fields a refused form shows an error next to.
fn field_errors(body: &str) -> Vec<String> {
    attributes(body, "p.fr-error-text[id^=field-]", "id")
        .into_iter()
        .map(|id| id["field-".len()..id.len() - "-error".len()].to_owned())
        .collect()
}

/// An app whose page cache keeps pages a minute, with a ministry `mer` and one live offer.
async fn cached_app_with_an_offer(backend: Backend) -> TestApp {
    let options = Options {
        page_cache_seconds: 60,
        ..Options::default()
    };
    let app = TestApp::start_with(backend, options).await;
    let tenant = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    fixtures::offer(
        &app,
        &tenant,
        fixtures::published(&tenant, "Développeuse Rust"),
    )
    .await;
    app
}

async fn head_requests_never_blank_a_page(backend: Backend) {
    let app = cached_app_with_an_offer(backend).await;
    for path in [
        "/",
        "/offres",
        "/offres.atom",
        "/sitemap.xml",
        "/robots.txt",
        "/ministeres/mer",
        "/ministeres/mer/theme.css",
        "/en/offres",
    ] {
        let head = app.client.head(app.url(path)).send().await.unwrap();
        assert_eq!(head.status(), 200, "HEAD {path}");
        let head_type = head.headers()["content-type"].clone();
        let head_etag = head.headers().get("etag").cloned();
        assert!(
            head.bytes().await.unwrap().is_empty(),
            "HEAD {path} has no body"
        );
        let get = app.get(path).await;
        assert_eq!(get.headers()["content-type"], head_type, "GET {path}");
        assert_eq!(get.headers().get("etag").cloned(), head_etag, "GET {path}");
        let body = get.bytes().await.unwrap();
        assert!(
            body.len() > 20,
            "GET {path} after HEAD: {} bytes",
            body.len()
        );
    }
}

async fn markdown_bombs_are_refused_and_never_freeze(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (tenant, editor) = ministry_with_editor(&app).await;
    let quotes = ">".repeat(99_000) + "a";
    let lists = "* ".repeat(5_000) + "a";
    let started = Instant::now();
    for (bomb, error) in [(&quotes, "too_long"), (&lists, "too_deep")] {
        let form = offer_form(&[("mission", bomb)]);
        let (body, fields) = refused_form(&app, &editor, "/admin/offres/nouvelle", &form).await;
        assert_eq!(fields, ["mission"], "{error}");
        let message = match error {
            "too_long" => "Ce texte dépasse la longueur acceptée",
            _ => "Ce texte imbrique trop de listes ou de citations",
        };
        assert!(body.contains(message), "{error}");
        let preview = app
            .post_as(&editor, "/admin/apercu", &[("markdown", bomb)])
            .await;
        assert_eq!(preview.status(), 200);
        assert!(preview.text().await.unwrap().starts_with("<p>"));
    }
    assert_eq!(
        offers::Entity::find().count(&app.state.db).await.unwrap(),
        0
    );
    // A bomb stored before these limits shows as text, at once.
    let mut stored = tenant.into_active_model();
    stored.presentation = Set(quotes.clone());
    stored.update(&app.state.db).await.unwrap();
    let (status, _) = app.page("/ministeres/mer").await;
    assert_eq!(status, 200);
    let (status, _) = app.page("/ministeres?x=1").await;
    assert_eq!(status, 200);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "bombs took {:?}",
        started.elapsed()
    );
}

async fn bodies_are_limited_before_they_are_read(backend: Backend) {
    let app = TestApp::start_with(
        backend,
        Options {
            upload_max_bytes: Some(100_000),
            ..Options::default()
        },
    )
    .await;
    let (_, editor) = ministry_with_editor(&app).await;
    // Declared too large: refused before a byte is read, with the themed page.
    let huge = vec![b'a'; 3 * 1024 * 1024];
    let refused = app
        .client
        .post(app.url("/deconnexion"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(huge.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 413);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("Envoi trop volumineux")
    );
    // Sent without a length: refused once past the limit.
    let chunks = huge
        .chunks(64 * 1024)
        .map(|chunk| Ok::<_, std::io::Error>(chunk.to_vec()))
        .collect::<Vec<_>>();
    let streamed = app
        .client
        .post(app.url("/connexion/lien/x"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(reqwest::Body::wrap_stream(futures_util::stream::iter(
            chunks,
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(streamed.status(), 413);
    // An upload over its limit, and a text field of a multipart form over its own.
    let big_file = ("photo.png", "image/png", vec![0u8; 600_000]);
    let response = send_file(
        &app,
        &editor,
        "/admin/medias",
        &[("alt", "Photo")],
        big_file,
    )
    .await;
    assert_eq!(response.status(), 413);
    let long_alt = "a".repeat(100_000);
    let picture = ("photo.png", "image/png", fixtures::png(20, 20));
    let response = send_file(
        &app,
        &editor,
        "/admin/medias",
        &[("alt", &long_alt)],
        picture,
    )
    .await;
    assert_eq!(response.status(), 400);
    assert_eq!(field_errors(&response.text().await.unwrap()), ["alt"]);
    assert_eq!(media::Entity::find().count(&app.state.db).await.unwrap(), 0);
}

async fn the_page_cache_keys_what_pages_read_and_is_bounded(backend: Backend) {
    let app = cached_app_with_an_offer(backend).await;
    let (_, first) = app.page("/offres?q=rust").await;
    let one_page = app.state.page_cache.bytes();
    assert!(one_page > 0);
    let noise = "z".repeat(50_000);
    for n in 0..40 {
        let (status, body) = app.page(&format!("/offres?q=rust&x{n}={noise}")).await;
        assert_eq!(status, 200);
        assert!(!body.contains("zzzz"), "unknown parameters are not echoed");
    }
    assert_eq!(
        app.state.page_cache.bytes(),
        one_page,
        "unknown parameters make no new entry"
    );
    let canonical = attributes(&first, "link[rel=canonical]", "href");
    assert_eq!(canonical, [app.url("/offres?q=rust")]);
    let (_, body) = app.page("/offres?x=1&q=rust").await;
    assert_eq!(attributes(&body, "link[rel=canonical]", "href"), canonical);
}

async fn concurrent_writers_take_turns(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (tenant, editor) = ministry_with_editor(&app).await;
    let other = app
        .signed_in("autre@mer.gouv.fr", false, &[(tenant.id, Role::Editor)])
        .await;
    let titles: Vec<String> = (0..16).map(|n| format!("Offre concurrente {n}")).collect();
    let saves = titles.iter().enumerate().map(|(n, title)| {
        let who = if n % 2 == 0 { &editor } else { &other };
        let form = offer_form(&[("title", title)]);
        let app = &app;
        async move {
            app.post_as(who, "/admin/offres/nouvelle", &form)
                .await
                .status()
        }
    });
    let statuses = futures_util::future::join_all(saves).await;
    assert!(statuses.iter().all(|s| *s == 303), "{statuses:?}");
    assert_eq!(
        offers::Entity::find().count(&app.state.db).await.unwrap(),
        16
    );
}

/// Every object of image `row` in the storage.
async fn objects_of(app: &TestApp, row: &media::Model) -> usize {
    let keys = app.state.storage.keys("").await.unwrap();
    keys.iter().filter(|key| key.starts_with(&row.key)).count()
}

async fn media_clean_up_removes_only_its_own_objects(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, editor) = ministry_with_editor(&app).await;
    let first = upload(&app, &editor, "Première", fixtures::png(500, 300)).await;
    let second = upload(&app, &editor, "Seconde", fixtures::png(300, 500)).await;
    let (first_objects, second_objects) = (
        objects_of(&app, &first).await,
        objects_of(&app, &second).await,
    );
    assert!(first_objects > 0 && second_objects > 0);
    // Replacing the first with the second's exact bytes: refused, nothing removed.
    let same = ("photo.png", "image/png", fixtures::png(300, 500));
    let path = format!("/admin/medias/{}/remplacer", first.id);
    let refused = send_file(&app, &editor, &path, &[], same).await;
    assert_eq!(refused.status(), 400);
    let body = refused.text().await.unwrap();
    assert!(body.contains("déjà dans la médiathèque"), "{body}");
    assert_eq!(objects_of(&app, &first).await, first_objects);
    assert_eq!(objects_of(&app, &second).await, second_objects);
    // Its own bytes again: kept as it is.
    let own = ("photo.png", "image/png", fixtures::png(500, 300));
    let response = send_file(&app, &editor, &path, &[("alt", "Autre texte")], own).await;
    assert_eq!(response.status(), 303);
    assert_eq!(objects_of(&app, &first).await, first_objects);
    // The same new picture twice at once: one image, whole.
    let uploads = (0..4).map(|_| {
        let file = ("photo.png", "image/png", fixtures::png(640, 480));
        send_file(&app, &editor, "/admin/medias", &[("alt", "Doublon")], file)
    });
    let statuses = all_at_once(uploads).await;
    assert!(statuses.iter().all(|s| *s == 303), "{statuses:?}");
    let rows = media::Entity::find().all(&app.state.db).await.unwrap();
    assert_eq!(rows.len(), 3);
    let twice = rows.iter().find(|row| row.alt == "Doublon").unwrap();
    assert_eq!(
        objects_of(&app, twice).await,
        4,
        "400 and 640 pixels, in two formats"
    );
    let found = app.media_check().await;
    assert_eq!(found, metiers::media::Mismatches::default());
}

/// A valid 16-bit grey PNG of `side` × `side` pixels, all black, written a row at a time.
fn huge_grey_png(side: u32) -> Vec<u8> {
    use std::io::Write;
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::new();
    header.extend_from_slice(&side.to_be_bytes());
    header.extend_from_slice(&side.to_be_bytes());
    header.extend_from_slice(&[16, 0, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &header);
    let mut deflate = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    let row = vec![0u8; 1 + 2 * side as usize];
    for _ in 0..side {
        deflate.write_all(&row).unwrap();
    }
    chunk(&mut png, b"IDAT", &deflate.finish().unwrap());
    chunk(&mut png, b"IEND", &[]);
    png
}

async fn huge_pictures_are_refused_before_decoding(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, editor) = ministry_with_editor(&app).await;
    let picture = huge_grey_png(9_000);
    assert!(picture.len() < 1_000_000, "{} bytes", picture.len());
    let started = Instant::now();
    let file = ("grand.png", "image/png", picture);
    let response = send_file(&app, &editor, "/admin/medias", &[("alt", "Grand")], file).await;
    assert_eq!(response.status(), 400);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Cette image a trop de pixels")
    );
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

async fn addresses_and_emails_are_checked(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, editor) = ministry_with_editor(&app).await;
    let cases = [
        ("video_url", "javascript:alert(1)", "video_url"),
        ("video_url", "data:text/html,<script>", "video_url"),
        ("apply_url", "javascript:alert(1)", "apply_url"),
        ("contact_email", "pas-une-adresse", "contact_email"),
    ];
    for (field, value, error) in cases {
        let form = offer_form(&[(field, value)]);
        let (_, fields) = refused_form(&app, &editor, "/admin/offres/nouvelle", &form).await;
        assert_eq!(fields, [error], "{field}={value}");
    }
    let emails = offer_form(&[
        ("apply_mode", "email"),
        ("apply_emails", "rh@mer.gouv.fr\nnon"),
    ]);
    let (_, fields) = refused_form(&app, &editor, "/admin/offres/nouvelle", &emails).await;
    assert_eq!(fields, ["apply_emails"]);
    let story = [
        ("intent", "save"),
        ("person_name", "Ada"),
        ("role", "Développeuse"),
        ("excerpt", "Chapô"),
        ("body", "Texte"),
        ("video_url", "javascript:alert(1)"),
    ];
    let (_, fields) = refused_form(&app, &editor, "/admin/temoignages/nouveau", &story).await;
    assert_eq!(fields, ["video_url"]);
    assert_eq!(
        offers::Entity::find().count(&app.state.db).await.unwrap(),
        0
    );
}

async fn a_deleted_image_does_not_break_older_versions(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, editor) = ministry_with_editor(&app).await;
    let picture = upload(&app, &editor, "Illustration", fixtures::png(500, 300)).await;
    let id = picture.id.to_string();
    let with_picture = offer_form(&[("illustration_media_id", &id)]);
    let created = app
        .post_as(&editor, "/admin/offres/nouvelle", &with_picture)
        .await;
    assert_eq!(created.status(), 303);
    let offer = first_offer(&app).await;
    let path = format!("/admin/offres/{}", offer.id);
    let saved = app.post_as(&editor, &path, &offer_form(&[])).await;
    assert_eq!(saved.status(), 303);
    let deleted = app
        .post_as(
            &editor,
            &format!("/admin/medias/{}/supprimer", picture.id),
            &[],
        )
        .await;
    assert_eq!(deleted.status(), 303, "unused now");
    let restored = app
        .post_as(&editor, &format!("{path}/versions/1/restaurer"), &[])
        .await;
    assert_eq!(restored.status(), 303);
    let location = restored.headers()["location"].to_str().unwrap().to_owned();
    let page = app.get_with_cookie(&location, &editor.cookie).await;
    let page = page.text().await.unwrap();
    assert!(
        page.contains("rétablie sans son image"),
        "the editor is told"
    );
    let offer = offers::Entity::find_by_id(offer.id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(offer.illustration_media_id, None);
    assert_eq!(offer.mission, "Construire des services publics.");
}

async fn numbers_and_nul_bytes_are_refused_at_the_edge(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, editor) = ministry_with_editor(&app).await;
    for (path, status) in [
        ("/offres?page=922337203685477581", 400),
        ("/offres?page=-1", 400),
        ("/offres?page=abc", 400),
        ("/offres?page=3", 200),
        ("/offres/a%00b", 404),
        ("/ministeres/a%00b", 404),
        ("/temoignages/a%00b", 404),
        ("/media/a%00b", 404),
        ("/offres?q=a%00b", 400),
    ] {
        let (got, _) = app.page(path).await;
        assert_eq!(got, status, "{path}");
    }
    let form = offer_form(&[
        ("title", "Déve\u{0}loppeur\u{FFFF}"),
        ("city", "Pa\u{0}ris"),
    ]);
    let created = app.post_as(&editor, "/admin/offres/nouvelle", &form).await;
    assert_eq!(created.status(), 303);
    let offer = first_offer(&app).await;
    assert_eq!(
        (offer.title.as_str(), offer.city.as_str()),
        ("Développeur", "Paris")
    );
}

async fn only_what_was_public_says_it_is_gone(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tenant = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    let now = Utc::now();
    let never = |title: &str, status: Status| metiers::offers::NewOffer {
        status: Some(status),
        published_at: None,
        ..fixtures::published(&tenant, title)
    };
    for (title, status) in [
        ("Brouillon archivé", Status::Archived),
        ("En relecture", Status::PendingReview),
        ("Refusée", Status::Rejected),
        ("Expirée sans avoir paru", Status::Expired),
    ] {
        let offer = fixtures::offer(&app, &tenant, never(title, status)).await;
        let (got, body) = app.page(&format!("/offres/{}", offer.slug)).await;
        assert_eq!(got, 404, "{title}");
        assert!(!body.contains(title));
    }
    let archived = metiers::offers::NewOffer {
        status: Some(Status::Archived),
        ..fixtures::published(&tenant, "Archivée après parution")
    };
    let archived = fixtures::offer(&app, &tenant, archived).await;
    let (got, _) = app.page(&format!("/offres/{}", archived.slug)).await;
    assert_eq!(got, 410);
    // Approved for a later day, then marked filled: still not public.
    let scheduled = metiers::offers::NewOffer {
        published_at: Some(now + chrono::Duration::days(5)),
        ..fixtures::published(&tenant, "Pour plus tard")
    };
    let scheduled = fixtures::offer(&app, &tenant, scheduled).await;
    let editor = app
        .signed_in(EDITOR, false, &[(tenant.id, Role::Editor)])
        .await;
    let filled = app
        .post_as(
            &editor,
            &format!("/admin/offres/{}/pourvue", scheduled.id),
            &[],
        )
        .await;
    assert!(filled.status().is_redirection() || filled.status() == 400);
    let (got, _) = app.page(&format!("/offres/{}", scheduled.slug)).await;
    assert_eq!(got, 404);
}

async fn an_archived_ministry_leaves_the_portal(backend: Backend) {
    let app = TestApp::start(backend).await;
    let kept = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    let gone = fixtures::ministry(&app, "terre", "Ministère de la Terre", "dsfr").await;
    fixtures::offer(&app, &kept, fixtures::published(&kept, "Offre de la mer")).await;
    let orphan =
        fixtures::offer(&app, &gone, fixtures::published(&gone, "Offre de la terre")).await;
    let mut archived = gone.into_active_model();
    archived.archived_at = Set(Some(Utc::now()));
    archived.update(&app.state.db).await.unwrap();
    for path in [
        "/",
        "/offres",
        "/offres.atom",
        "/sitemap.xml",
        "/offres?ministere=terre",
    ] {
        let (status, body) = app.page(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(
            !body.contains(&orphan.slug),
            "{path} lists an archived ministry's offer"
        );
    }
    let (_, listing) = app.page("/offres").await;
    assert!(listing.contains("1 offre"), "the count leaves it too");
}

async fn feeds_stay_valid_xml(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tenant = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    let offer = fixtures::offer(&app, &tenant, fixtures::published(&tenant, "Offre")).await;
    // Stored before input was cleaned.
    let mut stored = offer.into_active_model();
    stored.title = Set("Offre \u{FFFF}\u{FFFE}\u{1} spéciale".to_owned());
    stored.update(&app.state.db).await.unwrap();
    for path in ["/offres.atom", "/ministeres/mer/offres.atom"] {
        let (status, body) = app.page(path).await;
        assert_eq!(status, 200);
        assert!(body.contains("Offre  spéciale"), "{path}");
        assert!(
            !body
                .chars()
                .any(|c| matches!(c, '\u{FFFF}' | '\u{FFFE}' | '\u{1}')),
            "{path} holds characters XML forbids"
        );
    }
}

async fn a_double_click_creates_two_offers(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, editor) = ministry_with_editor(&app).await;
    let form = offer_form(&[("title", "Cheffe de projet")]);
    let clicks = (0..6).map(|_| app.post_as(&editor, "/admin/offres/nouvelle", &form));
    let statuses = all_at_once(clicks).await;
    assert!(statuses.iter().all(|s| *s == 303), "{statuses:?}");
    let mut slugs: Vec<String> = offers::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|offer| offer.slug)
        .collect();
    slugs.sort();
    assert_eq!(slugs.len(), 6);
    assert_eq!(slugs[0], "cheffe-de-projet");
    assert!(slugs.contains(&"cheffe-de-projet-2".to_owned()));
    // Duplicating twice at once: two copies, each with its own slug.
    let original = first_offer(&app).await;
    let path = format!("/admin/offres/{}/dupliquer", original.id);
    let clicks = (0..3).map(|_| app.post_as(&editor, &path, &[]));
    let statuses = all_at_once(clicks).await;
    assert!(statuses.iter().all(|s| *s == 303), "{statuses:?}");
    assert_eq!(
        offers::Entity::find().count(&app.state.db).await.unwrap(),
        9
    );
    // A slug the editor typed that is taken is refused on the form.
    let typed = offer_form(&[("slug", "cheffe-de-projet")]);
    let (_, fields) = refused_form(&app, &editor, "/admin/offres/nouvelle", &typed).await;
    assert_eq!(fields, ["slug"]);
}

async fn emails_link_only_to_the_site(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, editor) = ministry_with_editor(&app).await;
    app.signed_in(ADMIN, true, &[]).await;
    let form = offer_form(&[("title", "Urgent https://evil.example/connexion")]);
    let created = app.post_as(&editor, "/admin/offres/nouvelle", &form).await;
    assert_eq!(created.status(), 303);
    let offer = first_offer(&app).await;
    let submitted = app
        .post_as(
            &editor,
            &format!("/admin/offres/{}/soumettre", offer.id),
            &[],
        )
        .await;
    assert_eq!(submitted.status(), 303);
    let digests = outbox::Entity::find().all(&app.state.db).await.unwrap();
    let digest = digests
        .iter()
        .find(|mail| mail.kind == "review_digest")
        .expect("a digest to the admins");
    for part in [&digest.html_body, &digest.text_body] {
        assert!(part.contains("Urgent https:"), "the title is shown");
        assert!(
            !part.contains("https://evil"),
            "but its address is no link: {part}"
        );
    }
    let links = attributes(&digest.html_body, "a", "href");
    assert!(!links.is_empty());
    assert!(
        links.iter().all(|link| link.starts_with(&app.url("/"))),
        "{links:?}"
    );
}

async fn login_forms_take_only_tokens_the_portal_signed(backend: Backend) {
    let app = TestApp::start_with(
        backend,
        Options {
            demo: true,
            ..Options::default()
        },
    )
    .await;
    let demo_admin = "admin@demo.metiers.numerique.gouv.fr";
    app.signed_in(demo_admin, true, &[]).await;
    let planted = app
        .client
        .post(app.url("/connexion/demo"))
        .header("cookie", "metiers_login_csrf=abc")
        .form(&[("email", demo_admin), ("csrf", "abc")])
        .send()
        .await
        .unwrap();
    assert_eq!(planted.status(), 403, "an equal pair someone planted");
    let response = app.get("/connexion").await;
    let cookie = crate::support::set_cookie(&response, "metiers_login_csrf").unwrap();
    let value = crate::support::cookie_pair(&cookie);
    let (token, signature) = value
        .trim_start_matches("metiers_login_csrf=")
        .split_once('.')
        .expect("a signed token");
    assert_eq!(signature.len(), 64);
    let forged = app
        .client
        .post(app.url("/connexion/demo"))
        .header(
            "cookie",
            format!("metiers_login_csrf={token}.{}", "0".repeat(64)),
        )
        .form(&[("email", demo_admin), ("csrf", token)])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403, "a token with a signature of its own");
}

/// Three login-link requests from `client` (as `X-Forwarded-For` says): the statuses.
async fn three_attempts_from(app: &TestApp, client: &str) -> Vec<u16> {
    let mut statuses = Vec::new();
    for _ in 0..3 {
        let response = app
            .client
            .post(app.url("/connexion/lien"))
            .header("x-forwarded-for", client)
            .form(&[("email", "a@mer.gouv.fr"), ("csrf", "x")])
            .send()
            .await
            .unwrap();
        statuses.push(response.status().as_u16());
    }
    statuses
}

async fn behind_a_trusted_proxy_each_client_has_its_own_limit(backend: Backend) {
    let options = |trusted_proxies| Options {
        login_links: true,
        login_attempts_per_minute: Some(2),
        trusted_proxies: Some(trusted_proxies),
        ..Options::default()
    };
    let behind_proxy = TestApp::start_with(backend, options("127.0.0.1")).await;
    assert_eq!(
        three_attempts_from(&behind_proxy, "203.0.113.1").await,
        [403, 403, 429]
    );
    assert_eq!(
        three_attempts_from(&behind_proxy, "203.0.113.2").await,
        [403, 403, 429]
    );
    // From a peer that is not a trusted proxy, the header is anyone's to write: ignored.
    let direct = TestApp::start_with(backend, options("10.0.0.0/8")).await;
    assert_eq!(
        three_attempts_from(&direct, "203.0.113.1").await,
        [403, 403, 429]
    );
    assert_eq!(
        three_attempts_from(&direct, "203.0.113.2").await,
        [429, 429, 429]
    );
}
