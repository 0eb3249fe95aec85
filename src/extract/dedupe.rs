//! Whether two codings describe the same event, so that the store keeps one
//! incident with every report that told of it instead of one per report.
//!
//! Wire services, local radio and a group's own claim often tell of the same
//! attack days apart, with different words. Two codings are one incident when
//! all of these hold:
//! - place: the same gazetteer entry, or points within [`SAME_PLACE_KM`]
//!   (a region-precision point only matches the same entry: a province
//!   centre says nothing about which village);
//! - date: within a day, widened to the coarser precision's span (7 days
//!   for week precision, 31 for month);
//! - kind: the same event type, or both violent (battle, remote violence,
//!   violence against civilians), because reporters disagree on those;
//! - actors: each side matches the other coding's side, either way round;
//!   an empty or unidentified side matches any armed group.
//!
//! When a second report tells of a stored incident, [`reconcile`] lets it
//! complete the first coding without contradicting it:
//! - a finer place or date (a village instead of a province, a day instead
//!   of a week) replaces a coarser one;
//! - a side still unnamed takes the other report's name for it;
//! - a toll no report gave takes the new figure; two different tolls keep
//!   the lower, as ACLED's codebook asks (the most conservative estimate);
//! - weapons named by either report are all kept;
//! - the event type, sub-event type and notes stay as first coded;
//! - a field the analyst corrected never changes.

use crate::model::{EventType, Field, GeoPrecision, IncidentData, TimePrecision, distance_km};

/// How far apart two points of the same event may be.
pub const SAME_PLACE_KM: f64 = 10.0;

/// Whether `a` and `b` are the same event told twice (see the module header).
pub fn same_incident(a: &IncidentData, b: &IncidentData) -> bool {
    same_place(a, b)
        && close_dates(a, b)
        && same_kind(a.event_type, b.event_type)
        && same_sides(a, b)
}

fn same_place(a: &IncidentData, b: &IncidentData) -> bool {
    let (la, lb) = (&a.location, &b.location);
    if la.place_id.is_some() && la.place_id == lb.place_id {
        return true;
    }
    if la.geo_precision == GeoPrecision::Region || lb.geo_precision == GeoPrecision::Region {
        return false;
    }
    distance_km(la.latitude, la.longitude, lb.latitude, lb.longitude) <= SAME_PLACE_KM
}

fn span_days(p: TimePrecision) -> i64 {
    match p {
        TimePrecision::Day => 1,
        TimePrecision::Week => 7,
        TimePrecision::Month => 31,
    }
}

fn close_dates(a: &IncidentData, b: &IncidentData) -> bool {
    let tolerance = span_days(a.time_precision).max(span_days(b.time_precision));
    (a.event_date - b.event_date).num_days().abs() <= tolerance
}

fn violent(t: EventType) -> bool {
    matches!(
        t,
        EventType::Battles
            | EventType::ExplosionsRemoteViolence
            | EventType::ViolenceAgainstCivilians
    )
}

fn same_kind(a: EventType, b: EventType) -> bool {
    a == b || (violent(a) && violent(b))
}

/// An actor no report has named yet: it may be anyone armed.
fn open_side(name: &str) -> bool {
    name.is_empty() || name.starts_with("Unidentified Armed Group")
}

fn armed_group(name: &str) -> bool {
    !name.starts_with("Civilians")
        && !name.starts_with("Military Forces")
        && !name.starts_with("Police Forces")
        && !name.starts_with("Protesters")
        && !name.starts_with("Rioters")
}

fn compatible(x: &str, y: &str) -> bool {
    x == y
        || x.is_empty()
        || y.is_empty()
        || (open_side(x) && armed_group(y))
        || (open_side(y) && armed_group(x))
}

fn same_sides(a: &IncidentData, b: &IncidentData) -> bool {
    (compatible(&a.actor1, &b.actor1) && compatible(&a.actor2, &b.actor2))
        || (compatible(&a.actor1, &b.actor2) && compatible(&a.actor2, &b.actor1))
}

