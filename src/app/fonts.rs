//! The fonts the window draws with: egui's own, then Symbola for the
//! symbols they lack. egui 0.37's bundled fonts have no pictographs, and
//! the file dialog names folders and files with 🗀 and 🗋 and titles itself
//! with 📂 or 💾; without a fallback those show as empty boxes.
//! Symbola (`assets/fonts/`, "free for any use") covers them all.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// Symbola 2.60, embedded so the binary needs no file beside it.
const SYMBOLA: &[u8] = include_bytes!("../../assets/fonts/Symbola.ttf");

/// egui's fonts with Symbola as the last fallback of every family.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts
        .font_data
        .insert("Symbola".into(), Arc::new(FontData::from_static(SYMBOLA)));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("Symbola".into());
    }
    fonts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbola_falls_back_after_egui_own_fonts() {
        let fonts = definitions();
        let proportional = &fonts.families[&FontFamily::Proportional];
        assert_eq!(proportional.last().map(String::as_str), Some("Symbola"));
        assert!(proportional.len() > 1, "egui's own fonts come first");
    }
}
