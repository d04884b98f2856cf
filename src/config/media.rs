//! The `media` section: where media files live, and how large an upload may be.

use super::sources::{Sources, env_name, invalid};
use crate::error::AppError;

#[derive(Clone, Debug)]
pub struct MediaConfig {
    /// Where media files live: files under the data folder (default) or an S3 bucket.
    pub storage: MediaStorage,
    /// The largest file an upload may be, in bytes, whatever the browser says.
    pub upload_max_bytes: usize,
}

/// Where media files live.
#[derive(Clone, Debug, PartialEq)]
pub enum MediaStorage {
    /// Files under `DATA_DIR/media` (the default: a demo needs no server).
    Files,
    /// An S3-compatible bucket (AWS S3, Scaleway, OVH, MinIO, Garage…).
    S3(S3Settings),
}

/// An S3-compatible bucket and how to reach it.
#[derive(Clone, Debug, PartialEq)]
pub struct S3Settings {
    /// `https://s3.fr-par.scw.cloud`, `http://127.0.0.1:9000`…
    pub endpoint: String,
    pub region: String,
    pub bucket: String,
    pub access_key_id: String,
    pub secret_access_key: String,
    /// Path-style addresses (`endpoint/bucket/key`, most self-hosted servers) rather than
    /// virtual-hosted ones (`bucket.endpoint/key`).
    pub path_style: bool,
}

impl MediaConfig {
    pub(super) fn from_sources(sources: &Sources) -> Result<Self, AppError> {
        let file = &sources.file;
        let storage = match sources.pick("media_storage", &file.media_storage) {
            None => MediaStorage::Files,
            Some(name) if name.value == "files" => MediaStorage::Files,
            Some(name) if name.value == "s3" => {
                MediaStorage::S3(S3Settings::from_sources(sources)?)
            }
            Some(name) => {
                return Err(name.invalid(format!("'{}' is not files or s3", name.value)));
            }
        };
        Ok(Self {
            storage,
            upload_max_bytes: sources.positive(
                "upload_max_bytes",
                &file.upload_max_bytes,
                5_000_000,
                "bytes",
            )?,
        })
    }
}

impl S3Settings {
    fn from_sources(sources: &Sources) -> Result<Self, AppError> {
        let file = &sources.file;
        let required = |key: &str, from_file: &Option<String>| {
            sources
                .pick(key, from_file)
                .map(|setting| setting.value)
                .ok_or_else(|| invalid(&env_name(key), "required for S3 media storage"))
        };
        let endpoint = required("s3_endpoint", &file.s3_endpoint)?;
        if !(endpoint.starts_with("https://") || endpoint.starts_with("http://")) {
            return Err(invalid(
                "METIERS_S3_ENDPOINT",
                format!("'{endpoint}' is not an http(s) URL"),
            ));
        }
        let path_style = sources.flag("s3_path_style", &file.s3_path_style, true)?;
        Ok(Self {
            endpoint: endpoint.trim_end_matches('/').to_owned(),
            region: sources.text_or("s3_region", &file.s3_region, "us-east-1"),
            bucket: required("s3_bucket", &file.s3_bucket)?,
            access_key_id: required("s3_access_key_id", &file.s3_access_key_id)?,
            secret_access_key: required("s3_secret_access_key", &file.s3_secret_access_key)?,
            path_style,
        })
    }
}
