//! Who fought whom: actor mentions and their ACLED-style names.
//!
//! Aliases are matched on folded words, English and French, with the
//! spelling variants reporters use for the same group. In the Sahel an
//! "al-Qaeda affiliate" is JNIM and an "Islamic State" unit is the Sahel
//! Province, so those generic names map to the regional branch.
//!
//! State forces are named after the country where the incident happened
//! (not where the soldiers come from) and carry ACLED's regime period.

use chrono::NaiveDate;

use super::words::{Word, words};

/// The kinds of actor the rules tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorKind {
    Jnim,
    IslamicState,
    /// An armed group the report does not name ("gunmen", "insurgents").
    UnnamedGroup,
    Vdp,
    Military,
    Civilians,
}

impl ActorKind {
    /// Non-state armed groups: the usual perpetrators.
    pub fn is_armed_group(self) -> bool {
        matches!(
            self,
            ActorKind::Jnim | ActorKind::IslamicState | ActorKind::UnnamedGroup
        )
    }

    /// Named groups outrank the generic "gunmen".
    pub fn is_named_group(self) -> bool {
        matches!(self, ActorKind::Jnim | ActorKind::IslamicState)
    }
}

/// An actor named in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorMention {
    pub kind: ActorKind,
    /// Byte offset into the sentence.
    pub start: usize,
    /// Introduced by "by"/"par": the agent of a passive sentence.
    pub agent: bool,
}

pub const JNIM: &str = "JNIM: Group for Support of Islam and Muslims";
pub const ISSP: &str = "Islamic State Sahel Province";
pub const VDP: &str = "VDP: Volunteers for the Defense of the Homeland";

/// The ACLED name of an actor kind, given the incident's country and date.
pub fn actor_name(kind: ActorKind, country: &str, country_code: &str, date: NaiveDate) -> String {
    match kind {
        ActorKind::Jnim => JNIM.to_string(),
        ActorKind::IslamicState => ISSP.to_string(),
        ActorKind::Vdp => VDP.to_string(),
        ActorKind::UnnamedGroup => format!("Unidentified Armed Group ({country})"),
        ActorKind::Civilians => format!("Civilians ({country})"),
        ActorKind::Military => military_name(country, country_code, date),
    }
}

/// "Military Forces of Burkina Faso (2022-)": ACLED splits a state's forces
/// by regime, so the period depends on the date.
pub fn military_name(country: &str, country_code: &str, date: NaiveDate) -> String {
    let since = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).is_some_and(|s| date >= s);
    let period = match country_code {
        "BF" if since(2022, 1, 24) => " (2022-)",
        "BF" => " (2015-2022)",
        "ML" if since(2021, 5, 25) => " (2021-)",
        "ML" => " (2020-2021)",
        "NE" if since(2023, 7, 26) => " (2023-)",
        "NE" => " (2021-2023)",
        "TG" => " (2005-)",
        "BJ" => " (2016-)",
        _ => "",
    };
    format!("Military Forces of {country}{period}")
}

const PASSIVE_ATTACK: &[&str] = &[
    "attacked",
    "ambushed",
    "targeted",
    "killed",
    "raided",
    "stormed",
    "claimed",
    "overrun",
    "struck",
    "hit",
    "abducted",
    "kidnapped",
    "out",
    "attaque",
    "attaques",
    "attaquee",
    "tues",
    "revendique",
    "revendiquee",
    "vise",
];

const MILITARY: &[&str] = &[
    "soldiers",
    "soldier",
    "troops",
    "army",
    "military",
    "gendarmes",
    "gendarmerie",
    "soldats",
    "militaires",
    "armee",
    "fds",
    "fama",
    "garrison",
    "servicemen",
    "policemen",
];
const CIVILIANS: &[&str] = &[
    "civilians",
    "civilian",
    "villagers",
    "workers",
    "women",
    "children",
    "worshippers",
    "herders",
    "traders",
    "farmers",
    "passengers",
    "civils",
    "villageois",
    "habitants",
    "fideles",
    "commercants",
    "eleveurs",
    "orpailleurs",
    "miners",
];
const UNNAMED: &[&str] = &[
    "gunmen",
    "insurgents",
    "jihadists",
    "jihadist",
    "militants",
    "terrorists",
    "assailants",
    "attackers",
    "bandits",
    "djihadistes",
    "terroristes",
    "assaillants",
    "insurges",
];

