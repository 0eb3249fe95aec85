//! Another program writing to the database the window has open: the command
//! line importing a file, a colleague's script. The window notices within a
//! second and reads the incidents again, so the map never shows a store
//! that has moved on, and says what changed.

use std::time::{Duration, Instant};

use super::AtlasApp;
use crate::app::command::Outcome;
use crate::app::i18n::{tr, tr_args};

/// When the store was last asked whether another connection wrote to it.
pub(in crate::app) struct OutsideWrites {
    /// SQLite's `data_version` at the last check; `None` until the first
    /// and after the window's own import (its commits come through another
    /// connection too, and `finish_job` has already read them).
    version: Option<i64>,
    checked: Option<Instant>,
    /// How often to ask: once a second costs one tiny query.
    pub(in crate::app) every: Duration,
}

impl Default for OutsideWrites {
    fn default() -> Self {
        OutsideWrites {
            version: None,
            checked: None,
            every: Duration::from_secs(1),
        }
    }
}

impl OutsideWrites {
    /// Forgets the last version: the next check only takes a new baseline.
    pub(in crate::app) fn rebase(&mut self) {
        self.version = None;
    }
}

impl AtlasApp {
    /// Reads the incidents again when another connection has committed
    /// since the last check; keeps the window waking up to look.
    pub(super) fn watch_outside_writes(&mut self, ctx: &egui::Context) {
        // The window's own import writes through its job's connection and
        // reads the result when the job finishes.
        if self.job.is_some() {
            self.outside.rebase();
            return;
        }
        let now = Instant::now();
        if let Some(last) = self.outside.checked {
            let since = now.duration_since(last);
            if since < self.outside.every {
                ctx.request_repaint_after(self.outside.every - since);
                return;
            }
        }
        self.outside.checked = Some(now);
        ctx.request_repaint_after(self.outside.every);
        // An unreadable version (a locked file, say) is asked again next time.
        let Ok(version) = self.workspace.store.data_version() else {
            return;
        };
        let changed = self.outside.version.is_some_and(|v| v != version);
        self.outside.version = Some(version);
        if !changed {
            return;
        }
        let before = self.incidents.len();
        self.reload();
        let after = self.incidents.len();
        let note = if after > before {
            tr_args("outside-added", &[("n", (after - before).into())])
        } else if after < before {
            tr_args("outside-removed", &[("n", (before - after).into())])
        } else {
            tr("outside-changed")
        };
        self.import.outcome = Some(Outcome::Done(note));
    }
}
