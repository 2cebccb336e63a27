//! A mock of the portal for the demo and the tests: the activity API on one
//! origin (sessions, who-may-read rules, CORS with credentials, seeded
//! chats, generated avatars, fault injection) and the built page on another.

pub mod activity;
pub mod avatars;
pub mod control;
pub mod directory;
pub mod faults;
pub mod pages;
pub mod portal;
pub mod seed;
pub mod session;

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use tower_http::cors::{AllowOrigin, CorsLayer};

use portal::Portal;

/// The API origin's routes.
pub fn api_router(portal: Portal) -> Router {
    let origins: Vec<HeaderValue> = portal
        .settings
        .page_origins
        .iter()
        .filter_map(|origin| HeaderValue::from_str(origin).ok())
        .collect();
    // Credentials need the exact page origin echoed, never `*`.
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_credentials(true)
        .allow_methods([Method::GET])
        .allow_headers([header::ACCEPT])
        .expose_headers([header::RETRY_AFTER]);
    let api = Router::new()
        .route(
            "/v1/portal/chats/{chat_id}/activity",
            get(activity::activity),
        )
        .layer(cors);
    let mut router = Router::new()
        .merge(api)
        .route("/", get(|| async { Redirect::to("/sign-in") }))
        .route("/sign-in", get(session::sign_in))
        .route("/sign-out", get(session::sign_out))
        .route("/avatars/{file}", get(avatar));
    if portal.settings.controls {
        router = router.nest("/__control", control::router());
    }
    router.with_state(portal)
}

/// `GET /avatars/{id}.svg`: the generated picture of a user who has one,
/// served as most image hosts serve pictures: without CORS headers, unless
/// the avatar CORS switch is on.
async fn avatar(State(portal): State<Portal>, Path(file): Path<String>) -> Response {
    let id = file
        .strip_suffix(".svg")
        .and_then(|id| id.parse::<u64>().ok());
    let (known, cors) = {
        let state = portal.lock();
        (
            id.is_some_and(|id| state.user(id).is_some()),
            state.avatar_cors,
        )
    };
    let Some(id) = id.filter(|_| known) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut response = (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        avatars::identicon_svg(id),
    )
        .into_response();
    if cors {
        response.headers_mut().insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
    }
    response
}
