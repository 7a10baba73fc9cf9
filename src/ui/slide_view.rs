//! A slide for the audience: its title, text and picture, placed by the
//! slide's layout. An SVG is rasterised at exactly the size it is drawn
//! (in physical pixels), so it is crisp on any screen; the texture is kept
//! and made again only when that size changes.

use egui::{Align, Layout, Ui};

use crate::model::{Picture, Raster, RoomSlide, SlideLayout, Vector};

use super::scale::Scale;

/// The largest side an SVG is rasterised at, in pixels.
const MAX_SIDE: u32 = 4096;
/// How many rasterised sizes are kept in all: what one screen of the console
/// shows at once (the slide on the projector, the console's copy of it and
/// its preview of the next one). Each is up to 8 MB of texture at 1920×1080;
/// going back a slide rasterises again (11–17 ms).
const KEPT: usize = 3;
/// A drawing is rasterised again at most this often (seconds) while its
/// size keeps changing.
const SETTLE: f64 = 0.25;

/// The layout a slide ends up with: `Auto` decided by its text.
pub fn effective_layout(slide: &RoomSlide<'_>) -> SlideLayout {
    slide.layout.resolved(slide.body)
}

/// Draw the slide's body and picture under its title (already drawn);
/// `height` is the full height of the slide's area.
pub fn body_and_picture(ui: &mut Ui, slide: RoomSlide<'_>, s: Scale, height: f32) {
    let Some(picture) = slide.picture else {
        super::rich::blocks(ui, slide.body.blocks(), s.body);
        return;
    };
    // The room left under the title: the area's bottom when drawn, its
    // height when measured (then the area is drawn far taller).
    let bottom = ui.max_rect().bottom().min(ui.max_rect().top() + height);
    let left = |ui: &Ui| (bottom - ui.cursor().top() - s.body * 0.4).max(height * 0.2);
    match effective_layout(&slide) {
        SlideLayout::Full | SlideLayout::Auto => {
            let room = egui::vec2(ui.available_width(), left(ui));
            let size = fit_size(picture.aspect(), room.x, room.y);
            ui.vertical_centered(|ui| show(ui, &slide, picture, size));
        }
        SlideLayout::Below => {
            super::rich::blocks(ui, slide.body.blocks(), s.body);
            ui.add_space(s.body * 0.4);
            let room = egui::vec2(ui.available_width(), left(ui));
            let size = fit_size(picture.aspect(), room.x, room.y);
            ui.vertical_centered(|ui| show(ui, &slide, picture, size));
        }
        SlideLayout::Beside => {
            let room_y = left(ui);
            ui.columns(2, |cols| {
                cols[0].with_layout(Layout::top_down(Align::Min), |ui| {
                    ui.set_max_width(ui.available_width() - s.body * 0.5);
                    super::rich::blocks(ui, slide.body.blocks(), s.body);
                });
                let room = egui::vec2(cols[1].available_width(), room_y);
                let size = fit_size(picture.aspect(), room.x, room.y);
                show(&mut cols[1], &slide, picture, size);
            });
        }
    }
}

/// The largest size with this aspect ratio inside `w` × `h`.
fn fit_size(aspect: f32, w: f32, h: f32) -> egui::Vec2 {
    let (w, h) = (w.max(1.0), h.max(1.0));
    if w / h > aspect {
        egui::vec2(h * aspect, h)
    } else {
        egui::vec2(w, w / aspect)
    }
}

/// The picture at `size` points, labelled with its alt text; only space when
/// the slide is being measured.
fn show(ui: &mut Ui, slide: &RoomSlide<'_>, picture: &Picture, size: egui::Vec2) {
    if !ui.is_visible() {
        ui.allocate_space(size);
        return;
    }
    let texture = match picture {
        Picture::Raster(r) => raster_texture(ui, slide.image.unwrap_or(""), picture.key(), r),
        Picture::Vector(v) => {
            let ppp = ui.ctx().pixels_per_point();
            let w = ((size.x * ppp).round() as u32).clamp(1, MAX_SIDE);
            let h = ((size.y * ppp).round() as u32).clamp(1, MAX_SIDE);
            vector_texture(ui, v, [w, h])
        }
    };
    let alt = if slide.alt.trim().is_empty() {
        slide.title
    } else {
        slide.alt
    };
    ui.add(egui::Image::new((texture.id(), size)).alt_text(alt));
}

