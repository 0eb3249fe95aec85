//! What the report says around the name: a unit or place named beside it
//! ("Solé, Loroum province") and the places it names elsewhere. A candidate
//! they place where the report does is corroborated, which a spelling guess
//! needs when the report gives any such context.

use std::collections::HashSet;

use super::admin_name::{bare_admin_name, unelide};
use super::fold::fold;
use super::gazetteer::{Gazetteer, display_bare_name};
use super::reason::Reason;
use super::scoring::{
    Explain, HINT_ADMIN1, HINT_ADMIN2, HINT_NEAR, HINT_SAME_PROVINCE, HINT_SAME_REGION, NEAR,
    RADIUS_KM, Scoring,
};
use super::stopwords::is_common_word;
use crate::model::distance_km;

/// At most this many namesakes of a hint are used as reference points.
const MAX_HINT_POINTS: usize = 20;

/// What a hint resolved to.
#[derive(Debug, Default)]
pub(super) struct Hint {
    written: String,
    /// (cc, a1) of hinted regions, and their names.
    admin1: Vec<(String, String, String)>,
    /// (cc, a1, a2) of hinted provinces, and their names.
    admin2: Vec<(String, String, String, String)>,
    /// Provinces of hinted towns: "in the same province as Kaya".
    town_provinces: Vec<(String, String, String, String)>,
    /// Regions of hinted towns: "in the same region as Kaya".
    town_regions: Vec<(String, String, String)>,
    /// Reference points: (lat, lon, index of the place).
    points: Vec<(f64, f64, u32)>,
}

impl Hint {
    /// Whether the hint says where the place is: a unit, or a place with a
    /// point (not a name the gazetteer lacks).
    pub(super) fn places_anything(&self) -> bool {
        !(self.admin1.is_empty() && self.admin2.is_empty() && self.points.is_empty())
    }
}

impl Gazetteer {
    pub(super) fn resolve_hint(&self, written: &str, country: Option<&str>) -> Hint {
        let folded = fold(&unelide(written));
        let (bare, _) = bare_admin_name(&folded);
        let mut hint = Hint {
            written: written.trim().to_string(),
            ..Hint::default()
        };
        if bare.is_empty() || is_common_word(bare) {
            return hint;
        }
        let mut places: Vec<u32> = self
            .index
            .exact(&folded)
            .iter()
            .chain(self.index.exact(bare))
            .map(|p| p.place)
            .collect();
        places.sort_unstable();
        places.dedup();
        if let Some(cc) = country
            && places
                .iter()
                .any(|&i| self.all[i as usize].country_code == cc)
        {
            places.retain(|&i| self.all[i as usize].country_code == cc);
        }
        let mut seen_units = HashSet::new();
        for &i in &places {
            let p = &self.all[i as usize];
            let unit = (
                p.country_code.clone(),
                p.admin1_code.clone(),
                p.admin2_code.clone(),
            );
            match (p.feature_class.as_str(), p.feature_code.as_str()) {
                ("A", "ADM1") => {
                    if seen_units.insert(unit.clone()) {
                        let name = display_bare_name(&p.name).to_string();
                        hint.admin1.push((unit.0, unit.1, name));
                    }
                }
                ("A", "ADM2") => {
                    if seen_units.insert(unit.clone()) {
                        let name = display_bare_name(&p.name).to_string();
                        hint.admin2.push((unit.0, unit.1, unit.2, name));
                    }
                    hint.points.push((p.latitude, p.longitude, i));
                }
                ("P", _) => {
                    if !p.admin1_code.is_empty() {
                        hint.town_regions
                            .push((unit.0.clone(), unit.1.clone(), p.name.clone()));
                    }
                    if !p.admin2_code.is_empty() {
                        hint.town_provinces
                            .push((unit.0, unit.1, unit.2, p.name.clone()));
                    }
                    hint.points.push((p.latitude, p.longitude, i));
                }
                _ => hint.points.push((p.latitude, p.longitude, i)),
            }
        }
        // Units known only by their code (no row, no seat) still count.
        for code in self.admin_codes_by_name.get(bare).into_iter().flatten() {
            let parts: Vec<&str> = code.split('.').collect();
            if country.is_some_and(|cc| parts.first() != Some(&cc)) {
                continue;
            }
            let name = self.admin_name_of(code);
            match parts[..] {
                [cc, a1] if seen_units.insert((cc.into(), a1.into(), String::new())) => {
                    hint.admin1.push((cc.into(), a1.into(), name));
                }
                [cc, a1, a2] if seen_units.insert((cc.into(), a1.into(), a2.into())) => {
                    hint.admin2.push((cc.into(), a1.into(), a2.into(), name));
                }
                _ => {}
            }
        }
        hint.points.truncate(MAX_HINT_POINTS);
        hint
    }

    fn admin_name_of(&self, code: &str) -> String {
        let parts: Vec<&str> = code.split('.').collect();
        let name = match parts[..] {
            [cc, a1] => self.admin1_name(cc, a1),
            [cc, a1, a2] => self.admin2_name(cc, a1, a2),
            _ => None,
        };
        name.unwrap_or(code).to_string()
    }

