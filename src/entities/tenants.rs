use sea_orm::entity::prelude::*;

/// A ministry: the tenant that owns offers, stories and media.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "tenants")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    pub acronym: String,
    /// Its name as a French sentence uses it, with its article (`la DGFiP`); empty: derived
    /// from `name` (see `tenants::naming`).
    pub short_name: String,
    pub website: Option<String>,
    pub logo_media_id: Option<i32>,
    pub theme: String,
    pub accent_color: String,
    pub trusted: bool,
    pub presentation: String,
    pub values: String,
    pub challenges: String,
    pub mission: String,
    pub projects: String,
    pub organisation: String,
    pub key_figures: String,
    pub skills_sought: String,
    pub recruitment_process: String,
    pub working_with_us: String,
    /// SIRET numbers whose agents may ask to join, one per line.
    pub sirets: String,
    pub archived_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
