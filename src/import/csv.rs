//! ACLED-layout CSV in: the header says which of ACLED's columns the file
//! has (any order; older downloads lack some), rows are streamed one at a
//! time, and the first bad row stops the import with its line number.
//!
//! Columns outside ACLED's layout are kept in `extra` rather than refused:
//! ACLED offers optional columns (population figures, say) and an analyst's
//! own additions should not cost them the file.

use std::io::Read;
use std::path::Path;

use csv::StringRecord;

use crate::model::MAX_FIELD_BYTES;

use super::ImportError;
use super::acled::{Fields, ImportRow, REQUIRED};
use super::line_limit::LineLimit;
use crate::model::columns::{ACLED, acled_index};

/// Room for a row of 64 fields each at the field limit, so that every row
/// we export reads back; a longer line means the file is not a CSV (or has
/// no line breaks at all).
pub const MAX_LINE_BYTES: usize = 64 * MAX_FIELD_BYTES;

enum Slot {
    Known(usize),
    Unknown(usize),
}

/// Reads `reader` as an ACLED CSV, handing each row to `sink`; returns the
/// number of rows.
pub fn read_csv(
    file: &Path,
    reader: impl Read,
    mut sink: impl FnMut(ImportRow, u64) -> Result<(), ImportError>,
) -> Result<u64, ImportError> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(LineLimit::new(reader, MAX_LINE_BYTES));
    let csv_error = |rdr: &csv::Reader<LineLimit<_>>, e: csv::Error| -> ImportError {
        if let Some(line) = rdr.get_ref().overlong() {
            return ImportError::LineTooLong {
                file: file.to_path_buf(),
                line,
                limit: MAX_LINE_BYTES,
            };
        }
        let line = e.position().map_or(1, csv::Position::line);
        ImportError::Csv {
            file: file.to_path_buf(),
            line,
            source: e,
        }
    };
    let headers: Vec<String> = match rdr.headers() {
        Ok(h) => h.iter().map(|name| name.trim().to_owned()).collect(),
        Err(e) => return Err(csv_error(&rdr, e)),
    };
    let mut slots = Vec::with_capacity(headers.len());
    let mut seen = [false; ACLED.len()];
    for (i, name) in headers.iter().enumerate() {
        match acled_index(name) {
            Some(c) if seen[c] => {
                return Err(ImportError::Row {
                    file: file.to_path_buf(),
                    line: 1,
                    reason: format!("column {name:?} appears twice in the header"),
                });
            }
            Some(c) => {
                seen[c] = true;
                slots.push(Slot::Known(c));
            }
            None => slots.push(Slot::Unknown(i)),
        }
    }
    let missing: Vec<String> = REQUIRED
        .iter()
        .filter(|&&c| !seen[c])
        .map(|&c| ACLED[c].to_owned())
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::MissingColumns {
            file: file.to_path_buf(),
            missing,
        });
    }
    let mut record = StringRecord::new();
    let mut rows = 0u64;
    loop {
        match rdr.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(csv_error(&rdr, e)),
        }
        let line = record.position().map_or(0, csv::Position::line);
        let mut fields = Fields::new();
        for (slot, value) in slots.iter().zip(record.iter()) {
            match *slot {
                Slot::Known(c) => fields.values[c] = Some(value),
                Slot::Unknown(i) => {
                    let name = headers[i].as_str();
                    if !fields.set_ours(name, value) {
                        fields.unknown.push((name, value));
                    }
                }
            }
        }
        let row = fields.into_row().map_err(|reason| ImportError::Row {
            file: file.to_path_buf(),
            line,
            reason,
        })?;
        sink(row, line)?;
        rows += 1;
    }
    Ok(rows)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Vec<ImportRow>, ImportError> {
        let mut rows = Vec::new();
        read_csv(Path::new("t.csv"), text.as_bytes(), |row, _| {
            rows.push(row);
            Ok(())
        })?;
        Ok(rows)
    }

    const HEADER: &str = "event_date,event_type,actor1,country,location,latitude,longitude,iso";

    #[test]
    fn columns_may_come_in_any_order_and_unknown_ones_are_kept() {
        let text = "longitude,latitude,location,country,actor1,event_type,event_date,population_best\n\
                    -1.63,14.10,Djibo,Burkina Faso,JNIM,Battles,21 July 2024,12000\n";
        let rows = read(text).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].data.location.country_code, "BF");
        assert!(rows[0].extra.contains("\"population_best\":\"12000\""));
    }

    #[test]
    fn a_missing_required_column_is_named() {
        let err = read("event_date,event_type\n2024-07-21,Battles\n").unwrap_err();
        let message = err.to_string();
        assert!(message.contains("t.csv, line 1"), "{message}");
        assert!(message.contains("latitude"), "{message}");
    }

    #[test]
    fn a_short_row_is_refused_with_its_line() {
        let text = format!(
            "{HEADER}\n2024-07-21,Battles,JNIM,Burkina Faso,Djibo,14.1,-1.6,854\n2024-07-22,Battles\n"
        );
        let err = read(&text).unwrap_err();
        assert!(matches!(err, ImportError::Csv { line: 3, .. }), "{err:?}");
    }

    #[test]
    fn a_bad_value_is_refused_with_its_line() {
        let text = format!(
            "{HEADER}\n2024-07-21,Battles,JNIM,Burkina Faso,Djibo,14.1,-1.6,854\n2024-07-22,Battles,JNIM,Burkina Faso,Djibo,-1.6,14.1,854\n"
        );
        let err = read(&text).unwrap_err();
        assert!(matches!(err, ImportError::Row { line: 3, .. }), "{err:?}");
        assert!(err.to_string().contains("swapped"));
    }
}
