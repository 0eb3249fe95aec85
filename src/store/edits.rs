//! What the analyst did by hand, kept so that reading a report again never
//! undoes it (migration 5): the fields corrected on each incident (the
//! `incidents.edited` column) and the incidents deleted (the `dismissed`
//! table, keyed by the sentence and place they were read from).

use rusqlite::{Connection, OptionalExtension, params};

use super::{Store, StoreError};
use crate::model::{Field, Incident, Span};

fn offset(value: usize) -> Result<i64, StoreError> {
    i64::try_from(value).map_err(|e| StoreError::Corrupt {
        what: "evidence span",
        detail: e.to_string(),
    })
}

/// The fields of incident `id` an analyst corrected, in `Field::ALL` order;
/// empty for an untouched or missing incident.
pub(super) fn edited(conn: &Connection, id: i64) -> Result<Vec<Field>, StoreError> {
    let text: Option<String> = conn
        .query_row("SELECT edited FROM incidents WHERE id = ?1", [id], |row| {
            row.get(0)
        })
        .optional()
        .map_err(StoreError::sql("reading an incident's corrected fields"))?;
    match text {
        None => Ok(Vec::new()),
        Some(text) => serde_json::from_str(&text).map_err(|e| StoreError::Corrupt {
            what: "list of corrected fields",
            detail: e.to_string(),
        }),
    }
}

pub(super) fn set_edited(conn: &Connection, id: i64, fields: &[Field]) -> Result<(), StoreError> {
    let text = serde_json::to_string(fields).map_err(|e| StoreError::Corrupt {
        what: "list of corrected fields",
        detail: e.to_string(),
    })?;
    conn.execute(
        "UPDATE incidents SET edited = ?1 WHERE id = ?2",
        params![text, id],
    )
    .map_err(StoreError::sql("saving an incident's corrected fields"))?;
    Ok(())
}

/// Adds `fields` to incident `id`'s corrected fields.
pub(super) fn mark_edited(conn: &Connection, id: i64, fields: &[Field]) -> Result<(), StoreError> {
    if fields.is_empty() {
        return Ok(());
    }
    let mut all = edited(conn, id)?;
    all.extend_from_slice(fields);
    all.sort();
    all.dedup();
    set_edited(conn, id, &all)
}

/// Remembers that the analyst deleted `incident` (whose row still exists),
/// so that reading its report again does not bring it back; its corrected
/// fields are kept for an undo.
pub(super) fn dismiss(conn: &Connection, incident: &Incident) -> Result<(), StoreError> {
    let data = &incident.data;
    conn.execute(
        "INSERT OR REPLACE INTO dismissed (report_id, evidence_start, evidence_end, location, edited)
         SELECT ?1, ?2, ?3, ?4, edited FROM incidents WHERE id = ?5",
        params![
            incident.report_id,
            offset(data.evidence.start)?,
            offset(data.evidence.end)?,
            data.location.name,
            incident.id
        ],
    )
    .map_err(StoreError::sql("remembering a deleted incident"))?;
    Ok(())
}

/// Forgets a deletion (it was undone), giving the restored row (which must
/// exist again) back its corrected fields.
pub(super) fn undismiss(conn: &Connection, incident: &Incident) -> Result<(), StoreError> {
    let data = &incident.data;
    conn.execute(
        "UPDATE incidents SET edited = (SELECT d.edited FROM dismissed d WHERE d.report_id = ?1
             AND d.evidence_start = ?2 AND d.evidence_end = ?3 AND d.location = ?4)
         WHERE id = ?5 AND EXISTS (SELECT 1 FROM dismissed d WHERE d.report_id = ?1
             AND d.evidence_start = ?2 AND d.evidence_end = ?3 AND d.location = ?4)",
        params![
            incident.report_id,
            offset(data.evidence.start)?,
            offset(data.evidence.end)?,
            data.location.name,
            incident.id
        ],
    )
    .map_err(StoreError::sql("forgetting a deleted incident"))?;
    conn.execute(
        "DELETE FROM dismissed WHERE report_id = ?1 AND evidence_start = ?2
             AND evidence_end = ?3 AND location = ?4",
        params![
            incident.report_id,
            offset(data.evidence.start)?,
            offset(data.evidence.end)?,
            data.location.name
        ],
    )
    .map_err(StoreError::sql("forgetting a deleted incident"))?;
    Ok(())
}

/// The incidents of report `report_id` the analyst deleted, as
/// (evidence, location name).
pub(super) fn dismissed(
    conn: &Connection,
    report_id: i64,
) -> Result<Vec<(Span, String)>, StoreError> {
    let mut stmt = conn
        .prepare(
            "SELECT evidence_start, evidence_end, location FROM dismissed WHERE report_id = ?1",
        )
        .map_err(StoreError::sql("listing deleted incidents"))?;
    let rows: Vec<(i64, i64, String)> = stmt
        .query_map([report_id], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })
        .and_then(Iterator::collect)
        .map_err(StoreError::sql("listing deleted incidents"))?;
    Ok(rows
        .into_iter()
        .map(|(start, end, name)| {
            let start = usize::try_from(start).unwrap_or(0);
            let end = usize::try_from(end).unwrap_or(0);
            (Span::new(start, end), name)
        })
        .collect())
}

impl Store {
    /// The fields of incident `id` an analyst corrected (shown in the
    /// details panel, and kept when the report is read again).
    pub fn edited_fields(&self, id: i64) -> Result<Vec<Field>, StoreError> {
        edited(&self.conn, id)
    }
}
