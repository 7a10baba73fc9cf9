//! "Programma aanpassen": the workshop's agenda with every section and item
//! to include or leave out, minutes − / +, sections up and down; live the
//! total against the time available and the end time. Ready-made variants
//! come first; the result is used as it is or saved as a variant.
//!
//! The panel edits a [`Variant`] (its draft); the workshop itself is never
//! changed. It returns commands, the app applies them.

use egui::{Align, Color32, Layout, RichText, Ui};

use crate::model::{Fit, ItemRef, Plan, Variant, Workshop, parse_clock};

use super::{Command, theme};

mod rows;

/// What the panel shows besides its own draft.
pub struct ProgrammeView<'a> {
    /// The workshop as its file has it.
    pub workshop: &'a Workshop,
    /// Ready-made variants (the workshop's own first, then saved ones).
    pub ready: &'a [Variant],
    /// The name of the variant in use, `None` for the original.
    pub active: Option<&'a str>,
}

/// Leaving out something others depend on, waiting for "Toch weglaten".
#[derive(Debug, Clone, PartialEq)]
enum Confirm {
    Item(ItemRef, Vec<String>),
    Section(usize, Vec<String>),
}

/// The panel's state: the variant being made.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammePanel {
    pub draft: Variant,
    available: String,
    start: String,
    confirm: Option<Confirm>,
    problem: Option<String>,
}

/// Colour and words for how the programme fits.
fn fit_colour(ui: &Ui, fit: Fit) -> Color32 {
    match fit {
        Fit::Unknown => ui.visuals().weak_text_color(),
        Fit::Fits => theme::on_time(ui),
        Fit::Tight => theme::accent(ui),
        Fit::Over => theme::late(ui),
    }
}

/// "14:35" for minutes since midnight (past midnight it wraps).
fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", (minutes / 60) % 24, minutes % 60)
}

impl ProgrammePanel {
    /// A panel starting from `from` (the variant in use), or from the
    /// workshop as it is.
    pub fn new(w: &Workshop, from: Option<&Variant>) -> Self {
        let draft = from.cloned().unwrap_or_else(|| Variant::of(w, ""));
        let mut panel = Self {
            draft: Variant::default(),
            available: String::new(),
            start: String::new(),
            confirm: None,
            problem: None,
        };
        panel.take(draft);
        panel
    }

    fn take(&mut self, draft: Variant) {
        self.available = draft.available.map(|a| a.to_string()).unwrap_or_default();
        self.start = draft.start.clone().unwrap_or_default();
        self.draft = draft;
        self.confirm = None;
        self.problem = None;
    }

    pub fn ui(&mut self, ui: &mut Ui, view: &ProgrammeView<'_>) -> Vec<Command> {
        let mut out = Vec::new();
        let screen = ui.ctx().content_rect();
        let width = (screen.width() - 64.0).clamp(320.0, 980.0);
        let height = (screen.height() - 64.0).max(300.0);
        let modal =
            egui::Modal::new(egui::Id::unique("programma-aanpassen")).show(ui.ctx(), |ui| {
                ui.set_width(width);
                ui.set_max_height(height);
                self.contents(ui, view, height, &mut out);
            });
        // Esc (or a click beside it) closes it, unless the question is open.
        if self.confirm.is_none() && modal.should_close() {
            out.push(Command::CloseProgramme);
        }
        if let Some(confirm) = self.confirm.clone() {
            self.confirm_ui(ui, view.workshop, confirm);
        }
        out
    }

