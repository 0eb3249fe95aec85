//! Scoring one candidate: the weights of each kind of evidence, and the
//! running score with its reasons.
//!
//! Scores add up evidence; the weights are ordered so that the report's own
//! words win over gazetteer statistics: a matching country (+8) outweighs
//! any feature class (at most +4) or population (about +2 for a city of a
//! million); a unit or place named beside the mention (up to +7) decides
//! between namesakes in one country; populated places come before admin
//! units, and streams, hills and airports last; population only breaks ties.

use crate::model::Place;

use super::admin_name::UnitWord;
use super::index::NameKind;
use super::name_match::Match;
use super::rank::{Candidate, Ranked};
use super::reason::Reason;

const EXACT: f64 = 10.0;
const ALTERNATE: f64 = 8.0;
const VARIANT: f64 = 6.5;
const FUZZY: f64 = 6.0;
const FUZZY_PER_EDIT: f64 = 1.0;
const COUNTRY: f64 = 8.0;
// The weights of what the report says around the name are scored in
// `context`, but kept here with the others so their order reads in one place.
pub(super) const HINT_ADMIN2: f64 = 7.0;
pub(super) const HINT_ADMIN1: f64 = 5.0;
pub(super) const HINT_SAME_PROVINCE: f64 = 4.0;
pub(super) const HINT_SAME_REGION: f64 = 2.5;
/// Proximity bonus: `HINT_NEAR * (1 - km / RADIUS) + 1` inside the radius.
pub(super) const HINT_NEAR: f64 = 6.0;
pub(super) const NEAR: f64 = 4.0;
pub(super) const RADIUS_KM: f64 = 80.0;
const ASKED_UNIT: f64 = 4.0;
const OTHER_UNIT: f64 = 2.0;
const POPULATION_PER_DECADE: f64 = 0.35;

/// Whether the reasons are written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Explain {
    Yes,
    No,
}

/// A candidate being scored.
pub(super) struct Scoring<'g> {
    pub(super) place: &'g Place,
    pub(super) score: f64,
    pub(super) explain: Explain,
    /// Each reason written out, and what it added (empty unless explaining).
    reasons: Vec<String>,
    points: Vec<f64>,
    /// A spelling guess (a typo match).
    pub(super) guessed: bool,
    /// The report's own context (a named unit, a nearby place) supports it.
    pub(super) corroborated: bool,
}

