//! GeoNames' own tab-separated formats, read and written.
//!
//! We keep GeoNames' layout even for the analysts' curated supplement (with
//! one extra column naming the authority) so that a curated file can be
//! exported, edited in a spreadsheet and imported again with the same code
//! that reads a GeoNames country dump.

use std::io::{BufRead, Read};

use crate::model::{Place, PlaceOrigin};

use super::admin_code::AdminCode;
use super::error::GazetteerError;

/// The columns of a geoname row, in order.
const GEONAME_COLUMNS: usize = 19;
/// A curated row adds its source as a 20th column.
const CURATED_COLUMNS: usize = 20;
/// `code, name, ascii name, geonameid`.
const ADMIN_COLUMNS: usize = 4;

/// Which GeoNames format a file is in, as the CLI's `gazetteer import` asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeoNamesFile {
    /// Geoname rows: a country dump, a cities file, or a curated supplement.
    Places,
    /// `admin1CodesASCII.txt` or `admin2Codes.txt`.
    AdminCodes,
}

/// Tells the format from the column count of the first data line, or `None`
/// for an empty file or one that is neither.
pub fn detect(text: &str) -> Option<GeoNamesFile> {
    let (_, line) = data_lines(text).next()?;
    match line.split('\t').count() {
        GEONAME_COLUMNS | CURATED_COLUMNS => Some(GeoNamesFile::Places),
        ADMIN_COLUMNS => Some(GeoNamesFile::AdminCodes),
        _ => None,
    }
}

/// Reads geoname rows (19 columns, or 20 for curated rows). Blank lines and
/// lines starting with `#` are skipped; the first bad row is an error.
pub fn parse_geonames(text: &str, origin: &str) -> Result<Vec<Place>, GazetteerError> {
    data_lines(text)
        .map(|(line, row)| parse_place(row, &Row { origin, line }))
        .collect()
}

/// Reads an admin code table (`code, name, ascii name, geonameid`).
pub fn parse_admin_codes(text: &str, origin: &str) -> Result<Vec<AdminCode>, GazetteerError> {
    data_lines(text)
        .map(|(line, row)| parse_admin_code(row, &Row { origin, line }))
        .collect()
}

/// No GeoNames row comes near this (the longest in `allCountries.txt`, with
/// all its alternate names, is about 20 KB); a longer "line" is a file that
/// is not a gazetteer, such as `/dev/zero` or a binary dump.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// The rows of a GeoNames file, read as it streams in.
#[derive(Debug, Clone, PartialEq)]
pub enum GeoNamesRows {
    Places(Vec<Place>),
    AdminCodes(Vec<AdminCode>),
}

/// Reads a GeoNames file line by line, telling its format from the first
/// data line: memory grows with the rows kept, never with a line that does
/// not end. `Ok(None)` is a file with no data line, or one in neither format.
pub fn read_geonames(
    reader: impl BufRead,
    origin: &str,
) -> Result<Option<GeoNamesRows>, GazetteerError> {
    let mut lines = StreamLines {
        reader,
        origin,
        line: 0,
        buf: Vec::new(),
    };
    let Some((line, first)) = lines.next_data()? else {
        return Ok(None);
    };
    match detect(&first) {
        Some(GeoNamesFile::Places) => {
            let mut places = vec![parse_place(&first, &Row { origin, line })?];
            while let Some((line, row)) = lines.next_data()? {
                places.push(parse_place(&row, &Row { origin, line })?);
            }
            Ok(Some(GeoNamesRows::Places(places)))
        }
        Some(GeoNamesFile::AdminCodes) => {
            let mut codes = vec![parse_admin_code(&first, &Row { origin, line })?];
            while let Some((line, row)) = lines.next_data()? {
                codes.push(parse_admin_code(&row, &Row { origin, line })?);
            }
            Ok(Some(GeoNamesRows::AdminCodes(codes)))
        }
        None => Ok(None),
    }
}

/// Lines of a stream, each at most `MAX_LINE_BYTES`, as UTF-8.
struct StreamLines<'o, R> {
    reader: R,
    origin: &'o str,
    /// 1-based number of the last line read.
    line: usize,
    buf: Vec<u8>,
}

