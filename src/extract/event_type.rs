//! ACLED event types and sub-event types from the words of an incident.
//!
//! The rules, in the order they are tried (the first that fits wins):
//! 1. protest or riot words and no armed actor: Protests / Riots;
//! 2. explosives at a distance (IED, landmine, drone, air strike, shelling):
//!    Explosions/Remote violence;
//! 3. a massacre or mass graves: Violence against civilians / Attack;
//! 4. an assault on a military base, post or barracks, or armed actors on
//!    both sides: Battles; "Non-state actor overtakes territory" when the
//!    attackers held the place, otherwise "Armed clash";
//! 5. civilians as victims: Violence against civilians ("Abduction/forced
//!    disappearance" for kidnappings, otherwise "Attack");
//! 6. looting or burning without a clash: Strategic developments /
//!    "Looting/property destruction";
//! 7. armed men seen roving or parading: Strategic developments / "Other";
//! 8. anything else: Battles / "Armed clash" when soldiers are involved,
//!    else Violence against civilians / "Attack".

use crate::model::EventType;

use super::words::words;

/// What the sentences of one incident say happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cues {
    pub military_site: bool,
    pub explosive: Option<&'static str>,
    pub massacre: bool,
    pub held: bool,
    pub abduction: bool,
    pub looting: bool,
    pub burning: bool,
    pub protest: bool,
    pub riot: bool,
    pub presence: bool,
}

impl Cues {
    /// Adds what another sentence of the same incident says.
    pub fn merge(&mut self, o: Cues) {
        self.military_site |= o.military_site;
        self.explosive = self.explosive.or(o.explosive);
        self.massacre |= o.massacre;
        self.held |= o.held;
        self.abduction |= o.abduction;
        self.looting |= o.looting;
        self.burning |= o.burning;
        self.protest |= o.protest;
        self.riot |= o.riot;
        self.presence |= o.presence;
    }
}

const SITES: &[&str] = &[
    "base",
    "post",
    "outpost",
    "barracks",
    "camp",
    "garrison",
    "checkpoint",
    "caserne",
    "poste",
    "detachement",
    "position",
    "positions",
];
const SITE_OWNERS: &[&str] = &["military", "army", "militaire", "gendarmerie", "police"];

/// The cues of one sentence.
pub fn cues(sentence: &str) -> Cues {
    let ws = words(sentence);
    let mut c = Cues::default();
    for (i, w) in ws.iter().enumerate() {
        let f = w.folded.as_str();
        let next = ws.get(i + 1).map_or("", |w| w.folded.as_str());
        let near_owner = ws[i.saturating_sub(3)..(i + 4).min(ws.len())]
            .iter()
            .any(|x| x.is_any(SITE_OWNERS));
        if (SITES.contains(&f) && near_owner) || matches!(f, "barracks" | "caserne" | "garrison") {
            c.military_site = true;
        }
        match f {
            "ied" | "ieds" | "landmine" | "landmines" => {
                c.explosive = Some("Remote explosive/landmine/IED")
            }
            "improvised" if next == "explosive" => {
                c.explosive = Some("Remote explosive/landmine/IED")
            }
            "roadside" if next == "bomb" => c.explosive = Some("Remote explosive/landmine/IED"),
            "engin" | "engins" if next.starts_with("explosif") => {
                c.explosive = Some("Remote explosive/landmine/IED");
            }
            "mine" if matches!(next, "blast" | "explosion") => {
                c.explosive = Some("Remote explosive/landmine/IED");
            }
            "drone" | "drones" | "airstrike" | "airstrikes" => {
                c.explosive = Some("Air/drone strike")
            }
            "air" | "aerienne" | "aeriennes"
                if matches!(next, "strike" | "strikes" | "raid") || f != "air" =>
            {
                c.explosive = Some("Air/drone strike");
            }
            "shelling" | "shelled" | "artillery" | "mortar" | "mortars" | "obus" => {
                c.explosive = Some("Shelling/artillery/missile attack");
            }
            "massacre" | "massacred" | "massacres" => c.massacre = true,
            "graves" if i > 0 && ws[i - 1].is("mass") => c.massacre = true,
            "control"
                if i > 0
                    && ws[i - 1].is_any(&[
                        "maintained",
                        "took",
                        "seized",
                        "held",
                        "taken",
                        "kept",
                    ]) =>
            {
                c.held = true
            }
            "controle" if i > 1 && ws[i - 2].is_any(&["pris", "garde"]) => c.held = true,
            "occupied" | "overran" | "captured"
                if !next.is_empty() && !matches!(next, "weapons" | "a" | "arms") =>
            {
                c.held |= f != "captured";
            }
            "kidnapped" | "abducted" | "abduction" | "enleves" | "enlevement" | "kidnapping" => {
                c.abduction = true
            }
            "looted" | "loot" | "looting" | "pillage" | "pille" | "pillaged" | "emptied"
            | "stole" | "stolen" | "seized" | "seizure" => c.looting = true,
            "burned" | "burnt" | "burn" | "ablaze" | "torched" | "incendie" | "incendies"
            | "brule" | "brules" => c.burning = true,
            "protest" | "protests" | "protesters" | "demonstrators" | "demonstration"
            | "manifestation" | "manifestants" | "marched" | "sit-in" => c.protest = true,
            "riot" | "riots" | "rioters" | "emeute" | "emeutes" | "mob" => c.riot = true,
            "roving" | "roamed" | "roaming" | "paraded" | "parading" | "patrolled" => {
                c.presence = true
            }
            _ => {}
        }
    }
    c
}

