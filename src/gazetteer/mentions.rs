//! The place mentions an analyst meets, as one table: each mention with the
//! GeoNames id (or curated id) and the geo precision it must come out with.
//!
//! Mentions whose meaning depends on the sentence around them (datelines,
//! "reporting from", "40 km north of", a village the gazetteer lacks) go
//! through the real extraction entry point with a short report written
//! for this table; the others go through `Gazetteer::lookup` or
//! `Gazetteer::lookup_admin`. Every failing row is listed at once, so a
//! change in ranking shows its whole effect.

use chrono::NaiveDate;

use crate::extract::extract;
use crate::gazetteer::gazetteer::tests::bundled_gazetteer;
use crate::gazetteer::{Gazetteer, PlaceQuery};
use crate::model::GeoPrecision::{self, Exact, Near, Region};

/// How a row is run.
enum Via {
    /// `lookup(name, country, admin hint)`; precision: Region for a unit, else Exact.
    Place(Option<&'static str>, Option<&'static str>),
    /// `lookup_admin(name, country)`: always Region.
    Unit(Option<&'static str>),
    /// `extract(text)`: the incidents' places, in order.
    Text,
}

struct Row {
    mention: &'static str,
    via: Via,
    /// The places expected, in order (one for lookups; none: nothing found).
    expect: &'static [(i64, GeoPrecision)],
    /// Text that must appear in the (first) incident's notes: the flag on a
    /// fallback saying which smaller place was named.
    noted: Option<&'static str>,
}

const fn place(
    mention: &'static str,
    cc: Option<&'static str>,
    hint: Option<&'static str>,
    id: &'static [(i64, GeoPrecision)],
) -> Row {
    Row {
        mention,
        via: Via::Place(cc, hint),
        expect: id,
        noted: None,
    }
}

const fn unit(
    mention: &'static str,
    cc: Option<&'static str>,
    id: &'static [(i64, GeoPrecision)],
) -> Row {
    Row {
        mention,
        via: Via::Unit(cc),
        expect: id,
        noted: None,
    }
}

const fn text(
    mention: &'static str,
    expect: &'static [(i64, GeoPrecision)],
    noted: Option<&'static str>,
) -> Row {
    Row {
        mention,
        via: Via::Text,
        expect,
        noted,
    }
}

const BF: Option<&str> = Some("BF");
const NE: Option<&str> = Some("NE");
const ML: Option<&str> = Some("ML");
const TG: Option<&str> = Some("TG");

// GeoNames ids used below.
const KAYA: i64 = 2359608;
const KAYA_KENEDOUGOU: i64 = 2359609;
const KAYA_CENTRE_SUD: i64 = 2359610;
const DJIBO: i64 = 2361177;
const BARSALOGO: i64 = 2362735;
const TORODI_NE: i64 = 2438409;
const TORODI_BF: i64 = 2354204;
const SOLLE: i64 = 10343439;
const ARIBINDA: i64 = 2363174;
const SOUM: i64 = 2355248;
const SANMATENGA: i64 = 2355914;
const CENTRE_NORD: i64 = 6930706;
const EST: i64 = 6930709;
const SAHEL: i64 = 6930713;
const HAUTS_BASSINS: i64 = 6930710;
const KPENDJAL: i64 = 2597447;
const GNAGNA: i64 = 2360516;

const ROWS: &[Row] = &[
    // The three Kayas, and what tells them apart.
    place("Kaya", BF, None, &[(KAYA, Exact)]),
    place("Kaya", BF, Some("Kénédougou"), &[(KAYA_KENEDOUGOU, Exact)]),
    place("Kaya", BF, Some("Centre-Sud"), &[(KAYA_CENTRE_SUD, Exact)]),
    place("Kaya", BF, Some("Sanmatenga province"), &[(KAYA, Exact)]),
    // Djibo the town, not the department of the same name.
    place("Djibo", BF, None, &[(DJIBO, Exact)]),
    place("Djibo", BF, Some("Soum"), &[(DJIBO, Exact)]),
    place("Djibo", None, None, &[(DJIBO, Exact)]),
    // Spellings reporters use.
    place("Djibbo", BF, None, &[(DJIBO, Exact)]),
    place("Jibo", BF, None, &[(DJIBO, Exact)]),
    place("Barsalgho", BF, None, &[(BARSALOGO, Exact)]),
    place("Barsalogho", BF, None, &[(BARSALOGO, Exact)]),
    place("Barsologo", BF, None, &[(BARSALOGO, Exact)]),
    place("Fada Ngourma", BF, None, &[(2360886, Exact)]),
    place("FADA N'GOURMA", None, None, &[(2360886, Exact)]),
    place("Gorom Gorom", BF, None, &[(2360372, Exact)]),
    place("Arbinda", BF, None, &[(ARIBINDA, Exact)]),
    place("Tillabery", NE, None, &[(2438678, Exact)]),
    place("Menaka", ML, None, &[(2453514, Exact)]),
    place("Solé", BF, Some("Loroum"), &[(SOLLE, Exact)]),
    // Namesakes across borders: the country or a unit named beside decides.
    place("Torodi", NE, None, &[(TORODI_NE, Exact)]),
    place("Torodi", BF, None, &[(TORODI_BF, Exact)]),
    place("Torodi", None, Some("Tillabéri"), &[(TORODI_NE, Exact)]),
    place("Torodi", None, Some("Séno"), &[(TORODI_BF, Exact)]),
    place("Gao", ML, None, &[(2457163, Exact)]),
    place("Gao", None, None, &[(2457163, Exact)]),
    place("Téra", NE, None, &[(2438855, Exact)]),
    place("Tera", None, None, &[(2438855, Exact)]),
    place("Mango", TG, None, &[(2365190, Exact)]),
    place("Koudougou", BF, None, &[(2358946, Exact)]),
    // Namesakes inside Burkina Faso.
    place("Gaoua", BF, None, &[(2360620, Exact)]),
    place("Gaoua", BF, Some("Sanmatenga"), &[(2360619, Exact)]),
    place("Namsiguia", BF, Some("Yatenga"), &[(2357601, Exact)]),
    place("Namsiguia", BF, Some("Kaya"), &[(2357600, Exact)]),
    place("Tougouri", BF, Some("Namentenga"), &[(2354162, Exact)]),
    place("Boussouma", BF, Some("Sanmatenga"), &[(2361836, Exact)]),
    // Places only the curated supplement knows.
    place("Kpankankandi", TG, None, &[(-1, Exact)]),
    // Admin phrases, French and English.
    unit("province du Séno", BF, &[(2355737, Region)]),
    unit("Soum province", BF, &[(SOUM, Region)]),
    unit("Tillabéri region", NE, &[(2595293, Region)]),
    unit("Kpendjal prefecture", TG, &[(KPENDJAL, Region)]),
    unit("préfecture de Kpendjal", TG, &[(KPENDJAL, Region)]),
    unit("région de l'Est", BF, &[(EST, Region)]),
    unit("Gnagna", BF, &[(GNAGNA, Region)]),
    unit("la province de la Gnagna", BF, &[(GNAGNA, Region)]),
    unit("Loroum province", BF, &[(2597264, Region)]),
    unit("région du Centre-Nord", BF, &[(CENTRE_NORD, Region)]),
    unit("Hauts-Bassins region", BF, &[(HAUTS_BASSINS, Region)]),
    unit("Savanes region", TG, &[(2364205, Region)]),
    unit("Arbinda department", BF, &[(11205731, Region)]),
    // Burkina Faso's 2025 names.
    unit("Kuilsé region", BF, &[(CENTRE_NORD, Region)]),
    unit("région du Liptako", BF, &[(SAHEL, Region)]),
    unit("Goulmou", BF, &[(EST, Region)]),
    unit("Guiriko region", BF, &[(HAUTS_BASSINS, Region)]),
    unit("province du Djelgodji", BF, &[(SOUM, Region)]),
    unit("Sandbondtenga province", BF, &[(SANMATENGA, Region)]),
    unit("région du Kadiogo", BF, &[(6930704, Region)]),
    unit("Kadiogo province", BF, &[(2359923, Region)]),
    unit("Bankui region", BF, &[(6930701, Region)]),
    // Sentences: where the words around a name decide.
    text(
        "Gunmen killed four herders 40 km north of Kaya on Sunday.",
        &[(KAYA, Near)],
        None,
    ),
    text(
        "Militants attacked a convoy near Djibo on Sunday, killing three soldiers.",
        &[(DJIBO, Near)],
        None,
    ),
    text(
        "DAKAR (Reuters) - Jihadists attacked the army post in Diapaga on Sunday, killing ten soldiers.",
        &[(2361373, Exact)],
        None,
    ),
    text(
        "An analyst reporting from Dakar said jihadists attacked Titao on Sunday and killed eight civilians.",
        &[(2354349, Exact)],
        None,
    ),
    text(
        "Jihadists killed 12 civilians in Sebba on Sunday, days after the junta in Ouagadougou promised more troops.",
        &[(2355803, Exact)],
        None,
    ),
    text(
        "OUAGADOUGOU (AFP) - Gunmen attacked a police station in Dori on Sunday, killing four officers.",
        &[(2361082, Exact)],
        None,
    ),
    text(
        "Burkina Faso said on Sunday that militants attacked Kantchari and killed five soldiers, as Niger and Mali watched.",
        &[(2359723, Exact)],
        None,
    ),
    text(
        "Fighters ambushed a patrol in the village of Kalamba, Kaya, on Sunday, killing six soldiers.",
        &[(KAYA, Near)],
        Some("Kalamba"),
    ),
    text(
        "Gunmen killed five people in Wuriyanga, Djibo, on Sunday.",
        &[(DJIBO, Near)],
        Some("Wuriyanga"),
    ),
    text(
        "Gunmen killed five people in Tongomayel, Djibo, on Sunday.",
        &[(2354242, Exact)],
        None,
    ),
    text(
        "Gunmen attacked the village of Mansila, Yagha province, on Sunday, killing seven people.",
        &[(2358072, Exact)],
        None,
    ),
    text(
        "JNIM fighters killed 20 soldiers at Solé in Loroum province on Sunday.",
        &[(SOLLE, Exact)],
        None,
    ),
    text(
        "Ten VDP members were killed in Gnagna province on Sunday.",
        &[(GNAGNA, Region)],
        None,
    ),
    text(
        "Militants attacked a market in the commune of Arbinda on Sunday, killing 15 civilians.",
        &[(ARIBINDA, Near)],
        None,
    ),
    text(
        "Gunmen killed six people in Torodi, in Niger's Tillabéri region, on Sunday.",
        &[(TORODI_NE, Exact)],
        None,
    ),
    text(
        "Insurgents attacked Barsalgho on Saturday, killing dozens of civilians digging trenches.",
        &[(BARSALOGO, Exact)],
        None,
    ),
    text(
        "Gunmen attacked the army base in Djibbo on Sunday, killing dozens of soldiers.",
        &[(DJIBO, Exact)],
        None,
    ),
    text(
        "Militants attacked the village of Nadjoundi in Togo's Kpendjal prefecture on Sunday, killing four soldiers.",
        &[(KPENDJAL, Region)],
        Some("Nadjoundi"),
    ),
    text(
        "Gunmen attacked a village in the Kuilsé region on Sunday, killing nine civilians.",
        &[(CENTRE_NORD, Region)],
        None,
    ),
    text(
        "Militants attacked a gendarmerie post in the Liptako region on Sunday, killing three gendarmes.",
        &[(SAHEL, Region)],
        None,
    ),
    text(
        "Militants killed four soldiers on Sunday in the commune of Djibo, in the Djelgodji province.",
        &[(DJIBO, Near)],
        None,
    ),
    text(
        "Gunmen attacked Kaya in Kénédougou province on Sunday, killing two traders.",
        &[(KAYA_KENEDOUGOU, Exact)],
        None,
    ),
    text(
        "Jihadists attacked Torodi in Niger on Sunday, killing ten soldiers.",
        &[(TORODI_NE, Exact)],
        None,
    ),
    text(
        "Soldiers repelled an attack on Djibo on Sunday; four of them were killed.",
        &[(DJIBO, Exact)],
        None,
    ),
];

/// What a row came out as: the places found, and the first incident's notes.
fn run(g: &Gazetteer, row: &Row) -> (Vec<(i64, GeoPrecision)>, String) {
    let precision = |class: &str| if class == "A" { Region } else { Exact };
    match row.via {
        Via::Place(country, admin_hint) => {
            let q = PlaceQuery {
                name: row.mention,
                country,
                admin_hint,
                near: Vec::new(),
            };
            let found = g.lookup(&q);
            let first = found.first();
            let got = first.map(|c| (c.place.geonameid, precision(&c.place.feature_class)));
            let why = first.map(|c| c.reasons.join("; ")).unwrap_or_default();
            (got.into_iter().collect(), why)
        }
        Via::Unit(country) => {
            let found = g.lookup_admin(row.mention, country);
            let got = found.first().map(|c| (c.place.geonameid, Region));
            let why = found
                .first()
                .map(|c| c.reasons.join("; "))
                .unwrap_or_default();
            (got.into_iter().collect(), why)
        }
        Via::Text => {
            let published = NaiveDate::from_ymd_opt(2025, 5, 13);
            let e = extract(row.mention, published, g);
            let got = e
                .incidents
                .iter()
                .filter_map(|i| Some((i.location.place_id?, i.location.geo_precision)))
                .collect();
            let notes = e
                .incidents
                .first()
                .map(|i| i.notes.clone())
                .unwrap_or_default();
            (got, notes)
        }
    }
}

#[test]
fn every_mention_in_the_table_resolves_to_its_place_and_precision() {
    let g = bundled_gazetteer();
    assert!(ROWS.len() >= 60, "{} rows", ROWS.len());
    let mut failures = Vec::new();
    for row in ROWS {
        let (got, notes) = run(g, row);
        let noted = row.noted.is_none_or(|n| notes.contains(n));
        if got != row.expect || !noted {
            failures.push(format!(
                "{:?}: expected {:?}{}, got {:?} ({notes})",
                row.mention,
                row.expect,
                row.noted
                    .map(|n| format!(" noting {n}"))
                    .unwrap_or_default(),
                got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        ROWS.len(),
        failures.join("\n")
    );
}

#[test]
fn a_mention_nothing_resembles_finds_nothing_rather_than_a_namesake() {
    let g = bundled_gazetteer();
    for name in ["Wuriyanga", "Nadjoundi", "Qqqzz"] {
        let q = PlaceQuery {
            name,
            country: Some("BF"),
            admin_hint: None,
            near: Vec::new(),
        };
        assert!(g.lookup(&q).is_empty(), "{name}");
    }
}

#[test]
fn a_village_missing_abroad_never_lands_on_a_namesake_in_burkina_faso() {
    let g = bundled_gazetteer();
    let text = "Militants attacked the village of Nadjoundi in Togo's Kpendjal prefecture on Sunday, killing four soldiers.";
    let e = extract(text, NaiveDate::from_ymd_opt(2025, 5, 13), g);
    assert!(
        e.incidents.iter().all(|i| i.location.country_code == "TG"),
        "{e:#?}"
    );
}
