//! The filter tool: "Filter by action", "Search username", and the raid
//! tools' user and code filters. The API cannot filter, so the chat is
//! read, four pages of 100 at a time (with progress and Cancel), and kept
//! for the session; the matches found so far are paged at once.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use super::locale::I18n;
use super::scan_progress::ScanProgressBar;
use crate::api::chat_read::ChatRead;
use crate::api::scan::{read_chat, ScanProgress};
use crate::api::{ActivityEvent, ActivityPage, ApiBase};
use crate::chat_id::ChatId;
use crate::filter::{action_from_choice, EventFilter, Matches};
use crate::i18n::template::Arg;
use crate::i18n::MessageId;
use crate::names::{id_name, shown_name};
use crate::paging::PageRequest;

/// A chat being read (or read), and the matches of the filter in it.
struct Reading {
    api_base: ApiBase,
    chat: crate::ChatId,
    read: Rc<RefCell<ChatRead>>,
    matches: Matches,
}

/// A page of matches, and whether more may come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchPage {
    /// The matches on the page, newest first.
    pub events: Vec<ActivityEvent>,
    /// How many matches there are (so far).
    pub total: u64,
    /// Whether the chat is read to its end (else: "so far").
    pub complete: bool,
}

/// The filter's state, shared by its controls and the component.
#[derive(Clone, Copy)]
pub struct FilterState {
    /// What the reader filters by.
    pub filter: RwSignal<EventFilter>,
    /// The page of matches shown.
    pub page: RwSignal<PageRequest>,
    reading: StoredValue<Option<Reading>, LocalStorage>,
    /// Bumped whenever the read brings events.
    version: RwSignal<u64>,
    scanning: RwSignal<Option<ScanProgress>>,
    abort: StoredValue<Option<AbortController>, LocalStorage>,
    /// The filter was dropped because its read failed (not by the reader).
    dropped: StoredValue<bool>,
}

impl FilterState {
    /// No filter; nothing read. `first` is the first page of the chat.
    pub fn new(first: PageRequest) -> Self {
        let state = Self {
            filter: RwSignal::new(EventFilter::default()),
            page: RwSignal::new(first),
            reading: StoredValue::new_local(None),
            version: RwSignal::new(0),
            scanning: RwSignal::new(None),
            abort: StoredValue::new_local(None),
            dropped: StoredValue::new(false),
        };
        on_cleanup(move || state.cancel());
        state
    }

    /// Whether a filter is set.
    pub fn is_active(&self) -> bool {
        self.filter.with(EventFilter::is_active)
    }

    /// Whether the chat is being read (untracked).
    pub fn is_reading(&self) -> bool {
        self.scanning.with_untracked(Option::is_some)
    }

    /// The read's progress while it runs.
    pub fn progress(&self) -> Option<ScanProgress> {
        self.scanning.get()
    }

    /// The page `at` of the matches in `chat` found so far (tracked: the
    /// filter, and each answer of the read).
    pub fn matches_page(
        &self,
        api_base: &ApiBase,
        chat: crate::ChatId,
        at: PageRequest,
    ) -> Option<MatchPage> {
        self.version.track();
        let filter = self.filter.get();
        self.with_matches(api_base, chat, &filter, |matches, read| {
            let offset = usize::try_from(at.offset).unwrap_or(usize::MAX);
            MatchPage {
                events: matches.page(read, offset, at.limit.get() as usize),
                total: matches.len() as u64,
                complete: read.is_complete(),
            }
        })
    }

    /// `look` at the matches of `filter` in the read of `chat`, brought up
    /// to what was read (each answer's matches are found once).
    fn with_matches<T>(
        &self,
        api_base: &ApiBase,
        chat: ChatId,
        filter: &EventFilter,
        look: impl FnOnce(&Matches, &ChatRead) -> T,
    ) -> Option<T> {
        self.reading
            .try_update_value(|reading| {
                let reading = reading
                    .as_mut()
                    .filter(|reading| reading.api_base == *api_base && reading.chat == chat)?;
                let read = reading.read.borrow();
                reading.matches.update(filter, &read);
                Some(look(&reading.matches, &read))
            })
            .flatten()
    }

    /// The place among the matches found so far of the newest one at or
    /// before `end` (jump to date in a filtered view).
    pub fn position_at_or_before(
        &self,
        api_base: &ApiBase,
        chat: crate::ChatId,
        end: chrono::DateTime<chrono::Utc>,
    ) -> Option<usize> {
        // (Brought up to what was read: the page on screen may not have
        // asked for the last answer's matches yet.)
        let filter = self.filter.get_untracked();
        self.with_matches(api_base, chat, &filter, |matches, read| {
            matches.position(read, |event| event.created_at.instant() <= end)
        })
        .flatten()
    }

