//! The vocabulary the rules read, loaded from `data/lexicon/*.tsv` (one
//! format, see `data/lexicon/README.md`), so that an analyst can teach the
//! extraction a new verb or a new vague quantity without touching the code.
//!
//! Matching is on whole folded words. Single words are looked up once per
//! word when a sentence is split ([`Lexicon::tags`], stored on each
//! [`Word`]), so a rule asks a bit of a word instead of hashing it again;
//! phrases of several words and prefixes (`negotiat*`) are matched from the
//! word where they start.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::words::{Word, fold_word};

/// Which rule reads an entry. The discriminant is the entry's bit in
/// [`Tags`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Attack,
    Weak,
    Death,
    NewEvent,
    Claim,
    Also,
    Unidentified,
    Background,
    SiteNoun,
    SiteAdjective,
    AreaNoun,
    AdminNoun,
    SitePrep,
    NearPrep,
    Direction,
    Away,
    Vague,
    Weapon,
    RoadNoun,
    NotEventDay,
    ReportVerb,
    RelativeDay,
    NoDeaths,
    Attacker,
    Victim,
    Thing,
}

impl Kind {
    const ALL: [Kind; 26] = [
        Kind::Attack,
        Kind::Weak,
        Kind::Death,
        Kind::NewEvent,
        Kind::Claim,
        Kind::Also,
        Kind::Unidentified,
        Kind::Background,
        Kind::SiteNoun,
        Kind::SiteAdjective,
        Kind::AreaNoun,
        Kind::AdminNoun,
        Kind::SitePrep,
        Kind::NearPrep,
        Kind::Direction,
        Kind::Away,
        Kind::Vague,
        Kind::Weapon,
        Kind::RoadNoun,
        Kind::NotEventDay,
        Kind::ReportVerb,
        Kind::RelativeDay,
        Kind::NoDeaths,
        Kind::Attacker,
        Kind::Victim,
        Kind::Thing,
    ];

