//! Event dates within a sentence and between sentences: which of a
//! sentence's dates is its event's (not the day something was said, nor
//! the header's), and the days counted from the previous event ("the next
//! day", "la veille", "three days earlier") that carry a date from one
//! sentence to the next.
//!
//! Apart from `crate::extract::dates`, which finds dates in words: this is
//! about which date belongs to which event.

use chrono::NaiveDate;

use crate::extract::dates::{DateMention, find_dates_in};
use crate::extract::lexicon::{Kind, lexicon};
use crate::extract::sentences::Sentence;
use crate::extract::words::Word;
use crate::model::{Span, TimePrecision};

use super::triggers::is_strong;

/// The dates of events in a sentence's words, in order: not the day
/// something was said, nor the header's date.
pub(super) fn event_dates(
    sentence: &Sentence<'_>,
    ws: &[Word<'_>],
    publication: Option<NaiveDate>,
    header: Option<Span>,
) -> Vec<DateMention> {
    let mut dates: Vec<DateMention> = find_dates_in(ws, publication)
        .into_iter()
        .filter(|d| !d.reported)
        .filter(|d| {
            header.is_none_or(|h| {
                let s = sentence.span.start + d.start;
                s < h.start || s >= h.end
            })
        })
        .collect();
    // A stated date beats a bare weekday in the same sentence: "on 9
    // March ... said on Tuesday" is the 9th, whatever Tuesday was.
    if dates
        .iter()
        .any(|d| !d.weekday_only && d.precision == TimePrecision::Day)
    {
        dates.retain(|d| !d.weekday_only);
    }
    dates
}

/// The day a sentence's event happened: its only date, or, when it names
/// several days, the one that goes with the attack word: the first date
/// after it in the same clause ("gunmen attacked the town on Saturday"),
/// else the nearest before it ("On Saturday, gunmen attacked"). So "buried
/// on Sunday after gunmen attacked the town on Saturday" is Saturday.
pub(super) fn event_date<'d>(dates: &'d [DateMention], ws: &[Word<'_>]) -> Option<&'d DateMention> {
    let first = dates.first()?;
    if dates.iter().all(|d| d.date == first.date) {
        return Some(first);
    }
    let Some(verb) = ws.iter().position(is_strong) else {
        return Some(first);
    };
    let (from, to) = (ws[verb].start, ws[verb].end);
    let next_clause = |d: &DateMention| {
        ws.iter()
            .any(|w| w.start >= to && w.end <= d.start && is_clause_word(&w.folded))
    };
    let after = dates.iter().find(|d| d.start >= to);
    if let Some(d) = after.filter(|d| !next_clause(d)) {
        return Some(d);
    }
    dates.iter().rev().find(|d| d.end <= from).or(after)
}

/// "The next day", "la veille": days from the last event's date, unless the
/// day is that of a claim or a statement ("JNIM claimed the attack the next
/// day", "a annoncé le lendemain"): then it dates no event.
pub(super) fn relative_day(ws: &[Word<'_>]) -> Option<i64> {
    let lex = lexicon();
    let (at, days) = (0..ws.len())
        .find_map(|i| {
            lex.at(Kind::RelativeDay, ws, i)
                .and_then(|(_, v)| v.parse::<i64>().ok())
                .map(|d| (i, d))
        })
        .or_else(|| counted_days(ws))?;
    let said = ws[..at]
        .iter()
        .any(|w| w.has(Kind::Claim) || w.has(Kind::ReportVerb));
    if said {
        return None;
    }
    Some(days)
}

/// "Three days earlier", "cinq jours plus tard", "four days after": a
/// number of days from the last event, and where it starts.
fn counted_days(ws: &[Word<'_>]) -> Option<(usize, i64)> {
    // Most words are not followed by "days": look at those only.
    (0..ws.len()).find_map(|i| {
        let unit = ws.get(i + 1)?;
        if !unit.is_any(&["days", "jours", "day", "jour"]) {
            return None;
        }
        let n = i64::from(crate::extract::fatalities::number_word(&ws[i].folded)?);
        if n > 30 {
            return None;
        }
        let next = ws.get(i + 2).map_or("", |w| w.folded.as_ref());
        let after = ws.get(i + 3).map_or("", |w| w.folded.as_ref());
        let sign = match (next, after) {
            ("later" | "after" | "apres", _) | ("plus", "tard") => 1,
            ("earlier" | "before" | "auparavant" | "avant", _) | ("plus", "tot") => -1,
            _ => return None,
        };
        Some((i, sign * n))
    })
}

/// Words that start another clause, whose date is another event's.
fn is_clause_word(folded: &str) -> bool {
    matches!(
        folded,
        "and"
            | "after"
            | "before"
            | "then"
            | "while"
            | "when"
            | "et"
            | "apres"
            | "avant"
            | "puis"
            | "lorsque"
            | "quand"
            | "tandis"
    )
}
