//! The seed situations, retold in our own words, against the real bundled
//! gazetteer: each must come out as an analyst would code it
//! (see `seeds-coding.md`), and background paragraphs must yield nothing.

use std::sync::OnceLock;

use chrono::NaiveDate;

use super::{JNIM, extract};
use crate::gazetteer::{Gazetteer, bundled};
use crate::model::{EventType, GeoPrecision, IncidentData, TimePrecision};

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let (places, admin) = bundled().expect("the bundled gazetteer parses");
        Gazetteer::new(places, admin)
    })
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid test date")
}

/// Each incident of `text` as (place, day), in order.
fn places_and_days(text: &str) -> Vec<(String, NaiveDate)> {
    extract(text, None, gazetteer())
        .incidents
        .into_iter()
        .map(|i| (i.location.name, i.event_date))
        .collect()
}

fn only(text: &str, published: Option<NaiveDate>) -> IncidentData {
    let e = extract(text, published, gazetteer());
    assert_eq!(e.incidents.len(), 1, "{:#?}", e);
    e.incidents.into_iter().next().expect("one incident")
}

#[test]
fn an_islamic_state_raid_on_jnim_near_kaya_is_coded_at_kaya_with_week_precision() {
    let text = "Published: 2024-03-23\n\
        Islamic State fighters surprised a JNIM unit and carried off RPG-7 launchers and Type 56 rifles. \
        The raid happened in Kalamba, Kaya, in northern Burkina Faso.";
    let i = only(text, None);
    assert_eq!(i.event_date, day(2024, 3, 23));
    assert_eq!(i.time_precision, TimePrecision::Week);
    assert_eq!(i.location.place_id, Some(2359608));
    assert_eq!(i.location.geo_precision, GeoPrecision::Near);
    assert_eq!(i.event_type, EventType::Battles);
    assert_eq!(i.actor1, "Islamic State Sahel Province");
    assert_eq!(i.actor2, JNIM);
    assert_eq!(i.fatalities, None);
    assert!(i.weapons.contains(&"RPG-7 launchers".to_string()));
    assert!(i.notes.contains("Kalamba"), "{}", i.notes);
}

#[test]
fn the_dargo_base_attack_is_a_battle_on_its_stated_day_with_the_claimed_toll() {
    let text = "JNIM says it killed 40 soldiers at Dargo base\n\
        On Monday, July 28, 2025, JNIM fighters overran a military base at Dargo, in the Kaya \
        province of Burkina Faso, and claimed to have killed 40 soldiers. Witnesses said the camp \
        was looted and then burned.";
    let i = only(text, None);
    assert_eq!(
        (i.event_date, i.time_precision),
        (day(2025, 7, 28), TimePrecision::Day)
    );
    assert_eq!(i.location.place_id, Some(2361546));
    assert_eq!(i.event_type, EventType::Battles);
    assert_eq!(i.actor1, JNIM);
    assert_eq!(i.actor2, "Military Forces of Burkina Faso (2022-)");
    assert_eq!(i.fatalities, Some(40));
    assert!(i.notes.contains("claimed"), "{}", i.notes);
}

#[test]
fn the_togo_barracks_attack_is_dated_saturday_and_never_placed_at_the_attackers_bases() {
    let text = "Kpankankandi, Togo - July 21, 2024\n\
        On Saturday afternoon, JNIM fighters stormed a Togolese army barracks in the village of \
        Kpankankandi, a short drive from the Burkinabe border. The attackers are based in Kompienga \
        and Pama across the border.";
    let e = extract(text, None, gazetteer());
    assert_eq!(e.published, Some(day(2024, 7, 21)));
    // The seed must give its incident: the curated Kpankankandi, in Togo.
    assert_eq!(e.incidents.len(), 1, "{:?}", e.warnings);
    let i = &e.incidents[0];
    assert_eq!(i.location.country_code, "TG", "{i:#?}");
    assert_eq!(i.location.name, "Kpankankandi");
    assert_eq!(i.event_date, day(2024, 7, 20));
    assert_eq!(i.event_type, EventType::Battles);
    assert_eq!(i.actor2, "Military Forces of Togo (2005-)");
}

