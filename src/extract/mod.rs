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
mod lexicon;
mod places;
mod script;
mod sentences;
mod weapons;
mod words;

#[cfg(test)]
mod evaluation;
#[cfg(test)]
mod tests;

use std::rc::Rc;

use chrono::NaiveDate;

use crate::gazetteer::Gazetteer;
use crate::model::IncidentData;

pub use actors::{ISSP, JNIM, VDP, military_name};
pub use confidence::reason as confidence_reason;
pub use dates::{Publication, month, publication_date};
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
    let allowed = places::pointed_countries(&split_words, gazetteer);
    let mut ctx = places::Context {
        // A report that names its country only through a capital or a
        // lower-case adjective ("Niamey", "soldats nigériens") is still
        // about it.
        country: places::main_country(&texts, &split_words, gazetteer)
            .or_else(|| allowed.first().copied()),
        allowed,
        ..places::Context::default()
    };
    let mut mentions = places::find_all(&texts, &split_words, &mut ctx, gazetteer);
    // Places named in a background clause are not where an event happened.
    for ((t, ws), ms) in texts.iter().zip(&split_words).zip(mentions.iter_mut()) {
        if let Some(cut) = incidents::background_cut(t, ws) {
            ms.retain(|m| m.start < cut);
        }
    }
    if !ctx.allowed.is_empty() {
        for cc in places::unit_countries(&mentions, gazetteer) {
            if !ctx.allowed.contains(&cc) {
                ctx.allowed.push(cc);
            }
        }
    }
    // A roundup's sections each take their country from their own header.
    let mut section: Option<&'static str> = None;
    let mut sections: Vec<Option<&'static str>> = Vec::with_capacity(texts.len());
    let mut section_ctx: Option<places::Context> = None;
    let mut resolved: Vec<places::SentencePlaces> = Vec::with_capacity(texts.len());
    for (t, m) in texts.iter().zip(&mentions) {
        if let Some(cc) = places::section_country(t, gazetteer) {
            section = Some(cc);
            section_ctx = Some(ctx.for_section(cc));
        }
        sections.push(section);
        resolved.push(places::resolve(
            m,
            section_ctx.as_ref().unwrap_or(&ctx),
            gazetteer,
        ));
    }
    // Where a village the gazetteer lacks falls back to when no unit is
    // named: its section's country, else the report's.
    // One lookup per country, not per sentence.
    let mut by_country: Vec<(&'static str, Option<Rc<places::Resolved>>)> = Vec::new();
    let fallbacks: Vec<Option<Rc<places::Resolved>>> = sections
        .iter()
        .map(|s| {
            let cc = s.or(ctx.country)?;
            if let Some((_, r)) = by_country.iter().find(|(c, _)| *c == cc) {
                return r.clone();
            }
            let r = places::country_place(cc, gazetteer).map(Rc::new);
            by_country.push((cc, r.clone()));
            r
        })
        .collect();
    let (incidents, mut warnings) = incidents::build(
        &sentences,
        &split_words,
        resolved,
        &fallbacks,
        publication.date,
        publication.span,
        gazetteer,
    );
    let mut all = publication.warnings;
    if let Err(e) = actors::bundled_actors() {
        all.push(format!("actors could not be named: {e}"));
    }
    if let Err(e) = lexicon::check_bundled() {
        all.push(format!("the extraction vocabulary could not be read: {e}"));
    }
    all.append(&mut warnings);
    if let Some(w) = script::unsupported_script_warning(text) {
        all.push(w);
    }
    Extraction {
        published: publication.date,
        incidents,
        warnings: all,
    }
}
