//! Why an import was refused. Every variant names the file, and every variant
//! about the content names the line, so an analyst can open the file at the
//! right place; the underlying cause is kept as the error's source.

use std::path::PathBuf;

use crate::store::StoreError;

/// Why importing a file failed. Nothing from the file is stored when it does.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: cannot be read")]
    Read {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: the file is empty")]
    Empty { file: PathBuf },
    #[error("{file}: no incidents in the file (a header or an empty collection only)")]
    NoRows { file: PathBuf },
    #[error(
        "{file}: neither GeoJSON (a JSON object) nor an ACLED-layout CSV (a header with event_date, latitude, longitude ...)"
    )]
    UnknownFormat { file: PathBuf },
    #[error("{file}, line {line}: a line longer than {limit} bytes; this is not a CSV export")]
    LineTooLong {
        file: PathBuf,
        line: u64,
        limit: usize,
    },
    #[error("{file}, line 1: missing ACLED column(s) {}", missing.join(", "))]
    MissingColumns { file: PathBuf, missing: Vec<String> },
    #[error("{file}, line {line}: unreadable CSV")]
    Csv {
        file: PathBuf,
        line: u64,
        #[source]
        source: csv::Error,
    },
    #[error("{file}, line {line}: {reason}")]
    Row {
        file: PathBuf,
        line: u64,
        reason: String,
    },
    #[error("{file}, line {line}, column {column}: not usable GeoJSON")]
    Json {
        file: PathBuf,
        line: usize,
        column: usize,
        #[source]
        source: serde_json::Error,
    },
    #[error("{file}: {size} bytes is more than the {limit} byte limit for a GeoJSON import")]
    TooLarge {
        file: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{file}: storing the rows")]
    Sql {
        file: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{file}: opening the database")]
    Store {
        file: PathBuf,
        #[source]
        source: StoreError,
    },
}
