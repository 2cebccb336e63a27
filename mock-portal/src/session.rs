//! Portal sessions: the `psession` cookie, signing in and out.

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use html_escape::encode_text;
use serde::Deserialize;

use crate::portal::Portal;

pub const COOKIE: &str = "psession";

/// The `psession` token a request carries, if any.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|cookies| cookies.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_owned())
}

#[derive(Deserialize)]
pub struct SignInQuery {
    user: Option<String>,
    return_to: Option<String>,
}

/// `GET /sign-in`: a page to choose who you are; `?user=NAME` signs in and,
/// with `return_to` on an allowed page origin, goes back there.
pub async fn sign_in(State(portal): State<Portal>, Query(query): Query<SignInQuery>) -> Response {
    let return_to = query.return_to.filter(|url| is_page_url(&portal, url));
    let Some(username) = query.user else {
        return Html(chooser(&portal, return_to.as_deref())).into_response();
    };
    let token = {
        let mut state = portal.lock();
        let Some(id) = state.user_by_name(&username).map(|user| user.id) else {
            return (
                StatusCode::BAD_REQUEST,
                Html(format!("<p>No user {}.</p>", encode_text(&username))),
            )
                .into_response();
        };
        state.open_session(id)
    };
    // HttpOnly: never readable from script. SameSite=Lax: the API and the
    // pages are one site (same host, other port), as portal and portal-api are.
    let cookie = format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax");
    let target = return_to.unwrap_or_else(|| "/sign-in".to_owned());
    ([(header::SET_COOKIE, cookie)], Redirect::to(&target)).into_response()
}

#[derive(Deserialize)]
pub struct SignOutQuery {
    return_to: Option<String>,
}

/// `GET /sign-out`: ends the session.
pub async fn sign_out(
    State(portal): State<Portal>,
    headers: HeaderMap,
    Query(query): Query<SignOutQuery>,
) -> Response {
    if let Some(token) = session_token(&headers) {
        portal.lock().sessions.remove(&token);
    }
    let target = query
        .return_to
        .filter(|url| is_page_url(&portal, url))
        .unwrap_or_else(|| "/sign-in".to_owned());
    let cookie = format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
    ([(header::SET_COOKIE, cookie)], Redirect::to(&target)).into_response()
}

/// Only the configured page origins are redirect targets: no open redirect.
fn is_page_url(portal: &Portal, url: &str) -> bool {
    portal.settings.page_origins.iter().any(|origin| {
        url.strip_prefix(origin.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

fn chooser(portal: &Portal, return_to: Option<&str>) -> String {
    let state = portal.lock();
    let links: String = state
        .users
        .iter()
        .filter(|user| user.id < 100)
        .map(|user| {
            let mut href = form_urlencoded::Serializer::for_suffix(String::from("/sign-in?"), 9);
            href.append_pair("user", &user.username);
            if let Some(url) = return_to {
                href.append_pair("return_to", url);
            }
            format!(
                r#"<li><a href="{}">{}</a> ({:?})</li>"#,
                html_escape::encode_double_quoted_attribute(&href.finish()),
                encode_text(&user.username),
                user.role
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Mock portal: sign in</title></head>\
         <body><h1>Mock portal: sign in as</h1><ul>{links}</ul></body></html>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            "theme=dark; psession=abc123; x=y".parse().expect("valid"),
        );
        assert_eq!(session_token(&headers).as_deref(), Some("abc123"));
        headers.insert(header::COOKIE, "psessionx=1".parse().expect("valid"));
        assert_eq!(session_token(&headers), None);
    }
}
