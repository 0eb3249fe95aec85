//! Segmentation: which sentences describe an event, and which of them
//! describe the same one.
//!
//! - A sentence with an attack word ("attacked", "raid", "ambush", "killed",
//!   "attaque", "tués", ...) opens or extends an incident. Plural nouns alone
//!   ("the attacks highlight") summarise and count for nothing.
//! - A weak word ("the incident", "mass graves", "gunfire") only extends the
//!   latest incident, and a finer place it names refines that incident's
//!   place ("The incident in Kalamba, Kaya" after an unplaced raid).
//! - Background sentences (cumulative tolls, "since 2021", "last year",
//!   negotiations, coups, speculation) produce nothing.
//! - Sentences merge when their place and date agree: same place, or a
//!   place inside (or within 60 km of) a province already named, or no place
//!   at all; "another attack" always opens a new incident.
//! - An incident without a day gets the publication date at week precision
//!   (ACLED practice); a vague date ("last week", "fin juillet") keeps its
//!   own precision; without a place it is dropped with a warning.
//! - Actor 1 is the side the grammar says acted (see `actors`), actor 2 the
//!   side acted upon; "gunmen" become the group that claimed the attack.
//!   Generic attackers become the report's main named group only when the
//!   report tells of one incident or names that group three times or more.
//! - A claim ("JNIM claimed", "revendiqué par l'EIGS") ends the notes with
//!   "claimed by <group>", always in that form, since the model has no
//!   claim field.
//! - Deaths told "also" in a later sentence ("30 assailants were also
//!   killed") are added to the toll, as ACLED counts every death.

use std::collections::HashMap;
use std::rc::Rc;

use chrono::NaiveDate;

use crate::gazetteer::Gazetteer;
use crate::model::{EventType, GeoPrecision, IncidentData, Span, TimePrecision, distance_km};

use super::actors::{ActorKind, ActorMention, Role as Side, actor_name, find_actors_in};
use super::clauses;
use super::dates::{DateMention, find_dates_in};
use super::event_type::{Cues, Sides, classify, cues_in};
use super::fatalities::{Count, fatalities_in};
use super::lexicon::{Kind, lexicon};
use super::places::{Resolved, Role, SentencePlaces};
use super::sentences::Sentence;
use super::weapons::find_weapons_in;
use super::words::Word;

/// An event dated this many days or more before the report's publication is
/// background: news reports tell what happened in the last weeks.
const OLD_NEWS_DAYS: i64 = 90;

/// A report that tells of an event this recent...
const FRESH_DAYS: i64 = 10;

/// ...only recalls what is older than this.
const RECALLED_DAYS: i64 = 45;

/// How strongly a sentence speaks of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    None,
    Weak,
    Strong,
}

/// An attack word of the lexicon that opens an incident ("pris" only says
/// where, see `data/lexicon/events.tsv`).
fn is_strong(w: &Word<'_>) -> bool {
    w.has(Kind::Attack) && lexicon().value(Kind::Attack, &w.folded) != Some("object")
}

