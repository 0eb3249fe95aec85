//! Value parsers for the arguments clap cannot check by itself: dates,
//! country codes and bounding boxes. Checking them while parsing makes a
//! malformed value a usage error (exit code 2) before any database is opened,
//! and the message names what was wrong.

use chrono::NaiveDate;

use crate::model::BBox;

pub(super) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|e| format!("{s:?} is not a date of the form YYYY-MM-DD ({e})"))
}

pub(super) fn parse_country(s: &str) -> Result<String, String> {
    let code = s.trim();
    if code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic()) {
        Ok(code.to_ascii_uppercase())
    } else {
        Err(format!(
            "{s:?} is not a two-letter country code (ISO 3166-1 alpha-2, e.g. BF)"
        ))
    }
}

pub(super) fn parse_bbox(s: &str) -> Result<BBox, String> {
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    if parts.len() != 4 {
        return Err(format!(
            "{s:?} should be four comma-separated numbers: west,south,east,north"
        ));
    }
    let mut n = [0.0f64; 4];
    for (slot, part) in n.iter_mut().zip(&parts) {
        *slot = part
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| format!("{part:?} in the bounding box is not a number"))?;
    }
    let [west, south, east, north] = n;
    for (name, value, limit) in [
        ("west", west, 180.0),
        ("east", east, 180.0),
        ("south", south, 90.0),
        ("north", north, 90.0),
    ] {
        if value.abs() > limit {
            return Err(format!(
                "{name} {value} is outside -{limit}..{limit} degrees"
            ));
        }
    }
    if west >= east {
        return Err(format!(
            "west ({west}) must be less than east ({east}); boxes across the antimeridian are not supported"
        ));
    }
    if south >= north {
        return Err(format!("south ({south}) must be less than north ({north})"));
    }
    Ok(BBox {
        west,
        south,
        east,
        north,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn a_bbox_reads_west_south_east_north() {
        let b = parse_bbox("-6, 9, 3,16").unwrap();
        assert_eq!((b.west, b.south, b.east, b.north), (-6.0, 9.0, 3.0, 16.0));
    }

    #[test]
    fn malformed_bboxes_are_refused_with_a_reason() {
        assert!(parse_bbox("1,2,3").unwrap_err().contains("four"));
        assert!(parse_bbox("a,2,3,4").unwrap_err().contains("not a number"));
        assert!(parse_bbox("-200,2,3,4").unwrap_err().contains("outside"));
        assert!(parse_bbox("3,2,1,4").unwrap_err().contains("west"));
        assert!(parse_bbox("1,5,3,4").unwrap_err().contains("south"));
        assert!(parse_bbox("NaN,2,3,4").is_err());
    }

    #[test]
    fn dates_must_be_iso() {
        assert!(parse_date("2025-05-11").is_ok());
        assert!(parse_date("11/05/2025").unwrap_err().contains("YYYY-MM-DD"));
    }
}
