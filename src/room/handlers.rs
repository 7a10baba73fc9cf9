//! The pages' handlers. Every page but the start page needs the room's
//! cookie (or the token); pages with answers need the device's cookie, and
//! only ever show that device's own answers.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, Path, Query, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::model::Checklist;

use super::cookies;
use super::form;
use super::pages::{self, ChecklistPage, CodePage, ListLink, ListsPage, NamePage};
use super::routes::AppState;
use super::state::JoinError;

use super::form::Fields;

/// What the phone reads when a change did not reach the disk.
pub const NOT_SAVED: &str =
    "Niet bewaard: de laptop kan niet opslaan. Je antwoorden staan nog op dit scherm.";

/// A device that joined: its participant id.
pub struct Device(pub String);

/// A browser that may join: it has the room's cookie or is a device already.
pub struct Joined {
    device: Option<String>,
}

fn device_of(headers: &HeaderMap, state: &AppState) -> Option<String> {
    let (id, secret) = cookies::device(headers)?;
    state.shared.device(id, secret)
}

fn has_room_cookie(headers: &HeaderMap, state: &AppState) -> bool {
    cookies::get(headers, cookies::ROOM).is_some_and(|t| t == state.shared.token)
}

pub(super) fn not_joined() -> Response {
    pages::error(
        StatusCode::UNAUTHORIZED,
        "Eerst meedoen",
        "Deze pagina is alleen voor wie in de zaal meedoet. Scan de QR-code op het scherm of typ de code.",
    )
}

impl FromRequestParts<AppState> for Device {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        match device_of(&parts.headers, state) {
            Some(id) => Ok(Device(id)),
            None if has_room_cookie(&parts.headers, state) => Err(see_other("/naam", &[])),
            None => Err(not_joined()),
        }
    }
}

impl FromRequestParts<AppState> for Joined {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let device = device_of(&parts.headers, state);
        if device.is_some() || has_room_cookie(&parts.headers, state) {
            Ok(Joined { device })
        } else {
            Err(not_joined())
        }
    }
}

/// A 303 redirect, with cookies to set.
pub(super) fn see_other(to: &str, set_cookies: &[String]) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let Ok(location) = HeaderValue::from_str(to) {
        headers.insert(LOCATION, location);
    }
    for cookie in set_cookies {
        if let Ok(v) = HeaderValue::from_str(cookie) {
            headers.append(SET_COOKIE, v);
        }
    }
    response
}

pub(super) fn bad_form(message: &str) -> Response {
    pages::error(StatusCode::BAD_REQUEST, "Niet bewaard", message)
}

/// The start page: the room code, unless this browser joined already.
pub async fn start(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if device_of(&headers, &state).is_some() {
        return see_other("/lijsten", &[]);
    }
    if has_room_cookie(&headers, &state) {
        return see_other("/naam", &[]);
    }
    pages::html(StatusCode::OK, &CodePage { error: None })
}

/// The typed room code; wrong tries are limited per address.
pub async fn code(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Fields(fields): Fields,
) -> Response {
    let ip = peer.ip();
    if !state.codes.may_try(ip) {
        return pages::error(
            StatusCode::TOO_MANY_REQUESTS,
            "Even wachten",
            "Er is te vaak een verkeerde code getypt. Wacht een minuut en probeer het dan opnieuw.",
        );
    }
    let typed: String = fields
        .iter()
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect();
    if typed == state.shared.code {
        return see_other(
            "/naam",
            &[cookies::set(
                cookies::ROOM,
                &state.shared.token,
                state.shared.cookie_max_age(),
            )],
        );
    }
    state.codes.wrong(ip);
    pages::html(
        StatusCode::FORBIDDEN,
        &CodePage {
            error: Some(
                "Die code klopt niet. Kijk nog eens op het scherm van de trainer.".to_owned(),
            ),
        },
    )
}

/// The address in the QR code.
pub async fn token(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    if token != state.shared.token {
        return pages::error(
            StatusCode::FORBIDDEN,
            "Deze link werkt niet",
            "Deze link hoort niet (meer) bij de zaal. Scan de QR-code die nu op het scherm staat, of typ de code.",
        );
    }
    let next = if device_of(&headers, &state).is_some() {
        "/lijsten"
    } else {
        "/naam"
    };
    see_other(
        next,
        &[cookies::set(
            cookies::ROOM,
            &state.shared.token,
            state.shared.cookie_max_age(),
        )],
    )
}

pub async fn name_page(State(state): State<AppState>, joined: Joined) -> Response {
    let name = joined
        .device
        .and_then(|id| state.shared.answers(&id))
        .map(|a| a.participant)
        .unwrap_or_default();
    pages::html(
        StatusCode::OK,
        &NamePage {
            workshop: state.shared.workshop.title.clone(),
            name,
            error: None,
        },
    )
}

