//! The second origin: the built page (and example hosts), as the portal's
//! web server would serve them, with the API base set in the page's meta tag.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::services::ServeDir;

#[derive(Clone)]
struct PageSite {
    dist: Arc<PathBuf>,
    api_origin: Arc<String>,
}

/// Serves `dist/`; `index.html` gets `api_origin` as its API base.
pub fn router(dist: &Path, api_origin: &str) -> Router {
    let site = PageSite {
        dist: Arc::new(dist.to_owned()),
        api_origin: Arc::new(api_origin.to_owned()),
    };
    Router::new()
        .route("/", get(index))
        .route("/index.html", get(index))
        .with_state(site)
        .fallback_service(ServeDir::new(dist))
}

async fn index(State(site): State<PageSite>) -> Response {
    match tokio::fs::read_to_string(site.dist.join("index.html")).await {
        Ok(html) => (
            [(header::CACHE_CONTROL, "no-store")],
            Html(with_api_base(&html, &site.api_origin)),
        )
            .into_response(),
        Err(error) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "no built page at {}: {error} (run trunk build first)",
                site.dist.display()
            ),
        )
            .into_response(),
    }
}

/// Sets the content of `<meta name="chat-activity-api-base">`, as a deployer would.
pub fn with_api_base(html: &str, api_origin: &str) -> String {
    const META: &str = r#"<meta name="chat-activity-api-base" content=""#;
    let Some(start) = html.find(META).map(|at| at + META.len()) else {
        return html.to_owned();
    };
    let Some(length) = html[start..].find('"') else {
        return html.to_owned();
    };
    format!(
        "{}{}{}",
        &html[..start],
        html_escape::encode_double_quoted_attribute(api_origin),
        &html[start + length..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_meta_tag_gets_the_api_origin() {
        let html = r#"<head><meta name="chat-activity-api-base" content="https://portal-api.7331.org" /></head>"#;
        assert_eq!(
            with_api_base(html, "http://localhost:8081"),
            r#"<head><meta name="chat-activity-api-base" content="http://localhost:8081" /></head>"#
        );
        assert_eq!(with_api_base("<p>no meta</p>", "x"), "<p>no meta</p>");
    }
}
