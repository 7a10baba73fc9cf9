//! The `kampvuur` binary: command-line parsing and dispatch only.
//!
//! On Windows the program is a GUI program (no console window behind the
//! app); the subcommands attach to the console of the terminal they were
//! started from, so `kampvuur check …` still prints there.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::io::Write;
use std::process::ExitCode;

use kampvuur::cli::{self, Command, Parsed};

fn main() -> ExitCode {
    // Any arguments means a terminal (or a file opened from Explorer, where
    // there is no console to attach to and nothing is printed).
    if std::env::args_os().len() > 1 {
        console::attach();
    }
    let args = match cli::parse() {
        Parsed::Run(args) => args,
        Parsed::Print {
            text,
            to_stderr,
            code,
        } => {
            // A closed terminal is no reason to panic.
            let _ = if to_stderr {
                std::io::stderr().write_all(text.as_bytes())
            } else {
                std::io::stdout().write_all(text.as_bytes())
            };
            return ExitCode::from(code);
        }
    };
    match args.command {
        Some(Command::Check { paths }) => cli::check(&paths),
        Some(Command::Text { file, variant }) => cli::text(&file, variant.as_deref()),
        Some(Command::New { file }) => cli::new(&file),
        Some(Command::Export(export)) => cli::export(&export),
        Some(Command::Serve(serve)) => cli::serve(&serve),
        None => match kampvuur::app::run(args.file, args.bind) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("kampvuur: het venster kan niet worden geopend: {e}");
                ExitCode::FAILURE
            }
        },
    }
}

/// Windows: attach to the parent's console, if there is one.
#[cfg(windows)]
#[allow(unsafe_code)]
mod console {
    /// `ATTACH_PARENT_PROCESS`: the console of the process that started us.
    const PARENT: u32 = u32::MAX;

    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn AttachConsole(process_id: u32) -> i32;
    }

    pub fn attach() {
        // SAFETY: AttachConsole takes a plain integer and only changes this
        // process's console; it fails harmlessly (returns 0) when there is
        // no parent console or one is already attached.
        unsafe {
            AttachConsole(PARENT);
        }
    }
}

#[cfg(not(windows))]
mod console {
    /// Elsewhere the program always has its terminal.
    pub fn attach() {}
}
