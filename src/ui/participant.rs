//! Participant mode: a teacher gives a name and code (or fills in
//! anonymously) and fills in the checklists, in workshop order.

use egui::{RichText, Ui};

use crate::model::{Answer, AnswerSet, Checklist, ChecklistItem, Workshop};

use super::participant_name::NameScreen;
use super::{Command, choice, rich, theme};

/// Widest content column: comfortable lines on a 1920 px screen.
pub const MAX_COLUMN: f32 = 1040.0;
/// Size of the text of checklist items.
const ITEM_TEXT: f32 = 18.0;

#[derive(Debug, Default)]
pub struct ParticipantScreen {
    /// The answers being filled in; `None` while on the name screen.
    pub answers: Option<AnswerSet>,
    /// The name screen.
    pub name: NameScreen,
    selected: usize,
    /// Counts clears: each person's text fields get new ids, so egui's undo
    /// history of the previous person's answers is out of reach.
    generation: u64,
}

/// The label under which an (possibly empty) name is shown.
pub fn display_name(name: &str) -> &str {
    if name.is_empty() { "Anoniem" } else { name }
}

/// The name as the screen can show it: where the fonts have no glyphs for
/// it (Chinese, Arabic without a system font), a Dutch placeholder instead
/// of boxes. The PDFs have their own fonts and show the name itself.
pub fn on_screen_name(ui: &Ui, name: &str, font: &egui::FontId) -> String {
    let name = display_name(name);
    if ui.ctx().fonts_mut(|f| f.has_glyphs(font, name)) {
        name.to_owned()
    } else {
        // The app looks for a system font with these characters.
        let name = name.to_owned();
        ui.ctx().data_mut(|d| d.insert_temp(unshown_id(), name));
        "[naam in een ander schrift]".to_owned()
    }
}

fn unshown_id() -> egui::Id {
    egui::Id::unique("naam-zonder-lettertype")
}

/// The name a screen could not show this frame, if any (taken: asked once).
pub fn take_unshown_name(ctx: &egui::Context) -> Option<String> {
    ctx.data_mut(|d| d.remove_temp::<String>(unshown_id()))
}

impl ParticipantScreen {
    /// Forgets the answers on screen and empties the name screen, for the
    /// next person at the laptop. The limit on guessing codes stays.
    pub fn clear(&mut self) {
        self.answers = None;
        self.selected = 0;
        self.generation = self.generation.wrapping_add(1);
        self.name.clear();
    }

    /// `status`: what the app says about saving (e.g. "Bewaard om 14:02").
    pub fn ui(&mut self, ui: &mut Ui, workshop: &Workshop, status: &str) -> Vec<Command> {
        let mut out = Vec::new();
        if self.answers.is_none() {
            egui::CentralPanel::default().show(ui, |ui| {
                super::start::centered(ui, 560.0, |ui| self.name.ui(ui, &mut out));
            });
            return out;
        }
        let checklists: Vec<&Checklist> = workshop.checklists().collect();
        self.selected = self.selected.min(checklists.len().saturating_sub(1));
        egui::Panel::left("checklists")
            .default_size(280.0)
            .show(ui, |ui| self.sidebar(ui, &checklists, status, &mut out));
        egui::CentralPanel::default().show(ui, |ui| {
            let Some(list) = checklists.get(self.selected) else {
                ui.label("Deze workshop heeft geen checklists om in te vullen.");
                return;
            };
            // A new checklist starts at the top.
            ui.push_id((self.generation, self.selected), |ui| {
                super::start::centered(ui, MAX_COLUMN, |ui| {
                    ui.add_space(8.0);
                    if let Some(answers) = self.answers.as_mut()
                        && form(ui, list, answers)
                    {
                        out.push(Command::AnswersChanged);
                    }
                    ui.add_space(24.0);
                });
            });
        });
        out
    }

