//! The vocabulary shared by every stage: places, reports, incidents and the
//! precision codes that say how much an analyst can trust a date or a point.
//!
//! Nothing here does I/O. Field names and codes follow ACLED's codebook so
//! that an export lines up with an ACLED download column for column.

pub mod columns;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// ACLED's time precision: how sure we are of the event date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "u8", try_from = "u8")]
pub enum TimePrecision {
    /// The day itself is known.
    Day = 1,
    /// Only the week is known (the date stands for a day in it).
    Week = 2,
    /// Only the month is known.
    Month = 3,
}

/// ACLED's geo precision: how close the point is to where it happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "u8", try_from = "u8")]
pub enum GeoPrecision {
    /// The named town or village itself.
    Exact = 1,
    /// Near a town, or a small part of a region.
    Near = 2,
    /// Only a region is known; the point is its centre or capital.
    Region = 3,
}

/// A precision code outside 1..=3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("precision code {0} is not one of 1, 2 or 3")]
pub struct InvalidPrecision(pub u8);

macro_rules! precision_code {
    ($ty:ident, $one:ident, $two:ident, $three:ident) => {
        impl $ty {
            pub fn code(self) -> u8 {
                self as u8
            }
        }
        impl From<$ty> for u8 {
            fn from(p: $ty) -> u8 {
                p as u8
            }
        }
        impl TryFrom<u8> for $ty {
            type Error = InvalidPrecision;
            fn try_from(code: u8) -> Result<Self, InvalidPrecision> {
                match code {
                    1 => Ok($ty::$one),
                    2 => Ok($ty::$two),
                    3 => Ok($ty::$three),
                    other => Err(InvalidPrecision(other)),
                }
            }
        }
    };
}
precision_code!(TimePrecision, Day, Week, Month);
precision_code!(GeoPrecision, Exact, Near, Region);

/// ACLED's six event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EventType {
    Battles,
    ExplosionsRemoteViolence,
    ViolenceAgainstCivilians,
    Protests,
    Riots,
    StrategicDevelopments,
}

impl EventType {
    pub const ALL: [EventType; 6] = [
        EventType::Battles,
        EventType::ExplosionsRemoteViolence,
        EventType::ViolenceAgainstCivilians,
        EventType::Protests,
        EventType::Riots,
        EventType::StrategicDevelopments,
    ];

    /// The label exactly as ACLED writes it in its `event_type` column.
    pub fn label(self) -> &'static str {
        match self {
            EventType::Battles => "Battles",
            EventType::ExplosionsRemoteViolence => "Explosions/Remote violence",
            EventType::ViolenceAgainstCivilians => "Violence against civilians",
            EventType::Protests => "Protests",
            EventType::Riots => "Riots",
            EventType::StrategicDevelopments => "Strategic developments",
        }
    }

    /// Reads ACLED's label back (case-insensitive).
    pub fn from_label(label: &str) -> Option<EventType> {
        let label = label.trim();
        EventType::ALL
            .into_iter()
            .find(|t| t.label().eq_ignore_ascii_case(label))
    }
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// How far an analyst can trust an incident as the rules coded it. Set by
/// extraction (`extract::confidence`), recomputed whenever the report is read
/// again; the order is Low < Medium < High so sorting ascending puts what
/// needs a look first. The default is the database's default for rows stored
/// before confidence existed: nobody assessed them, so they are not "high".
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Low,
    #[default]
    Medium,
    High,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Confidence::High, Confidence::Medium, Confidence::Low];

    /// The word the store, the exports and the window use.
    pub fn label(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }

    /// Reads `label()` back (case-insensitive, surrounding blanks ignored).
    pub fn from_label(label: &str) -> Option<Confidence> {
        let label = label.trim();
        Confidence::ALL
            .into_iter()
            .find(|c| c.label().eq_ignore_ascii_case(label))
    }
}

impl std::fmt::Display for Confidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// Where a gazetteer entry came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum PlaceOrigin {
    /// A row of a GeoNames file.
    #[default]
    GeoNames,
    /// Added by an analyst; `source` says on what authority (a report, a map, a person).
    Curated { source: String },
    /// Read from a settlement list (an OpenStreetMap extract, an OCHA/HDX
    /// table); `source` names it ("OpenStreetMap (mali.osm.pbf)", "villages.csv").
    Imported { source: String },
}

