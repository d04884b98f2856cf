//! Ministries (tenants): their public page and their settings.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use crate::{
    entities::{structures, tenants},
    error::{AppError, AppResult},
    slug,
};

/// The ministries shown on the portal (not archived), by name.
pub async fn list_active(db: &impl ConnectionTrait) -> AppResult<Vec<tenants::Model>> {
    Ok(tenants::Entity::find()
        .filter(tenants::Column::ArchivedAt.is_null())
        .order_by_asc(tenants::Column::Name)
        .all(db)
        .await?)
}

/// Every ministry, archived ones included.
pub async fn list_all(db: &impl ConnectionTrait) -> AppResult<Vec<tenants::Model>> {
    Ok(tenants::Entity::find()
        .order_by_asc(tenants::Column::Name)
        .all(db)
        .await?)
}

pub async fn find_active_by_slug(
    db: &impl ConnectionTrait,
    slug: &str,
) -> AppResult<Option<tenants::Model>> {
    Ok(tenants::Entity::find()
        .filter(tenants::Column::Slug.eq(slug))
        .filter(tenants::Column::ArchivedAt.is_null())
        .one(db)
        .await?)
}

/// The keys of a ministry's showcase texts, in the order of its page.
pub const SHOWCASE_KEYS: [&str; 9] = [
    "values",
    "challenges",
    "mission",
    "projects",
    "organisation",
    "key_figures",
    "skills_sought",
    "recruitment_process",
    "working_with_us",
];

/// A ministry's showcase texts (Markdown) with their keys.
pub fn showcase_sections(tenant: &tenants::Model) -> [(&'static str, &str); 9] {
    let texts = [
        &tenant.values,
        &tenant.challenges,
        &tenant.mission,
        &tenant.projects,
        &tenant.organisation,
        &tenant.key_figures,
        &tenant.skills_sought,
        &tenant.recruitment_process,
        &tenant.working_with_us,
    ];
    std::array::from_fn(|i| (SHOWCASE_KEYS[i], texts[i].as_str()))
}

/// What a new ministry needs; the showcase texts may be filled later.
#[derive(Clone, Debug, Default)]
pub struct NewTenant {
    pub slug: String,
    pub name: String,
    pub acronym: String,
    pub website: Option<String>,
    pub theme: Option<String>,
    pub accent_color: Option<String>,
    pub presentation: String,
    pub showcase: Vec<(&'static str, String)>,
}

/// Whether `color` is a `#rrggbb` colour.
pub fn is_hex_color(color: &str) -> bool {
    color.len() == 7 && color.starts_with('#') && color[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

pub async fn create(
    db: &impl ConnectionTrait,
    new: NewTenant,
    now: DateTime<Utc>,
) -> AppResult<tenants::Model> {
    let slug = if new.slug.is_empty() {
        slug::slugify(&new.name)
    } else {
        new.slug.clone()
    };
    if !slug::is_valid(&slug) {
        return Err(AppError::invalid(
            "slug",
            "lower-case letters, digits and dashes",
        ));
    }
    if new.name.trim().is_empty() {
        return Err(AppError::invalid("name", "required"));
    }
    if new.acronym.trim().is_empty() || new.acronym.chars().count() > 20 {
        return Err(AppError::invalid(
            "acronym",
            "required, at most 20 characters",
        ));
    }
    let accent_color = new
        .accent_color
        .clone()
        .unwrap_or_else(|| "#000091".to_owned());
    if !is_hex_color(&accent_color) {
        return Err(AppError::invalid("accent_color", "a colour like #000091"));
    }
    if tenants::Entity::find()
        .filter(tenants::Column::Slug.eq(slug.as_str()))
        .one(db)
        .await?
        .is_some()
    {
        return Err(AppError::invalid(
            "slug",
            "already used by another ministry",
        ));
    }
    let section = |key: &str| {
        new.showcase
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, text)| text.clone())
            .unwrap_or_default()
    };
    Ok(tenants::ActiveModel {
        slug: Set(slug),
        name: Set(new.name.trim().to_owned()),
        acronym: Set(new.acronym.trim().to_owned()),
        website: Set(new.website.clone()),
        logo_media_id: Set(None),
        theme: Set(new
            .theme
            .clone()
            .unwrap_or_else(|| crate::render::DEFAULT_THEME.to_owned())),
        accent_color: Set(accent_color),
        trusted: Set(false),
        presentation: Set(new.presentation.clone()),
        values: Set(section("values")),
        challenges: Set(section("challenges")),
        mission: Set(section("mission")),
        projects: Set(section("projects")),
        organisation: Set(section("organisation")),
        key_figures: Set(section("key_figures")),
        skills_sought: Set(section("skills_sought")),
        recruitment_process: Set(section("recruitment_process")),
        working_with_us: Set(section("working_with_us")),
        sirets: Set(String::new()),
        archived_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// Adds a direction or service to a ministry.
pub async fn add_structure(
    db: &impl ConnectionTrait,
    tenant_id: i32,
    parent_id: Option<i32>,
    kind: &str,
    name: &str,
) -> AppResult<structures::Model> {
    if !matches!(kind, "direction" | "service") {
        return Err(AppError::invalid("kind", "direction or service"));
    }
    Ok(structures::ActiveModel {
        tenant_id: Set(tenant_id),
        parent_id: Set(parent_id),
        kind: Set(kind.to_owned()),
        name: Set(name.to_owned()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

pub async fn structure_names(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> AppResult<std::collections::HashMap<i32, String>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(structures::Entity::find()
        .filter(structures::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect())
}
