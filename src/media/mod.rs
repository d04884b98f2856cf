//! Media: the images of the ministries (logos, story photos), each a row of `media` and its
//! objects in the [`storage::Storage`]. An upload is checked and re-encoded
//! ([`images::process`]) at several widths; its objects are content-addressed
//! (`tenant-ID/HASH-WIDTH.webp|jpg|png`), so a browser may keep them for a year.
//!
//! A row and its objects appear and disappear together: objects are written before the row
//! and removed if the row cannot be; a row is removed before its objects, and objects left
//! behind by a failure are orphans that `metiers media check --repair` removes.

pub mod images;
pub mod private;
pub mod storage;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use sha2::{Digest, Sha256};

use crate::{
    accounts::{AdminScope, Scope},
    audit,
    entities::{media, offers, stories, tenants},
    error::{AppError, AppResult, Reason},
    ids::{MediaId, TenantId, UserId},
};
use images::Fallback;
use storage::{Storage, tenant_prefix};

/// An image as uploaded: its bytes and the text that replaces it for those who cannot see it.
pub struct Upload {
    pub bytes: Vec<u8>,
    pub alt: String,
}

/// The stored objects of one width of an image.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Rendition {
    pub width: u32,
    pub webp_key: String,
    pub fallback_key: String,
}

/// The objects of media `row`, narrowest first.
pub fn renditions(row: &media::Model) -> Vec<Rendition> {
    let fallback = Fallback::from_mime(&row.mime);
    let width = u32::try_from(row.width.unwrap_or(0)).unwrap_or(0);
    images::widths(width)
        .into_iter()
        .map(|width| Rendition {
            width,
            webp_key: format!("{}-{width}.webp", row.key),
            fallback_key: format!("{}-{width}.{}", row.key, fallback.extension()),
        })
        .collect()
}

/// What a page needs to show an image: `<picture>` sources at every width, the fallback,
/// its size (to avoid layout shift) and its text alternative.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Picture {
    pub src: String,
    pub webp_srcset: String,
    pub fallback_srcset: String,
    pub fallback_type: String,
    pub width: i32,
    pub height: i32,
    pub alt: String,
}

