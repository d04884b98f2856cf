//! The core schema: ministries (tenants) and their recruiting structures, users and memberships,
//! offers, stories, media, revisions and the audit log.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
    Slug,
    Name,
    Acronym,
    Website,
    LogoMediaId,
    Theme,
    AccentColor,
    Trusted,
    Presentation,
    Values,
    Challenges,
    Mission,
    Projects,
    Organisation,
    KeyFigures,
    SkillsSought,
    RecruitmentProcess,
    WorkingWithUs,
    Sirets,
    ArchivedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Structures {
    Table,
    Id,
    TenantId,
    ParentId,
    Kind,
    Name,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Sub,
    Email,
    GivenName,
    UsualName,
    Siret,
    IsAdmin,
    CreatedAt,
    LastLoginAt,
}

#[derive(DeriveIden)]
enum Memberships {
    Table,
    UserId,
    TenantId,
    Role,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Media {
    Table,
    Id,
    TenantId,
    Key,
    Mime,
    Size,
    Sha256,
    Alt,
    Width,
    Height,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Offers {
    Table,
    Id,
    TenantId,
    StructureId,
    Slug,
    Title,
    Context,
    Mission,
    Tasks,
    Team,
    Perks,
    Particularities,
    Profile,
    RecruitmentProcess,
    VideoUrl,
    Category,
    Profession,
    Domains,
    ExperienceMinYears,
    RemotePolicy,
    SalaryMin,
    SalaryMax,
    Street,
    PostalCode,
    City,
    Department,
    Region,
    StartOn,
    ApplyMode,
    ApplyUrl,
    ApplyEmails,
    ContactName,
    ContactEmail,
    SourceName,
    ExternalId,
    ExternalUrl,
    Status,
    PublishedAt,
    ExpiresAt,
    FilledAt,
    SearchText,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum OfferContractTypes {
    Table,
    OfferId,
    ContractType,
}

#[derive(DeriveIden)]
enum Stories {
    Table,
    Id,
    TenantId,
    Slug,
    PersonName,
    Role,
    PhotoMediaId,
    Excerpt,
    Body,
    VideoUrl,
    Status,
    PublishedAt,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Revisions {
    Table,
    Id,
    TenantId,
    EntityType,
    EntityId,
    Number,
    Snapshot,
    AuthorId,
    Status,
    ReviewComment,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    TenantId,
    ActorId,
    Action,
    EntityType,
    EntityId,
    Before,
    After,
    CreatedAt,
}

/// A foreign key from `table.column` to `target.id`.
fn references(
    table: impl IntoIden,
    column: impl IntoIden,
    target: impl IntoIden,
    target_id: impl IntoIden,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(target, target_id)
        .on_delete(on_delete)
        .take()
}

fn index(table: impl IntoIden, name: &str, columns: &[&'static str]) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(table).take();
    for column in columns {
        index.col(Alias::new(*column));
    }
    index
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Tenants::Table)
                    .col(pk_auto(Tenants::Id))
                    .col(string_uniq(Tenants::Slug))
                    .col(string(Tenants::Name))
                    .col(string(Tenants::Acronym))
                    .col(string_null(Tenants::Website))
                    .col(integer_null(Tenants::LogoMediaId))
                    .col(string(Tenants::Theme).default("dsfr"))
                    .col(string(Tenants::AccentColor).default("#000091"))
                    .col(boolean(Tenants::Trusted).default(false))
                    .col(text(Tenants::Presentation).default(""))
                    .col(text(Tenants::Values).default(""))
                    .col(text(Tenants::Challenges).default(""))
                    .col(text(Tenants::Mission).default(""))
                    .col(text(Tenants::Projects).default(""))
                    .col(text(Tenants::Organisation).default(""))
                    .col(text(Tenants::KeyFigures).default(""))
                    .col(text(Tenants::SkillsSought).default(""))
                    .col(text(Tenants::RecruitmentProcess).default(""))
                    .col(text(Tenants::WorkingWithUs).default(""))
                    .col(text(Tenants::Sirets).default(""))
                    .col(timestamp_with_time_zone_null(Tenants::ArchivedAt))
                    .col(timestamp_with_time_zone(Tenants::CreatedAt))
                    .col(timestamp_with_time_zone(Tenants::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Structures::Table)
                    .col(pk_auto(Structures::Id))
                    .col(integer(Structures::TenantId))
                    .col(integer_null(Structures::ParentId))
                    .col(string(Structures::Kind))
                    .col(string(Structures::Name))
                    .foreign_key(&mut references(
                        Structures::Table,
                        Structures::TenantId,
                        Tenants::Table,
                        Tenants::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut references(
                        Structures::Table,
                        Structures::ParentId,
                        Structures::Table,
                        Structures::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Structures::Table,
                "idx_structures_tenant",
                &["tenant_id"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(pk_auto(Users::Id))
                    .col(string_null(Users::Sub).unique_key())
                    .col(string_uniq(Users::Email))
                    .col(string(Users::GivenName).default(""))
                    .col(string(Users::UsualName).default(""))
                    .col(string_null(Users::Siret))
                    .col(boolean(Users::IsAdmin).default(false))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone_null(Users::LastLoginAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Memberships::Table)
                    .col(integer(Memberships::UserId))
                    .col(integer(Memberships::TenantId))
                    .col(string(Memberships::Role))
                    .col(timestamp_with_time_zone(Memberships::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(Memberships::UserId)
                            .col(Memberships::TenantId),
                    )
                    .foreign_key(&mut references(
                        Memberships::Table,
                        Memberships::UserId,
                        Users::Table,
                        Users::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut references(
                        Memberships::Table,
                        Memberships::TenantId,
                        Tenants::Table,
                        Tenants::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Media::Table)
                    .col(pk_auto(Media::Id))
                    .col(integer(Media::TenantId))
                    .col(string_uniq(Media::Key))
                    .col(string(Media::Mime))
                    .col(big_integer(Media::Size))
                    .col(string(Media::Sha256))
                    .col(string(Media::Alt).default(""))
                    .col(integer_null(Media::Width))
                    .col(integer_null(Media::Height))
                    .col(timestamp_with_time_zone(Media::CreatedAt))
                    .foreign_key(&mut references(
                        Media::Table,
                        Media::TenantId,
                        Tenants::Table,
                        Tenants::Id,
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(Media::Table, "idx_media_tenant", &["tenant_id"]))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Offers::Table)
                    .col(pk_auto(Offers::Id))
                    .col(integer(Offers::TenantId))
                    .col(integer_null(Offers::StructureId))
                    .col(string_uniq(Offers::Slug))
                    .col(string(Offers::Title))
                    .col(text(Offers::Context).default(""))
                    .col(text(Offers::Mission).default(""))
                    .col(text(Offers::Tasks).default(""))
                    .col(text(Offers::Team).default(""))
                    .col(text(Offers::Perks).default(""))
                    .col(text(Offers::Particularities).default(""))
                    .col(text(Offers::Profile).default(""))
                    .col(text(Offers::RecruitmentProcess).default(""))
                    .col(string_null(Offers::VideoUrl))
                    .col(string_null(Offers::Category))
                    .col(string(Offers::Profession))
                    .col(text(Offers::Domains).default("[]"))
                    .col(integer_null(Offers::ExperienceMinYears))
                    .col(string(Offers::RemotePolicy))
                    .col(integer_null(Offers::SalaryMin))
                    .col(integer_null(Offers::SalaryMax))
                    .col(string(Offers::Street).default(""))
                    .col(string(Offers::PostalCode))
                    .col(string(Offers::City))
                    .col(string(Offers::Department))
                    .col(string(Offers::Region))
                    .col(date_null(Offers::StartOn))
                    .col(string(Offers::ApplyMode))
                    .col(string_null(Offers::ApplyUrl))
                    .col(text(Offers::ApplyEmails).default(""))
                    .col(string_null(Offers::ContactName))
                    .col(string_null(Offers::ContactEmail))
                    .col(string_null(Offers::SourceName))
                    .col(string_null(Offers::ExternalId))
                    .col(string_null(Offers::ExternalUrl))
                    .col(string(Offers::Status))
                    .col(timestamp_with_time_zone_null(Offers::PublishedAt))
                    .col(timestamp_with_time_zone_null(Offers::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Offers::FilledAt))
                    .col(text(Offers::SearchText).default(""))
                    .col(integer(Offers::Version).default(1))
                    .col(integer_null(Offers::CreatedBy))
                    .col(timestamp_with_time_zone(Offers::CreatedAt))
                    .col(timestamp_with_time_zone(Offers::UpdatedAt))
                    .foreign_key(&mut references(
                        Offers::Table,
                        Offers::TenantId,
                        Tenants::Table,
                        Tenants::Id,
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        Offers::Table,
                        Offers::StructureId,
                        Structures::Table,
                        Structures::Id,
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut references(
                        Offers::Table,
                        Offers::CreatedBy,
                        Users::Table,
                        Users::Id,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, columns) in [
            ("idx_offers_tenant", &["tenant_id", "status"][..]),
            ("idx_offers_listing", &["status", "published_at"][..]),
            ("idx_offers_expires", &["expires_at"][..]),
            ("idx_offers_source", &["source_name", "external_id"][..]),
        ] {
            manager
                .create_index(index(Offers::Table, name, columns))
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(OfferContractTypes::Table)
                    .col(integer(OfferContractTypes::OfferId))
                    .col(string(OfferContractTypes::ContractType))
                    .primary_key(
                        Index::create()
                            .col(OfferContractTypes::OfferId)
                            .col(OfferContractTypes::ContractType),
                    )
                    .foreign_key(&mut references(
                        OfferContractTypes::Table,
                        OfferContractTypes::OfferId,
                        Offers::Table,
                        Offers::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                OfferContractTypes::Table,
                "idx_offer_contract_types_type",
                &["contract_type", "offer_id"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Stories::Table)
                    .col(pk_auto(Stories::Id))
                    .col(integer(Stories::TenantId))
                    .col(string_uniq(Stories::Slug))
                    .col(string(Stories::PersonName))
                    .col(string(Stories::Role))
                    .col(integer_null(Stories::PhotoMediaId))
                    .col(text(Stories::Excerpt).default(""))
                    .col(text(Stories::Body).default(""))
                    .col(string_null(Stories::VideoUrl))
                    .col(string(Stories::Status))
                    .col(timestamp_with_time_zone_null(Stories::PublishedAt))
                    .col(integer(Stories::Version).default(1))
                    .col(integer_null(Stories::CreatedBy))
                    .col(timestamp_with_time_zone(Stories::CreatedAt))
                    .col(timestamp_with_time_zone(Stories::UpdatedAt))
                    .foreign_key(&mut references(
                        Stories::Table,
                        Stories::TenantId,
                        Tenants::Table,
                        Tenants::Id,
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut references(
                        Stories::Table,
                        Stories::PhotoMediaId,
                        Media::Table,
                        Media::Id,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Stories::Table,
                "idx_stories_tenant",
                &["tenant_id", "status"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Revisions::Table)
                    .col(pk_auto(Revisions::Id))
                    .col(integer(Revisions::TenantId))
                    .col(string(Revisions::EntityType))
                    .col(integer(Revisions::EntityId))
                    .col(integer(Revisions::Number))
                    .col(text(Revisions::Snapshot))
                    .col(integer_null(Revisions::AuthorId))
                    .col(string(Revisions::Status))
                    .col(text_null(Revisions::ReviewComment))
                    .col(timestamp_with_time_zone(Revisions::CreatedAt))
                    .foreign_key(&mut references(
                        Revisions::Table,
                        Revisions::TenantId,
                        Tenants::Table,
                        Tenants::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                index(
                    Revisions::Table,
                    "idx_revisions_entity",
                    &["entity_type", "entity_id", "number"],
                )
                .unique()
                .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(pk_auto(AuditLog::Id))
                    .col(integer_null(AuditLog::TenantId))
                    .col(integer_null(AuditLog::ActorId))
                    .col(string(AuditLog::Action))
                    .col(string(AuditLog::EntityType))
                    .col(integer_null(AuditLog::EntityId))
                    .col(text_null(AuditLog::Before))
                    .col(text_null(AuditLog::After))
                    .col(timestamp_with_time_zone(AuditLog::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                AuditLog::Table,
                "idx_audit_log_tenant",
                &["tenant_id", "created_at"],
            ))
            .await?;
        Ok(())
    }
}
