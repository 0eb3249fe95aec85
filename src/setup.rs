//! Opening the analyst's workspace: the database file (the default one in the
//! platform data directory, or one named with `--db`), with the bundled
//! gazetteer imported on first use and, for the default database only, the
//! sample reports seeded once so a first start shows something on the map.

use std::path::{Path, PathBuf};

use crate::gazetteer::{self, Gazetteer, GazetteerError};
use crate::ingest::IngestError;
use crate::samples;
use crate::store::{Store, StoreError};

/// The default database's file name inside the platform data directory.
pub const DEFAULT_DB_FILE: &str = "incidents.sqlite";

/// `meta` key set once the samples have been seeded, so deleting them sticks.
const SAMPLES_SEEDED: &str = "samples_seeded";

/// An open database and the gazetteer loaded from it.
pub struct Workspace {
    pub store: Store,
    pub gazetteer: Gazetteer,
    /// The database file.
    pub path: PathBuf,
}

/// Why the workspace could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("no data directory could be determined for this user (is HOME set?)")]
    NoDataDir,
    #[error("creating directory {path}")]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("loading the bundled gazetteer")]
    Gazetteer(#[from] GazetteerError),
    #[error("seeding the sample reports")]
    Samples(#[from] IngestError),
}

/// Where the default database lives (`~/.local/share/incident-atlas/` on Linux).
pub fn default_database_path() -> Result<PathBuf, SetupError> {
    let dirs = directories::ProjectDirs::from("org", "Incident Atlas", "incident-atlas")
        .ok_or(SetupError::NoDataDir)?;
    Ok(dirs.data_dir().join(DEFAULT_DB_FILE))
}

/// Opens `db`, or the default database when `None`, creating it if needed.
pub fn open_workspace(db: Option<&Path>) -> Result<Workspace, SetupError> {
    let (path, is_default) = match db {
        Some(path) => (path.to_path_buf(), false),
        None => (default_database_path()?, true),
    };
    if let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent).map_err(|source| SetupError::CreateDir {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    let mut store = Store::open(&path)?;
    if store.place_count()? == 0 {
        let (places, admin) = gazetteer::bundled()?;
        store.import_gazetteer(&places, &admin)?;
    }
    let gazetteer = store.load_gazetteer()?;
    // Only the default database gets samples: a database named with --db is
    // the analyst's own and should hold only what they put in it.
    if is_default && store.meta(SAMPLES_SEEDED)?.is_none() && store.report_count()? == 0 {
        samples::seed(&mut store, &gazetteer)?;
        store.set_meta(SAMPLES_SEEDED, &chrono::Utc::now().to_rfc3339())?;
    }
    Ok(Workspace {
        store,
        gazetteer,
        path,
    })
}
