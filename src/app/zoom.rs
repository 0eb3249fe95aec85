//! The mouse wheel and the trackpad pinch zoom the map around the pointer,
//! as web maps and QGIS do; dragging pans (walkers does that).
//!
//! walkers' own handling pans on the wheel and zooms only with Ctrl held,
//! by an amount scaled by the frame time, so the map takes the wheel and the
//! pinch itself before walkers sees them. egui already spreads one wheel
//! notch over about a tenth of a second (`smooth_scroll_delta`), which makes
//! each notch a smooth step rather than a jump.

use egui::{Pos2, Rect, Ui, Vec2};
use walkers::{MapMemory, MercatorProjection, Position, Projector};

/// Zoom levels per point of vertical scroll: a wheel notch (40 points, egui's
/// `line_scroll_speed` on the desktop) is half a level, so two notches halve
/// or double the scale.
const LEVELS_PER_POINT: f64 = 0.5 / 40.0;
/// Further out the whole world is smaller than the window.
pub const MIN_ZOOM: f64 = 2.0;
/// Further in, tile servers have nothing more to show.
pub const MAX_ZOOM: f64 = 19.0;

/// The zoom change, in levels, that `scroll_y` points of vertical scroll and
/// a pinch (or Ctrl+wheel) of `factor` ask for. A pinch that spreads the
/// fingers twice as far apart doubles the scale: one level.
pub fn levels(scroll_y: f32, factor: f32) -> f64 {
    let pinch = if factor > 0.0 {
        f64::from(factor).log2()
    } else {
        0.0
    };
    f64::from(scroll_y) * LEVELS_PER_POINT + pinch
}

/// Takes this frame's wheel and pinch when the pointer is over the map at
/// `rect` (and not over a window on top of it) and zooms `memory` around the
/// pointer. The scroll is consumed either way, so the wheel never pans.
/// Returns whether the zoom changed.
pub fn wheel_and_pinch(ui: &mut Ui, rect: Rect, memory: &mut MapMemory, home: Position) -> bool {
    if !ui.rect_contains_pointer(rect) {
        return false;
    }
    let (scroll, factor, pointer) = ui.input(|input| {
        (
            input.smooth_scroll_delta.y,
            input.zoom_delta(),
            input.pointer.hover_pos(),
        )
    });
    ui.input_mut(|input| input.smooth_scroll_delta = Vec2::ZERO);
    let change = levels(scroll, factor);
    let Some(pointer) = pointer else {
        return false;
    };
    if change.abs() < 1e-4 {
        return false;
    }
    zoom_around(memory, rect, pointer, memory.zoom() + change, home)
}

/// Sets the zoom to `zoom` (kept within `MIN_ZOOM..=MAX_ZOOM`) so that the
/// place under `pointer` stays under it. Returns whether the zoom changed.
pub fn zoom_around(
    memory: &mut MapMemory,
    rect: Rect,
    pointer: Pos2,
    zoom: f64,
    home: Position,
) -> bool {
    let zoom = zoom.clamp(MIN_ZOOM, MAX_ZOOM);
    let old = memory.zoom();
    if (zoom - old).abs() < 1e-9 {
        return false;
    }
    let projection = MercatorProjection;
    let under = Projector::new(rect, &projection, memory, home).unproject(pointer.to_vec2());
    // Within walkers' 0..=26, so never refused.
    if memory.set_zoom(zoom).is_err() {
        return false;
    }
    // At the new zoom the place has moved away from the pointer; the map is
    // shifted by as much, the other way.
    let after = Projector::new(rect, &projection, memory, home);
    let moved = after.project(under) - pointer.to_vec2();
    memory.center_at(after.unproject(rect.center().to_vec2() + moved));
    true
}

#[cfg(test)]
mod tests {
    use egui::{pos2, vec2};
    use walkers::lon_lat;

    use super::*;

    #[test]
    fn a_wheel_notch_is_half_a_level_and_a_doubling_pinch_is_one() {
        assert!((levels(40.0, 1.0) - 0.5).abs() < 1e-9);
        assert!((levels(-80.0, 1.0) + 1.0).abs() < 1e-9);
        assert!((levels(0.0, 2.0) - 1.0).abs() < 1e-9);
        assert!((levels(0.0, 0.5) + 1.0).abs() < 1e-9);
        assert_eq!(levels(0.0, 0.0), 0.0);
    }

    #[test]
    fn zooming_keeps_the_place_under_the_pointer_where_it_was() {
        let rect = Rect::from_min_size(pos2(300.0, 40.0), vec2(700.0, 600.0));
        let home = lon_lat(-1.5, 12.3);
        let mut memory = MapMemory::default();
        memory.set_zoom(6.0).unwrap();
        memory.center_at(home);
        let pointer = pos2(900.0, 100.0);
        let projection = MercatorProjection;
        let before = Projector::new(rect, &projection, &memory, home).unproject(pointer.to_vec2());

        assert!(zoom_around(&mut memory, rect, pointer, 7.5, home));
        assert_eq!(memory.zoom(), 7.5);
        let after = Projector::new(rect, &projection, &memory, home).project(before);
        assert!(
            (after - pointer.to_vec2()).length() < 0.5,
            "{after:?} vs {pointer:?}"
        );
    }

    #[test]
    fn the_zoom_stays_within_its_limits() {
        let rect = Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 600.0));
        let home = lon_lat(-1.5, 12.3);
        let mut memory = MapMemory::default();
        memory.set_zoom(MAX_ZOOM).unwrap();
        assert!(!zoom_around(&mut memory, rect, rect.center(), 30.0, home));
        assert!(zoom_around(&mut memory, rect, rect.center(), -3.0, home));
        assert_eq!(memory.zoom(), MIN_ZOOM);
    }
}
