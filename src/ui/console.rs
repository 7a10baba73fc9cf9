//! The presenter console: what is on screen now and next, the notes, the
//! clocks, and the agenda with planned versus actual minutes.

use chrono::Timelike;
use egui::{Align, Layout, Rect, RichText, Ui};

use crate::model::{Item, RoomItem, Workshop};

use super::present::Presenter;
use super::room_panel::RoomView;
use super::{Command, Now, Stage, rich, theme};

/// What the console needs to know about the screens.
pub struct Screens {
    pub stage: Stage,
    /// Names of the monitors found, and the one the audience window is on.
    pub monitors: Vec<String>,
    pub projector: usize,
    /// The slide is shown beside the console, so the current item is not repeated.
    pub compact: bool,
}

pub struct Console {
    /// Text size of the speaker notes, in points.
    pub notes_size: f32,
    /// The "Begonnen om" field as typed.
    pub start_input: String,
    /// The right-hand column shows the notes or the room.
    pub tab: Tab,
}

/// What the right-hand column of the console shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Notes,
    Room,
}

impl Default for Console {
    fn default() -> Self {
        Self {
            notes_size: 20.0,
            start_input: String::new(),
            tab: Tab::Notes,
        }
    }
}

/// Seconds until the next whole minute of a clock that reads `secs`.
fn to_next_minute(secs: f64) -> f64 {
    60.0 - secs.rem_euclid(60.0)
}

