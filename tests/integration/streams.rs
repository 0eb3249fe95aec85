//! Inputs that are streams, not files: a named pipe, standard input, and
//! devices that never end. Each is read once; an endless one is refused
//! after its first kilobytes instead of spinning or filling memory.

use std::io::Write;
use std::process::{Command, Stdio};

use super::acled_rows;
use super::{Sandbox, stderr};

/// Runs `incident-atlas <args> --db <db>` with `input` on standard input.
fn run_with_stdin(sandbox: &Sandbox, args: &[&str], input: &[u8]) -> std::process::Output {
    let mut child = sandbox
        .bare_command()
        .args(args)
        .arg("--db")
        .arg(&sandbox.db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starting incident-atlas");
    let mut stdin = child.stdin.take().expect("piped stdin");
    stdin.write_all(input).expect("writing standard input");
    drop(stdin);
    child
        .wait_with_output()
        .expect("waiting for incident-atlas")
}

fn incident_count(sandbox: &Sandbox) -> i64 {
    sandbox
        .store()
        .incident_count()
        .expect("counting incidents")
}

#[test]
fn a_csv_on_standard_input_imports_with_dash_and_with_dev_stdin() {
    let sandbox = Sandbox::new();
    let csv = acled_rows::csv(5);
    let out = run_with_stdin(&sandbox, &["import", "-"], csv.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("5 incident(s) imported"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(incident_count(&sandbox), 5);

    // The same bytes again, through the device name: read once, hashed as
    // they pass, so it is known as the file already imported.
    let out = run_with_stdin(&sandbox, &["import", "/dev/stdin"], csv.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("already imported"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(incident_count(&sandbox), 5);
}

#[test]
fn a_named_pipe_is_read_once() {
    let sandbox = Sandbox::new();
    let fifo = sandbox.path().join("incidents.csv");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("running mkfifo");
    assert!(made.success());
    let csv = acled_rows::csv(7);
    let writer_path = fifo.clone();
    let writer = std::thread::spawn(move || {
        // Opening blocks until the importer opens the other end.
        let mut pipe = std::fs::OpenOptions::new()
            .write(true)
            .open(&writer_path)
            .expect("opening the pipe for writing");
        pipe.write_all(csv.as_bytes()).expect("writing the pipe");
    });
    let out = sandbox.run(&["import", fifo.to_str().expect("UTF-8 path")]);
    writer.join().expect("the writer finished");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(incident_count(&sandbox), 7);
}

#[test]
fn endless_devices_are_refused_and_store_nothing() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["import", &sandbox.write("a.csv", acled_rows::csv(3))]);
    let reports = sandbox.report_count();
    for device in ["/dev/zero", "/dev/urandom"] {
        let out = sandbox.run(&["import", device]);
        assert_eq!(out.status.code(), Some(1), "{device}: {}", stderr(&out));
        assert!(stderr(&out).contains(device), "{}", stderr(&out));
        assert_eq!(sandbox.report_count(), reports);
    }
    // Named as a CSV, the endless input reaches the CSV reader, whose line
    // limit stops it.
    let zeros_csv = sandbox.path().join("zeros.csv");
    std::os::unix::fs::symlink("/dev/zero", &zeros_csv).expect("symlink");
    let out = sandbox.run(&["import", zeros_csv.to_str().expect("UTF-8 path")]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("zeros.csv"), "{}", stderr(&out));
    assert_eq!(sandbox.report_count(), reports);
    assert_eq!(incident_count(&sandbox), 3);
}

#[test]
fn gazetteer_import_of_an_endless_device_is_refused() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&[
        "gazetteer",
        "import",
        "--format",
        "geonames",
        "/dev/urandom",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("/dev/urandom"), "{}", stderr(&out));
}
