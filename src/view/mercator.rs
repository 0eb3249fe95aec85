//! Web Mercator as walkers draws it, without egui: each incident's point is
//! projected to the unit square once when loaded; a frame then only scales
//! and shifts it onto the screen (two multiply-adds per marker).

/// A lon/lat point on the unit Web Mercator square, (0, 0) at the north-west.
pub fn mercator(lon: f64, lat: f64) -> [f64; 2] {
    use std::f64::consts::PI;
    let x = (1.0 + lon.to_radians() / PI) / 2.0;
    let y = (1.0 - lat.to_radians().tan().asinh() / PI) / 2.0;
    [x, y]
}

/// The lon/lat of a point on the unit Web Mercator square: `mercator` undone.
pub fn lon_lat_of(point: [f64; 2]) -> (f64, f64) {
    use std::f64::consts::PI;
    let lon = (2.0 * point[0] - 1.0) * 180.0;
    let lat = (PI * (1.0 - 2.0 * point[1])).sinh().atan().to_degrees();
    (lon, lat)
}

/// Where the unit square lies on the screen this frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// The screen position of the unit square's (0, 0) corner.
    pub origin: [f64; 2],
    /// The width of the whole world in screen points (256 × 2^zoom).
    pub world: f64,
    /// The visible screen area: left, top, right, bottom.
    pub rect: [f32; 4],
}

impl Viewport {
    /// The screen position of a unit-square point.
    pub fn project(&self, point: [f64; 2]) -> [f32; 2] {
        [
            (self.origin[0] + point[0] * self.world) as f32,
            (self.origin[1] + point[1] * self.world) as f32,
        ]
    }

    /// True when `pos` is on screen or within `margin` of it.
    pub fn shows(&self, pos: [f32; 2], margin: f32) -> bool {
        let [left, top, right, bottom] = self.rect;
        left - margin <= pos[0]
            && pos[0] <= right + margin
            && top - margin <= pos[1]
            && pos[1] <= bottom + margin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_equator_and_greenwich_meet_in_the_middle_and_north_is_up() {
        let [x, y] = mercator(0.0, 0.0);
        assert!((x - 0.5).abs() < 1e-12 && (y - 0.5).abs() < 1e-12);
        let ouaga = mercator(-1.53, 12.37);
        let djibo = mercator(-1.63, 14.10);
        assert!(djibo[1] < ouaga[1], "Djibo lies north of Ouagadougou");
        assert!(djibo[0] < ouaga[0], "and a little west");
    }

    #[test]
    fn lon_lat_of_undoes_mercator() {
        for (lon, lat) in [(-1.63, 14.10), (0.35, 12.06), (120.0, -45.0)] {
            let (back_lon, back_lat) = lon_lat_of(mercator(lon, lat));
            assert!((back_lon - lon).abs() < 1e-9 && (back_lat - lat).abs() < 1e-9);
        }
    }

    #[test]
    fn a_viewport_scales_then_shifts() {
        let viewport = Viewport {
            origin: [-100.0, -50.0],
            world: 1000.0,
            rect: [0.0, 0.0, 800.0, 600.0],
        };
        assert_eq!(viewport.project([0.5, 0.25]), [400.0, 200.0]);
        assert!(viewport.shows([400.0, 200.0], 0.0));
        assert!(!viewport.shows([810.0, 200.0], 5.0));
        assert!(viewport.shows([810.0, 200.0], 20.0));
    }
}
