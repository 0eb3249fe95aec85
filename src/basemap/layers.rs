//! The three layers the map draws under the incidents, and the embedded
//! boundary files they come from.

use super::error::BasemapError;
use super::geojson::decode_geojson;
use super::outline::Outline;
use super::topojson::decode_topojson;
use super::town::Town;
use crate::model::BBox;

/// The part of the world the atlas is about. Countries outside it are not
/// kept: drawing the whole world's borders every frame would be wasted work.
pub const WEST_AFRICA: BBox = BBox {
    west: -20.0,
    south: 0.0,
    east: 25.0,
    north: 30.0,
};

/// The world-atlas country outlines (file name, text); the gazetteer's
/// country-of-a-point check reads the same file.
pub const COUNTRIES_TOPOJSON: (&str, &str) = (
    "countries-50m.json",
    include_str!("../../data/boundaries/countries-50m.json"),
);

const ADMIN1: [(&str, &str); 5] = [
    ("bfa.json", include_str!("../../data/boundaries/bfa.json")),
    ("mli.json", include_str!("../../data/boundaries/mli.json")),
    ("ner.json", include_str!("../../data/boundaries/ner.json")),
    ("tgo.json", include_str!("../../data/boundaries/tgo.json")),
    ("ben.json", include_str!("../../data/boundaries/ben.json")),
];

/// Everything the map draws beneath the incidents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Basemap {
    pub countries: Vec<Outline>,
    pub admin1: Vec<Outline>,
    pub towns: Vec<Town>,
}

impl Basemap {
    /// Decodes the embedded country and admin-1 boundaries; no towns yet
    /// (they come from the gazetteer, see [`Basemap::with_towns`]).
    pub fn bundled() -> Result<Basemap, BasemapError> {
        let (file, text) = COUNTRIES_TOPOJSON;
        let countries = decode_topojson(file, text, "countries", &WEST_AFRICA)?;
        let mut admin1 = Vec::new();
        for (file, text) in ADMIN1 {
            admin1.extend(decode_geojson(file, text)?);
        }
        Ok(Basemap {
            countries,
            admin1,
            towns: Vec::new(),
        })
    }

    /// The same basemap with `towns` to label.
    pub fn with_towns(self, towns: Vec<Town>) -> Basemap {
        Basemap { towns, ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn burkina_faso_is_decoded_where_it_belongs() {
        let basemap = Basemap::bundled().unwrap();
        let bf = basemap
            .countries
            .iter()
            .find(|c| c.name == "Burkina Faso")
            .unwrap();
        let b = bf.bbox;
        assert!((-5.7..=-5.4).contains(&b.west), "{b:?}");
        assert!((2.2..=2.5).contains(&b.east), "{b:?}");
        assert!((9.3..=9.5).contains(&b.south), "{b:?}");
        assert!((15.0..=15.2).contains(&b.north), "{b:?}");
        // Its single ring is closed: the stitching kept both ends.
        assert_eq!(bf.rings.len(), 1);
        assert_eq!(bf.rings[0].first(), bf.rings[0].last());
    }

    #[test]
    fn only_countries_near_west_africa_are_kept() {
        let basemap = Basemap::bundled().unwrap();
        let has = |name: &str| basemap.countries.iter().any(|c| c.name == name);
        assert!(has("Mali") && has("Niger") && has("Nigeria") && has("Ghana"));
        assert!(!has("Zimbabwe") && !has("Japan") && !has("Brazil"));
    }

    #[test]
    fn burkina_faso_has_45_provinces() {
        let text = ADMIN1[0].1;
        let provinces = decode_geojson("bfa.json", text).unwrap();
        assert_eq!(provinces.len(), 45);
        assert!(provinces.iter().any(|p| p.name == "Kompienga"));
    }

    #[test]
    fn all_five_admin1_files_are_bundled() {
        let basemap = Basemap::bundled().unwrap();
        assert_eq!(basemap.admin1.len(), 45 + 9 + 8 + 5 + 12);
        assert!(basemap.towns.is_empty());
    }

    #[test]
    fn towns_are_added_by_the_caller() {
        let town = Town {
            name: "Ouagadougou".into(),
            lon: -1.53,
            lat: 12.37,
            rank: 0,
        };
        let basemap = Basemap::default().with_towns(vec![town.clone()]);
        assert_eq!(basemap.towns, vec![town]);
    }
}
