//! The export form: write the incidents currently shown (inside the
//! timeline's window and through the filters, exactly what the map and the
//! list show) to a GeoJSON, ACLED-layout CSV or GeoPackage file, replacing
//! it atomically. Choosing a format swaps the file name's extension, and a
//! typed extension chooses the format, so the two never disagree.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use egui::Ui;

use super::command::{Command, Outcome, error_chain};
use crate::export::{ExportFormat, export_selected};
use crate::store::Store;

/// The form's fields between frames.
#[derive(Debug)]
pub struct ExportForm {
    pub path: String,
    pub format: ExportFormat,
    pub outcome: Option<Outcome>,
}

impl Default for ExportForm {
    fn default() -> ExportForm {
        // Relative, so it lands in the directory the atlas was started from.
        ExportForm {
            path: "incidents.geojson".to_string(),
            format: ExportFormat::GeoJson,
            outcome: None,
        }
    }
}

/// Writes the stored incidents in `shown` to `path` and says how it went.
pub fn export(store: &Store, shown: &HashSet<i64>, format: ExportFormat, path: &Path) -> Outcome {
    match export_selected(store, shown, format, path) {
        Ok(n) => Outcome::Done(format!("Wrote {n} incident(s) to {}", path.display())),
        Err(e) => Outcome::Failed(error_chain(&e)),
    }
}

/// `path` with its extension replaced by `format`'s.
fn with_extension(path: &str, format: ExportFormat) -> String {
    Path::new(path)
        .with_extension(format.extension())
        .display()
        .to_string()
}

/// Draws the form; returns an export command when the button was pressed.
pub fn show(ui: &mut Ui, form: &mut ExportForm, shown: usize) -> Option<Command> {
    ui.heading("Export");
    let mut command = None;
    ui.horizontal(|ui| {
        let label = ui.label("Format");
        let before = form.format;
        egui::ComboBox::from_id_salt("export format")
            .selected_text(form.format.label())
            .show_ui(ui, |ui| {
                for format in ExportFormat::ALL {
                    ui.selectable_value(&mut form.format, format, format.label());
                }
            })
            .response
            .labelled_by(label.id);
        if form.format != before && !form.path.trim().is_empty() {
            form.path = with_extension(form.path.trim(), form.format);
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("File");
        let edit = ui
            .add(egui::TextEdit::singleline(&mut form.path).desired_width(180.0))
            .labelled_by(label.id);
        if edit.changed()
            && let Some(format) = ExportFormat::from_path(Path::new(form.path.trim()))
        {
            form.format = format;
        }
    });
    let button = egui::Button::new(format!("Export {}", form.format.label()));
    if ui
        .add_enabled(!form.path.trim().is_empty(), button)
        .on_hover_text(format!("Writes the {shown} incident(s) shown on the map"))
        .clicked()
    {
        command = Some(Command::Export {
            path: PathBuf::from(form.path.trim()),
            format: form.format,
        });
    }
    if let Some(outcome) = &form.outcome {
        outcome.show(ui);
    }
    command
}
