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
            match *what {
                "Unknown escape character" => "onbekend teken na `\\`",
                other => other,
            }
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
        E::ExpectedDifferentStructName { expected, found } => {
            format!("hier wordt ‘{expected}’ verwacht, niet ‘{found}’")
        }
        E::ExpectedStructName(name) => format!("hier wordt ‘{name}(…)’ verwacht"),
        E::InvalidValueForType { expected, found } => format!(
            "verkeerd soort waarde: verwacht {}, gevonden {}",
            dutch_expected(expected),
            dutch_found(found)
        ),
        E::ExpectedDifferentLength { expected, found } => format!(
            "verkeerd aantal elementen: verwacht {expected}, gevonden {found}"
        ),
        E::SuggestRawIdentifier(name) | E::InvalidIdentifier(name) => format!(
            "ongeldige naam ‘{name}’; een veldnaam of soort bestaat uit letters, cijfers en `_`"
        ),
        E::Message(m) => format!("ongeldige waarde: {m}"),
        other => format!("RON-fout: {other}"),
    }
}

fn show_char(c: char) -> String {
    match c {
        '\n' => "(einde van de regel)".into(),
        '\t' => "(tab)".into(),
        ' ' => "(spatie)".into(),
        c if c.is_control() => format!("U+{:04X}", u32::from(c)),
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
            return e.to_owned();
        }
    };
    known.to_owned()
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
        _ => f.to_owned(),
    }
}
