//! Weapons and equipment named in a report, as an analyst would list them.
//!
//! A small vocabulary of makes and kinds (`data/lexicon/weapons.tsv`): the names travel well between
//! reports ("RPG-7", "Type 56") and an analyst looks for exactly these.

use super::lexicon::{Kind, lexicon};
use super::words::{Word, words};

/// The weapons named in `text`, each label once, in order of appearance.
pub fn find_weapons(text: &str) -> Vec<String> {
    find_weapons_in(&words(text))
}

/// [`find_weapons`] over words already split.
pub fn find_weapons_in(ws: &[Word<'_>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        match lexicon().at(Kind::Weapon, ws, i) {
            Some((n, label)) => {
                // "rifles" after a make is part of that make's label.
                let covered = label == "rifles" && out.iter().any(|l| l.ends_with("rifles"));
                if !covered && !out.iter().any(|l| l == label) {
                    out.push(label.to_string());
                }
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn makes_and_models_are_listed_once_each() {
        let w = find_weapons(
            "They took Type 56 rifles, some PG-7V rockets, Zastava M05E1 rifles and RPG-7 launchers; more RPG-7 too.",
        );
        assert_eq!(
            w,
            vec![
                "Type 56 rifles",
                "PG-7V rockets",
                "Zastava M05E1 rifles",
                "RPG-7 launchers"
            ]
        );
    }

    #[test]
    fn equipment_counts_as_well() {
        assert_eq!(
            find_weapons("the attackers drove off in a military ambulance with firearms"),
            vec!["military ambulance", "firearms"]
        );
    }
}
