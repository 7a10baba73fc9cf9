//! Pen and laser pointer, as PowerPoint users know them.
//!
//! **Ctrl+L** shows a red dot where the mouse is, on the projector as well
//! as in the console's preview of the current item; **Ctrl+P** lets the
//! trainer draw on the current item (keys 1–4 choose a colour, **E** wipes
//! the item). Positions are kept relative to the item's area, so the same ink
//! shows on the projector and in the preview, whatever their sizes. Ink is
//! kept per item for as long as the app runs and is never written anywhere.

use std::collections::HashMap;

use egui::{Color32, CursorIcon, Key, Modifiers, Pos2, Rect, Sense, Ui};

use crate::model::ItemRef;

/// The pen's colours: red, blue, green, black (keys 1–4).
pub const COLOURS: [(&str, Color32); 4] = [
    ("rood", Color32::from_rgb(0xD0, 0x1C, 0x1C)),
    ("blauw", Color32::from_rgb(0x1A, 0x56, 0xC9)),
    ("groen", Color32::from_rgb(0x1B, 0x7B, 0x2A)),
    ("zwart", Color32::from_rgb(0x10, 0x10, 0x10)),
];

/// One line drawn with the pen; points relative to the item's area (0–1).
#[derive(Debug, Clone, PartialEq)]
pub struct Stroke {
    pub colour: usize,
    pub points: Vec<Pos2>,
}

/// The state of pen and laser pointer.
#[derive(Debug, Clone, Default)]
pub struct Ink {
    pub laser: bool,
    pub pen: bool,
    /// Index into [`COLOURS`].
    pub colour: usize,
    strokes: HashMap<ItemRef, Vec<Stroke>>,
    drawing: Option<(ItemRef, Stroke)>,
    /// Where the pointer is, relative to the item's area, when it is over one.
    pointer: Option<Pos2>,
}

impl Ink {
    /// The finished strokes on an item.
    pub fn strokes(&self, r: ItemRef) -> &[Stroke] {
        self.strokes.get(&r).map_or(&[], Vec::as_slice)
    }

    /// Whether anything was drawn on any item.
    pub fn has_strokes(&self) -> bool {
        self.strokes.values().any(|s| !s.is_empty())
    }

    /// Where the laser dot is (relative to the item's area), if it shows.
    pub fn dot(&self) -> Option<Pos2> {
        self.pointer.filter(|_| self.laser)
    }

    /// Keys of pen and laser; `true` when the key was theirs.
    pub fn key(&mut self, key: Key, mods: Modifiers, current: Option<ItemRef>) -> bool {
        if mods.command && !mods.alt && !mods.shift {
            match key {
                Key::L => {
                    self.laser = !self.laser;
                    if self.laser {
                        self.pen = false;
                    }
                    return true;
                }
                Key::P => {
                    self.pen = !self.pen;
                    if self.pen {
                        self.laser = false;
                    }
                    return true;
                }
                _ => return false,
            }
        }
        if mods.any() {
            return false;
        }
        match key {
            Key::E => {
                if let Some(r) = current {
                    self.strokes.remove(&r);
                }
                self.drawing = None;
                true
            }
            Key::Num1 | Key::Num2 | Key::Num3 | Key::Num4 if self.pen => {
                self.colour = match key {
                    Key::Num1 => 0,
                    Key::Num2 => 1,
                    Key::Num3 => 2,
                    _ => 3,
                };
                true
            }
            _ => false,
        }
    }

