//! Presenting: starting and leaving, the console, the screens and the times.

use crate::ui::{Command, Now, Stage};

use super::super::{KampvuurApp, Notice, Screen};

impl KampvuurApp {
    /// Presenting commands; the rest goes back to the hub.
    pub(super) fn apply_show(
        &mut self,
        ctx: &egui::Context,
        command: Command,
        now: Now,
    ) -> Option<Command> {
        match command {
            Command::Present {
                from_start,
                console,
            } => {
                if from_start && self.show.presenter.rehearsed() {
                    // Ask first: a rehearsal must not carry into the session.
                    self.show.ask_clean_start = Some(console);
                } else {
                    self.present(ctx, from_start, console, now);
                }
            }
            Command::StartFromTheTop { clean, console } => {
                self.show.ask_clean_start = None;
                if let Some(clean) = clean {
                    if clean {
                        self.show.presenter.reset_session();
                        self.show.console = Default::default();
                        self.forget_times();
                    }
                    self.present(ctx, true, console, now);
                }
            }
            Command::ToggleConsole => {
                self.show.stage = match self.show.stage {
                    Stage::Slide => Stage::SideBySide,
                    Stage::SideBySide | Stage::TwoScreens { .. } => Stage::Slide,
                };
            }
            Command::SwapScreens => {
                if let Stage::TwoScreens { swapped } = self.show.stage {
                    self.show.stage = Stage::TwoScreens { swapped: !swapped };
                }
            }
            Command::SetStage(stage) => self.show.stage = stage,
            Command::ChooseProjector(index) => self.show.projector = index,
            Command::ShowTimes => self.show.times_open = true,
            Command::CloseTimes => self.show.times_open = false,
            Command::SaveTimes => {
                self.notice = self.save_times(now).map(|saved| match saved {
                    Ok(path) => Notice {
                        text: format!("Tijden bewaard in {}", path.display()),
                        error: false,
                        file: None,
                    },
                    Err(e) => times_not_saved(&e),
                });
            }
            Command::ToStart => {
                self.close_participant();
                if self.screen == Screen::Present {
                    self.show.presenter.pause_session(now);
                    if let Some(Err(e)) = self.save_times(now) {
                        self.notice = Some(times_not_saved(&e));
                    }
                }
                self.screen = Screen::Start;
                self.set_fullscreen(ctx, false);
            }
            other => return Some(other),
        }
        None
    }

    /// Start presenting, from the first item or from where the trainer was.
    fn present(&mut self, ctx: &egui::Context, from_start: bool, console: bool, _now: Now) {
        if from_start {
            self.show.presenter.deck.go_to(0);
        }
        self.flush_answers();
        self.show.stage = self.initial_stage(console);
        self.screen = Screen::Present;
        self.set_fullscreen(ctx, true);
    }
}

fn times_not_saved(e: &crate::content::StoreError) -> Notice {
    Notice {
        text: format!("De tijden van deze middag konden niet worden bewaard: {e}"),
        error: true,
        file: None,
    }
}
