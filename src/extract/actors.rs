//! Who fought whom: actor mentions, their ACLED-style names, and which side
//! of the sentence each one is on.
//!
//! The names are data, not code: `data/actors.tsv` lists each actor's kind,
//! canonical name, country and English and French aliases, so an analyst can
//! add a spelling without touching the rules. In the Sahel an "al-Qaeda
//! affiliate" is JNIM (Ansaroul Islam is one of its components) and an
//! "Islamic State" unit is the Sahel Province, so those aliases point there.
//!
//! Sides come from grammar, not from the order of mention (see [`Role`]):
//! - the subject of an active violent verb acted ("gunmen killed ...");
//! - the subject of a passive one was acted upon ("soldiers were killed",
//!   "ont été tués"), and the noun after "by"/"par" acted;
//! - the subject of a defensive verb ("repelled", "repoussé") was attacked;
//! - "an attack by/of X" names the attacker, "an attack on/against X"
//!   ("contre X") the target;
//! - the object of an active verb, or what follows "killing"/"tuant", was
//!   acted upon.
//!
//! State forces are named after their own country when an alias says so
//! ("FAMa", "armée togolaise"), otherwise after the country where the
//! incident happened, and carry ACLED's regime period.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::words::{Word, fold_word};

/// The kinds of actor the rules tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorKind {
    Jnim,
    IslamicState,
    /// An armed group the report does not name ("gunmen", "insurgents").
    UnnamedGroup,
    Vdp,
    Military,
    Police,
    Wagner,
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

    /// Forces acting for a state (or alongside it).
    pub fn is_state_side(self) -> bool {
        matches!(
            self,
            ActorKind::Military | ActorKind::Police | ActorKind::Vdp | ActorKind::Wagner
        )
    }

    fn from_code(code: &str) -> Option<ActorKind> {
        Some(match code {
            "jnim" => ActorKind::Jnim,
            "islamic_state" => ActorKind::IslamicState,
            "unidentified" => ActorKind::UnnamedGroup,
            "vdp" => ActorKind::Vdp,
            "military" => ActorKind::Military,
            "police" => ActorKind::Police,
            "wagner" => ActorKind::Wagner,
            "civilians" => ActorKind::Civilians,
            _ => return None,
        })
    }
}

/// Which side of the event a mention is on, as the sentence's grammar says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Acted: subject of an active verb, agent after "by"/"par".
    Agent,
    /// Was acted upon: object, subject of a passive or defensive verb.
    Patient,
    /// The sentence does not say.
    Unknown,
}

/// An actor named in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorMention {
    pub kind: ActorKind,
    /// Byte offset into the sentence.
    pub start: usize,
    /// Introduced by "by"/"par" after a violent participle.
    pub agent: bool,
    pub role: Role,
    /// The country the alias itself names ("FAMa" is Mali's army).
    pub country: Option<&'static str>,
}

pub const JNIM: &str = "JNIM: Group for Support of Islam and Muslims";
pub const ISSP: &str = "Islamic State Sahel Province";
pub const VDP: &str = "VDP: Volunteers for the Defense of the Homeland";

/// `data/actors.tsv` could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActorsError {
    #[error("actors.tsv line {line}: expected 4 tab-separated columns, found {found}")]
    Columns { line: usize, found: usize },
    #[error("actors.tsv line {line}: unknown actor kind {kind:?}")]
    Kind { line: usize, kind: String },
}

/// One word of an alias.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pattern {
    Exact(String),
    Prefix(String),
    Contains(String),
}

impl Pattern {
    fn parse(word: &str) -> Pattern {
        match (word.strip_prefix('*'), word.strip_suffix('*')) {
            (Some(_), Some(_)) if word.len() > 2 => {
                Pattern::Contains(word[1..word.len() - 1].to_string())
            }
            (None, Some(p)) => Pattern::Prefix(p.to_string()),
            _ => Pattern::Exact(word.to_string()),
        }
    }

