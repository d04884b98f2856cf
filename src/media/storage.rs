//! Where media files live: files under the data folder (the default) or an S3-compatible
//! bucket through `rust-s3`. Switching is configuration only (`METIERS_MEDIA_STORAGE`).
//!
//! Keys are relative paths of lower-case letters, digits, `.`, `_` and `-`, separated by `/`,
//! and start with the ministry they belong to (`tenant-12/…`), so that a ministry's objects
//! can be listed and removed together.

use std::path::{Path, PathBuf};

use s3::{Bucket, Region, creds::Credentials, error::S3Error};

use crate::{
    config::{Config, MediaStorage, S3Settings},
    error::{AppError, AppResult},
};

/// How long an S3 request may take before it counts as failed.
const S3_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);

/// A media store.
pub enum Storage {
    /// Files under this folder.
    Files(PathBuf),
    /// An S3-compatible bucket.
    S3(Box<Bucket>),
}

/// What every image key starts with.
pub const IMAGES_PREFIX: &str = "tenant-";

/// The key prefix of ministry `tenant`'s images.
pub fn tenant_prefix(tenant: crate::ids::TenantId) -> String {
    format!("{IMAGES_PREFIX}{tenant}/")
}

/// Refuses a key that is not made of safe segments (no `..`, no absolute path, no empty part).
fn check_key(key: &str) -> AppResult<()> {
    let safe_segment = |segment: &str| {
        !segment.is_empty()
            && !segment.starts_with('.')
            && segment.bytes().all(|byte| {
                byte.is_ascii_lowercase() || byte.is_ascii_digit() || b"._-".contains(&byte)
            })
    };
    if key.len() <= 512 && key.split('/').all(safe_segment) {
        Ok(())
    } else {
        Err(AppError::MediaKey(key.to_owned()))
    }
}

/// What an S3 failure tells an operator.
fn s3_error(action: &str, key: &str, error: S3Error) -> AppError {
    let reason = match &error {
        S3Error::HttpFailWithBody(403, _) => {
            "access denied: check the access key and secret".into()
        }
        S3Error::HttpFailWithBody(404, body) if body.contains("NoSuchBucket") => {
            "the bucket does not exist".into()
        }
        S3Error::HttpFailWithBody(status, _) => format!("the server answered {status}"),
        S3Error::Reqwest(e) if e.is_connect() || e.is_timeout() => {
            format!("the server cannot be reached: {e}")
        }
        other => other.to_string(),
    };
    AppError::Storage(format!("S3 {action} {key}: {reason}"))
}

fn io_error(action: &str, key: &str, error: std::io::Error) -> AppError {
    AppError::Storage(format!("files {action} {key}: {error}"))
}

/// Numbers the files being written, for their temporary names.
static NEXT_PART: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

impl Storage {
    /// The store the configuration names; media files go under `DATA_DIR/media` by default.
    pub fn new(config: &Config) -> AppResult<Self> {
        match &config.media.storage {
            MediaStorage::Files => Ok(Self::Files(config.server.data_dir.join("media"))),
            MediaStorage::S3(settings) => Self::s3(settings),
        }
    }

    fn s3(settings: &S3Settings) -> AppResult<Self> {
        let config_error = |message: String| AppError::Config {
            key: "METIERS_S3_ENDPOINT".into(),
            message,
        };
        let region = Region::Custom {
            region: settings.region.clone(),
            endpoint: settings.endpoint.clone(),
        };
        let credentials = Credentials::new(
            Some(&settings.access_key_id),
            Some(&settings.secret_access_key),
            None,
            None,
            None,
        )
        .map_err(|e| config_error(e.to_string()))?;
        let mut bucket = Bucket::new(&settings.bucket, region, credentials)
            .map_err(|e| config_error(e.to_string()))?;
        if settings.path_style {
            bucket.set_path_style();
        }
        bucket.set_request_timeout(Some(S3_TIMEOUT));
        Ok(Self::S3(bucket))
    }

    fn path(root: &Path, key: &str) -> PathBuf {
        key.split('/')
            .fold(root.to_path_buf(), |path, segment| path.join(segment))
    }

    /// Stores `bytes` under `key`, replacing what was there. A file is written whole or not
    /// at all (written aside, then renamed).
    pub async fn put(&self, key: &str, bytes: &[u8], content_type: &str) -> AppResult<()> {
        check_key(key)?;
        match self {
            Self::Files(root) => {
                let path = Self::path(root, key);
                let folder = path.parent().expect("a key has a folder");
                tokio::fs::create_dir_all(folder)
                    .await
                    .map_err(|e| io_error("write", key, e))?;
                // A name of its own, so that two writers of the same key never share it.
                let aside = path.with_extension(format!(
                    "{}-{}.part",
                    std::process::id(),
                    NEXT_PART.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
                ));
                tokio::fs::write(&aside, bytes)
                    .await
                    .map_err(|e| io_error("write", key, e))?;
                tokio::fs::rename(&aside, &path)
                    .await
                    .map_err(|e| io_error("write", key, e))
            }
            Self::S3(bucket) => bucket
                .put_object_with_content_type(key, bytes, content_type)
                .await
                .map(|_| ())
                .map_err(|e| s3_error("write", key, e)),
        }
    }

