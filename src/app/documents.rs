//! Opening workshops and exporting handouts. The slow part (reading and
//! checking a workshop, rendering a PDF and writing it to disk) runs on a
//! worker, so the projector and the console keep drawing.

use std::path::PathBuf;

use crate::content;
use crate::model::Workshop;
use crate::pdf::{self, DocKind, ExportRequest};
use crate::ui::certificate::CertificateDetails;
use crate::ui::{LoadProblem, Now, Presenter};

use super::worker::Finish;
use super::{KampvuurApp, Notice, Screen};

impl KampvuurApp {
    /// Open a workshop file now; on errors the current workshop stays open.
    /// (Start-up and tests; from the screens, see [`Self::open_in_background`].)
    pub fn open(&mut self, path: PathBuf) {
        let loaded = content::load_workshop(&path);
        self.opened(path, loaded);
    }

    /// Read and check a workshop file on a worker; the next frame after it is
    /// done opens it (or says why not).
    pub(super) fn open_in_background(&mut self, ctx: &egui::Context, path: PathBuf) {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        self.run_in_background(ctx, format!("{name} wordt geopend…"), move || {
            let loaded = content::load_workshop(&path);
            Box::new(move |app: &mut KampvuurApp, _now| {
                app.notice = None;
                app.opened(path, loaded);
            })
        });
    }

    fn opened(&mut self, path: PathBuf, loaded: Result<Workshop, content::LoadError>) {
        match loaded {
            Ok(w) => {
                self.replace_workshop(w, Some(path.clone()));
                self.settings.last_workshop = Some(path);
                self.save_settings();
            }
            Err(e) => self.show_load_problem(&e),
        }
    }

    /// Start `job` on a worker and show `what` as the progress notice until
    /// its result replaces it.
    pub(super) fn run_in_background<F>(&mut self, ctx: &egui::Context, what: String, job: F)
    where
        F: FnOnce() -> Finish + Send + 'static,
    {
        self.notice = Some(Notice::info(what.clone()));
        self.work.start(ctx, what, job);
        ctx.request_repaint();
    }

    /// Say why a workshop did not open, and which one stays open.
    pub(super) fn show_load_problem(&mut self, e: &content::LoadError) {
        self.load_errors = Some(LoadProblem::new(
            e.file(),
            &e.to_string(),
            &self.workshop.title,
            self.workshop_path.is_none(),
        ));
    }

    /// Another workshop: a new presentation, a new session, a new room.
    pub(super) fn replace_workshop(&mut self, workshop: Workshop, path: Option<PathBuf>) {
        self.flush_answers();
        // The room serves the workshop it started with: a new workshop, a new session.
        self.room = Default::default();
        self.show.presenter = Presenter::new(&workshop);
        self.show.console = Default::default();
        self.show.times_file = None;
        self.show.ask_clean_start = None;
        self.participation.form.clear();
        self.participation.save = Default::default();
        self.workshop = workshop;
        self.workshop_path = path;
        self.reset_variants();
        self.screen = Screen::Start;
        self.load_errors = None;
    }

    /// Export a handout to the exports folder, under a name that is free
    /// there; the notice offers to open it or save it elsewhere.
    pub(super) fn export(&mut self, ctx: &egui::Context, kind: DocKind, now: Now) {
        let participant =
            (self.participation.form.answers.as_ref()).map(|a| a.participant.as_str());
        let name = pdf::default_file_name(&self.workshop, kind, participant);
        let target = match self.own_folder() {
            Some(dir) if kind == DocKind::Reflection => content::ensure_dir(&dir)
                .map(|()| content::free_path(&dir, &name))
                .map_err(|e| format!("Exporteren is niet gelukt. {e}")),
            _ => self.export_target(&name),
        };
        match target {
            Ok(path) => self.export_in_background(ctx, kind, path, Vec::new(), today(now)),
            Err(e) => self.notice = Some(Notice::error(e)),
        }
    }

