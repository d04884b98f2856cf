//! The media storage on its two backends, with the same expectations: files under the data
//! folder, and a real S3 server on loopback (`crate::support::s3`, SigV4 checked). Then what an
//! operator must be told clearly: a missing bucket, wrong credentials, a server that is down.

use crate::support::s3::{ACCESS_KEY_ID, BUCKET, S3Server, SECRET_ACCESS_KEY};
use metiers::{config::Config, error::AppError, media::storage::Storage};

/// The configuration of these `METIERS_*` settings, as an operator would write them.
fn configured(settings: &[(&str, String)]) -> Result<Config, AppError> {
    Config::from_env_fn(|key| {
        settings
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, value)| value.clone())
    })
}

/// A store configured by these `METIERS_*` settings.
fn storage(settings: &[(&str, String)]) -> Storage {
    let config = configured(settings).expect("a valid configuration");
    Storage::new(&config).expect("a store")
}

/// The settings of `server`'s bucket `bucket`, with secret `secret`.
fn s3_settings(server: &S3Server, bucket: &str, secret: &str) -> Vec<(&'static str, String)> {
    vec![
        ("METIERS_MEDIA_STORAGE", "s3".to_owned()),
        ("METIERS_S3_ENDPOINT", server.endpoint()),
        ("METIERS_S3_BUCKET", bucket.to_owned()),
        ("METIERS_S3_ACCESS_KEY_ID", ACCESS_KEY_ID.to_owned()),
        ("METIERS_S3_SECRET_ACCESS_KEY", secret.to_owned()),
    ]
}

fn storage_error(result: Result<impl std::fmt::Debug, AppError>) -> String {
    match result {
        Err(AppError::Storage(message)) => message,
        other => panic!("expected a storage error, got {other:?}"),
    }
}

/// What every store must do.
async fn keeps_what_it_is_given(store: &Storage) {
    store.check().await.expect("the store answers");
    let photo = b"\x89PNG\r\n\x1a\n not really a picture".to_vec();
    store
        .put("tenant-1/photos/portrait-640.png", &photo, "image/png")
        .await
        .unwrap();
    store
        .put("tenant-2/logo.png", b"other ministry", "image/png")
        .await
        .unwrap();
    assert_eq!(
        store.get("tenant-1/photos/portrait-640.png").await.unwrap(),
        Some(photo)
    );
    assert_eq!(
        store.keys("tenant-1/").await.unwrap(),
        ["tenant-1/photos/portrait-640.png"],
        "a ministry's keys, and only its own"
    );
    store
        .put("tenant-1/photos/portrait-640.png", b"replaced", "image/png")
        .await
        .unwrap();
    assert_eq!(
        store.get("tenant-1/photos/portrait-640.png").await.unwrap(),
        Some(b"replaced".to_vec())
    );
    store
        .delete("tenant-1/photos/portrait-640.png")
        .await
        .unwrap();
    assert_eq!(
        store.get("tenant-1/photos/portrait-640.png").await.unwrap(),
        None
    );
    store
        .delete("tenant-1/photos/portrait-640.png")
        .await
        .expect("deleting what is gone is not a failure");
    assert!(store.keys("tenant-1/").await.unwrap().is_empty());
    assert_eq!(store.keys("").await.unwrap(), ["tenant-2/logo.png"]);
    let refused = store
        .put("tenant-1/../etc/passwd", b"x", "text/plain")
        .await;
    assert!(
        matches!(&refused, Err(AppError::MediaKey(key)) if key == "tenant-1/../etc/passwd"),
        "{refused:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_keep_what_they_are_given() {
    let data = tempfile::tempdir().unwrap();
    let store = storage(&[("METIERS_DATA_DIR", data.path().display().to_string())]);
    keeps_what_it_is_given(&store).await;
    let kept = data.path().join("media/tenant-2/logo.png");
    assert_eq!(std::fs::read(kept).unwrap(), b"other ministry");
    assert_eq!(
        store.presigned_url("tenant-2/logo.png", 60).await.unwrap(),
        None
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn s3_keeps_what_it_is_given() {
    let server = S3Server::start().await;
    let store = storage(&s3_settings(&server, BUCKET, SECRET_ACCESS_KEY));
    keeps_what_it_is_given(&store).await;
    let kept = server.root.path().join(BUCKET).join("tenant-2/logo.png");
    assert_eq!(
        std::fs::read(kept).unwrap(),
        b"other ministry",
        "the object is on the server"
    );

    // A presigned address serves the object without credentials, for a while only.
    let url = store
        .presigned_url("tenant-2/logo.png", 60)
        .await
        .unwrap()
        .expect("an address");
    let served = reqwest::get(&url).await.unwrap();
    assert_eq!(served.status(), 200);
    assert_eq!(served.bytes().await.unwrap().as_ref(), b"other ministry");
    let unsigned = reqwest::get(format!("{}/{BUCKET}/tenant-2/logo.png", server.endpoint()))
        .await
        .unwrap();
    assert_eq!(unsigned.status(), 403, "objects are private");
    let tampered = reqwest::get(url.replace("logo.png", "other.png"))
        .await
        .unwrap();
    assert_eq!(tampered.status(), 403, "the signature covers the key");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn s3_failures_are_clear() {
    let server = S3Server::start().await;

    let missing = storage(&s3_settings(&server, "no-such-bucket", SECRET_ACCESS_KEY));
    let message = storage_error(missing.check().await);
    assert!(message.contains("the bucket does not exist"), "{message}");
    // (Writing to it is not refused by this server, which makes folders as it goes; S3 refuses.)

    let wrong = storage(&s3_settings(&server, BUCKET, "not-the-secret"));
    let message = storage_error(wrong.check().await);
    assert!(message.contains("access denied"), "{message}");
    let message = storage_error(wrong.put("tenant-1/a.png", b"x", "image/png").await);
    assert!(message.contains("access denied"), "{message}");
    assert!(
        !server
            .root
            .path()
            .join(BUCKET)
            .join("tenant-1/a.png")
            .exists(),
        "nothing written"
    );

    let store = storage(&s3_settings(&server, BUCKET, SECRET_ACCESS_KEY));
    server.down().await;
    let message = storage_error(store.put("tenant-1/a.png", b"x", "image/png").await);
    assert!(message.contains("cannot be reached"), "{message}");
    let message = storage_error(store.get("tenant-1/a.png").await);
    assert!(message.contains("cannot be reached"), "{message}");
    server.up().await;
    store
        .put("tenant-1/a.png", b"x", "image/png")
        .await
        .unwrap();
    assert_eq!(
        store.get("tenant-1/a.png").await.unwrap(),
        Some(b"x".to_vec())
    );
}

#[test]
fn s3_settings_are_checked() {
    let refused = |settings: &[(&str, &str)]| {
        let settings: Vec<(&str, String)> = settings
            .iter()
            .map(|(key, value)| (*key, (*value).to_owned()))
            .collect();
        configured(&settings).expect_err("refused").to_string()
    };
    let message = refused(&[("METIERS_MEDIA_STORAGE", "s3")]);
    assert!(message.contains("METIERS_S3_ENDPOINT"), "{message}");
    let message = refused(&[
        ("METIERS_MEDIA_STORAGE", "s3"),
        ("METIERS_S3_ENDPOINT", "s3.example.org"),
    ]);
    assert!(message.contains("is not an http(s) URL"), "{message}");
    let message = refused(&[("METIERS_MEDIA_STORAGE", "ftp")]);
    assert!(message.contains("'ftp' is not files or s3"), "{message}");
}