#[test]
fn a_malian_village_the_gazetteer_lacks_is_coded_to_its_region_never_to_a_namesake_abroad() {
    // Boni is in the bundled gazetteer only as a Burkina Faso hamlet.
    let text = "BAMAKO, 18 February 2025 - Gunmen attacked the village of Boni in Mali's Mopti \
        region on 16 February, killing nine civilians.";
    let i = only(text, None);
    assert_eq!(i.location.country_code, "ML", "{i:#?}");
    assert_eq!(i.location.admin1, "Mopti");
    assert_eq!(i.location.geo_precision, GeoPrecision::Region);
    assert!(i.notes.contains("Boni"), "{}", i.notes);
}

#[test]
fn without_a_unit_the_village_is_coded_to_the_country_the_report_points_to() {
    let text = "Niamey, le 5 mars 2025 - Des hommes armés ont tué douze civils le 3 mars dans le \
        village de Tassia, selon des sources locales nigériennes.";
    let i = only(text, None);
    assert_eq!(i.location.country_code, "NE", "{i:#?}");
    assert_eq!(i.location.geo_precision, GeoPrecision::Region);
    assert!(i.notes.contains("Tassia"), "{}", i.notes);
}

#[test]
fn a_summary_sentence_dates_the_incidents_told_after_it_and_the_next_day_counts_from_them() {
    let text = "Published: 2025-03-08\n\
        Two attacks hit eastern Burkina Faso on 5 March. In Fada N'Gourma, gunmen killed four \
        police officers at a checkpoint. In Pama, attackers killed seven civilians. The next day, \
        gunmen kidnapped two traders in Kantchari.";
    let e = extract(text, None, gazetteer());
    let dates: Vec<(String, NaiveDate)> = e
        .incidents
        .iter()
        .map(|i| (i.location.name.clone(), i.event_date))
        .collect();
    assert!(
        dates.contains(&("Fada N'gourma".to_string(), day(2025, 3, 5))),
        "{dates:?}"
    );
    assert!(
        dates.contains(&("Pama".to_string(), day(2025, 3, 5))),
        "{dates:?}"
    );
    assert!(
        dates.contains(&("Kantchari".to_string(), day(2025, 3, 6))),
        "{dates:?}"
    );
}

#[test]
fn la_veille_compte_depuis_l_evenement_precedent() {
    let text = "Ouahigouya, le 13 janvier 2025 - Le mercredi 8 janvier 2025, des hommes armés ont \
        attaqué le détachement militaire de Titao, tuant quatre soldats. La veille, deux commerçants \
        avaient été enlevés à Séguénéga.";
    let e = extract(text, None, gazetteer());
    let seguenega = e
        .incidents
        .iter()
        .find(|i| i.location.name.starts_with("S"))
        .expect("the kidnapping at Séguénéga");
    assert_eq!(seguenega.event_date, day(2025, 1, 7));
}

#[test]
fn a_weekday_of_prayers_or_of_a_statement_does_not_override_a_stated_date() {
    let text = "Published: 2025-03-12\nGunmen attacked worshippers during Friday prayers in Djibo \
        on 9 March, killing 18, the army said on Tuesday.";
    let i = only(text, None);
    assert_eq!(i.event_date, day(2025, 3, 9));
}

#[test]
fn an_ambush_on_a_road_between_two_towns_is_coded_near_the_first() {
    for text in [
        "Published: 2025-08-19\nMilitants ambushed a convoy on the Dori–Gorom-Gorom road on 17 August, killing 15 soldiers.",
        "Publié le 19 août 2025\nUn convoi est tombé dans une embuscade sur l'axe Dori-Gorom-Gorom le 17 août, faisant 15 morts.",
    ] {
        let i = only(text, None);
        assert_eq!(i.location.name, "Dori", "{text}");
        assert_eq!(i.location.geo_precision, GeoPrecision::Near);
        assert!(
            i.notes.contains("road between Dori and Gorom-Gorom"),
            "{}",
            i.notes
        );
    }
}

