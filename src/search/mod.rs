//! Offer search: an in-memory index on every instance, kept in step with the database.
//!
//! Why in memory and not the databases' own full-text search is told in `docs/search.md`. The
//! database stays the truth: a trigger numbers every change to offers, ministries, directions
//! and stories in `content_changes` (migration `m20261202_000019_content_changes`), and an
//! instance reads what changed since the number it last saw, before each search (so its own
//! changes show at once) and every half second in the background (so that another
//! instance's changes show within a second, cached pages included).

pub mod catalogue;
pub mod lexicon;
pub mod words;

use std::{
    collections::HashMap,
    sync::{
        RwLock, RwLockReadGuard,
        atomic::{AtomicBool, AtomicI64, Ordering},
    },
    time::Duration,
};

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Alias, Expr, ExprTrait},
};

pub use catalogue::{Catalogue, FacetCounts, Found, Order};
use catalogue::{Ministry, OfferText, Prepared};

use crate::{
    codes::{Category, Profession, RemotePolicy, Status},
    entities::{offers, structures, tenants},
    error::AppResult,
    ids::OfferId,
};

/// How often an instance looks for changes made by the others.
pub const WATCH_INTERVAL: Duration = Duration::from_millis(500);
/// Offers read from the database at a time when the index is built.
const LOAD_BATCH: u64 = 2_000;

/// The search index of this instance and the last change it holds.
pub struct SearchIndex {
    catalogue: RwLock<Catalogue>,
    /// The number of the last change read; `None` before the first build.
    seen: tokio::sync::Mutex<Option<i64>>,
    /// The same number, for readers that must not wait (0 before the first build).
    last_change: AtomicI64,
    /// Whether the whole index is being built.
    rebuilding: AtomicBool,
}

impl Default for SearchIndex {
    fn default() -> Self {
        Self {
            catalogue: RwLock::new(Catalogue::default()),
            seen: tokio::sync::Mutex::new(None),
            last_change: AtomicI64::new(0),
            rebuilding: AtomicBool::new(false),
        }
    }
}

impl SearchIndex {
    /// The index brought up to the database's last change. While the whole index is being
    /// built again (a ministry renamed), the previous one answers rather than making every
    /// page wait.
    pub async fn current(
        &self,
        db: &impl ConnectionTrait,
    ) -> AppResult<RwLockReadGuard<'_, Catalogue>> {
        if !(self.rebuilding.load(Ordering::Acquire) && self.last_change() > 0) {
            self.sync(db).await?;
        }
        Ok(self.read())
    }

    /// Whether the first build is running (`/readyz` then answers 503 at once).
    pub fn is_building(&self) -> bool {
        self.rebuilding.load(Ordering::Acquire) && self.last_change() == 0
    }

    /// The number of the last content change this instance knows of (0 before the first build).
    pub fn last_change(&self) -> i64 {
        self.last_change.load(Ordering::Acquire)
    }

    fn read(&self) -> RwLockReadGuard<'_, Catalogue> {
        self.catalogue.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Reads what changed since the last call. The first call, a change of a ministry's or a
    /// direction's name, or too many stale entries build the whole index again.
    pub async fn sync(&self, db: &impl ConnectionTrait) -> AppResult<()> {
        let mut seen = self.seen.lock().await;
        let last = last_change(db).await?;
        if *seen == Some(last) {
            return Ok(());
        }
        let ministries = ministries(db).await?;
        let directions = directions(db).await?;
        let rebuild = match *seen {
            None => true,
            Some(_) => {
                let catalogue = self.read();
                catalogue.ministries() != ministries.as_slice()
                    || catalogue.directions() != &directions
                    || catalogue.is_worn()
            }
        };
        if rebuild {
            self.rebuilding.store(true, Ordering::Release);
            let built = build(db, ministries, directions).await;
            self.rebuilding.store(false, Ordering::Release);
            *self.catalogue.write().unwrap_or_else(|e| e.into_inner()) = built?;
        } else {
            self.apply_changes(db, seen.unwrap_or(0), ministries, &directions)
                .await?;
        }
        *seen = Some(last);
        self.last_change.store(last, Ordering::Release);
        Ok(())
    }

    /// Re-indexes the offers numbered after `seen`, a batch at a time, and forgets those no
    /// longer published.
    async fn apply_changes(
        &self,
        db: &impl ConnectionTrait,
        seen: i64,
        ministries: Vec<Ministry>,
        directions: &HashMap<i32, String>,
    ) -> AppResult<()> {
        let changed: Vec<i32> = offers::Entity::find()
            .select_only()
            .column(offers::Column::Id)
            .filter(Expr::col((offers::Entity, Alias::new("change_seq"))).gt(seen))
            .into_tuple()
            .all(db)
            .await?;
        let ministries = std::sync::Arc::new(ministries);
        for batch in changed.chunks(LOAD_BATCH as usize) {
            let rows = offers::Entity::find()
                .filter(offers::Column::Id.is_in(batch.iter().copied()))
                .all(db)
                .await?;
            let gone: Vec<i32> = rows
                .iter()
                .filter(|o| o.status != Status::Published)
                .map(|o| o.id)
                .collect();
            let published = rows
                .into_iter()
                .filter(|o| o.status == Status::Published)
                .collect();
            let texts = texts(db, published, directions).await?;
            let ministries = ministries.clone();
            let prepared: Vec<Prepared> =
                off_the_workers(move || prepare_on_every_core(texts, &ministries)).await?;
            let mut catalogue = self.catalogue.write().unwrap_or_else(|e| e.into_inner());
            for id in gone {
                catalogue.remove(id);
            }
            for offer in prepared {
                catalogue.insert(offer);
            }
        }
        Ok(())
    }
}

