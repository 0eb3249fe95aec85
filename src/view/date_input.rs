//! Reading a date the analyst typed: ISO (2025-01-01), day first with
//! slashes, dots or dashes (01/01/2025, as written in Francophone West
//! Africa), or with the month named in English or French, full or short
//! (1 Jan 2025, 1er janvier 2025, January 1, 2025). A year needs its four
//! digits, so a date half typed is never read as another one.

use chrono::NaiveDate;

use crate::extract::month;
use crate::gazetteer::fold;

/// What the field shows when a typed date cannot be read.
pub const DATE_FORMS: &str = "2025-01-01, 01/01/2025 or 1 Jan 2025";

/// The date `text` names, if it is written in one of the forms above.
pub fn parse_typed_date(text: &str) -> Option<NaiveDate> {
    // Folding lower-cases, drops accents ("février") and turns the
    // separators (- / . ,) into spaces.
    let folded = fold(text);
    let words: Vec<&str> = folded.split_whitespace().collect();
    let [a, b, c] = words.as_slice() else {
        return None;
    };
    let named = |w: &str| month(w).or_else(|| short_month(w));
    let (year, month, day) = match (named(a), named(b), named(c)) {
        (None, None, None) => {
            if is_year(a) {
                (*a, number(b)?, *c)
            } else if is_year(c) {
                (*c, number(b)?, *a)
            } else {
                return None;
            }
        }
        // 1 Jan 2025, 1er janvier 2025
        (None, Some(m), None) if is_year(c) => (*c, m, *a),
        // Jan 1 2025, January 1, 2025
        (Some(m), None, None) if is_year(c) => (*c, m, *b),
        // 2025 Jan 1
        (None, Some(m), None) if is_year(a) => (*a, m, *c),
        _ => return None,
    };
    let day = number(day.trim_end_matches(|ch: char| ch.is_ascii_alphabetic()))?;
    // "1er", "1st", "2nd", "3rd", "4th": only these suffixes.
    let suffix = words
        .iter()
        .find(|w| w.starts_with(|ch: char| ch.is_ascii_digit()) && !is_year(w))
        .map(|w| w.trim_start_matches(|ch: char| ch.is_ascii_digit()))
        .unwrap_or("");
    if !["", "er", "st", "nd", "rd", "th"].contains(&suffix) {
        return None;
    }
    NaiveDate::from_ymd_opt(number(year)? as i32, month, day)
}

fn is_year(word: &str) -> bool {
    word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())
}

/// A day or month number: one or two digits.
fn number(word: &str) -> Option<u32> {
    if word.is_empty() || word.len() > 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok()
}

/// Short French month forms the report reader has no need for ("janv.",
/// "févr.", "juil."), folded.
fn short_month(word: &str) -> Option<u32> {
    match word {
        "janv" => Some(1),
        "fev" | "fevr" => Some(2),
        "avr" => Some(4),
        "juil" => Some(7),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn iso_and_day_first_numeric_dates_are_read() {
        assert_eq!(parse_typed_date("2025-01-31"), date(2025, 1, 31));
        assert_eq!(parse_typed_date(" 2025-1-5 "), date(2025, 1, 5));
        assert_eq!(parse_typed_date("31/01/2025"), date(2025, 1, 31));
        assert_eq!(parse_typed_date("05/03/2025"), date(2025, 3, 5));
        assert_eq!(parse_typed_date("5.3.2025"), date(2025, 3, 5));
        assert_eq!(parse_typed_date("05-03-2025"), date(2025, 3, 5));
    }

    #[test]
    fn named_months_are_read_in_english_and_french() {
        assert_eq!(parse_typed_date("1 Jan 2025"), date(2025, 1, 1));
        assert_eq!(parse_typed_date("1 January 2025"), date(2025, 1, 1));
        assert_eq!(parse_typed_date("January 1, 2025"), date(2025, 1, 1));
        assert_eq!(parse_typed_date("Jan 1 2025"), date(2025, 1, 1));
        assert_eq!(parse_typed_date("1 janvier 2025"), date(2025, 1, 1));
        assert_eq!(parse_typed_date("1er janvier 2025"), date(2025, 1, 1));
        assert_eq!(parse_typed_date("3 févr. 2025"), date(2025, 2, 3));
        assert_eq!(parse_typed_date("14 FÉVRIER 2025"), date(2025, 2, 14));
        assert_eq!(parse_typed_date("15 août 2024"), date(2024, 8, 15));
        assert_eq!(parse_typed_date("2nd Dec 2024"), date(2024, 12, 2));
        assert_eq!(parse_typed_date("1-Jan-2025"), date(2025, 1, 1));
    }

    #[test]
    fn anything_else_is_refused() {
        for text in [
            "",
            "x",
            "2025",
            "2025-01",
            "1 Jan",
            "1 Jan 25",
            "01/01/25",
            "2025-13-01",
            "31/02/2025",
            "32 Jan 2025",
            "1 Foo 2025",
            "1xx Jan 2025",
            "1 Jan 2025 extra",
            "Jan Feb 2025",
        ] {
            assert_eq!(parse_typed_date(text), None, "{text:?}");
        }
    }
}
