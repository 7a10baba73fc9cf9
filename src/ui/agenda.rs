//! The agenda of the console: per section planned and actual minutes, what
//! is left or over, and a colour for the pace.

use egui::{Color32, RichText, Ui};

use crate::model::{Pace, Workshop};

use super::console::{LATE, ON_TIME};
use super::present::Presenter;
use super::{Now, theme};

/// Whole minutes, rounded down ("12 min"): the console shows the afternoon
/// in minutes, so it needs a repaint once a minute, not once a second.
pub fn minutes(secs: f64) -> String {
    format!("{} min", (secs.max(0.0) / 60.0).floor())
}

pub fn pace_colour(pace: Pace, ui: &Ui) -> Color32 {
    match pace {
        Pace::Upcoming => ui.visuals().weak_text_color(),
        Pace::OnTime => ON_TIME,
        Pace::SlightlyLate => theme::ACCENT,
        Pace::Late => LATE,
    }
}

pub fn agenda_table(ui: &mut Ui, p: &mut Presenter, w: &Workshop, now: Now) {
    ui.separator();
    let paces = p
        .session
        .as_ref()
        .map(|s| s.paces(w, now.wall))
        .unwrap_or_default();
    let mut jump = None;
    egui::Grid::new("console-agenda")
        .num_columns(5)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for head in ["Onderdeel", "Gepland", "Werkelijk", "Over / nog", ""] {
                ui.label(RichText::new(head).color(ui.visuals().weak_text_color()));
            }
            ui.end_row();
            for (i, s) in w.sections.iter().enumerate() {
                let pace = paces.get(i);
                let colour =
                    pace.map_or(ui.visuals().weak_text_color(), |x| pace_colour(x.pace, ui));
                let current = pace.is_some_and(|x| x.current);
                let title = RichText::new(format!("{}. {}", i + 1, s.title));
                let title = if current {
                    title.family(theme::bold_family()).color(theme::accent(ui))
                } else {
                    title
                };
                let clicked = ui
                    .horizontal(|ui| {
                        let (dot, _) =
                            ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                        ui.painter().circle_filled(dot.center(), 5.0, colour);
                        ui.add(egui::Label::new(title).sense(egui::Sense::click()))
                            .on_hover_text("Ga naar dit onderdeel")
                            .clicked()
                    })
                    .inner;
                if clicked {
                    jump = Some(i);
                }
                ui.label(format!("{} min", s.minutes));
                match pace.filter(|x| x.pace != Pace::Upcoming) {
                    Some(x) => {
                        ui.label(RichText::new(minutes(x.actual_secs)).color(colour));
                        // Planned minutes are whole: "nog" turns over with "werkelijk".
                        let left = x.left_secs();
                        let text = if left > 0.0 {
                            format!("nog {}", minutes(left + 59.999))
                        } else {
                            format!("{} over", minutes(-left))
                        };
                        ui.label(RichText::new(text).color(colour));
                    }
                    None => {
                        ui.label("–");
                        ui.label("");
                    }
                }
                ui.label("");
                ui.end_row();
            }
        });
    if let Some(section) = jump
        && let Some(index) = p.deck.refs().iter().position(|r| r.section == section)
    {
        p.deck.go_to(index);
    }
}
