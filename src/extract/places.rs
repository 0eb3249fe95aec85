//! Place mentions: which capitalised names in a sentence are where things
//! happened, and what the gazetteer makes of them.
//!
//! A name counts only in a telling pattern: "in X", "at X", "near X",
//! "village of X", "X province", "province du X", "X district", "X, Y"
//! ("Kalamba, Kaya"), "X, located in Y", "attacked X", "an attack on X";
//! "de X" / "of X" after a settlement or facility noun, with at most one
//! adjective between ("le poste militaire de X", "l'école de X", "the
//! streets of X", "habitants de X"); "the X area"; "between X and Y";
//! or bare, when the same name was
//! already found in such a pattern elsewhere in the report ("Djibo
//! residents"). Names are never looked up just for being capitalised:
//! half of a headline is.
//!
//! Skipped: countries (they set the country context instead), the Sahel and
//! other macro-regions (but "the Liptako region" is, since 2025, Burkina
//! Faso's former Sahel region), wire datelines ("DAKAR (Reuters)"), "reporting from
//! X", origins ("from X"), where attackers are "based in" or "withdrew to",
//! and national capitals when the sentence names another place.
//!
//! Precision: the place itself is Exact; "X district" is the town X, Near
//! (the district is the area around it); "40 km north of X" is X, Near, and
//! only when nothing else is named; "near X" is X, Near; a name that only
//! resembles a gazetteer entry (one or two letters off) is trusted only
//! within 40 km of a place named beside it; "X, Y" with X unknown is Y, Near, with
//! X kept as a detail for the notes; "the commune of X", "la zone de X",
//! "le secteur de X", "the X area" are the town X, Near; "between X and Y"
//! is X, Near, with both named in the notes (Y only says which way);
//! a province or region is Region at the point the gazetteer gives for the
//! unit, and carries the name of a site in it the gazetteer lacks.
//!
//! A name beside a place ("Wuriyanga, Djibo") is the town of that name
//! before the department of the same name; with its unit word ("Mansila,
//! Yagha province") it is the unit.

use std::collections::{BTreeMap, BTreeSet};

use crate::gazetteer::{Gazetteer, PlaceQuery};
use crate::model::{GeoPrecision, Place, distance_km};

use super::lexicon::{Kind, lexicon};
use super::words::{Word, fold_word, words};

/// How a name is used in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// "in X", "village of X": where something happened.
    Site,
    /// "X district": the area around a town.
    District,
    /// "X province", "region of X".
    Admin,
    /// A bare name already known from a pattern elsewhere.
    Passing,
    /// "40 km north of X": a landmark, not the place.
    Reference,
    /// A national capital mentioned in passing.
    Capital,
}

/// One name found in a sentence, before lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub written: String,
    pub start: usize,
    pub end: usize,
    pub role: Role,
    /// "Kaya" in "Kalamba, Kaya" or "Dargo, located in Kaya province".
    pub qualifier: Option<String>,
    /// "near X", "près de X": close to the place, not in it.
    pub near: bool,
    /// The unit word of an admin mention as written ("province", "région").
    pub unit: String,
    /// How the report placed it, for the notes ("between Djibo and
    /// Tongomayel").
    pub context: Option<String>,
}

/// A mention the gazetteer could place.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub place: Place,
    pub precision: GeoPrecision,
    pub role: Role,
    pub written: String,
    /// A smaller place the report names but the gazetteer lacks ("Kalamba").
    pub detail: Option<String>,
    /// The enclosing unit as written ("Kaya province"), for the notes.
    pub context: Option<String>,
}

/// What the place analysis found in one sentence.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SentencePlaces {
    /// Best first: sites, then districts, admin units, passing names,
    /// references and capitals.
    pub resolved: Vec<Resolved>,
    /// Site names the gazetteer does not know.
    pub unresolved: Vec<String>,
}

fn is_macro_regions(folded: &str) -> bool {
    matches!(
        folded,
        "sahel"
            | "sahara"
            | "west africa"
            | "africa"
            | "liptako"
            | "liptako-gourma"
            | "maghreb"
            | "middle east"
            | "europe"
            | "west"
            | "north"
            | "south"
            | "east"
    )
}
/// Macro-regions that became the name of an admin region in 2025.
fn is_regions_since_2025(folded: &str) -> bool {
    matches!(folded, "liptako")
}
fn is_capitals(folded: &str) -> bool {
    matches!(
        folded,
        "ouagadougou"
            | "bamako"
            | "niamey"
            | "lome"
            | "cotonou"
            | "dakar"
            | "abuja"
            | "accra"
            | "nouakchott"
            | "n'djamena"
            | "porto-novo"
            | "abidjan"
            | "conakry"
            | "paris"
            | "washington"
    )
}
/// Words that end a run of capitalised words even when capitalised
/// (headlines are in Title Case).
fn is_breakers(folded: &str) -> bool {
    matches!(
        folded,
        "in" | "at"
            | "outside"
            | "around"
            | "inside"
            | "across"
            | "towards"
            | "toward"
            | "near"
            | "of"
            | "on"
            | "and"
            | "the"
            | "a"
            | "an"
            | "to"
            | "for"
            | "from"
            | "by"
            | "with"
            | "after"
            | "as"
            | "de"
            | "du"
            | "des"
            | "la"
            | "le"
            | "les"
            | "et"
            | "dans"
            | "pres"
            | "sur"
            | "province"
            | "region"
            | "district"
            | "department"
            | "commune"
            | "village"
            | "town"
            | "city"
            | "provinces"
            | "regions"
            | "state"
            | "group"
            | "forces"
            | "army"
            | "attack"
            | "attacks"
    )
}
/// Words that make up a date between two coordinated places: "on
/// Saturday", "le 10 mai 2025", "on the 12th".
fn is_date_filler(folded: &str) -> bool {
    super::dates::weekday(folded).is_some()
        || super::dates::month(folded).is_some()
        || folded.starts_with(|c: char| c.is_ascii_digit())
        || matches!(folded, "on" | "le" | "the" | "of" | "du" | "in" | "en")
}

