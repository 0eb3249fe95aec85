//! Location review: the places the gazetteer thinks the incident's place
//! name could mean, ranked, with the reasons for each score, so the analyst
//! can see why the extraction chose one namesake and move the incident to
//! another with one click.
//!
//! The lookup runs again only when the incident, its place name or its
//! country changes, not every frame.

use egui::{RichText, Ui};

use super::command::Command;
use crate::app::i18n::{tr, tr_args};
use crate::gazetteer::{Candidate, Gazetteer, PlaceQuery};
use crate::model::{Incident, IncidentData};

/// At most this many candidates are listed; the rest score too low to matter.
const MAX_CANDIDATES: usize = 8;

/// The candidates of the selected incident's place name.
#[derive(Debug, Default)]
pub struct LocationReview {
    /// (incident id, place name, country code) the candidates were looked up for.
    key: Option<(i64, String, String)>,
    candidates: Vec<Candidate>,
}

impl LocationReview {
    /// Looks the name up again if the incident or its place changed.
    fn refresh(&mut self, gazetteer: &Gazetteer, incident: &Incident) {
        let location = &incident.data.location;
        let key = (
            incident.id,
            location.name.clone(),
            location.country_code.clone(),
        );
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.candidates = candidates(gazetteer, &location.name, &location.country_code);
        self.key = Some(key);
    }
}

/// The ranked places `name` may mean, the incident's country counting for
/// those in it (an empty code asks without a country).
pub fn candidates(gazetteer: &Gazetteer, name: &str, country_code: &str) -> Vec<Candidate> {
    let country = Some(country_code.trim()).filter(|c| !c.is_empty());
    let mut out = gazetteer.lookup(&PlaceQuery {
        name,
        country,
        ..PlaceQuery::default()
    });
    out.truncate(MAX_CANDIDATES);
    out
}

/// The incident moved to a candidate place: its point, name and admin units
/// become the place's; the geo precision the analyst set is kept.
pub fn moved_to(gazetteer: &Gazetteer, data: &IncidentData, candidate: &Candidate) -> IncidentData {
    let mut moved = data.clone();
    moved.location = gazetteer.location(&candidate.place, data.location.geo_precision);
    moved
}

/// One candidate's line: name, feature code, region, country, score.
pub fn describe(gazetteer: &Gazetteer, candidate: &Candidate) -> String {
    let p = &candidate.place;
    let region = gazetteer
        .admin1_name(&p.country_code, &p.admin1_code)
        .map_or_else(|| tr("review-region-unknown"), str::to_owned);
    let country = Gazetteer::country_name(&p.country_code).unwrap_or(&p.country_code);
    // Only places that are not GeoNames rows say where they came from, so
    // the analyst can weigh a point from a village list or a colleague.
    let origin = match &p.origin {
        crate::model::PlaceOrigin::GeoNames => String::new(),
        crate::model::PlaceOrigin::Curated { source } => {
            format!(
                " · {}",
                tr_args("review-curated", &[("source", source.as_str().into())])
            )
        }
        crate::model::PlaceOrigin::Imported { source } => {
            format!(
                " · {}",
                tr_args("review-from", &[("source", source.as_str().into())])
            )
        }
    };
    format!(
        "{} · {} · {region} · {country}{origin} · {:.1}",
        p.name, p.feature_code, candidate.score
    )
}

/// Draws the candidates of the incident's place name, each with its reasons
/// and a button moving the incident there.
pub fn show(
    ui: &mut Ui,
    review: &mut LocationReview,
    gazetteer: &Gazetteer,
    incident: &Incident,
) -> Vec<Command> {
    let mut commands = Vec::new();
    review.refresh(gazetteer, incident);
    egui::CollapsingHeader::new(tr("review-candidates"))
        .id_salt("location candidates")
        .default_open(true)
        .show(ui, |ui| {
            if review.candidates.is_empty() {
                ui.label(tr_args(
                    "review-no-place",
                    &[("name", incident.data.location.name.as_str().into())],
                ));
                return;
            }
            for candidate in &review.candidates {
                let current = incident.data.location.place_id == Some(candidate.place.geonameid);
                ui.horizontal_wrapped(|ui| {
                    let text = describe(gazetteer, candidate);
                    let text = if current {
                        RichText::new(tr_args("review-current", &[("text", text.into())])).strong()
                    } else {
                        RichText::new(text)
                    };
                    ui.label(text);
                    let button = ui.add_enabled(!current, egui::Button::new(tr("review-use")));
                    if button.clicked() {
                        let data = moved_to(gazetteer, &incident.data, candidate);
                        commands.push(Command::Focus {
                            lon: data.location.longitude,
                            lat: data.location.latitude,
                        });
                        commands.push(Command::Update {
                            id: incident.id,
                            data: Box::new(data),
                        });
                    }
                });
                egui::CollapsingHeader::new(tr("review-why"))
                    .id_salt(("candidate reasons", candidate.place.geonameid))
                    .show(ui, |ui| {
                        for (reason, points) in candidate.reasons.iter().zip(&candidate.points) {
                            if *points == 0.0 {
                                ui.label(reason);
                            } else {
                                ui.label(format!("{points:+.1}  {reason}"));
                            }
                        }
                    });
            }
        });
    commands
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_in_the_incidents_country_rank_first_and_read_in_one_line() {
        let p = |id, cc: &str| crate::model::Place {
            geonameid: id,
            name: "Kaya".into(),
            ascii_name: "Kaya".into(),
            alternate_names: vec![],
            latitude: 13.0,
            longitude: -1.0,
            feature_class: "P".into(),
            feature_code: "PPL".into(),
            country_code: cc.into(),
            admin1_code: String::new(),
            admin2_code: String::new(),
            population: 1000,
            origin: crate::model::PlaceOrigin::GeoNames,
        };
        let mut imported = p(-1_000_000_000_001, "NE");
        imported.population = 0;
        imported.origin = crate::model::PlaceOrigin::Imported {
            source: "niger_villages.csv".into(),
        };
        let g = Gazetteer::new(vec![p(1, "BF"), p(2, "ML"), imported], vec![]);
        let c = candidates(&g, "Kaya", "BF");
        let lines: Vec<String> = c.iter().map(|c| describe(&g, c)).collect();
        assert_eq!(lines.len(), 3);
        assert!(
            lines[2].contains("Niger · from niger_villages.csv"),
            "{lines:?}"
        );
        assert!(
            lines[0].starts_with("Kaya · PPL · region unknown · Burkina Faso · "),
            "{lines:?}"
        );
        assert!(lines[1].contains("Mali"), "{lines:?}");
        assert!(c[0].score > c[1].score);
        assert!(!c[0].reasons.is_empty());
        assert!(candidates(&g, "Nowhere", "BF").is_empty());
    }
}
