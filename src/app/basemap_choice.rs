//! The map's background as the analyst chose it: plain outlines, an
//! MBTiles file or OpenStreetMap. The state persists it, a command carries
//! a new choice, and the map view opens the tiles it names; it depends on
//! none of them.

use serde::{Deserialize, Serialize};

/// The map's background: our own outlines on plain land, raster tiles from
/// an MBTiles file the analyst has, or OpenStreetMap's tile server, which the
/// analyst must opt into (the outlines stay drawn on top of any tiles).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "BasemapRecord", into = "BasemapRecord")]
pub enum BasemapChoice {
    /// Our outlines on plain land; needs no network and no file.
    #[default]
    Outlines,
    /// Tiles from the MBTiles file at this path.
    MbTiles(String),
    /// Tiles downloaded from tile.openstreetmap.org.
    OpenStreetMap,
}

impl BasemapChoice {
    /// The MBTiles file's path, if that is the choice.
    pub fn mbtiles(&self) -> Option<&str> {
        match self {
            BasemapChoice::MbTiles(path) => Some(path),
            _ => None,
        }
    }
}

/// How a `BasemapChoice` is saved. It keeps the `{"mbtiles": ...}` shape of
/// older builds, so their saved states load here and a state saved here
/// still opens there (showing the outlines if OpenStreetMap was chosen).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct BasemapRecord {
    mbtiles: Option<String>,
    openstreetmap: bool,
}

impl From<BasemapRecord> for BasemapChoice {
    fn from(record: BasemapRecord) -> BasemapChoice {
        match record {
            BasemapRecord {
                openstreetmap: true,
                ..
            } => BasemapChoice::OpenStreetMap,
            BasemapRecord {
                mbtiles: Some(path),
                ..
            } => BasemapChoice::MbTiles(path),
            BasemapRecord { .. } => BasemapChoice::Outlines,
        }
    }
}

impl From<BasemapChoice> for BasemapRecord {
    fn from(choice: BasemapChoice) -> BasemapRecord {
        match choice {
            BasemapChoice::Outlines => BasemapRecord::default(),
            BasemapChoice::MbTiles(path) => BasemapRecord {
                mbtiles: Some(path),
                openstreetmap: false,
            },
            BasemapChoice::OpenStreetMap => BasemapRecord {
                mbtiles: None,
                openstreetmap: true,
            },
        }
    }
}