/// Words never looked up as places.
fn is_not_places(folded: &str) -> bool {
    super::dates::weekday(folded).is_some()
        || super::dates::month(folded).is_some()
        || matches!(
            folded,
            "reuters"
                | "afp"
                | "ap"
                | "site"
                | "jnim"
                | "isis"
                | "vdp"
                | "un"
                | "ecowas"
                | "islam"
                | "muslims"
                | "allah"
                | "god"
        )
}
/// Nouns whose "of X" / "de X" is the place itself: settlements, the
/// facilities in them ("le poste militaire de Markoye", "l'école de
/// Gayéri"), their people and streets ("the streets of Dori").
fn is_site_noun(folded: &str) -> bool {
    lexicon().is(Kind::SiteNoun, folded)
}

/// Words between a site noun and "de": "le poste militaire de X".
fn is_site_adjective(folded: &str) -> bool {
    lexicon().is(Kind::SiteAdjective, folded)
}

/// Site nouns that name a spread, not a point: "la zone de Téra", "the
/// Djibo area", "the commune of Arbinda" are near the town, not in it.
fn is_area_noun(folded: &str) -> bool {
    lexicon().is(Kind::AreaNoun, folded)
}
fn is_admin_nouns(folded: &str) -> bool {
    lexicon().is(Kind::AdminNoun, folded)
}
fn is_site_preps(folded: &str) -> bool {
    lexicon().is(Kind::SitePrep, folded)
}
/// Verbs whose object is the place struck: "attacked Titao", "overran Djibo".
fn is_attack_verbs(folded: &str) -> bool {
    matches!(
        lexicon().value(Kind::Attack, folded),
        Some("verb" | "object")
    )
}
/// Nouns whose "on X" is the place struck.
fn is_attack_nouns(folded: &str) -> bool {
    lexicon().value(Kind::Attack, folded) == Some("noun")
}
fn is_near_preps(folded: &str) -> bool {
    lexicon().is(Kind::NearPrep, folded)
}
fn is_directions(folded: &str) -> bool {
    lexicon().is(Kind::Direction, folded)
}
fn is_away_verbs(folded: &str) -> bool {
    lexicon().is(Kind::Away, folded)
}

/// A run of capitalised words, before its role is known.
#[derive(Debug, Clone)]
struct Run<'s> {
    first: usize,
    last: usize,
    /// Borrowed from the sentence: most runs are looked at and dropped.
    text: &'s str,
    possessive: bool,
    /// Where the name starts in the sentence (after an elision).
    start: usize,
    /// "d'Ayorou" reads as "de Ayorou", "l'Atacora" as "la Atacora".
    elision: Option<&'static str>,
}

fn runs<'s>(sentence: &'s str, ws: &[Word<'_>]) -> Vec<Run<'s>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        let elided = w.elided_capital();
        if !(w.is_capitalised() || elided.is_some())
            || is_breakers(&w.folded)
            || is_not_places(&w.folded)
        {
            i += 1;
            continue;
        }
        let cut = elided.unwrap_or(0);
        let elision = elided.map(|_| {
            if w.text.starts_with(['d', 'D']) {
                "de"
            } else {
                "la"
            }
        });
        let first = i;
        let mut last = i;
        let mut possessive = false;
        loop {
            let f = &ws[last].folded;
            if f.ends_with("'s") {
                possessive = true;
                break;
            }
            let Some(n) = ws.get(last + 1) else { break };
            let gap = &sentence[ws[last].end..n.start];
            if !gap.trim().is_empty()
                || !n.is_capitalised()
                || is_breakers(&n.folded)
                || last - first >= 3
            {
                break;
            }
            last += 1;
        }
        let start = ws[first].start + cut;
        let raw = &sentence[start..ws[last].end];
        let text = raw
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix("’s"))
            .unwrap_or(raw);
        out.push(Run {
            first,
            last,
            text,
            possessive,
            start,
            elision,
        });
        i = last + 1;
    }
    out
}