#[test]
fn a_yearless_dateline_takes_the_year_of_the_dates_in_the_report() {
    let e = extract(
        "NIAMEY, March 12 (Reuters) - Gunmen killed 18 people in Abala on 9 March 2025.",
        None,
        gazetteer(),
    );
    assert_eq!(e.published, Some(day(2025, 3, 12)));
}

#[test]
fn the_barsalogho_trench_massacre_is_violence_against_civilians_on_saturday() {
    let text = "On Saturday, JNIM gunmen opened fire on villagers digging trenches in the Barsalogho \
        district, roughly 40 km north of Kaya. Footage shared afterwards showed bodies lying in the \
        trenches, now mass graves.";
    let i = only(text, Some(day(2024, 8, 25)));
    assert_eq!(
        (i.event_date, i.time_precision),
        (day(2024, 8, 24), TimePrecision::Day)
    );
    assert_eq!(i.location.place_id, Some(2362735));
    assert_eq!(i.location.geo_precision, GeoPrecision::Near);
    assert_eq!(i.event_type, EventType::ViolenceAgainstCivilians);
    assert_eq!(i.actor1, JNIM);
    assert_eq!(i.actor2, "Civilians (Burkina Faso)");
    assert_eq!(i.fatalities, None);
}

#[test]
fn a_wire_report_of_several_claims_gives_one_incident_per_place() {
    let text = "DAKAR (Reuters) - JNIM said it killed 60 soldiers in a raid on an army post in \
        Burkina Faso's northern Loroum province, a monitoring group said on Tuesday.\n\
        The raid hit the army post in the town of Sole, the group said, without giving the day.\n\
        Another attack killed 10 VDP militiamen in the eastern Gnagna province.\n\
        On Sunday morning the army base in Djibo was stormed, residents said.\n\
        Talks between the junta and its neighbours in Niamey have stalled since 2023.";
    let e = extract(text, Some(day(2025, 5, 13)), gazetteer());
    assert_eq!(e.incidents.len(), 3, "{:#?}", e.incidents);
    let sole = &e.incidents[0];
    // GeoNames has the place twice: Solle, and Tioli with "Sole" as an
    // alternate name; the row that bears the name wins.
    assert_eq!(sole.location.place_id, Some(10343439), "{sole:#?}");
    assert_eq!(sole.location.name, "Solle");
    assert_eq!(
        (sole.event_date, sole.time_precision),
        (day(2025, 5, 13), TimePrecision::Week)
    );
    assert_eq!(sole.fatalities, Some(60));
    assert_eq!(sole.actor1, JNIM);
    let gnagna = &e.incidents[1];
    assert_eq!(gnagna.location.geo_precision, GeoPrecision::Region);
    assert_eq!(gnagna.fatalities, Some(10));
    assert_eq!(
        gnagna.actor2,
        "VDP: Volunteers for the Defense of the Homeland"
    );
    let djibo = &e.incidents[2];
    assert_eq!(djibo.location.place_id, Some(2361177));
    assert_eq!(
        (djibo.event_date, djibo.time_precision),
        (day(2025, 5, 11), TimePrecision::Day)
    );
    assert_eq!(djibo.event_type, EventType::Battles);
}

#[test]
fn background_paragraphs_produce_no_incident() {
    let text = "Published: 2024-08-25\n\
        Since 2021, close to 150 people have been killed in jihadist attacks in northern Togo. \
        Last year the violence killed more than 8,400 people across Burkina Faso. \
        Over the past decade armed groups have displaced two million people. \
        Negotiations with the group in Ouagadougou have collapsed.";
    let e = extract(text, None, gazetteer());
    assert!(e.incidents.is_empty(), "{:#?}", e.incidents);
}

#[test]
fn a_french_report_of_a_roadside_bomb_is_remote_violence() {
    let text = "Publié le 2024-09-10\n\
        Un engin explosif a touché un convoi de soldats près de Fada N'Gourma le 8 septembre 2024, \
        tuant quatre militaires.";
    let i = only(text, None);
    assert_eq!(
        (i.event_date, i.time_precision),
        (day(2024, 9, 8), TimePrecision::Day)
    );
    assert_eq!(i.location.place_id, Some(2360886));
    assert_eq!(i.event_type, EventType::ExplosionsRemoteViolence);
    assert_eq!(i.fatalities, Some(4));
}

