//! Which country a point lies in, from the world-atlas country outlines the
//! basemap also draws (1:50m, so borders are a few kilometres coarse).
//!
//! The admin-1 outlines in `boundary.rs` cover five countries in detail;
//! this covers every country coarsely, so that a point typed or imported
//! for one country that lies in another is caught wherever it lies.

use std::sync::OnceLock;

use crate::basemap::{COUNTRIES_TOPOJSON, decode_topojson};
use crate::model::BBox;

use super::country::find_country;

/// One country's outline: rings of `[lon, lat]`, outer rings and holes
/// together (the even-odd rule tells inside from outside either way).
struct CountryOutline {
    name: String,
    /// ISO 3166-1 alpha-2, when the country table knows the name.
    code: Option<&'static str>,
    bbox: BBox,
    rings: Vec<Vec<[f64; 2]>>,
}

impl CountryOutline {
    fn contains(&self, lat: f64, lon: f64) -> bool {
        let b = &self.bbox;
        if !(b.west <= lon && lon <= b.east && b.south <= lat && lat <= b.north) {
            return false;
        }
        let mut inside = false;
        for ring in &self.rings {
            for pair in ring.windows(2) {
                let ([x1, y1], [x2, y2]) = (pair[0], pair[1]);
                if (y1 > lat) != (y2 > lat) && lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1 {
                    inside = !inside;
                }
            }
        }
        inside
    }
}

/// The whole world: a point anywhere may be checked.
const WORLD: BBox = BBox {
    west: -180.0,
    south: -90.0,
    east: 180.0,
    north: 90.0,
};

fn outlines() -> &'static [CountryOutline] {
    static OUTLINES: OnceLock<Vec<CountryOutline>> = OnceLock::new();
    OUTLINES.get_or_init(|| {
        let (file, text) = COUNTRIES_TOPOJSON;
        // The bundled file is checked by a test; were it unreadable, points
        // would go unchecked rather than be refused.
        decode_topojson(file, text, "countries", &WORLD)
            .unwrap_or_default()
            .into_iter()
            .map(|o| CountryOutline {
                code: find_country(&o.name),
                name: o.name,
                bbox: o.bbox,
                rings: o.rings,
            })
            .collect()
    })
}

/// The country a point lies in: its name as the outline file writes it, and
/// its code when known. `None` at sea (or on an island too small to draw).
pub fn country_at(lat: f64, lon: f64) -> Option<(&'static str, Option<&'static str>)> {
    outlines()
        .iter()
        .find(|c| c.contains(lat, lon))
        .map(|c| (c.name.as_str(), c.code))
}

/// How far around a point the country must stay the same before the point
/// is said to lie in another country than stated: 0.05° is about 5.5 km,
/// more than the error of a 1:50m border.
const BORDER_SLACK: f64 = 0.05;

/// When a point stated to be in `country_code` lies clearly in another
/// country (it and the points `BORDER_SLACK` around it all do), that
/// country's name. A point near a border, at sea, or in the stated country
/// gives `None`.
pub fn clearly_elsewhere(lat: f64, lon: f64, country_code: &str) -> Option<&'static str> {
    let stated = |c: &CountryOutline| c.code.is_some_and(|k| k.eq_ignore_ascii_case(country_code));
    let all = outlines();
    // Most points lie where they say: one test settles them.
    if all.iter().any(|c| stated(c) && c.contains(lat, lon)) {
        return None;
    }
    let other = all.iter().find(|c| c.contains(lat, lon))?;
    let d = BORDER_SLACK;
    let around = [
        (lat + d, lon),
        (lat - d, lon),
        (lat, lon + d),
        (lat, lon - d),
    ];
    around
        .iter()
        .all(|&(la, lo)| other.contains(la, lo))
        .then_some(other.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn towns_lie_in_their_countries() {
        assert_eq!(country_at(14.10, -1.63).map(|c| c.1), Some(Some("BF"))); // Djibo
        assert_eq!(country_at(14.49, -4.20).map(|c| c.1), Some(Some("ML"))); // Mopti
        assert_eq!(country_at(13.51, 2.11).map(|c| c.1), Some(Some("NE"))); // Niamey
        assert_eq!(country_at(48.85, 2.35).map(|c| c.0), Some("France"));
        assert_eq!(country_at(0.0, -20.0), None); // the Atlantic
    }

    #[test]
    fn a_point_in_another_country_is_named_but_not_one_on_the_border() {
        assert_eq!(clearly_elsewhere(14.49, -4.20, "BF"), Some("Mali"));
        assert_eq!(clearly_elsewhere(48.85, 2.35, "BF"), Some("France"));
        assert_eq!(clearly_elsewhere(14.10, -1.63, "BF"), None);
        assert_eq!(clearly_elsewhere(0.0, -20.0, "BF"), None);
        // Within a few kilometres of the Burkina-Niger border, on the Niger
        // side: the coarse outline cannot tell, so nothing is said.
        let (lat, lon) = (12.71, 0.97);
        assert_eq!(clearly_elsewhere(lat, lon + 0.02, "BF"), None);
    }
}