/// A road named by the towns it links: the mention of the first town (near
/// it), and whether the next run was the second town. Read on whole words:
/// "the X-Y road", "the X–Y road", "l'axe X-Y", "la route X–Y", "the road
/// from X to Y", "la route reliant X à Y".
fn road_mention(
    s: &str,
    ws: &[Word<'_>],
    rs: &[Run<'_>],
    k: usize,
    gazetteer: &Gazetteer,
) -> Option<(Mention, bool)> {
    let run = &rs[k];
    let road = |i: Option<usize>| {
        i.and_then(|i| ws.get(i))
            .is_some_and(|w| w.has(Kind::RoadNoun))
    };
    let before1 = run.first.checked_sub(1);
    let before2 = run.first.checked_sub(2);
    let next = rs.get(k + 1);
    let dash_to_next = next.is_some_and(|n| {
        matches!(
            s[ws[run.last].end..ws[n.first].start].trim(),
            "–" | "—" | "-" | "/"
        )
    });
    let (first, second, second_run) =
        if run.text.contains('-') && (road(Some(run.last + 1)) || road(before1) || road(before2)) {
            // One hyphenated word: the longest known name first ("Gorom-Gorom").
            let parts: Vec<&str> = run.text.split('-').collect();
            let cut = (1..parts.len())
                .rev()
                .find(|&n| gazetteer.is_place_name(&fold_word(&parts[..n].join("-"))))
                .unwrap_or(1);
            (parts[..cut].join("-"), parts[cut..].join("-"), false)
        } else if dash_to_next
            && let Some(n) = next
            && (road(Some(n.last + 1)) || road(before1) || road(before2))
        {
            (run.text.to_string(), n.text.to_string(), true)
        } else if before1.is_some_and(|i| {
            ws[i].is_any(&["reliant", "linking", "connecting", "joining"])
                || (ws[i].is_any(&["from", "de"]) && road(before2))
        }) && let Some(n) = next
            && ws[run.last + 1..n.first]
                .iter()
                .all(|w| w.is_any(&["to", "and", "a", "et"]))
            && n.first == run.last + 2
        {
            (run.text.to_string(), n.text.to_string(), true)
        } else {
            return None;
        };
    if first.is_empty() || second.is_empty() {
        return None;
    }
    let end = if second_run {
        next.map_or(ws[run.last].end, |n| ws[n.last].end)
    } else {
        ws[run.last].end
    };
    Some((
        Mention {
            written: first.clone(),
            start: run.start,
            end,
            role: Role::Site,
            qualifier: None,
            near: true,
            unit: String::new(),
            context: Some(format!("on the road between {first} and {second}")),
        },
        second_run,
    ))
}

/// The report-wide context for place analysis.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// ISO2 of the country the report is mostly about.
    pub country: Option<&'static str>,
    /// Every country the report points to (names, adjectives, capitals,
    /// admin units); empty when it points to none. A place is never put in
    /// a country outside this list: a village the gazetteer lacks must not
    /// become its namesake abroad.
    pub allowed: Vec<&'static str>,
    /// Folded names found in a telling pattern somewhere in the report.
    pub known: BTreeSet<String>,
    /// Folded names to ignore everywhere (attackers' bases).
    pub skipped: BTreeSet<String>,
}

impl Context {
    /// Whether a place in country `cc` may be where this report's events
    /// happened.
    pub fn allows(&self, cc: &str) -> bool {
        self.allowed.is_empty() || self.allowed.contains(&cc)
    }

    /// The context of a roundup's section about one country: that country
    /// only.
    pub fn for_section(&self, cc: &'static str) -> Context {
        Context {
            country: Some(cc),
            allowed: vec![cc],
            ..self.clone()
        }
    }
}

/// The country a national capital stands for, when a dateline or a
/// sentence names it.
fn capital_country(folded: &str) -> Option<&'static str> {
    Some(match folded {
        "ouagadougou" => "BF",
        "bamako" => "ML",
        "niamey" => "NE",
        "lome" => "TG",
        "cotonou" | "porto-novo" => "BJ",
        _ => return None,
    })
}

/// Every country the report points to: country names and adjectives, in
/// English or French, capitalised or not ("l'armée burkinabè", "soldats
/// nigériens"), and national capitals (datelines). Admin units named in
/// the report are added by the caller once they are resolved.
pub fn pointed_countries(split: &[Vec<Word<'_>>], gazetteer: &Gazetteer) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for ws in split {
        for (i, w) in ws.iter().enumerate() {
            let f = w.folded.as_ref();
            // "toward the Niger border", "la frontière malienne": a border
            // says where the attackers went, not where the event was.
            let border = |x: &Word<'_>| {
                x.is_any(&["border", "borders", "frontier", "frontiere", "frontieres"])
            };
            if ws[i.saturating_sub(3)..i].iter().any(border)
                || ws.iter().skip(i + 1).take(2).any(border)
            {
                continue;
            }
            // Most words are not country words: only these can start one.
            let could = w.is_capitalised()
                || ["burkin", "mali", "niger", "togo", "benin", "beni"]
                    .iter()
                    .any(|p| f.starts_with(p));
            if !could || f.len() < 4 {
                continue;
            }
            if let Some(cc) = gazetteer
                .find_country(w.text)
                .or_else(|| capital_country(f))
                && !out.contains(&cc)
            {
                out.push(cc);
            }
        }
    }
    out
}

/// GeoNames' country rows, for the countries whose row the bundled files
/// lack (only Burkina Faso's dump holds its own).
const COUNTRY_IDS: [(&str, i64); 5] = [
    ("BF", 2361809),
    ("ML", 2453866),
    ("NE", 2440476),
    ("TG", 2363686),
    ("BJ", 2395170),
];

/// The country itself as a place coded to its region (geo precision 3),
/// for an incident whose village the gazetteer lacks and whose report names
/// no unit: the gazetteer's country row, or one made at the mean of the
/// country's first-order units (a point inside it, honest about being
/// only the country).
pub fn country_place(cc: &'static str, gazetteer: &Gazetteer) -> Option<Resolved> {
    let id = COUNTRY_IDS
        .iter()
        .find(|(c, _)| *c == cc)
        .map(|(_, id)| *id)?;
    let place = match gazetteer.place(id) {
        Some(p) => p.clone(),
        None => {
            // The neighbours' regions have no rows of their own in the
            // bundled files: they are among the few synthetic units, so the
            // long list of places is walked only when those miss.
            let adm1 = |p: &&Place| p.country_code == cc && p.feature_code == "ADM1";
            let mut units: Vec<&Place> = gazetteer.synthetic_units().iter().filter(adm1).collect();
            if units.is_empty() {
                units = gazetteer.places().iter().filter(adm1).collect();
            }
            if units.is_empty() {
                return None;
            }
            let n = units.len() as f64;
            Place {
                geonameid: id,
                name: crate::gazetteer::Gazetteer::country_name(cc)?.to_string(),
                ascii_name: String::new(),
                alternate_names: Vec::new(),
                latitude: units.iter().map(|p| p.latitude).sum::<f64>() / n,
                longitude: units.iter().map(|p| p.longitude).sum::<f64>() / n,
                feature_class: "A".to_string(),
                feature_code: "PCLI".to_string(),
                country_code: cc.to_string(),
                admin1_code: String::new(),
                admin2_code: String::new(),
                population: 0,
                origin: crate::model::PlaceOrigin::GeoNames,
            }
        }
    };
    Some(Resolved {
        written: place.name.clone(),
        place,
        precision: GeoPrecision::Region,
        role: Role::Admin,
        detail: None,
        context: None,
    })
}

