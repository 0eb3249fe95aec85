//! The country context of a report and of its sections: which countries it
//! points to (`pointed_countries`, `unit_countries`), which one it is mostly
//! about (`main_country`), where a roundup opens a section on another
//! (`section_country`), and the country as a place of last resort
//! (`country_place`).
//!
//! A place is never put in a country the report does not point to, so this
//! is settled before any name is looked up.

use std::collections::{BTreeMap, BTreeSet};

use crate::extract::words::Word;
use crate::gazetteer::Gazetteer;
use crate::model::{GeoPrecision, Place};

use super::lookup::lookup_unit_or_town;
use super::runs::{Run, runs};
use super::{Mention, Resolved, Role};

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
pub(super) const COUNTRY_IDS: [(&str, i64); 5] = [
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
