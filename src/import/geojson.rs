//! GeoJSON in: the inverse of the GeoJSON export. A FeatureCollection of
//! Point features whose properties carry ACLED's column names (our own
//! export's `event_id` and `country_code` are understood too).
//!
//! Each feature is checked while it is parsed, so serde_json reports a bad
//! one (a LineString, a point outside its country) at its line and column.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::acled::{Fields, ImportRow};
use crate::model::columns::{ACLED, CONFIDENCE_REASONS, acled_index, col};

#[derive(Deserialize)]
enum CollectionType {
    FeatureCollection,
}

#[derive(Deserialize)]
enum FeatureType {
    Feature,
}

/// Only points are incidents; any other geometry type fails to parse.
#[derive(Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Point { coordinates: Vec<f64> },
}

#[derive(Deserialize)]
pub(super) struct Collection {
    #[serde(rename = "type")]
    _kind: CollectionType,
    pub features: Vec<Feature>,
}

#[derive(Deserialize)]
#[serde(try_from = "RawFeature")]
pub(super) struct Feature(pub ImportRow);

#[derive(Deserialize)]
struct RawFeature {
    #[serde(rename = "type")]
    _kind: FeatureType,
    geometry: Option<Geometry>,
    #[serde(default)]
    properties: Option<BTreeMap<String, Value>>,
}

fn text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// How far a `latitude`/`longitude` property may be from the geometry,
/// in degrees: about a metre, more than any rounding of a written number.
const COORDINATE_TOLERANCE: f64 = 1e-5;

impl TryFrom<RawFeature> for Feature {
    type Error = String;

    fn try_from(raw: RawFeature) -> Result<Feature, String> {
        let Some(Geometry::Point { coordinates }) = raw.geometry else {
            return Err("a feature without a geometry; only Point features are imported".into());
        };
        let [lon, lat] = coordinates[..] else {
            return Err(format!(
                "a Point needs [longitude, latitude], found {} number(s)",
                coordinates.len()
            ));
        };
        let properties = raw.properties.unwrap_or_default();
        let mut weapons = Vec::new();
        let mut reasons = None;
        let mut owned: Vec<(&str, String)> = Vec::with_capacity(properties.len());
        for (key, value) in &properties {
            match (key.as_str(), value) {
                ("weapons", Value::Array(items)) => weapons = items.iter().map(text).collect(),
                (CONFIDENCE_REASONS, Value::Array(items)) => {
                    reasons = Some(items.iter().map(text).collect());
                }
                _ => owned.push((key.as_str(), text(value))),
            }
        }
        let mut fields = Fields::new();
        fields.point = Some((lon, lat));
        fields.weapons = weapons;
        let has_acled_id = properties.contains_key(ACLED[col::EVENT_ID_CNTY]);
        for (key, value) in &owned {
            match (*key, acled_index(key)) {
                // Latitude and longitude come from the geometry; properties
                // that say otherwise mean the file was edited on one side.
                ("latitude" | "longitude", _) => {
                    let (axis, from_geometry) = if *key == "latitude" {
                        ("latitude", lat)
                    } else {
                        ("longitude", lon)
                    };
                    if let Ok(stated) = value.trim().parse::<f64>()
                        && (stated - from_geometry).abs() > COORDINATE_TOLERANCE
                    {
                        return Err(format!(
                            "the {axis} property {stated} disagrees with the geometry's {from_geometry}"
                        ));
                    }
                }
                ("event_id", _) if !has_acled_id => {
                    fields.values[col::EVENT_ID_CNTY] = Some(value);
                }
                ("country_code", _) => fields.country_code = Some(value),
                (_, Some(c)) => fields.values[c] = Some(value),
                (name, None) => {
                    if !fields.set_ours(name, value) {
                        fields.unknown.push((name, value));
                    }
                }
            }
        }
        // An array of reasons (our export) wins over a joined string.
        if let Some(reasons) = reasons {
            fields.confidence_reasons = reasons;
        }
        fields.into_row().map(Feature)
    }
}
