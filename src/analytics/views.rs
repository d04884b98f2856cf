//! Page views counted in memory and written in batches.

use std::{
    collections::{HashMap, hash_map::Entry},
    sync::Mutex,
};

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use super::{Metric, Tally};
use crate::{
    entities::{offers, tenants},
    error::AppResult,
    ids::{OfferId, TenantId},
};

/// A page seen, as its address names it: slugs are turned into ids when written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Seen {
    Offer(String),
    /// An offer's application form.
    ApplyForm(String),
    Ministry(String),
    /// Any other public page.
    Page,
}

/// Distinct pages kept between two writes; beyond, views are dropped (and logged) rather than
/// let memory grow.
const MAX_PENDING: usize = 100_000;

/// The views counted since the last write.
#[derive(Default)]
pub struct Views {
    pending: Mutex<HashMap<(NaiveDate, Seen), i64>>,
}

impl Views {
    /// Counts one view of `seen` on `day`.
    pub fn record(&self, day: NaiveDate, seen: Seen) {
        let mut pending = self
            .pending
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let full = pending.len() >= MAX_PENDING;
        match pending.entry((day, seen)) {
            Entry::Occupied(mut counted) => *counted.get_mut() += 1,
            Entry::Vacant(_) if full => {
                tracing::warn!("too many distinct pages between two writes: a view dropped")
            }
            Entry::Vacant(first) => {
                first.insert(1);
            }
        }
    }

    fn take(&self) -> HashMap<(NaiveDate, Seen), i64> {
        std::mem::take(
            &mut *self
                .pending
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
        )
    }

    /// Puts back views a failed write could not keep.
    fn restore(&self, views: HashMap<(NaiveDate, Seen), i64>) {
        let mut pending = self
            .pending
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        for (key, n) in views {
            *pending.entry(key).or_default() += n;
        }
    }

    /// Writes the views counted so far; returns how many. When the database fails they are
    /// kept for the next write.
    pub async fn flush(&self, db: &impl ConnectionTrait) -> AppResult<i64> {
        let views = self.take();
        if views.is_empty() {
            return Ok(0);
        }
        let written = async {
            let (tally, total) = tally(db, &views).await?;
            tally.save(db).await?;
            Ok(total)
        }
        .await;
        if written.is_err() {
            self.restore(views);
        }
        written
    }
}

/// The counts of `views`, slugs turned into their offers and ministries (a slug that no longer
/// names one counts as a page view only).
async fn tally(
    db: &impl ConnectionTrait,
    views: &HashMap<(NaiveDate, Seen), i64>,
) -> AppResult<(Tally, i64)> {
    let slugs = |wanted: fn(&Seen) -> Option<&String>| -> Vec<String> {
        let mut slugs: Vec<String> = views
            .keys()
            .filter_map(|(_, seen)| wanted(seen))
            .cloned()
            .collect();
        slugs.sort();
        slugs.dedup();
        slugs
    };
    let offer_slugs = slugs(|seen| match seen {
        Seen::Offer(slug) | Seen::ApplyForm(slug) => Some(slug),
        _ => None,
    });
    let ministry_slugs = slugs(|seen| match seen {
        Seen::Ministry(slug) => Some(slug),
        _ => None,
    });
    let mut offer_ids: HashMap<String, (i32, i32)> = HashMap::new();
    for chunk in offer_slugs.chunks(500) {
        let rows: Vec<(String, i32, i32)> = offers::Entity::find()
            .select_only()
            .columns([
                offers::Column::Slug,
                offers::Column::Id,
                offers::Column::TenantId,
            ])
            .filter(offers::Column::Slug.is_in(chunk.iter().cloned()))
            .into_tuple()
            .all(db)
            .await?;
        offer_ids.extend(
            rows.into_iter()
                .map(|(slug, id, tenant)| (slug, (id, tenant))),
        );
    }
    let mut tenant_ids: HashMap<String, i32> = HashMap::new();
    for chunk in ministry_slugs.chunks(500) {
        let rows: Vec<(String, i32)> = tenants::Entity::find()
            .select_only()
            .columns([tenants::Column::Slug, tenants::Column::Id])
            .filter(tenants::Column::Slug.is_in(chunk.iter().cloned()))
            .into_tuple()
            .all(db)
            .await?;
        tenant_ids.extend(rows);
    }
    let mut tally = Tally::default();
    let mut total = 0;
    for ((day, seen), n) in views {
        let (day, n) = (*day, *n);
        total += n;
        tally.add(day, Metric::PageView, None, None, n);
        let offer = |slug: &String| {
            offer_ids
                .get(slug)
                .map(|(id, tenant)| (Some(TenantId::new(*tenant)), Some(OfferId::new(*id))))
        };
        let counted = match seen {
            Seen::Offer(slug) => offer(slug).map(|at| (Metric::OfferView, at)),
            Seen::ApplyForm(slug) => offer(slug).map(|at| (Metric::ApplyOnSite, at)),
            Seen::Ministry(slug) => tenant_ids
                .get(slug)
                .map(|id| (Metric::MinistryView, (Some(TenantId::new(*id)), None))),
            Seen::Page => None,
        };
        if let Some((metric, (tenant, offer))) = counted {
            tally.add(day, metric, tenant, offer, n);
        }
    }
    Ok((tally, total))
}
