//! Background clauses: where a sentence stops telling news and recalls
//! context (cumulative tolls, "since 2021", "last year", negotiations,
//! coups), so that the sentence, or only the clause it opens, is dropped.
//!
//! The report-wide extraction asks this too (place mentions in background
//! are not counted), so it stands on its own.

use crate::extract::lexicon::{Kind, lexicon};
use crate::extract::words::Word;

/// Whether a sentence is background rather than news.
#[cfg(test)]
fn is_background(sentence: &str) -> bool {
    background_cut(sentence, &crate::extract::words::words(sentence)) == Some(0)
}

/// "Since November 2021", "depuis mars 2023", "since 10 May": where a total
/// over a period starts (the lexicon's "since 20*" covers a bare year).
fn since_a_date(ws: &[Word<'_>]) -> Option<usize> {
    let month = |k: usize| {
        ws.get(k)
            .is_some_and(|w| crate::extract::dates::month(&w.folded).is_some())
    };
    let digits = |k: usize| {
        ws.get(k)
            .is_some_and(|w| w.folded.starts_with(|c: char| c.is_ascii_digit()))
    };
    (0..ws.len()).find(|&i| {
        ws[i].is_any(&["since", "depuis"])
            && (month(i + 1)
                || (ws
                    .get(i + 1)
                    .is_some_and(|w| w.is_any(&["early", "late", "mid", "debut", "fin", "le"]))
                    && month(i + 2))
                || (digits(i + 1) && month(i + 2))
                || (ws.get(i + 1).is_some_and(|w| w.is("le")) && digits(i + 2) && month(i + 3)))
    })
}

/// Where a sentence's background starts, as a byte offset into it: 0 when
/// the whole sentence is background ("Since 2021, jihadists have killed
/// thousands"), the start of the clause holding the background phrase when
/// an event is told before it ("Gunmen killed 12 traders in Djibo on
/// Saturday, the deadliest attack since 2021"), `None` without background.
pub fn background_cut(sentence: &str, ws: &[Word<'_>]) -> Option<usize> {
    let at = lexicon()
        .find(Kind::Background, ws)
        .into_iter()
        .chain(since_a_date(ws))
        .min()?;
    let start = ws[at].start;
    let Some(boundary) = sentence[..start].rfind([',', ';', ':', '(', '–', '—']) else {
        return Some(0);
    };
    let told_before = ws
        .iter()
        .take_while(|w| w.end <= boundary)
        .any(|w| w.has(Kind::Attack) || w.has(Kind::Death));
    Some(if told_before { boundary } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::is_background;

    #[test]
    fn background_phrases_count_only_from_the_start_of_a_word() {
        assert!(is_background("The coup of 2022 changed the army."));
        assert!(is_background("Violence has killed thousands since 2019."));
        assert!(!is_background(
            "Traders recouped their losses at the Djibo market."
        ));
        assert!(!is_background("Gunmen attacked Djibo on Saturday."));
    }
}
