//! A settlement read from a list that is not GeoNames (an OpenStreetMap
//! extract, an OCHA/HDX table), made into a gazetteer place.
//!
//! Such lists name the country and the admin units loosely, or not at all:
//! an OSM node rarely carries a country tag, an HDX table writes "Mopti" or
//! the pcode "ML05" where GeoNames has `ML.06`. So the country is taken from
//! the list when it says, else from the point (the bundled Natural Earth
//! outlines); an admin unit named in the list is matched to its GeoNames
//! code by name, and otherwise the point decides. A row that cannot become a
//! place (no name, a point off the globe, no country) is skipped and
//! counted, never guessed.

use std::collections::BTreeMap;
use std::fmt;

use crate::model::{Place, PlaceOrigin};

use super::admin_name::bare_admin_name;
use super::country::find_country;
use super::curated::ascii;
use super::fold::fold;
use super::gazetteer::Gazetteer;
use super::import_error::PlaceImportError;
use super::import_id::{ImportKind, imported_id};
use super::reason::thousands;

/// One settlement as its list gives it, before the gazetteer places it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Settlement {
    /// What identifies it in its list when the list has ids (an OSM node id).
    pub key: Option<String>,
    pub name: String,
    pub alternate_names: Vec<String>,
    pub latitude: f64,
    pub longitude: f64,
    /// A country code or name as the list writes it, if it does; it beats
    /// the point.
    pub country: Option<String>,
    /// The country to assume when neither the list nor the point says
    /// (`--country` for an OSM extract).
    pub fallback_country: Option<String>,
    /// An admin1 unit as the list writes it: a GeoNames code, a name or a pcode.
    pub admin1: Option<String>,
    /// An admin2 unit, likewise.
    pub admin2: Option<String>,
    pub population: i64,
    /// GeoNames feature code (`PPL`, `PPLA`, ...).
    pub feature_code: String,
}

/// Why a row was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SkipReason {
    NoName,
    /// A latitude or longitude missing or not a number.
    NoPoint,
    /// A point outside -90..90 / -180..180.
    OffTheGlobe,
    /// Neither the list nor the bundled outlines say which country.
    NoCountry,
}

impl SkipReason {
    fn describe(self) -> &'static str {
        match self {
            SkipReason::NoName => "without a name",
            SkipReason::NoPoint => "without a usable latitude and longitude",
            SkipReason::OffTheGlobe => "with a point outside -90..90 / -180..180",
            SkipReason::NoCountry => {
                "in no known country (outside the bundled outlines; give --country)"
            }
        }
    }
}

/// How many rows were skipped, and why; the first few row numbers of each
/// reason are kept so the analyst can look them up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Skipped {
    by_reason: BTreeMap<SkipReason, (usize, Vec<u64>)>,
    /// What the numbers are: rows of a table (the default) or OSM nodes.
    nodes: bool,
}

/// At most this many row numbers are quoted per reason.
const ROWS_QUOTED: usize = 3;

impl Skipped {
    /// Skips counted by OSM node id rather than by row.
    pub fn nodes() -> Skipped {
        Skipped {
            nodes: true,
            ..Skipped::default()
        }
    }

    /// Counts one skipped row (`row` is its 1-based number in the file).
    pub fn add(&mut self, reason: SkipReason, row: u64) {
        let (count, rows) = self.by_reason.entry(reason).or_default();
        *count += 1;
        if rows.len() < ROWS_QUOTED {
            rows.push(row);
        }
    }

    pub fn total(&self) -> usize {
        self.by_reason.values().map(|(n, _)| n).sum()
    }

    /// How many rows were skipped for `reason`.
    pub fn count(&self, reason: SkipReason) -> usize {
        self.by_reason.get(&reason).map_or(0, |(n, _)| *n)
    }
}

impl fmt::Display for Skipped {
    /// "2 without a name (rows 4, 9), 1 with a point outside ..."
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (reason, (count, rows))) in self.by_reason.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            let rows: Vec<String> = rows.iter().map(u64::to_string).collect();
            let more = if *count > rows.len() { ", ..." } else { "" };
            let word = match (self.nodes, rows.len()) {
                (false, 1) => "row",
                (false, _) => "rows",
                (true, 1) => "node",
                (true, _) => "nodes",
            };
            write!(
                f,
                "{count} {} ({word} {}{more})",
                reason.describe(),
                rows.join(", ")
            )?;
        }
        Ok(())
    }
}

