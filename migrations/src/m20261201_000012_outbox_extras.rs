//! What some emails carry besides their bodies: an address to answer to (a recruiter writing
//! to a talent through the site), a one-click unsubscribe address (job alerts, RFC 8058), and
//! one attached file (a candidate's data, as JSON).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Outbox {
    Table,
    ReplyTo,
    UnsubscribeUrl,
    AttachmentName,
    Attachment,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds only one at a time.
        for column in [
            Outbox::ReplyTo,
            Outbox::UnsubscribeUrl,
            Outbox::AttachmentName,
            Outbox::Attachment,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Outbox::Table)
                        .add_column(text_null(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            Outbox::ReplyTo,
            Outbox::UnsubscribeUrl,
            Outbox::AttachmentName,
            Outbox::Attachment,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Outbox::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
