//! Report text in, incidents out: the publication date, the events the
//! report describes, and warnings for what could not be resolved.
//!
//! The stages, one file each: `sentences` (split with byte spans), `dates`,
//! `places` (mentions and gazetteer lookups), `actors`, `event_type`,
//! `fatalities`, `weapons`, and `incidents` (which sentences make which
//! incident); `confidence` weighs what made a coding shaky into a level
//! with its reasons. `dedupe` says when two codings are one event told
//! twice (the store uses it to merge reports); `evaluation` (tests only)
//! scores the rules on `tests/corpus/`. Everything is rules written down in
//! the module headers, so an analyst can see why an incident came out as it
//! did; actor names are data in `data/actors.tsv`.

mod actors;
mod clauses;
mod confidence;
mod dates;
mod dedupe;
mod event_type;
mod fatalities;
mod incidents;
mod places;
mod sentences;
mod weapons;
mod words;

#[cfg(test)]
mod evaluation;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::gazetteer::Gazetteer;
use crate::model::IncidentData;

pub use actors::{ISSP, JNIM, VDP, military_name};
pub use dates::{Publication, publication_date};
pub use dedupe::{SAME_PLACE_KM, reconcile, same_incident};
pub use event_type::SUB_EVENT_TYPES;
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
    // Every stage reads the same words: split and fold each sentence once.
    let split_words: Vec<Vec<words::Word<'_>>> = texts.iter().map(|t| words::words(t)).collect();
    let mut ctx = places::Context {
        country: places::main_country(&texts, &split_words, gazetteer),
        ..places::Context::default()
    };
    let mentions = places::find_all(&texts, &split_words, &mut ctx, gazetteer);
    let resolved: Vec<places::SentencePlaces> = mentions
        .iter()
        .map(|m| places::resolve(m, &ctx, gazetteer))
        .collect();
    let (incidents, mut warnings) = incidents::build(
        &sentences,
        &split_words,
        resolved,
        publication.date,
        publication.span,
        gazetteer,
    );
    let mut all = publication.warnings;
    if let Err(e) = actors::bundled_actors() {
        all.push(format!("actors could not be named: {e}"));
    }
    all.append(&mut warnings);
    Extraction {
        published: publication.date,
        incidents,
        warnings: all,
    }
}
