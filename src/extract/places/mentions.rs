//! Finding place mentions in sentences: which runs of capitalised words sit
//! in a telling pattern ("in X", "village of X", "X province", "X, Y",
//! "between X and Y", ...) and with what role, then the bare names already
//! seen in such a pattern elsewhere in the report.
//!
//! Only the words around a name are read here; what the gazetteer makes of
//! it is `lookup`'s business.

use crate::extract::words::{Word, fold_word, words};
use crate::gazetteer::Gazetteer;

use super::context::Context;
use super::roads::road_mention;
use super::runs::{Run, runs};
use super::vocabulary::{
    is_admin_nouns, is_area_noun, is_attack_nouns, is_attack_verbs, is_away_verbs, is_capitals,
    is_date_filler, is_directions, is_macro_regions, is_near_preps, is_regions_since_2025,
    is_site_adjective, is_site_noun, is_site_preps,
};
use super::{Mention, Role};

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
