//! Readings: one sentence (or one clause of it) read once for everything an
//! incident needs: trigger, place, date, cues, actors, toll, claim,
//! weapons, and the words that tie it to the sentence before ("also",
//! "the next day").
//!
//! Reading each sentence once keeps the walk in `build` about merging, not
//! about words.

use chrono::NaiveDate;

use crate::extract::actors::{ActorKind, ActorMention, find_actors_in};
use crate::extract::clauses;
use crate::extract::dates::DateMention;
use crate::extract::event_type::{Cues, cues_in};
use crate::extract::fatalities::{Count, fatalities_in};
use crate::extract::lexicon::{Kind, lexicon};
use crate::extract::places::{Resolved, Role, SentencePlaces};
use crate::extract::sentences::Sentence;
use crate::extract::weapons::find_weapons_in;
use crate::extract::words::Word;
use crate::model::{Span, TimePrecision};

use super::event_dates::{event_date, event_dates, relative_day};
use super::triggers::{Trigger, is_anaphoric, is_strong, trigger};

/// One sentence, read once.
pub(super) struct Reading<'a> {
    pub(super) sentence: &'a Sentence<'a>,
    pub(super) trigger: Trigger,
    pub(super) new_event: bool,
    pub(super) place: Option<Resolved>,
    pub(super) unresolved: Vec<String>,
    pub(super) date: Option<(NaiveDate, TimePrecision)>,
    pub(super) cues: Cues,
    pub(super) actors: Vec<ActorMention>,
    pub(super) killing: bool,
    pub(super) fatalities: Option<Count>,
    pub(super) claimed: bool,
    pub(super) claimant: Option<ActorKind>,
    pub(super) weapons: Vec<String>,
    pub(super) unidentified: bool,
    /// "were also killed", "ont également été tués": deaths on top of those told.
    pub(super) also: bool,
    /// "the next day", "la veille": days from the previous event's date.
    pub(super) relative: Option<i64>,
    /// Only "the attack", "l'attaque": an event told already, unless none is.
    pub(super) anaphoric: bool,
    pub(super) weekday_date: bool,
    pub(super) inherited_date: bool,
}

/// A sentence's readings: one, or one per clause when it tells of two
/// events (see `clauses`). A clause takes the sentence's verb, actors and
/// claim, and its own place, date and toll.
pub(super) fn readings<'a>(
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