/// Every actor mention in `sentence`, in order.
pub fn find_actors(sentence: &str) -> Vec<ActorMention> {
    let ws = words(sentence);
    let mut out = Vec::new();
    let mut last_seen: Vec<(ActorKind, usize)> = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        if let Some(kind) = kind_at(&ws, i) {
            // A long name and its acronym ("Jama'at Nasr al-Islam wal
            // Muslimin (JNIM)") are one mention.
            let repeated = last_seen.iter().any(|(k, at)| *k == kind && i - at <= 8)
                // "Islamic State militants": the noun after a name is the same group.
                || (kind == ActorKind::UnnamedGroup
                    && last_seen.iter().any(|(k, at)| k.is_named_group() && i - at <= 3));
            last_seen.push((kind, i));
            if repeated {
                continue;
            }
            // Only a violent participle makes "by X" the attacker:
            // "a camp held by JNIM" names the target.
            let by_at = |k: usize| {
                i > k && ws[i - k].is_any(&["by", "par"]) && ws[i - k - 1].is_any(PASSIVE_ATTACK)
            };
            let agent = by_at(1) || by_at(2);
            out.push(ActorMention {
                kind,
                start: w.start,
                agent,
            });
        }
    }
    out
}

fn kind_at(ws: &[Word<'_>], i: usize) -> Option<ActorKind> {
    let w = ws[i].folded.as_str();
    let next = ws.get(i + 1).map_or("", |w| w.folded.as_str());
    let prev = if i > 0 { ws[i - 1].folded.as_str() } else { "" };
    if matches!(
        w,
        "jnim" | "jmin" | "gsim" | "ansaroul" | "ansarul" | "macina"
    ) || w.contains("qaeda")
        || w.contains("qaida")
        || w.starts_with("nasr")
        || w.starts_with("nusrat")
        || (w.starts_with("jama") && (next.starts_with("nasr") || next.starts_with("nusrat")))
    {
        return Some(ActorKind::Jnim);
    }
    if matches!(
        w,
        "isis" | "isgs" | "eigs" | "issp" | "daesh" | "daech" | "is-sahel"
    ) || (w == "islamic" && next == "state")
        || (w == "etat" && next == "islamique")
    {
        return Some(ActorKind::IslamicState);
    }
    if w == "vdp"
        || (w == "volunteers"
            && ws
                .iter()
                .skip(i)
                .take(6)
                .any(|x| x.folded.starts_with("homeland")))
        || (w == "volontaires" && ws.iter().skip(i).take(6).any(|x| x.is("patrie")))
        || (w == "pro-government" && matches!(next, "militia" | "militiamen" | "militias"))
    {
        return Some(ActorKind::Vdp);
    }
    if MILITARY.contains(&w)
        || (w == "forces" && !matches!(prev, "pro-government"))
        || (w == "security" && next == "forces")
    {
        if w == "security" {
            return None;
        }
        return Some(ActorKind::Military);
    }
    if CIVILIANS.contains(&w) {
        return Some(ActorKind::Civilians);
    }
    if UNNAMED.contains(&w)
        || (w == "armed" && matches!(next, "men" | "group" | "groups"))
        || (w == "hommes" && next == "armes")
        || (w == "individus" && next == "armes")
        || w == "fighters"
    {
        return Some(ActorKind::UnnamedGroup);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<ActorKind> {
        find_actors(s).into_iter().map(|a| a.kind).collect()
    }

    #[test]
    fn jnim_is_recognised_under_its_many_spellings() {
        for s in [
            "JNIM claimed it",
            "the Al-Qaeda-linked group struck",
            "Jama'at Nasr al-Islam wal Muslimin said",
            "Jamaat Nasratul al Islam wal Muslimin fighters",
            "le GSIM a revendiqué",
            "fighters of Ansaroul Islam",
        ] {
            assert!(kinds(s).contains(&ActorKind::Jnim), "{s}");
        }
        assert_eq!(
            kinds("Jama'at Nasr al-Islam wal Muslimin (JNIM)"),
            vec![ActorKind::Jnim]
        );
    }

    #[test]
    fn islamic_state_vdp_forces_and_civilians_are_told_apart() {
        assert_eq!(
            kinds("Islamic State fighters attacked VDP volunteers and soldiers near civilians"),
            vec![
                ActorKind::IslamicState,
                ActorKind::Vdp,
                ActorKind::Military,
                ActorKind::Civilians
            ]
        );
        assert_eq!(
            kinds("des hommes armés ont tué des villageois"),
            vec![ActorKind::UnnamedGroup, ActorKind::Civilians]
        );
    }

    #[test]
    fn the_agent_of_a_passive_sentence_is_marked() {
        let a = find_actors("Soldiers were ambushed by JNIM");
        assert!(a.iter().any(|m| m.kind == ActorKind::Jnim && m.agent));
        let a = find_actors("Islamic State fighters raided a camp held by JNIM");
        assert!(a.iter().all(|m| !m.agent));
    }

    #[test]
    fn military_names_carry_the_regime_period() {
        let d = NaiveDate::from_ymd_opt(2025, 7, 28).unwrap_or_default();
        assert_eq!(
            military_name("Burkina Faso", "BF", d),
            "Military Forces of Burkina Faso (2022-)"
        );
        assert_eq!(
            military_name("Togo", "TG", d),
            "Military Forces of Togo (2005-)"
        );
    }
}
