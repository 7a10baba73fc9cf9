//! ron: the one parser set-up for all our files, and its errors in Dutch.

use ron::error::Error as RonError;

/// Deepest nesting of brackets ron accepts; keeps the parser off the end of the stack.
const RECURSION_LIMIT: usize = 64;

/// The one ron set-up for every file kampvuur reads (workshops, answers,
/// sessions, settings): optional fields without `Some(…)`, newtype variants
/// without their inner brackets, and a nesting limit.
pub(crate) fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(
            ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES
                | ron::extensions::Extensions::IMPLICIT_SOME,
        )
        .with_recursion_limit(RECURSION_LIMIT)
}

/// A ron error of a file that is not a workshop (answers, sessions,
/// settings): its position and its Dutch message, `regel 3, kolom 7: …`.
pub(crate) fn ron_error_text(e: &ron::error::SpannedError) -> String {
    format!(
        "regel {}, kolom {}: {}",
        e.span.start.line,
        e.span.start.col,
        ron_message(&e.code)
    )
}

/// The Dutch message for a ron error.
pub(crate) fn ron_message(e: &RonError) -> String {
    use RonError as E;
    match e {
        E::Eof => "het bestand houdt onverwacht op; ontbreekt er een `)` of `]` aan het einde?"
            .into(),
        E::UnexpectedChar(c) => format!("onverwacht teken {}", show_char(*c)),
        E::TrailingCharacters => {
            "er staat nog tekst na het einde van de workshop; staat er een `)` te veel?".into()
        }
        E::ExpectedComma => "hier wordt een komma verwacht; ontbreekt er een komma aan het eind van de vorige regel, of staat er een \" in een tekst (schrijf die als \\\")?".into(),
        E::ExpectedArray => "hier wordt een lijst verwacht, beginnend met `[`".into(),
        E::ExpectedArrayEnd => "hier wordt `]` verwacht (einde van de lijst)".into(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "hier wordt `(` verwacht (begin van een blok met velden)".into()
        }
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => {
            "hier wordt `)` verwacht; ontbreekt er een komma of een `)`?".into()
        }
        E::ExpectedMap => "hier wordt `{` verwacht".into(),
        E::ExpectedMapColon => "hier wordt een dubbele punt `:` verwacht".into(),
        E::ExpectedMapEnd => "hier wordt `}` verwacht".into(),
        E::ExpectedString => "hier wordt tekst tussen aanhalingstekens verwacht".into(),
        E::ExpectedStringEnd => {
            "de tekst wordt niet afgesloten; ontbreekt er een `\"` (schrijf een \" in de tekst als \\\")?"
                .into()
        }
        E::ExpectedInteger => "hier wordt een geheel getal verwacht".into(),
        E::ExpectedFloat => "hier wordt een getal verwacht".into(),
        E::ExpectedBoolean => "hier wordt `true` of `false` verwacht".into(),
        E::ExpectedIdentifier => {
            "hier wordt een naam zonder aanhalingstekens verwacht, zoals een veldnaam (`title:`) of een soort (`Group`)"
                .into()
        }
        E::ExpectedChar => "hier wordt één teken tussen enkele aanhalingstekens verwacht".into(),
        E::ExpectedOption => "hier wordt een waarde of `None` verwacht".into(),
        E::ExpectedUnit => "hier wordt `()` verwacht".into(),
        E::IntegerOutOfBounds => "dit getal is te groot (of negatief)".into(),
        E::InvalidIntegerDigit { digit, .. } => {
            format!("ongeldig cijfer {} in een getal", show_char(*digit))
        }
        E::UnderscoreAtBeginning | E::FloatUnderscore => {
            "een getal mag hier geen liggend streepje `_` bevatten".into()
        }
        E::InvalidEscape(what) => format!(
            "ongeldige code met `\\` in de tekst ({}); schrijf een backslash zelf als `\\\\`",
            dutch_escape(what)
        ),
        E::UnclosedBlockComment => "commentaar met `/*` wordt niet afgesloten met `*/`".into(),
        E::UnclosedLineComment => "commentaar met `//` wordt niet afgesloten".into(),
        E::Utf8Error(_) => "ongeldige UTF-8-tekens".into(),
        E::NoSuchExtension(name) => format!("onbekende RON-extensie ‘{name}’"),
        E::ExceededRecursionLimit => {
            "te diep genest: te veel haakjes binnen haakjes (controleer of alle `(` en `[` gesloten worden)"
                .into()
        }
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "onbekend veld ‘{found}’{}; {}",
            in_outer(outer.as_deref()),
            one_of(expected, "velden")
        ),
        E::MissingStructField { field, outer } => format!(
            "verplicht veld ‘{field}’ ontbreekt{}; het blok sluit hier",
            in_outer(outer.as_deref())
        ),
        E::DuplicateStructField { field, outer } => {
            format!("veld ‘{field}’ staat er twee keer{}", in_outer(outer.as_deref()))
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "onbekende soort ‘{found}’{}; {}",
            in_outer(outer.as_deref()),
            one_of(expected, "soorten")
        ),
        E::ExpectedDifferentStructName { expected, found } => format!(
            "hier wordt {} verwacht (`{expected}(`), maar hier staat ‘{found}’; is dit het goede bestand?",
            dutch_struct(expected)
        ),
        E::ExpectedStructName(name) => format!(
            "hier wordt {} verwacht, met de naam ervoor: `{name}(`",
            dutch_struct(name)
        ),
        E::InvalidValueForType { expected, found } => format!(
            "verkeerd soort waarde: verwacht {}, gevonden {}",
            dutch_expected(expected),
            dutch_found(found)
        ),
        E::ExpectedDifferentLength { expected, found } => format!(
            "verkeerd aantal elementen: verwacht {}, gevonden {found}",
            dutch_expected(expected)
        ),
        E::SuggestRawIdentifier(name) | E::InvalidIdentifier(name) => format!(
            "ongeldige naam ‘{name}’; een veldnaam of soort bestaat uit letters, cijfers en `_`"
        ),
        E::Message(m) => dutch_message(m),
        E::ExpectedByteLiteral => "hier wordt een byte verwacht, zoals `b'a'`".into(),
        E::ExpectedByteString => "hier wordt een bytetekst verwacht, zoals `b\"abc\"`".into(),
        E::ExpectedAttribute | E::ExpectedAttributeEnd => {
            "een `#![…]`-regel bovenaan het bestand is hier niet goed geschreven".into()
        }
        E::ExpectedRangeSyntax => "hier wordt `..` of `..=` verwacht".into(),
        E::ExpectedRawValue | E::Fmt => "deze waarde kan hier niet worden gelezen".into(),
        E::Io(_) => "het bestand kan niet worden gelezen".into(),
        // ron may add kinds of error; we never show its English.
        _ => "het bestand is hier geen geldige RON-tekst".into(),
    }
}

