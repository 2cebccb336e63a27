//! The component: which page to show, loading it, and what to show for
//! each outcome.

use std::sync::Arc;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use self::feed::{Delivered, Feed, PageEvents};
use self::jump::{Jump, JumpScope};
use super::announcer::Announcer;
use super::export_tools::ExportTools;
use super::filter_tools::{ActiveFilters, FilterControls, FilterState, ReadProgress};
use super::focus::{focus_heading, focus_is_free, focus_soon, follow_focus, recover_focus};
use super::jump_to_date::JumpToDate;
use super::local_time;
use super::locale::{above, local_texts, I18n};
use super::notice::FailureNotice;
use super::pager::Pager;
use super::timeline::{Timeline, TimelineSettings};
use super::timers::{document_hidden, every, lasting, shared_clock, when_settled};
use crate::activity_state::{tools_usable, Arrival, Content, FocusOnFailure, Status};
use crate::api::client::fetch_page;
use crate::api::{ApiBase, FetchOutcome, LoadError};
use crate::chat_id::ChatId;
use crate::filter::EventFilter;
use crate::host_options::{HeadingLevel, Tool, Tools};
use crate::i18n::template::Arg;
use crate::i18n::{MessageId, Messages};
use crate::new_events::{HeadTracker, ShowNewEvents};
use crate::page_url::{history_mode, FilterQuery, PageQuery};
use crate::paging::{PageRequest, PageSize, ShownRange};
use crate::url_sync::{self, HistoryMode, UrlWriter};

mod feed;
mod jump;

pub use crate::new_events::DEFAULT_REFRESH_SECONDS;

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

/// In context where a host mounts the component anew under the reader's
/// focus (the element switching chats while the reader was in it): the
/// new chat's first page then takes the focus to its heading, as a page
/// change does, rather than leaving it on the page's body.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FocusOnFirstLoad(pub bool);

/// What a host learns when a page could not be shown (hidden refusals aside).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadFailure {
    /// The chat that could not be shown.
    pub chat_id: ChatId,
    /// Why.
    pub error: LoadError,
}

