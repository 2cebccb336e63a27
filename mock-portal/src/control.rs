//! `/__control/*`: test and demo controls (only with `--controls`).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;

use crate::directory::{Chat, Event, Visibility};
use crate::faults::FaultRule;
use crate::portal::Portal;

pub fn router() -> Router<Portal> {
    Router::new()
        .route("/reset", post(reset))
        .route("/sessions", post(open_session))
        .route("/chats/{id}", put(put_chat))
        .route("/chats/{id}/events", post(prepend_events))
        .route("/faults", put(put_faults))
        .route("/avatars", put(put_avatars))
        .route("/latency", put(put_latency))
        .route("/requests", get(requests).delete(clear_requests))
}

async fn reset(State(portal): State<Portal>) -> StatusCode {
    portal.reset();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct SessionRequest {
    user: String,
}

/// Opens a session without the sign-in page; answers `{ "token" }`.
async fn open_session(
    State(portal): State<Portal>,
    Json(request): Json<SessionRequest>,
) -> Response {
    let mut state = portal.lock();
    match state.user_by_name(&request.user).map(|user| user.id) {
        Some(id) => Json(serde_json::json!({ "token": state.open_session(id) })).into_response(),
        None => (StatusCode::NOT_FOUND, "no such user").into_response(),
    }
}

#[derive(Deserialize)]
struct ChatSpec {
    title: Option<String>,
    owner: String,
    visibility: Visibility,
    /// Newest first.
    #[serde(default)]
    events: Vec<Event>,
}

/// Creates or replaces a chat with exactly these events.
async fn put_chat(
    State(portal): State<Portal>,
    Path(id): Path<u64>,
    Json(spec): Json<ChatSpec>,
) -> Response {
    let mut state = portal.lock();
    let Some(owner_id) = state.user_by_name(&spec.owner).map(|user| user.id) else {
        return (StatusCode::NOT_FOUND, "no such owner").into_response();
    };
    let title = spec.title.unwrap_or_else(|| format!("Chat {id}"));
    state.chats.insert(
        id,
        Chat {
            id,
            title,
            owner_id,
            visibility: spec.visibility,
            events: spec.events,
        },
    );
    StatusCode::NO_CONTENT.into_response()
}

/// Adds events at the head of a chat's timeline, as happens while someone pages.
async fn prepend_events(
    State(portal): State<Portal>,
    Path(id): Path<u64>,
    Json(events): Json<Vec<Event>>,
) -> Response {
    let mut state = portal.lock();
    let Some(chat) = state.chats.get_mut(&id) else {
        return (StatusCode::NOT_FOUND, "no such chat").into_response();
    };
    chat.events.splice(0..0, events);
    StatusCode::NO_CONTENT.into_response()
}

async fn put_faults(State(portal): State<Portal>, Json(rules): Json<Vec<FaultRule>>) -> StatusCode {
    portal.lock().faults = rules;
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct AvatarSettings {
    /// Send `Access-Control-Allow-Origin: *` with avatars.
    cors: bool,
}

/// Switches the avatar host between the usual (no CORS headers) and one
/// that sends `Access-Control-Allow-Origin: *`, until the next reset.
async fn put_avatars(
    State(portal): State<Portal>,
    Json(settings): Json<AvatarSettings>,
) -> StatusCode {
    portal.lock().avatar_cors = settings.cors;
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct LatencyRequest {
    ms: u64,
    /// Answer one request at a time (the others wait their turn): what a
    /// reader that sends one page at a time would see.
    #[serde(default)]
    one_at_a_time: bool,
}

/// Sets how long each activity answer takes from now on (until a reset).
async fn put_latency(
    State(portal): State<Portal>,
    Json(latency): Json<LatencyRequest>,
) -> StatusCode {
    let mut state = portal.lock();
    state.latency_ms = latency.ms;
    state.one_at_a_time = latency.one_at_a_time;
    StatusCode::NO_CONTENT
}

async fn requests(State(portal): State<Portal>) -> Response {
    Json(portal.lock().log.clone()).into_response()
}

async fn clear_requests(State(portal): State<Portal>) -> StatusCode {
    portal.lock().log.clear();
    StatusCode::NO_CONTENT
}
