//! Playing the timeline: the window moves one step (day, week or month) at a
//! time, either sliding (both ends move) or cumulative (only the end moves).
//! Pure functions of dates and elapsed time, so they are tested without a clock.

use serde::{Deserialize, Serialize};

use super::step::Step;
use crate::model::TimeWindow;

/// How the window moves when stepped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum WindowMode {
    /// Both ends move: "what happened in this week".
    #[default]
    Sliding,
    /// Only the end moves: "everything so far".
    Cumulative,
}

/// The window `steps` steps on (back when negative), kept inside `range`;
/// `None` when it cannot move further that way.
pub fn next_window(
    window: TimeWindow,
    range: TimeWindow,
    step: Step,
    mode: WindowMode,
    forward: bool,
) -> Option<TimeWindow> {
    let n = if forward { 1 } else { -1 };
    let moved = match (mode, forward) {
        (_, true) => {
            if window.to >= range.to {
                return None;
            }
            let to = step.add(window.to, n)?.min(range.to);
            let from = match mode {
                WindowMode::Sliding => step.add(window.from, n)?.min(to),
                WindowMode::Cumulative => window.from,
            };
            TimeWindow::new(from, to)
        }
        (WindowMode::Sliding, false) => {
            if window.from <= range.from {
                return None;
            }
            let from = step.add(window.from, n)?.max(range.from);
            TimeWindow::new(from, step.add(window.to, n)?.max(from))
        }
        (WindowMode::Cumulative, false) => {
            let to = step.add(window.to, n)?.max(window.from);
            TimeWindow::new(window.from, to)
        }
    };
    (moved != window).then_some(moved)
}

/// Where playing starts over when the window cannot move on: one step from
/// the start of `range` (all of it if shorter).
pub fn first_window(range: TimeWindow, step: Step) -> TimeWindow {
    let to = step
        .add(range.from, 1)
        .and_then(|d| d.pred_opt())
        .map_or(range.to, |d| d.min(range.to));
    TimeWindow::new(range.from, to)
}

/// The playback controls' settings and clock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Playback {
    pub step: Step,
    pub mode: WindowMode,
    /// Steps per second.
    pub speed: f32,
    /// Never persisted: the atlas always opens paused.
    #[serde(skip)]
    pub playing: bool,
    /// Seconds since the last step.
    #[serde(skip)]
    elapsed: f32,
}

impl Default for Playback {
    fn default() -> Playback {
        Playback {
            step: Step::Week,
            mode: WindowMode::Sliding,
            speed: 2.0,
            playing: false,
            elapsed: 0.0,
        }
    }
}

impl Playback {
    pub fn toggle(&mut self) {
        self.playing = !self.playing;
        self.elapsed = 0.0;
    }

    /// Advances the clock by `dt` seconds; returns how many steps are due.
    pub fn tick(&mut self, dt: f32) -> u32 {
        if !self.playing || self.speed <= 0.0 {
            return 0;
        }
        self.elapsed += dt.max(0.0);
        let period = 1.0 / self.speed;
        let due = (self.elapsed / period).floor();
        self.elapsed -= due * period;
        due as u32
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn range() -> TimeWindow {
        TimeWindow::new(date(2024, 1, 1), date(2024, 12, 31))
    }

    #[test]
    fn a_sliding_window_moves_both_ends_and_stops_at_the_range() {
        let week = TimeWindow::new(date(2024, 3, 4), date(2024, 3, 10));
        let next = next_window(week, range(), Step::Week, WindowMode::Sliding, true);
        assert_eq!(
            next,
            Some(TimeWindow::new(date(2024, 3, 11), date(2024, 3, 17)))
        );
        let back = next_window(week, range(), Step::Day, WindowMode::Sliding, false);
        assert_eq!(
            back,
            Some(TimeWindow::new(date(2024, 3, 3), date(2024, 3, 9)))
        );
        let end = TimeWindow::new(date(2024, 12, 20), date(2024, 12, 31));
        assert_eq!(
            next_window(end, range(), Step::Day, WindowMode::Sliding, true),
            None
        );
        let late = TimeWindow::new(date(2024, 12, 1), date(2024, 12, 20));
        assert_eq!(
            next_window(late, range(), Step::Month, WindowMode::Sliding, true),
            Some(TimeWindow::new(date(2024, 12, 31), date(2024, 12, 31)))
        );
    }

    #[test]
    fn a_cumulative_window_keeps_its_start() {
        let w = TimeWindow::new(date(2024, 1, 1), date(2024, 1, 31));
        let next = next_window(w, range(), Step::Month, WindowMode::Cumulative, true);
        assert_eq!(
            next,
            Some(TimeWindow::new(date(2024, 1, 1), date(2024, 2, 29)))
        );
        let back = next_window(w, range(), Step::Month, WindowMode::Cumulative, false);
        assert_eq!(
            back,
            Some(TimeWindow::new(date(2024, 1, 1), date(2024, 1, 1)))
        );
    }

    #[test]
    fn playing_starts_over_with_one_step_from_the_first_date() {
        let first = first_window(range(), Step::Week);
        assert_eq!(first, TimeWindow::new(date(2024, 1, 1), date(2024, 1, 7)));
        let short = TimeWindow::new(date(2024, 1, 1), date(2024, 1, 3));
        assert_eq!(first_window(short, Step::Month), short);
    }

    #[test]
    fn the_clock_releases_one_step_per_period_and_only_while_playing() {
        let mut playback = Playback {
            speed: 4.0,
            ..Playback::default()
        };
        assert_eq!(playback.tick(1.0), 0);
        playback.toggle();
        assert_eq!(playback.tick(0.2), 0);
        assert_eq!(playback.tick(0.1), 1);
        assert_eq!(playback.tick(0.5), 2);
    }
}
