//! The window icon, drawn for this project (`assets/icon.png`, MIT like the
//! code): a map pin over a folded map. Embedded, so the binary needs no
//! files beside it.

use std::sync::Arc;

/// The PNG as shipped in `assets/`.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// The icon as eframe wants it; `None` if it would not decode (the window
/// then opens with the desktop's default icon rather than not at all).
pub fn window_icon() -> Option<Arc<egui::IconData>> {
    let image = image::load_from_memory_with_format(ICON_PNG, image::ImageFormat::Png)
        .ok()?
        .to_rgba8();
    let (width, height) = image.dimensions();
    Some(Arc::new(egui::IconData {
        rgba: image.into_raw(),
        width,
        height,
    }))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn the_bundled_icon_decodes_to_a_square_with_transparent_corners() {
        let icon = window_icon().unwrap();
        assert_eq!((icon.width, icon.height), (128, 128));
        assert_eq!(icon.rgba.len(), 128 * 128 * 4);
        // The rounded corner is see-through; the middle is opaque.
        assert_eq!(icon.rgba[3], 0);
        let middle = (64 * 128 + 64) * 4;
        assert_eq!(icon.rgba[middle + 3], 255);
    }
}
