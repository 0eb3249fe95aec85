//! Which writing system a report is in, so that a report the rules cannot
//! read says so instead of silently yielding nothing.
//!
//! The rules and the lexicon read English and French, both in Latin letters.
//! Sahel news also comes in Arabic, and now and then in N'Ko, Tifinagh or
//! Ge'ez script; such a report extracts nothing, and the analyst must be told
//! why rather than left to think there was nothing to find.

/// A writing system the rules do not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Arabic,
    Cyrillic,
    Greek,
    Hebrew,
    Ethiopic,
    Nko,
    Tifinagh,
    Devanagari,
    Cjk,
    Other,
}

impl Script {
    fn name(self) -> &'static str {
        match self {
            Script::Arabic => "Arabic",
            Script::Cyrillic => "Cyrillic",
            Script::Greek => "Greek",
            Script::Hebrew => "Hebrew",
            Script::Ethiopic => "Ge'ez (Ethiopic)",
            Script::Nko => "N'Ko",
            Script::Tifinagh => "Tifinagh",
            Script::Devanagari => "Devanagari",
            Script::Cjk => "Chinese, Japanese or Korean",
            Script::Other => "a non-Latin",
        }
    }

    const ALL: [Script; 10] = [
        Script::Arabic,
        Script::Cyrillic,
        Script::Greek,
        Script::Hebrew,
        Script::Ethiopic,
        Script::Nko,
        Script::Tifinagh,
        Script::Devanagari,
        Script::Cjk,
        Script::Other,
    ];
}

/// The script of one letter, or `None` for Latin (which the rules read).
fn script_of(c: char) -> Option<Script> {
    let script = match u32::from(c) {
        // Basic Latin to Latin Extended-B, IPA, Latin Extended Additional
        // and the Latin ligatures: English, French and the Sahel's
        // romanised names ("Ɓ", "ŋ", "ɛ").
        0x0000..=0x02AF | 0x1E00..=0x1EFF | 0xFB00..=0xFB06 => return None,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F => Script::Cyrillic,
        0x0590..=0x05FF => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0x07C0..=0x07FF => Script::Nko,
        0x0900..=0x097F => Script::Devanagari,
        0x1200..=0x139F => Script::Ethiopic,
        0x2D30..=0x2D7F => Script::Tifinagh,
        0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF => Script::Cjk,
        _ => Script::Other,
    };
    Some(script)
}

/// A text whose letters are at least this share non-Latin is mostly in a
/// script the rules cannot read. A French report quoting an Arabic name or
/// slogan stays well below it.
const UNREADABLE_SHARE: f64 = 0.2;

/// When a good share of `text` is in a script the rules do not read, a
/// warning for the analyst saying which and how much.
pub fn unsupported_script_warning(text: &str) -> Option<String> {
    let mut latin = 0usize;
    let mut counts = [0usize; Script::ALL.len()];
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        match script_of(c) {
            None => latin += 1,
            // `ALL` lists the variants in declaration order.
            Some(s) => counts[s as usize] += 1,
        }
    }
    let other: usize = counts.iter().sum();
    let letters = latin + other;
    if letters == 0 || (other as f64) < UNREADABLE_SHARE * letters as f64 {
        return None;
    }
    let (most, _) = Script::ALL.iter().zip(counts).max_by_key(|(_, n)| *n)?;
    let percent = (other * 100 + letters / 2) / letters;
    Some(format!(
        "{percent} % of this report's letters are in {} script, which Incident Atlas does not read: \
         only English and French text is extracted, so incidents told in that part are missing; \
         add a translation to code them",
        most.name()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_french_are_read() {
        assert_eq!(
            unsupported_script_warning("Des hommes armés ont attaqué Djibo le 3 mars."),
            None
        );
        assert_eq!(
            unsupported_script_warning("Gunmen attacked Ɓogande; Ŋaaba fled."),
            None
        );
    }

    #[test]
    fn an_arabic_report_is_named() {
        let w = unsupported_script_warning("هاجم مسلحون قرية قرب جيبو وقتلوا عشرة مدنيين").unwrap();
        assert!(w.contains("Arabic"), "{w}");
        assert!(w.starts_with("100 %"), "{w}");
    }

    #[test]
    fn a_quoted_arabic_phrase_in_a_french_report_is_not_a_warning() {
        let text = "Le groupe, qui se fait appeler جماعة نصرة الإسلام والمسلمين dans ses \
                    communiqués, a revendiqué l'attaque de la base de Djibo, selon plusieurs \
                    sources sécuritaires citées par la presse locale burkinabè ce lundi matin.";
        assert_eq!(unsupported_script_warning(text), None);
    }

    #[test]
    fn nko_and_tifinagh_are_named() {
        assert!(
            unsupported_script_warning("ߒߞߏ ߞߊ߲ ߦߋ߫ ߞߊ߲ ߘߐ߫")
                .unwrap()
                .contains("N'Ko")
        );
        assert!(
            unsupported_script_warning("ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵎⴰⵣⵉⵖⵜ")
                .unwrap()
                .contains("Tifinagh")
        );
    }

    #[test]
    fn every_script_counts_in_its_own_slot() {
        for (i, script) in Script::ALL.iter().enumerate() {
            assert_eq!(*script as usize, i, "{script:?}");
        }
    }

    #[test]
    fn no_letters_no_warning() {
        assert_eq!(unsupported_script_warning("12 / 03 — 2024 !!"), None);
    }
}
