//! Towns worth a label on the basemap, taken from the gazetteer.

use crate::model::Place;

/// A labelled point: `rank` 0 is a capital, 1 an admin-1 seat, 2 an admin-2 seat.
///
/// The map shows lower ranks first and adds higher ranks as it zooms in.
#[derive(Debug, Clone, PartialEq)]
pub struct Town {
    pub name: String,
    pub lon: f64,
    pub lat: f64,
    pub rank: u8,
}

/// The rank a GeoNames feature code earns on the basemap, or `None` if the
/// place is not a seat of government (villages would drown the map).
fn rank(feature_code: &str) -> Option<u8> {
    match feature_code {
        "PPLC" => Some(0),
        "PPLA" => Some(1),
        "PPLA2" => Some(2),
        _ => None,
    }
}

/// The capitals and admin seats among `places`, capitals first, then by name
/// so the label order is stable from run to run.
pub fn towns_from_places<'a>(places: impl IntoIterator<Item = &'a Place>) -> Vec<Town> {
    let mut towns: Vec<Town> = places
        .into_iter()
        .filter_map(|p| {
            rank(&p.feature_code).map(|rank| Town {
                name: p.name.clone(),
                lon: p.longitude,
                lat: p.latitude,
                rank,
            })
        })
        .collect();
    towns.sort_by(|a, b| a.rank.cmp(&b.rank).then_with(|| a.name.cmp(&b.name)));
    towns
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PlaceOrigin;

    fn place(name: &str, code: &str) -> Place {
        Place {
            geonameid: 1,
            name: name.into(),
            ascii_name: name.into(),
            alternate_names: vec![],
            latitude: 12.0,
            longitude: -1.5,
            feature_class: "P".into(),
            feature_code: code.into(),
            country_code: "BF".into(),
            admin1_code: "01".into(),
            admin2_code: String::new(),
            population: 0,
            origin: PlaceOrigin::GeoNames,
        }
    }

    #[test]
    fn only_capitals_and_admin_seats_become_towns_ranked_by_importance() {
        let places = [
            place("Djibo", "PPLA2"),
            place("Kaya", "PPLA"),
            place("Ouagadougou", "PPLC"),
            place("Arbinda", "PPL"),
            place("Dori", "PPLA"),
        ];
        let towns = towns_from_places(&places);
        let names: Vec<(&str, u8)> = towns.iter().map(|t| (t.name.as_str(), t.rank)).collect();
        assert_eq!(
            names,
            vec![("Ouagadougou", 0), ("Dori", 1), ("Kaya", 1), ("Djibo", 2)]
        );
    }
}
