//! Decoding world-atlas TopoJSON into outlines.
//!
//! TopoJSON stores each shared border once as an "arc"; a polygon ring is a
//! list of arc indices, a negative index `~i` meaning arc `i` walked
//! backwards. Quantized files (with a `transform`) store integer positions,
//! each one a delta from the previous point of the same arc, which is what
//! makes the 50m world file small enough to embed.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::error::BasemapError;
use super::outline::{Outline, intersects, rings_bbox};
use crate::model::BBox;

#[derive(Deserialize)]
struct Topology {
    objects: BTreeMap<String, Object>,
    arcs: Vec<Vec<Vec<f64>>>,
    transform: Option<Transform>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Object {
    #[serde(default)]
    geometries: Vec<Geometry>,
}

#[derive(Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Polygon {
        arcs: Vec<Vec<i64>>,
        #[serde(default)]
        properties: Properties,
    },
    MultiPolygon {
        arcs: Vec<Vec<Vec<i64>>>,
        #[serde(default)]
        properties: Properties,
    },
    // Points, lines and null geometries have no area to outline.
    #[serde(other)]
    Other,
}

#[derive(Deserialize, Default)]
struct Properties {
    #[serde(default)]
    name: String,
}

/// Decodes the polygons of `object` in a TopoJSON `text`, keeping only the
/// polygons whose box meets `window` (a country's far-away islands are
/// dropped, the country stays if any of its polygons is near).
///
/// `file` only names the source in errors.
pub fn decode_topojson(
    file: &str,
    text: &str,
    object: &str,
    window: &BBox,
) -> Result<Vec<Outline>, BasemapError> {
    let topology: Topology = serde_json::from_str(text).map_err(|source| BasemapError::Json {
        file: file.to_string(),
        source,
    })?;
    let arcs = decode_arcs(&topology.arcs, topology.transform.as_ref());
    let geometries = &topology
        .objects
        .get(object)
        .ok_or_else(|| BasemapError::MissingObject {
            file: file.to_string(),
            object: object.to_string(),
        })?
        .geometries;

    let mut outlines = Vec::new();
    for geometry in geometries {
        let (name, polygons): (&str, Vec<&Vec<Vec<i64>>>) = match geometry {
            Geometry::Polygon { arcs, properties } => (&properties.name, vec![arcs]),
            Geometry::MultiPolygon { arcs, properties } => {
                (&properties.name, arcs.iter().collect())
            }
            Geometry::Other => continue,
        };
        let mut rings = Vec::new();
        for polygon in polygons {
            let polygon_rings = polygon
                .iter()
                .map(|ring| stitch_ring(&arcs, ring))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|index| BasemapError::BadArc {
                    file: file.to_string(),
                    name: name.to_string(),
                    index,
                    count: arcs.len(),
                })?;
            if rings_bbox(&polygon_rings).is_some_and(|b| intersects(&b, window)) {
                rings.extend(polygon_rings);
            }
        }
        if let Some(outline) = Outline::new(name.to_string(), rings) {
            outlines.push(outline);
        }
    }
    Ok(outlines)
}

/// Turns every arc into absolute lon/lat points, undoing quantization and
/// delta encoding when the topology has a transform.
fn decode_arcs(arcs: &[Vec<Vec<f64>>], transform: Option<&Transform>) -> Vec<Vec<[f64; 2]>> {
    arcs.iter()
        .map(|arc| {
            let positions = arc.iter().filter(|p| p.len() >= 2);
            match transform {
                Some(t) => {
                    let (mut x, mut y) = (0.0, 0.0);
                    positions
                        .map(|p| {
                            x += p[0];
                            y += p[1];
                            [
                                x * t.scale[0] + t.translate[0],
                                y * t.scale[1] + t.translate[1],
                            ]
                        })
                        .collect()
                }
                None => positions.map(|p| [p[0], p[1]]).collect(),
            }
        })
        .collect()
}

