//! Reading ACLED's column layout (named in `model::columns`), shared by the
//! CSV importer and the GeoJSON importer: the one place where a row of named
//! text fields becomes an incident.
//!
//! Columns the model has no field for (associated actors, inter codes,
//! admin3, tags, ...) are kept verbatim in an `extra` JSON object stored with
//! the incident, so an imported file exports back column for column. `year`
//! is not kept: it is always the year of `event_date`.
//!
//! Our own three columns after ACLED's (`columns::OURS`: `confidence`,
//! `confidence_reasons`, `reviewed`) are read back when a file has them, so
//! an export imported elsewhere keeps them; a file without them (any ACLED
//! download) gets the database's defaults: medium, no reasons, unreviewed.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::iso::{self, Country};
use crate::model::columns::{
    ACLED, CONFIDENCE, CONFIDENCE_REASONS, EXTRA, REASON_SEPARATOR, REVIEWED, col,
};
use crate::model::{
    Confidence, EventType, GeoPrecision, IncidentData, Location, MAX_FIELD_BYTES, Span,
    TimePrecision,
};

/// Columns a file must have: without them there is no incident to place.
pub const REQUIRED: [usize; 7] = [
    col::EVENT_DATE,
    col::EVENT_TYPE,
    col::ACTOR1,
    col::COUNTRY,
    col::LOCATION,
    col::LATITUDE,
    col::LONGITUDE,
];

/// One row ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRow {
    pub data: IncidentData,
    /// The row's own `source` column.
    pub source: String,
    /// The `extra` JSON object (ACLED columns without a model field).
    pub extra: String,
    /// The `reviewed` column: an analyst accepted the row.
    pub reviewed: bool,
    /// ACLED's `event_id_cnty`, empty when the file has none: one file
    /// holds each event once.
    pub event_id: String,
}

/// Reads ACLED's `event_date`: `2024-07-21` in recent downloads, `21 July
/// 2024` in older ones.
pub fn parse_event_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    ["%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
}

/// ACLED's `disorder_type` for an event type, for incidents that have none stored.
pub fn disorder_type(event_type: EventType) -> &'static str {
    match event_type {
        EventType::Battles
        | EventType::ExplosionsRemoteViolence
        | EventType::ViolenceAgainstCivilians => "Political violence",
        EventType::Protests | EventType::Riots => "Demonstrations",
        EventType::StrategicDevelopments => "Strategic developments",
    }
}

fn precision<T: TryFrom<u8>>(what: &str, text: &str, default: T) -> Result<T, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(default);
    }
    text.parse::<u8>()
        .ok()
        .and_then(|code| T::try_from(code).ok())
        .ok_or_else(|| format!("{what} {text:?} is not 1, 2 or 3"))
}

fn coordinate(what: &str, text: &str, limit: f64) -> Result<f64, String> {
    let value: f64 = text
        .trim()
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| format!("{what} {text:?} is not a number"))?;
    if value.abs() > limit {
        return Err(format!(
            "{what} {value} is outside -{limit}..{limit} degrees (are latitude and longitude swapped?)"
        ));
    }
    Ok(value)
}

/// The parts of the reason given to a point lying in another country than
/// its row states; the window reads them back to word it in its language.
pub const OUTSIDE_COUNTRY: [&str; 3] =
    ["the point lies in ", ", not in ", ": check its coordinates"];

/// "the point lies in Mali, not in Burkina Faso: check its coordinates".
pub fn outside_country_reason(inside: &str, stated: &str) -> String {
    let [start, middle, end] = OUTSIDE_COUNTRY;
    format!("{start}{inside}{middle}{stated}{end}")
}

/// The two countries named in an `outside_country_reason`, if it is one.
pub fn outside_country_parts(reason: &str) -> Option<(&str, &str)> {
    let [start, middle, end] = OUTSIDE_COUNTRY;
    reason
        .strip_prefix(start)?
        .strip_suffix(end)?
        .split_once(middle)
}

/// Checks a point against the range of degrees and its own country's box.
pub fn check_point(lon: f64, lat: f64, country: Option<&Country>) -> Result<(), String> {
    if !lat.is_finite() || lat.abs() > 90.0 {
        return Err(format!(
            "latitude {lat} is outside -90..90 degrees (are latitude and longitude swapped?)"
        ));
    }
    if !lon.is_finite() || lon.abs() > 180.0 {
        return Err(format!("longitude {lon} is outside -180..180 degrees"));
    }
    if let Some(country) = country
        && !country.contains(lon, lat)
    {
        return Err(format!(
            "the point (longitude {lon}, latitude {lat}) lies outside {}; are latitude and longitude swapped?",
            country.name
        ));
    }
    Ok(())
}