#[test]
fn a_report_without_any_date_warns_and_keeps_no_undated_incident() {
    let e = extract(
        "Gunmen attacked the market in Djibo, killing five traders.",
        None,
        gazetteer(),
    );
    assert_eq!(e.published, None);
    assert!(e.incidents.is_empty());
    assert!(e.warnings.len() >= 2, "{:?}", e.warnings);
}

#[test]
fn a_claim_is_written_in_the_notes_as_claimed_by_the_group() {
    let text = "Publié le 2024-06-12\n\
        Des jihadistes ont attaqué lundi 10 juin 2024 le poste de gendarmerie à Sebba, tuant huit gendarmes. \
        L'assaut a été revendiqué par l'État islamique au Sahel.";
    let i = only(text, None);
    assert_eq!(i.actor1, "Islamic State Sahel Province");
    assert_eq!(i.actor2, "Police Forces of Burkina Faso (2022-)");
    assert!(
        i.notes.contains("claimed by Islamic State Sahel Province"),
        "{}",
        i.notes
    );
}

#[test]
fn soldiers_who_killed_militants_are_the_first_actor() {
    let text = "Published: 2024-12-16\n\
        Nigerien troops killed 12 Islamic State fighters in a clash near Ouallam on Saturday.";
    let i = only(text, None);
    assert_eq!(i.actor1, "Military Forces of Niger (2023-)");
    assert_eq!(i.actor2, "Islamic State Sahel Province");
    assert_eq!(i.event_date, day(2024, 12, 14));
}

#[test]
fn a_night_attack_is_dated_to_the_evening_it_began() {
    let text = "Publié le 2024-11-18\n\
        Des hommes armés ont attaqué le village de Tongomayel dans la nuit du 15 au 16 novembre 2024, \
        tuant une vingtaine de villageois.";
    let i = only(text, None);
    assert_eq!(
        (i.event_date, i.time_precision),
        (day(2024, 11, 15), TimePrecision::Day)
    );
    assert_eq!(i.fatalities, Some(20));
    assert_eq!(i.event_type, EventType::ViolenceAgainstCivilians);
}

#[test]
fn last_week_gives_week_precision_and_a_vague_month_gives_month_precision() {
    let i = only(
        "Published: 2024-10-14\nJNIM militants abducted passengers from a bus near Gorom-Gorom last week.",
        None,
    );
    assert_eq!(
        (i.event_date, i.time_precision),
        (day(2024, 10, 7), TimePrecision::Week)
    );
    assert_eq!(i.sub_event_type, "Abduction/forced disappearance");
    let i = only(
        "Publié le 2024-08-09\nFin juillet, des combattants de l'EIGS ont attaqué des éleveurs près de Ménaka.",
        None,
    );
    assert_eq!(
        (i.event_date, i.time_precision),
        (day(2024, 7, 25), TimePrecision::Month)
    );
    assert_eq!(i.actor1, "Islamic State Sahel Province");
}

#[test]
fn wounded_people_are_not_counted_among_the_dead() {
    let i = only(
        "Published: 2024-07-02\nGunmen attacked a gendarmerie post in Kantchari on Sunday, killing 3 gendarmes and wounding 11.",
        None,
    );
    assert_eq!(i.fatalities, Some(3));
}

#[test]
fn a_bomb_between_two_towns_is_placed_near_the_first_and_the_notes_name_both() {
    let text = "Published: 2024-10-02\n\
        A roadside bomb hit a supply convoy between Dori and Djibo on Tuesday, killing three gendarmes.";
    let i = only(text, None);
    assert_eq!(i.location.place_id, Some(2361082));
    assert_eq!(i.location.geo_precision, GeoPrecision::Near);
    assert!(i.notes.contains("between Dori and Djibo"), "{}", i.notes);
}

