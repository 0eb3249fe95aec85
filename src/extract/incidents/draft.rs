//! Drafts: an incident while sentences are still being added to it, and the
//! rules by which a sentence joins it (same or finer place, agreeing date)
//! and what it adds (finer place, earlier-precision date, tolls, sides,
//! weapons, a summary's details).
//!
//! Separate from the walk over the sentences so the merge rules can be read
//! in one place.

use std::rc::Rc;

use chrono::NaiveDate;

use crate::extract::actors::{ActorKind, ActorMention};
use crate::extract::event_type::Cues;
use crate::extract::fatalities::Count;
use crate::model::{GeoPrecision, Span, TimePrecision, distance_km};

use super::reading::Reading;
use super::{Resolved, Role};

/// An incident while sentences are still being added to it.
#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub(super) place: Option<Resolved>,
    pub(super) unresolved: Vec<String>,
    pub(super) date: Option<(NaiveDate, TimePrecision)>,
    pub(super) evidence: Span,
    pub(super) cues: Cues,
    pub(super) actors: Vec<ActorMention>,
    pub(super) killing: bool,
    pub(super) fatalities: Option<Count>,
    pub(super) claimed: bool,
    /// The named group that claimed the attack, if a sentence says so.
    pub(super) claimant: Option<ActorKind>,
    pub(super) weapons: Vec<String>,
    /// The report itself calls the attackers unidentified.
    pub(super) unidentified: bool,
    /// Where the incident goes when its village is not in the gazetteer:
    /// the last unit the report named, else its country.
    pub(super) fallback: Option<Rc<Resolved>>,
    /// The place named just before, for a sentence that names none.
    pub(super) nearby: Option<Rc<Resolved>>,
    /// The day came from a bare weekday ("on Saturday").
    pub(super) weekday_date: bool,
    /// The day came from another sentence (a summary, "the next day").
    pub(super) inherited_date: bool,
}

pub(super) fn same_place(a: &Resolved, b: &Resolved) -> bool {
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
    pub(super) fn open(r: &Reading<'_>) -> Draft {
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

    pub(super) fn absorb(&mut self, r: &Reading<'_>) {
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
    pub(super) fn take_summary(&mut self, s: Draft) {
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

    pub(super) fn accepts(&self, r: &Reading<'_>) -> bool {
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
