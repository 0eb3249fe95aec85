//! Importing reports: pasted text inline, report files on a background
//! job (inline for an in-memory database), and what the window does once
//! they are stored.

use std::collections::HashSet;

use super::AtlasApp;
use crate::app::command::{Outcome, error_chain};
use crate::app::import;
use crate::app::jobs::{self, ImportJob};
use crate::ingest::{IngestError, IngestSummary};

impl AtlasApp {
    /// Imports report files: on a background thread with its own connection
    /// when the database is a file, inline for an in-memory one.
    pub(super) fn ingest_files(
        &mut self,
        paths: &[std::path::PathBuf],
        published: Option<chrono::NaiveDate>,
    ) {
        if self.job.is_some() {
            return;
        }
        let files = match jobs::report_paths(paths) {
            Ok(files) => files,
            Err(e) => {
                self.import.outcome = Some(Outcome::Failed(e));
                return;
            }
        };
        if self.workspace.path.is_file() {
            let repaint = self.repaint.clone();
            let wake = move || {
                if let Some(ctx) = &repaint {
                    ctx.request_repaint();
                }
            };
            self.import.progress = Some((0, files.len()));
            self.import.outcome = None;
            self.job = Some(jobs::spawn(
                self.workspace.path.clone(),
                files,
                published,
                wake,
            ));
        } else {
            let job = jobs::run_inline(
                &mut self.workspace.store,
                &self.workspace.gazetteer,
                &files,
                published,
            );
            self.finish_job(&job);
        }
    }

    /// Takes the running job's news; reloads the incidents when it is done.
    pub(super) fn poll_job(&mut self) {
        let Some(job) = &mut self.job else {
            return;
        };
        job.poll();
        self.import.progress = Some((job.done(), job.total));
        if job.finished()
            && let Some(job) = self.job.take()
        {
            self.finish_job(&job);
        }
    }

    fn finish_job(&mut self, job: &ImportJob) {
        self.import.progress = None;
        let stored = job.results.iter().any(|r| r.result.is_ok());
        let all_failed = job.failed.is_some() || (!stored && !job.results.is_empty());
        if stored {
            let before: HashSet<i64> = self.incidents.iter().map(|i| i.id).collect();
            self.reload();
            let new: Vec<i64> = self
                .incidents
                .iter()
                .map(|i| i.id)
                .filter(|id| !before.contains(id))
                .collect();
            self.show_imported(&new);
        }
        self.import.outcome = Some(if all_failed {
            Outcome::Failed(job.summary())
        } else {
            Outcome::Done(job.summary())
        });
    }

    /// True while report files are being imported in the background.
    pub fn importing(&self) -> bool {
        self.job.is_some()
    }

    pub(super) fn after_ingest(&mut self, result: Result<IngestSummary, IngestError>) {
        self.import.outcome = Some(match result {
            Ok(summary) => {
                self.reload();
                self.show_imported(&summary.incident_ids);
                Outcome::Done(import::summarize(&summary))
            }
            Err(e) => Outcome::Failed(error_chain(&e)),
        });
    }

    /// Extracts and stores a pasted report; the text is cleared once stored.
    pub(super) fn ingest_text(&mut self, text: &str, published: Option<chrono::NaiveDate>) {
        let result = crate::ingest::ingest_text(
            &mut self.workspace.store,
            &self.workspace.gazetteer,
            "pasted text",
            text,
            published,
        );
        if result.is_ok() {
            self.import.text.clear();
        }
        self.after_ingest(result);
    }
}
