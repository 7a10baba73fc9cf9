//! Large check boxes and radio buttons for the participant screen: a 24 px
//! box or circle with a clear tick or dot, in colours that contrast at least
//! 4.5:1 in the light and the dark theme, and the whole row clickable.

use egui::{
    Color32, Rect, Response, RichText, Sense, Stroke, TextStyle, TextWrapMode, Ui, Visuals,
    WidgetInfo, WidgetText, pos2, vec2,
};

/// Side of a check box and diameter of a radio button.
pub const MARK_SIZE: f32 = 24.0;
/// Space between the mark and its text.
const GAP: f32 = 10.0;
/// Width of the border of a box or circle.
const BORDER: f32 = 2.0;

/// The colours of check boxes and radio buttons in a theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkColors {
    /// Around the screen (the panel).
    pub panel: Color32,
    /// Inside an empty box or circle.
    pub inside: Color32,
    /// Border of the box, the dot, and the fill of a ticked box.
    pub ink: Color32,
    /// The tick on a ticked box.
    pub tick: Color32,
    /// The border of a text field without focus.
    pub edge: Color32,
}

impl MarkColors {
    pub fn of(visuals: &Visuals) -> Self {
        let ink = visuals
            .override_text_color
            .unwrap_or_else(|| visuals.strong_text_color());
        Self {
            panel: visuals.panel_fill,
            inside: visuals.extreme_bg_color,
            ink,
            tick: visuals.extreme_bg_color,
            edge: if visuals.dark_mode {
                Color32::from_gray(150)
            } else {
                Color32::from_gray(110)
            },
        }
    }
}

/// The frame of a text field on the participant screens: a visible border
/// (grey, ≥ 4.5:1 on the field and the panel), in ink with the keyboard focus.
pub fn field_frame(ui: &Ui, id: egui::Id) -> egui::Frame {
    let c = MarkColors::of(ui.visuals());
    let focused = ui.memory(|m| m.has_focus(id));
    let stroke = if focused { c.ink } else { c.edge };
    egui::Frame::new()
        .fill(c.inside)
        .stroke(Stroke::new(2.0, stroke))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(8, 6))
}

/// A check box with `text` beside it (wrapped); clicking the row or the box
/// toggles `checked`. The response is marked changed when it toggled.
pub fn check(ui: &mut Ui, checked: &mut bool, text: &str, size: f32) -> Response {
    let (rect, mark, galley, mut response) = row(ui, text, size);
    if response.clicked() {
        *checked = !*checked;
        response.mark_changed();
    }
    let on = *checked;
    response.widget_info(|| WidgetInfo::selected(egui::Role::CheckBox, true, on, galley.text()));
    if ui.is_rect_visible(rect) {
        let c = MarkColors::of(ui.visuals());
        let painter = ui.painter();
        let fill = if on { c.ink } else { c.inside };
        painter.rect(
            mark,
            4.0,
            fill,
            Stroke::new(border(&response), c.ink),
            egui::StrokeKind::Inside,
        );
        if on {
            let r = mark.shrink(5.0);
            let points = vec![
                pos2(r.left(), r.center().y),
                pos2(r.left() + r.width() * 0.38, r.bottom() - 1.0),
                pos2(r.right(), r.top() + 1.0),
            ];
            painter.add(egui::Shape::line(points, Stroke::new(3.0, c.tick)));
        }
        focus_ring(ui, &response, mark, 4.0);
        painter.galley(text_pos(rect), galley, c.ink);
    }
    response
}

/// A radio button with `text`; returns clicked when chosen.
pub fn radio(ui: &mut Ui, selected: bool, text: &str, size: f32) -> Response {
    let (rect, mark, galley, response) = row(ui, text, size);
    response.widget_info(|| {
        WidgetInfo::selected(egui::Role::RadioButton, true, selected, galley.text())
    });
    if ui.is_rect_visible(rect) {
        let c = MarkColors::of(ui.visuals());
        let painter = ui.painter();
        let radius = MARK_SIZE / 2.0;
        painter.circle(
            mark.center(),
            radius - border(&response) / 2.0,
            c.inside,
            Stroke::new(border(&response), c.ink),
        );
        if selected {
            painter.circle_filled(mark.center(), radius * 0.5, c.ink);
        }
        focus_ring(ui, &response, mark, radius + 3.0);
        painter.galley(text_pos(rect), galley, c.ink);
    }
    response
}

/// The fill and text colour of an option button, chosen or not. A chosen
/// option is filled with the ink (≥ 3:1 against its unchosen neighbours,
/// which are filled like an empty box) and carries a tick: never colour alone.
pub fn option_colours(visuals: &Visuals, chosen: bool) -> (Color32, Color32) {
    let c = MarkColors::of(visuals);
    if chosen {
        (c.ink, c.tick)
    } else {
        (c.inside, c.ink)
    }
}

