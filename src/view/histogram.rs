//! Incident counts per day, week or month for the timeline's histogram.
//! One pass over dates already sorted, so it stays linear in the data.

use chrono::NaiveDate;

use super::step::Step;
use crate::model::TimeWindow;

/// One bar: the step starting at `start`, holding `count` incidents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bin {
    pub start: NaiveDate,
    pub count: usize,
}

/// Counts `dates` per `step` from `range.from`'s step to `range.to`'s, empty
/// steps included as zero. Dates outside `range` are not counted.
pub fn bins(dates: impl IntoIterator<Item = NaiveDate>, range: TimeWindow, step: Step) -> Vec<Bin> {
    let mut bins = Vec::new();
    let mut start = step.start_of(range.from);
    while start <= range.to {
        bins.push(Bin { start, count: 0 });
        match step.add(start, 1) {
            Some(next) => start = next,
            None => break,
        }
    }
    for date in dates {
        if !range.contains(date) {
            continue;
        }
        let bin_start = step.start_of(date);
        // Bins are sorted and evenly stepped, so the slot is found by search.
        if let Ok(slot) = bins.binary_search_by_key(&bin_start, |b| b.start) {
            bins[slot].count += 1;
        }
    }
    bins
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn months_are_counted_with_empty_months_kept() {
        let dates = [date(2024, 11, 2), date(2024, 11, 30), date(2025, 1, 15)];
        let range = TimeWindow::new(date(2024, 11, 2), date(2025, 1, 15));
        let counts: Vec<(NaiveDate, usize)> = bins(dates, range, Step::Month)
            .into_iter()
            .map(|b| (b.start, b.count))
            .collect();
        assert_eq!(
            counts,
            vec![
                (date(2024, 11, 1), 2),
                (date(2024, 12, 1), 0),
                (date(2025, 1, 1), 1)
            ]
        );
    }

    #[test]
    fn weeks_and_days_bin_on_their_own_boundaries() {
        // Sunday 24 and Monday 25 March 2024 fall in different weeks.
        let dates = [date(2024, 3, 24), date(2024, 3, 25), date(2024, 3, 26)];
        let range = TimeWindow::new(date(2024, 3, 24), date(2024, 3, 26));
        let weeks = bins(dates, range, Step::Week);
        assert_eq!(weeks.len(), 2);
        assert_eq!((weeks[0].count, weeks[1].count), (1, 2));
        let days = bins(dates, range, Step::Day);
        assert_eq!(days.iter().map(|b| b.count).collect::<Vec<_>>(), [1, 1, 1]);
    }
}
