//! The left panel's filters: event types, actor, country, admin-1, a death
//! toll floor, geo and time precision, whether an analyst accepted them, and
//! full-text search. The panel edits
//! a copy and returns it as one command, so the filters change between frames.

use std::collections::BTreeSet;

use egui::Ui;

use super::command::Command;
use super::legend::event_color;
use crate::app::i18n::{tr, tr_args};
use crate::model::{EventType, GeoPrecision, Incident, TimePrecision};
use crate::view::Filters;

/// The countries and admin-1 regions present in the data, for the pickers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Choices {
    pub countries: Vec<String>,
    /// (country, admin-1), sorted.
    pub admin1: Vec<(String, String)>,
}

impl Choices {
    pub fn of(incidents: &[Incident]) -> Choices {
        let mut countries = BTreeSet::new();
        let mut admin1 = BTreeSet::new();
        for incident in incidents {
            let l = &incident.data.location;
            if !l.country.is_empty() {
                countries.insert(l.country.clone());
            }
            if !l.admin1.is_empty() {
                admin1.insert((l.country.clone(), l.admin1.clone()));
            }
        }
        Choices {
            countries: countries.into_iter().collect(),
            admin1: admin1.into_iter().collect(),
        }
    }
}

pub fn geo_label(p: GeoPrecision) -> String {
    tr(match p {
        GeoPrecision::Exact => "filter-geo-exact",
        GeoPrecision::Near => "filter-geo-near",
        GeoPrecision::Region => "filter-geo-region",
    })
}

pub fn time_label(p: TimePrecision) -> String {
    tr(match p {
        TimePrecision::Day => "filter-time-day",
        TimePrecision::Week => "filter-time-week",
        TimePrecision::Month => "filter-time-month",
    })
}

/// A combo box of `options` with "Any" (the empty string) first.
fn pick(ui: &mut Ui, label: &str, value: &mut String, options: &[&str]) {
    let any = tr("filters-any");
    egui::ComboBox::from_label(label)
        .selected_text(if value.is_empty() {
            any.as_str()
        } else {
            value.as_str()
        })
        .width(160.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, String::new(), any.as_str());
            for option in options {
                ui.selectable_value(value, (*option).to_string(), *option);
            }
        });
}

/// Draws the filters; `shown` and `total` are the counts after and before them.
pub fn show(
    ui: &mut Ui,
    filters: &Filters,
    choices: &Choices,
    shown: usize,
    total: usize,
) -> Option<Command> {
    let mut edited = filters.clone();
    ui.horizontal(|ui| {
        ui.heading(tr("filters-heading"));
        if ui
            .add_enabled(!filters.is_empty(), egui::Button::new(tr("filters-clear")))
            .clicked()
        {
            edited = Filters::default();
        }
    });
    ui.label(tr_args(
        "filters-match",
        &[("shown", shown.into()), ("total", total.into())],
    ));
    ui.horizontal(|ui| {
        let label = ui.label(tr("filters-search"));
        ui.add(
            egui::TextEdit::singleline(&mut edited.search)
                .hint_text(tr("filters-search-hint"))
                .desired_width(170.0),
        )
        .labelled_by(label.id);
    });
    ui.add_space(4.0);
    ui.label(tr("filters-event-types"));
    for event_type in EventType::ALL {
        let mut shown = !edited.hidden_types.contains(&event_type);
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::Vec2::splat(10.0), egui::Sense::hover());
            ui.painter()
                .circle_filled(rect.center(), 4.5, event_color(event_type));
            if ui.checkbox(&mut shown, event_type.label()).changed() {
                if shown {
                    edited.hidden_types.remove(&event_type);
                } else {
                    edited.hidden_types.insert(event_type);
                }
            }
        });
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let label = ui.label(tr("filters-actor"));
        ui.add(
            egui::TextEdit::singleline(&mut edited.actor)
                .hint_text(tr("filters-actor-hint"))
                .desired_width(170.0),
        )
        .labelled_by(label.id);
    });
    let countries: Vec<&str> = choices.countries.iter().map(String::as_str).collect();
    pick(ui, &tr("filters-country"), &mut edited.country, &countries);
    let regions: Vec<&str> = choices
        .admin1
        .iter()
        .filter(|(country, _)| edited.country.is_empty() || *country == edited.country)
        .map(|(_, admin1)| admin1.as_str())
        .collect();
    pick(ui, &tr("filters-admin1"), &mut edited.admin1, &regions);
    ui.add(
        egui::Slider::new(&mut edited.min_fatalities, 0..=100)
            .clamping(egui::SliderClamping::Never)
            .text(tr("filters-min-deaths")),
    );
    ui.add_space(4.0);
    ui.label(tr("filters-geo-precision"));
    for p in [
        GeoPrecision::Exact,
        GeoPrecision::Near,
        GeoPrecision::Region,
    ] {
        let slot = usize::from(p.code() - 1);
        ui.checkbox(&mut edited.geo_precision[slot], geo_label(p));
    }
    ui.label(tr("filters-time-precision"));
    for p in [
        TimePrecision::Day,
        TimePrecision::Week,
        TimePrecision::Month,
    ] {
        let slot = usize::from(p.code() - 1);
        ui.checkbox(&mut edited.time_precision[slot], time_label(p));
    }
    ui.add_space(4.0);
    ui.checkbox(&mut edited.unreviewed_only, tr("filters-unreviewed"));
    (edited != *filters).then_some(Command::SetFilters(edited))
}