/// One gazetteer entry, as GeoNames describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// GeoNames id; analyst-curated places use negative ids so they can never
    /// collide with a GeoNames row imported later.
    pub geonameid: i64,
    pub name: String,
    pub ascii_name: String,
    pub alternate_names: Vec<String>,
    pub latitude: f64,
    pub longitude: f64,
    /// GeoNames feature class (`P` populated place, `A` admin unit, `H` water, ...).
    pub feature_class: String,
    /// GeoNames feature code (`PPLA`, `PPL`, `ADM2`, `STM`, `AIRP`, ...).
    pub feature_code: String,
    /// ISO 3166-1 alpha-2.
    pub country_code: String,
    pub admin1_code: String,
    pub admin2_code: String,
    pub population: i64,
    pub origin: PlaceOrigin,
}

/// A news report as it was ingested, kept whole so that evidence offsets stay valid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub id: i64,
    /// File name or "pasted text": what the analyst will recognise.
    pub source_name: String,
    pub published: Option<NaiveDate>,
    pub text: String,
    /// Hex SHA-256 of the text: the same report ingested twice is stored once.
    pub content_hash: String,
}

/// Byte offsets into a report's text (`start..end`), always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The spanned text, or `None` if the span does not fit the text.
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }
}

/// Where an incident happened, as resolved through the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The place as an analyst would write it in ACLED's `location` column.
    pub name: String,
    /// The gazetteer entry the point comes from, if any.
    pub place_id: Option<i64>,
    pub latitude: f64,
    pub longitude: f64,
    pub country: String,
    pub country_code: String,
    pub admin1: String,
    pub admin2: String,
    pub geo_precision: GeoPrecision,
}

/// Great-circle distance in kilometres between two points given as
/// latitude and longitude in degrees: `geo`'s haversine (on the mean Earth
/// radius), the one distance every part of the program uses.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    use geo::{Distance, Haversine, Point};
    Haversine.distance(Point::new(lon1, lat1), Point::new(lon2, lat2)) / 1000.0
}

/// The longest text one field of an incident may hold, in bytes (256 KiB,
/// a hundred pages of notes; ACLED's longest notes are a few hundred bytes).
/// The importers refuse a longer value and the store refuses an edit that
/// makes one, so everything exported, in any format, imports back: the CSV
/// reader's line limit (`import::csv::MAX_LINE_BYTES`) holds a row of such
/// fields.
pub const MAX_FIELD_BYTES: usize = 256 * 1024;

/// Everything known about one incident: one event, one place, one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentData {
    pub event_date: NaiveDate,
    pub time_precision: TimePrecision,
    pub event_type: EventType,
    pub sub_event_type: String,
    pub actor1: String,
    pub actor2: String,
    /// `None` when the report gives no figure (not the same as zero).
    pub fatalities: Option<u32>,
    pub location: Location,
    /// A short human summary, ACLED-style.
    pub notes: String,
    /// The sentence the incident was read from.
    pub evidence: Span,
    /// Weapons and equipment named in the report.
    pub weapons: Vec<String>,
    /// How far the coding can be trusted (extraction output, like the rest:
    /// reading the report again recomputes it; not one of the analyst's
    /// `Field`s). `#[serde(default)]` so JSON written before it still reads.
    #[serde(default)]
    pub confidence: Confidence,
    /// Why the confidence is not high, one short phrase each ("the date is
    /// the publication date"); empty when nothing lowered it.
    #[serde(default)]
    pub confidence_reasons: Vec<String>,
}

impl IncidentData {
    /// The first text field longer than `MAX_FIELD_BYTES`, with its length.
    pub fn overlong_field(&self) -> Option<(&'static str, usize)> {
        let l = &self.location;
        let fields = [
            ("sub_event_type", self.sub_event_type.as_str()),
            ("actor1", &self.actor1),
            ("actor2", &self.actor2),
            ("location", &l.name),
            ("country", &l.country),
            ("country_code", &l.country_code),
            ("admin1", &l.admin1),
            ("admin2", &l.admin2),
            ("notes", &self.notes),
        ];
        let lists = self.weapons.iter().map(|w| ("weapons", w.as_str())).chain(
            self.confidence_reasons
                .iter()
                .map(|r| ("confidence_reasons", r.as_str())),
        );
        fields
            .into_iter()
            .chain(lists)
            .find(|(_, v)| v.len() > MAX_FIELD_BYTES)
            .map(|(name, v)| (name, v.len()))
    }
}