/// ron's reasons for a bad `\\` code in a string, in Dutch.
fn dutch_escape(what: &str) -> &'static str {
    match what {
        "Unknown escape character" => "onbekend teken na `\\`",
        "Non-hex digit found" => {
            "na `\\x` of in `\\u{…}` mogen alleen hexadecimale cijfers staan (0-9, a-f)"
        }
        "Missing { in Unicode escape" => "na `\\u` hoort een `{`, zoals in `\\u{e9}`",
        "No } at the end of Unicode escape" => {
            "`\\u{…}` wordt niet afgesloten met `}` (hoogstens 6 cijfers)"
        }
        "Expected 1-6 digits, got 0 digits in Unicode escape" => {
            "tussen `\\u{` en `}` staan 1 tot 6 hexadecimale cijfers"
        }
        "Not a valid Unicode-escaped character" => "dit getal is geen bestaand teken",
        "Not a valid byte-escaped Unicode character" => {
            "`\\x` met een getal boven 7F is geen teken; schrijf `\\u{…}`"
        }
        "Unexpected Unicode escape in byte literal" => "`\\u{…}` kan niet in een bytetekst",
        _ => "onbekende code na `\\`",
    }
}

/// A message from serde or from one of our own types, in Dutch.
fn dutch_message(m: &str) -> String {
    if m.starts_with("expected `..") {
        return "hier wordt `..` of `..=` verwacht".into();
    }
    if m.chars().any(|c| c.is_ascii_alphabetic())
        && m.split_whitespace().any(|w| {
            matches!(
                w,
                "expected" | "invalid" | "unknown" | "missing" | "found" | "the" | "a" | "an"
            )
        })
    {
        // An English message we do not know: not shown as it is.
        return "ongeldige waarde op deze plek".into();
    }
    format!("ongeldige waarde: {m}")
}