    /// The bytes stored under `key`; `None` when there are none.
    pub async fn get(&self, key: &str) -> AppResult<Option<Vec<u8>>> {
        check_key(key)?;
        match self {
            Self::Files(root) => match tokio::fs::read(Self::path(root, key)).await {
                Ok(bytes) => Ok(Some(bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(io_error("read", key, e)),
            },
            Self::S3(bucket) => match bucket.get_object(key).await {
                Ok(response) => Ok(Some(response.to_vec())),
                Err(S3Error::HttpFailWithBody(404, body)) if body.contains("NoSuchKey") => Ok(None),
                Err(e) => Err(s3_error("read", key, e)),
            },
        }
    }

    /// Removes what is stored under `key`; nothing there is not a failure.
    pub async fn delete(&self, key: &str) -> AppResult<()> {
        check_key(key)?;
        match self {
            Self::Files(root) => match tokio::fs::remove_file(Self::path(root, key)).await {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    Err(io_error("delete", key, e))
                }
                _ => Ok(()),
            },
            Self::S3(bucket) => match bucket.delete_object(key).await {
                Err(S3Error::HttpFailWithBody(404, body)) if body.contains("NoSuchKey") => Ok(()),
                other => other.map(|_| ()).map_err(|e| s3_error("delete", key, e)),
            },
        }
    }

    /// Every key that starts with `prefix` (a folder such as `tenant-12/`), sorted.
    pub async fn keys(&self, prefix: &str) -> AppResult<Vec<String>> {
        let mut keys = match self {
            Self::Files(root) => {
                let mut keys = Vec::new();
                let mut folders = vec![root.clone()];
                while let Some(folder) = folders.pop() {
                    let mut entries = match tokio::fs::read_dir(&folder).await {
                        Ok(entries) => entries,
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                        Err(e) => return Err(io_error("list", prefix, e)),
                    };
                    while let Some(entry) = entries
                        .next_entry()
                        .await
                        .map_err(|e| io_error("list", prefix, e))?
                    {
                        let path = entry.path();
                        if path.is_dir() {
                            folders.push(path);
                        } else if let Ok(relative) = path.strip_prefix(root) {
                            let key = relative
                                .components()
                                .map(|part| part.as_os_str().to_string_lossy())
                                .collect::<Vec<_>>()
                                .join("/");
                            if key.starts_with(prefix) && check_key(&key).is_ok() {
                                keys.push(key);
                            }
                        }
                    }
                }
                keys
            }
            Self::S3(bucket) => bucket
                .list(prefix.to_owned(), None)
                .await
                .map_err(|e| s3_error("list", prefix, e))?
                .into_iter()
                .flat_map(|page| page.contents)
                .map(|object| object.key)
                .collect(),
        };
        keys.sort();
        Ok(keys)
    }

    /// A short-lived address that serves `key` straight from the bucket (S3 only): `None`
    /// for files, which the application serves itself.
    pub async fn presigned_url(&self, key: &str, seconds: u32) -> AppResult<Option<String>> {
        check_key(key)?;
        match self {
            Self::Files(_) => Ok(None),
            Self::S3(bucket) => bucket
                .presign_get(key, seconds, None)
                .await
                .map(Some)
                .map_err(|e| s3_error("presign", key, e)),
        }
    }

    /// Whether the store answers: the folder can be created, or the bucket exists and the
    /// credentials are accepted (readiness, `media check`).
    pub async fn check(&self) -> AppResult<()> {
        match self {
            Self::Files(root) => tokio::fs::create_dir_all(root)
                .await
                .map_err(|e| io_error("open", &root.display().to_string(), e)),
            Self::S3(bucket) => {
                // A listing answers with its status rather than failing: make it a failure.
                let status = match bucket
                    .list_page(String::new(), None, None, None, Some(1))
                    .await
                {
                    Ok((_, status)) => status,
                    Err(S3Error::HttpFailWithBody(status, _)) => status,
                    Err(e) => return Err(s3_error("open", &bucket.name, e)),
                };
                match status {
                    200..=299 => Ok(()),
                    404 => Err(s3_error(
                        "open",
                        &bucket.name,
                        S3Error::HttpFailWithBody(404, "NoSuchBucket".into()),
                    )),
                    other => Err(s3_error(
                        "open",
                        &bucket.name,
                        S3Error::HttpFailWithBody(other, String::new()),
                    )),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_safe_relative_paths() {
        for good in ["tenant-1/logo.png", "tenant-12/photos/ab12-640.webp"] {
            assert!(check_key(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "/etc/passwd",
            "tenant-1/../tenant-2/x.png",
            "tenant-1//x.png",
            "tenant-1/.hidden",
            "tenant-1/Logo.PNG",
            "tenant-1/a b.png",
        ] {
            assert!(check_key(bad).is_err(), "{bad}");
        }
    }
}