/// A name or "Anoniem": a new device, or a new name for this one.
pub async fn name(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    joined: Joined,
    Fields(fields): Fields,
) -> Response {
    let mut typed = None;
    let mut anonymous = false;
    for (key, value) in &fields {
        match key.as_str() {
            "naam" if typed.is_none() => typed = Some(value.as_str()),
            "anoniem" => anonymous = true,
            _ => return bad_form("Het formulier bevat een onbekend veld."),
        }
    }
    let name = if anonymous {
        String::new()
    } else {
        match form::name(typed.unwrap_or_default()) {
            Ok(n) => n,
            Err(e) => return bad_form(&format!("{}.", capitalize(&e.to_string()))),
        }
    };
    let name_not_saved = |name: String| {
        pages::html(
            StatusCode::SERVICE_UNAVAILABLE,
            &NamePage {
                workshop: state.shared.workshop.title.clone(),
                name,
                error: Some(NOT_SAVED.to_owned()),
            },
        )
    };
    if let Some(id) = joined.device {
        let ticket = state.shared.update(&id, |a| a.participant = name.clone());
        let Some(ticket) = ticket else {
            return not_joined();
        };
        if state.shared.saved(ticket).await.is_err() {
            return name_not_saved(name);
        }
        return see_other("/lijsten", &[]);
    }
    match state.shared.join(&name, peer.ip()) {
        Ok((id, secret, ticket)) => {
            // The device exists in memory either way; its cookie is set so
            // that the next try continues with it.
            let cookie = cookies::set(
                cookies::DEVICE,
                &format!("{id}.{secret}"),
                state.shared.cookie_max_age(),
            );
            if state.shared.saved(ticket).await.is_err() {
                let mut page = name_not_saved(name);
                if let Ok(v) = HeaderValue::from_str(&cookie) {
                    page.headers_mut().append(SET_COOKIE, v);
                }
                return page;
            }
            see_other("/lijsten", &[cookie])
        }
        Err(JoinError::TooMany(n)) => pages::error(
            StatusCode::FORBIDDEN,
            "Al genoeg apparaten",
            &format!(
                "Vanaf dit netwerk doen al {n} apparaten mee. Meedoen kan met hoogstens {n} \
                 apparaten per netwerkadres, zodat het team-overzicht echt mensen telt. \
                 Vraag de trainer als je toch met dit apparaat wilt meedoen."
            ),
        ),
        Err(JoinError::Room(e)) => pages::error(
            StatusCode::SERVICE_UNAVAILABLE,
            "Meedoen lukt nu niet",
            &format!("Probeer het zo opnieuw ({e})."),
        ),
    }
}

pub(super) fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub async fn lists(State(state): State<AppState>, Device(id): Device) -> Response {
    let Some(answers) = state.shared.answers(&id) else {
        return not_joined();
    };
    let open = state.shared.open_checklists();
    let lists = state
        .shared
        .workshop
        .checklists()
        .filter(|c| open.contains(&c.id))
        .map(|c| ListLink {
            id: c.id.clone(),
            title: c.title.clone(),
            answered: answers.answered(&c.id),
            total: c.items.len(),
        })
        .collect();
    pages::html(
        StatusCode::OK,
        &ListsPage {
            workshop: state.shared.workshop.title.clone(),
            name: answers.participant,
            lists,
        },
    )
}

/// The checklist, if it exists and is open; otherwise the page that says so.
#[allow(clippy::result_large_err)] // the error is the response itself, built once per request
pub(super) fn open_checklist<'a>(state: &'a AppState, id: &str) -> Result<&'a Checklist, Response> {
    let Some(checklist) = state.shared.workshop.checklist(id) else {
        return Err(pages::error(
            StatusCode::NOT_FOUND,
            "Checklist niet gevonden",
            "Deze checklist bestaat niet in de workshop van vandaag.",
        ));
    };
    if !state.shared.is_open(id) {
        return Err(pages::error(
            StatusCode::FORBIDDEN,
            "Deze checklist is gesloten",
            "De trainer heeft deze checklist (nog) niet geopend voor de zaal. Wat je eerder invulde, blijft bewaard.",
        ));
    }
    Ok(checklist)
}

#[derive(serde::Deserialize)]
pub struct SavedQuery {
    bewaard: Option<String>,
}

pub async fn checklist(
    State(state): State<AppState>,
    Device(device): Device,
    Path(id): Path<String>,
    Query(query): Query<SavedQuery>,
) -> Response {
    let checklist = match open_checklist(&state, &id) {
        Ok(c) => c,
        Err(page) => return page,
    };
    let Some(answers) = state.shared.answers(&device) else {
        return not_joined();
    };
    let page = ChecklistPage::new(checklist, &answers, query.bewaard.is_some(), None);
    pages::html(StatusCode::OK, &page)
}

pub use super::saving::{reflection, save, wipe, wipe_page};
