//! The store's one error type. Every variant keeps the SQLite cause and says
//! which operation failed, so a message reads "saving report: UNIQUE constraint
//! failed ..." rather than a bare database error.

use std::path::PathBuf;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or configured.
    #[error("opening database {path}")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    /// A schema migration failed; the database stays at the previous version.
    #[error("migrating database schema to version {version}")]
    Migration {
        version: usize,
        #[source]
        source: rusqlite::Error,
    },
    /// The file was written by a newer Incident Atlas whose schema we do not know.
    #[error(
        "database schema version {found} is newer than this program understands ({supported}); upgrade Incident Atlas"
    )]
    TooNew { found: i64, supported: usize },
    /// A query or statement failed; `operation` says what we were doing.
    #[error("{operation}")]
    Sql {
        operation: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    /// A stored value could not be read back into the model.
    #[error("corrupt {what} in the database: {detail}")]
    Corrupt { what: &'static str, detail: String },
    /// A value longer than any format we export can carry back in.
    #[error("{field} is {bytes} bytes long, more than the {limit} bytes a field may hold")]
    TooLong {
        field: &'static str,
        bytes: usize,
        limit: usize,
    },
}

impl StoreError {
    /// Wraps a SQLite error with the operation it interrupted.
    pub(crate) fn sql(operation: &'static str) -> impl FnOnce(rusqlite::Error) -> StoreError {
        move |source| StoreError::Sql { operation, source }
    }
}
