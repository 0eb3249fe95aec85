//! Triggers: how strongly a sentence speaks of an event. A strong attack
//! word opens or extends an incident, a weak word ("the incident", "mass
//! graves") only extends the latest one, and a denied or anaphoric attack
//! word ("no one was shot", "the attack") is weak.
//!
//! Kept apart because both the reading of a sentence and the choice of its
//! event date ask which word is the attack word.

use crate::extract::lexicon::{Kind, lexicon};
use crate::extract::words::Word;

/// How strongly a sentence speaks of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Trigger {
    None,
    Weak,
    Strong,
}

/// An attack word of the lexicon that opens an incident ("pris" only says
/// where, see `data/lexicon/events.tsv`).
pub(super) fn is_strong(w: &Word<'_>) -> bool {
    w.has(Kind::Attack) && lexicon().value(Kind::Attack, &w.folded) != Some("object")
}

/// An attack noun after a definite article ("the attack", "l'attaque",
/// "cette embuscade"): an event the report has told already.
pub(super) fn is_anaphoric(ws: &[Word<'_>], i: usize) -> bool {
    let definite = ["l'", "L'", "l’", "L’"]
        .iter()
        .any(|p| ws[i].text.starts_with(p))
        || (i > 0 && ws[i - 1].is_any(&["the", "this", "that", "la", "le", "cette", "cet", "ce"]));
    definite && lexicon().value(Kind::Attack, &ws[i].folded) == Some("noun")
}

pub(super) fn trigger(ws: &[Word<'_>]) -> Trigger {
    // Single words, then phrases ("opened fire").
    let phrase = || {
        (0..ws.len()).any(|i| {
            lexicon()
                .at(Kind::Attack, ws, i)
                .is_some_and(|(n, _)| n > 1)
        })
    };
    // "Following the attack on Dablo, ...", "L'attaque a été revendiquée":
    // an attack noun after a definite article points back to an event
    // already told; it extends that one rather than opening another.
    let told_before = |i: usize| is_anaphoric(ws, i);
    // "Aucun civil n'aurait été touché", "no one was shot": denied, not told.
    let denied = |i: usize| {
        ws[i.saturating_sub(4)..i]
            .iter()
            .any(|w| w.is_any(&["aucun", "aucune", "no", "none", "nobody", "personne", "ni"]))
    };
    let strong: Vec<usize> = (0..ws.len())
        .filter(|&i| is_strong(&ws[i]) && !denied(i))
        .collect();
    if !strong.is_empty() && strong.iter().all(|&i| told_before(i)) && !phrase() {
        return Trigger::Weak;
    }
    if !strong.is_empty() || phrase() {
        return Trigger::Strong;
    }
    if ws.iter().any(is_strong) {
        // Only denied attack words: what was spared completes the event.
        return Trigger::Weak;
    }
    let attack_nouns = ws.iter().any(|w| w.is_any(&["attack's", "raid's"]));
    // A list of captured arms belongs to the raid just described.
    let arms = ws
        .iter()
        .any(|w| w.is_any(&["rifles", "launchers", "rockets", "ammunition", "munitions"]));
    if attack_nouns || arms || ws.iter().any(|w| w.has(Kind::Weak)) {
        return Trigger::Weak;
    }
    Trigger::None
}
