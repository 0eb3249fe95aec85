//! The right panel: everything known about the selected incident, with the
//! sentence it was read from (and the whole report, the sentence marked),
//! and the places its name could mean (`review`), so the analyst can check
//! the extraction and correct it. Every field is editable and saved as soon
//! as it is valid; corrections and deletions can be undone from the toolbar.
//! Other reports that told of the same incident are listed with their own
//! sentence, and the report can be read again (after the rules or the
//! gazetteer improved) without losing the corrections, which are marked.

use chrono::NaiveDate;
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, RichText, Ui};

use super::command::{Command, Outcome};
use super::review::{self, LocationReview};
use super::review_queue::confidence_color;
use super::snippet;
use crate::app::i18n::{tr, tr_args};
use crate::gazetteer::Gazetteer;
use crate::model::{
    EventType, Field, GeoPrecision, Incident, IncidentData, Report, Span, TimePrecision,
};
use crate::store::{SearchHit, Store, StoreError};

/// Another report's account of the selected incident.
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    pub report_id: i64,
    pub source_name: String,
    /// The sentence that report tells it in (`None` if the span does not fit).
    pub sentence: Option<String>,
}

/// The selected incident and what the details panel shows beside its fields
/// (read once, on selection).
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    pub id: i64,
    pub report: Option<Report>,
    /// The other reports that told of it, oldest first.
    pub accounts: Vec<Account>,
    /// The fields the analyst corrected.
    pub edited: Vec<Field>,
}

impl Selection {
    /// Only the id (when the database could not be read).
    pub fn bare(id: i64) -> Selection {
        Selection {
            id,
            report: None,
            accounts: Vec::new(),
            edited: Vec::new(),
        }
    }

    /// Reads incident `id`'s report (`report_id`), its other accounts and
    /// its corrected fields.
    pub fn read(store: &Store, id: i64, report_id: Option<i64>) -> Result<Selection, StoreError> {
        let report = match report_id {
            Some(r) => store.report(r)?,
            None => None,
        };
        let mut accounts = Vec::new();
        for source in store.incident_sources(id)? {
            if Some(source.report_id) == report_id {
                continue;
            }
            let sentence = store
                .report(source.report_id)?
                .and_then(|r| source.evidence.slice(&r.text).map(|s| s.trim().to_string()));
            accounts.push(Account {
                report_id: source.report_id,
                source_name: source.source_name,
                sentence,
            });
        }
        Ok(Selection {
            id,
            report,
            accounts,
            edited: store.edited_fields(id)?,
        })
    }
}

/// The evidence's background in the whole report: a marker-pen yellow that
/// reads in both light and dark themes.
const HIGHLIGHT: Color32 = Color32::from_rgb(0xFF, 0xE0, 0x70);

fn time_precision(p: TimePrecision) -> String {
    tr(match p {
        TimePrecision::Day => "precision-time-day",
        TimePrecision::Week => "precision-time-week",
        TimePrecision::Month => "precision-time-month",
    })
}

fn geo_precision(p: GeoPrecision) -> String {
    tr(match p {
        GeoPrecision::Exact => "precision-geo-exact",
        GeoPrecision::Near => "precision-geo-near",
        GeoPrecision::Region => "precision-geo-region",
    })
}

/// A confidence level in the window's language ("high", "élevée"); the
/// store and the exports keep the English word.
pub fn confidence_name(level: crate::model::Confidence) -> String {
    tr(match level {
        crate::model::Confidence::High => "confidence-high",
        crate::model::Confidence::Medium => "confidence-medium",
        crate::model::Confidence::Low => "confidence-low",
    })
}

/// "not reported" when the report gave no figure, which is not the same as zero.
pub fn fatalities(count: Option<u32>) -> String {
    count.map_or_else(|| tr("details-not-reported"), |n| n.to_string())
}

/// The evidence sentence, if the report is at hand and the span fits its text.
pub fn evidence<'a>(incident: &Incident, report: Option<&'a Report>) -> Option<&'a str> {
    report.and_then(|r| incident.data.evidence.slice(&r.text))
}

/// The whole report as one text with the evidence span on a highlighted
/// background. A span that does not fit the text (a report edited since,
/// or offsets off a character boundary) leaves the text unmarked.
pub fn highlighted(text: &str, span: Span, format: &TextFormat) -> LayoutJob {
    let mut job = LayoutJob::default();
    let parts = (
        text.get(..span.start),
        span.slice(text).filter(|s| !s.is_empty()),
        text.get(span.end..),
    );
    let (Some(before), Some(evidence), Some(after)) = parts else {
        job.append(text, 0.0, format.clone());
        return job;
    };
    let marked = TextFormat {
        background: HIGHLIGHT,
        color: Color32::BLACK,
        ..format.clone()
    };
    job.append(before, 0.0, format.clone());
    job.append(evidence, 0.0, marked);
    job.append(after, 0.0, format.clone());
    job
}

