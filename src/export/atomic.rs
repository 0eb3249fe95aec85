//! Atomic file replacement: write to a temporary file in the target's own
//! directory (so the final rename never crosses file systems), sync it, then
//! rename it over the target. Readers see the old file or the new one, never
//! half of one, and a failed write leaves the old file untouched.

use std::io::Write;
use std::path::Path;

use tempfile::NamedTempFile;

use super::ExportError;

/// Replaces `path` with whatever `write` produces, or leaves it untouched if
/// `write` (or flushing, syncing, renaming) fails.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    replace_atomic(path, |file| {
        let mut buffered = std::io::BufWriter::new(file.as_file_mut());
        write(&mut buffered)?;
        buffered.flush()?;
        Ok(())
    })
}

/// The mechanism under `write_atomic`, for writers that need the temporary
/// file itself rather than a stream (a GeoPackage is written by SQLite at a
/// path): `fill` completes the temporary file, which is then synced and
/// renamed over `path`. On any error the temporary file is deleted and
/// `path` is left as it was.
pub fn replace_atomic(
    path: &Path,
    fill: impl FnOnce(&mut NamedTempFile) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let temp_error = |source| ExportError::TempFile {
        dir: dir.to_path_buf(),
        source,
    };
    // Dropping the NamedTempFile on any early return deletes it.
    let mut file = NamedTempFile::new_in(dir).map_err(temp_error)?;
    fill(&mut file)?;
    file.as_file().sync_all().map_err(temp_error)?;
    file.persist(path).map_err(|e| ExportError::Persist {
        path: path.to_path_buf(),
        source: e.error,
    })?;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn a_successful_write_replaces_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.geojson");
        std::fs::write(&target, "old").unwrap();
        write_atomic(&target, |w| Ok(w.write_all(b"new")?)).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }

    #[test]
    fn a_failing_writer_leaves_the_old_file_intact_and_no_temp_behind() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.geojson");
        std::fs::write(&target, "old").unwrap();
        let result = write_atomic(&target, |w| {
            w.write_all(b"half of a new fi")?;
            Err(ExportError::Io(std::io::Error::other("disk on fire")))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        let entries = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(entries, 1, "the temporary file should be cleaned up");
    }
}
