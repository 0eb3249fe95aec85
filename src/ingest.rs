//! Getting a report into the store: read the file defensively, extract the
//! incidents, then store the report and its incidents in one transaction.
//!
//! Analysts drop in whatever they have, so every way a file can be unusable
//! (missing, a folder, empty, huge, binary, not UTF-8) gets its own message
//! that names the file and says what to do.

use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::extract::extract;
use crate::gazetteer::Gazetteer;
use crate::model::IncidentData;
use crate::store::{ReprocessError, Reprocessed, Store, StoreError};

mod html;

/// News reports are a few kilobytes; anything past this is not a report.
pub const MAX_REPORT_BYTES: u64 = 10 * 1024 * 1024;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why a report could not be ingested. `name` is the file as the user gave it.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{name}: no such file")]
    NotFound { name: String },
    #[error("{name}: is a directory, not a report file")]
    IsDirectory { name: String },
    #[error("{name}: cannot be read")]
    Read {
        name: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{name}: the report is empty")]
    Empty { name: String },
    #[error("{name}: {size} bytes is larger than the {limit} byte limit for a report")]
    TooLarge { name: String, size: u64, limit: u64 },
    #[error("{name}: looks like a binary file (NUL byte at offset {offset}), not a text report")]
    Binary { name: String, offset: usize },
    #[error(
        "{name}: not valid UTF-8 (first bad byte at offset {offset}); if it is Windows-1252 or Latin-1, convert it with `iconv -f WINDOWS-1252 -t UTF-8`"
    )]
    NotUtf8 { name: String, offset: usize },
    #[error("{name}: is UTF-16 text; convert it to UTF-8, e.g. with `iconv -f UTF-16 -t UTF-8`")]
    Utf16 { name: String },
    #[error("{name}: looks like an HTML page, but its text could not be read: {message}")]
    Html { name: String, message: String },
    #[error("storing the report")]
    Store(#[from] StoreError),
}

/// What ingesting one report produced.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IngestSummary {
    pub report_id: i64,
    /// True when the same text was already stored; nothing new was added.
    pub duplicate: bool,
    /// The publication date used (given, or found in the text).
    pub published: Option<NaiveDate>,
    /// What extraction found in the text.
    pub incidents: Vec<IncidentData>,
    /// What extraction was unsure about, for the analyst to check.
    pub warnings: Vec<String>,
    /// The stored incidents this report tells of: new ones, and older ones
    /// it was attached to as a further source (the window selects them).
    pub incident_ids: Vec<i64>,
}

/// Reads a report file as text, refusing anything that is not a plausible report.
pub fn read_report(path: &Path) -> Result<String, IngestError> {
    let name = path.display().to_string();
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(IngestError::NotFound { name });
        }
        Err(source) => return Err(IngestError::Read { name, source }),
    };
    if metadata.is_dir() {
        return Err(IngestError::IsDirectory { name });
    }
    if metadata.len() > MAX_REPORT_BYTES {
        return Err(IngestError::TooLarge {
            name,
            size: metadata.len(),
            limit: MAX_REPORT_BYTES,
        });
    }
    let file = std::fs::File::open(path).map_err(|source| IngestError::Read {
        name: name.clone(),
        source,
    })?;
    read_report_from(&name, file)
}

/// Reads a report from any reader (standard input, say) with the same checks
/// as `read_report`; `name` is used in messages.
pub fn read_report_from(name: &str, reader: impl Read) -> Result<String, IngestError> {
    let mut bytes = Vec::new();
    // One byte past the limit is enough to know the limit was passed, and a
    // pipe that never ends cannot exhaust memory.
    reader
        .take(MAX_REPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| IngestError::Read {
            name: name.to_owned(),
            source,
        })?;
    decode_report(name, bytes)
}

