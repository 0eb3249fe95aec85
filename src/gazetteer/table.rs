//! A settlement list read as a table of text values, whatever file it came
//! in: CSV (`;` or `,`, with or without a byte-order mark, as spreadsheets
//! in French locales save it), a GeoJSON FeatureCollection (properties as
//! columns, the Point geometry as the point) or a GeoPackage layer
//! (`gpkg_read`). `settlements` then picks the columns.

use serde_json::Value;

use super::import_error::PlaceImportError;

/// One row: its number in the file (CSV line, feature or row ordinal), its
/// values in column order, and the point of its geometry if it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub number: u64,
    pub values: Vec<String>,
    /// (latitude, longitude) from a Point geometry.
    pub point: Option<(f64, f64)>,
}

/// A whole table: column names and rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<TableRow>,
    /// Whether rows can carry a geometry (GeoJSON, GeoPackage).
    pub has_geometry: bool,
}

/// The text of a file: UTF-8 (a byte-order mark dropped), else Latin-1,
/// which older OCHA exports use and which can decode any byte.
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// The delimiter of a CSV: whichever of `;`, `,` and tab the header line
/// holds most of (outside quotes), `,` on a tie.
pub fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(slot) = counts.iter_mut().find(|(d, _)| *d == b) {
            slot.1 += 1;
        }
    }
    counts
        .iter()
        .fold(
            (b',', 0),
            |best, &(d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}

/// Reads a CSV settlement list.
pub fn read_csv(bytes: &[u8], file: &str) -> Result<Table, PlaceImportError> {
    let text = decode_text(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(&text))
        .flexible(true)
        .from_reader(text.as_bytes());
    let csv_error = |line: u64| {
        move |source| PlaceImportError::Csv {
            file: file.to_string(),
            line,
            source,
        }
    };
    let columns = reader
        .headers()
        .map_err(csv_error(1))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // The csv crate does not count blank lines; the analyst's editor does,
    // so line numbers are counted from byte offsets instead.
    let mut lines = LineCounter::default();
    loop {
        let line = lines.line_at(&text, reader.position().byte());
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(csv_error(line)(e)),
        }
        // A record's position is where the parser began, before any blank
        // lines it passed over: its first line is after them.
        let number = record.position().map_or(line, |p| {
            let start = usize::try_from(p.byte()).unwrap_or(usize::MAX);
            let blank = text.as_bytes().get(start..).map_or(0, |rest| {
                rest.iter()
                    .take_while(|b| matches!(b, b'\r' | b'\n'))
                    .count()
            });
            lines.line_at(&text, (start + blank) as u64)
        });
        // A blank line is not a row anyone meant.
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        rows.push(TableRow {
            number,
            values: record.iter().map(str::to_string).collect(),
            point: None,
        });
    }
    Ok(Table {
        columns,
        rows,
        has_geometry: false,
    })
}

/// 1-based line numbers of byte offsets, counted forward once.
#[derive(Default)]
struct LineCounter {
    byte: usize,
    line: u64,
}

impl LineCounter {
    /// The line holding byte `at`; offsets must not go backwards.
    fn line_at(&mut self, text: &str, at: u64) -> u64 {
        let at = usize::try_from(at).unwrap_or(usize::MAX).min(text.len());
        if at > self.byte {
            let newlines = text.as_bytes()[self.byte..at]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.line += newlines as u64;
            self.byte = at;
        }
        self.line + 1
    }
}

/// A property value as text (a number as written, null as empty).
fn text_of(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Reads a GeoJSON FeatureCollection: every property that any feature has
/// becomes a column; a Point geometry gives the row's point.
pub fn read_geojson(bytes: &[u8], file: &str) -> Result<Table, PlaceImportError> {
    let json: Value =
        serde_json::from_str(&decode_text(bytes)).map_err(|source| PlaceImportError::Json {
            file: file.to_string(),
            source,
        })?;
    let features = json
        .get("features")
        .and_then(Value::as_array)
        .ok_or_else(|| PlaceImportError::Shape {
            file: file.to_string(),
            problem: "not a GeoJSON FeatureCollection (no \"features\" array)".to_string(),
        })?;
    let mut columns: Vec<String> = Vec::new();
    for feature in features {
        if let Some(props) = feature.get("properties").and_then(Value::as_object) {
            for key in props.keys() {
                if !columns.contains(key) {
                    columns.push(key.clone());
                }
            }
        }
    }
    let rows = features
        .iter()
        .enumerate()
        .map(|(i, feature)| {
            let props = feature.get("properties").and_then(Value::as_object);
            let values = columns
                .iter()
                .map(|c| {
                    props
                        .and_then(|p| p.get(c))
                        .map(text_of)
                        .unwrap_or_default()
                })
                .collect();
            TableRow {
                number: i as u64 + 1,
                values,
                point: feature.get("geometry").and_then(point_of),
            }
        })
        .collect();
    Ok(Table {
        columns,
        rows,
        has_geometry: true,
    })
}

/// A GeoJSON Point's (latitude, longitude); `None` for any other geometry.
fn point_of(geometry: &Value) -> Option<(f64, f64)> {
    if geometry.get("type").and_then(Value::as_str) != Some("Point") {
        return None;
    }
    let xy = geometry.get("coordinates")?.as_array()?;
    Some((xy.get(1)?.as_f64()?, xy.first()?.as_f64()?))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn a_french_spreadsheet_csv_reads_with_its_bom_and_semicolons() {
        let bytes =
            "\u{feff}Nom;Latitude;Longitude\nBoulkéssi;14,66;-1,27\n\n\"Sari; centre\";14.5;-4.2\n";
        assert_eq!(sniff_delimiter(bytes.trim_start_matches('\u{feff}')), b';');
        let table = read_csv(bytes.as_bytes(), "v.csv").unwrap();
        assert_eq!(table.columns, ["Nom", "Latitude", "Longitude"]);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].values, ["Boulkéssi", "14,66", "-1,27"]);
        assert_eq!(table.rows[0].number, 2);
        assert_eq!(table.rows[1].values[0], "Sari; centre");
        assert_eq!(table.rows[1].number, 4);
    }

    #[test]
    fn latin1_text_still_reads() {
        assert_eq!(decode_text(b"Bouk\xe9ssi"), "Boukéssi");
        assert_eq!(sniff_delimiter("a,b;c,d"), b',');
        assert_eq!(sniff_delimiter("a\tb\tc"), b'\t');
    }

    #[test]
    fn geojson_properties_become_columns_and_points_the_point() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"name":"Sari","pop":1200},
             "geometry":{"type":"Point","coordinates":[-4.2,14.5]}},
            {"type":"Feature","properties":{"name":"Area","admin1":"Mopti"},
             "geometry":{"type":"Polygon","coordinates":[]}}]}"#;
        let table = read_geojson(text.as_bytes(), "v.geojson").unwrap();
        assert_eq!(table.columns, ["name", "pop", "admin1"]);
        assert_eq!(table.rows[0].values, ["Sari", "1200", ""]);
        assert_eq!(table.rows[0].point, Some((14.5, -4.2)));
        assert_eq!(table.rows[1].point, None);
        assert_eq!(table.rows[1].number, 2);
        let err = read_geojson(b"{\"type\":\"Feature\"}", "f.geojson").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("f.geojson: not a GeoJSON FeatureCollection")
        );
        let err = read_geojson(b"{", "g.geojson").unwrap_err();
        assert!(err.to_string().starts_with("g.geojson"));
    }
}
