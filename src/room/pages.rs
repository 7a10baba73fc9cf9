//! The phone's pages (askama templates in `templates/room/`, escaped
//! automatically) and the Dutch error page for every refusal.

use askama::Template;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};

use crate::model::{Answer, AnswerSet, Checklist, ChecklistItem};

#[derive(Template)]
#[template(path = "room/code.html")]
pub struct CodePage {
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "room/naam.html")]
pub struct NamePage {
    pub workshop: String,
    pub name: String,
    /// Why the name was not saved.
    pub error: Option<String>,
}

pub struct ListLink {
    pub id: String,
    pub title: String,
    pub answered: usize,
    pub total: usize,
}

#[derive(Template)]
#[template(path = "room/lijsten.html")]
pub struct ListsPage {
    pub workshop: String,
    pub name: String,
    pub lists: Vec<ListLink>,
}

pub struct StepView {
    pub value: u8,
    pub label: String,
    pub chosen: bool,
}

/// One item, flattened for the template.
pub struct ItemView {
    pub n: usize,
    pub kind: &'static str,
    pub text: String,
    pub checked: bool,
    pub yes: bool,
    pub no: bool,
    pub steps: Vec<StepView>,
    pub left: String,
    pub right: String,
    pub open: String,
    pub rows: u8,
    pub shared: bool,
    /// A two-step scale: its words on the buttons instead of numbers.
    pub words: bool,
    /// A scale or ja/nee with a choice, which "wis keuze" takes away.
    pub chosen: bool,
}

#[derive(Template)]
#[template(path = "room/lijst.html")]
pub struct ChecklistPage {
    pub id: String,
    pub title: String,
    pub intro: Vec<String>,
    pub items: Vec<ItemView>,
    pub shareable: bool,
    pub saved: bool,
    /// Why the posted answers (shown again) were not saved.
    pub failed: Option<String>,
}

#[derive(Template)]
#[template(path = "room/wissen.html")]
pub struct WipePage;

#[derive(Template)]
#[template(path = "room/gewist.html")]
pub struct WipedPage {
    /// The file is gone from the disk too (else the room keeps trying).
    pub on_disk: bool,
}

#[derive(Template)]
#[template(path = "room/fout.html")]
pub struct ErrorPage {
    pub title: String,
    pub message: String,
    pub back: &'static str,
    pub back_label: &'static str,
}

impl ChecklistPage {
    pub fn new(
        checklist: &Checklist,
        answers: &AnswerSet,
        saved: bool,
        failed: Option<&str>,
    ) -> Self {
        let items = checklist
            .items
            .iter()
            .enumerate()
            .map(|(n, item)| item_view(checklist, answers, n, item))
            .collect();
        Self {
            id: checklist.id.clone(),
            title: checklist.title.clone(),
            intro: checklist.intro.plain_lines(),
            items,
            shareable: checklist.shareable,
            saved,
            failed: failed.map(str::to_owned),
        }
    }
}

fn item_view(
    checklist: &Checklist,
    answers: &AnswerSet,
    n: usize,
    item: &ChecklistItem,
) -> ItemView {
    let answer = answers.get(&checklist.id, n, item);
    let mut view = ItemView {
        n,
        kind: "check",
        text: item.text().to_owned(),
        checked: false,
        yes: false,
        no: false,
        steps: Vec::new(),
        left: String::new(),
        right: String::new(),
        open: String::new(),
        rows: 3,
        shared: answers.is_shared(&checklist.id, n),
        words: false,
        chosen: false,
    };
    match item {
        ChecklistItem::Check(_) => view.checked = answer == Some(&Answer::Check(true)),
        ChecklistItem::YesNo(_) => {
            view.kind = "yesno";
            view.yes = answer == Some(&Answer::YesNo(Some(true)));
            view.no = answer == Some(&Answer::YesNo(Some(false)));
            view.chosen = view.yes || view.no;
        }
        ChecklistItem::Scale {
            left, right, steps, ..
        } => {
            view.kind = "scale";
            let chosen = match answer {
                Some(Answer::Scale(Some(s))) => *s,
                _ => 0,
            };
            view.steps = (1..=*steps)
                .map(|value| StepView {
                    value,
                    label: if value == 1 {
                        left.clone()
                    } else if value == *steps {
                        right.clone()
                    } else {
                        format!("stap {value} van {steps}")
                    },
                    chosen: value == chosen,
                })
                .collect();
            view.left = left.clone();
            view.right = right.clone();
            view.words = *steps == 2;
            view.chosen = chosen > 0;
        }
        ChecklistItem::Open { lines, .. } => {
            view.kind = "open";
            view.rows = (*lines).clamp(2, 8);
            if let Some(Answer::Open(text)) = answer {
                view.open = text.clone();
            }
        }
    }
    view
}

