//! Roads named by the towns they link ("on the Dori–Gorom road", "l'axe
//! Kaya-Kongoussi", "the road from Kaya to Kongoussi").
//!
//! Such a road is coded near its first town with the road in the notes, and
//! its second town must not be read as a second site: the pattern needs
//! both runs at once, so it has its own reader.

use crate::extract::lexicon::Kind;
use crate::extract::words::{Word, fold_word};
use crate::gazetteer::Gazetteer;

use super::runs::Run;
use super::{Mention, Role};

/// A road named by the towns it links: the mention of the first town (near
/// it), and whether the next run was the second town. Read on whole words:
/// "the X-Y road", "the X–Y road", "l'axe X-Y", "la route X–Y", "the road
/// from X to Y", "la route reliant X à Y".
pub(super) fn road_mention(
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
