//! The gazetteer that ships inside the binary, so a fresh install resolves
//! Sahel place names with no download.
//!
//! Burkina Faso's full GeoNames dump, the larger towns of its neighbours
//! (cities500), the admin code tables and the analysts' curated supplement.

use std::collections::HashSet;

use crate::model::Place;

use super::admin_code::AdminCode;
use super::error::GazetteerError;
use super::geonames::{parse_admin_codes, parse_geonames};

const BF: &str = include_str!("../../data/geonames/BF.txt");
const CITIES: &str = include_str!("../../data/geonames/cities500-west-africa.txt");
const ADMIN1: &str = include_str!("../../data/geonames/admin1CodesASCII.txt");
const ADMIN2: &str = include_str!("../../data/geonames/admin2Codes.txt");
const CURATED: &str = include_str!("../../data/gazetteer/curated.tsv");

/// Parses the embedded data. A geonameid that appears in more than one file
/// is kept once, from the first file in this order: BF.txt (the fullest
/// record), cities500, then the curated supplement.
pub fn bundled() -> Result<(Vec<Place>, Vec<AdminCode>), GazetteerError> {
    let mut places = Vec::new();
    let mut seen = HashSet::new();
    for (text, origin) in [
        (BF, "data/geonames/BF.txt"),
        (CITIES, "data/geonames/cities500-west-africa.txt"),
        (CURATED, "data/gazetteer/curated.tsv"),
    ] {
        for place in parse_geonames(text, origin)? {
            if seen.insert(place.geonameid) {
                places.push(place);
            }
        }
    }
    let mut admin_codes = parse_admin_codes(ADMIN1, "data/geonames/admin1CodesASCII.txt")?;
    admin_codes.extend(parse_admin_codes(ADMIN2, "data/geonames/admin2Codes.txt")?);
    Ok((places, admin_codes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PlaceOrigin;

    #[test]
    fn the_bundled_data_parses_without_duplicates() {
        let (places, codes) = bundled().unwrap();
        // BF.txt alone has 11,958 rows; cities500 adds the neighbours.
        assert!(places.len() > 19_000, "{}", places.len());
        let ids: HashSet<i64> = places.iter().map(|p| p.geonameid).collect();
        assert_eq!(ids.len(), places.len());
        assert!(codes.iter().any(|c| c.code == "TG.26.2597447"));
        assert!(codes.iter().any(|c| c.code == "BF.08"));
    }

    #[test]
    fn the_curated_supplement_is_included_with_negative_ids() {
        let (places, _) = bundled().unwrap();
        let curated: Vec<&Place> = places
            .iter()
            .filter(|p| matches!(p.origin, PlaceOrigin::Curated { .. }))
            .collect();
        assert!(!curated.is_empty());
        assert!(curated.iter().all(|p| p.geonameid < 0));
        let kpan = curated.iter().find(|p| p.name == "Kpankankandi").unwrap();
        assert_eq!(kpan.country_code, "TG");
        assert_eq!(
            (kpan.admin1_code.as_str(), kpan.admin2_code.as_str()),
            ("26", "2597447")
        );
        match &kpan.origin {
            PlaceOrigin::Curated { source } => assert!(source.contains("pproximate")),
            PlaceOrigin::GeoNames | PlaceOrigin::Imported { .. } => unreachable!(),
        }
    }
}