    fn fits(&self, folded: &str) -> bool {
        match self {
            Pattern::Exact(w) => folded == w,
            Pattern::Prefix(p) => folded.starts_with(p.as_str()),
            // A plain scan: the words are short, and `str::contains` sets
            // up a searcher for each of the report's thousand words.
            Pattern::Contains(c) => {
                let (c, word) = (c.as_bytes(), folded.as_bytes());
                // Most words lack the needle's first letter: one byte scan.
                c.first().is_some_and(|head| word.contains(head))
                    && word.windows(c.len()).any(|w| w == c)
            }
        }
    }
}

/// FNV-1a: the tables below are probed once per word of every report, and
/// for keys this short SipHash's setup costs more than the probe.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

type WordMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// What a word says about the sides, as bits: one probe per word instead
/// of a scan of every list for every word right of every mention.
const CUE_VIOLENT: u8 = 1;
const CUE_DEFENSIVE: u8 = 2;
const CUE_PASSIVE_AUX: u8 = 4;
const CUE_ATTACK_NOUN: u8 = 8;

/// One row of `data/actors.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    pub kind: ActorKind,
    pub canonical: String,
    pub country: Option<String>,
    aliases: Vec<Vec<Pattern>>,
}

/// Parses the actor table (see the header of `data/actors.tsv`).
pub fn parse_actors(text: &str) -> Result<Vec<ActorEntry>, ActorsError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("kind\t") {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 4 {
            return Err(ActorsError::Columns {
                line: line_no,
                found: cols.len(),
            });
        }
        let kind = ActorKind::from_code(cols[0].trim()).ok_or_else(|| ActorsError::Kind {
            line: line_no,
            kind: cols[0].to_string(),
        })?;
        let aliases = cols[3]
            .split('|')
            .filter(|a| !a.trim().is_empty())
            .map(|a| {
                fold_word(a)
                    .split_whitespace()
                    .map(Pattern::parse)
                    .collect::<Vec<_>>()
            })
            .collect();
        out.push(ActorEntry {
            kind,
            canonical: cols[1].trim().to_string(),
            country: Some(cols[2].trim())
                .filter(|c| !c.is_empty())
                .map(str::to_string),
            aliases,
        });
    }
    Ok(out)
}

/// The bundled table, parsed once, with its aliases indexed by first word.
struct Table {
    entries: Vec<ActorEntry>,
    /// First word (exact) -> (entry, alias) pairs starting with it.
    by_first: WordMap<Vec<(usize, usize)>>,
    /// Folded word -> its `CUE_*` bits, from [`VIOLENT`] and the other lists.
    cues: WordMap<u8>,
    /// Aliases whose first word is a wildcard.
    wild: Vec<(usize, usize)>,
}

fn table() -> Result<&'static Table, &'static ActorsError> {
    static TABLE: OnceLock<Result<Table, ActorsError>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            let entries = parse_actors(include_str!("../../data/actors.tsv"))?;
            let mut by_first: WordMap<Vec<(usize, usize)>> = WordMap::default();
            let mut wild = Vec::new();
            for (e, entry) in entries.iter().enumerate() {
                for (a, alias) in entry.aliases.iter().enumerate() {
                    match alias.first() {
                        Some(Pattern::Exact(w)) => {
                            by_first.entry(w.clone()).or_default().push((e, a))
                        }
                        Some(_) => wild.push((e, a)),
                        None => {}
                    }
                }
            }
            let mut cues: WordMap<u8> = WordMap::default();
            for (list, bit) in [
                (VIOLENT, CUE_VIOLENT),
                (DEFENSIVE, CUE_DEFENSIVE),
                (PASSIVE_AUX, CUE_PASSIVE_AUX),
                (ATTACK_NOUNS, CUE_ATTACK_NOUN),
            ] {
                for word in list {
                    *cues.entry((*word).to_string()).or_default() |= bit;
                }
            }
            Ok(Table {
                entries,
                by_first,
                cues,
                wild,
            })
        })
        .as_ref()
}

