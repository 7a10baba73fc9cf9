//! Tests of ron_text: every message Dutch.

use super::*;

/// Words of ron's and serde's English that must never reach a user.
const ENGLISH: [&str; 16] = [
    "Expected",
    "expected",
    "found",
    "Unexpected",
    "Invalid",
    "invalid",
    "Non-hex",
    "Missing",
    "escape",
    "digit",
    "struct ",
    "variant",
    "identifier",
    "instead",
    "the ",
    "RON-fout",
];

fn dutch(message: &str) {
    assert!(!message.is_empty());
    for word in ENGLISH {
        assert!(!message.contains(word), "{word:?} in {message:?}");
    }
}

#[test]
fn every_kind_of_ron_error_is_said_in_dutch() {
    use RonError as E;
    let mut kinds = vec![
        E::Fmt,
        E::Io("No such file".into()),
        E::Message("invalid type: found a map, expected a string".into()),
        E::Message("expected `..` for `Range`, found `..=`".into()),
        E::Eof,
        E::ExpectedArray,
        E::ExpectedArrayEnd,
        E::ExpectedAttribute,
        E::ExpectedAttributeEnd,
        E::ExpectedBoolean,
        E::ExpectedComma,
        E::ExpectedChar,
        E::ExpectedByteLiteral,
        E::ExpectedFloat,
        E::FloatUnderscore,
        E::ExpectedInteger,
        E::ExpectedOption,
        E::ExpectedOptionEnd,
        E::ExpectedMap,
        E::ExpectedMapColon,
        E::ExpectedMapEnd,
        E::ExpectedDifferentStructName {
            expected: "RoomSession",
            found: "root".into(),
        },
        E::ExpectedStructLike,
        E::ExpectedNamedStructLike("Workshop"),
        E::ExpectedStructLikeEnd,
        E::ExpectedUnit,
        E::ExpectedString,
        E::ExpectedByteString,
        E::ExpectedStringEnd,
        E::ExpectedIdentifier,
        E::IntegerOutOfBounds,
        E::InvalidIntegerDigit {
            digit: 'x',
            base: 10,
        },
        E::NoSuchExtension("magic".into()),
        E::UnclosedBlockComment,
        E::UnclosedLineComment,
        E::UnderscoreAtBeginning,
        E::UnexpectedChar('\u{202e}'),
        E::TrailingCharacters,
        E::InvalidValueForType {
            expected: "a tuple of size 2".into(),
            found: "the string \"x\"".into(),
        },
        E::InvalidValueForType {
            expected: "something odd".into(),
            found: "an unusual thing".into(),
        },
        E::ExpectedDifferentLength {
            expected: "an array of length 3".into(),
            found: 2,
        },
        E::InvalidIdentifier("a-b".into()),
        E::SuggestRawIdentifier("type".into()),
        E::ExpectedRawValue,
        E::ExceededRecursionLimit,
        E::ExpectedStructName("Workshop".into()),
        E::ExpectedRangeSyntax,
    ];
    for what in [
        "Unknown escape character",
        "Non-hex digit found",
        "Missing { in Unicode escape",
        "No } at the end of Unicode escape",
        "Expected 1-6 digits, got 0 digits in Unicode escape",
        "Not a valid Unicode-escaped character",
        "Not a valid byte-escaped Unicode character",
        "Unexpected Unicode escape in byte literal",
        "Something ron adds later",
    ] {
        kinds.push(E::InvalidEscape(what));
    }
    for e in &kinds {
        dutch(&ron_message(e));
    }
    let m = ron_message(&E::ExpectedDifferentStructName {
        expected: "RoomSession",
        found: "root".into(),
    });
    assert!(m.contains("een sessie van de zaal"), "{m}");
    assert!(ron_message(&E::UnexpectedChar('\u{202e}')).contains("U+202E"));
}

#[test]
fn bad_escapes_in_files_get_dutch_words_and_a_position() {
    for (src, want) in [
        (
            r#"(participant: "a\x4g", workshop: "w", checklists: {})"#,
            "hexadecimale",
        ),
        (
            r#"(participant: "a\u00e9", workshop: "w", checklists: {})"#,
            "`{`",
        ),
        (
            r#"(participant: "a\u{10000000}", workshop: "w", checklists: {})"#,
            "afgesloten",
        ),
        (
            r#"(participant: "a\u{}", workshop: "w", checklists: {})"#,
            "1 tot 6",
        ),
        (
            r#"(participant: "a\u{d800}", workshop: "w", checklists: {})"#,
            "geen bestaand teken",
        ),
        (
            r#"(participant: "a\q", workshop: "w", checklists: {})"#,
            "onbekend teken",
        ),
    ] {
        let e = ron_options()
            .from_str::<crate::model::AnswerSet>(src)
            .err()
            .map(|e| ron_error_text(&e))
            .unwrap_or_default();
        assert!(e.starts_with("regel 1, kolom "), "{src}: {e}");
        assert!(e.contains(want), "{src}: {e}");
        dutch(&e);
    }
    let e = ron_options()
        .from_str::<crate::model::AnswerSet>("root(a: 1)")
        .err()
        .map(|e| ron_error_text(&e))
        .unwrap_or_default();
    dutch(&e);
}
