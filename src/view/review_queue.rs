//! The Review mode's queue, without egui: which of the shown incidents an
//! analyst still has to accept, shakiest first, and where to go from one.
//!
//! The queue is the unreviewed incidents among those shown, lowest
//! confidence first (low, medium, high), then by date, then by id so the
//! order never depends on how the incidents happened to be loaded.

use crate::model::Incident;

/// Indices (into `incidents`) of the unreviewed incidents among `shown`,
/// in review order.
pub fn review_queue(incidents: &[Incident], shown: &[usize]) -> Vec<usize> {
    let mut queue: Vec<usize> = shown
        .iter()
        .copied()
        .filter(|&i| incidents.get(i).is_some_and(|x| !x.reviewed))
        .collect();
    queue.sort_by_key(|&i| {
        let x = &incidents[i];
        (x.data.confidence, x.data.event_date, x.id)
    });
    queue
}

/// The incident id to show after `current` when moving `forward` (or
/// back) through `queue` (ids in review order). From an incident outside
/// the queue (just accepted, or picked on the map) forward is the queue's
/// first and back its last; the ends stay where they are.
pub fn step(queue: &[i64], current: Option<i64>, forward: bool) -> Option<i64> {
    let position = current.and_then(|c| queue.iter().position(|&id| id == c));
    match (position, forward) {
        (None, true) => queue.first().copied(),
        (None, false) => queue.last().copied(),
        (Some(p), true) => queue.get(p + 1).or(queue.get(p)).copied(),
        (Some(p), false) => queue.get(p.saturating_sub(1)).copied(),
    }
}

/// Where to go once `current` leaves the queue (accepted or deleted): the
/// one after it, or the one before when it was last; `None` when it was the
/// only one. Must be asked before it leaves.
pub fn after_leaving(queue: &[i64], current: i64) -> Option<i64> {
    let p = queue.iter().position(|&id| id == current)?;
    queue
        .get(p + 1)
        .or(p.checked_sub(1).and_then(|q| queue.get(q)))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Confidence, EventType};
    use crate::view::fixture::incident;

    #[test]
    fn the_queue_is_unreviewed_shown_incidents_lowest_confidence_first_then_by_date() {
        let mut incidents: Vec<Incident> = (1..=5)
            .map(|d| incident(d, d as u32, EventType::Battles, None))
            .collect();
        incidents[0].data.confidence = Confidence::High;
        incidents[1].data.confidence = Confidence::Medium;
        incidents[2].data.confidence = Confidence::Low;
        incidents[3].data.confidence = Confidence::Low;
        incidents[3].reviewed = true;
        incidents[4].data.confidence = Confidence::Medium;
        // The fifth is not shown.
        let queue = review_queue(&incidents, &[0, 1, 2, 3]);
        assert_eq!(queue, vec![2, 1, 0]);
        assert_eq!(review_queue(&incidents, &[0, 1, 2, 3, 4]), vec![2, 1, 4, 0]);
        assert!(review_queue(&incidents, &[3]).is_empty());
    }

    #[test]
    fn stepping_stays_inside_the_queue_and_starts_from_its_ends() {
        let queue = [7, 3, 9];
        assert_eq!(step(&queue, Some(7), true), Some(3));
        assert_eq!(step(&queue, Some(9), true), Some(9));
        assert_eq!(step(&queue, Some(7), false), Some(7));
        assert_eq!(step(&queue, Some(9), false), Some(3));
        assert_eq!(step(&queue, None, true), Some(7));
        assert_eq!(step(&queue, Some(42), false), Some(9));
        assert_eq!(step(&[], None, true), None);
    }

    #[test]
    fn leaving_the_queue_moves_to_the_next_or_else_the_previous() {
        let queue = [7, 3, 9];
        assert_eq!(after_leaving(&queue, 7), Some(3));
        assert_eq!(after_leaving(&queue, 9), Some(3));
        assert_eq!(after_leaving(&[7], 7), None);
        assert_eq!(after_leaving(&queue, 42), None);
    }
}
