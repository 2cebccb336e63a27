//! The second origin: the built page and the example hosts, as the
//! portal's web server would serve them. HTML is configured on the way out
//! as a deployer would: the production API origin becomes this mock's.

use std::path::{Path, PathBuf};

use axum::body::{to_bytes, Body};
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::middleware::map_response_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::services::ServeDir;

/// The API origin the built files name; deployments replace it.
pub const PRODUCTION_API: &str = "https://portal-api.7331.org";

/// The strict Content-Security-Policy deployers are told to use, for pages
/// reading the API at `api_origin`. `connect-src` names `'self'` too: the
/// wasm module is fetched from the page's own origin.
pub fn strict_csp(api_origin: &str) -> String {
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' https: http:; connect-src 'self' {api_origin}"
    )
}

/// How pages are configured on the way out.
#[derive(Clone)]
struct Deployment {
    api_origin: String,
    csp: Option<HeaderValue>,
}

/// Serves `dist/` at `/` and each subfolder of the `examples` folders at
/// `/examples/NAME/` (its trunk output `dist/` where it has one), with
/// `csp` as the pages' Content-Security-Policy when set.
pub fn router(dist: &Path, examples: &[PathBuf], api_origin: &str, csp: Option<&str>) -> Router {
    let mut router = Router::new();
    let example_dirs = examples
        .iter()
        .filter_map(|dir| std::fs::read_dir(dir).ok())
        .flatten()
        .flatten()
        .filter(|entry| entry.path().is_dir());
    for entry in example_dirs {
        let built = entry.path().join("dist");
        let root = if built.is_dir() { built } else { entry.path() };
        let name = entry.file_name().to_string_lossy().into_owned();
        router = router.nest_service(&format!("/examples/{name}"), ServeDir::new(root));
    }
    router
        .route("/favicon.ico", get(favicon))
        .fallback_service(ServeDir::new(dist))
        .layer(map_response_with_state(
            Deployment {
                api_origin: api_origin.to_owned(),
                csp: csp.and_then(|csp| HeaderValue::from_str(csp).ok()),
            },
            configure,
        ))
}

/// The site's icon, as the portal's web server has one: browsers ask for
/// `/favicon.ico` on every page, and a 404 would be a console error on
/// every page view of the demo and the tests.
async fn favicon() -> Response {
    (
        [(header::CONTENT_TYPE, "image/svg+xml")],
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0969da"/><path d="M4 5h8M4 8h6M4 11h4" stroke="#fff" stroke-width="1.5"/></svg>"##,
    )
        .into_response()
}

/// HTML gets this mock's API origin; nothing is cached, so a rebuilt page
/// is what the next test sees.
async fn configure(State(deployment): State<Deployment>, response: Response) -> Response {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    let (mut parts, body) = response.into_parts();
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(csp) = &deployment.csp {
        parts
            .headers
            .insert(header::CONTENT_SECURITY_POLICY, csp.clone());
    }
    if !is_html {
        return Response::from_parts(parts, body);
    }
    let html = match to_bytes(body, 16 * 1024 * 1024).await {
        Ok(bytes) => with_api_origin(&String::from_utf8_lossy(&bytes), &deployment.api_origin),
        Err(error) => format!("cannot read the page: {error}"),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::ETAG);
    Response::from_parts(parts, Body::from(html))
}

/// The page as deployed against `api_origin`.
pub fn with_api_origin(html: &str, api_origin: &str) -> String {
    html.replace(PRODUCTION_API, api_origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_production_api_becomes_the_mock() {
        let html =
            r#"<meta name="chat-activity-api-base" content="https://portal-api.7331.org" />"#;
        assert_eq!(
            with_api_origin(html, "http://localhost:8081"),
            r#"<meta name="chat-activity-api-base" content="http://localhost:8081" />"#
        );
    }
}
