//! Fonts, colours and the light and dark high-contrast themes.

use std::sync::Arc;

use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId, Visuals};

pub const REGULAR: &[u8] = include_bytes!("../../fonts/AtkinsonHyperlegibleNext-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../fonts/AtkinsonHyperlegibleNext-Bold.ttf");
pub const ITALIC: &[u8] = include_bytes!("../../fonts/AtkinsonHyperlegibleNext-Italic.ttf");
pub const BOLD_ITALIC: &[u8] =
    include_bytes!("../../fonts/AtkinsonHyperlegibleNext-BoldItalic.ttf");

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

pub fn bold_italic_family() -> FontFamily {
    FontFamily::Name("bold-italic".into())
}

/// The bundled font family for egui: regular for all text, and named families
/// for bold and italic runs.
pub fn fonts() -> FontDefinitions {
    let mut defs = FontDefinitions::empty();
    for (name, bytes) in [
        ("regular", REGULAR),
        ("bold", BOLD),
        ("italic", ITALIC),
        ("bold-italic", BOLD_ITALIC),
    ] {
        defs.font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    defs.families
        .insert(FontFamily::Proportional, vec!["regular".to_owned()]);
    defs.families
        .insert(FontFamily::Monospace, vec!["regular".to_owned()]);
    for fam in ["bold", "italic", "bold-italic"] {
        defs.families.insert(
            FontFamily::Name(fam.into()),
            vec![fam.to_owned(), "regular".to_owned()],
        );
    }
    defs
}

/// Install fonts and the chosen theme into a context.
pub fn install(ctx: &egui::Context, dark: bool) {
    ctx.set_fonts(fonts());
    apply_theme(ctx, dark);
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
}

/// Switch between the light and the dark high-contrast theme.
pub fn apply_theme(ctx: &egui::Context, dark: bool) {
    let mut visuals = if dark {
        Visuals::dark()
    } else {
        Visuals::light()
    };
    if dark {
        visuals.override_text_color = Some(Color32::from_gray(245));
        visuals.panel_fill = Color32::from_gray(12);
        visuals.window_fill = Color32::from_gray(24);
        visuals.extreme_bg_color = Color32::BLACK;
        visuals.hyperlink_color = ACCENT_LIGHT;
        visuals.selection.bg_fill = Color32::from_rgb(0x8A, 0x3A, 0x08);
    } else {
        visuals.override_text_color = Some(Color32::from_gray(10));
        visuals.panel_fill = Color32::from_rgb(0xFC, 0xFA, 0xF6);
        visuals.window_fill = Color32::WHITE;
        visuals.extreme_bg_color = Color32::WHITE;
        visuals.hyperlink_color = ACCENT;
        visuals.selection.bg_fill = Color32::from_rgb(0xFF, 0xD2, 0xA8);
        visuals.selection.stroke.color = Color32::BLACK;
    }
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

/// The accent colour that reads well on the current background.
pub fn accent(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode {
        ACCENT_LIGHT
    } else {
        ACCENT
    }
}