impl Console {
    /// Draw the console in `ui`.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        p: &mut Presenter,
        w: &Workshop,
        now: Now,
        screens: &Screens,
        room: &RoomView<'_>,
    ) -> Vec<Command> {
        let compact = screens.compact;
        let mut out = Vec::new();
        if let Some(r) = p.deck.current().filter(|r| p.is_ticking(*r, now)) {
            p.repaint_on_change(ui, r, now);
        } else {
            // Only whole minutes are shown: repaint when one of them turns over.
            let wall = f64::from(now.wall.time().num_seconds_from_midnight())
                + f64::from(now.wall.time().nanosecond()) / 1e9;
            let mut wait = to_next_minute(wall);
            if let Some(s) = &p.session {
                wait = wait.min(to_next_minute(s.elapsed_secs(now.wall)));
                if let Some(section) = s.current_section() {
                    wait = wait.min(to_next_minute(s.actual_secs(section, now.wall)));
                }
            }
            ui.ctx().request_repaint_after_secs(wait.max(0.05) as f32);
        }
        let rect = ui.max_rect();
        // Rows grow with Ctrl+plus, so the agenda's height follows the text.
        let row = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y + 2.0;
        let agenda_h = ((w.sections.len() as f32 + 2.6) * row).min(rect.height() * 0.45);
        // The header wraps onto more lines when it does not fit one.
        let header = ui
            .scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
                self.header(ui, p, w, now, screens, &mut out);
            })
            .response
            .rect;
        let agenda =
            Rect::from_min_max(egui::pos2(rect.left(), rect.bottom() - agenda_h), rect.max);
        let middle = Rect::from_min_max(
            egui::pos2(rect.left(), header.bottom() + 8.0),
            egui::pos2(rect.right(), agenda.top().max(header.bottom() + 60.0) - 8.0),
        );
        ui.scope_builder(egui::UiBuilder::new().max_rect(middle), |ui| {
            out.extend(self.middle(ui, p, w, now, compact, room));
        });
        ui.scope_builder(egui::UiBuilder::new().max_rect(agenda), |ui| {
            super::agenda::agenda_table(ui, p, w, now);
        });
        out
    }

    fn header(
        &mut self,
        ui: &mut Ui,
        p: &mut Presenter,
        w: &Workshop,
        now: Now,
        screens: &Screens,
        out: &mut Vec<Command>,
    ) {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(now.wall.format("%H:%M").to_string())
                    .size(40.0)
                    .family(theme::clock_family()),
            );
            ui.add_space(12.0);
            ui.vertical(|ui| {
                if let Some(s) = &p.session {
                    ui.label(
                        RichText::new(format!(
                            "Bezig: {}",
                            super::agenda::minutes(s.elapsed_secs(now.wall))
                        ))
                        .size(18.0),
                    );
                    let behind = s.behind_secs(w, now.wall);
                    let (text, colour) = if behind > 60.0 {
                        (
                            format!("{} min achter op schema", (behind / 60.0).round()),
                            theme::late(ui),
                        )
                    } else if behind < -60.0 {
                        (
                            format!("{} min voor op schema", (-behind / 60.0).round()),
                            theme::on_time(ui),
                        )
                    } else {
                        ("Op schema".to_owned(), theme::on_time(ui))
                    };
                    ui.label(
                        RichText::new(text)
                            .size(18.0)
                            .color(colour)
                            .family(theme::bold_family()),
                    );
                }
            });
            ui.add_space(16.0);
            ui.vertical(|ui| {
                let label = ui.label("Begonnen om");
                let started = p
                    .session
                    .as_ref()
                    .map(|s| s.started().format("%H:%M").to_string());
                if self.start_input.is_empty() {
                    self.start_input = started.unwrap_or_default();
                }
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut self.start_input).desired_width(64.0))
                    .labelled_by(label.id);
                if edit.lost_focus()
                    && let (Some(s), Ok(t)) = (
                        p.session.as_mut(),
                        chrono::NaiveTime::parse_from_str(self.start_input.trim(), "%H:%M"),
                    )
                {
                    s.set_started(now.wall.date().and_time(t));
                }
            });
            ui.add_space(16.0);
            {
                if ui
                    .button("Tijden…")
                    .on_hover_text("Gepland en werkelijk per onderdeel")
                    .clicked()
                {
                    out.push(Command::ShowTimes);
                }
                if ui
                    .button("Programma…")
                    .on_hover_text("Programma aanpassen: weglaten, minuten, volgorde")
                    .clicked()
                {
                    out.push(Command::ShowProgramme);
                }
                let two = matches!(screens.stage, Stage::TwoScreens { .. });
                if two && ui.button("Wissel schermen (S)").clicked() {
                    out.push(Command::SwapScreens);
                }
                if two && screens.monitors.len() > 1 {
                    let current = screens
                        .monitors
                        .get(screens.projector)
                        .cloned()
                        .unwrap_or_default();
                    egui::ComboBox::from_label("Projector")
                        .selected_text(current)
                        .show_ui(ui, |ui| {
                            for (i, name) in screens.monitors.iter().enumerate() {
                                if super::choice::option(ui, i == screens.projector, name, None)
                                    .clicked()
                                {
                                    out.push(Command::ChooseProjector(i));
                                }
                            }
                        });
                }
                let (label, stage) = match screens.stage {
                    Stage::Slide => ("Console tonen (C)", Stage::SideBySide),
                    Stage::SideBySide => ("Twee vensters", Stage::TwoScreens { swapped: false }),
                    Stage::TwoScreens { .. } => ("Eén scherm", Stage::SideBySide),
                };
                if ui.button(label).clicked() {
                    out.push(Command::SetStage(stage));
                }
                if ui.button("Stoppen (Esc)").clicked() {
                    out.push(Command::ToStart);
                }
            }
        });
        ui.separator();
    }

    fn middle(
        &mut self,
        ui: &mut Ui,
        p: &mut Presenter,
        w: &Workshop,
        now: Now,
        compact: bool,
        room: &RoomView<'_>,
    ) -> Vec<Command> {
        let mut out = Vec::new();
        let rect = ui.max_rect();
        let previews_w = if compact {
            rect.width() * 0.42
        } else {
            rect.width() * 0.5
        };
        let left = Rect::from_min_size(rect.min, egui::vec2(previews_w, rect.height()));
        let right = Rect::from_min_max(egui::pos2(left.right() + 16.0, rect.top()), rect.max);
        let current = p.deck.current();
        let preview = |ui: &mut Ui, p: &mut Presenter, title: String, r, width: f32, live: bool| {
            ui.label(RichText::new(title).size(16.0).family(theme::bold_family()));
            let (frame, _) =
                ui.allocate_exact_size(egui::vec2(width, width * 9.0 / 16.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(frame, 4.0, ui.visuals().extreme_bg_color);
            ui.painter().rect_stroke(
                frame,
                4.0,
                egui::Stroke::new(1.0, ui.visuals().weak_text_color()),
                egui::StrokeKind::Inside,
            );
            match r {
                Some(r) => {
                    if super::console_timer::is_up(p, w, r, now) {
                        // The red of the projector, so the white words show.
                        ui.painter()
                            .rect_filled(frame, 4.0, super::item_view::TIME_UP);
                    }
                    p.draw_item(ui, frame, w, r, now);
                    if live {
                        // Pen and laser work here too, and show on the projector.
                        p.ink.surface(ui, frame, r);
                        p.ink.paint(ui, frame, r);
                    }
                }
                None => {
                    ui.put(
                        frame,
                        egui::Label::new(
                            RichText::new("Einde").color(ui.visuals().weak_text_color()),
                        ),
                    );
                }
            }
            ui.add_space(10.0);
        };
        let big = previews_w.min((left.height() * 0.55 - 22.0) * 16.0 / 9.0);
        if !compact {
            let place = current.and_then(|r| w.place(r));
            let title =
                place.map_or_else(|| "Nu".to_owned(), |pl| format!("Nu · {}", pl.kind_text()));
            preview(ui, p, title, current, big, true);
        }
        preview(
            ui,
            p,
            "Hierna".to_owned(),
            p.deck.next_ref(),
            if compact { big } else { big * 0.6 },
            false,
        );
        ui.scope_builder(egui::UiBuilder::new().max_rect(right), |ui| {
            ui.horizontal(|ui| {
                if super::choice::option(ui, self.tab == Tab::Notes, "Notities", None).clicked() {
                    self.tab = Tab::Notes;
                }
                let label = match room.status {
                    Some(s) => format!("Zaal ({})", s.devices),
                    None => "Zaal".to_owned(),
                };
                if super::choice::option(ui, self.tab == Tab::Room, &label, None).clicked() {
                    self.tab = Tab::Room;
                }
            });
            match self.tab {
                Tab::Notes => self.notes(ui, p, w, now),
                Tab::Room => {
                    egui::ScrollArea::vertical()
                        .id_salt("room")
                        .auto_shrink([false, false])
                        .show(ui, |ui| out.extend(super::room_panel::ui(ui, w, room)));
                }
            }
        });
        out
    }

    fn notes(&mut self, ui: &mut Ui, p: &mut Presenter, w: &Workshop, now: Now) {
        let Some(r) = p.deck.current() else {
            return;
        };
        let Some(item) = w.item(r) else {
            return;
        };
        let size = self.notes_size;
        // The trainer's part of the item (notes), else what the room sees.
        let note = item.for_trainer();
        ui.horizontal(|ui| {
            let title = note.map_or_else(|| item.kind().label(), |n| n.heading);
            ui.label(RichText::new(title).size(18.0).family(theme::bold_family()));
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if ui.button("A+").on_hover_text("Notities groter").clicked() {
                    self.notes_size = (self.notes_size + 2.0).min(48.0);
                }
                if ui.button("A−").on_hover_text("Notities kleiner").clicked() {
                    self.notes_size = (self.notes_size - 2.0).max(12.0);
                }
            });
        });
        if let Item::Timer(t) = item {
            super::console_timer::controls(ui, p, w, r, now);
            if super::console_timer::is_up(p, w, r, now) {
                super::console_timer::time_up(ui, &t.label);
            }
        }
        let mut rows = Vec::new();
        let view = egui::ScrollArea::vertical()
            .id_salt(("notes", r))
            .auto_shrink([false, false])
            .show(ui, |ui| match (note, item.for_room()) {
                (Some(n), _) => rows = rich::blocks_with_rows(ui, n.text.blocks(), size),
                (None, RoomItem::Slide(_) | RoomItem::Case(_)) => {
                    ui.weak("Geen notities bij dit onderdeel.");
                }
                (None, RoomItem::Checklist(c)) => {
                    rows = rich::blocks_with_rows(ui, c.intro.blocks(), size);
                }
                (None, RoomItem::Timer(t)) => {
                    rows = rich::blocks_with_rows(ui, t.instruction.blocks(), size);
                }
                (None, RoomItem::Break(b)) => {
                    let resume = p.break_resume(r).map(|t| t.format("%H:%M").to_string());
                    rich::text(
                        ui,
                        &format!(
                            "{} van {} minuten; verder om {}",
                            b.label,
                            b.minutes,
                            resume.unwrap_or_default()
                        ),
                        size,
                    );
                }
            })
            .inner_rect;
        // A line the edge of the view would cut in half is not shown: the
        // trainer scrolls to it (it was cut mid-line at Ctrl+plus ×3).
        rich::hide_cut_rows(ui, view, &rows, ui.visuals().panel_fill);
    }
}
