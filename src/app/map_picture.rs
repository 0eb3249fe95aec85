//! The map picture for a briefing or a print: what the map shows, drawn
//! again by egui off screen and painted on the CPU (`raster`), so it can be
//! made at twice the screen's resolution and needs neither the GPU nor a
//! screenshot. Around the map it carries what a printed map must: a title
//! and the date window above, the legend, a scale bar and a north arrow on
//! it, and the data credits below (Natural Earth, GeoNames, and the tiles'
//! source when tiles are drawn).
//!
//! Tiles live on the GPU, in the window's own textures; when they are on,
//! the caller passes the screenshot of the map as a backdrop, and the
//! outlines, towns and markers are drawn sharp over it.

use egui::{
    Align2, Color32, ColorImage, FontId, Pos2, Rect, Shape, Stroke, TextureOptions, Ui, UiBuilder,
    Vec2, pos2, vec2,
};

use super::legend;
use super::map_view::MapView;
use super::raster::{self, Textures};
use super::timeline;
use crate::app::i18n::{Language, tr_in};
use crate::basemap::Basemap;
use crate::model::{Incident, TimeWindow};

/// The band above the map: the title and the date window.
pub const TITLE_HEIGHT: f32 = 60.0;
/// The band below the map: the data credits.
pub const CREDITS_HEIGHT: f32 = 22.0;
/// The longest the scale bar may be, in points.
const SCALE_BAR_MAX: f32 = 140.0;
const INK: Color32 = Color32::from_rgb(0x22, 0x22, 0x22);

/// What goes into the picture.
pub struct PictureInput<'a> {
    pub title: &'a str,
    pub window: Option<TimeWindow>,
    /// The map's size on screen, in points: the picture shows the same view.
    pub map_size: Vec2,
    /// Picture pixels per point: 1 for the screen's resolution, 2 for print.
    pub scale: f32,
    pub map: &'a MapView,
    pub basemap: &'a Basemap,
    pub incidents: &'a [Incident],
    pub points: &'a [[f64; 2]],
    pub visible: &'a [usize],
    /// The tiles as on screen (the map area of a screenshot), if any are on.
    pub backdrop: Option<ColorImage>,
    /// The credit for the tiles, e.g. "© OpenStreetMap contributors".
    pub tiles_credit: Option<String>,
    /// The language of the picture's own text (its window line, credits).
    pub language: Language,
}

/// Where each part of the picture was drawn, in points (tests check them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parts {
    pub title: Rect,
    pub window: Rect,
    pub map: Rect,
    pub scale_bar: Rect,
    pub north_arrow: Rect,
    pub credits: Rect,
}

impl Parts {
    /// Nothing drawn yet.
    fn none() -> Parts {
        Parts {
            title: Rect::NOTHING,
            window: Rect::NOTHING,
            map: Rect::NOTHING,
            scale_bar: Rect::NOTHING,
            north_arrow: Rect::NOTHING,
            credits: Rect::NOTHING,
        }
    }
}

/// A picture laid out and tessellated, ready to paint. Painting (every
/// pixel on the CPU) and encoding are the slow part, so they run on another
/// thread while the window keeps drawing: everything here is owned and Send.
pub struct Sketch {
    primitives: Vec<egui::epaint::ClippedPrimitive>,
    textures: Textures,
    /// Picture pixels per point.
    scale: f32,
    /// The picture's size in pixels.
    pixels: [usize; 2],
    /// Where the parts were laid out, in points.
    pub parts: Parts,
}

impl Sketch {
    /// Paints the picture.
    pub fn paint(&self) -> ColorImage {
        let mut image = ColorImage::filled(self.pixels, Color32::WHITE);
        raster::paint(&mut image, &self.primitives, &self.textures, self.scale);
        image
    }
}

/// The credits line: the outlines and places always, the tiles when drawn.
pub fn credits(language: Language, tiles: Option<&str>) -> String {
    match tiles {
        Some(tiles) => tr_in(
            language,
            "picture-credits-tiles",
            &[("tiles", tiles.into())],
        ),
        None => tr_in(language, "picture-credits", &[]),
    }
}