/// Joins the arcs of one ring; consecutive arcs share an end point, which is
/// kept once. Returns the offending index if an arc does not exist.
fn stitch_ring(arcs: &[Vec<[f64; 2]>], indices: &[i64]) -> Result<Vec<[f64; 2]>, i64> {
    let mut ring: Vec<[f64; 2]> = Vec::new();
    for &index in indices {
        // `~i` (= -i - 1) is arc `i` reversed.
        let (position, reversed) = if index < 0 {
            (!index, true)
        } else {
            (index, false)
        };
        let arc = usize::try_from(position)
            .ok()
            .and_then(|i| arcs.get(i))
            .ok_or(index)?;
        let skip = usize::from(!ring.is_empty());
        if reversed {
            ring.extend(arc.iter().rev().skip(skip));
        } else {
            ring.extend(arc.iter().skip(skip));
        }
    }
    Ok(ring)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVERYWHERE: BBox = BBox {
        west: -180.0,
        south: -90.0,
        east: 180.0,
        north: 90.0,
    };

    /// Two unit squares side by side sharing the arc x = 1; quantized with
    /// scale 0.5 / translate (10, 20), so integer 2 is one degree.
    const TWO_SQUARES: &str = r#"{
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
        "arcs": [
            [[2, 0], [0, 2]],
            [[2, 2], [-2, 0], [0, -2], [2, 0]],
            [[2, 0], [2, 0], [0, 2], [-2, 0]]
        ],
        "objects": {"shapes": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "West"}},
            {"type": "MultiPolygon", "arcs": [[[2, -1]]], "properties": {"name": "East"}},
            {"type": "Point", "coordinates": [0, 0]}
        ]}}
    }"#;

    #[test]
    fn quantized_deltas_become_absolute_degrees() {
        let outlines = decode_topojson("test", TWO_SQUARES, "shapes", &EVERYWHERE).unwrap();
        assert_eq!(outlines.len(), 2);
        assert_eq!(outlines[0].name, "West");
        assert_eq!(
            outlines[0].rings,
            vec![vec![
                [11.0, 20.0],
                [11.0, 21.0],
                [10.0, 21.0],
                [10.0, 20.0],
                [11.0, 20.0]
            ]]
        );
    }

    #[test]
    fn a_negative_arc_index_walks_the_shared_border_backwards() {
        let outlines = decode_topojson("test", TWO_SQUARES, "shapes", &EVERYWHERE).unwrap();
        assert_eq!(outlines[1].name, "East");
        assert_eq!(
            outlines[1].rings,
            vec![vec![
                [11.0, 20.0],
                [12.0, 20.0],
                [12.0, 21.0],
                [11.0, 21.0],
                [11.0, 20.0]
            ]]
        );
        assert_eq!(
            outlines[1].bbox,
            BBox {
                west: 11.0,
                south: 20.0,
                east: 12.0,
                north: 21.0
            }
        );
    }

    #[test]
    fn polygons_outside_the_window_are_dropped() {
        let window = BBox {
            west: 11.5,
            south: 0.0,
            east: 30.0,
            north: 30.0,
        };
        let outlines = decode_topojson("test", TWO_SQUARES, "shapes", &window).unwrap();
        let names: Vec<&str> = outlines.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, vec!["East"]);
    }

    #[test]
    fn an_arc_that_does_not_exist_is_an_error_not_a_panic() {
        let text = TWO_SQUARES.replace("[[0, 1]]", "[[0, 7]]");
        let err = decode_topojson("test", &text, "shapes", &EVERYWHERE).unwrap_err();
        assert!(
            matches!(err, BasemapError::BadArc { index: 7, .. }),
            "{err}"
        );
    }

    #[test]
    fn a_missing_object_is_named_in_the_error() {
        let err = decode_topojson("test", TWO_SQUARES, "land", &EVERYWHERE).unwrap_err();
        assert!(err.to_string().contains("land"), "{err}");
    }
}