/// The fields of one row, by position in `ACLED`, plus columns outside
/// ACLED's layout (kept in `extra`) and what a GeoJSON feature adds.
pub struct Fields<'a> {
    pub values: [Option<&'a str>; ACLED.len()],
    pub unknown: Vec<(&'a str, &'a str)>,
    /// A GeoJSON geometry, which wins over the `latitude`/`longitude` properties.
    pub point: Option<(f64, f64)>,
    /// A GeoJSON `country_code` property (alpha-2), used when `iso` is absent.
    pub country_code: Option<&'a str>,
    pub weapons: Vec<String>,
    /// Our `confidence` column (see `columns::OURS`), if the file has it.
    pub confidence: Option<&'a str>,
    pub confidence_reasons: Vec<String>,
    pub reviewed: Option<&'a str>,
}

impl<'a> Fields<'a> {
    pub fn new() -> Fields<'a> {
        Fields {
            values: [None; ACLED.len()],
            unknown: Vec::new(),
            point: None,
            country_code: None,
            weapons: Vec::new(),
            confidence: None,
            confidence_reasons: Vec::new(),
            reviewed: None,
        }
    }

    /// Takes one of `columns::OURS` (reasons as a CSV cell, joined with
    /// `REASON_SEPARATOR`); false for any other column name.
    pub fn set_ours(&mut self, name: &str, value: &'a str) -> bool {
        match name {
            CONFIDENCE => self.confidence = Some(value),
            CONFIDENCE_REASONS => {
                self.confidence_reasons = value
                    .split(REASON_SEPARATOR.trim())
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .map(str::to_owned)
                    .collect();
            }
            REVIEWED => self.reviewed = Some(value),
            _ => return false,
        }
        true
    }

    fn get(&self, column: usize) -> &'a str {
        self.values[column].unwrap_or("")
    }

    /// Turns the fields into a row to store, or says what is wrong with them.
    pub fn into_row(mut self) -> Result<ImportRow, String> {
        // A NUL byte is no character an analyst typed, and the GeoPackage
        // export (C strings) would cut the value at it.
        let named = self
            .values
            .iter()
            .enumerate()
            .filter_map(|(c, v)| v.map(|v| (ACLED[c], v)));
        if let Some((name, _)) = named
            .chain(self.unknown.iter().copied())
            .find(|(_, v)| v.contains('\0'))
        {
            return Err(format!(
                "column {name:?} holds a NUL character (byte 0), which is not text"
            ));
        }
        // One limit for every field and format: what is stored can be
        // exported and read back in any format (see MAX_FIELD_BYTES).
        if let Some((name, v)) = self
            .values
            .iter()
            .enumerate()
            .filter_map(|(c, v)| v.map(|v| (ACLED[c], v)))
            .chain(self.unknown.iter().copied())
            .find(|(_, v)| v.len() > MAX_FIELD_BYTES)
        {
            return Err(format!(
                "column {name:?} is {} bytes long, more than the {MAX_FIELD_BYTES} bytes a field may hold",
                v.len()
            ));
        }
        if let Some(reason) = self
            .confidence_reasons
            .iter()
            .chain(&self.weapons)
            .find(|v| v.len() > MAX_FIELD_BYTES)
        {
            return Err(format!(
                "a weapon or confidence reason is {} bytes long, more than the {MAX_FIELD_BYTES} bytes a field may hold",
                reason.len()
            ));
        }
        let date_text = self.get(col::EVENT_DATE);
        let event_date = parse_event_date(date_text).ok_or_else(|| {
            format!("event_date {date_text:?} is not a date (YYYY-MM-DD or \"21 July 2024\")")
        })?;
        let type_text = self.get(col::EVENT_TYPE);
        let event_type = EventType::from_label(type_text)
            .ok_or_else(|| format!("event_type {type_text:?} is not one of ACLED's six"))?;
        let time_precision = precision(
            "time_precision",
            self.get(col::TIME_PRECISION),
            TimePrecision::Day,
        )?;
        let geo_precision = precision(
            "geo_precision",
            self.get(col::GEO_PRECISION),
            GeoPrecision::Exact,
        )?;
        let country_name = self.get(col::COUNTRY);
        let iso_text = self.get(col::ISO).trim();
        let country = if iso_text.is_empty() {
            self.country_code
                .and_then(iso::by_alpha2)
                .or_else(|| iso::by_name(country_name))
        } else {
            let by_code = iso::by_numeric(iso_text);
            // "iso=466, country=Niger": one of the two is wrong, and the
            // incident would be filed under the other country.
            if let (Some(coded), Some(named)) = (by_code, iso::by_name(country_name))
                && coded.alpha2 != named.alpha2
            {
                return Err(format!(
                    "iso {iso_text} is {} but country is {country_name:?}",
                    coded.name
                ));
            }
            by_code
        };
        let (lon, lat) = match self.point {
            Some(point) => point,
            None => (
                coordinate("longitude", self.get(col::LONGITUDE), 180.0)?,
                coordinate("latitude", self.get(col::LATITUDE), 90.0)?,
            ),
        };
        check_point(lon, lat, country)?;
        let fatalities_text = self.get(col::FATALITIES).trim();
        let fatalities = if fatalities_text.is_empty() {
            None
        } else {
            Some(fatalities_text.parse::<u32>().map_err(|_| {
                format!("fatalities {fatalities_text:?} is not a whole number of people")
            })?)
        };
        if let Some(year) = self.values[col::YEAR]
            .map(str::trim)
            .filter(|y| !y.is_empty())
            && year.parse::<i32>().ok() != Some(event_date.year())
        {
            return Err(format!(
                "year {year:?} is not the year of event_date {event_date}"
            ));
        }
        let country_code = match (country, self.country_code) {
            (Some(c), _) => c.alpha2.to_owned(),
            (None, Some(code)) => code.trim().to_owned(),
            (None, None) => String::new(),
        };
        let mut extra: BTreeMap<&str, &str> = BTreeMap::new();
        for column in EXTRA {
            if let Some(value) = self.values[column] {
                extra.insert(ACLED[column], value);
            }
        }
        for (name, value) in &self.unknown {
            extra.insert(name, value);
        }
        let extra = serde_json::to_string(&extra).map_err(|e| e.to_string())?;
        let confidence = match self.confidence.map(str::trim).filter(|c| !c.is_empty()) {
            None => Confidence::default(),
            Some(text) => Confidence::from_label(text)
                .ok_or_else(|| format!("confidence {text:?} is not high, medium or low"))?,
        };
        let reviewed = match self
            .reviewed
            .map(|r| r.trim().to_ascii_lowercase())
            .as_deref()
        {
            None | Some("" | "false" | "0" | "no") => false,
            Some("true" | "1" | "yes") => true,
            Some(other) => return Err(format!("reviewed {other:?} is not true or false")),
        };
        let source = self.get(col::SOURCE).to_owned();
        let event_id = self.get(col::EVENT_ID_CNTY).trim().to_owned();
        let mut confidence = confidence;
        let mut reviewed = reviewed;
        let mut confidence_reasons = std::mem::take(&mut self.confidence_reasons);
        // A point that lies clearly in another country than its row says is
        // kept (the analyst may know better than a 1:50m border) but marked
        // low and unreviewed, so the review queue brings it up.
        if !country_code.is_empty()
            && let Some(inside) = crate::gazetteer::clearly_elsewhere(lat, lon, &country_code)
        {
            let reason = outside_country_reason(
                inside,
                if country_name.is_empty() {
                    country_code.as_str()
                } else {
                    country_name
                },
            );
            if !confidence_reasons.contains(&reason) {
                confidence_reasons.push(reason);
            }
            confidence = Confidence::Low;
            reviewed = false;
        }
        let data = IncidentData {
            event_date,
            time_precision,
            event_type,
            sub_event_type: self.get(col::SUB_EVENT_TYPE).to_owned(),
            actor1: self.get(col::ACTOR1).to_owned(),
            actor2: self.get(col::ACTOR2).to_owned(),
            fatalities,
            location: Location {
                name: self.get(col::LOCATION).to_owned(),
                place_id: None,
                latitude: lat,
                longitude: lon,
                country: country_name.to_owned(),
                country_code,
                admin1: self.get(col::ADMIN1).to_owned(),
                admin2: self.get(col::ADMIN2).to_owned(),
                geo_precision,
            },
            notes: self.get(col::NOTES).to_owned(),
            evidence: Span::new(0, 0),
            weapons: self.weapons,
            confidence,
            confidence_reasons,
        };
        Ok(ImportRow {
            data,
            source,
            extra,
            reviewed,
            event_id,
        })
    }
}

