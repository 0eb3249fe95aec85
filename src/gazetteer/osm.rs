//! Settlements from an OpenStreetMap `.osm.pbf` extract (a Geofabrik
//! country file, say), for the villages GeoNames lacks.
//!
//! We read nodes tagged `place=city|town|village|hamlet`, and `suburb` (a
//! quarter of a town, which reports name: "the Sector 4 of Djibo"), coded
//! `PPLX`. `locality`, `isolated_dwelling` and `farm` are left out: in OSM a
//! locality is a named spot where nobody need live, and would crowd the
//! namesakes of real villages. Places drawn as areas (ways, relations) are
//! left out too: in the Sahel nearly every settlement is a node, and an area
//! would need its outline resolved to a point.
//!
//! The file is streamed block by block (`osmpbf`); only the matching nodes
//! are kept, so a country extract of hundreds of megabytes reads in flat
//! memory.

use std::io::Read;

use osmpbf::{Element, ElementReader};

use super::gazetteer::Gazetteer;
use super::import_error::PlaceImportError;
use super::import_id::ImportKind;
use super::imported::{ImportedPlaces, Settlement, Skipped};

/// Tags holding other names of the place, each possibly `;`-separated.
const OTHER_NAME_TAGS: &[&str] = &[
    "alt_name",
    "old_name",
    "official_name",
    "short_name",
    "loc_name",
    "int_name",
];

/// Population from which a `place=city` counts as a regional city (`PPLA`)
/// when the node does not say it is a capital.
const REGIONAL_CITY: i64 = 100_000;

/// The GeoNames feature code for an OSM `place` value, or `None` for kinds
/// we do not import. `capital` is OSM's admin level of what the place is the
/// capital of (`yes`/`2` a country, `4` a region, `6` a province).
pub fn feature_code(place: &str, capital: Option<&str>, population: i64) -> Option<&'static str> {
    let code = match (place, capital) {
        ("city" | "town" | "village" | "hamlet", Some("yes" | "2")) => "PPLC",
        ("city" | "town" | "village" | "hamlet", Some("4")) => "PPLA",
        ("city" | "town" | "village" | "hamlet", Some("6")) => "PPLA2",
        ("city", _) if population >= REGIONAL_CITY => "PPLA",
        ("city" | "town" | "village" | "hamlet", _) => "PPL",
        ("suburb", _) => "PPLX",
        _ => return None,
    };
    Some(code)
}

