//! The analysts' curated places: villages the GeoNames data lacks
//! (Kpankankandi, Kalamba), added by hand with the authority for each point.
//!
//! A curated place is a GeoNames row with a negative id (so a later GeoNames
//! import can never overwrite it) and a source. Exported, it is a GeoNames
//! file with a 20th column, so `gazetteer import` reads it back unchanged and
//! a colleague can review it in a spreadsheet.

use std::io::Write;

use crate::model::{Place, PlaceOrigin};

use super::gazetteer::Gazetteer;
use super::geonames::to_geonames_line;

/// What an analyst gives to add a place.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewPlace {
    pub name: String,
    pub latitude: f64,
    pub longitude: f64,
    /// ISO 3166-1 alpha-2.
    pub country_code: String,
    /// GeoNames admin1 code; found from the point when not given.
    pub admin1_code: Option<String>,
    pub alternate_names: Vec<String>,
    /// On what authority the point is known (a report, a map, a person).
    pub source: String,
}

/// Why a curated place was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CurationError {
    #[error("the place needs a name")]
    NoName,
    #[error("the place needs a source saying on what authority its point is known")]
    NoSource,
    #[error("latitude {0} is outside -90..90")]
    Latitude(f64),
    #[error("longitude {0} is outside -180..180")]
    Longitude(f64),
    #[error("{0:?} is not a two-letter country code")]
    Country(String),
    #[error("admin1 code {code:?} is not a region of {country}")]
    Admin1 { code: String, country: String },
    #[error("the point {lat}, {lon} lies in {inside}, not in {country}")]
    OutsideCountry {
        lat: f64,
        lon: f64,
        inside: String,
        country: String,
    },
}

/// The header written above exported curated rows.
const HEADER: &str = "\
# Curated places exported by incident-atlas: GeoNames' 19 geoname columns and a 20th,
# the source. Curated ids are negative. Read back with `incident-atlas gazetteer import`.
";

impl Gazetteer {
    /// Checks a new place and gives it the next free curated id. The admin1
    /// code, when not given, is the region the point lies in; a point that
    /// lies in another country than the one given is refused.
    pub fn curate(&self, new: NewPlace) -> Result<Place, CurationError> {
        let name = new.name.trim().to_string();
        if name.is_empty() {
            return Err(CurationError::NoName);
        }
        let source = new.source.trim().to_string();
        if source.is_empty() {
            return Err(CurationError::NoSource);
        }
        if !(-90.0..=90.0).contains(&new.latitude) {
            return Err(CurationError::Latitude(new.latitude));
        }
        if !(-180.0..=180.0).contains(&new.longitude) {
            return Err(CurationError::Longitude(new.longitude));
        }
        let cc = new.country_code.trim().to_ascii_uppercase();
        if cc.len() != 2 || !cc.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(CurationError::Country(new.country_code));
        }
        let at = self.admin_at(new.latitude, new.longitude);
        if let Some(at) = &at
            && at.country_code != cc
        {
            return Err(CurationError::OutsideCountry {
                lat: new.latitude,
                lon: new.longitude,
                inside: Gazetteer::country_name(&at.country_code)
                    .unwrap_or(&at.country_code)
                    .to_string(),
                country: cc,
            });
        }
        let (admin1, admin2) = match new.admin1_code {
            Some(code) => {
                if self.admin1_name(&cc, &code).is_none() {
                    return Err(CurationError::Admin1 { code, country: cc });
                }
                let admin2 = at
                    .filter(|a| a.admin1_code == code)
                    .map(|a| a.admin2_code)
                    .unwrap_or_default();
                (code, admin2)
            }
            None => at
                .map(|a| (a.admin1_code, a.admin2_code))
                .unwrap_or_default(),
        };
        Ok(Place {
            geonameid: self.next_curated_id(),
            ascii_name: ascii(&name),
            name,
            alternate_names: new
                .alternate_names
                .into_iter()
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect(),
            latitude: new.latitude,
            longitude: new.longitude,
            feature_class: "P".to_string(),
            feature_code: "PPL".to_string(),
            country_code: cc,
            admin1_code: admin1,
            admin2_code: admin2,
            population: 0,
            origin: PlaceOrigin::Curated { source },
        })
    }

    /// One below the lowest id in use (curated ids count down from -1).
    /// Imported places' ids live far below and are not counted, or the next
    /// curated id would land in their range.
    pub fn next_curated_id(&self) -> i64 {
        self.places()
            .iter()
            .map(|p| p.geonameid)
            .filter(|&id| !super::import_id::is_imported_id(id))
            .min()
            .map_or(-1, |lowest| lowest.min(0) - 1)
    }

    /// The curated places, by id (newest last: -1, -2, ...).
    pub fn curated(&self) -> Vec<&Place> {
        let mut out: Vec<&Place> = self
            .places()
            .iter()
            .filter(|p| matches!(p.origin, PlaceOrigin::Curated { .. }))
            .collect();
        out.sort_by_key(|p| std::cmp::Reverse(p.geonameid));
        out
    }
}