/// The countries of the admin units a report names with their unit word
/// ("Boucle du Mouhoun region", "département de l'Atacora"): they point to
/// their country as surely as its name does.
pub fn unit_countries(mentions: &[Vec<Mention>], gazetteer: &Gazetteer) -> Vec<&'static str> {
    let mut out = Vec::new();
    for m in mentions
        .iter()
        .flatten()
        .filter(|m| m.role == Role::Admin && !m.unit.is_empty())
    {
        if let Some(p) = lookup_unit_or_town(&m.written, &m.unit, None, gazetteer)
            .filter(|p| p.feature_class == "A")
            && let Some(cc) =
                Gazetteer::country_name(&p.country_code).and_then(|n| gazetteer.find_country(n))
            && !out.contains(&cc)
        {
            out.push(cc);
        }
    }
    out
}

/// A roundup's section header ("Niger:", "BURKINA FASO -", "Mali : ..."):
/// the country it opens, when a sentence starts with one.
pub fn section_country(sentence: &str, gazetteer: &Gazetteer) -> Option<&'static str> {
    let t = sentence.trim();
    // A header line that is only the country ("MALI", "Bénin").
    if t.len() <= 30
        && let Some(cc) = gazetteer.find_country(t.trim_end_matches(['.', ':']))
    {
        return Some(cc);
    }
    let cut = t.find([':', '–', '—']).or_else(|| t.find(" - "))?;
    let head = t[..cut].trim();
    if head.is_empty() || head.len() > 30 {
        return None;
    }
    gazetteer.find_country(head)
}

