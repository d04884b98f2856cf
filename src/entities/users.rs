use sea_orm::entity::prelude::*;

/// A person who logs in to the back-office (ministry editor, manager or DINUM admin).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// ProConnect subject; differs per identity provider, so email is the fallback match.
    pub sub: Option<String>,
    #[sea_orm(unique)]
    pub email: String,
    pub given_name: String,
    pub usual_name: String,
    pub siret: Option<String>,
    pub is_admin: bool,
    pub created_at: DateTimeUtc,
    pub last_login_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
