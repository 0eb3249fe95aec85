//! A real import process killed halfway: SQLite's journal must leave the
//! database intact, holding either none of the file's rows or all of them.

use std::process::Stdio;
use std::time::{Duration, Instant};

use rusqlite::Connection;

use super::acled_rows;
use super::{DJIBO_REPORT, Sandbox};

#[test]
fn an_import_killed_midway_leaves_the_old_rows_or_all_the_new_ones() {
    let sandbox = Sandbox::new();
    let report = sandbox.write("djibo.txt", DJIBO_REPORT);
    sandbox.ok(&["ingest", &report]);
    let old = sandbox.store().incident_count().expect("count");
    const ROWS: usize = 150_000;
    let big = sandbox.write("big.csv", acled_rows::csv(ROWS));

    let mut child = sandbox
        .bare_command()
        .args(["import", &big, "--db"])
        .arg(&sandbox.db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starting the import");
    // The transaction spills pages into the write-ahead log as it grows;
    // a few megabytes there means the import is well under way.
    let wal = sandbox.db.with_extension("sqlite-wal");
    let started = Instant::now();
    loop {
        let size = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        if size > 4 << 20 {
            break;
        }
        if let Some(status) = child.try_wait().expect("polling the child") {
            panic!(
                "the import finished ({status}) before it could be killed; make the file bigger"
            );
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the import never got going"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("killing the import");
    let status = child.wait().expect("reaping the import");
    assert!(
        !status.success(),
        "the kill arrived after the import finished"
    );

    let conn = Connection::open(&sandbox.db).expect("reopening after the kill");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(check, "ok");
    let now: i64 = conn
        .query_row("SELECT COUNT(*) FROM incidents", [], |r| r.get(0))
        .expect("count");
    assert!(
        now == old || now == old + ROWS as i64,
        "{now} incidents: neither the old {old} nor old + {ROWS}"
    );
}