/// The places read from one list, ready to store, and what was skipped.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedPlaces {
    pub places: Vec<Place>,
    pub skipped: Skipped,
    /// What the places' origin names (`PlaceOrigin::Imported`).
    pub source: String,
}

impl ImportedPlaces {
    /// The places read from one file, or the error that says nothing in it
    /// was usable: `none` says what an empty file lacked ("the file has no
    /// rows"), `what` what every skipped item was ("row", "place node").
    pub fn or_nothing_valid(
        places: Vec<Place>,
        skipped: Skipped,
        file: &str,
        source: &str,
        none: &str,
        what: &str,
    ) -> Result<ImportedPlaces, PlaceImportError> {
        if places.is_empty() {
            let why = if skipped.total() == 0 {
                none.to_string()
            } else {
                format!("every {what} was skipped: {skipped}")
            };
            return Err(PlaceImportError::NothingValid {
                file: file.to_string(),
                why,
            });
        }
        Ok(ImportedPlaces {
            places,
            skipped,
            source: source.to_string(),
        })
    }

    /// The line an import prints: "1,234 places imported from villages.csv,
    /// 3 rows skipped: 2 without a name (rows 4, 9), ...".
    pub fn summary(&self, file: &str) -> String {
        let n = self.places.len();
        let mut line = format!(
            "{} {} imported from {file}",
            thousands(n as i64),
            if n == 1 { "place" } else { "places" }
        );
        let skipped = self.skipped.total();
        if skipped > 0 {
            let what = match (self.skipped.nodes, skipped) {
                (false, 1) => "row",
                (false, _) => "rows",
                (true, 1) => "node",
                (true, _) => "nodes",
            };
            line.push_str(&format!(
                ", {} {what} skipped: {}",
                thousands(skipped as i64),
                self.skipped
            ));
        }
        line
    }
}

/// ISO 3166-1 alpha-3 codes HDX tables use, for the countries the bundled
/// gazetteer covers and their neighbours.
const ALPHA3: &[(&str, &str)] = &[
    ("BFA", "BF"),
    ("MLI", "ML"),
    ("NER", "NE"),
    ("TGO", "TG"),
    ("BEN", "BJ"),
    ("GHA", "GH"),
    ("CIV", "CI"),
    ("NGA", "NG"),
    ("TCD", "TD"),
    ("MRT", "MR"),
    ("SEN", "SN"),
    ("GIN", "GN"),
    ("CMR", "CM"),
    ("DZA", "DZ"),
    ("LBY", "LY"),
];

/// A country as a list writes it ("ML", "MLI", "Mali") as ISO alpha-2.
pub fn country_code(written: &str) -> Option<String> {
    let written = written.trim();
    if written.len() == 2 && written.chars().all(|c| c.is_ascii_alphabetic()) {
        return Some(written.to_ascii_uppercase());
    }
    if let Some((_, cc)) = ALPHA3
        .iter()
        .find(|(a3, _)| a3.eq_ignore_ascii_case(written))
    {
        return Some((*cc).to_string());
    }
    find_country(written).map(str::to_string)
}

