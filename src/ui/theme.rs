//! Fonts, colours and the light and dark high-contrast themes.

use std::sync::Arc;

use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId, Visuals};

pub const REGULAR: &[u8] = include_bytes!("../../fonts/AtkinsonHyperlegibleNext-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../fonts/AtkinsonHyperlegibleNext-Bold.ttf");
pub const ITALIC: &[u8] = include_bytes!("../../fonts/AtkinsonHyperlegibleNext-Italic.ttf");
pub const BOLD_ITALIC: &[u8] =
    include_bytes!("../../fonts/AtkinsonHyperlegibleNext-BoldItalic.ttf");

/// Digits for the big clocks: tabular (the clock does not jitter as it
/// counts down) and a zero without a slash, which reads as Ø from the back.
pub const CLOCK_DIGITS: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold-cijfers.ttf");

/// The warm accent colour of kampvuur (a campfire orange).
pub const ACCENT: Color32 = Color32::from_rgb(0xD9, 0x5D, 0x0F);
/// The accent on a dark background.
pub const ACCENT_LIGHT: Color32 = Color32::from_rgb(0xFF, 0xA0, 0x4A);

pub fn bold_family() -> FontFamily {
    FontFamily::Name("bold".into())
}

pub fn italic_family() -> FontFamily {
    FontFamily::Name("italic".into())
}

/// The family of the big clocks: DejaVu's digits, Atkinson for the rest.
pub fn clock_family() -> FontFamily {
    FontFamily::Name("clock".into())
}

pub fn bold_italic_family() -> FontFamily {
    FontFamily::Name("bold-italic".into())
}

/// DejaVu Sans, for what Atkinson lacks: Greek and Cyrillic names (Ελένη,
/// Анна), arrows and check marks. The PDFs use the same files.
pub const FALLBACK: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
pub const FALLBACK_BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// The bundled font family for egui: regular for all text, and named families
/// for bold and italic runs; DejaVu Sans behind each for other scripts.
pub fn fonts() -> FontDefinitions {
    let mut defs = FontDefinitions::empty();
    for (name, bytes) in [
        ("regular", REGULAR),
        ("bold", BOLD),
        ("italic", ITALIC),
        ("bold-italic", BOLD_ITALIC),
        ("fallback", FALLBACK),
        ("fallback-bold", FALLBACK_BOLD),
    ] {
        defs.font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    let chain = |first: &str, fallback: &str| {
        let mut v = vec![first.to_owned()];
        if first != "regular" {
            v.push("regular".to_owned());
        }
        v.push(fallback.to_owned());
        v
    };
    defs.families
        .insert(FontFamily::Proportional, chain("regular", "fallback"));
    defs.families
        .insert(FontFamily::Monospace, chain("regular", "fallback"));
    for (fam, fallback) in [
        ("bold", "fallback-bold"),
        ("italic", "fallback"),
        ("bold-italic", "fallback-bold"),
    ] {
        defs.families
            .insert(FontFamily::Name(fam.into()), chain(fam, fallback));
    }
    defs.font_data.insert(
        "clock".to_owned(),
        Arc::new(FontData::from_static(CLOCK_DIGITS)),
    );
    defs.families
        .insert(clock_family(), vec!["clock".to_owned(), "bold".to_owned()]);
    defs
}

/// Largest font atlas, in pixels, before it is started afresh: 16 MB. egui
/// makes the atlas as wide as the largest texture the graphics card allows
/// (16 384 pixels on many) and only clears it when it is 80 % of that high,
/// so paging through large projector text would grow it to hundreds of MB.
pub const FONT_ATLAS_LIMIT: usize = 16_384 * 256;

/// Start the font atlas afresh when it has grown past [`FONT_ATLAS_LIMIT`];
/// the glyphs on screen are drawn again in the next frame (a few ms).
pub fn keep_font_atlas_small(ctx: &egui::Context) -> bool {
    let [w, h] = ctx.fonts(|f| f.font_image_size());
    if w * h <= FONT_ATLAS_LIMIT {
        return false;
    }
    // kampvuur adds no glyph rasterizers; setting none reloads the fonts.
    ctx.set_glyph_rasterizers(Vec::new());
    true
}

/// Install fonts and the chosen theme into a context.
pub fn install(ctx: &egui::Context, dark: bool) {
    ctx.set_fonts(fonts());
    apply_theme(ctx, dark);
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
}

/// The colours of one theme. Every pair of text and background colour the
/// app draws is in [`Palette::text_pairs`], and a test holds each to 4.5:1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub text: Color32,
    /// Secondary text (hints, captions): still 4.5:1.
    pub weak: Color32,
    pub panel: Color32,
    pub window: Color32,
    pub accent: Color32,
    /// "Op schema" and sections on time.
    pub on_time: Color32,
    /// "Achter op schema" and sections over time.
    pub late: Color32,
    pub selection: Color32,
}

