//! The `reports` table: each news report kept whole, once.
//!
//! A report is identified by the SHA-256 of its text, so pasting the same
//! article twice (or ingesting a file again) stores nothing new.

use std::fmt::Write as _;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};
use sha2::{Digest, Sha256};

use super::dates::{format_date, parse_date};
use super::{Store, StoreError, incident_sources, incidents};
use crate::model::{Incident, IncidentData, Report};

/// What `Store::add_report` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedReport {
    /// The new report's id, or the id it was already stored under.
    pub report_id: i64,
    /// True when the same text was already stored; nothing was inserted.
    pub duplicate: bool,
    /// The incidents now stored for the report (the existing ones for a duplicate).
    pub incident_ids: Vec<i64>,
}

/// Hex SHA-256 of the text, exactly as stored in `content_hash`.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        // Writing to a String cannot fail.
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// The columns `from_row` reads, in order (a macro so that queries are
/// assembled at compile time with `concat!`).
macro_rules! report_columns {
    () => {
        "id, source_name, published, text, content_hash"
    };
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Report> {
    let published: Option<String> = row.get(2)?;
    Ok(Report {
        id: row.get(0)?,
        source_name: row.get(1)?,
        published: published.map(|s| parse_date(2, &s)).transpose()?,
        text: row.get(3)?,
        content_hash: row.get(4)?,
    })
}

fn find_by_hash(conn: &Connection, hash: &str) -> Result<Option<i64>, StoreError> {
    conn.query_row(
        "SELECT id FROM reports WHERE content_hash = ?1",
        [hash],
        |row| row.get(0),
    )
    .optional()
    .map_err(StoreError::sql("looking up report by content hash"))
}

pub(super) fn get(conn: &Connection, id: i64) -> Result<Option<Report>, StoreError> {
    conn.query_row(
        concat!("SELECT ", report_columns!(), " FROM reports WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
    .map_err(StoreError::sql("reading report"))
}

impl Store {
    /// Stores a report and its incidents in one transaction: either all of
    /// them go in or none do. Text already stored is not stored again.
    pub fn add_report(
        &mut self,
        source_name: &str,
        published: Option<NaiveDate>,
        text: &str,
        incidents: &[IncidentData],
    ) -> Result<AddedReport, StoreError> {
        let hash = content_hash(text);
        let tx = super::write_transaction(&mut self.conn)
            .map_err(StoreError::sql("starting report transaction"))?;
        if let Some(report_id) = find_by_hash(&tx, &hash)? {
            let incident_ids = incidents::ids_for_report(&tx, report_id)?;
            return Ok(AddedReport {
                report_id,
                duplicate: true,
                incident_ids,
            });
        }
        let ingested_at = chrono::Utc::now().to_rfc3339();
        tx.execute(
            "INSERT INTO reports (source_name, published, text, content_hash, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                source_name,
                published.map(format_date),
                text,
                hash,
                ingested_at
            ],
        )
        .map_err(StoreError::sql("saving report"))?;
        let report_id = tx.last_insert_rowid();
        // The same event already told by another report gains a source
        // instead of a duplicate row. Every match is looked for before this
        // report's own rows are written: they can never match (same report),
        // and a search made after them would wade through them, which made a
        // long roundup quadratic.
        let same: Vec<Option<Incident>> = incidents
            .iter()
            .map(|data| incidents::find_same(&tx, data, report_id))
            .collect::<Result<_, _>>()?;
        let mut incident_ids = Vec::with_capacity(incidents.len());
        let mut seen = std::collections::HashSet::with_capacity(incidents.len());
        for (data, existing) in incidents.iter().zip(same) {
            let id = match existing {
                Some(existing) => {
                    // A second incident of this report told of the same
                    // event: complete what the first one left, not the
                    // row as it was before it.
                    let existing = if seen.contains(&existing.id) {
                        incidents::get(&tx, existing.id)?.unwrap_or(existing)
                    } else {
                        existing
                    };
                    incidents::confirm(&tx, &existing, data)?;
                    existing.id
                }
                None => incidents::insert(&tx, report_id, data)?,
            };
            incident_sources::attach(&tx, id, report_id, data.evidence)?;
            if seen.insert(id) {
                incident_ids.push(id);
            }
        }
        tx.commit().map_err(StoreError::sql("committing report"))?;
        Ok(AddedReport {
            report_id,
            duplicate: false,
            incident_ids,
        })
    }

    /// The report with this id, if any.
    pub fn report(&self, id: i64) -> Result<Option<Report>, StoreError> {
        get(&self.conn, id)
    }

    /// SQLite's `data_version`: it changes when another connection (another
    /// process, or a thread with its own connection) commits to the file,
    /// never for this connection's own writes. The window polls it to show
    /// what the command line imported while it was open.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("PRAGMA data_version", [], |row| row.get(0))
            .map_err(StoreError::sql("reading the data version"))
    }

    /// How many reports are stored.
    pub fn report_count(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT COUNT(*) FROM reports", [], |row| row.get(0))
            .map_err(StoreError::sql("counting reports"))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn content_hash_is_lowercase_hex_sha256() {
        // SHA-256 of the empty string is a well-known constant.
        assert_eq!(
            content_hash(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
