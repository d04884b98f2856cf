//! Database connection (SQLite by default, PostgreSQL when the URL says so) and migrations.

use std::time::Duration;

use migrations::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
    sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous},
};

use crate::{config::Config, error::AppResult};

/// Whether `error` is a unique constraint refusing a row (another writer got there first).
pub fn is_unique_violation(error: &sea_orm::DbErr) -> bool {
    matches!(
        error.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}

/// How long a SQLite writer waits for another to finish before giving up.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Opens the pool. A SQLite database file's folder is created; every SQLite connection of the
/// pool journals in WAL mode, enforces foreign keys and waits up to [`SQLITE_BUSY_TIMEOUT`]
/// for the write lock.
pub async fn connect(config: &Config) -> AppResult<DatabaseConnection> {
    if let Some(path) = sqlite_path(&config.database.url)
        && let Some(parent) = std::path::Path::new(path).parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent)?;
    }
    let mut options = ConnectOptions::new(config.database.url.clone());
    options
        .max_connections(config.database.max_connections)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(5))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|sqlite| {
            sqlite
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(SQLITE_BUSY_TIMEOUT)
        });
    Ok(Database::connect(options).await?)
}

/// Starts a transaction that will write. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`), so that two writers queue on the busy timeout instead of one failing
/// when it turns from reader into writer.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, sea_orm::DbErr> {
    let sqlite = db.get_database_backend() == DbBackend::Sqlite;
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: sqlite.then_some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    })
    .await
}

fn sqlite_path(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && path != ":memory:").then_some(path)
}

/// Opens the pool and applies the pending migrations: what every command that uses the
/// database starts with.
pub async fn open(config: &Config) -> AppResult<DatabaseConnection> {
    let db = connect(config).await?;
    migrate(&db).await?;
    Ok(db)
}

/// Applies the migrations not yet applied.
pub async fn migrate(db: &DatabaseConnection) -> AppResult<()> {
    Migrator::up(db, None).await?;
    Ok(())
}

/// Whether the database answers (for `/readyz`).
pub async fn ping(db: &DatabaseConnection) -> bool {
    db.ping().await.is_ok()
}

#[cfg(test)]
mod tests {
    use super::sqlite_path;

    #[test]
    fn sqlite_paths_are_read_from_urls() {
        assert_eq!(
            sqlite_path("sqlite://data/metiers.db?mode=rwc"),
            Some("data/metiers.db")
        );
        assert_eq!(sqlite_path("sqlite::memory:"), None);
        assert_eq!(sqlite_path("postgres://localhost/x"), None);
    }
}
