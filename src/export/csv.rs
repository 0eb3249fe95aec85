//! CSV export in ACLED's column layout, column for column, so an export can
//! be appended to (or compared with) an ACLED download.
//!
//! Imported incidents write back the ACLED columns they were imported with
//! (kept in `extra`); incidents read from reports derive what they can
//! (`iso` and `region` from the country, `disorder_type` from the event type,
//! `event_id_cnty` as `IA-<id>`) and leave the rest empty.
//!
//! After ACLED's 31 columns come our own three (`model::columns::OURS`):
//! `confidence`, `confidence_reasons` (joined with "; ") and `reviewed`
//! (`true`/`false`). Appended, not interleaved, so a tool that reads ACLED's
//! columns by position still finds them where ACLED puts them; our importer
//! reads them back.

use std::io::Write;

use super::{ExportError, Extras, IncidentExtra, event_id};
use crate::import::acled::disorder_type;
use crate::import::iso;
use crate::model::Incident;
use crate::model::columns::{ACLED, EXTRA, OURS, REASON_SEPARATOR, col};

/// Every column written: ACLED's, then ours.
const WIDTH: usize = ACLED.len() + OURS.len();

/// Writes `incidents` as an ACLED-layout CSV with a header row.
pub fn write_acled_csv(
    incidents: &[Incident],
    extras: &Extras,
    out: impl Write,
) -> Result<(), ExportError> {
    let mut writer = AcledCsvWriter::new(out)?;
    for incident in incidents {
        writer.write(incident, extras.get(incident.id))?;
    }
    writer.finish()
}

/// An ACLED-layout CSV written one row at a time, for exports that stream
/// from the store; `finish` flushes it.
pub struct AcledCsvWriter<W: Write> {
    w: csv::Writer<W>,
    fields: [String; WIDTH],
}

impl<W: Write> AcledCsvWriter<W> {
    /// Writes the header row.
    pub fn new(out: W) -> Result<AcledCsvWriter<W>, ExportError> {
        let mut w = csv::WriterBuilder::new().from_writer(out);
        w.write_record(ACLED.iter().chain(&OURS))?;
        Ok(AcledCsvWriter {
            w,
            fields: std::array::from_fn(|_| String::new()),
        })
    }

    /// Appends one incident with its imported columns, if it has any.
    pub fn write(
        &mut self,
        incident: &Incident,
        extra: Option<&IncidentExtra>,
    ) -> Result<(), ExportError> {
        let fields = &mut self.fields;
        let data = &incident.data;
        let loc = &data.location;
        let country = iso::by_alpha2(&loc.country_code);
        for field in fields.iter_mut() {
            field.clear();
        }
        let derived = |column: usize| -> String {
            match column {
                col::EVENT_ID_CNTY => event_id(incident),
                col::DISORDER_TYPE => disorder_type(data.event_type).to_owned(),
                col::ISO => country.map(|c| c.numeric.to_string()).unwrap_or_default(),
                col::REGION => country.map(|c| c.region.to_owned()).unwrap_or_default(),
                _ => String::new(),
            }
        };
        for column in EXTRA {
            fields[column] = match extra.and_then(|e| e.columns.get(ACLED[column])) {
                Some(value) => value.clone(),
                None => derived(column),
            };
        }
        fields[col::EVENT_DATE] = data.event_date.format("%Y-%m-%d").to_string();
        fields[col::YEAR] = data.event_date.format("%Y").to_string();
        fields[col::TIME_PRECISION] = data.time_precision.code().to_string();
        fields[col::EVENT_TYPE] = data.event_type.label().to_owned();
        fields[col::SUB_EVENT_TYPE].clone_from(&data.sub_event_type);
        fields[col::ACTOR1].clone_from(&data.actor1);
        fields[col::ACTOR2].clone_from(&data.actor2);
        fields[col::COUNTRY].clone_from(&loc.country);
        fields[col::ADMIN1].clone_from(&loc.admin1);
        fields[col::ADMIN2].clone_from(&loc.admin2);
        fields[col::LOCATION].clone_from(&loc.name);
        fields[col::LATITUDE] = loc.latitude.to_string();
        fields[col::LONGITUDE] = loc.longitude.to_string();
        fields[col::GEO_PRECISION] = loc.geo_precision.code().to_string();
        fields[col::SOURCE] = match extra.and_then(|e| e.source.as_ref()) {
            Some(source) => source.clone(),
            None => incident.source.clone(),
        };
        fields[col::NOTES].clone_from(&data.notes);
        fields[col::FATALITIES] = data.fatalities.map(|n| n.to_string()).unwrap_or_default();
        let ours = &mut fields[ACLED.len()..];
        ours[0] = data.confidence.label().to_owned();
        ours[1] = data.confidence_reasons.join(REASON_SEPARATOR);
        ours[2] = incident.reviewed.to_string();
        self.w.write_record(&*fields)?;
        Ok(())
    }

