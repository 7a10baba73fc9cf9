//! Checking what a phone sent against the workshop. A checklist form holds
//! the whole checklist: `i<n>` per answered item, `d<n>` for "deel met het
//! team"; an unticked box is simply absent.

use std::collections::BTreeSet;

use crate::model::{Answer, AnswerSet, Checklist, ChecklistItem};

/// Longest open answer, in characters.
pub const MAX_TEXT: usize = 2000;
/// Longest name, in characters.
pub const MAX_NAME: usize = 60;

/// Why a form was refused (shown to the teacher).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    #[error("het formulier bevat een onbekend veld")]
    UnknownField,
    #[error("vraag {0} staat twee keer in het formulier")]
    Twice(usize),
    #[error("het antwoord op vraag {0} past niet bij die vraag")]
    WrongKind(usize),
    #[error("het antwoord op vraag {0} valt buiten de schaal")]
    OutOfRange(usize),
    #[error("het antwoord op vraag {0} is langer dan {MAX_TEXT} tekens")]
    TooLong(usize),
    #[error("vraag {0} kan niet met het team gedeeld worden")]
    NotShareable(usize),
    #[error("een naam mag hoogstens {MAX_NAME} tekens hebben")]
    NameTooLong,
    #[error("een naam mag geen regeleinden of stuurtekens bevatten")]
    NameControl,
}

/// One checklist as the phone sent it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistForm {
    pub answers: Vec<Answer>,
    pub shared: BTreeSet<usize>,
}

/// Check every field of a checklist form (numbers in errors are 1-based).
pub fn parse(
    checklist: &Checklist,
    fields: &[(String, String)],
) -> Result<ChecklistForm, FormError> {
    let mut answers: Vec<Option<Answer>> = vec![None; checklist.items.len()];
    let mut shared = BTreeSet::new();
    let mut cleared = BTreeSet::new();
    for (name, value) in fields {
        // "wis keuze": the choice of a scale or ja/nee is taken away.
        if let Some(number) = name.strip_prefix('w') {
            let index: usize = number.parse().map_err(|_| FormError::UnknownField)?;
            let item = checklist.items.get(index).ok_or(FormError::UnknownField)?;
            if number != index.to_string()
                || !matches!(item, ChecklistItem::YesNo(_) | ChecklistItem::Scale { .. })
            {
                return Err(FormError::UnknownField);
            }
            cleared.insert(index);
            continue;
        }
        let (share, number) = match (name.strip_prefix('i'), name.strip_prefix('d')) {
            (Some(n), _) => (false, n),
            (_, Some(n)) => (true, n),
            _ => return Err(FormError::UnknownField),
        };
        let index: usize = number.parse().map_err(|_| FormError::UnknownField)?;
        let item = checklist.items.get(index).ok_or(FormError::UnknownField)?;
        if number != index.to_string() {
            return Err(FormError::UnknownField);
        }
        let shown = index + 1;
        if share {
            if !checklist.shareable || !matches!(item, ChecklistItem::Open { .. }) {
                return Err(FormError::NotShareable(shown));
            }
            if value != "ja" {
                return Err(FormError::WrongKind(shown));
            }
            if !shared.insert(index) {
                return Err(FormError::Twice(shown));
            }
            continue;
        }
        if answers[index].is_some() {
            return Err(FormError::Twice(shown));
        }
        answers[index] = Some(answer(item, value, shown)?);
    }
    for index in cleared {
        answers[index] = None;
    }
    Ok(ChecklistForm {
        answers: answers
            .into_iter()
            .zip(&checklist.items)
            .map(|(a, item)| a.unwrap_or_else(|| Answer::empty_for(item)))
            .collect(),
        shared,
    })
}