/// Counts country names and adjectives to find the report's main country;
/// a dateline's country counts three times.
/// `split` holds each sentence's words.
pub fn main_country(
    sentences: &[&str],
    split: &[Vec<Word<'_>>],
    gazetteer: &Gazetteer,
) -> Option<&'static str> {
    let mut counts: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let mut order = 0;
    for (k, (s, ws)) in sentences.iter().zip(split).enumerate() {
        for run in runs(s, ws) {
            for cand in country_names(&run, ws).into_iter().flatten() {
                if let Some(cc) = gazetteer.find_country(cand) {
                    let weight = if k < 4 && s.len() < 80 && s.contains(',') {
                        3
                    } else {
                        1
                    };
                    let e = counts.entry(cc).or_insert((0, order));
                    e.0 += weight;
                    order += 1;
                    break;
                }
            }
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
        .map(|(cc, _)| cc)
}

/// The whole run and its first word ("Burkina Faso", "Burkinabe").
fn country_names<'s>(run: &Run<'s>, ws: &[Word<'s>]) -> [Option<&'s str>; 2] {
    [
        Some(run.text),
        (run.last > run.first).then(|| ws[run.first].text),
    ]
}

/// Finds the mentions of every sentence. Two passes: telling patterns
/// first, then bare names already seen in a pattern.
/// `split` holds each sentence's words.
pub fn find_all(
    sentences: &[&str],
    split: &[Vec<Word<'_>>],
    ctx: &mut Context,
    gazetteer: &Gazetteer,
) -> Vec<Vec<Mention>> {
    // Both passes read the same runs: find them once per sentence.
    let all_runs: Vec<Vec<Run<'_>>> = sentences
        .iter()
        .zip(split)
        .map(|(s, ws)| runs(s, ws))
        .collect();
    let mut all: Vec<Vec<Mention>> = sentences
        .iter()
        .zip(split)
        .zip(&all_runs)
        .map(|((s, ws), rs)| patterned(s, ws, rs, ctx, gazetteer))
        .collect();
    for ms in &all {
        for m in ms {
            if matches!(m.role, Role::Site | Role::District | Role::Admin) {
                ctx.known.insert(fold_word(&m.written));
            }
        }
    }
    for ((ws, rs), ms) in split.iter().zip(&all_runs).zip(all.iter_mut()) {
        for run in rs {
            let f = fold_word(run.text);
            let taken = ms.iter().any(|m| m.start <= run.start && run.start < m.end);
            let origin = run.first > 0 && ws[run.first - 1].is_any(&["from", "de", "depuis"]);
            if !taken && !origin && ctx.known.contains(&f) && !ctx.skipped.contains(&f) {
                ms.push(Mention {
                    written: run.text.to_string(),
                    start: run.start,
                    end: ws[run.last].end,
                    role: Role::Passing,
                    qualifier: None,
                    near: false,
                    unit: String::new(),
                    context: None,
                });
            }
        }
    }
    all
}

/// The mentions of one sentence that sit in a telling pattern.
/// `rs` holds the sentence's runs.
fn patterned(
    s: &str,
    ws: &[Word<'_>],
    rs: &[Run<'_>],
    ctx: &mut Context,
    gazetteer: &Gazetteer,
) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut prev_role: Option<(usize, Option<Role>)> = None;
    // The last word of X in "between X and Y", while Y is awaited.
    let mut between_end: Option<usize> = None;
    // The second town of a road already read ("Dori–Gorom road").
    let mut skipped_run: Option<usize> = None;
    for (k, run) in rs.iter().enumerate() {
        let f = fold_word(run.text);
        let before = |n: usize| -> Option<&Word<'_>> { run.first.checked_sub(n).map(|i| &ws[i]) };
        let after = |n: usize| -> Option<&Word<'_>> { ws.get(run.last + n) };
        let gap_after = after(1)
            .map(|n| &s[ws[run.last].end..n.start])
            .unwrap_or("");
        // "DAKAR (Reuters) –": a wire dateline names the desk, not the event.
        if run.first == 0 && gap_after.trim() == "(" {
            continue;
        }
        // Liptako is also, since 2025, the name of Burkina Faso's Sahel
        // region: with a unit word beside it, it is that region.
        let unit_word_beside = after(1).is_some_and(|w| is_admin_nouns(&w.folded))
            || (before(1).is_some_and(|w| w.is_any(&["du", "de", "of"]))
                && before(2).is_some_and(|w| is_admin_nouns(&w.folded)));
        let macro_region = is_macro_regions(&f) && !(is_regions_since_2025(&f) && unit_word_beside);
        // Where attackers are based is skipped as a bare name elsewhere in
        // the report, but a name in a telling pattern of its own ("10 km
        // from Nouna") still counts: survivors may have fled to a town
        // that is named again for what happened there.
        if macro_region {
            prev_role = Some((run.last, None));
            continue;
        }
        // A country, or a Title Case headline run that starts with one
        // ("Togo Leaves Military Barracks").
        let head2 = (run.last > run.first)
            .then(|| s.get(ws[run.first].start..ws[run.first + 1].end))
            .flatten();
        if gazetteer.find_country(run.text).is_some()
            || gazetteer.find_country(ws[run.first].text).is_some()
            || head2.is_some_and(|h| gazetteer.find_country(h).is_some())
        {
            prev_role = Some((run.last, None));
            continue;
        }
        // An elided "d'" or "l'" is the word just before the name.
        let shift = usize::from(run.elision.is_some());
        let b1 = match run.elision {
            Some(e) => e,
            None => before(1).map_or("", |w| w.folded.as_ref()),
        };
        let b2 = before(2 - shift).map_or("", |w| w.folded.as_ref());
        let b3 = before(3 - shift).map_or("", |w| w.folded.as_ref());
        let a1 = after(1).map_or("", |w| w.folded.as_ref());
        if skipped_run == Some(k) {
            prev_role = Some((run.last, None));
            continue;
        }
        // A road between two towns ("the Dori-Gorom road", "l'axe
        // Dori–Gorom-Gorom", "the road from Kaya to Kongoussi"): coded near
        // the first town, with the road in the notes.
        if let Some(road) = road_mention(s, ws, rs, k, gazetteer) {
            let skip_next = road.1;
            out.push(road.0);
            prev_role = Some((if skip_next { rs[k + 1].last } else { run.last }, None));
            if skip_next {
                skipped_run = Some(k + 1);
            }
            continue;
        }
        let mut role = None;
        // Where attackers live or went back to is not where they struck.
        let away = is_away_verbs(b2) && matches!(b1, "in" | "to" | "a" | "dans" | "vers")
            || (b1 == "to" && b2 == "back" && is_away_verbs(b3))
            || (b1 == "from" && b2 == "reporting");
        // "Djibo and Arbinda", and also "Djibo on Saturday and Arbinda on
        // Sunday", "Djibo le 10 mai et Arbinda": a date between the two
        // names does not break the pair.
        let coordinated = matches!(b1, "and" | "et" | "or" | "ou")
            && prev_role.is_some_and(|(end, _)| {
                end + 2 == run.first
                    || (end + 2 < run.first
                        && ws[end + 1..run.first - 1]
                            .iter()
                            .all(|w| is_date_filler(&w.folded)))
            });
        if away {
            ctx.skipped.insert(f.clone());
            prev_role = Some((run.last, None));
            continue;
        }
        // "between X and Y": Y only says which way from X.
        let second_of_pair =
            coordinated && between_end.is_some_and(|end| prev_role.is_some_and(|p| p.0 == end));
        between_end = None;
        if second_of_pair {
            role = Some(Role::Reference);
        } else if coordinated {
            match prev_role.and_then(|(_, r)| r) {
                Some(r) => role = Some(r),
                None => {
                    // The previous name was skipped ("based in Kompienga
                    // and Pama"): so is this one.
                    ctx.skipped.insert(f.clone());
                    prev_role = Some((run.last, None));
                    continue;
                }
            }
        }
        if role.is_none() && is_admin_nouns(a1) && !run.possessive {
            role = Some(Role::Admin);
        }
        if role.is_none() && a1 == "district" {
            role = Some(Role::District);
        }
        // "the Djibo area", "the Téra zone"
        let area_after = b1 == "the" && matches!(a1, "area" | "zone" | "sector");
        if role.is_none() && area_after {
            role = Some(Role::Site);
        }
        // "between Djibo and Tongomayel", "entre Djibo et Tongomayel": on
        // the way between two places, coded near the first.
        let mut context = None;
        let between = role.is_none() && matches!(b1, "between" | "entre");
        if between {
            role = Some(Role::Site);
            let pair = rs
                .get(k + 1)
                .filter(|n| n.first == run.last + 2 && ws[run.last + 1].is_any(&["and", "et"]));
            if let Some(n) = pair {
                context = Some(format!("between {} and {}", run.text, n.text));
                between_end = Some(run.last);
            }
        }
        if role.is_none() {
            role = match (b1, b2) {
                ("of" | "de", d) if is_admin_nouns(d) => Some(Role::Admin),
                ("du" | "la" | "des", "province" | "region" | "cercle") => Some(Role::Admin),
                ("la", "de") if is_admin_nouns(b3) => Some(Role::Admin),
                ("of" | "de", d) if is_site_noun(d) => Some(Role::Site),
                ("of" | "de", adj) if is_site_adjective(adj) && is_site_noun(b3) => {
                    Some(Role::Site)
                }
                ("of" | "de", d) if is_directions(d) => Some(Role::Reference),
                // "50 km from Mopti", "à une cinquantaine de kilomètres de Mopti",
                // "some 50 km upstream from Malanville".
                ("from" | "de", "km" | "kilometres" | "kilometers" | "miles" | "kilometre") => {
                    Some(Role::Reference)
                }
                ("from", "upstream" | "downstream" | "away") => Some(Role::Reference),
                ("de", d) if is_near_preps(d) => Some(Role::Site),
                (v, _) if is_attack_verbs(v) => Some(Role::Site),
                // "an attack on Djibo", "the assault on Dargo"
                ("on", n) if is_attack_nouns(n) => Some(Role::Site),
                ("from" | "de", _) => None,
                (p, _) if is_site_preps(p) => Some(Role::Site),
                _ => None,
            };
        }
        // "X, Y": a place qualified by a larger one.
        let mut qualifier = None;
        if let Some(next) = rs.get(k + 1) {
            let gap = &s[ws[run.last].end..ws[next.first].start];
            if gap.trim() == "," && gazetteer.find_country(next.text).is_none() {
                // Keep the unit word: "Yagha province" asks for the unit.
                qualifier = Some(match ws.get(next.last + 1) {
                    Some(w) if is_admin_nouns(&w.folded) => format!("{} {}", next.text, w.text),
                    _ => next.text.to_string(),
                });
            }
        }
        if qualifier.is_none() {
            // "Dargo, located in Burkina Faso's Kaya province"
            let tail = &s[ws[run.last].end..];
            if let Some(rest) = tail
                .trim_start()
                .strip_prefix(", located in ")
                .or_else(|| tail.trim_start().strip_prefix(", situé dans "))
                .or_else(|| tail.trim_start().strip_prefix(", dans "))
            {
                let rw = words(rest);
                let names: Vec<&Word<'_>> = rw
                    .iter()
                    .take(6)
                    .take_while(|w| !is_admin_nouns(&w.folded))
                    .filter(|w| w.is_capitalised())
                    .collect();
                if let Some(last) = names.last() {
                    let name = last.text.trim_end_matches("'s").to_string();
                    if gazetteer.find_country(&name).is_none() {
                        qualifier = Some(name);
                    }
                }
            }
        }
        if role.is_none() && qualifier.is_some() {
            role = Some(Role::Site);
        }
        if is_capitals(&f) && role.is_some() {
            role = Some(Role::Capital);
        }
        prev_role = Some((run.last, role));
        // "in the commune of Arbinda": the commune's seat, but the commune
        // spreads over many villages, so only near it.
        let near = is_near_preps(b1)
            || (b1 == "de" && is_near_preps(b2))
            || (matches!(b1, "of" | "de") && is_area_noun(b2))
            || area_after
            || between;
        let unit = if is_admin_nouns(a1) {
            after(1).map_or("", |w| w.text)
        } else if is_admin_nouns(b2) {
            before(2 - shift).map_or("", |w| w.text)
        } else if is_admin_nouns(b3) {
            before(3 - shift).map_or("", |w| w.text)
        } else {
            ""
        };
        if let Some(role) = role {
            out.push(Mention {
                written: run.text.to_string(),
                start: run.start,
                end: ws[run.last].end,
                role,
                qualifier,
                near,
                unit: unit.to_lowercase(),
                context,
            });
        }
    }
    // The qualifier of "X, Y" is part of X's mention, not a second site.
    let quals: Vec<String> = out.iter().filter_map(|m| m.qualifier.clone()).collect();
    out.retain(|m| {
        !(m.role == Role::Site
            && quals
                .iter()
                .any(|q| q == &m.written || q.starts_with(&format!("{} ", m.written))))
    });
    out
}

/// Looks every mention up and orders the results best first.
pub fn resolve(mentions: &[Mention], ctx: &Context, gazetteer: &Gazetteer) -> SentencePlaces {
    let mut result = SentencePlaces::default();
    // Admin units named in the sentence guide the other lookups.
    let mut hints: Vec<(String, (f64, f64))> = Vec::new();
    let mut unit_country: Option<String> = None;
    for m in mentions.iter().filter(|m| m.role == Role::Admin) {
        if let Some(p) = lookup_unit_or_town(&m.written, &m.unit, ctx.country, gazetteer)
            .filter(|p| ctx.allows(&p.country_code) || is_notable(p))
        {
            hints.push((m.written.clone(), (p.latitude, p.longitude)));
            if p.feature_class == "A" && unit_country.is_none() {
                unit_country = Some(p.country_code.clone());
            }
        }
    }
    // "Torodi (Tillabéri region)" in a report mostly about Burkina Faso:
    // the unit beside the name says which country's Torodi.
    let unit_ctx = unit_country
        .as_deref()
        .filter(|cc| Some(*cc) != ctx.country)
        .and_then(|cc| COUNTRY_IDS.iter().map(|(c, _)| *c).find(|c| *c == cc))
        .map(|cc| Context {
            country: Some(cc),
            ..ctx.clone()
        });
    let ctx = unit_ctx.as_ref().unwrap_or(ctx);
    for m in mentions {
        let found = resolve_one(m, ctx, &hints, gazetteer)
            .filter(|r| ctx.allows(&r.place.country_code) || is_notable(&r.place));
        if let Some(r) = found {
            if !result
                .resolved
                .iter()
                .any(|x| x.place.geonameid == r.place.geonameid)
            {
                result.resolved.push(r);
            }
        } else if matches!(m.role, Role::Site | Role::District) {
            result.unresolved.push(m.written.clone());
        }
    }
    let rank = |r: &Resolved| match (r.role, r.precision) {
        (Role::Site, GeoPrecision::Exact) => 0,
        (Role::Site, _) => 1,
        (Role::District, _) => 2,
        // A department coded near its seat is as fine as a district.
        (Role::Admin, GeoPrecision::Near) => 2,
        (Role::Passing, GeoPrecision::Exact) => 3,
        // "15 km north of Torodi (Tillabéri region)": near the town beats
        // the whole region.
        (Role::Reference, _) => 4,
        (Role::Admin, _) => 5,
        (Role::Passing, _) => 6,
        (Role::Capital, _) => 7,
    };
    result.resolved.sort_by_key(rank);
    // "near Karimama, some 50 km upstream from Malanville" in a report on
    // Benin: a name found only in another country gives way to the places
    // the sentence names in the report's own.
    if let Some(main) = ctx.country
        && result
            .resolved
            .iter()
            .any(|r| r.place.country_code == main && r.role != Role::Capital)
    {
        let (keep, abroad): (Vec<Resolved>, Vec<Resolved>) = result
            .resolved
            .into_iter()
            .partition(|r| r.place.country_code == main || is_notable(&r.place));
        result.unresolved.extend(
            abroad
                .into_iter()
                .filter(|r| r.role == Role::Site)
                .map(|r| r.written),
        );
        result.resolved = keep;
    }
    // A site the gazetteer lacks, in a unit it knows ("the village of
    // Nadjoundi in Kpendjal prefecture"): the unit stands in, and says for
    // whom, so the analyst sees the fallback.
    if let Some(missing) = result.unresolved.first()
        && let Some(unit) = result
            .resolved
            .iter_mut()
            .find(|r| r.role == Role::Admin && r.detail.is_none())
    {
        unit.detail = Some(missing.clone());
    }
    let admin_written = mentions
        .iter()
        .find(|m| m.role == Role::Admin)
        .map(|m| format!("{} {}", m.written, m.unit).trim().to_string());
    for r in &mut result.resolved {
        if r.context.is_none() {
            r.context.clone_from(&admin_written);
        }
    }
    result
}

/// An admin mention ("Loroum province", "région du Sahel"): the unit first,
/// asked for with the unit word the report used; a town of that name only
/// when no unit has it.
/// The lookups lend the gazetteer's place; only what a mention resolves to
/// is cloned (a place carries all its alternate names).
fn lookup_unit_or_town<'g>(
    name: &str,
    unit: &str,
    country: Option<&str>,
    gazetteer: &'g Gazetteer,
) -> Option<&'g Place> {
    let asked = if unit.is_empty() {
        name.to_string()
    } else {
        format!("{name} {unit}")
    };
    if let Some(c) = gazetteer.rank_admin(&asked, country).first() {
        return Some(c.place);
    }
    // "le département de l'Atacora": Benin's departments are its
    // first-order units, which the unit word alone would not look for.
    if !unit.is_empty()
        && let Some(c) = gazetteer.rank_admin(name, country).first()
    {
        return Some(c.place);
    }
    lookup_town(name, country, gazetteer)
}

/// A qualifier ("Wuriyanga, Djibo"): a bare name beside a place is the town
/// (Djibo the town, not the department of the same name); a name written
/// with its unit word ("Yagha province") is the unit.
fn lookup_town_or_unit<'g>(
    name: &str,
    country: Option<&str>,
    gazetteer: &'g Gazetteer,
) -> Option<&'g Place> {
    let last = name.rsplit(' ').next().map(fold_word).unwrap_or_default();
    if is_admin_nouns(&last) {
        let bare = name.rsplit_once(' ').map_or(name, |(b, _)| b);
        return lookup_unit_or_town(bare, &last, country, gazetteer);
    }
    lookup_town(name, country, gazetteer)
        .or_else(|| gazetteer.rank_admin(name, country).first().map(|c| c.place))
}