/// OSM's `population` tag as a number: "12000", "12 000" and "12,000" all
/// read as 12000; anything else ("~5000", "unknown") as 0.
fn population(tag: &str) -> i64 {
    let digits: String = tag
        .chars()
        .filter(|c| !matches!(c, ' ' | ',' | '.' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    digits.parse().unwrap_or(0)
}

/// One node's tags made into a settlement, or `None` when it is not a place
/// we import (most nodes). The name may be empty: the caller counts that.
fn settlement(
    id: i64,
    lat: f64,
    lon: f64,
    tags: &mut dyn Iterator<Item = (&str, &str)>,
) -> Option<Settlement> {
    let mut place = None;
    let mut capital = None;
    let mut pop = 0;
    let mut name = String::new();
    let mut country = None;
    let mut alternate_names = Vec::new();
    for (key, value) in tags {
        match key {
            "place" => place = Some(value),
            "capital" => capital = Some(value),
            "population" => pop = population(value),
            "name" => name = value.trim().to_string(),
            "is_in:country_code" => country = Some(value.to_string()),
            // A node's address country is a weaker word than is_in's.
            "addr:country" if country.is_none() => country = Some(value.to_string()),
            _ if key.starts_with("name:") || OTHER_NAME_TAGS.contains(&key) => {
                alternate_names.extend(
                    value
                        .split(';')
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(str::to_string),
                );
            }
            _ => {}
        }
    }
    let code = feature_code(place?, capital, pop)?;
    Some(Settlement {
        key: Some(format!("node/{id}")),
        name,
        alternate_names,
        latitude: lat,
        longitude: lon,
        country,
        population: pop,
        feature_code: code.to_string(),
        ..Settlement::default()
    })
}

impl Gazetteer {
    /// Reads the populated places of an OSM PBF stream. `file` names it in
    /// errors; `source` is what each place's origin will say; `country` is
    /// used for nodes neither tagged with a country nor inside a bundled
    /// outline.
    pub fn read_osm_places(
        &self,
        reader: impl Read + Send,
        file: &str,
        source: &str,
        country: Option<&str>,
    ) -> Result<ImportedPlaces, PlaceImportError> {
        let mut places = Vec::new();
        let mut skipped = Skipped::nodes();
        let mut take = |s: Option<Settlement>, id: i64| {
            let Some(mut s) = s else { return };
            if s.country.is_none() {
                s.fallback_country = country.map(str::to_string);
            }
            match self.settle(s, ImportKind::Osm, source) {
                Ok(place) => places.push(place),
                // OSM ids are positive; the count is what matters anyway.
                Err(reason) => skipped.add(reason, id.unsigned_abs()),
            }
        };
        ElementReader::new(reader)
            .for_each(|element| match element {
                Element::Node(n) => {
                    take(settlement(n.id(), n.lat(), n.lon(), &mut n.tags()), n.id())
                }
                Element::DenseNode(n) => {
                    take(settlement(n.id(), n.lat(), n.lon(), &mut n.tags()), n.id())
                }
                Element::Way(_) | Element::Relation(_) => {}
            })
            .map_err(|source| PlaceImportError::Pbf {
                file: file.to_string(),
                source,
            })?;
        ImportedPlaces::or_nothing_valid(
            places,
            skipped,
            file,
            source,
            "no node tagged place=city, town, village, hamlet or suburb",
            "place node",
        )
    }
}

#[cfg(test)]
#[path = "../../tests/integration/pbf_writer.rs"]
mod pbf_writer;

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::pbf_writer::{TestNode, pbf_file};
    use super::*;
    use crate::gazetteer::gazetteer::tests::bundled_gazetteer;
    use crate::gazetteer::imported::SkipReason;
    use crate::model::PlaceOrigin;

    fn node(id: i64, lat: f64, lon: f64, tags: &[(&str, &str)]) -> TestNode {
        TestNode {
            id,
            lat,
            lon,
            tags: tags
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    fn sample() -> Vec<TestNode> {
        vec![
            node(
                101,
                14.4936,
                -4.1964,
                &[
                    ("place", "village"),
                    ("name", "Boulkessi"),
                    ("name:fr", "Boulkéssi"),
                    ("alt_name", "Boulkesi;Boulkessy"),
                    ("population", "2 500"),
                ],
            ),
            node(102, 13.1, -1.1, &[("place", "hamlet"), ("name", "Tiongo")]),
            node(103, 13.2, -1.2, &[("amenity", "school"), ("name", "École")]),
            node(104, 13.3, -1.3, &[("place", "village")]),
            node(
                105,
                12.37,
                -1.53,
                &[
                    ("place", "city"),
                    ("name", "Ouagadougou"),
                    ("capital", "yes"),
                    ("population", "2,415,266"),
                ],
            ),
        ]
    }

    #[test]
    fn place_nodes_become_places_with_their_other_names_dense_or_plain() {
        let g = bundled_gazetteer();
        for dense in [true, false] {
            let bytes = pbf_file(&sample(), dense);
            let read = g
                .read_osm_places(&bytes[..], "bf.osm.pbf", "OpenStreetMap (bf.osm.pbf)", None)
                .unwrap();
            let names: Vec<&str> = read.places.iter().map(|p| p.name.as_str()).collect();
            assert_eq!(
                names,
                ["Boulkessi", "Tiongo", "Ouagadougou"],
                "dense {dense}"
            );
            let b = &read.places[0];
            assert_eq!(b.alternate_names, ["Boulkéssi", "Boulkesi", "Boulkessy"]);
            assert_eq!(b.country_code, "ML", "the point is in Mali");
            assert_eq!(b.population, 2500);
            assert_eq!(b.feature_code, "PPL");
            assert!((b.latitude - 14.4936).abs() < 1e-6);
            assert_eq!(
                b.origin,
                PlaceOrigin::Imported {
                    source: "OpenStreetMap (bf.osm.pbf)".into()
                }
            );
            assert_eq!(read.places[2].feature_code, "PPLC");
            assert_eq!(read.places[2].population, 2_415_266);
            // The unnamed village is counted, the school is not a place.
            assert_eq!(read.skipped.total(), 1);
            assert_eq!(read.skipped.count(SkipReason::NoName), 1);
            assert_eq!(read.skipped.to_string(), "1 without a name (node 104)");
        }
    }

    #[test]
    fn the_same_extract_read_twice_gives_the_same_ids() {
        let g = bundled_gazetteer();
        let bytes = pbf_file(&sample(), true);
        let ids = |b: &[u8]| -> Vec<i64> {
            g.read_osm_places(b, "f", "s", None)
                .unwrap()
                .places
                .iter()
                .map(|p| p.geonameid)
                .collect()
        };
        assert_eq!(ids(&bytes), ids(&pbf_file(&sample(), false)));
    }

    #[test]
    fn a_country_tag_beats_the_point_and_the_flag_only_fills_gaps() {
        let g = bundled_gazetteer();
        let nodes = vec![
            node(1, 2.0, 2.0, &[("place", "village"), ("name", "Offshore")]),
            node(
                2,
                13.1,
                -1.1,
                &[
                    ("place", "town"),
                    ("name", "Tagged"),
                    ("is_in:country_code", "NE"),
                ],
            ),
        ];
        let bytes = pbf_file(&nodes, true);
        let read = g.read_osm_places(&bytes[..], "f", "s", Some("TG")).unwrap();
        assert_eq!(read.places[0].country_code, "TG");
        assert_eq!(read.places[1].country_code, "NE");
        let without = g.read_osm_places(&bytes[..], "f", "s", None).unwrap();
        assert_eq!(without.places.len(), 1);
        assert_eq!(without.skipped.count(SkipReason::NoCountry), 1);
    }

    #[test]
    fn feature_codes_follow_capital_and_population() {
        assert_eq!(feature_code("city", None, 150_000), Some("PPLA"));
        assert_eq!(feature_code("city", None, 50_000), Some("PPL"));
        assert_eq!(feature_code("town", Some("4"), 0), Some("PPLA"));
        assert_eq!(feature_code("hamlet", None, 0), Some("PPL"));
        assert_eq!(feature_code("suburb", None, 0), Some("PPLX"));
        assert_eq!(feature_code("locality", None, 0), None);
        assert_eq!(population("~5000"), 0);
    }

    #[test]
    fn a_file_that_is_not_pbf_or_holds_no_place_is_an_error_naming_it() {
        let g = bundled_gazetteer();
        let err = g
            .read_osm_places(&b"not a pbf file at all"[..], "x.osm.pbf", "s", None)
            .unwrap_err();
        assert!(err.to_string().starts_with("x.osm.pbf"), "{err}");
        let bytes = pbf_file(&[node(1, 13.0, -1.0, &[("amenity", "well")])], true);
        let err = g
            .read_osm_places(&bytes[..], "wells.osm.pbf", "s", None)
            .unwrap_err();
        assert!(err.to_string().contains("no node tagged place"), "{err}");
    }
}
