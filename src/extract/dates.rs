//! Dates: the publication date of a report and the dates inside a sentence.
//!
//! Weekday rule (documented decision): "on Saturday" means the most recent
//! Saturday on or before the publication date. A report published on a
//! Tuesday that says "on Tuesday" speaks of that same day (wire copy is
//! written the day things are said); an event a week old would be dated
//! explicitly. "last Saturday" is always strictly before publication.
//!
//! Nights across two dates ("in the night of 10 to 11 May", "dans la nuit
//! du 10 au 11 mai", "10-11 May") are dated to the first: ACLED codes the
//! day an attack began.
//!
//! Vague dates keep a coarser time precision (ACLED's 2 = week, 3 = month):
//! - "last week", "la semaine dernière": publication minus seven days, week;
//! - "this week", "cette semaine": the publication date, week;
//! - "earlier this month", "ce mois-ci": halfway from the 1st to publication, month;
//! - "last month", "le mois dernier": the 15th of the month before, month;
//! - "early July", "début juillet": the 5th; "mid-July", "mi-juillet": the
//!   15th; "late July", "fin juillet": the 25th; "in July", "en juillet":
//!   the 15th; all month precision, in the twelve months up to publication.
//!
//! Dates that follow a reporting verb ("said on Tuesday", "posted on Monday")
//! are marked `reported`: they date the statement, not the event.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::model::{Span, TimePrecision};

use super::lexicon::Kind;
use super::words::{Word, words};

/// A date found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    pub date: NaiveDate,
    /// Byte offsets into the sentence.
    pub start: usize,
    pub end: usize,
    /// Follows a reporting verb: the day something was said, not done.
    pub reported: bool,
    /// Day for a stated day, week or month for vague expressions.
    pub precision: TimePrecision,
    /// A weekday alone ("on Saturday"), resolved against publication: it
    /// gives way to a stated date in the same sentence.
    pub weekday_only: bool,
}

/// Where the publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// A dateline or header line of the report itself.
    Text,
    /// The date the caller passed in.
    Given,
    /// Nowhere.
    Unknown,
}

/// The publication date and how it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    pub date: Option<NaiveDate>,
    /// Where the text states it, so that the header is not read as an event date.
    pub span: Option<Span>,
    pub source: DateSource,
    pub warnings: Vec<String>,
}

/// The month named by a folded word (English or French, full or abbreviated).
pub fn month(w: &str) -> Option<u32> {
    match w {
        "january" | "jan" | "janvier" => Some(1),
        "february" | "feb" | "fevrier" => Some(2),
        "march" | "mar" | "mars" => Some(3),
        "april" | "apr" | "avril" => Some(4),
        "may" | "mai" => Some(5),
        "june" | "jun" | "juin" => Some(6),
        "july" | "jul" | "juillet" => Some(7),
        "august" | "aug" | "aout" => Some(8),
        "september" | "sept" | "sep" | "septembre" => Some(9),
        "october" | "oct" | "octobre" => Some(10),
        "november" | "nov" | "novembre" => Some(11),
        "december" | "dec" | "decembre" => Some(12),
        _ => None,
    }
}

/// The weekday named by a folded word, if any.
pub fn weekday(w: &str) -> Option<Weekday> {
    match w {
        "monday" | "lundi" => Some(Weekday::Mon),
        "tuesday" | "mardi" => Some(Weekday::Tue),
        "wednesday" | "mercredi" => Some(Weekday::Wed),
        "thursday" | "jeudi" => Some(Weekday::Thu),
        "friday" | "vendredi" => Some(Weekday::Fri),
        "saturday" | "samedi" => Some(Weekday::Sat),
        "sunday" | "dimanche" => Some(Weekday::Sun),
        _ => None,
    }
}