impl<'g> Scoring<'g> {
    pub(super) fn new(place: &'g Place, explain: Explain) -> Scoring<'g> {
        Scoring {
            place,
            score: 0.0,
            explain,
            reasons: Vec::new(),
            points: Vec::new(),
            guessed: false,
            corroborated: false,
        }
    }

    pub(super) fn add(&mut self, score: f64, reason: Reason<'_>) {
        self.score += score;
        self.push(reason, score);
    }

    /// Writes the reason out only when explaining.
    fn push(&mut self, reason: Reason<'_>, score: f64) {
        if self.explain == Explain::Yes {
            self.reasons.push(reason.render());
            self.points.push(score);
        }
    }

    /// A reason that scores nothing (a contradiction already priced in, a
    /// rename, where a synthetic unit's point comes from).
    pub(super) fn note(&mut self, reason: Reason<'_>) {
        self.push(reason, 0.0);
    }

    pub(super) fn name(&mut self, m: Match) {
        let name = self.place.name.as_str();
        match m {
            Match::Exact(NameKind::Primary | NameKind::AdminBare) => {
                self.add(EXACT, Reason::Text("exact name"));
            }
            Match::Exact(NameKind::Alternate) => self.add(ALTERNATE, Reason::Alternate(name)),
            Match::Variant => self.add(VARIANT, Reason::Variant(name)),
            Match::Fuzzy(d) => {
                self.guessed = true;
                self.add(FUZZY - FUZZY_PER_EDIT * d as f64, Reason::Close(name, d));
            }
        }
    }

    pub(super) fn country(&mut self, country: Option<&str>) {
        let Some(asked) = country else { return };
        let cc = self.place.country_code.as_str();
        if cc.eq_ignore_ascii_case(asked) {
            self.add(COUNTRY, Reason::HomeCountry(cc));
        } else {
            self.add(-COUNTRY, Reason::OtherCountry(cc, asked));
        }
    }

    /// Feature class and code; `word` is the unit word the query used.
    pub(super) fn feature(&mut self, word: Option<UnitWord>) {
        let code = self.place.feature_code.as_str();
        let (score, reason) = match (self.place.feature_class.as_str(), code) {
            ("P", "PPLC") => (4.0, Reason::Text("national capital (PPLC)")),
            ("P", "PPLA") => (3.5, Reason::Text("seat of a first-order admin unit (PPLA)")),
            ("P", "PPLA2") => (
                3.0,
                Reason::Text("seat of a second-order admin unit (PPLA2)"),
            ),
            ("P", "PPLA3") => (
                2.7,
                Reason::Text("seat of a third-order admin unit (PPLA3)"),
            ),
            ("P", "PPLA4") => (
                2.5,
                Reason::Text("seat of a fourth-order admin unit (PPLA4)"),
            ),
            ("P", _) => (2.2, Reason::Text("populated place")),
            ("A", _) => {
                if let Some(w) = word {
                    let asked = w.feature_code() == code;
                    let bonus = if asked { ASKED_UNIT } else { OTHER_UNIT };
                    (1.2 + bonus, Reason::AdminUnit(code, true))
                } else {
                    (1.2, Reason::AdminUnit(code, false))
                }
            }
            (class, _) => (0.0, Reason::NotSettlement(class, code)),
        };
        self.add(score, reason);
    }

    pub(super) fn unit_level(&mut self, word: Option<UnitWord>) {
        let code = self.place.feature_code.as_str();
        let (score, order) = match code {
            "ADM1" => (3.0, "first"),
            "ADM2" => (2.5, "second"),
            _ => (2.0, "third"),
        };
        self.add(score, Reason::UnitLevel(order, code));
        if word.is_some_and(|w| w.feature_code() == code) {
            self.add(3.0, Reason::Text("the kind of unit the name says"));
        }
    }

    pub(super) fn population(&mut self) {
        let pop = self.place.population;
        if pop > 0 {
            self.add(
                POPULATION_PER_DECADE * (pop as f64).log10(),
                Reason::Population(pop),
            );
        }
    }

    pub(super) fn into_candidate(self) -> Candidate {
        Candidate {
            place: self.place.clone(),
            score: self.score,
            reasons: self.reasons,
            points: self.points,
        }
    }

    pub(super) fn into_ranked(self) -> Ranked<'g> {
        Ranked {
            place: self.place,
            score: self.score,
            guessed: self.guessed,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::gazetteer::tests::bundled_gazetteer;
    use crate::gazetteer::rank::tests::{best, query};

    #[test]
    fn kaya_in_burkina_faso_is_the_regional_capital_not_its_namesakes() {
        let found = bundled_gazetteer().lookup(&query("Kaya", Some("BF"), None));
        let kaya = &found[0];
        assert_eq!(kaya.place.geonameid, 2359608);
        assert_eq!(
            (kaya.place.latitude, kaya.place.longitude),
            (13.09167, -1.08444)
        );
        let ids: Vec<i64> = found.iter().map(|c| c.place.geonameid).collect();
        assert!(
            ids.contains(&2359609) && ids.contains(&2359610),
            "namesakes are ranked, lower"
        );
        assert!(
            kaya.reasons
                .iter()
                .any(|r| r == "in Burkina Faso as the report says")
        );
        assert!(kaya.reasons.iter().any(|r| r.contains("(PPLA)")));
        assert!(kaya.reasons.iter().any(|r| r == "population 121,970"));
    }

    #[test]
    fn djibo_the_town_ranks_above_the_department_of_the_same_name() {
        let found = bundled_gazetteer().lookup(&query("Djibo", Some("BF"), None));
        let pos = |id| found.iter().position(|c| c.place.geonameid == id).unwrap();
        assert_eq!(pos(2361177), 0);
        assert!(pos(11204056) > 0);
        assert!(
            found[0]
                .reasons
                .iter()
                .any(|r| r == "seat of a second-order admin unit (PPLA2)")
        );
        assert!(found[0].reasons.iter().any(|r| r == "population 61,462"));
    }

    #[test]
    fn a_wrong_country_is_said_and_costs_score() {
        let found = bundled_gazetteer().lookup(&query("Kaya", Some("ML"), None));
        let kaya = found.iter().find(|c| c.place.geonameid == 2359608).unwrap();
        assert!(
            kaya.reasons
                .iter()
                .any(|r| r == "in Burkina Faso, not Mali")
        );
        let home = best("Kaya", Some("BF"), None);
        assert!(kaya.score < home.score);
    }

    #[test]
    fn streams_and_airports_come_after_towns() {
        let found = bundled_gazetteer().lookup(&query("Fada N'Gourma", Some("BF"), None));
        assert_eq!(found[0].place.feature_class, "P");
        let first_other = found.iter().position(|c| c.place.feature_class == "S");
        if let Some(i) = first_other {
            assert!(i > 0);
        }
    }

    #[test]
    fn the_points_of_every_reason_add_up_to_the_score() {
        let g = bundled_gazetteer();
        for (name, hint) in [
            ("Kaya", None),
            ("Sole", Some("Loroum")),
            ("Solé", None),
            ("Barsaloghu", None),
        ] {
            for c in g.lookup(&query(name, Some("BF"), hint)) {
                assert_eq!(c.points.len(), c.reasons.len());
                let sum: f64 = c.points.iter().sum();
                assert!((sum - c.score).abs() < 1e-9, "{name}: {sum} vs {}", c.score);
            }
        }
    }
}