/// The whole report, collapsed at first. Its text is laid out in full in the
/// details panel, which scrolls: a second scroll box inside that one showed
/// a few lines at a time and caught the mouse wheel meant for the panel.
fn whole_report(ui: &mut Ui, report: &Report, span: Span) {
    egui::CollapsingHeader::new(tr("details-whole-report"))
        .id_salt("whole report")
        .show(ui, |ui| {
            let format = TextFormat {
                font_id: egui::TextStyle::Body.resolve(ui.style()),
                color: ui.visuals().text_color(),
                ..TextFormat::default()
            };
            let mut job = highlighted(&report.text, span, &format);
            job.wrap.max_width = ui.available_width();
            ui.label(job);
        });
}

/// The other reports that told of the incident, each with its sentence.
fn accounts(ui: &mut Ui, accounts: &[Account]) {
    if accounts.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.label(
        RichText::new(tr_args(
            "details-also-reported",
            &[("n", accounts.len().into())],
        ))
        .strong(),
    );
    for account in accounts {
        ui.label(tr_args(
            "details-report-ref",
            &[
                ("source", account.source_name.as_str().into()),
                ("id", account.report_id.to_string().into()),
            ],
        ));
        if let Some(sentence) = &account.sentence {
            ui.label(RichText::new(format!("“{sentence}”")).italics());
        }
    }
}

/// The edit fields of the selected incident. Text that does not parse (a
/// date, a death toll) stays in its field with an error and is not saved.
#[derive(Debug, Default)]
pub struct DetailsForm {
    id: Option<i64>,
    /// The data as last saved (or loaded): when the stored incident differs,
    /// the form is reloaded from it.
    saved: Option<IncidentData>,
    data: Option<IncidentData>,
    date: String,
    fatalities: String,
    /// The weapons, comma-separated.
    weapons: String,
    error: Option<String>,
    /// The places the incident's place name could mean.
    review: LocationReview,
    /// How reading the report again went.
    pub outcome: Option<Outcome>,
    /// Put the keyboard in the first field on the next frame (the Review
    /// mode's `C`).
    pub focus_editor: bool,
}

impl DetailsForm {
    fn load(&mut self, incident: &Incident) {
        self.id = Some(incident.id);
        self.saved = Some(incident.data.clone());
        self.data = Some(incident.data.clone());
        self.date = incident.data.event_date.format("%Y-%m-%d").to_string();
        self.weapons = incident.data.weapons.join(", ");
        self.fatalities = incident
            .data
            .fatalities
            .map_or_else(String::new, |n| n.to_string());
        self.error = None;
        self.outcome = None;
    }
}

/// Reads the death toll field: empty means "not reported".
/// Reads the weapons field: names separated by commas, blanks dropped.
pub fn parse_weapons(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn parse_fatalities(text: &str) -> Result<Option<u32>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse()
        .map(Some)
        .map_err(|_| tr_args("details-not-a-number", &[("text", text.into())]))
}

fn text_row(ui: &mut Ui, key: &str, value: &mut String) -> bool {
    text_row_response(ui, key, value).changed()
}

fn text_row_response(ui: &mut Ui, key: &str, value: &mut String) -> egui::Response {
    let label = ui.label(RichText::new(key).strong());
    let response = ui
        .add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    ui.end_row();
    response
}

/// The confidence with its reasons, and whether an analyst accepted the
/// coding (with a button to accept it outside the Review mode too).
fn confidence(ui: &mut Ui, incident: &Incident) -> Option<Command> {
    let data = &incident.data;
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(tr_args(
                "details-confidence",
                &[("level", confidence_name(data.confidence).into())],
            ))
            .strong()
            .color(confidence_color(data.confidence)),
        );
        for reason in &data.confidence_reasons {
            ui.label(RichText::new(format!("· {}", super::i18n::reason(reason))).small());
        }
    });
    ui.horizontal(|ui| {
        if incident.reviewed {
            ui.label(tr("details-reviewed"));
        } else {
            ui.label(tr("details-not-reviewed"));
            if ui.button(tr("details-mark-reviewed")).clicked() {
                command = Some(Command::Accept(incident.id));
            }
        }
    });
    command
}

