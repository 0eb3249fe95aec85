//! The `incidents` table: one row per event, pointing at the report it was
//! read from. Dates are stored as `YYYY-MM-DD` text so that they sort and
//! compare correctly and the date index serves the timeline's window.

use rusqlite::{Connection, OptionalExtension, Row, ToSql, params};

use super::dates::{format_date, parse_date};
use super::{Store, StoreError, edits};
use crate::model::{
    BBox, Confidence, EventType, Field, GeoPrecision, Incident, IncidentData, Location, Span,
    TimePrecision, TimeWindow,
};

/// Which incidents to return. The default returns all of them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct IncidentFilter {
    /// Only incidents dated inside this inclusive window.
    pub window: Option<TimeWindow>,
    /// Only incidents whose point lies inside this box (edges included).
    pub bbox: Option<BBox>,
}

/// What an imported incident carries beyond the model (migration 2); both
/// `None` for incidents read from reports.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredExtra {
    /// The row's own ACLED `source` column.
    pub source: Option<String>,
    /// A JSON object of the ACLED columns without a model field
    /// (`model::columns::EXTRA`).
    pub extra: Option<String>,
}

/// The columns `from_row` reads, in order (`source` and `extra`, 23 and 24,
/// are read by `for_each_incident_with_extra`); `r.source_name` comes from
/// the join.
macro_rules! incident_select {
    () => {
        "SELECT i.id, i.report_id, r.source_name, i.event_date, i.time_precision, i.event_type,
                i.sub_event_type, i.actor1, i.actor2, i.fatalities, i.location, i.place_id,
                i.latitude, i.longitude, i.country, i.country_code, i.admin1, i.admin2,
                i.geo_precision, i.notes, i.evidence_start, i.evidence_end, i.weapons,
                i.source, i.extra, i.confidence, i.confidence_reasons, i.reviewed
         FROM incidents i JOIN reports r ON r.id = i.report_id"
    };
}

fn conversion(
    column: usize,
    error: impl std::error::Error + Send + Sync + 'static,
) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        rusqlite::types::Type::Integer,
        Box::new(error),
    )
}

/// An `event_type` label that is not one of ACLED's six.
#[derive(Debug, thiserror::Error)]
#[error("unknown event type {0:?}")]
struct UnknownEventType(String);

/// A `confidence` that is not high, medium or low (the column's CHECK
/// should make this impossible).
#[derive(Debug, thiserror::Error)]
#[error("unknown confidence {0:?}")]
struct UnknownConfidence(String);