/// A button among options (a step of a scale, a checklist, a monitor, a
/// tab): the chosen one is filled with ink and has a tick before its text;
/// the others have a visible border. Text of `size` points, or the button
/// size when `None`.
pub fn option(ui: &mut Ui, chosen: bool, text: &str, size: Option<f32>) -> Response {
    let (fill, ink) = option_colours(ui.visuals(), chosen);
    // The colour goes into the text itself: the theme's text colour would
    // otherwise win over the colour given when painting.
    let mut rich = RichText::new(text).color(ink);
    if let Some(size) = size {
        rich = rich.size(size);
    }
    let galley = WidgetText::from(rich).into_galley(
        ui,
        Some(TextWrapMode::Extend),
        f32::INFINITY,
        TextStyle::Button,
    );
    let line = galley.rows.first().map_or(16.0, |r| r.rect().height());
    let tick = (line * 0.8).max(12.0);
    let pad = vec2(10.0, 6.0);
    let width = pad.x * 2.0 + tick + 6.0 + galley.size().x;
    let height = (galley.size().y + pad.y * 2.0).max(36.0);
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::click());
    response.widget_info(|| WidgetInfo::selected(egui::Role::Button, true, chosen, galley.text()));
    if ui.is_rect_visible(rect) {
        let c = MarkColors::of(ui.visuals());
        let stroke = if chosen {
            Stroke::new(3.0, c.ink)
        } else {
            Stroke::new(border(&response), c.edge)
        };
        let painter = ui.painter();
        painter.rect(rect, 6.0, fill, stroke, egui::StrokeKind::Inside);
        let text_top = rect.center().y - galley.size().y / 2.0;
        if chosen {
            let m = Rect::from_min_size(
                pos2(rect.left() + pad.x, text_top + (line - tick) / 2.0),
                vec2(tick, tick),
            );
            let points = vec![
                pos2(m.left(), m.center().y),
                pos2(m.left() + m.width() * 0.38, m.bottom() - 1.0),
                pos2(m.right(), m.top() + 1.0),
            ];
            painter.add(egui::Shape::line(points, Stroke::new(3.0, ink)));
        }
        let text_pos = pos2(rect.left() + pad.x + tick + 6.0, text_top);
        painter.galley(text_pos, galley, ink);
        focus_ring(ui, &response, rect, 6.0);
    }
    response
}

/// Lays out a row: mark on the left, the wrapped text beside it. `text`
/// may be empty. Returns the row, the mark, the text and the response.
fn row(ui: &mut Ui, text: &str, size: f32) -> (Rect, Rect, std::sync::Arc<egui::Galley>, Response) {
    let spare = ui.available_width() - MARK_SIZE - GAP;
    let galley = WidgetText::from(RichText::new(text).size(size)).into_galley(
        ui,
        Some(TextWrapMode::Wrap),
        spare.max(40.0),
        TextStyle::Body,
    );
    let width = MARK_SIZE + GAP + galley.size().x;
    let height = galley.size().y.max(MARK_SIZE);
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::click());
    // The mark sits level with the first line of text.
    let first_line = galley.rows.first().map_or(MARK_SIZE, |r| r.rect().height());
    let top = rect.top() + ((first_line - MARK_SIZE) / 2.0).max(0.0);
    let mark = Rect::from_min_size(pos2(rect.left(), top), vec2(MARK_SIZE, MARK_SIZE));
    (rect, mark, galley, response)
}

fn text_pos(rect: Rect) -> egui::Pos2 {
    pos2(rect.left() + MARK_SIZE + GAP, rect.top())
}

/// Thicker border under the mouse.
fn border(response: &Response) -> f32 {
    if response.hovered() {
        BORDER + 1.0
    } else {
        BORDER
    }
}

/// A ring in the accent colour around a mark with the keyboard focus.
fn focus_ring(ui: &Ui, response: &Response, mark: Rect, radius: f32) {
    if response.has_focus() {
        let color = super::theme::accent(ui);
        ui.painter().rect_stroke(
            mark.expand(3.0),
            radius,
            Stroke::new(2.0, color),
            egui::StrokeKind::Outside,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contrast(a: Color32, b: Color32) -> f64 {
        f64::from(super::super::theme::contrast(a, b))
    }

    #[test]
    fn marks_contrast_in_both_themes() {
        for dark in [false, true] {
            let ctx = egui::Context::default();
            crate::ui::theme::apply_theme(&ctx, dark);
            let c = MarkColors::of(&ctx.global_style().visuals);
            for (what, a, b) in [
                ("border on panel", c.ink, c.panel),
                ("border on inside", c.ink, c.inside),
                ("tick on ticked box", c.tick, c.ink),
                ("dot on inside", c.ink, c.inside),
                ("field edge on inside", c.edge, c.inside),
                ("field edge on panel", c.edge, c.panel),
            ] {
                let ratio = contrast(a, b);
                assert!(ratio >= 4.5, "dark={dark}: {what} is {ratio:.2}:1");
            }
            // A chosen option against its neighbours, and its text.
            let (on, on_text) = option_colours(&ctx.global_style().visuals, true);
            let (off, off_text) = option_colours(&ctx.global_style().visuals, false);
            for (what, a, b, least) in [
                ("chosen beside unchosen", on, off, 3.0),
                ("chosen on the panel", on, c.panel, 3.0),
                ("text on chosen", on_text, on, 4.5),
                ("text on unchosen", off_text, off, 4.5),
                ("unchosen border on panel", c.edge, c.panel, 3.0),
            ] {
                let ratio = contrast(a, b);
                assert!(ratio >= least, "dark={dark}: {what} is {ratio:.2}:1");
            }
            // egui's own check boxes and buttons (the room tab) have a border
            // that stands out from the panel.
            let w = &ctx.global_style().visuals.widgets.inactive;
            let ratio = contrast(w.bg_stroke.color, c.panel);
            assert!(
                ratio >= 3.0 && w.bg_stroke.width >= 1.0,
                "dark={dark}: widget border {ratio:.2}:1"
            );
        }
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
    }
}
