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
//!
//! The work is split by concept: `triggers` says how strongly a sentence
//! speaks of an event, `background` drops what only recalls context,
//! `event_dates` picks a sentence's date and carries dates between
//! sentences, `reading` reads a sentence once, `draft` merges readings into
//! incidents, `finish` turns a draft into an incident and `notes` writes
//! its notes; `build`, here, walks the report's sentences.

mod background;
mod draft;
mod event_dates;
mod finish;
mod notes;
mod reading;
mod triggers;

use std::collections::HashMap;
use std::rc::Rc;

use chrono::NaiveDate;

use crate::gazetteer::Gazetteer;
use crate::model::{GeoPrecision, IncidentData, Span, TimePrecision};

use super::actors::ActorKind;
use super::places::{Resolved, Role, SentencePlaces};
use super::sentences::Sentence;
use super::words::Word;

pub use background::background_cut;

use draft::{Draft, same_place};
use finish::finish;
use reading::{Reading, readings};
use triggers::Trigger;

/// An event dated this many days or more before the report's publication is
/// background: news reports tell what happened in the last weeks.
const OLD_NEWS_DAYS: i64 = 90;

/// A report that tells of an event this recent...
const FRESH_DAYS: i64 = 10;

/// ...only recalls what is older than this.
const RECALLED_DAYS: i64 = 45;

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
