//! An MBTiles file (SQLite with a `metadata` table and a
//! `tiles(zoom_level, tile_column, tile_row, tile_data)` table) read as a
//! tile source. MBTiles numbers rows the TMS way, from the south, so the
//! XYZ row a web map asks for is flipped: `tms_row = 2^z - 1 - y`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension as _};

/// Why an MBTiles file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum MbTilesError {
    #[error("opening {path} as MBTiles")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("reading the MBTiles metadata")]
    Metadata(#[source] rusqlite::Error),
    #[error("reading tile {zoom}/{x}/{y}")]
    Tile {
        zoom: u8,
        x: u32,
        y: u32,
        #[source]
        source: rusqlite::Error,
    },
}

/// An open MBTiles file, read-only.
#[derive(Debug)]
pub struct MbTiles {
    conn: Connection,
    metadata: BTreeMap<String, String>,
}

impl MbTiles {
    /// Opens `path` read-only and reads its metadata; a file without the
    /// MBTiles tables is refused here rather than on the first tile.
    pub fn open(path: &Path) -> Result<MbTiles, MbTilesError> {
        let open_error = |source| MbTilesError::Open {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(open_error)?;
        // Checks the tiles table (or view) is there and has the columns.
        conn.prepare("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles LIMIT 0")
            .map_err(open_error)?;
        let mut metadata = BTreeMap::new();
        let mut statement = conn
            .prepare("SELECT name, value FROM metadata")
            .map_err(MbTilesError::Metadata)?;
        let rows = statement
            .query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
            })
            .map_err(MbTilesError::Metadata)?;
        for row in rows {
            let (name, value) = row.map_err(MbTilesError::Metadata)?;
            metadata.insert(name, value);
        }
        drop(statement);
        Ok(MbTiles { conn, metadata })
    }

    /// The `metadata` table: name, format, bounds, minzoom, maxzoom, ...
    pub fn metadata(&self) -> &BTreeMap<String, String> {
        &self.metadata
    }

    /// The tile image format named in the metadata (`png`, `jpg`), if any.
    pub fn format(&self) -> Option<&str> {
        self.metadata.get("format").map(String::as_str)
    }

    /// The stored bytes of the tile at zoom `zoom`, column `x` and XYZ row
    /// `y` (counted from the north), or `None` if the file has no such tile.
    pub fn tile(&self, zoom: u8, x: u32, y: u32) -> Result<Option<Vec<u8>>, MbTilesError> {
        let Some(row) = tms_row(zoom, y) else {
            return Ok(None);
        };
        self.conn
            .prepare_cached(
                "SELECT tile_data FROM tiles
                 WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3",
            )
            .and_then(|mut statement| {
                statement
                    .query_row((i64::from(zoom), i64::from(x), i64::from(row)), |r| {
                        r.get::<_, Vec<u8>>(0)
                    })
                    .optional()
            })
            .map_err(|source| MbTilesError::Tile { zoom, x, y, source })
    }
}

/// The TMS row of XYZ row `y` at `zoom`; `None` if `y` is off the grid.
pub fn tms_row(zoom: u8, y: u32) -> Option<u32> {
    let rows = 1u64.checked_shl(u32::from(zoom))?;
    let flipped = rows.checked_sub(1)?.checked_sub(u64::from(y))?;
    u32::try_from(flipped).ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn xyz_rows_flip_to_tms_rows_and_off_grid_rows_have_none() {
        assert_eq!(tms_row(0, 0), Some(0));
        assert_eq!(tms_row(3, 0), Some(7));
        assert_eq!(tms_row(3, 7), Some(0));
        assert_eq!(tms_row(3, 8), None);
    }

    #[test]
    fn a_file_without_tiles_table_is_refused_on_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.mbtiles");
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE metadata (name TEXT, value TEXT);")
            .unwrap();
        assert!(matches!(
            MbTiles::open(&path),
            Err(MbTilesError::Open { .. })
        ));
    }
}