/// An attack noun after a definite article ("the attack", "l'attaque",
/// "cette embuscade"): an event the report has told already.
fn is_anaphoric(ws: &[Word<'_>], i: usize) -> bool {
    let definite = ["l'", "L'", "l’", "L’"]
        .iter()
        .any(|p| ws[i].text.starts_with(p))
        || (i > 0 && ws[i - 1].is_any(&["the", "this", "that", "la", "le", "cette", "cet", "ce"]));
    definite && lexicon().value(Kind::Attack, &ws[i].folded) == Some("noun")
}

fn trigger(ws: &[Word<'_>]) -> Trigger {
    // Single words, then phrases ("opened fire").
    let phrase = || {
        (0..ws.len()).any(|i| {
            lexicon()
                .at(Kind::Attack, ws, i)
                .is_some_and(|(n, _)| n > 1)
        })
    };
    // "Following the attack on Dablo, ...", "L'attaque a été revendiquée":
    // an attack noun after a definite article points back to an event
    // already told; it extends that one rather than opening another.
    let told_before = |i: usize| is_anaphoric(ws, i);
    // "Aucun civil n'aurait été touché", "no one was shot": denied, not told.
    let denied = |i: usize| {
        ws[i.saturating_sub(4)..i]
            .iter()
            .any(|w| w.is_any(&["aucun", "aucune", "no", "none", "nobody", "personne", "ni"]))
    };
    let strong: Vec<usize> = (0..ws.len())
        .filter(|&i| is_strong(&ws[i]) && !denied(i))
        .collect();
    if !strong.is_empty() && strong.iter().all(|&i| told_before(i)) && !phrase() {
        return Trigger::Weak;
    }
    if !strong.is_empty() || phrase() {
        return Trigger::Strong;
    }
    if ws.iter().any(is_strong) {
        // Only denied attack words: what was spared completes the event.
        return Trigger::Weak;
    }
    let attack_nouns = ws.iter().any(|w| w.is_any(&["attack's", "raid's"]));
    // A list of captured arms belongs to the raid just described.
    let arms = ws
        .iter()
        .any(|w| w.is_any(&["rifles", "launchers", "rockets", "ammunition", "munitions"]));
    if attack_nouns || arms || ws.iter().any(|w| w.has(Kind::Weak)) {
        return Trigger::Weak;
    }
    Trigger::None
}

/// Whether a sentence is background rather than news.
#[cfg(test)]
fn is_background(sentence: &str) -> bool {
    background_cut(sentence, &super::words::words(sentence)) == Some(0)
}

/// An incident while sentences are still being added to it.
#[derive(Debug, Clone)]
struct Draft {
    place: Option<Resolved>,
    unresolved: Vec<String>,
    date: Option<(NaiveDate, TimePrecision)>,
    evidence: Span,
    cues: Cues,
    actors: Vec<ActorMention>,
    killing: bool,
    fatalities: Option<Count>,
    claimed: bool,
    /// The named group that claimed the attack, if a sentence says so.
    claimant: Option<ActorKind>,
    weapons: Vec<String>,
    /// The report itself calls the attackers unidentified.
    unidentified: bool,
    /// Where the incident goes when its village is not in the gazetteer:
    /// the last unit the report named, else its country.
    fallback: Option<Rc<Resolved>>,
    /// The place named just before, for a sentence that names none.
    nearby: Option<Rc<Resolved>>,
    /// The day came from a bare weekday ("on Saturday").
    weekday_date: bool,
    /// The day came from another sentence (a summary, "the next day").
    inherited_date: bool,
}

/// One sentence, read once.
struct Reading<'a> {
    sentence: &'a Sentence<'a>,
    trigger: Trigger,
    new_event: bool,
    place: Option<Resolved>,
    unresolved: Vec<String>,
    date: Option<(NaiveDate, TimePrecision)>,
    cues: Cues,
    actors: Vec<ActorMention>,
    killing: bool,
    fatalities: Option<Count>,
    claimed: bool,
    claimant: Option<ActorKind>,
    weapons: Vec<String>,
    unidentified: bool,
    /// "were also killed", "ont également été tués": deaths on top of those told.
    also: bool,
    /// "the next day", "la veille": days from the previous event's date.
    relative: Option<i64>,
    /// Only "the attack", "l'attaque": an event told already, unless none is.
    anaphoric: bool,
    weekday_date: bool,
    inherited_date: bool,
}

/// The dates of events in a sentence's words, in order: not the day
/// something was said, nor the header's date.
fn event_dates(
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
fn event_date<'d>(dates: &'d [DateMention], ws: &[Word<'_>]) -> Option<&'d DateMention> {
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

/// "Since November 2021", "depuis mars 2023", "since 10 May": where a total
/// over a period starts (the lexicon's "since 20*" covers a bare year).
fn since_a_date(ws: &[Word<'_>]) -> Option<usize> {
    let month = |k: usize| {
        ws.get(k)
            .is_some_and(|w| super::dates::month(&w.folded).is_some())
    };
    let digits = |k: usize| {
        ws.get(k)
            .is_some_and(|w| w.folded.starts_with(|c: char| c.is_ascii_digit()))
    };
    (0..ws.len()).find(|&i| {
        ws[i].is_any(&["since", "depuis"])
            && (month(i + 1)
                || (ws
                    .get(i + 1)
                    .is_some_and(|w| w.is_any(&["early", "late", "mid", "debut", "fin", "le"]))
                    && month(i + 2))
                || (digits(i + 1) && month(i + 2))
                || (ws.get(i + 1).is_some_and(|w| w.is("le")) && digits(i + 2) && month(i + 3)))
    })
}

/// Where a sentence's background starts, as a byte offset into it: 0 when
/// the whole sentence is background ("Since 2021, jihadists have killed
/// thousands"), the start of the clause holding the background phrase when
/// an event is told before it ("Gunmen killed 12 traders in Djibo on
/// Saturday, the deadliest attack since 2021"), `None` without background.
pub fn background_cut(sentence: &str, ws: &[Word<'_>]) -> Option<usize> {
    let at = lexicon()
        .find(Kind::Background, ws)
        .into_iter()
        .chain(since_a_date(ws))
        .min()?;
    let start = ws[at].start;
    let Some(boundary) = sentence[..start].rfind([',', ';', ':', '(', '–', '—']) else {
        return Some(0);
    };
    let told_before = ws
        .iter()
        .take_while(|w| w.end <= boundary)
        .any(|w| w.has(Kind::Attack) || w.has(Kind::Death));
    Some(if told_before { boundary } else { 0 })
}

/// "The next day", "la veille": days from the last event's date, unless the
/// day is that of a claim or a statement ("JNIM claimed the attack the next
/// day", "a annoncé le lendemain"): then it dates no event.
fn relative_day(ws: &[Word<'_>]) -> Option<i64> {
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
        let n = i64::from(super::fatalities::number_word(&ws[i].folded)?);
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

/// A sentence's readings: one, or one per clause when it tells of two
/// events (see `clauses`). A clause takes the sentence's verb, actors and
/// claim, and its own place, date and toll.
fn readings<'a>(
    sentence: &'a Sentence<'a>,
    ws: &[Word<'_>],
    places: SentencePlaces,
    publication: Option<NaiveDate>,
    header: Option<Span>,
) -> Vec<Reading<'a>> {
    let dates = event_dates(sentence, ws, publication, header);
    let Some(clauses) = clauses::split(sentence.text, ws, &places, &dates) else {
        return vec![read(sentence, ws, places, &dates)];
    };
    let whole = read(sentence, ws, SentencePlaces::default(), &dates);
    clauses
        .into_iter()
        .map(|clause| {
            let words = &ws[clause.words.clone()];
            let span = words.first().map_or(0, |w| w.start)..words.last().map_or(0, |w| w.end);
            let own: Vec<DateMention> = dates
                .iter()
                .filter(|d| span.contains(&d.start))
                .cloned()
                .collect();
            let mut r = read(sentence, words, clause.places, &own);
            if r.trigger != Trigger::Strong {
                r.trigger = whole.trigger;
            }
            if r.actors.is_empty() {
                r.actors.clone_from(&whole.actors);
            }
            r.killing |= whole.killing;
            r.claimed = whole.claimed;
            r.claimant = whole.claimant;
            r.unidentified = whole.unidentified;
            r.cues = whole.cues;
            r
        })
        .collect()
}

fn read<'a>(
    sentence: &'a Sentence<'a>,
    ws: &[Word<'_>],
    places: SentencePlaces,
    dates: &[DateMention],
) -> Reading<'a> {
    let chosen = event_date(dates, ws);
    let date = chosen.map(|d| (d.date, d.precision));
    let weekday_date = chosen.is_some_and(|d| d.weekday_only);
    let only_capital = places.resolved.iter().all(|r| r.role == Role::Capital);
    let mut resolved = places.resolved.into_iter();
    let place = if only_capital {
        resolved.next()
    } else {
        resolved.find(|r| r.role != Role::Capital)
    };
    let killing = ws
        .iter()
        .any(|w| w.has(Kind::Death) && lexicon().value(Kind::Death, &w.folded) != Some("toll"));
    let tolls = fatalities_in(ws);
    let actors = find_actors_in(ws);
    let claimed = ws.iter().any(|w| w.has(Kind::Claim));
    let claimant = actors
        .iter()
        .map(|a| a.kind)
        .find(|k| claimed && k.is_named_group());
    let mut trig = trigger(ws);
    if trig == Trigger::None && tolls.is_some() {
        // "No deaths were reported", "douze soldats ont perdu la vie":
        // a toll completes the event before it.
        trig = Trigger::Weak;
    }
    Reading {
        sentence,
        trigger: trig,
        anaphoric: trig == Trigger::Weak
            && ws
                .iter()
                .enumerate()
                .any(|(i, w)| is_strong(w) && is_anaphoric(ws, i)),
        new_event: ws.iter().any(|w| w.has(Kind::NewEvent)),
        place,
        unresolved: places.unresolved,
        date,
        cues: cues_in(ws),
        actors,
        killing,
        fatalities: tolls,
        claimed,
        claimant,
        also: ws.iter().any(|w| w.has(Kind::Also)),
        weekday_date,
        inherited_date: false,
        relative: relative_day(ws),
        weapons: find_weapons_in(ws),
        unidentified: ws.iter().any(|w| w.has(Kind::Unidentified)),
    }
}

fn same_place(a: &Resolved, b: &Resolved) -> bool {
    if a.place.geonameid == b.place.geonameid {
        return true;
    }
    let region = |r: &Resolved| r.precision == GeoPrecision::Region;
    if region(a) || region(b) {
        let inside = !a.place.admin2_code.is_empty()
            && a.place.country_code == b.place.country_code
            && a.place.admin1_code == b.place.admin1_code
            && a.place.admin2_code == b.place.admin2_code;
        let close = distance_km(
            a.place.latitude,
            a.place.longitude,
            b.place.latitude,
            b.place.longitude,
        ) < 60.0;
        return inside || close;
    }
    false
}

/// The finer of two places for the same incident.
fn finer(old: Resolved, new: Resolved) -> Resolved {
    if old.place.geonameid == new.place.geonameid {
        let mut o = old;
        o.precision = o.precision.min(new.precision);
        o.context = o.context.or(new.context);
        o.detail = o.detail.or(new.detail);
        return o;
    }
    if new.precision < old.precision {
        let mut n = new;
        if n.context.is_none() && old.role == Role::Admin {
            n.context.clone_from(&old.context);
        }
        n
    } else {
        old
    }
}

impl Draft {
    fn open(r: &Reading<'_>) -> Draft {
        Draft {
            place: r.place.clone(),
            unresolved: r.unresolved.clone(),
            date: r.date,
            evidence: r.sentence.span,
            cues: r.cues,
            actors: r.actors.clone(),
            killing: r.killing,
            fatalities: r.fatalities,
            claimed: r.claimed && r.fatalities.is_some(),
            claimant: r.claimant,
            weapons: r.weapons.clone(),
            unidentified: r.unidentified,
            fallback: None,
            nearby: None,
            weekday_date: r.weekday_date,
            inherited_date: r.inherited_date,
        }
    }

    fn absorb(&mut self, r: &Reading<'_>) {
        if let Some(p) = r.place.clone() {
            self.place = Some(match self.place.take() {
                Some(old) => finer(old, p),
                None => p,
            });
        }
        for u in &r.unresolved {
            if !self.unresolved.contains(u) {
                self.unresolved.push(u.clone());
            }
        }
        let before = self.date;
        self.date = match (self.date, r.date) {
            (Some(old), Some(new)) if new.1 < old.1 => Some(new),
            (old, new) => old.or(new),
        };
        if self.date != before {
            self.weekday_date = r.weekday_date;
            self.inherited_date = r.inherited_date;
        }
        self.cues.merge(r.cues);
        self.actors.extend(r.actors.iter().copied());
        self.claimant = self.claimant.or(r.claimant);
        self.killing |= r.killing;
        self.unidentified |= r.unidentified;
        let other_side = match (r.fatalities, self.fatalities) {
            (Some(c), Some(old)) => {
                c.value > 0
                    && old.value > 0
                    && matches!((c.attackers, old.attackers), (Some(a), Some(b)) if a != b)
            }
            _ => false,
        };
        if let (Some(c), Some(old), true) = (r.fatalities, self.fatalities, r.also || other_side) {
            // "30 assailants were also killed", or two soldiers in one
            // sentence and six terrorists in the next: ACLED counts every
            // death of the event.
            self.fatalities = Some(Count {
                value: old.value + c.value,
                vague: old.vague || c.vague,
                attackers: None,
            });
        } else if let Some(c) = r.fatalities {
            let better = match self.fatalities {
                None => true,
                // A claimed figure and another one: the lower, ACLED's
                // conservative rule (attackers inflate, armies deflate).
                Some(old) if self.claimed != r.claimed && !old.vague && !c.vague => {
                    c.value < old.value
                }
                Some(old) => {
                    (old.vague && !c.vague) || (old.vague == c.vague && c.value > old.value)
                }
            };
            if better {
                self.fatalities = Some(c);
                self.claimed = r.claimed;
            } else if self.fatalities == Some(c) {
                self.claimed |= r.claimed;
            }
        }
        for w in &r.weapons {
            if !self.weapons.contains(w) {
                self.weapons.push(w.clone());
            }
        }
    }

    /// What a summary sentence said of this incident: its cues, sides and
    /// weapons, and its toll when this one has none.
    fn take_summary(&mut self, s: Draft) {
        self.cues.merge(s.cues);
        self.actors.extend(s.actors);
        self.claimant = self.claimant.or(s.claimant);
        self.killing |= s.killing;
        self.unidentified |= s.unidentified;
        if self.fatalities.is_none() {
            self.fatalities = s.fatalities;
            self.claimed = s.claimed;
        }
        for w in s.weapons {
            if !self.weapons.contains(&w) {
                self.weapons.push(w);
            }
        }
    }

    fn accepts(&self, r: &Reading<'_>) -> bool {
        let dates_agree = match (self.date, r.date) {
            (Some(a), Some(b)) => {
                a.0 == b.0 || a.1 != TimePrecision::Day || b.1 != TimePrecision::Day
            }
            _ => true,
        };
        let places_agree = match (&self.place, &r.place) {
            (Some(a), Some(b)) => same_place(a, b),
            _ => true,
        };
        dates_agree && places_agree
    }
}

/// How many incidents back a sentence naming a place may return to: a
/// report comes back to a place it told of a few incidents earlier ("In
/// Djibo, ... In Arbinda, ... In Djibo, the toll rose"), not to one told
/// pages before, and looking further made a long roundup quadratic.
const LOOKBACK: usize = 64;

/// Builds the incidents of a report from its sentences and their places.
/// `split` holds each sentence's words.
pub fn build(
    sentences: &[Sentence<'_>],
    split: &[Vec<Word<'_>>],
    places: Vec<SentencePlaces>,
    fallbacks: &[Option<Rc<Resolved>>],
    publication: Option<NaiveDate>,
    header: Option<Span>,
    gazetteer: &Gazetteer,
) -> (Vec<IncidentData>, Vec<String>) {
    let mut drafts: Vec<Draft> = Vec::new();
    // The last admin unit the report named, with the sentence it was in.
    // Shared, not copied: a place carries all its alternate names, and
    // most sentences never open an incident that needs these.
    let mut last_unit: Option<Rc<Resolved>> = None;
    // The date of the last event told, which a sentence without its own
    // inherits ("Two attacks hit the East on 5 March. In Fada, ...") and
    // relative days count from ("the next day", "la veille").
    let mut last_date: Option<(NaiveDate, TimePrecision)> = None;
    // The last place named, with its sentence.
    let mut last_place: Option<(usize, Rc<Resolved>)> = None;
    let mut report_groups: Vec<ActorKind> = Vec::new();
    // A weak sentence seen before any incident ("they carried off rifles")
    // joins the incident opened right after it.
    let mut waiting: Option<(usize, Reading<'_>)> = None;
    for (k, ((sentence, ws), sp)) in sentences.iter().zip(split).zip(places).enumerate() {
        // Background drops the sentence, or only the clause it opens.
        let ws = match background_cut(sentence.text, ws) {
            Some(0) => continue,
            Some(cut) => &ws[..ws.iter().take_while(|w| w.end <= cut).count()],
            None => &ws[..],
        };
        // A roundup's new section (another country) starts afresh.
        let country_of = |i: usize| {
            fallbacks
                .get(i)
                .and_then(|f| f.as_ref())
                .map(|f| f.place.country_code.clone())
        };
        if k > 0 && country_of(k) != country_of(k - 1) {
            last_unit = None;
            last_place = None;
        }
        if let Some(u) = sp.resolved.iter().find(|r| r.role == Role::Admin) {
            last_unit = Some(Rc::new(u.clone()));
        }
        let fallback = last_unit
            .clone()
            .or_else(|| fallbacks.get(k).cloned().flatten());
        // A place named in this sentence or the three before stands in for
        // "the town" of a sentence that names none ("La ville de Titao ...
        // Tout a commencé ... le détachement militaire de la ville").
        if let Some(p) = sp.resolved.iter().find(|r| {
            matches!(
                r.role,
                Role::Site | Role::District | Role::Passing | Role::Reference
            )
        }) {
            last_place = Some((k, Rc::new(p.clone())));
        }
        let nearby = last_place
            .as_ref()
            .filter(|(at, _)| at + 3 >= k)
            .map(|(_, p)| p.clone());
        for mut r in readings(sentence, ws, sp, publication, header) {
            // "In March 2022, hundreds were killed in Moura": an event
            // months old is background even inside a report on today's.
            if let (Some((day, _)), Some(p)) = (r.date, publication)
                && (p - day).num_days() > OLD_NEWS_DAYS
            {
                continue;
            }
            if r.date.is_none()
                && let Some((day, precision)) = last_date
            {
                match r.relative {
                    Some(days) => {
                        r.date = Some((day + chrono::Duration::days(days), TimePrecision::Day));
                        r.inherited_date = true;
                    }
                    None if r.trigger != Trigger::None && precision == TimePrecision::Day => {
                        r.date = last_date;
                        r.inherited_date = true;
                    }
                    None => {}
                }
            }
            // The narrative moves on with each event told and with "the
            // next day" even in a sentence that tells no event; "la veille"
            // looks back without moving it.
            // A stated day anchors it too ("On 27 January 2025, two
            // incidents were recorded ... In Seytenga, ..."); a bare weekday
            // only beside an event.
            let stated = r.date.is_some_and(|(_, p)| p == TimePrecision::Day)
                && !r.weekday_date
                && !r.inherited_date;
            // "The raid happened in Kalamba": with no incident open yet,
            // the first telling.
            if r.anaphoric && drafts.is_empty() {
                r.trigger = Trigger::Strong;
            }
            let anchor = r.trigger != Trigger::None || r.relative.is_some() || stated;
            if anchor && r.date.is_some() && r.relative.is_none_or(|d| d >= 0) {
                last_date = r.date;
            }
            report_groups.extend(
                r.actors
                    .iter()
                    .map(|a| a.kind)
                    .filter(|k| k.is_named_group()),
            );
            match r.trigger {
                Trigger::None => {}
                Trigger::Weak => {
                    let Some(last) = drafts.last_mut() else {
                        waiting = Some((k, r));
                        continue;
                    };
                    {
                        let refines = match (&last.place, &r.place) {
                            (None, Some(_)) => true,
                            (Some(a), Some(b)) => {
                                a.precision == GeoPrecision::Region && b.precision < a.precision
                            }
                            _ => false,
                        };
                        if refines {
                            last.place = r.place.clone();
                        }
                        if refines || last.accepts(&r) {
                            let r = Reading { place: None, ..r };
                            last.absorb(&r);
                        }
                    }
                }
                Trigger::Strong => {
                    let target = if r.new_event {
                        None
                    } else if r.place.is_none() {
                        drafts.last_mut().filter(|d| d.accepts(&r))
                    } else {
                        let n = drafts.len();
                        drafts
                            .iter_mut()
                            .enumerate()
                            .rev()
                            .take(LOOKBACK)
                            .find(|(i, d)| match (&d.place, &r.place) {
                                (Some(a), Some(b)) => same_place(a, b) && d.accepts(&r),
                                (None, _) => *i + 1 == n && d.accepts(&r),
                                _ => false,
                            })
                            .map(|(_, d)| d)
                    };
                    match target {
                        Some(d) => d.absorb(&r),
                        None => {
                            let mut d = Draft::open(&r);
                            d.fallback.clone_from(&fallback);
                            d.nearby.clone_from(&nearby);
                            if let Some((at, w)) = waiting.take()
                                && at + 2 >= k
                                && d.accepts(&w)
                            {
                                d.absorb(&w);
                            }
                            drafts.push(d);
                        }
                    }
                }
            }
        }
    }
    // Inferring the group from the rest of the report is only safe when the
    // report tells of one incident: "two separate attacks" may be anyone's.
    // Unless the report is about that group: named in three sentences or more.
    let dominant = dominant_group(&report_groups)
        .filter(|(_, named)| drafts.len() == 1 || *named >= 3)
        .map(|(g, _)| g);
    // "Two positions were struck in the Tillabéri region on 14 November.
    // At Bankilaré, ...": a sentence that names only a region and is told
    // in detail after it is a summary, not an incident of its own.
    // When one incident tells it in detail, the summary's toll and cues are
    // that incident's ("Seventeen people were killed when a truck ran over a
    // landmine in the Savanes region. ... around 10 km outside Mandouri").
    // Finer drafts by unit and day, so that finding a summary's details
    // stays linear in a long roundup.
    let mut finer_by_unit: HashMap<(&str, &str, NaiveDate), Vec<usize>> = HashMap::new();
    for (k, o) in drafts.iter().enumerate() {
        if let (Some(q), Some((day, _))) = (o.place.as_ref(), o.date)
            && q.precision < GeoPrecision::Region
        {
            finer_by_unit
                .entry((&q.place.country_code, &q.place.admin1_code, day))
                .or_default()
                .push(k);
        }
    }
    let finer_of: Vec<Vec<usize>> = drafts
        .iter()
        .map(|d| {
            let Some(p) = d.place.as_ref().filter(|p| {
                p.role == Role::Admin && p.precision == GeoPrecision::Region && p.detail.is_none()
            }) else {
                return Vec::new();
            };
            let Some((day, _)) = d.date else {
                return Vec::new();
            };
            finer_by_unit
                .get(&(&p.place.country_code, &p.place.admin1_code, day))
                .cloned()
                .unwrap_or_default()
        })
        .collect();
    let mut drafts: Vec<Option<Draft>> = drafts.into_iter().map(Some).collect();
    for (k, finer) in finer_of.iter().enumerate() {
        if finer.is_empty() {
            continue;
        }
        let Some(summary) = drafts[k].take() else {
            continue;
        };
        if let [only] = finer.as_slice()
            && let Some(Some(target)) = drafts.get_mut(*only)
        {
            target.take_summary(summary);
        }
    }
    let drafts: Vec<Draft> = drafts.into_iter().flatten().collect();
    // An event months before the report is background ("the most serious
    // since JNIM struck Bamako in September 2024"), not news.
    // A headline names the place the body tells of, often more loosely
    // ("Tahoua : une quarantaine de fidèles tués" for a village of Tillia):
    // an undated draft read only from the lines before the body gives way
    // to the body's own incidents.
    let body_starts = sentences
        .iter()
        .find(|s| s.text.trim_end().ends_with(['.', '!', '?', '»', '"']))
        .map_or(usize::MAX, |s| s.span.start);
    let has_body = drafts.iter().any(|d| d.evidence.start >= body_starts);
    let drafts: Vec<Draft> = drafts
        .into_iter()
        .filter(|d| !(has_body && d.date.is_none() && d.evidence.start < body_starts))
        .collect();
    // And when the report tells of something in the last days, what it
    // recalls from six weeks or more before is context ("le 17 avril
    // dernier, ... avaient coûté la vie à 54 militaires").
    let age = |d: &Draft| match (d.date, publication) {
        (Some((day, _)), Some(p)) => Some((p - day).num_days()),
        _ => None,
    };
    let fresh = drafts
        .iter()
        .any(|d| age(d).is_some_and(|a| a <= FRESH_DAYS));
    let drafts: Vec<Draft> = drafts
        .into_iter()
        .filter(|d| match age(d) {
            Some(a) => a <= OLD_NEWS_DAYS && !(fresh && a > RECALLED_DAYS),
            None => true,
        })
        .collect();
    let mut warnings = Vec::new();
    let mut out = Vec::new();
    for d in drafts {
        match finish(d, publication, dominant, gazetteer) {
            Ok(i) => out.push(i),
            Err(w) => warnings.push(w),
        }
    }
    (out, warnings)
}

/// The named group the report speaks of most, and in how many mentions.
fn dominant_group(groups: &[ActorKind]) -> Option<(ActorKind, usize)> {
    let count = |k: ActorKind| groups.iter().filter(|g| **g == k).count();
    [ActorKind::Jnim, ActorKind::IslamicState]
        .into_iter()
        .map(|k| (k, count(k)))
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(_, n)| *n)
}

fn finish(
    d: Draft,
    publication: Option<NaiveDate>,
    dominant: Option<ActorKind>,
    gazetteer: &Gazetteer,
) -> Result<IncidentData, String> {
    let (event_date, time_precision) = match (d.date, publication) {
        (Some((day, precision)), _) => (day, precision),
        (None, Some(p)) => (p, TimePrecision::Week),
        (None, None) => {
            return Err(
                "an incident was found but neither the report nor the caller gives a date"
                    .to_string(),
            );
        }
    };
    // A village the gazetteer lacks: its unit or country stands in, at
    // region precision, and the notes keep the village's name.
    let nearby = d
        .nearby
        .as_deref()
        .filter(|_| d.unresolved.is_empty() && d.date.is_some())
        .cloned();
    let place = d.place.or(nearby).or_else(|| {
        let village = d.unresolved.first()?;
        let mut unit = d.fallback.as_deref()?.clone();
        unit.precision = GeoPrecision::Region;
        unit.detail = Some(village.clone());
        Some(unit)
    });
    let Some(place) = place else {
        let names = if d.unresolved.is_empty() {
            "no place named".to_string()
        } else {
            format!("{} is not in the gazetteer", d.unresolved.join(", "))
        };
        return Err(format!(
            "an incident on {event_date} was not placed ({names}); add the place to the gazetteer and ingest again"
        ));
    };
    let location = gazetteer.location(&place.place, place.precision);

    let kinds: Vec<ActorKind> = d.actors.iter().map(|a| a.kind).collect();
    let mut groups: Vec<ActorKind> = Vec::new();
    // Armed groups that acted first, then the claimant, then named groups,
    // then "gunmen".
    for k in d
        .actors
        .iter()
        .filter(|a| a.role == Side::Agent && a.kind.is_armed_group())
        .map(|a| a.kind)
        .chain(d.claimant)
        .chain(kinds.iter().copied().filter(|k| k.is_named_group()))
        .chain(
            kinds
                .iter()
                .copied()
                .filter(|k| *k == ActorKind::UnnamedGroup),
        )
    {
        let covered = k == ActorKind::UnnamedGroup && groups.iter().any(|g| g.is_named_group());
        if !groups.contains(&k) && !covered {
            groups.push(k);
        }
    }
    if groups.first() == Some(&ActorKind::UnnamedGroup) && groups.iter().any(|g| g.is_named_group())
    {
        groups.retain(|g| *g != ActorKind::UnnamedGroup);
    }
    // Generic "fighters" in a report about one named group are that group,
    // unless the report calls them unidentified.
    let generic_only = groups.iter().all(|g| *g == ActorKind::UnnamedGroup) && !d.unidentified;
    let inferred = generic_only && dominant.is_some();
    if generic_only && let Some(g) = dominant {
        groups.retain(|g| *g != ActorKind::UnnamedGroup);
        groups.insert(0, g);
    }
    let has = |k: ActorKind| kinds.contains(&k);
    let sides = Sides {
        armed_groups: groups.len(),
        state_forces: kinds.iter().any(|k| k.is_state_side()),
        // Civilians quoted as witnesses ("residents said") are not victims.
        civilians: d.actors.iter().any(|a| {
            a.kind == ActorKind::Civilians
                && (a.role == Side::Patient
                    || (a.role == Side::Unknown
                        && (d.killing || d.cues.abduction || d.fatalities.is_some())))
        }),
        killing: d.killing || d.fatalities.is_some_and(|c| c.value > 0),
    };
    let (event_type, sub) = classify(&d.cues, &sides);
    let crowd = match event_type {
        EventType::Protests => Some("Protesters"),
        EventType::Riots => Some("Rioters"),
        _ => None,
    };
    let country_of = |k: ActorKind| {
        d.actors
            .iter()
            .filter(|a| a.kind == k)
            .find_map(|a| a.country)
    };
    // Grammar decides who acted: the first agent that is not a civilian.
    // A named group that acts in any sentence of the incident beats soldiers
    // a headline makes the subject ("Soldiers and VDP ambushed near
    // Arbinda" over "ISSP fighters ambushed a convoy").
    let agent = d
        .actors
        .iter()
        .find(|a| a.role == Side::Agent && a.kind.is_named_group())
        .or_else(|| {
            d.actors
                .iter()
                .find(|a| a.role == Side::Agent && a.kind != ActorKind::Civilians)
        });
    // A vehicle of soldiers that "hit an IED" is the target, not the
    // attacker: the grammar's agent is struck by the explosion.
    let struck_by_device =
        event_type == EventType::ExplosionsRemoteViolence && sub == "Remote explosive/landmine/IED";
    // Only states fly over the Sahel: an air or drone strike is the army's
    // unless the report names the group that flew it.
    let from_the_air = sub == "Air/drone strike" && !agent.is_some_and(|a| a.kind.is_named_group());
    // An army that says it repelled an attack on its post was attacked:
    // the other side is actor 1, whoever the grammar makes the subject.
    let attacked_post = (d.cues.defended || d.cues.military_site)
        && !from_the_air
        && agent.is_some_and(|a| a.kind.is_state_side());
    // Arrests are made by the state, of people ACLED counts as civilians.
    let arresting = (sub == "Arrests")
        .then(|| {
            [ActorKind::Police, ActorKind::Military]
                .into_iter()
                .find(|k| kinds.contains(k))
        })
        .flatten();
    let actor1_kind = match (agent, arresting) {
        _ if from_the_air => ActorKind::Military,
        (_, Some(state)) => state,
        (Some(_), None) if attacked_post => {
            groups.first().copied().unwrap_or(ActorKind::UnnamedGroup)
        }
        (Some(a), None) if a.kind.is_state_side() && !struck_by_device => a.kind,
        _ => groups.first().copied().unwrap_or(ActorKind::UnnamedGroup),
    };
    let same_side = |k: ActorKind| {
        k == actor1_kind
            || (k.is_armed_group()
                && actor1_kind.is_armed_group()
                && (k == ActorKind::UnnamedGroup || actor1_kind == ActorKind::UnnamedGroup))
            || (k.is_state_side() && actor1_kind.is_state_side())
    };
    let patient = d
        .actors
        .iter()
        .find(|a| a.role == Side::Patient && !same_side(a.kind));
    let actor2_kind = match patient {
        // Police that broke up a protest are its second side.
        _ if crowd.is_some() => matches!(
            sub,
            "Protest with intervention" | "Excessive force against protesters"
        )
        .then(|| {
            [ActorKind::Police, ActorKind::Military]
                .into_iter()
                .find(|k| has(*k))
        })
        .flatten(),
        _ if attacked_post => agent.map(|a| a.kind),
        _ if arresting.is_some() => Some(ActorKind::Civilians),
        Some(p) if p.kind == ActorKind::UnnamedGroup => {
            Some(groups.first().copied().unwrap_or(ActorKind::UnnamedGroup))
        }
        Some(p) => Some(p.kind),
        None if actor1_kind.is_state_side() => groups.first().copied(),
        None => {
            if let Some(g) = groups.get(1) {
                Some(*g)
            } else {
                let state = [ActorKind::Military, ActorKind::Police, ActorKind::Vdp]
                    .into_iter()
                    .find(|k| has(*k));
                match event_type {
                    EventType::Battles | EventType::ExplosionsRemoteViolence if state.is_some() => {
                        state
                    }
                    // Shells on a camp or a base are aimed at its garrison.
                    EventType::ExplosionsRemoteViolence if d.cues.military_site => {
                        Some(ActorKind::Military)
                    }
                    EventType::Battles if has(ActorKind::Civilians) => Some(ActorKind::Civilians),
                    EventType::ViolenceAgainstCivilians | EventType::ExplosionsRemoteViolence => {
                        Some(ActorKind::Civilians)
                    }
                    // Shops, granaries and schools looted or burned are
                    // the villagers' (ACLED codes them as the target).
                    EventType::StrategicDevelopments if sub == "Looting/property destruction" => {
                        Some(ActorKind::Civilians)
                    }
                    _ => None,
                }
            }
        }
    };
    let name = |k: ActorKind| match country_of(k)
        .and_then(|cc| Gazetteer::country_name(cc).map(|n| (cc, n)))
    {
        Some((cc, n)) if matches!(k, ActorKind::Military | ActorKind::Police) => {
            actor_name(k, n, cc, event_date)
        }
        _ => actor_name(k, &location.country, &location.country_code, event_date),
    };
    let actor1 = match crowd {
        Some(c) => format!("{c} ({})", location.country),
        None => name(actor1_kind),
    };
    let actor2 = actor2_kind.map(name).unwrap_or_default();
    let claimant = d.claimant.map(|k| short(k, &name(k)));

    let notes = notes(&NoteParts {
        date: event_date,
        precision: time_precision,
        actor1: if crowd.is_some() {
            actor1.clone()
        } else {
            short(actor1_kind, &actor1)
        },
        actor2: actor2_kind.map(|k| short(k, &actor2)),
        event_type,
        military_site: d.cues.military_site,
        place: &place,
        location_name: &location.name,
        fatalities: d.fatalities,
        claimed: d.claimed,
        looted: d.cues.looting,
        burned: d.cues.burning,
        weapons: &d.weapons,
        inferred,
        claimant,
    });
    let (confidence, confidence_reasons) = super::confidence::assess(&super::confidence::Signals {
        namesakes: namesakes(&place, gazetteer),
        place_absent: place.detail.is_some()
            || (!d.unresolved.is_empty() && place.precision == GeoPrecision::Region),
        date_from_publication: d.date.is_none(),
        actor_unnamed: actor1.starts_with("Unidentified Armed Group"),
        toll_vague: d.fatalities.is_some_and(|c| c.vague),
        toll_claimed: d.claimed && d.fatalities.is_some(),
        date_from_weekday: d.weekday_date,
        date_from_other_sentence: d.inherited_date,
    });
    Ok(IncidentData {
        event_date,
        time_precision,
        event_type,
        sub_event_type: sub.to_string(),
        actor1,
        actor2,
        fatalities: d.fatalities.map(|c| c.value),
        location,
        notes,
        evidence: d.evidence,
        weapons: d.weapons,
        confidence,
        confidence_reasons,
    })
}

/// Other populated places of the same name more than 25 km from the one
/// chosen: the namesakes an analyst may want to rule out.
fn namesakes(place: &Resolved, gazetteer: &Gazetteer) -> usize {
    if place.precision == GeoPrecision::Region || place.detail.is_some() {
        return 0;
    }
    let q = crate::gazetteer::PlaceQuery {
        name: &place.written,
        country: None,
        admin_hint: None,
        near: Vec::new(),
    };
    gazetteer
        .rank(&q)
        .iter()
        .filter(|c| {
            !c.guessed
                && c.place.feature_class == "P"
                && c.place.geonameid != place.place.geonameid
                && distance_km(
                    c.place.latitude,
                    c.place.longitude,
                    place.place.latitude,
                    place.place.longitude,
                ) > 25.0
        })
        .count()
}

/// The name an analyst uses in prose.
fn short(kind: ActorKind, full: &str) -> String {
    match kind {
        ActorKind::Jnim => "JNIM".to_string(),
        ActorKind::Vdp => "VDP".to_string(),
        ActorKind::Military => "soldiers".to_string(),
        ActorKind::Civilians => "civilians".to_string(),
        ActorKind::Police => "police".to_string(),
        ActorKind::Wagner => "Wagner".to_string(),
        _ => full.to_string(),
    }
}

struct NoteParts<'a> {
    date: NaiveDate,
    precision: TimePrecision,
    actor1: String,
    actor2: Option<String>,
    event_type: EventType,
    military_site: bool,
    place: &'a Resolved,
    location_name: &'a str,
    fatalities: Option<Count>,
    claimed: bool,
    looted: bool,
    burned: bool,
    weapons: &'a [String],
    inferred: bool,
    claimant: Option<String>,
}

/// "On 2025-07-28, JNIM attacked a military base in Dargo (Kaya province);
/// 40 killed (claimed); base looted and burned."
fn notes(p: &NoteParts<'_>) -> String {
    let when = match p.precision {
        TimePrecision::Day => format!("On {}", p.date),
        _ => format!("Around {} (day not given)", p.date),
    };
    let mut where_ = match &p.place.detail {
        Some(detail) => format!("{detail}, near {}", p.location_name),
        None => p.location_name.to_string(),
    };
    if let Some(c) = p
        .place
        .context
        .as_ref()
        .filter(|_| p.place.role != Role::Admin)
    {
        where_.push_str(&format!(" ({c})"));
    }
    let what = match (p.event_type, p.military_site, &p.actor2) {
        (EventType::Battles, true, _) => "attacked a military position".to_string(),
        (EventType::StrategicDevelopments, _, _) => "were reported".to_string(),
        (EventType::Protests | EventType::Riots, _, _) => "demonstrated".to_string(),
        (_, _, Some(a2)) => format!("attacked {a2}"),
        _ => "attacked".to_string(),
    };
    let mut s = format!("{when}, {} {what} in {where_}", p.actor1);
    if p.inferred && !matches!(p.event_type, EventType::Protests | EventType::Riots) {
        s.push_str(" (actor inferred from the rest of the report)");
    }
    match p.fatalities {
        Some(Count { value: 0, .. }) => s.push_str("; no deaths reported"),
        Some(c) => {
            s.push_str(&format!("; {} killed", c.value));
            if c.vague {
                s.push_str(" (vague figure, coded low)");
            }
            if p.claimed {
                s.push_str(" (figure from the claim)");
            }
        }
        None => s.push_str("; no death toll given"),
    }
    match (p.looted, p.burned) {
        (true, true) => s.push_str("; looted and burned"),
        (true, false) => s.push_str("; property seized or looted"),
        (false, true) => s.push_str("; property burned"),
        _ => {}
    }
    if let Some(c) = &p.claimant {
        s.push_str(&format!("; claimed by {c}"));
    }
    if !p.weapons.is_empty() {
        s.push_str(&format!("; equipment named: {}", p.weapons.join(", ")));
    }
    s.push('.');
    s
}

#[cfg(test)]
mod tests {
    use super::is_background;

    #[test]
    fn background_phrases_count_only_from_the_start_of_a_word() {
        assert!(is_background("The coup of 2022 changed the army."));
        assert!(is_background("Violence has killed thousands since 2019."));
        assert!(!is_background(
            "Traders recouped their losses at the Djibo market."
        ));
        assert!(!is_background("Gunmen attacked Djibo on Saturday."));
    }
}
