//! Draws parsed rich text (paragraphs, lists, kernzin) at a given text size.

use egui::text::LayoutJob;
use egui::{Color32, FontFamily, FontId, Stroke, TextFormat, Ui};

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

fn list_item(ui: &mut Ui, marker: &str, inlines: &[Inline], size: f32, color: Color32) {
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
        ui.add(egui::Label::new(job(inlines, size, color, false)).wrap());
    });
}

/// Draw a kernzin: a tinted box with an accent bar on the left.
pub fn kernzin(ui: &mut Ui, inlines: &[Inline], size: f32) {
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
            ui.add(egui::Label::new(job(inlines, size * 1.1, color, true)).wrap());
        });
    let r = inner.response.rect;
    ui.painter().line_segment(
        [r.left_top(), r.left_bottom()],
        Stroke::new((size * 0.18).max(3.0), accent),
    );
}

/// Draw blocks of rich text with body text of `size` points.
pub fn blocks(ui: &mut Ui, blocks: &[Block], size: f32) {
    let color = ui.visuals().text_color();
    let gap = size * 0.6;
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            ui.add_space(gap);
        }
        match block {
            Block::Paragraph(inlines) => {
                ui.add(egui::Label::new(job(inlines, size, color, false)).wrap());
            }
            Block::Bullets(items) => {
                for item in items {
                    list_item(ui, "•", item, size, color);
                }
            }
            Block::Numbered { start, items } => {
                for (n, item) in items.iter().enumerate() {
                    let number = start.saturating_add(n as u64);
                    list_item(ui, &format!("{number}."), item, size, color);
                }
            }
            Block::Kernzin(inlines) => kernzin(ui, inlines, size),
        }
    }
}
