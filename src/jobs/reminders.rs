//! Expiry reminders: the author of an offer and its ministry's managers are emailed 7 days and
//! 1 day before it expires, once each (an offer extended since is reminded again), with a link
//! to its page, where extending it re-enters review only if the ministry is not trusted.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use super::Context;
use crate::{
    codes::Status,
    entities::{offer_reminders, offers},
    error::AppResult,
    mail,
};

/// How many days before its expiry an offer's people are reminded, farthest first.
const DAYS_BEFORE: [i64; 2] = [7, 1];

/// Sends the reminders due at `now`; returns how many offers were reminded.
pub async fn send(jobs: &Context<'_>, now: DateTime<Utc>) -> AppResult<u64> {
    let mut reminded = 0;
    for (index, days) in DAYS_BEFORE.into_iter().enumerate() {
        // An offer within the next, closer reminder's window gets that one only.
        let after = DAYS_BEFORE
            .get(index + 1)
            .map_or(now, |closer| now + Duration::days(*closer));
        let due = offers::Entity::find()
            .filter(offers::Column::Status.eq(Status::Published))
            .filter(offers::Column::ExpiresAt.gt(after))
            .filter(offers::Column::ExpiresAt.lte(now + Duration::days(days)))
            .all(jobs.db)
            .await?;
        let sent: HashSet<(i32, DateTime<Utc>)> = offer_reminders::Entity::find()
            .filter(offer_reminders::Column::DaysBefore.eq(days as i32))
            .filter(offer_reminders::Column::OfferId.is_in(due.iter().map(|offer| offer.id)))
            .all(jobs.db)
            .await?
            .into_iter()
            .map(|reminder| (reminder.offer_id, reminder.expires_at))
            .collect();
        for offer in due {
            let Some(expires_at) = offer.expires_at else {
                continue;
            };
            if !sent.contains(&(offer.id, expires_at)) && remind(jobs, &offer, days, now).await? {
                reminded += 1;
            }
        }
    }
    Ok(reminded)
}

/// Records the reminder and writes its emails, together; `false` when another run did.
async fn remind(
    jobs: &Context<'_>,
    offer: &offers::Model,
    days: i64,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let expires_at = offer.expires_at.expect("a due offer expires");
    let txn = crate::db::begin_write(jobs.db).await?;
    let recorded = offer_reminders::ActiveModel {
        offer_id: Set(offer.id),
        days_before: Set(days as i32),
        expires_at: Set(expires_at),
        sent_at: Set(now),
    }
    .insert(&txn)
    .await;
    match recorded {
        Err(error) if crate::db::is_unique_violation(&error) => return Ok(false),
        Err(error) => return Err(error.into()),
        Ok(_) => {}
    }
    let recipients = crate::offers::recruiters(&txn, offer).await?;
    let letterhead = &jobs.letterhead;
    let args = [
        ("title", offer.title.clone()),
        ("days", days.to_string()),
        ("date", expires_at.format("%d/%m/%Y").to_string()),
        (
            "link",
            format!("{}/admin/offres/{}", letterhead.base_url, offer.id),
        ),
    ];
    for recipient in recipients {
        let email = mail::compose(letterhead, "expiry_reminder", &recipient.email, &args)?;
        mail::enqueue(&txn, &email, now).await?;
    }
    txn.commit().await?;
    Ok(true)
}