/// The JSON array the `confidence_reasons` column holds.
fn reasons_json(reasons: &[String]) -> Result<String, StoreError> {
    serde_json::to_string(reasons).map_err(|e| StoreError::Corrupt {
        what: "confidence reasons",
        detail: e.to_string(),
    })
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Incident> {
    let event_date: String = row.get(3)?;
    let time_precision: u8 = row.get(4)?;
    let event_type: String = row.get(5)?;
    let geo_precision: u8 = row.get(18)?;
    let evidence_start: i64 = row.get(20)?;
    let evidence_end: i64 = row.get(21)?;
    let weapons: String = row.get(22)?;
    let confidence: String = row.get(25)?;
    let reasons: String = row.get(26)?;
    let data = IncidentData {
        event_date: parse_date(3, &event_date)?,
        time_precision: TimePrecision::try_from(time_precision).map_err(|e| conversion(4, e))?,
        event_type: EventType::from_label(&event_type)
            .ok_or_else(|| conversion(5, UnknownEventType(event_type.clone())))?,
        sub_event_type: row.get(6)?,
        actor1: row.get(7)?,
        actor2: row.get(8)?,
        fatalities: row.get(9)?,
        location: Location {
            name: row.get(10)?,
            place_id: row.get(11)?,
            latitude: row.get(12)?,
            longitude: row.get(13)?,
            country: row.get(14)?,
            country_code: row.get(15)?,
            admin1: row.get(16)?,
            admin2: row.get(17)?,
            geo_precision: GeoPrecision::try_from(geo_precision).map_err(|e| conversion(18, e))?,
        },
        notes: row.get(19)?,
        evidence: Span::new(
            usize::try_from(evidence_start).map_err(|e| conversion(20, e))?,
            usize::try_from(evidence_end).map_err(|e| conversion(21, e))?,
        ),
        weapons: serde_json::from_str(&weapons).map_err(|e| conversion(22, e))?,
        confidence: Confidence::from_label(&confidence)
            .ok_or_else(|| conversion(25, UnknownConfidence(confidence.clone())))?,
        confidence_reasons: serde_json::from_str(&reasons).map_err(|e| conversion(26, e))?,
    };
    Ok(Incident {
        id: row.get(0)?,
        report_id: row.get(1)?,
        source: row.get(2)?,
        data,
        reviewed: row.get(27)?,
    })
}

/// Inserts one incident of report `report_id`; returns its id.
pub(super) fn insert(
    conn: &Connection,
    report_id: i64,
    data: &IncidentData,
) -> Result<i64, StoreError> {
    let weapons = serde_json::to_string(&data.weapons).map_err(|e| StoreError::Corrupt {
        what: "weapons list",
        detail: e.to_string(),
    })?;
    let reasons = reasons_json(&data.confidence_reasons)?;
    let loc = &data.location;
    let evidence_start = i64::try_from(data.evidence.start).map_err(|e| StoreError::Corrupt {
        what: "evidence span",
        detail: e.to_string(),
    })?;
    let evidence_end = i64::try_from(data.evidence.end).map_err(|e| StoreError::Corrupt {
        what: "evidence span",
        detail: e.to_string(),
    })?;
    conn.execute(
        "INSERT INTO incidents (report_id, event_date, time_precision, event_type, sub_event_type,
             actor1, actor2, fatalities, location, place_id, latitude, longitude, country,
             country_code, admin1, admin2, geo_precision, notes, evidence_start, evidence_end, weapons,
             confidence, confidence_reasons)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,
             ?22, ?23)",
        params![
            report_id,
            format_date(data.event_date),
            data.time_precision.code(),
            data.event_type.label(),
            data.sub_event_type,
            data.actor1,
            data.actor2,
            data.fatalities,
            loc.name,
            loc.place_id,
            loc.latitude,
            loc.longitude,
            loc.country,
            loc.country_code,
            loc.admin1,
            loc.admin2,
            loc.geo_precision.code(),
            data.notes,
            evidence_start,
            evidence_end,
            weapons,
            data.confidence.label(),
            reasons,
        ],
    )
    .map_err(StoreError::sql("saving incident"))?;
    Ok(conn.last_insert_rowid())
}

/// Kilometres in one degree of latitude (and of longitude at the equator).
const KM_PER_DEGREE: f64 = 111.2;

/// Incidents of reports other than ?1 dated between ?2 and ?3 inside the
/// box ?4..?5 (latitude), ?6..?7 (longitude), read from the R*Tree
/// (migration 8) so that only the neighbourhood is visited however large
/// the store.
pub(super) const SAME_EVENT_SQL: &str = concat!(
    incident_select!(),
    " JOIN incidents_where_when w ON w.id = i.id
      WHERE w.day_to >= julianday(?2) AND w.day_from <= julianday(?3)
        AND w.lat_to >= ?4 AND w.lat_from <= ?5
        AND w.lon_to >= ?6 AND w.lon_from <= ?7
        AND i.report_id != ?1
      ORDER BY i.id"
);

/// An incident of another report that describes the same event as `data`
/// (see `extract::same_incident`), if any.
pub(super) fn find_same(
    conn: &Connection,
    data: &IncidentData,
    report_id: i64,
) -> Result<Option<Incident>, StoreError> {
    // A generous box and window first; `same_incident` decides. The window
    // covers the widest date tolerance (a month) and the box twice the
    // same-place distance, in degrees of latitude and of longitude there.
    let from = data.event_date - chrono::Duration::days(31);
    let to = data.event_date + chrono::Duration::days(31);
    let (lat, lon) = (data.location.latitude, data.location.longitude);
    let dlat = 2.0 * crate::extract::SAME_PLACE_KM / KM_PER_DEGREE;
    let dlon = (dlat / lat.to_radians().cos().max(0.01)).min(360.0);
    let mut stmt = conn
        .prepare_cached(SAME_EVENT_SQL)
        .map_err(StoreError::sql("looking for the same incident"))?;
    let candidates: Vec<Incident> = stmt
        .query_map(
            params![
                report_id,
                format_date(from),
                format_date(to),
                lat - dlat,
                lat + dlat,
                lon - dlon,
                lon + dlon
            ],
            from_row,
        )
        .and_then(Iterator::collect)
        .map_err(StoreError::sql("looking for the same incident"))?;
    Ok(candidates
        .into_iter()
        .find(|c| crate::extract::same_incident(&c.data, data)))
}

