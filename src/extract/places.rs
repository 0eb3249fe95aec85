//! Place mentions: which capitalised names in a sentence are where things
//! happened, and what the gazetteer makes of them.
//!
//! A name counts only in a telling pattern: "in X", "at X", "near X",
//! "village of X", "X province", "province du X", "X district", "X, Y"
//! ("Kalamba, Kaya"), "X, located in Y", "attacked X", "an attack on X";
//! "de X" / "of X" after a settlement or facility noun, with at most one
//! adjective between ("le poste militaire de X", "l'école de X", "the
//! streets of X", "habitants de X"); "the X area"; "between X and Y";
//! or bare, when the same name was
//! already found in such a pattern elsewhere in the report ("Djibo
//! residents"). Names are never looked up just for being capitalised:
//! half of a headline is.
//!
//! Skipped: countries (they set the country context instead), the Sahel and
//! other macro-regions (but "the Liptako region" is, since 2025, Burkina
//! Faso's former Sahel region), wire datelines ("DAKAR (Reuters)"), "reporting from
//! X", origins ("from X"), where attackers are "based in" or "withdrew to",
//! and national capitals when the sentence names another place.
//!
//! Precision: the place itself is Exact; "X district" is the town X, Near
//! (the district is the area around it); "40 km north of X" is X, Near, and
//! only when nothing else is named; "near X" is X, Near; a name that only
//! resembles a gazetteer entry (one or two letters off) is trusted only
//! within 40 km of a place named beside it; "X, Y" with X unknown is Y, Near, with
//! X kept as a detail for the notes; "the commune of X", "la zone de X",
//! "le secteur de X", "the X area" are the town X, Near; "between X and Y"
//! is X, Near, with both named in the notes (Y only says which way);
//! a province or region is Region at the point the gazetteer gives for the
//! unit, and carries the name of a site in it the gazetteer lacks.
//!
//! A name beside a place ("Wuriyanga, Djibo") is the town of that name
//! before the department of the same name; with its unit word ("Mansila,
//! Yagha province") it is the unit.
//!
//! The work is split by concept: `runs` cuts the candidate names,
//! `vocabulary` holds the words around them, `mentions` and `roads` find
//! the names in telling patterns, `context` settles the report's countries,
//! and `lookup` resolves the mentions with the gazetteer.

mod context;
mod lookup;
mod mentions;
mod roads;
mod runs;
mod vocabulary;

use crate::model::{GeoPrecision, Place};

pub use context::{
    Context, country_place, main_country, pointed_countries, section_country, unit_countries,
};
pub use lookup::resolve;
pub use mentions::find_all;

/// How a name is used in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// "in X", "village of X": where something happened.
    Site,
    /// "X district": the area around a town.
    District,
    /// "X province", "region of X".
    Admin,
    /// A bare name already known from a pattern elsewhere.
    Passing,
    /// "40 km north of X": a landmark, not the place.
    Reference,
    /// A national capital mentioned in passing.
    Capital,
}

/// One name found in a sentence, before lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub written: String,
    pub start: usize,
    pub end: usize,
    pub role: Role,
    /// "Kaya" in "Kalamba, Kaya" or "Dargo, located in Kaya province".
    pub qualifier: Option<String>,
    /// "near X", "près de X": close to the place, not in it.
    pub near: bool,
    /// The unit word of an admin mention as written ("province", "région").
    pub unit: String,
    /// How the report placed it, for the notes ("between Djibo and
    /// Tongomayel").
    pub context: Option<String>,
}

/// A mention the gazetteer could place.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub place: Place,
    pub precision: GeoPrecision,
    pub role: Role,
    pub written: String,
    /// A smaller place the report names but the gazetteer lacks ("Kalamba").
    pub detail: Option<String>,
    /// The enclosing unit as written ("Kaya province"), for the notes.
    pub context: Option<String>,
}

/// What the place analysis found in one sentence.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SentencePlaces {
    /// Best first: sites, then districts, admin units, passing names,
    /// references and capitals.
    pub resolved: Vec<Resolved>,
    /// Site names the gazetteer does not know.
    pub unresolved: Vec<String>,
}
