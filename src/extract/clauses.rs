//! One sentence, two events: "gunmen attacked Djibo on Saturday and Arbinda
//! on Sunday", "une attaque a visé Djibo le 10 mai, puis Arbinda le 12".
//! ACLED codes one event per place and day, so such a sentence is cut in two
//! clauses, each read on its own with the sentence's verb and actors.
//!
//! A sentence is cut only when all of this holds, so that "on Saturday and
//! Sunday in Djibo" or "Djibo, in Soum province, on 10 May" stay whole:
//! - it names two different days;
//! - between them there is a clause boundary: "and", "et", "then", "puis",
//!   "while", "tandis", "whereas", or a comma or semicolon (the last one
//!   before the second day is taken);
//! - each side of the boundary names its own place (not a capital
//!   mentioned in passing), and they are different places.

use std::ops::Range;

use super::dates::DateMention;
use super::places::{Role, SentencePlaces};
use super::words::Word;

/// One part of a cut sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// The clause's words (indices into the sentence's words).
    pub words: Range<usize>,
    /// The places named in it.
    pub places: SentencePlaces,
}

fn is_joining_word(folded: &str) -> bool {
    matches!(
        folded,
        "and" | "et" | "then" | "puis" | "while" | "whereas" | "tandis"
    )
}

/// Whether the text between the previous word and this one holds a comma
/// or a semicolon.
fn punctuated(text: &str, ws: &[Word<'_>], i: usize) -> bool {
    let from = if i == 0 { 0 } else { ws[i - 1].end };
    text.get(from..ws[i].start)
        .is_some_and(|gap| gap.contains([',', ';']))
}

/// The clauses of a sentence that tells of two events (see the module
/// header), or `None` to read it whole. `dates` are the sentence's dates of
/// events (not of reporting), in order.
pub fn split(
    text: &str,
    ws: &[Word<'_>],
    places: &SentencePlaces,
    dates: &[DateMention],
) -> Option<[Clause; 2]> {
    let first = dates.first()?;
    let second = dates.iter().find(|d| d.date != first.date)?;
    let cut = (0..ws.len()).rev().find(|&i| {
        ws[i].start >= first.end
            && ws[i].end <= second.start
            && (is_joining_word(&ws[i].folded) || punctuated(text, ws, i))
    })?;
    let at = ws[cut].start;
    let mut left = SentencePlaces::default();
    let mut right = SentencePlaces::default();
    for r in &places.resolved {
        // A name that cannot be found as written cannot be placed in a clause.
        let pos = text.find(&r.written)?;
        let side = if pos < at { &mut left } else { &mut right };
        side.resolved.push(r.clone());
    }
    for name in &places.unresolved {
        let side = match text.find(name.as_str()) {
            Some(pos) if pos >= at => &mut right,
            _ => &mut left,
        };
        side.unresolved.push(name.clone());
    }
    let main = |p: &SentencePlaces| {
        p.resolved
            .iter()
            .find(|r| r.role != Role::Capital)
            .map(|r| r.place.geonameid)
    };
    match (main(&left), main(&right)) {
        (Some(a), Some(b)) if a != b => Some([
            Clause {
                words: 0..cut,
                places: left,
            },
            Clause {
                words: cut..ws.len(),
                places: right,
            },
        ]),
        _ => None,
    }
}
