//! The largest single strings and counts kampvuur accepts, so that every
//! accepted input is laid out in bounded time and memory; each with the Dutch
//! message that names the limit.

/// A title (of the workshop, a section, an item or a guide page), in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// A participant's name, in characters (the same as the room's form).
pub const MAX_NAME_CHARS: usize = 60;
/// Names in one run of bewijzen van deelname (one page each).
pub const MAX_NAMES: usize = 500;
/// Items (dia's, casussen, checklists, timers, pauzes) in one workshop.
pub const MAX_ITEMS: usize = 1_000;

/// Why `title` is too long, if it is; `what` names whose title it is.
pub fn title_too_long(title: &str, what: &str) -> Option<String> {
    let n = title.chars().count();
    (n > MAX_TITLE_CHARS).then(|| {
        format!("de titel van {what} is {n} tekens lang; het maximum is {MAX_TITLE_CHARS} tekens")
    })
}

/// Why `name` is too long for a participant's name, if it is.
pub fn name_too_long(name: &str) -> Option<String> {
    let n = name.chars().count();
    (n > MAX_NAME_CHARS).then(|| {
        format!("de naam is {n} tekens lang; een naam heeft hoogstens {MAX_NAME_CHARS} tekens")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_named_in_the_message() {
        assert_eq!(title_too_long(&"é".repeat(200), "de workshop"), None);
        let m = title_too_long(&"é".repeat(201), "de workshop").unwrap_or_default();
        assert_eq!(
            m,
            "de titel van de workshop is 201 tekens lang; het maximum is 200 tekens"
        );
        assert_eq!(name_too_long(&"Ω".repeat(60)), None);
        let m = name_too_long(&"Ω".repeat(61)).unwrap_or_default();
        assert!(m.contains("61 tekens") && m.contains("hoogstens 60"), "{m}");
    }
}
