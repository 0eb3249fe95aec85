//! GeoJSON export (RFC 7946): a FeatureCollection of Points, `[lon, lat]` in
//! WGS 84, no `crs` member (the RFC removed it). Property names follow
//! ACLED's columns so an export can be joined with an ACLED download.
//!
//! `event_id` is `"IA-<incident id>"`: ACLED's own ids are country-prefixed
//! strings, and the `IA-` prefix keeps ours from ever looking like theirs.
//! Features are streamed one at a time rather than built into one big value.
//! Beyond ACLED's columns each feature carries `weapons`, `confidence`
//! ("high", "medium", "low"), `confidence_reasons` (an array of phrases) and
//! `reviewed` (a boolean: an analyst accepted it).

use std::io::Write;

use serde::Serialize;

use super::ExportError;
use crate::model::Incident;

/// Six decimals is about 0.1 m: finer than any gazetteer point, and it keeps
/// float noise like `-1.0844400000000001` out of the file.
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// The exported id of an incident.
pub fn event_id(incident: &Incident) -> String {
    format!("IA-{}", incident.id)
}

#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
    geometry: Point,
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    coordinates: [f64; 2],
}

#[derive(Serialize)]
struct Properties<'a> {
    event_id: &'a str,
    event_date: String,
    time_precision: u8,
    event_type: &'static str,
    sub_event_type: &'a str,
    actor1: &'a str,
    actor2: &'a str,
    fatalities: Option<u32>,
    country: &'a str,
    country_code: &'a str,
    admin1: &'a str,
    admin2: &'a str,
    location: &'a str,
    latitude: f64,
    longitude: f64,
    geo_precision: u8,
    source: &'a str,
    notes: &'a str,
    weapons: &'a [String],
    confidence: &'static str,
    confidence_reasons: &'a [String],
    reviewed: bool,
}

/// Writes `incidents` as one FeatureCollection to `out`.
pub fn write_geojson(incidents: &[Incident], out: impl Write) -> Result<(), ExportError> {
    let mut writer = GeoJsonWriter::new(out)?;
    for incident in incidents {
        writer.write(incident)?;
    }
    writer.finish()
}

/// A FeatureCollection written one feature at a time, for exports that
/// stream from the store; `finish` closes the collection.
pub struct GeoJsonWriter<W: Write> {
    out: std::io::BufWriter<W>,
    written: u64,
}

impl<W: Write> GeoJsonWriter<W> {
    /// Writes the collection's opening.
    pub fn new(out: W) -> Result<GeoJsonWriter<W>, ExportError> {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
        out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
        Ok(GeoJsonWriter { out, written: 0 })
    }

    /// Features written so far.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Appends one feature.
    pub fn write(&mut self, incident: &Incident) -> Result<(), ExportError> {
        if self.written > 0 {
            self.out.write_all(b",")?;
        }
        self.out.write_all(b"\n")?;
        let data = &incident.data;
        let loc = &data.location;
        let id = event_id(incident);
        let (lon, lat) = (round6(loc.longitude), round6(loc.latitude));
        let feature = Feature {
            kind: "Feature",
            id: &id,
            geometry: Point {
                kind: "Point",
                coordinates: [lon, lat],
            },
            properties: Properties {
                event_id: &id,
                event_date: data.event_date.format("%Y-%m-%d").to_string(),
                time_precision: data.time_precision.code(),
                event_type: data.event_type.label(),
                sub_event_type: &data.sub_event_type,
                actor1: &data.actor1,
                actor2: &data.actor2,
                fatalities: data.fatalities,
                country: &loc.country,
                country_code: &loc.country_code,
                admin1: &loc.admin1,
                admin2: &loc.admin2,
                location: &loc.name,
                latitude: lat,
                longitude: lon,
                geo_precision: loc.geo_precision.code(),
                source: &incident.source,
                notes: &data.notes,
                weapons: &data.weapons,
                confidence: data.confidence.label(),
                confidence_reasons: &data.confidence_reasons,
                reviewed: incident.reviewed,
            },
        };
        serde_json::to_writer(&mut self.out, &feature)?;
        self.written += 1;
        Ok(())
    }

