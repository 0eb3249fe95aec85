//! The export form: write the incidents currently shown (inside the
//! timeline's window and through the filters, exactly what the map and the
//! list show) to a GeoJSON file, replacing it atomically.

use std::path::{Path, PathBuf};

use egui::Ui;

use super::command::{Command, Outcome, error_chain};
use crate::export::{write_atomic, write_geojson};
use crate::model::Incident;

/// The form's fields between frames.
#[derive(Debug)]
pub struct ExportForm {
    pub path: String,
    pub outcome: Option<Outcome>,
}

impl Default for ExportForm {
    fn default() -> ExportForm {
        // Relative, so it lands in the directory the atlas was started from.
        ExportForm {
            path: "incidents.geojson".to_string(),
            outcome: None,
        }
    }
}

/// Writes `incidents` to `path` as GeoJSON and says how it went.
pub fn export(path: &Path, incidents: &[Incident]) -> Outcome {
    match write_atomic(path, |w| write_geojson(incidents, w)) {
        Ok(()) => Outcome::Done(format!(
            "Wrote {} incident(s) to {}",
            incidents.len(),
            path.display()
        )),
        Err(e) => Outcome::Failed(error_chain(&e)),
    }
}

/// Draws the form; returns an export command when the button was pressed.
pub fn show(ui: &mut Ui, form: &mut ExportForm, shown: usize) -> Option<Command> {
    ui.heading("Export");
    let mut command = None;
    ui.horizontal(|ui| {
        let label = ui.label("File");
        ui.add(egui::TextEdit::singleline(&mut form.path).desired_width(180.0))
            .labelled_by(label.id);
    });
    let button = egui::Button::new("Export GeoJSON");
    if ui
        .add_enabled(!form.path.trim().is_empty(), button)
        .on_hover_text(format!("Writes the {shown} incident(s) shown on the map"))
        .clicked()
    {
        command = Some(Command::Export {
            path: PathBuf::from(form.path.trim()),
        });
    }
    if let Some(outcome) = &form.outcome {
        outcome.show(ui);
    }
    command
}