/// The whole index, read from the published offers a batch at a time.
async fn build(
    db: &impl ConnectionTrait,
    ministries: Vec<Ministry>,
    directions: HashMap<i32, String>,
) -> AppResult<Catalogue> {
    let started = std::time::Instant::now();
    let mut catalogue = Catalogue::new(ministries, directions);
    let mut after = 0;
    loop {
        let rows = offers::Entity::find()
            .filter(offers::Column::Status.eq(Status::Published))
            .filter(offers::Column::Id.gt(after))
            .order_by_asc(offers::Column::Id)
            .limit(LOAD_BATCH)
            .all(db)
            .await?;
        let Some(last_row) = rows.last() else { break };
        after = last_row.id;
        let texts = texts(db, rows, catalogue.directions()).await?;
        catalogue = off_the_workers(move || {
            for prepared in prepare_on_every_core(texts, catalogue.ministries()) {
                catalogue.insert(prepared);
            }
            catalogue
        })
        .await?;
    }
    tracing::info!(
        offers = catalogue.indexed_offers(),
        seconds = started.elapsed().as_secs_f32(),
        "search index built"
    );
    Ok(catalogue)
}

/// Reads `texts` into terms, a share of them on each core (called on a blocking thread).
fn prepare_on_every_core(mut texts: Vec<OfferText>, ministries: &[Ministry]) -> Vec<Prepared> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let share = texts.len().div_ceil(cores).max(1);
    let mut shares = Vec::new();
    while !texts.is_empty() {
        let rest = texts.split_off(share.min(texts.len()));
        shares.push(std::mem::replace(&mut texts, rest));
    }
    std::thread::scope(|scope| {
        let running: Vec<_> = shares
            .into_iter()
            .map(|share| {
                scope.spawn(move || {
                    share
                        .into_iter()
                        .map(|text| catalogue::prepare(text, ministries))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        running
            .into_iter()
            .flat_map(|thread| {
                thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Runs `work` on a blocking thread: reading offers into terms is CPU work.
async fn off_the_workers<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> AppResult<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| crate::error::AppError::Io(std::io::Error::other(e.to_string())))
}

/// The number of the last change to the content (see the module's documentation).
async fn last_change(db: &impl ConnectionTrait) -> AppResult<i64> {
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT seq FROM content_changes WHERE id = 1",
        ))
        .await?;
    Ok(match row {
        Some(row) => row.try_get("", "seq")?,
        None => 0,
    })
}

async fn ministries(db: &impl ConnectionTrait) -> AppResult<Vec<Ministry>> {
    Ok(tenants::Entity::find()
        .order_by_asc(tenants::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|t| Ministry {
            id: t.id,
            words: format!("{} {} {}", t.name, t.acronym, t.short_name),
            slug: t.slug,
            active: t.archived_at.is_none(),
        })
        .collect())
}

async fn directions(db: &impl ConnectionTrait) -> AppResult<HashMap<i32, String>> {
    Ok(structures::Entity::find()
        .select_only()
        .column(structures::Column::Id)
        .column(structures::Column::Name)
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// What search reads of `rows`.
async fn texts(
    db: &impl ConnectionTrait,
    rows: Vec<offers::Model>,
    directions: &HashMap<i32, String>,
) -> AppResult<Vec<OfferText>> {
    let ids: Vec<OfferId> = rows.iter().map(|o| o.key()).collect();
    let mut contracts = crate::offers::contract_types(db, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|offer| OfferText {
            id: offer.id,
            tenant_id: offer.tenant_id,
            structure: offer
                .structure_id
                .and_then(|id| directions.get(&id).cloned()),
            body: crate::offers::sections(&offer)
                .iter()
                .map(|(_, text)| (*text).to_owned())
                .collect(),
            profession: Profession::parse(&offer.profession).unwrap_or(Profession::Autre),
            contracts: contracts.remove(&offer.id).unwrap_or_default(),
            category: offer.category.as_deref().and_then(Category::parse),
            remote_policy: RemotePolicy::parse(&offer.remote_policy).unwrap_or(RemotePolicy::Aucun),
            experience_min_years: offer.experience_min_years,
            skills: offer.domains,
            title: offer.title,
            city: offer.city,
            postal_code: offer.postal_code,
            department: offer.department,
            region: offer.region,
            published_at: offer.published_at,
            expires_at: offer.expires_at,
        })
        .collect())
}

/// Looks for other instances' changes every [`WATCH_INTERVAL`] (the cached pages rendered
/// before them are then no longer served, see `caches::pages`).
pub async fn watch(state: crate::app::SharedState) {
    let mut ticks = tokio::time::interval(WATCH_INTERVAL);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        if let Err(error) = state.search.sync(&state.db).await {
            tracing::warn!(%error, "reading content changes failed");
        }
    }
}
