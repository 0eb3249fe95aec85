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

use crate::model::{EventType, GeoPrecision, IncidentData, TimePrecision};

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
    km((la.latitude, la.longitude), (lb.latitude, lb.longitude)) <= SAME_PLACE_KM
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

/// Great-circle distance in kilometres between two (lat, lon) points.
fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
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
            time_precision: TimePrecision::Day,
            event_type: EventType::Battles,
            sub_event_type: "Armed clash".into(),
            actor1: JNIM.into(),
            actor2: ARMY.into(),
            fatalities: Some(12),
            location: Location {
                name: "Djibo".into(),
                place_id: Some(2361177),
                latitude: 14.0994,
                longitude: -1.62554,
                country: "Burkina Faso".into(),
                country_code: "BF".into(),
                admin1: "Sahel".into(),
                admin2: "Soum".into(),
                geo_precision: GeoPrecision::Exact,
            },
            notes: String::new(),
            evidence: Span::new(0, 10),
            weapons: Vec::new(),
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
    fn a_protest_is_not_the_attack_on_the_same_day() {
        let mut protest = djibo(11);
        protest.event_type = EventType::Protests;
        protest.actor1 = "Protesters (Burkina Faso)".into();
        protest.actor2 = String::new();
        assert!(!same_incident(&djibo(11), &protest));
    }
}