    fn contents(
        &mut self,
        ui: &mut Ui,
        view: &ProgrammeView<'_>,
        height: f32,
        out: &mut Vec<Command>,
    ) {
        let w = view.workshop;
        ui.horizontal(|ui| {
            ui.label(
                RichText::new("Programma aanpassen")
                    .size(26.0)
                    .family(theme::bold_family()),
            );
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if ui.button("Sluiten").clicked() {
                    out.push(Command::CloseProgramme);
                }
            });
        });
        ui.label(
            RichText::new("Het workshopbestand blijft zoals het is: je maakt een variant.")
                .color(ui.visuals().weak_text_color()),
        );
        self.ready_row(ui, view);
        self.times_row(ui);
        let plan = self.draft.plan(w);
        self.total_row(ui, &plan);
        ui.separator();
        // The agenda scrolls; the bar with the buttons stays in sight.
        let rows_height = (height - 260.0).max(140.0);
        egui::ScrollArea::vertical()
            .max_height(rows_height)
            .auto_shrink([false, true])
            .show(ui, |ui| self.agenda(ui, w, &plan));
        ui.separator();
        self.save_row(ui, view, out);
    }

    fn ready_row(&mut self, ui: &mut Ui, view: &ProgrammeView<'_>) {
        ui.horizontal_wrapped(|ui| {
            ui.label("Kant-en-klaar:");
            let chosen = self.draft.leave_out.is_empty()
                && self.draft.minutes.is_empty()
                && self.draft.order.is_empty();
            if super::choice::option(ui, chosen, "Origineel", None)
                .on_hover_text("Alles zoals in de workshop")
                .clicked()
            {
                let mut fresh = Variant::of(view.workshop, "");
                fresh.available = self.draft.available;
                fresh.start = self.draft.start.clone();
                self.take(fresh);
            }
            for v in view.ready {
                let same = self.draft.name == v.name;
                if super::choice::option(ui, same, &v.name, None).clicked() {
                    let mut v = v.clone();
                    if v.workshop.is_empty() {
                        v.workshop = view.workshop.title.clone();
                    }
                    self.take(v);
                }
            }
        });
    }

    fn times_row(&mut self, ui: &mut Ui) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Beschikbare tijd (minuten):");
            ui.add(egui::TextEdit::singleline(&mut self.available).desired_width(56.0))
                .labelled_by(label.id);
            self.draft.available = self.available.trim().parse().ok().filter(|m| *m > 0);
            ui.add_space(16.0);
            let label = ui.label("Begintijd:");
            ui.add(
                egui::TextEdit::singleline(&mut self.start)
                    .desired_width(64.0)
                    .hint_text("13:30"),
            )
            .labelled_by(label.id);
            self.draft.start = parse_clock(&self.start)
                .map(|(h, m)| format!("{h:02}:{m:02}"))
                .filter(|_| !self.start.trim().is_empty());
            if !self.start.trim().is_empty() && self.draft.start.is_none() {
                ui.colored_label(theme::late(ui), "schrijf de tijd als 13:30");
            }
        });
    }

    fn total_row(&self, ui: &mut Ui, plan: &Plan) {
        let total = plan.total();
        let fit = Fit::of(total, self.draft.available);
        let mut text = match self.draft.available {
            Some(a) => format!("Totaal {total} min van {a} min"),
            None => format!("Totaal {total} min"),
        };
        if let Some((h, m)) = self.draft.start_time() {
            let begin = u32::from(h) * 60 + u32::from(m);
            text.push_str(&format!(" · {}–{}", clock(begin), clock(begin + total)));
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(text).size(20.0).family(theme::bold_family()));
            if fit != Fit::Unknown {
                let colour = fit_colour(ui, fit);
                let word = match fit {
                    Fit::Over => format!(
                        "te lang: {} min over",
                        total - self.draft.available.unwrap_or(total)
                    ),
                    Fit::Fits | Fit::Tight => format!(
                        "{}: {} min over",
                        fit.word(),
                        self.draft.available.unwrap_or(total) - total
                    ),
                    Fit::Unknown => String::new(),
                };
                ui.label(
                    RichText::new(format!("● {word}"))
                        .size(20.0)
                        .color(colour)
                        .family(theme::bold_family()),
                );
            }
        });
        for m in &plan.mismatches {
            ui.colored_label(theme::late(ui), format!("Past niet meer: {m}"));
        }
    }

    fn save_row(&mut self, ui: &mut Ui, view: &ProgrammeView<'_>, out: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Naam van de variant:");
            ui.add(
                egui::TextEdit::singleline(&mut self.draft.name)
                    .desired_width(260.0)
                    .hint_text("bijv. De Regenboog, 12 maart"),
            )
            .labelled_by(label.id);
            let ready = |p: &Self| {
                let mut v = p.draft.clone();
                v.name = v.name.trim().to_owned();
                v.workshop = view.workshop.title.clone();
                v.hash = Some(crate::model::content_hash(view.workshop));
                Box::new(v)
            };
            if ui.button("Opslaan als variant").clicked() {
                if self.draft.name.trim().is_empty() {
                    self.problem = Some("Geef de variant eerst een naam.".into());
                } else if self.draft.plan(view.workshop).total() == 0
                    && self.draft.apply(view.workshop).is_err()
                {
                    self.problem = Some("Er blijft niets over: neem iets op.".into());
                } else {
                    out.push(Command::SaveVariant(ready(self)));
                }
            }
            if ui
                .button("Gebruiken")
                .on_hover_text("Zonder op te slaan")
                .clicked()
            {
                if self.draft.apply(view.workshop).is_err() {
                    self.problem = Some("Er blijft niets over: neem iets op.".into());
                } else {
                    let mut v = ready(self);
                    if v.name.is_empty() {
                        v.name = "Aangepast programma".into();
                    }
                    out.push(Command::UseVariant(Some(v)));
                }
            }
            if ui.button("Origineel gebruiken").clicked() {
                out.push(Command::UseVariant(None));
            }
        });
        if let Some(p) = &self.problem {
            ui.colored_label(theme::late(ui), p);
        }
        let active = match view.active {
            Some(name) => format!("Nu in gebruik: variant ‘{name}’"),
            None => "Nu in gebruik: het originele programma".to_owned(),
        };
        ui.label(RichText::new(active).color(ui.visuals().weak_text_color()));
    }
}