fn day_number(w: &str) -> Option<u32> {
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let w = w.strip_suffix("er").unwrap_or(w);
    let w = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(w);
    let d: u32 = w.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year(w: &str) -> Option<i32> {
    if w.len() != 4 {
        return None;
    }
    let y: i32 = w.parse().ok()?;
    (1990..=2100).contains(&y).then_some(y)
}

/// "2024-07-21" and "21/07/2024" written as one token.
fn numeric_date(w: &str) -> Option<NaiveDate> {
    // Most words are not numbers: leave them before splitting.
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let parts: Vec<&str> = w.split(['-', '/', '.']).collect();
    if parts.len() != 3 || !parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let n = |p: &str| p.parse::<u32>().ok();
    if parts[0].len() == 4 {
        NaiveDate::from_ymd_opt(year(parts[0])?, n(parts[1])?, n(parts[2])?)
    } else if parts[2].len() == 4 {
        // Day first, as everywhere the reports come from.
        NaiveDate::from_ymd_opt(year(parts[2])?, n(parts[1])?, n(parts[0])?)
    } else {
        None
    }
}

/// A date without a year falls in the twelve months up to publication.
fn infer_year(month: u32, day: u32, publication: Option<NaiveDate>) -> Option<NaiveDate> {
    let pubd = publication?;
    let this = NaiveDate::from_ymd_opt(pubd.year(), month, day)?;
    if this > pubd {
        NaiveDate::from_ymd_opt(pubd.year() - 1, month, day)
    } else {
        Some(this)
    }
}

/// The most recent `day` on or before `publication` (see the module header).
pub fn resolve_weekday(day: Weekday, publication: NaiveDate, strictly_before: bool) -> NaiveDate {
    let mut back = (7 + publication.weekday().num_days_from_monday() as i64
        - day.num_days_from_monday() as i64)
        % 7;
    if back == 0 && strictly_before {
        back = 7;
    }
    publication - Duration::days(back)
}

/// Every date in `sentence`; weekdays and year-less dates need `publication`.
#[cfg(test)]
pub fn find_dates(sentence: &str, publication: Option<NaiveDate>) -> Vec<DateMention> {
    find_dates_in(&words(sentence), publication)
}

/// [`find_dates`] over words already split.
pub fn find_dates_in(ws: &[Word<'_>], publication: Option<NaiveDate>) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if let Some((date, used)) = explicit_at(ws, i, publication) {
            let end = ws[i + used - 1].end;
            out.push(DateMention {
                date,
                start: ws[i].start,
                end,
                reported: reported(ws, i),
                precision: TimePrecision::Day,
                weekday_only: false,
            });
            i += used;
            continue;
        }
        if let Some((date, precision, used)) = publication.and_then(|p| vague_at(ws, i, p)) {
            out.push(DateMention {
                date,
                start: ws[i].start,
                end: ws[i + used - 1].end,
                reported: reported(ws, i),
                precision,
                weekday_only: false,
            });
            i += used;
            continue;
        }
        let w = &ws[i].folded;
        if let (Some(day), Some(p)) = (weekday(w), publication) {
            let last = i > 0 && ws[i - 1].is_any(&["last", "dernier"])
                || ws.get(i + 1).is_some_and(|n| n.is("dernier"));
            // "Friday prayers", "la prière du vendredi": a day of the
            // week that names something else than the event.
            let other = ws.get(i + 1).is_some_and(|n| n.has(Kind::NotEventDay))
                || ws[i.saturating_sub(6)..i]
                    .iter()
                    .rev()
                    .take_while(|n| !n.has(Kind::Attack))
                    .any(|n| n.has(Kind::NotEventDay));
            // "dans la nuit de dimanche à lundi", "overnight Saturday to
            // Sunday": the night began on the first day.
            let night_to = ws
                .get(i + 1)
                .is_some_and(|n| n.is_any(&["a", "au", "to", "into"]))
                && ws.get(i + 2).is_some_and(|n| weekday(&n.folded).is_some());
            out.push(DateMention {
                date: resolve_weekday(day, p, last),
                start: ws[i].start,
                end: ws[if night_to { i + 2 } else { i }].end,
                reported: reported(ws, i) || other,
                precision: TimePrecision::Day,
                weekday_only: true,
            });
            if night_to {
                // The second day is part of this one; and when the
                // publication falls on it, the first is the day before.
                if let Some(second) = weekday(&ws[i + 2].folded)
                    && let Some(last_mention) = out.last_mut()
                {
                    let end_day = resolve_weekday(second, p, false);
                    last_mention.date = end_day - Duration::days(1);
                }
                i += 3;
                continue;
            }
        } else if let Some(p) = publication {
            let back = match w.as_ref() {
                "yesterday" | "hier" => Some(1),
                "today" => Some(0),
                _ => None,
            };
            if let Some(b) = back {
                out.push(DateMention {
                    date: p - Duration::days(b),
                    start: ws[i].start,
                    end: ws[i].end,
                    reported: reported(ws, i),
                    precision: TimePrecision::Day,
                    weekday_only: false,
                });
            }
        }
        i += 1;
    }
    out
}

