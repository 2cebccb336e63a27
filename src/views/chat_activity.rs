//! The component: which page to show, loading it, and what to show for
//! each outcome.

use std::sync::Arc;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::export_tools::ExportTools;
use super::filter_tools::{ActiveFilters, FilterControls, FilterState, ReadProgress};
use super::focus::{focus_is_free, focus_soon, follow_focus};
use super::jump_to_date::{find_day, JumpToDate};
use super::local_time;
use super::locale::{above, local_texts, I18n};
use super::notice::FailureNotice;
use super::pager::Pager;
use super::timeline::{Timeline, TimelineSettings};
use super::timers::{document_hidden, every, lasting, shared_clock, Countdown};
use crate::api::client::fetch_page;
use crate::api::scan::chat_total;
use crate::api::{ActivityEvent, ActivityPage, ApiBase, FetchOutcome, LoadError};
use crate::chat_id::ChatId;
use crate::host_options::{HeadingLevel, Tool, Tools};
use crate::i18n::template::Arg;
use crate::i18n::{MessageId, Messages};
use crate::new_events::{drop_repeated, HeadTracker, ShowNewEvents};
use crate::page_loader::PageLoader;
use crate::page_url::PageQuery;
use crate::paging::{PageRequest, PageSize, ShownRange};
use crate::url_sync::{self, HistoryMode, UrlWriter};

/// How often the head of the timeline is checked for new events, by default.
pub const DEFAULT_REFRESH_SECONDS: u32 = 30;

/// What a host learns when a page has been shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadedPage {
    /// The chat shown.
    pub chat_id: ChatId,
    /// All events of the chat.
    pub total: u64,
    /// The offset of the page shown.
    pub offset: u64,
    /// The page size in force.
    pub limit: u32,
}

/// What a host learns when a page could not be shown (hidden refusals aside).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadFailure {
    /// The chat that could not be shown.
    pub chat_id: ChatId,
    /// Why.
    pub error: LoadError,
}

/// What the component's body shows under its tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    /// Nothing yet (or a notice above says why).
    Nothing,
    /// The filter matched no events.
    NoMatch,
    /// The chat has no events.
    NoActivity,
    /// The timeline.
    Events,
}

/// Where the component stands, apart from the page on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Status {
    Loading,
    Ready,
    /// `401` or `403`: nothing is shown at all.
    Hidden,
    Failed(LoadError),
}

/// What the props ask for. When it changes, paging starts over.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Source {
    chat_id: ChatId,
    api_base: ApiBase,
    page_size: PageSize,
}

/// The page on screen and the request that brought it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ShownPage {
    api_base: ApiBase,
    request: PageRequest,
    page: PageEvents,
}

/// A page's events and where they stand in the chat. The events are
/// shared, not copied, by everything that shows them: a page switch
/// decodes one page and copies none.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PageEvents {
    events: Arc<[ActivityEvent]>,
    offset: u64,
    total: u64,
    /// Matches of a read not finished: more may come.
    so_far: bool,
}

impl From<ActivityPage> for PageEvents {
    fn from(page: ActivityPage) -> Self {
        Self {
            events: page.events.into(),
            offset: page.offset,
            total: page.total,
            so_far: false,
        }
    }
}

