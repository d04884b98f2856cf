//! Applications made on the site: the candidate's details, their CV (a private object in the
//! media store, never served under `/media/`), the recruiters' status and notes. One per
//! email and offer: applying again updates the first.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Applications {
    Table,
    Id,
    TenantId,
    OfferId,
    FirstName,
    LastName,
    /// Lower-cased: one application per email and offer.
    Email,
    Phone,
    /// Profile links (portfolio, LinkedIn, GitHub…), one per line.
    Links,
    Message,
    /// The key of the CV in the media store, under `private/`.
    CvKey,
    CvSize,
    /// `received`, `in_review`, `interview`, `hired` or `not_retained`.
    Status,
    /// Why it was not retained, from a closed list.
    NotRetainedReason,
    /// The recruiters' private notes.
    Notes,
    /// When the candidate agreed to the processing of their data, for the period stated.
    ConsentAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Offers {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Applications::Table)
                    .col(pk_auto(Applications::Id))
                    .col(integer(Applications::TenantId))
                    .col(integer(Applications::OfferId))
                    .col(string(Applications::FirstName))
                    .col(string(Applications::LastName))
                    .col(string(Applications::Email))
                    .col(string_null(Applications::Phone))
                    .col(text(Applications::Links))
                    .col(text(Applications::Message))
                    .col(string(Applications::CvKey))
                    .col(big_integer(Applications::CvSize))
                    .col(string(Applications::Status))
                    .col(string_null(Applications::NotRetainedReason))
                    .col(text(Applications::Notes))
                    .col(timestamp_with_time_zone(Applications::ConsentAt))
                    .col(timestamp_with_time_zone(Applications::CreatedAt))
                    .col(timestamp_with_time_zone(Applications::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Applications::Table, Applications::TenantId)
                            .to(Tenants::Table, Tenants::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Applications::Table, Applications::OfferId)
                            .to(Offers::Table, Offers::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_applications_offer_email")
                    .table(Applications::Table)
                    .col(Applications::OfferId)
                    .col(Applications::Email)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_applications_tenant_status")
                    .table(Applications::Table)
                    .col(Applications::TenantId)
                    .col(Applications::Status)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Applications::Table).to_owned())
            .await
    }
}
