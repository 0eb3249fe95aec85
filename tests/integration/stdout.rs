//! Standard output that fails (a full device, a pipe closed by `head`) must
//! not stop the work: every file is still stored, and the command ends with
//! exit code 1 and a message saying standard output failed, never a panic.

use std::fs::File;
use std::process::{Output, Stdio};

use super::acled_rows;
use super::{DJIBO_REPORT, KAYA_REPORT, Sandbox, stderr};

/// Runs `incident-atlas <args> --db <db>` with standard output on `/dev/full`.
fn run_into_a_full_device(sandbox: &Sandbox, args: &[&str]) -> Output {
    let full = File::options()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full exists on Linux");
    sandbox
        .bare_command()
        .args(args)
        .arg("--db")
        .arg(&sandbox.db)
        .stdout(full)
        .output()
        .expect("running incident-atlas")
}

/// Runs `incident-atlas <args> --db <db>` with standard output a pipe whose
/// reading end is already closed, as in `... | true`.
fn run_into_a_closed_pipe(sandbox: &Sandbox, args: &[&str]) -> Output {
    let mut child = sandbox
        .bare_command()
        .args(args)
        .arg("--db")
        .arg(&sandbox.db)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starting incident-atlas");
    drop(child.stdout.take());
    child
        .wait_with_output()
        .expect("waiting for incident-atlas")
}

fn assert_failed_cleanly(out: &Output) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("writing to standard output"), "{err}");
}

/// Three distinct ACLED files (different rows, so different hashes).
fn three_csv_files(sandbox: &Sandbox) -> Vec<String> {
    (0..3)
        .map(|k| {
            let mut text = format!("{}\n", acled_rows::HEADER);
            for i in 0..5 {
                text.push_str(&acled_rows::row(k * 10 + i));
            }
            sandbox.write(&format!("part{k}.csv"), text)
        })
        .collect()
}

#[test]
fn import_into_a_closed_pipe_still_stores_every_file() {
    let sandbox = Sandbox::new();
    let files = three_csv_files(&sandbox);
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let out = run_into_a_closed_pipe(&sandbox, &args);
    assert_failed_cleanly(&out);
    assert_eq!(sandbox.report_count(), 3);
    assert_eq!(sandbox.store().incident_count().expect("count"), 15);
}

#[test]
fn import_into_a_full_device_still_stores_every_file() {
    let sandbox = Sandbox::new();
    let files = three_csv_files(&sandbox);
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let out = run_into_a_full_device(&sandbox, &args);
    assert_failed_cleanly(&out);
    assert_eq!(sandbox.report_count(), 3);
}

#[test]
fn ingest_into_a_closed_pipe_still_stores_every_report() {
    let sandbox = Sandbox::new();
    let djibo = sandbox.write("djibo.txt", DJIBO_REPORT);
    let kaya = sandbox.write("kaya.txt", KAYA_REPORT);
    let out = run_into_a_closed_pipe(&sandbox, &["ingest", &djibo, &kaya]);
    assert_failed_cleanly(&out);
    assert_eq!(sandbox.report_count(), 2);

    let other = Sandbox::new();
    let djibo = other.write("djibo.txt", DJIBO_REPORT);
    let kaya = other.write("kaya.txt", KAYA_REPORT);
    let out = run_into_a_full_device(&other, &["ingest", "--json", &djibo, &kaya]);
    assert_failed_cleanly(&out);
    assert_eq!(other.report_count(), 2);
}

#[test]
fn reprocess_into_a_full_device_reads_every_report_again() {
    let sandbox = Sandbox::new();
    let djibo = sandbox.write("djibo.txt", DJIBO_REPORT);
    let kaya = sandbox.write("kaya.txt", KAYA_REPORT);
    sandbox.ok(&["ingest", &djibo, &kaya]);
    let out = run_into_a_full_device(&sandbox, &["reprocess", "--all"]);
    assert_failed_cleanly(&out);
    assert_eq!(sandbox.report_count(), 2);
}

#[test]
fn gazetteer_import_into_a_full_device_stores_every_file() {
    let sandbox = Sandbox::new();
    let row = |id: i64, name: &str, lat: f64| {
        format!(
            "{id}\t{name}\t{name}\t\t{lat}\t-1.5\tP\tPPL\tBF\t\t49\t\t\t\t0\t\t\tAfrica/Ouagadougou\t2025-01-01\n"
        )
    };
    let a = sandbox.write("a.txt", row(990_000_001, "Zorgotenga", 13.1));
    let b = sandbox.write("b.txt", row(990_000_002, "Wemtabtenga", 13.2));
    let out = run_into_a_full_device(&sandbox, &["gazetteer", "import", &a, &b]);
    assert_failed_cleanly(&out);
    for name in ["Zorgotenga", "Wemtabtenga"] {
        let found = sandbox.ok(&["geocode", name]);
        assert!(found.contains("geonameid 99000000"), "{name}: {found}");
    }
}

#[test]
fn geocode_into_a_full_device_says_so() {
    let sandbox = Sandbox::new();
    let out = run_into_a_full_device(&sandbox, &["geocode", "Djibo"]);
    assert_failed_cleanly(&out);
}
