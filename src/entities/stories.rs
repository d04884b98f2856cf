use sea_orm::entity::prelude::*;

/// A team story: a person of a ministry tells about their job.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
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
    pub status: crate::codes::Status,
    pub published_at: Option<DateTimeUtc>,
    pub version: i32,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// The revision holding a proposed change of the live item, waiting for review or sent
    /// back to its editor; the live item stays as it is meanwhile.
    pub proposal_id: Option<i32>,
    /// When the item goes public once approved, if its editor chose a later date.
    pub publish_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