/// The texture of a PNG picture, uploaded once and kept in egui's memory.
fn raster_texture(ui: &Ui, name: &str, key: usize, r: &Raster) -> egui::TextureHandle {
    let id = egui::Id::unique(("slide-picture", name, key));
    if let Some(t) = ui.ctx().data(|d| d.get_temp::<egui::TextureHandle>(id)) {
        return t;
    }
    let image =
        egui::ColorImage::from_rgba_unmultiplied([r.width as usize, r.height as usize], &r.rgba);
    let t = ui
        .ctx()
        .load_texture(name, image, egui::TextureOptions::LINEAR);
    ui.ctx().data_mut(|d| d.insert_temp(id, t.clone()));
    t
}

/// One rasterised size of a drawing.
#[derive(Clone)]
struct Kept {
    /// The drawing itself: held, so that its address (the key) cannot be
    /// taken by another drawing (after a reload) while the texture is kept.
    tree: std::sync::Arc<usvg::Tree>,
    size: [u32; 2],
    texture: egui::TextureHandle,
    /// The pass it was last shown in.
    used: u64,
    /// When it was rasterised (egui time, seconds).
    made: f64,
}

/// The texture of drawing `v` at `size` pixels: kept, or rasterised now
/// when the size is new. While the size keeps changing (a window being
/// dragged larger) the last raster is shown stretched, and a new one is
/// made at most every [`SETTLE`] seconds.
fn vector_texture(ui: &Ui, v: &Vector, size: [u32; 2]) -> egui::TextureHandle {
    let ctx = ui.ctx();
    let id = egui::Id::unique("slide-svg-textures");
    let pass = ctx.cumulative_pass_nr();
    let now = ctx.input(|i| i.time);
    let mut kept: Vec<Kept> = ctx.data(|d| d.get_temp(id)).unwrap_or_default();
    let same = |k: &Kept| std::sync::Arc::ptr_eq(&k.tree, &v.tree);
    let newest = kept
        .iter()
        .enumerate()
        .filter(|(_, k)| same(k))
        .max_by(|(_, a), (_, b)| a.made.total_cmp(&b.made))
        .map(|(i, k)| (i, k.made));
    let texture = if let Some(k) = kept.iter_mut().find(|k| same(k) && k.size == size) {
        k.used = pass;
        k.texture.clone()
    } else if let Some((i, made)) = newest.filter(|(_, made)| now - made < SETTLE) {
        // Rasterised a moment ago at another size: show that for now.
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(SETTLE - (now - made)));
        kept[i].used = pass;
        kept[i].texture.clone()
    } else {
        let image = rasterise(v, size[0], size[1]);
        let texture = ctx.load_texture("slide-svg", image, egui::TextureOptions::LINEAR);
        if kept.len() >= KEPT
            && let Some(oldest) = (0..kept.len()).min_by_key(|i| kept[*i].used)
        {
            kept.swap_remove(oldest);
        }
        kept.push(Kept {
            tree: v.tree.clone(),
            size,
            texture: texture.clone(),
            used: pass,
            made: now,
        });
        texture
    };
    ctx.data_mut(|d| d.insert_temp(id, kept));
    texture
}

/// Drawing `v` scaled into `width` × `height` pixels (keeping its aspect
/// ratio, centred), on a transparent background.
pub fn rasterise(v: &Vector, width: u32, height: u32) -> egui::ColorImage {
    let (w, h) = (width.max(1), height.max(1));
    let size = [w as usize, h as usize];
    let Some(mut pixmap) = resvg::tiny_skia::Pixmap::new(w, h) else {
        return egui::ColorImage::new(size, vec![egui::Color32::TRANSPARENT; size[0] * size[1]]);
    };
    let (sw, sh) = v.size();
    let scale = (w as f32 / sw).min(h as f32 / sh);
    let dx = (w as f32 - sw * scale) / 2.0;
    let dy = (h as f32 - sh * scale) / 2.0;
    let transform = resvg::tiny_skia::Transform::from_row(scale, 0.0, 0.0, scale, dx, dy);
    resvg::render(&v.tree, transform, &mut pixmap.as_mut());
    egui::ColorImage::from_rgba_premultiplied(size, pixmap.data())
}
