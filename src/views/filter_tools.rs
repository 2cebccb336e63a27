//! The filter tool: "Filter by action" and "Search username". The API
//! cannot filter, so the chat is read once, in pages of 100 (with progress
//! and Cancel), and kept for the session; paging goes through the matches.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use super::locale::I18n;
use super::scan_progress::ScanProgressBar;
use crate::api::scan::{read_all, ScanProgress};
use crate::api::{ActivityEvent, ApiBase};
use crate::filter::{action_from_choice, EventFilter};
use crate::i18n::template::Arg;
use crate::i18n::MessageId;
use crate::new_events::drop_repeated;
use crate::paging::PageRequest;

/// A chat read whole.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ReadChat {
    api_base: ApiBase,
    chat: crate::ChatId,
    events: Vec<ActivityEvent>,
}

/// The filter's state, shared by its controls and the component.
#[derive(Clone, Copy)]
pub struct FilterState {
    /// What the reader filters by.
    pub filter: RwSignal<EventFilter>,
    /// The page of matches shown.
    pub page: RwSignal<PageRequest>,
    read: RwSignal<Option<ReadChat>>,
    scanning: RwSignal<Option<ScanProgress>>,
    abort: StoredValue<Option<AbortController>, LocalStorage>,
}

impl FilterState {
    /// No filter; nothing read. `first` is the first page of the chat.
    pub fn new(first: PageRequest) -> Self {
        let state = Self {
            filter: RwSignal::new(EventFilter::default()),
            page: RwSignal::new(first),
            read: RwSignal::new(None),
            scanning: RwSignal::new(None),
            abort: StoredValue::new_local(None),
        };
        on_cleanup(move || state.cancel());
        state
    }

    /// Whether a filter is set.
    pub fn is_active(&self) -> bool {
        self.filter.with(EventFilter::is_active)
    }

    /// The scan's progress while it runs.
    pub fn progress(&self) -> Option<ScanProgress> {
        self.scanning.get()
    }

    /// All matches, once the chat has been read.
    pub fn matches(&self, api_base: &ApiBase, chat: crate::ChatId) -> Option<Vec<ActivityEvent>> {
        let filter = self.filter.get();
        self.read.with(|read| {
            read.as_ref()
                .filter(|read| read.api_base == *api_base && read.chat == chat)
                .map(|read| filter.apply(&read.events))
        })
    }

    /// Reads the chat unless it was read already (or is being read).
    pub fn ensure_read(&self, api_base: ApiBase, chat: PageRequest, announce: Callback<String>) {
        let have = self.read.with_untracked(|read| {
            read.as_ref()
                .is_some_and(|read| read.api_base == api_base && read.chat == chat.chat_id)
        });
        if have || self.scanning.get_untracked().is_some() {
            return;
        }
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(AbortController::signal);
        self.abort.set_value(controller);
        self.scanning.set(Some(ScanProgress::default()));
        let i18n = I18n::get();
        announce.run(i18n.say(MessageId::FilterStarted, &[]));
        let state = *self;
        spawn_local(async move {
            let progress = move |progress| _ = state.scanning.try_set(Some(progress));
            let result = read_all(&api_base, chat, signal.as_ref(), progress).await;
            state.scanning.try_set(None);
            match result {
                Ok(events) => {
                    announce.try_run(i18n.say(
                        MessageId::FilterDone,
                        &[("count", Arg::Number(events.len() as u64))],
                    ));
                    state.read.try_set(Some(ReadChat {
                        api_base,
                        chat: chat.chat_id,
                        events,
                    }));
                }
                Err(_) if signal.as_ref().is_some_and(web_sys::AbortSignal::aborted) => {}
                Err(error) => {
                    let error = i18n.with_untracked(|texts| texts.load_error(&error));
                    announce.try_run(
                        i18n.say(MessageId::FilterFailed, &[("error", Arg::Text(&error))]),
                    );
                    state.filter.try_set(EventFilter::default());
                }
            }
        });
    }

    /// Stops a scan under way (the filter itself stays as set).
    pub fn cancel(&self) {
        if let Some(controller) = self.abort.try_update_value(Option::take).flatten() {
            controller.abort();
        }
        self.scanning.try_set(None);
    }

    /// New events arrived at the head: they join what was read.
    pub fn add_newest(&self, newest_first: Vec<ActivityEvent>) {
        self.read.try_update(|read| {
            if let Some(read) = read {
                let head = read.events.len().min(newest_first.len() + 100);
                let (_, repeated) = drop_repeated(&newest_first, read.events[..head].to_vec());
                let mut events = newest_first;
                events.extend(read.events.drain(repeated..));
                read.events = events;
            }
        });
    }

    /// Whether the chat has been read (so new events should be added).
    pub fn has_read(&self) -> bool {
        self.read.with_untracked(Option::is_some)
    }
}

/// The filter controls, and the scan's progress with a Cancel button.
#[component]
pub fn FilterControls(
    /// The state they change.
    state: FilterState,
) -> impl IntoView {
    let set_action = move |event| {
        let action = action_from_choice(&event_target_value(&event));
        state.filter.update(|filter| filter.action = action);
    };
    let set_username = move |event| {
        let username = event_target_value(&event);
        state.filter.update(|filter| filter.username = username);
    };
    let i18n = I18n::get();
    let cancel = move |_| {
        state.cancel();
        state.filter.set(EventFilter::default());
    };
    view! {
        <div class="ca-filter">
            <label class="ca-field">
                {i18n.tr(MessageId::FilterByAction)}
                <select class="ca-select" on:change=set_action prop:value=move || {
                    state.filter.with(|filter| filter.action.as_ref().map(|a| a.as_str().to_owned()).unwrap_or_default())
                }>
                    <option value="">{i18n.tr(MessageId::AllActions)}</option>
                    <option value="join">{i18n.tr(MessageId::ActionJoin)}</option>
                    <option value="leave">{i18n.tr(MessageId::ActionLeave)}</option>
                    <option value="kick">{i18n.tr(MessageId::ActionKick)}</option>
                    <option value="ban">{i18n.tr(MessageId::ActionBan)}</option>
                </select>
            </label>
            <label class="ca-field">
                {i18n.tr(MessageId::SearchUsername)}
                <input
                    type="search"
                    class="ca-input"
                    prop:value=move || state.filter.with(|filter| filter.username.clone())
                    on:input=set_username
                />
            </label>
            {move || state.progress().map(|progress| view! {
                <div class="ca-scan">
                    <p class="ca-scan-text">
                        {i18n.format(
                            MessageId::FilterReading,
                            &[("read", Arg::Number(progress.read)), ("total", Arg::Number(progress.total))],
                        )}
                    </p>
                    <ScanProgressBar label=i18n.text(MessageId::FilterProgress) progress />
                    <button type="button" class="ca-button" on:click=cancel>{i18n.text(MessageId::Cancel)}</button>
                </div>
            })}
        </div>
    }
}
