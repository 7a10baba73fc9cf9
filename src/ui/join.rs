//! The join card on the projector: a large QR code with the secret link, the
//! short address, the room code and how many devices joined.

use egui::{Color32, Rect, RichText, Ui, pos2, vec2};

use crate::model::RoomStatus;

use super::theme;

/// Modules of white around the code, as the QR standard asks.
const QUIET_ZONE: usize = 4;

/// The dark modules of the QR code for `text`, row by row, and its width;
/// `None` when the text is too long for a QR code.
pub fn qr_modules(text: &str) -> Option<(Vec<bool>, usize)> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Some((dark, width))
}

/// Paint the QR code for `text` filling the square `rect` (white background
/// and quiet zone included). Returns false when no code could be made.
pub fn paint_qr(ui: &Ui, rect: Rect, text: &str) -> bool {
    let Some((dark, width)) = qr_modules(text) else {
        return false;
    };
    let painter = ui.painter();
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    let total = (width + 2 * QUIET_ZONE) as f32;
    // Whole pixels per module keep the edges crisp for the camera.
    let module = (rect.width().min(rect.height()) / total).floor().max(1.0);
    let size = module * total;
    let origin = rect.center() - vec2(size, size) / 2.0 + vec2(module, module) * QUIET_ZONE as f32;
    let origin = pos2(origin.x.round(), origin.y.round());
    for (i, _) in dark.iter().enumerate().filter(|(_, d)| **d) {
        let (x, y) = ((i % width) as f32, (i / width) as f32);
        let min = origin + vec2(x, y) * module;
        painter.rect_filled(
            Rect::from_min_size(min, vec2(module, module)),
            0.0,
            Color32::BLACK,
        );
    }
    true
}

/// "1 apparaat doet mee" / "12 apparaten doen mee".
pub fn devices_text(n: usize) -> String {
    match n {
        0 => "Nog niemand doet mee".to_owned(),
        1 => "1 apparaat doet mee".to_owned(),
        n => format!("{n} apparaten doen mee"),
    }
}

/// Draw the join card for the audience in `rect`.
pub fn join_card(ui: &mut Ui, rect: Rect, status: &RoomStatus) {
    let h = rect.height();
    let weak = ui.visuals().weak_text_color();
    let accent = theme::accent(ui);
    let title = Rect::from_min_size(rect.min, vec2(rect.width(), h * 0.2));
    ui.put(
        title,
        egui::Label::new(
            RichText::new("Doe mee met je telefoon of laptop")
                .size(h / 14.0)
                .family(theme::bold_family()),
        ),
    );
    // The QR code on the left, as large as the card allows.
    let side = (h * 0.66).min(rect.width() * 0.42);
    let qr = Rect::from_min_size(
        pos2(rect.left() + rect.width() * 0.08, rect.top() + h * 0.2),
        vec2(side, side),
    );
    if !paint_qr(ui, qr, &status.join_url) {
        ui.put(qr, egui::Label::new("Geen QR-code: gebruik het adres"));
    }
    // Address, code and count on the right.
    let right = Rect::from_min_max(
        pos2(qr.right() + rect.width() * 0.06, qr.top()),
        pos2(rect.right() - rect.width() * 0.04, rect.bottom()),
    );
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(right)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    let ui = &mut child;
    let small = h / 26.0;
    ui.label(
        RichText::new("Scan de code, of ga in je browser naar")
            .size(small)
            .color(weak),
    );
    ui.label(
        RichText::new(short(&status.url))
            .size(h / 13.0)
            .family(theme::bold_family()),
    );
    ui.add_space(h * 0.04);
    ui.label(RichText::new("en typ de zaalcode").size(small).color(weak));
    ui.label(
        RichText::new(spaced(&status.code))
            .size(h / 7.0)
            .family(theme::bold_family())
            .color(accent),
    );
    ui.add_space(h * 0.04);
    ui.label(RichText::new(devices_text(status.devices)).size(small));
    ui.add_space(h * 0.02);
    ui.label(
        RichText::new(
            "Gebruik de wifi van de school. Je antwoorden blijven op de laptop van de trainer.",
        )
        .size(h / 34.0)
        .color(weak),
    );
}

/// The address without "http://", as people type it.
fn short(url: &str) -> &str {
    url.strip_prefix("http://").unwrap_or(url)
}

/// "K7QP" → "K 7 Q P": easier to read from the back of the room.
fn spaced(code: &str) -> String {
    code.chars().map(String::from).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_encodes_a_join_link() {
        let (dark, width) =
            qr_modules("http://192.168.1.23:8470/t/abcdefghijklmnopqrstuvwxyz234567").unwrap();
        assert_eq!(dark.len(), width * width);
        assert!(width >= 21, "at least a version-1 code");
        // The three finder patterns make the corners dark.
        assert!(dark[0] && dark[width - 1] && dark[width * (width - 1)]);
        assert_eq!(spaced("K7QP"), "K 7 Q P");
        assert_eq!(devices_text(1), "1 apparaat doet mee");
        assert_eq!(devices_text(12), "12 apparaten doen mee");
    }
}