/// Lets `other`, another report's coding of `existing`, complete it (see
/// `extract::reconcile`), leaving the analyst's corrections alone.
pub(super) fn confirm(
    conn: &Connection,
    existing: &Incident,
    other: &IncidentData,
) -> Result<(), StoreError> {
    let locked = edits::edited(conn, existing.id)?;
    let merged = crate::extract::reconcile(&existing.data, other, &locked);
    if merged != existing.data {
        write(conn, existing.id, &merged)?;
        // What the analyst accepted is no longer what is stored.
        if !Field::changed(&existing.data, &merged).is_empty() {
            set_reviewed(conn, existing.id, false)?;
        }
    }
    Ok(())
}

/// Marks incident `id` accepted by an analyst now, or unreviewed; returns
/// false when there is no such incident. Setting the state it already has
/// keeps the original `reviewed_at`.
pub(super) fn set_reviewed(conn: &Connection, id: i64, reviewed: bool) -> Result<bool, StoreError> {
    let changed = conn
        .execute(
            "UPDATE incidents SET reviewed = ?1,
                 reviewed_at = CASE WHEN ?1 = reviewed THEN reviewed_at
                                    WHEN ?1 = 1 THEN ?2 ELSE NULL END
             WHERE id = ?3",
            params![reviewed, chrono::Utc::now().to_rfc3339(), id],
        )
        .map_err(StoreError::sql("marking an incident reviewed"))?;
    Ok(changed > 0)
}

/// Incident `id`, if it exists.
pub(super) fn get(conn: &Connection, id: i64) -> Result<Option<Incident>, StoreError> {
    conn.query_row(
        concat!(incident_select!(), " WHERE i.id = ?1"),
        [id],
        from_row,
    )
    .optional()
    .map_err(StoreError::sql("reading incident"))
}

/// The incidents read from report `report_id` (not those it only confirms).
pub(super) fn of_report(conn: &Connection, report_id: i64) -> Result<Vec<Incident>, StoreError> {
    let mut stmt = conn
        .prepare(concat!(
            incident_select!(),
            " WHERE i.report_id = ?1 ORDER BY i.id"
        ))
        .map_err(StoreError::sql("listing a report's incidents"))?;
    stmt.query_map([report_id], from_row)
        .and_then(Iterator::collect)
        .map_err(StoreError::sql("listing a report's incidents"))
}

pub(super) fn ids_for_report(conn: &Connection, report_id: i64) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn
        .prepare(
            "SELECT id FROM incidents WHERE report_id = ?1
             UNION SELECT incident_id FROM incident_sources WHERE report_id = ?1
             ORDER BY 1",
        )
        .map_err(StoreError::sql("listing a report's incidents"))?;
    stmt.query_map([report_id], |row| row.get(0))
        .and_then(Iterator::collect)
        .map_err(StoreError::sql("listing a report's incidents"))
}

impl Store {
    /// The incidents that pass `filter`, ordered by date then id.
    pub fn incidents(&self, filter: &IncidentFilter) -> Result<Vec<Incident>, StoreError> {
        let mut all = Vec::new();
        self.for_each_incident(filter, |incident| {
            all.push(incident);
            Ok::<(), StoreError>(())
        })?;
        Ok(all)
    }

    /// Hands the incidents that pass `filter` to `f` one at a time, ordered
    /// by date then id, so an export of a million rows never holds them all.
    /// The first error `f` returns stops the walk and is returned.
    pub fn for_each_incident<E: From<StoreError>>(
        &self,
        filter: &IncidentFilter,
        mut f: impl FnMut(Incident) -> Result<(), E>,
    ) -> Result<(), E> {
        self.for_each_incident_with_extra(filter, |incident, _| f(incident))
    }

