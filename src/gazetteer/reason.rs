//! The reasons a candidate scored what it did, as the data each sentence
//! needs, and the sentences an analyst reads (`geocode --explain`, the
//! review panel).

use std::fmt;

use super::country::country_name;

/// Why a candidate scored what it did, kept as the data the sentence needs
/// and written out only when someone reads it (`geocode --explain`, the
/// review panel): formatting every reason of every candidate was a tenth of
/// the extractor's time, and the extractor reads none of them.
#[derive(Debug, Clone, Copy)]
pub(super) enum Reason<'a> {
    /// Text that needs no formatting.
    Text(&'a str),
    Alternate(&'a str),
    Variant(&'a str),
    /// Spelling close to the name, so many letters apart.
    Close(&'a str, usize),
    /// In the country the report names (its code).
    HomeCountry(&'a str),
    /// In the first country (code), not the second.
    OtherCountry(&'a str, &'a str),
    /// An admin unit (feature code), and whether the name asked for a unit.
    AdminUnit(&'a str, bool),
    /// Not a settlement (class, feature code).
    NotSettlement(&'a str, &'a str),
    /// "first", "second" or "third", and the feature code.
    UnitLevel(&'static str, &'a str),
    Population(i64),
    /// In the unit named beside the mention.
    InHinted(&'a str),
    SameProvince(&'a str),
    SameRegion(&'a str),
    /// So many km from the name written beside the mention.
    FromHint(f64, &'a str),
    /// Recorded in the first province, not the second.
    Recorded(&'a str, &'a str),
    /// So many km from another place named in the report.
    FromNamed(f64, &'a str),
    /// A synthetic unit placed at its seat.
    Seat(&'a str),
    /// At the same spot as a row carrying the name as its own.
    SharedSpot(&'a str),
}

impl Reason<'_> {
    /// The reason as text; fixed text is copied without the formatter.
    pub(super) fn render(&self) -> String {
        use std::fmt::Write;
        match self {
            Reason::Text(text) => (*text).to_string(),
            other => {
                // Room for the longest sentence, so the text is written
                // without growing the string piece by piece.
                let mut out = String::with_capacity(96);
                // Writing to a String cannot fail.
                let _ = write!(out, "{other}");
                out
            }
        }
    }
}

impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // An unknown code stands for its country rather than vanish.
        fn country(code: &str) -> &str {
            country_name(code).unwrap_or(code)
        }
        match *self {
            Reason::Text(text) => f.write_str(text),
            Reason::Alternate(name) => write!(f, "alternate name of {name}"),
            Reason::Variant(name) => write!(f, "spelling variant of {name}"),
            Reason::Close(name, d) => write!(
                f,
                "spelling close to {name} ({d} letter{} apart)",
                if d == 1 { "" } else { "s" }
            ),
            Reason::HomeCountry(cc) => write!(f, "in {} as the report says", country(cc)),
            Reason::OtherCountry(cc, asked) => {
                write!(f, "in {}, not {}", country(cc), country(asked))
            }
            Reason::AdminUnit(code, true) => write!(f, "admin unit ({code}), as the name asks"),
            Reason::AdminUnit(code, false) => write!(f, "admin unit ({code})"),
            Reason::NotSettlement(class, code) => {
                write!(f, "not a settlement (class {class}, {code})")
            }
            Reason::UnitLevel(order, code) => write!(f, "{order}-order admin unit ({code})"),
            Reason::Population(pop) => write!(f, "population {}", thousands(pop)),
            Reason::InHinted(unit) => write!(f, "in {unit}, named beside it"),
            Reason::SameProvince(town) => {
                write!(f, "in the same province as {town}, named beside it")
            }
            Reason::SameRegion(town) => write!(f, "in the same region as {town}, named beside it"),
            Reason::FromHint(d, written) => write!(f, "{d:.0} km from {written}, named beside it"),
            Reason::Recorded(own, named) => write!(f, "recorded in {own}, not {named}"),
            Reason::FromNamed(d, other) => {
                write!(f, "{d:.0} km from {other} named in the same report")
            }
            Reason::Seat(seat) => write!(
                f,
                "known from the admin code table only; the point is its seat {seat}"
            ),
            Reason::SharedSpot(own) => write!(
                f,
                "the name is only an alternate here; {own}, at the same spot, bears it as its own"
            ),
        }
    }
}

/// 61462 -> "61,462".
pub(super) fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(61462), "61,462");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
