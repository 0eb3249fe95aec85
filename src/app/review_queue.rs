//! The Review mode (the toolbar's "Review (N left)"): the analyst walks the
//! unreviewed incidents among those shown, shakiest first (the order is
//! `view::review_queue`), and accepts, dismisses or corrects each from the
//! keyboard. The current incident is the selected one, so the map, the list
//! and the details panel follow it; this strip adds its confidence reasons
//! and the stretch of the report it was read from, the sentence marked.
//!
//! Keys (only while no text field has the keyboard, so typing a correction
//! never accepts anything): `A` or Enter accepts (marks it reviewed and
//! moves on), `D` or Delete dismisses (the ordinary delete, which Undo takes
//! back), `C` or `E` puts the cursor in the details editor, `N`/`J` and
//! `P`/`K` move to the next and previous, Esc leaves the mode.
//!
//! A correction does not count as an acceptance by itself: fields are saved
//! at every keystroke, and an incident that left the queue halfway through
//! its correction would take the analyst's place with it. Enter (or Esc)
//! leaves the field, and a second Enter accepts the corrected incident.

use egui::text::TextFormat;
use egui::{Key, Modifiers, RichText, Ui};

use super::command::Command;
use super::details::highlighted;
use crate::app::i18n::{tr, tr_args};
use crate::model::{Confidence, Incident, Report, Span};

/// How much of the report to show on each side of the evidence sentence.
const CONTEXT_BYTES: usize = 240;

/// What the strip shows.
pub struct ReviewView<'a> {
    /// The current incident, if it is still in the queue.
    pub incident: Option<&'a Incident>,
    /// Its report, when the report has text.
    pub report: Option<&'a Report>,
    /// How many incidents are left to review among those shown.
    pub left: usize,
    /// The current incident's place in the queue, from 1.
    pub position: Option<usize>,
}

/// The colour of a confidence badge: red, amber, green, readable on both themes.
pub fn confidence_color(c: Confidence) -> egui::Color32 {
    match c {
        Confidence::Low => egui::Color32::from_rgb(0xD0, 0x40, 0x30),
        Confidence::Medium => egui::Color32::from_rgb(0xD0, 0x8C, 0x10),
        Confidence::High => egui::Color32::from_rgb(0x30, 0x9A, 0x40),
    }
}

/// The report around `span`: up to `context` bytes on each side (cut at
/// character boundaries, "…" where text was left out), and the span moved
/// to match. A span that does not fit the text leaves it whole, unmarked.
pub fn excerpt(text: &str, span: Span, context: usize) -> (String, Span) {
    if span.slice(text).is_none() {
        return (text.to_string(), span);
    }
    let start = text.floor_char_boundary(span.start.saturating_sub(context));
    let end = text.ceil_char_boundary(span.end.saturating_add(context).min(text.len()));
    let mut out = String::with_capacity(end - start + 8);
    if start > 0 {
        out.push('…');
    }
    let shift = out.len();
    out.push_str(&text[start..end]);
    if end < text.len() {
        out.push('…');
    }
    let moved = Span::new(span.start - start + shift, span.end - start + shift);
    (out, moved)
}

/// The Review mode's keys, read only when no widget has the keyboard now
/// nor had it at the end of the last frame (`had_keyboard`): egui takes the
/// focus away on Esc before the frame starts, and that Esc only leaves the
/// field, not the mode. `current` is the incident on screen.
pub fn keys(ctx: &egui::Context, current: Option<i64>, had_keyboard: bool) -> Vec<Command> {
    let mut commands = Vec::new();
    if had_keyboard || ctx.egui_wants_keyboard_input() {
        return commands;
    }
    ctx.input_mut(|input| {
        let mut pressed = |keys: &[Key]| {
            keys.iter().fold(false, |any, key| {
                input.consume_key(Modifiers::NONE, *key) | any
            })
        };
        if pressed(&[Key::Escape]) {
            commands.push(Command::SetReviewMode(false));
            return;
        }
        if pressed(&[Key::N, Key::J]) {
            commands.push(Command::ReviewStep { forward: true });
        }
        if pressed(&[Key::P, Key::K]) {
            commands.push(Command::ReviewStep { forward: false });
        }
        let Some(id) = current else {
            return;
        };
        if pressed(&[Key::A, Key::Enter]) {
            commands.push(Command::Accept(id));
        } else if pressed(&[Key::D, Key::Delete]) {
            commands.push(Command::Delete(id));
        } else if pressed(&[Key::C, Key::E]) {
            commands.push(Command::Correct);
        }
    });
    commands
}

