//! ACLED event types and sub-event types from the words of an incident.
//!
//! [`SUB_EVENT_TYPES`] is ACLED's table: 6 event types, 25 sub-event types,
//! each with the situation it codes. Every pair [`classify`] returns is in it.
//!
//! The rules, in the order they are tried (the first that fits wins):
//! 1. protest or riot words and no armed actor: Protests / Riots ("Protest
//!    with intervention" when police dispersed the crowd, "Excessive force
//!    against protesters" when protesters were killed, "Mob violence" for a
//!    lynching);
//! 2. explosives at a distance: Explosions/Remote violence, the sub-event
//!    after the weapon (suicide bomber, grenade, IED or landmine, drone or
//!    air strike, shelling);
//! 3. a defused bomb: Strategic developments / "Disrupted weapons use";
//!    arrests without fighting: "Arrests";
//! 4. rape or sexual violence: Violence against civilians / "Sexual violence";
//!    a massacre or mass graves: Violence against civilians / Attack;
//! 4. an assault on a military base, post or barracks, or armed actors on
//!    both sides: Battles; "Non-state actor overtakes territory" when the
//!    attackers held the place, "Government regains territory" when the
//!    army retook it, otherwise "Armed clash";
//! 5. civilians as victims: Violence against civilians ("Abduction/forced
//!    disappearance" for kidnappings, otherwise "Attack");
//! 6. looting or burning without a clash: Strategic developments /
//!    "Looting/property destruction";
//! 7. armed men seen roving or parading: Strategic developments / "Other";
//! 8. anything else: Battles / "Armed clash" when soldiers are involved,
//!    else Violence against civilians / "Attack".

use crate::model::EventType;

/// ACLED's sub-event types: (event type, sub-event type, what it codes).
pub const SUB_EVENT_TYPES: [(EventType, &str, &str); 25] = [
    (
        EventType::Battles,
        "Armed clash",
        "armed, organised sides fight and no territory changes hands",
    ),
    (
        EventType::Battles,
        "Government regains territory",
        "state forces take back a place held by a non-state group",
    ),
    (
        EventType::Battles,
        "Non-state actor overtakes territory",
        "a non-state group takes and holds a place by force",
    ),
    (
        EventType::ExplosionsRemoteViolence,
        "Chemical weapon",
        "a chemical weapon is used",
    ),
    (
        EventType::ExplosionsRemoteViolence,
        "Air/drone strike",
        "aircraft or drones strike",
    ),
    (
        EventType::ExplosionsRemoteViolence,
        "Suicide bomb",
        "a suicide bomber or vehicle-borne suicide attack",
    ),
    (
        EventType::ExplosionsRemoteViolence,
        "Shelling/artillery/missile attack",
        "artillery, mortars, rockets or missiles",
    ),
    (
        EventType::ExplosionsRemoteViolence,
        "Remote explosive/landmine/IED",
        "a bomb, landmine or IED set off at a distance",
    ),
    (
        EventType::ExplosionsRemoteViolence,
        "Grenade",
        "a hand grenade is thrown",
    ),
    (
        EventType::ViolenceAgainstCivilians,
        "Sexual violence",
        "rape or other sexual violence against civilians",
    ),
    (
        EventType::ViolenceAgainstCivilians,
        "Attack",
        "armed actors attack unarmed civilians",
    ),
    (
        EventType::ViolenceAgainstCivilians,
        "Abduction/forced disappearance",
        "civilians are kidnapped or made to disappear",
    ),
    (
        EventType::Protests,
        "Peaceful protest",
        "a demonstration nobody breaks up",
    ),
    (
        EventType::Protests,
        "Protest with intervention",
        "a peaceful demonstration dispersed by force",
    ),
    (
        EventType::Protests,
        "Excessive force against protesters",
        "lethal or severe force against peaceful protesters",
    ),
    (
        EventType::Riots,
        "Violent demonstration",
        "demonstrators turn violent or destroy property",
    ),
    (
        EventType::Riots,
        "Mob violence",
        "an unorganised crowd attacks someone (a lynching)",
    ),
    (
        EventType::StrategicDevelopments,
        "Agreement",
        "a ceasefire, peace deal or release agreement",
    ),
    (
        EventType::StrategicDevelopments,
        "Arrests",
        "people are arrested without a fight",
    ),
    (
        EventType::StrategicDevelopments,
        "Change to group/activity",
        "a group forms, splits, merges or changes behaviour",
    ),
    (
        EventType::StrategicDevelopments,
        "Disrupted weapons use",
        "a bomb is defused or weapons are seized before use",
    ),
    (
        EventType::StrategicDevelopments,
        "Headquarters or base established",
        "a group sets up a base without fighting",
    ),
    (
        EventType::StrategicDevelopments,
        "Looting/property destruction",
        "property is looted or destroyed without a clash",
    ),
    (
        EventType::StrategicDevelopments,
        "Non-violent transfer of territory",
        "a place changes hands without fighting",
    ),
    (
        EventType::StrategicDevelopments,
        "Other",
        "anything else worth recording, such as armed men seen parading",
    ),
];

