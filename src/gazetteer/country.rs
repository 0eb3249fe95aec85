//! Country names and the words reports use for them.
//!
//! Reports name countries in English or French, and often only through an
//! adjective ("Togolese soldiers", "l'armée burkinabè"); the extractor needs
//! the ISO code behind any of them to know which country a report is about.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::fold::{fold, fold_ascii_into};

/// ISO 3166-1 alpha-2 code and English short name, as ACLED writes it.
const COUNTRIES: &[(&str, &str)] = &[
    ("BF", "Burkina Faso"),
    ("ML", "Mali"),
    ("NE", "Niger"),
    ("TG", "Togo"),
    ("BJ", "Benin"),
    ("GH", "Ghana"),
    ("CI", "Ivory Coast"),
    ("NG", "Nigeria"),
    ("TD", "Chad"),
    ("MR", "Mauritania"),
    ("SN", "Senegal"),
    ("GN", "Guinea"),
    ("GM", "Gambia"),
    ("GW", "Guinea-Bissau"),
    ("SL", "Sierra Leone"),
    ("LR", "Liberia"),
    ("CM", "Cameroon"),
    ("DZ", "Algeria"),
    ("LY", "Libya"),
    ("MA", "Morocco"),
    ("SD", "Sudan"),
    ("CF", "Central African Republic"),
    ("FR", "France"),
    ("US", "United States"),
    ("RU", "Russia"),
    ("GB", "United Kingdom"),
    ("IR", "Iran"),
];

/// Folded words (names in English and French, demonyms) for each code.
/// Ambiguous words are left out: "guinea" alone stays Guinea, and
/// "niger" means the country, never the river, when a report names a country.
const WORDS: &[(&str, &str)] = &[
    ("burkina faso", "BF"),
    ("burkina", "BF"),
    ("burkinabe", "BF"),
    ("burkinabes", "BF"),
    ("burkinais", "BF"),
    ("mali", "ML"),
    ("malian", "ML"),
    ("malians", "ML"),
    ("malien", "ML"),
    ("malienne", "ML"),
    ("maliens", "ML"),
    ("maliennes", "ML"),
    ("niger", "NE"),
    ("nigerien", "NE"),
    ("nigeriens", "NE"),
    ("nigerienne", "NE"),
    ("nigeriennes", "NE"),
    ("togo", "TG"),
    ("togolese", "TG"),
    ("togolais", "TG"),
    ("togolaise", "TG"),
    ("togolaises", "TG"),
    ("benin", "BJ"),
    ("beninese", "BJ"),
    ("beninois", "BJ"),
    ("beninoise", "BJ"),
    ("beninoises", "BJ"),
    ("ghana", "GH"),
    ("ghanaian", "GH"),
    ("ghaneen", "GH"),
    ("ivory coast", "CI"),
    ("cote divoire", "CI"),
    ("cote d ivoire", "CI"),
    ("ivorian", "CI"),
    ("ivoirien", "CI"),
    ("ivoirienne", "CI"),
    ("nigeria", "NG"),
    ("nigerian", "NG"),
    ("nigerians", "NG"),
    ("chad", "TD"),
    ("tchad", "TD"),
    ("chadian", "TD"),
    ("tchadien", "TD"),
    ("mauritania", "MR"),
    ("mauritanie", "MR"),
    ("mauritanian", "MR"),
    ("senegal", "SN"),
    ("senegalese", "SN"),
    ("senegalais", "SN"),
    ("guinea", "GN"),
    ("guinee", "GN"),
    ("guinean", "GN"),
    ("gambia", "GM"),
    ("the gambia", "GM"),
    ("gambie", "GM"),
    ("gambian", "GM"),
    ("guinea bissau", "GW"),
    ("guinee bissau", "GW"),
    ("sierra leone", "SL"),
    ("sierra leonean", "SL"),
    ("liberia", "LR"),
    ("liberian", "LR"),
    ("cameroon", "CM"),
    ("cameroun", "CM"),
    ("cameroonian", "CM"),
    ("algeria", "DZ"),
    ("algerie", "DZ"),
    ("algerian", "DZ"),
    ("libya", "LY"),
    ("libye", "LY"),
    ("libyan", "LY"),
    ("morocco", "MA"),
    ("maroc", "MA"),
    ("sudan", "SD"),
    ("soudan", "SD"),
    ("central african republic", "CF"),
    ("centrafrique", "CF"),
    ("france", "FR"),
    ("french", "FR"),
    ("united states", "US"),
    ("u s", "US"),
    ("u s a", "US"),
    ("usa", "US"),
    ("etats unis", "US"),
    ("american", "US"),
    ("russia", "RU"),
    ("russie", "RU"),
    ("russian", "RU"),
    ("united kingdom", "GB"),
    ("britain", "GB"),
    ("british", "GB"),
    ("iran", "IR"),
    ("iranian", "IR"),
];

/// The English name of a country by ISO code ("BF" -> "Burkina Faso").
pub fn country_name(cc: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|(code, _)| code.eq_ignore_ascii_case(cc))
        .map(|(_, name)| *name)
}

/// The ISO code for a country name or adjective, in English or French.
pub fn find_country(name: &str) -> Option<&'static str> {
    let probe = |folded: &str| {
        let folded = folded.strip_prefix("the ").unwrap_or(folded);
        by_word().get(folded).copied()
    };
    // The extractor asks this of every capitalised run of a report: fold
    // the usual short ASCII run on the stack rather than allocate.
    let mut buf = [0u8; 64];
    match fold_ascii_into(name, &mut buf) {
        Some(folded) => probe(folded),
        None => probe(&fold(name)),
    }
}

/// [`WORDS`] hashed, built once; the first listing of a word wins.
fn by_word() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::with_capacity(WORDS.len());
        for (word, code) in WORDS {
            map.entry(*word).or_insert(*code);
        }
        map
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_code_has_a_name_and_the_name_reads_back() {
        for (code, name) in COUNTRIES {
            assert_eq!(country_name(code), Some(*name));
            assert_eq!(find_country(name), Some(*code), "{name}");
        }
        assert_eq!(country_name("bf"), Some("Burkina Faso"));
        assert_eq!(country_name("XX"), None);
    }

    #[test]
    fn adjectives_and_french_names_find_their_country() {
        assert_eq!(find_country("Burkina"), Some("BF"));
        assert_eq!(find_country("Burkinabè"), Some("BF"));
        assert_eq!(find_country("Togolese"), Some("TG"));
        assert_eq!(find_country("Malian"), Some("ML"));
        assert_eq!(find_country("Nigerien"), Some("NE"));
        assert_eq!(find_country("Nigérien"), Some("NE"));
        assert_eq!(find_country("Nigerian"), Some("NG"));
        assert_eq!(find_country("Beninese"), Some("BJ"));
        assert_eq!(find_country("Côte d'Ivoire"), Some("CI"));
        assert_eq!(find_country("the U.S."), Some("US"));
    }

    #[test]
    fn ordinary_words_are_not_countries() {
        assert_eq!(find_country("Kaya"), None);
        assert_eq!(find_country("Sunday"), None);
        assert_eq!(find_country(""), None);
    }
}
