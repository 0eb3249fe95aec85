//! "Fit to shown": the centre and zoom at which a set of points fills the
//! map, on the unit Web Mercator square so it needs no projector.

use super::mercator::lon_lat_of;

/// Where to look: the centre as (lon, lat) and the zoom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub lon: f64,
    pub lat: f64,
    pub zoom: f64,
}

/// The view that shows every point of `points` (unit Mercator) inside a map
/// of `size` points, `margin` points clear of each edge. One point, or points
/// very close together, get `max_zoom` (a province or a town around them,
/// not a single street). `None` when there are no points.
pub fn fit(
    points: impl IntoIterator<Item = [f64; 2]>,
    size: [f32; 2],
    margin: f32,
    zoom_range: (f64, f64),
) -> Option<Fit> {
    let mut points = points.into_iter();
    let first = points.next()?;
    let (mut min, mut max) = (first, first);
    for p in points {
        min = [min[0].min(p[0]), min[1].min(p[1])];
        max = [max[0].max(p[0]), max[1].max(p[1])];
    }
    let room = |side: f32| f64::from((side - 2.0 * margin).max(1.0));
    let across = max[0] - min[0];
    let down = max[1] - min[1];
    // The scale (screen points per unit square) at which each extent fits;
    // an empty extent fits at any scale.
    let scale = |extent: f64, side: f32| {
        if extent > 0.0 {
            room(side) / extent
        } else {
            f64::INFINITY
        }
    };
    let world = scale(across, size[0]).min(scale(down, size[1]));
    // The world is 256 points wide at zoom 0 and doubles each level.
    let zoom = (world / 256.0).log2().clamp(zoom_range.0, zoom_range.1);
    let (lon, lat) = lon_lat_of([(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0]);
    Some(Fit { lon, lat, zoom })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::mercator;

    const ZOOMS: (f64, f64) = (2.0, 10.0);

    #[test]
    fn nothing_shown_has_no_fit() {
        assert_eq!(fit([], [800.0, 600.0], 40.0, ZOOMS), None);
    }

    #[test]
    fn one_incident_is_centred_at_the_highest_sensible_zoom() {
        let djibo = mercator(-1.63, 14.10);
        let fit = fit([djibo], [800.0, 600.0], 40.0, ZOOMS).unwrap();
        assert!((fit.lon + 1.63).abs() < 1e-9 && (fit.lat - 14.10).abs() < 1e-9);
        assert_eq!(fit.zoom, 10.0);
    }

    #[test]
    fn several_incidents_all_fit_inside_the_margins() {
        let points = [
            mercator(-1.63, 14.10),
            mercator(1.08, 13.01),
            mercator(0.35, 12.06),
        ];
        let size = [800.0, 600.0];
        let fit = fit(points, size, 40.0, ZOOMS).unwrap();
        assert!(fit.zoom > 6.0 && fit.zoom < 10.0, "{fit:?}");
        // Every point lies inside the margins at that zoom, and the widest
        // pair just touches them.
        let world = 256.0 * 2f64.powf(fit.zoom);
        let centre = mercator(fit.lon, fit.lat);
        let offsets: Vec<[f64; 2]> = points
            .iter()
            .map(|p| [(p[0] - centre[0]) * world, (p[1] - centre[1]) * world])
            .collect();
        for [x, y] in &offsets {
            assert!(
                x.abs() <= 360.0 + 1e-6 && y.abs() <= 260.0 + 1e-6,
                "{x} {y}"
            );
        }
        let widest = offsets.iter().map(|o| o[1].abs()).fold(0.0, f64::max);
        let tallest = offsets.iter().map(|o| o[0].abs()).fold(0.0, f64::max);
        assert!((widest - 260.0).abs() < 1e-6 || (tallest - 360.0).abs() < 1e-6);
    }
}