use super::words::Word;

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
    pub sexual: bool,
    pub arrests: bool,
    pub defused: bool,
    pub regained: bool,
    pub dispersed: bool,
    pub lynching: bool,
    /// The forces defended themselves ("repelled the attackers", "la
    /// riposte de nos unités"): the other side attacked.
    pub defended: bool,
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
        self.sexual |= o.sexual;
        self.arrests |= o.arrests;
        self.defused |= o.defused;
        self.regained |= o.regained;
        self.dispersed |= o.dispersed;
        self.lynching |= o.lynching;
        self.defended |= o.defended;
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
#[cfg(test)]
pub fn cues(sentence: &str) -> Cues {
    cues_in(&super::words::words(sentence))
}

/// [`cues`] over words already split.
pub fn cues_in(ws: &[Word<'_>]) -> Cues {
    let mut c = Cues::default();
    for (i, w) in ws.iter().enumerate() {
        let f = w.folded.as_ref();
        let next = ws.get(i + 1).map_or("", |w| w.folded.as_ref());
        // Asked only of a site word: most words are not one.
        let near_owner = || {
            ws[i.saturating_sub(3)..(i + 4).min(ws.len())]
                .iter()
                .any(|x| x.is_any(SITE_OWNERS))
        };
        if (SITES.contains(&f) && near_owner()) || matches!(f, "barracks" | "caserne" | "garrison")
        {
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
            "explosive" | "explosives" if matches!(next, "device" | "devices" | "charge") => {
                c.explosive = Some("Remote explosive/landmine/IED")
            }
            "bomb" | "bombe" | "bombs" if c.explosive.is_none() => {
                c.explosive = Some("Remote explosive/landmine/IED")
            }
            "engin" | "engins" if next.starts_with("explosif") || next.starts_with("artisana") => {
                c.explosive = Some("Remote explosive/landmine/IED");
            }
            "mine" | "mines"
                if matches!(next, "blast" | "explosion")
                    || ws.iter().any(|x| {
                        x.is_any(&["explosion", "explose", "saute", "sautee", "blast", "struck"])
                    }) =>
            {
                c.explosive = Some("Remote explosive/landmine/IED");
            }
            "drone" | "drones" | "airstrike" | "airstrikes" => {
                c.explosive = Some("Air/drone strike")
            }
            "aviation" | "warplane" | "warplanes" | "aircraft" | "helicopter" | "helicopters"
            | "helicoptere" | "helicopteres" | "avion" | "avions" | "gunship" | "gunships" => {
                c.explosive = Some("Air/drone strike");
            }
            "aerien" | "aeriens" => c.explosive = Some("Air/drone strike"),
            "air" | "aerienne" | "aeriennes"
                if matches!(next, "strike" | "strikes" | "raid") || f != "air" =>
            {
                c.explosive = Some("Air/drone strike");
            }
            "shelling" | "shelled" | "artillery" | "mortar" | "mortars" | "obus" => {
                c.explosive = Some("Shelling/artillery/missile attack");
            }
            "massacre" | "massacred" | "massacres" => c.massacre = true,
            // Summary executions: a killing of people held, not a fight.
            "executed" | "execute" | "executes" | "executees" | "executions" | "summarily"
            | "sommairement"
                if !ws
                    .iter()
                    .any(|x| x.is_any(&["operation", "operations", "mission", "missions"])) =>
            {
                c.massacre = true
            }
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
            "kidnapped" | "abducted" | "abduction" | "enleves" | "enlevement" | "kidnapping"
            | "enlevees" | "enlevee" | "enleve" | "hostages" | "otages" => c.abduction = true,
            "looted" | "loot" | "looting" | "pillage" | "pille" | "pillaged" | "emptied"
            | "stole" | "stolen" | "seized" | "seizure" => c.looting = true,
            "fire" | "feu" if i > 0 && ws[i - 1].is_any(&["set", "le", "sets", "setting"]) => {
                c.burning = true
            }
            "burned" | "burnt" | "burn" | "ablaze" | "torched" | "incendie" | "incendies"
            | "brule" | "brules" => c.burning = true,
            "protest" | "protests" | "protesters" | "demonstrators" | "demonstration"
            | "manifestation" | "manifestants" | "marched" | "sit-in" | "manifeste"
            | "manifestaient" | "manifester" | "rallied" | "rally" | "marcheurs" | "pave" => {
                c.protest = true
            }
            "riot" | "riots" | "rioters" | "emeute" | "emeutes" | "mob" => c.riot = true,
            "roving" | "roamed" | "roaming" | "paraded" | "parading" | "patrolled" => {
                c.presence = true
            }
            "suicide" | "kamikaze" | "kamikazes" | "martyrdom" | "vbied" | "svbied" => {
                c.explosive = Some("Suicide bomb")
            }
            "car" | "voiture" | "vehicule"
                if matches!(next, "bomb" | "piegee" | "piege" | "packed") =>
            {
                c.explosive = Some("Suicide bomb")
            }
            "grenade" | "grenades" => c.explosive = Some("Grenade"),
            "chemical" | "chimique" | "chimiques" => c.explosive = Some("Chemical weapon"),
            "raped" | "rape" | "viol" | "viols" | "violees" | "sexual" | "sexuelles" => {
                c.sexual = true
            }
            "arrested" | "arrests" | "detained" | "arretes" | "interpelles" | "interpelle"
            | "arrestation" => c.arrests = true,
            "defused" | "dismantled" | "desamorce" | "desamorces" | "neutralise"
                if ws
                    .iter()
                    .any(|x| x.is_any(&["ied", "ieds", "bomb", "engin", "explosif", "mine"])) =>
            {
                c.defused = true
            }
            "retook" | "recaptured" | "reprise" | "reconquis" | "reconquete" | "liberated" => {
                c.regained = true
            }
            "dispersed" | "disperse" | "dispersee" | "tear" | "lacrymogene" | "lacrymogenes" => {
                c.dispersed = true
            }
            "lynched" | "lynching" | "lynche" | "lynchage" => c.lynching = true,
            "repelled" | "repulsed" | "repousse" | "repousser" | "repousses" | "riposte"
            | "ripostes" | "riposter" | "contenu" | "contenue" => c.defended = true,
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
    if c.lynching && s.armed_groups == 0 {
        return (EventType::Riots, "Mob violence");
    }
    if c.riot && !armed {
        return (EventType::Riots, "Violent demonstration");
    }
    // Jihadists named in the crowd's demands ("to demand protection from
    // jihadist attacks") are not a side of a protest nobody died in.
    if c.protest && (s.armed_groups == 0 || !s.killing) {
        if s.killing && s.state_forces {
            return (EventType::Protests, "Excessive force against protesters");
        }
        if c.dispersed {
            return (EventType::Protests, "Protest with intervention");
        }
        // Police along the route ("sous l'encadrement des forces de
        // l'ordre") or soldiers cheered by the crowd do not make a clash.
        return (EventType::Protests, "Peaceful protest");
    }
    if c.defused && !s.killing {
        return (EventType::StrategicDevelopments, "Disrupted weapons use");
    }
    if let Some(sub) = c.explosive {
        return (EventType::ExplosionsRemoteViolence, sub);
    }
    if c.arrests && !s.killing && s.armed_groups == 0 {
        return (EventType::StrategicDevelopments, "Arrests");
    }
    if c.sexual && s.civilians {
        return (EventType::ViolenceAgainstCivilians, "Sexual violence");
    }
    if c.massacre {
        return (EventType::ViolenceAgainstCivilians, "Attack");
    }
    let two_sides = s.armed_groups >= 2 || (s.armed_groups >= 1 && s.state_forces);
    if c.military_site || (two_sides && !s.civilians) {
        let sub = if c.regained && s.state_forces {
            "Government regains territory"
        } else if c.held {
            "Non-state actor overtakes territory"
        } else {
            "Armed clash"
        };
        return (EventType::Battles, sub);
    }
    if c.abduction {
        // Whoever was taken, unless soldiers are named, is a civilian: a
        // village chief and his advisers, aid workers, drivers.
        return (
            EventType::ViolenceAgainstCivilians,
            "Abduction/forced disappearance",
        );
    }
    // Burned or looted with nobody hurt: property destruction, even when
    // villagers were ordered out first.
    if (c.looting || c.burning) && !s.killing {
        return (
            EventType::StrategicDevelopments,
            "Looting/property destruction",
        );
    }
    if s.civilians {
        return (EventType::ViolenceAgainstCivilians, "Attack");
    }
    if two_sides {
        return (EventType::Battles, "Armed clash");
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
    fn the_table_has_acled_s_six_types_and_twenty_five_sub_types() {
        for t in EventType::ALL {
            assert!(SUB_EVENT_TYPES.iter().any(|(e, _, _)| *e == t), "{t}");
        }
        let mut names: Vec<&str> = SUB_EVENT_TYPES.iter().map(|(_, n, _)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 25);
    }

    #[test]
    fn every_classification_is_a_pair_of_the_table() {
        let sentences = [
            "militants stormed the army base",
            "a drone strike hit the camp",
            "a suicide bomber blew himself up",
            "a grenade was thrown into the bar",
            "an IED was defused by deminers",
            "police arrested three suspects",
            "the women were raped",
            "the shops were looted",
            "armed men were seen roving",
            "a mob lynched a suspected thief",
            "police dispersed the protesters with tear gas",
            "the army retook the town after fighting",
            "rioters burned tyres",
            "gunmen kidnapped villagers",
        ];
        for s in sentences {
            for sides in [
                sides(0, false, false, false),
                sides(1, false, true, true),
                sides(1, true, false, false),
                sides(0, true, false, true),
            ] {
                let (t, sub) = classify(&cues(s), &sides);
                assert!(
                    SUB_EVENT_TYPES.iter().any(|(e, n, _)| *e == t && *n == sub),
                    "{s}: {t} / {sub}"
                );
            }
        }
    }

    #[test]
    fn a_mine_that_exploded_is_an_ied_but_a_gold_mine_is_not() {
        assert_eq!(
            cues("tués par l'explosion d'une mine près de Boulsa").explosive,
            Some("Remote explosive/landmine/IED")
        );
        assert_eq!(
            cues("gunmen attacked a gold mine near Kaya").explosive,
            None
        );
    }

    #[test]
    fn the_weapon_names_the_remote_violence_sub_type() {
        let civ = sides(0, false, true, true);
        assert_eq!(
            classify(&cues("a suicide bomber struck the market"), &civ).1,
            "Suicide bomb"
        );
        assert_eq!(classify(&cues("a grenade was thrown"), &civ).1, "Grenade");
        assert_eq!(
            classify(&cues("des frappes de drones"), &civ).1,
            "Air/drone strike"
        );
        assert_eq!(
            classify(&cues("mortar shells fell on the camp"), &civ).1,
            "Shelling/artillery/missile attack"
        );
    }

    #[test]
    fn a_defused_bomb_and_peaceful_arrests_are_strategic_developments() {
        assert_eq!(
            classify(
                &cues("deminers defused an IED on the road"),
                &sides(0, true, false, false)
            ),
            (EventType::StrategicDevelopments, "Disrupted weapons use")
        );
        assert_eq!(
            classify(
                &cues("gendarmes arrested five suspects"),
                &sides(0, true, false, false)
            ),
            (EventType::StrategicDevelopments, "Arrests")
        );
    }

    #[test]
    fn the_army_retaking_a_town_regains_territory() {
        assert_eq!(
            classify(
                &cues("the army retook the town from the jihadists"),
                &sides(1, true, false, true)
            ),
            (EventType::Battles, "Government regains territory")
        );
    }

    #[test]
    fn protests_broken_up_or_met_with_deadly_force_are_told_apart() {
        assert_eq!(
            classify(
                &cues("police dispersed the protesters with tear gas"),
                &sides(0, true, false, false)
            )
            .1,
            "Protest with intervention"
        );
        assert_eq!(
            classify(
                &cues("soldiers fired on protesters"),
                &sides(0, true, false, true)
            )
            .1,
            "Excessive force against protesters"
        );
        assert_eq!(
            classify(
                &cues("a mob lynched a suspected thief"),
                &sides(0, false, true, true)
            ),
            (EventType::Riots, "Mob violence")
        );
    }

    #[test]
    fn rape_of_civilians_is_sexual_violence() {
        assert_eq!(
            classify(
                &cues("the women were raped by gunmen"),
                &sides(1, false, true, false)
            ),
            (EventType::ViolenceAgainstCivilians, "Sexual violence")
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