/// Checks and decodes the bytes of a report.
pub fn decode_report(name: &str, mut bytes: Vec<u8>) -> Result<String, IngestError> {
    let name = name.to_owned();
    let size = bytes.len() as u64;
    if size > MAX_REPORT_BYTES {
        return Err(IngestError::TooLarge {
            name,
            size,
            limit: MAX_REPORT_BYTES,
        });
    }
    // UTF-16 (what Windows Notepad calls "Unicode") is full of NUL bytes, so
    // it must be recognised by its byte-order mark before the binary check.
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(IngestError::Utf16 { name });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(IngestError::Binary { name, offset });
    }
    let bom = if bytes.starts_with(UTF8_BOM) {
        UTF8_BOM.len()
    } else {
        0
    };
    bytes.drain(..bom);
    let text = String::from_utf8(bytes).map_err(|e| IngestError::NotUtf8 {
        name: name.clone(),
        // Offsets are reported in the file as it is on disk, BOM included.
        offset: e.utf8_error().valid_up_to() + bom,
    })?;
    // A page saved from a browser: its visible text is the report, and its
    // scripts and styles are not prose to read incidents from.
    let text = if html::looks_like_html(&text) {
        html::visible_text(&text).map_err(|e| IngestError::Html {
            name: name.clone(),
            message: e.to_string(),
        })?
    } else {
        text
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty { name });
    }
    Ok(text)
}

/// Extracts incidents from `text` and stores the report with them, all or nothing.
pub fn ingest_text(
    store: &mut Store,
    gazetteer: &Gazetteer,
    source_name: &str,
    text: &str,
    published: Option<NaiveDate>,
) -> Result<IngestSummary, IngestError> {
    let extraction = extract(text, published, gazetteer);
    let added = store.add_report(
        source_name,
        extraction.published,
        text,
        &extraction.incidents,
    )?;
    Ok(IngestSummary {
        report_id: added.report_id,
        duplicate: added.duplicate,
        published: extraction.published,
        incidents: extraction.incidents,
        warnings: extraction.warnings,
        incident_ids: added.incident_ids,
    })
}

