//! `kampvuur.com` on Windows: the command for terminals.
//!
//! `kampvuur.exe` is a GUI program (no console window behind the app), and a
//! terminal does not wait for a GUI program: the prompt would come back
//! before `kampvuur check` has printed, without its exit code. The installer
//! puts this small console program beside it as `kampvuur.com`; Windows finds
//! `.com` before `.exe`, so `kampvuur …` typed in PowerShell or the
//! Opdrachtprompt runs this, which runs `kampvuur.exe` with the same
//! arguments and the same console, waits, and returns its exit code.
//! Explorer, the Start menu and double-clicked files start `kampvuur.exe`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(exe) = std::env::current_exe().ok().map(|me| {
        me.with_file_name(if cfg!(windows) {
            "kampvuur.exe"
        } else {
            "kampvuur"
        })
    }) else {
        eprintln!("kampvuur: de map van dit programma is niet te vinden");
        return ExitCode::FAILURE;
    };
    match std::process::Command::new(&exe)
        .args(std::env::args_os().skip(1))
        .status()
    {
        Ok(status) => match status.code() {
            Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
            None => ExitCode::FAILURE,
        },
        Err(e) => {
            eprintln!("kampvuur: {} start niet: {e}", exe.display());
            ExitCode::FAILURE
        }
    }
}
