//! A small software renderer for egui's output: the textured triangles that
//! `Context::tessellate` produces, painted into a `ColorImage` on the CPU.
//!
//! The map picture is drawn by egui off screen at any resolution (twice the
//! screen's for print) and must not depend on the GPU or the window: the
//! window can only give a screenshot at its own size, and tests run with
//! no GPU at all. The picture is a few hundred thousand pixels and a few
//! thousand triangles, which a plain scan of each triangle's box handles in
//! well under a second.

use std::collections::HashMap;

use egui::epaint::{
    ClippedPrimitive, ImageDelta, Mesh, Primitive, TextureId, textures::TexturesDelta,
};
use egui::{Color32, ColorImage, ImageData};

/// The textures egui asked for, kept up to date from each frame's delta.
#[derive(Default)]
pub struct Textures {
    images: HashMap<TextureId, ColorImage>,
}

impl Textures {
    /// Applies a frame's texture changes (whole images and patches) and
    /// empties `delta`, as a painter must.
    pub fn apply(&mut self, delta: &mut TexturesDelta) {
        for (id, deltas) in &delta.set {
            for image_delta in deltas {
                self.apply_one(*id, image_delta);
            }
        }
        for id in &delta.free {
            self.images.remove(id);
        }
        delta.clear();
    }

    fn apply_one(&mut self, id: TextureId, image_delta: &ImageDelta) {
        let ImageData::Color(patch) = &image_delta.image;
        let Some([x0, y0]) = image_delta.pos else {
            self.images.insert(id, (**patch).clone());
            return;
        };
        let Some(image) = self.images.get_mut(&id) else {
            return;
        };
        let [width, height] = image.size;
        let [pw, ph] = patch.size;
        for y in 0..ph.min(height.saturating_sub(y0)) {
            for x in 0..pw.min(width.saturating_sub(x0)) {
                image.pixels[(y0 + y) * width + x0 + x] = patch.pixels[y * pw + x];
            }
        }
    }
}

/// Paints `primitives` (positions in points) over `target`, at
/// `pixels_per_point` target pixels per point. Callbacks (custom GPU
/// painting) are skipped: nothing in the picture uses them.
pub fn paint(
    target: &mut ColorImage,
    primitives: &[ClippedPrimitive],
    textures: &Textures,
    pixels_per_point: f32,
) {
    for primitive in primitives {
        let Primitive::Mesh(mesh) = &primitive.primitive else {
            continue;
        };
        let Some(texture) = textures.images.get(&mesh.texture_id) else {
            continue;
        };
        let clip = egui::Rect::from_min_max(
            scaled(primitive.clip_rect.min, pixels_per_point),
            scaled(primitive.clip_rect.max, pixels_per_point),
        );
        paint_mesh(target, mesh, texture, clip, pixels_per_point);
    }
}

fn paint_mesh(
    target: &mut ColorImage,
    mesh: &Mesh,
    texture: &ColorImage,
    clip: egui::Rect,
    scale: f32,
) {
    let [width, height] = target.size;
    // The pixels whose centres lie inside the clip rect and the image.
    let x_min = clip.min.x.max(0.0).round() as usize;
    let y_min = clip.min.y.max(0.0).round() as usize;
    let x_max = (clip.max.x.round().max(0.0) as usize).min(width);
    let y_max = (clip.max.y.round().max(0.0) as usize).min(height);
    for triangle in mesh.indices.chunks_exact(3) {
        let vertex = |i: u32| mesh.vertices.get(i as usize);
        let (Some(a), Some(b), Some(c)) = (
            vertex(triangle[0]),
            vertex(triangle[1]),
            vertex(triangle[2]),
        ) else {
            continue;
        };
        let (pa, pb, pc) = (
            scaled(a.pos, scale),
            scaled(b.pos, scale),
            scaled(c.pos, scale),
        );
        let area = edge(pa, pb, pc);
        if area.abs() < 1e-6 {
            continue;
        }
        let left = pa.x.min(pb.x).min(pc.x).floor().max(x_min as f32) as usize;
        let right = (pa.x.max(pb.x).max(pc.x).ceil().max(0.0) as usize).min(x_max);
        let top = pa.y.min(pb.y).min(pc.y).floor().max(y_min as f32) as usize;
        let bottom = (pa.y.max(pb.y).max(pc.y).ceil().max(0.0) as usize).min(y_max);
        for y in top..bottom {
            for x in left..right {
                let p = egui::pos2(x as f32 + 0.5, y as f32 + 0.5);
                // Barycentric weights; all of one sign inside the triangle.
                let wa = edge(pb, pc, p) / area;
                let wb = edge(pc, pa, p) / area;
                let wc = 1.0 - wa - wb;
                if wa < 0.0 || wb < 0.0 || wc < 0.0 {
                    continue;
                }
                let uv = egui::pos2(
                    wa * a.uv.x + wb * b.uv.x + wc * c.uv.x,
                    wa * a.uv.y + wb * b.uv.y + wc * c.uv.y,
                );
                let colour = mix3(a.color, b.color, c.color, wa, wb, wc);
                let texel = sample(texture, uv);
                let src = modulate(colour, texel);
                let dst = &mut target.pixels[y * width + x];
                *dst = over(src, *dst);
            }
        }
    }
}