    /// Like `for_each_incident`, also handing over what an imported row
    /// carries beyond the model (its own ACLED `source` and `extra` JSON,
    /// migration 2), read in the same pass.
    pub fn for_each_incident_with_extra<E: From<StoreError>>(
        &self,
        filter: &IncidentFilter,
        mut f: impl FnMut(Incident, StoredExtra) -> Result<(), E>,
    ) -> Result<(), E> {
        // Only fixed SQL fragments are appended; every value is a parameter.
        let mut sql = String::from(incident_select!());
        let mut clauses: Vec<&str> = Vec::new();
        let mut values: Vec<Box<dyn ToSql>> = Vec::new();
        if let Some(window) = filter.window {
            clauses.push("i.event_date BETWEEN ? AND ?");
            values.push(Box::new(format_date(window.from)));
            values.push(Box::new(format_date(window.to)));
        }
        if let Some(bbox) = filter.bbox {
            clauses.push("i.latitude BETWEEN ? AND ? AND i.longitude BETWEEN ? AND ?");
            values.push(Box::new(bbox.south));
            values.push(Box::new(bbox.north));
            values.push(Box::new(bbox.west));
            values.push(Box::new(bbox.east));
        }
        if !clauses.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&clauses.join(" AND "));
        }
        sql.push_str(" ORDER BY i.event_date, i.id");
        let mut stmt = self
            .conn
            .prepare(&sql)
            .map_err(StoreError::sql("querying incidents"))?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(values.iter()))
            .map_err(StoreError::sql("reading incidents"))?;
        while let Some(row) = rows.next().map_err(StoreError::sql("reading incidents"))? {
            let incident = from_row(row).map_err(StoreError::sql("reading incidents"))?;
            let extra = StoredExtra {
                source: row.get(23).map_err(StoreError::sql("reading incidents"))?,
                extra: row.get(24).map_err(StoreError::sql("reading incidents"))?,
            };
            f(incident, extra)?;
        }
        Ok(())
    }

    /// The incident with this id, if any.
    pub fn incident(&self, id: i64) -> Result<Option<Incident>, StoreError> {
        get(&self.conn, id)
    }

    /// How many incidents are stored.
    pub fn incident_count(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT COUNT(*) FROM incidents", [], |row| row.get(0))
            .map_err(StoreError::sql("counting incidents"))
    }

    /// The earliest and latest incident dates, or `None` when there are no incidents.
    pub fn date_range(&self) -> Result<Option<TimeWindow>, StoreError> {
        let (first, last): (Option<String>, Option<String>) = self
            .conn
            .query_row(
                "SELECT MIN(event_date), MAX(event_date) FROM incidents",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .map_err(StoreError::sql("reading the date range"))?;
        match (first, last) {
            (Some(first), Some(last)) => {
                let parse =
                    |s: &str| parse_date(0, s).map_err(StoreError::sql("reading the date range"));
                Ok(Some(TimeWindow::new(parse(&first)?, parse(&last)?)))
            }
            _ => Ok(None),
        }
    }
}

/// The values of an incident's data columns (event_date … weapons, then
/// confidence and its reasons), in table order.
fn data_values(data: &IncidentData) -> Result<Vec<Box<dyn ToSql>>, StoreError> {
    let corrupt = |what: &'static str| {
        move |e: std::num::TryFromIntError| StoreError::Corrupt {
            what,
            detail: e.to_string(),
        }
    };
    let weapons = serde_json::to_string(&data.weapons).map_err(|e| StoreError::Corrupt {
        what: "weapons list",
        detail: e.to_string(),
    })?;
    let loc = &data.location;
    Ok(vec![
        Box::new(format_date(data.event_date)),
        Box::new(data.time_precision.code()),
        Box::new(data.event_type.label()),
        Box::new(data.sub_event_type.clone()),
        Box::new(data.actor1.clone()),
        Box::new(data.actor2.clone()),
        Box::new(data.fatalities),
        Box::new(loc.name.clone()),
        Box::new(loc.place_id),
        Box::new(loc.latitude),
        Box::new(loc.longitude),
        Box::new(loc.country.clone()),
        Box::new(loc.country_code.clone()),
        Box::new(loc.admin1.clone()),
        Box::new(loc.admin2.clone()),
        Box::new(loc.geo_precision.code()),
        Box::new(data.notes.clone()),
        Box::new(i64::try_from(data.evidence.start).map_err(corrupt("evidence span"))?),
        Box::new(i64::try_from(data.evidence.end).map_err(corrupt("evidence span"))?),
        Box::new(weapons),
        Box::new(data.confidence.label()),
        Box::new(reasons_json(&data.confidence_reasons)?),
    ])
}

