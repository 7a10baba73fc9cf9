//! Draws one item for the audience, scaled to the area it gets.

use egui::{Align, Layout, Rect, RichText, Ui};

use crate::model::{Checklist, ChecklistItem, Item, RoomCase, RoomItem, RoomSlide};

use super::countdown::Countdown;
pub use super::item_clock::{TIME_UP, time_is_up};
use super::item_clock::{draw_break, draw_timer};
use super::scale::{FIT_STEPS, GROW_STEPS, fit_factor};
pub use super::scale::{Fit, Scale, quantise};
use super::{Now, rich, theme};

/// The state of the clocks of the current item.
pub struct Clocks<'a> {
    pub countdown: Option<&'a Countdown>,
    pub break_resume: Option<chrono::NaiveDateTime>,
    pub now: Now,
}

/// Draw `item` in `rect`, with all text scaled by `fit` (at most 1). A short
/// slide is moved down, so it does not hang at the top of an empty screen.
pub fn draw(ui: &mut Ui, item: &Item, rect: Rect, clocks: &Clocks, fit: Fit) {
    let spare = rect.height() - fit.height;
    let balanced = match item {
        Item::Slide(_) if spare > rect.height() * 0.25 => {
            let top = rect.top() + spare * 0.3;
            Rect::from_min_max(egui::pos2(rect.left(), top), rect.max)
        }
        Item::Slide(_) | Item::Case(_) | Item::Checklist(_) | Item::Timer(_) | Item::Break(_) => {
            rect
        }
    };
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(balanced)
            .layout(Layout::top_down(Align::Min)),
    );
    // A checklist spreads its items over what the fit left empty.
    let spare = (rect.height() - fit.height).max(0.0);
    contents(&mut child, item, rect.height(), clocks, fit.factor, spare);
}

fn contents(ui: &mut Ui, item: &Item, height: f32, clocks: &Clocks, fit: f32, spare: f32) {
    let zoom = ui.ctx().zoom_factor();
    let base = Scale::for_height(height * zoom);
    let s = base.times(fit);
    // Only the room's part of the item: trainer notes are not in it.
    match item.for_room() {
        RoomItem::Slide(slide) => draw_slide(ui, slide, s, height),
        RoomItem::Case(case) => draw_case(ui, case, s, Reading::new(base, fit)),
        RoomItem::Checklist(c) => draw_checklist(ui, c, s, Reading::new(base, fit), spare),
        RoomItem::Timer(t) => draw_timer(ui, t, s, clocks),
        RoomItem::Break(b) => draw_break(ui, b, s, clocks),
    }
}

/// The largest text factor (at most 1) at which `item` fits in `rect`, found
/// by laying it out invisibly. A break is short; a timer's instruction can
/// be long enough to run into the progress line.
pub fn fit(ui: &mut Ui, item: &Item, rect: Rect, clocks: &Clocks) -> Fit {
    if matches!(item, Item::Break(_)) || time_is_up(item, clocks) {
        return Fit {
            factor: 1.0,
            height: rect.height(),
        };
    }
    let mut measure = |factor: f32| {
        let tall = Rect::from_min_size(rect.min, egui::vec2(rect.width(), rect.height() * 20.0));
        let mut child = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(tall)
                .layout(Layout::top_down(Align::Min))
                .invisible(),
        );
        contents(&mut child, item, rect.height(), clocks, factor, 0.0);
        child.min_rect().height()
    };
    // Checklists and cases grow to fill the screen (their text is read at
    // the back of the room); other items only shrink.
    let grow = match item {
        Item::Checklist(_) | Item::Case(_) => GROW_STEPS,
        Item::Slide(_) | Item::Timer(_) | Item::Break(_) => 0,
    };
    let largest = fit_factor(-grow);
    let full = measure(largest);
    if full <= rect.height() {
        return Fit {
            factor: largest,
            height: full,
        };
    }
    // The largest factor of the ladder that fits. Step by step from the top:
    // with columns and wrapping the height is not monotonic in the factor,
    // so a binary search could land several steps too small.
    for step in (1 - grow)..FIT_STEPS {
        let factor = fit_factor(step);
        let height = measure(factor);
        if height <= rect.height() {
            return Fit { factor, height };
        }
    }
    let factor = fit_factor(FIT_STEPS);
    Fit {
        factor,
        height: measure(factor).min(rect.height()),
    }
}

