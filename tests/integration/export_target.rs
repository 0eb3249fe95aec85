//! What an export does to the folder and the file it names: a killed export
//! leaves nothing behind once the next one runs, modes follow the umask or
//! the file replaced, a link or FIFO named with `-o` stays what it is, and
//! `-o -` is standard output.

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::Sandbox;
use super::acled_rows;

/// The sandbox with `rows` imported incidents.
fn filled(rows: usize) -> Sandbox {
    let sandbox = Sandbox::new();
    let file = sandbox.write("rows.csv", acled_rows::csv(rows));
    sandbox.ok(&["import", &file]);
    sandbox
}

/// The names in the folder `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("listing a folder")
        .map(|e| {
            e.expect("a folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// The command under `sh` with umask 022, as most analysts have it.
fn under_umask_022(sandbox: &Sandbox, args: &[&str]) -> Command {
    let mut sh = Command::new("sh");
    sh.arg("-c")
        .arg("umask 022 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_incident-atlas"))
        .args(args)
        .arg("--db")
        .arg(&sandbox.db)
        .env("HOME", sandbox.path())
        .env("XDG_DATA_HOME", sandbox.path().join("xdg-data"))
        .env_remove("INCIDENT_ATLAS_DB")
        .current_dir(sandbox.path());
    sh
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("the file exists")
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn a_killed_export_leaves_nothing_behind_after_the_next_export() {
    let sandbox = filled(60_000);
    let folder = sandbox.path().join("exports");
    std::fs::create_dir(&folder).expect("creating a folder");
    for (format, name) in [("geojson", "out.geojson"), ("gpkg", "out.gpkg")] {
        let target = folder.join(name);
        let target = target.to_str().expect("UTF-8 path");
        let mut child = sandbox
            .bare_command()
            .args(["export", "--format", format, "-o", target, "--db"])
            .arg(&sandbox.db)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starting the export");
        // Kill it once its temporary file has some bytes in it.
        let started = Instant::now();
        loop {
            // A hidden file: the temporary one, not an earlier round's export.
            let growing = std::fs::read_dir(&folder)
                .expect("listing")
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
                .any(|e| e.metadata().is_ok_and(|m| m.len() > 64 * 1024));
            if growing {
                break;
            }
            if let Some(status) = child.try_wait().expect("polling") {
                panic!("the {format} export finished ({status}) before it could be killed");
            }
            assert!(started.elapsed() < Duration::from_secs(120), "no temp file");
            std::thread::sleep(Duration::from_millis(5));
        }
        child.kill().expect("killing the export");
        child.wait().expect("reaping the export");
        assert!(
            names_in(&folder).iter().any(|n| n.starts_with('.')),
            "the kill left a temporary file to clean: {:?}",
            names_in(&folder)
        );
        sandbox.ok(&["export", "--format", format, "-o", target]);
    }
    assert_eq!(names_in(&folder), ["out.geojson", "out.gpkg"]);
}

#[test]
fn a_new_export_honours_the_umask_and_a_replaced_one_keeps_its_mode() {
    let sandbox = filled(3);
    let new = sandbox.path().join("new.geojson");
    let status = under_umask_022(&sandbox, &["export", "-o", new.to_str().expect("UTF-8")])
        .status()
        .expect("running the export");
    assert!(status.success());
    assert_eq!(mode(&new), 0o644);

    let old = sandbox.path().join("old.csv");
    std::fs::write(&old, "old").expect("writing");
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o664)).expect("chmod");
    let args = [
        "export",
        "--format",
        "csv",
        "-o",
        old.to_str().expect("UTF-8"),
    ];
    let status = under_umask_022(&sandbox, &args)
        .status()
        .expect("running the export");
    assert!(status.success());
    assert_eq!(mode(&old), 0o664);
    assert!(
        std::fs::read_to_string(&old)
            .expect("read")
            .starts_with("event_id_cnty")
    );
}

#[test]
fn an_export_through_a_symlink_replaces_the_file_it_names() {
    let sandbox = filled(3);
    let real = sandbox.path().join("real.geojson");
    std::fs::write(&real, "old").expect("writing");
    let link = sandbox.path().join("link.geojson");
    std::os::unix::fs::symlink(&real, &link).expect("making a link");
    sandbox.ok(&["export", "-o", link.to_str().expect("UTF-8")]);
    let kind = std::fs::symlink_metadata(&link)
        .expect("the link")
        .file_type();
    assert!(kind.is_symlink(), "the link was replaced by a file");
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(&real).expect("read")).expect("JSON");
    assert_eq!(json["features"].as_array().map(Vec::len), Some(3));
}

#[cfg(target_os = "linux")]
#[test]
fn an_export_into_a_fifo_writes_to_its_reader() {
    use std::os::unix::fs::OpenOptionsExt;
    let sandbox = filled(3);
    let fifo = sandbox.path().join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    // A second name for the FIFO, to release the reader should the export
    // replace the first name with a file instead of writing into it.
    let spare = sandbox.path().join("spare-pipe");
    std::fs::hard_link(&fifo, &spare).expect("linking the FIFO");
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("reading the FIFO"))
    };
    sandbox.ok(&["export", "-o", fifo.to_str().expect("UTF-8")]);
    // O_NONBLOCK (Linux's value): fails at once rather than waits when the
    // reader is already gone, as it is when the export reached it.
    const O_NONBLOCK: i32 = 0o4000;
    let _ = std::fs::File::options()
        .write(true)
        .custom_flags(O_NONBLOCK)
        .open(&spare);
    let text = reader.join().expect("the reader thread");
    let json: Value = serde_json::from_str(&text).expect("JSON came through the FIFO");
    assert_eq!(json["features"].as_array().map(Vec::len), Some(3));
    let kind = std::fs::symlink_metadata(&fifo)
        .expect("the FIFO")
        .file_type();
    assert!(kind.is_fifo(), "the FIFO was replaced by a file");
}

#[test]
fn output_dash_is_standard_output() {
    let sandbox = filled(3);
    let text = sandbox.ok(&["export", "-o", "-"]);
    let json: Value = serde_json::from_str(&text).expect("GeoJSON on standard output");
    assert_eq!(json["features"].as_array().map(Vec::len), Some(3));
    let csv = sandbox.ok(&["export", "--format", "csv", "--output", "-"]);
    assert!(csv.starts_with("event_id_cnty"), "{csv}");
    let out = sandbox.run(&["export", "--format", "gpkg", "-o", "-"]);
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"SQLite format 3\0"));
    let curated = sandbox.ok(&["gazetteer", "export-curated", "-o", "-"]);
    assert!(curated.starts_with('#'), "{curated}");
    assert!(!sandbox.path().join("-").exists(), "no file named '-'");
}
