//! The keyboard help overlay (F1 or ?), in Dutch. [`KEYS`] is the one list
//! of keys: the overlay shows it and a test holds the README's table to it.

use egui::{Color32, Rect, Ui};

use super::theme;

/// Every key while presenting, with what it does.
pub const KEYS: &[(&str, &str)] = &[
    (
        "pijl rechts, pijl omlaag, PgDn, spatie, Enter, N",
        "volgende",
    ),
    ("pijl links, pijl omhoog, PgUp, Backspace, P", "vorige"),
    ("Home / End", "eerste / laatste"),
    ("nummer + Enter", "naar die dia (het nummer rechtsonder)"),
    ("G of Tab", "overzicht van de hele middag"),
    ("B of .", "zwart scherm (nog eens: terug)"),
    ("W of ,", "wit scherm (nog eens: terug)"),
    ("H", "voortgangsbalk verbergen of tonen"),
    ("C", "console naast de dia tonen of verbergen"),
    ("S", "met twee schermen: console en publiek wisselen"),
    ("Ctrl+L", "laserstip aan of uit (volgt de muis)"),
    ("Ctrl+P", "pen aan of uit: tekenen op de dia"),
    ("1–4 met de pen aan", "kleur van de pen"),
    ("E", "inkt van deze dia wissen"),
    ("Z", "zaalkaart met QR-code tonen of verbergen"),
    ("O", "teamoverzicht van de zaal tonen of verbergen"),
    ("T", "timer starten of pauzeren"),
    ("+", "timer: een minuut erbij"),
    ("R", "timer terugzetten"),
    ("Ctrl+ / Ctrl− / Ctrl+0", "tekst groter / kleiner / normaal"),
    ("F11", "volledig scherm aan of uit; je blijft presenteren"),
    ("F1 of ?", "deze hulp"),
    ("Esc", "sluiten, of stoppen met presenteren"),
];

/// Keys on the start screen, to begin presenting.
pub const START_KEYS: &[(&str, &str)] = &[
    ("F5", "presenteren vanaf het begin"),
    ("Shift+F5", "verder presenteren waar je was"),
    ("Alt+F5", "presenteren met de console"),
    (
        "F11",
        "verder presenteren waar je was, op het volledige scherm",
    ),
    ("Ctrl+O", "workshop openen"),
];

/// The overlay, centred in `rect`, sized to its contents.
pub fn draw(ui: &mut Ui, rect: Rect) {
    let rows = KEYS.len() + START_KEYS.len() + 1;
    let size = (rect.height() / (rows as f32 * 1.55 + 4.0)).clamp(11.0, 24.0);
    let size = super::item_view::quantise(size);
    let painter = ui.painter();
    let text = ui.visuals().text_color();
    let accent = theme::accent(ui);
    let bold = egui::FontId::new(size, theme::bold_family());
    let body = egui::FontId::proportional(size);
    let lay = |s: &str, font: &egui::FontId, c: Color32| {
        painter.layout_no_wrap(s.to_owned(), font.clone(), c)
    };
    let title = painter.layout_no_wrap(
        "Toetsen tijdens het presenteren".to_owned(),
        egui::FontId::new(size * 1.3, theme::bold_family()),
        text,
    );
    let sub = lay("Op het startscherm", &bold, text);
    let keys: Vec<_> = KEYS
        .iter()
        .map(|(k, d)| (lay(k, &bold, accent), lay(d, &body, text)))
        .collect();
    let start: Vec<_> = START_KEYS
        .iter()
        .map(|(k, d)| (lay(k, &bold, accent), lay(d, &body, text)))
        .collect();
    let all = || keys.iter().chain(start.iter());
    let key_w = all().map(|(k, _)| k.size().x).fold(0.0, f32::max);
    let desc_w = all().map(|(_, d)| d.size().x).fold(0.0, f32::max);
    let gap = size * 1.2;
    let line = size * 1.5;
    let width = (key_w + gap + desc_w).max(title.size().x);
    let height = title.size().y + size * 0.8 + line * (rows as f32) + size * 0.4;
    let pad = size;
    let panel = Rect::from_center_size(
        rect.center(),
        egui::vec2(width + 2.0 * pad, height + 2.0 * pad),
    );
    painter.rect_filled(rect, 0.0, Color32::from_black_alpha(140));
    painter.rect_filled(panel, size * 0.5, ui.visuals().window_fill);
    let mut y = panel.top() + pad;
    let left = panel.left() + pad;
    painter.galley(egui::pos2(left, y), title.clone(), text);
    y += title.size().y + size * 0.8;
    let row = |k: &std::sync::Arc<egui::Galley>, d: &std::sync::Arc<egui::Galley>, y: f32| {
        painter.galley(egui::pos2(left, y), k.clone(), accent);
        painter.galley(egui::pos2(left + key_w + gap, y), d.clone(), text);
    };
    for (k, d) in &keys {
        row(k, d, y);
        y += line;
    }
    y += size * 0.4;
    painter.galley(egui::pos2(left, y), sub, text);
    y += line;
    for (k, d) in &start {
        row(k, d, y);
        y += line;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's key table says exactly what the overlay says.
    #[test]
    fn the_readme_lists_every_key() {
        let readme = include_str!("../../README.md");
        for (keys, what) in KEYS.iter().chain(START_KEYS) {
            let row = format!("| {keys} | {what} |");
            assert!(readme.contains(&row), "README mist de regel: {row}");
        }
    }
}
