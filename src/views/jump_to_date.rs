//! The "Jump to date" tool: a date input, and the binary search behind it.

use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

use super::local_time::{local_day, local_day_bounds, now};
use super::locale::I18n;
use crate::api::scan::fetch_patiently;
use crate::api::{ApiBase, FetchOutcome, LoadError};
use crate::i18n::template::Arg;
use crate::i18n::{MessageId, Texts};
use crate::jump_to_date::{check_not_future, JumpError, JumpSearch};
use crate::paging::{PageRequest, PageSize};

/// Why a jump found no page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JumpFailure {
    /// The date itself is the problem.
    #[error("{0}")]
    Date(#[from] JumpError),
    /// A probe failed.
    #[error("Couldn't jump: {0}")]
    Load(LoadError),
}

impl JumpFailure {
    /// What the reader is told, in the texts' language.
    pub fn text(&self, texts: &Texts) -> String {
        match self {
            Self::Date(error) => texts.jump_error(error),
            Self::Load(error) => {
                let error = texts.load_error(error);
                texts.format(MessageId::JumpFailed, &[("error", Arg::Text(&error))])
            }
        }
    }
}

/// Finds the offset of the newest event at or before the end of `day` (the
/// viewer's local day) in a chat of `total` events, one `limit=1` probe at a
/// time: at most ⌈log₂(total + 1)⌉ requests (and a probe that fails for a
/// while asked again, as a read's pages are). Gives up (none) as soon as it
/// is no longer `wanted` (the reader chose another date, page or filter).
pub async fn find_day(
    api_base: &ApiBase,
    chat: PageRequest,
    total: u64,
    day: NaiveDate,
    wanted: impl Fn() -> bool,
) -> Option<Result<u64, JumpFailure>> {
    let (start, end) = local_day_bounds(day);
    if let Err(error) = check_not_future(start, now()) {
        return Some(Err(error.into()));
    }
    let mut search = JumpSearch::new(total);
    while let Some(offset) = search.next_probe() {
        if !wanted() {
            return None;
        }
        let probe = PageRequest {
            offset,
            limit: PageSize::clamped(1),
            ..chat
        };
        let failed = |error| Some(Err(JumpFailure::Load(error)));
        match fetch_patiently(&api_base.activity_url(&probe), &wanted).await {
            FetchOutcome::Page(page) => match page.events.first() {
                Some(event) => search.record(offset, at_or_before(event.created_at.instant(), end)),
                None => search.record_missing(offset),
            },
            FetchOutcome::Failed(error) => return failed(error),
            FetchOutcome::Unauthorized => return failed(LoadError::Status(401)),
            FetchOutcome::Forbidden => return failed(LoadError::Status(403)),
        }
    }
    Some(
        search
            .found()
            .ok_or(JumpFailure::Date(JumpError::BeforeTheFirstEvent)),
    )
}

fn at_or_before(instant: DateTime<Utc>, end: DateTime<Utc>) -> bool {
    instant <= end
}

/// How long a typed date must stay unchanged before the jump: a date
/// typed digit by digit is a valid date at each digit of its year (0002,
/// 0020, 0202, 2026), and each would be a search of its own.
const SETTLE: Duration = Duration::from_millis(600);

/// The date input named "Jump to date"; `on_jump` gets the chosen day once
/// it has settled.
#[component]
pub fn JumpToDate(
    /// Called with the chosen day.
    on_jump: Callback<Option<NaiveDate>>,
    /// Whether a jump is running (and has taken a while): a note says so.
    #[prop(into)]
    busy: Signal<bool>,
    /// Whether there is nothing to jump in (no chat read, or an empty one).
    #[prop(into, optional)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let i18n = I18n::get();
    // A date input's value is always "yyyy-mm-dd" (NaiveDate's Display).
    let today = local_day(now()).to_string();
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let cancel = move || {
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    let changed = move |event| {
        cancel();
        let day = chosen_day(&event_target(&event));
        let jump = move || {
            pending.try_set_value(None);
            on_jump.run(day);
        };
        pending.set_value(set_timeout_with_handle(jump, SETTLE).ok());
    };
    on_cleanup(cancel);
    view! {
        <label class="ca-jump">
            {i18n.tr(MessageId::JumpToDate)}
            <input
                type="date"
                class="ca-input"
                max=today
                disabled=disabled
                aria-busy=move || busy.get().then_some("true")
                on:change=changed
            />
        </label>
        {move || busy.get().then(|| view! { <span class="ca-notice ca-jump-busy">{i18n.tr(MessageId::JumpSearching)}</span> })}
    }
}

/// The day a date input holds, read by the browser (`valueAsDate`, midnight
/// UTC of that day): chrono's text parser would cost the wasm 6 kB.
fn chosen_day(input: &web_sys::HtmlInputElement) -> Option<NaiveDate> {
    let date = input.value_as_date().ok().flatten()?;
    if !date.get_time().is_finite() {
        return None;
    }
    NaiveDate::from_ymd_opt(
        i32::try_from(date.get_utc_full_year()).ok()?,
        date.get_utc_month() + 1,
        date.get_utc_date(),
    )
}