/// The picture of media `row`, served under `/media/`.
pub fn picture(row: &media::Model) -> Picture {
    let renditions = renditions(row);
    let srcset = |key: fn(&Rendition) -> &String| {
        renditions
            .iter()
            .map(|rendition| format!("/media/{} {}w", key(rendition), rendition.width))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let largest = renditions
        .last()
        .map(|r| r.fallback_key.clone())
        .unwrap_or_default();
    Picture {
        src: format!("/media/{largest}"),
        webp_srcset: srcset(|r| &r.webp_key),
        fallback_srcset: srcset(|r| &r.fallback_key),
        fallback_type: row.mime.clone(),
        width: row.width.unwrap_or(0),
        height: row.height.unwrap_or(0),
        alt: row.alt.clone(),
    }
}

/// The pictures of media `ids`, by id (for public pages showing several: an image is public
/// once it is stored).
pub async fn pictures(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = MediaId>,
) -> AppResult<std::collections::HashMap<i32, Picture>> {
    let ids: Vec<MediaId> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(media::Entity::find()
        .filter(media::Column::Id.is_in(ids))
        .all(db)
        .await?
        .iter()
        .map(|row| (row.id, picture(row)))
        .collect())
}

/// Every object key of media `row`.
fn object_keys(row: &media::Model) -> Vec<String> {
    renditions(row)
        .into_iter()
        .flat_map(|rendition| [rendition.webp_key, rendition.fallback_key])
        .collect()
}

/// The media row whose objects include `key`, if any: the key without its `-WIDTH.EXT` end.
pub async fn find_by_object_key(
    db: &impl ConnectionTrait,
    key: &str,
) -> AppResult<Option<media::Model>> {
    let Some((base, _)) = key.rsplit_once('-') else {
        return Ok(None);
    };
    let row = media::Entity::find()
        .filter(media::Column::Key.eq(base))
        .one(db)
        .await?;
    Ok(row.filter(|row| object_keys(row).iter().any(|known| known == key)))
}

/// Checks the text alternative of an image: required, as RGAA asks, and short.
fn check_alt(alt: &str) -> AppResult<String> {
    let alt = alt.trim();
    if alt.is_empty() {
        return Err(AppError::invalid("alt", Reason::Required));
    }
    if alt.chars().count() > 250 {
        return Err(AppError::invalid("alt", Reason::TooLong));
    }
    Ok(alt.to_owned())
}

/// An image checked and re-encoded, with its objects written to `storage`.
struct Written {
    key: String,
    mime: &'static str,
    sha256: String,
    size: i64,
    width: i32,
    height: i32,
    keys: Vec<String>,
}

/// Checks and re-encodes `bytes` for ministry `tenant_id`, off the async threads. Its key comes
/// from its content: the same picture in the same ministry always has the same key.
async fn prepare(tenant: TenantId, bytes: Vec<u8>, max_bytes: usize) -> AppResult<Prepared> {
    let sha256 = hex(&Sha256::digest(&bytes));
    let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    let processed = images::process_off_thread(bytes, max_bytes).await?;
    Ok(Prepared {
        key: format!("{}{}", tenant_prefix(tenant), &sha256[..20]),
        sha256,
        size,
        processed,
    })
}

/// An upload checked and re-encoded, not yet stored.
struct Prepared {
    key: String,
    sha256: String,
    size: i64,
    processed: images::Processed,
}

/// Writes the objects of `prepared`. When a write fails, the objects this call wrote are
/// removed, unless a row owns them (the same picture, stored meanwhile by someone else).
async fn write_objects(
    db: &impl ConnectionTrait,
    storage: &Storage,
    prepared: Prepared,
) -> AppResult<Written> {
    let Prepared {
        key,
        sha256,
        size,
        processed,
    } = prepared;
    let fallback = processed.fallback;
    let mut written = Vec::new();
    for rendition in &processed.renditions {
        let objects = [
            ("webp", "image/webp", &rendition.webp),
            (fallback.extension(), fallback.mime(), &rendition.fallback),
        ];
        for (extension, mime, bytes) in objects {
            let object = format!("{key}-{}.{extension}", rendition.width);
            if let Err(error) = storage.put(&object, bytes, mime).await {
                remove_unowned(db, storage, &key, &written).await;
                return Err(error);
            }
            written.push(object);
        }
    }
    Ok(Written {
        key,
        mime: fallback.mime(),
        sha256,
        size,
        width: i32::try_from(processed.width).unwrap_or(i32::MAX),
        height: i32::try_from(processed.height).unwrap_or(i32::MAX),
        keys: written,
    })
}

/// The image of key `key`, if stored.
async fn find_by_key(db: &impl ConnectionTrait, key: &str) -> AppResult<Option<media::Model>> {
    Ok(media::Entity::find()
        .filter(media::Column::Key.eq(key))
        .one(db)
        .await?)
}

/// Removes `objects` of key `key` after a failed attempt, unless an image row owns that key:
/// the objects are then another image's (identical content), never this attempt's to remove.
async fn remove_unowned(
    db: &impl ConnectionTrait,
    storage: &Storage,
    key: &str,
    objects: &[String],
) {
    match find_by_key(db, key).await {
        Ok(None) => remove_objects(storage, objects).await,
        Ok(Some(_)) => {}
        Err(error) => tracing::warn!(%key, %error, "media objects kept: their owner is unknown"),
    }
}

/// Removes `keys`, logging what cannot be: `media check --repair` removes orphans later.
async fn remove_objects(storage: &Storage, keys: &[String]) {
    for key in keys {
        if let Err(error) = storage.delete(key).await {
            tracing::warn!(%key, %error, "a media object could not be removed");
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Records `action` (`upload`, `describe`…) on an image by user `actor_id`, with its states
/// before and after.
async fn record(
    db: &impl ConnectionTrait,
    actor_id: Option<UserId>,
    action: &str,
    before: Option<&media::Model>,
    after: Option<&media::Model>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let row = after.or(before).expect("an image before or after");
    let subject = audit::Subject {
        tenant_id: Some(row.tenant_id),
        entity_type: "media",
        entity_id: Some(row.id),
    };
    let action = format!("media.{action}");
    audit::record(db, actor_id, &action, subject, before, after, now).await
}

/// Adds an image to the scope's library. The same picture uploaded twice is one image.
pub async fn store(
    db: &DatabaseConnection,
    storage: &Storage,
    scope: &Scope,
    upload: Upload,
    max_bytes: usize,
    now: DateTime<Utc>,
) -> AppResult<media::Model> {
    let tenant_id = scope.tenant().get();
    let alt = check_alt(&upload.alt)?;
    let prepared = prepare(scope.tenant(), upload.bytes, max_bytes).await?;
    if let Some(existing) = find_by_key(db, &prepared.key).await? {
        return Ok(existing);
    }
    let written = write_objects(db, storage, prepared).await?;
    let saved = async {
        let txn = crate::db::begin_write(db).await?;
        let row = media::ActiveModel {
            tenant_id: Set(tenant_id),
            key: Set(written.key.clone()),
            mime: Set(written.mime.to_owned()),
            size: Set(written.size),
            sha256: Set(written.sha256.clone()),
            alt: Set(alt),
            width: Set(Some(written.width)),
            height: Set(Some(written.height)),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        record(&txn, scope.user(), "upload", None, Some(&row), now).await?;
        txn.commit().await?;
        Ok::<_, AppError>(row)
    };
    match saved.await {
        Ok(row) => Ok(row),
        Err(AppError::Database(error)) if crate::db::is_unique_violation(&error) => {
            // The same picture, uploaded at the same moment: one image, the other's.
            find_by_key(db, &written.key)
                .await?
                .ok_or(AppError::Database(error))
        }
        Err(error) => {
            remove_unowned(db, storage, &written.key, &written.keys).await;
            Err(error)
        }
    }
}

/// Image `id` of the scope's ministry.
pub async fn find(
    db: &impl ConnectionTrait,
    scope: &Scope,
    id: MediaId,
) -> AppResult<media::Model> {
    media::Entity::find_by_id(id.get())
        .filter(media::Column::TenantId.eq(scope.tenant()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Whether image `id` is still in its library.
pub(crate) async fn exists(db: &impl ConnectionTrait, id: MediaId) -> AppResult<bool> {
    Ok(media::Entity::find_by_id(id.get()).one(db).await?.is_some())
}

/// Refuses image `id` (for form field `field`) when it is not one of the scope's ministry's.
pub async fn check_owned(
    db: &impl ConnectionTrait,
    scope: &Scope,
    id: Option<MediaId>,
    field: &str,
) -> AppResult<()> {
    let Some(id) = id else {
        return Ok(());
    };
    let owned = media::Entity::find_by_id(id.get())
        .filter(media::Column::TenantId.eq(scope.tenant()))
        .one(db)
        .await?;
    match owned {
        Some(_) => Ok(()),
        None => Err(AppError::invalid(field, Reason::NotOfThisMinistry)),
    }
}

/// The scope's ministry's images, newest first.
pub async fn list(db: &impl ConnectionTrait, scope: &Scope) -> AppResult<Vec<media::Model>> {
    Ok(media::Entity::find()
        .filter(media::Column::TenantId.eq(scope.tenant()))
        .order_by_desc(media::Column::Id)
        .all(db)
        .await?)
}

/// How many times each image of the scope's ministry shows: story photos, offer
/// illustrations and its logo.
pub async fn use_counts(
    db: &impl ConnectionTrait,
    scope: &Scope,
) -> AppResult<std::collections::HashMap<i32, usize>> {
    let photos: Vec<Option<i32>> = stories::Entity::find()
        .select_only()
        .column(stories::Column::PhotoMediaId)
        .filter(stories::Column::TenantId.eq(scope.tenant()))
        .into_tuple()
        .all(db)
        .await?;
    let illustrations: Vec<Option<i32>> = offers::Entity::find()
        .select_only()
        .column(offers::Column::IllustrationMediaId)
        .filter(offers::Column::TenantId.eq(scope.tenant()))
        .into_tuple()
        .all(db)
        .await?;
    let logo = tenants::Entity::find_by_id(scope.tenant().get())
        .one(db)
        .await?
        .and_then(|tenant| tenant.logo_media_id);
    let mut uses = std::collections::HashMap::new();
    for id in photos
        .into_iter()
        .chain(illustrations)
        .flatten()
        .chain(logo)
    {
        *uses.entry(id).or_insert(0) += 1;
    }
    Ok(uses)
}

/// What shows an image: a ministry's logo, a story's photo or an offer's illustration.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub enum User {
    /// The offer it illustrates (its id and title).
    Illustration(i32, String),
    /// The ministry whose logo it is (its name).
    Logo(String),
    /// The story whose photo it is (its id and person's name).
    Photo(i32, String),
}

/// What shows `image` (one found through a scope).
pub async fn used_by(db: &impl ConnectionTrait, image: &media::Model) -> AppResult<Vec<User>> {
    let id = image.id;
    let mut users: Vec<User> = tenants::Entity::find()
        .filter(tenants::Column::LogoMediaId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|tenant| User::Logo(tenant.name))
        .collect();
    users.extend(
        stories::Entity::find()
            .filter(stories::Column::PhotoMediaId.eq(id))
            .all(db)
            .await?
            .into_iter()
            .map(|story| User::Photo(story.id, story.person_name)),
    );
    users.extend(
        offers::Entity::find()
            .filter(offers::Column::IllustrationMediaId.eq(id))
            .all(db)
            .await?
            .into_iter()
            .map(|offer| User::Illustration(offer.id, offer.title)),
    );
    Ok(users)
}

/// Changes the text alternative of image `id`.
pub async fn describe(
    db: &impl ConnectionTrait,
    scope: &Scope,
    id: MediaId,
    alt: &str,
    now: DateTime<Utc>,
) -> AppResult<media::Model> {
    let before = find(db, scope, id).await?;
    let mut active: media::ActiveModel = before.clone().into();
    active.alt = Set(check_alt(alt)?);
    let after = active.update(db).await?;
    record(
        db,
        scope.user(),
        "describe",
        Some(&before),
        Some(&after),
        now,
    )
    .await?;
    Ok(after)
}

/// Replaces the picture of image `id` (where it is used, the new one shows), keeping its text
/// alternative unless `alt` is given.
#[allow(clippy::too_many_arguments)]
pub async fn replace(
    db: &DatabaseConnection,
    storage: &Storage,
    scope: &Scope,
    id: MediaId,
    upload: Upload,
    max_bytes: usize,
    now: DateTime<Utc>,
) -> AppResult<media::Model> {
    let before = find(db, scope, id).await?;
    let alt = match upload.alt.trim() {
        "" => before.alt.clone(),
        alt => check_alt(alt)?,
    };
    let prepared = prepare(scope.tenant(), upload.bytes, max_bytes).await?;
    if prepared.key == before.key {
        // The same picture again: only its text alternative may change.
        return describe(db, scope, id, &alt, now).await;
    }
    if find_by_key(db, &prepared.key).await?.is_some() {
        return Err(AppError::invalid("file", Reason::Duplicate));
    }
    let written = write_objects(db, storage, prepared).await?;
    let saved = async {
        let txn = crate::db::begin_write(db).await?;
        let mut active: media::ActiveModel = before.clone().into();
        active.key = Set(written.key.clone());
        active.mime = Set(written.mime.to_owned());
        active.size = Set(written.size);
        active.sha256 = Set(written.sha256.clone());
        active.width = Set(Some(written.width));
        active.height = Set(Some(written.height));
        active.alt = Set(alt);
        let after = active.update(&txn).await?;
        record(
            &txn,
            scope.user(),
            "replace",
            Some(&before),
            Some(&after),
            now,
        )
        .await?;
        txn.commit().await?;
        Ok::<_, AppError>(after)
    };
    match saved.await {
        Ok(after) => {
            remove_objects(storage, &object_keys(&before)).await;
            Ok(after)
        }
        Err(AppError::Database(error)) if crate::db::is_unique_violation(&error) => {
            // The same picture, added meanwhile as another image: its objects are that one's.
            Err(AppError::invalid("file", Reason::Duplicate))
        }
        Err(error) => {
            remove_unowned(db, storage, &written.key, &written.keys).await;
            Err(error)
        }
    }
}

/// Deletes image `id`, which nothing may use, then its objects.
pub async fn delete(
    db: &DatabaseConnection,
    storage: &Storage,
    scope: &Scope,
    id: MediaId,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let txn = crate::db::begin_write(db).await?;
    let row = find(&txn, scope, id).await?;
    if !used_by(&txn, &row).await?.is_empty() {
        return Err(AppError::invalid("media", Reason::InUse));
    }
    media::Entity::delete_by_id(row.id).exec(&txn).await?;
    record(&txn, scope.user(), "delete", Some(&row), None, now).await?;
    txn.commit().await?;
    remove_objects(storage, &object_keys(&row)).await;
    Ok(())
}

/// What `media check` found: objects no row owns, and rows whose objects are missing.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Mismatches {
    pub orphan_objects: Vec<String>,
    pub missing_objects: Vec<(i32, String)>,
}

/// Compares the rows of `media`, every ministry's, with the objects in `storage`.
pub async fn check(
    db: &impl ConnectionTrait,
    _scope: &AdminScope,
    storage: &Storage,
) -> AppResult<Mismatches> {
    let rows = media::Entity::find().all(db).await?;
    let mut expected = std::collections::HashMap::new();
    for row in &rows {
        for key in object_keys(row) {
            expected.insert(key, row.id);
        }
    }
    // Images only: candidates' CVs live under `private/`, which the applications own.
    let stored = storage.keys(storage::IMAGES_PREFIX).await?;
    let stored_set: std::collections::HashSet<&String> = stored.iter().collect();
    let mut found = Mismatches {
        orphan_objects: stored
            .iter()
            .filter(|key| !expected.contains_key(*key))
            .cloned()
            .collect(),
        missing_objects: expected
            .into_iter()
            .filter(|(key, _)| !stored_set.contains(key))
            .map(|(key, id)| (id, key))
            .collect(),
    };
    found.missing_objects.sort();
    Ok(found)
}

/// Removes the orphan objects `check` found. Rows with missing objects are only reported:
/// their pictures must be uploaded again.
pub async fn remove_orphans(storage: &Storage, found: &Mismatches) -> AppResult<usize> {
    for key in &found.orphan_objects {
        storage.delete(key).await?;
    }
    Ok(found.orphan_objects.len())
}
