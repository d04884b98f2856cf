//! API tokens of the integration API: a ministry's systems push and update its offers, and
//! read its applications, with a token one of its managers made. Only a hash of each token is
//! kept. An offer pushed through the API is known by its ministry's own reference, one offer a
//! reference.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ApiTokens {
    Table,
    Id,
    TenantId,
    /// What the token is for, told by its maker ("SIRH", "Place de l'emploi public").
    Name,
    /// The SHA-256 of the secret, in hexadecimal.
    TokenHash,
    /// The first characters of the secret, to tell tokens apart in lists.
    Prefix,
    /// Space-separated: `offers:write`, `applications:read`, `applications:write`.
    Scopes,
    CreatedBy,
    CreatedAt,
    ExpiresAt,
    LastUsedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Offers {
    Table,
    TenantId,
    SourceName,
    ExternalId,
}

const REFERENCE_INDEX: &str = "idx_offers_external_reference";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ApiTokens::Table)
                    .col(pk_auto(ApiTokens::Id))
                    .col(integer(ApiTokens::TenantId))
                    .col(string(ApiTokens::Name))
                    .col(string(ApiTokens::TokenHash).unique_key())
                    .col(string(ApiTokens::Prefix))
                    .col(string(ApiTokens::Scopes))
                    .col(integer_null(ApiTokens::CreatedBy))
                    .col(timestamp_with_time_zone(ApiTokens::CreatedAt))
                    .col(timestamp_with_time_zone(ApiTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(ApiTokens::LastUsedAt))
                    .col(timestamp_with_time_zone_null(ApiTokens::RevokedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ApiTokens::Table, ApiTokens::TenantId)
                            .to(Tenants::Table, Tenants::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ApiTokens::Table, ApiTokens::CreatedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_api_tokens_tenant")
                    .table(ApiTokens::Table)
                    .col(ApiTokens::TenantId)
                    .to_owned(),
            )
            .await?;
        // Offers without a source (written here) have NULLs, which never collide.
        manager
            .create_index(
                Index::create()
                    .name(REFERENCE_INDEX)
                    .table(Offers::Table)
                    .col(Offers::TenantId)
                    .col(Offers::SourceName)
                    .col(Offers::ExternalId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(REFERENCE_INDEX)
                    .table(Offers::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(ApiTokens::Table).to_owned())
            .await
    }
}
