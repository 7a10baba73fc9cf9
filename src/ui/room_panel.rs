//! The room in the presenter console: start and stop it, see who joined and
//! whether phones can reach the laptop, open and close checklists, and read
//! shared answers before they go on the projector.

use egui::{RichText, Ui};

use crate::model::{Reach, RoomStatus, TeamSummary, Workshop};

use super::{Command, theme};

/// What the console shows of the room.
pub struct RoomView<'a> {
    /// `None`: the room is not running.
    pub status: Option<&'a RoomStatus>,
    pub team: Option<&'a TeamSummary>,
    /// Why the room could not start, if it failed.
    pub error: Option<&'a str>,
    /// "Verder met de zaal van 13:32 (23 apparaten)" when a start
    /// continues today's session.
    pub resume: Option<&'a str>,
}

/// The red banner while answers cannot be stored.
pub fn storage_banner(ui: &mut Ui, why: &str) {
    egui::Frame::new()
        .fill(egui::Color32::from_rgb(0xa4, 0x16, 0x1a))
        .inner_margin(8.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.colored_label(
                egui::Color32::WHITE,
                RichText::new(format!(
                    "Antwoorden worden NIET bewaard: {why}. De zaal probeert het steeds opnieuw; \
                     maak ruimte vrij op de schijf. Telefoons zeggen ‘Niet bewaard’ en houden \
                     de antwoorden op hun scherm."
                ))
                .family(theme::bold_family()),
            );
        });
}

/// What to do when phones cannot reach the laptop.
pub const TROUBLESHOOTING: &[&str] = &[
    "Windows vraagt bij de eerste keer of kampvuur het netwerk mag gebruiken: kies ‘Toegang \
     toestaan’ (voor ‘Privénetwerken’). Staat het schoolnetwerk als ‘Openbaar’ ingesteld, dan \
     blokkeert Windows de zaal: zet het netwerkprofiel op ‘Privé’.",
    "Een gastnetwerk houdt apparaten vaak van elkaar gescheiden. Vraag de school naar het \
     netwerk voor personeel, of gebruik een hotspot.",
    "Hotspot: zet de hotspot van je laptop (of je telefoon) aan en laat de deelnemers daarmee \
     verbinden. Vraag ze dan hun mobiele data uit te zetten, anders zoekt de telefoon het adres \
     op internet.",
    "Kies hieronder een ander netwerkadres als de laptop er meer heeft (wifi én kabel).",
];

