//! The talent pool: profiles candidates leave after confirming their address, the ministries
//! each profile hides from, and the contacts recruiters make through the site.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Talents {
    Table,
    Id,
    /// Lower-cased; one profile per address.
    Email,
    FirstName,
    LastName,
    /// Profession codes (the offers' list), separated by commas.
    Professions,
    /// An experience code: `debutant`, `confirme` or `expert`.
    Seniority,
    /// INSEE region codes, separated by commas; empty for anywhere.
    Regions,
    AvailableFrom,
    /// Profile links, one per line.
    Links,
    /// What the candidate says of themself, searched in full text.
    Summary,
    /// The optional CV, a private object under `private/talents/`.
    CvKey,
    CvSize,
    /// The secret of the links in the emails sent to the candidate (confirm, manage, delete).
    Token,
    ConfirmedAt,
    /// The profile lapses a retention period after this, unless renewed.
    RenewedAt,
    /// When the candidate was last reminded that the profile lapses.
    RemindedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum TalentHiddenTenants {
    Table,
    TalentId,
    TenantId,
}

#[derive(DeriveIden)]
enum TalentContacts {
    Table,
    Id,
    TalentId,
    TenantId,
    UserId,
    OfferId,
    CreatedAt,
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
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Talents::Table)
                    .col(pk_auto(Talents::Id))
                    .col(string(Talents::Email).unique_key())
                    .col(string(Talents::FirstName))
                    .col(string(Talents::LastName))
                    .col(string(Talents::Professions))
                    .col(string(Talents::Seniority))
                    .col(string(Talents::Regions))
                    .col(date_null(Talents::AvailableFrom))
                    .col(text(Talents::Links))
                    .col(text(Talents::Summary))
                    .col(string_null(Talents::CvKey))
                    .col(big_integer_null(Talents::CvSize))
                    .col(string(Talents::Token).unique_key())
                    .col(timestamp_with_time_zone_null(Talents::ConfirmedAt))
                    .col(timestamp_with_time_zone(Talents::RenewedAt))
                    .col(timestamp_with_time_zone_null(Talents::RemindedAt))
                    .col(timestamp_with_time_zone(Talents::CreatedAt))
                    .col(timestamp_with_time_zone(Talents::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TalentHiddenTenants::Table)
                    .col(integer(TalentHiddenTenants::TalentId))
                    .col(integer(TalentHiddenTenants::TenantId))
                    .primary_key(
                        Index::create()
                            .col(TalentHiddenTenants::TalentId)
                            .col(TalentHiddenTenants::TenantId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(TalentHiddenTenants::Table, TalentHiddenTenants::TalentId)
                            .to(Talents::Table, Talents::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(TalentHiddenTenants::Table, TalentHiddenTenants::TenantId)
                            .to(Tenants::Table, Tenants::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TalentContacts::Table)
                    .col(pk_auto(TalentContacts::Id))
                    .col(integer(TalentContacts::TalentId))
                    .col(integer(TalentContacts::TenantId))
                    .col(integer_null(TalentContacts::UserId))
                    .col(integer_null(TalentContacts::OfferId))
                    .col(timestamp_with_time_zone(TalentContacts::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TalentContacts::Table, TalentContacts::TalentId)
                            .to(Talents::Table, Talents::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(TalentContacts::Table, TalentContacts::TenantId)
                            .to(Tenants::Table, Tenants::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(TalentContacts::Table, TalentContacts::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(TalentContacts::Table, TalentContacts::OfferId)
                            .to(Offers::Table, Offers::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_talent_contacts_talent_tenant")
                    .table(TalentContacts::Table)
                    .col(TalentContacts::TalentId)
                    .col(TalentContacts::TenantId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(TalentContacts::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(TalentHiddenTenants::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Talents::Table).to_owned())
            .await
    }
}
