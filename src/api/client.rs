//! The API client: the one fetch function, with browser credentials.

use std::future::Future;

use gloo_net::http::{Request, Response};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestCredentials};

use super::outcome::{body_text, FetchOutcome, LoadError};

#[wasm_bindgen]
extern "C" {
    /// The global `fetch` (of a window or a worker), as gloo-net calls it.
    #[wasm_bindgen(js_name = fetch)]
    fn fetch_request(request: &web_sys::Request) -> js_sys::Promise;
}

/// Fetches one activity page. Credentials (the portal's `psession` cookie)
/// are included, so `url` must be built from the configured
/// [`ApiBase`](super::base::ApiBase) and nothing else. Aborting `abort`
/// ends the request; its outcome is then a network failure nobody reads.
///
/// The request goes out when this is called, not when the answer is first
/// awaited: a caller that goes on building its view does not hold it up.
pub fn fetch_page(
    url: &str,
    abort: Option<&AbortSignal>,
) -> impl Future<Output = FetchOutcome> + 'static {
    let sent = Request::get(url)
        .credentials(RequestCredentials::Include)
        .header("Accept", "application/json")
        .abort_signal(abort)
        .build()
        .map(|request| JsFuture::from(fetch_request(&request.into())));
    async move {
        let answer = match sent {
            Ok(answer) => answer.await.map_err(|error| js_error_text(&error)),
            Err(error) => Err(error.to_string()),
        };
        let response = match answer {
            Ok(response) => Response::from(response.unchecked_into::<web_sys::Response>()),
            Err(error) => return FetchOutcome::Failed(LoadError::Network(error)),
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
}

/// What a rejected `fetch` says (a `TypeError` for network failures).
fn js_error_text(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .unwrap_or_else(|| format!("{error:?}"))
}