/// The scale bar's length in metres: the longest 1, 2 or 5 times a power of
/// ten that fits in `max_metres`.
pub fn scale_length(max_metres: f64) -> f64 {
    if !(max_metres.is_finite() && max_metres > 0.0) {
        return 0.0;
    }
    let power = 10f64.powf(max_metres.log10().floor());
    [5.0, 2.0, 1.0]
        .into_iter()
        .map(|step| step * power)
        .find(|&length| length <= max_metres)
        .unwrap_or(power)
}

/// "50 km", "2 km", "500 m".
pub fn scale_label(metres: f64) -> String {
    if metres >= 1000.0 {
        format!("{} km", (metres / 1000.0).round())
    } else {
        format!("{} m", metres.round())
    }
}

/// Draws the picture off screen and paints it.
pub fn compose(mut input: PictureInput<'_>) -> Sketch {
    let size = vec2(
        input.map_size.x.max(1.0),
        input.map_size.y.max(1.0) + TITLE_HEIGHT + CREDITS_HEIGHT,
    );
    let ctx = egui::Context::default();
    ctx.set_visuals(egui::Visuals::light());
    let backdrop = input
        .backdrop
        .take()
        .map(|image| ctx.load_texture("map picture backdrop", image, TextureOptions::LINEAR));
    let mut map = input.map.for_picture(backdrop.as_ref().map(|t| t.id()));
    let mut textures = Textures::default();
    let mut parts = Parts::none();
    let mut shapes = Vec::new();
    // Two passes: the first lays out and measures (windows and frames size
    // themselves then), the second is the one painted.
    for _ in 0..2 {
        let mut input_event = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)),
            ..Default::default()
        };
        if let Some(viewport) = input_event.viewports.get_mut(&egui::ViewportId::ROOT) {
            viewport.native_pixels_per_point = Some(input.scale);
        }
        let mut output = ctx.run_ui(input_event, |ui| {
            parts = draw(ui, &mut map, &input);
        });
        textures.apply(&mut output.textures_delta);
        shapes = std::mem::take(&mut output.shapes);
    }
    let primitives = ctx.tessellate(shapes, input.scale);
    let pixels = |points: f32| (points * input.scale).round().max(1.0) as usize;
    Sketch {
        primitives,
        textures,
        scale: input.scale,
        pixels: [pixels(size.x), pixels(size.y)],
        parts,
    }
}

/// Lays the picture out in `ui` (which covers the whole picture).
fn draw(ui: &mut Ui, map: &mut MapView, input: &PictureInput<'_>) -> Parts {
    let whole = ui.max_rect();
    ui.painter().rect_filled(whole, 0.0, Color32::WHITE);
    let map_rect = Rect::from_min_size(
        whole.min + vec2(0.0, TITLE_HEIGHT),
        vec2(
            whole.width(),
            whole.height() - TITLE_HEIGHT - CREDITS_HEIGHT,
        ),
    );
    ui.scope_builder(UiBuilder::new().max_rect(map_rect), |ui| {
        ui.set_clip_rect(map_rect);
        // The picture is a still: nothing is clicked in it.
        let _ = map.show(
            ui,
            input.basemap,
            input.incidents,
            input.points,
            input.visible,
            None,
        );
        legend::show_fixed(ui, input.incidents, input.visible);
    });
    let painter = ui.painter();
    painter.rect_stroke(
        map_rect,
        0.0,
        Stroke::new(1.0, INK),
        egui::StrokeKind::Inside,
    );

    let title = painter.text(
        whole.min + vec2(12.0, 8.0),
        Align2::LEFT_TOP,
        input.title,
        FontId::proportional(20.0),
        INK,
    );
    let shown = input.visible.len();
    let when = input.window.map_or_else(
        || tr_in(input.language, "picture-all-dates", &[]),
        timeline::window_text,
    );
    let window = painter.text(
        pos2(whole.left() + 12.0, title.bottom() + 4.0),
        Align2::LEFT_TOP,
        tr_in(
            input.language,
            "picture-shown",
            &[("when", when.into()), ("n", shown.into())],
        ),
        FontId::proportional(13.0),
        INK,
    );
    // The credits must be legible whole, also on a picture of a narrow map:
    // the type shrinks (down to 7 points) until the line fits.
    let text = credits(input.language, input.tiles_credit.as_deref());
    let room = whole.width() - 24.0;
    let mut size = 11.0;
    let galley = loop {
        let galley = painter.layout_no_wrap(text.clone(), FontId::proportional(size), INK);
        if galley.size().x <= room || size <= 7.0 {
            break galley;
        }
        size -= 0.5;
    };
    let credits = Align2::LEFT_CENTER.anchor_size(
        pos2(whole.left() + 12.0, whole.bottom() - CREDITS_HEIGHT / 2.0),
        galley.size(),
    );
    painter.galley(credits.min, galley, INK);
    let north_arrow = north_arrow(painter, map_rect);
    let scale_bar = scale_bar(painter, map_rect, map.metres_per_point());
    Parts {
        title,
        window,
        map: map_rect,
        scale_bar,
        north_arrow,
        credits,
    }
}

