//! One page request at a time: starting a request aborts the one in flight,
//! and the answer to a superseded request is never delivered.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use crate::api::client::fetch_page;
use crate::api::FetchOutcome;

#[derive(Default)]
struct InFlight {
    /// Counts requests started; only the newest one's answer is delivered.
    generation: u64,
    abort: Option<AbortController>,
}

impl InFlight {
    fn abort(&mut self) {
        if let Some(controller) = self.abort.take() {
            controller.abort();
        }
    }
}

/// Loads pages for one component instance; aborts what is in flight when
/// the instance is unmounted.
#[derive(Clone, Copy)]
pub(crate) struct PageLoader {
    in_flight: StoredValue<InFlight, LocalStorage>,
}

impl PageLoader {
    pub fn new() -> Self {
        let in_flight = StoredValue::new_local(InFlight::default());
        on_cleanup(move || {
            in_flight.try_update_value(InFlight::abort);
        });
        Self { in_flight }
    }

    /// Fetches `url` and hands the outcome to `deliver`, unless another
    /// load started (or the owner was disposed) before the answer came.
    pub fn load(self, url: String, deliver: impl FnOnce(FetchOutcome) + 'static) {
        let Some((generation, signal)) = self.in_flight.try_update_value(|state| {
            state.abort();
            state.generation += 1;
            state.abort = AbortController::new().ok();
            (
                state.generation,
                state.abort.as_ref().map(AbortController::signal),
            )
        }) else {
            return;
        };
        spawn_local(async move {
            let outcome = fetch_page(&url, signal.as_ref()).await;
            let still_wanted = self
                .in_flight
                .try_update_value(|state| {
                    let current = state.generation == generation;
                    if current {
                        state.abort = None;
                    }
                    current
                })
                .unwrap_or(false);
            if still_wanted {
                deliver(outcome);
            }
        });
    }
}