impl<R: BufRead> StreamLines<'_, R> {
    /// The next non-blank, non-comment line, `\r\n` trimmed.
    fn next_data(&mut self) -> Result<Option<(usize, String)>, GazetteerError> {
        loop {
            self.buf.clear();
            let limit = MAX_LINE_BYTES as u64 + 1;
            let n = (&mut self.reader)
                .take(limit)
                .read_until(b'\n', &mut self.buf)
                .map_err(|e| GazetteerError::Read {
                    origin: self.origin.to_string(),
                    line: self.line + 1,
                    message: e.to_string(),
                })?;
            if n == 0 {
                return Ok(None);
            }
            self.line += 1;
            if self.buf.last() == Some(&b'\n') {
                self.buf.pop();
            } else if self.buf.len() > MAX_LINE_BYTES {
                return Err(GazetteerError::LongLine {
                    origin: self.origin.to_string(),
                    line: self.line,
                    limit: MAX_LINE_BYTES,
                });
            }
            if self.buf.last() == Some(&b'\r') {
                self.buf.pop();
            }
            // Windows editors start a file with a byte-order mark.
            if self.line == 1 && self.buf.starts_with(b"\xEF\xBB\xBF") {
                self.buf.drain(..3);
            }
            let text = std::str::from_utf8(&self.buf).map_err(|e| GazetteerError::NotUtf8 {
                origin: self.origin.to_string(),
                line: self.line,
                column: e.valid_up_to() + 1,
            })?;
            if text.trim().is_empty() || text.starts_with('#') {
                continue;
            }
            return Ok(Some((self.line, text.to_owned())));
        }
    }
}

/// Writes a place back as a geoname row (no line break). Curated places get
/// their source as a 20th column; the columns a `Place` does not keep
/// (cc2, admin3/4, elevation, dem, timezone, modification date) are empty.
pub fn to_geonames_line(place: &Place) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let alternates: Vec<String> = place
        .alternate_names
        .iter()
        .map(|a| clean(a).replace(',', " "))
        .collect();
    let mut cols = vec![
        place.geonameid.to_string(),
        clean(&place.name),
        clean(&place.ascii_name),
        alternates.join(","),
        place.latitude.to_string(),
        place.longitude.to_string(),
        clean(&place.feature_class),
        clean(&place.feature_code),
        clean(&place.country_code),
        String::new(),
        clean(&place.admin1_code),
        clean(&place.admin2_code),
        String::new(),
        String::new(),
        place.population.to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ];
    if let PlaceOrigin::Curated { source } = &place.origin {
        cols.push(clean(source));
    }
    cols.join("\t")
}

/// Where a row is, for error messages.
struct Row<'a> {
    origin: &'a str,
    line: usize,
}

impl Row<'_> {
    fn integer(&self, field: &'static str, value: &str) -> Result<i64, GazetteerError> {
        value
            .trim()
            .parse()
            .map_err(|source| GazetteerError::Integer {
                origin: self.origin.to_string(),
                line: self.line,
                field,
                value: value.to_string(),
                source,
            })
    }

    fn decimal(
        &self,
        field: &'static str,
        value: &str,
        limit: f64,
        range: &'static str,
    ) -> Result<f64, GazetteerError> {
        let number: f64 = value
            .trim()
            .parse()
            .map_err(|source| GazetteerError::Decimal {
                origin: self.origin.to_string(),
                line: self.line,
                field,
                value: value.to_string(),
                source,
            })?;
        // `parse` accepts "NaN" and "inf"; neither is a coordinate.
        if !number.is_finite() || number.abs() > limit {
            return Err(GazetteerError::OutOfRange {
                origin: self.origin.to_string(),
                line: self.line,
                field,
                value: number,
                range,
            });
        }
        Ok(number)
    }

    fn non_empty<'t>(
        &self,
        field: &'static str,
        value: &'t str,
    ) -> Result<&'t str, GazetteerError> {
        if value.trim().is_empty() {
            Err(GazetteerError::Empty {
                origin: self.origin.to_string(),
                line: self.line,
                field,
            })
        } else {
            Ok(value)
        }
    }

    fn columns(&self, expected: &'static str, found: usize) -> GazetteerError {
        GazetteerError::Columns {
            origin: self.origin.to_string(),
            line: self.line,
            expected,
            found,
        }
    }
}

/// Non-blank, non-comment lines with their 1-based numbers, `\r` trimmed.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

