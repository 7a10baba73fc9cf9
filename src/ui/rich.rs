//! Draws parsed rich text (paragraphs, lists, kernzin) at a given text size.

use egui::text::LayoutJob;
use egui::{Color32, FontFamily, FontId, Rect, Stroke, TextFormat, Ui};

use crate::model::{Block, Inline};

use super::theme;

fn family(inline: &Inline) -> FontFamily {
    match (inline.style.bold, inline.style.italic) {
        (true, true) => theme::bold_italic_family(),
        (true, false) => theme::bold_family(),
        (false, true) => theme::italic_family(),
        (false, false) => FontFamily::Proportional,
    }
}

/// A wrapped layout job for a run of inlines.
pub fn job(inlines: &[Inline], size: f32, color: Color32, force_bold: bool) -> LayoutJob {
    let mut job = LayoutJob::default();
    for inline in inlines {
        let fam = if force_bold && !inline.style.italic {
            theme::bold_family()
        } else if force_bold {
            theme::bold_italic_family()
        } else {
            family(inline)
        };
        job.append(
            &inline.text,
            0.0,
            TextFormat::simple(FontId::new(size, fam), color),
        );
    }
    job
}

/// A wrapped label from plain text.
pub fn text(ui: &mut Ui, text: &str, size: f32) -> egui::Response {
    ui.add(egui::Label::new(egui::RichText::new(text).size(size)).wrap())
}

/// A wrapped bold label from plain text.
pub fn bold(ui: &mut Ui, text: &str, size: f32) -> egui::Response {
    ui.add(
        egui::Label::new(
            egui::RichText::new(text)
                .size(size)
                .family(theme::bold_family()),
        )
        .wrap(),
    )
}

/// A wrapped label of `job`, laid out here so that the rows it has are
/// known: their rectangles on screen go into `rows`.
fn wrapped(ui: &mut Ui, mut job: LayoutJob, rows: &mut Vec<Rect>) -> egui::Response {
    job.wrap.max_width = ui.available_width();
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let response = ui.add(egui::Label::new(galley.clone()));
    let at = response.rect.min.to_vec2();
    rows.extend(galley.rows.iter().map(|r| r.rect().translate(at)));
    response
}

fn list_item(
    ui: &mut Ui,
    marker: &str,
    inlines: &[Inline],
    size: f32,
    color: Color32,
    rows: &mut Vec<Rect>,
) {
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = size * 0.4;
        let marker_width = size * 1.4;
        ui.add_sized(
            [marker_width, size * 1.2],
            egui::Label::new(
                egui::RichText::new(marker)
                    .size(size)
                    .color(theme::accent(ui))
                    .family(theme::bold_family()),
            ),
        );
        wrapped(ui, job(inlines, size, color, false), rows);
    });
}

/// Draw a kernzin: a tinted box with an accent bar on the left.
pub fn kernzin(ui: &mut Ui, inlines: &[Inline], size: f32) {
    kernzin_rows(ui, inlines, size, &mut Vec::new());
}

fn kernzin_rows(ui: &mut Ui, inlines: &[Inline], size: f32, rows: &mut Vec<Rect>) {
    let accent = theme::accent(ui);
    let fill = if ui.visuals().dark_mode {
        Color32::from_rgb(0x3A, 0x1E, 0x0A)
    } else {
        Color32::from_rgb(0xFF, 0xEF, 0xDF)
    };
    let color = ui.visuals().text_color();
    let inner = egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(
            (size * 0.9) as i8,
            (size * 0.5) as i8,
        ))
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            wrapped(ui, job(inlines, size * 1.1, color, true), rows);
        });
    let r = inner.response.rect;
    ui.painter().line_segment(
        [r.left_top(), r.left_bottom()],
        Stroke::new((size * 0.18).max(3.0), accent),
    );
}

/// Draw blocks of rich text with body text of `size` points.
pub fn blocks(ui: &mut Ui, blocks: &[Block], size: f32) {
    blocks_with_rows(ui, blocks, size);
}

/// [`blocks`], returning where each row of text is on screen (so that a
/// scrolling view can hide a row it would cut in half).
pub fn blocks_with_rows(ui: &mut Ui, blocks: &[Block], size: f32) -> Vec<Rect> {
    let mut rows = Vec::new();
    let color = ui.visuals().text_color();
    let gap = size * 0.6;
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            ui.add_space(gap);
        }
        match block {
            Block::Paragraph(inlines) => {
                wrapped(ui, job(inlines, size, color, false), &mut rows);
            }
            Block::Bullets(items) => {
                for item in items {
                    list_item(ui, "•", item, size, color, &mut rows);
                }
            }
            Block::Numbered { start, items } => {
                for (n, item) in items.iter().enumerate() {
                    let number = start.saturating_add(n as u64);
                    list_item(ui, &format!("{number}."), item, size, color, &mut rows);
                }
            }
            Block::Kernzin(inlines) => kernzin_rows(ui, inlines, size, &mut rows),
        }
    }
    rows
}

/// Covers the rows of text that `view` (a scrolling area) would show cut in
/// half at its top or bottom edge, with `fill`, the colour behind it.
pub fn hide_cut_rows(ui: &Ui, view: Rect, rows: &[Rect], fill: Color32) {
    for row in rows {
        let cut_below = row.top() < view.bottom() - 0.5 && row.bottom() > view.bottom() + 0.5;
        let cut_above = row.top() < view.top() - 0.5 && row.bottom() > view.top() + 0.5;
        if cut_below || cut_above {
            let hidden = Rect::from_x_y_ranges(view.x_range(), row.y_range()).intersect(view);
            ui.painter().rect_filled(hidden, 0.0, fill);
        }
    }
}

/// About how high [`blocks`] would be in `width` (laid out, not drawn): to
/// choose between layouts.
pub fn blocks_height(ui: &Ui, blocks: &[Block], size: f32, width: f32) -> f32 {
    let color = ui.visuals().text_color();
    let spacing = ui.spacing().item_spacing.y;
    let height = |inlines: &[Inline], size: f32, bold: bool, width: f32| {
        let mut job = job(inlines, size, color, bold);
        job.wrap.max_width = width.max(1.0);
        ui.ctx().fonts_mut(|f| f.layout_job(job)).size().y + spacing
    };
    let list = size * 1.8;
    let mut total = size * 0.6 * blocks.len().saturating_sub(1) as f32;
    for block in blocks {
        total += match block {
            Block::Paragraph(inlines) => height(inlines, size, false, width),
            Block::Bullets(items) | Block::Numbered { items, .. } => items
                .iter()
                .map(|i| height(i, size, false, width - list).max(size * 1.2))
                .sum(),
            Block::Kernzin(inlines) => height(inlines, size * 1.1, true, width - size * 1.8) + size,
        };
    }
    total
}