fn scaled(p: egui::Pos2, scale: f32) -> egui::Pos2 {
    egui::pos2(p.x * scale, p.y * scale)
}

/// Twice the signed area of the triangle (a, b, p).
fn edge(a: egui::Pos2, b: egui::Pos2, p: egui::Pos2) -> f32 {
    (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
}

fn mix3(a: Color32, b: Color32, c: Color32, wa: f32, wb: f32, wc: f32) -> [f32; 4] {
    let channel = |i: usize| {
        wa * f32::from(a.to_array()[i])
            + wb * f32::from(b.to_array()[i])
            + wc * f32::from(c.to_array()[i])
    };
    [channel(0), channel(1), channel(2), channel(3)]
}

/// The texture at `uv`, bilinearly filtered (premultiplied, 0..=255).
fn sample(texture: &ColorImage, uv: egui::Pos2) -> [f32; 4] {
    let [width, height] = texture.size;
    if width == 0 || height == 0 {
        return [255.0; 4];
    }
    let x = (uv.x * width as f32 - 0.5).clamp(0.0, (width - 1) as f32);
    let y = (uv.y * height as f32 - 0.5).clamp(0.0, (height - 1) as f32);
    let (x0, y0) = (x.floor() as usize, y.floor() as usize);
    let (x1, y1) = ((x0 + 1).min(width - 1), (y0 + 1).min(height - 1));
    let (fx, fy) = (x - x0 as f32, y - y0 as f32);
    let at = |x: usize, y: usize| texture.pixels[y * width + x].to_array();
    let (p00, p10, p01, p11) = (at(x0, y0), at(x1, y0), at(x0, y1), at(x1, y1));
    let mut out = [0.0; 4];
    for (i, slot) in out.iter_mut().enumerate() {
        let top = f32::from(p00[i]) * (1.0 - fx) + f32::from(p10[i]) * fx;
        let bottom = f32::from(p01[i]) * (1.0 - fx) + f32::from(p11[i]) * fx;
        *slot = top * (1.0 - fy) + bottom * fy;
    }
    out
}

/// The vertex colour times the texel, both premultiplied.
fn modulate(colour: [f32; 4], texel: [f32; 4]) -> [f32; 4] {
    [
        colour[0] * texel[0] / 255.0,
        colour[1] * texel[1] / 255.0,
        colour[2] * texel[2] / 255.0,
        colour[3] * texel[3] / 255.0,
    ]
}

/// Premultiplied "source over destination", as egui's renderers blend.
fn over(src: [f32; 4], dst: Color32) -> Color32 {
    let keep = 1.0 - src[3] / 255.0;
    let d = dst.to_array();
    let channel = |i: usize| (src[i] + f32::from(d[i]) * keep).round().clamp(0.0, 255.0) as u8;
    Color32::from_rgba_premultiplied(channel(0), channel(1), channel(2), channel(3))
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Rect, pos2};

    fn white_texture() -> Textures {
        let mut textures = Textures::default();
        textures.images.insert(
            TextureId::default(),
            ColorImage::filled([1, 1], Color32::WHITE),
        );
        textures
    }

    #[test]
    fn a_rectangle_fills_exactly_its_pixels_at_twice_the_scale() {
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(
            Rect::from_min_max(pos2(1.0, 1.0), pos2(3.0, 2.0)),
            Color32::RED,
        );
        let primitive = ClippedPrimitive {
            clip_rect: Rect::EVERYTHING,
            primitive: Primitive::Mesh(mesh),
        };
        let mut target = ColorImage::filled([8, 8], Color32::WHITE);
        paint(&mut target, &[primitive], &white_texture(), 2.0);
        let red = |x: usize, y: usize| target.pixels[y * 8 + x] == Color32::RED;
        // Points (1,1)-(3,2) are pixels (2,2)-(6,4) at 2 pixels per point.
        assert!(red(2, 2) && red(5, 3));
        assert!(!red(1, 2) && !red(6, 2) && !red(2, 4) && !red(2, 1));
    }

    #[test]
    fn half_transparent_paint_blends_over_what_is_there() {
        let src = [64.0, 0.0, 0.0, 128.0];
        let out = over(src, Color32::WHITE);
        // Premultiplied: half of red over white is pink.
        assert_eq!(out.to_array(), [191, 127, 127, 255]);
    }

    #[test]
    fn a_patch_updates_part_of_a_texture() {
        let mut textures = Textures::default();
        let id = TextureId::Managed(7);
        let mut delta = TexturesDelta::default();
        delta.push(
            id,
            ImageDelta::full(
                ColorImage::filled([4, 4], Color32::BLACK),
                egui::TextureOptions::LINEAR,
            ),
        );
        textures.apply(&mut delta);
        assert!(delta.is_empty(), "applied deltas are cleared");
        let mut patch = TexturesDelta::default();
        patch.push(
            id,
            ImageDelta::partial(
                [2, 1],
                ColorImage::filled([2, 2], Color32::WHITE),
                egui::TextureOptions::LINEAR,
            ),
        );
        textures.apply(&mut patch);
        let image = &textures.images[&id];
        assert_eq!(image.pixels[4 + 2], Color32::WHITE);
        assert_eq!(image.pixels[2 * 4 + 3], Color32::WHITE);
        assert_eq!(image.pixels[4 + 1], Color32::BLACK);
    }
}
