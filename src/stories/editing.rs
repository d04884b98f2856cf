//! Stories as the back-office writes them, within the ministry the acting user works on (what
//! stories share with offers is in [`crate::content`]).

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait};

use super::NewStory;
use crate::{accounts::Actor, codes::Status, content, entities::stories, error::AppResult};

/// The stories of ministry `tenant_id`, newest change first, filtered by status and name.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    status: Option<Status>,
    words: &str,
) -> AppResult<Vec<stories::Model>> {
    let mut matching = Condition::all();
    if !words.trim().is_empty() {
        matching = matching.add(stories::Column::PersonName.contains(words.trim()));
    }
    content::list::<stories::Entity>(db, actor, tenant_id, status, matching).await
}

/// Writes a new draft in ministry `tenant_id`. Call it inside a transaction.
pub async fn create(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    mut new: NewStory,
    now: DateTime<Utc>,
) -> AppResult<stories::Model> {
    actor.require_editor(tenant_id)?;
    crate::media::check_owned(db, tenant_id, new.photo_media_id, "photo_media_id").await?;
    new.tenant_id = tenant_id;
    new.created_by = Some(actor.user.id);
    new.status = Some(Status::Draft);
    new.published_at = None;
    let story = super::create(db, new, now).await?;
    content::record::<stories::Entity>(db, actor, "create", None, &story, now).await?;
    crate::moderation::keep_revision::<stories::Entity>(db, actor, &story, None, now).await?;
    Ok(story)
}