/// An arrow pointing up with an N, in the map's top-right corner (the
/// Web Mercator map always has north up).
fn north_arrow(painter: &egui::Painter, map: Rect) -> Rect {
    let centre = pos2(map.right() - 26.0, map.top() + 34.0);
    let backing = Rect::from_center_size(centre + vec2(0.0, -4.0), vec2(32.0, 48.0));
    painter.rect_filled(backing, 4.0, Color32::from_white_alpha(220));
    let tip = centre + vec2(0.0, -12.0);
    let left = centre + vec2(-8.0, 12.0);
    let right = centre + vec2(8.0, 12.0);
    let notch = centre + vec2(0.0, 6.0);
    painter.add(Shape::convex_polygon(
        vec![tip, notch, left],
        INK,
        Stroke::NONE,
    ));
    painter.add(Shape::convex_polygon(
        vec![tip, right, notch],
        Color32::WHITE,
        Stroke::new(1.0, INK),
    ));
    painter.text(
        tip + vec2(0.0, -2.0),
        Align2::CENTER_BOTTOM,
        "N",
        FontId::proportional(13.0),
        INK,
    );
    backing
}

/// A bar of a round length in the map's bottom-right corner.
fn scale_bar(painter: &egui::Painter, map: Rect, metres_per_point: f64) -> Rect {
    let metres = scale_length(f64::from(SCALE_BAR_MAX) * metres_per_point);
    if metres <= 0.0 {
        return Rect::NOTHING;
    }
    let length = (metres / metres_per_point) as f32;
    let right = map.right() - 14.0;
    let base = map.bottom() - 14.0;
    let backing = Rect::from_min_max(
        pos2(right - length - 10.0, base - 26.0),
        pos2(right + 6.0, base + 6.0),
    );
    painter.rect_filled(backing, 3.0, Color32::from_white_alpha(220));
    // Two halves, black and white, as on a printed map.
    let half = length / 2.0;
    let bar = |from: f32, fill: Color32| {
        let rect = Rect::from_min_max(
            pos2(right - length + from, base - 5.0),
            pos2(right - length + from + half, base),
        );
        painter.rect_filled(rect, 0.0, fill);
        painter.rect_stroke(rect, 0.0, Stroke::new(1.0, INK), egui::StrokeKind::Inside);
    };
    bar(0.0, INK);
    bar(half, Color32::WHITE);
    painter.text(
        pos2(right - length / 2.0, base - 8.0),
        Align2::CENTER_BOTTOM,
        scale_label(metres),
        FontId::proportional(11.0),
        INK,
    );
    backing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_bar_takes_the_longest_round_length_that_fits() {
        assert_eq!(scale_length(140_000.0), 100_000.0);
        assert_eq!(scale_length(260_000.0), 200_000.0);
        assert_eq!(scale_length(730.0), 500.0);
        assert_eq!(scale_length(0.0), 0.0);
        assert_eq!(scale_label(100_000.0), "100 km");
        assert_eq!(scale_label(500.0), "500 m");
    }

    #[test]
    fn the_credits_name_the_tiles_only_when_they_are_drawn() {
        let credits = |tiles| credits(Language::English, tiles);
        assert!(credits(None).contains("Natural Earth"));
        assert!(credits(None).contains("GeoNames"));
        assert!(!credits(None).contains("OpenStreetMap"));
        assert!(credits(Some("© OpenStreetMap contributors")).contains("OpenStreetMap"));
    }
}
