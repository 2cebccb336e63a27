//! The mock's HTTP behaviour, as `activity.md` documents the real API.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use mock_portal::api_router;
use mock_portal::faults::RequestEnd;
use mock_portal::portal::{Portal, Settings};
use tower::ServiceExt;

const PAGE_ORIGIN: &str = "http://localhost:8080";

fn portal() -> Portal {
    Portal::new(Settings {
        api_origin: "http://localhost:8081".into(),
        page_origins: vec![PAGE_ORIGIN.into()],
        latency_ms: 0,
        failure_rate: 0.0,
        controls: true,
        avatar_cors: false,
        seeded_at: chrono::DateTime::parse_from_rfc3339("2026-11-25T12:00:00Z")
            .expect("valid")
            .to_utc(),
    })
}

fn session(portal: &Portal, user: &str) -> String {
    let mut state = portal.lock();
    let id = state.user_by_name(user).expect("seeded user").id;
    state.open_session(id)
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    json: serde_json::Value,
}

async fn get(app: &Router, uri: &str, token: Option<&str>) -> Answer {
    let mut request = Request::get(uri).header(header::ORIGIN, PAGE_ORIGIN);
    if let Some(token) = token {
        request = request.header(header::COOKIE, format!("psession={token}"));
    }
    let response = app
        .clone()
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("answer");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    let json = serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null);
    Answer {
        status,
        headers,
        json,
    }
}

#[tokio::test]
async fn the_owner_reads_pages_newest_first_with_cors_for_the_page_origin() {
    let portal = portal();
    let token = session(&portal, "maria");
    let app = api_router(portal);
    let answer = get(
        &app,
        "/v1/portal/chats/1/activity?offset=10&limit=5",
        Some(&token),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json["offset"], 10);
    assert_eq!(answer.json["limit"], 5);
    assert_eq!(answer.json["events"].as_array().map(Vec::len), Some(5));
    assert!(answer.json["total"]
        .as_u64()
        .is_some_and(|total| total > 600));
    assert_eq!(
        answer
            .headers
            .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
            .and_then(|v| v.to_str().ok()),
        Some(PAGE_ORIGIN)
    );
    assert_eq!(
        answer
            .headers
            .get(header::ACCESS_CONTROL_ALLOW_CREDENTIALS)
            .and_then(|v| v.to_str().ok()),
        Some("true")
    );
}

#[tokio::test]
async fn defaults_are_offset_0_and_limit_50() {
    let portal = portal();
    let token = session(&portal, "maria");
    let answer = get(
        &api_router(portal),
        "/v1/portal/chats/1/activity",
        Some(&token),
    )
    .await;
    assert_eq!(
        (
            answer.json["offset"].as_u64(),
            answer.json["limit"].as_u64()
        ),
        (Some(0), Some(50))
    );
}

#[tokio::test]
async fn who_may_read_follows_the_rules() {
    let portal = portal();
    let app = api_router(portal.clone());
    let cases = [
        ("maria", 2, StatusCode::OK),        // owner, private
        ("tom", 1, StatusCode::OK),          // moderator, public chat of a member
        ("tom", 2, StatusCode::FORBIDDEN),   // moderator, private
        ("lena", 1, StatusCode::FORBIDDEN),  // member, public chat of a member
        ("tom", 3, StatusCode::FORBIDDEN),   // moderator, official chat of a moderator
        ("sasha", 3, StatusCode::OK),        // admin outranks the moderator owner
        ("sasha", 2, StatusCode::FORBIDDEN), // nobody but the owner on private
        ("maria", 999, StatusCode::NOT_FOUND),
        ("maria", 0, StatusCode::NOT_FOUND),
    ];
    for (user, chat, expected) in cases {
        let token = session(&portal, user);
        let answer = get(
            &app,
            &format!("/v1/portal/chats/{chat}/activity?offset=0&limit=1"),
            Some(&token),
        )
        .await;
        assert_eq!(answer.status, expected, "{user} on chat {chat}");
    }
}

