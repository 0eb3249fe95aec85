//! The analyst's filters and the one function that says which incidents are
//! shown. The map, the list, the counts and the export all use `visible`, so
//! what is exported is exactly what is drawn.
//!
//! Incidents are kept sorted by date: the time window is two binary searches,
//! and only the incidents inside it are tested against the other filters.

use std::collections::{BTreeSet, HashSet};
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::model::{EventType, GeoPrecision, Incident, TimePrecision, TimeWindow};

/// Everything but the time window that narrows what is shown. The default
/// lets every incident through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Event types switched off in the panel.
    pub hidden_types: BTreeSet<EventType>,
    /// Part of either actor's name, any case; empty means any actor.
    pub actor: String,
    /// Exact country name; empty means any.
    pub country: String,
    /// Exact admin-1 name; empty means any.
    pub admin1: String,
    /// At least this many deaths; 0 also keeps incidents with no figure.
    pub min_fatalities: u32,
    /// Geo precision codes 1, 2, 3 kept.
    pub geo_precision: [bool; 3],
    /// Time precision codes 1, 2, 3 kept.
    pub time_precision: [bool; 3],
    /// Full-text search over report text and notes; empty means no search.
    pub search: String,
    /// Only incidents no analyst has accepted yet.
    pub unreviewed_only: bool,
}

impl Default for Filters {
    fn default() -> Filters {
        Filters {
            hidden_types: BTreeSet::new(),
            actor: String::new(),
            country: String::new(),
            admin1: String::new(),
            min_fatalities: 0,
            geo_precision: [true; 3],
            time_precision: [true; 3],
            search: String::new(),
            unreviewed_only: false,
        }
    }
}

impl Filters {
    /// True when these filters let everything through.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    pub fn shows_geo(&self, p: GeoPrecision) -> bool {
        self.geo_precision[usize::from(p.code() - 1)]
    }

    pub fn shows_time(&self, p: TimePrecision) -> bool {
        self.time_precision[usize::from(p.code() - 1)]
    }
}

/// The filters made ready for testing many incidents (the actor folded once).
struct Matcher<'a> {
    filters: &'a Filters,
    actor: String,
    hits: Option<&'a HashSet<i64>>,
}

impl Matcher<'_> {
    fn matches(&self, incident: &Incident) -> bool {
        let f = self.filters;
        let d = &incident.data;
        let l = &d.location;
        !f.hidden_types.contains(&d.event_type)
            && f.shows_geo(l.geo_precision)
            && f.shows_time(d.time_precision)
            && (f.min_fatalities == 0 || d.fatalities.is_some_and(|n| n >= f.min_fatalities))
            && (f.country.is_empty() || l.country == f.country)
            && (f.admin1.is_empty() || l.admin1 == f.admin1)
            && (self.actor.is_empty()
                || d.actor1.to_lowercase().contains(&self.actor)
                || d.actor2.to_lowercase().contains(&self.actor))
            && self.hits.is_none_or(|hits| hits.contains(&incident.id))
            && (!f.unreviewed_only || !incident.reviewed)
    }
}

/// The index range of `incidents` (sorted by date) dated inside `window`;
/// all of them when `None`.
pub fn in_window(incidents: &[Incident], window: Option<TimeWindow>) -> Range<usize> {
    let Some(w) = window else {
        return 0..incidents.len();
    };
    let start = incidents.partition_point(|i| i.data.event_date < w.from);
    let end = incidents.partition_point(|i| i.data.event_date <= w.to);
    start..end.max(start)
}