    /// In participant mode: a folder of this person's own, inside the private
    /// answers folder (0700), for the reflection. The shared exports folder
    /// never holds it, so the next person's dialog never lists it.
    pub(super) fn own_folder(&self) -> Option<PathBuf> {
        if self.screen != Screen::Participant {
            return None;
        }
        let (store, set) = (
            self.paths.answers.as_ref()?,
            self.participation.form.answers.as_ref()?,
        );
        Some(
            store
                .workshop_dir(&set.workshop)
                .join(format!("reflectie-{}", set.key)),
        )
    }

    /// A free path for `name` in the exports folder, which is made if needed.
    pub(super) fn export_target(&self, name: &str) -> Result<PathBuf, String> {
        let dir = (self.paths.exports.as_ref())
            .ok_or("Exporteren is niet gelukt: deze computer heeft geen map voor documenten.")?;
        content::ensure_dir(dir).map_err(|e| format!("Exporteren is niet gelukt. {e}"))?;
        Ok(content::free_path(dir, name))
    }

    /// Export a handout to `path` now and report the result in the notice
    /// bar (tests; the screens export on a worker).
    pub fn export_to(&mut self, kind: DocKind, path: PathBuf, now: Now) {
        let job = self.export_job(kind, path, Vec::new(), today(now));
        job()(self, now);
    }

    pub(super) fn export_in_background(
        &mut self,
        ctx: &egui::Context,
        kind: DocKind,
        path: PathBuf,
        names: Vec<String>,
        details: CertificateDetails,
    ) {
        let what = format!("{} wordt gemaakt…", kind.title());
        let job = self.export_job(kind, path, names, details);
        self.run_in_background(ctx, what, job);
    }

    /// Everything an export needs, copied, in a job for a worker.
    fn export_job(
        &self,
        kind: DocKind,
        path: PathBuf,
        names: Vec<String>,
        details: CertificateDetails,
    ) -> impl FnOnce() -> Finish + Send + 'static {
        let workshop = self.workshop.clone();
        let answers = self.participation.form.answers.clone();
        // A participant's reflection is theirs alone: 0600 (on unix), in
        // their own folder. Other handouts are for sharing (0644).
        let private = self.own_folder().is_some() && kind == DocKind::Reflection;
        let duplex = self.menu.duplex;
        move || {
            let request = ExportRequest {
                kind,
                start: None,
                answers: answers.as_ref(),
                team: None,
                school: given(details.school),
                trainer: given(details.trainer),
                date: given(details.date),
                names: &names,
                duplex,
            };
            let result = pdf::render(&workshop, &request)
                .map_err(|e| e.to_string())
                .and_then(|r| {
                    let saved = if private {
                        content::write_atomic(&path, &r.bytes)
                            .map_err(|e| format!("{}: {}", path.display(), content::dutch_io(&e)))
                    } else {
                        content::save_handout(&path, &r.bytes).map_err(|e| e.to_string())
                    };
                    saved.map(|()| (r.pages, pdf::warnings(&workshop, &request, &r)))
                });
            let notice = match result {
                Ok((pages, warnings)) => Notice {
                    text: if warnings.is_empty() {
                        format!("Bewaard: {} ({pages} pagina’s)", path.display())
                    } else {
                        // Said once, with the result: what fell out of the PDF.
                        format!(
                            "Bewaard: {} ({pages} pagina’s). Let op: {}",
                            path.display(),
                            warnings.join("; ")
                        )
                    },
                    error: false,
                    file: Some(path),
                },
                Err(e) => Notice::error(format!("Exporteren is niet gelukt: {e}")),
            };
            Box::new(move |app: &mut KampvuurApp, _now| app.notice = Some(notice))
        }
    }
}

/// The details of an export made today without asking.
pub(super) fn today(now: Now) -> CertificateDetails {
    CertificateDetails {
        date: now.wall.format("%d-%m-%Y").to_string(),
        ..Default::default()
    }
}

fn given(text: String) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}
