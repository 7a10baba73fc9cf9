//! The router: pages, static files and the protective layers around them
//! (rate limits, timeouts, cross-site check, body limit, security headers,
//! Dutch error pages).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::map_response;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower::ServiceBuilder;
use tower_governor::GovernorLayer;
use tower_governor::governor::GovernorConfigBuilder;
use tower_http::csrf::CsrfLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use super::handlers;
use super::pages;
use super::state::Shared;

/// Largest request body: a full checklist with long answers fits easily.
pub const BODY_LIMIT: usize = 32 * 1024;
/// A request that takes longer is answered with 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// Requests per address: a burst of 300 and 20 a second after that, enough
/// for a whole classroom behind one school NAT address.
const BURST: u32 = 300;
const REFILL_MS: u64 = 50;
/// Wrong room codes per address and minute; after that, no tries at all
/// from that address until the minute is over.
const CODE_TRIES: usize = 10;
const CODE_WINDOW: Duration = Duration::from_secs(60);

const CSP: &str = "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self'; \
                   form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const CSS: &str = include_str!("static/stijl.css");
const JS: &str = include_str!("static/bewaar.js");
/// The campfire, as on the app's icon.
const ICON: &str = include_str!("../../packaging/kampvuur.svg");

/// What every handler gets.
#[derive(Clone)]
pub struct AppState {
    pub shared: Arc<Shared>,
    pub codes: Arc<CodeGuard>,
}

/// Counts wrong room codes per address (a sliding minute).
#[derive(Default)]
pub struct CodeGuard {
    wrong: Mutex<HashMap<IpAddr, Vec<Instant>>>,
}

impl CodeGuard {
    /// Whether `ip` may try a code now.
    pub fn may_try(&self, ip: IpAddr) -> bool {
        let mut wrong = self.wrong.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        wrong.retain(|_, times| {
            times.retain(|t| now.duration_since(*t) < CODE_WINDOW);
            !times.is_empty()
        });
        wrong.get(&ip).is_none_or(|t| t.len() < CODE_TRIES)
    }

    /// Remember a wrong code from `ip`.
    pub fn wrong(&self, ip: IpAddr) {
        let mut wrong = self.wrong.lock().unwrap_or_else(|e| e.into_inner());
        wrong.entry(ip).or_default().push(Instant::now());
    }
}

pub fn router(shared: Arc<Shared>) -> Router {
    let requests = GovernorConfigBuilder::default()
        .per_millisecond(REFILL_MS)
        .burst_size(BURST)
        .finish()
        .unwrap_or_default();
    let state = AppState {
        shared,
        codes: Arc::new(CodeGuard::default()),
    };
    // Outermost first: headers go on every response, including the Dutch
    // pages made for the refusals of the inner layers (each `Router::layer`
    // turns the inner bodies back into axum's body).
    let headers = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    let guards = ServiceBuilder::new()
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(CsrfLayer::new())
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT));
    Router::new()
        .route("/", get(handlers::start))
        .route("/code", post(handlers::code))
        .route("/t/{token}", get(handlers::token))
        .route("/naam", get(handlers::name_page).post(handlers::name))
        .route("/lijsten", get(handlers::lists))
        .route("/lijst/{id}", get(handlers::checklist).post(handlers::save))
        .route("/reflectie.pdf", get(handlers::reflection))
        .route("/wissen", get(handlers::wipe_page).post(handlers::wipe))
        .route("/stijl.css", get(css))
        .route("/bewaar.js", get(js))
        .route("/favicon.svg", get(icon))
        .route("/favicon.ico", get(icon))
        .fallback(not_found)
        .with_state(state)
        .layer(guards)
        .layer(GovernorLayer::new(requests))
        .layer(map_response(dutch_errors))
        .layer(headers)
}

async fn css() -> Response {
    asset("text/css; charset=utf-8", CSS)
}

async fn icon() -> Response {
    asset("image/svg+xml", ICON)
}

async fn js() -> Response {
    asset("text/javascript; charset=utf-8", JS)
}

fn asset(kind: &'static str, body: &'static str) -> Response {
    (
        [
            (CONTENT_TYPE, HeaderValue::from_static(kind)),
            (CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

async fn not_found() -> Response {
    StatusCode::NOT_FOUND.into_response()
}

/// Statuses made by the layers or by axum come without a page of ours;
/// give them a Dutch one.
async fn dutch_errors(response: Response) -> Response {
    let status = response.status();
    let is_html = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if (status.is_client_error() || status.is_server_error()) && !is_html {
        let mut page = pages::for_status(status).unwrap_or(response);
        page.headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return page;
    }
    response
}
