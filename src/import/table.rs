//! Writing imported rows: one synthetic report per imported file, then the
//! rows through one prepared statement, all in the caller's transaction.
//!
//! The synthetic report's text names the file's SHA-256 (and not its name),
//! so the reports table's unique content hash catches the same file imported
//! twice, even renamed. Each row's own ACLED `source` goes into the
//! incidents' `source` column and the ACLED columns without a model field
//! into `extra` (see migration 2).

use rusqlite::{Connection, OptionalExtension, Statement, params};
use sha2::{Digest, Sha256};

use super::acled::ImportRow;

/// Lower-case hex of a SHA-256 digest.
pub fn hex(digest: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(digest.len() * 2);
    for byte in digest {
        // Writing to a String cannot fail.
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// The text of the report standing for an imported file.
pub fn report_text(kind: &str, file_hash: &str) -> String {
    format!(
        "Incidents imported from a {kind} file, not read from a news report. \
         SHA-256 of the file: {file_hash}. Each incident keeps its own source."
    )
}

/// The id of an already stored report with this text, if any.
pub fn existing_report(conn: &Connection, text: &str) -> rusqlite::Result<Option<i64>> {
    let hash = hex(&Sha256::digest(text.as_bytes()));
    conn.query_row(
        "SELECT id FROM reports WHERE content_hash = ?1",
        [hash],
        |row| row.get(0),
    )
    .optional()
}

/// Stores the report standing for an imported file; returns its id.
pub fn insert_report(conn: &Connection, source_name: &str, text: &str) -> rusqlite::Result<i64> {
    let hash = hex(&Sha256::digest(text.as_bytes()));
    conn.execute(
        "INSERT INTO reports (source_name, published, text, content_hash, ingested_at, imported)
         VALUES (?1, NULL, ?2, ?3, ?4, 1)",
        params![source_name, text, hash, chrono::Utc::now().to_rfc3339()],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Gives a report stored with `insert_report` its final text (and hash).
pub fn set_report_text(conn: &Connection, report_id: i64, text: &str) -> rusqlite::Result<()> {
    let hash = hex(&Sha256::digest(text.as_bytes()));
    conn.execute(
        "UPDATE reports SET text = ?1, content_hash = ?2 WHERE id = ?3",
        params![text, hash, report_id],
    )?;
    Ok(())
}

/// Inserts rows of one report through a statement prepared once.
pub struct Inserter<'c> {
    conn: &'c Connection,
    stmt: Statement<'c>,
    report_id: i64,
    /// The highest incident id before this import; the FTS index and the
    /// `incident_sources` links of the rows above it are written in bulk by
    /// `finish`.
    before: i64,
    /// `YYYY-MM-DD`, reused so a row costs no allocation for its date.
    date: String,
    /// The `reviewed_at` of rows imported as reviewed: the file does not
    /// say when, so the import's time stands in.
    now: String,
}

impl<'c> Inserter<'c> {
    /// Prepares the statement and suspends the per-row FTS trigger; call
    /// `finish` before committing.
    pub fn new(conn: &'c Connection, report_id: i64) -> rusqlite::Result<Inserter<'c>> {
        let before = crate::store::suspend_incident_fts(conn)?;
        let stmt = conn.prepare(
            "INSERT INTO incidents (report_id, event_date, time_precision, event_type,
                 sub_event_type, actor1, actor2, fatalities, location, place_id, latitude,
                 longitude, country, country_code, admin1, admin2, geo_precision, notes,
                 evidence_start, evidence_end, weapons, source, extra, confidence,
                 confidence_reasons, reviewed, reviewed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL, ?10, ?11, ?12, ?13, ?14, ?15,
                 ?16, ?17, 0, 0, ?18, ?19, ?20, ?21, ?22, ?23,
                 CASE WHEN ?23 THEN ?24 ELSE NULL END)",
        )?;
        Ok(Inserter {
            conn,
            stmt,
            report_id,
            before,
            date: String::with_capacity(10),
            now: chrono::Utc::now().to_rfc3339(),
        })
    }

    pub fn insert(&mut self, row: &ImportRow) -> rusqlite::Result<()> {
        use std::fmt::Write as _;
        let data = &row.data;
        let loc = &data.location;
        let weapons = if data.weapons.is_empty() {
            std::borrow::Cow::Borrowed("[]")
        } else {
            std::borrow::Cow::Owned(
                serde_json::to_string(&data.weapons)
                    .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?,
            )
        };
        let reasons = if data.confidence_reasons.is_empty() {
            std::borrow::Cow::Borrowed("[]")
        } else {
            std::borrow::Cow::Owned(
                serde_json::to_string(&data.confidence_reasons)
                    .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?,
            )
        };
        let date = data.event_date;
        self.date.clear();
        // Writing to a String cannot fail.
        let _ = write!(
            self.date,
            "{:04}-{:02}-{:02}",
            chrono::Datelike::year(&date),
            chrono::Datelike::month(&date),
            chrono::Datelike::day(&date)
        );
        self.stmt.execute(params![
            self.report_id,
            self.date,
            data.time_precision.code(),
            data.event_type.label(),
            data.sub_event_type,
            data.actor1,
            data.actor2,
            data.fatalities,
            loc.name,
            loc.latitude,
            loc.longitude,
            loc.country,
            loc.country_code,
            loc.admin1,
            loc.admin2,
            loc.geo_precision.code(),
            data.notes,
            weapons,
            row.source,
            row.extra,
            data.confidence.label(),
            reasons,
            row.reviewed,
            self.now,
        ])?;
        Ok(())
    }

    /// Links every new row to the report it came from (migration 4), as the
    /// store does for incidents read from reports, indexes the new rows for
    /// search and restores the FTS trigger.
    pub fn finish(self) -> rusqlite::Result<()> {
        drop(self.stmt);
        self.conn.execute(
            "INSERT INTO incident_sources (incident_id, report_id, evidence_start, evidence_end)
             SELECT id, report_id, 0, 0 FROM incidents WHERE id > ?1 AND report_id = ?2",
            params![self.before, self.report_id],
        )?;
        crate::store::resume_incident_fts(self.conn, self.before)
    }
}
