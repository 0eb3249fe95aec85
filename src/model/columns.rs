//! The one list of incident columns every format shares: ACLED's layout,
//! the three columns we append to it, and the attributes of a GeoJSON
//! feature or GeoPackage row. The importer, the CSV and GeoPackage writers
//! and the GeoJSON reader all name columns from here, so a new column is
//! added in one place and no two formats can spell it differently.

/// ACLED's columns in ACLED's order.
pub const ACLED: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// Positions in `ACLED`.
pub mod col {
    pub const EVENT_ID_CNTY: usize = 0;
    pub const EVENT_DATE: usize = 1;
    pub const YEAR: usize = 2;
    pub const TIME_PRECISION: usize = 3;
    pub const DISORDER_TYPE: usize = 4;
    pub const EVENT_TYPE: usize = 5;
    pub const SUB_EVENT_TYPE: usize = 6;
    pub const ACTOR1: usize = 7;
    pub const ASSOC_ACTOR_1: usize = 8;
    pub const INTER1: usize = 9;
    pub const ACTOR2: usize = 10;
    pub const ASSOC_ACTOR_2: usize = 11;
    pub const INTER2: usize = 12;
    pub const INTERACTION: usize = 13;
    pub const CIVILIAN_TARGETING: usize = 14;
    pub const ISO: usize = 15;
    pub const REGION: usize = 16;
    pub const COUNTRY: usize = 17;
    pub const ADMIN1: usize = 18;
    pub const ADMIN2: usize = 19;
    pub const ADMIN3: usize = 20;
    pub const LOCATION: usize = 21;
    pub const LATITUDE: usize = 22;
    pub const LONGITUDE: usize = 23;
    pub const GEO_PRECISION: usize = 24;
    pub const SOURCE: usize = 25;
    pub const SOURCE_SCALE: usize = 26;
    pub const NOTES: usize = 27;
    pub const FATALITIES: usize = 28;
    pub const TAGS: usize = 29;
    pub const TIMESTAMP: usize = 30;
}

/// ACLED's columns the model has no field for: an import keeps them
/// verbatim (the store's `extra` JSON) so the CSV export writes them back.
pub const EXTRA: [usize; 14] = [
    col::EVENT_ID_CNTY,
    col::DISORDER_TYPE,
    col::ASSOC_ACTOR_1,
    col::INTER1,
    col::ASSOC_ACTOR_2,
    col::INTER2,
    col::INTERACTION,
    col::CIVILIAN_TARGETING,
    col::ISO,
    col::REGION,
    col::ADMIN3,
    col::SOURCE_SCALE,
    col::TAGS,
    col::TIMESTAMP,
];

/// Our `confidence` column: "high", "medium" or "low".
pub const CONFIDENCE: &str = "confidence";
/// Our `confidence_reasons` column: phrases, joined with `REASON_SEPARATOR`
/// where a format has only text.
pub const CONFIDENCE_REASONS: &str = "confidence_reasons";
/// Our `reviewed` column: an analyst accepted the incident.
pub const REVIEWED: &str = "reviewed";

/// The columns our exports append after ACLED's. Appended, not interleaved,
/// so a tool reading ACLED's columns by position still finds them.
pub const OURS: [&str; 3] = [CONFIDENCE, CONFIDENCE_REASONS, REVIEWED];

/// Between two confidence reasons in a CSV cell or GeoPackage text.
pub const REASON_SEPARATOR: &str = "; ";

/// The attributes of an exported feature, in order, with the type a
/// GeoPackage declares for each: GeoJSON properties and GeoPackage columns
/// are the same list, ACLED's names where ACLED has the column. `event_date`
/// is a DATE so GIS tools type it as a date.
pub const FEATURE: [(&str, &str); 22] = [
    ("event_id", "TEXT"),
    (ACLED[col::EVENT_DATE], "DATE"),
    (ACLED[col::TIME_PRECISION], "INTEGER"),
    (ACLED[col::EVENT_TYPE], "TEXT"),
    (ACLED[col::SUB_EVENT_TYPE], "TEXT"),
    (ACLED[col::ACTOR1], "TEXT"),
    (ACLED[col::ACTOR2], "TEXT"),
    (ACLED[col::FATALITIES], "INTEGER"),
    (ACLED[col::COUNTRY], "TEXT"),
    ("country_code", "TEXT"),
    (ACLED[col::ADMIN1], "TEXT"),
    (ACLED[col::ADMIN2], "TEXT"),
    (ACLED[col::LOCATION], "TEXT"),
    (ACLED[col::LATITUDE], "REAL"),
    (ACLED[col::LONGITUDE], "REAL"),
    (ACLED[col::GEO_PRECISION], "INTEGER"),
    (ACLED[col::SOURCE], "TEXT"),
    (ACLED[col::NOTES], "TEXT"),
    ("weapons", "TEXT"),
    (CONFIDENCE, "TEXT"),
    (CONFIDENCE_REASONS, "TEXT"),
    (REVIEWED, "BOOLEAN"),
];

/// The position of an ACLED column name in `ACLED`.
pub fn acled_index(name: &str) -> Option<usize> {
    ACLED.iter().position(|c| *c == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_position_names_its_column() {
        assert_eq!(ACLED[col::EVENT_ID_CNTY], "event_id_cnty");
        assert_eq!(ACLED[col::GEO_PRECISION], "geo_precision");
        assert_eq!(ACLED[col::TIMESTAMP], "timestamp");
        assert_eq!(acled_index("fatalities"), Some(col::FATALITIES));
    }

    #[test]
    fn no_column_is_named_twice() {
        let mut acled_and_ours: Vec<&str> = ACLED.iter().chain(&OURS).copied().collect();
        acled_and_ours.sort_unstable();
        acled_and_ours.dedup();
        assert_eq!(acled_and_ours.len(), ACLED.len() + OURS.len());
        let mut feature: Vec<&str> = FEATURE.iter().map(|(name, _)| *name).collect();
        feature.sort_unstable();
        feature.dedup();
        assert_eq!(feature.len(), FEATURE.len());
    }
}