fn combo_row<T: PartialEq + Copy>(
    ui: &mut Ui,
    key: &str,
    value: &mut T,
    options: &[T],
    label: impl Fn(T) -> String,
) -> bool {
    let before = *value;
    let name = ui.label(RichText::new(key).strong());
    egui::ComboBox::from_id_salt(key)
        .selected_text(label(*value))
        .width(190.0)
        .show_ui(ui, |ui| {
            for option in options {
                ui.selectable_value(value, *option, label(*option));
            }
        })
        .response
        .labelled_by(name.id);
    ui.end_row();
    *value != before
}

/// Draws the selected incident's fields for editing (or a hint when nothing
/// is selected). Every valid change is saved at once. `hit` says why the
/// running search found it.
pub fn show(
    ui: &mut Ui,
    form: &mut DetailsForm,
    incident: Option<&Incident>,
    selection: Option<&Selection>,
    gazetteer: &Gazetteer,
    hit: Option<&SearchHit>,
) -> Vec<Command> {
    let report = selection.and_then(|s| s.report.as_ref());
    let mut commands = Vec::new();
    ui.heading(tr("details-heading"));
    let Some(incident) = incident else {
        ui.label(tr("details-empty"));
        *form = DetailsForm::default();
        return commands;
    };
    if form.id != Some(incident.id) || form.saved.as_ref() != Some(&incident.data) {
        let outcome = form.outcome.take();
        form.load(incident);
        form.outcome = outcome;
    }
    if let Some(hit) = hit {
        ui.label(RichText::new(tr("details-found-by-search")).strong());
        let mut job = snippet::layout(ui, hit, egui::TextStyle::Body);
        job.wrap.max_width = ui.available_width();
        ui.label(job);
    }
    let location = &incident.data.location;
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr("details-show-on-map")).clicked() {
            commands.push(Command::Focus {
                lon: location.longitude,
                lat: location.latitude,
            });
        }
        if ui.button(tr("details-clear-selection")).clicked() {
            commands.push(Command::Select(None));
        }
        if ui.button(tr("details-delete")).clicked() {
            commands.push(Command::Delete(incident.id));
        }
        if report.is_some()
            && ui
                .button(tr("details-reread"))
                .on_hover_text(tr("details-reread-hover"))
                .clicked()
        {
            commands.push(Command::Reprocess(incident.report_id));
        }
    });
    if let Some(outcome) = &form.outcome {
        outcome.show(ui);
    }
    if let Some(edited) = selection.map(|s| &s.edited).filter(|e| !e.is_empty()) {
        let names: Vec<&str> = edited.iter().map(|f| f.label()).collect();
        ui.label(
            RichText::new(tr_args(
                "details-corrected",
                &[("fields", names.join(", ").into())],
            ))
            .small(),
        );
    }
    commands.extend(confidence(ui, incident));
    ui.separator();
    let focus = std::mem::take(&mut form.focus_editor);
    let Some(data) = form.data.as_mut() else {
        return commands;
    };

    let mut changed = false;
    egui::ScrollArea::vertical().show(ui, |ui| {
        egui::Grid::new("incident details")
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                let date = text_row_response(ui, &tr("field-date"), &mut form.date);
                if focus {
                    date.request_focus();
                }
                changed |= date.changed();
                changed |= combo_row(
                    ui,
                    &tr("field-time-precision"),
                    &mut data.time_precision,
                    &[
                        TimePrecision::Day,
                        TimePrecision::Week,
                        TimePrecision::Month,
                    ],
                    |p| format!("{} – {}", p.code(), time_precision(p)),
                );
                changed |= text_row(ui, &tr("field-place"), &mut data.location.name);
                changed |= combo_row(
                    ui,
                    &tr("field-geo-precision"),
                    &mut data.location.geo_precision,
                    &[
                        GeoPrecision::Exact,
                        GeoPrecision::Near,
                        GeoPrecision::Region,
                    ],
                    |p| format!("{} – {}", p.code(), geo_precision(p)),
                );
                ui.label(RichText::new(tr("field-point")).strong());
                ui.label(format!(
                    "{:.4}, {:.4}",
                    data.location.latitude, data.location.longitude
                ));
                ui.end_row();
                changed |= text_row(ui, &tr("field-country"), &mut data.location.country);
                changed |= text_row(ui, &tr("field-admin1"), &mut data.location.admin1);
                changed |= text_row(ui, &tr("field-admin2"), &mut data.location.admin2);
                changed |= combo_row(
                    ui,
                    &tr("field-event-type"),
                    &mut data.event_type,
                    &EventType::ALL,
                    |t| t.label().to_string(),
                );
                changed |= text_row(ui, &tr("field-sub-type"), &mut data.sub_event_type);
                changed |= text_row(ui, &tr("field-actor1"), &mut data.actor1);
                changed |= text_row(ui, &tr("field-actor2"), &mut data.actor2);
                changed |= text_row(ui, &tr("field-fatalities"), &mut form.fatalities);
                if text_row(ui, &tr("field-weapons"), &mut form.weapons) {
                    changed = true;
                    data.weapons = parse_weapons(&form.weapons);
                }
                ui.label(RichText::new(tr("field-source")).strong());
                ui.label(tr_args(
                    "details-report-ref",
                    &[
                        ("source", incident.source.as_str().into()),
                        ("id", incident.report_id.to_string().into()),
                    ],
                ));
                ui.end_row();
            });
        ui.add_space(8.0);
        let label = ui.label(RichText::new(tr("field-notes")).strong());
        changed |= ui
            .add(
                egui::TextEdit::multiline(&mut data.notes)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
            .changed();
        if let Some(error) = &form.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.add_space(8.0);
        ui.label(RichText::new(tr("field-evidence")).strong());
        match evidence(incident, report) {
            Some(sentence) => {
                ui.label(RichText::new(format!("“{}”", sentence.trim())).italics());
            }
            None => {
                ui.label(tr("details-no-report-text"));
            }
        }
        if let Some(report) = report {
            whole_report(ui, report, incident.data.evidence);
        }
        accounts(ui, selection.map_or(&[], |s| &s.accounts));
        ui.add_space(8.0);
        commands.extend(review::show(ui, &mut form.review, gazetteer, incident));
    });

    if changed {
        let date = NaiveDate::parse_from_str(form.date.trim(), "%Y-%m-%d")
            .map_err(|_| tr_args("not-a-date", &[("text", form.date.trim().into())]));
        match (date, parse_fatalities(&form.fatalities)) {
            (Ok(date), Ok(fatalities)) => {
                data.event_date = date;
                data.fatalities = fatalities;
                form.error = None;
                if form.saved.as_ref() != Some(data) {
                    form.saved = Some(data.clone());
                    commands.push(Command::Update {
                        id: incident.id,
                        data: Box::new(data.clone()),
                    });
                }
            }
            (Err(e), _) | (_, Err(e)) => form.error = Some(e),
        }
    }
    commands
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::app::tests::incident;
    use crate::model::Span;

    #[test]
    fn an_empty_death_toll_field_means_not_reported_and_words_are_refused() {
        assert_eq!(parse_fatalities(" "), Ok(None));
        assert_eq!(parse_fatalities("0"), Ok(Some(0)));
        assert_eq!(parse_fatalities(" 12 "), Ok(Some(12)));
        assert!(parse_fatalities("a dozen").is_err());
        assert!(parse_fatalities("-3").is_err());
    }

    #[test]
    fn weapons_are_typed_as_a_comma_separated_list() {
        assert_eq!(
            parse_weapons(" AK-47, RPG-7 launcher,, "),
            vec!["AK-47".to_string(), "RPG-7 launcher".into()]
        );
        assert!(parse_weapons("  ").is_empty());
    }

    #[test]
    fn missing_fatalities_are_not_reported_rather_than_zero() {
        assert_eq!(fatalities(None), "not reported");
        assert_eq!(fatalities(Some(0)), "0");
        assert_eq!(fatalities(Some(12)), "12");
    }

    #[test]
    fn the_whole_report_marks_only_the_evidence_span() {
        let text = "Hier. Attaque à Djibo. Fin.";
        let job = highlighted(text, Span::new(6, 23), &TextFormat::default());
        assert_eq!(job.text, text);
        let marked: Vec<&str> = job
            .sections
            .iter()
            .filter(|s| s.format.background == HIGHLIGHT)
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(marked, ["Attaque à Djibo."]);
        // A span past the end marks nothing but still shows the text.
        let job = highlighted(text, Span::new(6, 400), &TextFormat::default());
        assert_eq!(job.text, text);
        assert!(
            job.sections
                .iter()
                .all(|s| s.format.background != HIGHLIGHT)
        );
    }

    #[test]
    fn evidence_is_cut_from_the_report_with_the_span() {
        let mut incident = incident(1, NaiveDate::from_ymd_opt(2024, 3, 1).unwrap());
        incident.data.evidence = Span::new(6, 23);
        let report = Report {
            id: 1,
            source_name: "r.txt".into(),
            published: None,
            text: "Hier. Attaque à Djibo. Fin.".into(),
            content_hash: String::new(),
        };
        assert_eq!(evidence(&incident, Some(&report)), Some("Attaque à Djibo."));
        assert_eq!(evidence(&incident, None), None);
        incident.data.evidence = Span::new(6, 400);
        assert_eq!(evidence(&incident, Some(&report)), None);
    }
}