#[test]
fn a_gendarmerie_post_of_a_town_is_the_town_itself() {
    let text = "Publié le 2025-03-10\n\
        Des hommes armés ont attaqué dimanche la brigade de gendarmerie de Gayéri, tuant deux gendarmes.";
    let i = only(text, None);
    assert_eq!(i.location.place_id, Some(2360541));
    assert_eq!(i.location.geo_precision, GeoPrecision::Exact);
}

#[test]
fn the_area_around_a_town_is_near_it_in_english_and_french() {
    let english = "Published: 2025-01-20\n\
        Gunmen killed five herders in the Djibo area on Saturday.";
    let i = only(english, None);
    assert_eq!(i.location.place_id, Some(2361177));
    assert_eq!(i.location.geo_precision, GeoPrecision::Near);
    let french = "Publié le 2025-01-20\n\
        Des hommes armés ont tué cinq bergers samedi dans le secteur de Djibo.";
    let i = only(french, None);
    assert_eq!(i.location.place_id, Some(2361177));
    assert_eq!(i.location.geo_precision, GeoPrecision::Near);
}

#[test]
fn a_sentence_with_two_places_on_two_days_gives_two_incidents() {
    let text = "Published: 2025-05-13\n\
        Gunmen attacked Djibo on 10 May 2025, killing four soldiers, and struck Arbinda on 11 May 2025, killing two.";
    let e = extract(text, None, gazetteer());
    let coded: Vec<(String, NaiveDate, Option<u32>)> = e
        .incidents
        .iter()
        .map(|i| (i.location.name.clone(), i.event_date, i.fatalities))
        .collect();
    assert_eq!(
        coded,
        vec![
            ("Djibo".to_string(), day(2025, 5, 10), Some(4)),
            ("Aribinda".to_string(), day(2025, 5, 11), Some(2)),
        ],
        "{text}"
    );
    // Both keep the sentence's verb: attacks on soldiers are battles.
    assert!(
        e.incidents
            .iter()
            .all(|i| i.event_type == EventType::Battles)
    );
}

#[test]
fn une_phrase_avec_deux_lieux_et_deux_jours_donne_deux_incidents() {
    let text = "Publié le 14 mai 2025\n\
        Des hommes armés ont attaqué Djibo le 10 mai 2025, puis à Arbinda le 12 mai 2025.";
    assert_eq!(
        places_and_days(text),
        vec![
            ("Djibo".to_string(), day(2025, 5, 10)),
            ("Aribinda".to_string(), day(2025, 5, 12)),
        ],
        "{text}"
    );
}

#[test]
fn two_days_at_one_place_stay_one_sentence_read_whole() {
    let text = "Published: 2025-05-13\n\
        Gunmen attacked Djibo on 10 May 2025 and again on 11 May 2025, residents said.";
    let e = extract(text, None, gazetteer());
    assert_eq!(e.incidents.len(), 1, "{e:#?}");
    assert_eq!(e.incidents[0].event_date, day(2025, 5, 10));
}

#[test]
fn of_two_days_in_a_sentence_the_one_beside_the_attack_is_the_event_date() {
    let text = "Published: 2024-08-26\n\
        Residents of Barsalogho buried their dead on Sunday after gunmen attacked the town on Saturday.";
    let i = only(text, None);
    assert_eq!(i.event_date, day(2024, 8, 24));
    assert_eq!(i.time_precision, TimePrecision::Day);
    let text = "Published: 2024-08-26\n\
        On Saturday, gunmen attacked Barsalogho and residents fled towards Kaya on Sunday.";
    assert_eq!(only(text, None).event_date, day(2024, 8, 24));
}

#[test]
fn a_second_place_after_and_with_its_own_day_is_a_second_incident() {
    let text = "Published: 2025-05-13\n\
        Gunmen attacked Djibo on Saturday and Arbinda on Sunday, local sources said.";
    assert_eq!(
        places_and_days(text),
        vec![
            ("Djibo".to_string(), day(2025, 5, 10)),
            ("Aribinda".to_string(), day(2025, 5, 11)),
        ],
        "{text}"
    );
}

