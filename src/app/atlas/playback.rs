//! Playing the timeline: the keyboard (Space, the arrow keys), the clock
//! that moves the window while playing, and stepping from frame to frame.

use egui::{Key, Ui};

use super::AtlasApp;
use crate::app::command::Command;
use crate::app::timeline;
use crate::view::{self, next_window};

impl AtlasApp {
    /// Space plays or pauses, the arrow keys step (unless a field has the
    /// keyboard); while playing, the clock moves the window.
    pub(super) fn keyboard_and_clock(&mut self, ui: &Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let ctx = ui.ctx();
        if !ctx.egui_wants_keyboard_input() {
            ctx.input_mut(|input| {
                if input.consume_key(egui::Modifiers::NONE, Key::Space) {
                    commands.push(Command::TogglePlay);
                }
                if input.consume_key(egui::Modifiers::NONE, Key::ArrowLeft) {
                    commands.push(Command::StepWindow { forward: false });
                }
                if input.consume_key(egui::Modifiers::NONE, Key::ArrowRight) {
                    commands.push(Command::StepWindow { forward: true });
                }
            });
        }
        if self.state.playback.playing {
            let dt = ctx.input(|input| input.stable_dt).min(0.5);
            for _ in 0..self.state.playback.tick(dt) {
                commands.push(Command::StepWindow { forward: true });
            }
            ctx.request_repaint();
        }
        commands
    }

    /// Starts or stops playing. Play runs through the From–To range chosen
    /// (see `view::play_from`), a frame of the chosen length at a time.
    pub(super) fn toggle_play(&mut self) {
        self.state.playback.toggle();
        let Some(all) = timeline::full_range(&self.incidents) else {
            return;
        };
        if !self.state.playback.playing {
            return;
        }
        let window = self.state.window.unwrap_or(all);
        let (range, first) = view::play_from(window, all, &self.state.playback);
        self.state.playback.range = Some(range);
        self.show_frame(first);
    }

    /// Moves the window a step. While it shows a frame of the range being
    /// played, it stays inside that range; otherwise inside all the dates.
    pub(super) fn step_window(&mut self, forward: bool) {
        let Some(all) = timeline::full_range(&self.incidents) else {
            return;
        };
        let window = self.state.window.unwrap_or(all);
        let playback = &self.state.playback;
        let range = match playback.range {
            Some(range) if playback.frame == Some(window) => range,
            _ => all,
        };
        match next_window(window, range, playback.step, playback.mode, forward) {
            Some(next) if playback.frame == Some(window) => self.show_frame(next),
            Some(next) => self.state.window = Some(next),
            // At the end of the range, playing stops.
            None => self.state.playback.playing = false,
        }
    }

    /// Shows a frame of the range being played and, if asked, moves the map
    /// to its incidents.
    fn show_frame(&mut self, frame: crate::model::TimeWindow) {
        self.state.window = Some(frame);
        self.state.playback.frame = Some(frame);
        if self.state.playback.follow {
            self.refresh();
            self.follow_shown();
        }
    }
}
