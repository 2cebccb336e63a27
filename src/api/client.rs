//! The API client: the one fetch function, with browser credentials.

use gloo_net::http::Request;
use web_sys::{AbortSignal, RequestCredentials};

use super::outcome::{body_text, FetchOutcome, LoadError};

/// Fetches one activity page. Credentials (the portal's `psession` cookie)
/// are included, so `url` must be built from the configured
/// [`ApiBase`](super::base::ApiBase) and nothing else. Aborting `abort`
/// ends the request; its outcome is then a network failure nobody reads.
pub async fn fetch_page(url: &str, abort: Option<&AbortSignal>) -> FetchOutcome {
    let sent = Request::get(url)
        .credentials(RequestCredentials::Include)
        .header("Accept", "application/json")
        .abort_signal(abort)
        .send()
        .await;
    let response = match sent {
        Ok(response) => response,
        Err(error) => return FetchOutcome::Failed(LoadError::Network(error.to_string())),
    };
    let status = response.status();
    let retry_after = response.headers().get("Retry-After");
    // Only a success's body is read: refusals and errors are known by status.
    let body = if response.ok() {
        match response.binary().await {
            Ok(body) => body,
            Err(error) => return FetchOutcome::Failed(LoadError::Network(error.to_string())),
        }
    } else {
        Vec::new()
    };
    FetchOutcome::from_response(status, &body_text(&body), retry_after.as_deref())
}
