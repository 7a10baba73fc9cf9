//! Opening a file in the system's viewer, a folder in the file manager, and
//! a workshop in a text editor — never silently.
//!
//! The program is started and then waited for on a small thread, so it never
//! stays behind as a defunct process. When it says it could not open the
//! file (xdg-open exits 3 when no program handles PDFs), the thread sends a
//! Dutch notice with the path to copy and wakes the app, so the notice shows
//! at once and not after the next mouse move.

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::content;

use super::Notice;

/// What to do with a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    /// A file in its default program (a PDF in the PDF viewer).
    File,
    /// The folder of a file in the file manager, with the file selected
    /// where the file manager can do that.
    FolderOf,
    /// A workshop in a plain text editor.
    Edit,
}

/// Starts programs and hands their failures back as notices.
pub struct Opener {
    tx: Sender<Notice>,
    rx: Receiver<Notice>,
}

impl Default for Opener {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self { tx, rx }
    }
}

/// One program to try: name and arguments.
struct Program {
    name: String,
    args: Vec<OsString>,
    /// Its exit code says whether it worked (explorer.exe's does not).
    honest_exit: bool,
    /// Windows: the arguments exactly as given (explorer's `/select,"…"`).
    #[cfg_attr(not(windows), allow(dead_code))]
    raw: Option<String>,
}

impl Program {
    fn new(name: &str, args: Vec<OsString>) -> Self {
        Self {
            name: name.to_owned(),
            args,
            honest_exit: true,
            raw: None,
        }
    }
}

impl Opener {
    /// Start the program for `path`. A program that cannot be started gives
    /// a notice now; one that starts and then fails gives one through
    /// [`Self::poll`], with `ctx` woken up.
    pub fn open(&self, ctx: &egui::Context, path: &Path, how: Open) -> Result<(), Notice> {
        self.open_with(ctx, path, how, programs(path, how))
    }

    fn open_with(
        &self,
        ctx: &egui::Context,
        path: &Path,
        how: Open,
        programs: Vec<Program>,
    ) -> Result<(), Notice> {
        let mut last = String::new();
        for program in programs {
            match spawn(&program) {
                Ok(mut child) => {
                    let tx = self.tx.clone();
                    let ctx = ctx.clone();
                    let (path, name) = (path.to_owned(), program.name.clone());
                    let honest = program.honest_exit;
                    let reaper = move || {
                        // Waiting reaps the child: no defunct processes.
                        let status = child.wait();
                        let failed = match status {
                            Ok(s) => honest && !s.success(),
                            Err(_) => false,
                        };
                        if failed {
                            let _ = tx.send(cannot_open(
                                &path,
                                how,
                                &format!("{name} stopte met een fout"),
                            ));
                            ctx.request_repaint();
                        }
                    };
                    let _ = std::thread::Builder::new()
                        .name("kampvuur-opener".into())
                        .spawn(reaper);
                    return Ok(());
                }
                Err(e) => {
                    last = format!(
                        "{} kon niet starten: {}",
                        program.name,
                        content::dutch_io(&e)
                    )
                }
            }
        }
        Err(cannot_open(path, how, &last))
    }

    /// A notice from a program that failed after it started, if any.
    pub fn poll(&self) -> Option<Notice> {
        self.rx.try_recv().ok()
    }
}

/// The Dutch notice for a path that did not open; it keeps the path so the
/// bar offers to copy it.
pub fn cannot_open(path: &Path, how: Open, why: &str) -> Notice {
    let what = match how {
        Open::File => "Het bestand kan niet worden geopend",
        Open::FolderOf => "De map kan niet worden geopend",
        Open::Edit => "De teksteditor kon het bestand niet openen",
    };
    let shown = match how {
        Open::FolderOf => path.parent().unwrap_or(path),
        _ => path,
    };
    Notice {
        text: format!("{what} ({why}). Je vindt het hier: {}", shown.display()),
        error: true,
        file: Some(shown.to_owned()),
    }
}

fn spawn(program: &Program) -> std::io::Result<std::process::Child> {
    let mut command = Command::new(&program.name);
    command.args(&program.args);
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt;
        if let Some(raw) = &program.raw {
            command.raw_arg(raw);
        }
    }
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
}

/// The programs to try for `path`, in order.
#[cfg(windows)]
fn programs(path: &Path, how: Open) -> Vec<Program> {
    let file: OsString = path.as_os_str().to_owned();
    match how {
        // explorer.exe opens a file with its default program and, when no
        // program is associated, shows Windows' own "Hoe wil je dit bestand
        // openen?" chooser, so the trainer is never left without an answer.
        // (rundll32 url.dll,FileProtocolHandler does the same but is
        // undocumented; `cmd /c start` mangles paths with & or ^.) Its exit
        // code is 1 even when it worked, so only a failed start counts.
        Open::File => vec![Program {
            honest_exit: false,
            ..Program::new("explorer.exe", vec![file])
        }],
        // `/select,"…"` opens the folder with the file selected; the quotes
        // must reach explorer as written, hence the raw argument.
        Open::FolderOf => vec![Program {
            honest_exit: false,
            raw: Some(format!("/select,\"{}\"", path.display())),
            ..Program::new("explorer.exe", Vec::new())
        }],
        // .workshop.ron is associated with kampvuur itself on Windows, so
        // "Bewerken" asks for Notepad, which every Windows has.
        Open::Edit => vec![Program::new("notepad.exe", vec![file])],
    }
}