pub const LIGHT: Palette = Palette {
    text: Color32::from_gray(10),
    weak: Color32::from_gray(0x5A),
    panel: Color32::from_rgb(0xFC, 0xFA, 0xF6),
    window: Color32::WHITE,
    accent: Color32::from_rgb(0xB8, 0x4A, 0x05),
    on_time: Color32::from_rgb(0x1B, 0x6B, 0x21),
    late: Color32::from_rgb(0xB0, 0x16, 0x16),
    selection: Color32::from_rgb(0xFF, 0xD2, 0xA8),
};

pub const DARK: Palette = Palette {
    text: Color32::from_gray(245),
    weak: Color32::from_gray(0xB4),
    panel: Color32::from_gray(12),
    window: Color32::from_gray(24),
    accent: ACCENT_LIGHT,
    on_time: Color32::from_rgb(0x6F, 0xCF, 0x75),
    late: Color32::from_rgb(0xFF, 0x7A, 0x70),
    selection: Color32::from_rgb(0x8A, 0x3A, 0x08),
};

impl Palette {
    pub fn of(dark: bool) -> Self {
        if dark { DARK } else { LIGHT }
    }

    /// Every text colour on every background it is drawn on.
    pub fn text_pairs(&self) -> Vec<(String, Color32, Color32)> {
        let mut pairs = Vec::new();
        for (bg_name, bg) in [("paneel", self.panel), ("venster", self.window)] {
            for (name, fg) in [
                ("tekst", self.text),
                ("zwakke tekst", self.weak),
                ("accent", self.accent),
                ("op schema", self.on_time),
                ("achter", self.late),
            ] {
                pairs.push((format!("{name} op {bg_name}"), fg, bg));
            }
        }
        pairs.push(("tekst op selectie".to_owned(), self.text, self.selection));
        pairs
    }
}

/// The contrast ratio of two colours (WCAG 2), from 1 to 21.
pub fn contrast(a: Color32, b: Color32) -> f32 {
    fn lum(c: Color32) -> f32 {
        let ch = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.040_45 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c.r()) + 0.7152 * ch(c.g()) + 0.0722 * ch(c.b())
    }
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// Switch between the light and the dark high-contrast theme.
pub fn apply_theme(ctx: &egui::Context, dark: bool) {
    let p = Palette::of(dark);
    let mut visuals = if dark {
        Visuals::dark()
    } else {
        Visuals::light()
    };
    // Whole-pixel glyph positions: big projector text gains nothing from
    // sub-pixel copies, and each would take room in the font atlas.
    visuals.text_options.subpixel_binning = false;
    visuals.override_text_color = Some(p.text);
    visuals.weak_text_color = Some(p.weak);
    visuals.panel_fill = p.panel;
    visuals.window_fill = p.window;
    visuals.hyperlink_color = p.accent;
    visuals.selection.bg_fill = p.selection;
    if dark {
        visuals.extreme_bg_color = Color32::BLACK;
    } else {
        visuals.extreme_bg_color = Color32::WHITE;
        visuals.selection.stroke.color = Color32::BLACK;
    }
    // Check boxes and buttons get a border that stands out from the panel
    // (3:1 and more), so an unticked box is never just a faint grey square.
    let edge = if dark {
        Color32::from_gray(150)
    } else {
        Color32::from_gray(110)
    };
    visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.5, edge);
    ctx.set_visuals(visuals);
    ctx.all_styles_mut(|style| {
        style.text_styles.insert(
            egui::TextStyle::Body,
            FontId::new(16.0, FontFamily::Proportional),
        );
        style.text_styles.insert(
            egui::TextStyle::Button,
            FontId::new(16.0, FontFamily::Proportional),
        );
        style
            .text_styles
            .insert(egui::TextStyle::Heading, FontId::new(26.0, bold_family()));
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
        style.spacing.button_padding = egui::vec2(10.0, 5.0);
    });
}

fn palette(ui: &egui::Ui) -> Palette {
    Palette::of(ui.visuals().dark_mode)
}

/// The accent colour for text and lines on the current background.
pub fn accent(ui: &egui::Ui) -> Color32 {
    palette(ui).accent
}

/// The colour of "op schema" on the current background.
pub fn on_time(ui: &egui::Ui) -> Color32 {
    palette(ui).on_time
}

/// The colour of "achter op schema" on the current background.
pub fn late(ui: &egui::Ui) -> Color32 {
    palette(ui).late
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_colour_has_4_5_to_1_in_both_themes() {
        for dark in [false, true] {
            for (name, fg, bg) in Palette::of(dark).text_pairs() {
                let c = contrast(fg, bg);
                assert!(c >= 4.5, "{name} (donker: {dark}): {c:.2}:1");
            }
        }
        // Fixed pairs: white on the red of "De tijd is om", black on the notices.
        assert!(contrast(Color32::WHITE, super::super::item_view::TIME_UP) >= 4.5);
        for fill in [
            Color32::from_rgb(0xFD, 0xE2, 0xE1),
            Color32::from_rgb(0xE4, 0xF4, 0xE4),
        ] {
            assert!(contrast(Color32::BLACK, fill) >= 4.5);
        }
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
    }
}
