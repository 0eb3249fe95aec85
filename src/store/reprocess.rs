//! Reading a stored report again, after the rules, the actor list or the
//! gazetteer improved, without undoing the analyst's work.
//!
//! The caller extracts the report's text afresh; this module lines the fresh
//! incidents up with the stored ones and, in one transaction:
//! - a stored incident the fresh reading still finds (its evidence sentence
//!   overlaps, or failing that `extract::same_incident` holds) takes the
//!   fresh values, except in the fields the analyst corrected; its
//!   confidence is always the fresh one. It stays reviewed (accepted by the
//!   analyst) unless one of the fields nobody corrected now reads
//!   differently: the analyst accepted other values than those now stored,
//!   so it goes back to the Review queue. A new confidence alone does not
//!   unreview: the coding the analyst accepted is unchanged;
//! - a fresh incident with no stored match is added (or confirms another
//!   report's incident, as at ingest), unless the analyst deleted it before;
//! - a stored incident the fresh reading no longer finds is removed if
//!   nobody touched it, and kept if the analyst corrected it or another
//!   report also tells of it.

use rusqlite::{Connection, OptionalExtension};

use super::{Store, StoreError, edits, incident_sources, incidents};
use crate::model::{Field, Incident, IncidentData, Span};

/// What reading a report again changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reprocessed {
    /// Stored incidents whose values changed.
    pub updated: usize,
    /// Stored incidents the fresh reading left as they were.
    pub unchanged: usize,
    /// Incidents new to this report (added, or confirming another report's).
    pub added: usize,
    /// Untouched incidents the fresh reading no longer finds.
    pub removed: usize,
    /// Incidents where the analyst's corrections won over the fresh reading
    /// (including corrected incidents the fresh reading no longer finds).
    pub kept_edits: usize,
    /// Fresh incidents not added back because the analyst had deleted them.
    pub still_deleted: usize,
    /// Reviewed incidents that read differently now and need review again.
    pub unreviewed: usize,
}

impl std::fmt::Display for Reprocessed {
    /// One line for the analyst: what changed, and what was left alone.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} updated, {} added, {} removed, {} unchanged",
            self.updated, self.added, self.removed, self.unchanged
        )?;
        if self.kept_edits > 0 {
            write!(f, "; analyst corrections kept on {}", self.kept_edits)?;
        }
        if self.still_deleted > 0 {
            write!(f, "; {} deleted incident(s) left out", self.still_deleted)?;
        }
        if self.unreviewed > 0 {
            write!(f, "; {} to review again", self.unreviewed)?;
        }
        Ok(())
    }
}

