//! Test incidents for the view's unit tests: a battle at Djibo in March 2024.

use chrono::NaiveDate;

use crate::model::{
    EventType, GeoPrecision, Incident, IncidentData, Location, Span, TimePrecision,
};

pub(crate) fn incident(
    id: i64,
    d: u32,
    event_type: EventType,
    fatalities: Option<u32>,
) -> Incident {
    Incident {
        id,
        report_id: 1,
        source: "r.txt".into(),
        data: IncidentData {
            event_date: NaiveDate::from_ymd_opt(2024, 3, d).unwrap_or_default(),
            time_precision: TimePrecision::Day,
            event_type,
            sub_event_type: String::new(),
            actor1: "JNIM".into(),
            actor2: "Civilians (Burkina Faso)".into(),
            fatalities,
            location: Location {
                name: "Djibo".into(),
                place_id: None,
                latitude: 14.1,
                longitude: -1.63,
                country: "Burkina Faso".into(),
                country_code: "BF".into(),
                admin1: "Sahel".into(),
                admin2: "Soum".into(),
                geo_precision: GeoPrecision::Exact,
            },
            notes: String::new(),
            evidence: Span::default(),
            weapons: vec![],
            ..IncidentData::example()
        },
        reviewed: false,
    }
}
