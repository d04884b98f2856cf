//! On PostgreSQL, a statement writing offers locks the change counter's row before any offer
//! row: a row trigger runs after its row is locked, so a transaction holding offer B that then
//! waited for the counter could deadlock with one holding the counter that then reached B (an
//! editor saving an offer while the expiry job updates many). With the counter always taken
//! first, writers of offers queue on it in one order. Locking alone numbers nothing: a
//! statement that writes no offer changes no number.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const STATEMENTS: &[&str] = &[
    "CREATE FUNCTION lock_change_counter() RETURNS trigger AS $$
     BEGIN
        PERFORM 1 FROM content_changes WHERE id = 1 FOR UPDATE;
        RETURN NULL;
     END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER offers_lock_change_counter BEFORE INSERT OR UPDATE ON offers
     FOR EACH STATEMENT EXECUTE FUNCTION lock_change_counter()",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Postgres {
            for statement in STATEMENTS {
                manager
                    .get_connection()
                    .execute_unprepared(statement)
                    .await?;
            }
        }
        Ok(())
    }
}
