//! The pages that change or hand out a device's answers: saving a
//! checklist (confirmed only once on disk), the reflection PDF, and wiping.

use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::pdf::{self, DocKind, ExportRequest};

use super::cookies;
use super::form::{self, Fields};
use super::handlers::{
    Device, NOT_SAVED, bad_form, capitalize, not_joined, open_checklist, see_other,
};
use super::pages::{self, ChecklistPage, WipePage, WipedPage};
use super::routes::AppState;

/// Save a whole checklist: a redirect for the form, 204 for the script.
pub async fn save(
    State(state): State<AppState>,
    Device(device): Device,
    Path(id): Path<String>,
    headers: HeaderMap,
    Fields(fields): Fields,
) -> Response {
    let checklist = match open_checklist(&state, &id) {
        Ok(c) => c,
        Err(page) => return page,
    };
    let parsed = match form::parse(checklist, &fields) {
        Ok(p) => p,
        Err(e) => {
            return bad_form(&format!(
                "{}. Ga terug en probeer het opnieuw.",
                capitalize(&e.to_string())
            ));
        }
    };
    let posted = parsed.clone();
    let Some(ticket) = state
        .shared
        .update(&device, |a| form::apply(a, checklist, parsed))
    else {
        return not_joined();
    };
    let autosave = headers.contains_key("kv-autosave");
    // Confirmed only once it is on disk.
    if state.shared.saved(ticket).await.is_err() {
        if autosave {
            return (StatusCode::SERVICE_UNAVAILABLE, NOT_SAVED).into_response();
        }
        // The form again, with what was posted: nothing typed is lost.
        let mut shown = state.shared.answers(&device).unwrap_or_default();
        form::apply(&mut shown, checklist, posted);
        let page = ChecklistPage::new(checklist, &shown, false, Some(NOT_SAVED));
        return pages::html(StatusCode::SERVICE_UNAVAILABLE, &page);
    }
    if autosave {
        return StatusCode::NO_CONTENT.into_response();
    }
    see_other(&format!("/lijst/{}?bewaard=1", checklist.id), &[])
}

/// "Mijn reflectie (PDF)": the teacher's own answers as a download.
pub async fn reflection(State(state): State<AppState>, Device(device): Device) -> Response {
    let Some(answers) = state.shared.answers(&device) else {
        return not_joined();
    };
    let workshop = state.shared.workshop.clone();
    let made = tokio::task::spawn_blocking(move || {
        let mut req = ExportRequest::new(DocKind::Reflection);
        req.answers = Some(&answers);
        let name = (!answers.participant.is_empty()).then_some(answers.participant.as_str());
        pdf::render(&workshop, &req).map(|r| {
            (
                r.bytes,
                pdf::default_file_name(&workshop, DocKind::Reflection, name),
            )
        })
    })
    .await;
    let (bytes, file) = match made {
        Ok(Ok(done)) => done,
        Ok(Err(e)) => {
            return pages::error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Geen reflectie",
                &format!("De reflectie kon niet gemaakt worden: {e}."),
            );
        }
        Err(_) => {
            return pages::error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Geen reflectie",
                "De reflectie kon niet gemaakt worden. Probeer het opnieuw.",
            );
        }
    };
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{file}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment; filename=\"reflectie.pdf\""));
    (
        [
            (CONTENT_TYPE, HeaderValue::from_static("application/pdf")),
            (CONTENT_DISPOSITION, disposition),
            (CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        bytes,
    )
        .into_response()
}

pub async fn wipe_page(Device(_): Device) -> Response {
    pages::html(StatusCode::OK, &WipePage)
}

/// "Wis mijn antwoorden": this device and its answers, from memory and disk.
pub async fn wipe(
    State(state): State<AppState>,
    Device(device): Device,
    Fields(fields): Fields,
) -> Response {
    if !fields.iter().any(|(k, v)| k == "zeker" && v == "ja") {
        return bad_form("Bevestig eerst dat je je antwoorden wilt wissen.");
    }
    let ticket = state.shared.wipe(&device);
    let on_disk = state.shared.saved(ticket).await.is_ok();
    let mut response = pages::html(StatusCode::OK, &WipedPage { on_disk });
    for cookie in [
        cookies::clear(cookies::DEVICE),
        cookies::clear(cookies::ROOM),
    ] {
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(SET_COOKIE, v);
        }
    }
    response
}
