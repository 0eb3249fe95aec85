//! The export error type; each variant keeps its cause.

use std::path::PathBuf;

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing to the output failed.
    #[error("writing export")]
    Io(#[from] std::io::Error),
    /// Serialising a feature failed.
    #[error("encoding GeoJSON")]
    Json(#[from] serde_json::Error),
    /// Writing a CSV record failed.
    #[error("writing CSV")]
    Csv(#[from] csv::Error),
    /// Reading the database or writing the GeoPackage (itself SQLite) failed.
    #[error("SQLite")]
    Sql(#[from] rusqlite::Error),
    /// Reading the incidents to export from the store failed.
    #[error("reading incidents")]
    Store(#[from] crate::store::StoreError),
    /// The temporary file next to the target could not be created or synced.
    #[error("preparing a temporary file in {dir}")]
    TempFile {
        dir: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The target (or a link on the way to it) could not be opened or read.
    #[error("opening {path}")]
    Open {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The target is something an export cannot be written to.
    #[error("{path} {reason}")]
    Target { path: PathBuf, reason: &'static str },
    /// The finished temporary file could not be renamed over the target.
    #[error("replacing {path}")]
    Persist {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}