/// Overwrites the fields of incident `id` with `data`.
pub(super) fn write(conn: &Connection, id: i64, data: &IncidentData) -> Result<(), StoreError> {
    let mut values = data_values(data)?;
    values.push(Box::new(id));
    conn.execute(
        "UPDATE incidents SET event_date = ?1, time_precision = ?2, event_type = ?3,
             sub_event_type = ?4, actor1 = ?5, actor2 = ?6, fatalities = ?7, location = ?8,
             place_id = ?9, latitude = ?10, longitude = ?11, country = ?12,
             country_code = ?13, admin1 = ?14, admin2 = ?15, geo_precision = ?16,
             notes = ?17, evidence_start = ?18, evidence_end = ?19, weapons = ?20,
             confidence = ?21, confidence_reasons = ?22
         WHERE id = ?23",
        rusqlite::params_from_iter(values.iter()),
    )
    .map_err(StoreError::sql("updating incident"))?;
    Ok(())
}

impl Store {
    /// Replaces everything known about incident `id` with `data` (an
    /// analyst's correction) and remembers which fields changed, so reading
    /// the report again keeps them. Returns false when there is no such incident.
    pub fn update_incident(&mut self, id: i64, data: &IncidentData) -> Result<bool, StoreError> {
        if let Some((field, bytes)) = data.overlong_field() {
            return Err(StoreError::TooLong {
                field,
                bytes,
                limit: crate::model::MAX_FIELD_BYTES,
            });
        }
        let tx = super::write_transaction(&mut self.conn)
            .map_err(StoreError::sql("updating incident"))?;
        let Some(before) = get(&tx, id)? else {
            return Ok(false);
        };
        write(&tx, id, data)?;
        edits::mark_edited(&tx, id, &Field::changed(&before.data, data))?;
        tx.commit().map_err(StoreError::sql("updating incident"))?;
        Ok(true)
    }

    /// Puts incident `id` back as it was before the analyst's corrections,
    /// with the corrected fields it had then (an undo). Returns false when
    /// there is no such incident.
    pub fn revert_incident(
        &mut self,
        id: i64,
        data: &IncidentData,
        edited: &[Field],
    ) -> Result<bool, StoreError> {
        let tx = super::write_transaction(&mut self.conn)
            .map_err(StoreError::sql("undoing a correction"))?;
        if get(&tx, id)?.is_none() {
            return Ok(false);
        }
        write(&tx, id, data)?;
        edits::set_edited(&tx, id, edited)?;
        tx.commit()
            .map_err(StoreError::sql("undoing a correction"))?;
        Ok(true)
    }

    /// Marks incident `id` as accepted by the analyst (`reviewed`), or takes
    /// that back (an undo). Returns false when there is no such incident.
    pub fn set_reviewed(&mut self, id: i64, reviewed: bool) -> Result<bool, StoreError> {
        set_reviewed(&self.conn, id, reviewed)
    }

    /// When incident `id` was accepted (UTC, RFC 3339); `None` while it is
    /// unreviewed or when there is no such incident.
    pub fn reviewed_at(&self, id: i64) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row(
                "SELECT reviewed_at FROM incidents WHERE id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()
            .map(Option::flatten)
            .map_err(StoreError::sql("reading when an incident was reviewed"))
    }

    /// Deletes incident `id` and returns it as it was, so the deletion can be
    /// undone with [`Store::restore_incident`]; `None` when there was no such incident.
    pub fn delete_incident(&mut self, id: i64) -> Result<Option<Incident>, StoreError> {
        let Some(incident) = self.incident(id)? else {
            return Ok(None);
        };
        let tx = super::write_transaction(&mut self.conn)
            .map_err(StoreError::sql("deleting incident"))?;
        edits::dismiss(&tx, &incident)?;
        tx.execute("DELETE FROM incidents WHERE id = ?1", [id])
            .map_err(StoreError::sql("deleting incident"))?;
        tx.commit().map_err(StoreError::sql("deleting incident"))?;
        Ok(Some(incident))
    }

