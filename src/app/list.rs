//! The incident list beside the map, in step with it: a click on a row
//! selects the incident and centres the map on it; a marker clicked on the
//! map scrolls its row into view. Sortable by date and by death toll. Rows
//! are virtualised, so a long list costs only the rows on screen. A column
//! gives each incident's confidence, marked "ok" once an analyst accepted it.

use std::collections::HashMap;

use egui::{Align, Label, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use super::command::Command;
use super::details::fatalities;
use super::review_queue::confidence_color;
use super::snippet;
use crate::app::i18n::{tr, tr_args};
use crate::model::Incident;
use crate::store::SearchHit;
use crate::view::SortKey;

const ROW_HEIGHT: f32 = 20.0;

/// Draws `rows` (indices into `incidents`, already in `sort` order).
/// `scroll_to` is the incident id whose row should be brought into view.
/// While a search runs, `hits` gives each row a second line: why it matched.
pub fn show(
    ui: &mut Ui,
    incidents: &[Incident],
    rows: &[usize],
    selected: Option<i64>,
    sort: SortKey,
    scroll_to: Option<i64>,
    hits: Option<&HashMap<i64, SearchHit>>,
) -> Option<Command> {
    let row_height = if hits.is_some() {
        2.0 * ROW_HEIGHT
    } else {
        ROW_HEIGHT
    };
    let mut command = None;
    ui.horizontal(|ui| {
        ui.heading(tr("list-heading"));
        ui.label(format!("({})", rows.len()));
    });
    let mut table = TableBuilder::new(ui)
        .id_salt("incident list")
        .striped(true)
        .sense(Sense::click())
        .column(Column::exact(84.0))
        .column(Column::remainder().clip(true))
        .column(Column::exact(60.0))
        .column(Column::exact(58.0))
        .auto_shrink([false, true])
        .max_scroll_height(f32::INFINITY);
    if let Some(row) = scroll_to.and_then(|id| {
        rows.iter()
            .position(|&i| incidents.get(i).is_some_and(|x| x.id == id))
    }) {
        table = table.scroll_to_row(row, Some(Align::Center));
    }
    let arrow = |descending: bool| {
        let key = if descending {
            "list-descending"
        } else {
            "list-ascending"
        };
        format!(" {}", tr(key))
    };
    table
        .header(ROW_HEIGHT, |mut header| {
            header.col(|ui| {
                let (active, descending) = match sort {
                    SortKey::Date { descending } => (true, descending),
                    SortKey::Fatalities { .. } => (false, false),
                };
                let text = format!(
                    "{}{}",
                    tr("list-date"),
                    if active {
                        arrow(descending)
                    } else {
                        String::new()
                    }
                );
                if ui.selectable_label(active, text).clicked() {
                    command = Some(Command::SetSort(SortKey::Date {
                        descending: active && !descending,
                    }));
                }
            });
            header.col(|ui| {
                ui.strong(tr("list-place-type"));
            });
            header.col(|ui| {
                let (active, descending) = match sort {
                    SortKey::Fatalities { descending } => (true, descending),
                    SortKey::Date { .. } => (false, true),
                };
                let text = format!(
                    "{}{}",
                    tr("list-deaths"),
                    if active {
                        arrow(descending)
                    } else {
                        String::new()
                    }
                );
                if ui.selectable_label(active, text).clicked() {
                    // Most deaths first is what an analyst looks for first.
                    command = Some(Command::SetSort(SortKey::Fatalities {
                        descending: !active || !descending,
                    }));
                }
            });
            header.col(|ui| {
                ui.strong(tr("list-confidence"));
            });
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let Some(incident) = rows.get(row.index()).and_then(|&i| incidents.get(i)) else {
                    return;
                };
                row.set_selected(Some(incident.id) == selected);
                let d = &incident.data;
                let mut clicked = false;
                row.col(|ui| {
                    ui.add(
                        Label::new(d.event_date.format("%Y-%m-%d").to_string()).selectable(false),
                    );
                });
                row.col(|ui| {
                    ui.vertical(|ui| {
                        let text = format!("{} · {}", d.location.name, d.event_type.label());
                        clicked |= ui
                            .add(egui::Button::selectable(
                                Some(incident.id) == selected,
                                text,
                            ))
                            .clicked();
                        if let Some(hit) = hits.and_then(|h| h.get(&incident.id)) {
                            let job = snippet::layout(ui, hit, egui::TextStyle::Small);
                            ui.add(Label::new(job).truncate().selectable(false));
                        }
                    });
                });
                row.col(|ui| {
                    ui.add(Label::new(fatalities_short(d.fatalities)).selectable(false));
                });
                row.col(|ui| {
                    let text = RichText::new(confidence_badge(incident))
                        .color(confidence_color(d.confidence));
                    ui.add(Label::new(text).selectable(false))
                        .on_hover_text(confidence_hover(incident));
                });
                if clicked || row.response().clicked() {
                    command = Some(Command::SelectRow(incident.id));
                }
            });
        });
    command
}

/// The list's confidence column: the level, with "ok" once an analyst
/// accepted it (plain text: the bundled fonts have no tick mark).
pub fn confidence_badge(incident: &Incident) -> String {
    let level = super::details::confidence_name(incident.data.confidence);
    if incident.reviewed {
        format!("{level} · {}", tr("list-ok"))
    } else {
        level
    }
}

fn confidence_hover(incident: &Incident) -> String {
    let reasons = &incident.data.confidence_reasons;
    let why = if reasons.is_empty() {
        tr("nothing-doubtful")
    } else {
        reasons
            .iter()
            .map(|r| super::i18n::reason(r))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let reviewed = tr(if incident.reviewed {
        "list-reviewed"
    } else {
        "list-not-reviewed"
    });
    tr_args(
        "list-confidence-hover",
        &[
            (
                "level",
                super::details::confidence_name(incident.data.confidence).into(),
            ),
            ("why", why.into()),
            ("reviewed", reviewed.into()),
        ],
    )
}

/// The list's short form: a dash when the report gave no figure.
fn fatalities_short(count: Option<u32>) -> String {
    match count {
        None => "–".to_string(),
        Some(_) => fatalities(count),
    }
}