/// A rendered page with `Cache-Control: no-store` (pages hold answers).
pub fn html(status: StatusCode, page: &impl Template) -> Response {
    match page.render() {
        Ok(body) => {
            let mut response = (status, Html(body)).into_response();
            response
                .headers_mut()
                .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(e) => {
            eprintln!("kampvuur: pagina niet gemaakt: {e}");
            let mut response = (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Er ging iets mis op de laptop van de trainer.",
            )
                .into_response();
            response.headers_mut().insert(
                CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            );
            response
        }
    }
}

/// A Dutch error page that leads back to the checklists (or the start).
pub fn error(status: StatusCode, title: &str, message: &str) -> Response {
    let (back, back_label) =
        if status == StatusCode::UNAUTHORIZED || status == StatusCode::TOO_MANY_REQUESTS {
            ("/", "Naar het begin")
        } else {
            ("/lijsten", "Naar de checklists")
        };
    html(
        status,
        &ErrorPage {
            title: title.to_owned(),
            message: message.to_owned(),
            back,
            back_label,
        },
    )
}

/// The page for statuses made by the layers (body limit, rate limit,
/// timeout, cross-site check) or by axum's own extractors.
pub fn for_status(status: StatusCode) -> Option<Response> {
    let (title, message) = match status {
        StatusCode::PAYLOAD_TOO_LARGE => (
            "Te veel tekst",
            "Dit formulier is te groot om te bewaren. Maak je antwoord korter en probeer het opnieuw.",
        ),
        StatusCode::TOO_MANY_REQUESTS => (
            "Even rustig aan",
            "Er kwamen te veel verzoeken tegelijk van dit apparaat of netwerk. Wacht een paar seconden en probeer het opnieuw.",
        ),
        StatusCode::REQUEST_TIMEOUT => (
            "Dat duurde te lang",
            "De laptop van de trainer kreeg je formulier niet op tijd binnen. Probeer het opnieuw.",
        ),
        StatusCode::FORBIDDEN => (
            "Niet toegestaan",
            "Dit formulier kwam niet van de pagina’s van kampvuur en is daarom geweigerd.",
        ),
        StatusCode::NOT_FOUND => (
            "Pagina niet gevonden",
            "Deze pagina bestaat niet. Ga terug naar de checklists.",
        ),
        StatusCode::METHOD_NOT_ALLOWED => (
            "Dat kan hier niet",
            "Deze pagina kan alleen bekeken worden, niet verstuurd.",
        ),
        StatusCode::BAD_REQUEST
        | StatusCode::UNPROCESSABLE_ENTITY
        | StatusCode::UNSUPPORTED_MEDIA_TYPE => (
            "Onleesbaar formulier",
            "Wat je stuurde kon kampvuur niet lezen. Ga terug en probeer het opnieuw.",
        ),
        _ => return None,
    };
    Some(error(status, title, message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ChecklistMode;

    fn list(steps: u8) -> Checklist {
        Checklist {
            id: "C".into(),
            title: "C".into(),
            mode: ChecklistMode::Individual,
            intro: Default::default(),
            minutes: None,
            items: vec![ChecklistItem::Scale {
                text: "Lukt het?".into(),
                left: "nog niet".into(),
                right: "ja, zeker".into(),
                steps,
            }],
            shareable: false,
            take_home: false,
            activities: Vec::new(),
        }
    }

    #[test]
    fn a_two_step_scale_shows_its_words_and_a_choice_can_be_cleared() {
        let c = list(2);
        let mut answers = AnswerSet::new("", "W");
        let page = ChecklistPage::new(&c, &answers, false, None)
            .render()
            .unwrap();
        assert!(page.contains("<span>nog niet</span>"), "{page}");
        assert!(page.contains("<span>ja, zeker</span>"));
        assert!(!page.contains("<span>1</span>"));
        assert!(!page.contains("wis keuze"), "nothing chosen yet");
        *answers.get_mut("C", 0, &c.items[0]) = Answer::Scale(Some(2));
        let page = ChecklistPage::new(&c, &answers, false, None)
            .render()
            .unwrap();
        assert!(page.contains("name=\"w0\" value=\"ja\" class=\"wis\">wis keuze"));
        // Longer scales keep their numbers with the words at both ends.
        let page = ChecklistPage::new(&list(5), &AnswerSet::new("", "W"), false, None)
            .render()
            .unwrap();
        assert!(page.contains("<span>3</span>"));
        assert!(page.contains("1 = nog niet"));
    }
}