    /// Reads the chat unless it is read (or being read) already; `report`
    /// shows why a read failed (the filter is then cleared). `known_total`
    /// is the chat's size as the page on screen says (the read's goal until
    /// its first answer tells).
    pub fn ensure_read(
        &self,
        api_base: ApiBase,
        chat: PageRequest,
        known_total: Option<u64>,
        announce: Callback<String>,
        report: Callback<String>,
    ) {
        let held = self.reading.with_value(|reading| {
            reading
                .as_ref()
                .filter(|reading| reading.api_base == api_base && reading.chat == chat.chat_id)
                .map(|reading| Rc::clone(&reading.read))
        });
        let read = match held {
            // Read, or being read.
            Some(read)
                if read.borrow().is_complete() || self.scanning.with_untracked(Option::is_some) =>
            {
                return
            }
            // Cut short by Cancel: it goes on where it stopped.
            Some(read) => read,
            None => {
                self.cancel();
                let read = Rc::new(RefCell::new(ChatRead::new()));
                self.reading.set_value(Some(Reading {
                    api_base: api_base.clone(),
                    chat: chat.chat_id,
                    read: Rc::clone(&read),
                    matches: Matches::default(),
                }));
                read
            }
        };
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(AbortController::signal);
        self.abort.set_value(controller);
        let so_far = ScanProgress::of(&read.borrow());
        self.scanning.set(Some(
            so_far.after(Some(ScanProgress::starting(known_total))),
        ));
        let i18n = I18n::get();
        announce.run(i18n.say(MessageId::FilterStarted, &[]));
        let state = *self;
        spawn_local(async move {
            let update = |progress: ScanProgress| {
                state
                    .scanning
                    .try_update(|scanning| *scanning = Some(progress.after(*scanning)));
                state.version.try_update(|version| *version += 1);
            };
            let result =
                read_chat(&api_base, chat, signal.as_ref(), Rc::clone(&read), update).await;
            match result {
                Ok(()) => {
                    state.scanning.try_set(None);
                    state.version.try_update(|version| *version += 1);
                    let (events, _) = read.borrow().progress();
                    announce.try_run(
                        i18n.say(MessageId::FilterDone, &[("count", Arg::Number(events))]),
                    );
                }
                Err(_) if signal.as_ref().is_some_and(web_sys::AbortSignal::aborted) => {}
                Err(error) => {
                    state.forget();
                    let error = i18n.with_untracked(|texts| texts.load_error(&error));
                    report.try_run(
                        i18n.say(MessageId::FilterFailed, &[("error", Arg::Text(&error))]),
                    );
                    state.dropped.try_set_value(true);
                    state.filter.try_set(EventFilter::default());
                }
            }
        });
    }

    /// Whether the filter was last dropped because its read failed (and not
    /// by the reader); asking forgets it.
    pub fn take_dropped(&self) -> bool {
        self.dropped
            .try_update_value(std::mem::take)
            .unwrap_or(false)
    }

    /// Stops a read under way (the filter itself stays as set). What it
    /// read is kept: a filter chosen again goes on from there.
    pub fn cancel(&self) {
        if let Some(controller) = self.abort.try_update_value(Option::take).flatten() {
            controller.abort();
        }
        self.reading.try_with_value(|reading| {
            if let Some(reading) = reading {
                reading.read.borrow_mut().abandon_in_flight();
            }
        });
        self.scanning.try_set(None);
    }

    fn forget(&self) {
        self.reading.try_set_value(None);
        self.scanning.try_set(None);
        self.version.try_update(|version| *version += 1);
    }

    /// New events arrived at the head of `chat` (`page`, read from offset
    /// 0): they join what was read of it (never another chat's read, kept
    /// after the host switched chats).
    pub fn add_newest(&self, api_base: &ApiBase, chat: ChatId, page: ActivityPage) {
        let added = self
            .reading
            .try_with_value(|reading| {
                reading
                    .as_ref()
                    .filter(|reading| reading.api_base == *api_base && reading.chat == chat)
                    .map(|reading| reading.read.borrow_mut().add_head(page))
            })
            .flatten();
        if added.is_some() {
            self.version.try_update(|version| *version += 1);
        }
    }

    /// Every event of `chat` at `api_base`, newest first, when a finished
    /// read holds them (kept current by the head check): what an export
    /// takes without asking the API again.
    pub fn whole_chat(&self, api_base: &ApiBase, chat: ChatId) -> Option<Vec<ActivityEvent>> {
        self.reading
            .try_with_value(|reading| {
                reading
                    .as_ref()
                    .filter(|reading| reading.api_base == *api_base && reading.chat == chat)
                    .and_then(|reading| reading.read.borrow().events())
            })
            .flatten()
    }