    /// Flushes the rows written.
    pub fn finish(mut self) -> Result<(), ExportError> {
        self.w.flush()?;
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::export::IncidentExtra;
    use crate::model::{
        Confidence, EventType, GeoPrecision, IncidentData, Location, Span, TimePrecision,
    };

    fn incident(id: i64) -> Incident {
        Incident {
            id,
            report_id: 1,
            source: "kaya-note.txt".to_owned(),
            data: IncidentData {
                event_date: NaiveDate::from_ymd_opt(2024, 3, 3).unwrap(),
                time_precision: TimePrecision::Day,
                event_type: EventType::ViolenceAgainstCivilians,
                sub_event_type: "Attack".to_owned(),
                actor1: "Unidentified Armed Group (Burkina Faso)".to_owned(),
                actor2: "Civilians (Burkina Faso)".to_owned(),
                fatalities: Some(3),
                location: Location {
                    name: "Kaya".to_owned(),
                    place_id: None,
                    latitude: 13.0917,
                    longitude: -1.0844,
                    country: "Burkina Faso".to_owned(),
                    country_code: "BF".to_owned(),
                    admin1: "Centre-Nord".to_owned(),
                    admin2: "Sanmatenga".to_owned(),
                    geo_precision: GeoPrecision::Exact,
                },
                notes: "Market attack, \"three\" killed, say residents.".to_owned(),
                evidence: Span::new(0, 0),
                weapons: vec![],
                confidence: Confidence::Low,
                confidence_reasons: vec![
                    "the attackers are not named".to_owned(),
                    "the death toll is a vague quantity".to_owned(),
                ],
            },
            reviewed: true,
        }
    }

    fn export(extras: &Extras) -> Vec<csv::StringRecord> {
        let mut buf = Vec::new();
        write_acled_csv(&[incident(9)], extras, &mut buf).unwrap();
        let mut r = csv::Reader::from_reader(&buf[..]);
        let header: Vec<&str> = r.headers().unwrap().iter().collect();
        assert_eq!(header[..ACLED.len()], ACLED);
        assert_eq!(header[ACLED.len()..], OURS);
        r.records().map(Result::unwrap).collect()
    }

    #[test]
    fn an_extracted_incident_derives_iso_region_and_disorder_type() {
        let rows = export(&Extras::default());
        let row = &rows[0];
        assert_eq!(&row[col::EVENT_ID_CNTY], "IA-9");
        assert_eq!(&row[col::ISO], "854");
        assert_eq!(&row[col::REGION], "Western Africa");
        assert_eq!(&row[col::DISORDER_TYPE], "Political violence");
        assert_eq!(&row[col::YEAR], "2024");
        assert_eq!(&row[col::LATITUDE], "13.0917");
        assert_eq!(&row[col::FATALITIES], "3");
        assert_eq!(&row[col::SOURCE], "kaya-note.txt");
        assert_eq!(
            &row[col::NOTES],
            "Market attack, \"three\" killed, say residents."
        );
        assert_eq!(&row[col::ASSOC_ACTOR_1], "");
        assert_eq!(&row[31], "low");
        assert_eq!(
            &row[32],
            "the attackers are not named; the death toll is a vague quantity"
        );
        assert_eq!(&row[33], "true");
    }

    #[test]
    fn stored_extra_columns_are_written_back_verbatim() {
        let mut columns = std::collections::BTreeMap::new();
        columns.insert("inter1".to_owned(), "3".to_owned());
        columns.insert("disorder_type".to_owned(), String::new());
        columns.insert("event_id_cnty".to_owned(), "BFO12345".to_owned());
        let extras: Extras = [(
            9,
            IncidentExtra {
                source: Some("Le Faso.net".to_owned()),
                columns,
            },
        )]
        .into_iter()
        .collect();
        let row = &export(&extras)[0];
        assert_eq!(&row[col::INTER1], "3");
        assert_eq!(
            &row[col::DISORDER_TYPE],
            "",
            "an empty stored value stays empty"
        );
        assert_eq!(&row[col::EVENT_ID_CNTY], "BFO12345");
        assert_eq!(&row[col::SOURCE], "Le Faso.net");
    }
}