/// Why a report cannot be read again.
#[derive(Debug, thiserror::Error)]
pub enum ReprocessError {
    #[error("there is no report {0}")]
    NoSuchReport(i64),
    #[error("report {0} stands for an imported file; it has no text to read again")]
    Imported(i64),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// The stored incident (index into `stored`, not yet `taken`) the fresh
/// `data` is a new reading of.
fn best_match(stored: &[Incident], taken: &[bool], data: &IncidentData) -> Option<usize> {
    let free = || stored.iter().enumerate().filter(|(i, _)| !taken[*i]);
    // The same sentence first, and within it the same place (one sentence
    // may tell of two places).
    let by_sentence = free()
        .filter(|(_, s)| overlap(s.data.evidence, data.evidence) > 0)
        .max_by_key(|(_, s)| {
            (
                s.data.location.name == data.location.name,
                overlap(s.data.evidence, data.evidence),
            )
        });
    by_sentence
        .or_else(|| free().find(|(_, s)| crate::extract::same_incident(&s.data, data)))
        .map(|(i, _)| i)
}

fn imported(conn: &Connection, report_id: i64) -> Result<Option<bool>, StoreError> {
    conn.query_row(
        "SELECT imported FROM reports WHERE id = ?1",
        [report_id],
        |row| row.get(0),
    )
    .optional()
    .map_err(StoreError::sql("reading a report"))
}

fn other_sources(conn: &Connection, incident_id: i64, report_id: i64) -> Result<i64, StoreError> {
    conn.query_row(
        "SELECT COUNT(*) FROM incident_sources WHERE incident_id = ?1 AND report_id != ?2",
        [incident_id, report_id],
        |row| row.get(0),
    )
    .map_err(StoreError::sql("counting an incident's sources"))
}

impl Store {
    /// Replaces what report `report_id` says with `fresh`, a new extraction
    /// of its text, keeping the analyst's corrections and deletions (see the
    /// module header). All or nothing.
    pub fn reprocess_report(
        &mut self,
        report_id: i64,
        fresh: &[IncidentData],
    ) -> Result<Reprocessed, ReprocessError> {
        let tx = super::write_transaction(&mut self.conn)
            .map_err(StoreError::sql("starting to read a report again"))?;
        match imported(&tx, report_id)? {
            None => return Err(ReprocessError::NoSuchReport(report_id)),
            Some(true) => return Err(ReprocessError::Imported(report_id)),
            Some(false) => {}
        }
        let stored = incidents::of_report(&tx, report_id)?;
        let deleted = edits::dismissed(&tx, report_id)?;
        let mut taken = vec![false; stored.len()];
        let mut done = Reprocessed::default();
        for data in fresh {
            if let Some(i) = best_match(&stored, &taken, data) {
                taken[i] = true;
                let old = &stored[i];
                let locked = edits::edited(&tx, old.id)?;
                let mut merged = data.clone();
                for field in &locked {
                    field.copy(&old.data, &mut merged);
                }
                if locked.iter().any(|f| !f.same(&old.data, data)) {
                    done.kept_edits += 1;
                }
                if merged == old.data {
                    done.unchanged += 1;
                } else {
                    // Only the fields nobody corrected can differ here.
                    if old.reviewed && !Field::changed(&old.data, &merged).is_empty() {
                        incidents::set_reviewed(&tx, old.id, false)?;
                        done.unreviewed += 1;
                    }
                    incidents::write(&tx, old.id, &merged)?;
                    incident_sources::attach_or_move(&tx, old.id, report_id, merged.evidence)?;
                    done.updated += 1;
                }
                continue;
            }
            if deleted
                .iter()
                .any(|(span, name)| *span == data.evidence && *name == data.location.name)
            {
                done.still_deleted += 1;
                continue;
            }
            let id = match incidents::find_same(&tx, data, report_id)? {
                Some(existing) => {
                    incidents::confirm(&tx, &existing, data)?;
                    existing.id
                }
                None => incidents::insert(&tx, report_id, data)?,
            };
            incident_sources::attach(&tx, id, report_id, data.evidence)?;
            done.added += 1;
        }
        for (old, _) in stored.iter().zip(&taken).filter(|(_, taken)| !**taken) {
            if !edits::edited(&tx, old.id)?.is_empty() {
                done.kept_edits += 1;
            } else if other_sources(&tx, old.id, report_id)? > 0 {
                done.unchanged += 1;
            } else {
                tx.execute("DELETE FROM incidents WHERE id = ?1", [old.id])
                    .map_err(StoreError::sql("removing an incident no longer read"))?;
                done.removed += 1;
            }
        }
        tx.commit()
            .map_err(StoreError::sql("committing a report read again"))?;
        Ok(done)
    }

