//! Team stories: people of the ministries tell about their work.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use crate::{
    codes::Status,
    entities::stories,
    error::{AppError, AppResult},
    slug,
};

/// Published stories, newest first, of one ministry or of all.
pub async fn list_published(
    db: &impl ConnectionTrait,
    tenant_id: Option<i32>,
    limit: Option<u64>,
) -> AppResult<Vec<stories::Model>> {
    let mut select =
        stories::Entity::find().filter(stories::Column::Status.eq(Status::Published.as_str()));
    if let Some(tenant_id) = tenant_id {
        select = select.filter(stories::Column::TenantId.eq(tenant_id));
    }
    Ok(select
        .order_by_desc(stories::Column::PublishedAt)
        .order_by_desc(stories::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// How many stories are published.
pub async fn count_published(db: &impl ConnectionTrait) -> AppResult<u64> {
    Ok(stories::Entity::find()
        .filter(stories::Column::Status.eq(Status::Published.as_str()))
        .count(db)
        .await?)
}

pub async fn find_published_by_slug(
    db: &impl ConnectionTrait,
    slug: &str,
) -> AppResult<Option<stories::Model>> {
    Ok(stories::Entity::find()
        .filter(stories::Column::Slug.eq(slug))
        .filter(stories::Column::Status.eq(Status::Published.as_str()))
        .one(db)
        .await?)
}

#[derive(Clone, Debug, Default)]
pub struct NewStory {
    pub tenant_id: i32,
    pub slug: String,
    pub person_name: String,
    pub role: String,
    pub excerpt: String,
    pub body: String,
    pub video_url: Option<String>,
    pub status: Option<Status>,
    pub published_at: Option<DateTime<Utc>>,
    pub created_by: Option<i32>,
}

pub async fn create(
    db: &impl ConnectionTrait,
    new: NewStory,
    now: DateTime<Utc>,
) -> AppResult<stories::Model> {
    if new.person_name.trim().is_empty() {
        return Err(AppError::invalid("person_name", "required"));
    }
    if new.role.trim().is_empty() {
        return Err(AppError::invalid("role", "required"));
    }
    let slug = if new.slug.is_empty() {
        slug::slugify(&new.person_name)
    } else {
        new.slug.clone()
    };
    if !slug::is_valid(&slug) {
        return Err(AppError::invalid(
            "slug",
            "lower-case letters, digits and dashes",
        ));
    }
    if stories::Entity::find()
        .filter(stories::Column::Slug.eq(slug.as_str()))
        .one(db)
        .await?
        .is_some()
    {
        return Err(AppError::invalid("slug", "already used by another story"));
    }
    Ok(stories::ActiveModel {
        tenant_id: Set(new.tenant_id),
        slug: Set(slug),
        person_name: Set(new.person_name.trim().to_owned()),
        role: Set(new.role.trim().to_owned()),
        photo_media_id: Set(None),
        excerpt: Set(new.excerpt),
        body: Set(new.body),
        video_url: Set(new.video_url),
        status: Set(new.status.unwrap_or(Status::Draft).as_str().to_owned()),
        published_at: Set(new.published_at),
        version: Set(1),
        created_by: Set(new.created_by),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?)
}
