//! Several processes writing one database at once, as an analyst does with
//! the window open and two terminals importing: each writer waits for the
//! others instead of failing with "database is locked", the first ones to
//! arrive create the file together, and no row is lost.

use std::process::{Child, Stdio};

use serde_json::Value;

use super::acled_rows;
use super::{DJIBO_REPORT, KAYA_REPORT, Sandbox};

const DORI_REPORT: &str = "\
Dori, 20 June 2025. Gunmen attacked a convoy near Dori on 18 June 2025, killing four \
soldiers, a security source said. The convoy was carrying food to the town.
";

const OUAHIGOUYA_REPORT: &str = "\
Ouahigouya, 2 August 2023. Armed men killed five civilians in Ouahigouya on 30 July 2023, \
residents said. Shops were burned during the attack.
";

/// An ACLED file of `n` rows numbered from `first`, so files do not share rows.
fn acled_file(first: usize, n: usize) -> String {
    let mut text = format!("{}\n", acled_rows::HEADER);
    for i in first..first + n {
        text.push_str(&acled_rows::row(i));
    }
    text
}

/// The commands of the four writers, each a list of arguments.
fn writers(sandbox: &Sandbox) -> Vec<Vec<String>> {
    let a = sandbox.write("a.csv", acled_file(0, 20_000));
    let b = sandbox.write("b.csv", acled_file(20_000, 8_000));
    let c = sandbox.write("c.csv", acled_file(28_000, 8_000));
    let djibo = sandbox.write("djibo.txt", DJIBO_REPORT);
    let kaya = sandbox.write("kaya.txt", KAYA_REPORT);
    let dori = sandbox.write("dori.txt", DORI_REPORT);
    let ouahigouya = sandbox.write("ouahigouya.txt", OUAHIGOUYA_REPORT);
    let args = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    vec![
        args(&["import", &a]),
        args(&["ingest", &djibo, &kaya]),
        args(&["import", &b, &c]),
        args(&["ingest", &dori, &ouahigouya]),
    ]
}

fn spawn(sandbox: &Sandbox, args: &[String]) -> Child {
    sandbox
        .bare_command()
        .args(args)
        .arg("--db")
        .arg(&sandbox.db)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starting incident-atlas")
}

fn counts(sandbox: &Sandbox) -> (i64, i64) {
    let store = sandbox.store();
    (
        store.report_count().expect("counting reports"),
        store.incident_count().expect("counting incidents"),
    )
}

#[test]
fn four_writers_and_an_exporter_on_a_new_database_all_succeed_and_lose_nothing() {
    // What the same commands store one after the other.
    let serial = Sandbox::new();
    for args in writers(&serial) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        serial.ok(&args);
    }
    let expected = counts(&serial);
    assert!(expected.1 >= 36_000, "{expected:?}");

    // The same commands at once, on a database none of them has created yet.
    let sandbox = Sandbox::new();
    let commands = writers(&sandbox);
    let children: Vec<Child> = commands.iter().map(|a| spawn(&sandbox, a)).collect();
    let out = sandbox.path().join("out.geojson");
    let out_arg = out.to_str().expect("UTF-8 path").to_owned();
    let export = vec!["export".to_owned(), "-o".to_owned(), out_arg.clone()];
    let mut exports = 0;
    let mut exporter = spawn(&sandbox, &export);
    let mut running = children;
    let mut failures = Vec::new();
    let mut finished = Vec::new();
    // Export again and again while the writers run: every export must
    // succeed and be a whole GeoJSON file.
    loop {
        let status = exporter.wait().expect("waiting for the export");
        let err = read_stderr(&mut exporter);
        assert!(status.success(), "an export failed meanwhile: {err}");
        exports += 1;
        let text = std::fs::read_to_string(&out).expect("the export exists");
        let json: Value = serde_json::from_str(&text).expect("the export is whole JSON");
        assert!(json["features"].is_array());
        let mut still = Vec::new();
        for mut child in running {
            match child.try_wait().expect("polling a writer") {
                Some(status) => finished.push((status, read_stderr(&mut child))),
                None => still.push(child),
            }
        }
        running = still;
        if running.is_empty() {
            break;
        }
        exporter = spawn(&sandbox, &export);
    }
    for (status, err) in finished {
        if !status.success() {
            failures.push(err);
        }
    }
    assert!(failures.is_empty(), "writers failed: {failures:#?}");
    assert!(exports >= 1);
    assert_eq!(counts(&sandbox), expected, "(reports, incidents)");

    // A last export holds every incident.
    sandbox.ok(&["export", "-o", &out_arg]);
    let text = std::fs::read_to_string(&out).expect("the export exists");
    let json: Value = serde_json::from_str(&text).expect("the export is JSON");
    let features = json["features"].as_array().map_or(0, Vec::len);
    assert_eq!(features as i64, expected.1);
}

fn read_stderr(child: &mut Child) -> String {
    use std::io::Read;
    let mut text = String::new();
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut text);
    }
    text
}

#[test]
fn processes_creating_the_same_new_database_at_once_all_succeed() {
    for _ in 0..4 {
        let sandbox = Sandbox::new();
        let children: Vec<Child> = (0..4)
            .map(|_| spawn(&sandbox, &["geocode".to_owned(), "Djibo".to_owned()]))
            .collect();
        for child in children {
            let out = child.wait_with_output().expect("waiting");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert_eq!(
            sandbox.store().schema_version().expect("version") as usize,
            incident_atlas::store::MIGRATIONS.len()
        );
    }
}
