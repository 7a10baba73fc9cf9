//! One slug function for file names (answers, sessions, handouts).

/// Longest slug, in characters (all ASCII).
pub const MAX_SLUG: usize = 64;

/// A safe file name for `name`: lowercase ASCII letters, digits and single
/// dashes; Dutch (and other Latin) diacritics folded (é → e, ĳ → ij). Never
/// empty (`fallback` instead), never `.` or `..`, at most 64 characters.
pub fn slug(name: &str, fallback: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            // A combining accent: dropped, like the accents of é and ë.
            continue;
        }
        let folded = fold(c);
        if folded.is_empty() {
            dash = !out.is_empty();
            continue;
        }
        for f in folded.chars() {
            if dash {
                out.push('-');
                dash = false;
            }
            out.push(f);
        }
    }
    out.truncate(MAX_SLUG);
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        if fallback.is_empty() {
            "x".to_owned()
        } else {
            slug(fallback, "")
        }
    } else {
        trimmed.to_owned()
    }
}

/// The ASCII letters for a lowercase character; empty for separators.
fn fold(c: char) -> &'static str {
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    if c.is_ascii_lowercase() || c.is_ascii_digit() {
        let i = LETTERS.find(c).unwrap_or(0);
        return LETTERS.get(i..=i).unwrap_or("");
    }
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Het vurige kind — in de klas!", "x"),
            "het-vurige-kind-in-de-klas"
        );
        assert_eq!(slug("Zoë Ĳsbrand-Müller", "x"), "zoe-ijsbrand-muller");
        assert_eq!(slug("../../etc/passwd", "x"), "etc-passwd");
        assert_eq!(slug("  ", "anoniem"), "anoniem");
        assert_eq!(slug("🔥🔥", "anoniem"), "anoniem");
        assert_eq!(slug("..", ""), "x");
        assert_eq!(slug(&"a".repeat(200), "x").len(), MAX_SLUG);
    }
}
