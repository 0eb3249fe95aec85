//! Runs of capitalised words: the candidate names of a sentence, before any
//! of them is known to be a place.
//!
//! Both the country context (which countries a report names) and the place
//! mentions read the same runs, so they are cut once, here.

use crate::extract::words::Word;

use super::vocabulary::{is_breakers, is_not_places};

/// A run of capitalised words, before its role is known.
#[derive(Debug, Clone)]
pub(super) struct Run<'s> {
    pub(super) first: usize,
    pub(super) last: usize,
    /// Borrowed from the sentence: most runs are looked at and dropped.
    pub(super) text: &'s str,
    pub(super) possessive: bool,
    /// Where the name starts in the sentence (after an elision).
    pub(super) start: usize,
    /// "d'Ayorou" reads as "de Ayorou", "l'Atacora" as "la Atacora".
    pub(super) elision: Option<&'static str>,
}

pub(super) fn runs<'s>(sentence: &'s str, ws: &[Word<'_>]) -> Vec<Run<'s>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        let elided = w.elided_capital();
        if !(w.is_capitalised() || elided.is_some())
            || is_breakers(&w.folded)
            || is_not_places(&w.folded)
        {
            i += 1;
            continue;
        }
        let cut = elided.unwrap_or(0);
        let elision = elided.map(|_| {
            if w.text.starts_with(['d', 'D']) {
                "de"
            } else {
                "la"
            }
        });
        let first = i;
        let mut last = i;
        let mut possessive = false;
        loop {
            let f = &ws[last].folded;
            if f.ends_with("'s") {
                possessive = true;
                break;
            }
            let Some(n) = ws.get(last + 1) else { break };
            let gap = &sentence[ws[last].end..n.start];
            if !gap.trim().is_empty()
                || !n.is_capitalised()
                || is_breakers(&n.folded)
                || last - first >= 3
            {
                break;
            }
            last += 1;
        }
        let start = ws[first].start + cut;
        let raw = &sentence[start..ws[last].end];
        let text = raw
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix("’s"))
            .unwrap_or(raw);
        out.push(Run {
            first,
            last,
            text,
            possessive,
            start,
            elision,
        });
        i = last + 1;
    }
    out
}
