//! The `incident_sources` table: every report that told of an incident.
//!
//! An incident is stored once however many reports describe it; each report
//! that does gets a row here with the span of its own text that says so, so
//! the analyst can read every account side by side (see `extract::dedupe`).

use rusqlite::{Connection, params};

use super::{Store, StoreError};
use crate::model::Span;

/// One report's account of an incident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentSource {
    pub report_id: i64,
    pub source_name: String,
    /// Where that report's text tells of the incident.
    pub evidence: Span,
}

fn offset(value: usize) -> Result<i64, StoreError> {
    i64::try_from(value).map_err(|e| StoreError::Corrupt {
        what: "evidence span",
        detail: e.to_string(),
    })
}

/// Records that report `report_id` tells of incident `incident_id`.
pub(super) fn attach(
    conn: &Connection,
    incident_id: i64,
    report_id: i64,
    evidence: Span,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT OR IGNORE INTO incident_sources (incident_id, report_id, evidence_start, evidence_end)
         VALUES (?1, ?2, ?3, ?4)",
        params![
            incident_id,
            report_id,
            offset(evidence.start)?,
            offset(evidence.end)?
        ],
    )
    .map_err(StoreError::sql("attaching a report to an incident"))?;
    Ok(())
}

/// Records that report `report_id` tells of incident `incident_id` at
/// `evidence`, replacing the span it was recorded with before.
pub(super) fn attach_or_move(
    conn: &Connection,
    incident_id: i64,
    report_id: i64,
    evidence: Span,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO incident_sources (incident_id, report_id, evidence_start, evidence_end)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (incident_id, report_id) DO UPDATE
         SET evidence_start = excluded.evidence_start, evidence_end = excluded.evidence_end",
        params![
            incident_id,
            report_id,
            offset(evidence.start)?,
            offset(evidence.end)?
        ],
    )
    .map_err(StoreError::sql("attaching a report to an incident"))?;
    Ok(())
}

impl Store {
    /// Every report that told of incident `id`, oldest first.
    pub fn incident_sources(&self, id: i64) -> Result<Vec<IncidentSource>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT s.report_id, r.source_name, s.evidence_start, s.evidence_end
                 FROM incident_sources s JOIN reports r ON r.id = s.report_id
                 WHERE s.incident_id = ?1 ORDER BY s.report_id",
            )
            .map_err(StoreError::sql("listing an incident's sources"))?;
        stmt.query_map([id], |row| {
            let start: i64 = row.get(2)?;
            let end: i64 = row.get(3)?;
            Ok(IncidentSource {
                report_id: row.get(0)?,
                source_name: row.get(1)?,
                evidence: Span::new(
                    usize::try_from(start).unwrap_or(0),
                    usize::try_from(end).unwrap_or(0),
                ),
            })
        })
        .and_then(Iterator::collect)
        .map_err(StoreError::sql("listing an incident's sources"))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{IncidentData, Location};
    use crate::store::IncidentFilter;

    fn djibo(day: u32, actor1: &str) -> IncidentData {
        IncidentData {
            event_date: NaiveDate::from_ymd_opt(2025, 5, day).unwrap(),
            actor1: actor1.into(),
            actor2: "Military Forces of Burkina Faso (2022-)".into(),
            location: Location {
                place_id: Some(2361177),
                latitude: 14.0994,
                longitude: -1.62554,
                ..Location::example()
            },
            evidence: Span::new(0, 4),
            ..IncidentData::example()
        }
    }

    const JNIM: &str = "JNIM: Group for Support of Islam and Muslims";

    #[test]
    fn a_second_report_of_the_same_attack_becomes_a_source_not_a_duplicate() {
        let mut store = Store::open_in_memory().unwrap();
        let a = store
            .add_report("wire.txt", None, "first account", &[djibo(11, JNIM)])
            .unwrap();
        let mut later = djibo(12, "Unidentified Armed Group (Burkina Faso)");
        later.evidence = Span::new(5, 12);
        let b = store
            .add_report("radio.txt", None, "second account", &[later])
            .unwrap();
        assert_eq!(a.incident_ids, b.incident_ids);
        assert_eq!(store.incident_count().unwrap(), 1);
        let sources = store.incident_sources(a.incident_ids[0]).unwrap();
        assert_eq!(sources.len(), 2);
        assert_eq!(sources[0].source_name, "wire.txt");
        assert_eq!(
            (sources[1].report_id, sources[1].evidence),
            (b.report_id, Span::new(5, 12))
        );
        // Asking again for the second report's incidents finds the shared one.
        let again = store
            .add_report("radio.txt", None, "second account", &[])
            .unwrap();
        assert!(again.duplicate);
        assert_eq!(again.incident_ids, a.incident_ids);
    }

    #[test]
    fn an_accepted_incident_completed_by_a_second_report_needs_review_again() {
        let mut store = Store::open_in_memory().unwrap();
        let unnamed = djibo(11, "Unidentified Armed Group (Burkina Faso)");
        let a = store
            .add_report(
                "wire.txt",
                None,
                "first account",
                std::slice::from_ref(&unnamed),
            )
            .unwrap();
        let id = a.incident_ids[0];
        store.set_reviewed(id, true).unwrap();
        // The same account again changes nothing: still accepted.
        let mut same = unnamed;
        same.evidence = Span::new(5, 12);
        store
            .add_report("copy.txt", None, "same account", &[same])
            .unwrap();
        assert!(store.incident(id).unwrap().unwrap().reviewed);
        // A second report names the attackers: the coding changed.
        store
            .add_report("radio.txt", None, "second account", &[djibo(12, JNIM)])
            .unwrap();
        let now = store.incident(id).unwrap().unwrap();
        assert_eq!(now.data.actor1, JNIM);
        assert!(!now.reviewed);
    }

    #[test]
    fn different_events_and_events_of_one_report_stay_apart() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .add_report(
                "one.txt",
                None,
                "two clashes",
                &[djibo(11, JNIM), djibo(11, JNIM)],
            )
            .unwrap();
        assert_eq!(store.incident_count().unwrap(), 2);
        store
            .add_report("two.txt", None, "a week later", &[djibo(18, JNIM)])
            .unwrap();
        store
            .add_report(
                "three.txt",
                None,
                "the other group",
                &[djibo(11, "Islamic State Sahel Province")],
            )
            .unwrap();
        assert_eq!(store.incident_count().unwrap(), 4);
        let all = store.incidents(&IncidentFilter::default()).unwrap();
        for i in all {
            assert_eq!(store.incident_sources(i.id).unwrap().len(), 1);
        }
    }
}
