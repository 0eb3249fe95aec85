//! How a marker looks, decided from the data alone: its size from the death
//! toll, its fill from how precisely the place is known.

use crate::model::GeoPrecision;

/// The radius (points) of an incident with no deaths or no figure.
pub const MIN_RADIUS: f32 = 5.0;
/// No marker grows beyond this, so a massacre does not hide a province.
pub const MAX_RADIUS: f32 = 16.0;
const GROWTH: f32 = 1.2;

/// A marker's radius: grows with the square root of the deaths (area in
/// proportion to the toll), capped at `MAX_RADIUS`.
pub fn radius(fatalities: Option<u32>) -> f32 {
    let deaths = fatalities.unwrap_or(0) as f32;
    (MIN_RADIUS + GROWTH * deaths.sqrt()).min(MAX_RADIUS)
}

/// The fill of a marker, which says how far to trust its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerStyle {
    /// Geo precision 1: the place itself.
    Filled,
    /// Geo precision 2: near the place; filled with an outer ring.
    FilledWithRing,
    /// Geo precision 3: only the region; a hollow ring.
    Ring,
}

impl From<GeoPrecision> for MarkerStyle {
    fn from(p: GeoPrecision) -> MarkerStyle {
        match p {
            GeoPrecision::Exact => MarkerStyle::Filled,
            GeoPrecision::Near => MarkerStyle::FilledWithRing,
            GeoPrecision::Region => MarkerStyle::Ring,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_grow_with_the_square_root_of_deaths_up_to_a_cap() {
        assert_eq!(radius(None), MIN_RADIUS);
        assert_eq!(radius(Some(0)), MIN_RADIUS);
        let four = radius(Some(4)) - MIN_RADIUS;
        let sixteen = radius(Some(16)) - MIN_RADIUS;
        assert!((sixteen - 2.0 * four).abs() < 1e-4, "{four} {sixteen}");
        assert_eq!(radius(Some(10_000)), MAX_RADIUS);
    }

    #[test]
    fn each_geo_precision_has_its_own_style() {
        assert_eq!(MarkerStyle::from(GeoPrecision::Exact), MarkerStyle::Filled);
        assert_eq!(
            MarkerStyle::from(GeoPrecision::Near),
            MarkerStyle::FilledWithRing
        );
        assert_eq!(MarkerStyle::from(GeoPrecision::Region), MarkerStyle::Ring);
    }
}