/// The bundled table, parsed once.
pub fn bundled_actors() -> Result<&'static [ActorEntry], &'static ActorsError> {
    table().map(|t| t.entries.as_slice())
}

/// The ACLED name of an actor kind, given the incident's country and date.
pub fn actor_name(kind: ActorKind, country: &str, country_code: &str, date: NaiveDate) -> String {
    match kind {
        ActorKind::Jnim => JNIM.to_string(),
        ActorKind::IslamicState => ISSP.to_string(),
        ActorKind::Vdp => VDP.to_string(),
        ActorKind::Wagner => "Wagner Group".to_string(),
        ActorKind::UnnamedGroup => format!("Unidentified Armed Group ({country})"),
        ActorKind::Civilians => format!("Civilians ({country})"),
        ActorKind::Military => military_name(country, country_code, date),
        ActorKind::Police => state_name("Police", country, country_code, date),
    }
}

/// "Military Forces of Burkina Faso (2022-)": ACLED splits a state's forces
/// by regime, so the period depends on the date.
pub fn military_name(country: &str, country_code: &str, date: NaiveDate) -> String {
    state_name("Military", country, country_code, date)
}

fn state_name(branch: &str, country: &str, country_code: &str, date: NaiveDate) -> String {
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
    format!("{branch} Forces of {country}{period}")
}

/// Verbs of violence whose subject acted (when active).
const VIOLENT: &[&str] = &[
    "attacked",
    "attack",
    "attacks",
    "ambushed",
    "targeted",
    "killed",
    "kill",
    "killing",
    "raided",
    "stormed",
    "overran",
    "overrun",
    "struck",
    "hit",
    "abducted",
    "kidnapped",
    "executed",
    "massacred",
    "shot",
    "seized",
    "clashed",
    "fired",
    "opened",
    "burned",
    "torched",
    "looted",
    "neutralised",
    "neutralized",
    "surrounded",
    "besieged",
    "bombed",
    "shelled",
    "claimed",
    "attaque",
    "attaques",
    "attaquee",
    "attaquees",
    "attaquant",
    "tue",
    "tues",
    "tuee",
    "tuees",
    "tuant",
    "enleve",
    "enleves",
    "enlevee",
    "enlevees",
    "encercle",
    "vise",
    "frappe",
    "abattu",
    "abattus",
    "neutralise",
    "neutralises",
    "execute",
    "executes",
    "massacre",
    "incendie",
    "pille",
    "tendu",
    "mene",
    "revendique",
    "revendiquee",
    "pris",
];
/// Verbs whose subject was the one attacked.
const DEFENSIVE: &[&str] = &[
    "repelled",
    "repulsed",
    "foiled",
    "thwarted",
    "resisted",
    "repousse",
    "repoussee",
    "dejoue",
    "dejouee",
];
/// Words before a participle that make it passive.
const PASSIVE_AUX: &[&str] = &[
    "was", "were", "been", "being", "is", "are", "got", "ete", "sont", "est", "fut", "furent",
];
/// Nouns of attack: "an attack by X" / "an attack on X".
const ATTACK_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "raid",
    "ambush",
    "assault",
    "offensive",
    "attaque",
    "attaques",
    "embuscade",
    "assaut",
    "incursion",
];

/// Every actor mention in `sentence`, in order, each with its role.
#[cfg(test)]
pub fn find_actors(sentence: &str) -> Vec<ActorMention> {
    find_actors_in(&super::words::words(sentence))
}

