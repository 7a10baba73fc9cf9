//! File dialogs that never leave the trainer without an answer.
//!
//! The system's dialog runs on its own thread, so the app keeps drawing (and
//! the projector keeps showing) while it is open. When it cannot open at all
//! — no dialog service on the desktop, it returns at once — kampvuur's own
//! dialog ([`FileBrowser`]) takes over. Exports do not ask first: they go to
//! `Documenten/kampvuur`, and the notice offers "Opslaan als…".

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::content;
use crate::ui::certificate::CertificateDetails;
use crate::ui::file_browser::{BrowsePurpose, Entry, FileBrowser, start_folder};

use super::{KampvuurApp, Notice};

/// A dialog that answers faster than this did not really open: nobody
/// cancels a dialog within a quarter of a second.
const TOO_FAST: Duration = Duration::from_millis(250);

/// The dialog that is open, if any.
#[derive(Default)]
pub struct Dialogs {
    native: Option<NativeDialog>,
    /// kampvuur's own dialog, when it is showing.
    pub browser: Option<FileBrowser>,
}

struct NativeDialog {
    purpose: BrowsePurpose,
    folder: PathBuf,
    name: String,
    started: Instant,
    answer: Receiver<Option<PathBuf>>,
}

impl Dialogs {
    /// A dialog of either kind is open.
    pub fn busy(&self) -> bool {
        self.native.is_some() || self.browser.is_some()
    }
}

impl KampvuurApp {
    /// Ask for a file: the system's dialog when allowed, else our own.
    pub(super) fn ask_file(
        &mut self,
        ctx: &egui::Context,
        purpose: BrowsePurpose,
        near: Option<&Path>,
        name: String,
    ) {
        if self.files.busy() {
            return;
        }
        let fallback = self
            .paths
            .exports
            .clone()
            .or_else(|| directories::UserDirs::new().map(|d| d.home_dir().to_owned()))
            .unwrap_or_else(|| PathBuf::from("."));
        // The folder used last (a USB stick, the workshops folder), while it
        // is there. In participant mode the shared folder: never a person's own.
        let kiosk = self.screen == super::Screen::Participant;
        let last = (self.settings.last_folder.clone()).filter(|f| f.is_dir() && !kiosk);
        let folder = match last {
            Some(last) => last,
            None if kiosk => fallback,
            None => start_folder(near, fallback),
        };
        if self.paths.native_dialogs {
            let answer = spawn_native(ctx, &purpose, &folder, &name);
            self.files.native = Some(NativeDialog {
                purpose,
                folder,
                name,
                started: Instant::now(),
                answer,
            });
        } else {
            self.open_browser(purpose, folder, name);
        }
    }

    fn open_browser(&mut self, purpose: BrowsePurpose, folder: PathBuf, name: String) {
        let mut browser = FileBrowser::new(purpose, folder.clone(), name);
        fill(&mut browser, folder);
        self.files.browser = Some(browser);
    }

    /// Once a frame: has the system's dialog answered?
    pub(super) fn poll_dialogs(&mut self, ctx: &egui::Context) {
        let Some(native) = &self.files.native else {
            return;
        };
        let answer = match native.answer.try_recv() {
            Ok(answer) => answer,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => None,
        };
        let Some(native) = self.files.native.take() else {
            return;
        };
        match answer {
            Some(path) => self.chosen(ctx, native.purpose, path),
            None if native.started.elapsed() < TOO_FAST => {
                self.open_browser(native.purpose, native.folder, native.name);
            }
            None => {}
        }
    }

    /// kampvuur's own dialog moves to another folder.
    pub(super) fn browse_to(&mut self, folder: PathBuf) {
        if let Some(browser) = &mut self.files.browser {
            fill(browser, folder);
        }
    }

    /// A file was chosen in either dialog.
    pub(super) fn browse_choose(&mut self, ctx: &egui::Context, path: PathBuf) {
        if path.is_dir() {
            // A typed or pasted folder: show it, the dialog stays.
            if let Some(browser) = &mut self.files.browser {
                browser.name.clear();
            }
            self.browse_to(path);
            return;
        }
        if let Some(browser) = self.files.browser.take() {
            self.chosen(ctx, browser.purpose, path);
        }
    }

