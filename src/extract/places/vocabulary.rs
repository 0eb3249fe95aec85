//! The words that tell what a capitalised name is: words that end a run of
//! names, words never looked up, and the prepositions, nouns and verbs
//! whose neighbour is a site, a unit, a reference or an attackers' base.
//!
//! Kept apart from the patterns that read them so the patterns stay
//! readable and the lists (mostly in the lexicon) are found in one place.

use crate::extract::lexicon::{Kind, lexicon};

pub(super) fn is_macro_regions(folded: &str) -> bool {
    matches!(
        folded,
        "sahel"
            | "sahara"
            | "west africa"
            | "africa"
            | "liptako"
            | "liptako-gourma"
            | "maghreb"
            | "middle east"
            | "europe"
            | "west"
            | "north"
            | "south"
            | "east"
    )
}
/// Macro-regions that became the name of an admin region in 2025.
pub(super) fn is_regions_since_2025(folded: &str) -> bool {
    matches!(folded, "liptako")
}
pub(super) fn is_capitals(folded: &str) -> bool {
    matches!(
        folded,
        "ouagadougou"
            | "bamako"
            | "niamey"
            | "lome"
            | "cotonou"
            | "dakar"
            | "abuja"
            | "accra"
            | "nouakchott"
            | "n'djamena"
            | "porto-novo"
            | "abidjan"
            | "conakry"
            | "paris"
            | "washington"
    )
}
/// Words that end a run of capitalised words even when capitalised
/// (headlines are in Title Case).
pub(super) fn is_breakers(folded: &str) -> bool {
    matches!(
        folded,
        "in" | "at"
            | "outside"
            | "around"
            | "inside"
            | "across"
            | "towards"
            | "toward"
            | "near"
            | "of"
            | "on"
            | "and"
            | "the"
            | "a"
            | "an"
            | "to"
            | "for"
            | "from"
            | "by"
            | "with"
            | "after"
            | "as"
            | "de"
            | "du"
            | "des"
            | "la"
            | "le"
            | "les"
            | "et"
            | "dans"
            | "pres"
            | "sur"
            | "province"
            | "region"
            | "district"
            | "department"
            | "commune"
            | "village"
            | "town"
            | "city"
            | "provinces"
            | "regions"
            | "state"
            | "group"
            | "forces"
            | "army"
            | "attack"
            | "attacks"
    )
}
/// Words that make up a date between two coordinated places: "on
/// Saturday", "le 10 mai 2025", "on the 12th".
pub(super) fn is_date_filler(folded: &str) -> bool {
    crate::extract::dates::weekday(folded).is_some()
        || crate::extract::dates::month(folded).is_some()
        || folded.starts_with(|c: char| c.is_ascii_digit())
        || matches!(folded, "on" | "le" | "the" | "of" | "du" | "in" | "en")
}

/// Words never looked up as places.
pub(super) fn is_not_places(folded: &str) -> bool {
    crate::extract::dates::weekday(folded).is_some()
        || crate::extract::dates::month(folded).is_some()
        || matches!(
            folded,
            "reuters"
                | "afp"
                | "ap"
                | "site"
                | "jnim"
                | "isis"
                | "vdp"
                | "un"
                | "ecowas"
                | "islam"
                | "muslims"
                | "allah"
                | "god"
        )
}
/// Nouns whose "of X" / "de X" is the place itself: settlements, the
/// facilities in them ("le poste militaire de Markoye", "l'école de
/// Gayéri"), their people and streets ("the streets of Dori").
pub(super) fn is_site_noun(folded: &str) -> bool {
    lexicon().is(Kind::SiteNoun, folded)
}

/// Words between a site noun and "de": "le poste militaire de X".
pub(super) fn is_site_adjective(folded: &str) -> bool {
    lexicon().is(Kind::SiteAdjective, folded)
}

/// Site nouns that name a spread, not a point: "la zone de Téra", "the
/// Djibo area", "the commune of Arbinda" are near the town, not in it.
pub(super) fn is_area_noun(folded: &str) -> bool {
    lexicon().is(Kind::AreaNoun, folded)
}
pub(super) fn is_admin_nouns(folded: &str) -> bool {
    lexicon().is(Kind::AdminNoun, folded)
}
pub(super) fn is_site_preps(folded: &str) -> bool {
    lexicon().is(Kind::SitePrep, folded)
}
/// Verbs whose object is the place struck: "attacked Titao", "overran Djibo".
pub(super) fn is_attack_verbs(folded: &str) -> bool {
    matches!(
        lexicon().value(Kind::Attack, folded),
        Some("verb" | "object")
    )
}
/// Nouns whose "on X" is the place struck.
pub(super) fn is_attack_nouns(folded: &str) -> bool {
    lexicon().value(Kind::Attack, folded) == Some("noun")
}
pub(super) fn is_near_preps(folded: &str) -> bool {
    lexicon().is(Kind::NearPrep, folded)
}
pub(super) fn is_directions(folded: &str) -> bool {
    lexicon().is(Kind::Direction, folded)
}
pub(super) fn is_away_verbs(folded: &str) -> bool {
    lexicon().is(Kind::Away, folded)
}