    fn sidebar(&mut self, ui: &mut Ui, lists: &[&Checklist], status: &str, out: &mut Vec<Command>) {
        ui.add_space(8.0);
        let name = self.answers.as_ref().map_or("", |a| a.participant.as_str());
        let font = egui::FontId::new(20.0, theme::bold_family());
        ui.label(RichText::new(on_screen_name(ui, name, &font)).font(font));
        ui.label(RichText::new(status).color(ui.visuals().weak_text_color()));
        ui.horizontal_wrapped(|ui| {
            if ui.button("Andere naam").clicked() {
                out.push(Command::Participate);
            }
            if ui.button("Klaar").clicked() {
                out.push(Command::ParticipantDone);
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (i, list) in lists.iter().enumerate() {
                    let done = self.answers.as_ref().map_or(0, |a| a.answered(&list.id));
                    let text = format!(
                        "{}. {}\n{done} van {} ingevuld",
                        list.id,
                        list.title,
                        list.items.len()
                    );
                    if choice::option(ui, i == self.selected, &text, None).clicked() {
                        self.selected = i;
                    }
                }
            });
    }
}

/// The form of one checklist. Returns whether an answer changed.
fn form(ui: &mut Ui, list: &Checklist, answers: &mut AnswerSet) -> bool {
    let mut changed = false;
    ui.label(RichText::new(list.mode.label()).color(theme::accent(ui)));
    ui.heading(&list.title);
    if !list.intro.is_empty() {
        rich::blocks(ui, list.intro.blocks(), ITEM_TEXT);
    }
    ui.add_space(10.0);
    for (index, item) in list.items.iter().enumerate() {
        ui.push_id(index, |ui| {
            egui::Frame::group(ui.style())
                .inner_margin(14.0)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    let answer = answers.get_mut(&list.id, index, item);
                    changed |= item_input(ui, item, answer);
                });
        });
        ui.add_space(8.0);
    }
    changed
}

/// The input of one item, as tall as its content.
fn item_input(ui: &mut Ui, item: &ChecklistItem, answer: &mut Answer) -> bool {
    match (item, answer) {
        (ChecklistItem::Check(text), Answer::Check(v)) => {
            choice::check(ui, v, text, ITEM_TEXT).changed()
        }
        (ChecklistItem::YesNo(text), Answer::YesNo(v)) => {
            rich::text(ui, text, ITEM_TEXT);
            ui.horizontal_wrapped(|ui| {
                let mut changed = false;
                for (value, word) in [(true, "Ja"), (false, "Nee")] {
                    if choice::radio(ui, *v == Some(value), word, ITEM_TEXT).clicked() {
                        *v = Some(value);
                        changed = true;
                    }
                    ui.add_space(16.0);
                }
                changed
            })
            .inner
        }
        (
            ChecklistItem::Scale {
                text,
                left,
                right,
                steps,
            },
            Answer::Scale(v),
        ) => {
            rich::text(ui, text, ITEM_TEXT);
            // One row as tall as the buttons, words centred beside them.
            let row = egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true);
            ui.allocate_ui_with_layout(egui::vec2(ui.available_width(), 36.0), row, |ui| {
                ui.label(RichText::new(left).color(ui.visuals().weak_text_color()));
                let mut changed = false;
                for step in 1..=*steps {
                    let selected = *v == Some(step);
                    let button = choice::option(ui, selected, &format!("{step}"), Some(ITEM_TEXT));
                    if button.clicked() {
                        *v = if selected { None } else { Some(step) };
                        changed = true;
                    }
                }
                ui.label(RichText::new(right).color(ui.visuals().weak_text_color()));
                changed
            })
            .inner
        }
        (ChecklistItem::Open { question, lines }, Answer::Open(text)) => {
            let label = rich::text(ui, question, ITEM_TEXT);
            let id = ui.make_persistent_id("open");
            ui.add(
                egui::TextEdit::multiline(text)
                    .id(id)
                    .frame(choice::field_frame(ui, id))
                    .desired_rows(usize::from(*lines).max(1))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
            .changed()
        }
        // `get_mut` always returns an answer that fits the item.
        _ => false,
    }
}
