//! Playing the timeline: the window moves one step (day, week or month) at a
//! time, either sliding (both ends move) or cumulative (only the end moves),
//! inside the From–To range the analyst chose before pressing Play. Pure
//! functions of dates and elapsed time, so they are tested without a clock.

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

/// The first frame of playing `range`: `length` steps from its start (all
/// of it if shorter).
pub fn first_window(range: TimeWindow, step: Step, length: u32) -> TimeWindow {
    let to = step
        .add(range.from, i64::from(length.max(1)))
        .and_then(|d| d.pred_opt())
        .map_or(range.to, |d| d.min(range.to));
    TimeWindow::new(range.from, to)
}

/// Where Play starts from `window` (what the timeline shows) over data
/// spanning `all`: the range it plays through and the first frame.
///
/// Paused partway through playing, it goes on from the frame it stopped at;
/// at the end of the range it starts the range over. Otherwise the window is
/// the analyst's chosen From–To and is played from its start; a window no
/// longer than one frame plays from its start to the last date.
pub fn play_from(
    window: TimeWindow,
    all: TimeWindow,
    playback: &Playback,
) -> (TimeWindow, TimeWindow) {
    let (step, mode, length) = (playback.step, playback.mode, playback.length);
    if let Some(range) = playback.range
        && playback.frame == Some(window)
    {
        return match next_window(window, range, step, mode, true) {
            Some(_) => (range, window),
            None => (range, first_window(range, step, length)),
        };
    }
    let frame = first_window(window, step, length);
    let range = if frame == window {
        TimeWindow::new(window.from, all.to.max(window.from))
    } else {
        window
    };
    (range, first_window(range, step, length))
}

/// The playback controls' settings and clock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Playback {
    pub step: Step,
    pub mode: WindowMode,
    /// Steps per second.
    pub speed: f32,
    /// How many steps a frame spans (a sliding window's length).
    pub length: u32,
    /// The map moves to the incidents of each frame.
    pub follow: bool,
    /// The From–To range being played (set when Play starts).
    #[serde(skip)]
    pub range: Option<TimeWindow>,
    /// The window playing last showed: if the timeline still shows it, Play
    /// goes on from there, else the analyst chose a new range.
    #[serde(skip)]
    pub frame: Option<TimeWindow>,
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
            length: 1,
            follow: false,
            range: None,
            frame: None,
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
    fn a_first_frame_spans_the_chosen_number_of_steps() {
        let first = first_window(range(), Step::Week, 1);
        assert_eq!(first, TimeWindow::new(date(2024, 1, 1), date(2024, 1, 7)));
        let two = first_window(range(), Step::Week, 2);
        assert_eq!(two, TimeWindow::new(date(2024, 1, 1), date(2024, 1, 14)));
        let short = TimeWindow::new(date(2024, 1, 1), date(2024, 1, 3));
        assert_eq!(first_window(short, Step::Month, 1), short);
    }

    #[test]
    fn play_starts_at_the_chosen_from_and_stays_inside_the_chosen_to() {
        let chosen = TimeWindow::new(date(2024, 9, 1), date(2024, 10, 31));
        let playback = Playback {
            step: Step::Week,
            length: 2,
            ..Playback::default()
        };
        let (played, first) = play_from(chosen, range(), &playback);
        assert_eq!(played, chosen);
        assert_eq!(first, TimeWindow::new(date(2024, 9, 1), date(2024, 9, 14)));
        let mut window = first;
        let mut frames = 1;
        while let Some(next) = next_window(window, played, Step::Week, WindowMode::Sliding, true) {
            assert!(chosen.from <= next.from && next.to <= chosen.to, "{next:?}");
            window = next;
            frames += 1;
        }
        assert_eq!(window.to, chosen.to);
        assert_eq!(frames, 8);
    }

    #[test]
    fn play_goes_on_from_a_pause_and_starts_the_range_over_at_its_end() {
        let chosen = TimeWindow::new(date(2024, 9, 1), date(2024, 10, 31));
        let paused_at = TimeWindow::new(date(2024, 9, 15), date(2024, 9, 21));
        let playback = Playback {
            range: Some(chosen),
            frame: Some(paused_at),
            ..Playback::default()
        };
        assert_eq!(
            play_from(paused_at, range(), &playback),
            (chosen, paused_at)
        );
        let last = TimeWindow::new(date(2024, 10, 27), date(2024, 10, 31));
        let ended = Playback {
            frame: Some(last),
            ..playback.clone()
        };
        assert_eq!(
            play_from(last, range(), &ended),
            (chosen, TimeWindow::new(date(2024, 9, 1), date(2024, 9, 7)))
        );
        // A window moved by hand since is a new choice.
        let moved = TimeWindow::new(date(2024, 5, 1), date(2024, 6, 30));
        assert_eq!(play_from(moved, range(), &playback).0, moved);
    }

    #[test]
    fn a_window_no_longer_than_a_frame_plays_on_to_the_last_date() {
        let week = TimeWindow::new(date(2024, 3, 4), date(2024, 3, 10));
        let (played, first) = play_from(week, range(), &Playback::default());
        assert_eq!(
            played,
            TimeWindow::new(date(2024, 3, 4), date(2024, 12, 31))
        );
        assert_eq!(first, week);
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