/// `kept` completed by `other`, another report's coding of the same event
/// (see the module header); `locked` are the fields an analyst corrected.
pub fn reconcile(kept: &IncidentData, other: &IncidentData, locked: &[Field]) -> IncidentData {
    let mut out = kept.clone();
    let free = |field: Field| !locked.contains(&field);
    if free(Field::Location) && other.location.geo_precision < kept.location.geo_precision {
        out.location.clone_from(&other.location);
    }
    if free(Field::EventDate)
        && free(Field::TimePrecision)
        && other.time_precision < kept.time_precision
    {
        out.event_date = other.event_date;
        out.time_precision = other.time_precision;
    }
    // Only by position, and never so that both sides become the same actor
    // (the other report may tell the sides the other way round).
    if free(Field::Actor1)
        && open_side(&kept.actor1)
        && !open_side(&other.actor1)
        && other.actor1 != kept.actor2
    {
        out.actor1.clone_from(&other.actor1);
    }
    if free(Field::Actor2)
        && open_side(&kept.actor2)
        && !open_side(&other.actor2)
        && other.actor2 != out.actor1
    {
        out.actor2.clone_from(&other.actor2);
    }
    if free(Field::Fatalities) {
        out.fatalities = match (kept.fatalities, other.fatalities) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    if free(Field::Weapons) {
        for weapon in &other.weapons {
            if !out.weapons.contains(weapon) {
                out.weapons.push(weapon.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{Location, Span};

    const JNIM: &str = "JNIM: Group for Support of Islam and Muslims";
    const ARMY: &str = "Military Forces of Burkina Faso (2022-)";

    fn djibo(day: u32) -> IncidentData {
        IncidentData {
            event_date: NaiveDate::from_ymd_opt(2025, 5, day).unwrap_or_default(),
            actor1: JNIM.into(),
            actor2: ARMY.into(),
            fatalities: Some(12),
            location: Location {
                place_id: Some(2361177),
                latitude: 14.0994,
                longitude: -1.62554,
                ..Location::example()
            },
            evidence: Span::new(0, 10),
            ..IncidentData::example()
        }
    }

    #[test]
    fn the_same_attack_told_a_day_later_is_one_incident() {
        assert!(same_incident(&djibo(11), &djibo(12)));
        assert!(same_incident(&djibo(11), &djibo(11)));
    }

    #[test]
    fn the_same_place_three_days_apart_is_another_incident() {
        assert!(!same_incident(&djibo(11), &djibo(14)));
    }

    #[test]
    fn a_week_precision_date_matches_within_its_week() {
        let mut vague = djibo(15);
        vague.time_precision = TimePrecision::Week;
        assert!(same_incident(&djibo(11), &vague));
        assert!(!same_incident(&djibo(2), &vague));
    }

    #[test]
    fn a_point_a_few_km_away_matches_and_one_thirty_km_away_does_not() {
        let mut near = djibo(11);
        near.location.place_id = None;
        near.location.latitude += 0.05; // about 5.5 km north
        assert!(same_incident(&djibo(11), &near));
        let mut far = djibo(11);
        far.location.place_id = Some(2354242);
        far.location.latitude += 0.3;
        assert!(!same_incident(&djibo(11), &far));
    }

    #[test]
    fn a_province_centre_only_matches_the_same_province() {
        let mut region = djibo(11);
        region.location.place_id = Some(1);
        region.location.geo_precision = GeoPrecision::Region;
        region.location.latitude += 0.01;
        assert!(!same_incident(&djibo(11), &region));
    }

    #[test]
    fn an_unidentified_attacker_matches_a_named_one_but_not_the_army() {
        let mut unnamed = djibo(11);
        unnamed.actor1 = "Unidentified Armed Group (Burkina Faso)".into();
        assert!(same_incident(&djibo(11), &unnamed));
        let mut other = djibo(11);
        other.actor1 = "Islamic State Sahel Province".into();
        assert!(!same_incident(&djibo(11), &other));
        let mut reversed = djibo(11);
        reversed.actor1 = ARMY.into();
        reversed.actor2 = JNIM.into();
        assert!(same_incident(&djibo(11), &reversed));
    }

    #[test]
    fn a_second_report_fills_in_the_unnamed_side_the_toll_and_the_finer_date() {
        let mut first = djibo(11);
        first.actor1 = "Unidentified Armed Group (Burkina Faso)".into();
        first.fatalities = None;
        first.time_precision = TimePrecision::Week;
        first.weapons = vec!["AK-47".into()];
        let mut second = djibo(12);
        second.weapons = vec!["AK-47".into(), "drone".into()];
        let merged = reconcile(&first, &second, &[]);
        assert_eq!(merged.actor1, JNIM);
        assert_eq!(merged.fatalities, Some(12));
        assert_eq!(merged.event_date, second.event_date);
        assert_eq!(merged.time_precision, TimePrecision::Day);
        assert_eq!(merged.weapons, vec!["AK-47".to_string(), "drone".into()]);
        // What the first report says and the second does not contradict stays.
        assert_eq!(merged.event_type, first.event_type);
        assert_eq!(merged.location, first.location);
    }

    #[test]
    fn two_different_tolls_keep_the_lower_and_a_corrected_field_never_moves() {
        let mut first = djibo(11);
        first.fatalities = Some(40);
        let mut second = djibo(11);
        second.fatalities = Some(25);
        second.location.name = "Djibo town".into();
        assert_eq!(reconcile(&first, &second, &[]).fatalities, Some(25));
        assert_eq!(
            reconcile(&first, &second, &[Field::Fatalities]).fatalities,
            Some(40)
        );
        // An exact point is not replaced by another exact point.
        assert_eq!(reconcile(&first, &second, &[]).location.name, "Djibo");
        let mut region = djibo(11);
        region.location.geo_precision = GeoPrecision::Region;
        assert_eq!(
            reconcile(&region, &second, &[Field::Location])
                .location
                .geo_precision,
            GeoPrecision::Region
        );
        assert_eq!(reconcile(&region, &second, &[]).location.name, "Djibo town");
    }

    #[test]
    fn a_protest_is_not_the_attack_on_the_same_day() {
        let mut protest = djibo(11);
        protest.event_type = EventType::Protests;
        protest.actor1 = "Protesters (Burkina Faso)".into();
        protest.actor2 = String::new();
        assert!(!same_incident(&djibo(11), &protest));
    }
}
