//! Bringing incidents in from files the GIS world already has: ACLED-layout
//! CSV downloads and GeoJSON Point collections (our own export included).
//!
//! Each file is one transaction: either every row is stored or none is, and
//! the first bad row stops the import with an error naming the file and
//! line. An imported file becomes one synthetic report (its text names the
//! file's SHA-256, so importing the same file twice stores nothing new);
//! each row keeps its own `source`, and ACLED columns the model lacks are
//! kept in the incident's `extra` JSON so they export back unchanged.

pub mod acled;
mod csv;
mod error;
mod geojson;
pub mod iso;
mod line_limit;
mod table;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;
use sha2::{Digest, Sha256};

pub use crate::model::columns::ACLED as COLUMNS;
pub use acled::ImportRow;
pub use error::ImportError;

use crate::store::Store;

/// A GeoJSON file is read whole; past this it is not an incident layer.
pub const MAX_GEOJSON_BYTES: u64 = 1 << 30;

/// The formats `import` understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Format {
    AcledCsv,
    GeoJson,
}

impl Format {
    fn description(self) -> &'static str {
        match self {
            Format::AcledCsv => "ACLED-layout CSV",
            Format::GeoJson => "GeoJSON",
        }
    }
}

/// What importing one file did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportSummary {
    pub file: PathBuf,
    pub format: Format,
    /// The synthetic report standing for the file.
    pub report_id: i64,
    /// Rows stored (zero for a duplicate).
    pub rows: u64,
    /// True when the same file was imported before; nothing was stored.
    pub duplicate: bool,
}

/// Tells the format from the first bytes, then the file name: a JSON object
/// is GeoJSON; a `.csv` name or a header naming `event_date` is a CSV.
pub fn detect(path: &Path, head: &[u8]) -> Option<Format> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let first = head.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        return Some(Format::GeoJson);
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    if extension.as_deref() == Some("csv") {
        return Some(Format::AcledCsv);
    }
    let first_line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let needle = b"event_date";
    if first_line.windows(needle.len()).any(|w| w == needle) {
        return Some(Format::AcledCsv);
    }
    None
}

fn open(path: &Path) -> Result<File, ImportError> {
    File::open(path).map_err(|source| ImportError::Read {
        file: path.to_path_buf(),
        source,
    })
}

/// How many bytes format detection looks at.
const HEAD_BYTES: u64 = 8192;

/// Everything read passes through here once: counted for the progress
/// line, hashed for the duplicate check, and cut off past `limit` so that
/// an endless stream (`/dev/zero`, a pipe) cannot run forever.
struct Tally<'a, R> {
    inner: R,
    read: &'a Cell<u64>,
    hasher: &'a RefCell<Sha256>,
    limit: &'a Cell<u64>,
}

impl<R: Read> Read for Tally<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.read.get() > self.limit.get() {
            // Past the limit: the caller reports TooLarge; end the stream.
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        self.hasher.borrow_mut().update(&buf[..n]);
        Ok(n)
    }
}

/// Opens a second connection to a database that `Store::open` has migrated.
pub fn connect(db: &Path) -> Result<Connection, ImportError> {
    let wrap = |source| ImportError::Sql {
        file: db.to_path_buf(),
        source,
    };
    let conn = Connection::open(db).map_err(wrap)?;
    conn.busy_timeout(crate::store::BUSY_TIMEOUT)
        .map_err(wrap)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(wrap)?;
    // An import is one transaction; with SQLite's default 2 MB page cache a
    // big file spills its index pages into the write-ahead log over and
    // over. 64 MiB made a 200,000-row import about a third faster.
    conn.pragma_update(None, "cache_size", -65_536)
        .map_err(wrap)?;
    Ok(conn)
}

/// Opens (creating and migrating if needed) the database at `db` and imports `file`.
pub fn import_into(db: &Path, file: &Path) -> Result<ImportSummary, ImportError> {
    Store::open(db).map_err(|source| ImportError::Store {
        file: db.to_path_buf(),
        source,
    })?;
    let mut conn = connect(db)?;
    import_file(&mut conn, file)
}

/// How far an import has got, for a progress line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportProgress {
    /// Rows stored so far.
    pub rows: u64,
    /// Bytes of the file read so far.
    pub bytes: u64,
    /// The file's size in bytes.
    pub total: u64,
}

/// How many rows pass between two progress reports.
const PROGRESS_EVERY: u64 = 20_000;

/// Imports one file into a migrated database, in one transaction.
pub fn import_file(conn: &mut Connection, path: &Path) -> Result<ImportSummary, ImportError> {
    import_file_with_progress(conn, path, &mut |_| {})
}