    /// Closes the collection and flushes.
    pub fn finish(mut self) -> Result<(), ExportError> {
        self.out.write_all(b"\n]}\n")?;
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use chrono::NaiveDate;
    use serde_json::Value;

    use super::*;
    use crate::model::{EventType, GeoPrecision, IncidentData, Location, Span, TimePrecision};

    fn incident(id: i64, fatalities: Option<u32>) -> Incident {
        Incident {
            id,
            report_id: 7,
            source: "djibo-note.txt".to_owned(),
            data: IncidentData {
                event_date: NaiveDate::from_ymd_opt(2025, 5, 11).unwrap(),
                time_precision: TimePrecision::Day,
                event_type: EventType::Battles,
                sub_event_type: "Armed clash".to_owned(),
                actor1: "JNIM".to_owned(),
                actor2: "Military Forces of Burkina Faso".to_owned(),
                fatalities,
                location: Location {
                    name: "Djibo".to_owned(),
                    place_id: Some(2361177),
                    latitude: 14.1022200000001,
                    longitude: -1.6305599999999,
                    country: "Burkina Faso".to_owned(),
                    country_code: "BF".to_owned(),
                    admin1: "Sahel".to_owned(),
                    admin2: "Soum".to_owned(),
                    geo_precision: GeoPrecision::Exact,
                },
                notes: "Test note.".to_owned(),
                evidence: Span::new(0, 10),
                weapons: vec!["mortars".to_owned()],
                confidence: crate::model::Confidence::Medium,
                confidence_reasons: vec!["the attackers are not named".to_owned()],
            },
            reviewed: false,
        }
    }

    fn export(incidents: &[Incident]) -> Value {
        let mut buf = Vec::new();
        write_geojson(incidents, &mut buf).unwrap();
        serde_json::from_slice(&buf).unwrap()
    }

    #[test]
    fn export_is_a_feature_collection_of_lon_lat_points_with_acled_properties() {
        let json = export(&[incident(3, Some(12)), incident(4, None)]);
        assert_eq!(json["type"], "FeatureCollection");
        assert!(json.get("crs").is_none());
        let features = json["features"].as_array().unwrap();
        assert_eq!(features.len(), 2);
        let f = &features[0];
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["id"], "IA-3");
        assert_eq!(f["geometry"]["type"], "Point");
        assert_eq!(f["geometry"]["coordinates"][0], -1.63056);
        assert_eq!(f["geometry"]["coordinates"][1], 14.10222);
        let p = &f["properties"];
        assert_eq!(p["event_id"], "IA-3");
        assert_eq!(p["event_date"], "2025-05-11");
        assert_eq!(p["time_precision"], 1);
        assert_eq!(p["event_type"], "Battles");
        assert_eq!(p["sub_event_type"], "Armed clash");
        assert_eq!(p["actor1"], "JNIM");
        assert_eq!(p["fatalities"], 12);
        assert_eq!(p["country_code"], "BF");
        assert_eq!(p["admin1"], "Sahel");
        assert_eq!(p["location"], "Djibo");
        assert_eq!(p["latitude"], 14.10222);
        assert_eq!(p["geo_precision"], 1);
        assert_eq!(p["source"], "djibo-note.txt");
        assert_eq!(p["weapons"][0], "mortars");
        assert_eq!(p["confidence"], "medium");
        assert_eq!(p["confidence_reasons"][0], "the attackers are not named");
        assert_eq!(p["reviewed"], false);
        assert!(features[1]["properties"]["fatalities"].is_null());
    }

    #[test]
    fn the_properties_are_the_shared_feature_columns() {
        let json = export(&[incident(3, Some(12))]);
        let mut written: Vec<&str> = json["features"][0]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut shared: Vec<&str> = crate::model::columns::FEATURE
            .iter()
            .map(|(name, _)| *name)
            .collect();
        written.sort_unstable();
        shared.sort_unstable();
        assert_eq!(written, shared);
    }

    #[test]
    fn an_empty_export_is_still_valid_geojson() {
        let json = export(&[]);
        assert_eq!(json["type"], "FeatureCollection");
        assert_eq!(json["features"].as_array().unwrap().len(), 0);
    }
}
