//! Atomic file replacement: write to a temporary file in the target's own
//! directory (so the final rename never crosses file systems), sync it, then
//! rename it over the target. Readers see the old file or the new one, never
//! half of one, and a failed write leaves the old file untouched.
//!
//! What the target is decides how it is written:
//! - a symbolic link is followed, and the file it names is replaced (the
//!   link stays a link);
//! - a FIFO or a device is not a file that can be replaced: it is opened and
//!   written to as it is;
//! - a regular file keeps its mode; a new one gets the mode the umask allows
//!   (0644 under umask 022), as any other program's output would.
//!
//! A process killed mid-export cannot delete its temporary file. Its name
//! carries the process id, so the next export into the same folder can tell
//! a dead process's leftover from a running export's file and remove it.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::ExportError;

/// How temporary export files end, so leftovers can be recognised.
const TEMP_SUFFIX: &str = ".atlas-tmp";

/// Files SQLite may keep beside a temporary GeoPackage.
const SQLITE_SIDE_FILES: [&str; 3] = ["-journal", "-wal", "-shm"];

/// How many symbolic links are followed before giving up (Linux's own limit).
const MAX_LINKS: usize = 40;

/// Replaces `path` with whatever `write` produces, or leaves it untouched if
/// `write` (or flushing, syncing, renaming) fails. A FIFO or device at
/// `path` is written to directly.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    match resolve(path)? {
        Target::File(file) => replace_file(&file, |temp| {
            let mut buffered = std::io::BufWriter::new(temp.as_file_mut());
            write(&mut buffered)?;
            buffered.flush()?;
            Ok(())
        }),
        Target::Stream(stream) => {
            let mut buffered = std::io::BufWriter::new(open_stream(&stream)?);
            write(&mut buffered)?;
            buffered.flush()?;
            Ok(())
        }
    }
}

/// The mechanism under `write_atomic`, for writers that need the temporary
/// file itself rather than a stream (a GeoPackage is written by SQLite at a
/// path): `fill` completes the temporary file, which is then synced and
/// renamed over `path`. On any error the temporary file is deleted and
/// `path` is left as it was. A FIFO or device at `path` gets a copy of the
/// finished file.
pub fn replace_atomic(
    path: &Path,
    fill: impl FnOnce(&mut NamedTempFile) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    match resolve(path)? {
        Target::File(file) => replace_file(&file, fill),
        Target::Stream(stream) => copy_filled(&mut open_stream(&stream)?, fill),
    }
}

/// Completes a temporary file with `fill` (in the system's temporary
/// folder, as nothing will be renamed) and copies it into `out`: how a
/// GeoPackage, which SQLite writes at a path, reaches a stream.
pub fn copy_filled(
    out: &mut dyn Write,
    fill: impl FnOnce(&mut NamedTempFile) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let dir = std::env::temp_dir();
    let mut temp = NamedTempFile::new().map_err(|source| ExportError::TempFile { dir, source })?;
    fill(&mut temp)?;
    let mut finished = temp.reopen()?;
    std::io::copy(&mut finished, out)?;
    out.flush()?;
    Ok(())
}

/// Where the bytes go once links are followed.
#[derive(Debug, PartialEq)]
enum Target {
    /// A regular file, or a path where one will be created.
    File(PathBuf),
    /// A FIFO, character or block device: written to in place.
    Stream(PathBuf),
}

/// Follows symbolic links from `path` to what they name.
fn resolve(path: &Path) -> Result<Target, ExportError> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let meta = match std::fs::symlink_metadata(&current) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Target::File(current));
            }
            Err(source) => {
                return Err(ExportError::Open {
                    path: current,
                    source,
                });
            }
        };
        let kind = meta.file_type();
        if kind.is_symlink() {
            let link = std::fs::read_link(&current).map_err(|source| ExportError::Open {
                path: current.clone(),
                source,
            })?;
            // A relative link is relative to the folder holding the link.
            current = match current.parent() {
                Some(dir) if link.is_relative() => dir.join(link),
                _ => link,
            };
        } else if kind.is_file() {
            return Ok(Target::File(current));
        } else if kind.is_dir() {
            return Err(ExportError::Target {
                path: current,
                reason: "is a folder; name a file inside it",
            });
        } else {
            return Ok(Target::Stream(current));
        }
    }
    Err(ExportError::Target {
        path: path.to_path_buf(),
        reason: "has too many levels of symbolic links",
    })
}

/// Opens a FIFO or device for writing as it is (no truncation: a device
/// has no length, and a FIFO's reader sees only what we write).
fn open_stream(path: &Path) -> Result<File, ExportError> {
    File::options()
        .write(true)
        .open(path)
        .map_err(|source| ExportError::Open {
            path: path.to_path_buf(),
            source,
        })
}

