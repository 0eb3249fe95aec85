//! The subcommands' contract: geocoding, ingesting good and bad files,
//! duplicates, gazetteer imports, usage errors.

use serde_json::Value;

use super::{DJIBO_REPORT, Sandbox, stderr};

#[test]
fn geocode_json_ranks_the_burkina_kaya_first() {
    let sandbox = Sandbox::new();
    let out = sandbox.ok(&["geocode", "--json", "Kaya", "--country", "BF"]);
    let json: Value = serde_json::from_str(&out).expect("geocode --json is JSON");
    let per_name = json.as_array().expect("an array per name");
    assert_eq!(per_name.len(), 1);
    let best = &per_name[0][0];
    assert_eq!(best["geonameid"], 2359608);
    assert_eq!(best["country_code"], "BF");
    for key in [
        "name",
        "lat",
        "lon",
        "feature_code",
        "score",
        "admin1",
        "reasons",
    ] {
        assert!(best.get(key).is_some(), "candidate lacks {key}: {best}");
    }
    let lat = best["lat"].as_f64().expect("lat is a number");
    assert!((lat - 13.09).abs() < 0.05, "Kaya's latitude, got {lat}");
}

#[test]
fn geocode_without_json_prints_a_ranked_list() {
    let sandbox = Sandbox::new();
    let out = sandbox.ok(&["geocode", "Kaya"]);
    assert!(out.starts_with("Kaya:"), "{out}");
    assert!(out.contains("1. "), "{out}");
}

#[test]
fn ingesting_prints_what_was_extracted_and_stores_the_report() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("djibo.txt", DJIBO_REPORT);
    let out = sandbox.ok(&["ingest", &file]);
    assert!(out.contains("djibo.txt"), "{out}");
    assert!(
        out.contains("2025-05-10"),
        "the incident's date is printed: {out}"
    );
    assert!(out.contains("Djibo"), "{out}");
    assert_eq!(sandbox.report_count(), 1);
}

#[test]
fn ingest_json_lists_one_summary_per_file() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("djibo.txt", DJIBO_REPORT);
    let out = sandbox.ok(&["ingest", "--json", "--published", "2025-05-12", &file]);
    let json: Value = serde_json::from_str(&out).expect("ingest --json is JSON");
    let list = json.as_array().expect("a list of summaries");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["duplicate"], false);
    assert_eq!(list[0]["published"], "2025-05-12");
    assert!(list[0]["report_id"].as_i64().is_some());
    assert!(
        !list[0]["incidents"]
            .as_array()
            .expect("incidents")
            .is_empty()
    );
}

#[test]
fn the_same_file_ingested_twice_is_stored_once() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("djibo.txt", DJIBO_REPORT);
    sandbox.ok(&["ingest", &file]);
    let incidents = sandbox.store().incident_count().expect("count");
    let again = sandbox.ok(&["ingest", &file]);
    assert!(again.contains("already stored"), "{again}");
    assert_eq!(sandbox.report_count(), 1);
    assert_eq!(sandbox.store().incident_count().expect("count"), incidents);
}

