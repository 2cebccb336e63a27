//! `GET /v1/portal/chats/{chat_id}/activity`, as `activity.md` documents it.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::directory::{may_read, Event};
use crate::faults::{take_matching, FaultRule, LoggedRequest, RequestEnd};
use crate::portal::Portal;
use crate::session::session_token;

const DEFAULT_LIMIT: u64 = 50;
const MAX_LIMIT: u64 = 100;

#[derive(Serialize)]
struct ActivityPage<'a> {
    events: &'a [Event],
    total: u64,
    offset: u64,
    limit: u64,
}

/// An API error: a status with a JSON body `{ "error", "message" }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.code, "message": self.message });
        (self.status, axum::Json(body)).into_response()
    }
}

/// The paging parameters, validated as the API does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub offset: u64,
    pub limit: u64,
}

/// The raw `offset` and `limit` of a query string (the first of each).
fn raw_paging(query: &str) -> (Option<String>, Option<String>) {
    let mut offset = None;
    let mut limit = None;
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        match key.as_ref() {
            "offset" => offset = offset.or(Some(value.into_owned())),
            "limit" => limit = limit.or(Some(value.into_owned())),
            _ => {}
        }
    }
    (offset, limit)
}

impl Paging {
    pub fn parse(query: &str) -> Result<Self, ApiError> {
        let (offset, limit) = raw_paging(query);
        let offset = match offset {
            None => 0,
            Some(text) => text.parse::<u64>().map_err(|_| {
                ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "invalid_offset",
                    "offset must be a whole number, 0 or more",
                )
            })?,
        };
        let limit = match limit {
            None => DEFAULT_LIMIT,
            Some(text) => text
                .parse::<u64>()
                .ok()
                .filter(|limit| (1..=MAX_LIMIT).contains(limit))
                .ok_or_else(|| {
                    ApiError::new(
                        StatusCode::BAD_REQUEST,
                        "invalid_limit",
                        "limit must be a whole number from 1 to 100",
                    )
                })?,
        };
        Ok(Self { offset, limit })
    }
}

pub async fn activity(
    State(portal): State<Portal>,
    Path(chat_id): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let query = query.unwrap_or_default();
    let token = session_token(&headers);
    let (serial, fault, random_failure, latency_ms) =
        log_and_pick_fault(&portal, &chat_id, &query, &headers, token.as_deref());
    let one_at_a_time = portal.lock().one_at_a_time;
    let answering = Arc::clone(&portal.answering);
    let _turn = if one_at_a_time {
        Some(answering.lock().await)
    } else {
        None
    };
    let mut in_flight = InFlight {
        portal: &portal,
        serial,
        answered: false,
    };
    let fault = fault.unwrap_or_default();
    if fault.hang == Some(true) {
        // Dropped (and the connection closed) when the client gives up.
        std::future::pending::<()>().await;
    }
    let jitter = fault.jitter_ms.map_or(0, |most| fastrand::u64(0..=most));
    let delay = latency_ms + fault.delay_ms.unwrap_or(0) + jitter;
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    in_flight.answered = true;
    if let Some(status) = fault.status {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = ApiError::new(
            status,
            "injected_fault",
            "a fault injected by the test controls",
        )
        .into_response();
        if let Some(seconds) = fault.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        return response;
    }
    if random_failure {
        return ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "the demo's failure switch",
        )
        .into_response();
    }
    match answer(&portal, token.as_deref(), &chat_id, &query) {
        Ok(json) => {
            let body = fault
                .body
                .map_or(json.clone(), |broken| broken.render(&json));
            ([(header::CONTENT_TYPE, "application/json")], body).into_response()
        }
        Err(error) => error.into_response(),
    }
}

fn log_and_pick_fault(
    portal: &Portal,
    chat_id: &str,
    query: &str,
    headers: &HeaderMap,
    token: Option<&str>,
) -> (u64, Option<FaultRule>, bool, u64) {
    let header_text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
            .map(str::to_owned)
    };
    let (offset, limit) = raw_paging(query);
    let offset = offset.and_then(|o| o.parse().ok());
    let limit = limit.and_then(|l| l.parse().ok());
    let mut state = portal.lock();
    let user = token
        .and_then(|token| state.session_user(token))
        .map(|user| user.username.clone());
    let serial = state.next_serial();
    let entry = LoggedRequest {
        serial,
        at_ms: state.millis_since_start(),
        ended: RequestEnd::Pending,
        ended_at_ms: None,
        chat_id: chat_id.to_owned(),
        query: query.to_owned(),
        offset,
        limit,
        origin: header_text(header::ORIGIN),
        accept: header_text(header::ACCEPT),
        had_session_cookie: token.is_some(),
        user,
    };
    state.log.push(entry);
    let fault = take_matching(&mut state.faults, chat_id.parse().ok(), offset, limit);
    let random_failure = state.roll_failure(portal.settings.failure_rate);
    (serial, fault, random_failure, state.latency_ms)
}

/// Notes in the log how a request ended: when the client closes the
/// connection, the server drops the handler's future, and with it this.
struct InFlight<'a> {
    portal: &'a Portal,
    serial: u64,
    answered: bool,
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        let ended = if self.answered {
            RequestEnd::Answered
        } else {
            RequestEnd::ClosedByClient
        };
        let mut state = self.portal.lock();
        let now = state.millis_since_start();
        if let Some(entry) = state.log.iter_mut().find(|e| e.serial == self.serial) {
            entry.ended = ended;
            entry.ended_at_ms = Some(now);
        }
    }
}

/// The documented answer: 401, 400, 404, 403 in that order, else the page.
pub fn answer(
    portal: &Portal,
    token: Option<&str>,
    chat_id: &str,
    query: &str,
) -> Result<String, ApiError> {
    let state = portal.lock();
    let reader = token
        .and_then(|token| state.session_user(token))
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "sign in to the portal first",
            )
        })?;
    let paging = Paging::parse(query)?;
    let not_found = || ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such chat");
    let chat = chat_id
        .parse::<u64>()
        .ok()
        .and_then(|id| state.chats.get(&id))
        .ok_or_else(not_found)?;
    let owner = state.user(chat.owner_id).ok_or_else(not_found)?;
    if !may_read(reader, owner, chat.visibility) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "you may not read this chat's activity",
        ));
    }
    let total = chat.events.len() as u64;
    let start = paging.offset.min(total) as usize;
    let end = paging.offset.saturating_add(paging.limit).min(total) as usize;
    let page = ActivityPage {
        events: &chat.events[start..end],
        total,
        offset: paging.offset,
        limit: paging.limit,
    };
    serde_json::to_string(&page).map_err(|error| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            error.to_string(),
        )
    })
}