/// Replaces the regular file (or new path) `path` atomically.
fn replace_file(
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
    remove_leftovers(dir);
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy());
    let prefix = format!(".{name}.{}.", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX).rand_bytes(6);
    // tempfile's default is 0600; asking for 0666 lets the umask decide, as
    // it does for any file a program creates.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // Dropping the NamedTempFile on any early return deletes it.
    let mut file = builder.tempfile_in(dir).map_err(temp_error)?;
    if let Some(permissions) = existing {
        // Replacing a file must not change who may read it.
        file.as_file()
            .set_permissions(permissions)
            .map_err(temp_error)?;
    }
    fill(&mut file)?;
    file.as_file().sync_all().map_err(temp_error)?;
    file.persist(path).map_err(|e| ExportError::Persist {
        path: path.to_path_buf(),
        source: e.error,
    })?;
    Ok(())
}

/// Deletes the temporary files of exports into `dir` whose process is gone
/// (killed mid-export), with SQLite's side files. Best effort: a file that
/// cannot be removed stays, and the export goes on.
fn remove_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if let Some(pid) = name.to_str().and_then(leftover_pid)
            && !process_alive(pid)
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary export file's name
/// (`.NAME.PID.RANDOM.atlas-tmp`, maybe with a SQLite side-file suffix).
fn leftover_pid(name: &str) -> Option<u32> {
    let name = SQLITE_SIDE_FILES
        .iter()
        .find_map(|side| name.strip_suffix(side))
        .unwrap_or(name);
    let stem = name.strip_prefix('.')?.strip_suffix(TEMP_SUFFIX)?;
    let mut parts = stem.rsplitn(3, '.');
    let _random = parts.next()?;
    let pid = parts.next()?.parse().ok()?;
    let _target = parts.next()?;
    Some(pid)
}

/// Whether process `pid` still runs. Only Linux can tell cheaply (`/proc`);
/// elsewhere every process counts as alive, so nothing is removed that a
/// running export still needs.
fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    if cfg!(target_os = "linux") && proc.join("self").exists() {
        proc.join(pid.to_string()).exists()
    } else {
        true
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

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

    #[test]
    fn a_temporary_name_carries_the_process_id() {
        assert_eq!(
            leftover_pid(".out.geojson.4242.a1B2c3.atlas-tmp"),
            Some(4242)
        );
        assert_eq!(
            leftover_pid(".out.gpkg.7.xyzxyz.atlas-tmp-journal"),
            Some(7)
        );
        assert_eq!(leftover_pid(".tmpA1b2C3"), None);
        assert_eq!(leftover_pid("out.geojson"), None);
        assert_eq!(leftover_pid(".x.notapid.abcdef.atlas-tmp"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_dead_exports_leftovers_are_removed_and_a_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        // Above Linux's largest possible pid (2^22), so never a live process.
        let dead = ".out.gpkg.999999999.abcdef.atlas-tmp";
        let dead_journal = ".out.gpkg.999999999.abcdef.atlas-tmp-journal";
        let live = format!(".other.csv.{}.abcdef.atlas-tmp", std::process::id());
        for name in [dead, dead_journal, live.as_str(), "notes.txt"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        write_atomic(&dir.path().join("out.gpkg"), |w| Ok(w.write_all(b"new")?)).unwrap();
        let mut expected = vec![live, "notes.txt".to_owned(), "out.gpkg".to_owned()];
        expected.sort();
        assert_eq!(names_in(dir.path()), expected);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_umask_mode_and_an_old_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        // What this process's umask gives a new file, found the way any
        // program's output gets it.
        let probe = dir.path().join("probe");
        std::fs::write(&probe, "").unwrap();
        let new = dir.path().join("new.geojson");
        write_atomic(&new, |w| Ok(w.write_all(b"{}")?)).unwrap();
        assert_eq!(mode(&new), mode(&probe));

        let old = dir.path().join("old.csv");
        std::fs::write(&old, "old").unwrap();
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&old, |w| Ok(w.write_all(b"new")?)).unwrap();
        assert_eq!(mode(&old), 0o640);
        assert_eq!(std::fs::read_to_string(&old).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_followed_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        let real = dir.path().join("real").join("out.geojson");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.geojson");
        std::os::unix::fs::symlink("real/out.geojson", &link).unwrap();
        write_atomic(&link, |w| Ok(w.write_all(b"new")?)).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");

        // A dangling link: the file it names is created.
        let dangling = dir.path().join("dangling.geojson");
        std::os::unix::fs::symlink("real/later.geojson", &dangling).unwrap();
        write_atomic(&dangling, |w| Ok(w.write_all(b"later")?)).unwrap();
        let later = dir.path().join("real").join("later.geojson");
        assert_eq!(std::fs::read_to_string(later).unwrap(), "later");
    }

    #[test]
    fn a_folder_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(dir.path(), |w| Ok(w.write_all(b"x")?)).unwrap_err();
        assert!(err.to_string().contains("is a folder"), "{err}");
    }
}