pub fn ui(ui: &mut Ui, w: &Workshop, room: &RoomView<'_>) -> Vec<Command> {
    let mut out = Vec::new();
    let Some(status) = room.status else {
        ui.label(
            "Laat de deelnemers de checklists invullen op hun eigen telefoon of laptop, via \
             het netwerk van de school. Er is niets te installeren en niets gaat naar internet.",
        );
        if let Some(error) = room.error {
            ui.colored_label(theme::late(ui), error);
        }
        let start = room.resume.unwrap_or("Zaal laten meedoen (Z)");
        if ui
            .add(egui::Button::new(
                RichText::new(start).family(theme::bold_family()),
            ))
            .clicked()
        {
            out.push(Command::StartRoom);
        }
        if room.resume.is_some() {
            ui.label("Dezelfde code en QR-code; telefoons die al meededen, gaan vanzelf verder.");
            if ui.button("Nieuwe zaal beginnen").clicked() {
                out.push(Command::StartNewRoom);
            }
        }
        return out;
    };
    if let Some(why) = &status.storage_error {
        storage_banner(ui, why);
    }
    ui.label(
        RichText::new(format!(
            "{} · code {}",
            status.url.trim_start_matches("http://"),
            status.code
        ))
        .size(18.0)
        .family(theme::bold_family()),
    );
    ui.label(format!(
        "{} {}, {} met antwoorden",
        status.devices,
        if status.devices == 1 {
            "apparaat"
        } else {
            "apparaten"
        },
        status.answering,
    ))
    .on_hover_text("Vergelijk met het aantal mensen in de zaal.");
    reach(ui, status, &mut out);
    ui.horizontal_wrapped(|ui| {
        if ui.button("Zaalkaart (Z)").clicked() {
            out.push(Command::ToggleJoinCard);
        }
        if ui.button("Team-overzicht (O)").clicked() {
            out.push(Command::ToggleTeam);
        }
        if ui.button("Zaal sluiten").clicked() {
            out.push(Command::StopRoom);
        }
    });
    ui.separator();
    ui.label(RichText::new("Open voor de zaal").family(theme::bold_family()));
    for c in w.checklists() {
        let mut open = status.open.contains(&c.id);
        let answers = room
            .team
            .and_then(|t| t.checklists.iter().find(|s| s.id == c.id))
            .map_or(0, |s| s.respondents);
        let label = format!(
            "{}: {} ({})",
            c.id,
            c.title,
            crate::model::answers_text(answers)
        );
        if ui.checkbox(&mut open, label).changed() {
            out.push(Command::SetRoomOpen(c.id.clone(), open));
        }
    }
    ui.horizontal(|ui| {
        let label = ui.label("Team-overzicht vanaf");
        let mut min = status.min_answers;
        let drag = egui::DragValue::new(&mut min)
            .range(crate::model::LOWEST_MIN_ANSWERS..=50)
            .suffix(" antwoorden");
        if ui.add(drag).labelled_by(label.id).changed() {
            out.push(Command::SetMinAnswers(min));
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("Apparaten per netwerkadres");
        let mut n = status.per_address;
        let drag = egui::DragValue::new(&mut n).range(1..=20);
        if ui.add(drag).labelled_by(label.id).changed() {
            out.push(Command::SetRoomPerAddress(n));
        }
    });
    shared(ui, room.team, &mut out);
    out
}

fn reach(ui: &mut Ui, status: &RoomStatus, out: &mut Vec<Command>) {
    match &status.reach {
        Reach::Checking => {
            ui.label("Bereikbaarheid wordt gecontroleerd…");
        }
        Reach::Reachable => {
            // The check runs on the laptop itself: a firewall that stops
            // phones does not stop it.
            ui.colored_label(
                theme::on_time(ui),
                "Bereikbaar vanaf deze laptop. Lukt het een telefoon niet? Zie hieronder.",
            );
            if cfg!(windows) {
                ui.label(
                    "Op Windows kan de firewall telefoons nog tegenhouden: heeft Windows om \
                     ‘Toegang toestaan’ gevraagd? Zie ‘Lukt meedoen niet?’.",
                );
            }
        }
        Reach::Unreachable(why) => {
            ui.colored_label(
                theme::late(ui),
                format!("Niet bereikbaar via dit adres: {why}"),
            );
        }
    }
    egui::CollapsingHeader::new("Lukt meedoen niet?")
        .default_open(matches!(status.reach, Reach::Unreachable(_)))
        .show(ui, |ui| {
            for tip in TROUBLESHOOTING {
                ui.label(format!("• {tip}"));
            }
            if ui.button("Opnieuw controleren").clicked() {
                out.push(Command::CheckReach);
            }
            if status.addresses.len() > 1 {
                ui.horizontal_wrapped(|ui| {
                    ui.label("Netwerkadres:");
                    for a in &status.addresses {
                        let current = status.url.contains(&a.ip.to_string());
                        let text = format!("{} ({})", a.ip, a.interface);
                        if ui.selectable_label(current, text).clicked() && !current {
                            out.push(Command::ChooseRoomAddress(a.ip));
                        }
                    }
                });
            }
        });
}

fn shared(ui: &mut Ui, team: Option<&TeamSummary>, out: &mut Vec<Command>) {
    let Some(team) = team else {
        return;
    };
    let all: Vec<_> = team.shared().collect();
    if all.is_empty() {
        return;
    }
    ui.separator();
    let new = all.iter().filter(|s| !s.approved).count();
    ui.label(
        RichText::new(format!(
            "Gedeeld met het team ({} nieuw) — lees eerst, kies dan wat op het scherm komt",
            new
        ))
        .family(theme::bold_family()),
    );
    for s in all {
        ui.horizontal_wrapped(|ui| {
            let (label, show) = if s.approved {
                ("Verbergen", false)
            } else {
                ("Tonen", true)
            };
            if ui.button(label).clicked() {
                out.push(Command::ApproveShared(s.key.clone(), show));
            }
            let text = RichText::new(format!("“{}”", s.text()));
            ui.label(if s.approved { text.strong() } else { text });
        });
    }
}
