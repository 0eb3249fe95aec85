//! Long work off the UI thread: importing many report files. A job runs on
//! its own thread with its own connection to the workspace's database file
//! (SQLite in WAL mode lets the window keep reading meanwhile), and reports
//! each file through a channel, asking egui to repaint so the progress bar
//! moves. An in-memory database cannot be shared with another connection, so
//! there the same work runs inline.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};

use chrono::NaiveDate;

use super::command::error_chain;
use crate::app::i18n::{tr, tr_args};
use crate::gazetteer::Gazetteer;
use crate::ingest::{ingest_text, read_report};
use crate::store::Store;

/// How one file went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileResult {
    pub name: String,
    /// The number of incidents stored, or why the file was not stored.
    pub result: Result<FileStored, String>,
}

/// What a stored file added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStored {
    pub incidents: usize,
    pub duplicate: bool,
}

/// What a job tells the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobEvent {
    /// One more file is done.
    File(FileResult),
    /// The job could not start (the database would not open); nothing was stored.
    Failed(String),
}

/// A running (or finished) import, as the window polls it.
#[derive(Debug)]
pub struct ImportJob {
    events: Receiver<JobEvent>,
    pub total: usize,
    pub results: Vec<FileResult>,
    pub failed: Option<String>,
}

impl ImportJob {
    /// Files done so far.
    pub fn done(&self) -> usize {
        self.results.len()
    }

    pub fn finished(&self) -> bool {
        self.failed.is_some() || self.results.len() >= self.total
    }

    /// Takes what the thread has sent since the last poll; true if anything came.
    pub fn poll(&mut self) -> bool {
        let mut any = false;
        loop {
            match self.events.try_recv() {
                Ok(JobEvent::File(result)) => self.results.push(result),
                Ok(JobEvent::Failed(e)) => self.failed = Some(e),
                Err(mpsc::TryRecvError::Empty) => break,
                // A thread that ended without finishing counts as failed.
                Err(mpsc::TryRecvError::Disconnected) => {
                    if !self.finished() {
                        self.failed = Some(tr("import-stopped"));
                        any = true;
                    }
                    break;
                }
            }
            any = true;
        }
        any
    }

    /// The final summary the import panel shows.
    pub fn summary(&self) -> String {
        if let Some(e) = &self.failed {
            return tr_args("import-failed", &[("error", e.as_str().into())]);
        }
        summarize(&self.results)
    }
}

/// Splits the import field into paths: separated by `;` or new lines.
pub fn split_paths(field: &str) -> Vec<PathBuf> {
    field
        .split([';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .collect()
}

/// Turns paths into report files: a folder stands for every `.txt` file in
/// it, in name order; anything else is taken as a file.
pub fn report_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| {
                tr_args(
                    "import-reading-folder",
                    &[
                        ("path", path.display().to_string().into()),
                        ("error", e.to_string().into()),
                    ],
                )
            })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|p| {
                    p.is_file()
                        && p.extension()
                            .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
                })
                .collect();
            if found.is_empty() {
                return Err(tr_args(
                    "import-no-reports",
                    &[("path", path.display().to_string().into())],
                ));
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Ingests one file into `store`.
pub fn ingest_one(
    store: &mut Store,
    gazetteer: &Gazetteer,
    path: &Path,
    published: Option<NaiveDate>,
) -> FileResult {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    // ACLED downloads and GeoJSON layers are incident tables, not reports:
    // they go through the importer, as `incident-atlas import` does.
    let is_table = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "csv" | "geojson" | "json"));
    let result = if is_table {
        crate::import::import_file(store.connection_mut(), path)
            .map(|summary| FileStored {
                incidents: usize::try_from(summary.rows).unwrap_or(usize::MAX),
                duplicate: summary.duplicate,
            })
            .map_err(|e| error_chain(&e))
    } else {
        read_report(path)
            .and_then(|text| ingest_text(store, gazetteer, &name, &text, published))
            .map(|summary| FileStored {
                incidents: summary.incidents.len(),
                duplicate: summary.duplicate,
            })
            .map_err(|e| error_chain(&e))
    };
    FileResult { name, result }
}

/// Starts importing `paths` into the database file `db` on a new thread;
/// `wake` is called after each file (the window passes `request_repaint`).
pub fn spawn(
    db: PathBuf,
    paths: Vec<PathBuf>,
    published: Option<NaiveDate>,
    wake: impl Fn() + Send + 'static,
) -> ImportJob {
    let (sender, events) = mpsc::channel();
    let total = paths.len();
    std::thread::spawn(move || run(&db, &paths, published, &sender, &wake));
    ImportJob {
        events,
        total,
        results: Vec::new(),
        failed: None,
    }
}