/// The best populated place of that name.
fn lookup_town<'g>(
    name: &str,
    country: Option<&str>,
    gazetteer: &'g Gazetteer,
) -> Option<&'g Place> {
    let q = PlaceQuery {
        name,
        country,
        admin_hint: None,
        near: Vec::new(),
    };
    gazetteer
        .rank(&q)
        .into_iter()
        .map(|c| c.place)
        .find(|p| p.feature_class == "P")
}

fn precision_of(place: &Place, wanted: GeoPrecision) -> GeoPrecision {
    if place.feature_class == "A" {
        GeoPrecision::Region
    } else {
        wanted
    }
}

fn resolve_one(
    m: &Mention,
    ctx: &Context,
    hints: &[(String, (f64, f64))],
    gazetteer: &Gazetteer,
) -> Option<Resolved> {
    let make = |place: Place, precision: GeoPrecision, detail: Option<String>| Resolved {
        precision: precision_of(&place, precision),
        place,
        role: m.role,
        written: m.written.clone(),
        detail,
        context: m.context.clone(),
    };
    match m.role {
        Role::Admin => {
            let p = lookup_unit_or_town(&m.written, &m.unit, ctx.country, gazetteer)?;
            // A department or province named after its seat ("le
            // département de Tillia"): near the seat, as ACLED codes it,
            // rather than only the unit.
            // Burkina Faso's provinces (ADM2) carry the names of rivers and
            // old kingdoms (Tapoa, seat Diapaga); its departments, and the
            // neighbours' departments, cercles and communes, their seat's.
            let named_after_seat = match p.feature_code.as_str() {
                "ADM3" => true,
                "ADM2" => p.country_code != "BF",
                _ => false,
            };
            if named_after_seat && let Some(seat) = seat_of(p, gazetteer) {
                return Some(make(seat.clone(), GeoPrecision::Near, None));
            }
            return Some(make(p.clone(), GeoPrecision::Region, None));
        }
        Role::District => {
            if let Some(p) = lookup_place(&m.written, ctx, None, &[], gazetteer) {
                return Some(make(p.clone(), GeoPrecision::Near, None));
            }
            let p = gazetteer.rank_admin(&m.written, ctx.country).first()?.place;
            return Some(make(p.clone(), GeoPrecision::Region, None));
        }
        _ => {}
    }
    let wanted = match m.role {
        Role::Reference => GeoPrecision::Near,
        _ if m.near => GeoPrecision::Near,
        _ => GeoPrecision::Exact,
    };
    let mut near: Vec<(f64, f64)> = hints.iter().map(|h| h.1).collect();
    let admin_hint = m
        .qualifier
        .clone()
        .or_else(|| hints.first().map(|h| h.0.clone()));
    let qual_place = m
        .qualifier
        .as_deref()
        .and_then(|q| lookup_town_or_unit(q, ctx.country, gazetteer));
    if let Some(q) = &qual_place {
        near.push((q.latitude, q.longitude));
    }
    if let Some(p) = lookup_place(&m.written, ctx, admin_hint.as_deref(), &near, gazetteer) {
        return Some(make(p.clone(), wanted, None));
    }
    // "Kalamba, Kaya": the village is unknown, the town it is near is not.
    let q = qual_place?;
    Some(Resolved {
        precision: precision_of(q, GeoPrecision::Near),
        place: q.clone(),
        role: m.role,
        written: m.qualifier.clone().unwrap_or_default(),
        detail: Some(m.written.clone()),
        context: None,
    })
}

