//! One form for every text that enters kampvuur: Unicode NFC. A name typed
//! on a Mac ("Zoë" as `e` + a combining diaeresis, NFD) and the same name
//! typed on Windows are then the same text, print with the font's composed
//! letter, and compare equal.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// `text` in NFC; borrowed when it already is (nearly every text).
pub fn nfc(text: &str) -> Cow<'_, str> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        IsNormalized::No | IsNormalized::Maybe => {
            let composed: String = text.nfc().collect();
            if composed == text {
                Cow::Borrowed(text)
            } else {
                Cow::Owned(composed)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_letters_are_composed() {
        assert_eq!(nfc("Zoe\u{308} C\u{327}elik"), "Zoë Çelik");
        assert_eq!(nfc("Jose\u{301} Mu\u{308}ller"), "José Müller");
        assert!(matches!(nfc("Zoë"), Cow::Borrowed(_)));
        assert!(matches!(nfc("gewone tekst"), Cow::Borrowed(_)));
        // Hangul jamo compose as well; a lone combining mark stays.
        assert_eq!(nfc("\u{1100}\u{1161}"), "\u{ac00}");
        assert_eq!(nfc("\u{301}"), "\u{301}");
    }
}