/// The sizes of a checklist or case, read from the back of the room. At 1080
/// its text is at least 36 px. A long item shrinks its long text (the
/// situation, the introduction) first; the questions and items keep their
/// size until that text is a quarter smaller.
#[derive(Debug, Clone, Copy)]
struct Reading {
    /// The title: it does not grow with the text.
    title: f32,
    /// Questions, items, headings.
    text: f32,
    /// The situation of a case, the introduction of a checklist.
    long: f32,
}

impl Reading {
    const KEEP: f32 = 0.75;

    fn new(base: Scale, fit: f32) -> Self {
        let text = base.body * 0.9;
        let short = if fit >= 1.0 {
            fit
        } else if fit >= Self::KEEP {
            1.0
        } else {
            fit / Self::KEEP
        };
        Self {
            title: quantise(base.title * 0.8 * short.min(1.0)),
            // 36,5 px at 1080: the items and questions just above the floor,
            // so the long text keeps more of its size.
            text: quantise(text * 0.95 * short),
            long: quantise(text * fit),
        }
    }
}

fn title(ui: &mut Ui, text: &str, s: Scale) {
    title_sized(ui, text, s, s.title);
    ui.add_space(s.body * 0.9);
}

/// A title with its accent line, without the space under it.
fn title_sized(ui: &mut Ui, text: &str, s: Scale, size: f32) {
    rich::bold(ui, text, size);
    let y = ui.cursor().top() + s.small * 0.2;
    let x = ui.max_rect().left();
    ui.painter().line_segment(
        [egui::pos2(x, y), egui::pos2(x + size * 2.5, y)],
        egui::Stroke::new((s.small * 0.25).max(3.0), theme::accent(ui)),
    );
}

fn kicker(ui: &mut Ui, text: &str, size: f32) {
    ui.label(
        RichText::new(text)
            .size(size)
            .color(theme::accent(ui))
            .family(theme::bold_family()),
    );
}

fn draw_slide(ui: &mut Ui, slide: RoomSlide<'_>, s: Scale, height: f32) {
    title(ui, slide.title, s);
    super::slide_view::body_and_picture(ui, slide, s, height);
}

fn draw_case(ui: &mut Ui, case: RoomCase<'_>, s: Scale, r: Reading) {
    let text = r.text;
    kicker(ui, &format!("Casus · {}", case.who), text);
    title_sized(ui, case.title, s, r.title);
    ui.add_space(text * 0.6);
    // The columns share the width so that neither runs far below the other:
    // the share where the taller of the two is lowest.
    let gap = text * 1.0;
    let width = ui.available_width();
    let split = |share: f32| {
        let left = ((width - gap) * share).max(1.0);
        (left, (width - gap - left).max(1.0))
    };
    let questions_height = |w: f32| {
        let number = text * 1.3;
        let job_height = |q: &str| {
            let font = egui::FontId::proportional(text);
            let colour = ui.visuals().text_color();
            let galley = ui
                .ctx()
                .fonts_mut(|f| f.layout(q.to_owned(), font, colour, (w - number).max(1.0)));
            galley.size().y + text * 0.3 + ui.spacing().item_spacing.y
        };
        text * 1.6 + case.questions.iter().map(|q| job_height(q)).sum::<f32>()
    };
    let taller = |share: f32| {
        let (left, right) = split(share);
        let situation = rich::blocks_height(ui, case.situation.blocks(), r.long, left);
        situation.max(questions_height(right))
    };
    let share = [0.45, 0.5, 0.55, 0.6, 0.65, 0.7]
        .into_iter()
        .min_by(|a, b| taller(*a).total_cmp(&taller(*b)))
        .unwrap_or(0.6);
    let (left, right) = split(share);
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        ui.allocate_ui_with_layout(egui::vec2(left, 0.0), Layout::top_down(Align::Min), |ui| {
            ui.set_width(left);
            rich::blocks(ui, case.situation.blocks(), r.long);
        });
        ui.add_space(gap);
        ui.allocate_ui_with_layout(egui::vec2(right, 0.0), Layout::top_down(Align::Min), |ui| {
            ui.set_width(right);
            rich::bold(ui, "Bespreek samen", text);
            ui.add_space(text * 0.3);
            for (i, q) in case.questions.iter().enumerate() {
                ui.horizontal_top(|ui| {
                    // A fixed column for the numbers, so every question starts
                    // at the same place whatever the width of its digit.
                    let (slot, _) =
                        ui.allocate_exact_size(egui::vec2(text * 1.3, text), egui::Sense::hover());
                    ui.painter().text(
                        slot.left_top(),
                        egui::Align2::LEFT_TOP,
                        format!("{}.", i + 1),
                        egui::FontId::new(text, theme::bold_family()),
                        theme::accent(ui),
                    );
                    rich::text(ui, q, text);
                });
                ui.add_space(text * 0.3);
            }
        });
    });
}

