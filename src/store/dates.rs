//! How dates are kept in the database: `YYYY-MM-DD` text, which sorts and
//! compares as dates do and reads plainly in any SQLite browser. Every
//! table's code reads and writes them through here (this once lived in
//! `reports.rs`, which made `incidents` and `reports` import each other).

use chrono::NaiveDate;

/// Reads a `YYYY-MM-DD` column, keeping the parse error as the cause.
pub(super) fn parse_date(column: usize, text: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Writes a date as a `YYYY-MM-DD` column.
pub(super) fn format_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}
