//! The bottom panel: a per-month histogram of incidents and a date range
//! chosen with two sliders (egui has no two-handle slider), over day offsets
//! from the earliest incident.

use chrono::{Datelike, Days, NaiveDate};
use egui::{Color32, Rect, Sense, Ui, Vec2};

use super::command::Command;
use crate::model::{Incident, TimeWindow};

const HISTOGRAM_HEIGHT: f32 = 44.0;
const IN_WINDOW: Color32 = Color32::from_rgb(0x4A, 0x6F, 0x8A);
const OUT_OF_WINDOW: Color32 = Color32::from_rgb(0xC8, 0xCC, 0xD0);

/// The first and last incident dates: the range the sliders cover.
pub fn full_range(incidents: &[Incident]) -> Option<TimeWindow> {
    let first = incidents.iter().map(|i| i.data.event_date).min()?;
    let last = incidents.iter().map(|i| i.data.event_date).max()?;
    Some(TimeWindow::new(first, last))
}

/// Incident counts per calendar month from `range.from`'s month to
/// `range.to`'s, months without incidents included (as zero).
pub fn monthly_counts(incidents: &[Incident], range: TimeWindow) -> Vec<(NaiveDate, usize)> {
    let mut months = Vec::new();
    let mut month = month_start(range.from);
    while month <= range.to {
        months.push((month, 0));
        match month.checked_add_months(chrono::Months::new(1)) {
            Some(next) => month = next,
            None => break,
        }
    }
    for incident in incidents {
        let start = month_start(incident.data.event_date);
        if let Some(slot) = months.iter_mut().find(|(m, _)| *m == start) {
            slot.1 += 1;
        }
    }
    months
}

fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// "2024-03-23 – 2025-07-28 · 9 of 12 incidents shown"
pub fn describe(window: TimeWindow, shown: usize, total: usize) -> String {
    format!(
        "{} – {} · {shown} of {total} incidents shown",
        window.from.format("%Y-%m-%d"),
        window.to.format("%Y-%m-%d"),
    )
}

/// Draws the histogram and the two sliders; returns the new window when a
/// slider moved.
pub fn show(
    ui: &mut Ui,
    incidents: &[Incident],
    window: Option<TimeWindow>,
    shown: usize,
) -> Option<Command> {
    let Some(range) = full_range(incidents) else {
        ui.label("No incidents yet: paste a report on the left and press Ingest.");
        return None;
    };
    let window = window.unwrap_or(range);
    histogram(ui, incidents, range, window);

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

    // Room for the label and the date next to each slider.
    ui.spacing_mut().slider_width = (ui.available_width() - 190.0).max(100.0);
    let from_moved = ui
        .horizontal(|ui| {
            let moved = ui
                .add(
                    egui::Slider::new(&mut from, 0..=span)
                        .show_value(false)
                        .text("From"),
                )
                .changed();
            ui.label(date_at(from).format("%Y-%m-%d").to_string());
            moved
        })
        .inner;
    let to_moved = ui
        .horizontal(|ui| {
            let moved = ui
                .add(
                    egui::Slider::new(&mut to, 0..=span)
                        .show_value(false)
                        .text("To"),
                )
                .changed();
            ui.label(date_at(to).format("%Y-%m-%d").to_string());
            moved
        })
        .inner;
    ui.horizontal(|ui| {
        ui.label(describe(window, shown, incidents.len()));
        if window != range && ui.button("Show all dates").clicked() {
            from = 0;
            to = span;
        }
    });

    // The handle being dragged pushes the other one along, so the window
    // never turns inside out.
    if from_moved && from > to {
        to = from;
    } else if to_moved && to < from {
        from = to;
    }
    let new = TimeWindow::new(date_at(from), date_at(to));
    (new != window).then_some(Command::SetWindow(new))
}

/// One bar per month, darker inside the window, scaled to the busiest month.
fn histogram(ui: &mut Ui, incidents: &[Incident], range: TimeWindow, window: TimeWindow) {
    let months = monthly_counts(incidents, range);
    let size = Vec2::new(ui.available_width(), HISTOGRAM_HEIGHT);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(rect);
    let busiest = months.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let width = rect.width() / months.len().max(1) as f32;
    for (i, (month, count)) in months.iter().enumerate() {
        let height = (rect.height() - 2.0) * (*count as f32 / busiest as f32);
        let left = rect.left() + width * i as f32;
        let bar = Rect::from_min_max(
            egui::pos2(left + 1.0, rect.bottom() - height),
            egui::pos2(left + width - 1.0, rect.bottom()),
        );
        let month_end = month
            .checked_add_months(chrono::Months::new(1))
            .and_then(|m| m.pred_opt())
            .unwrap_or(*month);
        let overlaps = *month <= window.to && window.from <= month_end;
        painter.rect_filled(bar, 1.0, if overlaps { IN_WINDOW } else { OUT_OF_WINDOW });
    }
    if let Some(pointer) = response.hover_pos() {
        let i = ((pointer.x - rect.left()) / width) as usize;
        if let Some((month, count)) = months.get(i) {
            response
                .on_hover_text_at_pointer(format!("{}: {count} incidents", month.format("%B %Y")));
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
    fn months_are_counted_with_empty_months_kept() {
        let incidents = vec![
            incident(1, date(2024, 11, 30)),
            incident(2, date(2024, 11, 2)),
            incident(3, date(2025, 1, 15)),
        ];
        let range = full_range(&incidents).unwrap();
        assert_eq!(range, TimeWindow::new(date(2024, 11, 2), date(2025, 1, 15)));
        assert_eq!(
            monthly_counts(&incidents, range),
            vec![
                (date(2024, 11, 1), 2),
                (date(2024, 12, 1), 0),
                (date(2025, 1, 1), 1)
            ]
        );
    }

    #[test]
    fn no_incidents_means_no_range() {
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
}
