//! The export form: write the incidents currently shown (inside the
//! timeline's window and through the filters, exactly what the map and the
//! list show) to a GeoJSON, ACLED-layout CSV or GeoPackage file, replacing
//! it atomically. Choosing a format swaps the file name's extension, and a
//! typed extension chooses the format, so the two never disagree.
//!
//! A large export (a hundred thousand incidents to GeoPackage takes seconds)
//! runs on its own thread with its own connection, like the imports, so the
//! window keeps answering; an in-memory database is exported inline.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};

use egui::Ui;

use super::command::{Command, Outcome, error_chain};
use super::file_dialog::FilePurpose;
use crate::app::i18n::{self, Language, tr, tr_args, tr_in};
use crate::export::{ExportFormat, ExportTarget, Selection, export_incidents};
use crate::store::Store;

/// The form's fields between frames.
#[derive(Debug)]
pub struct ExportForm {
    pub path: String,
    pub format: ExportFormat,
    pub outcome: Option<Outcome>,
    /// The export being written, if one is.
    pub running: Option<ExportJob>,
}

/// An export on its own thread.
#[derive(Debug)]
pub struct ExportJob {
    done: Receiver<Outcome>,
    /// How many incidents it writes.
    pub count: usize,
    pub path: PathBuf,
}

impl ExportJob {
    /// The outcome once the thread is done.
    fn poll(&self) -> Option<Outcome> {
        match self.done.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(Outcome::Failed(tr("export-stopped"))),
        }
    }
}

/// Starts writing the incidents in `shown` of database file `db` to `path`
/// on a new thread; `wake` is called when it is done.
pub fn spawn(
    db: PathBuf,
    shown: HashSet<i64>,
    format: ExportFormat,
    path: PathBuf,
    wake: impl Fn() + Send + 'static,
) -> ExportJob {
    let (sender, done) = mpsc::channel();
    let count = shown.len();
    let target = path.clone();
    let language = i18n::current();
    std::thread::spawn(move || {
        let outcome = match Store::open(&db) {
            Ok(store) => export(&store, &shown, format, &target, language),
            Err(e) => Outcome::Failed(error_chain(&e)),
        };
        // A closed window has dropped the receiver; there is no one to tell.
        let _ = sender.send(outcome);
        wake();
    });
    ExportJob { done, count, path }
}

impl Default for ExportForm {
    fn default() -> ExportForm {
        // A bare name: it lands in the last folder used (see `file_dialog::resolve`).
        ExportForm {
            path: "incidents.geojson".to_string(),
            format: ExportFormat::GeoJson,
            outcome: None,
            running: None,
        }
    }
}

/// Writes the stored incidents in `shown` to `path` and says how it went,
/// in `language` (this may run on a worker thread, which has none of its own).
pub fn export(
    store: &Store,
    shown: &HashSet<i64>,
    format: ExportFormat,
    path: &Path,
    language: Language,
) -> Outcome {
    let target = ExportTarget::Path(path.to_path_buf());
    match export_incidents(store, &Selection::ids(shown), format, &target, || {}) {
        Ok(n) => Outcome::Done(tr_in(
            language,
            "export-wrote",
            &[("n", n.into()), ("path", path.display().to_string().into())],
        )),
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
    ui.heading(tr("panel-export"));
    if let Some(outcome) = form.running.as_ref().and_then(ExportJob::poll) {
        form.running = None;
        form.outcome = Some(outcome);
    }
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr("export-format"));
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
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr("export-file"));
        let edit = ui
            .add(egui::TextEdit::singleline(&mut form.path).desired_width(180.0))
            .labelled_by(label.id);
        if edit.changed()
            && let Some(format) = ExportFormat::from_path(Path::new(form.path.trim()))
        {
            form.format = format;
        }
    });
    if ui
        .add_enabled(
            form.running.is_none(),
            egui::Button::new(FilePurpose::Export.button()),
        )
        .on_hover_text(tr_args("export-pick-hover", &[("n", shown.into())]))
        .clicked()
    {
        command = Some(Command::ChooseFile(FilePurpose::Export));
    }
    let button = egui::Button::new(tr_args(
        "export-button",
        &[("format", form.format.label().into())],
    ));
    if ui
        .add_enabled(
            !form.path.trim().is_empty() && form.running.is_none(),
            button,
        )
        .on_hover_text(tr_args("export-hover", &[("n", shown.into())]))
        .clicked()
    {
        command = Some(Command::Export {
            path: PathBuf::from(form.path.trim()),
            format: form.format,
        });
    }
    if let Some(job) = &form.running {
        ui.horizontal_wrapped(|ui| {
            ui.spinner();
            ui.label(tr_args(
                "export-writing",
                &[
                    ("n", job.count.into()),
                    ("path", job.path.display().to_string().into()),
                ],
            ));
        });
    } else if let Some(outcome) = &form.outcome {
        outcome.show(ui);
    }
    command
}