/// The names of our file types, in Dutch.
fn dutch_struct(name: &str) -> String {
    match name {
        "Workshop" => "een workshop".into(),
        "RoomSession" => "een sessie van de zaal".into(),
        "AnswerSet" => "een bestand met antwoorden".into(),
        "Settings" => "instellingen".into(),
        "SessionRecord" => "een sessieverslag".into(),
        "Section" => "een onderdeel".into(),
        other => format!("een blok ‘{other}’"),
    }
}

fn show_char(c: char) -> String {
    match c {
        '\n' => "(einde van de regel)".into(),
        '\t' => "(tab)".into(),
        ' ' => "(spatie)".into(),
        c if super::error::is_hidden(c) => format!("U+{:04X}", u32::from(c)),
        c => format!("‘{c}’"),
    }
}

fn in_outer(outer: Option<&str>) -> String {
    let Some(outer) = outer else {
        return String::new();
    };
    let dutch = match outer {
        "Workshop" => "de workshop",
        "Section" => "een onderdeel",
        "Slide" => "een dia",
        "Case" => "een casus",
        "Checklist" => "een checklist",
        "ChecklistItem" => "een checklistvraag",
        "Item" => "een item",
        "Timer" => "een timer",
        "Break" => "een pauze",
        "Scale" => "een schaal",
        "Open" => "een open vraag",
        _ => return format!(" in ‘{outer}’"),
    };
    format!(" in {dutch} ({outer})")
}

fn one_of(alts: &[&str], none: &str) -> String {
    match alts {
        [] => format!("hier zijn geen {none} mogelijk"),
        [one] => format!("verwacht: {one}"),
        _ => format!("verwacht een van: {}", alts.join(", ")),
    }
}

/// Serde's English names of expected types, in Dutch where we know them.
fn dutch_expected(expected: &str) -> String {
    let e = expected.trim();
    let known = match e {
        "a string" | "string" => "tekst tussen aanhalingstekens",
        "a sequence" => "een lijst `[…]`",
        "a boolean" => "`true` of `false`",
        "u8" | "u16" | "u32" | "u64" | "usize" => "een geheel getal (0 of groter)",
        "i8" | "i16" | "i32" | "i64" => "een geheel getal",
        "f32" | "f64" => "een getal",
        "option" => "een waarde",
        _ if e.starts_with("a map") || e.starts_with("map") => "een blok met velden",
        _ => {
            if let Some(name) = e.strip_prefix("struct ") {
                return format!("een blok ‘{name}(…)’");
            }
            if let Some(name) = e.strip_prefix("enum ") {
                return format!("een van de soorten van ‘{name}’");
            }
            return english_count(e).unwrap_or_else(|| "een andere waarde".to_owned());
        }
    };
    known.to_owned()
}

/// serde's "a tuple of size 2", "2 elements", "an array of length 3".
fn english_count(e: &str) -> Option<String> {
    let n: String = e.chars().filter(char::is_ascii_digit).collect();
    if n.is_empty() {
        return None;
    }
    Some(if n == "1" {
        "1 element".to_owned()
    } else {
        format!("{n} elementen")
    })
}

fn dutch_found(found: &str) -> String {
    let f = found.trim();
    for (en, nl) in [
        ("the string ", "de tekst "),
        ("the unsigned integer ", "het getal "),
        ("the signed integer ", "het getal "),
        ("the floating point number ", "het getal "),
        ("the boolean ", "de waarde "),
        ("the UTF-8 character ", "het teken "),
    ] {
        if let Some(rest) = f.strip_prefix(en) {
            return format!("{nl}{rest}");
        }
    }
    match f {
        "a sequence" => "een lijst".into(),
        "a map" => "een blok met velden".into(),
        "a unit value" => "`()`".into(),
        "an optional value" => "een optionele waarde".into(),
        "an enum" | "a unit variant" | "a newtype variant" | "a tuple variant"
        | "a struct variant" => "een soort (zoals `Slide(…)`)".into(),
        "a unit struct" | "a newtype struct" | "a tuple" | "a tuple struct" => {
            "een blok met haakjes".into()
        }
        _ if f.starts_with("the ") || f.starts_with("a ") || f.starts_with("an ") => {
            "iets anders".into()
        }
        _ => f.to_owned(),
    }
}

#[cfg(test)]
#[path = "ron_text_tests.rs"]
mod tests;
