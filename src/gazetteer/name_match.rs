//! How a written name meets the gazetteer's places: exactly, as a spelling
//! variant, or (when nothing else matched) as a guess a letter or two off.

use crate::model::Place;

use super::gazetteer::Gazetteer;
use super::index::{NameKind, Posting};
use super::reason::Reason;
use super::scoring::Scoring;

/// At most this many spelling guesses are scored, closest first.
const MAX_GUESSES: usize = 12;

/// How the name met the place.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub(super) enum Match {
    Exact(NameKind),
    Variant,
    Fuzzy(usize),
}

impl Gazetteer {
    /// Every place the name reaches, with the best way it reaches it:
    /// exact names first; spelling variants beside them; typos only when
    /// nothing matched otherwise (an exact name abroad beats a typo at home:
    /// "Dakar" in a Burkinabè report is the reporter's dateline, not a
    /// village one letter away).
    pub(super) fn name_matches(
        &self,
        folded: &str,
        bare: &str,
        keep: impl Fn(&Place) -> bool,
    ) -> Vec<(u32, Match)> {
        let mut found: Vec<(u32, Match)> = Vec::new();
        let add =
            |found: &mut Vec<(u32, Match)>, postings: &[Posting], m: &dyn Fn(NameKind) -> Match| {
                for p in postings {
                    let place = &self.all[p.place as usize];
                    if keep(place) {
                        found.push((p.place, m(p.kind)));
                    }
                }
            };
        let keys: Vec<&str> = if bare == folded {
            vec![folded]
        } else {
            vec![folded, bare]
        };
        for key in &keys {
            add(&mut found, self.index.exact(key), &Match::Exact);
        }
        for key in &keys {
            for (_, postings) in self.index.variants(key) {
                let settled: Vec<Posting> = postings
                    .iter()
                    .copied()
                    .filter(|p| is_settlement_or_unit(&self.all[p.place as usize]))
                    .collect();
                add(&mut found, &settled, &|_| Match::Variant);
            }
        }
        let len = bare.chars().count();
        if found.is_empty() && len >= 5 {
            let max = if len >= 8 { 2 } else { 1 };
            for (_, d, postings) in self.index.fuzzy(bare, max) {
                let settled: Vec<Posting> = postings
                    .iter()
                    .copied()
                    .filter(|p| is_settlement_or_unit(&self.all[p.place as usize]))
                    .collect();
                add(&mut found, &settled, &|_| Match::Fuzzy(d));
            }
            // In a large gazetteer a typo lands near dozens of names; an
            // analyst reads the closest few, and scoring the rest is waste.
            if found.len() > MAX_GUESSES {
                let pop = |i: u32| self.all[i as usize].population;
                found.sort_by(|a, b| {
                    let d = |m: &Match| if let Match::Fuzzy(d) = m { *d } else { 0 };
                    d(&a.1)
                        .cmp(&d(&b.1))
                        .then(pop(b.0).cmp(&pop(a.0)))
                        .then(a.0.cmp(&b.0))
                });
                found.truncate(MAX_GUESSES);
            }
        }
        // Keep each place once, by its strongest match.
        found.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal))
        });
        found.dedup_by_key(|(i, _)| *i);
        found
    }

    /// Says so when the name reached the unit through the rename table.
    pub(super) fn note_rename(&self, c: &mut Scoring<'_>, bare: &str) {
        if self.rename_notes.is_empty() {
            return;
        }
        let notes = self.rename_notes.get(&c.place.geonameid);
        if let Some((_, note)) = notes.into_iter().flatten().find(|(name, _)| name == bare) {
            c.note(Reason::Text(note));
        }
    }
}

/// Populated places and admin units: the only rows spelling guesses may reach.
fn is_settlement_or_unit(p: &Place) -> bool {
    p.feature_class == "P" || p.feature_class == "A"
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::gazetteer::tests::bundled_gazetteer;
    use crate::gazetteer::rank::tests::{best, query};

    #[test]
    fn the_report_spelling_barsalogho_finds_barsalogo() {
        assert_eq!(
            best("Barsalogho", Some("BF"), None).place.geonameid,
            2362735
        );
    }

    #[test]
    fn a_typo_of_barsalogho_is_caught_and_said_to_be_a_guess() {
        let found = bundled_gazetteer().lookup(&query("Barsaloghu", Some("BF"), None));
        assert_eq!(found[0].place.geonameid, 2362735);
        assert!(
            found[0]
                .reasons
                .iter()
                .any(|r| r.starts_with("spelling close to Barsalogo"))
        );
        let exact = best("Barsalogo", Some("BF"), None);
        assert!(found[0].score < exact.score);
        // Barsalgho shares a skeleton with the alternate spelling Barsalgo.
        assert_eq!(best("Barsalgho", Some("BF"), None).place.geonameid, 2362735);
    }

    #[test]
    fn kpankankandi_in_togo_is_the_curated_village() {
        for name in ["Kpankankandi", "Kpinkankandi"] {
            let kpan = best(name, Some("TG"), None);
            assert_eq!(kpan.place.geonameid, -1, "{name}");
            assert_eq!(kpan.place.country_code, "TG");
        }
    }

    #[test]
    fn tillaberi_resolves_with_or_without_its_accent() {
        for name in ["Tillabéri", "Tillaberi", "TILLABERI"] {
            let t = best(name, Some("NE"), None);
            assert_eq!(t.place.geonameid, 2438678, "{name}");
        }
    }

    #[test]
    fn tombouctou_is_timbuktu() {
        let t = best("Tombouctou", Some("ML"), None);
        assert_eq!(t.place.name, "Timbuktu");
        assert!(t.reasons.iter().any(|r| r.starts_with("alternate name")));
    }

    #[test]
    fn fada_ngourma_is_found_however_the_apostrophe_is_written() {
        let a = best("Fada N'Gourma", Some("BF"), None);
        let b = best("Fada Ngourma", Some("BF"), None);
        assert_eq!(a.place.geonameid, 2360886);
        assert_eq!(b.place.geonameid, 2360886);
    }

    #[test]
    fn short_names_are_never_guessed_at() {
        // "Kayx" is one letter from Kaya, but too short to risk a guess.
        assert!(
            bundled_gazetteer()
                .lookup(&query("Kayx", Some("BF"), None))
                .is_empty()
        );
    }

    #[test]
    fn an_exact_name_abroad_beats_a_typo_at_home() {
        let dakar = best("Dakar", Some("BF"), None);
        assert_eq!(dakar.place.country_code, "SN");
        assert!(
            dakar
                .reasons
                .iter()
                .any(|r| r == "in Senegal, not Burkina Faso")
        );
    }
}
