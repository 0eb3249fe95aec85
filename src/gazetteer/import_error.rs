//! What can go wrong reading a settlement list (an OpenStreetMap extract, an
//! OCHA/HDX table). Every variant names the file, and the row when one row is
//! at fault, because the analyst has to find it in a file of thousands.
//!
//! A row that is merely unusable (no name, a point off the globe) is not an
//! error: it is skipped and counted (`imported::Skipped`); only a file that
//! cannot be read, or leaves nothing usable, fails.

/// A settlement list that could not be imported; nothing of it is stored.
#[derive(Debug, thiserror::Error)]
pub enum PlaceImportError {
    #[error("{file}: reading the file")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: not a readable OpenStreetMap PBF file")]
    Pbf {
        file: String,
        #[source]
        source: osmpbf::Error,
    },
    #[error("{file}: not valid GeoJSON")]
    Json {
        file: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("{file}, line {line}: not readable as CSV")]
    Csv {
        file: String,
        line: u64,
        #[source]
        source: csv::Error,
    },
    #[error("{file}: reading the GeoPackage")]
    GeoPackage {
        file: String,
        #[source]
        source: rusqlite::Error,
    },
    /// The file is not in the shape its format promises.
    #[error("{file}: {problem}")]
    Shape { file: String, problem: String },
    /// A column named with a flag is not in the file.
    #[error("{file}: no column {column:?} for the {what} (the columns are: {available})")]
    NoSuchColumn {
        file: String,
        column: String,
        what: &'static str,
        available: String,
    },
    /// No flag named a column and none of the usual names is there.
    #[error("{file}: no {what} column found (the columns are: {available}); name it with {flag}")]
    ColumnNotFound {
        file: String,
        what: &'static str,
        flag: &'static str,
        available: String,
    },
    /// A GeoPackage layer in another coordinate system than WGS 84.
    #[error(
        "{file}: layer {layer:?} is in coordinate system {srs_id}, not WGS 84 (EPSG:4326); \
         reproject it first, e.g. with ogr2ogr -t_srs EPSG:4326"
    )]
    Projection {
        file: String,
        layer: String,
        srs_id: i64,
    },
    /// Every row was skipped (or there were none).
    #[error("{file}: no place could be imported ({why})")]
    NothingValid { file: String, why: String },
}
