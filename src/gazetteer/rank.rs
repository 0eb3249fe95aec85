//! Ranking the places a name could mean, with the reasons an analyst can
//! read: the lookups the rest of the program calls. Every place the name
//! reaches (`name_match`) is scored on its own (`scoring`, `context`); then
//! rows that are one place recorded twice are weighed against each other,
//! and the candidates sorted best first.

use crate::model::{Place, distance_km};

use super::admin_name::{bare_admin_name, unelide};
use super::context::Hint;
use super::fold::fold;
use super::gazetteer::Gazetteer;
use super::index::NameKind;
use super::name_match::Match;
use super::query::PlaceQuery;
use super::reason::Reason;
use super::scoring::{Explain, Scoring};
use super::stopwords::is_common_word;

/// A place the name may mean, how strongly, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub place: Place,
    pub score: f64,
    pub reasons: Vec<String>,
    /// What each reason added to the score, in the same order (0 for a
    /// remark that informs without scoring), so `--explain` can show the sum.
    pub points: Vec<f64>,
}

/// What a row reached only through an alternate name gives up to a row of
/// the same class that carries the name as its own, a few hundred metres
/// away: more than the 1.5 an alternate name is worth over a spelling
/// variant, so the row whose own name the report wrote comes first.
const SHARED_SPOT: f64 = 2.5;
/// Two rows of one class this close are one place recorded twice (GeoNames
/// often holds a village once from each of two sources, a kilometre apart).
const SHARED_SPOT_KM: f64 = 2.0;

/// A place the name may mean and how strongly, without the reasons: what
/// [`Gazetteer::rank`] gives callers that only read the places.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked<'g> {
    pub place: &'g Place,
    pub score: f64,
    /// Reached only through a spelling guess (a typo match).
    pub guessed: bool,
}

impl Gazetteer {
    /// Places the name may mean, best first, each with its reasons. Empty
    /// for a common word, an empty name, or a name nothing resembles.
    pub fn lookup(&self, query: &PlaceQuery<'_>) -> Vec<Candidate> {
        self.rank_places(query, Explain::Yes, Scoring::into_candidate)
    }

