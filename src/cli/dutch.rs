//! clap's errors said again in Dutch, and the few English words clap puts
//! into its help text replaced.

use std::error::Error as _;
use std::ffi::OsString;
use std::path::Path;

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

use super::args::{Parsed, subcommand_names};

/// English words in clap's rendered help and usage, and ours for them.
const WORDS: [(&str, &str); 8] = [
    ("[OPTIONS]", "[OPTIES]"),
    ("Possible values:", "Mogelijke waarden:"),
    ("[possible values: ", "[mogelijke waarden: "),
    ("[default: ", "[standaard: "),
    ("[aliases: ", "[ook: "),
    ("[alias: ", "[ook: "),
    ("[env: ", "[omgevingsvariabele: "),
    ("Usage: ", "Gebruik: "),
];

/// Help or usage text from clap with its English words in Dutch.
pub fn translate(text: &str) -> String {
    WORDS
        .iter()
        .fold(text.to_owned(), |t, (en, nl)| t.replace(en, nl))
}

/// What to print for a clap error: help and version as they are (in
/// Dutch), every real error in our own words with the usage line.
pub fn error(err: &Error, args: &[OsString]) -> Parsed {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => Parsed::Print {
            text: with_newline(translate(&err.render().to_string())),
            to_stderr: false,
            code: 0,
        },
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => Parsed::Print {
            text: with_newline(translate(&err.render().to_string())),
            to_stderr: true,
            code: 2,
        },
        _ => Parsed::Print {
            text: message(err, subcommand(args)),
            to_stderr: true,
            code: 2,
        },
    }
}

