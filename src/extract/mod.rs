//! Report text in, incidents out: the publication date, the events the
//! report describes, and warnings for what could not be resolved.
//!
//! The stages, one file each: `sentences` (split with byte spans), `dates`,
//! `places` (mentions and gazetteer lookups), `actors`, `event_type`,
//! `fatalities`, `weapons`, and `incidents` (which sentences make which
//! incident). Everything is rules written down in the module headers, so an
//! analyst can see why an incident came out as it did.

mod actors;
mod dates;
mod event_type;
mod fatalities;
mod incidents;
mod places;
mod sentences;
mod weapons;
mod words;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::gazetteer::Gazetteer;
use crate::model::IncidentData;

pub use actors::{ISSP, JNIM, VDP, military_name};
pub use dates::{Publication, publication_date};
pub use fatalities::{Count, fatalities};
pub use sentences::{Sentence, split};
pub use weapons::find_weapons;

/// What a report yields.
#[derive(Debug, Clone, PartialEq)]
pub struct Extraction {
    /// The report's publication date, from its text or from the caller.
    pub published: Option<NaiveDate>,
    pub incidents: Vec<IncidentData>,
    /// What an analyst should check: missing dates, unplaced incidents.
    pub warnings: Vec<String>,
}

/// Reads `text` (published on `published` if the text does not say) and
/// returns the incidents it describes.
pub fn extract(text: &str, published: Option<NaiveDate>, gazetteer: &Gazetteer) -> Extraction {
    let publication = publication_date(text, published);
    let sentences = split(text);
    let texts: Vec<&str> = sentences.iter().map(|s| s.text).collect();
    let mut ctx = places::Context {
        country: places::main_country(&texts, gazetteer),
        ..places::Context::default()
    };
    let mentions = places::find_all(&texts, &mut ctx, gazetteer);
    let resolved: Vec<places::SentencePlaces> = mentions
        .iter()
        .map(|m| places::resolve(m, &ctx, gazetteer))
        .collect();
    let (incidents, mut warnings) = incidents::build(
        &sentences,
        resolved,
        publication.date,
        publication.span,
        gazetteer,
    );
    let mut all = publication.warnings;
    all.append(&mut warnings);
    Extraction {
        published: publication.date,
        incidents,
        warnings: all,
    }
}
