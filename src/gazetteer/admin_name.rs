//! The bare name of an admin unit.
//!
//! GeoNames writes "Province du Soum", "Gnagna Province", "Boussouma
//! Department", "Préfecture de Tandjouaré"; reports write "Soum province",
//! "in Gnagna", "the Loroum". Stripping the unit word on both sides makes
//! them meet. Works on folded names (see [`super::fold`]).

/// Which kind of unit the stripped word names, so a query that says
/// "province" can prefer second-order units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitWord {
    /// "region", "état"/"state": usually a first-order unit.
    Region,
    /// "province", "préfecture", "cercle": second-order in BF, TG, ML.
    Province,
    /// "department", "commune": third-order in Burkina Faso.
    Department,
}

impl UnitWord {
    /// The GeoNames feature code this word most often stands for here.
    pub fn feature_code(self) -> &'static str {
        match self {
            UnitWord::Region => "ADM1",
            UnitWord::Province => "ADM2",
            UnitWord::Department => "ADM3",
        }
    }
}

/// Prefixes, longest first so "province de la" wins over "province".
const PREFIXES: &[(&str, UnitWord)] = &[
    ("province de la ", UnitWord::Province),
    ("province de l ", UnitWord::Province),
    ("province des ", UnitWord::Province),
    ("province du ", UnitWord::Province),
    ("province de ", UnitWord::Province),
    ("province d ", UnitWord::Province),
    ("province of ", UnitWord::Province),
    ("province ", UnitWord::Province),
    ("prefecture de la ", UnitWord::Province),
    ("prefecture de l ", UnitWord::Province),
    ("prefecture des ", UnitWord::Province),
    ("prefecture du ", UnitWord::Province),
    ("prefecture de ", UnitWord::Province),
    ("prefecture d ", UnitWord::Province),
    ("prefecture ", UnitWord::Province),
    ("cercle de ", UnitWord::Province),
    ("cercle d ", UnitWord::Province),
    ("cercle ", UnitWord::Province),
    ("departement de la ", UnitWord::Department),
    ("departement de l ", UnitWord::Department),
    ("departement des ", UnitWord::Department),
    ("departement du ", UnitWord::Department),
    ("departement de ", UnitWord::Department),
    ("departement d ", UnitWord::Department),
    ("departement ", UnitWord::Department),
    ("department of ", UnitWord::Department),
    ("commune rurale de ", UnitWord::Department),
    ("commune urbaine de ", UnitWord::Department),
    ("commune de l ", UnitWord::Department),
    ("commune de ", UnitWord::Department),
    ("commune d ", UnitWord::Department),
    ("region de la ", UnitWord::Region),
    ("region de l ", UnitWord::Region),
    ("region des ", UnitWord::Region),
    ("region du ", UnitWord::Region),
    ("region de ", UnitWord::Region),
    ("region d ", UnitWord::Region),
    ("region of ", UnitWord::Region),
    ("region ", UnitWord::Region),
    ("etat de ", UnitWord::Region),
    ("etat d ", UnitWord::Region),
];

const SUFFIXES: &[(&str, UnitWord)] = &[
    (" province", UnitWord::Province),
    (" prefecture", UnitWord::Province),
    (" cercle", UnitWord::Province),
    (" department", UnitWord::Department),
    (" departement", UnitWord::Department),
    (" commune", UnitWord::Department),
    (" region", UnitWord::Region),
    (" state", UnitWord::Region),
];

/// Separates French elided articles from the name they precede, before
/// folding: "région de l'Est" -> "région de l Est", so that the unit words
/// can be stripped ("l'" and "d'" written lower-case at the start of a word).
/// A capitalised particle stays joined: "Fada N'Gourma" is one name.
pub fn unelide(name: &str) -> std::borrow::Cow<'_, str> {
    let bytes = name.as_bytes();
    let elided = |i: usize| {
        matches!(bytes[i], b'l' | b'd')
            && (i == 0 || bytes[i - 1] == b' ')
            && name[i + 1..].starts_with(['\'', '\u{2019}'])
    };
    if !(0..bytes.len()).any(elided) {
        return std::borrow::Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len() + 2);
    let mut skip_quote = false;
    for (i, c) in name.char_indices() {
        if skip_quote {
            skip_quote = false;
            out.push(' ');
            continue;
        }
        out.push(c);
        if c.is_ascii() && elided(i) {
            skip_quote = true;
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Strips one unit word from a folded name: `("soum", Some(Province))` for
/// "province du soum". A name that is only the word ("region") is kept
/// whole, with `None`.
pub fn bare_admin_name(folded: &str) -> (&str, Option<UnitWord>) {
    // Every article, unit prefix and unit suffix holds a space: a one-word
    // name (most lookups) has none to strip, and skips the scan.
    if !folded.contains(' ') {
        return (folded, None);
    }
    let folded = ["the ", "la ", "le ", "l "]
        .iter()
        .find_map(|a| folded.strip_prefix(a))
        .unwrap_or(folded);
    for (prefix, word) in PREFIXES {
        if let Some(rest) = folded.strip_prefix(prefix)
            && !rest.is_empty()
        {
            return (rest, Some(*word));
        }
    }
    for (suffix, word) in SUFFIXES {
        if let Some(rest) = folded.strip_suffix(suffix)
            && !rest.is_empty()
        {
            return (rest, Some(*word));
        }
    }
    (folded, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_article_and_unit_word_holds_a_space_so_one_word_names_skip_the_scan() {
        assert!(PREFIXES.iter().all(|(p, _)| p.contains(' ')));
        assert!(SUFFIXES.iter().all(|(s, _)| s.contains(' ')));
        assert_eq!(bare_admin_name("soum"), ("soum", None));
    }

    #[test]
    fn geonames_province_names_lose_their_unit_word() {
        assert_eq!(
            bare_admin_name("province du soum"),
            ("soum", Some(UnitWord::Province))
        );
        assert_eq!(bare_admin_name("province de la tapoa").0, "tapoa");
        assert_eq!(bare_admin_name("province des bale").0, "bale");
        assert_eq!(bare_admin_name("gnagna province").0, "gnagna");
        assert_eq!(
            bare_admin_name("boussouma department"),
            ("boussouma", Some(UnitWord::Department))
        );
        assert_eq!(
            bare_admin_name("departement de fada ngourma").0,
            "fada ngourma"
        );
        assert_eq!(bare_admin_name("prefecture de tandjouare").0, "tandjouare");
        assert_eq!(
            bare_admin_name("boucle du mouhoun region").0,
            "boucle du mouhoun"
        );
    }

    #[test]
    fn report_phrasings_lose_their_unit_word_too() {
        assert_eq!(bare_admin_name("kaya province").0, "kaya");
        assert_eq!(bare_admin_name("the loroum province").0, "loroum");
    }

    #[test]
    fn elided_articles_are_set_apart_but_particles_are_not() {
        assert_eq!(unelide("région de l'Est"), "région de l Est");
        assert_eq!(unelide("province d\u{2019}Oudalan"), "province d Oudalan");
        assert_eq!(unelide("Fada N'Gourma"), "Fada N'Gourma");
        assert_eq!(bare_admin_name("la province de la gnagna").0, "gnagna");
    }

    #[test]
    fn plain_names_and_bare_unit_words_are_kept() {
        assert_eq!(bare_admin_name("sanmatenga"), ("sanmatenga", None));
        assert_eq!(bare_admin_name("region"), ("region", None));
        assert_eq!(bare_admin_name("province"), ("province", None));
    }
}