/// A vague date starting at word `i` (see the module header): the date,
/// its precision and the words used.
fn vague_at(
    ws: &[Word<'_>],
    i: usize,
    publication: NaiveDate,
) -> Option<(NaiveDate, TimePrecision, usize)> {
    let at = |k: usize| ws.get(i + k).map_or("", |w| w.folded.as_ref());
    let week = TimePrecision::Week;
    let month_p = TimePrecision::Month;
    match (at(0), at(1), at(2)) {
        ("last", "week", _) | ("semaine", "derniere" | "passee", _) => {
            return Some((publication - Duration::days(7), week, 2));
        }
        ("this", "week", _) | ("cette", "semaine", _) => return Some((publication, week, 2)),
        ("earlier", "this", "month") | ("ce", "mois-ci", _) | ("this", "month", _) => {
            let first = publication.with_day(1)?;
            let half = (publication.day() - 1) / 2;
            let used = if at(0) == "earlier" { 3 } else { 2 };
            return Some((first + Duration::days(i64::from(half)), month_p, used));
        }
        ("last", "month", _) | ("mois", "dernier", _) => {
            let first = publication.with_day(1)?;
            let before = first - Duration::days(1);
            return Some((before.with_day(15)?, month_p, 2));
        }
        _ => {}
    }
    // "early July", "fin juillet", "mid-July", "à la fin du mois de juillet".
    let (day, skip) = match at(0) {
        "early" | "debut" => (5, 1),
        "mid" | "mi" => (15, 1),
        "late" | "fin" | "end" => (25, 1),
        "in" | "en" if month(at(1)).is_some() && ws[i + 1].is_capitalised() || at(0) == "en" => {
            (15, 1)
        }
        w => match w.strip_prefix("mi-").or_else(|| w.strip_prefix("mid-")) {
            Some(m) if month(m).is_some() => (15, 0),
            _ => return None,
        },
    };
    let mut k = skip;
    while matches!(at(k), "of" | "du" | "de" | "mois" | "the") && k < skip + 3 {
        k += 1;
    }
    let name = if skip == 0 {
        at(0).rsplit('-').next().unwrap_or("")
    } else {
        at(k)
    };
    let m = month(name)?;
    if m == 5 && name == "may" && !ws[i + k].is_capitalised() {
        return None;
    }
    let used = if skip == 0 { 1 } else { k + 1 };
    let (date, used) = match ws.get(i + used).and_then(|w| year(&w.folded)) {
        Some(y) => (NaiveDate::from_ymd_opt(y, m, day)?, used + 1),
        None => (infer_year(m, day, Some(publication))?, used),
    };
    Some((date, month_p, used.max(1)))
}

/// Whether a reporting verb stands within the eight words before `i` with
/// no attack word between ("said in a statement read on state television
/// on Tuesday"): the date is the statement's.
fn reported(ws: &[Word<'_>], i: usize) -> bool {
    let from = i.saturating_sub(8);
    // An attack verb between them dates the attack ("said gunmen attacked
    // on Sunday"); an attack noun is what was claimed ("claimed the attack
    // on Sunday").
    let verb_at = |k: usize| {
        ws[k].has(Kind::Attack)
            && !(k > 0
                && ws[k - 1].is_any(&["the", "this", "its", "la", "le", "cette", "l", "their"]))
    };
    (from..i)
        .rev()
        .take_while(|&k| !verb_at(k))
        .any(|k| ws[k].has(Kind::ReportVerb))
}

/// An explicit date starting at word `i`: returns it and the words it used.
fn explicit_at(
    ws: &[Word<'_>],
    i: usize,
    publication: Option<NaiveDate>,
) -> Option<(NaiveDate, usize)> {
    let w = &ws[i].folded;
    if let Some(d) = numeric_date(w) {
        return Some((d, 1));
    }
    // A weekday right before a full date belongs to it: "Monday, July 28, 2025".
    if weekday(w).is_some()
        && let Some((d, used)) = ws
            .get(i + 1)
            .and_then(|_| explicit_at(ws, i + 1, publication))
    {
        return Some((d, used + 1));
    }
    let next = |k: usize| ws.get(i + k).map(|w| w.folded.as_ref());
    // A night across two dates is the first: "10 to 11 May", "du 10 au 11 mai", "10-11 May".
    // "du samedi 19 au dimanche 20 avril": a weekday may name the second day.
    let second_weekday = usize::from(next(2).and_then(weekday).is_some());
    let first_of_two = day_number(w)
        .filter(|_| {
            next(1).is_some_and(|c| matches!(c, "to" | "au" | "and" | "et"))
                && next(2 + second_weekday).and_then(day_number).is_some()
        })
        .map(|d| (d, 2 + second_weekday))
        .or_else(|| {
            let (a, b) = w.split_once('-')?;
            day_number(b)?;
            day_number(a).map(|d| (d, 0))
        });
    if let Some((day, skip)) = first_of_two
        && let Some(m) = next(skip + 1).and_then(month)
    {
        if let Some(y) = next(skip + 2).and_then(year) {
            return NaiveDate::from_ymd_opt(y, m, day).map(|d| (d, skip + 3));
        }
        return infer_year(m, day, publication).map(|d| (d, skip + 2));
    }
    // "21 July 2024", "le 24 août 2024", "1er mars".
    if let (Some(day), Some(m)) = (day_number(w), next(1).and_then(month)) {
        if let Some(y) = next(2).and_then(year) {
            return NaiveDate::from_ymd_opt(y, m, day).map(|d| (d, 3));
        }
        return infer_year(m, day, publication).map(|d| (d, 2));
    }
    // "July 21, 2024" and "July 21". "May" alone is too often a verb, so a
    // month first needs a day number right after it.
    if let (Some(m), Some(day)) = (month(w), next(1).and_then(day_number)) {
        if ws[i].folded == "may" && !ws[i].is_capitalised() {
            return None;
        }
        if let Some(y) = next(2).and_then(year) {
            return NaiveDate::from_ymd_opt(y, m, day).map(|d| (d, 3));
        }
        return infer_year(m, day, publication).map(|d| (d, 2));
    }
    None
}

const HEADER_KEYS: &[&str] = &[
    "date",
    "dated",
    "published",
    "publie",
    "publiee",
    "posted",
    "updated",
    "publication",
    "issued",
    "released",
    "diffuse",
    "diffusee",
    "ending",
    "communique",
    "statement",
];

/// The publication date: a dateline or header line near the top of the text
/// wins, then `given`; a disagreement between the two is reported.
pub fn publication_date(text: &str, given: Option<NaiveDate>) -> Publication {
    let mut warnings = Vec::new();
    let header = header_date(text);
    let found = header.map(|h| h.0);
    let (date, source) = match (found, given) {
        (Some(f), Some(g)) => {
            if f != g {
                warnings.push(format!(
                    "the report's own date {f} differs from the given date {g}; using {f}"
                ));
            }
            (Some(f), DateSource::Text)
        }
        (Some(f), None) => (Some(f), DateSource::Text),
        (None, Some(g)) => (Some(g), DateSource::Given),
        (None, None) => {
            warnings.push(
                "no publication date: weekdays and undated incidents cannot be resolved"
                    .to_string(),
            );
            (None, DateSource::Unknown)
        }
    };
    Publication {
        date,
        span: header.filter(|_| source == DateSource::Text).map(|h| h.1),
        source,
        warnings,
    }
}

/// The publication date the first few lines give, best first:
/// - a date introduced by a header word ("Published: 2024-05-13", "Week
///   ending 1 February 2025", "diffusée le lundi 13 octobre 2025",
///   "Communiqué N°12 du 7 avril 2025");
/// - a dateline: a date that opens a line or follows a short lead naming
///   the desk ("NIAMEY, March 7 (AP) -", "Ouagadougou, le 14 juin 2025 -",
///   "Town, Country - July 21, 2024");
/// - a full date alone on a short header line with no attack word.
///
/// A dateline without a year ("BAMAKO, Feb 18 (Reuters)") takes the year
/// that puts it on or after the latest full date the report gives, since
/// a report is written after what it tells.
fn header_date(text: &str) -> Option<(NaiveDate, Span)> {
    // Read only for a dateline without a year: it walks the whole text.
    let reference = std::cell::OnceCell::new();
    let mut best: Option<(u8, NaiveDate, Span)> = None;
    let mut offset = 0;
    let mut seen = 0;
    for raw in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        seen += 1;
        if seen > 6 {
            break;
        }
        let ws = words(line);
        let mut i = 0;
        while i < ws.len() {
            let Some((date, used)) = explicit_at(&ws, i, None).or_else(|| {
                // A day and month without a year ("March 7"): only then is
                // the rest of the report read for the year.
                let far = NaiveDate::from_ymd_opt(2100, 12, 31);
                explicit_at(&ws, i, far)?;
                let r = (*reference.get_or_init(|| latest_full_date(text)))?;
                let end = NaiveDate::from_ymd_opt(r.year(), 12, 31)?;
                let (d, used) = explicit_at(&ws, i, Some(end))?;
                // Not before what the report tells of: then it is next year's.
                let d = if d + Duration::days(7) < r {
                    d.with_year(d.year() + 1)?
                } else {
                    d
                };
                Some((d, used))
            }) else {
                i += 1;
                continue;
            };
            let keyed = ws[i.saturating_sub(4)..i]
                .iter()
                .any(|w| w.is_any(HEADER_KEYS));
            let lead = line[..ws[i].start].trim_end();
            let dateline = ws[i].start < 80 && is_dateline_lead(lead);
            let header_line =
                line.len() < 120 && !ws.iter().any(|w| w.has(Kind::Attack) || w.has(Kind::Death));
            let score = if keyed {
                3
            } else if dateline {
                2
            } else if header_line && seen <= 3 {
                1
            } else {
                0
            };
            if score > 0 && best.is_none_or(|b| score > b.0) {
                let span = Span::new(line_start + ws[i].start, line_start + ws[i + used - 1].end);
                best = Some((score, date, span));
            }
            i += used;
        }
    }
    best.map(|(_, d, s)| (d, s))
}

/// Whether the text before a date is a dateline's lead: nothing, a
/// separator, or a short capitalised desk name with "le" and a weekday
/// ("Ouagadougou, le mardi").
fn is_dateline_lead(lead: &str) -> bool {
    if lead.is_empty() || lead.ends_with(['-', '–', '—', ',', ':', '|']) {
        return true;
    }
    let ws = words(lead);
    let Some(first) = ws.first() else {
        return true;
    };
    let tail_ok = ws
        .iter()
        .rev()
        .take_while(|w| w.is_any(&["le", "du", "on"]) || weekday(&w.folded).is_some())
        .count();
    let head = &ws[..ws.len() - tail_ok];
    tail_ok > 0
        && lead.len() < 60
        && first.is_capitalised()
        && lead.contains(',')
        && head
            .iter()
            .all(|w| w.is_capitalised() || w.is_any(&["de", "du", "la", "le"]))
}

/// The latest date with its year written out anywhere in the text.
fn latest_full_date(text: &str) -> Option<NaiveDate> {
    let ws = words(text);
    (0..ws.len())
        .filter_map(|i| {
            let (d, used) = explicit_at(&ws, i, None)?;
            // Only dates whose last word is a year (or a numeric date).
            let last = &ws[i + used - 1].folded;
            (used == 1 || year(last).is_some()).then_some(d)
        })
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn dates(s: &str, p: Option<NaiveDate>) -> Vec<NaiveDate> {
        find_dates(s, p).into_iter().map(|m| m.date).collect()
    }

    #[test]
    fn explicit_dates_are_read_in_every_usual_form() {
        assert_eq!(
            dates("It began on 21 July 2024 at dawn", None),
            vec![d(2024, 7, 21)]
        );
        assert_eq!(
            dates("on July 21, 2024, gunmen came", None),
            vec![d(2024, 7, 21)]
        );
        assert_eq!(
            dates("on Monday, July 28, 2025.", None),
            vec![d(2025, 7, 28)]
        );
        assert_eq!(dates("filed 2024-07-21", None), vec![d(2024, 7, 21)]);
        assert_eq!(dates("filed 21/07/2024", None), vec![d(2024, 7, 21)]);
        assert_eq!(
            dates("le 24 août 2024, des hommes armés", None),
            vec![d(2024, 8, 24)]
        );
    }

    #[test]
    fn a_night_across_two_dates_is_dated_to_the_first() {
        let p = Some(d(2025, 5, 14));
        assert_eq!(
            dates("in the night of 10 to 11 May, they came", p),
            vec![d(2025, 5, 10)]
        );
        assert_eq!(
            dates("dans la nuit du 10 au 11 mai 2025", None),
            vec![d(2025, 5, 10)]
        );
        assert_eq!(dates("on 10-11 May", p), vec![d(2025, 5, 10)]);
    }

    fn vague(s: &str, p: NaiveDate) -> Vec<(NaiveDate, TimePrecision)> {
        find_dates(s, Some(p))
            .into_iter()
            .map(|m| (m.date, m.precision))
            .collect()
    }

    #[test]
    fn vague_weeks_and_months_keep_a_coarse_precision() {
        let p = d(2024, 11, 20);
        assert_eq!(
            vague("gunmen came last week", p),
            vec![(d(2024, 11, 13), TimePrecision::Week)]
        );
        assert_eq!(
            vague("la semaine dernière", p),
            vec![(d(2024, 11, 13), TimePrecision::Week)]
        );
        assert_eq!(
            vague("Earlier this month, gunmen", p),
            vec![(d(2024, 11, 10), TimePrecision::Month)]
        );
        assert_eq!(
            vague("Fin juillet, des combattants", p),
            vec![(d(2024, 7, 25), TimePrecision::Month)]
        );
        assert_eq!(
            vague("in early December", p),
            vec![(d(2023, 12, 5), TimePrecision::Month)]
        );
        assert_eq!(
            vague("à la mi-octobre", p),
            vec![(d(2024, 10, 15), TimePrecision::Month)]
        );
        assert_eq!(
            vague("le mois dernier", p),
            vec![(d(2024, 10, 15), TimePrecision::Month)]
        );
        assert!(vague("the end of the talks", p).is_empty());
    }

    #[test]
    fn a_date_without_year_falls_before_publication() {
        let p = Some(d(2025, 1, 10));
        assert_eq!(
            dates("on 28 December the town fell", p),
            vec![d(2024, 12, 28)]
        );
    }

    #[test]
    fn weekdays_resolve_to_the_last_such_day_up_to_publication() {
        // 2024-07-21 is a Sunday.
        let p = Some(d(2024, 7, 21));
        assert_eq!(dates("on Saturday afternoon", p), vec![d(2024, 7, 20)]);
        assert_eq!(dates("on Sunday", p), vec![d(2024, 7, 21)]);
        assert_eq!(dates("last Sunday", p), vec![d(2024, 7, 14)]);
        assert_eq!(
            dates("on Monday and Tuesday", p),
            vec![d(2024, 7, 15), d(2024, 7, 16)]
        );
        assert!(dates("on Saturday", None).is_empty());
    }

    #[test]
    fn a_date_after_a_reporting_verb_is_marked_reported() {
        let m = find_dates("the group said on Tuesday", Some(d(2025, 5, 13)));
        assert_eq!(m.len(), 1);
        assert!(m[0].reported);
    }

    #[test]
    fn the_lowercase_verb_may_is_not_a_month() {
        assert!(dates("the attack may 3 times", Some(d(2025, 5, 13))).is_empty());
    }

    #[test]
    fn publication_comes_from_header_dateline_or_argument() {
        let g = Some(d(2020, 1, 1));
        let p = publication_date("Published: 2024-05-13\nText", None);
        assert_eq!(p.date, Some(d(2024, 5, 13)));
        let p = publication_date(" date 2024-03-23 Islamic State fighters", None);
        assert_eq!(p.date, Some(d(2024, 3, 23)));
        let p = publication_date(
            "Headline\n\nKpankankandi, Togo - July 21, 2024\n\nBody",
            None,
        );
        assert_eq!(p.date, Some(d(2024, 7, 21)));
        let p = publication_date("No date here at all.", g);
        assert_eq!((p.date, p.source), (g, DateSource::Given));
        let p = publication_date("No date here at all.", None);
        assert_eq!(p.date, None);
        assert_eq!(p.warnings.len(), 1);
    }

    #[test]
    fn a_date_in_the_body_is_not_a_header() {
        let p = publication_date(
            "The army said fighting broke out on 3 May 2024 near the river.",
            None,
        );
        assert_eq!(p.date, None);
    }
}
