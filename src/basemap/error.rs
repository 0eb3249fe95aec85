//! What can go wrong while decoding a boundary file.

/// A boundary file that could not be turned into outlines.
#[derive(Debug, thiserror::Error)]
pub enum BasemapError {
    /// The file is not the JSON shape we expect (TopoJSON or a GeoJSON FeatureCollection).
    #[error("{file}: not a readable boundary file")]
    Json {
        file: String,
        #[source]
        source: serde_json::Error,
    },
    /// The TopoJSON object we draw from is missing.
    #[error("{file}: no TopoJSON object named {object:?}")]
    MissingObject { file: String, object: String },
    /// A geometry refers to an arc the topology does not have.
    #[error("{file}: geometry {name:?} refers to arc {index}, but there are only {count} arcs")]
    BadArc {
        file: String,
        name: String,
        index: i64,
        count: usize,
    },
    /// A GeoJSON position with fewer than two numbers.
    #[error("{file}: feature {name:?} has a position with fewer than two coordinates")]
    ShortPosition { file: String, name: String },
}
