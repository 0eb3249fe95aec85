//! ACLED writes a country as its numeric ISO 3166-1 code (`iso`, Burkina
//! Faso is 854) while the model keeps the alpha-2 code (`BF`). This table maps
//! both ways for the countries an analyst of the Sahel and its coastal
//! neighbours meets, with each country's bounding box so that a point lying
//! outside its own country (latitude and longitude swapped, most often) is
//! refused at the door instead of landing in the ocean on the map.

/// One country as the importer and the CSV export need it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Country {
    pub numeric: u16,
    pub alpha2: &'static str,
    pub name: &'static str,
    /// ACLED's `region` column for the country.
    pub region: &'static str,
    /// West, south, east, north in degrees (generous: mainland plus islands).
    pub bbox: [f64; 4],
}

const fn c(
    numeric: u16,
    alpha2: &'static str,
    name: &'static str,
    region: &'static str,
    bbox: [f64; 4],
) -> Country {
    Country {
        numeric,
        alpha2,
        name,
        region,
        bbox,
    }
}

const WEST: &str = "Western Africa";
const MIDDLE: &str = "Middle Africa";
const NORTH: &str = "Northern Africa";
const EAST: &str = "Eastern Africa";

/// The countries known to the importer.
pub const COUNTRIES: &[Country] = &[
    c(854, "BF", "Burkina Faso", WEST, [-5.52, 9.40, 2.41, 15.08]),
    c(466, "ML", "Mali", WEST, [-12.24, 10.16, 4.27, 25.00]),
    c(562, "NE", "Niger", WEST, [0.17, 11.69, 15.99, 23.52]),
    c(768, "TG", "Togo", WEST, [-0.15, 6.10, 1.81, 11.14]),
    c(204, "BJ", "Benin", WEST, [0.77, 6.14, 3.85, 12.41]),
    c(288, "GH", "Ghana", WEST, [-3.26, 4.74, 1.20, 11.17]),
    c(384, "CI", "Ivory Coast", WEST, [-8.60, 4.34, -2.49, 10.74]),
    c(566, "NG", "Nigeria", WEST, [2.67, 4.27, 14.68, 13.89]),
    c(478, "MR", "Mauritania", WEST, [-17.07, 14.72, -4.83, 27.30]),
    c(686, "SN", "Senegal", WEST, [-17.54, 12.31, -11.36, 16.69]),
    c(270, "GM", "Gambia", WEST, [-16.82, 13.06, -13.80, 13.83]),
    c(324, "GN", "Guinea", WEST, [-15.08, 7.19, -7.64, 12.68]),
    c(
        624,
        "GW",
        "Guinea-Bissau",
        WEST,
        [-16.72, 10.86, -13.64, 12.69],
    ),
    c(
        694,
        "SL",
        "Sierra Leone",
        WEST,
        [-13.30, 6.93, -10.27, 10.00],
    ),
    c(430, "LR", "Liberia", WEST, [-11.49, 4.35, -7.37, 8.55]),
    c(148, "TD", "Chad", MIDDLE, [13.47, 7.44, 24.00, 23.45]),
    c(120, "CM", "Cameroon", MIDDLE, [8.49, 1.65, 16.19, 13.08]),
    c(
        140,
        "CF",
        "Central African Republic",
        MIDDLE,
        [14.42, 2.22, 27.46, 11.01],
    ),
    c(12, "DZ", "Algeria", NORTH, [-8.67, 18.96, 11.98, 37.09]),
    c(434, "LY", "Libya", NORTH, [9.39, 19.50, 25.15, 33.17]),
    c(504, "MA", "Morocco", NORTH, [-17.10, 20.77, -1.01, 35.92]),
    c(729, "SD", "Sudan", NORTH, [21.81, 8.68, 38.58, 22.23]),
    c(231, "ET", "Ethiopia", EAST, [32.99, 3.40, 47.99, 14.89]),
];

/// Half a degree of slack around each box: borders are not straight lines
/// and ACLED's points for border towns sit on either side of them.
const SLACK: f64 = 0.5;

/// The country with this numeric code (`854`, also `"0854"`).
pub fn by_numeric(code: &str) -> Option<&'static Country> {
    let n: u16 = code.trim().parse().ok()?;
    COUNTRIES.iter().find(|c| c.numeric == n)
}

/// The country with this alpha-2 code (case-insensitive).
pub fn by_alpha2(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    COUNTRIES
        .iter()
        .find(|c| c.alpha2.eq_ignore_ascii_case(code))
}

/// The country with this name as ACLED writes it (case-insensitive);
/// "Cote d'Ivoire" in its accented and plain spellings is Ivory Coast.
pub fn by_name(name: &str) -> Option<&'static Country> {
    let name = name.trim();
    let lower = name.to_lowercase();
    if lower == "côte d'ivoire" || lower == "cote d'ivoire" || lower == "cote divoire" {
        return by_alpha2("CI");
    }
    COUNTRIES.iter().find(|c| c.name.eq_ignore_ascii_case(name))
}

impl Country {
    /// Whether the point (with some slack) lies in the country's box.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        let [w, s, e, n] = self.bbox;
        w - SLACK <= lon && lon <= e + SLACK && s - SLACK <= lat && lat <= n + SLACK
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn numeric_and_alpha2_codes_map_both_ways() {
        for (numeric, alpha2) in [
            ("854", "BF"),
            ("466", "ML"),
            ("562", "NE"),
            ("768", "TG"),
            ("204", "BJ"),
            ("288", "GH"),
            ("384", "CI"),
            ("566", "NG"),
        ] {
            assert_eq!(by_numeric(numeric).unwrap().alpha2, alpha2);
            assert_eq!(by_alpha2(alpha2).unwrap().numeric.to_string(), numeric);
        }
        assert_eq!(by_numeric("012").unwrap().alpha2, "DZ");
        assert!(by_numeric("999").is_none());
        assert!(by_numeric("BF").is_none());
    }

    #[test]
    fn every_code_appears_once() {
        for (i, a) in COUNTRIES.iter().enumerate() {
            for b in &COUNTRIES[i + 1..] {
                assert_ne!(a.numeric, b.numeric);
                assert_ne!(a.alpha2, b.alpha2);
            }
        }
    }

    #[test]
    fn djibo_is_in_burkina_faso_but_its_swapped_point_is_not() {
        let bf = by_alpha2("bf").unwrap();
        assert!(bf.contains(-1.63, 14.10));
        assert!(!bf.contains(14.10, -1.63));
    }

    #[test]
    fn cote_d_ivoire_is_found_under_its_french_name() {
        assert_eq!(by_name("Côte d'Ivoire").unwrap().alpha2, "CI");
        assert_eq!(by_name("burkina faso").unwrap().numeric, 854);
    }
}
