//! The bottom panel: a histogram of incidents per day, week or month, with
//! a date axis, a count scale and each bar's dates and count on hover; the
//! window chosen with two sliders (egui has no two-handle slider) or typed
//! (see `view::parse_typed_date`; what cannot be read is said under the
//! fields); and playback through the chosen range, a frame of a set length
//! at a time, sliding or cumulative, at a chosen speed (space plays, arrow
//! keys step), the map following if asked.

use chrono::{Days, NaiveDate};
use egui::{Align2, Color32, FontId, Rect, Sense, Ui, Vec2};

use super::command::Command;
use crate::app::i18n::{tr, tr_args};
use crate::model::{Incident, TimeWindow};
use crate::view::{Bin, DATE_FORMS, Playback, Step, WindowMode, date_ticks, parse_typed_date};

const HISTOGRAM_HEIGHT: f32 = 44.0;
/// Room left of the bars for the count scale, and under them for the dates.
const SCALE_WIDTH: f32 = 30.0;
const AXIS_HEIGHT: f32 = 14.0;
const AXIS_TEXT: Color32 = Color32::from_rgb(0x6A, 0x6F, 0x75);
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
    tr_args(
        "timeline-shown",
        &[
            ("window", window_text(window).into()),
            ("shown", shown.into()),
            ("total", total.into()),
        ],
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

/// One typed date field: its text, and whether what was typed could not be
/// read when the analyst left the field.
#[derive(Debug, Default)]
pub struct DateField {
    pub text: String,
    pub error: bool,
    /// Being typed in (as of the last frame): its text is left alone.
    focused: bool,
}

impl DateField {
    /// Shows `date` unless the analyst is typing here.
    fn sync(&mut self, date: NaiveDate) {
        if !self.focused {
            self.text = date.format("%Y-%m-%d").to_string();
            self.error = false;
        }
    }
}

/// The From/To text fields, kept in step with the window unless being typed in.
#[derive(Debug, Default)]
pub struct DateFields {
    pub from: DateField,
    pub to: DateField,
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
        ui.label(tr("timeline-empty"));
        return commands;
    };
    let window = view.window.unwrap_or(range);
    if fields.synced != Some(window) {
        fields.from.sync(window.from);
        fields.to.sync(window.to);
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
    ui.spacing_mut().slider_width = (ui.available_width() - 230.0).max(100.0);
    let mut typed: Option<TimeWindow> = None;
    let slider_row =
        |ui: &mut Ui, value: &mut i64, (name, field_name): (&str, &str), field: &mut DateField| {
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
                    egui::TextEdit::singleline(&mut field.text)
                        .desired_width(120.0)
                        .hint_text("2025-01-01"),
                );
                let enabled = ui.is_enabled();
                edit.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::TextInput, enabled, field_name)
                });
                field.focused = edit.has_focus();
                // Read as it is typed, so a whole date moves the window at once;
                // judged only when the analyst leaves the field (or presses
                // Enter), so a date half typed is not called wrong.
                let typed = edit
                    .changed()
                    .then(|| parse_typed_date(&field.text))
                    .flatten();
                if typed.is_some() {
                    field.error = false;
                }
                if edit.lost_focus() {
                    field.error = parse_typed_date(&field.text).is_none();
                }
                (moved, typed)
            })
            .inner
        };
    let (from_name, to_name) = (tr("timeline-from"), tr("timeline-to"));
    let (from_field, to_field) = (tr("timeline-from-date"), tr("timeline-to-date"));
    let (from_moved, from_typed) =
        slider_row(ui, &mut from, (&from_name, &from_field), &mut fields.from);
    let (to_moved, to_typed) = slider_row(ui, &mut to, (&to_name, &to_field), &mut fields.to);
    for (name, field) in [(&from_name, &fields.from), (&to_name, &fields.to)] {
        if field.error {
            ui.colored_label(
                ui.visuals().error_fg_color,
                tr_args(
                    "timeline-not-a-date",
                    &[
                        ("name", name.as_str().into()),
                        ("text", field.text.trim().into()),
                        ("forms", DATE_FORMS.into()),
                    ],
                ),
            );
        }
    }
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
        let play = tr(if playback.playing {
            "timeline-pause"
        } else {
            "timeline-play"
        });
        if ui
            .button(play)
            .on_hover_text(tr("timeline-space"))
            .clicked()
        {
            commands.push(Command::TogglePlay);
        }
        if ui
            .button(tr("timeline-step-back"))
            .on_hover_text(tr("timeline-left-arrow"))
            .clicked()
        {
            commands.push(Command::StepWindow { forward: false });
        }
        if ui
            .button(tr("timeline-step-forward"))
            .on_hover_text(tr("timeline-right-arrow"))
            .clicked()
        {
            commands.push(Command::StepWindow { forward: true });
        }
        let mut step = playback.step;
        step_combo(ui, &tr("timeline-step"), &mut step);
        if step != playback.step {
            commands.push(Command::SetPlayStep(step));
        }
        let mut speed = playback.speed;
        if ui
            .add(egui::Slider::new(&mut speed, 0.5..=10.0).text(tr("timeline-speed")))
            .changed()
        {
            commands.push(Command::SetSpeed(speed));
        }
        let label = ui.label(tr("timeline-frame"));
        let mut length = playback.length;
        ui.add(egui::DragValue::new(&mut length).range(1..=52))
            .labelled_by(label.id)
            .on_hover_text(tr("timeline-frame-hover"));
        ui.label(step_name(playback.step, length));
        if length != playback.length {
            commands.push(Command::SetPlayLength(length));
        }
        let mut mode = playback.mode;
        ui.radio_value(&mut mode, WindowMode::Sliding, tr("timeline-sliding"));
        ui.radio_value(&mut mode, WindowMode::Cumulative, tr("timeline-cumulative"));
        if mode != playback.mode {
            commands.push(Command::SetWindowMode(mode));
        }
        let mut follow = playback.follow;
        if ui
            .checkbox(&mut follow, tr("timeline-follow"))
            .on_hover_text(tr("timeline-follow-hover"))
            .changed()
        {
            commands.push(Command::SetFollow(follow));
        }
        ui.separator();
        let mut bins = view.bin_step;
        step_combo(ui, &tr("timeline-bars"), &mut bins);
        if bins != view.bin_step {
            commands.push(Command::SetBins(bins));
        }
    });
    ui.horizontal(|ui| {
        ui.label(describe(window, view.shown, view.total));
        if window != range && ui.button(tr("timeline-all-dates")).clicked() {
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
        .selected_text(step_label(*step))
        .width(70.0)
        .show_ui(ui, |ui| {
            for s in Step::ALL {
                ui.selectable_value(step, s, step_label(s));
            }
        });
}

/// "Day", "Semaine": a step as the combo boxes show it.
fn step_label(step: Step) -> String {
    tr(match step {
        Step::Day => "step-day",
        Step::Week => "step-week",
        Step::Month => "step-month",
    })
}

/// "weeks" for a frame of 2 weekly steps.
fn step_name(step: Step, count: u32) -> String {
    let key = match step {
        Step::Day => "step-days",
        Step::Week => "step-weeks",
        Step::Month => "step-months",
    };
    tr_args(key, &[("n", count.into())])
}

/// The last day of the bar starting at `start`.
fn bin_end(step: Step, start: NaiveDate) -> NaiveDate {
    step.add(start, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(start)
}

/// What a bar's tooltip says: its dates and its count.
pub fn bar_text(step: Step, bin: &Bin) -> String {
    let end = bin_end(step, bin.start);
    let when = if end == bin.start {
        bin.start.format("%Y-%m-%d").to_string()
    } else {
        format!(
            "{} – {}",
            bin.start.format("%Y-%m-%d"),
            end.format("%Y-%m-%d")
        )
    };
    format!(
        "{when}: {}",
        tr_args("incident-count", &[("n", bin.count.into())])
    )
}

/// One bar per bin, darker inside the window, scaled to the busiest bin,
/// with the busiest count and 0 on the left and the dates underneath.
fn histogram(ui: &mut Ui, bins: &[Bin], step: Step, window: TimeWindow) {
    let size = Vec2::new(ui.available_width(), HISTOGRAM_HEIGHT + AXIS_HEIGHT);
    let (whole, response) = ui.allocate_exact_size(size, Sense::hover());
    let rect = Rect::from_min_max(
        whole.min + Vec2::new(SCALE_WIDTH, 0.0),
        whole.max - Vec2::new(0.0, AXIS_HEIGHT),
    );
    let painter = ui.painter_at(whole);
    let busiest = bins.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let width = rect.width() / bins.len().max(1) as f32;
    let gap = if width > 3.0 { 1.0 } else { 0.0 };
    let small = FontId::proportional(10.0);

    // The count scale: a faint line at the busiest bar's height.
    let top = rect.top() + 2.0;
    painter.hline(rect.x_range(), top, (0.5, AXIS_TEXT.gamma_multiply(0.4)));
    painter.hline(rect.x_range(), rect.bottom(), (0.5, AXIS_TEXT));
    painter.text(
        egui::pos2(rect.left() - 4.0, top),
        Align2::RIGHT_TOP,
        busiest.to_string(),
        small.clone(),
        AXIS_TEXT,
    );
    painter.text(
        egui::pos2(rect.left() - 4.0, rect.bottom()),
        Align2::RIGHT_BOTTOM,
        "0",
        small.clone(),
        AXIS_TEXT,
    );

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
        let overlaps = bin.start <= window.to && window.from <= bin_end(step, bin.start);
        painter.rect_filled(bar, 0.0, if overlaps { IN_WINDOW } else { OUT_OF_WINDOW });
    }

    // The date axis: a tick and a date every 90 points or so.
    if let (Some(first), Some(last)) = (bins.first(), bins.last()) {
        let range = TimeWindow::new(first.start, bin_end(step, last.start));
        let max_ticks = (rect.width() / 90.0).floor() as usize;
        for tick in date_ticks(range, max_ticks) {
            let Some(x) = x_of(bins, step, rect, width, tick.date) else {
                continue;
            };
            painter.vline(x, rect.bottom()..=rect.bottom() + 3.0, (1.0, AXIS_TEXT));
            painter.text(
                egui::pos2(x, rect.bottom() + 3.0),
                Align2::CENTER_TOP,
                super::i18n::tick_label(tick.date, tick.parts),
                small.clone(),
                AXIS_TEXT,
            );
        }
    }

    if let Some(pointer) = response.hover_pos()
        && pointer.x >= rect.left()
    {
        let i = ((pointer.x - rect.left()) / width) as usize;
        if let Some(bin) = bins.get(i) {
            response.on_hover_text_at_pointer(bar_text(step, bin));
        }
    }
}

/// Where `date` falls across the bars: its bar's left edge plus its share
/// of the bar (months are not all as long).
fn x_of(bins: &[Bin], step: Step, rect: Rect, width: f32, date: NaiveDate) -> Option<f32> {
    let i = bins.partition_point(|b| b.start <= date).checked_sub(1)?;
    let bin = bins.get(i)?;
    let days = (bin_end(step, bin.start) - bin.start).num_days() + 1;
    let into = (date - bin.start).num_days();
    Some(rect.left() + width * (i as f32 + into as f32 / days as f32))
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
    fn a_bar_says_its_dates_and_its_count() {
        let week = Bin {
            start: date(2024, 3, 18),
            count: 3,
        };
        assert_eq!(
            bar_text(Step::Week, &week),
            "2024-03-18 – 2024-03-24: 3 incidents"
        );
        let day = Bin {
            start: date(2024, 3, 23),
            count: 1,
        };
        assert_eq!(bar_text(Step::Day, &day), "2024-03-23: 1 incident");
        let month = Bin {
            start: date(2024, 2, 1),
            count: 0,
        };
        assert_eq!(
            bar_text(Step::Month, &month),
            "2024-02-01 – 2024-02-29: 0 incidents"
        );
    }

    #[test]
    fn a_date_lands_inside_its_bar_in_proportion() {
        let bins = [
            Bin {
                start: date(2024, 1, 1),
                count: 1,
            },
            Bin {
                start: date(2024, 2, 1),
                count: 1,
            },
        ];
        let rect = Rect::from_min_size(egui::pos2(0.0, 0.0), Vec2::new(200.0, 40.0));
        assert_eq!(
            x_of(&bins, Step::Month, rect, 100.0, date(2024, 1, 1)),
            Some(0.0)
        );
        assert_eq!(
            x_of(&bins, Step::Month, rect, 100.0, date(2024, 2, 1)),
            Some(100.0)
        );
        let mid_february = x_of(&bins, Step::Month, rect, 100.0, date(2024, 2, 15)).unwrap();
        assert!((mid_february - 148.3).abs() < 0.1, "{mid_february}");
        assert_eq!(
            x_of(&bins, Step::Month, rect, 100.0, date(2023, 12, 31)),
            None
        );
    }
}
