//! `kampvuur export`: write a handout as PDF.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::content::{AnswerStore, Resumed, RoomStore, refuse_sources, save_handout};
use crate::model::{AccessCode, AnswerSet, RoomSession, TeamSummary, Workshop, team_csv};
use crate::pdf::{self, DocKind, ExportRequest};

/// Which handout to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    /// Deelnemerswerkboek.
    Workbook,
    /// Trainershandleiding.
    Guide,
    /// Persoonlijke reflectie (met --answers of --answers-file).
    Reflection,
    /// Dia's, één per pagina (met --notes: plus sprekersnotities).
    Slides,
    /// Teamoverzicht van een sessie van de zaal (met --session; zonder: de nieuwste).
    Team,
    /// Hetzelfde teamoverzicht als CSV voor Excel (puntkomma's, UTF-8).
    TeamCsv,
    /// Bewijs van deelname: één pagina per naam (met --names).
    Certificate,
    /// Samenvatting: de kernzin van elk onderdeel en de gemarkeerde dia's, hooguit twee pagina's.
    Summary,
}

/// Arguments of `kampvuur export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Het workshopbestand (.ron).
    pub workshop: PathBuf,
    /// Welk document.
    #[arg(long, value_enum)]
    pub kind: KindArg,
    /// Dia's met sprekersnotities.
    #[arg(long)]
    pub notes: bool,
    /// Opgeslagen antwoorden van deze deelnemer (voor de reflectie); met --code.
    #[arg(
        long,
        value_name = "NAAM",
        conflicts_with = "answers_file",
        requires = "code"
    )]
    pub answers: Option<String>,
    /// De code van 4 cijfers die de deelnemer bij --answers koos.
    #[arg(long, value_name = "CIJFERS", requires = "answers")]
    pub code: Option<String>,
    /// Antwoorden uit een RON-bestand (een AnswerSet).
    #[arg(long, value_name = "BESTAND")]
    pub answers_file: Option<PathBuf>,
    /// De sessie van de zaal (voor het teamoverzicht); zonder: de nieuwste van deze workshop.
    #[arg(long, value_name = "ID")]
    pub session: Option<String>,
    /// De map met de sessies van de zaal (standaard in de gegevensmap van kampvuur).
    #[arg(long, value_name = "MAP")]
    pub data: Option<PathBuf>,
    /// Begintijd, bijvoorbeeld 13:30.
    #[arg(long, value_parser = parse_start)]
    pub start: Option<(u8, u8)>,
    /// Naam van de school.
    #[arg(long)]
    pub school: Option<String>,
    /// Naam van de trainer.
    #[arg(long)]
    pub trainer: Option<String>,
    /// Datum, zoals die op het voorblad moet staan.
    #[arg(long)]
    pub date: Option<String>,
    /// Tekstbestand met de namen van de deelnemers, één per regel (voor het bewijs van deelname).
    #[arg(long, value_name = "BESTAND")]
    pub names: Option<PathBuf>,
    /// Alleen wat in deze variant zit: de naam van een variant (zoals ‘90 minuten’) of een variantbestand.
    #[arg(long, value_name = "NAAM|BESTAND")]
    pub variant: Option<String>,
    /// Voor dubbelzijdig afdrukken: in het werkboek begint elke casus en elk blad om mee naar
    /// huis te nemen op een eigen vel (een lege achterkant zegt dat ze bewust leeg is).
    #[arg(long)]
    pub duplex: bool,
    /// Uitvoerbestand; standaard een naam op basis van de titel.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

/// "13:30" → (13, 30).
pub fn parse_start(s: &str) -> Result<(u8, u8), String> {
    let err = || format!("‘{s}’ is geen tijd; schrijf bijvoorbeeld 13:30");
    let (h, m) = s.trim().split_once([':', '.']).ok_or_else(err)?;
    let h: u8 = h.parse().map_err(|_| err())?;
    let m: u8 = m.parse().map_err(|_| err())?;
    if h > 23 || m > 59 {
        return Err(err());
    }
    Ok((h, m))
}

fn load_answers(args: &ExportArgs, workshop_title: &str) -> Result<Option<AnswerSet>, String> {
    if let Some(file) = &args.answers_file {
        let set = crate::content::load_answers_file(file)?;
        if set.workshop.trim() != workshop_title.trim() {
            return Err(format!(
                "{}: deze antwoorden horen bij de workshop ‘{}’, niet bij ‘{}’; kies de antwoorden van deze workshop",
                file.display(),
                crate::content::shown(&set.workshop),
                crate::content::shown(workshop_title)
            ));
        }
        return Ok(Some(set));
    }
    if let Some(name) = &args.answers {
        let code = args
            .code
            .as_deref()
            .and_then(AccessCode::parse)
            .ok_or("--code moet de 4 cijfers zijn die de deelnemer koos")?;
        let store = AnswerStore::default_location()
            .ok_or("de map met opgeslagen antwoorden is niet te vinden; gebruik --answers-file")?;
        return match store
            .resume(workshop_title, name, &code)
            .map_err(|e| e.to_string())?
        {
            Resumed::Found(set) => Ok(Some(set)),
            Resumed::NotFound { .. } => Err(format!(
                "er zijn geen opgeslagen antwoorden van ‘{name}’ met deze code bij ‘{workshop_title}’"
            )),
        };
    }
    Ok(None)
}

/// The team picture of the session asked for, with the session's id.
fn load_team(args: &ExportArgs, workshop: &Workshop) -> Result<(RoomSession, TeamSummary), String> {
    let store = match &args.data {
        Some(dir) => RoomStore::new(dir.clone()),
        None => RoomStore::default_location()
            .ok_or("de map met sessies van de zaal is niet te vinden; gebruik --data")?,
    };
    let (session, team) = store
        .team_summary(args.session.as_deref(), workshop)
        .map_err(|e| e.to_string())?;
    Ok((session, team))
}