/// The chat activity timeline: newest first, with paging controls.
///
/// ```no_run
/// use chat_activity::{ApiBase, ChatActivity, ChatId, PageSize};
/// use leptos::prelude::*;
///
/// # fn host() -> impl IntoView {
/// let chat = ChatId::new(42).expect("a valid id");
/// view! {
///     <ChatActivity
///         chat_id=chat
///         api_base=ApiBase::parse("https://portal-api.7331.org").unwrap_or_default()
///         page_size=PageSize::clamped(50)
///         on_forbidden=move |chat: ChatId| leptos::logging::log!("no access to {chat}")
///     />
/// }
/// # }
/// ```
#[component]
pub fn ChatActivity(
    /// The chat whose activity is shown.
    #[prop(into)]
    chat_id: Signal<ChatId>,
    /// Where the portal API lives; the page's own origin by default.
    #[prop(into, optional)]
    api_base: Signal<ApiBase>,
    /// Events per page at first; the reader can change it. 25 by default.
    #[prop(into, optional)]
    page_size: Signal<PageSize>,
    /// Seconds between checks of the timeline's head for new events; 0 turns
    /// them off. Checks pause while the tab is hidden. 30 by default.
    #[prop(into, default = Signal::stored(DEFAULT_REFRESH_SECONDS))]
    refresh_seconds: Signal<u32>,
    /// Keep `page` and `limit` in the page URL, with history entries and
    /// Back/Forward (the standalone page does; embedded instances should not).
    #[prop(optional)]
    sync_url: bool,
    /// Called on `403`: the reader may not see this chat. The component hides.
    #[prop(optional, into)]
    on_forbidden: Option<Callback<ChatId>>,
    /// Called on `401`: there is no valid session. The component hides.
    #[prop(optional, into)]
    on_unauthorized: Option<Callback<ChatId>>,
    /// Called when a page could not be shown for any other reason.
    #[prop(optional, into)]
    on_error: Option<Callback<LoadFailure>>,
    /// Called each time a page is shown.
    #[prop(optional, into)]
    on_loaded: Option<Callback<LoadedPage>>,
    /// The region's name and the heading's text, for a host that puts the
    /// component in a card of its own; "Chat activity" by default. With a
    /// label, the pager is named "Pagination: {label}".
    #[prop(into, optional)]
    label: MaybeProp<String>,
    /// The heading's level, 1 to 6; 2 by default.
    #[prop(into, optional)]
    heading_level: Signal<HeadingLevel>,
    /// Keeps the heading for screen readers only (a card with its own title).
    #[prop(into, optional)]
    hide_heading: Signal<bool>,
    /// Which tools show; all by default. The timeline and the pager always do.
    #[prop(into, optional)]
    tools: Signal<Tools>,
    /// Texts that replace the bundled ones (message id → text with
    /// `{placeholders}`; the README lists the ids). Entries that cannot be
    /// used are logged once each and the bundled text stays.
    #[prop(into, optional)]
    messages: Signal<Messages>,
) -> impl IntoView {
    let source = Memo::new(move |_| Source {
        chat_id: chat_id.get(),
        api_base: api_base.get(),
        page_size: page_size.get(),
    });
    // The reader's position, valid for the source it was chosen under.
    let position = RwSignal::new(None::<(Source, PageRequest)>);
    let request = Memo::new(move |_| {
        let source = source.get();
        position
            .get()
            .filter(|(chosen_under, _)| *chosen_under == source)
            .map_or_else(
                || PageRequest::first(source.chat_id, source.page_size),
                |(_, request)| request,
            )
    });
    // After a page change the reader asked for: focus stays on the control
    // they used and the new range is said, or, where that control goes
    // away (Show new events, Retry), focus goes to the heading.
    let root = NodeRef::<leptos::html::Section>::new();
    let on_arrival = StoredValue::new(Arrival::Quiet);
    // The language and direction where the component stands, followed live.
    let local = local_texts(move || root.get().and_then(|root| above(&root)), messages);
    let i18n = I18n::provide(local.texts);
    // What the component says politely to screen readers (its status region).
    let announcement = RwSignal::new(String::new());
    let focus_title = move || {
        // Never taken from where the reader went meanwhile. A heading shown
        // to screen readers only would hold an invisible focus: then the
        // region itself takes it.
        let title = root
            .try_get_untracked()
            .flatten()
            .filter(|root| focus_is_free(root));
        let title = title.and_then(|root| {
            root.query_selector(".ca-title:not(.ca-visually-hidden)")
                .ok()
                .flatten()
                .or_else(|| Some(root.into()))
        });
        if let Some(title) = title.and_then(|title| title.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = title.focus();
        }
    };
    let url_writer = sync_url.then(UrlWriter::new);
    let go_to = move |request: PageRequest, mode: HistoryMode, arrival: Arrival| {
        on_arrival.set_value(arrival);
        position.set(Some((source.get_untracked(), request)));
        if let Some(writer) = url_writer {
            writer.write_soon(request, mode);
        }
    };
    if let Some(writer) = url_writer {
        follow_url(source, position, writer);
    }

    let status = RwSignal::new(Status::Loading);
    let shown = RwSignal::new(None::<ShownPage>);
    // Counts loads of the same request again (Retry, a countdown, new events).
    let reloads = RwSignal::new(0_u32);
    let loader = PageLoader::new();
    let head = RwSignal::new(HeadTracker::default());
    // A busy service (429/503 with Retry-After) is asked again once, by
    // itself, after the time it named; the countdown is on screen.
    let countdown = Countdown::new(move || reloads.update(|count| *count += 1));
    let auto_retried = StoredValue::new(None::<PageRequest>);

    let deliver = move |api_base: ApiBase, request: PageRequest, outcome: FetchOutcome| {
        let chat = request.chat_id;
        match outcome {
            FetchOutcome::Page(mut page) => {
                if let Some(last_page) = request.clamped_to(page.total) {
                    go_to(last_page, HistoryMode::Replace, on_arrival.get_value());
                    return;
                }
                let unseen_growth =
                    head.try_update(|head| head.page_loaded(request.offset, page.total));
                let previous = shown.with_untracked(|shown| {
                    shown
                        .as_ref()
                        .filter(|shown| {
                            shown.request.chat_id == chat && shown.request.offset < request.offset
                        })
                        .map(|shown| Arc::clone(&shown.page.events))
                });
                if let (Some(previous), Some(1..)) = (previous, unseen_growth) {
                    // Events arrived unseen: the top of this page may repeat the last one.
                    let (events, repeated) =
                        drop_repeated(&previous, std::mem::take(&mut page.events));
                    page.events = events;
                    page.offset = page.offset.saturating_add(repeated as u64);
                }
                let range = ShownRange::new(page.offset, page.events.len(), page.total);
                let loaded = LoadedPage {
                    chat_id: chat,
                    total: page.total,
                    offset: request.offset,
                    limit: request.limit.get(),
                };
                shown.set(Some(ShownPage {
                    api_base,
                    request,
                    page: page.into(),
                }));
                status.set(Status::Ready);
                match on_arrival.try_update_value(std::mem::take) {
                    Some(Arrival::FocusHeading) => focus_title(),
                    Some(Arrival::SayRange) => {
                        let said = range
                            .map(|range| i18n.with_untracked(|texts| texts.shown_range(&range)));
                        announcement.set(said.unwrap_or_default());
                    }
                    Some(Arrival::Quiet) | None => {}
                }
                if let Some(callback) = on_loaded {
                    callback.run(loaded);
                }
            }
            FetchOutcome::Unauthorized | FetchOutcome::Forbidden => {
                on_arrival.set_value(Arrival::Quiet);
                shown.set(None);
                status.set(Status::Hidden);
                let callback = match outcome {
                    FetchOutcome::Forbidden => on_forbidden,
                    _ => on_unauthorized,
                };
                if let Some(callback) = callback {
                    callback.run(chat);
                }
            }
            FetchOutcome::Failed(error) => {
                leptos::logging::warn!("chat-activity: chat {chat}: {}", error.detail());
                if error == LoadError::NotFound {
                    shown.set(None);
                }
                if let LoadError::Busy { retry_after, .. } = error {
                    let first_time = auto_retried
                        .try_update_value(|done| done.replace(request) != Some(request));
                    if first_time == Some(true) {
                        countdown.start(retry_after);
                    }
                }
                status.set(Status::Failed(error.clone()));
                // The control that asked (Retry, Show new events) went
                // with the page: the new Retry takes the focus, else the
                // heading. (Nothing is left pending for a later load.)
                if on_arrival.try_update_value(std::mem::take) == Some(Arrival::FocusHeading) {
                    match root.try_get_untracked().flatten() {
                        Some(root) if error.is_retryable() && focus_is_free(&root) => {
                            focus_soon(root.into(), ".ca-retry");
                        }
                        _ => focus_title(),
                    }
                }
                if let Some(callback) = on_error {
                    callback.run(LoadFailure {
                        chat_id: chat,
                        error,
                    });
                }
            }
        }
    };

    // Runs at once, not on the next tick as an `Effect` would: the first
    // request goes out before the rest of the component is built and
    // mounted, and its answer is on its way meanwhile. (Kept for as long as
    // the component lives; dropping it would stop it.)
    let loading_effect = RenderEffect::new(move |_| {
        reloads.track();
        let request = request.get();
        let api_base = source.with(|source| source.api_base.clone());
        let other_chat = shown.with_untracked(|shown| {
            shown.as_ref().is_some_and(|shown| {
                shown.api_base != api_base || shown.request.chat_id != request.chat_id
            })
        });
        if other_chat {
            shown.set(None);
            head.set(HeadTracker::default());
        }
        countdown.stop();
        status.set(Status::Loading);
        let url = api_base.activity_url(&request);
        loader.load(url, move |outcome| deliver(api_base, request, outcome));
    });
    StoredValue::new_local(loading_effect);

    let now = shared_clock();
    Effect::new(move |_| {
        let tag = i18n.with(|texts| texts.locale().tag.clone());
        // While the first page's answer is on its way, if the browser is
        // idle before it comes (on a fast network the rows make them).
        request_idle_callback(move || local_time::prepare(&tag));
    });
    Effect::new(move |_| {
        messages.with(|messages| {
            for problem in messages.problems() {
                leptos::logging::warn!("chat-activity: {problem}");
            }
        });
    });
    let exact_times = RwSignal::new(false);
    // The filter reads the whole chat, paging through the matches as they come.
    let filter = FilterState::new(request.get_untracked());
    // A row's filter button goes with the rows it changes: the focus goes
    // to the Clear button of the filter it set.
    let focus_from_row = move |clear: &'static str| {
        if let Some(root) = root.try_get_untracked().flatten() {
            follow_focus(root.into(), clear);
        }
    };
    let settings = TimelineSettings {
        on_user: Callback::new(move |user| {
            filter.filter.update(|f| f.user = Some(user));
            focus_from_row("[data-clear=user]");
        }),
        on_code: Callback::new(move |code| {
            filter.filter.update(|f| f.code = Some(code));
            focus_from_row("[data-clear=code]");
        }),
        open_code: Signal::derive(move || filter.filter.with(|f| f.code.clone())),
        exact_times: exact_times.into(),
        announce: Callback::new(move |message| announcement.set(message)),
    };
    let loading = move || status.with(|status| *status == Status::Loading);
    // Dimmed only once a load has taken this long (`aria-busy` is at once).
    let looks_busy = lasting(loading, Duration::from_millis(300));

    // A tool the host takes away takes its state with it: no filter and no
    // exact times left on without a control to turn them off.
    Effect::new(move |_| {
        let tools = tools.get();
        // (The user and code filters are the raid tools', always there.)
        if !tools.shows(Tool::Filter)
            && filter
                .filter
                .with_untracked(|f| f.action.is_some() || !f.username.is_empty())
        {
            filter.filter.update(|f| {
                f.action = None;
                f.username.clear();
            });
        }
        if !tools.shows(Tool::Times) && exact_times.get_untracked() {
            exact_times.set(false);
        }
    });
    // What the filter read gets the new events too.
    let refresh_filter = move |growth: u64| {
        if !filter.has_read() {
            return;
        }
        let source = source.get_untracked();
        let newest = PageRequest::first(
            source.chat_id,
            PageSize::clamped(i64::try_from(growth).unwrap_or(i64::MAX)),
        );
        let url = source.api_base.activity_url(&newest);
        leptos::task::spawn_local(async move {
            if let FetchOutcome::Page(page) = fetch_page(&url, None).await {
                filter.add_newest(page);
            }
        });
    };
    // New events: check the head every refresh interval while a page is shown.
    let check_head = move || {
        let ready = status.with_untracked(|status| *status == Status::Ready);
        if !ready || document_hidden() {
            return;
        }
        let source = source.get_untracked();
        leptos::task::spawn_local(async move {
            if let Some(total) = chat_total(&source.api_base, source.chat_id, None).await {
                let before = head.try_with_untracked(HeadTracker::unseen);
                head.try_update(|head| head.head_checked(total));
                let after = head.try_with_untracked(HeadTracker::unseen);
                if let (Some(before), Some(after)) = (before, after) {
                    if after > before {
                        announcement.try_set(i18n.say(
                            MessageId::NewEventsArrived,
                            &[("count", Arg::Number(after))],
                        ));
                        refresh_filter(after - before);
                    }
                }
            }
        });
    };
    every(refresh_seconds, check_head);
    let show_new = move |_| match ShowNewEvents::from(request.get_untracked()) {
        ShowNewEvents::GoTo(first) => go_to(first, HistoryMode::Push, Arrival::FocusHeading),
        ShowNewEvents::Reload => {
            on_arrival.set_value(Arrival::FocusHeading);
            reloads.update(|count| *count += 1);
        }
    };

    let page =
        Memo::new(move |_| shown.with(|shown| shown.as_ref().map(|shown| shown.page.clone())));
    let announce = Callback::new(move |message| announcement.set(message));

    Effect::new(move |_| {
        if filter.is_active() {
            let source = source.get();
            filter.page.set(PageRequest::first(
                source.chat_id,
                request.get_untracked().limit,
            ));
            filter.ensure_read(source.api_base, request.get_untracked(), announce);
        } else {
            // No filter left: a read under way stops (one that finished is kept).
            filter.cancel();
        }
    });
    // The matches found so far, paged as they come.
    let filtered_page = Memo::new(move |_| {
        if !filter.is_active() {
            return None;
        }
        let at = filter.page.get();
        let found =
            source.with(|source| filter.matches_page(&source.api_base, source.chat_id, at))?;
        Some(PageEvents {
            events: found.events.into(),
            offset: at.offset,
            total: found.total,
            so_far: !found.complete,
        })
    });
    // The page on screen: the filter's, or the API's (cheap to clone: the
    // events are shared).
    let on_screen = Memo::new(move |_| {
        if filter.is_active() {
            filtered_page.get()
        } else {
            page.get()
        }
    });
    let range = Memo::new(move |_| {
        on_screen.with(|page| {
            page.as_ref().and_then(|page| {
                ShownRange::new(page.offset, page.events.len(), page.total)
                    .map(|range| range.so_far(page.so_far))
            })
        })
    });
    let events = Signal::derive(move || {
        on_screen.with(|page| {
            page.as_ref()
                .map_or_else(|| Arc::from([]), |page| Arc::clone(&page.events))
        })
    });
    // What the body shows, and whether there is a pager: memos, so that the
    // timeline and the pager stay across page switches and only their
    // contents change. (A view rebuilt per page would leave its reactive
    // nodes subscribed to the signals that outlive it until those change.)
    let content = Memo::new(move |_| {
        let filtering = filter.is_active();
        let total = on_screen.with(|page| {
            page.as_ref()
                // No match yet while reading: the progress says why.
                .filter(|page| !(page.so_far && page.total == 0))
                .map(|page| page.total)
        });
        match (filtering, total) {
            (_, None) => Content::Nothing,
            (true, Some(0)) => Content::NoMatch,
            (false, Some(0)) => Content::NoActivity,
            (_, Some(_)) => Content::Events,
        }
    });
    let has_range = Memo::new(move |_| range.with(Option::is_some));
    // The range on screen, said to screen readers (after a page change in
    // place, where focus stays on the control the reader used).
    let say_range = move || {
        let said = range.with_untracked(|range| {
            range
                .as_ref()
                .map(|range| i18n.with_untracked(|texts| texts.shown_range(range)))
        });
        announcement.set(said.unwrap_or_default());
    };
    // Jump to date.
    let jumping = RwSignal::new(false);
    let jump_message = RwSignal::new(None::<String>);
    // Each jump's number: a search the reader has replaced with another stops.
    let jumps = StoredValue::new(0_u64);
    let jump = Callback::new(move |day: Option<chrono::NaiveDate>| {
        let this_jump = jumps.get_value() + 1;
        jumps.set_value(this_jump);
        // (A search this one replaces is busy no more.)
        jumping.set(false);
        let Some(day) = day else {
            jump_message.set(Some(i18n.with_untracked(|texts| {
                texts.jump_error(&crate::jump_to_date::JumpError::NoDate)
            })));
            return;
        };
        if filter.is_active() {
            // Within the matches (read so far): the newest on or before that day.
            let (start, end) = local_time::local_day_bounds(day);
            let source = source.get_untracked();
            let at = filter.page.get_untracked();
            let found = crate::jump_to_date::check_not_future(start, local_time::now())
                .map_err(|error| i18n.with_untracked(|texts| texts.jump_error(&error)))
                .and_then(|()| {
                    filter
                        .position_at_or_before(&source.api_base, source.chat_id, end)
                        .ok_or_else(|| {
                            i18n.with_untracked(|texts| {
                                texts.jump_error(
                                    &crate::jump_to_date::JumpError::BeforeTheFirstEvent,
                                )
                            })
                        })
                });
            match found {
                Ok(index) => {
                    let limit = u64::from(at.limit.get());
                    jump_message.set(None);
                    filter.page.set(PageRequest {
                        offset: index as u64 / limit * limit,
                        ..at
                    });
                    say_range();
                }
                Err(message) => {
                    announcement.set(message.clone());
                    jump_message.set(Some(message));
                }
            }
            return;
        }
        let Some(total) =
            shown.with_untracked(|shown| shown.as_ref().map(|shown| shown.page.total))
        else {
            return;
        };
        let started_at = request.get_untracked();
        let api_base = source.get_untracked().api_base;
        jumping.set(true);
        jump_message.set(None);
        leptos::task::spawn_local(async move {
            let latest = move || jumps.try_get_value() == Some(this_jump);
            let searched = find_day(&api_base, started_at, total, day, latest).await;
            let Some(found) = searched.filter(|_| latest()) else {
                return;
            };
            jumping.try_set(false);
            // Only if the reader has not moved on meanwhile.
            if request.try_get_untracked() != Some(started_at) {
                return;
            }
            match found {
                Ok(index) => {
                    let limit = u64::from(started_at.limit.get());
                    let page = PageRequest {
                        offset: index / limit * limit,
                        ..started_at
                    };
                    if page == started_at {
                        // The page shown already: nothing loads, the range is said.
                        say_range();
                    } else {
                        go_to(page, HistoryMode::Push, Arrival::SayRange);
                    }
                }
                Err(failure) => {
                    let message = i18n.with_untracked(|texts| failure.text(texts));
                    announcement.try_set(message.clone());
                    jump_message.try_set(Some(message));
                }
            }
        });
    });
    let on_navigate = Callback::new(move |request| {
        if filter.is_active() {
            filter.page.set(request);
            say_range();
        } else {
            go_to(request, HistoryMode::Push, Arrival::SayRange);
        }
    });
    // Where the page on screen is now, after any events arrived at the head.
    let navigable = Signal::derive(move || {
        if filter.is_active() {
            filter.page.get()
        } else {
            head.with(|head| head.shifted(request.get()))
        }
    });
    let retry = Callback::new(move |()| {
        // The Retry button goes with the failure.
        on_arrival.set_value(Arrival::FocusHeading);
        reloads.update(|count| *count += 1);
    });
    let name = Signal::derive(move || {
        label
            .get()
            .unwrap_or_else(|| i18n.text(MessageId::ChatActivity))
    });
    let pager_name = Signal::derive(move || match label.get() {
        Some(label) => i18n.format(MessageId::PaginationOf, &[("label", Arg::Text(&label))]),
        None => i18n.text(MessageId::Pagination),
    });
    let shows = move |tool: Tool| tools.with(|tools| tools.shows(tool));

    view! {
        <Show when=move || status.with(|status| *status != Status::Hidden)>
            <section
                node_ref=root
                class="ca-root"
                part="root"
                class:ca-busy=looks_busy
                aria-label=name
                // Where the heading is for screen readers only, the region
                // takes the focus after a page change instead.
                tabindex=move || hide_heading.get().then_some("-1")
                aria-busy=move || loading().then_some("true")
                lang=move || i18n.with(|texts| texts.locale().tag.clone())
                dir=move || i18n.with(|texts| texts.locale().direction.as_str())
                hidden=move || !local.ready.get()
            >
                <div class="ca-header">
                    {move || heading(heading_level.get(), name.get(), hide_heading.get())}
                    <Show when=move || shows(Tool::Jump) || shows(Tool::Times)>
                        <div class="ca-toolbar" part="tools">
                            <Show when=move || shows(Tool::Jump)>
                                <JumpToDate on_jump=jump busy=jumping />
                            </Show>
                            <Show when=move || shows(Tool::Times)>
                                <button
                                    type="button"
                                    class="ca-button"
                                    aria-pressed=move || if exact_times.get() { "true" } else { "false" }
                                    on:click=move |_| exact_times.update(|exact| *exact = !*exact)
                                >
                                    {i18n.tr(MessageId::ExactTimes)}
                                </button>
                            </Show>
                        </div>
                    </Show>
                </div>
                <Show when=move || shows(Tool::Filter) || shows(Tool::Export)>
                    <div class="ca-tools" part="tools">
                        <Show when=move || shows(Tool::Filter)>
                            <FilterControls state=filter />
                        </Show>
                        <Show when=move || shows(Tool::Export)>
                            <ExportTools
                                api_base=Signal::derive(move || source.with(|source| source.api_base.clone()))
                                chat=request
                                announce
                                filter=filter.filter
                                already_read=Callback::new(move |(api_base, chat)| filter.whole_chat(&api_base, chat))
                            />
                        </Show>
                    </div>
                </Show>
                <ActiveFilters state=filter on_cleared=Callback::new(move |()| focus_title()) />
                <ReadProgress state=filter on_cancelled=Callback::new(move |()| focus_title()) />
                <p class="ca-visually-hidden" role="status">{move || announcement.get()}</p>
                {move || jump_message.get().map(|message| view! { <p class="ca-notice ca-tool-message">{message}</p> })}
                {move || {
                    let unseen = head.with(HeadTracker::unseen);
                    (unseen > 0)
                        .then(|| {
                            view! {
                                <button type="button" class="ca-button ca-new-events" on:click=show_new>
                                    {i18n.with(|texts| texts.show_new_events(unseen))}
                                </button>
                            }
                        })
                }}
                {move || match status.get() {
                    Status::Failed(error) => {
                        let on_retry = error.is_retryable().then_some(retry);
                        view! {
                            <FailureNotice message=Signal::derive(move || i18n.with(|texts| texts.load_error(&error))) on_retry />
                            {move || countdown.seconds_left().map(|seconds| view! {
                                <p class="ca-notice ca-countdown">
                                    {i18n.format(MessageId::RetryingIn, &[("seconds", Arg::Number(seconds))])}
                                </p>
                            })}
                        }
                        .into_any()
                    }
                    Status::Loading if page.with(Option::is_none) => {
                        view! { <p class="ca-notice">{i18n.tr(MessageId::Loading)}</p> }.into_any()
                    }
                    _ => ().into_any(),
                }}
                {move || match content.get() {
                    Content::Nothing => ().into_any(),
                    Content::NoMatch => view! { <p class="ca-notice ca-empty">{i18n.tr(MessageId::NoMatches)}</p> }.into_any(),
                    Content::NoActivity => view! { <p class="ca-notice ca-empty">{i18n.tr(MessageId::NoActivity)}</p> }.into_any(),
                    Content::Events => view! { <Timeline events now settings /> }.into_any(),
                }}
                <Show when=move || has_range.get()>
                    <Pager request=navigable range on_navigate name=pager_name />
                </Show>
            </section>
        </Show>
    }
}