    /// The name of user `id` in their newest event read so far (tracked:
    /// each answer of the read): the name a user filter shows when a link
    /// gave only the id.
    pub fn name_of(&self, id: u64) -> Option<String> {
        self.version.track();
        self.reading
            .try_with_value(|reading| {
                let read = reading.as_ref()?.read.borrow();
                read.readable()
                    .rev()
                    .filter_map(|age| read.event(age))
                    .find(|event| event.user.id == id)
                    .map(|event| shown_name(&event.user.username, id).into_owned())
            })
            .flatten()
    }

    /// Whether the chat was read to its end (untracked).
    pub fn has_read_whole(&self) -> bool {
        self.reading
            .try_with_value(|reading| {
                reading
                    .as_ref()
                    .is_some_and(|reading| reading.read.borrow().is_complete())
            })
            .unwrap_or(false)
    }

    /// Whether the chat is being read or was read (so new events should be added).
    pub fn has_read(&self) -> bool {
        self.reading.with_value(Option::is_some)
    }
}

/// The filter controls: action and username text.
#[component]
pub fn FilterControls(
    /// The state they change.
    state: FilterState,
    /// Whether there is nothing to filter (no chat read, or an empty one).
    #[prop(into, optional)]
    disabled: Signal<bool>,
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
    view! {
        <div class="ca-filter">
            <label class="ca-field">
                {i18n.tr(MessageId::FilterByAction)}
                <select class="ca-select" disabled=disabled on:change=set_action prop:value=move || {
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
                    disabled=disabled
                    prop:value=move || state.filter.with(|filter| filter.username.clone())
                    on:input=set_username
                />
            </label>
        </div>
    }
}

/// The raid tools' active filters, each with its Clear button: whose
/// history is shown, which code's joins.
#[component]
pub fn ActiveFilters(
    /// The state they show and clear.
    state: FilterState,
    /// After a Clear button was used (and went with its filter).
    on_cleared: Callback<()>,
) -> impl IntoView {
    let i18n = I18n::get();
    let user = move || state.filter.with(|f| f.user.clone());
    let code = move || state.filter.with(|f| f.code.clone());
    view! {
        {move || user().map(|user| view! {
            <p class="ca-active-filter">
                <span>{move || {
                    // A link names the user by id only: the name is theirs
                    // in the events, once the read finds one.
                    let name = Some(user.name.clone())
                        .filter(|name| !name.is_empty())
                        .or_else(|| state.name_of(user.id))
                        .unwrap_or_else(|| id_name(user.id));
                    i18n.format(MessageId::UserFilterActive, &[("username", Arg::Text(&name))])
                }}</span>
                " "
                <button type="button" class="ca-button" data-clear="user" on:click=move |_| {
                    state.filter.update(|f| f.user = None);
                    on_cleared.run(());
                }>
                    {i18n.tr(MessageId::ClearUserFilter)}
                </button>
            </p>
        })}
        {move || code().map(|code| view! {
            <p class="ca-active-filter">
                <span>{i18n.format(MessageId::CodeFilterActive, &[("code", Arg::Text(&code))])}</span>
                " "
                <button type="button" class="ca-button" data-clear="code" on:click=move |_| {
                    state.filter.update(|f| f.code = None);
                    on_cleared.run(());
                }>
                    {i18n.tr(MessageId::ClearCodeFilter)}
                </button>
            </p>
        })}
    }
}

/// While the chat is read for a filter: how far, a pause for a busy
/// service, and Cancel (which clears the filter).
#[component]
pub fn ReadProgress(
    /// The state whose read it shows.
    state: FilterState,
    /// After Cancel was used (and went with the read).
    on_cancelled: Callback<()>,
) -> impl IntoView {
    let i18n = I18n::get();
    let cancel = move |_| {
        state.cancel();
        state.filter.set(EventFilter::default());
        on_cancelled.run(());
    };
    move || {
        state.progress().map(|progress| {
            view! {
                <div class="ca-scan">
                    <p class="ca-scan-text">
                        {i18n.format(
                            MessageId::FilterReading,
                            &[("read", Arg::Number(progress.read)), ("total", Arg::Number(progress.total))],
                        )}
                    </p>
                    <ScanProgressBar label=i18n.text(MessageId::FilterProgress) progress />
                    {progress.paused_for.map(|seconds| view! {
                        <p class="ca-scan-text">
                            {i18n.format(MessageId::ReadingPaused, &[("seconds", Arg::Number(seconds))])}
                        </p>
                    })}
                    <button type="button" class="ca-button" on:click=cancel>{i18n.text(MessageId::Cancel)}</button>
                </div>
            }
        })
    }
}
