//! The window with planned versus actual times of the afternoon.

use egui::{RichText, Ui};

use crate::model::{SectionRecord, SessionRecord};

use super::{Command, theme};

/// "12,5 min" with a decimal comma; whole minutes without ",0".
pub fn minutes_text(minutes: f64) -> String {
    let tenths = (minutes * 10.0).round() / 10.0;
    let s = format!("{tenths:.1}");
    let s = s
        .strip_suffix(".0")
        .map_or_else(|| s.replace('.', ","), str::to_owned);
    format!("{s} min")
}

/// "+2,5 min", "−1 min" or "0 min".
pub fn difference_text(minutes: f64) -> String {
    if minutes >= 0.05 {
        format!("+{}", minutes_text(minutes))
    } else if minutes <= -0.05 {
        format!("−{}", minutes_text(-minutes))
    } else {
        "0 min".to_owned()
    }
}

/// The actual minutes and the difference of a section; "—" for a section
/// that has not been started yet.
pub fn section_cells(s: &SectionRecord) -> (String, String) {
    if s.first_start.is_none() {
        return ("—".to_owned(), "—".to_owned());
    }
    (
        minutes_text(s.actual_minutes),
        difference_text(s.actual_minutes - f64::from(s.planned_minutes)),
    )
}

/// The window; `record` is `None` before the afternoon has been presented.
pub fn window(ui: &mut Ui, record: Option<&SessionRecord>) -> Vec<Command> {
    let mut out = Vec::new();
    let mut open = true;
    egui::Window::new("Gepland en werkelijk")
        .open(&mut open)
        .collapsible(false)
        .default_width(560.0)
        .show(ui.ctx(), |ui| {
            let Some(record) = record else {
                ui.label(
                    "Er is nog niet gepresenteerd: de klok van de middag loopt pas vanaf het presenteren.",
                );
                return;
            };
            ui.label(format!(
                "{} · begonnen om {} · nu {}",
                record.date, record.started, record.recorded
            ));
            if let Some(variant) = &record.variant {
                ui.label(format!("Variant ‘{variant}’"));
            }
            ui.add_space(6.0);
            egui::Grid::new("times")
                .striped(true)
                .spacing([20.0, 6.0])
                .show(ui, |ui| {
                    for head in ["Onderdeel", "Gepland", "Werkelijk", "Verschil"] {
                        ui.label(RichText::new(head).family(theme::bold_family()));
                    }
                    ui.end_row();
                    for s in &record.sections {
                        let (actual, diff) = section_cells(s);
                        ui.label(&s.title);
                        ui.label(format!("{} min", s.planned_minutes));
                        ui.label(actual);
                        ui.label(diff);
                        ui.end_row();
                    }
                    // The difference counts only what has been presented.
                    let started = record.sections.iter().filter(|s| s.first_start.is_some());
                    let (planned, actual) = started.fold((0.0, 0.0), |(p, a), s| {
                        (p + f64::from(s.planned_minutes), a + s.actual_minutes)
                    });
                    ui.label(RichText::new("Totaal").family(theme::bold_family()));
                    ui.label(format!("{} min", record.planned_total()));
                    ui.label(minutes_text(record.actual_total()));
                    ui.label(difference_text(actual - planned));
                    ui.end_row();
                });
            ui.add_space(8.0);
            ui.label(
                "Deze tijden worden ook vanzelf bewaard als je stopt met presenteren, als basis om de planning de volgende keer bij te stellen.",
            );
            if ui.button("Nu bewaren").clicked() {
                out.push(Command::SaveTimes);
            }
        });
    if !open {
        out.push(Command::CloseTimes);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(actual: f64, started: bool) -> SectionRecord {
        SectionRecord {
            title: "Welkom".into(),
            planned_minutes: 20,
            actual_minutes: actual,
            first_start: started.then(|| "13:30".to_owned()),
            last_end: None,
        }
    }

    #[test]
    fn dutch_minutes_and_dashes_for_sections_not_started() {
        assert_eq!(minutes_text(12.5), "12,5 min");
        assert_eq!(minutes_text(3.0), "3 min");
        assert_eq!(difference_text(2.46), "+2,5 min");
        assert_eq!(difference_text(-20.0), "−20 min");
        assert_eq!(difference_text(0.01), "0 min");
        assert_eq!(
            section_cells(&section(0.0, false)),
            ("—".into(), "—".into())
        );
        assert_eq!(
            section_cells(&section(22.5, true)),
            ("22,5 min".into(), "+2,5 min".into())
        );
    }
}
