//! The window opens filling the screen. It asks the window manager to
//! maximise it (see `run`); where there is none to ask (a bare X server,
//! Xvfb) the request does nothing, so once the monitor's size is known the
//! window is sized to it, unless it is maximised already.

use egui::{Vec2, ViewportCommand};

/// Frames to wait for the window manager to maximise the window, which
/// takes a round trip or two.
const SETTLE_FRAMES: u32 = 3;

/// Sizes the window to the screen once, a few frames after it opens.
#[derive(Debug, Default)]
pub struct ScreenFit {
    frames: u32,
    done: bool,
}

impl ScreenFit {
    pub fn run(&mut self, ctx: &egui::Context) {
        if self.done {
            return;
        }
        self.frames += 1;
        if self.frames < SETTLE_FRAMES {
            ctx.request_repaint();
            return;
        }
        self.done = true;
        let (monitor, inner, maximized) = ctx.input(|input| {
            let viewport = input.viewport();
            (
                viewport.monitor_size,
                viewport.inner_rect.map(|r| r.size()),
                viewport.maximized,
            )
        });
        if let (Some(monitor), Some(inner)) = (monitor, inner)
            && let Some(size) = size_for(monitor, inner, maximized)
        {
            ctx.send_viewport_cmd(ViewportCommand::OuterPosition(egui::pos2(0.0, 0.0)));
            ctx.send_viewport_cmd(ViewportCommand::InnerSize(size));
        }
    }
}

/// The size to give a window of size `inner` on a `monitor`: the monitor's,
/// unless the window is maximised or has that size already.
pub fn size_for(monitor: Vec2, inner: Vec2, maximized: Option<bool>) -> Option<Vec2> {
    if maximized == Some(true) || monitor.min_elem() <= 0.0 {
        return None;
    }
    let differs = (monitor - inner).abs().max_elem() > 2.0;
    differs.then_some(monitor)
}

#[cfg(test)]
mod tests {
    use egui::vec2;

    use super::*;

    #[test]
    fn a_window_left_at_its_opening_size_is_sized_to_the_screen() {
        let small_screen = vec2(1024.0, 768.0);
        assert_eq!(
            size_for(small_screen, vec2(1280.0, 800.0), Some(false)),
            Some(small_screen)
        );
        let big_screen = vec2(1920.0, 1080.0);
        assert_eq!(
            size_for(big_screen, vec2(1280.0, 800.0), None),
            Some(big_screen)
        );
    }

    #[test]
    fn a_maximised_or_screen_sized_window_is_left_alone() {
        let screen = vec2(1920.0, 1080.0);
        assert_eq!(size_for(screen, vec2(1920.0, 1050.0), Some(true)), None);
        assert_eq!(size_for(screen, screen, Some(false)), None);
        assert_eq!(size_for(Vec2::ZERO, screen, None), None);
    }
}
