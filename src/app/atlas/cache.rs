//! The incidents in memory and what is derived from them: loading and
//! reloading them from the store, their projected points, and the cached
//! shown set, list order, histogram and review queue, recomputed only
//! when something they depend on changed.

use super::AtlasApp;
use crate::app::filters::Choices;
use crate::app::i18n::tr_error;
use crate::app::timeline;
use crate::model::{Incident, TimeWindow};
use crate::setup::Workspace;
use crate::store::IncidentFilter;
use crate::view::{self, Bin, Filters, SortKey, Step};

/// What the caches were computed from; any change recomputes them.
#[derive(Debug, Clone, PartialEq)]
struct CacheKey {
    revision: u64,
    window: Option<TimeWindow>,
    filters: Filters,
    sort: SortKey,
    bins: Step,
}

/// Results that only change when the data or the analyst's choices change.
#[derive(Debug, Default)]
pub(super) struct Cache {
    key: Option<CacheKey>,
    /// Indices into `incidents` of what is shown, in date order.
    pub(super) visible: Vec<usize>,
    /// The same, in the list's order.
    pub(super) rows: Vec<usize>,
    /// The histogram, over every date, with the other filters applied.
    pub(super) bins: Vec<Bin>,
    /// The review queue: indices of the unreviewed shown incidents, shakiest first.
    pub(super) queue: Vec<usize>,
}

impl AtlasApp {
    pub(super) fn set_incidents(&mut self, mut incidents: Vec<Incident>) {
        incidents.sort_by_key(|i| (i.data.event_date, i.id));
        self.points = incidents
            .iter()
            .map(|i| view::mercator(i.data.location.longitude, i.data.location.latitude))
            .collect();
        self.choices = Choices::of(&incidents);
        self.incidents = incidents;
        self.revision += 1;
    }

    /// Recomputes what is shown if anything it depends on changed.
    pub(super) fn refresh(&mut self) {
        let key = CacheKey {
            revision: self.revision,
            window: self.state.window,
            filters: self.state.filters.clone(),
            sort: self.state.sort,
            bins: self.state.bins,
        };
        if self.cache.key.as_ref() == Some(&key) {
            return;
        }
        let old = self.cache.key.take();
        let hits = self.hits.as_ref();
        let visible = self.visible();
        let mut rows = visible.clone();
        view::sort_rows(&mut rows, &self.incidents, key.sort);
        let histogram_stale = old.as_ref().is_none_or(|o| {
            o.revision != key.revision || o.filters != key.filters || o.bins != key.bins
        });
        if histogram_stale {
            let everything = view::visible(&self.incidents, None, &key.filters, hits);
            self.cache.bins = match timeline::full_range(&self.incidents) {
                Some(range) => view::bins(
                    everything
                        .iter()
                        .filter_map(|&i| self.incidents.get(i))
                        .map(|i| i.data.event_date),
                    range,
                    key.bins,
                ),
                None => Vec::new(),
            };
        }
        self.cache.queue = view::review_queue(&self.incidents, &visible);
        self.cache.visible = visible;
        self.cache.rows = rows;
        self.cache.key = Some(key);
    }

    /// Reads every incident again. A window that covered everything grows to
    /// cover the new dates too; a narrowed window is kept as the analyst set it.
    pub(super) fn reload(&mut self) {
        match load_incidents(&self.workspace) {
            Ok(incidents) => {
                let old_range = timeline::full_range(&self.incidents);
                self.set_incidents(incidents);
                let new_range = timeline::full_range(&self.incidents);
                if self.state.window.is_none() || self.state.window == old_range {
                    self.state.window = new_range;
                }
                if !self.state.filters.search.trim().is_empty() {
                    self.run_search();
                }
                self.load_error = None;
            }
            Err(e) => self.load_error = Some(tr_error("error-reading-incidents", &e)),
        }
    }
}

pub(super) fn load_incidents(
    workspace: &Workspace,
) -> Result<Vec<Incident>, crate::store::StoreError> {
    workspace.store.incidents(&IncidentFilter::default())
}
