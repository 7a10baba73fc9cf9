//! The `kampvuur` binary: command-line parsing and dispatch only.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kampvuur::cli;

/// kampvuur: dia's, casussen en checklists voor een studiemiddag.
#[derive(Parser)]
#[command(
    name = "kampvuur",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Workshopbestand (.ron) om te openen; zonder bestand de meegeleverde workshop.
    file: Option<PathBuf>,
    /// Netwerkadres voor de zaal (standaard het eerste netwerkadres van de laptop).
    #[arg(long, value_name = "ADRES")]
    bind: Option<std::net::IpAddr>,
}

#[derive(Subcommand)]
enum Command {
    /// Controleer workshopbestanden of mappen met workshopbestanden.
    Check {
        /// Bestanden of mappen.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Druk alle zichtbare tekst van een workshop af, één alinea per regel.
    Text {
        /// Het workshopbestand.
        file: PathBuf,
    },
    /// Begin een nieuwe workshop: schrijft een voorbeeld met uitleg om zelf aan te passen.
    New {
        /// Het nieuwe bestand, bijvoorbeeld workshops/mijn-workshop.workshop.ron; een bestaand bestand wordt nooit overschreven.
        file: PathBuf,
    },
    /// Exporteer een hand-out als PDF.
    Export(cli::ExportArgs),
    /// Laat de zaal meedoen: deelnemers vullen de checklists in op hun eigen telefoon.
    Serve(cli::ServeArgs),
}

fn main() -> anyhow::Result<ExitCode> {
    let args = Cli::parse();
    match args.command {
        Some(Command::Check { paths }) => Ok(cli::check(&paths)),
        Some(Command::Text { file }) => Ok(cli::text(&file)),
        Some(Command::New { file }) => Ok(cli::new(&file)),
        Some(Command::Export(export)) => Ok(cli::export(&export)),
        Some(Command::Serve(serve)) => Ok(cli::serve(&serve)),
        None => {
            kampvuur::app::run(args.file, args.bind)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
