//! The component: which page to show, loading it, and what to show for
//! each outcome.

use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::ev;
use leptos::prelude::*;

use super::local_time;
use super::notice::FailureNotice;
use super::pager::Pager;
use super::timeline::{Timeline, TimelineSettings};
use crate::api::{ActivityPage, ApiBase, FetchOutcome, LoadError};
use crate::chat_id::ChatId;
use crate::page_loader::PageLoader;
use crate::page_url::PageQuery;
use crate::paging::{PageRequest, PageSize, ShownRange};
use crate::url_sync::{self, HistoryMode};

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
    page: ActivityPage,
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
    let go_to = move |request: PageRequest, mode: HistoryMode| {
        position.set(Some((source.get_untracked(), request)));
        if sync_url {
            url_sync::write_paging(&request, mode);
        }
    };
    if sync_url {
        follow_url(source, position);
    }

    let status = RwSignal::new(Status::Loading);
    let shown = RwSignal::new(None::<ShownPage>);
    let retries = RwSignal::new(0_u32);
    let loader = PageLoader::new();

    let deliver = move |api_base: ApiBase, request: PageRequest, outcome: FetchOutcome| {
        let chat = request.chat_id;
        match outcome {
            FetchOutcome::Page(page) => {
                if let Some(last_page) = request.clamped_to(page.total) {
                    go_to(last_page, HistoryMode::Replace);
                    return;
                }
                let loaded = LoadedPage {
                    chat_id: chat,
                    total: page.total,
                    offset: request.offset,
                    limit: request.limit.get(),
                };
                shown.set(Some(ShownPage {
                    api_base,
                    request,
                    page,
                }));
                status.set(Status::Ready);
                if let Some(callback) = on_loaded {
                    callback.run(loaded);
                }
            }
            FetchOutcome::Unauthorized | FetchOutcome::Forbidden => {
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
                status.set(Status::Failed(error.clone()));
                if let Some(callback) = on_error {
                    callback.run(LoadFailure {
                        chat_id: chat,
                        error,
                    });
                }
            }
        }
    };

    Effect::new(move |_| {
        retries.track();
        let request = request.get();
        let api_base = source.with(|source| source.api_base.clone());
        let other_chat = shown.with_untracked(|shown| {
            shown.as_ref().is_some_and(|shown| {
                shown.api_base != api_base || shown.request.chat_id != request.chat_id
            })
        });
        if other_chat {
            shown.set(None);
        }
        status.set(Status::Loading);
        let url = api_base.activity_url(&request);
        loader.load(url, move |outcome| deliver(api_base, request, outcome));
    });

    let now = shared_clock();
    let root = NodeRef::<leptos::html::Section>::new();
    let lang = RwSignal::new("en".to_owned());
    Effect::new(move |_| {
        if let Some(root) = root.get() {
            lang.set(local_time::nearest_language(&root));
        }
    });
    let exact_times = RwSignal::new(false);
    let announcement = RwSignal::new(String::new());
    provide_context(TimelineSettings {
        lang: lang.into(),
        exact_times: exact_times.into(),
        announce: Callback::new(move |message| announcement.set(message)),
    });
    let loading = move || status.with(|status| *status == Status::Loading);
    let page =
        Memo::new(move |_| shown.with(|shown| shown.as_ref().map(|shown| shown.page.clone())));
    let range = Memo::new(move |_| {
        page.with(|page| {
            page.as_ref()
                .and_then(|page| ShownRange::new(page.offset, page.events.len(), page.total))
        })
    });
    let events = Signal::derive(move || {
        page.with(|page| {
            page.as_ref()
                .map(|page| page.events.clone())
                .unwrap_or_default()
        })
    });
    let on_navigate = Callback::new(move |request| go_to(request, HistoryMode::Push));
    let retry = Callback::new(move |()| retries.update(|count| *count += 1));

    view! {
        <Show when=move || status.with(|status| *status != Status::Hidden)>
            <section
                node_ref=root
                class="ca-root"
                class:ca-busy=loading
                aria-label="Chat activity"
                aria-busy=move || loading().then_some("true")
            >
                <div class="ca-header">
                    <h2 class="ca-title">"Chat activity"</h2>
                    <div class="ca-toolbar">
                        <button
                            type="button"
                            class="ca-button"
                            aria-pressed=move || if exact_times.get() { "true" } else { "false" }
                            on:click=move |_| exact_times.update(|exact| *exact = !*exact)
                        >
                            "Exact times"
                        </button>
                    </div>
                </div>
                <p class="ca-visually-hidden" role="status">{move || announcement.get()}</p>
                {move || match status.get() {
                    Status::Failed(error) => {
                        let on_retry = error.is_retryable().then_some(retry);
                        view! { <FailureNotice message=error.to_string() on_retry /> }.into_any()
                    }
                    Status::Loading if page.with(Option::is_none) => {
                        view! { <p class="ca-notice">"Loading activity…"</p> }.into_any()
                    }
                    _ => ().into_any(),
                }}
                {move || match page.with(|page| page.as_ref().map(|page| page.total)) {
                    Some(0) => view! { <p class="ca-notice ca-empty">"No activity yet"</p> }.into_any(),
                    Some(_) => view! { <Timeline events now /> }.into_any(),
                    None => ().into_any(),
                }}
                {move || range.get().map(|range| view! { <Pager request range on_navigate /> })}
            </section>
        </Show>
    }
}

/// With `sync_url`: start from the URL's paging, and follow Back/Forward.
fn follow_url(source: Memo<Source>, position: RwSignal<Option<(Source, PageRequest)>>) {
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
    let listener = window_event_listener(ev::popstate, move |_| read_url(false));
    on_cleanup(move || listener.remove());
}

/// One clock per component, ticking each minute, for the relative times.
fn shared_clock() -> Signal<DateTime<Utc>> {
    let now = RwSignal::new(local_time::now());
    match set_interval_with_handle(move || now.set(local_time::now()), Duration::from_secs(60)) {
        Ok(handle) => on_cleanup(move || handle.clear()),
        Err(error) => {
            leptos::logging::warn!("chat-activity: no clock for relative times: {error:?}")
        }
    }
    now.into()
}
