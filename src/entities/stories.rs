use sea_orm::entity::prelude::*;

/// A team story: a person of a ministry tells about their job.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "stories")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub tenant_id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub person_name: String,
    pub role: String,
    pub photo_media_id: Option<i32>,
    pub excerpt: String,
    pub body: String,
    pub video_url: Option<String>,
    pub status: String,
    pub published_at: Option<DateTimeUtc>,
    pub version: i32,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
