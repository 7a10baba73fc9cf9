//! Participant mode: a teacher picks a name and fills in the checklists.

use egui::{RichText, Ui};

use crate::model::{Answer, AnswerSet, Checklist, ChecklistItem, Workshop};

use super::{Command, rich, theme};

#[derive(Debug, Default)]
pub struct ParticipantScreen {
    name_input: String,
    /// Names that already have answers on this computer ("" is anonymous).
    pub known: Vec<String>,
    /// The answers being filled in; `None` while choosing a name.
    pub answers: Option<AnswerSet>,
    selected: usize,
    /// The name field has had the keyboard focus once.
    name_focused: bool,
}

/// The label under which an (possibly empty) name is shown.
pub fn display_name(name: &str) -> &str {
    if name.is_empty() { "Anoniem" } else { name }
}

impl ParticipantScreen {
    /// `status`: what the app says about saving (e.g. "Bewaard om 14:02").
    pub fn ui(&mut self, ui: &mut Ui, workshop: &Workshop, status: &str) -> Vec<Command> {
        let mut out = Vec::new();
        if self.answers.is_none() {
            egui::CentralPanel::default().show(ui, |ui| {
                super::start::centered(ui, 560.0, |ui| self.choose(ui, &mut out));
            });
            return out;
        }
        let checklists: Vec<&Checklist> = workshop.checklists().collect();
        self.selected = self.selected.min(checklists.len().saturating_sub(1));
        egui::Panel::left("checklists")
            .default_size(260.0)
            .show(ui, |ui| self.sidebar(ui, &checklists, status, &mut out));
        egui::CentralPanel::default().show(ui, |ui| {
            let Some(list) = checklists.get(self.selected) else {
                ui.label("Deze workshop heeft geen checklists om in te vullen.");
                return;
            };
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.set_max_width(760.0);
                    if let Some(answers) = self.answers.as_mut()
                        && form(ui, list, answers)
                    {
                        out.push(Command::AnswersChanged);
                    }
                });
        });
        out
    }

    fn choose(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        ui.add_space(40.0);
        ui.label(
            RichText::new("Invullen als deelnemer")
                .size(32.0)
                .family(theme::bold_family()),
        );
        ui.label("Je antwoorden worden op deze computer bewaard, los van die van je collega’s, en vanzelf opgeslagen.");
        ui.add_space(12.0);
        let label = ui.label(RichText::new("Je naam").family(theme::bold_family()));
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut self.name_input)
                    .hint_text("bijvoorbeeld Fatima")
                    .desired_width(320.0),
            )
            .labelled_by(label.id);
        if !self.name_focused {
            edit.request_focus();
            self.name_focused = true;
        }
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            let name = self.name_input.trim().to_owned();
            if ui
                .add_enabled(!name.is_empty(), egui::Button::new("Verder"))
                .clicked()
                || (entered && !name.is_empty())
            {
                out.push(Command::ChooseParticipant(name));
            }
            if ui.button("Anoniem invullen").clicked() {
                out.push(Command::ChooseParticipant(String::new()));
            }
            if ui.button("Terug").clicked() {
                out.push(Command::ToStart);
            }
        });
        if !self.known.is_empty() {
            ui.add_space(16.0);
            ui.label(
                RichText::new("Verder met eerder ingevulde antwoorden")
                    .family(theme::bold_family()),
            );
            for name in &self.known {
                if ui
                    .button(format!("Verder als {}", display_name(name)))
                    .clicked()
                {
                    out.push(Command::ChooseParticipant(name.clone()));
                }
            }
        }
    }

    fn sidebar(&mut self, ui: &mut Ui, lists: &[&Checklist], status: &str, out: &mut Vec<Command>) {
        ui.add_space(8.0);
        let name = self.answers.as_ref().map_or("", |a| a.participant.as_str());
        ui.label(
            RichText::new(display_name(name))
                .size(20.0)
                .family(theme::bold_family()),
        );
        ui.label(RichText::new(status).color(ui.visuals().weak_text_color()));
        ui.horizontal(|ui| {
            if ui.button("Andere naam").clicked() {
                self.answers = None;
                self.name_focused = false;
                self.name_input.clear();
                out.push(Command::Participate);
            }
            if ui.button("Klaar").clicked() {
                out.push(Command::ToStart);
            }
        });
        ui.separator();
        for (i, list) in lists.iter().enumerate() {
            let done = self.answers.as_ref().map_or(0, |a| a.answered(&list.id));
            let text = format!(
                "{}. {}\n{done} van {} ingevuld",
                list.id,
                list.title,
                list.items.len()
            );
            if ui.selectable_label(i == self.selected, text).clicked() {
                self.selected = i;
            }
        }
    }
}

/// The form of one checklist. Returns whether an answer changed.
fn form(ui: &mut Ui, list: &Checklist, answers: &mut AnswerSet) -> bool {
    let mut changed = false;
    ui.add_space(8.0);
    ui.label(RichText::new(list.mode.label()).color(theme::accent(ui)));
    ui.heading(&list.title);
    if !list.intro.is_empty() {
        rich::blocks(ui, list.intro.blocks(), 17.0);
    }
    ui.add_space(10.0);
    for (index, item) in list.items.iter().enumerate() {
        ui.push_id(index, |ui| {
            egui::Frame::group(ui.style())
                .inner_margin(12.0)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    let answer = answers.get_mut(&list.id, index, item);
                    changed |= item_input(ui, item, answer);
                });
        });
        ui.add_space(6.0);
    }
    changed
}

fn item_input(ui: &mut Ui, item: &ChecklistItem, answer: &mut Answer) -> bool {
    match (item, answer) {
        (ChecklistItem::Check(text), Answer::Check(v)) => ui.checkbox(v, text.as_str()).changed(),
        (ChecklistItem::YesNo(text), Answer::YesNo(v)) => {
            rich::text(ui, text, 17.0);
            ui.horizontal(|ui| {
                let yes = ui.radio_value(v, Some(true), "Ja");
                let no = ui.radio_value(v, Some(false), "Nee");
                yes.changed() || no.changed()
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
            rich::text(ui, text, 17.0);
            let row = egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true);
            ui.with_layout(row, |ui| {
                ui.label(RichText::new(left).color(ui.visuals().weak_text_color()));
                let mut changed = false;
                for step in 1..=*steps {
                    let selected = *v == Some(step);
                    let button = egui::Button::new(format!("{step}"))
                        .selected(selected)
                        .min_size(egui::vec2(36.0, 30.0));
                    if ui.add(button).clicked() {
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
            let label = rich::text(ui, question, 17.0);
            ui.add(
                egui::TextEdit::multiline(text)
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
