//! "Near this point": what the gazetteer knows around a spot the analyst
//! right-clicks on the map (the nearest places with distances, and the
//! province, region and country it lies in), with two actions: move the
//! selected incident there, and add a place the gazetteer lacks there
//! (see `curation`).

use egui::{RichText, Ui};

use super::command::Command;
use super::curation::{self, PlaceForm};
use crate::app::i18n::tr;
use crate::gazetteer::{Gazetteer, ReverseResult};
use crate::model::{Incident, IncidentData};

/// How many nearby places are listed.
const NEAREST: usize = 5;

/// The popup's state: the point, what lies around it, the curation form.
#[derive(Debug)]
pub struct Nearby {
    pub lat: f64,
    pub lon: f64,
    pub result: ReverseResult,
    pub form: PlaceForm,
}

impl Nearby {
    /// Looks around (lat, lon); the curation form's country is the one the
    /// point lies in.
    pub fn at(gazetteer: &Gazetteer, lat: f64, lon: f64) -> Nearby {
        let result = gazetteer.reverse(lat, lon, NEAREST);
        let country = gazetteer
            .admin_at(lat, lon)
            .map(|at| at.country_code)
            .or_else(|| result.nearest.first().map(|(p, _)| p.country_code.clone()))
            .unwrap_or_default();
        Nearby {
            lat,
            lon,
            result,
            form: PlaceForm::new(country),
        }
    }
}

/// The incident moved to (lat, lon): named after the nearest place, with
/// that place's country and admin units, and the geo precision kept. The
/// point is where the analyst clicked, not the place's, so no place id is
/// kept. `None` when the gazetteer knows no place at all.
pub fn moved_here(
    gazetteer: &Gazetteer,
    data: &IncidentData,
    nearby: &Nearby,
) -> Option<IncidentData> {
    let (nearest, _) = nearby.result.nearest.first()?;
    let mut moved = data.clone();
    let mut location = gazetteer.location(nearest, data.location.geo_precision);
    location.latitude = nearby.lat;
    location.longitude = nearby.lon;
    location.place_id = None;
    moved.location = location;
    Some(moved)
}

/// Draws the popup's contents.
pub fn show(
    ui: &mut Ui,
    nearby: &mut Nearby,
    gazetteer: &Gazetteer,
    selected: Option<&Incident>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.label(format!("{:.4}, {:.4}", nearby.lat, nearby.lon));
    if nearby.result.admin.is_empty() {
        ui.label(tr("reverse-outside"));
    } else {
        ui.label(RichText::new(nearby.result.admin.join(", ")).strong());
    }
    ui.separator();
    if nearby.result.nearest.is_empty() {
        ui.label(tr("reverse-none"));
    }
    for (place, km) in &nearby.result.nearest {
        ui.label(format!("{} · {km:.1} km", place.name));
    }
    if let Some(incident) = selected
        && let Some(data) = moved_here(gazetteer, &incident.data, nearby)
    {
        ui.separator();
        if ui.button(tr("reverse-move")).clicked() {
            commands.push(Command::Update {
                id: incident.id,
                data: Box::new(data),
            });
        }
    }
    ui.separator();
    commands.extend(curation::show(ui, &mut nearby.form, nearby.lat, nearby.lon));
    commands
}