    /// [`Gazetteer::lookup`] without the reasons, for callers that read
    /// only the places: the same order, none of the text. The extractor
    /// ranks hundreds of candidates per report and reads no reason.
    pub fn rank(&self, query: &PlaceQuery<'_>) -> Vec<Ranked<'_>> {
        self.rank_places(query, Explain::No, Scoring::into_ranked)
    }

    /// The candidates best first, each made into a `T` by `finish`.
    fn rank_places<'g, T>(
        &'g self,
        query: &PlaceQuery<'_>,
        explain: Explain,
        finish: impl Fn(Scoring<'g>) -> T,
    ) -> Vec<T> {
        let folded = fold(&unelide(query.name));
        let (bare, word) = bare_admin_name(&folded);
        if bare.is_empty() || is_common_word(bare) || is_common_word(&folded) {
            return Vec::new();
        }
        let matches = self.name_matches(&folded, bare, |_| true);
        if matches.is_empty() {
            return Vec::new();
        }
        let hint = query
            .admin_hint
            .map(|h| self.resolve_hint(h, query.country));
        let has_context =
            !query.near.is_empty() || hint.as_ref().is_some_and(Hint::places_anything);
        let mut scored: Vec<(Scoring<'_>, Match)> = matches
            .into_iter()
            .filter_map(|(i, m)| {
                let mut c = Scoring::new(&self.all[i as usize], explain);
                c.name(m);
                self.note_rename(&mut c, bare);
                c.country(query.country);
                if let Some(hint) = &hint {
                    self.score_hint(&mut c, i, hint);
                }
                self.score_near(&mut c, &query.near);
                c.feature(word);
                c.population();
                // A spelling guess far from everything the report names is
                // more likely a place the gazetteer lacks ("Kalamba", near
                // Kaya, is not Kalomba 90 km away): leave it unresolved.
                (!c.guessed || c.corroborated || !has_context).then_some((c, m))
            })
            .collect();
        yield_shared_spots(&mut scored);
        sort(&mut scored, |(c, _)| c);
        scored.into_iter().map(|(c, _)| finish(c)).collect()
    }

    /// Admin units (ADM1, ADM2, ADM3, and regions known only from the admin
    /// code tables) the name may mean, best first, each with its reasons.
    /// "Gnagna", "Gnagna province" and "Province de la Gnagna" all ask for
    /// the same unit.
    pub fn lookup_admin(&self, name: &str, country: Option<&str>) -> Vec<Candidate> {
        self.rank_units(name, country, Explain::Yes, Scoring::into_candidate)
    }

    /// [`Gazetteer::lookup_admin`] without the reasons (see [`Gazetteer::rank`]).
    pub fn rank_admin(&self, name: &str, country: Option<&str>) -> Vec<Ranked<'_>> {
        self.rank_units(name, country, Explain::No, Scoring::into_ranked)
    }

    fn rank_units<'g, T>(
        &'g self,
        name: &str,
        country: Option<&str>,
        explain: Explain,
        finish: impl Fn(Scoring<'g>) -> T,
    ) -> Vec<T> {
        let folded = fold(&unelide(name));
        let (bare, word) = bare_admin_name(&folded);
        // "région de l'Est" is a unit even though "est" alone is a word.
        if bare.is_empty() || (word.is_none() && is_common_word(bare)) {
            return Vec::new();
        }
        let is_unit = |p: &Place| {
            p.feature_class == "A" && matches!(p.feature_code.as_str(), "ADM1" | "ADM2" | "ADM3")
        };
        let mut out: Vec<Scoring<'_>> = self
            .name_matches(&folded, bare, is_unit)
            .into_iter()
            .map(|(i, m)| {
                let mut c = Scoring::new(&self.all[i as usize], explain);
                c.name(m);
                self.note_rename(&mut c, bare);
                c.country(country);
                c.unit_level(word);
                if let Some(seat) = self.seats.get(&i) {
                    c.note(Reason::Seat(seat));
                }
                c.population();
                c
            })
            .collect();
        sort(&mut out, |c| c);
        out.into_iter().map(finish).collect()
    }
}

/// GeoNames sometimes holds one village twice, a few hundred metres apart:
/// once under the name the report writes, once under another name that
/// lists the report's spelling among its alternates ("Solé": the row Solle,
/// and the row Tioli with "Sole" as an alternate). An alternate name scores
/// above a spelling variant, so the row named otherwise would win and the
/// incident would read "Tioli". When a row reached only through an
/// alternate name lies within [`SHARED_SPOT_KM`] of a row of the same class
/// whose own name matched (exactly or as a spelling variant), it gives up
/// [`SHARED_SPOT`]: both are the same spot, and the row that bears the name
/// is the record the analyst expects. Typo matches never meet alternate
/// names here (guesses are made only when nothing else matched).
fn yield_shared_spots<'g>(scored: &mut [(Scoring<'g>, Match)]) {
    let own_name = |m: Match| {
        matches!(
            m,
            Match::Exact(NameKind::Primary | NameKind::AdminBare) | Match::Variant
        )
    };
    if !scored.iter().any(|(_, m)| own_name(*m)) {
        return;
    }
    for i in 0..scored.len() {
        if scored[i].1 != Match::Exact(NameKind::Alternate) {
            continue;
        }
        let p = scored[i].0.place;
        let owner: Option<&'g Place> = scored
            .iter()
            .map(|(o, m)| (o.place, *m))
            .find(|(o, m)| {
                // A degree of latitude is over 110 km: most rows are ruled
                // out by that before the trigonometry.
                own_name(*m)
                    && o.feature_class == p.feature_class
                    && (p.latitude - o.latitude).abs() * 110.0 <= SHARED_SPOT_KM
                    && distance_km(p.latitude, p.longitude, o.latitude, o.longitude)
                        <= SHARED_SPOT_KM
            })
            .map(|(o, _)| o);
        if let Some(owner) = owner {
            scored[i]
                .0
                .add(-SHARED_SPOT, Reason::SharedSpot(&owner.name));
        }
    }
}