fn lookup_place<'g>(
    name: &str,
    ctx: &Context,
    admin_hint: Option<&str>,
    near: &[(f64, f64)],
    gazetteer: &'g Gazetteer,
) -> Option<&'g Place> {
    let q = PlaceQuery {
        name,
        country: ctx.country,
        admin_hint,
        near: near.to_vec(),
    };
    // Ranked without reasons: only the places are read here.
    let found = gazetteer.rank(&q);
    // A name one or two letters off is trusted only close to a place the
    // sentence names: "Kalamba, Kaya" must not become a Kalomba 90 km away.
    let usable = |c: &crate::gazetteer::Ranked<'_>| {
        matches!(c.place.feature_class.as_str(), "P" | "A")
            && (!c.guessed
                || near.iter().any(|&(lat, lon)| {
                    distance_km(lat, lon, c.place.latitude, c.place.longitude) < 40.0
                }))
    };
    if let Some(c) = found
        .iter()
        .find(|c| usable(c) && ctx.allows(&c.place.country_code))
    {
        return Some(c.place);
    }
    // Outside the countries the report points to, only a town that stands
    // for itself (a seat, a large town), never a village's namesake: a
    // Malian village absent from the gazetteer must not become the
    // Burkina hamlet of the same name.
    let abroad = if ctx.country.is_some() {
        gazetteer.rank(&PlaceQuery { country: None, ..q })
    } else {
        found
    };
    abroad
        .into_iter()
        .find(|c| usable(c) && is_notable(c.place))
        .map(|c| c.place)
}

