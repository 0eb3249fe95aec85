//! Test incidents for the view's unit tests: a battle at Djibo in March 2024.

use chrono::NaiveDate;

use crate::model::{EventType, Incident, IncidentData, Location};

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
            event_type,
            sub_event_type: String::new(),
            actor2: "Civilians (Burkina Faso)".into(),
            fatalities,
            location: Location {
                latitude: 14.1,
                longitude: -1.63,
                ..Location::example()
            },
            ..IncidentData::example()
        },
        reviewed: false,
    }
}