#[test]
fn standard_input_can_be_ingested() {
    use std::io::Write;
    use std::process::Stdio;
    let sandbox = Sandbox::new();
    let mut child = sandbox
        .bare_command()
        .args(["ingest", "-", "--db"])
        .arg(&sandbox.db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawning");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(DJIBO_REPORT.as_bytes())
        .expect("writing stdin");
    let out = child.wait_with_output().expect("waiting");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(sandbox.report_count(), 1);
}

#[test]
fn bad_files_fail_naming_the_file_and_store_nothing() {
    let sandbox = Sandbox::new();
    let cases = [
        ("binary.txt", b"GIF89a\x00\x01\x02".to_vec(), "binary"),
        ("blank.txt", b"  \n\n ".to_vec(), "empty"),
        (
            "latin1.txt",
            b"Attaque \xE0 Djibo le 10 mai".to_vec(),
            "iconv",
        ),
    ];
    for (name, bytes, hint) in cases {
        let file = sandbox.write(name, bytes);
        let out = sandbox.run(&["ingest", &file]);
        assert_eq!(out.status.code(), Some(1), "{name} should fail");
        let err = stderr(&out);
        assert!(err.contains(name), "stderr names {name}: {err}");
        assert!(
            err.contains(hint),
            "stderr for {name} mentions {hint}: {err}"
        );
        assert_eq!(sandbox.report_count(), 0);
    }
    let missing = sandbox.run(&["ingest", "no-such-report.txt"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("no-such-report.txt"));
}

#[test]
fn one_bad_file_does_not_stop_the_good_ones_but_the_exit_code_says_so() {
    let sandbox = Sandbox::new();
    let bad = sandbox.write("bad.bin", b"\x00\x00\x00");
    let good = sandbox.write("djibo.txt", DJIBO_REPORT);
    let out = sandbox.run(&["ingest", &bad, &good]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("bad.bin"));
    assert_eq!(sandbox.report_count(), 1);
}

#[test]
fn a_gazetteer_import_adds_a_place_that_geocode_then_finds() {
    let sandbox = Sandbox::new();
    // An invented village, so the test cannot pass on the bundled data alone.
    let row = [
        "99000001",
        "Zindigoula",
        "Zindigoula",
        "Zindigula,Zindigoulla",
        "13.5",
        "-1.2",
        "P",
        "PPL",
        "BF",
        "",
        "78",
        "",
        "",
        "",
        "850",
        "",
        "300",
        "Africa/Ouagadougou",
        "2024-01-01",
    ]
    .join("\t");
    let file = sandbox.write("extra-BF.txt", format!("{row}\n"));
    let before = sandbox.store_after_setup_place_count();
    let out = sandbox.ok(&["gazetteer", "import", &file]);
    assert!(out.contains("1 place"), "{out}");
    assert_eq!(sandbox.store().place_count().expect("count"), before + 1);

    let json: Value =
        serde_json::from_str(&sandbox.ok(&["geocode", "--json", "Zindigoula"])).expect("JSON");
    assert_eq!(json[0][0]["geonameid"], 99000001);
}

#[test]
fn a_file_that_is_not_geonames_is_refused_by_gazetteer_import() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("notes.txt", "just some words\n");
    let out = sandbox.run(&["gazetteer", "import", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("notes.txt"));
}

#[test]
fn usage_errors_exit_with_two_and_say_what_is_wrong() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["export", "--bbox", "10,0,5,4"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("west"), "{}", stderr(&out));

    let out = sandbox.run(&["export", "--from", "12/05/2025"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("YYYY-MM-DD"));

    let out = sandbox.run(&["export", "--from", "2025-06-01", "--to", "2025-05-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--from"));

    let out = sandbox.run(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_database_can_be_named_by_environment_variable() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("djibo.txt", DJIBO_REPORT);
    let out = sandbox
        .bare_command()
        .env("INCIDENT_ATLAS_DB", &sandbox.db)
        .args(["ingest", &file])
        .output()
        .expect("running");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(sandbox.report_count(), 1);
}

impl Sandbox {
    /// Opens the database through the CLI once (importing the bundled
    /// gazetteer), then counts its places.
    fn store_after_setup_place_count(&self) -> i64 {
        self.ok(&["export", "-o", "setup.geojson"]);
        self.store().place_count().expect("count")
    }
}

#[test]
fn reprocess_keeps_an_analysts_correction_and_a_deletion() {
    let sandbox = Sandbox::new();
    let djibo = sandbox.write("djibo.txt", DJIBO_REPORT);
    let kaya = sandbox.write("kaya.txt", super::KAYA_REPORT);
    sandbox.ok(&["ingest", &djibo, &kaya]);
    let mut store = sandbox.store();
    let all = store.incidents(&Default::default()).expect("listing");
    assert_eq!(all.len(), 2);
    let (kaya_incident, djibo_incident) = (&all[0], &all[1]);
    let mut corrected = djibo_incident.data.clone();
    corrected.fatalities = Some(8);
    store
        .update_incident(djibo_incident.id, &corrected)
        .expect("correcting");
    store
        .delete_incident(kaya_incident.id)
        .expect("deleting")
        .expect("the Kaya incident existed");
    drop(store);

    let out = sandbox.ok(&["reprocess", "--all"]);
    assert!(
        out.contains("analyst corrections kept on 1"),
        "the summary says the correction won: {out}"
    );
    assert!(out.contains("1 deleted incident(s) left out"), "{out}");
    let after = sandbox
        .store()
        .incidents(&Default::default())
        .expect("listing");
    assert_eq!(after.len(), 1, "the deleted incident stays deleted");
    assert_eq!(after[0].data.fatalities, Some(8));
    assert_eq!(after[0].data, corrected);

    let missing = sandbox.run(&["reprocess", "42"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("no report 42"),
        "{}",
        stderr(&missing)
    );
}
