//! End-to-end tests: the real `incident-atlas` binary run against a database
//! in a temporary directory. HOME and XDG_DATA_HOME point into that directory
//! too, so no test can touch the analyst's real default database. Every
//! input file is written by the tests themselves.

mod acled_rows;
mod bad_input;
mod cli;
mod concurrency;
mod export;
#[cfg(unix)]
mod export_target;
mod formats;
mod gazetteer_cli;
mod gdal;
mod kill;
mod pbf_writer;
mod properties;
mod scaling;
#[cfg(target_os = "linux")]
mod stdout;
mod store;
mod streams;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use incident_atlas::store::Store;
use tempfile::TempDir;

/// A temporary home with a database path in it.
struct Sandbox {
    dir: TempDir,
    db: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temporary directory");
        let db = dir.path().join("db").join("atlas.sqlite");
        Sandbox { dir, db }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The binary with a clean environment pointing into the sandbox, no --db.
    fn bare_command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_incident-atlas"));
        cmd.env("HOME", self.path())
            .env("XDG_DATA_HOME", self.path().join("xdg-data"))
            .env_remove("INCIDENT_ATLAS_DB")
            .current_dir(self.path());
        cmd
    }

    /// Runs `incident-atlas <args> --db <sandbox db>`.
    fn run(&self, args: &[&str]) -> Output {
        let mut cmd = self.bare_command();
        cmd.args(args).arg("--db").arg(&self.db);
        cmd.output().expect("running incident-atlas")
    }

    /// Runs and insists on success, returning stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "incident-atlas {args:?} failed ({:?}):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("stdout is UTF-8")
    }

    /// Writes a file into the sandbox and returns its path as a string.
    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.path().join(name);
        std::fs::write(&path, bytes).expect("writing a test file");
        path.to_str().expect("UTF-8 temp path").to_owned()
    }

    fn store(&self) -> Store {
        Store::open(&self.db).expect("opening the sandbox database")
    }

    fn report_count(&self) -> i64 {
        self.store().report_count().expect("counting reports")
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A short report written for these tests: one attack, a stated day, Djibo.
const DJIBO_REPORT: &str = "\
Djibo, 12 May 2025. Armed men attacked a gendarmerie post in Djibo on Saturday 10 May 2025, \
killing seven gendarmes, local sources said. The attackers came on motorbikes and left \
towards the north before reinforcements arrived.
";

/// Another, earlier report, near Kaya in March 2024.
const KAYA_REPORT: &str = "\
Kaya, 5 March 2024. Gunmen killed three civilians at a market in Kaya on 3 March 2024, \
residents said. No group claimed the attack.
";