fn answer(item: &ChecklistItem, value: &str, shown: usize) -> Result<Answer, FormError> {
    match item {
        ChecklistItem::Check(_) => match value {
            "ja" => Ok(Answer::Check(true)),
            _ => Err(FormError::WrongKind(shown)),
        },
        ChecklistItem::YesNo(_) => match value {
            "ja" => Ok(Answer::YesNo(Some(true))),
            "nee" => Ok(Answer::YesNo(Some(false))),
            _ => Err(FormError::WrongKind(shown)),
        },
        ChecklistItem::Scale { steps, .. } => {
            let step: u8 = value.parse().map_err(|_| FormError::WrongKind(shown))?;
            if (1..=*steps).contains(&step) {
                Ok(Answer::Scale(Some(step)))
            } else {
                Err(FormError::OutOfRange(shown))
            }
        }
        ChecklistItem::Open { .. } => {
            let text = value.replace("\r\n", "\n").replace('\r', "\n");
            if text.chars().count() > MAX_TEXT {
                Err(FormError::TooLong(shown))
            } else {
                Ok(Answer::Open(text))
            }
        }
    }
}

/// A form body decoded strictly: invalid UTF-8 (after percent-decoding) is
/// refused with 400 instead of being stored as replacement characters.
pub struct Fields(pub Vec<(String, String)>);

impl<S: Send + Sync> axum::extract::FromRequest<S> for Fields {
    type Rejection = axum::response::Response;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        use axum::response::IntoResponse;
        let bad = || {
            super::pages::error(
                axum::http::StatusCode::BAD_REQUEST,
                "Onleesbaar formulier",
                "Je formulier bevatte tekens die geen geldige tekst zijn. Er is niets bewaard; ga terug en probeer het opnieuw.",
            )
        };
        let is_form = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return Err(axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response());
        }
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        decode(&bytes).map(Fields).ok_or_else(bad)
    }
}

/// `application/x-www-form-urlencoded`, strictly: `None` for invalid UTF-8
/// or a broken percent sign.
pub fn decode(body: &[u8]) -> Option<Vec<(String, String)>> {
    fn part(raw: &[u8]) -> Option<String> {
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            match raw[i] {
                b'+' => out.push(b' '),
                b'%' => {
                    let hex = raw.get(i + 1..i + 3)?;
                    let hex = std::str::from_utf8(hex).ok()?;
                    out.push(u8::from_str_radix(hex, 16).ok()?);
                    i += 2;
                }
                b => out.push(b),
            }
            i += 1;
        }
        // Every text from a phone in one form: NFC.
        String::from_utf8(out)
            .ok()
            .map(|s| crate::model::nfc(&s).into_owned())
    }
    body.split(|b| *b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let mut it = pair.splitn(2, |b| *b == b'=');
            let key = part(it.next().unwrap_or_default())?;
            let value = part(it.next().unwrap_or_default())?;
            Some((key, value))
        })
        .collect()
}

/// Put a checked form into a teacher's answers.
pub fn apply(set: &mut AnswerSet, checklist: &Checklist, form: ChecklistForm) {
    set.checklists.insert(checklist.id.clone(), form.answers);
    for index in 0..checklist.items.len() {
        set.set_shared(&checklist.id, index, form.shared.contains(&index));
    }
}

/// Invisible characters that can reorder or hide text: bidi controls and
/// other format characters (Unicode category Cf) and the like.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}' | '\u{E0000}'..='\u{E0FFF}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{13430}'..='\u{1343F}'
    )
}