fn parse_place(row: &str, at: &Row<'_>) -> Result<Place, GazetteerError> {
    let cols: Vec<&str> = row.split('\t').collect();
    if cols.len() != GEONAME_COLUMNS && cols.len() != CURATED_COLUMNS {
        return Err(at.columns("19 (20 with a curation source)", cols.len()));
    }
    let geonameid = at.integer("geonameid", cols[0])?;
    let name = at.non_empty("name", cols[1])?.trim().to_string();
    let ascii_name = match cols[2].trim() {
        "" => name.clone(),
        ascii => ascii.to_string(),
    };
    let alternate_names = cols[3]
        .split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect();
    let latitude = at.decimal("latitude", cols[4], 90.0, "-90..=90")?;
    let longitude = at.decimal("longitude", cols[5], 180.0, "-180..=180")?;
    // GeoNames leaves population empty in a few hand-made extracts: read as 0.
    let population = match cols[14].trim() {
        "" => 0,
        p => at.integer("population", p)?,
    };
    let origin = match cols.get(19).map(|s| s.trim()) {
        Some(source) => PlaceOrigin::Curated {
            source: at.non_empty("curation source", source)?.to_string(),
        },
        None => PlaceOrigin::GeoNames,
    };
    // GeoNames numbers its rows from 1; the ids at or below zero belong to
    // curated and imported places, which such a row would overwrite.
    if origin == PlaceOrigin::GeoNames && geonameid <= 0 {
        return Err(GazetteerError::NotGeoNamesId {
            origin: at.origin.to_string(),
            line: at.line,
            id: geonameid,
        });
    }
    Ok(Place {
        geonameid,
        name,
        ascii_name,
        alternate_names,
        latitude,
        longitude,
        feature_class: cols[6].trim().to_string(),
        feature_code: cols[7].trim().to_string(),
        country_code: at.non_empty("country code", cols[8])?.trim().to_string(),
        admin1_code: cols[10].trim().to_string(),
        admin2_code: cols[11].trim().to_string(),
        population,
        origin,
    })
}

