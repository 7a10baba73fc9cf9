//! The agenda of the console: per section planned and actual minutes, what
//! is left or over, and a colour for the pace.

use egui::{Color32, RichText, Ui};

use crate::model::{Pace, SectionPace, Workshop};

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
        Pace::OnTime => theme::on_time(ui),
        Pace::SlightlyLate => theme::accent(ui),
        Pace::Late => theme::late(ui),
    }
}

/// The last column: "nog 12 min" in the section that is on, and for the
/// others how far they were from the plan: "+3 min", "−14 min", "op tijd".
pub fn left_text(x: &SectionPace) -> String {
    let left = x.left_secs();
    if x.current && left > 0.0 {
        // Planned minutes are whole: "nog" turns over with "werkelijk".
        return format!("nog {}", minutes(left + 59.999));
    }
    let over = (-left / 60.0).round();
    if over >= 1.0 {
        format!("+{over} min")
    } else if over <= -1.0 {
        format!("−{} min", -over)
    } else {
        "op tijd".to_owned()
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
            for head in ["Onderdeel", "Gepland", "Werkelijk", "Nog / verschil", ""] {
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
                        ui.label(RichText::new(left_text(x)).color(colour));
                    }
                    None => {
                        ui.label("–");
                        ui.label("");
                    }
                }
                ui.label("");
                ui.end_row();
            }
            let total = match &w.variant {
                Some(name) => format!("Totaal (variant ‘{name}’)"),
                None => "Totaal".to_owned(),
            };
            ui.label(RichText::new(total).family(theme::bold_family()));
            ui.label(
                RichText::new(format!("{} min", w.total_minutes())).family(theme::bold_family()),
            );
            ui.end_row();
        });
    if let Some(section) = jump
        && let Some(index) = p.deck.refs().iter().position(|r| r.section == section)
    {
        p.deck.go_to(index);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pace(planned_min: f64, actual_secs: f64, current: bool) -> SectionPace {
        SectionPace {
            planned_secs: planned_min * 60.0,
            actual_secs,
            pace: Pace::OnTime,
            current,
        }
    }

    #[test]
    fn a_section_left_early_is_not_said_to_have_time_left() {
        assert_eq!(left_text(&pace(15.0, 6.0, true)), "nog 15 min");
        assert_eq!(left_text(&pace(15.0, 6.0, false)), "−15 min");
        assert_eq!(left_text(&pace(15.0, 18.0 * 60.0, false)), "+3 min");
        assert_eq!(left_text(&pace(15.0, 18.0 * 60.0, true)), "+3 min");
        assert_eq!(left_text(&pace(15.0, 15.0 * 60.0 + 10.0, false)), "op tijd");
    }
}