#[test]
fn confidence_names_namesakes_weekdays_and_dates_from_another_sentence() {
    let text = "Published: 2024-03-25\n\
        Gunmen attacked Kaya on Saturday, killing 4 soldiers. The next day, JNIM fighters \
        stormed the market in Djibo, killing 3 traders.";
    let e = extract(text, None, gazetteer());
    let kaya = e
        .incidents
        .iter()
        .find(|i| i.location.name == "Kaya")
        .expect("Kaya");
    let reasons = kaya.confidence_reasons.join("; ");
    assert!(reasons.contains("same name"), "{reasons}");
    assert!(reasons.contains("weekday"), "{reasons}");
    let djibo = e
        .incidents
        .iter()
        .find(|i| i.location.name == "Djibo")
        .expect("Djibo");
    assert_eq!(djibo.event_date, day(2024, 3, 24));
    let reasons = djibo.confidence_reasons.join("; ");
    assert!(reasons.contains("another sentence"), "{reasons}");
}

#[test]
fn the_bundled_samples_keep_their_coding() {
    let mut all = Vec::new();
    for s in crate::samples::SAMPLES {
        all.extend(extract(s.text, None, gazetteer()).incidents);
    }
    assert_eq!(
        all.len(),
        13,
        "{:#?}",
        all.iter().map(|i| &i.location.name).collect::<Vec<_>>()
    );
    let at = |name: &str| {
        all.iter()
            .find(|i| i.location.name == name)
            .unwrap_or_else(|| panic!("an incident at {name}"))
    };
    // Rival groups: the raiders first, whoever a headline puts last.
    assert_eq!(at("Kaya").actor1, "Islamic State Sahel Province");
    assert_eq!(at("Kaya").event_type, EventType::Battles);
    // "Since November 2021 close to 150 people have died": a total, not the toll.
    assert_eq!(at("Kpankankandi").fatalities, None);
    assert_eq!(at("Aribinda").actor1, "Islamic State Sahel Province");
    assert_eq!(at("Gnagna").location.geo_precision, GeoPrecision::Region);
}

#[test]
fn a_night_between_two_weekdays_is_dated_to_the_first_and_older_events_are_context() {
    let text = "Cotonou, le 12 juin 2025 - Dans la nuit de dimanche à lundi, une position de \
        l'armée à Tanguiéta a été attaquée par un groupe armé; huit militaires ont perdu la vie. \
        Le 17 avril dernier, des assauts contre deux positions à Karimama avaient coûté la vie \
        à 54 militaires.";
    let e = extract(text, None, gazetteer());
    assert_eq!(e.incidents.len(), 1, "{:#?}", e.incidents);
    assert_eq!(e.incidents[0].event_date, day(2025, 6, 8));
    assert_eq!(e.incidents[0].fatalities, Some(8));
}

#[test]
fn a_background_phrase_drops_its_clause_not_the_event_told_before_it() {
    let i = only(
        "Published: 2025-05-12\nGunmen killed 12 traders in Djibo on Saturday, the deadliest \
         attack on the town since 2021.",
        None,
    );
    assert_eq!(i.location.name, "Djibo");
    assert_eq!(i.fatalities, Some(12));
    let e = extract(
        "Published: 2025-05-12\nSince 2021, jihadists have killed thousands of people in Djibo.",
        None,
        gazetteer(),
    );
    assert!(e.incidents.is_empty(), "{:#?}", e.incidents);
    let e = extract(
        "Published: 2025-05-12\nFollowing the attack on Djibo on Saturday, 4,000 people have \
         reached Kaya since 10 May.",
        None,
        gazetteer(),
    );
    assert!(
        e.incidents.iter().all(|i| i.location.name != "Kaya"),
        "{:#?}",
        e.incidents
    );
}

#[test]
fn one_person_named_by_the_article_is_a_toll_of_one() {
    let i = only(
        "Published: 2025-01-28\nOn 27 January 2025, unidentified gunmen shot dead a local \
         councillor in front of his home in Bogandé.",
        None,
    );
    assert_eq!(i.fatalities, Some(1));
}
