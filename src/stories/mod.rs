//! Team stories: people of the ministries tell about their work.

pub mod editing;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::{
    accounts::Scope,
    codes::Status,
    entities::stories,
    error::{AppError, AppResult, Problems, Reason},
    ids::TenantId,
    markdown, slug, text,
};

/// Stories anyone may see: published, and past the publication date their editor chose.
fn public(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(stories::Column::Status.eq(Status::Published))
        .add(stories::Column::TenantId.in_subquery(crate::tenants::active_ids()))
        .add(
            Condition::any()
                .add(stories::Column::PublishedAt.is_null())
                .add(stories::Column::PublishedAt.lte(now)),
        )
}

/// Public stories, newest first, of one ministry or of all.
pub async fn list_published(
    db: &impl ConnectionTrait,
    tenant_id: Option<TenantId>,
    limit: Option<u64>,
    now: DateTime<Utc>,
) -> AppResult<Vec<stories::Model>> {
    let mut select = stories::Entity::find().filter(public(now));
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

/// A page of public stories, newest first, of one ministry or of all, with how many there are.
pub async fn published_page(
    db: &impl ConnectionTrait,
    tenant_id: Option<TenantId>,
    (offset, limit): (u64, u64),
    now: DateTime<Utc>,
) -> AppResult<(Vec<stories::Model>, u64)> {
    let mut select = stories::Entity::find().filter(public(now));
    if let Some(tenant_id) = tenant_id {
        select = select.filter(stories::Column::TenantId.eq(tenant_id));
    }
    let total = select.clone().count(db).await?;
    let rows = select
        .order_by_desc(stories::Column::PublishedAt)
        .order_by_desc(stories::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// How many stories are public.
pub async fn count_published(db: &impl ConnectionTrait, now: DateTime<Utc>) -> AppResult<u64> {
    Ok(stories::Entity::find()
        .filter(public(now))
        .count(db)
        .await?)
}

pub async fn find_published_by_slug(
    db: &impl ConnectionTrait,
    slug: &str,
    now: DateTime<Utc>,
) -> AppResult<Option<stories::Model>> {
    Ok(stories::Entity::find()
        .filter(stories::Column::Slug.eq(slug))
        .filter(public(now))
        .one(db)
        .await?)
}

#[derive(Clone, Debug, Default)]
pub struct NewStory {
    pub slug: String,
    pub person_name: String,
    pub role: String,
    pub excerpt: String,
    pub body: String,
    pub video_url: Option<String>,
    /// Its photo, an image of its ministry's media library.
    pub photo_media_id: Option<i32>,
    pub status: Option<Status>,
    pub published_at: Option<DateTime<Utc>>,
    /// When it goes public once approved, if later.
    pub publish_at: Option<DateTime<Utc>>,
    pub created_by: Option<i32>,
}

impl NewStory {
    /// Refuses what is wrong with the story that is told without the database, every field
    /// at once.
    pub(crate) fn check(&self) -> AppResult<()> {
        let mut problems = Problems::default();
        let texts = [
            ("person_name", &self.person_name),
            ("role", &self.role),
            ("excerpt", &self.excerpt),
            ("body", &self.body),
        ];
        for (field, _) in texts.iter().filter(|(_, text)| text.trim().is_empty()) {
            problems.add(*field, Reason::Required);
        }
        if self.excerpt.chars().count() > 300 {
            problems.add("excerpt", Reason::TooLong);
        }
        // A slug typed for a new story; one derived from the name is checked on creation.
        if !self.slug.is_empty() && !slug::is_valid(&self.slug) {
            problems.add("slug", Reason::NotASlug);
        }
        problems.check(markdown::check("body", &self.body))?;
        for (field, line) in [("person_name", &self.person_name), ("role", &self.role)] {
            problems.check(text::check_length(field, line, text::MAX_LINE_CHARS))?;
        }
        if let Some(url) = &self.video_url {
            problems.check(text::check_http_url("video_url", url))?;
        }
        problems.into_result()
    }

    /// The story's written fields, checked: everything but its ministry, slug, life cycle and
    /// authorship.
    fn written_fields(&self) -> AppResult<stories::ActiveModel> {
        self.check()?;
        Ok(stories::ActiveModel {
            person_name: Set(self.person_name.trim().to_owned()),
            role: Set(self.role.trim().to_owned()),
            excerpt: Set(self.excerpt.trim().to_owned()),
            body: Set(self.body.clone()),
            video_url: Set(self.video_url.clone()),
            photo_media_id: Set(self.photo_media_id),
            publish_at: Set(self.publish_at),
            ..Default::default()
        })
    }
}

/// Writes a new story of the scope's ministry, as the demo does (an editor's draft goes
/// through `moderation::create`).
pub async fn create(
    db: &impl ConnectionTrait,
    scope: &Scope,
    new: NewStory,
    now: DateTime<Utc>,
) -> AppResult<stories::Model> {
    let mut model = new.written_fields()?;
    let slug = if new.slug.is_empty() {
        slug::slugify(&new.person_name)
    } else {
        new.slug.clone()
    };
    if !slug::is_valid(&slug) {
        return Err(AppError::invalid("slug", Reason::NotASlug));
    }
    model.tenant_id = Set(scope.tenant().get());
    model.status = Set(new.status.unwrap_or(Status::Draft));
    model.published_at = Set(new.published_at);
    model.version = Set(1);
    model.created_by = Set(new.created_by);
    model.created_at = Set(now);
    model.updated_at = Set(now);
    let derived = new.slug.is_empty();
    crate::content::insert_with_slug::<stories::Entity>(db, model, &slug, derived).await
}

/// Rewrites the written fields of `existing` (its slug, ministry and life cycle stay), an
/// item found through a scope.
pub(crate) async fn update(
    db: &impl ConnectionTrait,
    existing: &stories::Model,
    new: &NewStory,
    now: DateTime<Utc>,
) -> AppResult<stories::Model> {
    let mut model = new.written_fields()?;
    model.id = sea_orm::ActiveValue::Unchanged(existing.id);
    model.version = Set(existing.version + 1);
    model.updated_at = Set(now);
    Ok(model.update(db).await?)
}