/// Who was involved, as far as classification needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sides {
    pub armed_groups: usize,
    pub state_forces: bool,
    pub civilians: bool,
    pub killing: bool,
}

/// The event type and ACLED sub-event type (see the module header).
pub fn classify(c: &Cues, s: &Sides) -> (EventType, &'static str) {
    let armed = s.armed_groups > 0 || s.state_forces;
    if c.riot && !armed {
        return (EventType::Riots, "Violent demonstration");
    }
    if c.protest && !armed {
        return (EventType::Protests, "Peaceful protest");
    }
    if let Some(sub) = c.explosive {
        return (EventType::ExplosionsRemoteViolence, sub);
    }
    if c.massacre {
        return (EventType::ViolenceAgainstCivilians, "Attack");
    }
    let two_sides = s.armed_groups >= 2 || (s.armed_groups >= 1 && s.state_forces);
    if c.military_site || (two_sides && !s.civilians) {
        let sub = if c.held {
            "Non-state actor overtakes territory"
        } else {
            "Armed clash"
        };
        return (EventType::Battles, sub);
    }
    if s.civilians {
        if c.abduction {
            return (
                EventType::ViolenceAgainstCivilians,
                "Abduction/forced disappearance",
            );
        }
        return (EventType::ViolenceAgainstCivilians, "Attack");
    }
    if two_sides {
        return (EventType::Battles, "Armed clash");
    }
    if (c.looting || c.burning) && !s.killing {
        return (
            EventType::StrategicDevelopments,
            "Looting/property destruction",
        );
    }
    if c.presence && !s.killing {
        return (EventType::StrategicDevelopments, "Other");
    }
    if s.state_forces {
        return (EventType::Battles, "Armed clash");
    }
    (EventType::ViolenceAgainstCivilians, "Attack")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sides(groups: usize, state: bool, civ: bool, killing: bool) -> Sides {
        Sides {
            armed_groups: groups,
            state_forces: state,
            civilians: civ,
            killing,
        }
    }

    #[test]
    fn an_assault_on_a_military_base_is_a_battle() {
        let c = cues("militants stormed the army base at dawn");
        assert_eq!(
            classify(&c, &sides(1, true, false, true)),
            (EventType::Battles, "Armed clash")
        );
    }

    #[test]
    fn holding_the_barracks_is_overtaking_territory() {
        let c = cues("they maintained control of the barracks for hours");
        assert_eq!(
            classify(&c, &sides(1, true, false, false)),
            (EventType::Battles, "Non-state actor overtakes territory")
        );
    }

    #[test]
    fn killing_villagers_is_violence_against_civilians() {
        let c = cues("gunmen shot villagers in the market");
        assert_eq!(
            classify(&c, &sides(1, false, true, true)),
            (EventType::ViolenceAgainstCivilians, "Attack")
        );
    }

    #[test]
    fn an_ied_is_remote_violence_even_against_soldiers() {
        let c = cues("un engin explosif a touché un convoi de soldats");
        assert_eq!(
            classify(&c, &sides(0, true, false, true)).0,
            EventType::ExplosionsRemoteViolence
        );
    }

    #[test]
    fn looting_without_a_clash_is_a_strategic_development() {
        let c = cues("the shops were looted and torched overnight");
        assert_eq!(
            classify(&c, &sides(1, false, false, false)),
            (
                EventType::StrategicDevelopments,
                "Looting/property destruction"
            )
        );
    }

    #[test]
    fn an_unarmed_march_is_a_protest() {
        let c = cues("hundreds of demonstrators marched to the governor's office");
        assert_eq!(
            classify(&c, &sides(0, false, false, false)).0,
            EventType::Protests
        );
    }
}
