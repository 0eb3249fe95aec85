//! The full-text search behind the filters' search field: which incidents
//! match, and why each did (the list's and the details' snippets).

use std::collections::HashSet;

use super::AtlasApp;
use crate::app::i18n::tr_error;
use crate::store::SearchHit;

impl AtlasApp {
    /// Runs the full-text search for the current search text.
    pub(super) fn run_search(&mut self) {
        let query = self.state.filters.search.trim();
        self.snippets.clear();
        if query.is_empty() {
            self.hits = None;
            self.revision += 1;
            return;
        }
        match self.workspace.store.search_hits(query) {
            Ok(hits) => {
                self.hits = Some(hits.iter().map(|h| h.incident_id).collect());
                self.snippets = hits.into_iter().map(|h| (h.incident_id, h)).collect();
            }
            Err(e) => {
                self.load_error = Some(tr_error("error-searching", &e));
                self.hits = Some(HashSet::new());
            }
        }
        // The hits are part of what `visible` depends on.
        self.revision += 1;
    }

    /// Why incident `id` matched the current search, if one runs.
    pub fn search_hit(&self, id: i64) -> Option<&SearchHit> {
        self.snippets.get(&id)
    }
}