    pub(super) fn score_hint<'a>(&'a self, c: &mut Scoring<'_>, index: u32, hint: &'a Hint) {
        let p = c.place;
        let (cc, a1, a2) = (&p.country_code, &p.admin1_code, &p.admin2_code);
        // (score, reason, whether it places the candidate where the report does)
        let mut best: Option<(f64, Reason<'a>, bool)> = None;
        let mut offer = |score: f64, reason: Reason<'a>, places_it: bool| {
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, reason, places_it));
            }
        };
        if let Some(u) = hint
            .admin2
            .iter()
            .find(|u| (&u.0, &u.1, &u.2) == (cc, a1, a2))
        {
            offer(HINT_ADMIN2, Reason::InHinted(&u.3), true);
        }
        if let Some(u) = hint.admin1.iter().find(|u| (&u.0, &u.1) == (cc, a1)) {
            offer(HINT_ADMIN1, Reason::InHinted(&u.2), true);
        }
        if let Some(u) = hint
            .town_provinces
            .iter()
            .find(|u| (&u.0, &u.1, &u.2) == (cc, a1, a2))
        {
            offer(HINT_SAME_PROVINCE, Reason::SameProvince(&u.3), true);
        }
        if let Some(u) = hint.town_regions.iter().find(|u| (&u.0, &u.1) == (cc, a1)) {
            offer(HINT_SAME_REGION, Reason::SameRegion(&u.2), false);
        }
        // A candidate recorded in another province than the one the report
        // names is doubtful even when it lies close by.
        let contradicted = hint.admin2.iter().find(|u| &u.0 == cc).and_then(|u| {
            let own = self.admin2_name(cc, a1, a2)?;
            (!hint
                .admin2
                .iter()
                .any(|h| (&h.0, &h.1, &h.2) == (cc, a1, a2)))
            .then_some(Reason::Recorded(own, &u.3))
        });
        let nearest = hint
            .points
            .iter()
            .filter(|(_, _, i)| *i != index)
            .map(|&(lat, lon, _)| distance_km(p.latitude, p.longitude, lat, lon))
            .min_by(f64::total_cmp);
        if let Some(d) = nearest.filter(|d| *d <= RADIUS_KM) {
            let mut bonus = HINT_NEAR * (1.0 - d / RADIUS_KM) + 1.0;
            if contradicted.is_some() {
                bonus /= 2.0;
            }
            offer(bonus, Reason::FromHint(d, &hint.written), true);
        }
        if let Some(reason) = contradicted {
            c.note(reason);
        }
        if let Some((score, reason, places_it)) = best {
            c.add(score, reason);
            c.corroborated |= places_it;
        }
    }

    pub(super) fn score_near(&self, c: &mut Scoring<'_>, near: &[(f64, f64)]) {
        let p = c.place;
        let nearest = near
            .iter()
            .filter(|&&(lat, lon)| (lat, lon) != (p.latitude, p.longitude))
            .map(|&(lat, lon)| (distance_km(p.latitude, p.longitude, lat, lon), lat, lon))
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((d, lat, lon)) = nearest.filter(|n| n.0 <= RADIUS_KM) {
            // Naming the other place costs a probe: only when explaining.
            let other = match c.explain {
                Explain::Yes => self
                    .place_at(lat, lon)
                    .map_or("a place", |o| o.name.as_str()),
                Explain::No => "",
            };
            c.add(
                NEAR * (1.0 - d / RADIUS_KM) + 0.5,
                Reason::FromNamed(d, other),
            );
            c.corroborated = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::gazetteer::tests::bundled_gazetteer;
    use crate::gazetteer::rank::tests::{best, query};

    #[test]
    fn dargo_is_the_village_in_centre_nord() {
        // The report says "Kaya province": Kaya's region is Dargo's region.
        let dargo = best("Dargo", Some("BF"), Some("Kaya"));
        assert_eq!(dargo.place.geonameid, 2361546);
        assert!(
            dargo
                .reasons
                .iter()
                .any(|r| r == "in the same region as Kaya, named beside it"),
            "{:?}",
            dargo.reasons
        );
        assert_eq!(best("Dargo", None, None).place.geonameid, 2361546);
    }

    #[test]
    fn sole_in_loroum_is_solle() {
        for name in ["Sole", "Solé"] {
            let sole = best(name, Some("BF"), Some("Loroum"));
            assert_eq!(sole.place.geonameid, 10343439, "{name}: {:?}", sole.reasons);
            assert!(
                sole.reasons.iter().any(|r| r.contains("from Loroum")),
                "{:?}",
                sole.reasons
            );
        }
    }

    #[test]
    fn barsalogho_near_kaya_is_barsalogo_not_kaya() {
        // Not Kaya, even with Kaya named in the same report.
        let kaya = bundled_gazetteer().place(2359608).unwrap();
        let mut q = query("Barsalogho", Some("BF"), None);
        q.near = vec![(kaya.latitude, kaya.longitude)];
        let found = bundled_gazetteer().lookup(&q);
        assert_eq!(found[0].place.geonameid, 2362735);
        assert!(
            found[0]
                .reasons
                .iter()
                .any(|r| r == "36 km from Kaya named in the same report"),
            "{:?}",
            found[0].reasons
        );
    }

    #[test]
    fn a_spelling_guess_far_from_the_named_town_is_left_unresolved() {
        // Kalamba (near Kaya) is not in GeoNames; Kalomba is 90 km away.
        let g = bundled_gazetteer();
        assert!(
            g.lookup(&query("Kalamba", Some("BF"), Some("Kaya")))
                .is_empty()
        );
        // Without any context the guess is offered, and says it is one.
        let guess = best("Kalamba", Some("BF"), None);
        assert!(guess.reasons[0].starts_with("spelling close to"));
    }
}
