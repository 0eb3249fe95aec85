//! The incident list's order: by date or by death toll, either way round.

use serde::{Deserialize, Serialize};

use crate::model::Incident;

/// A column the list can be sorted on, and which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortKey {
    Date { descending: bool },
    Fatalities { descending: bool },
}

impl Default for SortKey {
    fn default() -> SortKey {
        SortKey::Date { descending: false }
    }
}

/// Sorts `rows` (indices into `incidents`) by `key`; ties keep date order.
/// An unknown death toll sorts below zero.
pub fn sort_rows(rows: &mut [usize], incidents: &[Incident], key: SortKey) {
    let fatalities = |i: usize| {
        incidents
            .get(i)
            .map(|x| x.data.fatalities.map_or(-1, i64::from))
    };
    match key {
        // `rows` already come in date order from `visible`.
        SortKey::Date { descending: false } => rows.sort_unstable(),
        SortKey::Date { descending: true } => rows.sort_unstable_by(|a, b| b.cmp(a)),
        SortKey::Fatalities { descending } => rows.sort_by(|&a, &b| {
            let order = fatalities(a).cmp(&fatalities(b)).then(a.cmp(&b));
            if descending { order.reverse() } else { order }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EventType;
    use crate::view::fixture::incident;

    #[test]
    fn deaths_sort_with_unknown_below_zero_and_dates_reverse() {
        let incidents = vec![
            incident(1, 1, EventType::Battles, Some(5)),
            incident(2, 2, EventType::Battles, None),
            incident(3, 3, EventType::Battles, Some(0)),
            incident(4, 4, EventType::Battles, Some(9)),
        ];
        let mut rows = vec![0, 1, 2, 3];
        sort_rows(
            &mut rows,
            &incidents,
            SortKey::Fatalities { descending: true },
        );
        assert_eq!(rows, vec![3, 0, 2, 1]);
        sort_rows(
            &mut rows,
            &incidents,
            SortKey::Fatalities { descending: false },
        );
        assert_eq!(rows, vec![1, 2, 0, 3]);
        sort_rows(&mut rows, &incidents, SortKey::Date { descending: true });
        assert_eq!(rows, vec![3, 2, 1, 0]);
    }
}
