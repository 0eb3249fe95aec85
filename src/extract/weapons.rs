//! Weapons and equipment named in a report, as an analyst would list them.
//!
//! A small vocabulary of makes and kinds: the names travel well between
//! reports ("RPG-7", "Type 56") and an analyst looks for exactly these.

use super::words::{Word, words};

/// (folded words to match, label to report). Longer names come first so
/// "Zastava M05E1 rifles" wins over "rifles".
const WEAPONS: &[(&[&str], &str)] = &[
    (&["zastava", "m05e1"], "Zastava M05E1 rifles"),
    (&["zastava"], "Zastava rifles"),
    (&["rpg-7"], "RPG-7 launchers"),
    (&["pg-7v"], "PG-7V rockets"),
    (&["type", "56"], "Type 56 rifles"),
    (&["ak-47"], "AK-47 rifles"),
    (&["kalashnikov"], "Kalashnikov rifles"),
    (&["kalachnikov"], "Kalashnikov rifles"),
    (&["pkm"], "PKM machine guns"),
    (&["machine", "guns"], "machine guns"),
    (&["mortars"], "mortars"),
    (&["mortar"], "mortars"),
    (&["rocket", "launchers"], "rocket launchers"),
    (&["armoured", "vehicles"], "armoured vehicles"),
    (&["armored", "vehicles"], "armoured vehicles"),
    (&["blindes"], "armoured vehicles"),
    (&["military", "ambulance"], "military ambulance"),
    (&["ambulance"], "ambulance"),
    (&["motorbikes"], "motorbikes"),
    (&["motor-bikes"], "motorbikes"),
    (&["motorcycles"], "motorbikes"),
    (&["motos"], "motorbikes"),
    (&["pick-up", "trucks"], "pick-up trucks"),
    (&["pickups"], "pick-up trucks"),
    (&["firearms"], "firearms"),
    (&["rifles"], "rifles"),
    (&["ammunition"], "ammunition"),
    (&["munitions"], "ammunition"),
    (&["ied"], "IED"),
    (&["improvised", "explosive"], "IED"),
    (&["engin", "explosif"], "IED"),
    (&["landmine"], "landmine"),
    (&["drone"], "drone"),
    (&["drones"], "drone"),
];

/// Whether a folded word can open a name of [`WEAPONS`]: most words
/// cannot, and are passed over without trying every name.
fn opens_a_name(folded: &str) -> bool {
    matches!(
        folded,
        "zastava"
            | "rpg-7"
            | "pg-7v"
            | "type"
            | "ak-47"
            | "kalashnikov"
            | "kalachnikov"
            | "pkm"
            | "machine"
            | "mortars"
            | "mortar"
            | "rocket"
            | "armoured"
            | "armored"
            | "blindes"
            | "military"
            | "ambulance"
            | "motorbikes"
            | "motor-bikes"
            | "motorcycles"
            | "motos"
            | "pick-up"
            | "pickups"
            | "firearms"
            | "rifles"
            | "ammunition"
            | "munitions"
            | "ied"
            | "improvised"
            | "engin"
            | "landmine"
            | "drone"
            | "drones"
    )
}

/// The weapons named in `text`, each label once, in order of appearance.
pub fn find_weapons(text: &str) -> Vec<String> {
    find_weapons_in(&words(text))
}

/// [`find_weapons`] over words already split.
pub fn find_weapons_in(ws: &[Word<'_>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !opens_a_name(&ws[i].folded) {
            i += 1;
            continue;
        }
        let hit = WEAPONS.iter().find(|(pattern, _)| {
            pattern
                .iter()
                .enumerate()
                .all(|(k, p)| ws.get(i + k).is_some_and(|w| w.folded == *p))
        });
        match hit {
            Some((pattern, label)) => {
                // "rifles" after a make is part of that make's label.
                let generic = matches!(*label, "rifles" | "firearms");
                let covered =
                    generic && out.iter().any(|l| l.ends_with("rifles")) && *label == "rifles";
                if !covered && !out.iter().any(|l| l == label) {
                    out.push((*label).to_string());
                }
                i += pattern.len();
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
    fn every_weapon_name_opens_with_a_word_the_quick_filter_lets_through() {
        for (pattern, label) in WEAPONS {
            assert!(pattern.first().is_some_and(|w| opens_a_name(w)), "{label}");
        }
    }

    #[test]
    fn equipment_counts_as_well() {
        assert_eq!(
            find_weapons("the attackers drove off in a military ambulance with firearms"),
            vec!["military ambulance", "firearms"]
        );
    }
}