/// A typed name, trimmed, without invisible format characters; empty is
/// anonymous.
pub fn name(raw: &str) -> Result<String, FormError> {
    let cleaned: String = raw.chars().filter(|c| !invisible(*c)).collect();
    let name = cleaned.trim();
    if name.chars().count() > MAX_NAME {
        return Err(FormError::NameTooLong);
    }
    if name.chars().any(char::is_control) {
        return Err(FormError::NameControl);
    }
    Ok(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ChecklistMode;

    #[test]
    fn strict_decoding() {
        assert_eq!(
            decode(b"naam=Z%C3%BCmr%C3%BCt+A&anoniem=").unwrap(),
            vec![
                ("naam".to_owned(), "Zümrüt A".to_owned()),
                ("anoniem".to_owned(), String::new())
            ]
        );
        for bad in [
            &b"naam=%FF"[..],
            b"naam=%C3%28",
            b"naam=%G1",
            b"naam=%4",
            b"na\xffam=x",
        ] {
            assert!(decode(bad).is_none(), "{bad:?}");
        }
        assert_eq!(name("\u{202E}Anna\u{200B} \u{2066}").unwrap(), "Anna");
        assert_eq!(name("\u{FEFF}").unwrap(), "", "only invisible: anonymous");
    }

    #[test]
    fn decomposed_input_is_composed() {
        // "Zoë" typed on an iPhone: e and a combining diaeresis (NFD).
        assert_eq!(
            decode(b"naam=Zoe%CC%88+C%CC%A7elik&A-3=Jose%CC%81").unwrap(),
            vec![
                ("naam".to_owned(), "Zoë Çelik".to_owned()),
                ("A-3".to_owned(), "José".to_owned())
            ]
        );
    }

    fn list() -> Checklist {
        Checklist {
            id: "A".into(),
            title: "A".into(),
            mode: ChecklistMode::Individual,
            intro: Default::default(),
            minutes: None,
            items: vec![
                ChecklistItem::Check("c".into()),
                ChecklistItem::YesNo("y".into()),
                ChecklistItem::Scale {
                    text: "s".into(),
                    left: "l".into(),
                    right: "r".into(),
                    steps: 5,
                },
                ChecklistItem::Open {
                    question: "o".into(),
                    lines: 3,
                },
            ],
            shareable: true,
            take_home: false,
            activities: Vec::new(),
        }
    }

    fn f(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn a_full_form_sets_every_item() {
        let form = parse(
            &list(),
            &f(&[
                ("i0", "ja"),
                ("i1", "nee"),
                ("i2", "5"),
                ("i3", "a\r\nb"),
                ("d3", "ja"),
            ]),
        )
        .unwrap();
        assert_eq!(
            form.answers,
            vec![
                Answer::Check(true),
                Answer::YesNo(Some(false)),
                Answer::Scale(Some(5)),
                Answer::Open("a\nb".into())
            ]
        );
        let mut set = AnswerSet::new("", "W");
        apply(&mut set, &list(), form);
        assert!(set.is_shared("A", 3));
        let empty = parse(&list(), &[]).unwrap();
        assert_eq!(empty.answers[0], Answer::Check(false));
        apply(&mut set, &list(), empty);
        assert!(!set.is_shared("A", 3));
    }

    #[test]
    fn refuses_what_does_not_fit() {
        let bad = [
            (vec![("x", "1")], FormError::UnknownField),
            (vec![("i9", "ja")], FormError::UnknownField),
            (vec![("i01", "ja")], FormError::UnknownField),
            (vec![("i0", "nee")], FormError::WrongKind(1)),
            (vec![("i1", "misschien")], FormError::WrongKind(2)),
            (vec![("i2", "6")], FormError::OutOfRange(3)),
            (vec![("i2", "0")], FormError::OutOfRange(3)),
            (vec![("i2", "-1")], FormError::WrongKind(3)),
            (vec![("d0", "ja")], FormError::NotShareable(1)),
            (vec![("i1", "ja"), ("i1", "nee")], FormError::Twice(2)),
        ];
        for (pairs, want) in bad {
            assert_eq!(parse(&list(), &f(&pairs)), Err(want.clone()), "{want}");
        }
        let long = "é".repeat(MAX_TEXT + 1);
        assert_eq!(
            parse(&list(), &f(&[("i3", &long)])),
            Err(FormError::TooLong(4))
        );
        assert!(parse(&list(), &f(&[("i3", &"é".repeat(MAX_TEXT))])).is_ok());
        let mut closed = list();
        closed.shareable = false;
        assert_eq!(
            parse(&closed, &f(&[("d3", "ja")])),
            Err(FormError::NotShareable(4))
        );
    }

    #[test]
    fn names() {
        assert_eq!(name("  Fatima "), Ok("Fatima".into()));
        assert_eq!(name(""), Ok(String::new()));
        assert_eq!(name(&"a".repeat(61)), Err(FormError::NameTooLong));
        assert_eq!(name("a\nb"), Err(FormError::NameControl));
    }
}
