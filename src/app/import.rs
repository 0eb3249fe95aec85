//! The import form: paste a report, or name report files (several, separated
//! by `;`, or a folder for every `.txt` in it), optionally give a publication
//! date, and ingest. Files are imported off the UI thread with a progress bar
//! (see `jobs`). The result or the error stays on screen until the next ingest.

use chrono::NaiveDate;
use egui::Ui;

use super::command::{Command, Outcome};
use super::file_dialog::FilePurpose;
use super::jobs::split_paths;
use crate::app::i18n::{tr, tr_args};
use crate::ingest::IngestSummary;

/// The form's fields between frames.
#[derive(Debug, Default)]
pub struct ImportForm {
    pub text: String,
    pub published: String,
    pub file: String,
    pub outcome: Option<Outcome>,
    /// Files done and files in all, while an import runs.
    pub progress: Option<(usize, usize)>,
}

/// Reads the optional publication date field: empty means "find it in the text".
pub fn parse_published(field: &str) -> Result<Option<NaiveDate>, String> {
    let field = field.trim();
    if field.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(field, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| tr_args("not-a-date", &[("text", field.into())]))
}

/// What the analyst reads after an ingest.
pub fn summarize(summary: &IngestSummary) -> String {
    if summary.duplicate {
        return tr_args(
            "import-duplicate",
            &[("id", summary.report_id.to_string().into())],
        );
    }
    let published = summary.published.map_or_else(
        || tr("import-no-date"),
        |d| tr_args("import-published-on", &[("date", d.to_string().into())]),
    );
    let mut text = tr_args(
        "import-stored",
        &[
            ("id", summary.report_id.to_string().into()),
            ("published", published.into()),
            ("n", summary.incidents.len().into()),
        ],
    );
    for incident in &summary.incidents {
        text.push('\n');
        text.push_str(&tr_args(
            "import-incident-line",
            &[
                (
                    "date",
                    incident.event_date.format("%Y-%m-%d").to_string().into(),
                ),
                ("type", incident.event_type.label().into()),
                ("place", incident.location.name.as_str().into()),
            ],
        ));
    }
    if !summary.warnings.is_empty() {
        text.push('\n');
        text.push_str(&tr("import-to-check"));
        for warning in &summary.warnings {
            text.push_str("\n• ");
            text.push_str(warning);
        }
    }
    text
}

/// Draws the form; returns an ingest command when a button was pressed with
/// valid fields (an invalid date is reported in the form instead).
pub fn show(ui: &mut Ui, form: &mut ImportForm) -> Option<Command> {
    ui.heading(tr("import-heading"));
    let label = ui.label(tr("import-text"));
    ui.add(
        egui::TextEdit::multiline(&mut form.text)
            .desired_rows(10)
            .desired_width(f32::INFINITY)
            .hint_text(tr("import-text-hint")),
    )
    .labelled_by(label.id);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr("import-published"));
        ui.add(
            egui::TextEdit::singleline(&mut form.published)
                .desired_width(100.0)
                .hint_text(tr("import-date-hint")),
        )
        .labelled_by(label.id);
    });

    let mut command = None;
    let mut invalid = None;
    if ui
        .add_enabled(
            !form.text.trim().is_empty(),
            egui::Button::new(tr("import-ingest")),
        )
        .clicked()
    {
        match parse_published(&form.published) {
            Ok(published) => {
                command = Some(Command::IngestText {
                    text: form.text.clone(),
                    published,
                })
            }
            Err(e) => invalid = Some(e),
        }
    }

    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr("import-from-file"));
        ui.add(
            egui::TextEdit::singleline(&mut form.file)
                .desired_width(160.0)
                .hint_text(tr("import-file-hint")),
        )
        .labelled_by(label.id);
        if ui
            .add_enabled(
                !form.file.trim().is_empty() && form.progress.is_none(),
                egui::Button::new(tr("import-ingest-file")),
            )
            .clicked()
        {
            match parse_published(&form.published) {
                Ok(published) => {
                    command = Some(Command::IngestFiles {
                        paths: split_paths(&form.file),
                        published,
                    })
                }
                Err(e) => invalid = Some(e),
            }
        }
    });
    if ui
        .add_enabled(
            form.progress.is_none(),
            egui::Button::new(FilePurpose::Import.button()),
        )
        .on_hover_text(tr("import-pick-hover"))
        .clicked()
    {
        command = Some(Command::ChooseFile(FilePurpose::Import));
    }
    if let Some((done, total)) = form.progress {
        ui.add(
            egui::ProgressBar::new(done as f32 / total.max(1) as f32).text(tr_args(
                "import-progress",
                &[("done", done.into()), ("total", total.into())],
            )),
        );
    }
    if let Some(e) = invalid {
        form.outcome = Some(Outcome::Failed(e));
    }
    if let Some(outcome) = &form.outcome {
        outcome.show(ui);
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_publication_date_means_none_and_a_bad_one_is_refused() {
        assert_eq!(parse_published("  "), Ok(None));
        assert_eq!(
            parse_published("2024-03-23"),
            Ok(NaiveDate::from_ymd_opt(2024, 3, 23))
        );
        assert!(parse_published("23/03/2024").is_err());
    }

    #[test]
    fn a_duplicate_report_says_nothing_was_added() {
        let summary = IngestSummary {
            report_id: 4,
            duplicate: true,
            published: None,
            incidents: vec![],
            warnings: vec![],
            incident_ids: vec![],
        };
        assert!(summarize(&summary).contains("already stored (report #4)"));
    }

    #[test]
    fn a_summary_lists_incidents_and_warnings() {
        let incident = crate::app::tests::incident(1, NaiveDate::from_ymd_opt(2024, 3, 1).unwrap());
        let summary = IngestSummary {
            report_id: 2,
            duplicate: false,
            published: NaiveDate::from_ymd_opt(2024, 3, 2),
            incidents: vec![incident.data],
            warnings: vec!["“Kaya” could be in two provinces".into()],
            incident_ids: vec![9],
        };
        let text = summarize(&summary);
        assert!(
            text.starts_with("Report #2 stored (published 2024-03-02): 1 incident(s)"),
            "{text}"
        );
        assert!(text.contains("2024-03-01 Battles at Djibo"), "{text}");
        assert!(text.contains("To check:\n• “Kaya”"), "{text}");
    }
}