/// The town a second- or third-order unit is named after: a populated
/// place of the unit's bare name in the same country, within 40 km of the
/// unit's point.
fn seat_of<'g>(unit: &Place, gazetteer: &'g Gazetteer) -> Option<&'g Place> {
    let bare = crate::gazetteer::display_bare_name(&unit.name);
    let q = PlaceQuery {
        name: bare,
        country: Some(&unit.country_code),
        admin_hint: None,
        near: vec![(unit.latitude, unit.longitude)],
    };
    gazetteer.rank(&q).into_iter().map(|c| c.place).find(|p| {
        p.feature_class == "P"
            && p.country_code == unit.country_code
            && fold_word(&p.name) == fold_word(bare)
            && distance_km(p.latitude, p.longitude, unit.latitude, unit.longitude) < 40.0
    })
}

/// A place that names itself beyond doubt: a region, a seat of government,
/// a town of 10,000 or more, in Burkina Faso, Mali, Niger, Togo or Benin. A village that merely shares its department's
/// name (Kona, Burkina Faso) is not: its namesake abroad may be meant.
pub fn is_notable(place: &Place) -> bool {
    // Only in the five countries the atlas covers: a Nigerian or Chadian
    // town of the same name is never what a Sahel report meant.
    if !COUNTRY_IDS.iter().any(|(cc, _)| *cc == place.country_code) {
        return false;
    }
    if place.feature_class == "A" {
        return place.feature_code == "ADM1";
    }
    place.feature_code.starts_with("PPLA")
        || place.feature_code == "PPLC"
        || place.population >= 10_000
}