/// Draws the strip above the map: the count, the buttons (the keys in
/// brackets), the confidence with its reasons and the report around the
/// evidence.
pub fn show(ui: &mut Ui, view: &ReviewView<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.strong(tr("queue-title"));
        ui.label(tr_args("queue-left", &[("n", view.left.into())]));
        if let Some(p) = view.position {
            ui.label(tr_args("queue-showing", &[("p", p.into())]));
        }
        ui.separator();
        let current = view.incident.map(|i| i.id);
        ui.add_enabled_ui(current.is_some(), |ui| {
            if let Some(id) = current {
                if ui.button(tr("queue-accept")).clicked() {
                    commands.push(Command::Accept(id));
                }
                if ui.button(tr("queue-dismiss")).clicked() {
                    commands.push(Command::Delete(id));
                }
                if ui.button(tr("queue-correct")).clicked() {
                    commands.push(Command::Correct);
                }
            }
        });
        if ui.button(tr("queue-previous")).clicked() {
            commands.push(Command::ReviewStep { forward: false });
        }
        if ui.button(tr("queue-next")).clicked() {
            commands.push(Command::ReviewStep { forward: true });
        }
        if ui.button(tr("queue-leave")).clicked() {
            commands.push(Command::SetReviewMode(false));
        }
    });
    if view.left == 0 {
        ui.label(RichText::new(tr("queue-done")).strong());
        return commands;
    }
    let Some(incident) = view.incident else {
        ui.label(tr("queue-start"));
        return commands;
    };
    let data = &incident.data;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(tr_args(
                "queue-confidence",
                &[(
                    "level",
                    super::details::confidence_name(data.confidence).into(),
                )],
            ))
            .strong()
            .color(confidence_color(data.confidence)),
        );
        if data.confidence_reasons.is_empty() {
            ui.label(tr("nothing-doubtful"));
        } else {
            let reasons: Vec<String> = data
                .confidence_reasons
                .iter()
                .map(|r| super::i18n::reason(r))
                .collect();
            ui.label(format!("– {}", reasons.join("; ")));
        }
    });
    ui.label(format!(
        "{} · {} · {} · {}",
        data.event_date,
        data.location.name,
        data.event_type.label(),
        data.actor1
    ));
    match view.report {
        Some(report) => {
            let (text, span) = excerpt(&report.text, data.evidence, CONTEXT_BYTES);
            let format = TextFormat {
                font_id: egui::TextStyle::Body.resolve(ui.style()),
                color: ui.visuals().text_color(),
                ..TextFormat::default()
            };
            let mut job = highlighted(&text, span, &format);
            job.wrap.max_width = ui.available_width();
            egui::ScrollArea::vertical()
                .id_salt("review report")
                .max_height(ui.available_height().max(60.0))
                .show(ui, |ui| ui.label(job));
        }
        None => {
            ui.label(tr("details-no-report-text"));
        }
    }
    commands
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_report_is_shown_whole_with_the_span_in_place() {
        let text = "Hier. Attaque à Djibo. Fin.";
        let (out, span) = excerpt(text, Span::new(6, 23), 100);
        assert_eq!(out, text);
        assert_eq!(span.slice(&out), Some("Attaque à Djibo."));
    }

    #[test]
    fn a_long_report_is_cut_around_the_evidence_on_character_boundaries() {
        let text = format!("{}Attaque à Djibo.{}", "é".repeat(50), "à".repeat(50));
        let start = text.find("Attaque").unwrap_or(0);
        let span = Span::new(start, start + "Attaque à Djibo.".len());
        let (out, moved) = excerpt(&text, span, 9);
        assert_eq!(moved.slice(&out), Some("Attaque à Djibo."));
        assert!(out.starts_with('…') && out.ends_with('…'), "{out}");
        assert!(out.len() < text.len());
    }

    #[test]
    fn a_span_outside_the_text_leaves_it_whole() {
        let (out, span) = excerpt("Short.", Span::new(3, 400), 10);
        assert_eq!(out, "Short.");
        assert_eq!(span, Span::new(3, 400));
    }
}