    /// Follow the mouse over `rect`, where item `r` is shown: the laser dot,
    /// and drawing with the pen. Call once per surface per frame.
    pub fn surface(&mut self, ui: &mut Ui, rect: Rect, r: ItemRef) {
        if !self.pen && !self.laser {
            return;
        }
        let sense = if self.pen {
            Sense::click_and_drag()
        } else {
            Sense::hover()
        };
        let response = ui.interact(rect, ui.scope_id().with(("inkt", r)), sense);
        let to_rel = |p: Pos2| {
            Pos2::new(
                (p.x - rect.left()) / rect.width().max(1.0),
                (p.y - rect.top()) / rect.height().max(1.0),
            )
        };
        if let Some(p) = response.hover_pos() {
            self.pointer = Some(to_rel(p));
            ui.ctx().set_cursor_icon(if self.pen {
                CursorIcon::Crosshair
            } else {
                CursorIcon::None
            });
        } else if ui
            .input(|i| i.pointer.latest_pos())
            .is_none_or(|p| !rect.contains(p))
        {
            // Only the surface that had the pointer clears it.
            if response.hovered() {
                self.pointer = None;
            }
        }
        if !self.pen {
            return;
        }
        if response.drag_started()
            && let Some(p) = response.interact_pointer_pos()
        {
            // The line starts where the button went down, not where the
            // movement became a drag.
            let origin = ui.input(|i| i.pointer.press_origin()).unwrap_or(p);
            let stroke = Stroke {
                colour: self.colour,
                points: vec![to_rel(origin), to_rel(p)],
            };
            self.drawing = Some((r, stroke));
        }
        if response.dragged()
            && let (Some(p), Some((at, stroke))) =
                (response.interact_pointer_pos(), &mut self.drawing)
            && *at == r
        {
            let p = to_rel(p);
            if stroke.points.last().is_none_or(|q| q.distance(p) > 0.001) {
                stroke.points.push(p);
            }
        }
        if (response.drag_stopped() || response.clicked())
            && let Some((at, mut stroke)) = self.drawing.take()
        {
            if stroke.points.len() == 1 {
                // A click makes a dot.
                let p = stroke.points[0];
                stroke.points.push(Pos2::new(p.x + 0.0005, p.y));
            }
            self.strokes.entry(at).or_default().push(stroke);
        }
    }

    /// Paint the ink of item `r` and the laser dot in `rect`.
    pub fn paint(&self, ui: &Ui, rect: Rect, r: ItemRef) {
        let painter = ui.painter_at(rect);
        let from_rel = |p: Pos2| rect.min + egui::vec2(p.x * rect.width(), p.y * rect.height());
        let width = (rect.height() / 160.0).max(2.0);
        let in_progress = self
            .drawing
            .iter()
            .filter(|(at, _)| *at == r)
            .map(|(_, s)| s);
        for stroke in self.strokes(r).iter().chain(in_progress) {
            let colour = COLOURS.get(stroke.colour).map_or(Color32::RED, |c| c.1);
            let points: Vec<Pos2> = stroke.points.iter().map(|p| from_rel(*p)).collect();
            painter.add(egui::Shape::line(points, egui::Stroke::new(width, colour)));
        }
        if let Some(dot) = self.dot() {
            let centre = from_rel(dot);
            let radius = (rect.height() / 90.0).max(4.0);
            painter.circle_filled(
                centre,
                radius * 1.8,
                Color32::from_rgba_unmultiplied(255, 30, 30, 60),
            );
            painter.circle_filled(centre, radius, Color32::from_rgb(0xFF, 0x1E, 0x1E));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_switch_tools_and_wipe_one_item() {
        let mut ink = Ink::default();
        let a = ItemRef {
            section: 0,
            item: 0,
        };
        let b = ItemRef {
            section: 0,
            item: 1,
        };
        assert!(ink.key(Key::L, Modifiers::COMMAND, Some(a)));
        assert!(ink.laser && !ink.pen);
        assert!(ink.key(Key::P, Modifiers::COMMAND, Some(a)));
        assert!(ink.pen && !ink.laser, "the pen puts the laser away");
        assert!(ink.key(Key::Num2, Modifiers::NONE, Some(a)));
        assert_eq!(COLOURS[ink.colour].0, "blauw");
        for r in [a, b] {
            ink.strokes.entry(r).or_default().push(Stroke {
                colour: 0,
                points: vec![Pos2::ZERO, Pos2::new(0.5, 0.5)],
            });
        }
        assert!(ink.key(Key::E, Modifiers::NONE, Some(a)));
        assert!(ink.strokes(a).is_empty());
        assert_eq!(ink.strokes(b).len(), 1, "other items keep their ink");
        assert!(!ink.key(Key::Num2, Modifiers::SHIFT, Some(a)));
        ink.pen = false;
        assert!(
            !ink.key(Key::Num3, Modifiers::NONE, Some(a)),
            "digits are for dia numbers"
        );
    }
}
