//! One page request at a time: starting a request aborts the one in flight,
//! and the answer to a superseded request is never delivered.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use crate::api::client::fetch_page;
use crate::api::{FetchOutcome, LoadError};

/// How long a page request may take before it is given up.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Default)]
struct InFlight {
    /// Counts requests started; only the newest one's answer is delivered.
    generation: u64,
    abort: Option<AbortController>,
    timer: Option<TimeoutHandle>,
    /// The generation whose request ran out of time.
    timed_out: Option<u64>,
}

impl InFlight {
    fn abort(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
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
    /// load started (or the owner was disposed) before the answer came. A
    /// request still unanswered after [`REQUEST_TIMEOUT`] is aborted and
    /// delivered as [`LoadError::Timeout`].
    pub fn load(self, url: String, deliver: impl FnOnce(FetchOutcome) + 'static) {
        let in_flight = self.in_flight;
        let Some((generation, signal)) = in_flight.try_update_value(|state| {
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
        let give_up = move || {
            in_flight.try_update_value(|state| {
                if state.generation == generation {
                    state.timed_out = Some(generation);
                    state.abort();
                }
            });
        };
        let timer = set_timeout_with_handle(give_up, REQUEST_TIMEOUT).ok();
        in_flight.update_value(|state| state.timer = timer);
        // Sent now; only its answer is awaited later.
        let answer = fetch_page(&url, signal.as_ref());
        spawn_local(async move {
            let outcome = answer.await;
            let answer = in_flight
                .try_update_value(|state| {
                    if state.generation != generation {
                        return None;
                    }
                    if let Some(timer) = state.timer.take() {
                        timer.clear();
                    }
                    state.abort = None;
                    Some(if state.timed_out == Some(generation) {
                        FetchOutcome::Failed(LoadError::Timeout)
                    } else {
                        outcome
                    })
                })
                .flatten();
            if let Some(answer) = answer {
                deliver(answer);
            }
        });
    }
}