/// Indices of the `incidents` (sorted by date) inside `window` that pass
/// `filters`. `hits` is the full-text search's answer: `None` when there is
/// no search, else the incident ids it found.
pub fn visible(
    incidents: &[Incident],
    window: Option<TimeWindow>,
    filters: &Filters,
    hits: Option<&HashSet<i64>>,
) -> Vec<usize> {
    let range = in_window(incidents, window);
    if filters.is_empty() && hits.is_none() {
        return range.collect();
    }
    let matcher = Matcher {
        filters,
        actor: filters.actor.trim().to_lowercase(),
        hits,
    };
    let start = range.start;
    incidents[range]
        .iter()
        .enumerate()
        .filter(|(_, incident)| matcher.matches(incident))
        .map(|(i, _)| start + i)
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::view::fixture::incident;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 3, d).unwrap()
    }

    fn sample() -> Vec<Incident> {
        vec![
            incident(1, 1, EventType::Battles, None),
            incident(2, 10, EventType::ViolenceAgainstCivilians, Some(12)),
            incident(3, 10, EventType::Battles, Some(3)),
            incident(4, 20, EventType::Protests, Some(0)),
        ]
    }

    #[test]
    fn the_window_is_found_by_binary_search_with_both_ends_included() {
        let incidents = sample();
        assert_eq!(in_window(&incidents, None), 0..4);
        assert_eq!(
            in_window(&incidents, Some(TimeWindow::new(day(10), day(20)))),
            1..4
        );
        assert_eq!(
            in_window(&incidents, Some(TimeWindow::new(day(2), day(9)))),
            1..1
        );
        assert_eq!(
            in_window(&incidents, Some(TimeWindow::new(day(21), day(30)))),
            4..4
        );
    }

    #[test]
    fn hidden_event_types_and_a_death_toll_floor_narrow_the_window() {
        let incidents = sample();
        let mut filters = Filters::default();
        filters.hidden_types.insert(EventType::Battles);
        assert_eq!(visible(&incidents, None, &filters, None), vec![1, 3]);
        filters.min_fatalities = 1;
        assert_eq!(visible(&incidents, None, &filters, None), vec![1]);
        let window = Some(TimeWindow::new(day(11), day(30)));
        assert!(visible(&incidents, window, &filters, None).is_empty());
    }

    #[test]
    fn unreviewed_only_hides_what_an_analyst_accepted() {
        let mut incidents = sample();
        incidents[1].reviewed = true;
        let filters = Filters {
            unreviewed_only: true,
            ..Filters::default()
        };
        assert!(!filters.is_empty());
        assert_eq!(visible(&incidents, None, &filters, None), vec![0, 2, 3]);
    }

    #[test]
    fn a_missing_death_toll_passes_only_when_there_is_no_floor() {
        let incidents = sample();
        let filters = Filters {
            min_fatalities: 0,
            ..Filters::default()
        };
        assert_eq!(visible(&incidents, None, &filters, None).len(), 4);
        let filters = Filters {
            min_fatalities: 3,
            ..Filters::default()
        };
        assert_eq!(visible(&incidents, None, &filters, None), vec![1, 2]);
    }

    #[test]
    fn actor_place_precision_and_search_hits_are_all_applied() {
        let mut incidents = sample();
        incidents[2].data.actor1 = "Military Forces of Niger".into();
        incidents[2].data.location.country = "Niger".into();
        incidents[3].data.location.geo_precision = GeoPrecision::Region;
        incidents[1].data.time_precision = TimePrecision::Month;

        let actor = Filters {
            actor: " military ".into(),
            ..Filters::default()
        };
        assert_eq!(visible(&incidents, None, &actor, None), vec![2]);
        let country = Filters {
            country: "Burkina Faso".into(),
            ..Filters::default()
        };
        assert_eq!(visible(&incidents, None, &country, None), vec![0, 1, 3]);
        let mut precise = Filters::default();
        precise.geo_precision[2] = false;
        precise.time_precision[2] = false;
        assert_eq!(visible(&incidents, None, &precise, None), vec![0, 2]);
        let hits: HashSet<i64> = [2, 4].into();
        assert_eq!(
            visible(&incidents, None, &Filters::default(), Some(&hits)),
            vec![1, 3]
        );
    }
}