    fn name(self) -> &'static str {
        match self {
            Kind::Attack => "attack",
            Kind::Weak => "weak",
            Kind::Death => "death",
            Kind::NewEvent => "new_event",
            Kind::Claim => "claim",
            Kind::Also => "also",
            Kind::Unidentified => "unidentified",
            Kind::Background => "background",
            Kind::SiteNoun => "site_noun",
            Kind::SiteAdjective => "site_adjective",
            Kind::AreaNoun => "area_noun",
            Kind::AdminNoun => "admin_noun",
            Kind::SitePrep => "site_prep",
            Kind::NearPrep => "near_prep",
            Kind::Direction => "direction",
            Kind::Away => "away",
            Kind::Vague => "vague",
            Kind::Weapon => "weapon",
            Kind::RoadNoun => "road_noun",
            Kind::NotEventDay => "not_event_day",
            Kind::ReportVerb => "report_verb",
            Kind::RelativeDay => "relative_day",
            Kind::NoDeaths => "no_deaths",
            Kind::Attacker => "attacker",
            Kind::Victim => "victim",
            Kind::Thing => "thing",
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// What the lexicon says of a single word, as bits: the kinds it is an
/// entry of (low half), and the kinds of the phrases it opens (high half),
/// so that a rule asking for a phrase can pass most words by at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Tags(u64);

impl Tags {
    pub fn has(self, kind: Kind) -> bool {
        self.0 & u64::from(kind.bit()) != 0
    }

    fn opens(self, kind: Kind) -> bool {
        self.0 & (u64::from(kind.bit()) << 32) != 0
    }
}

/// One entry of several words, or with a prefix wildcard.
#[derive(Debug, Clone)]
struct Phrase {
    kind: Kind,
    words: Vec<String>,
    /// The last word matches any word starting with it.
    prefix: bool,
    value: String,
}

impl Phrase {
    fn matches_at(&self, ws: &[Word<'_>], i: usize) -> bool {
        let n = self.words.len();
        self.words.iter().enumerate().all(|(k, p)| {
            ws.get(i + k).is_some_and(|w| {
                if self.prefix && k + 1 == n {
                    w.folded.starts_with(p.as_str())
                } else {
                    w.folded == p.as_str()
                }
            })
        })
    }
}

/// A line the loader could not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("data/lexicon/{file} line {line}: {message}")]
pub struct LexiconError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

/// The loaded vocabulary.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Single whole words and their kinds.
    single: HashMap<String, Tags>,
    /// Values of single-word entries, by word then kind.
    values: HashMap<String, Vec<(Kind, String)>>,
    /// Phrases of several words, or with a wildcard, by their first word
    /// (the wildcard's prefix when the first word is the last).
    phrases: Vec<Phrase>,
    /// Every word that opens a phrase, so most words skip the phrase list.
    openers: HashMap<String, Vec<usize>>,
    /// Wildcard phrases of one word: tried with `starts_with`.
    prefixes: Vec<usize>,
}

/// The bundled lexicon files, in the order their entries are tried.
const FILES: [(&str, &str); 6] = [
    ("events.tsv", include_str!("../../data/lexicon/events.tsv")),
    (
        "background.tsv",
        include_str!("../../data/lexicon/background.tsv"),
    ),
    ("places.tsv", include_str!("../../data/lexicon/places.tsv")),
    (
        "quantities.tsv",
        include_str!("../../data/lexicon/quantities.tsv"),
    ),
    (
        "weapons.tsv",
        include_str!("../../data/lexicon/weapons.tsv"),
    ),
    ("dates.tsv", include_str!("../../data/lexicon/dates.tsv")),
];

impl Lexicon {
    /// Reads lexicon files (name, text).
    pub fn parse(files: &[(&'static str, &str)]) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        for (file, text) in files {
            for (n, line) in text.lines().enumerate() {
                let err = |message: String| LexiconError {
                    file,
                    line: n + 1,
                    message,
                };
                let line = line.trim_end_matches('\r');
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let cols: Vec<&str> = line.split('\t').collect();
                if !(3..=4).contains(&cols.len()) {
                    return Err(err(format!(
                        "expected kind, lang, phrase [, value] separated by tabs, got {} column(s)",
                        cols.len()
                    )));
                }
                let kind = Kind::parse(cols[0])
                    .ok_or_else(|| err(format!("unknown kind {:?}", cols[0])))?;
                if !matches!(cols[1], "en" | "fr" | "any") {
                    return Err(err(format!("unknown language {:?}", cols[1])));
                }
                let value = cols.get(3).map_or("", |v| v.trim()).to_string();
                if matches!(kind, Kind::RelativeDay) && value.parse::<i64>().is_err() {
                    return Err(err("a relative day needs its offset in days".to_string()));
                }
                if matches!(kind, Kind::Vague) && value.parse::<u32>().is_err() {
                    return Err(err("a vague quantity needs its figure".to_string()));
                }
                if matches!(kind, Kind::Weapon) && value.is_empty() {
                    return Err(err("a weapon needs its label".to_string()));
                }
                let raw = cols[2].trim();
                let prefix = raw.ends_with('*');
                let words: Vec<String> = raw
                    .trim_end_matches('*')
                    .split_whitespace()
                    .map(fold_word)
                    .collect();
                if words.is_empty() {
                    return Err(err("empty phrase".to_string()));
                }
                if words.len() == 1 && !prefix {
                    let w = words.into_iter().next().unwrap_or_default();
                    let tags = lex.single.entry(w.clone()).or_default();
                    tags.0 |= u64::from(kind.bit());
                    let values = lex.values.entry(w).or_default();
                    if !values.iter().any(|(k, _)| *k == kind) {
                        values.push((kind, value));
                    }
                    continue;
                }
                let at = lex.phrases.len();
                if words.len() == 1 {
                    lex.prefixes.push(at);
                } else {
                    lex.openers.entry(words[0].clone()).or_default().push(at);
                    lex.single.entry(words[0].clone()).or_default().0 |=
                        u64::from(kind.bit()) << 32;
                }
                lex.phrases.push(Phrase {
                    kind,
                    words,
                    prefix,
                    value,
                });
            }
        }
        Ok(lex)
    }

    /// The kinds of one folded word (whole-word entries only).
    pub fn tags(&self, folded: &str) -> Tags {
        let mut tags = self.single.get(folded).copied().unwrap_or_default();
        // One-word prefixes ("negotiat*") tag the words they match.
        for &p in &self.prefixes {
            let ph = &self.phrases[p];
            if folded.starts_with(ph.words[0].as_str()) {
                tags.0 |= u64::from(ph.kind.bit());
            }
        }
        tags
    }

    /// Whether a folded word is a whole-word entry of `kind`.
    pub fn is(&self, kind: Kind, folded: &str) -> bool {
        self.tags(folded).has(kind)
    }

    /// The value of a whole-word entry.
    pub fn value(&self, kind: Kind, folded: &str) -> Option<&str> {
        self.values
            .get(folded)?
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, v)| v.as_str())
    }

    /// The longest entry of `kind` starting at word `i`: its length in words
    /// and its value. Phrases are tried before single words, so "several
    /// dozen" wins over "several".
    pub fn at(&self, kind: Kind, ws: &[Word<'_>], i: usize) -> Option<(usize, &str)> {
        let w = ws.get(i)?;
        // Words carry the bundled lexicon's tags; another lexicon (a test's)
        // looks its own up.
        let tags = if std::ptr::eq(self, lexicon()) {
            w.tags
        } else {
            self.tags(&w.folded)
        };
        // Most words open no phrase of this kind and are no entry of it.
        if !tags.has(kind) && !tags.opens(kind) {
            return None;
        }
        let mut best: Option<(usize, &str)> = None;
        if tags.opens(kind) {
            for &p in self.openers.get(w.folded.as_ref()).into_iter().flatten() {
                let ph = &self.phrases[p];
                if ph.kind == kind
                    && ph.matches_at(ws, i)
                    && best.is_none_or(|(n, _)| ph.words.len() > n)
                {
                    best = Some((ph.words.len(), ph.value.as_str()));
                }
            }
        }
        if best.is_none() && tags.has(kind) {
            let value = self.value(kind, &w.folded).or_else(|| {
                self.prefixes
                    .iter()
                    .map(|&p| &self.phrases[p])
                    .find(|ph| ph.kind == kind && ph.matches_at(ws, i))
                    .map(|ph| ph.value.as_str())
            });
            best = Some((1, value.unwrap_or("")));
        }
        best
    }

    /// Where the first entry of `kind` occurs in `ws`, as a word index.
    pub fn find(&self, kind: Kind, ws: &[Word<'_>]) -> Option<usize> {
        (0..ws.len()).find(|&i| self.at(kind, ws, i).is_some())
    }

    /// Whether `ws` holds an entry of `kind`.
    pub fn any(&self, kind: Kind, ws: &[Word<'_>]) -> bool {
        self.find(kind, ws).is_some()
    }
}

/// The bundled lexicon, and why it could not be read if it could not.
fn loaded() -> &'static (Lexicon, Option<LexiconError>) {
    static LEX: OnceLock<(Lexicon, Option<LexiconError>)> = OnceLock::new();
    LEX.get_or_init(|| match Lexicon::parse(&FILES) {
        Ok(lex) => (lex, None),
        Err(e) => (Lexicon::default(), Some(e)),
    })
}

/// The bundled lexicon. A file that does not parse leaves the rules with
/// an empty vocabulary, so the extraction finds nothing rather than
/// something wrong, and says why ([`check_bundled`]).
pub fn lexicon() -> &'static Lexicon {
    &loaded().0
}

/// Whether the bundled lexicon parses; the error names the file and line.
pub fn check_bundled() -> Result<(), LexiconError> {
    loaded().1.clone().map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::words::words;

    #[test]
    fn the_bundled_lexicon_parses() {
        check_bundled().expect("data/lexicon parses");
        assert!(lexicon().is(Kind::Attack, "attacked"));
        assert!(lexicon().is(Kind::Attack, "tues"), "accents are folded");
    }

    #[test]
    fn a_bad_line_is_named() {
        let e = Lexicon::parse(&[("x.tsv", "attack\ten\n")]).expect_err("two columns");
        assert_eq!(e.line, 1);
        let e = Lexicon::parse(&[("x.tsv", "# c\nfrobnicate\ten\tword\n")]).expect_err("kind");
        assert_eq!(e.line, 2);
        assert!(e.to_string().contains("x.tsv line 2"));
        let e = Lexicon::parse(&[("x.tsv", "vague\ten\tdozens\tmany\n")]).expect_err("figure");
        assert!(e.message.contains("figure"));
    }

    #[test]
    fn phrases_match_whole_words_and_the_longest_wins() {
        let lex = Lexicon::parse(&[(
            "x.tsv",
            "vague\ten\tseveral\t3\nvague\ten\tseveral dozen\t12\nbackground\ten\tnegotiat*\n",
        )])
        .expect("parses");
        let ws = words("several dozen were killed");
        assert_eq!(lex.at(Kind::Vague, &ws, 0), Some((2, "12")));
        let ws = words("talks and negotiations stalled");
        assert_eq!(lex.find(Kind::Background, &ws), Some(2));
        // Whole words only: "coup" is not in "recouped".
        let lex = Lexicon::parse(&[("x.tsv", "background\ten\tcoup\n")]).expect("parses");
        assert!(!lex.any(Kind::Background, &words("traders recouped losses")));
    }

    #[test]
    fn a_wildcard_matches_the_start_of_a_word_only() {
        let ws = words("since 2021, and not in the 1920s");
        assert_eq!(lexicon().find(Kind::Background, &ws), Some(0));
        assert!(!lexicon().any(Kind::Background, &words("a warm day in Djibo")));
        assert!(lexicon().any(Kind::Background, &words("officials warned of more")));
    }
}