#[cfg(test)]
impl Location {
    /// Djibo itself, the place of [`IncidentData::example`]: a test that
    /// needs another place changes the fields that differ.
    #[cfg(test)]
    pub(crate) fn example() -> Location {
        Location {
            name: "Djibo".into(),
            place_id: None,
            latitude: 14.1022,
            longitude: -1.6306,
            country: "Burkina Faso".into(),
            country_code: "BF".into(),
            admin1: "Sahel".into(),
            admin2: "Soum".into(),
            geo_precision: GeoPrecision::Exact,
        }
    }
}

impl IncidentData {
    /// A battle at Djibo, the shared base of the test builders: each sets
    /// the fields it cares about and takes the rest with
    /// `..IncidentData::example()`, so a new field is added here only.
    #[cfg(test)]
    #[allow(clippy::unwrap_used)] // a constant date
    pub(crate) fn example() -> IncidentData {
        IncidentData {
            event_date: NaiveDate::from_ymd_opt(2024, 3, 23).unwrap(),
            time_precision: TimePrecision::Day,
            event_type: EventType::Battles,
            sub_event_type: "Armed clash".into(),
            actor1: "JNIM".into(),
            actor2: "Military Forces of Burkina Faso".into(),
            fatalities: None,
            location: Location::example(),
            notes: String::new(),
            evidence: Span::new(0, 0),
            weapons: Vec::new(),
            confidence: Confidence::High,
            confidence_reasons: Vec::new(),
        }
    }
}

/// A field of [`IncidentData`] an analyst can correct. The store remembers
/// which ones were corrected so that reading the report again (after the
/// rules or the gazetteer improved) never overwrites the analyst's word.
/// The location's parts move together: a point with another place's name or
/// admin units would be wrong twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    EventDate,
    TimePrecision,
    EventType,
    SubEventType,
    Actor1,
    Actor2,
    Fatalities,
    Location,
    Notes,
    Weapons,
}

impl Field {
    pub const ALL: [Field; 10] = [
        Field::EventDate,
        Field::TimePrecision,
        Field::EventType,
        Field::SubEventType,
        Field::Actor1,
        Field::Actor2,
        Field::Fatalities,
        Field::Location,
        Field::Notes,
        Field::Weapons,
    ];

    /// The field's name as the details panel and the exports write it.
    pub fn label(self) -> &'static str {
        match self {
            Field::EventDate => "event_date",
            Field::TimePrecision => "time_precision",
            Field::EventType => "event_type",
            Field::SubEventType => "sub_event_type",
            Field::Actor1 => "actor1",
            Field::Actor2 => "actor2",
            Field::Fatalities => "fatalities",
            Field::Location => "location",
            Field::Notes => "notes",
            Field::Weapons => "weapons",
        }
    }

    /// The fields whose values differ between `a` and `b`.
    pub fn changed(a: &IncidentData, b: &IncidentData) -> Vec<Field> {
        Field::ALL.into_iter().filter(|f| !f.same(a, b)).collect()
    }

    /// Whether `a` and `b` hold the same value in this field.
    pub fn same(self, a: &IncidentData, b: &IncidentData) -> bool {
        match self {
            Field::EventDate => a.event_date == b.event_date,
            Field::TimePrecision => a.time_precision == b.time_precision,
            Field::EventType => a.event_type == b.event_type,
            Field::SubEventType => a.sub_event_type == b.sub_event_type,
            Field::Actor1 => a.actor1 == b.actor1,
            Field::Actor2 => a.actor2 == b.actor2,
            Field::Fatalities => a.fatalities == b.fatalities,
            Field::Location => a.location == b.location,
            Field::Notes => a.notes == b.notes,
            Field::Weapons => a.weapons == b.weapons,
        }
    }

    /// Copies this field's value from `from` into `into`.
    pub fn copy(self, from: &IncidentData, into: &mut IncidentData) {
        match self {
            Field::EventDate => into.event_date = from.event_date,
            Field::TimePrecision => into.time_precision = from.time_precision,
            Field::EventType => into.event_type = from.event_type,
            Field::SubEventType => into.sub_event_type.clone_from(&from.sub_event_type),
            Field::Actor1 => into.actor1.clone_from(&from.actor1),
            Field::Actor2 => into.actor2.clone_from(&from.actor2),
            Field::Fatalities => into.fatalities = from.fatalities,
            Field::Location => into.location.clone_from(&from.location),
            Field::Notes => into.notes.clone_from(&from.notes),
            Field::Weapons => into.weapons.clone_from(&from.weapons),
        }
    }
}

