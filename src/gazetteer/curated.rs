//! The analysts' curated places: villages the GeoNames data lacks
//! (Kpankankandi, Kalamba), added by hand with the authority for each point.
//!
//! A curated place is a GeoNames row with a negative id (so a later GeoNames
//! import can never overwrite it) and a source. Exported, it is a GeoNames
//! file with a 20th column, so `gazetteer import` reads it back unchanged and
//! a colleague can review it in a spreadsheet.
//!
//! Its id is a hash of its source, name and point (`curated_id`), not the
//! next free number: two analysts each adding a village would otherwise both
//! get -2, and one's export imported by the other would replace the other's
//! village, moving its incidents. Reading an exported file gives each row the
//! id of the same place already known, or its hash, whatever id the file
//! carries (files from older builds carry counted ids).

use std::io::Write;

use sha2::{Digest, Sha256};

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
        // Outside the five countries outlined in detail, the coarse world
        // outlines still catch a point typed for the wrong country (or with
        // its coordinates from another map).
        if at.is_none()
            && let Some(inside) =
                super::borders::clearly_elsewhere(new.latitude, new.longitude, &cc)
        {
            return Err(CurationError::OutsideCountry {
                lat: new.latitude,
                lon: new.longitude,
                inside: inside.to_string(),
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
            geonameid: curated_id(&source, &name, new.latitude, new.longitude),
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

    /// The curated places read from a file (an `export-curated` by another
    /// analyst, say) with ids that cannot collide: a place this gazetteer
    /// already holds (same name, source and point) keeps its id here, so
    /// reading one's own export again changes nothing; any other gets its
    /// hash. Places that are not curated pass unchanged.
    pub fn identify_curated(&self, mut places: Vec<Place>) -> Vec<Place> {
        for place in &mut places {
            let PlaceOrigin::Curated { source } = &place.origin else {
                continue;
            };
            let known = self.curated().into_iter().find(|p| {
                p.name == place.name
                    && p.origin == place.origin
                    && same_point(p.latitude, place.latitude)
                    && same_point(p.longitude, place.longitude)
            });
            place.geonameid = match known {
                Some(known) => known.geonameid,
                None => curated_id(source, &place.name, place.latitude, place.longitude),
            };
        }
        places
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

/// The highest (closest to zero) id a curated place's hash gives. Above it:
/// the bundled supplement's small negative ids and those older builds
/// counted down from -1; below the range: imported places
/// (`import_id::IMPORTED_ID_MAX`).
pub const CURATED_ID_MAX: i64 = -1_000_000_000;

/// How many ids the hash range holds: 2^39, which keeps the whole range
/// above the imported places' and every id exact as a JSON number. Two of
/// a thousand curated places share an id with odds of about one in a
/// million.
const CURATED_ID_SPAN: u64 = 1 << 39;

/// A curated place's id: a hash of its source, its name and its point
/// (rounded to four decimals, about 11 m, so that a file re-saved with more
/// digits keeps its ids), in a range of its own.
pub fn curated_id(source: &str, name: &str, lat: f64, lon: f64) -> i64 {
    let mut hash = Sha256::new();
    hash.update(b"curated\0");
    hash.update(source.trim().as_bytes());
    hash.update([0]);
    hash.update(name.trim().as_bytes());
    hash.update([0]);
    hash.update(format!("{lat:.4},{lon:.4}").as_bytes());
    let digest = hash.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    let offset = u64::from_be_bytes(first) % CURATED_ID_SPAN;
    // offset < 2^39, so it fits an i64 and the subtraction cannot overflow.
    CURATED_ID_MAX - 1 - i64::try_from(offset).unwrap_or(0)
}

/// Whether two coordinates are the same at the precision ids are made from.
fn same_point(a: f64, b: f64) -> bool {
    format!("{a:.4}") == format!("{b:.4}")
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
    fn a_curated_place_gets_its_hash_as_id_and_its_region_from_the_point() {
        let g = bundled_gazetteer();
        let p = g.curate(kalamba()).unwrap();
        assert_eq!(
            p.geonameid,
            curated_id(&kalamba().source, "Kalamba", 13.15, -1.02)
        );
        assert!(p.geonameid < CURATED_ID_MAX);
        assert!(!crate::gazetteer::is_imported_id(p.geonameid));
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
        assert_eq!(g.lookup(&q)[0].place.geonameid, p_id(&g, "Kalamba"));
        assert_eq!(g.curated().len(), 2);
    }

    fn p_id(g: &Gazetteer, name: &str) -> i64 {
        g.curated()
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.geonameid)
            .unwrap()
    }

    #[test]
    fn two_analysts_adding_different_places_get_different_ids() {
        let g = bundled_gazetteer();
        let a = g.curate(kalamba()).unwrap();
        let mut other = kalamba();
        other.name = "Tangaye".to_string();
        other.latitude = 13.4;
        let b = g.curate(other).unwrap();
        assert_ne!(a.geonameid, b.geonameid);
        // The same place with the same authority is the same place.
        assert_eq!(a.geonameid, g.curate(kalamba()).unwrap().geonameid);
        // Another authority for the same point is another curated place.
        let mut again = kalamba();
        again.source = "A second report".to_string();
        assert_ne!(a.geonameid, g.curate(again).unwrap().geonameid);
    }

    #[test]
    fn a_read_curated_file_keeps_known_places_and_rehashes_the_rest() {
        let (mut places, codes) = crate::gazetteer::bundled().unwrap();
        // This analyst's own place, stored by an older build as -2.
        let mut mine = bundled_gazetteer().curate(kalamba()).unwrap();
        mine.geonameid = -2;
        places.push(mine.clone());
        let g = Gazetteer::new(places, codes);
        // A colleague's file: their own village also counted as -2, this
        // analyst's place again, and the bundled Kpankankandi at -1.
        let mut theirs = mine.clone();
        theirs.name = "Tangaye".to_string();
        theirs.ascii_name = "Tangaye".to_string();
        theirs.latitude = 13.4;
        let kpankankandi = g.place(-1).unwrap().clone();
        let geonames = Place {
            origin: PlaceOrigin::GeoNames,
            geonameid: 2_361_177,
            ..mine.clone()
        };
        let read = g.identify_curated(vec![theirs.clone(), mine, kpankankandi, geonames.clone()]);
        assert_eq!(
            read[0].geonameid,
            curated_id(
                "Approximate: a report places it near Kaya",
                "Tangaye",
                13.4,
                -1.02
            )
        );
        assert_eq!(read[1].geonameid, -2, "already known here: the same row");
        assert_eq!(read[2].geonameid, -1, "the bundled place stays itself");
        assert_eq!(read[3], geonames, "GeoNames rows pass unchanged");
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
