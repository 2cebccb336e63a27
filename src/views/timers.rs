//! The component's timers: its clock, periodic checks, and whether the tab
//! is hidden. Each one ends with the component that started it.

use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::local_time;

/// Whether the browser tab is hidden (checks pause then).
pub fn document_hidden() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .is_some_and(|document| document.hidden())
}

/// Runs `tick` every `seconds` (0: never), restarting when `seconds`
/// changes; the timer ends with the component.
pub fn every(seconds: Signal<u32>, tick: impl Fn() + Clone + 'static) {
    let timer = StoredValue::new_local(None::<IntervalHandle>);
    let stop = move || {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    Effect::new(move |_| {
        stop();
        let seconds = seconds.get();
        if seconds == 0 {
            return;
        }
        match set_interval_with_handle(tick.clone(), Duration::from_secs(seconds.into())) {
            Ok(handle) => timer.set_value(Some(handle)),
            Err(error) => leptos::logging::warn!("chat-activity: no refresh timer: {error:?}"),
        }
    });
    on_cleanup(stop);
}

/// Whether `busy` has lasted `after` already: false until then, and again
/// as soon as `busy` ends. (A load this quick never looks busy, so a page
/// switch neither flickers nor repaints what it is about to replace.)
pub fn lasting(busy: impl Fn() -> bool + 'static, after: Duration) -> Signal<bool> {
    let lasted = RwSignal::new(false);
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let stop = move || {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    Effect::new(move |_| {
        if !busy() {
            stop();
            lasted.set(false);
        } else if !lasted.get_untracked() && timer.with_value(Option::is_none) {
            let done = move || {
                timer.try_set_value(None);
                lasted.try_set(true);
            };
            timer.set_value(set_timeout_with_handle(done, after).ok());
        }
    });
    on_cleanup(stop);
    lasted.into()
}

/// Runs `act` with `watch`'s last value once what `watch` tracks has
/// stopped changing for `quiet` (the reader stopped typing); not for its
/// first value.
pub fn when_settled<T: 'static>(
    watch: impl Fn() -> T + 'static,
    quiet: Duration,
    act: impl Fn(T) + Clone + 'static,
) {
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let stop = move || {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    Effect::new(move |first: Option<()>| {
        let value = watch();
        stop();
        if first.is_some() {
            let act = act.clone();
            let done = move || {
                timer.try_set_value(None);
                act(value);
            };
            timer.set_value(set_timeout_with_handle(done, quiet).ok());
        }
    });
    on_cleanup(stop);
}

/// One clock per component, ticking each minute, for the relative times.
pub fn shared_clock() -> Signal<DateTime<Utc>> {
    let now = RwSignal::new(local_time::now());
    match set_interval_with_handle(move || now.set(local_time::now()), Duration::from_secs(60)) {
        Ok(handle) => on_cleanup(move || handle.clear()),
        Err(error) => {
            leptos::logging::warn!("chat-activity: no clock for relative times: {error:?}")
        }
    }
    now.into()
}

/// A countdown in whole seconds, on screen through [`Countdown::seconds_left`],
/// that runs `done` when it reaches zero (unless stopped first).
#[derive(Clone, Copy)]
pub struct Countdown {
    left: RwSignal<Option<u64>>,
    timer: StoredValue<Option<IntervalHandle>, LocalStorage>,
    done: StoredValue<std::rc::Rc<dyn Fn()>, LocalStorage>,
}

impl Countdown {
    /// A stopped countdown.
    pub fn new(done: impl Fn() + 'static) -> Self {
        let countdown = Self {
            left: RwSignal::new(None),
            timer: StoredValue::new_local(None),
            done: StoredValue::new_local(std::rc::Rc::new(done)),
        };
        on_cleanup(move || countdown.stop());
        countdown
    }

    /// Seconds left while it runs.
    pub fn seconds_left(&self) -> Option<u64> {
        self.left.get()
    }

    /// Starts over from `seconds`.
    pub fn start(self, seconds: u64) {
        self.stop();
        self.left.set(Some(seconds));
        let tick = move || match self.left.try_get_untracked().flatten() {
            Some(left) if left > 1 => _ = self.left.try_set(Some(left - 1)),
            _ => {
                self.stop();
                if let Some(done) = self.done.try_get_value() {
                    done();
                }
            }
        };
        match set_interval_with_handle(tick, Duration::from_secs(1)) {
            Ok(handle) => self.timer.set_value(Some(handle)),
            Err(_) => self.done.with_value(|done| done()),
        }
    }

    /// Stops it without running `done`.
    pub fn stop(self) {
        if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        self.left.try_set(None);
    }
}