/// Reads stored report `report_id` again with today's rules and gazetteer
/// and updates its incidents, keeping what the analyst corrected or deleted
/// (see `store::reprocess`). The publication date stored with the report
/// (from its text or from the analyst) resolves its relative dates again.
pub fn reprocess(
    store: &mut Store,
    gazetteer: &Gazetteer,
    report_id: i64,
) -> Result<Reprocessed, ReprocessError> {
    let report = store
        .report(report_id)?
        .ok_or(ReprocessError::NoSuchReport(report_id))?;
    let extraction = extract(&report.text, report.published, gazetteer);
    store.reprocess_report(report_id, &extraction.incidents)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn a_plain_report_is_read_as_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "r.txt", "Attaque à Djibo.".as_bytes());
        assert_eq!(read_report(&path).unwrap(), "Attaque à Djibo.");
    }

    #[test]
    fn a_utf8_bom_is_stripped() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "bom.txt", b"\xEF\xBB\xBFHello");
        assert_eq!(read_report(&path).unwrap(), "Hello");
    }

    #[test]
    fn a_missing_file_is_named_in_the_error() {
        let err = read_report(Path::new("/nonexistent/report.txt")).unwrap_err();
        assert!(matches!(err, IngestError::NotFound { .. }));
        assert!(err.to_string().contains("/nonexistent/report.txt"));
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_report(dir.path()),
            Err(IngestError::IsDirectory { .. })
        ));
    }

    #[test]
    fn whitespace_only_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "blank.txt", b" \n\t\r\n");
        assert!(matches!(read_report(&path), Err(IngestError::Empty { .. })));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "x.pdf", b"%PDF\x00\x01");
        assert!(matches!(
            read_report(&path),
            Err(IngestError::Binary { offset: 4, .. })
        ));
    }

    #[test]
    fn an_html_page_is_read_as_its_visible_text() {
        let dir = tempfile::tempdir().unwrap();
        let page = "<!DOCTYPE html>\n<html><head><title>Kaya news</title>\
                    <script>var latest = 'Attack in Kaya: 40 dead';</script></head>\
                    <body><p>Gunmen killed 7 villagers in Djibo on 2 May 2024.</p></body></html>";
        let path = write(dir.path(), "page.html", page.as_bytes());
        let text = read_report(&path).unwrap();
        assert!(text.contains("Gunmen killed 7 villagers in Djibo on 2 May 2024."));
        assert!(!text.contains("Kaya"), "{text}");
        assert!(!text.contains('<'), "{text}");
    }

    #[test]
    fn an_html_page_with_nothing_visible_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let page = "<html><head><script>var x = 'Djibo';</script></head><body></body></html>";
        let path = write(dir.path(), "blank.html", page.as_bytes());
        assert!(matches!(read_report(&path), Err(IngestError::Empty { .. })));
    }

    #[test]
    fn a_report_in_arabic_script_says_it_cannot_be_read() {
        let mut store = Store::open_in_memory().unwrap();
        let (places, admin) = crate::gazetteer::bundled().unwrap();
        let gazetteer = Gazetteer::new(places, admin);
        let text = "هاجم مسلحون قرية قرب جيبو يوم الاثنين وقتلوا عشرة مدنيين";
        let summary = ingest_text(&mut store, &gazetteer, "ar.txt", text, None).unwrap();
        assert!(summary.incidents.is_empty());
        assert!(
            summary.warnings.iter().any(|w| w.contains("Arabic script")),
            "{:?}",
            summary.warnings
        );
    }

    #[test]
    fn latin1_gives_the_offset_and_suggests_iconv() {
        let dir = tempfile::tempdir().unwrap();
        // "Kaya é" with é in Latin-1.
        let path = write(dir.path(), "latin1.txt", b"Kaya \xE9t\xE9");
        let err = read_report(&path).unwrap_err();
        assert!(matches!(err, IngestError::NotUtf8 { offset: 5, .. }));
        assert!(err.to_string().contains("iconv"));
        assert!(err.to_string().contains("latin1.txt"));
    }

    #[test]
    fn utf16_is_recognised_by_its_byte_order_mark() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "notepad.txt", b"\xFF\xFEK\x00a\x00");
        assert!(matches!(read_report(&path), Err(IngestError::Utf16 { .. })));
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_REPORT_BYTES + 1).unwrap();
        assert!(matches!(
            read_report(&path),
            Err(IngestError::TooLarge { .. })
        ));
    }

    #[test]
    fn an_endless_stream_is_cut_at_the_limit() {
        let endless = std::io::repeat(b'a');
        assert!(matches!(
            read_report_from("-", endless),
            Err(IngestError::TooLarge { .. })
        ));
    }

    #[test]
    fn reading_a_report_again_keeps_the_corrected_toll_and_rereads_the_rest() {
        let (places, admin) = crate::gazetteer::bundled().unwrap();
        let gazetteer = Gazetteer::new(places, admin);
        let mut store = Store::open_in_memory().unwrap();
        let text = "Published: 2024-08-25\n\
            Gunmen killed 12 villagers in Barsalogho on Saturday, residents said.";
        let summary = ingest_text(&mut store, &gazetteer, "r.txt", text, None).unwrap();
        let id = store.report(summary.report_id).unwrap().unwrap().id;
        let ids = store
            .incidents(&Default::default())
            .unwrap()
            .into_iter()
            .map(|i| i.id)
            .collect::<Vec<_>>();
        assert_eq!(ids.len(), 1);
        let mut corrected = store.incident(ids[0]).unwrap().unwrap().data;
        let read = corrected.clone();
        corrected.fatalities = Some(14);
        store.update_incident(ids[0], &corrected).unwrap();

        let done = reprocess(&mut store, &gazetteer, id).unwrap();
        assert_eq!((done.updated, done.unchanged, done.kept_edits), (0, 1, 1));
        let now = store.incident(ids[0]).unwrap().unwrap().data;
        assert_eq!(now.fatalities, Some(14));
        assert_eq!(now.location, read.location);
        assert!(matches!(
            reprocess(&mut store, &gazetteer, 99),
            Err(ReprocessError::NoSuchReport(99))
        ));
    }
}