/// A stored incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    pub id: i64,
    pub report_id: i64,
    /// The report's source name, for display and export.
    pub source: String,
    pub data: IncidentData,
    /// An analyst accepted this coding (the Review mode's `A`). It lives here
    /// and not in `IncidentData` because it is the analyst's decision about
    /// the data, not something extraction produces: re-reading a report
    /// builds fresh `IncidentData` and the store decides whether the
    /// decision still holds (see `store::reprocess`).
    #[serde(default)]
    pub reviewed: bool,
}

/// An inclusive range of dates, as the timeline selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeWindow {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl TimeWindow {
    /// A window whose ends are put in order, so `from <= to` always holds.
    pub fn new(a: NaiveDate, b: NaiveDate) -> TimeWindow {
        TimeWindow {
            from: a.min(b),
            to: a.max(b),
        }
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}

/// A longitude/latitude box, west-south-east-north as GeoJSON's `bbox` writes it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BBox {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl BBox {
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        self.west <= lon && lon <= self.east && self.south <= lat && lat <= self.north
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_great_circle_kilometres() {
        // Kaya to Djibo: about 130 km as the crow flies.
        let d = distance_km(13.09, -1.08, 14.10, -1.63);
        assert!((d - 126.6).abs() < 1.0, "{d}");
        assert_eq!(distance_km(14.1, -1.6, 14.1, -1.6), 0.0);
        // A quarter of the equator.
        assert!((distance_km(0.0, 0.0, 0.0, 90.0) - 10_007.5).abs() < 1.0);
    }

    #[test]
    fn precision_codes_round_trip_and_reject_strangers() {
        for code in 1..=3u8 {
            assert_eq!(u8::from(GeoPrecision::try_from(code).unwrap()), code);
            assert_eq!(u8::from(TimePrecision::try_from(code).unwrap()), code);
        }
        assert_eq!(GeoPrecision::try_from(4), Err(InvalidPrecision(4)));
        assert_eq!(TimePrecision::try_from(0), Err(InvalidPrecision(0)));
    }

    #[test]
    fn event_type_labels_read_back() {
        for t in EventType::ALL {
            assert_eq!(EventType::from_label(t.label()), Some(t));
        }
        assert_eq!(
            EventType::from_label("violence against civilians"),
            Some(EventType::ViolenceAgainstCivilians)
        );
        assert_eq!(EventType::from_label("Picnic"), None);
    }

    #[test]
    fn confidence_labels_read_back_and_low_sorts_first() {
        for c in Confidence::ALL {
            assert_eq!(Confidence::from_label(c.label()), Some(c));
        }
        assert_eq!(Confidence::from_label(" LOW "), Some(Confidence::Low));
        assert_eq!(Confidence::from_label("sure"), None);
        assert!(Confidence::Low < Confidence::Medium && Confidence::Medium < Confidence::High);
        assert_eq!(
            serde_json::to_string(&Confidence::Medium).unwrap(),
            "\"medium\""
        );
    }

    #[test]
    fn incident_json_written_before_confidence_still_reads() {
        let mut json = serde_json::to_value(Incident {
            id: 1,
            report_id: 2,
            source: "r.txt".into(),
            data: IncidentData::example(),
            reviewed: true,
        })
        .unwrap();
        json.as_object_mut().unwrap().remove("reviewed");
        let data = json["data"].as_object_mut().unwrap();
        data.remove("confidence");
        data.remove("confidence_reasons");
        let old: Incident = serde_json::from_value(json).unwrap();
        assert!(!old.reviewed);
        assert_eq!(old.data.confidence, Confidence::Medium);
        assert!(old.data.confidence_reasons.is_empty());
    }

    #[test]
    fn time_window_orders_its_ends() {
        let a = NaiveDate::from_ymd_opt(2024, 7, 21).unwrap();
        let b = NaiveDate::from_ymd_opt(2024, 3, 23).unwrap();
        let w = TimeWindow::new(a, b);
        assert_eq!(w.from, b);
        assert!(w.contains(a) && w.contains(b));
        assert!(!w.contains(a.succ_opt().unwrap()));
    }
}
