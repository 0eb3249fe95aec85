//! Word tokens with byte spans and a folded form for keyword matching.
//!
//! Every rule in `extract` matches on folded words (lower case, accents and
//! curly apostrophes removed) so that "tués", "Tues" and "TUÉS" look alike
//! while the spans still point into the original text.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

use super::lexicon::{Kind, Tags, lexicon};

/// One word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Byte offsets into the sentence.
    pub start: usize,
    pub end: usize,
    /// Lower case, without accents, straight apostrophes. Borrowed from the
    /// text when the word is already in that form (most words of English
    /// prose are), so splitting a sentence allocates only for the others.
    pub folded: Cow<'a, str>,
    /// What the lexicon says of the folded word, looked up once here so
    /// that every rule asks a bit instead of hashing the word again.
    pub tags: Tags,
}

impl Word<'_> {
    /// Whether the word as written starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is(&self, folded: &str) -> bool {
        self.folded == folded
    }

    pub fn is_any(&self, list: &[&str]) -> bool {
        list.contains(&self.folded.as_ref())
    }

    /// "d'Ayorou", "l'Atacora": a French elision before a name. Returns
    /// the byte length of the elision ("d'") when the name after it is
    /// capitalised, so the name can be read without it.
    pub fn elided_capital(&self) -> Option<usize> {
        let t = self.text;
        let cut = ["d'", "l'", "d’", "l’", "D'", "L'", "D’", "L’"]
            .iter()
            .find(|p| t.starts_with(*p))?
            .len();
        t[cut..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
            .then_some(cut)
    }

    /// Whether the lexicon lists this word (alone) under `kind`.
    pub fn has(&self, kind: Kind) -> bool {
        self.tags.has(kind)
    }
}

/// Lower case, accents stripped, curly apostrophes made straight.
pub fn fold_word(s: &str) -> String {
    // Most words are plain ASCII: no accents to strip, no curly marks.
    if s.is_ascii() {
        let mut out = s.to_ascii_lowercase();
        if out.contains('`') {
            out = out.replace('`', "'");
        }
        return out;
    }
    // Decompose only what is not ASCII: dropping the combining marks
    // afterwards gives the same as decomposing the whole string.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(match c {
                '`' => '\'',
                c => c.to_ascii_lowercase(),
            });
            continue;
        }
        for d in std::iter::once(c).nfd() {
            if unicode_normalization::char::is_combining_mark(d) {
                continue;
            }
            let d = match d {
                '’' | '‘' => '\'',
                '–' | '—' => '-',
                d => d,
            };
            out.extend(d.to_lowercase());
        }
    }
    out
}

/// French elisions ("l'attaque", "d'Arbinda") are dropped from the folded
/// form so keywords match; a capital before the apostrophe ("N'Gourma")
/// belongs to the name and stays.
fn without_elision(folded: String, text: &str) -> String {
    if !folded.contains('\'') {
        return folded;
    }
    let lower_start = text.chars().next().is_some_and(char::is_lowercase);
    for p in ["l'", "d'", "qu'", "j'", "s'", "c'", "n'"] {
        if let Some(rest) = folded.strip_prefix(p)
            && (lower_start || matches!(p, "l'" | "d'"))
            && rest.chars().next().is_some_and(char::is_alphabetic)
        {
            return rest.to_string();
        }
    }
    folded
}

/// `text` folded, without a copy when it is lower-case ASCII already and
/// has no apostrophe (which may mark an elision) or backtick.
fn folded(text: &str) -> Cow<'_, str> {
    let plain = text
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'\'' && b != b'`');
    if plain {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(without_elision(fold_word(text), text))
    }
}

/// Splits a sentence into words. Apostrophes and hyphens inside a word keep
/// it whole ("N'Gourma", "Twenty-one", "RPG-7"), and so do dots, commas and
/// slashes between digits ("1,000", "2.5", "21/07/2024").
pub fn words(s: &str) -> Vec<Word<'_>> {
    // Walks the bytes once, decoding one char at a time: every sentence of
    // every report passes here, and collecting its chars first cost an
    // allocation and a second pass.
    let bytes = s.as_bytes();
    let char_at = |at: usize| match bytes.get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s.get(at..).and_then(|r| r.chars().next()),
        None => None,
    };
    // About one word per six bytes of prose.
    let mut out = Vec::with_capacity(s.len() / 6 + 1);
    let mut i = 0;
    while let Some(c) = char_at(i) {
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut prev = c;
        let mut j = i + c.len_utf8();
        while let Some(c) = char_at(j) {
            if c.is_alphanumeric() {
                prev = c;
                j += c.len_utf8();
                continue;
            }
            let next = char_at(j + c.len_utf8());
            let joins = match c {
                '\'' | '’' | '-' | '‑' => next.is_some_and(char::is_alphanumeric),
                '.' | ',' | '/' => {
                    prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit())
                }
                _ => false,
            };
            if !joins {
                break;
            }
            prev = c;
            j += c.len_utf8();
        }
        let text = &s[start..j];
        let folded = folded(text);
        out.push(Word {
            text,
            start,
            end: j,
            tags: lexicon().tags(&folded),
            folded,
        });
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_apostrophes_hyphens_and_digit_groups_together() {
        let w: Vec<String> = words("Fada N’Gourma: 1,000 tués, RPG-7 le 21/07/2024.")
            .into_iter()
            .map(|w| w.folded.into_owned())
            .collect();
        assert_eq!(
            w,
            vec![
                "fada",
                "n'gourma",
                "1,000",
                "tues",
                "rpg-7",
                "le",
                "21/07/2024"
            ]
        );
    }

    #[test]
    fn french_elisions_are_dropped_but_names_keep_their_capital() {
        let w: Vec<String> = words("l'attaque d'Arbinda près de N'Dorola")
            .into_iter()
            .map(|w| w.folded.into_owned())
            .collect();
        assert_eq!(w, vec!["attaque", "arbinda", "pres", "de", "n'dorola"]);
    }

    #[test]
    fn lower_case_ascii_words_are_borrowed_and_the_others_folded() {
        let w = words("gunmen Attacked l'école");
        assert!(matches!(w[0].folded, Cow::Borrowed("gunmen")));
        assert_eq!(w[1].folded, "attacked");
        assert_eq!(w[2].folded, "ecole");
    }
}
