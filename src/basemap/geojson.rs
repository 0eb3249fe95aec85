//! Decoding Natural Earth admin-1 GeoJSON (a FeatureCollection of Polygons
//! and MultiPolygons) into outlines.

use serde::Deserialize;

use super::error::BasemapError;
use super::outline::Outline;

#[derive(Deserialize)]
struct FeatureCollection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    #[serde(default)]
    properties: Option<Properties>,
    geometry: Option<Geometry>,
}

#[derive(Deserialize, Default)]
struct Properties {
    #[serde(default)]
    name: Option<String>,
}

// Positions are read as `Vec<f64>` because GeoJSON allows an altitude after
// lon and lat.
#[derive(Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Polygon {
        coordinates: Vec<Vec<Vec<f64>>>,
    },
    MultiPolygon {
        coordinates: Vec<Vec<Vec<Vec<f64>>>>,
    },
    // Points and lines have no area to outline.
    #[serde(other)]
    Other,
}

/// Decodes every Polygon and MultiPolygon feature of a GeoJSON
/// FeatureCollection; a feature without a `name` property is called "".
///
/// `file` only names the source in errors.
pub fn decode_geojson(file: &str, text: &str) -> Result<Vec<Outline>, BasemapError> {
    let collection: FeatureCollection =
        serde_json::from_str(text).map_err(|source| BasemapError::Json {
            file: file.to_string(),
            source,
        })?;
    let mut outlines = Vec::new();
    for feature in collection.features {
        let name = feature.properties.and_then(|p| p.name).unwrap_or_default();
        let rings: Vec<&Vec<Vec<f64>>> = match &feature.geometry {
            Some(Geometry::Polygon { coordinates }) => coordinates.iter().collect(),
            Some(Geometry::MultiPolygon { coordinates }) => coordinates.iter().flatten().collect(),
            Some(Geometry::Other) | None => continue,
        };
        let rings = rings
            .into_iter()
            .map(|ring| {
                ring.iter()
                    .map(|p| match p.as_slice() {
                        [lon, lat, ..] => Ok([*lon, *lat]),
                        _ => Err(BasemapError::ShortPosition {
                            file: file.to_string(),
                            name: name.clone(),
                        }),
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(outline) = Outline::new(name, rings) {
            outlines.push(outline);
        }
    }
    Ok(outlines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polygons_and_multipolygons_are_both_read_and_points_skipped() {
        let text = r#"{"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"name": "Sahel"},
             "geometry": {"type": "Polygon", "coordinates": [[[-1, 14], [0, 14], [0, 15], [-1, 14]]]}},
            {"type": "Feature", "properties": {"name": "Islands"},
             "geometry": {"type": "MultiPolygon", "coordinates": [
                [[[1, 1, 100], [2, 1, 100], [2, 2, 100], [1, 1, 100]]],
                [[[5, 5], [6, 5], [6, 6], [5, 5]]]
             ]}},
            {"type": "Feature", "properties": {"name": "Well"},
             "geometry": {"type": "Point", "coordinates": [3, 3]}},
            {"type": "Feature", "properties": {}, "geometry": null}
        ]}"#;
        let outlines = decode_geojson("test", text).unwrap();
        let summary: Vec<(&str, usize)> = outlines
            .iter()
            .map(|o| (o.name.as_str(), o.rings.len()))
            .collect();
        assert_eq!(summary, vec![("Sahel", 1), ("Islands", 2)]);
        assert_eq!(outlines[1].rings[0][0], [1.0, 1.0]);
        assert_eq!(outlines[1].bbox.east, 6.0);
    }

    #[test]
    fn a_position_with_one_number_is_an_error() {
        let text = r#"{"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"name": "Broken"},
             "geometry": {"type": "Polygon", "coordinates": [[[-1], [0, 14], [0, 15]]]}}
        ]}"#;
        let err = decode_geojson("broken.json", text).unwrap_err();
        assert!(
            matches!(&err, BasemapError::ShortPosition { name, .. } if name == "Broken"),
            "{err}"
        );
    }

    #[test]
    fn text_that_is_not_a_feature_collection_is_an_error() {
        let err = decode_geojson("nonsense.json", "[1, 2, 3]").unwrap_err();
        assert!(err.to_string().starts_with("nonsense.json"), "{err}");
    }
}