/// What the props ask for. When it changes, paging starts over.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Source {
    chat_id: ChatId,
    api_base: ApiBase,
    page_size: PageSize,
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
    let root = NodeRef::<leptos::html::Section>::new();
    // The language and direction where the component stands, followed live.
    let local = local_texts(move || root.get().and_then(|root| above(&root)), messages);
    let i18n = I18n::provide(local.texts);
    let announcer = Announcer::new();
    let announce = announcer.callback();
    let focus_title = move || {
        // Never taken from where the reader went meanwhile.
        if let Some(root) = root
            .try_get_untracked()
            .flatten()
            .filter(|root| focus_is_free(root))
        {
            focus_heading(&root);
        }
    };
    // The API's pages: loading, what is shown, the head's growth.
    let feed = Feed::new();
    if use_context::<FocusOnFirstLoad>().is_some_and(|FocusOnFirstLoad(take)| take) {
        feed.expect(Arrival::FocusHeading);
    }
    // The filter reads the whole chat, paging through the matches as they come.
    let filter = FilterState::new(request.get_untracked());
    let url_writer = sync_url.then(UrlWriter::new);
    // What the reader sees, kept in the URL (with `sync_url`): the API's
    // page, or with a filter the page of its matches.
    let write_url = move |request: PageRequest, mode: HistoryMode| {
        if let Some(writer) = url_writer {
            let query = filter.filter.with_untracked(FilterQuery::of);
            writer.write_soon(request, query, mode);
        }
    };
    // A filtered page the URL asked for (Back, Forward, a link), which the
    // filter's change then shows rather than its first page.
    let page_from_url = StoredValue::new(None::<PageRequest>);
    // After a page change the reader asked for, focus stays on the control
    // they used and the new range is said, or, where that control goes
    // away (Show new events, Retry), focus goes to the heading.
    let go_to = move |request: PageRequest, mode: HistoryMode, arrival: Arrival| {
        let target = Some((source.get_untracked(), request));
        // The page that failed, asked for again (Next after a failed Next).
        let again = position.with_untracked(|position| *position == target)
            && feed
                .status
                .with_untracked(|status| matches!(status, Status::Failed(_)));
        if again {
            feed.reload(arrival);
            return;
        }
        feed.expect(arrival);
        position.set(target);
        // (Under a filter, the URL says the filter's page.)
        if !filter.filter.with_untracked(EventFilter::is_active) {
            write_url(request, mode);
        }
    };
    // With `sync_url`: the URL's paging and filter first (before the first
    // request goes out); Back/Forward are followed once all is set up.
    let read_url = url_writer.map(|_| {
        let read = url_reader(source, position, filter, page_from_url);
        read(true);
        read
    });

    let answered = move |request: PageRequest, delivered: Delivered| {
        let chat = request.chat_id;
        match delivered {
            Delivered::PastTheEnd(last_page, arrival) => {
                go_to(last_page, HistoryMode::Replace, arrival);
            }
            Delivered::Shown {
                range,
                total,
                arrival,
            } => {
                match arrival {
                    Arrival::FocusHeading => focus_title(),
                    Arrival::SayRange => announcer.say(
                        range
                            .map(|range| i18n.with_untracked(|texts| texts.shown_range(&range)))
                            .unwrap_or_default(),
                    ),
                    Arrival::Quiet => {}
                }
                if let Some(callback) = on_loaded {
                    callback.run(LoadedPage {
                        chat_id: chat,
                        total,
                        offset: request.offset,
                        limit: request.limit.get(),
                    });
                }
            }
            Delivered::Hidden { forbidden } => {
                let callback = if forbidden {
                    on_forbidden
                } else {
                    on_unauthorized
                };
                if let Some(callback) = callback {
                    callback.run(chat);
                }
            }
            Delivered::Failed(error, arrival) => {
                leptos::logging::warn!("chat-activity: chat {chat}: {}", error.detail());
                // The control that asked (Retry, Show new events) went
                // with the page: the new Retry takes the focus, else the
                // heading.
                match arrival.on_failure(error.is_retryable()) {
                    Some(FocusOnFailure::Retry) => match root.try_get_untracked().flatten() {
                        Some(root) if focus_is_free(&root) => focus_soon(root.into(), ".ca-retry"),
                        _ => focus_title(),
                    },
                    Some(FocusOnFailure::Heading) => focus_title(),
                    None => {}
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
        feed.track_reloads();
        let request = request.get();
        let api_base = source.with(|source| source.api_base.clone());
        feed.load(api_base, request, move |delivered| {
            answered(request, delivered)
        });
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
    // What a tool could not do (a jump, a filter's read, an export), shown
    // under the tools and said, until the view changes.
    let tool_message = RwSignal::new(None::<String>);
    let report = Callback::new(move |message: String| {
        announcer.say(message.clone());
        tool_message.try_set(Some(message));
    });
    Effect::new(move |seen: Option<()>| {
        request.track();
        filter.page.track();
        if seen.is_some() {
            tool_message.set(None);
        }
    });
    // A row's filter button goes with the rows it changes: the focus goes
    // to the Clear button of the filter it set.
    let focus_from_row = move |clear: &'static str| {
        if let Some(root) = root.try_get_untracked().flatten() {
            follow_focus(root.into(), clear);
        }
    };
    let jump_state = Jump::new(tool_message);
    // The row a jump landed on, while its page is on screen.
    let marked = Memo::new(move |_| {
        let on_screen = if filter.is_active() {
            Some(filter.page.get())
        } else {
            feed.shown
                .with(|shown| shown.as_ref().map(|shown| shown.request))
        };
        jump_state
            .landed
            .get()
            .filter(|(page, _)| Some(*page) == on_screen)
            .map(|(_, place)| place)
    });
    // ... and scrolled to, if it is out of sight (again after a jump to
    // the same place: the reader may have scrolled away).
    Effect::new(move |_| {
        jump_state.landed.track();
        if marked.get().is_none() {
            return;
        }
        request_animation_frame(move || {
            let row = root
                .try_get_untracked()
                .flatten()
                .and_then(|root| root.query_selector("[aria-current=true]").ok().flatten());
            if let Some(row) = row {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                row.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    });
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
        announce,
        marked: marked.into(),
    };
    // Dimmed only once a load has taken this long (`aria-busy` is at once).
    let looks_busy = lasting(move || feed.is_loading(), Duration::from_millis(300));

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
                filter.add_newest(&source.api_base, source.chat_id, page);
            }
        });
    };
    // New events: check the head every refresh interval while a page is shown.
    every(refresh_seconds, move || {
        let ready = feed
            .status
            .with_untracked(|status| *status == Status::Ready);
        if !ready || document_hidden() {
            return;
        }
        let source = source.get_untracked();
        feed.check_head(source.api_base, source.chat_id, move |growth, unseen| {
            announcer.say(i18n.say(
                MessageId::NewEventsArrived,
                &[("count", Arg::Number(unseen))],
            ));
            refresh_filter(growth);
        });
    });
    let show_new = move |_| match ShowNewEvents::from(request.get_untracked()) {
        ShowNewEvents::GoTo(first) => go_to(first, HistoryMode::Push, Arrival::FocusHeading),
        ShowNewEvents::Reload => feed.reload(Arrival::FocusHeading),
    };

    let page = Memo::new(move |_| {
        feed.shown
            .with(|shown| shown.as_ref().map(|shown| shown.page.clone()))
    });

    Effect::new(move |before: Option<(FilterQuery, Source)>| {
        let now = (filter.filter.with(FilterQuery::of), source.get());
        if before.as_ref() == Some(&now) {
            // The same filter set again (a row's button on a page of its
            // own matches): the page shown stays.
            return now;
        }
        if filter.is_active() {
            let source = now.1.clone();
            let from_url = page_from_url.try_update_value(Option::take).flatten();
            filter.page.set(from_url.unwrap_or_else(|| {
                PageRequest::first(source.chat_id, request.get_untracked().limit)
            }));
            // A new filter: what a tool could not do is old news.
            tool_message.set(None);
            filter.ensure_read(
                source.api_base,
                request.get_untracked(),
                untrack(|| feed.chat_total()),
                announce,
                report,
            );
        } else {
            // No filter left: a read under way stops (one that finished is kept).
            filter.cancel();
        }
        // A new filter, or none, is a view of its own in the history;
        // one dropped because its read failed replaces the entry that asked
        // for it (else Back would lead to the failure again, and again).
        let dropped = filter.take_dropped();
        if let Some((before, _)) = before.filter(|(before, _)| *before != now.0) {
            jump_state.stop_waiting();
            let shown = if now.0.is_active() {
                filter.page.get_untracked()
            } else {
                request.get_untracked()
            };
            let mode = if dropped {
                HistoryMode::Replace
            } else {
                history_mode(&before, &now.0)
            };
            write_url(shown, mode);
        }
        now
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
    // A page of matches past their end (a link's, or Back to a page of a
    // filter read again): once all are found, their last page instead.
    Effect::new(move |_| {
        let Some((total, false)) =
            filtered_page.with(|page| page.as_ref().map(|p| (p.total, p.so_far)))
        else {
            return;
        };
        if let Some(last) = filter.page.get_untracked().clamped_to(total) {
            filter.page.set(last);
            write_url(last, HistoryMode::Replace);
        }
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
        let (total, so_far) = on_screen.with(|page| {
            page.as_ref()
                .map_or((None, false), |page| (Some(page.total), page.so_far))
        });
        Content::of(filter.is_active(), total, so_far)
    });
    let has_range = Memo::new(move |_| range.with(Option::is_some));
    // The range on screen, said to screen readers (after a page change in
    // place, where focus stays on the control the reader used).
    let range_text = move || {
        range
            .try_with_untracked(|range| {
                range
                    .as_ref()
                    .map(|range| i18n.with_untracked(|texts| texts.shown_range(range)))
            })
            .flatten()
            .unwrap_or_default()
    };
    let say_range = move || announcer.say(range_text());
    // A Clear or Cancel button goes with its filter: the focus goes to the
    // heading and what is shown now is said.
    let back_from_filter = Callback::new(move |()| {
        focus_title();
        say_range();
    });
    // A filter changed (each key of the username search) on a chat read
    // already, or left: once the reader pauses, what it shows now is said
    // ("Showing 1–4 of 4", "No events match the filter"). (A read the
    // change starts says its own progress.)
    when_settled(
        move || (filter.is_active(), filter.has_read_whole()),
        Duration::from_millis(600),
        move |(active, read_before)| {
            let shown = match content.try_get_untracked() {
                // A read the filter started says its own progress.
                _ if active && !read_before => return,
                Some(Content::NoMatch) => {
                    i18n.with_untracked(|texts| texts.text(MessageId::NoMatches))
                }
                Some(Content::Events) => range_text(),
                _ => return,
            };
            announcer.update(shown);
        },
    );
    // The reader goes to another page: the filter's, or the API's.
    let navigate = move |request: PageRequest| {
        jump_state.landed.set(None);
        jump_state.stop_waiting();
        if filter.filter.with_untracked(EventFilter::is_active) {
            filter.page.set(request);
            write_url(request, HistoryMode::Push);
            say_range();
        } else {
            go_to(request, HistoryMode::Push, Arrival::SayRange);
        }
    };
    let jump_scope = JumpScope {
        source,
        request,
        feed,
        filter,
        i18n,
        report,
        go_to: navigate,
        say_range,
    };
    let jump = Callback::new(move |day| jump_state.to(day, jump_scope));
    // A jump to a day the filter's read had not reached goes on once it ends.
    Effect::new(move |_| {
        if filter.progress().is_none() {
            untrack(|| jump_state.resume(jump_scope));
        }
    });
    if let (Some(read), Some(writer)) = (read_url, url_writer) {
        let listener = window_event_listener(ev::popstate, move |_| {
            // The history entry the reader went to wins over writes not done yet.
            writer.cancel();
            jump_state.landed.set(None);
            jump_state.stop_waiting();
            let filtered_before = filter.filter.with_untracked(FilterQuery::of);
            // A page of the API's that loads says its range; a page of the
            // same filter's matches is there at once; a filter set or left
            // says what it shows once settled (below).
            feed.expect(Arrival::SayRange);
            read(false);
            if filtered_before.is_active()
                && filter.filter.with_untracked(FilterQuery::of) == filtered_before
            {
                say_range();
            }
        });
        on_cleanup(move || listener.remove());
    }
    let on_navigate = Callback::new(navigate);
    // Where the page on screen is now, after any events arrived at the head.
    let navigable = Signal::derive(move || {
        if filter.is_active() {
            filter.page.get()
        } else {
            let on_screen = feed
                .shown
                .with(|shown| shown.as_ref().map(|shown| shown.request));
            let from = feed
                .status
                .with(|status| status.pages_from(request.get(), on_screen));
            feed.head.with(|head| head.shifted(from))
        }
    });
    // The Retry button goes with the failure.
    let retry = Callback::new(move |()| feed.reload(Arrival::FocusHeading));
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
    // No chat to act on (not found, not loaded, or empty): the tools would
    // only repeat the notice.
    let tools_idle = Signal::derive(move || !tools_usable(feed.chat_total(), filter.is_active()));
    // An export waits for the filter's read under way, which it then takes
    // whole: two reads at once would be eight requests to a shared API.
    let export_waits = Signal::derive(move || tools_idle.get() || filter.progress().is_some());
    let status = feed.status;
    let head = feed.head;
    let countdown = feed.countdown;
    // A search that takes a while shows and says so (15 probes of a slow
    // API are many seconds).
    let jumping = lasting(move || jump_state.busy.get(), Duration::from_millis(300));
    Effect::new(move |_| {
        if jumping.get() {
            announcer.say(i18n.text(MessageId::JumpSearching));
        }
    });

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
                aria-busy=move || feed.is_loading().then_some("true")
                lang=move || i18n.with(|texts| texts.locale().tag.clone())
                dir=move || i18n.with(|texts| texts.locale().direction.as_str())
                hidden=move || !local.ready.get()
                on:focusout=move |event| {
                    if let Some(root) = root.get_untracked() {
                        recover_focus(&event, root.into());
                    }
                }
            >
                <div class="ca-header">
                    {move || heading(heading_level.get(), name.get(), hide_heading.get())}
                    <Show when=move || shows(Tool::Jump) || shows(Tool::Times)>
                        <div class="ca-toolbar" part="tools">
                            <Show when=move || shows(Tool::Jump)>
                                <JumpToDate on_jump=jump busy=jumping disabled=tools_idle />
                            </Show>
                            <Show when=move || shows(Tool::Times)>
                                <button
                                    type="button"
                                    class="ca-button"
                                    disabled=tools_idle
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
                            <FilterControls state=filter disabled=tools_idle />
                        </Show>
                        <Show when=move || shows(Tool::Export)>
                            <ExportTools
                                api_base=Signal::derive(move || source.with(|source| source.api_base.clone()))
                                chat=request
                                announce
                                filter=filter.filter
                                disabled=export_waits
                                on_failed=report
                                on_started=Callback::new(move |()| tool_message.set(None))
                                known_total=Signal::derive(move || feed.chat_total())
                                already_read=Callback::new(move |(api_base, chat)| filter.whole_chat(&api_base, chat))
                            />
                        </Show>
                    </div>
                </Show>
                <ActiveFilters state=filter on_cleared=back_from_filter />
                <ReadProgress state=filter on_cancelled=back_from_filter />
                <p class="ca-visually-hidden" role="status">{move || announcer.text()}</p>
                {move || tool_message.get().map(|message| view! { <p class="ca-notice ca-tool-message">{message}</p> })}
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

/// With `sync_url`: what reads the URL's paging and filter into the
/// component (`true`: the page's first reading, which corrects the URL).
fn url_reader(
    source: Memo<Source>,
    position: RwSignal<Option<(Source, PageRequest)>>,
    filter: FilterState,
    page_from_url: StoredValue<Option<PageRequest>>,
) -> impl Fn(bool) + Copy + 'static {
    move |initial: bool| {
        let query = PageQuery::parse(&url_sync::current_search());
        let source = source.get_untracked();
        let request = PageRequest::for_page(source.chat_id, query.page, query.limit);
        if initial && query.needs_correction {
            url_sync::write_view(&request, &query.filter, HistoryMode::Replace);
        }
        let filtered = query.filter.is_active();
        if filter.filter.with_untracked(FilterQuery::of) == query.filter {
            if filtered {
                filter.page.set(request);
            }
        } else {
            // The filter's change shows this page of its matches.
            page_from_url.set_value(filtered.then_some(request));
            let wanted = filter
                .filter
                .with_untracked(|known| query.filter.to_filter(known));
            filter.filter.set(wanted);
        }
        if !filtered {
            position.set(Some((source, request)));
        } else if initial {
            // Under the filter, the API's first page (the chat's size).
            let first = PageRequest::first(source.chat_id, query.limit);
            position.set(Some((source, first)));
        }
    }
}
