//! The rows of "Programma aanpassen": sections with their items, minutes
//! − / +, up and down, and the question before leaving out what others need.

use egui::{Align, Layout, RichText, Ui};

use crate::model::{Plan, PlanItem, PlanSection, Workshop, dependants, section_dependants};

use super::super::theme;
use super::{Confirm, ProgrammePanel};

impl ProgrammePanel {
    pub(super) fn agenda(&mut self, ui: &mut Ui, w: &Workshop, plan: &Plan) {
        let count = plan.sections.len();
        for (pos, ps) in plan.sections.iter().enumerate() {
            let Some(section) = w.sections.get(ps.index) else {
                continue;
            };
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let mut on = ps.included;
                let label = RichText::new(format!("{}. {}", pos + 1, section.title))
                    .size(19.0)
                    .family(theme::bold_family());
                if ui.checkbox(&mut on, label).changed() {
                    self.section_toggled(w, plan, ps.index, on);
                }
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    let down = ui.add_enabled(pos + 1 < count, egui::Button::new("↓"));
                    let down = named(down, &format!("{} omlaag", section.title));
                    if down.clicked() {
                        self.draft.move_section(w, ps.index, false);
                    }
                    let up = ui.add_enabled(pos > 0, egui::Button::new("↑"));
                    if named(up, &format!("{} omhoog", section.title)).clicked() {
                        self.draft.move_section(w, ps.index, true);
                    }
                    ui.label(RichText::new(format!("{} min", ps.minutes())).strong());
                });
            });
            if !ps.included {
                continue;
            }
            for pi in &ps.items {
                self.item_row(ui, w, plan, pi);
            }
            self.own_row(ui, w, ps, &section.title);
        }
    }

    fn item_row(&mut self, ui: &mut Ui, w: &Workshop, plan: &Plan, pi: &PlanItem) {
        let Some(item) = w.item(pi.at) else { return };
        ui.horizontal(|ui| {
            ui.add_space(28.0);
            let mut on = pi.included;
            let text = format!("{} ({})", item.title(), item.kind().noun());
            if ui.checkbox(&mut on, text).changed() {
                if on {
                    self.draft.set_item_included(w, pi.at, true);
                } else {
                    let deps = dependants(w, plan, pi.at);
                    if deps.is_empty() {
                        self.draft.set_item_included(w, pi.at, false);
                    } else {
                        self.confirm = Some(Confirm::Item(pi.at, texts(deps)));
                    }
                }
            }
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let minutes = pi.minutes.unwrap_or(0);
                let changed = pi.minutes != pi.original;
                let plus = ui.add_enabled(pi.included && minutes < 600, egui::Button::new("+"));
                if named(plus, &format!("{}: een minuut meer", item.title())).clicked() {
                    self.draft.set_item_minutes(w, pi.at, minutes + 1);
                }
                let shown = match pi.minutes {
                    Some(m) => format!("{m} min"),
                    None => "– min".to_owned(),
                };
                let mut label = RichText::new(shown);
                if changed {
                    label = label.strong().color(theme::accent(ui));
                }
                ui.add_sized(egui::vec2(56.0, 20.0), egui::Label::new(label))
                    .on_hover_text(match pi.original {
                        Some(o) if changed => format!("In de workshop: {o} min"),
                        None => "Zonder eigen minuten: valt onder de tijd van het onderdeel".into(),
                        _ => "Zoals in de workshop".into(),
                    });
                let minus = ui.add_enabled(pi.included && minutes > 0, egui::Button::new("−"));
                if named(minus, &format!("{}: een minuut minder", item.title())).clicked() {
                    self.draft.set_item_minutes(w, pi.at, minutes - 1);
                }
            });
        });
    }

    /// The section's own time: minutes no item claims.
    fn own_row(&mut self, ui: &mut Ui, w: &Workshop, ps: &PlanSection, title: &str) {
        ui.horizontal(|ui| {
            ui.add_space(28.0);
            ui.label(
                RichText::new("Overige tijd (overgang, uitleg, dia’s zonder minuten)")
                    .color(ui.visuals().weak_text_color()),
            );
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let plus = ui.add_enabled(ps.own < 600, egui::Button::new("+"));
                if named(plus, &format!("{title}: overige tijd een minuut meer")).clicked() {
                    self.draft.set_section_own(w, ps.index, ps.own + 1);
                }
                ui.add_sized(
                    egui::vec2(56.0, 20.0),
                    egui::Label::new(format!("{} min", ps.own)),
                );
                let minus = ui.add_enabled(ps.own > 0, egui::Button::new("−"));
                if named(minus, &format!("{title}: overige tijd een minuut minder")).clicked() {
                    self.draft.set_section_own(w, ps.index, ps.own - 1);
                }
            });
        });
    }

    fn section_toggled(&mut self, w: &Workshop, plan: &Plan, index: usize, on: bool) {
        let deps = section_dependants(w, plan, index);
        if on || deps.is_empty() {
            self.draft.set_section_included(w, index, on);
        } else {
            self.confirm = Some(Confirm::Section(index, texts(deps)));
        }
    }

    pub(super) fn confirm_ui(&mut self, ui: &mut Ui, w: &Workshop, confirm: Confirm) {
        let (what, deps) = match &confirm {
            Confirm::Item(at, deps) => (
                w.item(*at)
                    .map(|i| i.title().to_owned())
                    .unwrap_or_default(),
                deps,
            ),
            Confirm::Section(i, deps) => (
                w.sections
                    .get(*i)
                    .map(|s| s.title.clone())
                    .unwrap_or_default(),
                deps,
            ),
        };
        let modal = egui::Modal::new(egui::Id::unique("programma-weglaten")).show(ui.ctx(), |ui| {
            ui.set_max_width(520.0);
            ui.label(
                RichText::new(format!("‘{what}’ weglaten?"))
                    .size(20.0)
                    .family(theme::bold_family()),
            );
            ui.label("Let op:");
            for d in deps {
                ui.label(format!("• {d}"));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Toch weglaten").clicked() {
                    match confirm {
                        Confirm::Item(at, _) => self.draft.set_item_included(w, at, false),
                        Confirm::Section(i, _) => self.draft.set_section_included(w, i, false),
                    }
                    self.confirm = None;
                }
                if ui.button("Laten staan").clicked() {
                    self.confirm = None;
                }
            });
        });
        // Esc is "Laten staan".
        if modal.should_close() {
            self.confirm = None;
        }
    }
}

fn texts(deps: Vec<crate::model::Dependant>) -> Vec<String> {
    deps.into_iter().map(|d| d.text).collect()
}

/// Gives a button with a symbol a name for screen readers (and tests).
fn named(response: egui::Response, name: &str) -> egui::Response {
    let enabled = response.enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, name));
    response
}