/// GeoNames separates alternate names with commas, so none may hold one.
fn clean_name(name: &str) -> String {
    name.replace(',', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Gazetteer {
    /// The settlement as a gazetteer place, or why it cannot be one. The id
    /// is stable for the same settlement of the same list (see `import_id`).
    pub fn settle(
        &self,
        settlement: Settlement,
        kind: ImportKind,
        source: &str,
    ) -> Result<Place, SkipReason> {
        let name = clean_name(&settlement.name);
        if name.is_empty() {
            return Err(SkipReason::NoName);
        }
        let (lat, lon) = (settlement.latitude, settlement.longitude);
        if !lat.is_finite() || !lon.is_finite() {
            return Err(SkipReason::NoPoint);
        }
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(SkipReason::OffTheGlobe);
        }
        let at = self.admin_at(lat, lon);
        // The list's own word for the country beats the outlines, which
        // are coarse along borders.
        let cc = settlement
            .country
            .as_deref()
            .and_then(country_code)
            .or_else(|| at.as_ref().map(|a| a.country_code.clone()))
            .or_else(|| {
                settlement
                    .fallback_country
                    .as_deref()
                    .and_then(country_code)
            })
            .ok_or(SkipReason::NoCountry)?;
        // The point's units count only inside the country the list says.
        let at = at.filter(|a| a.country_code == cc);
        let a1 = settlement
            .admin1
            .as_deref()
            .and_then(|written| self.admin1_code_of(&cc, written))
            .or_else(|| at.as_ref().map(|a| a.admin1_code.clone()))
            .unwrap_or_default();
        let a2 = settlement
            .admin2
            .as_deref()
            .and_then(|written| self.admin2_code_of(&cc, &a1, written))
            .or_else(|| {
                at.as_ref()
                    .filter(|a| a.admin1_code == a1)
                    .map(|a| a.admin2_code.clone())
            })
            .unwrap_or_default();
        let mut alternate_names: Vec<String> = Vec::new();
        for alt in &settlement.alternate_names {
            let alt = clean_name(alt);
            if !alt.is_empty() && alt != name && !alternate_names.contains(&alt) {
                alternate_names.push(alt);
            }
        }
        let key = settlement.key.unwrap_or_else(|| fold(&name));
        Ok(Place {
            geonameid: imported_id(kind, &key, lat, lon),
            ascii_name: ascii(&name),
            name,
            alternate_names,
            latitude: lat,
            longitude: lon,
            feature_class: "P".to_string(),
            feature_code: if settlement.feature_code.is_empty() {
                "PPL".to_string()
            } else {
                settlement.feature_code
            },
            country_code: cc,
            admin1_code: a1,
            admin2_code: a2,
            population: settlement.population.max(0),
            origin: PlaceOrigin::Imported {
                source: source.to_string(),
            },
        })
    }

    /// The GeoNames admin1 code for a unit as a list writes it: the code
    /// itself ("06"), or the unit's name ("Mopti", "Région de Mopti").
    /// A pcode ("ML05") matches neither and gives `None`.
    fn admin1_code_of(&self, cc: &str, written: &str) -> Option<String> {
        let written = written.trim();
        if written.is_empty() {
            return None;
        }
        if self.admin1_name(cc, written).is_some() {
            return Some(written.to_string());
        }
        let codes = self.admin_codes_named(written)?;
        let prefix = format!("{cc}.");
        codes
            .iter()
            .filter_map(|c| c.strip_prefix(&prefix))
            .find(|rest| !rest.contains('.'))
            .map(str::to_string)
    }

    /// The GeoNames admin2 code for a unit as a list writes it, inside
    /// `a1` (a province means nothing without its region).
    fn admin2_code_of(&self, cc: &str, a1: &str, written: &str) -> Option<String> {
        let written = written.trim();
        if written.is_empty() || a1.is_empty() {
            return None;
        }
        if self.admin2_name(cc, a1, written).is_some() {
            return Some(written.to_string());
        }
        let prefix = format!("{cc}.{a1}.");
        self.admin_codes_named(written)?
            .iter()
            .filter_map(|c| c.strip_prefix(&prefix))
            .find(|a2| !a2.is_empty() && !a2.contains('.'))
            .map(str::to_string)
    }

    /// The admin codes carrying a name, matched as the geocoder matches
    /// unit names (folded, the unit word stripped).
    fn admin_codes_named(&self, written: &str) -> Option<&Vec<String>> {
        let unelided = super::admin_name::unelide(written);
        let folded = fold(&unelided);
        self.admin_codes_by_name.get(bare_admin_name(&folded).0)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::gazetteer::gazetteer::tests::bundled_gazetteer;

    fn village(name: &str, lat: f64, lon: f64) -> Settlement {
        Settlement {
            name: name.to_string(),
            latitude: lat,
            longitude: lon,
            ..Settlement::default()
        }
    }

    #[test]
    fn a_village_in_burkina_gets_its_country_and_units_from_the_point() {
        let g = bundled_gazetteer();
        let place = g
            .settle(village("Tiongo", 13.1, -1.1), ImportKind::Table, "v.csv")
            .unwrap();
        assert_eq!(place.country_code, "BF");
        let loc = g.location(&place, crate::model::GeoPrecision::Exact);
        assert_eq!(loc.admin1, "Centre-Nord");
        assert_eq!(loc.admin2, "Sanmatenga");
        assert_eq!(place.feature_code, "PPL");
        assert_eq!(
            place.origin,
            PlaceOrigin::Imported {
                source: "v.csv".into()
            }
        );
        assert!(crate::gazetteer::is_imported_id(place.geonameid));
    }

    #[test]
    fn a_region_named_in_the_list_is_matched_to_its_geonames_code() {
        let g = bundled_gazetteer();
        let mut s = village("Sari", 14.5, -4.2);
        s.admin1 = Some("Mopti".into());
        s.country = Some("MLI".into());
        let place = g.settle(s, ImportKind::Table, "t").unwrap();
        assert_eq!(place.country_code, "ML");
        assert_eq!(g.admin1_name("ML", &place.admin1_code), Some("Mopti"));
        // A pcode names no GeoNames unit: the point decides.
        let mut s = village("Sari", 14.5, -4.2);
        s.admin1 = Some("ML05".into());
        let place = g.settle(s, ImportKind::Table, "t").unwrap();
        assert_eq!(g.admin1_name("ML", &place.admin1_code), Some("Mopti"));
    }

    #[test]
    fn rows_that_cannot_be_places_say_why() {
        let g = bundled_gazetteer();
        let settle = |s| g.settle(s, ImportKind::Table, "t").unwrap_err();
        assert_eq!(settle(village("  ", 13.1, -1.1)), SkipReason::NoName);
        assert_eq!(settle(village("X", 91.0, -1.1)), SkipReason::OffTheGlobe);
        assert_eq!(settle(village("X", 13.0, 181.0)), SkipReason::OffTheGlobe);
        assert_eq!(settle(village("X", f64::NAN, 1.0)), SkipReason::NoPoint);
        // The open sea: no outline, and the list names no country.
        assert_eq!(settle(village("X", 2.0, 2.0)), SkipReason::NoCountry);
        let mut at_sea = village("X", 2.0, 2.0);
        at_sea.country = Some("TG".into());
        assert_eq!(
            g.settle(at_sea, ImportKind::Table, "t")
                .unwrap()
                .country_code,
            "TG"
        );
    }

    #[test]
    fn alternate_names_lose_commas_duplicates_and_the_name_itself() {
        let g = bundled_gazetteer();
        let mut s = village("Boulkessi", 14.6, -1.3);
        s.alternate_names = vec![
            "Boulkessi".into(),
            "Boulkési, Mali".into(),
            "Boulkési Mali".into(),
        ];
        s.country = Some("ML".into());
        let place = g.settle(s, ImportKind::Table, "t").unwrap();
        assert_eq!(place.alternate_names, ["Boulkési Mali"]);
    }

    #[test]
    fn the_skip_summary_counts_and_quotes_rows() {
        let mut skipped = Skipped::default();
        for row in [4, 9, 12, 30] {
            skipped.add(SkipReason::NoName, row);
        }
        skipped.add(SkipReason::OffTheGlobe, 7);
        assert_eq!(skipped.total(), 5);
        let read = ImportedPlaces {
            places: Vec::new(),
            skipped: skipped.clone(),
            source: "v.csv".into(),
        };
        assert!(
            read.summary("v.csv")
                .starts_with("0 places imported from v.csv, 5 rows skipped: 4 without"),
            "{}",
            read.summary("v.csv")
        );
        assert_eq!(
            skipped.to_string(),
            "4 without a name (rows 4, 9, 12, ...), \
             1 with a point outside -90..90 / -180..180 (row 7)"
        );
        assert_eq!(country_code("Burkina Faso").as_deref(), Some("BF"));
        assert_eq!(country_code("ner").as_deref(), Some("NE"));
        assert_eq!(country_code("tg").as_deref(), Some("TG"));
    }
}