/// The files an export is made from, which `--out` may not replace.
fn sources(args: &ExportArgs, workshop: &Workshop) -> Vec<(PathBuf, &'static str)> {
    let mut files = crate::content::workshop_sources(&args.workshop, workshop);
    if let Some(f) = &args.answers_file {
        files.push((f.clone(), "het bestand met antwoorden"));
    }
    if let Some(f) = &args.names {
        files.push((f.clone(), "het bestand met namen"));
    }
    files
}

/// Writes `bytes` to `out` unless `out` is one of the export's sources.
fn save(args: &ExportArgs, workshop: &Workshop, out: &Path, bytes: &[u8]) -> Result<(), String> {
    refuse_sources(out, &sources(args, workshop))
        .map_err(|e| format!("{}: kan de export niet schrijven: {e}", out.display()))?;
    save_handout(out, bytes).map_err(|e| e.to_string())
}

/// A Dutch message for a failed write, without temp-file details.
fn run(args: &ExportArgs) -> Result<String, String> {
    let workshop = crate::content::load_workshop(&args.workshop).map_err(|e| e.to_string())?;
    let (workshop, variant) = super::derive(workshop, &args.workshop, args.variant.as_deref())?;
    let variant = variant.unwrap_or_default();
    let or_variant = |given: &Option<String>, own: &String| {
        given
            .clone()
            .or_else(|| (!own.is_empty()).then(|| own.clone()))
    };
    if let Some(out) = &args.out {
        // Before any work: refused at once, not after a long render.
        refuse_sources(out, &sources(args, &workshop))
            .map_err(|e| format!("{}: kan de export niet schrijven: {e}", out.display()))?;
    }
    let answers = load_answers(args, &workshop.title)?;
    let kind = match args.kind {
        KindArg::Workbook => DocKind::Workbook,
        KindArg::Guide => DocKind::Guide,
        KindArg::Reflection => DocKind::Reflection,
        KindArg::Slides => DocKind::Slides {
            with_notes: args.notes,
        },
        KindArg::Team => DocKind::Team,
        KindArg::Certificate => DocKind::Certificate,
        KindArg::Summary => DocKind::Summary,
        KindArg::TeamCsv => {
            let (session, team) = load_team(args, &workshop)?;
            let name = pdf::default_file_name(&workshop, DocKind::Team, Some(&session.id));
            let out = args
                .out
                .clone()
                .unwrap_or_else(|| PathBuf::from(format!("{}.csv", name.trim_end_matches(".pdf"))));
            save(args, &workshop, &out, team_csv(&team).as_bytes())?;
            return Ok(format!(
                "{}: {} checklists",
                out.display(),
                team.checklists.len()
            ));
        }
    };
    let team = match kind {
        DocKind::Team => Some(load_team(args, &workshop)?),
        _ => None,
    };
    let names = match (&args.names, kind) {
        (Some(file), DocKind::Certificate) => crate::content::load_names(file)?,
        (None, DocKind::Certificate) => {
            return Err(
                "voor een bewijs van deelname is --names nodig: een tekstbestand met één naam per regel"
                    .to_owned(),
            );
        }
        _ => Vec::new(),
    };
    let req = ExportRequest {
        kind,
        start: args.start.or_else(|| variant.start_time()),
        answers: answers.as_ref(),
        team: team.as_ref().map(|(_, t)| t),
        school: or_variant(&args.school, &variant.school),
        trainer: or_variant(&args.trainer, &variant.trainer),
        // The team sheet is dated by its session unless a date is given.
        date: or_variant(&args.date, &variant.date).or_else(|| {
            team.as_ref()
                .and_then(|(s, _)| s.started.get(..10).map(str::to_owned))
        }),
        names: &names,
        duplex: args.duplex,
    };
    let rendered = pdf::render(&workshop, &req).map_err(|e| e.to_string())?;
    for warning in pdf::warnings(&workshop, &req, &rendered) {
        eprintln!("waarschuwing: {warning}");
    }
    let participant = match kind {
        DocKind::Reflection => answers.as_ref().map(|a| a.participant.as_str()),
        DocKind::Team => team.as_ref().map(|(s, _)| s.id.as_str()),
        _ => None,
    };
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(pdf::default_file_name(&workshop, kind, participant)));
    save(args, &workshop, &out, &rendered.bytes)?;
    let noun = if rendered.pages == 1 {
        "pagina"
    } else {
        "pagina’s"
    };
    Ok(format!("{}: {} {noun}", out.display(), rendered.pages))
}

pub fn export(args: &ExportArgs) -> ExitCode {
    match run(args) {
        Ok(msg) => {
            println!("{msg}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_start_times() {
        assert_eq!(parse_start("13:30"), Ok((13, 30)));
        assert_eq!(parse_start("9.05"), Ok((9, 5)));
        assert!(parse_start("25:00").is_err());
        assert!(parse_start("half twee").is_err());
    }

    #[test]
    fn failed_write_leaves_nothing_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("bestaat-niet").join("x.pdf");
        let err = save_handout(&missing, b"%PDF").unwrap_err();
        assert!(err.to_string().contains("bestaat niet"), "{err}");
        assert!(!missing.exists());
        let ok = dir.path().join("x.pdf");
        save_handout(&ok, b"%PDF").unwrap();
        assert_eq!(std::fs::read(&ok).unwrap(), b"%PDF");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&ok).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o644, "a handout is meant to be shared");
        }
    }
}
