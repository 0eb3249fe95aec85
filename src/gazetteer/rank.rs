//! Ranking the places a name could mean, with the reasons an analyst can read.
//!
//! Scores add up evidence; the weights are ordered so that the report's own
//! words win over gazetteer statistics: a matching country (+8) outweighs
//! any feature class (at most +4) or population (about +2 for a city of a
//! million); a unit or place named beside the mention (up to +7) decides
//! between namesakes in one country; populated places come before admin
//! units, and streams, hills and airports last; population only breaks ties.

use std::collections::HashSet;
use std::fmt;

use crate::model::{Place, distance_km};

use super::admin_name::{UnitWord, bare_admin_name, unelide};
use super::country::country_name;
use super::fold::fold;
use super::gazetteer::{Gazetteer, display_bare_name};
use super::index::{NameKind, Posting};
use super::stopwords::is_common_word;

/// What the report says about one place name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlaceQuery<'a> {
    /// The name as written ("Barsalogho", "Solé").
    pub name: &'a str,
    /// ISO code of the country the report is about, if known.
    pub country: Option<&'a str>,
    /// A unit or place named beside it ("Solé, Loroum province" -> "Loroum").
    pub admin_hint: Option<&'a str>,
    /// (lat, lon) of other places already resolved in the same report.
    pub near: Vec<(f64, f64)>,
}

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

const EXACT: f64 = 10.0;
const ALTERNATE: f64 = 8.0;
const VARIANT: f64 = 6.5;
const FUZZY: f64 = 6.0;
const FUZZY_PER_EDIT: f64 = 1.0;
const COUNTRY: f64 = 8.0;
const HINT_ADMIN2: f64 = 7.0;
const HINT_ADMIN1: f64 = 5.0;
const HINT_SAME_PROVINCE: f64 = 4.0;
const HINT_SAME_REGION: f64 = 2.5;
/// Proximity bonus: `HINT_NEAR * (1 - km / RADIUS) + 1` inside the radius.
const HINT_NEAR: f64 = 6.0;
const NEAR: f64 = 4.0;
const RADIUS_KM: f64 = 80.0;
const ASKED_UNIT: f64 = 4.0;
const OTHER_UNIT: f64 = 2.0;
const POPULATION_PER_DECADE: f64 = 0.35;
/// What a row reached only through an alternate name gives up to a row of
/// the same class that carries the name as its own, a few hundred metres
/// away: more than the 1.5 an alternate name is worth over a spelling
/// variant, so the row whose own name the report wrote comes first.
const SHARED_SPOT: f64 = 2.5;
/// Two rows of one class this close are one place recorded twice (GeoNames
/// often holds a village once from each of two sources, a kilometre apart).
const SHARED_SPOT_KM: f64 = 2.0;
/// At most this many spelling guesses are scored, closest first.
const MAX_GUESSES: usize = 12;
/// At most this many namesakes of a hint are used as reference points.
const MAX_HINT_POINTS: usize = 20;

/// A place the name may mean and how strongly, without the reasons: what
/// [`Gazetteer::rank`] gives callers that only read the places.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked<'g> {
    pub place: &'g Place,
    pub score: f64,
    /// Reached only through a spelling guess (a typo match).
    pub guessed: bool,
}

/// How the name met the place.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
enum Match {
    Exact(NameKind),
    Variant,
    Fuzzy(usize),
}

/// What a hint resolved to.
#[derive(Debug, Default)]
struct Hint {
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
        let has_context = !query.near.is_empty()
            || hint.as_ref().is_some_and(|h| {
                !(h.admin1.is_empty() && h.admin2.is_empty() && h.points.is_empty())
            });
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