    /// Puts a deleted incident back under its old id and report, with the
    /// link to that report in `incident_sources`.
    pub fn restore_incident(&mut self, incident: &Incident) -> Result<(), StoreError> {
        let mut values: Vec<Box<dyn ToSql>> =
            vec![Box::new(incident.id), Box::new(incident.report_id)];
        values.extend(data_values(&incident.data)?);
        let tx = super::write_transaction(&mut self.conn)
            .map_err(StoreError::sql("restoring incident"))?;
        tx.execute(
            "INSERT INTO incidents (id, report_id, event_date, time_precision, event_type,
                 sub_event_type, actor1, actor2, fatalities, location, place_id, latitude,
                 longitude, country, country_code, admin1, admin2, geo_precision, notes,
                 evidence_start, evidence_end, weapons, confidence, confidence_reasons)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                 ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
            rusqlite::params_from_iter(values.iter()),
        )
        .map_err(StoreError::sql("restoring incident"))?;
        set_reviewed(&tx, incident.id, incident.reviewed)?;
        tx.execute(
            "INSERT OR IGNORE INTO incident_sources (incident_id, report_id, evidence_start, evidence_end)
             SELECT id, report_id, evidence_start, evidence_end FROM incidents WHERE id = ?1",
            [incident.id],
        )
        .map_err(StoreError::sql("restoring incident"))?;
        edits::undismiss(&tx, incident)?;
        tx.commit().map_err(StoreError::sql("restoring incident"))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod editing_tests {
    use chrono::NaiveDate;

    use super::*;

    fn data(place: &str, notes: &str) -> IncidentData {
        IncidentData {
            location: Location {
                name: place.into(),
                latitude: 14.1,
                longitude: -1.63,
                ..Location::example()
            },
            notes: notes.into(),
            evidence: Span::new(0, 5),
            weapons: vec!["AK-47".into()],
            ..IncidentData::example()
        }
    }

    fn store_with_two() -> (Store, Vec<i64>) {
        let mut store = Store::open_in_memory().unwrap();
        let added = store
            .add_report(
                "r.txt",
                None,
                "Gunmen attacked the market at Djibo. A convoy hit a mine near Kaya.",
                &[
                    data("Djibo", "Shops looted."),
                    data("Arbinda", "Escort overwhelmed."),
                ],
            )
            .unwrap();
        (store, added.incident_ids)
    }

    #[test]
    fn an_update_replaces_every_field_and_reports_a_missing_row() {
        let (mut store, ids) = store_with_two();
        let mut edited = data("Arbinda", "Corrected by analyst.");
        edited.event_type = EventType::ViolenceAgainstCivilians;
        edited.fatalities = Some(4);
        edited.time_precision = TimePrecision::Week;
        edited.location.geo_precision = GeoPrecision::Region;
        edited.event_date = NaiveDate::from_ymd_opt(2024, 4, 2).unwrap();
        assert!(store.update_incident(ids[0], &edited).unwrap());
        assert_eq!(store.incident(ids[0]).unwrap().unwrap().data, edited);
        assert!(!store.update_incident(9999, &edited).unwrap());
    }

    #[test]
    fn a_deleted_incident_comes_back_whole_under_its_old_id() {
        let (mut store, ids) = store_with_two();
        let before = store.incident(ids[1]).unwrap().unwrap();
        let deleted = store.delete_incident(ids[1]).unwrap().unwrap();
        assert_eq!(deleted, before);
        assert_eq!(store.incident(ids[1]).unwrap(), None);
        assert_eq!(store.delete_incident(ids[1]).unwrap(), None);
        store.restore_incident(&deleted).unwrap();
        assert_eq!(store.incident(ids[1]).unwrap(), Some(before));
        let sources = store.incident_sources(ids[1]).unwrap();
        assert_eq!(sources.len(), 1);
        assert_eq!(sources[0].report_id, deleted.report_id);
    }

    #[test]
    fn search_finds_notes_places_and_report_text_and_follows_edits() {
        let (mut store, ids) = store_with_two();
        assert_eq!(store.search("looted").unwrap(), vec![ids[0]]);
        assert_eq!(store.search("arbin").unwrap(), vec![ids[1]]);
        // Both incidents come from the report that mentions a mine.
        assert_eq!(store.search("mine").unwrap(), ids);
        assert_eq!(store.search("\"-").unwrap(), Vec::<i64>::new());
        store
            .update_incident(ids[1], &data("Arbinda", "Ambush on the road."))
            .unwrap();
        assert_eq!(store.search("ambush").unwrap(), vec![ids[1]]);
        // All words must appear, here both in the report text.
        assert_eq!(store.search("convoy mine").unwrap(), ids);
        assert_eq!(store.search("convoy ambush").unwrap(), Vec::<i64>::new());
        assert_eq!(store.search("escort").unwrap(), Vec::<i64>::new());
        store.delete_incident(ids[0]).unwrap();
        assert_eq!(store.search("looted").unwrap(), Vec::<i64>::new());
    }
}