fn run(
    db: &Path,
    paths: &[PathBuf],
    published: Option<NaiveDate>,
    sender: &Sender<JobEvent>,
    wake: &dyn Fn(),
) {
    let opened = Store::open(db).and_then(|store| {
        let gazetteer = store.load_gazetteer()?;
        Ok((store, gazetteer))
    });
    let (mut store, gazetteer) = match opened {
        Ok(opened) => opened,
        Err(e) => {
            // A closed window has dropped the receiver; there is no one to tell.
            let _ = sender.send(JobEvent::Failed(error_chain(&e)));
            wake();
            return;
        }
    };
    for path in paths {
        let result = ingest_one(&mut store, &gazetteer, path, published);
        if sender.send(JobEvent::File(result)).is_err() {
            return;
        }
        wake();
    }
}

/// Runs a job inline against an open store (for in-memory databases); the
/// returned job is already finished.
pub fn run_inline(
    store: &mut Store,
    gazetteer: &Gazetteer,
    paths: &[PathBuf],
    published: Option<NaiveDate>,
) -> ImportJob {
    let (_, events) = mpsc::channel();
    ImportJob {
        events,
        total: paths.len(),
        results: paths
            .iter()
            .map(|path| ingest_one(store, gazetteer, path, published))
            .collect(),
        failed: None,
    }
}

/// "3 file(s): 5 incident(s) stored", then a line per file.
pub fn summarize(results: &[FileResult]) -> String {
    let incidents: usize = results
        .iter()
        .filter_map(|r| r.result.as_ref().ok())
        .map(|s| s.incidents)
        .sum();
    let failed = results.iter().filter(|r| r.result.is_err()).count();
    let mut text = tr_args(
        "import-files-read",
        &[
            ("files", results.len().into()),
            ("incidents", incidents.into()),
            ("failed", failed.into()),
        ],
    );
    for file in results {
        let line = match &file.result {
            Ok(s) if s.duplicate => tr("import-already-stored"),
            Ok(s) => tr_args("incident-count", &[("n", s.incidents.into())]),
            Err(e) => e.clone(),
        };
        text.push_str(&format!("\n• {}: {line}", file.name));
    }
    text
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn a_folder_stands_for_its_txt_files_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a.TXT", "notes.md"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let other = dir.path().join("c.txt");
        let field = format!("{} ; {}", dir.path().display(), other.display());
        let paths = report_paths(&split_paths(&field)).unwrap();
        let names: Vec<_> = paths
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.TXT", "b.txt", "c.txt"]);
    }

    #[test]
    fn a_summary_counts_incidents_and_failures() {
        let results = vec![
            FileResult {
                name: "a.txt".into(),
                result: Ok(FileStored {
                    incidents: 2,
                    duplicate: false,
                }),
            },
            FileResult {
                name: "b.txt".into(),
                result: Err("no such file".into()),
            },
        ];
        let text = summarize(&results);
        assert!(
            text.starts_with("2 file(s) read: 2 incident(s) stored, 1 failed."),
            "{text}"
        );
        assert!(text.contains("• b.txt: no such file"), "{text}");
    }

    #[test]
    fn an_acled_csv_goes_through_the_importer_and_a_second_time_adds_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("acled.csv");
        std::fs::write(
            &csv,
            "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,\
             actor2,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities\n\
             BFA1,2025-01-04,2025,1,Battles,Armed clash,Armed group,Military Forces,\
             Burkina Faso,Sahel,Djibo,14.0994,-1.62554,1,Local radio,Invented row.,3\n",
        )
        .unwrap();
        let mut store = Store::open_in_memory().unwrap();
        let gazetteer = Gazetteer::new(Vec::new(), Vec::new());
        let first = ingest_one(&mut store, &gazetteer, &csv, None);
        let stored = first.result.unwrap();
        assert_eq!((stored.incidents, stored.duplicate), (1, false));
        assert_eq!(store.incident_count().unwrap(), 1);
        let again = ingest_one(&mut store, &gazetteer, &csv, None)
            .result
            .unwrap();
        assert!(again.duplicate);
        assert_eq!(store.incident_count().unwrap(), 1);
    }

    #[test]
    fn a_job_whose_database_will_not_open_fails_without_hanging() {
        let dir = tempfile::tempdir().unwrap();
        // A folder is not a database file.
        let mut job = spawn(
            dir.path().to_path_buf(),
            vec![dir.path().join("a.txt")],
            None,
            || {},
        );
        for _ in 0..500 {
            job.poll();
            if job.finished() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(job.finished());
        assert!(
            job.summary().starts_with("The import failed: "),
            "{}",
            job.summary()
        );
    }
}
