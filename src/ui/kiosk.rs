//! The trainer's code for participant mode: set when the trainer hands the
//! laptop to the room, asked again for "Stoppen met invullen". A teacher who
//! clicks the way out finds a code field, not a button that lets them in.

use egui::{RichText, Ui};

use crate::model::AccessCode;

use super::Command;

/// What the trainer types in one of the two code dialogs.
#[derive(Debug, Default)]
pub struct CodeDialog {
    pub code: String,
    /// Why the last try was refused, in Dutch.
    pub problem: Option<String>,
}

/// The label of the code field in both dialogs.
pub const CODE_FIELD: &str = "Trainerscode (4 cijfers)";

fn code_field(ui: &mut Ui, dialog: &mut CodeDialog) -> egui::Response {
    let label = ui.label(CODE_FIELD);
    let field = ui.add(
        egui::TextEdit::singleline(&mut dialog.code)
            .password(true)
            .char_limit(4)
            .desired_width(120.0),
    );
    let field = field.labelled_by(label.id);
    if !field.has_focus() && !ui.ctx().memory(|m| m.focused().is_some()) {
        field.request_focus();
    }
    if let Some(problem) = &dialog.problem {
        ui.label(RichText::new(problem).color(super::theme::late(ui)));
    }
    field
}

fn enter_pressed(ui: &Ui, field: &egui::Response) -> bool {
    field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
}

fn escape_pressed(ui: &Ui) -> bool {
    ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
}

/// What one of the two code questions says and does.
struct Question {
    id: &'static str,
    title: &'static str,
    text: &'static str,
    ok: &'static str,
    /// The hint when the field does not hold 4 digits.
    not_a_code: &'static str,
    cancel: &'static str,
    on_code: fn(AccessCode) -> Command,
    on_cancel: Command,
}

/// A modal that asks for the trainer's code: OK (or Enter) with 4 digits
/// gives `on_code`, the cancel button or Esc gives `on_cancel`.
fn code_question(ui: &mut Ui, dialog: &mut CodeDialog, q: Question) -> Vec<Command> {
    let mut out = Vec::new();
    egui::Modal::new(egui::Id::unique(q.id)).show(ui.ctx(), |ui| {
        ui.set_max_width(480.0);
        ui.label(RichText::new(q.title).size(20.0).strong());
        ui.label(q.text);
        ui.add_space(6.0);
        let field = code_field(ui, dialog);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(q.ok).clicked() || enter_pressed(ui, &field) {
                match AccessCode::parse(&dialog.code) {
                    Some(code) => out.push((q.on_code)(code)),
                    None => dialog.problem = Some(q.not_a_code.to_owned()),
                }
            }
            if ui.button(q.cancel).clicked() {
                out.push(q.on_cancel.clone());
            }
        });
    });
    if escape_pressed(ui) {
        out.push(q.on_cancel);
    }
    out
}

/// Before participant mode starts: the trainer chooses a code of four
/// digits that only they know. It is kept in memory for this run only.
pub fn start_question(ui: &mut Ui, dialog: &mut CodeDialog) -> Vec<Command> {
    let question = Question {
        id: "trainerscode-kiezen",
        title: "Trainerscode kiezen",
        text: "Kies een trainerscode van 4 cijfers. Die heb je straks nodig om te stoppen \
               met invullen: zo komt een deelnemer niet bij je trainersmateriaal.",
        ok: "Beginnen",
        not_a_code: "Typ precies 4 cijfers.",
        cancel: "Annuleren",
        on_code: Command::BeginParticipating,
        on_cancel: Command::CancelParticipating,
    };
    code_question(ui, dialog, question)
}

/// "Stoppen met invullen": only with the trainer's code.
pub fn stop_question(ui: &mut Ui, dialog: &mut CodeDialog) -> Vec<Command> {
    let question = Question {
        id: "stoppen-met-trainerscode",
        title: "Stoppen met invullen?",
        text: "Dit is voor de trainer. Ben je deelnemer en klaar? Kies dan ‘Klaar’: \
               je antwoorden zijn bewaard en de volgende kan beginnen.",
        ok: "Stoppen",
        not_a_code: "Typ de 4 cijfers van de trainer.",
        cancel: "Verder met invullen",
        on_code: Command::StopWithCode,
        on_cancel: Command::StopParticipating(Some(false)),
    };
    code_question(ui, dialog, question)
}
