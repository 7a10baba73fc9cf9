//! The command line: what `kampvuur` accepts, with its help and its errors in
//! Dutch. clap has no translations, so the help is built from Dutch
//! headings and templates, and every clap error is said again in our own
//! words (`dutch.rs`).

use std::ffi::OsString;
use std::net::IpAddr;
use std::path::PathBuf;

use clap::{ArgAction, ColorChoice, CommandFactory, FromArgMatches, Parser, Subcommand};

use super::{ExportArgs, ServeArgs};

/// kampvuur: dia's, casussen en checklists voor een studiemiddag.
#[derive(Debug, Parser)]
#[command(
    name = "kampvuur",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Workshopbestand (.ron) om te openen; zonder bestand de meegeleverde workshop.
    #[arg(value_name = "BESTAND")]
    pub file: Option<PathBuf>,
    /// Netwerkadres voor de zaal (standaard het eerste netwerkadres van de laptop).
    #[arg(long, value_name = "ADRES")]
    pub bind: Option<IpAddr>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Controleer workshopbestanden, variantbestanden (.variant.ron) of mappen met zulke bestanden.
    Check {
        /// Bestanden of mappen.
        #[arg(required = true, value_name = "PAD")]
        paths: Vec<PathBuf>,
    },
    /// Druk alle zichtbare tekst van een workshop af, één alinea per regel.
    Text {
        /// Het workshopbestand.
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
        /// Alleen wat in deze variant zit: de naam van een variant of een variantbestand.
        #[arg(long, value_name = "NAAM|BESTAND")]
        variant: Option<String>,
    },
    /// Begin een nieuwe workshop: schrijft een voorbeeld met uitleg om zelf aan te passen.
    New {
        /// Het nieuwe bestand, bijvoorbeeld workshops/mijn-workshop.workshop.ron; een bestaand bestand wordt nooit overschreven.
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
    },
    /// Exporteer een hand-out als PDF.
    Export(ExportArgs),
    /// Laat de zaal meedoen: deelnemers vullen de checklists in op hun eigen telefoon.
    Serve(ServeArgs),
}

/// What parsing gave: the arguments, or text to print and an exit code
/// (help and version go to standard output with 0, errors to standard
/// error with 2).
#[derive(Debug)]
pub enum Parsed {
    Run(Box<Cli>),
    Print {
        text: String,
        to_stderr: bool,
        code: u8,
    },
}

/// The help layout: clap's own template prints English headings.
const TEMPLATE: &str = "{about-with-newline}\nGebruik: {usage}\n\n{all-args}{after-help}";

/// clap's command for `kampvuur`, with Dutch headings, flags and value names
/// throughout.
pub fn command() -> clap::Command {
    let root = Cli::command()
        .color(ColorChoice::Never)
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Toon de versie van kampvuur"),
        )
        .after_help(
            "Zonder opdracht start kampvuur het programma zelf.\n\
             Meer uitleg bij een opdracht: kampvuur <OPDRACHT> --help",
        );
    dutch(root)
}

/// Headings, template, help flag and value names in Dutch, for a command
/// and all its subcommands.
fn dutch(cmd: clap::Command) -> clap::Command {
    let ids: Vec<(clap::Id, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().clone(), a.is_positional()))
        .collect();
    let mut cmd = cmd
        .help_template(TEMPLATE)
        .disable_help_flag(true)
        .subcommand_help_heading("Opdrachten")
        .subcommand_value_name("OPDRACHT")
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Toon deze uitleg"),
        );
    for (id, positional) in ids {
        let heading = if positional { "Argumenten" } else { "Opties" };
        cmd = cmd.mut_arg(id, |a| {
            let a = a.help_heading(heading);
            // clap's own placeholder is the option's name in capitals.
            let english = a.get_id().as_str().to_uppercase();
            let default = match a.get_value_names() {
                None => true,
                Some([only]) => only.as_str() == english,
                Some(_) => false,
            };
            match value_name(a.get_id().as_str()) {
                Some(name) if default && a.get_action().takes_values() => a.value_name(name),
                _ => a,
            }
        });
    }
    cmd.mut_arg("help", |a| a.help_heading("Opties"))
        .mut_subcommands(dutch)
}

/// A Dutch placeholder for an option's value, where clap's own (the
/// option's name in capitals) is English.
fn value_name(id: &str) -> Option<&'static str> {
    Some(match id {
        "kind" => "SOORT",
        "out" | "file" | "names" => "BESTAND",
        "workshop" => "WORKSHOP",
        "port" => "POORT",
        "start" => "TIJD",
        "date" => "DATUM",
        "trainer" | "school" => "NAAM",
        _ => return None,
    })
}

/// Parses the process's own arguments.
pub fn parse() -> Parsed {
    parse_from(std::env::args_os())
}

/// Parses `args` (the first is the program name).
pub fn parse_from<I, T>(args: I) -> Parsed
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    if let Some(text) = super::dutch::mistyped_command(&args) {
        return Parsed::Print {
            text,
            to_stderr: true,
            code: 2,
        };
    }
    let matches = command().try_get_matches_from(&args);
    match matches.and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => Parsed::Run(Box::new(cli)),
        Err(err) => super::dutch::error(&err, &args),
    }
}

/// The names of the subcommands, for suggestions.
pub(super) fn subcommand_names() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect()
}
