//! SQLite storage: reports, the incidents read from them, and the gazetteer.
//!
//! One file per table (`reports`, `places`, `incidents`, `incident_sources`,
//! `meta`), plus `edits` (what the analyst corrected or deleted) and
//! `reprocess` (reading a report again without undoing that), each with
//! free functions over a `&Connection` so they work the same inside a
//! transaction; `Store` is the handle the rest of the program holds.
//! Migrations run on open, before anyone can query.

mod dates;
mod edits;
mod error;
mod incident_sources;
mod incidents;
mod meta;
mod migrations;
mod places;
mod reports;
mod reprocess;
mod search;

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};

pub use error::StoreError;
pub use incident_sources::IncidentSource;
pub use incidents::{IncidentFilter, StoredExtra};
pub use migrations::MIGRATIONS;
pub use reports::AddedReport;
pub use reprocess::{ReprocessError, Reprocessed};
pub use search::{SearchHit, Snippet, resume_incident_fts, suspend_incident_fts};

/// How long a writer waits for another process (the window and a CLI ingest,
/// say) to release the database before giving up. A big import holds the
/// write lock for as long as it runs, and a second command started meanwhile
/// should wait for it rather than fail, so this is generous.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(120);

/// Starts a write transaction that takes the write lock at once (`BEGIN
/// IMMEDIATE`). A deferred transaction starts as a reader and upgrades at
/// its first write; if another process wrote in between, SQLite fails the
/// upgrade with "database is locked" at once, without waiting out the busy
/// timeout, because retrying could not help a stale snapshot. Taking the
/// lock first makes a second writer wait its turn instead.
pub fn write_transaction(conn: &mut Connection) -> rusqlite::Result<Transaction<'_>> {
    conn.transaction_with_behavior(TransactionBehavior::Immediate)
}

/// Switches the file to WAL (a no-op once it is). SQLite answers "database
/// is locked" without calling the busy handler when another process is
/// switching the same new file at that moment, so that is retried here for
/// as long as the busy timeout would have waited.
fn use_wal(conn: &Connection) -> rusqlite::Result<()> {
    let started = std::time::Instant::now();
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
                ) && started.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            done => return done,
        }
    }
}

/// An open, migrated database.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database file at `path` and migrates it.
    /// The parent directory must exist.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let wrap = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(wrap)?;
        // Before anything else: switching a new file to WAL takes a lock,
        // and a second process creating the same file must wait for it.
        conn.busy_timeout(BUSY_TIMEOUT).map_err(wrap)?;
        // WAL lets the window keep reading while a CLI ingest writes.
        use_wal(&conn).map_err(wrap)?;
        Store::configure(conn, path)
    }

    /// The connection itself, for the file importers (`crate::import`), which
    /// run their own single transaction with prepared statements.
    pub fn connection_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// A private database that lives as long as the `Store` (for tests and previews).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = Path::new(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Store::configure(conn, path)
    }

    fn configure(conn: Connection, path: &Path) -> Result<Store, StoreError> {
        let wrap = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        // Off by default in SQLite; without it ON DELETE CASCADE does nothing.
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(wrap)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(wrap)?;
        let mut store = Store { conn };
        migrations::migrate(&mut store.conn)?;
        Ok(store)
    }

    /// The schema version the database is at (the number of migrations applied).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(StoreError::sql("reading schema version"))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests;