    fn chosen(&mut self, ctx: &egui::Context, purpose: BrowsePurpose, path: PathBuf) {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty())
            && self.screen != super::Screen::Participant
            && self.settings.last_folder.as_deref() != Some(folder)
        {
            self.settings.last_folder = Some(folder.to_owned());
            self.save_settings();
        }
        match purpose {
            BrowsePurpose::OpenWorkshop => self.open_in_background(ctx, path),
            BrowsePurpose::Names => match content::load_names(&path) {
                Ok(names) => {
                    let details =
                        self.pending_certificate
                            .take()
                            .unwrap_or_else(|| CertificateDetails {
                                date: chrono::Local::now().format("%d-%m-%Y").to_string(),
                                ..Default::default()
                            });
                    self.certificate_for(ctx, names, details);
                }
                Err(e) => {
                    let text = format!("Het bewijs van deelname is niet gemaakt: {e}");
                    self.notice = Some(Notice::error(text));
                }
            },
            BrowsePurpose::NewWorkshop => self.new_workshop_at(ctx, path),
            BrowsePurpose::SaveCopy { source } => {
                // Never over the workshop or its pictures (nor the export itself).
                let mut sources = vec![(source.clone(), "de export zelf")];
                if let Some(ws) = &self.workshop_path {
                    sources.extend(content::workshop_sources(ws, &self.workshop));
                }
                if let Err(e) = content::refuse_sources(&path, &sources) {
                    self.notice = Some(Notice::error(format!(
                        "De kopie is niet bewaard: {}: {e}",
                        path.display()
                    )));
                    return;
                }
                let what = format!("De kopie wordt bewaard in {}…", path.display());
                self.run_in_background(ctx, what, move || {
                    let notice = match content::copy_export(&source, &path) {
                        Ok(()) => Notice {
                            text: format!("Kopie bewaard: {}", path.display()),
                            error: false,
                            file: Some(path),
                        },
                        Err(e) => Notice::error(format!("De kopie is niet bewaard. {e}")),
                    };
                    Box::new(move |app: &mut KampvuurApp, _| app.notice = Some(notice))
                });
            }
        }
    }
}

/// Reads `folder` into the dialog; a folder that cannot be read says why.
fn fill(browser: &mut FileBrowser, folder: PathBuf) {
    match content::list_folder(&folder, browser.purpose.extensions()) {
        Ok(entries) => {
            browser.entries = entries
                .into_iter()
                .map(|e| Entry {
                    name: e.name,
                    is_dir: e.is_dir,
                })
                .collect();
            browser.problem = None;
        }
        Err(e) => {
            browser.entries.clear();
            browser.problem = Some(format!(
                "Deze map kan niet worden gelezen: {}",
                content::dutch_io(&e)
            ));
        }
    }
    browser.folder = folder;
}

/// The system's dialog on its own thread; the answer comes over a channel and
/// the app is woken up to read it.
fn spawn_native(
    ctx: &egui::Context,
    purpose: &BrowsePurpose,
    folder: &Path,
    name: &str,
) -> Receiver<Option<PathBuf>> {
    let (tx, rx) = channel();
    let ctx = ctx.clone();
    let purpose = purpose.clone();
    let (folder, name) = (folder.to_owned(), name.to_owned());
    let ask = move || {
        let dialog = rfd::FileDialog::new().set_directory(&folder);
        let picked = match purpose {
            BrowsePurpose::OpenWorkshop => dialog
                .set_title("Workshop openen")
                .add_filter("Workshop (RON)", &["ron"])
                .pick_file(),
            BrowsePurpose::Names => dialog
                .set_title("Namen voor het bewijs van deelname (één per regel)")
                .add_filter("Tekst", &["txt"])
                .pick_file(),
            BrowsePurpose::SaveCopy { ref source } => {
                let ext = source
                    .extension()
                    .map_or_else(|| "pdf".to_owned(), |e| e.to_string_lossy().into_owned());
                dialog
                    .set_title("Opslaan als")
                    .set_file_name(&name)
                    .add_filter(ext.to_uppercase(), &[ext.as_str()])
                    .save_file()
            }
            BrowsePurpose::NewWorkshop => dialog
                .set_title("Nieuwe workshop")
                .set_file_name(&name)
                .add_filter("Workshop", &["ron"])
                .save_file(),
        };
        // The app may have closed meanwhile; then nobody is waiting.
        let _ = tx.send(picked);
        ctx.request_repaint();
    };
    if cfg!(target_os = "macos") {
        // macOS shows dialogs only from the main thread.
        ask();
    } else {
        // Without a thread the channel is dropped, which reads as "did not
        // open", and kampvuur's own dialog takes over.
        let _ = std::thread::Builder::new()
            .name("bestandsvenster".into())
            .spawn(ask);
    }
    rx
}