/// The programs to try for `path`, in order.
#[cfg(target_os = "macos")]
fn programs(path: &Path, how: Open) -> Vec<Program> {
    let file: OsString = path.as_os_str().to_owned();
    match how {
        Open::File => vec![Program::new("open", vec![file])],
        Open::FolderOf => vec![Program::new("open", vec!["-R".into(), file])],
        // -t: the default text editor.
        Open::Edit => vec![Program::new("open", vec!["-t".into(), file])],
    }
}

/// The programs to try for `path`, in order.
#[cfg(not(any(windows, target_os = "macos")))]
fn programs(path: &Path, how: Open) -> Vec<Program> {
    let file: OsString = path.as_os_str().to_owned();
    match how {
        Open::File => vec![Program::new("xdg-open", vec![file])],
        Open::FolderOf => {
            let folder = path
                .parent()
                .map_or_else(|| file.clone(), |p| p.as_os_str().to_owned());
            vec![Program::new("xdg-open", vec![folder])]
        }
        Open::Edit => {
            // A workshop file may open in kampvuur itself by default, so the
            // default *text* editor is asked for first.
            let mut out = Vec::new();
            if let Some(id) = default_text_editor() {
                out.push(Program::new("gtk-launch", vec![id.into(), file.clone()]));
            }
            out.push(Program::new("xdg-open", vec![file]));
            out
        }
    }
}

/// The desktop entry of the default editor for plain text (Linux), without
/// `.desktop`; `None` when it is unknown or kampvuur itself.
#[cfg(not(any(windows, target_os = "macos")))]
fn default_text_editor() -> Option<String> {
    let out = Command::new("xdg-mime")
        .args(["query", "default", "text/plain"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let id = String::from_utf8(out.stdout).ok()?;
    let id = id.trim().trim_end_matches(".desktop");
    (out.status.success() && !id.is_empty() && !id.contains("kampvuur")).then(|| id.to_owned())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::{Duration, Instant};

    fn woken() -> (egui::Context, Arc<AtomicUsize>) {
        let ctx = egui::Context::default();
        let count = Arc::new(AtomicUsize::new(0));
        let seen = count.clone();
        ctx.set_request_repaint_callback(move |_| {
            seen.fetch_add(1, Ordering::SeqCst);
        });
        (ctx, count)
    }

    #[test]
    fn an_opener_that_fails_says_so_within_a_second_and_wakes_the_app() {
        let (ctx, woken) = woken();
        let opener = Opener::default();
        let path = Path::new("/tmp/reflectie.pdf");
        // Like xdg-open without a PDF viewer: it starts, then exits with 3.
        let fails = Program::new("sh", vec!["-c".into(), "exit 3".into()]);
        let before = woken.load(Ordering::SeqCst);
        assert!(
            opener
                .open_with(&ctx, path, Open::File, vec![fails])
                .is_ok()
        );
        let start = Instant::now();
        let notice = loop {
            if let Some(n) = opener.poll() {
                break n;
            }
            assert!(
                start.elapsed() < Duration::from_secs(1),
                "silent for a second"
            );
            std::thread::sleep(Duration::from_millis(5));
        };
        assert!(notice.error);
        assert!(
            notice.text.contains("kan niet worden geopend"),
            "{}",
            notice.text
        );
        assert!(
            notice.text.contains("/tmp/reflectie.pdf"),
            "{}",
            notice.text
        );
        // The bar offers the path to copy.
        assert_eq!(notice.file.as_deref(), Some(path));
        // The app was woken: the notice shows without a mouse move.
        assert!(woken.load(Ordering::SeqCst) > before);
    }

    #[test]
    fn a_missing_program_is_said_at_once_with_the_folder() {
        let (ctx, _) = woken();
        let opener = Opener::default();
        let path = Path::new("/tmp/export/werkboek.pdf");
        let missing = Program::new("kampvuur-bestaat-niet", Vec::new());
        let notice = opener
            .open_with(&ctx, path, Open::FolderOf, vec![missing])
            .expect_err("cannot start");
        assert!(
            notice.text.starts_with("De map kan niet worden geopend"),
            "{}",
            notice.text
        );
        assert!(notice.text.contains("kon niet starten"), "{}", notice.text);
        assert_eq!(notice.file.as_deref(), Some(Path::new("/tmp/export")));
    }

    #[test]
    fn a_finished_opener_leaves_no_defunct_process() {
        let (ctx, _) = woken();
        let opener = Opener::default();
        let ok = Program::new("true", Vec::new());
        assert!(
            opener
                .open_with(&ctx, Path::new("/tmp/x.pdf"), Open::File, vec![ok])
                .is_ok()
        );
        // The reaper waits for it: after a moment no child of this process is a zombie.
        let deadline = Instant::now() + Duration::from_secs(2);
        loop {
            let zombies = zombie_children();
            if zombies == 0 {
                break;
            }
            assert!(Instant::now() < deadline, "{zombies} defunct children");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Children of this process in state Z (Linux /proc; 0 elsewhere).
    fn zombie_children() -> usize {
        let me = std::process::id().to_string();
        let Ok(dir) = std::fs::read_dir("/proc") else {
            return 0;
        };
        dir.filter_map(Result::ok)
            .filter_map(|e| std::fs::read_to_string(e.path().join("stat")).ok())
            .filter(|stat| {
                // pid (comm) state ppid …
                let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
                let mut f = after.split_whitespace();
                f.next() == Some("Z") && f.next() == Some(me.as_str())
            })
            .count()
    }
}
