//! Selecting an incident and changing it: corrections, accepting,
//! deleting, Undo, and reading its report again.

use super::AtlasApp;
use crate::app::command::Outcome;
use crate::app::details::Selection;
use crate::app::i18n::{tr_args, tr_error};
use crate::app::undo::Undo;

impl AtlasApp {
    pub(super) fn select(&mut self, id: i64) {
        let report_id = self
            .incidents
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.report_id);
        match Selection::read(&self.workspace.store, id, report_id) {
            Ok(selection) => self.selected = Some(selection),
            Err(e) => {
                self.load_error = Some(tr_error("error-reading-report", &e));
                self.selected = Some(Selection::bare(id));
            }
        }
    }

    /// Reads the selected incident's accounts and corrected fields again
    /// (after a correction, or a report read again).
    pub(super) fn refresh_selection(&mut self) {
        if let Some(id) = self.selected.as_ref().map(|s| s.id) {
            self.select(id);
        }
    }

    /// Reads report `report_id` again and shows what changed.
    pub(super) fn reprocess(&mut self, report_id: i64) {
        let outcome = match crate::ingest::reprocess(
            &mut self.workspace.store,
            &self.workspace.gazetteer,
            report_id,
        ) {
            Ok(done) => Outcome::Done(tr_args("reread-done", &[("done", done.to_string().into())])),
            Err(e) => Outcome::Failed(tr_error("reread-failed", &e)),
        };
        self.reload();
        // The selected incident may be gone (the new reading no longer finds it).
        let still_there = self
            .selected
            .as_ref()
            .is_some_and(|s| self.incidents.iter().any(|i| i.id == s.id));
        if still_there {
            self.refresh_selection();
        } else {
            self.selected = None;
        }
        self.details.outcome = Some(outcome);
    }

    /// Takes back the last deletion or run of corrections.
    pub(super) fn undo(&mut self) {
        let Some(undo) = self.undo.take() else {
            return;
        };
        let id = undo.incident().id;
        let result = match &undo {
            Undo::Delete(incident) => self.workspace.store.restore_incident(incident),
            Undo::Accept(_) => self.workspace.store.set_reviewed(id, false).map(|_| ()),
            Undo::Edit { before, edited } => self
                .workspace
                .store
                .revert_incident(id, &before.data, edited)
                .map(|_| ()),
        };
        match result {
            Ok(()) => {
                self.reload();
                self.select(id);
                self.scroll_to = Some(id);
                self.load_error = None;
            }
            Err(e) => {
                self.load_error = Some(tr_error("error-undoing", &e));
                self.undo = Some(undo);
            }
        }
    }

    /// Marks incident `id` reviewed (Undo takes it back) and, in the Review
    /// mode, moves on to the next of the queue.
    pub(super) fn accept(&mut self, id: i64) {
        let next = self.next_in_review(id);
        let Some(before) = self.incidents.iter().find(|i| i.id == id).cloned() else {
            return;
        };
        match self.workspace.store.set_reviewed(id, true) {
            Ok(true) => {
                if !before.reviewed {
                    self.undo = Some(Undo::Accept(before));
                }
                if let Some(incident) = self.incidents.iter_mut().find(|i| i.id == id) {
                    incident.reviewed = true;
                }
                // The queue and the "unreviewed only" filter depend on it.
                self.revision += 1;
                self.load_error = None;
                if self.review {
                    self.review_goto(next);
                }
            }
            Ok(false) => self.reload(),
            Err(e) => self.load_error = Some(tr_error("error-accepting", &e)),
        }
    }

    /// Saves a correction and patches the incident in memory (re-sorting if
    /// its date moved), without reading everything back. Undo can take it back.
    pub(super) fn update(&mut self, id: i64, data: crate::model::IncidentData) {
        let before = self.incidents.iter().find(|i| i.id == id).cloned();
        let edited = match self.workspace.store.edited_fields(id) {
            Ok(edited) => edited,
            Err(e) => {
                self.load_error = Some(tr_error("error-saving", &e));
                return;
            }
        };
        match self.workspace.store.update_incident(id, &data) {
            Ok(true) => {
                if let Some(before) = before {
                    self.undo = Some(Undo::after_edit(self.undo.take(), before, edited));
                }
                self.refresh_selection();
                let mut incidents = std::mem::take(&mut self.incidents);
                if let Some(incident) = incidents.iter_mut().find(|i| i.id == id) {
                    incident.data = data;
                }
                self.set_incidents(incidents);
                if !self.state.filters.search.trim().is_empty() {
                    self.run_search();
                }
                self.load_error = None;
            }
            Ok(false) => self.reload(),
            Err(e) => self.load_error = Some(tr_error("error-saving", &e)),
        }
    }

    /// Deletes incident `id` (Undo takes it back) and, in the Review mode,
    /// moves on to the next of the queue.
    pub(super) fn delete(&mut self, id: i64) {
        // Asked before the incident leaves the queue.
        let next = self.next_in_review(id);
        match self.workspace.store.delete_incident(id) {
            Ok(Some(incident)) => {
                if self.selected.as_ref().is_some_and(|s| s.id == id) {
                    self.selected = None;
                }
                self.undo = Some(Undo::Delete(incident));
                self.reload();
                if self.review {
                    self.review_goto(next);
                }
            }
            Ok(None) => self.reload(),
            Err(e) => self.load_error = Some(tr_error("error-deleting", &e)),
        }
    }
}