/// `import_file`, calling `progress` every few thousand rows and once at the end.
pub fn import_file_with_progress(
    conn: &mut Connection,
    path: &Path,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportSummary, ImportError> {
    let file = path.to_path_buf();
    let metadata = std::fs::metadata(path).map_err(|source| ImportError::Read {
        file: file.clone(),
        source,
    })?;
    if metadata.is_dir() {
        return Err(ImportError::Read {
            file,
            source: std::io::Error::other("is a directory"),
        });
    }
    // A regular file's size is known before reading; a pipe's or a
    // device's is not (0: the progress line then shows what was read).
    let size = if metadata.is_file() {
        metadata.len()
    } else {
        0
    };
    let source_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    import_stream(conn, path, &source_name, open(path)?, size, progress)
}

/// Imports what a reader gives (standard input, say), read once, in one
/// transaction; `name` stands for the file in messages and as the report's
/// source, and the format is told from the content.
pub fn import_reader(
    conn: &mut Connection,
    name: &Path,
    reader: impl Read,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportSummary, ImportError> {
    let source_name = name.display().to_string();
    import_stream(conn, name, &source_name, reader, 0, progress)
}

/// The one pass over an input: the format from its first kilobytes, the
/// rows stored as they are read, and the file's hash, known only at the
/// end, deciding whether it was imported before (then nothing is kept).
fn import_stream(
    conn: &mut Connection,
    path: &Path,
    source_name: &str,
    source: impl Read,
    size: u64,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportSummary, ImportError> {
    let file = path.to_path_buf();
    let sql = |source| ImportError::Sql {
        file: path.to_path_buf(),
        source,
    };
    let read_error = |source| ImportError::Read {
        file: path.to_path_buf(),
        source,
    };
    let read = Cell::new(0u64);
    let hasher = RefCell::new(Sha256::new());
    let limit = Cell::new(u64::MAX);
    let mut tally = Tally {
        inner: source,
        read: &read,
        hasher: &hasher,
        limit: &limit,
    };
    let mut head = Vec::with_capacity(HEAD_BYTES as usize);
    (&mut tally)
        .take(HEAD_BYTES)
        .read_to_end(&mut head)
        .map_err(read_error)?;
    if head.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty { file });
    }
    let format =
        detect(path, &head).ok_or_else(|| ImportError::UnknownFormat { file: file.clone() })?;
    let too_large = |size| ImportError::TooLarge {
        file: file.clone(),
        size,
        limit: MAX_GEOJSON_BYTES,
    };
    if format == Format::GeoJson {
        if size > MAX_GEOJSON_BYTES {
            return Err(too_large(size));
        }
        limit.set(MAX_GEOJSON_BYTES);
    }
    let tx = crate::store::write_transaction(conn).map_err(sql)?;
    // The real text names the file's hash, known once it is all read; until
    // then a text no stored report can have (one process, one transaction).
    let pending = table::report_text(
        format.description(),
        &format!("being read by process {}", std::process::id()),
    );
    let report_id = table::insert_report(&tx, source_name, &pending).map_err(sql)?;
    let mut inserter = table::Inserter::new(&tx, report_id).map_err(sql)?;
    let mut reader = BufReader::with_capacity(1 << 16, std::io::Cursor::new(head).chain(tally));
    let mut stored = 0u64;
    // Each event once: a second row with an `event_id_cnty` already seen is
    // a file joined to itself or an export edited by hand.
    let mut event_ids: HashMap<String, u64> = HashMap::new();
    let mut once = |row: &acled::ImportRow, line: u64| -> Result<(), ImportError> {
        if row.event_id.is_empty() {
            return Ok(());
        }
        match event_ids.entry(row.event_id.clone()) {
            std::collections::hash_map::Entry::Occupied(first) => Err(ImportError::Row {
                file: file.clone(),
                line,
                reason: format!(
                    "event_id_cnty {:?} is already on line {}",
                    row.event_id,
                    first.get()
                ),
            }),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(line);
                Ok(())
            }
        }
    };
    let rows = match format {
        Format::AcledCsv => csv::read_csv(path, &mut reader, |row, line| {
            once(&row, line)?;
            inserter.insert(&row).map_err(sql)?;
            stored += 1;
            if stored.is_multiple_of(PROGRESS_EVERY) {
                progress(ImportProgress {
                    rows: stored,
                    bytes: read.get(),
                    total: size,
                });
            }
            Ok(())
        })?,
        Format::GeoJson => {
            // A byte-order mark, as the CSV reader also allows: Windows
            // editors write one.
            if reader
                .fill_buf()
                .map_err(read_error)?
                .starts_with(b"\xEF\xBB\xBF")
            {
                reader.consume(3);
            }
            let parsed: Result<geojson::Collection, _> = serde_json::from_reader(&mut reader);
            if read.get() > MAX_GEOJSON_BYTES {
                return Err(too_large(read.get()));
            }
            let collection = parsed.map_err(|source| ImportError::Json {
                file: file.clone(),
                line: source.line(),
                column: source.column(),
                source,
            })?;
            for (k, feature) in collection.features.iter().enumerate() {
                // Features have no line of their own: number them from 1.
                once(&feature.0, k as u64 + 1)?;
                inserter.insert(&feature.0).map_err(sql)?;
            }
            collection.features.len() as u64
        }
    };
    if rows == 0 {
        return Err(ImportError::NoRows { file });
    }
    // Both readers stop at the end of their data; what follows still counts
    // towards the file's identity.
    std::io::copy(&mut reader, &mut std::io::sink()).map_err(read_error)?;
    if read.get() > limit.get() {
        return Err(too_large(read.get()));
    }
    let text = table::report_text(format.description(), &table::hex(&hasher.take().finalize()));
    if let Some(earlier) = table::existing_report(&tx, &text).map_err(sql)? {
        // Dropping the transaction rolls back what this pass wrote.
        drop(inserter);
        drop(tx);
        return Ok(ImportSummary {
            file,
            format,
            report_id: earlier,
            rows: 0,
            duplicate: true,
        });
    }
    table::set_report_text(&tx, report_id, &text).map_err(sql)?;
    inserter.finish().map_err(sql)?;
    tx.commit().map_err(sql)?;
    progress(ImportProgress {
        rows,
        bytes: read.get(),
        total: size,
    });
    Ok(ImportSummary {
        file,
        format,
        report_id,
        rows,
        duplicate: false,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests;
