//! What the CLI leaves in the database, read back through the library.

use incident_atlas::store::IncidentFilter;

use super::{DJIBO_REPORT, Sandbox, stderr};

#[test]
fn a_new_database_named_with_db_gets_the_gazetteer_but_no_samples() {
    let sandbox = Sandbox::new();
    // The parent directory does not exist yet: it is created.
    sandbox.ok(&["export"]);
    let store = sandbox.store();
    assert!(store.place_count().expect("count") > 0);
    assert_eq!(store.report_count().expect("count"), 0);
}

#[test]
fn the_default_database_lives_in_the_data_directory() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .bare_command()
        .arg("export")
        .output()
        .expect("running");
    assert!(out.status.success(), "{}", stderr(&out));
    let default = sandbox
        .path()
        .join("xdg-data")
        .join("incident-atlas")
        .join("incidents.sqlite");
    assert!(default.exists(), "expected {}", default.display());
}

#[test]
fn ingested_incidents_point_back_at_their_stored_report() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("djibo.txt", DJIBO_REPORT);
    sandbox.ok(&["ingest", &file]);
    let store = sandbox.store();
    let incidents = store
        .incidents(&IncidentFilter::default())
        .expect("incidents");
    assert!(!incidents.is_empty());
    for incident in &incidents {
        let report = store
            .report(incident.report_id)
            .expect("report")
            .expect("the report exists");
        assert_eq!(report.text, DJIBO_REPORT);
        let evidence = incident.data.evidence.slice(&report.text);
        assert!(
            evidence.is_some_and(|s| !s.is_empty()),
            "evidence fits the text"
        );
    }
}
