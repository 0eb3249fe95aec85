//! One named area as closed lon/lat rings, with its bounding box.

use crate::model::BBox;

/// A named area (a country or an admin-1 unit) as closed rings of `[lon, lat]`.
///
/// Outer rings and holes are kept together: the map draws them as lines, so
/// it never needs to know which is which.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    pub name: String,
    pub rings: Vec<Vec<[f64; 2]>>,
    pub bbox: BBox,
}

impl Outline {
    /// Builds an outline whose bbox covers every ring; `None` when there are no points.
    pub fn new(name: String, rings: Vec<Vec<[f64; 2]>>) -> Option<Outline> {
        let bbox = rings_bbox(&rings)?;
        Some(Outline { name, rings, bbox })
    }
}

/// The smallest box holding every point of `rings`, or `None` if there are no points.
pub(crate) fn rings_bbox(rings: &[Vec<[f64; 2]>]) -> Option<BBox> {
    let mut points = rings.iter().flatten();
    let first = points.next()?;
    let start = BBox {
        west: first[0],
        south: first[1],
        east: first[0],
        north: first[1],
    };
    Some(points.fold(start, |b, p| BBox {
        west: b.west.min(p[0]),
        south: b.south.min(p[1]),
        east: b.east.max(p[0]),
        north: b.north.max(p[1]),
    }))
}

/// Whether two boxes share at least one point.
pub(crate) fn intersects(a: &BBox, b: &BBox) -> bool {
    a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bbox_covers_every_ring() {
        let outline = Outline::new(
            "square and dot".into(),
            vec![
                vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]],
                vec![[-2.0, 5.0]],
            ],
        );
        let bbox = outline.map(|o| o.bbox);
        assert_eq!(
            bbox,
            Some(BBox {
                west: -2.0,
                south: 0.0,
                east: 1.0,
                north: 5.0
            })
        );
    }

    #[test]
    fn an_outline_without_points_is_refused() {
        assert_eq!(Outline::new("empty".into(), vec![vec![]]), None);
    }

    #[test]
    fn boxes_touching_at_an_edge_intersect_and_apart_do_not() {
        let a = BBox {
            west: 0.0,
            south: 0.0,
            east: 1.0,
            north: 1.0,
        };
        let b = BBox {
            west: 1.0,
            south: 0.5,
            east: 2.0,
            north: 2.0,
        };
        let c = BBox {
            west: 1.5,
            south: 0.0,
            east: 2.0,
            north: 1.0,
        };
        assert!(intersects(&a, &b));
        assert!(!intersects(&a, &c));
    }
}
