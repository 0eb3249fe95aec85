//! The right panel: everything known about the selected incident, with the
//! sentence it was read from, so the analyst can check the extraction.

use egui::{RichText, Ui};

use super::command::Command;
use crate::model::{GeoPrecision, Incident, Report, TimePrecision};

fn time_precision(p: TimePrecision) -> &'static str {
    match p {
        TimePrecision::Day => "exact day",
        TimePrecision::Week => "within the week",
        TimePrecision::Month => "within the month",
    }
}

fn geo_precision(p: GeoPrecision) -> &'static str {
    match p {
        GeoPrecision::Exact => "the place itself",
        GeoPrecision::Near => "near the place",
        GeoPrecision::Region => "region only",
    }
}

/// "not reported" when the report gave no figure, which is not the same as zero.
pub fn fatalities(count: Option<u32>) -> String {
    count.map_or_else(|| "not reported".to_string(), |n| n.to_string())
}

/// The evidence sentence, if the report is at hand and the span fits its text.
pub fn evidence<'a>(incident: &Incident, report: Option<&'a Report>) -> Option<&'a str> {
    report.and_then(|r| incident.data.evidence.slice(&r.text))
}

/// Draws the details of `incident` (or a hint when nothing is selected).
pub fn show(ui: &mut Ui, incident: Option<&Incident>, report: Option<&Report>) -> Option<Command> {
    ui.heading("Incident");
    let Some(incident) = incident else {
        ui.label("Click a marker on the map to see its details.");
        return None;
    };
    let data = &incident.data;
    let location = &data.location;
    let mut command = None;
    ui.horizontal(|ui| {
        if ui.button("Show on map").clicked() {
            command = Some(Command::Focus {
                lon: location.longitude,
                lat: location.latitude,
            });
        }
        if ui.button("Clear selection").clicked() {
            command = Some(Command::Select(None));
        }
    });
    ui.separator();

    egui::ScrollArea::vertical().show(ui, |ui| {
        let none = || "—".to_string();
        let or_none = |s: &str| {
            if s.trim().is_empty() {
                none()
            } else {
                s.to_string()
            }
        };
        let rows: [(&str, String); 13] = [
            (
                "Date",
                format!(
                    "{} ({})",
                    data.event_date.format("%Y-%m-%d"),
                    time_precision(data.time_precision)
                ),
            ),
            (
                "Place",
                format!(
                    "{} ({})",
                    location.name,
                    geo_precision(location.geo_precision)
                ),
            ),
            (
                "Point",
                format!("{:.4}, {:.4}", location.latitude, location.longitude),
            ),
            ("Country", or_none(&location.country)),
            ("Admin 1", or_none(&location.admin1)),
            ("Admin 2", or_none(&location.admin2)),
            ("Event type", data.event_type.label().to_string()),
            ("Sub-type", or_none(&data.sub_event_type)),
            ("Actor 1", or_none(&data.actor1)),
            ("Actor 2", or_none(&data.actor2)),
            ("Fatalities", fatalities(data.fatalities)),
            (
                "Weapons",
                if data.weapons.is_empty() {
                    none()
                } else {
                    data.weapons.join(", ")
                },
            ),
            (
                "Source",
                format!("{} (report #{})", incident.source, incident.report_id),
            ),
        ];
        egui::Grid::new("incident details")
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for (key, value) in rows {
                    ui.label(RichText::new(key).strong());
                    ui.label(value);
                    ui.end_row();
                }
            });

        ui.add_space(8.0);
        ui.label(RichText::new("Notes").strong());
        ui.label(or_none(&data.notes));
        ui.add_space(8.0);
        ui.label(RichText::new("Evidence").strong());
        match evidence(incident, report) {
            Some(sentence) => {
                ui.label(RichText::new(format!("“{}”", sentence.trim())).italics());
            }
            None => {
                ui.label("The report text is not available.");
            }
        }
    });
    command
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::app::tests::incident;
    use crate::model::Span;

    #[test]
    fn missing_fatalities_are_not_reported_rather_than_zero() {
        assert_eq!(fatalities(None), "not reported");
        assert_eq!(fatalities(Some(0)), "0");
        assert_eq!(fatalities(Some(12)), "12");
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
