//! Calendar steps (day, week, month): the histogram's bin width and the
//! playback's stride. Weeks start on Monday, as ACLED's weekly data do.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A calendar step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Step {
    Day,
    #[default]
    Week,
    Month,
}

impl Step {
    pub const ALL: [Step; 3] = [Step::Day, Step::Week, Step::Month];

    pub fn label(self) -> &'static str {
        match self {
            Step::Day => "Day",
            Step::Week => "Week",
            Step::Month => "Month",
        }
    }

    /// The first day of the step that holds `date`.
    pub fn start_of(self, date: NaiveDate) -> NaiveDate {
        match self {
            Step::Day => date,
            Step::Week => date - Days::new(u64::from(date.weekday().num_days_from_monday())),
            Step::Month => date.with_day(1).unwrap_or(date),
        }
    }

    /// `date` moved `n` steps forward (or back when negative); `None` past
    /// chrono's calendar. A month step from the 31st lands on the month's last day.
    pub fn add(self, date: NaiveDate, n: i64) -> Option<NaiveDate> {
        let magnitude = n.unsigned_abs();
        match self {
            Step::Day | Step::Week => {
                let days = Days::new(if self == Step::Week {
                    magnitude.checked_mul(7)?
                } else {
                    magnitude
                });
                if n >= 0 {
                    date.checked_add_days(days)
                } else {
                    date.checked_sub_days(days)
                }
            }
            Step::Month => {
                let months = Months::new(u32::try_from(magnitude).ok()?);
                if n >= 0 {
                    date.checked_add_months(months)
                } else {
                    date.checked_sub_months(months)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weeks_start_on_monday_and_months_on_the_first() {
        // 2024-03-23 was a Saturday.
        assert_eq!(Step::Week.start_of(date(2024, 3, 23)), date(2024, 3, 18));
        assert_eq!(Step::Week.start_of(date(2024, 3, 18)), date(2024, 3, 18));
        assert_eq!(Step::Month.start_of(date(2024, 3, 23)), date(2024, 3, 1));
        assert_eq!(Step::Day.start_of(date(2024, 3, 23)), date(2024, 3, 23));
    }

    #[test]
    fn steps_move_both_ways_and_months_clamp_to_the_last_day() {
        assert_eq!(Step::Day.add(date(2024, 2, 28), 2), Some(date(2024, 3, 1)));
        assert_eq!(
            Step::Week.add(date(2024, 3, 23), -1),
            Some(date(2024, 3, 16))
        );
        assert_eq!(
            Step::Month.add(date(2024, 1, 31), 1),
            Some(date(2024, 2, 29))
        );
        assert_eq!(
            Step::Month.add(date(2024, 3, 31), -1),
            Some(date(2024, 2, 29))
        );
    }
}
