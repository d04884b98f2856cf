//! Media over HTTP, on files and on a real S3 server (`crate::support::s3`), on SQLite and PostgreSQL:
//! an editor uploads a photo for a story and a manager a logo for the ministry; the portal
//! shows them responsive (WebP and fallback at every width, with their size), served with
//! long cache headers; the photo is replaced everywhere at once; an unused image is deleted
//! with its objects; `media check` finds and removes orphans. Malicious or broken files are
//! refused with a clear message and leave nothing behind, and a storage that is down loses
//! nothing.

use crate::support::{
    Backend, Options, SignedIn, TestApp, attributes, fixtures, send_file, texts, upload,
};
use metiers::{accounts::Role, entities::media};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, PaginatorTrait, Set};

mod files {
    use super::*;
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite_illustrates_a_story_and_the_ministry() {
        illustrates_a_story_and_the_ministry(Backend::Sqlite, false).await
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres_illustrates_a_story_and_the_ministry() {
        illustrates_a_story_and_the_ministry(Backend::Postgres, false).await
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite_refuses_malicious_files() {
        refuses_malicious_files(Backend::Sqlite, false).await
    }
}

mod s3 {
    use super::*;
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite_illustrates_a_story_and_the_ministry() {
        illustrates_a_story_and_the_ministry(Backend::Sqlite, true).await
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres_illustrates_a_story_and_the_ministry() {
        illustrates_a_story_and_the_ministry(Backend::Postgres, true).await
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres_refuses_malicious_files() {
        refuses_malicious_files(Backend::Postgres, true).await
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres_a_down_storage_loses_nothing() {
        a_down_storage_loses_nothing(Backend::Postgres).await
    }
}

async fn page(app: &TestApp, who: Option<&SignedIn>, path: &str) -> String {
    let response = match who {
        Some(who) => app.get_with_cookie(path, &who.cookie).await,
        None => app.get(path).await,
    };
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

/// Every object in the media storage.
async fn objects(app: &TestApp) -> Vec<String> {
    app.state.storage.keys("").await.unwrap()
}

/// A JPEG carrying EXIF data with a GPS position, as phones write them.
fn jpeg_with_position(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut encoded = Vec::new();
    picture
        .write_to(
            &mut std::io::Cursor::new(&mut encoded),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    // An APP1 segment right after the start marker: "Exif", then a little-endian TIFF header
    // with no entry, then the text a GPS block would hold.
    let mut exif = b"Exif\0\0II*\0\x08\0\0\0\0\0".to_vec();
    exif.extend_from_slice(b"GPSLatitude 48.8566 N GPSLongitude 2.3522 E");
    let length = u16::try_from(exif.len() + 2).unwrap().to_be_bytes();
    let mut bytes = encoded[..2].to_vec();
    bytes.extend_from_slice(&[0xFF, 0xE1, length[0], length[1]]);
    bytes.extend_from_slice(&exif);
    bytes.extend_from_slice(&encoded[2..]);
    bytes
}

/// A `size`-pixel square PNG with transparency around a disc, as a logo.
fn transparent_logo(size: u32) -> Vec<u8> {
    let picture = image::RgbaImage::from_fn(size, size, |x, y| {
        let (dx, dy) = (x as i64 - size as i64 / 2, y as i64 - size as i64 / 2);
        if dx * dx + dy * dy < (size as i64 / 3).pow(2) {
            image::Rgba([0, 0, 145, 255])
        } else {
            image::Rgba([0, 0, 0, 0])
        }
    });
    let mut bytes = Vec::new();
    picture
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    bytes
}

async fn illustrates_a_story_and_the_ministry(backend: Backend, s3: bool) {
    let options = Options {
        s3,
        ..Options::default()
    };
    let app = TestApp::start_with(backend, options).await;
    let tenant = fixtures::ministry(&app, "culture", "Ministère de la Culture", "dsfr").await;
    // Trusted: its changes go live at once, and this test is about pictures.
    let mut trusted = tenant.clone().into_active_model();
    trusted.trusted = Set(true);
    trusted.update(&app.state.db).await.unwrap();
    let story = metiers::stories::create(
        &app.state.db,
        &metiers::accounts::AdminScope::system().ministry(tenant.key()),
        metiers::stories::NewStory {
            slug: "camille".into(),
            person_name: "Camille".into(),
            role: "Développeuse".into(),
            excerpt: "Je code pour le patrimoine.".into(),
            body: "Mon métier.".into(),
            status: Some(metiers::codes::Status::Published),
            published_at: Some(chrono::Utc::now()),
            ..Default::default()
        },
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let editor = app
        .signed_in(
            "redaction@culture.gouv.fr",
            false,
            &[(tenant.id, Role::Editor)],
        )
        .await;
    let manager = app
        .signed_in(
            "responsable@culture.gouv.fr",
            false,
            &[(tenant.id, Role::Manager)],
        )
        .await;

    // The editor uploads a phone photo: kept at the theme's widths, without its metadata.
    let photo = upload(
        &app,
        &editor,
        "Camille à son bureau",
        jpeg_with_position(1200, 900),
    )
    .await;
    assert_eq!((photo.width, photo.height), (Some(1200), Some(900)));
    assert_eq!(photo.mime, "image/jpeg");
    let stored = objects(&app).await;
    assert_eq!(stored.len(), 6, "3 widths, WebP and JPEG: {stored:?}");
    assert!(
        stored
            .iter()
            .all(|key| key.starts_with(&format!("tenant-{}/", tenant.id))),
        "{stored:?}"
    );
    for key in &stored {
        let bytes = app.state.storage.get(key).await.unwrap().unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("GPS") && !text.contains("Exif"),
            "{key} keeps no metadata"
        );
    }

    // It becomes the story's photo; the manager makes a transparent logo the ministry's.
    let story_form = [
        ("intent", "save"),
        ("person_name", "Camille"),
        ("role", "Développeuse"),
        ("excerpt", "Je code pour le patrimoine."),
        ("body", "Mon métier."),
        ("photo_media_id", &photo.id.to_string()),
    ];
    let saved = app
        .post_as(
            &editor,
            &format!("/admin/temoignages/{}", story.id),
            &story_form,
        )
        .await;
    assert_eq!(saved.status(), 303);
    let logo = upload(
        &app,
        &manager,
        "Logo du ministère de la Culture",
        transparent_logo(300),
    )
    .await;
    assert_eq!(logo.mime, "image/png", "transparency keeps a PNG fallback");
    let settings = [
        ("intent", "save"),
        ("name", "Ministère de la Culture"),
        ("acronym", "MC"),
        ("theme", "dsfr"),
        ("accent_color", "#000091"),
        ("logo_media_id", &logo.id.to_string()),
    ];
    let saved = app.post_as(&manager, "/admin/ministere", &settings).await;
    assert_eq!(saved.status(), 303);

    // The portal shows them responsive, with their size and text alternative.
    let story_page = page(&app, None, "/temoignages/camille").await;
    let sources = attributes(&story_page, "picture source[type=\"image/webp\"]", "srcset");
    let webp = format!("/media/{}-", photo.key);
    assert_eq!(
        sources,
        [format!(
            "{webp}400.webp 400w, {webp}800.webp 800w, {webp}1200.webp 1200w"
        )]
    );
    let alts = attributes(&story_page, "picture img", "alt");
    assert_eq!(alts, ["Camille à son bureau"]);
    assert_eq!(attributes(&story_page, "picture img", "width"), ["1200"]);
    assert_eq!(attributes(&story_page, "picture img", "height"), ["900"]);
    let src = attributes(&story_page, "picture img", "src").remove(0);
    let served = app.get(&src).await;
    assert_eq!(served.status(), 200);
    assert_eq!(served.headers()["content-type"], "image/jpeg");
    assert_eq!(
        served.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(served.headers()["x-content-type-options"], "nosniff");
    let smallest = app.get(&format!("{webp}400.webp")).await;
    assert_eq!(smallest.headers()["content-type"], "image/webp");
    let decoded = image::load_from_memory(&smallest.bytes().await.unwrap()).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (400, 300));
    assert_eq!(
        app.get("/media/tenant-1/unknown-400.webp").await.status(),
        404
    );
    let ministry_page = page(&app, None, "/ministeres/culture").await;
    let logo_sources = attributes(
        &ministry_page,
        "picture source[type=\"image/png\"]",
        "srcset",
    );
    let logo_srcset = format!("/media/{}-300.png 300w", logo.key);
    assert_eq!(
        logo_sources,
        [logo_srcset.clone(), logo_srcset],
        "in the header's operator block and in the page's heading"
    );

    // The library says where each image shows; a used one cannot be deleted.
    let library = page(&app, Some(&editor), "/admin/medias").await;
    assert_eq!(
        texts(&library, ".fr-card__detail"),
        ["Utilisée une fois", "Utilisée une fois"]
    );
    let photo_page = format!("/admin/medias/{}", photo.id);
    let item = page(&app, Some(&editor), &photo_page).await;
    assert_eq!(
        texts(&item, "#media-used-by a"),
        ["Photo du témoignage — Camille"]
    );
    // Where a logo shows, an editor is led to a page they may open.
    let logo_page = page(&app, Some(&editor), &format!("/admin/medias/{}", logo.id)).await;
    for link in attributes(&logo_page, "#media-used-by a", "href") {
        let opened = app.get_with_cookie(&link, &editor.cookie).await;
        assert_eq!(opened.status(), 200, "the editor opens {link}");
    }
    let refused = app
        .post_as(&editor, &format!("{photo_page}/supprimer"), &[])
        .await;
    assert_eq!(refused.status(), 400);
    assert_eq!(media::Entity::find().count(&app.state.db).await.unwrap(), 2);

    // Replaced, the new picture shows wherever the old one did, and the old objects go.
    let replacement = ("portrait.png", "image/png", fixtures::png(640, 480));
    let replaced = send_file(
        &app,
        &editor,
        &format!("{photo_page}/remplacer"),
        &[],
        replacement,
    )
    .await;
    assert_eq!(
        replaced.headers()["location"],
        format!("{photo_page}?ok=replaced")
    );
    let photo_now = media::Entity::find_by_id(photo.id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_ne!(photo_now.key, photo.key);
    assert_eq!(
        photo_now.alt, "Camille à son bureau",
        "its description stays"
    );
    let story_page = page(&app, None, "/temoignages/camille").await;
    assert_eq!(attributes(&story_page, "picture img", "width"), ["640"]);
    assert!(
        !objects(&app)
            .await
            .iter()
            .any(|key| key.starts_with(&photo.key)),
        "the old objects are gone"
    );

    // An unused image is deleted with its objects.
    let spare = upload(&app, &editor, "Image en trop", fixtures::png(300, 200)).await;
    let spare_src = format!("/media/{}-300.webp", spare.key);
    assert_eq!(
        app.get(&spare_src).await.status(),
        200,
        "served, and kept in memory"
    );
    let before = objects(&app).await.len();
    let deleted = app
        .post_as(
            &editor,
            &format!("/admin/medias/{}/supprimer", spare.id),
            &[],
        )
        .await;
    assert_eq!(deleted.headers()["location"], "/admin/medias?ok=deleted");
    assert_eq!(objects(&app).await.len(), before - 2);
    assert_eq!(app.get(&spare_src).await.status(), 404, "no longer served");
    assert!(
        media::Entity::find_by_id(spare.id)
            .one(&app.state.db)
            .await
            .unwrap()
            .is_none()
    );

    // An offer shows its illustration at the top of its page.
    let illustration = upload(&app, &editor, "Salle des serveurs", fixtures::png(900, 500)).await;
    let id = illustration.id.to_string();
    let offer_form = [
        ("intent", "save"),
        ("title", "Administrateur systèmes"),
        ("contract_types", "contractuel"),
        ("profession", "infrastructure"),
        ("remote_policy", "partiel"),
        ("apply_mode", "external"),
        ("apply_url", "https://example.org/postuler"),
        ("postal_code", "75001"),
        ("city", "Paris"),
        ("illustration_media_id", id.as_str()),
    ];
    let created = app
        .post_as(&editor, "/admin/offres/nouvelle", &offer_form)
        .await;
    assert_eq!(created.status(), 303);
    let offer_page = created.headers()["location"]
        .to_str()
        .unwrap()
        .replace("?ok=created", "");
    let submitted = app
        .post_as(&editor, &format!("{offer_page}/soumettre"), &[])
        .await;
    assert_eq!(submitted.status(), 303);
    let public = page(&app, None, "/offres/administrateur-systemes").await;
    let shown = ".portal-offer-illustration img";
    assert_eq!(attributes(&public, shown, "alt"), ["Salle des serveurs"]);
    assert_eq!(attributes(&public, shown, "width"), ["900"]);

    // `media check` agrees, then finds an orphan and removes it.
    let found = app.media_check().await;
    assert_eq!(found, Default::default());
    let orphan = format!("tenant-{}/left-behind-400.webp", tenant.id);
    app.state
        .storage
        .put(&orphan, b"x", "image/webp")
        .await
        .unwrap();
    let found = app.media_check().await;
    assert_eq!(found.orphan_objects, [orphan]);
    metiers::media::remove_orphans(&app.state.storage, &found)
        .await
        .unwrap();
    let found = app.media_check().await;
    assert_eq!(found, Default::default());
}

/// A PNG whose header claims `side` × `side` pixels, with almost no data: a decompression bomb.
fn bomb(side: u32) -> Vec<u8> {
    let mut bytes = fixtures::png(1, 1);
    // IHDR's data starts after the signature (8), its length (4) and its type (4).
    bytes[16..20].copy_from_slice(&side.to_be_bytes());
    bytes[20..24].copy_from_slice(&side.to_be_bytes());
    let mut crc = flate2::Crc::new();
    crc.update(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.sum().to_be_bytes());
    bytes
}

async fn refuses_malicious_files(backend: Backend, s3: bool) {
    let options = Options {
        s3,
        upload_max_bytes: Some(200_000),
        ..Options::default()
    };
    let app = TestApp::start_with(backend, options).await;
    let tenant = fixtures::ministry(&app, "culture", "Ministère de la Culture", "dsfr").await;
    let editor = app
        .signed_in(
            "redaction@culture.gouv.fr",
            false,
            &[(tenant.id, Role::Editor)],
        )
        .await;
    let refused = [
        (
            (
                "photo.jpg",
                "image/jpeg",
                b"<?php system($_GET['c']); ?>".to_vec(),
            ),
            "Ce fichier n’est pas une image JPEG, PNG ou WebP (son contenu a été vérifié, pas seulement son nom).",
        ),
        (
            ("vide.png", "image/png", Vec::new()),
            "Choisissez un fichier : celui-ci est vide.",
        ),
        (
            ("bombe.png", "image/png", bomb(60_000)),
            "Cette image a trop de pixels : réduisez-la avant de l’envoyer.",
        ),
        (
            (
                "tronquee.png",
                "image/png",
                fixtures::png(200, 200)[..120].to_vec(),
            ),
            "Cette image est abîmée ou illisible.",
        ),
        (
            ("lourde.png", "image/png", vec![0x89; 300_000]),
            "Le fichier dépasse la taille maximale indiquée.",
        ),
    ];
    for (file, message) in refused {
        let name = file.0;
        let response = send_file(
            &app,
            &editor,
            "/admin/medias",
            &[("alt", "Une image")],
            file,
        )
        .await;
        assert_eq!(response.status(), 400, "{name}");
        let body = response.text().await.unwrap();
        assert_eq!(texts(&body, "#field-file-error"), [message], "{name}");
        assert_eq!(
            attributes(&body, "#field-alt", "value"),
            ["Une image"],
            "{name}: what was typed is kept"
        );
    }
    assert_eq!(media::Entity::find().count(&app.state.db).await.unwrap(), 0);
    assert!(objects(&app).await.is_empty(), "nothing stored");

    // A real picture with a script after it: kept as a picture, without the script.
    let mut polyglot = fixtures::png(120, 80);
    polyglot.extend_from_slice(b"<?php system($_GET['c']); ?>");
    upload(&app, &editor, "Une image", polyglot).await;
    for key in objects(&app).await {
        let bytes = app.state.storage.get(&key).await.unwrap().unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains("<?php"), "{key}");
    }

    // A text alternative is required.
    let file = ("photo.png", "image/png", fixtures::png(50, 50));
    let response = send_file(&app, &editor, "/admin/medias", &[("alt", "  ")], file).await;
    assert_eq!(response.status(), 400);
    let body = response.text().await.unwrap();
    assert_eq!(
        texts(&body, "#field-alt-error"),
        ["Décrivez l’image en 250 caractères au plus."]
    );
    assert_eq!(media::Entity::find().count(&app.state.db).await.unwrap(), 1);
}

async fn a_down_storage_loses_nothing(backend: Backend) {
    let options = Options {
        s3: true,
        ..Options::default()
    };
    let app = TestApp::start_with(backend, options).await;
    let tenant = fixtures::ministry(&app, "culture", "Ministère de la Culture", "dsfr").await;
    let editor = app
        .signed_in(
            "redaction@culture.gouv.fr",
            false,
            &[(tenant.id, Role::Editor)],
        )
        .await;
    let server = app.s3.as_ref().unwrap();
    server.down().await;
    let file = ("photo.png", "image/png", fixtures::png(500, 400));
    let response = send_file(
        &app,
        &editor,
        "/admin/medias",
        &[("alt", "Une image")],
        file,
    )
    .await;
    assert_eq!(response.status(), 400);
    let body = response.text().await.unwrap();
    assert_eq!(
        texts(&body, "#field-file-error"),
        [
            "Le stockage des images ne répond pas : rien n’a été enregistré, réessayez dans quelques minutes."
        ]
    );
    assert_eq!(attributes(&body, "#field-alt", "value"), ["Une image"]);
    assert_eq!(media::Entity::find().count(&app.state.db).await.unwrap(), 0);
    server.up().await;
    assert!(objects(&app).await.is_empty(), "no object left behind");
    upload(&app, &editor, "Une image", fixtures::png(500, 400)).await;
    assert_eq!(objects(&app).await.len(), 4);
}