fn parse_admin_code(row: &str, at: &Row<'_>) -> Result<AdminCode, GazetteerError> {
    let cols: Vec<&str> = row.split('\t').collect();
    if cols.len() != ADMIN_COLUMNS {
        return Err(at.columns("4", cols.len()));
    }
    let code = cols[0].trim();
    let parts: Vec<&str> = code.split('.').collect();
    if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.is_empty()) {
        return Err(GazetteerError::AdminCode {
            origin: at.origin.to_string(),
            line: at.line,
            code: code.to_string(),
        });
    }
    let name = at.non_empty("name", cols[1])?.trim().to_string();
    let ascii_name = match cols[2].trim() {
        "" => name.clone(),
        ascii => ascii.to_string(),
    };
    Ok(AdminCode {
        code: code.to_string(),
        name,
        ascii_name,
        geonameid: at.integer("geonameid", cols[3])?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Written for these tests, in GeoNames' layout (values from BF.txt).
    const DJIBO: &str = "2361177\tDjibo\tDjibo\tDjibo,Dzhibo,Jibo\t14.0994\t-1.62554\tP\tPPLA2\tBF\t\t12\t40\t\t\t61462\t\t301\tAfrica/Ouagadougou\t2023-11-29";

    #[test]
    fn a_country_dump_row_reads_into_a_place() {
        let places = parse_geonames(DJIBO, "BF.txt").unwrap();
        assert_eq!(places.len(), 1);
        let djibo = &places[0];
        assert_eq!(djibo.geonameid, 2361177);
        assert_eq!(djibo.alternate_names, ["Djibo", "Dzhibo", "Jibo"]);
        assert_eq!((djibo.latitude, djibo.longitude), (14.0994, -1.62554));
        assert_eq!(djibo.feature_code, "PPLA2");
        assert_eq!(
            (djibo.admin1_code.as_str(), djibo.admin2_code.as_str()),
            ("12", "40")
        );
        assert_eq!(djibo.population, 61462);
        assert_eq!(djibo.origin, PlaceOrigin::GeoNames);
    }

    #[test]
    fn blank_and_comment_lines_are_skipped_but_counted() {
        let text = format!("# a comment\n\n{DJIBO}\r\n\n2361177\tBroken\n");
        let err = parse_geonames(&text, "mine.tsv").unwrap_err();
        assert_eq!(err.origin(), "mine.tsv");
        assert_eq!(err.line(), 5);
        assert!(err.to_string().contains("mine.tsv, line 5"), "{err}");
    }

    #[test]
    fn a_latitude_that_is_not_a_number_names_file_and_line() {
        let bad = DJIBO.replace("14.0994", "fourteen");
        let err = parse_geonames(&format!("{DJIBO}\n{bad}"), "BF.txt").unwrap_err();
        assert!(
            matches!(
                err,
                GazetteerError::Decimal {
                    line: 2,
                    field: "latitude",
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(
            std::error::Error::source(&err).is_some(),
            "the cause is kept"
        );
    }

    #[test]
    fn a_latitude_out_of_range_is_refused() {
        let bad = DJIBO.replace("14.0994", "114.0994");
        let err = parse_geonames(&bad, "BF.txt").unwrap_err();
        assert!(matches!(
            err,
            GazetteerError::OutOfRange {
                line: 1,
                field: "latitude",
                ..
            }
        ));
        let nan = DJIBO.replace("-1.62554", "NaN");
        assert!(parse_geonames(&nan, "BF.txt").is_err());
    }

    #[test]
    fn a_row_with_missing_fields_is_refused() {
        let short: String = DJIBO.split('\t').take(10).collect::<Vec<_>>().join("\t");
        let err = parse_geonames(&short, "x").unwrap_err();
        assert!(matches!(err, GazetteerError::Columns { found: 10, .. }));
    }

    #[test]
    fn a_twentieth_column_makes_a_curated_place() {
        let row = format!("{DJIBO}\tan analyst, from a map");
        let places = parse_geonames(&row, "curated.tsv").unwrap();
        assert_eq!(
            places[0].origin,
            PlaceOrigin::Curated {
                source: "an analyst, from a map".to_string()
            }
        );
    }

    #[test]
    fn curated_places_survive_export_and_reimport() {
        let mut place = parse_geonames(DJIBO, "x").unwrap().remove(0);
        place.geonameid = -7;
        place.origin = PlaceOrigin::Curated {
            source: "approximate, from a report".to_string(),
        };
        let line = to_geonames_line(&place);
        assert_eq!(line.split('\t').count(), 20);
        let back = parse_geonames(&line, "export").unwrap();
        assert_eq!(back, vec![place]);
    }

    #[test]
    fn geonames_places_export_as_nineteen_columns() {
        let place = parse_geonames(DJIBO, "x").unwrap().remove(0);
        let line = to_geonames_line(&place);
        assert_eq!(line.split('\t').count(), 19);
        assert_eq!(parse_geonames(&line, "x").unwrap(), vec![place]);
    }

    #[test]
    fn a_stream_is_read_in_either_format() {
        let places = format!("\u{feff}# a comment\n\n{}\r\n", DJIBO.trim_end());
        let rows = read_geonames(places.as_bytes(), "p.txt").unwrap();
        let Some(GeoNamesRows::Places(p)) = rows else {
            panic!("{rows:?}")
        };
        assert_eq!(p[0].name, "Djibo");
        let admin = "BF.49\tSahel\tSahel\t2571716\n";
        let rows = read_geonames(admin.as_bytes(), "a.txt").unwrap();
        assert!(matches!(rows, Some(GeoNamesRows::AdminCodes(ref a)) if a.len() == 1));
        assert_eq!(read_geonames("".as_bytes(), "e.txt").unwrap(), None);
        assert_eq!(read_geonames("a,b,c\n".as_bytes(), "c.csv").unwrap(), None);
    }

    #[test]
    fn an_endless_line_is_refused_after_the_limit() {
        // What `/dev/zero` gives: NUL bytes and never a line break.
        let zeros = std::io::repeat(0).take(64 * MAX_LINE_BYTES as u64);
        let err = read_geonames(std::io::BufReader::new(zeros), "/dev/zero").unwrap_err();
        assert!(
            matches!(err, GazetteerError::LongLine { line: 1, .. }),
            "{err}"
        );
    }

    #[test]
    fn a_bad_row_in_a_stream_names_its_line() {
        let text = "BF.49\tSahel\tSahel\t2571716\nBF.50\tEst\n";
        let err = read_geonames(text.as_bytes(), "a.txt").unwrap_err();
        assert_eq!((err.origin(), err.line()), ("a.txt", 2));
        let latin1 = b"BF.49\tS\xe9hel\tSahel\t2571716\n";
        let err = read_geonames(&latin1[..], "l.txt").unwrap_err();
        assert!(
            matches!(
                err,
                GazetteerError::NotUtf8 {
                    line: 1,
                    column: 8,
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn admin_code_tables_read() {
        let text = "BF.08.21\tGnagna Province\tGnagna Province\t2360516\nTG.26\tSavanes\tSavanes\t2364205\n";
        let codes = parse_admin_codes(text, "admin").unwrap();
        assert_eq!(codes[0].code, "BF.08.21");
        assert_eq!(codes[0].geonameid, 2360516);
        assert_eq!(codes[1].name, "Savanes");
        let err = parse_admin_codes("BF\tx\tx\t1", "admin").unwrap_err();
        assert!(matches!(err, GazetteerError::AdminCode { line: 1, .. }));
        let err = parse_admin_codes("BF.01\tx\tx\tone", "admin").unwrap_err();
        assert!(matches!(
            err,
            GazetteerError::Integer {
                field: "geonameid",
                ..
            }
        ));
    }

    #[test]
    fn formats_are_told_apart_by_their_first_data_line() {
        assert_eq!(
            detect(&format!("# header\n{DJIBO}")),
            Some(GeoNamesFile::Places)
        );
        assert_eq!(
            detect(&format!("{DJIBO}\tsource")),
            Some(GeoNamesFile::Places)
        );
        assert_eq!(
            detect("TG.26\tSavanes\tSavanes\t2364205"),
            Some(GeoNamesFile::AdminCodes)
        );
        assert_eq!(detect("a,b,c"), None);
        assert_eq!(detect("\n# only comments\n"), None);
    }
}
