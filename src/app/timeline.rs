//! The bottom panel: a histogram of incidents per day, week or month; the
//! window chosen with two sliders (egui has no two-handle slider) or typed as
//! YYYY-MM-DD; and playback that moves the window a step at a time, sliding
//! or cumulative, at a chosen speed (space plays, arrow keys step).

use chrono::{Days, NaiveDate};
use egui::{Color32, Rect, Sense, Ui, Vec2};

use super::command::Command;
use crate::model::{Incident, TimeWindow};
use crate::view::{Bin, Playback, Step, WindowMode};

const HISTOGRAM_HEIGHT: f32 = 44.0;
const IN_WINDOW: Color32 = Color32::from_rgb(0x4A, 0x6F, 0x8A);
const OUT_OF_WINDOW: Color32 = Color32::from_rgb(0xC8, 0xCC, 0xD0);

/// The first and last incident dates (incidents sorted by date): the range
/// the sliders cover.
pub fn full_range(incidents: &[Incident]) -> Option<TimeWindow> {
    let first = incidents.first()?.data.event_date;
    let last = incidents.last()?.data.event_date;
    Some(TimeWindow::new(first, last))
}

/// "2024-03-23 – 2025-07-28 · 9 of 12 incidents shown"
pub fn describe(window: TimeWindow, shown: usize, total: usize) -> String {
    format!(
        "{} · {shown} of {total} incidents shown",
        window_text(window)
    )
}

/// "2024-03-23 – 2025-07-28", as written on the map.
pub fn window_text(window: TimeWindow) -> String {
    format!(
        "{} – {}",
        window.from.format("%Y-%m-%d"),
        window.to.format("%Y-%m-%d")
    )
}

/// Reads a typed date; only a whole YYYY-MM-DD date counts.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// The From/To text fields, kept in step with the window unless being typed in.
#[derive(Debug, Default)]
pub struct DateFields {
    pub from: String,
    pub to: String,
    synced: Option<TimeWindow>,
}

/// What the timeline draws from.
pub struct TimelineView<'a> {
    pub range: Option<TimeWindow>,
    pub window: Option<TimeWindow>,
    pub bins: &'a [Bin],
    pub bin_step: Step,
    pub playback: &'a Playback,
    pub shown: usize,
    pub total: usize,
}

/// Draws the timeline; returns what the analyst changed.
pub fn show(ui: &mut Ui, fields: &mut DateFields, view: &TimelineView<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(range) = view.range else {
        ui.label("No incidents yet: paste a report on the left and press Ingest.");
        return commands;
    };
    let window = view.window.unwrap_or(range);
    if fields.synced != Some(window) {
        fields.from = window.from.format("%Y-%m-%d").to_string();
        fields.to = window.to.format("%Y-%m-%d").to_string();
        fields.synced = Some(window);
    }
    histogram(ui, view.bins, view.bin_step, window);

    let span = (range.to - range.from).num_days();
    let offset = |date: NaiveDate| (date - range.from).num_days().clamp(0, span);
    let mut from = offset(window.from);
    let mut to = offset(window.to);
    let date_at = |days: i64| {
        u64::try_from(days)
            .ok()
            .and_then(|d| range.from.checked_add_days(Days::new(d)))
            .unwrap_or(range.to)
    };

    // Room for the label and the date field next to each slider.
    ui.spacing_mut().slider_width = (ui.available_width() - 200.0).max(100.0);
    let mut typed: Option<TimeWindow> = None;
    let slider_row = |ui: &mut Ui, value: &mut i64, name: &str, text: &mut String| {
        ui.horizontal(|ui| {
            // One visible name per row, before the slider; the date field
            // gets its own accessible name ("From date") without a second
            // label on screen.
            let label = ui.add_sized([34.0, 18.0], egui::Label::new(name));
            let moved = ui
                .add(egui::Slider::new(value, 0..=span).show_value(false))
                .labelled_by(label.id)
                .changed();
            let edit = ui.add(
                egui::TextEdit::singleline(text)
                    .desired_width(90.0)
                    .hint_text("YYYY-MM-DD"),
            );
            let enabled = ui.is_enabled();
            edit.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, enabled, format!("{name} date"))
            });
            (moved, edit.changed().then(|| parse_date(text)).flatten())
        })
        .inner
    };
    let (from_moved, from_typed) = slider_row(ui, &mut from, "From", &mut fields.from);
    let (to_moved, to_typed) = slider_row(ui, &mut to, "To", &mut fields.to);
    if let Some(date) = from_typed {
        typed = Some(TimeWindow::new(date, window.to.max(date)));
    }
    if let Some(date) = to_typed {
        typed = Some(TimeWindow::new(window.from.min(date), date));
    }

    ui.horizontal_wrapped(|ui| {
        // The speed slider is short; only the date sliders span the panel.
        ui.spacing_mut().slider_width = 100.0;
        let playback = view.playback;
        let play = if playback.playing { "Pause" } else { "Play" };
        if ui.button(play).on_hover_text("Space").clicked() {
            commands.push(Command::TogglePlay);
        }
        if ui.button("Step back").on_hover_text("Left arrow").clicked() {
            commands.push(Command::StepWindow { forward: false });
        }
        if ui
            .button("Step forward")
            .on_hover_text("Right arrow")
            .clicked()
        {
            commands.push(Command::StepWindow { forward: true });
        }
        let mut step = playback.step;
        step_combo(ui, "Step", &mut step);
        if step != playback.step {
            commands.push(Command::SetPlayStep(step));
        }
        let mut speed = playback.speed;
        if ui
            .add(egui::Slider::new(&mut speed, 0.5..=10.0).text("steps/s"))
            .changed()
        {
            commands.push(Command::SetSpeed(speed));
        }
        let mut mode = playback.mode;
        ui.radio_value(&mut mode, WindowMode::Sliding, "Sliding");
        ui.radio_value(&mut mode, WindowMode::Cumulative, "Cumulative");
        if mode != playback.mode {
            commands.push(Command::SetWindowMode(mode));
        }
        ui.separator();
        let mut bins = view.bin_step;
        step_combo(ui, "Bars", &mut bins);
        if bins != view.bin_step {
            commands.push(Command::SetBins(bins));
        }
    });
    ui.horizontal(|ui| {
        ui.label(describe(window, view.shown, view.total));
        if window != range && ui.button("Show all dates").clicked() {
            from = 0;
            to = span;
            typed = Some(range);
        }
    });

    // The handle being dragged pushes the other one along, so the window
    // never turns inside out.
    if from_moved && from > to {
        to = from;
    } else if to_moved && to < from {
        from = to;
    }
    let new = typed.unwrap_or_else(|| TimeWindow::new(date_at(from), date_at(to)));
    if new != window {
        commands.push(Command::SetWindow(new));
    }
    commands
}

