use std::process::ExitCode;

/// Arguments of `kampvuur export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {}

pub fn export(_args: &ExportArgs) -> ExitCode {
    eprintln!("nog niet beschikbaar");
    ExitCode::FAILURE
}
