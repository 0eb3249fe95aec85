//! The question the ranking answers: a place name as a report writes it,
//! with what the report says around it (its country, a unit named beside
//! it, the places it names elsewhere).

/// What the report says about one place name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlaceQuery<'a> {
    /// The name as written ("Barsalogho", "Solé").
    pub name: &'a str,
    /// ISO code of the country the report is about, if known.
    pub country: Option<&'a str>,
    /// A unit or place named beside it ("Solé, Loroum province" -> "Loroum").
    pub admin_hint: Option<&'a str>,
    /// (lat, lon) of other places already resolved in the same report.
    pub near: Vec<(f64, f64)>,
}
