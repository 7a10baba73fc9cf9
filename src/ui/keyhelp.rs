//! The keyboard help overlay (F1 or ?), in Dutch.

use egui::{Color32, Rect, RichText, Ui};

use super::theme;

/// Every key of the presentation, with what it does.
pub const KEYS: &[(&str, &str)] = &[
    (
        "pijl rechts · pijl omlaag · PgDn · spatie · Enter · N",
        "volgende",
    ),
    ("pijl links · pijl omhoog · PgUp · Backspace · P", "vorige"),
    ("Home  /  End", "eerste / laatste onderdeel"),
    ("nummer + Enter", "ga naar dat onderdeel"),
    ("G  of  Tab", "overzicht van alle onderdelen"),
    ("B  of  .", "zwart scherm (nog eens: terug)"),
    ("W  of  ,", "wit scherm (nog eens: terug)"),
    ("H", "voortgangsbalk verbergen of tonen"),
    (
        "Z",
        "zaal laten meedoen: zaalkaart met QR-code tonen of verbergen",
    ),
    ("O", "team-overzicht van de zaal tonen of verbergen"),
    ("T", "timer starten of pauzeren"),
    ("+", "timer: één minuut erbij"),
    ("R", "timer terugzetten"),
    (
        "Ctrl +  /  Ctrl −  /  Ctrl 0",
        "tekst groter / kleiner / normaal",
    ),
    ("F11", "volledig scherm aan of uit"),
    ("F1  of  ?", "deze hulp"),
    ("Esc", "sluiten, of stoppen met presenteren"),
];

pub fn draw(ui: &mut Ui, rect: Rect) {
    let size = (rect.height() / 40.0).clamp(14.0, 30.0);
    let panel = Rect::from_center_size(
        rect.center(),
        egui::vec2(
            (size * 34.0).min(rect.width() * 0.9),
            (size * 1.6 * (KEYS.len() as f32 + 3.0)).min(rect.height() * 0.95),
        ),
    );
    ui.painter()
        .rect_filled(rect, 0.0, Color32::from_black_alpha(120));
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(panel));
    egui::Frame::window(ui.style())
        .inner_margin(size)
        .show(&mut child, |ui| {
            ui.set_width(panel.width() - 2.0 * size);
            ui.label(
                RichText::new("Toetsen tijdens het presenteren")
                    .size(size * 1.3)
                    .family(theme::bold_family()),
            );
            ui.add_space(size * 0.5);
            egui::Grid::new("keys")
                .spacing([size, size * 0.35])
                .show(ui, |ui| {
                    for (keys, what) in KEYS {
                        ui.label(
                            RichText::new(*keys)
                                .size(size)
                                .family(theme::bold_family())
                                .color(theme::accent(ui)),
                        );
                        ui.label(RichText::new(*what).size(size));
                        ui.end_row();
                    }
                });
        });
}
