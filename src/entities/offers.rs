use sea_orm::entity::prelude::*;

/// A job offer. Codes (profession, remote policy, status…) are defined in `offers::codes`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "offers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub tenant_id: i32,
    pub structure_id: Option<i32>,
    #[sea_orm(unique)]
    pub slug: String,
    pub title: String,
    pub context: String,
    pub mission: String,
    pub tasks: String,
    pub team: String,
    pub perks: String,
    pub particularities: String,
    pub profile: String,
    pub recruitment_process: String,
    pub video_url: Option<String>,
    /// An image of its ministry's media library, shown on its page.
    pub illustration_media_id: Option<i32>,
    pub category: Option<String>,
    pub profession: String,
    /// JSON array of short domain tags.
    pub domains: String,
    pub experience_min_years: Option<i32>,
    pub remote_policy: String,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    /// Derived from the postal code.
    pub department: String,
    /// Derived from the postal code (INSEE region code).
    pub region: String,
    pub start_on: Option<Date>,
    pub apply_mode: String,
    pub apply_url: Option<String>,
    /// Contact emails for applications, one per line.
    pub apply_emails: String,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    /// None for offers written on this site; the importer's name otherwise.
    pub source_name: Option<String>,
    pub external_id: Option<String>,
    pub external_url: Option<String>,
    pub status: crate::codes::Status,
    pub published_at: Option<DateTimeUtc>,
    pub expires_at: Option<DateTimeUtc>,
    pub filled_at: Option<DateTimeUtc>,
    /// The offer's words, lower-cased and without accents, indexed for full-text search.
    pub search_text: String,
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