/// Writes curated places as a GeoNames file with the source column.
pub fn write_curated(places: &[&Place], out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(HEADER.as_bytes())?;
    for place in places {
        writeln!(out, "{}", to_geonames_line(place))?;
    }
    Ok(())
}

/// The name without its accents ("Solé" -> "Sole"), as GeoNames' asciiname.
pub(super) fn ascii(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    name.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::gazetteer::gazetteer::tests::bundled_gazetteer;
    use crate::gazetteer::{PlaceQuery, parse_geonames};

    fn kalamba() -> NewPlace {
        NewPlace {
            name: "Kalamba".to_string(),
            latitude: 13.15,
            longitude: -1.02,
            country_code: "bf".to_string(),
            admin1_code: None,
            alternate_names: vec!["Kalambaa".to_string(), " ".to_string()],
            source: "Approximate: a report places it near Kaya".to_string(),
        }
    }

    #[test]
    fn a_curated_place_gets_the_next_negative_id_and_its_region_from_the_point() {
        let g = bundled_gazetteer();
        let p = g.curate(kalamba()).unwrap();
        assert_eq!(p.geonameid, -2, "the bundled supplement already uses -1");
        assert_eq!(p.country_code, "BF");
        assert_eq!(
            (p.admin1_code.as_str(), p.admin2_code.as_str()),
            ("05", "70")
        );
        assert_eq!(p.alternate_names, ["Kalambaa"]);
        assert_eq!(ascii("Solé"), "Sole");
    }

    #[test]
    fn a_curated_place_is_found_by_lookup_once_added() {
        let (mut places, codes) = crate::gazetteer::bundled().unwrap();
        let p = bundled_gazetteer().curate(kalamba()).unwrap();
        places.push(p);
        let g = Gazetteer::new(places, codes);
        let q = PlaceQuery {
            name: "Kalamba",
            country: Some("BF"),
            admin_hint: Some("Kaya"),
            near: Vec::new(),
        };
        assert_eq!(g.lookup(&q)[0].place.geonameid, -2);
        assert_eq!(g.next_curated_id(), -3);
        assert_eq!(g.curated().len(), 2);
    }

    #[test]
    fn bad_curations_are_refused_with_the_reason() {
        let g = bundled_gazetteer();
        let with = |f: &dyn Fn(&mut NewPlace)| {
            let mut n = kalamba();
            f(&mut n);
            g.curate(n).unwrap_err()
        };
        assert_eq!(with(&|n| n.name = " ".into()), CurationError::NoName);
        assert_eq!(with(&|n| n.source.clear()), CurationError::NoSource);
        assert_eq!(with(&|n| n.latitude = 91.0), CurationError::Latitude(91.0));
        assert_eq!(
            with(&|n| n.longitude = -181.0),
            CurationError::Longitude(-181.0)
        );
        assert_eq!(
            with(&|n| n.country_code = "BFA".into()),
            CurationError::Country("BFA".into())
        );
        assert!(matches!(
            with(&|n| n.admin1_code = Some("77".into())),
            CurationError::Admin1 { .. }
        ));
        // Kaya's neighbourhood is not in Togo.
        let err = with(&|n| n.country_code = "TG".into());
        assert!(err.to_string().contains("Burkina Faso"), "{err}");
    }

    #[test]
    fn exported_curated_places_read_back_the_same() {
        let g = bundled_gazetteer();
        let p = g.curate(kalamba()).unwrap();
        let mut all: Vec<&Place> = g.curated();
        all.push(&p);
        let mut out = Vec::new();
        write_curated(&all, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let back = parse_geonames(&text, "curated export").unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[1], p);
    }
}