    /// Every place the name reaches, with the best way it reaches it:
    /// exact names first; spelling variants beside them; typos only when
    /// nothing matched otherwise (an exact name abroad beats a typo at home:
    /// "Dakar" in a Burkinabè report is the reporter's dateline, not a
    /// village one letter away).
    fn name_matches(
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

    fn resolve_hint(&self, written: &str, country: Option<&str>) -> Hint {
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

    /// Says so when the name reached the unit through the rename table.
    fn note_rename(&self, c: &mut Scoring<'_>, bare: &str) {
        if self.rename_notes.is_empty() {
            return;
        }
        let notes = self.rename_notes.get(&c.place.geonameid);
        if let Some((_, note)) = notes.into_iter().flatten().find(|(name, _)| name == bare) {
            c.note(Reason::Text(note));
        }
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

    fn score_hint<'a>(&'a self, c: &mut Scoring<'_>, index: u32, hint: &'a Hint) {
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

    fn score_near(&self, c: &mut Scoring<'_>, near: &[(f64, f64)]) {
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

/// Whether the reasons are written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Explain {
    Yes,
    No,
}

/// Why a candidate scored what it did, kept as the data the sentence needs
/// and written out only when someone reads it (`geocode --explain`, the
/// review panel): formatting every reason of every candidate was a tenth of
/// the extractor's time, and the extractor reads none of them.
#[derive(Debug, Clone, Copy)]
enum Reason<'a> {
    /// Text that needs no formatting.
    Text(&'a str),
    Alternate(&'a str),
    Variant(&'a str),
    /// Spelling close to the name, so many letters apart.
    Close(&'a str, usize),
    /// In the country the report names (its code).
    HomeCountry(&'a str),
    /// In the first country (code), not the second.
    OtherCountry(&'a str, &'a str),
    /// An admin unit (feature code), and whether the name asked for a unit.
    AdminUnit(&'a str, bool),
    /// Not a settlement (class, feature code).
    NotSettlement(&'a str, &'a str),
    /// "first", "second" or "third", and the feature code.
    UnitLevel(&'static str, &'a str),
    Population(i64),
    /// In the unit named beside the mention.
    InHinted(&'a str),
    SameProvince(&'a str),
    SameRegion(&'a str),
    /// So many km from the name written beside the mention.
    FromHint(f64, &'a str),
    /// Recorded in the first province, not the second.
    Recorded(&'a str, &'a str),
    /// So many km from another place named in the report.
    FromNamed(f64, &'a str),
    /// A synthetic unit placed at its seat.
    Seat(&'a str),
    /// At the same spot as a row carrying the name as its own.
    SharedSpot(&'a str),
}

impl Reason<'_> {
    /// The reason as text; fixed text is copied without the formatter.
    fn render(&self) -> String {
        use std::fmt::Write;
        match self {
            Reason::Text(text) => (*text).to_string(),
            other => {
                // Room for the longest sentence, so the text is written
                // without growing the string piece by piece.
                let mut out = String::with_capacity(96);
                // Writing to a String cannot fail.
                let _ = write!(out, "{other}");
                out
            }
        }
    }
}

impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // An unknown code stands for its country rather than vanish.
        fn country(code: &str) -> &str {
            country_name(code).unwrap_or(code)
        }
        match *self {
            Reason::Text(text) => f.write_str(text),
            Reason::Alternate(name) => write!(f, "alternate name of {name}"),
            Reason::Variant(name) => write!(f, "spelling variant of {name}"),
            Reason::Close(name, d) => write!(
                f,
                "spelling close to {name} ({d} letter{} apart)",
                if d == 1 { "" } else { "s" }
            ),
            Reason::HomeCountry(cc) => write!(f, "in {} as the report says", country(cc)),
            Reason::OtherCountry(cc, asked) => {
                write!(f, "in {}, not {}", country(cc), country(asked))
            }
            Reason::AdminUnit(code, true) => write!(f, "admin unit ({code}), as the name asks"),
            Reason::AdminUnit(code, false) => write!(f, "admin unit ({code})"),
            Reason::NotSettlement(class, code) => {
                write!(f, "not a settlement (class {class}, {code})")
            }
            Reason::UnitLevel(order, code) => write!(f, "{order}-order admin unit ({code})"),
            Reason::Population(pop) => write!(f, "population {}", thousands(pop)),
            Reason::InHinted(unit) => write!(f, "in {unit}, named beside it"),
            Reason::SameProvince(town) => {
                write!(f, "in the same province as {town}, named beside it")
            }
            Reason::SameRegion(town) => write!(f, "in the same region as {town}, named beside it"),
            Reason::FromHint(d, written) => write!(f, "{d:.0} km from {written}, named beside it"),
            Reason::Recorded(own, named) => write!(f, "recorded in {own}, not {named}"),
            Reason::FromNamed(d, other) => {
                write!(f, "{d:.0} km from {other} named in the same report")
            }
            Reason::Seat(seat) => write!(
                f,
                "known from the admin code table only; the point is its seat {seat}"
            ),
            Reason::SharedSpot(own) => write!(
                f,
                "the name is only an alternate here; {own}, at the same spot, bears it as its own"
            ),
        }
    }
}

/// A candidate being scored.
struct Scoring<'g> {
    place: &'g Place,
    score: f64,
    explain: Explain,
    /// Each reason written out, and what it added (empty unless explaining).
    reasons: Vec<String>,
    points: Vec<f64>,
    /// A spelling guess (a typo match).
    guessed: bool,
    /// The report's own context (a named unit, a nearby place) supports it.
    corroborated: bool,
}

impl<'g> Scoring<'g> {
    fn new(place: &'g Place, explain: Explain) -> Scoring<'g> {
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

    fn add(&mut self, score: f64, reason: Reason<'_>) {
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
    fn note(&mut self, reason: Reason<'_>) {
        self.push(reason, 0.0);
    }

    fn name(&mut self, m: Match) {
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

    fn country(&mut self, country: Option<&str>) {
        let Some(asked) = country else { return };
        let cc = self.place.country_code.as_str();
        if cc.eq_ignore_ascii_case(asked) {
            self.add(COUNTRY, Reason::HomeCountry(cc));
        } else {
            self.add(-COUNTRY, Reason::OtherCountry(cc, asked));
        }
    }

    /// Feature class and code; `word` is the unit word the query used.
    fn feature(&mut self, word: Option<UnitWord>) {
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

    fn unit_level(&mut self, word: Option<UnitWord>) {
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

    fn population(&mut self) {
        let pop = self.place.population;
        if pop > 0 {
            self.add(
                POPULATION_PER_DECADE * (pop as f64).log10(),
                Reason::Population(pop),
            );
        }
    }

    fn into_candidate(self) -> Candidate {
        Candidate {
            place: self.place.clone(),
            score: self.score,
            reasons: self.reasons,
            points: self.points,
        }
    }

    fn into_ranked(self) -> Ranked<'g> {
        Ranked {
            place: self.place,
            score: self.score,
            guessed: self.guessed,
        }
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

/// Populated places and admin units: the only rows spelling guesses may reach.
fn is_settlement_or_unit(p: &Place) -> bool {
    p.feature_class == "P" || p.feature_class == "A"
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

/// 61462 -> "61,462".
pub(super) fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::gazetteer::tests::bundled_gazetteer;

    fn query<'a>(name: &'a str, country: Option<&'a str>, hint: Option<&'a str>) -> PlaceQuery<'a> {
        PlaceQuery {
            name,
            country,
            admin_hint: hint,
            near: Vec::new(),
        }
    }

    fn best(name: &str, country: Option<&str>, hint: Option<&str>) -> Candidate {
        let found = bundled_gazetteer().lookup(&query(name, country, hint));
        assert!(!found.is_empty(), "nothing found for {name}");
        found[0].clone()
    }

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
    fn the_report_spelling_barsalogho_finds_barsalogo() {
        assert_eq!(
            best("Barsalogho", Some("BF"), None).place.geonameid,
            2362735
        );
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

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(61462), "61,462");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