/// Best first; ties by population, then id, so the order never depends on
/// hash map iteration.
fn sort<T>(candidates: &mut [T], scoring: impl Fn(&T) -> &Scoring<'_>) {
    candidates.sort_by(|a, b| {
        let (a, b) = (scoring(a), scoring(b));
        b.score
            .total_cmp(&a.score)
            .then(b.place.population.cmp(&a.place.population))
            .then(a.place.geonameid.cmp(&b.place.geonameid))
    });
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
pub(super) mod tests {
    use super::*;
    use crate::gazetteer::gazetteer::tests::bundled_gazetteer;

    pub(crate) fn query<'a>(
        name: &'a str,
        country: Option<&'a str>,
        hint: Option<&'a str>,
    ) -> PlaceQuery<'a> {
        PlaceQuery {
            name,
            country,
            admin_hint: hint,
            near: Vec::new(),
        }
    }

    pub(crate) fn best(name: &str, country: Option<&str>, hint: Option<&str>) -> Candidate {
        let found = bundled_gazetteer().lookup(&query(name, country, hint));
        assert!(!found.is_empty(), "nothing found for {name}");
        found[0].clone()
    }

    #[test]
    fn ranking_without_reasons_gives_the_same_places_in_the_same_order() {
        let g = bundled_gazetteer();
        for (name, hint) in [
            ("Kaya", None),
            ("Sole", Some("Loroum")),
            ("Solé", None),
            ("Barsaloghu", None),
            ("Dargo", Some("Kaya")),
        ] {
            let q = query(name, Some("BF"), hint);
            let full: Vec<(i64, f64)> = g
                .lookup(&q)
                .iter()
                .map(|c| (c.place.geonameid, c.score))
                .collect();
            let quiet: Vec<(i64, f64)> = g
                .rank(&q)
                .iter()
                .map(|c| (c.place.geonameid, c.score))
                .collect();
            assert_eq!(full, quiet, "{name}");
        }
        let full = g.lookup_admin("Gnagna province", Some("BF"));
        let quiet = g.rank_admin("Gnagna province", Some("BF"));
        assert_eq!(full[0].place.geonameid, quiet[0].place.geonameid);
        assert!(g.rank(&query("Barsaloghu", Some("BF"), None))[0].guessed);
    }

    #[test]
    fn gnagna_as_a_unit_is_the_province() {
        let g = bundled_gazetteer();
        for name in ["Gnagna", "Gnagna province", "Province de la Gnagna"] {
            let found = g.lookup_admin(name, Some("BF"));
            assert_eq!(found[0].place.geonameid, 2360516, "{name}");
            assert_eq!(found[0].place.feature_code, "ADM2");
        }
        for name in ["Soum", "Loroum", "Sanmatenga"] {
            let found = g.lookup_admin(name, Some("BF"));
            assert_eq!(found[0].place.feature_code, "ADM2", "{name}");
        }
        assert!(
            g.lookup_admin("Kaya", Some("BF"))
                .iter()
                .all(|c| c.place.feature_class == "A")
        );
    }

    #[test]
    fn a_region_known_only_from_the_code_table_is_found_at_its_seat() {
        let found = bundled_gazetteer().lookup_admin("Savanes region", Some("TG"));
        assert_eq!(found[0].place.geonameid, 2364205);
        assert!(found[0].reasons.iter().any(|r| r.contains("seat Dapaong")));
    }

    #[test]
    fn a_row_bearing_the_name_beats_a_row_at_the_same_spot_that_lists_it_as_an_alternate() {
        // Tioli lists "Sole" among its alternates and lies 1 km from Solle.
        for name in ["Solé", "Sole", "SOLÉ"] {
            for country in [Some("BF"), None] {
                let found = bundled_gazetteer().lookup(&query(name, country, None));
                assert_eq!(found[0].place.geonameid, 10343439, "{name} {country:?}");
                let tioli = found.iter().find(|c| c.place.geonameid == 2354399).unwrap();
                assert!(
                    tioli
                        .reasons
                        .iter()
                        .any(|r| r.contains("Solle, at the same spot")),
                    "{:?}",
                    tioli.reasons
                );
            }
        }
        // The rule only moves rows at one spot: Tombouctou is still Timbuktu.
        assert_eq!(best("Tombouctou", Some("ML"), None).place.name, "Timbuktu");
    }

    #[test]
    fn common_words_never_become_places() {
        let g = bundled_gazetteer();
        for word in [
            "Sunday", "the", "forces", "attack", "village", "region", "", "  ",
        ] {
            assert!(
                g.lookup(&query(word, Some("BF"), None)).is_empty(),
                "{word}"
            );
            assert!(g.lookup(&query(word, None, None)).is_empty(), "{word}");
            assert!(g.lookup_admin(word, None).is_empty(), "{word}");
        }
    }
}
