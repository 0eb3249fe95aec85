//! What can go wrong reading a gazetteer file.
//!
//! Every variant names the file (its `origin`, as the caller called it) and
//! the 1-based line, because an analyst fixing a curated TSV by hand needs
//! to know exactly where to look.

use std::num::{ParseFloatError, ParseIntError};

/// A gazetteer file that could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GazetteerError {
    /// The row has the wrong number of tab-separated columns.
    #[error("{origin}, line {line}: expected {expected} tab-separated columns, found {found}")]
    Columns {
        origin: String,
        line: usize,
        expected: &'static str,
        found: usize,
    },
    /// A field that must hold a whole number does not.
    #[error("{origin}, line {line}: {field} {value:?} is not a whole number")]
    Integer {
        origin: String,
        line: usize,
        field: &'static str,
        value: String,
        #[source]
        source: ParseIntError,
    },
    /// A field that must hold a decimal number does not.
    #[error("{origin}, line {line}: {field} {value:?} is not a number")]
    Decimal {
        origin: String,
        line: usize,
        field: &'static str,
        value: String,
        #[source]
        source: ParseFloatError,
    },
    /// A number that parsed but cannot be right (a latitude of 123, say).
    #[error("{origin}, line {line}: {field} {value} is outside {range}")]
    OutOfRange {
        origin: String,
        line: usize,
        field: &'static str,
        value: f64,
        range: &'static str,
    },
    /// A GeoNames row (no curation source) whose id is not a GeoNames id.
    #[error(
        "{origin}, line {line}: geonameid {id} is not a GeoNames id (those are positive; \
         a curated place needs its 20th column, the source)"
    )]
    NotGeoNamesId {
        origin: String,
        line: usize,
        id: i64,
    },
    /// A field that must not be empty is.
    #[error("{origin}, line {line}: {field} is empty")]
    Empty {
        origin: String,
        line: usize,
        field: &'static str,
    },
    /// An admin code that is not `CC.A1` or `CC.A1.A2`.
    #[error("{origin}, line {line}: admin code {code:?} is not of the form CC.A1 or CC.A1.A2")]
    AdminCode {
        origin: String,
        line: usize,
        code: String,
    },
    /// A line that does not end within the limit: not a gazetteer file.
    #[error("{origin}, line {line}: longer than {limit} bytes; not a gazetteer file")]
    LongLine {
        origin: String,
        line: usize,
        limit: usize,
    },
    /// A line that is not UTF-8 (GeoNames files are).
    #[error(
        "{origin}, line {line}: not valid UTF-8 at column {column}; GeoNames files are UTF-8 \
         (convert with `iconv -f WINDOWS-1252 -t UTF-8` if it came from a spreadsheet)"
    )]
    NotUtf8 {
        origin: String,
        line: usize,
        column: usize,
    },
    /// The file could not be read (the error's text, so the type stays `Clone`).
    #[error("{origin}, line {line}: cannot be read: {message}")]
    Read {
        origin: String,
        line: usize,
        message: String,
    },
}

impl GazetteerError {
    /// The file the bad row came from.
    pub fn origin(&self) -> &str {
        match self {
            GazetteerError::Columns { origin, .. }
            | GazetteerError::Integer { origin, .. }
            | GazetteerError::Decimal { origin, .. }
            | GazetteerError::OutOfRange { origin, .. }
            | GazetteerError::Empty { origin, .. }
            | GazetteerError::NotGeoNamesId { origin, .. }
            | GazetteerError::AdminCode { origin, .. }
            | GazetteerError::LongLine { origin, .. }
            | GazetteerError::NotUtf8 { origin, .. }
            | GazetteerError::Read { origin, .. } => origin,
        }
    }

    /// The 1-based line of the bad row.
    pub fn line(&self) -> usize {
        match self {
            GazetteerError::Columns { line, .. }
            | GazetteerError::Integer { line, .. }
            | GazetteerError::Decimal { line, .. }
            | GazetteerError::OutOfRange { line, .. }
            | GazetteerError::Empty { line, .. }
            | GazetteerError::NotGeoNamesId { line, .. }
            | GazetteerError::AdminCode { line, .. }
            | GazetteerError::LongLine { line, .. }
            | GazetteerError::NotUtf8 { line, .. }
            | GazetteerError::Read { line, .. } => *line,
        }
    }
}
