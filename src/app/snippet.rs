//! Why a search found an incident: the few words FTS5 picked around the
//! match, the matched words highlighted, and whether the incident's own
//! fields matched or only a report that told of it (a search for a town
//! also finds the other incidents of a report that names it).

use egui::text::LayoutJob;
use egui::{Color32, TextFormat, TextStyle, Ui};

use crate::app::i18n::tr;
use crate::store::{SearchHit, Snippet};

/// The highlight behind a matched word: the same yellow as the evidence.
const MATCHED: Color32 = Color32::from_rgb(0xFF, 0xE0, 0x66);

/// Where the match was, as the analyst reads it before the snippet.
pub fn origin(hit: &SearchHit) -> String {
    let key = if hit.in_report {
        "snippet-in-report"
    } else {
        "snippet-in-fields"
    };
    // A catalogue's text ends where its last word does: the space is ours.
    format!("{} ", tr(key))
}

/// `hit`'s snippet after its origin, matched words highlighted, in `style`.
pub fn layout(ui: &Ui, hit: &SearchHit, style: TextStyle) -> LayoutJob {
    let plain = TextFormat {
        font_id: style.resolve(ui.style()),
        color: ui.visuals().weak_text_color(),
        ..TextFormat::default()
    };
    let matched = TextFormat {
        background: MATCHED,
        color: Color32::BLACK,
        ..plain.clone()
    };
    let mut job = LayoutJob::default();
    job.append(&origin(hit), 0.0, plain.clone());
    append(&mut job, &hit.snippet, &plain, &matched);
    job
}

fn append(job: &mut LayoutJob, snippet: &Snippet, plain: &TextFormat, matched: &TextFormat) {
    for (text, is_match) in &snippet.parts {
        // Line breaks in the report would make a list row taller than its slot.
        let text = text.replace(['\n', '\r'], " ");
        let format = if *is_match { matched } else { plain };
        job.append(&text, 0.0, format.clone());
    }
}

/// The snippet as one line of text, as its label reads (tests find it so).
#[cfg(test)]
pub fn text(hit: &SearchHit) -> String {
    format!(
        "{}{}",
        origin(hit),
        hit.snippet.text().replace(['\n', '\r'], " ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_match_says_so_before_its_words() {
        let hit = SearchHit {
            incident_id: 1,
            in_report: true,
            snippet: Snippet::parse("shops \u{2}looted\u{3}\nin Kaya"),
        };
        assert_eq!(text(&hit), "in its report: shops looted in Kaya");
    }
}