impl Default for Fields<'_> {
    fn default() -> Self {
        Fields::new()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    fn djibo() -> Fields<'static> {
        let mut f = Fields::new();
        f.values[col::EVENT_DATE] = Some("2024-07-21");
        f.values[col::EVENT_TYPE] = Some("Battles");
        f.values[col::ACTOR1] = Some("JNIM");
        f.values[col::ISO] = Some("854");
        f.values[col::COUNTRY] = Some("Burkina Faso");
        f.values[col::LOCATION] = Some("Djibo");
        f.values[col::LATITUDE] = Some("14.1022");
        f.values[col::LONGITUDE] = Some("-1.6306");
        f.values[col::INTER1] = Some("2");
        f
    }

    #[test]
    fn a_point_in_another_country_is_kept_low_and_unreviewed() {
        let row = djibo().into_row().unwrap();
        assert_eq!(row.data.confidence, Confidence::default());
        // Mopti, in Mali, inside Burkina Faso's generous box.
        let mut f = djibo();
        f.values[col::LATITUDE] = Some("14.49");
        f.values[col::LONGITUDE] = Some("-4.2");
        f.reviewed = Some("true");
        let row = f.into_row().unwrap();
        assert_eq!(row.data.confidence, Confidence::Low);
        assert!(!row.reviewed);
        assert_eq!(
            row.data.confidence_reasons,
            ["the point lies in Mali, not in Burkina Faso: check its coordinates"]
        );
        // Read back from our own export, the reason is not doubled.
        let mut f = djibo();
        f.values[col::LATITUDE] = Some("14.49");
        f.values[col::LONGITUDE] = Some("-4.2");
        f.confidence_reasons = row.data.confidence_reasons.clone();
        assert_eq!(f.into_row().unwrap().data.confidence_reasons.len(), 1);
    }

    #[test]
    fn both_acled_date_styles_are_read() {
        let d = NaiveDate::from_ymd_opt(2024, 7, 21);
        assert_eq!(parse_event_date("2024-07-21"), d);
        assert_eq!(parse_event_date("21 July 2024"), d);
        assert_eq!(parse_event_date("July 21st"), None);
    }

    #[test]
    fn a_row_keeps_model_fields_and_puts_the_rest_in_extra() {
        let row = djibo().into_row().unwrap();
        assert_eq!(row.data.location.country_code, "BF");
        assert_eq!(row.data.location.latitude, 14.1022);
        assert_eq!(row.data.fatalities, None);
        let extra: serde_json::Value = serde_json::from_str(&row.extra).unwrap();
        assert_eq!(extra["inter1"], "2");
        assert_eq!(extra["iso"], "854");
    }

    #[test]
    fn a_swapped_point_is_refused_for_its_country() {
        let mut f = djibo();
        f.values[col::LATITUDE] = Some("-1.6306");
        f.values[col::LONGITUDE] = Some("14.1022");
        assert!(f.into_row().unwrap_err().contains("swapped"));
        let mut f = djibo();
        f.values[col::LATITUDE] = Some("114.1");
        assert!(f.into_row().unwrap_err().contains("latitude"));
    }

    #[test]
    fn an_unknown_event_type_or_negative_fatalities_is_refused() {
        let mut f = djibo();
        f.values[col::EVENT_TYPE] = Some("Picnic");
        assert!(f.into_row().unwrap_err().contains("event_type"));
        let mut f = djibo();
        f.values[col::FATALITIES] = Some("-3");
        assert!(f.into_row().unwrap_err().contains("fatalities"));
    }

    #[test]
    fn our_columns_are_read_when_present_and_default_when_absent() {
        let row = djibo().into_row().unwrap();
        assert_eq!(row.data.confidence, Confidence::Medium);
        assert!(row.data.confidence_reasons.is_empty());
        assert!(!row.reviewed);
        let mut f = djibo();
        assert!(f.set_ours("confidence", "low"));
        assert!(f.set_ours(
            "confidence_reasons",
            "the attackers are not named; the death toll is a vague quantity"
        ));
        assert!(f.set_ours("reviewed", "true"));
        assert!(!f.set_ours("population_best", "12"));
        let row = f.into_row().unwrap();
        assert_eq!(row.data.confidence, Confidence::Low);
        assert_eq!(
            row.data.confidence_reasons,
            [
                "the attackers are not named",
                "the death toll is a vague quantity"
            ]
        );
        assert!(row.reviewed);
        assert!(!row.extra.contains("confidence"), "{}", row.extra);
        let mut f = djibo();
        f.set_ours("confidence", "certain");
        assert!(f.into_row().unwrap_err().contains("confidence"));
        let mut f = djibo();
        f.set_ours("reviewed", "maybe");
        assert!(f.into_row().unwrap_err().contains("reviewed"));
    }

    #[test]
    fn a_year_that_contradicts_the_date_is_refused() {
        let mut f = djibo();
        f.values[col::YEAR] = Some("2023");
        assert!(f.into_row().unwrap_err().contains("year"));
    }
}