#[tokio::test]
async fn no_valid_session_is_401() {
    let app = api_router(portal());
    assert_eq!(
        get(&app, "/v1/portal/chats/1/activity", None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let forged = get(&app, "/v1/portal/chats/1/activity", Some("forged")).await;
    assert_eq!(forged.status, StatusCode::UNAUTHORIZED);
    assert_eq!(forged.json["error"], "unauthorized");
}

#[tokio::test]
async fn invalid_paging_is_400_with_a_json_error() {
    let portal = portal();
    let token = session(&portal, "maria");
    let app = api_router(portal);
    for query in [
        "limit=0",
        "limit=101",
        "limit=abc",
        "offset=-1",
        "offset=1.5",
        "limit=",
    ] {
        let answer = get(
            &app,
            &format!("/v1/portal/chats/1/activity?{query}"),
            Some(&token),
        )
        .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{query}");
        assert!(
            answer.json["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{query}"
        );
    }
}

#[tokio::test]
async fn other_origins_get_no_cors_grant() {
    let portal = portal();
    let token = session(&portal, "maria");
    let app = api_router(portal);
    let request = Request::get("/v1/portal/chats/1/activity")
        .header(header::ORIGIN, "http://evil.example")
        .header(header::COOKIE, format!("psession={token}"))
        .body(Body::empty())
        .expect("request");
    let response = app.oneshot(request).await.expect("answer");
    assert_eq!(
        response.headers().get(header::ACCESS_CONTROL_ALLOW_ORIGIN),
        None
    );
}

#[tokio::test]
async fn past_the_end_is_an_empty_page_with_the_total() {
    let portal = portal();
    let token = session(&portal, "maria");
    let answer = get(
        &api_router(portal),
        "/v1/portal/chats/1/activity?offset=100000&limit=10",
        Some(&token),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json["events"].as_array().map(Vec::len), Some(0));
    assert!(answer.json["total"].as_u64().is_some_and(|t| t > 0));
}

/// Sends any request to the app and returns the answer as it is.
async fn send(app: &Router, request: Request<Body>) -> axum::response::Response {
    app.clone().oneshot(request).await.expect("answer")
}

fn avatar_request(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).expect("request")
}

fn header_text(answer: &axum::response::Response, name: header::HeaderName) -> Option<&str> {
    answer
        .headers()
        .get(name)
        .and_then(|value| value.to_str().ok())
}

#[tokio::test]
async fn avatars_are_served_for_known_users_only() {
    let app = api_router(portal());
    let known = send(&app, avatar_request("/avatars/1.svg")).await;
    assert_eq!(known.status(), StatusCode::OK);
    assert_eq!(
        header_text(&known, header::CONTENT_TYPE),
        Some("image/svg+xml")
    );
    assert_eq!(
        header_text(&known, header::ACCESS_CONTROL_ALLOW_ORIGIN),
        None,
        "as most image hosts: no CORS headers"
    );
    let unknown = send(&app, avatar_request("/avatars/deleted/105.png")).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_avatar_cors_switch_adds_the_header_until_a_reset() {
    let portal = portal();
    let app = api_router(portal.clone());
    let switch_on = Request::put("/__control/avatars")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"cors":true}"#))
        .expect("request");
    assert_eq!(send(&app, switch_on).await.status(), StatusCode::NO_CONTENT);
    let switched = send(&app, avatar_request("/avatars/1.svg")).await;
    assert_eq!(
        header_text(&switched, header::ACCESS_CONTROL_ALLOW_ORIGIN),
        Some("*")
    );
    portal.reset();
    let after_reset = send(&app, avatar_request("/avatars/1.svg")).await;
    assert_eq!(
        header_text(&after_reset, header::ACCESS_CONTROL_ALLOW_ORIGIN),
        None,
        "a reset restores the default"
    );
}

#[tokio::test]
async fn sign_in_sets_an_http_only_cookie_and_returns_only_to_page_origins() {
    let app = api_router(portal());
    let request = |uri: &str| Request::get(uri).body(Body::empty()).expect("request");
    let signed_in = app
        .clone()
        .oneshot(request(
            "/sign-in?user=maria&return_to=http%3A%2F%2Flocalhost%3A8080%2F%3Fchat_id%3D1",
        ))
        .await
        .expect("answer");
    let cookie = signed_in
        .headers()
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(
        cookie.starts_with("psession=") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    assert_eq!(
        signed_in
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok()),
        Some("http://localhost:8080/?chat_id=1")
    );
    let elsewhere = app
        .oneshot(request(
            "/sign-in?user=maria&return_to=http%3A%2F%2Flocalhost%3A8080.evil.example%2F",
        ))
        .await
        .expect("answer");
    assert_eq!(
        elsewhere
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok()),
        Some("/sign-in")
    );
}

#[tokio::test]
async fn faults_are_injected_and_spent() {
    let portal = portal();
    let token = session(&portal, "maria");
    portal.lock().faults =
        serde_json::from_str(r#"[{"offset": 0, "status": 503, "retry_after": 2, "times": 1}]"#)
            .expect("valid rules");
    let app = api_router(portal.clone());
    let failed = get(
        &app,
        "/v1/portal/chats/1/activity?offset=0&limit=1",
        Some(&token),
    )
    .await;
    assert_eq!(failed.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        failed
            .headers
            .get(header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok()),
        Some("2")
    );
    let recovered = get(
        &app,
        "/v1/portal/chats/1/activity?offset=0&limit=1",
        Some(&token),
    )
    .await;
    assert_eq!(recovered.status, StatusCode::OK);
    assert_eq!(portal.lock().log.len(), 2, "both requests logged");
}

#[tokio::test]
async fn the_log_tells_answered_requests_from_ones_the_client_gave_up_on() {
    let portal = portal();
    let token = session(&portal, "maria");
    portal.lock().faults =
        serde_json::from_str(r#"[{"offset": 5, "hang": true}]"#).expect("valid rules");
    let app = api_router(portal.clone());
    get(
        &app,
        "/v1/portal/chats/1/activity?offset=0&limit=5",
        Some(&token),
    )
    .await;
    let hung = get(
        &app,
        "/v1/portal/chats/1/activity?offset=5&limit=5",
        Some(&token),
    );
    // The client gives up: its side of the exchange is dropped.
    let gave_up = tokio::time::timeout(std::time::Duration::from_millis(50), hung).await;
    assert!(gave_up.is_err(), "a hung request gets no answer");
    let ends: Vec<_> = portal.lock().log.iter().map(|r| r.ended).collect();
    assert_eq!(ends, [RequestEnd::Answered, RequestEnd::ClosedByClient]);
}
