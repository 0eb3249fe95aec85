//! "Add a place here…": the form that turns a right-clicked point into a
//! curated gazetteer place (a village GeoNames lacks), with the authority
//! for it. The place is checked by `Gazetteer::curate`, saved in the store
//! and the gazetteer rebuilt, so the next lookup finds it.

use egui::{RichText, Ui};

use super::command::{Command, Outcome};
use crate::app::i18n::tr;
use crate::gazetteer::NewPlace;

/// The fields of a new place, kept while the popup is open.
#[derive(Debug, Default)]
pub struct PlaceForm {
    pub open: bool,
    pub name: String,
    /// Comma-separated.
    pub alternates: String,
    pub country: String,
    pub source: String,
    /// How the last attempt went.
    pub outcome: Option<Outcome>,
}

impl PlaceForm {
    pub fn new(country: String) -> PlaceForm {
        PlaceForm {
            country,
            ..PlaceForm::default()
        }
    }

    /// The place the fields describe, at (lat, lon).
    pub fn new_place(&self, lat: f64, lon: f64) -> NewPlace {
        NewPlace {
            name: self.name.trim().to_string(),
            latitude: lat,
            longitude: lon,
            country_code: self.country.trim().to_string(),
            admin1_code: None,
            alternate_names: split_names(&self.alternates),
            source: self.source.trim().to_string(),
        }
    }
}

/// "Jibo, Djibou" -> ["Jibo", "Djibou"]; empty pieces are dropped.
pub fn split_names(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn field(ui: &mut Ui, key: &str, value: &mut String) {
    let label = ui.label(RichText::new(key).strong());
    ui.add(egui::TextEdit::singleline(value).desired_width(200.0))
        .labelled_by(label.id);
    ui.end_row();
}

/// Draws the form (behind an "Add a place here…" toggle).
pub fn show(ui: &mut Ui, form: &mut PlaceForm, lat: f64, lon: f64) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.toggle_value(&mut form.open, tr("curation-add-here"));
    if !form.open {
        return commands;
    }
    egui::Grid::new("new place").num_columns(2).show(ui, |ui| {
        field(ui, &tr("curation-name"), &mut form.name);
        field(ui, &tr("curation-alternates"), &mut form.alternates);
        field(ui, &tr("curation-country-code"), &mut form.country);
        field(ui, &tr("curation-source"), &mut form.source);
    });
    let ready = !form.name.trim().is_empty() && !form.source.trim().is_empty();
    let button = ui
        .add_enabled(ready, egui::Button::new(tr("curation-add")))
        .on_disabled_hover_text(tr("curation-needed"));
    if button.clicked() {
        commands.push(Command::AddPlace(Box::new(form.new_place(lat, lon))));
    }
    if let Some(outcome) = &form.outcome {
        outcome.show(ui);
    }
    commands
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternate_names_are_split_on_commas_and_blanks_dropped() {
        assert_eq!(split_names(" Jibo , ,Djibou,"), ["Jibo", "Djibou"]);
        assert!(split_names("  ").is_empty());
    }
}
