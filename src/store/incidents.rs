//! The `incidents` table: one row per event, pointing at the report it was
//! read from. Dates are stored as `YYYY-MM-DD` text so that they sort and
//! compare correctly and the date index serves the timeline's window.

use rusqlite::{Connection, OptionalExtension, Row, ToSql, params};

use super::reports::{format_date, parse_date};
use super::{Store, StoreError};
use crate::model::{
    BBox, EventType, GeoPrecision, Incident, IncidentData, Location, Span, TimePrecision,
    TimeWindow,
};

/// Which incidents to return. The default returns all of them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct IncidentFilter {
    /// Only incidents dated inside this inclusive window.
    pub window: Option<TimeWindow>,
    /// Only incidents whose point lies inside this box (edges included).
    pub bbox: Option<BBox>,
}

/// The columns `from_row` reads, in order; `r.source_name` comes from the join.
macro_rules! incident_select {
    () => {
        "SELECT i.id, i.report_id, r.source_name, i.event_date, i.time_precision, i.event_type,
                i.sub_event_type, i.actor1, i.actor2, i.fatalities, i.location, i.place_id,
                i.latitude, i.longitude, i.country, i.country_code, i.admin1, i.admin2,
                i.geo_precision, i.notes, i.evidence_start, i.evidence_end, i.weapons
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

fn from_row(row: &Row<'_>) -> rusqlite::Result<Incident> {
    let event_date: String = row.get(3)?;
    let time_precision: u8 = row.get(4)?;
    let event_type: String = row.get(5)?;
    let geo_precision: u8 = row.get(18)?;
    let evidence_start: i64 = row.get(20)?;
    let evidence_end: i64 = row.get(21)?;
    let weapons: String = row.get(22)?;
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
    };
    Ok(Incident {
        id: row.get(0)?,
        report_id: row.get(1)?,
        source: row.get(2)?,
        data,
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
             country_code, admin1, admin2, geo_precision, notes, evidence_start, evidence_end, weapons)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
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
        ],
    )
    .map_err(StoreError::sql("saving incident"))?;
    Ok(conn.last_insert_rowid())
}

pub(super) fn ids_for_report(conn: &Connection, report_id: i64) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn
        .prepare("SELECT id FROM incidents WHERE report_id = ?1 ORDER BY id")
        .map_err(StoreError::sql("listing a report's incidents"))?;
    stmt.query_map([report_id], |row| row.get(0))
        .and_then(Iterator::collect)
        .map_err(StoreError::sql("listing a report's incidents"))
}

impl Store {
    /// The incidents that pass `filter`, ordered by date then id.
    pub fn incidents(&self, filter: &IncidentFilter) -> Result<Vec<Incident>, StoreError> {
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
        stmt.query_map(rusqlite::params_from_iter(values.iter()), from_row)
            .and_then(Iterator::collect)
            .map_err(StoreError::sql("reading incidents"))
    }

    /// The incident with this id, if any.
    pub fn incident(&self, id: i64) -> Result<Option<Incident>, StoreError> {
        self.conn
            .query_row(
                concat!(incident_select!(), " WHERE i.id = ?1"),
                [id],
                from_row,
            )
            .optional()
            .map_err(StoreError::sql("reading incident"))
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
