//! The timeline's date axis: which dates to mark under the histogram, as
//! many as fit, on round boundaries (Mondays, the 1st of a month, the 1st of
//! January) so that they read like a calendar.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::model::TimeWindow;

/// A date marked on the axis and what is written under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    pub date: NaiveDate,
    /// The label in English ("4 Mar", "Mar 2025", "2025").
    pub label: String,
    /// Which parts of the date the label shows, so the window can write it
    /// in its own language.
    pub parts: TickParts,
}

/// The parts of a tick's date its label shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickParts {
    DayMonth,
    MonthYear,
    Year,
}

/// The spacing between ticks, finest first.
#[derive(Debug, Clone, Copy)]
enum Spacing {
    Days(u64),
    Months(u32),
}

const SPACINGS: [Spacing; 9] = [
    Spacing::Days(1),
    Spacing::Days(7),
    Spacing::Months(1),
    Spacing::Months(3),
    Spacing::Months(6),
    Spacing::Months(12),
    Spacing::Months(24),
    Spacing::Months(60),
    Spacing::Months(120),
];

/// Ticks across `range`, at the finest spacing that gives no more than
/// `max_ticks` of them (at least one spacing always does for real dates).
pub fn date_ticks(range: TimeWindow, max_ticks: usize) -> Vec<Tick> {
    let max_ticks = max_ticks.max(1);
    for spacing in SPACINGS {
        let dates = tick_dates(range, spacing, max_ticks + 1);
        if dates.len() <= max_ticks {
            return dates
                .into_iter()
                .map(|date| Tick {
                    date,
                    label: label(date, spacing),
                    parts: parts(spacing),
                })
                .collect();
        }
    }
    Vec::new()
}

/// The tick dates inside `range` at `spacing`, stopping after `limit`.
fn tick_dates(range: TimeWindow, spacing: Spacing, limit: usize) -> Vec<NaiveDate> {
    let mut dates = Vec::new();
    let mut date = first_tick(range.from, spacing);
    while let Some(d) = date {
        if d > range.to || dates.len() >= limit {
            break;
        }
        dates.push(d);
        date = match spacing {
            Spacing::Days(n) => d.checked_add_days(Days::new(n)),
            Spacing::Months(n) => d.checked_add_months(Months::new(n)),
        };
    }
    dates
}

/// The first round date on or after `from`.
fn first_tick(from: NaiveDate, spacing: Spacing) -> Option<NaiveDate> {
    match spacing {
        Spacing::Days(1) => Some(from),
        Spacing::Days(_) => {
            let to_monday = (7 - from.weekday().num_days_from_monday()) % 7;
            from.checked_add_days(Days::new(u64::from(to_monday)))
        }
        Spacing::Months(n) => {
            let mut date = from.with_day(1)?;
            if date < from {
                date = date.checked_add_months(Months::new(1))?;
            }
            // Quarters start in January, April…; years at multiples of n/12.
            let fits = |d: NaiveDate| {
                if n < 12 {
                    d.month0().is_multiple_of(n)
                } else {
                    d.month0() == 0 && d.year().rem_euclid((n / 12) as i32) == 0
                }
            };
            while !fits(date) {
                date = date.checked_add_months(Months::new(1))?;
            }
            Some(date)
        }
    }
}

fn parts(spacing: Spacing) -> TickParts {
    match spacing {
        Spacing::Days(_) => TickParts::DayMonth,
        Spacing::Months(n) if n < 12 => TickParts::MonthYear,
        Spacing::Months(_) => TickParts::Year,
    }
}

fn label(date: NaiveDate, spacing: Spacing) -> String {
    let format = match parts(spacing) {
        TickParts::DayMonth => "%-d %b",
        TickParts::MonthYear => "%b %Y",
        TickParts::Year => "%Y",
    };
    date.format(format).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn labels(ticks: &[Tick]) -> Vec<&str> {
        ticks.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn sixteen_months_are_marked_by_quarter_when_months_do_not_fit() {
        let range = TimeWindow::new(date(2024, 3, 23), date(2025, 7, 28));
        let ticks = date_ticks(range, 8);
        assert_eq!(
            labels(&ticks),
            [
                "Apr 2024", "Jul 2024", "Oct 2024", "Jan 2025", "Apr 2025", "Jul 2025"
            ]
        );
        let monthly = date_ticks(range, 20);
        assert_eq!(monthly.len(), 16);
        assert_eq!(monthly[0].date, date(2024, 4, 1));
    }

    #[test]
    fn a_short_range_is_marked_by_day_or_by_monday() {
        let range = TimeWindow::new(date(2024, 3, 23), date(2024, 3, 26));
        assert_eq!(
            labels(&date_ticks(range, 10)),
            ["23 Mar", "24 Mar", "25 Mar", "26 Mar"]
        );
        let month = TimeWindow::new(date(2024, 3, 1), date(2024, 3, 31));
        // 2024-03-04 was the first Monday.
        let mondays = date_ticks(month, 6);
        assert_eq!(labels(&mondays), ["4 Mar", "11 Mar", "18 Mar", "25 Mar"]);
    }

    #[test]
    fn decades_are_marked_by_year() {
        let range = TimeWindow::new(date(1997, 1, 1), date(2025, 6, 30));
        let ticks = date_ticks(range, 8);
        assert_eq!(
            labels(&ticks),
            ["2000", "2005", "2010", "2015", "2020", "2025"]
        );
    }
}