    /// The reports that were read from text (not imported files), oldest first.
    pub fn text_report_ids(&self) -> Result<Vec<i64>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM reports WHERE imported = 0 ORDER BY id")
            .map_err(StoreError::sql("listing reports"))?;
        stmt.query_map([], |row| row.get(0))
            .and_then(Iterator::collect)
            .map_err(StoreError::sql("listing reports"))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {

    use super::*;
    use crate::model::{EventType, Field, Location};

    const TEXT: &str = "Gunmen attacked the market at Djibo. A convoy hit a mine near Kaya.";

    fn at(place: &str, evidence: Span) -> IncidentData {
        IncidentData {
            actor1: "Unidentified Armed Group (Burkina Faso)".into(),
            actor2: "Civilians (Burkina Faso)".into(),
            location: Location {
                name: place.into(),
                latitude: if place == "Djibo" { 14.1 } else { 13.09 },
                longitude: if place == "Djibo" { -1.63 } else { -1.08 },
                ..Location::example()
            },
            evidence,
            ..IncidentData::example()
        }
    }

    fn djibo() -> IncidentData {
        at("Djibo", Span::new(0, 36))
    }

    fn kaya() -> IncidentData {
        at("Kaya", Span::new(37, 67))
    }

    /// A store holding `TEXT` as report 1 with `incidents`, and their ids.
    fn stored_report(incidents: &[IncidentData]) -> (Store, Vec<i64>) {
        let mut store = Store::open_in_memory().unwrap();
        let ids = store
            .add_report("r.txt", None, TEXT, incidents)
            .unwrap()
            .incident_ids;
        (store, ids)
    }

    fn stored(store: &Store, id: i64) -> IncidentData {
        store.incident(id).unwrap().unwrap().data
    }

    #[test]
    fn a_corrected_field_survives_a_new_reading_and_the_others_take_it() {
        let (mut store, ids) = stored_report(&[djibo(), kaya()]);
        let mut corrected = djibo();
        corrected.fatalities = Some(5);
        store.update_incident(ids[0], &corrected).unwrap();
        assert_eq!(
            store.edited_fields(ids[0]).unwrap(),
            vec![Field::Fatalities]
        );

        // The improved rules now name the attackers and read a toll of 3.
        let mut fresh = djibo();
        fresh.actor1 = "JNIM: Group for Support of Islam and Muslims".into();
        fresh.fatalities = Some(3);
        let done = store.reprocess_report(1, &[fresh.clone(), kaya()]).unwrap();
        assert_eq!(done.updated, 1);
        assert_eq!(done.unchanged, 1);
        assert_eq!(done.kept_edits, 1);
        assert_eq!(
            done.to_string(),
            "1 updated, 0 added, 0 removed, 1 unchanged; analyst corrections kept on 1"
        );
        let now = stored(&store, ids[0]);
        assert_eq!(now.fatalities, Some(5));
        assert_eq!(now.actor1, fresh.actor1);
        // Reading again changes nothing more.
        let again = store.reprocess_report(1, &[fresh, kaya()]).unwrap();
        assert_eq!((again.updated, again.unchanged), (0, 2));
    }

    fn reviewed(store: &Store, id: i64) -> bool {
        store.incident(id).unwrap().unwrap().reviewed
    }

    #[test]
    fn an_accepted_incident_stays_accepted_when_only_its_confidence_or_a_corrected_field_moves() {
        let (mut store, ids) = stored_report(&[djibo(), kaya()]);
        let mut corrected = djibo();
        corrected.fatalities = Some(5);
        store.update_incident(ids[0], &corrected).unwrap();
        assert!(store.set_reviewed(ids[0], true).unwrap());
        assert!(store.set_reviewed(ids[1], true).unwrap());
        // The new rules read another toll (corrected, so kept) and weigh
        // Djibo differently; Kaya reads the same.
        let mut fresh = djibo();
        fresh.fatalities = Some(3);
        fresh.confidence = crate::model::Confidence::Low;
        fresh.confidence_reasons = vec!["the attackers are not named".into()];
        let done = store.reprocess_report(1, &[fresh, kaya()]).unwrap();
        assert_eq!((done.updated, done.unreviewed), (1, 0));
        let now = store.incident(ids[0]).unwrap().unwrap();
        assert!(now.reviewed);
        assert_eq!(now.data.confidence, crate::model::Confidence::Low);
        assert_eq!(now.data.fatalities, Some(5));
        assert!(reviewed(&store, ids[1]));
    }

    #[test]
    fn an_accepted_incident_read_differently_goes_back_to_review() {
        let (mut store, ids) = stored_report(&[djibo(), kaya()]);
        store.set_reviewed(ids[0], true).unwrap();
        assert!(store.reviewed_at(ids[0]).unwrap().is_some());
        let mut fresh = djibo();
        fresh.actor1 = "JNIM: Group for Support of Islam and Muslims".into();
        let done = store.reprocess_report(1, &[fresh, kaya()]).unwrap();
        assert_eq!(done.unreviewed, 1);
        assert!(done.to_string().ends_with("; 1 to review again"), "{done}");
        assert!(!reviewed(&store, ids[0]));
        assert_eq!(store.reviewed_at(ids[0]).unwrap(), None);
    }

    #[test]
    fn a_deleted_incident_stays_deleted_and_a_newly_read_one_is_added() {
        let (mut store, ids) = stored_report(&[djibo()]);
        store.delete_incident(ids[0]).unwrap();
        let done = store.reprocess_report(1, &[djibo(), kaya()]).unwrap();
        assert_eq!(done.still_deleted, 1);
        assert_eq!(done.added, 1);
        let names: Vec<String> = store
            .incidents(&Default::default())
            .unwrap()
            .into_iter()
            .map(|i| i.data.location.name)
            .collect();
        assert_eq!(names, vec!["Kaya".to_string()]);
    }

    #[test]
    fn an_untouched_incident_no_longer_read_goes_and_a_corrected_one_stays() {
        let (mut store, ids) = stored_report(&[djibo(), kaya()]);
        let mut corrected = kaya();
        corrected.notes = "Checked with a local source.".into();
        store.update_incident(ids[1], &corrected).unwrap();
        let done = store.reprocess_report(1, &[]).unwrap();
        assert_eq!((done.removed, done.kept_edits), (1, 1));
        assert!(store.incident(ids[0]).unwrap().is_none());
        assert_eq!(stored(&store, ids[1]), corrected);
    }

    #[test]
    fn undoing_a_delete_brings_back_the_corrections_too() {
        let (mut store, ids) = stored_report(&[djibo()]);
        let mut corrected = djibo();
        corrected.event_type = EventType::ViolenceAgainstCivilians;
        store.update_incident(ids[0], &corrected).unwrap();
        let deleted = store.delete_incident(ids[0]).unwrap().unwrap();
        store.restore_incident(&deleted).unwrap();
        assert_eq!(store.edited_fields(ids[0]).unwrap(), vec![Field::EventType]);
        // Restored, it is no longer a deletion to respect.
        let done = store.reprocess_report(1, &[djibo()]).unwrap();
        assert_eq!((done.still_deleted, done.kept_edits), (0, 1));
        assert_eq!(
            stored(&store, ids[0]).event_type,
            EventType::ViolenceAgainstCivilians
        );
    }

    #[test]
    fn reverting_a_correction_restores_the_values_and_the_corrected_fields() {
        let (mut store, ids) = stored_report(&[djibo()]);
        let mut corrected = djibo();
        corrected.location = kaya().location;
        store.update_incident(ids[0], &corrected).unwrap();
        assert_eq!(store.edited_fields(ids[0]).unwrap(), vec![Field::Location]);
        assert!(store.revert_incident(ids[0], &djibo(), &[]).unwrap());
        assert_eq!(stored(&store, ids[0]), djibo());
        assert!(store.edited_fields(ids[0]).unwrap().is_empty());
        assert!(!store.revert_incident(99, &djibo(), &[]).unwrap());
    }

    #[test]
    fn a_missing_report_and_an_imported_file_cannot_be_read_again() {
        let mut store = Store::open_in_memory().unwrap();
        assert!(matches!(
            store.reprocess_report(7, &[]),
            Err(ReprocessError::NoSuchReport(7))
        ));
        store
            .connection_mut()
            .execute(
                "INSERT INTO reports (source_name, text, content_hash, ingested_at, imported)
                 VALUES ('acled.csv', 'rows', 'h', 'now', 1)",
                [],
            )
            .unwrap();
        assert!(matches!(
            store.reprocess_report(1, &[]),
            Err(ReprocessError::Imported(1))
        ));
        assert!(store.text_report_ids().unwrap().is_empty());
    }

    #[test]
    fn a_second_report_of_the_same_attack_completes_the_first_coding() {
        let mut store = Store::open_in_memory().unwrap();
        let first = store
            .add_report("a.txt", None, TEXT, &[djibo()])
            .unwrap()
            .incident_ids;
        let mut second = djibo();
        second.actor1 = "JNIM: Group for Support of Islam and Muslims".into();
        second.fatalities = Some(9);
        let again = store
            .add_report(
                "b.txt",
                None,
                "Another account of Djibo.",
                &[second.clone()],
            )
            .unwrap()
            .incident_ids;
        assert_eq!(again, first);
        let now = stored(&store, first[0]);
        assert_eq!(now.actor1, second.actor1);
        assert_eq!(now.fatalities, Some(9));
        assert_eq!(store.incident_sources(first[0]).unwrap().len(), 2);
    }
}
