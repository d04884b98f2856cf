//! On PostgreSQL, the offers written by one transaction share one change number: the first
//! row takes the next number and the others reuse it (kept in a transaction-local setting).
//! Taking a number per row made a bulk write (the expiry job, a seed) update the counter's
//! row once per offer, and every one of those updates walked the versions the same
//! transaction had left before it: quadratic time. Readers lose nothing: the counter's row
//! stays locked until the transaction commits, and every offer it wrote carries its number.
//! SQLite has no such cost; its triggers stay as they are.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const NUMBER_ONCE_PER_TRANSACTION: &str =
    "CREATE OR REPLACE FUNCTION number_offer_change() RETURNS trigger AS $$
     DECLARE
        taken text := current_setting('metiers.change_seq', true);
     BEGIN
        IF taken IS NULL OR taken = '' THEN
            UPDATE content_changes SET seq = seq + 1 WHERE id = 1 RETURNING seq INTO NEW.change_seq;
            PERFORM set_config('metiers.change_seq', NEW.change_seq::text, true);
        ELSE
            NEW.change_seq := taken::bigint;
        END IF;
        RETURN NEW;
     END $$ LANGUAGE plpgsql";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(NUMBER_ONCE_PER_TRANSACTION)
                .await?;
        }
        Ok(())
    }
}