/// [`find_actors`] over words already split.
pub fn find_actors_in(ws: &[Word<'_>]) -> Vec<ActorMention> {
    let Ok(table) = table() else {
        return Vec::new();
    };
    // (kind, country, first word, words used)
    let mut raw: Vec<(ActorKind, Option<&'static str>, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let exact = table.by_first.get(ws[i].folded.as_ref());
        let best = exact
            .into_iter()
            .flatten()
            .chain(table.wild.iter())
            .map(|&(e, a)| (&table.entries[e], &table.entries[e].aliases[a]))
            .filter(|(_, a)| fits_at(ws, i, a))
            .max_by_key(|(e, a)| (a.len(), e.country.is_some()));
        match best {
            Some((e, a)) => {
                raw.push((e.kind, e.country.as_deref(), i, a.len()));
                i += a.len();
            }
            None => i += 1,
        }
    }
    let mut out: Vec<ActorMention> = Vec::new();
    if raw.is_empty() {
        return out;
    }
    let cues: Vec<u8> = ws
        .iter()
        .map(|w| table.cues.get(w.folded.as_ref()).copied().unwrap_or(0))
        .collect();
    let cue = |i: usize, bit: u8| cues.get(i).is_some_and(|c| c & bit != 0);
    let mut last_seen: Vec<(ActorKind, usize)> = Vec::new();
    for (kind, country, at, used) in raw {
        let near = |k: ActorKind, gap: usize| {
            last_seen
                .iter()
                .any(|(s, end)| *s == k && at.saturating_sub(*end) <= gap)
                && out
                    .iter()
                    .rev()
                    .find(|m| m.kind == k)
                    .is_none_or(|m| m.country == country || country.is_none())
        };
        // "Jama'at Nasr al-Islam wal Muslimin (JNIM)" is one mention, and so
        // is "Islamic State militants".
        let repeated = near(kind, 8)
            || (kind == ActorKind::UnnamedGroup
                && last_seen
                    .iter()
                    .any(|(k, end)| k.is_named_group() && at.saturating_sub(*end) <= 2));
        // "combattants de l'EIGS", "fighters from the Islamic State": the
        // generic noun is the named group.
        if kind.is_named_group()
            && let Some(prev) = out.last_mut()
            && prev.kind == ActorKind::UnnamedGroup
            && last_seen
                .last()
                .is_some_and(|(_, end)| at.saturating_sub(*end) <= 3)
        {
            prev.kind = kind;
            last_seen.push((kind, at + used));
            continue;
        }
        last_seen.push((kind, at + used));
        if repeated {
            continue;
        }
        let role = role_at(ws, &cue, at, at + used);
        let agent = by_agent(ws, &cue, at);
        out.push(ActorMention {
            kind,
            start: ws[at].start,
            agent,
            role: if agent { Role::Agent } else { role },
            country,
        });
    }
    out
}

fn fits_at(ws: &[Word<'_>], i: usize, alias: &[Pattern]) -> bool {
    !alias.is_empty()
        && alias
            .iter()
            .enumerate()
            .all(|(k, p)| ws.get(i + k).is_some_and(|w| p.fits(&w.folded)))
}

/// "attacked by X", "tués par des X": only a violent participle makes "by X"
/// the attacker ("a camp held by JNIM" names the target).
/// `cue(i, bit)`: whether word `i` carries that `CUE_*` bit.
fn by_agent(ws: &[Word<'_>], cue: &impl Fn(usize, u8) -> bool, i: usize) -> bool {
    (1..=3).any(|k| {
        i > k
            && ws[i - k].is_any(&["by", "par"])
            && cue(i - k - 1, CUE_VIOLENT)
            && ws[i - k + 1..i].iter().all(|w| {
                w.is_any(&[
                    "des",
                    "de",
                    "les",
                    "the",
                    "suspected",
                    "presumed",
                    "presumes",
                ])
            })
    })
}

/// The role of the mention spanning words `start..end`.
fn role_at(ws: &[Word<'_>], cue: &impl Fn(usize, u8) -> bool, start: usize, end: usize) -> Role {
    // Noun patterns first: "an attack by X", "l'attaque de X", "attack on X".
    for k in 1..=4 {
        let Some(j) = start.checked_sub(k) else { break };
        let w = &ws[j];
        if w.is_any(&["against", "contre"]) || (w.is("on") && j > 0 && cue(j - 1, CUE_ATTACK_NOUN))
        {
            return Role::Patient;
        }
        if cue(j, CUE_ATTACK_NOUN) && k <= 3 {
            let between = &ws[j + 1..start];
            // "an attack by X", "l'attaque de X"; but in "fighters raid
            // JNIM" the noun is a verb and JNIM its object.
            if !between.is_empty()
                && between.iter().all(|b| {
                    b.is_any(&[
                        "by", "of", "de", "des", "du", "par", "the", "les", "la", "le",
                    ])
                })
            {
                return Role::Agent;
            }
        }
        if cue(j, CUE_VIOLENT | CUE_DEFENSIVE) {
            break;
        }
    }
    // The next verb on the right: its subject.
    for v in end..ws.len() {
        let w = &ws[v];
        if cue(v, CUE_DEFENSIVE) {
            return Role::Patient;
        }
        // "came under attack", "sous le feu": the subject was attacked.
        if w.is_any(&["attack", "fire", "feu", "assault"])
            && v > 0
            && ws[v - 1].is_any(&["under", "sous"])
        {
            return Role::Patient;
        }
        if cue(v, CUE_VIOLENT) && !ws[end..v].iter().any(|x| x.is_any(&["said", "selon"])) {
            if w.is_any(&["killing", "tuant", "attaquant"]) && v > end + 1 {
                return Role::Unknown;
            }
            let passive = (v.saturating_sub(2)..v).any(|x| cue(x, CUE_PASSIVE_AUX))
                || (v == end && ws.get(v + 1).is_some_and(|x| x.is_any(&["by", "par"])));
            return if passive { Role::Patient } else { Role::Agent };
        }
        if w.is_any(&["when", "lorsque", "quand", "who", "qui", "while", "as"]) && v > end {
            break;
        }
    }
    // A verb on the left: its object.
    for v in (0..start).rev() {
        if cue(v, CUE_VIOLENT) {
            let passive = (v.saturating_sub(2)..v).any(|x| cue(x, CUE_PASSIVE_AUX));
            return if passive {
                Role::Unknown
            } else {
                Role::Patient
            };
        }
    }
    Role::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<ActorKind> {
        find_actors(s).into_iter().map(|a| a.kind).collect()
    }

    fn roles(s: &str) -> Vec<(ActorKind, Role)> {
        find_actors(s)
            .into_iter()
            .map(|a| (a.kind, a.role))
            .collect()
    }

    #[test]
    fn the_bundled_actor_table_parses_and_covers_every_kind() {
        let t = bundled_actors().expect("actors.tsv parses");
        for k in [
            ActorKind::Jnim,
            ActorKind::IslamicState,
            ActorKind::UnnamedGroup,
            ActorKind::Vdp,
            ActorKind::Military,
            ActorKind::Police,
            ActorKind::Wagner,
            ActorKind::Civilians,
        ] {
            assert!(t.iter().any(|e| e.kind == k), "{k:?}");
        }
    }

    #[test]
    fn a_malformed_actor_row_is_an_error_with_its_line() {
        assert_eq!(
            parse_actors("# c\njnim\tJNIM\n"),
            Err(ActorsError::Columns { line: 2, found: 2 })
        );
        assert!(matches!(
            parse_actors("pirates\tX\t\tx\n"),
            Err(ActorsError::Kind { line: 1, .. })
        ));
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
            "le JNIM a frappé",
        ] {
            assert!(kinds(s).contains(&ActorKind::Jnim), "{s}");
        }
        assert_eq!(
            kinds("Jama'at Nasr al-Islam wal Muslimin (JNIM)"),
            vec![ActorKind::Jnim]
        );
    }

    #[test]
    fn islamic_state_goes_by_issp_isgs_eigs_and_its_french_name() {
        for s in [
            "ISSP fighters",
            "the ISGS",
            "l'EIGS a attaqué",
            "l'État islamique au Sahel",
            "ISIS militants",
        ] {
            assert_eq!(kinds(s), vec![ActorKind::IslamicState], "{s}");
        }
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
        assert_eq!(
            kinds("Wagner mercenaries and gendarmes"),
            vec![ActorKind::Wagner, ActorKind::Police]
        );
    }

    #[test]
    fn a_national_army_alias_carries_its_country() {
        let a = find_actors("les FAMa et l'armée togolaise");
        assert_eq!(a[0].country, Some("ML"));
        assert_eq!(a[1].country, Some("TG"));
        assert_eq!(find_actors("the soldiers")[0].country, None);
    }

    #[test]
    fn a_generic_noun_before_a_named_group_is_that_group() {
        assert_eq!(
            kinds("des combattants de l'EIGS ont attaqué"),
            vec![ActorKind::IslamicState]
        );
    }

    #[test]
    fn the_subject_of_an_active_verb_acts_and_its_object_suffers() {
        assert_eq!(
            roles("Nigerien troops killed 12 Islamic State fighters near Ouallam"),
            vec![
                (ActorKind::Military, Role::Agent),
                (ActorKind::IslamicState, Role::Patient)
            ]
        );
    }

    #[test]
    fn the_subject_of_a_passive_verb_suffers_and_the_agent_after_by_acts() {
        assert_eq!(
            roles("Soldiers were ambushed by JNIM"),
            vec![
                (ActorKind::Military, Role::Patient),
                (ActorKind::Jnim, Role::Agent)
            ]
        );
        let a = find_actors("Islamic State fighters raided a camp held by JNIM");
        assert!(a.iter().all(|m| !m.agent));
    }

    #[test]
    fn french_passives_with_par_are_read_the_same_way() {
        assert_eq!(
            roles("Huit gendarmes ont été tués par des jihadistes"),
            vec![
                (ActorKind::Police, Role::Patient),
                (ActorKind::UnnamedGroup, Role::Agent)
            ]
        );
        assert_eq!(
            roles("des villageois attaqués par des hommes armés"),
            vec![
                (ActorKind::Civilians, Role::Patient),
                (ActorKind::UnnamedGroup, Role::Agent)
            ]
        );
    }

    #[test]
    fn a_base_that_came_under_attack_was_attacked() {
        assert_eq!(
            roles("Late at night the army camp came under attack"),
            vec![(ActorKind::Military, Role::Patient)]
        );
    }

    #[test]
    fn the_side_that_repelled_an_attack_was_attacked() {
        assert_eq!(
            roles("les FDS ont repoussé une attaque de terroristes contre le poste"),
            vec![
                (ActorKind::Military, Role::Patient),
                (ActorKind::UnnamedGroup, Role::Agent)
            ]
        );
    }

    #[test]
    fn an_attack_on_or_against_someone_names_the_target() {
        assert_eq!(
            roles("an ambush against a convoy of soldiers"),
            vec![(ActorKind::Military, Role::Patient)]
        );
        // "patrouille" and "soldats" both name the army: each is the target.
        let r = roles("une embuscade contre une patrouille de soldats togolais");
        assert!(!r.is_empty());
        assert!(
            r.iter().all(|x| *x == (ActorKind::Military, Role::Patient)),
            "{r:?}"
        );
    }

    #[test]
    fn whoever_is_killed_after_the_verb_is_acted_upon() {
        assert_eq!(
            roles("gunmen attacked the market, killing 12 traders"),
            vec![
                (ActorKind::UnnamedGroup, Role::Agent),
                (ActorKind::Civilians, Role::Patient)
            ]
        );
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
        assert_eq!(
            actor_name(ActorKind::Police, "Niger", "NE", d),
            "Police Forces of Niger (2023-)"
        );
    }
}