/// A short Dutch description of how an item is answered: shown once above
/// a run of items answered the same way.
pub fn answer_hint(item: &ChecklistItem) -> String {
    match item {
        ChecklistItem::Check(_) => "Afvinken".to_owned(),
        ChecklistItem::YesNo(_) => "Ja of nee".to_owned(),
        ChecklistItem::Scale {
            left, right, steps, ..
        } => format!("{left} 1 – {steps} {right}"),
        ChecklistItem::Open { .. } => "Open vragen".to_owned(),
    }
}

/// The items of one column, under a heading that says how they are
/// answered, repeated only where that changes.
fn checklist_items(ui: &mut Ui, items: &[ChecklistItem], size: f32, gap: f32) {
    let mut last: Option<String> = None;
    for item in items {
        let hint = answer_hint(item);
        if last.as_deref() != Some(hint.as_str()) {
            if last.is_some() {
                ui.add_space(size * 0.3);
            }
            // In the ink colour: grey text is lost at the back of the room.
            ui.label(
                RichText::new(&hint)
                    .size(size)
                    .italics()
                    .color(ui.visuals().strong_text_color()),
            );
            last = Some(hint);
        }
        ui.horizontal_top(|ui| {
            ui.label(RichText::new("•").size(size).color(theme::accent(ui)));
            rich::text(ui, item.text(), size);
        });
        ui.add_space(gap);
    }
}

fn draw_checklist(ui: &mut Ui, c: &Checklist, s: Scale, r: Reading, spare: f32) {
    let size = r.text;
    kicker(
        ui,
        &format!("Checklist {} · {}", c.id, c.mode.label()),
        size,
    );
    title_sized(ui, &c.title, s, r.title);
    ui.add_space(size * 0.6);
    if !c.intro.is_empty() {
        rich::blocks(ui, c.intro.blocks(), r.long);
        ui.add_space(size * 0.4);
    }
    if c.items.len() <= 5 {
        let gap = size * 0.15 + (spare / (c.items.len() + 1) as f32).min(size * 0.6);
        checklist_items(ui, &c.items, size, gap);
        return;
    }
    // Long lists use two columns, so the text can stay large.
    let (left, right) = c.items.split_at(c.items.len().div_ceil(2));
    let gap = size * 0.15 + (spare / (left.len() + 1) as f32).min(size * 0.6);
    ui.columns(2, |cols| {
        cols[0].with_layout(Layout::top_down(Align::Min), |ui| {
            ui.set_max_width(ui.available_width() - size);
            checklist_items(ui, left, size, gap);
        });
        cols[1].with_layout(Layout::top_down(Align::Min), |ui| {
            checklist_items(ui, right, size, gap)
        });
    });
}