fn step_combo(ui: &mut Ui, label: &str, step: &mut Step) {
    egui::ComboBox::from_label(label)
        .selected_text(step.label())
        .width(70.0)
        .show_ui(ui, |ui| {
            for s in Step::ALL {
                ui.selectable_value(step, s, s.label());
            }
        });
}

/// One bar per bin, darker inside the window, scaled to the busiest bin.
fn histogram(ui: &mut Ui, bins: &[Bin], step: Step, window: TimeWindow) {
    let size = Vec2::new(ui.available_width(), HISTOGRAM_HEIGHT);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(rect);
    let busiest = bins.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let width = rect.width() / bins.len().max(1) as f32;
    let gap = if width > 3.0 { 1.0 } else { 0.0 };
    for (i, bin) in bins.iter().enumerate() {
        if bin.count == 0 {
            continue;
        }
        let height = (rect.height() - 2.0) * (bin.count as f32 / busiest as f32);
        let left = rect.left() + width * i as f32;
        let bar = Rect::from_min_max(
            egui::pos2(left + gap, rect.bottom() - height),
            egui::pos2(left + width - gap, rect.bottom()),
        );
        let end = step
            .add(bin.start, 1)
            .and_then(|d| d.pred_opt())
            .unwrap_or(bin.start);
        let overlaps = bin.start <= window.to && window.from <= end;
        painter.rect_filled(bar, 0.0, if overlaps { IN_WINDOW } else { OUT_OF_WINDOW });
    }
    if let Some(pointer) = response.hover_pos() {
        let i = ((pointer.x - rect.left()) / width) as usize;
        if let Some(bin) = bins.get(i) {
            let when = match step {
                Step::Day => bin.start.format("%Y-%m-%d").to_string(),
                Step::Week => format!("week of {}", bin.start.format("%Y-%m-%d")),
                Step::Month => bin.start.format("%B %Y").to_string(),
            };
            response.on_hover_text_at_pointer(format!("{when}: {} incidents", bin.count));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::incident;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_range_runs_from_the_first_to_the_last_sorted_incident() {
        let incidents = vec![
            incident(2, date(2024, 11, 2)),
            incident(1, date(2025, 1, 15)),
        ];
        let range = full_range(&incidents).unwrap();
        assert_eq!(range, TimeWindow::new(date(2024, 11, 2), date(2025, 1, 15)));
        assert_eq!(full_range(&[]), None);
    }

    #[test]
    fn the_window_is_written_with_its_count() {
        let window = TimeWindow::new(date(2024, 3, 23), date(2025, 7, 28));
        assert_eq!(
            describe(window, 9, 12),
            "2024-03-23 – 2025-07-28 · 9 of 12 incidents shown"
        );
    }

    #[test]
    fn only_whole_dates_are_read_from_the_fields() {
        assert_eq!(parse_date(" 2024-10-09 "), Some(date(2024, 10, 9)));
        assert_eq!(parse_date("2024-10-0"), None);
        assert_eq!(parse_date("2024-13-01"), None);
    }
}