fn with_newline(mut text: String) -> String {
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// The subcommand named on the command line, if any: its usage and help
/// are the ones to point at.
fn subcommand(args: &[OsString]) -> Option<String> {
    let names = subcommand_names();
    args.iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find(|a| !a.starts_with('-'))
        .filter(|a| names.iter().any(|n| n == a))
        .map(str::to_owned)
}

/// `Gebruik: …` for the command or one subcommand, in Dutch.
fn usage(sub: Option<&str>) -> String {
    let mut cmd = super::args::command();
    let rendered = match sub.and_then(|s| cmd.find_subcommand_mut(s)) {
        Some(s) => {
            let mut s = s.clone().bin_name(format!("kampvuur {}", s.get_name()));
            s.render_usage().to_string()
        }
        None => cmd.render_usage().to_string(),
    };
    translate(rendered.trim())
}

fn string(err: &Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn quoted_list(err: &Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::Strings(v) if !v.is_empty() => Some(
            v.iter()
                .map(|s| format!("‘{s}’"))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::String(s) => Some(format!("‘{s}’")),
        _ => None,
    }
}

/// The whole Dutch error text: what is wrong, a suggestion, the usage line
/// and where to read more.
fn message(err: &Error, sub: Option<String>) -> String {
    let arg = string(err, ContextKind::InvalidArg).unwrap_or_default();
    let value = string(err, ContextKind::InvalidValue).unwrap_or_default();
    let mut lines = vec![format!("fout: {}", what(err, &arg, &value))];
    if let Some(s) = quoted_list(err, ContextKind::SuggestedSubcommand) {
        lines.push(format!("  bedoelde je de opdracht {s}?"));
    }
    if let Some(s) = quoted_list(err, ContextKind::SuggestedArg) {
        lines.push(format!("  bedoelde je {s}?"));
    }
    if let Some(s) = quoted_list(err, ContextKind::SuggestedValue) {
        lines.push(format!("  bedoelde je {s}?"));
    }
    if let Some(s) = string(err, ContextKind::TrailingArg) {
        lines.push(format!(
            "  om ‘{s}’ als waarde te geven, zet er ‘-- {s}’ voor"
        ));
    }
    if let Some(valid) = quoted_list(err, ContextKind::ValidValue) {
        lines.push(format!("  mogelijke waarden: {valid}"));
    }
    lines.push(String::new());
    lines.push(usage(sub.as_deref()));
    lines.push(String::new());
    match &sub {
        Some(sub) => lines.push(format!("Meer uitleg: kampvuur {sub} --help")),
        None => lines.push("Meer uitleg: kampvuur --help".to_owned()),
    }
    lines.join("\n") + "\n"
}

/// The first line: what is wrong, in Dutch.
fn what(err: &Error, arg: &str, value: &str) -> String {
    match err.kind() {
        ErrorKind::UnknownArgument if arg.starts_with('-') => format!("onbekende optie ‘{arg}’"),
        ErrorKind::UnknownArgument => format!("onverwacht argument ‘{arg}’"),
        ErrorKind::InvalidSubcommand => {
            let sub = string(err, ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("onbekende opdracht ‘{sub}’")
        }
        ErrorKind::InvalidValue if value.is_empty() => format!("‘{arg}’ heeft een waarde nodig"),
        ErrorKind::InvalidValue => format!("‘{value}’ is geen mogelijke waarde voor ‘{arg}’"),
        ErrorKind::ValueValidation => {
            let why = err
                .source()
                .map(|s| reason(&s.to_string()))
                .unwrap_or_else(|| "die klopt niet".to_owned());
            format!("ongeldige waarde ‘{value}’ voor ‘{arg}’: {why}")
        }
        ErrorKind::NoEquals => format!("‘{arg}’ heeft een ‘=’ nodig voor de waarde"),
        ErrorKind::TooManyValues => {
            format!("te veel waarden bij ‘{arg}’ (‘{value}’ is er een te veel)")
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("‘{arg}’ heeft een ander aantal waarden nodig")
        }
        ErrorKind::ArgumentConflict => match string(err, ContextKind::PriorArg) {
            Some(prior) => format!("‘{arg}’ gaat niet samen met ‘{prior}’"),
            None => format!("‘{arg}’ gaat niet samen met iets anders op de regel"),
        },
        ErrorKind::MissingRequiredArgument => {
            let missing = string(err, ContextKind::InvalidArg).unwrap_or_default();
            format!("dit ontbreekt nog: {missing}")
        }
        ErrorKind::MissingSubcommand => "kies een opdracht".to_owned(),
        ErrorKind::InvalidUtf8 => {
            "een argument bevat tekens die geen geldige tekst (UTF-8) zijn".to_owned()
        }
        _ => "de opdracht klopt niet".to_owned(),
    }
}

/// A parse error from the standard library (which speaks English) in
/// Dutch; our own parsers already speak Dutch and pass unchanged.
fn reason(source: &str) -> String {
    match source {
        "invalid IP address syntax" => {
            "geen geldig netwerkadres; schrijf bijvoorbeeld 192.168.1.20".to_owned()
        }
        "invalid digit found in string" => "dat is geen (heel) getal".to_owned(),
        "number too large to fit in target type" => "dat getal is te groot".to_owned(),
        "number too small to fit in target type" => "dat getal is te klein".to_owned(),
        "cannot parse integer from empty string" => "er staat geen getal".to_owned(),
        "invalid port value" => "dat is geen poort".to_owned(),
        other if other.contains(" is not in ") => match other
            .split_once(" is not in ")
            .and_then(|(_, range)| range.split_once("..="))
        {
            Some((low, high)) => format!("dat getal ligt niet tussen {low} en {high}"),
            None => "dat getal is te groot of te klein".to_owned(),
        },
        other if other.is_ascii() => "die klopt niet".to_owned(),
        other => other.to_owned(),
    }
}

/// `kampvuur chek …`: the first word is not a subcommand, not an existing
/// file and looks like a subcommand. Without this, it would be taken as a
/// workshop file to open in the app.
pub fn mistyped_command(args: &[OsString]) -> Option<String> {
    let first = args.get(1)?.to_str()?;
    if first.starts_with('-') || first.contains(['.', '/', '\\']) || Path::new(first).exists() {
        return None;
    }
    let names = subcommand_names();
    if names.iter().any(|n| n == first) {
        return None;
    }
    let lower = first.to_lowercase();
    let best = names
        .iter()
        .map(|n| (distance(&lower, n), n))
        .filter(|(d, n)| *d <= 2 && *d < n.chars().count())
        .min_by_key(|(d, _)| *d)?;
    Some(format!(
        "fout: onbekende opdracht ‘{first}’\n  bedoelde je de opdracht ‘{}’?\n\n\
         Opdrachten: {}\n\nMeer uitleg: kampvuur --help\n",
        best.1,
        names.join(", ")
    ))
}

/// Edit distance (insert, delete, replace, swap of neighbours) between two
/// short words.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("chek", "check"), 1);
        assert_eq!(distance("exprot", "export"), 1);
        assert_eq!(distance("serve", "serve"), 0);
        assert_eq!(distance("xyz", "check"), 5);
    }

    #[test]
    fn std_reasons_in_dutch() {
        assert!(reason("invalid IP address syntax").contains("netwerkadres"));
        assert_eq!(reason("some english detail"), "die klopt niet");
        assert_eq!(
            reason("99999 is not in 0..=65535"),
            "dat getal ligt niet tussen 0 en 65535"
        );
        assert_eq!(reason("‘x’ is geen tijd"), "‘x’ is geen tijd");
    }
}
