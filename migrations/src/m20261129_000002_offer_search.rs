//! Full-text search over offers.
//!
//! The application keeps `offers.search_text` filled with the offer's words, lower-cased and
//! without accents (see `offers::search`). SQLite indexes it with FTS5 (an external-content
//! table kept in sync by triggers); PostgreSQL with a generated `tsvector` and a GIN index.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE: &[&str] = &[
    "CREATE VIRTUAL TABLE offers_fts USING fts5(search_text, content='offers', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER offers_fts_insert AFTER INSERT ON offers BEGIN
        INSERT INTO offers_fts(rowid, search_text) VALUES (new.id, new.search_text);
     END",
    "CREATE TRIGGER offers_fts_delete AFTER DELETE ON offers BEGIN
        INSERT INTO offers_fts(offers_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
     END",
    "CREATE TRIGGER offers_fts_update AFTER UPDATE OF search_text ON offers BEGIN
        INSERT INTO offers_fts(offers_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        INSERT INTO offers_fts(rowid, search_text) VALUES (new.id, new.search_text);
     END",
];

const POSTGRES: &[&str] = &[
    "ALTER TABLE offers ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED",
    "CREATE INDEX idx_offers_search ON offers USING GIN (search_vector)",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let statements = match manager.get_database_backend() {
            DbBackend::Sqlite => SQLITE,
            DbBackend::Postgres => POSTGRES,
            other => {
                return Err(DbErr::Migration(format!(
                    "unsupported database backend {other:?}"
                )));
            }
        };
        let connection = manager.get_connection();
        for statement in statements {
            connection.execute_unprepared(statement).await?;
        }
        Ok(())
    }
}
