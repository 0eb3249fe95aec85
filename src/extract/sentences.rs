//! Splitting a report into sentences with byte spans.
//!
//! Every later stage works sentence by sentence and an incident's evidence is
//! the sentence it was read from, so the spans must index the original text.
//! A line break always ends a sentence: headlines, datelines and captions are
//! short lines without a full stop and still carry facts.

use crate::model::Span;

/// One sentence of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence<'a> {
    pub text: &'a str,
    pub span: Span,
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "cpl", "maj", "st", "no", "vs",
    "etc", "approx", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "m", "mme", "av", "cf", "p",
    "pp", "km",
];

/// Splits `text` into sentences; each span covers the trimmed sentence.
pub fn split(text: &str) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line, &mut out);
        line_start += line.len();
    }
    out
}

fn split_line<'a>(text: &'a str, offset: usize, line: &str, out: &mut Vec<Sentence<'a>>) {
    let bytes = line.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') && ends_sentence(line, i) {
            // Keep a closing quote or bracket with the sentence it closes.
            let mut end = i + 1;
            while end < line.len() {
                let rest = &line[end..];
                match rest.chars().next() {
                    Some(c @ ('"' | '\'' | ')' | '”' | '’' | '»')) => end += c.len_utf8(),
                    _ => break,
                }
            }
            push(text, offset, line, start, end, out);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    push(text, offset, line, start, line.len(), out);
}

fn push<'a>(
    text: &'a str,
    offset: usize,
    line: &str,
    start: usize,
    end: usize,
    out: &mut Vec<Sentence<'a>>,
) {
    let piece = &line[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    // Lines of nothing but punctuation (separators, "|") carry no facts.
    if !trimmed.chars().any(char::is_alphanumeric) {
        return;
    }
    let s = offset + start + lead;
    let e = s + trimmed.len();
    if let Some(t) = text.get(s..e) {
        out.push(Sentence {
            text: t,
            span: Span::new(s, e),
        });
    }
}

/// Whether the mark at byte `i` of `line` closes a sentence.
fn ends_sentence(line: &str, i: usize) -> bool {
    let after = &line[i + 1..];
    let next = after.chars().next();
    // "3.5", "U.S.-based", "e.g.," : no space after the mark.
    match next {
        None => return true,
        Some(c) if c.is_whitespace() => {}
        Some('"' | '\'' | ')' | '”' | '’' | '»') => {}
        Some(_) => return false,
    }
    if line.as_bytes()[i] != b'.' {
        return true;
    }
    let before = &line[..i];
    let word: &str = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    // "U.S." and "a.m.": a word with an inner dot is an abbreviation.
    if word.contains('.') && word.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
        return starts_like_a_sentence(after)
            && !word.chars().all(|c| c.is_uppercase() || c == '.');
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // A single capital ("J. Smith") is an initial.
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false;
    }
    true
}

fn starts_like_a_sentence(after: &str) -> bool {
    after
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn headline_lines_are_sentences_of_their_own() {
        let t = "Gunmen Storm Village Near Djibo\nThe raid began at dawn. Nobody was spared.";
        assert_eq!(
            texts(t),
            vec![
                "Gunmen Storm Village Near Djibo",
                "The raid began at dawn.",
                "Nobody was spared."
            ]
        );
    }

    #[test]
    fn abbreviations_and_decimals_do_not_split() {
        let t = "The U.S. group said Mr. Diallo saw 2.5 tonnes of grain burn. Then they left.";
        assert_eq!(
            texts(t),
            vec![
                "The U.S. group said Mr. Diallo saw 2.5 tonnes of grain burn.",
                "Then they left."
            ]
        );
    }

    #[test]
    fn spans_index_the_original_text() {
        let t = "  First one here.  Second — with an em dash!\n\n Third";
        for s in split(t) {
            assert_eq!(s.span.slice(t), Some(s.text));
        }
        assert_eq!(split(t).len(), 3);
    }

    #[test]
    fn a_closing_quote_stays_with_its_sentence() {
        let t = "\"We fled at night.\" The mayor confirmed it.";
        assert_eq!(
            texts(t),
            vec!["\"We fled at night.\"", "The mayor confirmed it."]
        );
    }
}
