//! The Review mode: the queue of unreviewed incidents shown, shakiest
//! first, and moving through it.

use super::AtlasApp;
use crate::view;

impl AtlasApp {
    /// Whether the Review mode is on.
    pub fn reviewing(&self) -> bool {
        self.review
    }

    /// The review queue's incident ids, shakiest first (see `view::review_queue`).
    pub fn review_queue(&mut self) -> Vec<i64> {
        self.refresh();
        self.queue_ids()
    }

    /// The cached queue as incident ids (as of the last `refresh`).
    pub(super) fn queue_ids(&self) -> Vec<i64> {
        self.cache
            .queue
            .iter()
            .filter_map(|&i| self.incidents.get(i).map(|x| x.id))
            .collect()
    }

    /// In the Review mode, the incident to show once `id` leaves the queue;
    /// `None` outside the mode or when `id` was the last one.
    pub(super) fn next_in_review(&mut self, id: i64) -> Option<i64> {
        if !self.review {
            return None;
        }
        view::after_leaving(&self.review_queue(), id)
    }

    /// Makes `id` the current incident of the review (selected, its row in
    /// view, the map on it); `None` clears the selection (nothing left).
    pub(super) fn review_goto(&mut self, id: Option<i64>) {
        let Some(id) = id else {
            self.selected = None;
            return;
        };
        self.select(id);
        self.scroll_to = Some(id);
        if let Some(incident) = self.incidents.iter().find(|i| i.id == id) {
            let l = &incident.data.location;
            self.map.centre_on(l.longitude, l.latitude);
        }
    }

    /// Enters or leaves the Review mode; entering it brings up the queue's
    /// first incident unless the selected one is in the queue.
    pub(super) fn set_review_mode(&mut self, on: bool) {
        self.review = on;
        let queue = self.review_queue();
        let current = self.selected.as_ref().map(|s| s.id);
        if on && !current.is_some_and(|c| queue.contains(&c)) {
            self.review_goto(queue.first().copied());
        }
    }

    /// Moves to the next (or previous) incident of the review queue.
    pub(super) fn review_step(&mut self, forward: bool) {
        let queue = self.review_queue();
        let current = self.selected.as_ref().map(|s| s.id);
        if let Some(id) = view::review_step(&queue, current, forward) {
            self.review_goto(Some(id));
        }
    }
}