/// What a load the reader asked for does once its page is on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Arrival {
    /// Nothing (the first load, Back and Forward, a refresh).
    #[default]
    Quiet,
    /// Focus goes to the heading: the control used has gone.
    FocusHeading,
    /// The new range is said: focus stays on the control used.
    SayRange,
}

/// The component's heading: focusable by script (after a page change the
/// reader asked for), at the host's level, visible or for screen readers
/// only. One element whose tag is chosen, not six views.
fn heading(level: HeadingLevel, name: String, hidden: bool) -> AnyView {
    let class = if hidden {
        "ca-title ca-visually-hidden"
    } else {
        "ca-title"
    };
    leptos::html::custom(level.tag())
        .class(class)
        .attr("part", "heading")
        .tabindex(-1)
        .child(name)
        .into_any()
}

/// With `sync_url`: start from the URL's paging, and follow Back/Forward.
fn follow_url(
    source: Memo<Source>,
    position: RwSignal<Option<(Source, PageRequest)>>,
    writer: UrlWriter,
) {
    let read_url = move |initial: bool| {
        let query = PageQuery::parse(&url_sync::current_search());
        let source = source.get_untracked();
        let request = PageRequest::for_page(source.chat_id, query.page, query.limit);
        if initial && query.needs_correction {
            url_sync::write_paging(&request, HistoryMode::Replace);
        }
        position.set(Some((source, request)));
    };
    read_url(true);
    let listener = window_event_listener(ev::popstate, move |_| {
        // The history entry the reader went to wins over writes not done yet.
        writer.cancel();
        read_url(false);
    });
    on_cleanup(move || listener.remove());
}
