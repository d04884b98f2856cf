//! Search moves into the application (see `docs/search.md`): the databases' full-text indexes
//! go, and every change to what the portal shows gets a number, so that each instance reads
//! what changed since the last number it saw.
//!
//! `content_changes` holds one row, the last number. A trigger takes the next number for each
//! offer written and keeps it in `offers.change_seq`; changes to ministries, directions and
//! stories, and to an offer's contracts, take one too. On PostgreSQL the counter's row lock
//! is held until the writing transaction commits, so numbers become visible in order.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const COMMON: &[&str] = &[
    "CREATE TABLE content_changes (id INTEGER PRIMARY KEY, seq BIGINT NOT NULL)",
    "INSERT INTO content_changes (id, seq) VALUES (1, 1)",
    "ALTER TABLE offers ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 1",
    "CREATE INDEX idx_offers_change_seq ON offers (change_seq)",
];

const SQLITE: &[&str] = &[
    "DROP TRIGGER offers_fts_insert",
    "DROP TRIGGER offers_fts_delete",
    "DROP TRIGGER offers_fts_update",
    "DROP TABLE offers_fts",
    "CREATE TRIGGER offers_numbered_insert AFTER INSERT ON offers BEGIN
        UPDATE content_changes SET seq = seq + 1 WHERE id = 1;
        UPDATE offers SET change_seq = (SELECT seq FROM content_changes WHERE id = 1) WHERE id = new.id;
     END",
    "CREATE TRIGGER offers_numbered_update AFTER UPDATE ON offers
     WHEN new.change_seq = old.change_seq BEGIN
        UPDATE content_changes SET seq = seq + 1 WHERE id = 1;
        UPDATE offers SET change_seq = (SELECT seq FROM content_changes WHERE id = 1) WHERE id = new.id;
     END",
    "CREATE TRIGGER offer_contracts_added AFTER INSERT ON offer_contract_types BEGIN
        UPDATE content_changes SET seq = seq + 1 WHERE id = 1;
        UPDATE offers SET change_seq = (SELECT seq FROM content_changes WHERE id = 1) WHERE id = new.offer_id;
     END",
    "CREATE TRIGGER offer_contracts_removed AFTER DELETE ON offer_contract_types BEGIN
        UPDATE content_changes SET seq = seq + 1 WHERE id = 1;
        UPDATE offers SET change_seq = (SELECT seq FROM content_changes WHERE id = 1) WHERE id = old.offer_id;
     END",
];

const POSTGRES: &[&str] = &[
    "DROP INDEX idx_offers_search",
    "ALTER TABLE offers DROP COLUMN search_vector",
    "CREATE FUNCTION number_offer_change() RETURNS trigger AS $$
     BEGIN
        UPDATE content_changes SET seq = seq + 1 WHERE id = 1 RETURNING seq INTO NEW.change_seq;
        RETURN NEW;
     END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER offers_numbered BEFORE INSERT OR UPDATE ON offers
     FOR EACH ROW EXECUTE FUNCTION number_offer_change()",
    "CREATE FUNCTION number_contract_change() RETURNS trigger AS $$
     BEGIN
        IF TG_OP = 'DELETE' THEN
            UPDATE offers SET change_seq = -1 WHERE id = OLD.offer_id;
        ELSE
            UPDATE offers SET change_seq = -1 WHERE id = NEW.offer_id;
        END IF;
        RETURN NULL;
     END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER offer_contracts_numbered AFTER INSERT OR DELETE ON offer_contract_types
     FOR EACH ROW EXECUTE FUNCTION number_contract_change()",
    "CREATE FUNCTION number_content_change() RETURNS trigger AS $$
     BEGIN
        UPDATE content_changes SET seq = seq + 1 WHERE id = 1;
        RETURN NULL;
     END $$ LANGUAGE plpgsql",
];

/// The other tables whose changes the portal shows.
const OTHER_CONTENT: &[&str] = &["tenants", "structures", "stories"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        let mut statements: Vec<String> = COMMON.iter().map(|s| (*s).to_owned()).collect();
        match backend {
            DbBackend::Sqlite => {
                statements.extend(SQLITE.iter().map(|s| (*s).to_owned()));
                for table in OTHER_CONTENT {
                    for event in ["INSERT", "UPDATE", "DELETE"] {
                        statements.push(format!(
                            "CREATE TRIGGER {table}_numbered_{} AFTER {event} ON {table} BEGIN
                                UPDATE content_changes SET seq = seq + 1 WHERE id = 1;
                             END",
                            event.to_lowercase()
                        ));
                    }
                }
            }
            DbBackend::Postgres => {
                statements.extend(POSTGRES.iter().map(|s| (*s).to_owned()));
                for table in OTHER_CONTENT {
                    statements.push(format!(
                        "CREATE TRIGGER {table}_numbered AFTER INSERT OR UPDATE OR DELETE ON {table}
                         FOR EACH STATEMENT EXECUTE FUNCTION number_content_change()"
                    ));
                }
            }
            other => {
                return Err(DbErr::Migration(format!(
                    "unsupported database backend {other:?}"
                )));
            }
        }
        let connection = manager.get_connection();
        for statement in statements {
            connection.execute_unprepared(&statement).await?;
        }
        Ok(())
    }
}
