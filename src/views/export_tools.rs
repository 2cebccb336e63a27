//! The export tool: "Export CSV" and "Export JSON" read every event of the
//! chat in pages of 100, with progress and "Cancel export", then download
//! (at once when the component holds the whole chat already).

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortController;

use super::focus::follow_focus;
use super::local_time::{local_day, now};
use super::locale::I18n;
use super::scan_progress::ScanProgressBar;
use crate::api::scan::{chat_total, read_all, ScanProgress};
use crate::api::{ActivityEvent, ApiBase};
use crate::chat_id::ChatId;
use crate::export::ExportFormat;
use crate::filter::EventFilter;
use crate::i18n::template::Arg;
use crate::i18n::MessageId;
use crate::paging::PageRequest;

/// Every event of a chat (at an API base), newest first, where the
/// component holds them all already.
pub type WholeChat = Callback<(ApiBase, ChatId), Option<Vec<ActivityEvent>>>;

/// An export under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Running {
    format: ExportFormat,
    progress: ScanProgress,
}

/// Export buttons, and while one runs its progress and a Cancel button.
#[component]
pub fn ExportTools(
    /// The API to read.
    #[prop(into)]
    api_base: Signal<ApiBase>,
    /// The chat (any request of it).
    #[prop(into)]
    chat: Signal<PageRequest>,
    /// Says how it went, politely.
    announce: Callback<String>,
    /// The filter in force: its matches are exported (all events without one).
    #[prop(into, optional)]
    filter: Signal<EventFilter>,
    /// Every event of the chat, newest first, if the component has read it
    /// all already (for a filter): exported without asking the API again.
    #[prop(optional)]
    already_read: Option<WholeChat>,
    /// The chat's events as the page on screen says, shown as the export's
    /// goal until its first answer tells.
    #[prop(into, optional)]
    known_total: Signal<Option<u64>>,
    /// Shows and says why an export failed (else it is only said).
    #[prop(optional)]
    on_failed: Option<Callback<String>>,
    /// An export starts (what an earlier one's failure showed is old news).
    #[prop(optional)]
    on_started: Option<Callback<()>>,
    /// Whether there is nothing to export (no chat read, or an empty one).
    #[prop(into, optional)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let i18n = I18n::get();
    let tools = NodeRef::<leptos::html::Div>::new();
    // The buttons used give way to the progress and back: the focus goes
    // with them (to Cancel export, then back to the format's button).
    let focus_follows = move |selector: &'static str| {
        if let Some(tools) = tools.try_get_untracked().flatten() {
            follow_focus(tools.into(), selector);
        }
    };
    let running = RwSignal::new(None::<Running>);
    let abort = StoredValue::new_local(None::<AbortController>);
    let cancel = move || {
        if let Some(controller) = abort.try_update_value(Option::take).flatten() {
            controller.abort();
        }
    };
    on_cleanup(cancel);
    // The last download's object URL: revoked by the next download or when
    // the tools go (not on a timer, so that nothing outlives the component).
    let last_file = StoredValue::new_local(None::<String>);
    on_cleanup(move || {
        if let Some(url) = last_file.try_update_value(Option::take).flatten() {
            revoke(&url);
        }
    });
    let keep_file =
        move |url: String| match last_file.try_update_value(|last| last.replace(url.clone())) {
            Some(Some(previous)) => revoke(&previous),
            Some(None) => {}
            // The tools are gone already.
            None => revoke(&url),
        };
    let start = move |format: ExportFormat| {
        cancel();
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(AbortController::signal);
        abort.set_value(controller);
        let (api_base, chat) = (api_base.get_untracked(), chat.get_untracked());
        let filter = filter.get_untracked();
        let known = already_read.and_then(|read| read.run((api_base.clone(), chat.chat_id)));
        focus_follows(".ca-export-cancel");
        running.set(Some(Running {
            format,
            progress: ScanProgress::starting(known_total.get_untracked()),
        }));
        announce.run(i18n.say(MessageId::ExportStarted, &[]));
        if let Some(started) = on_started {
            started.run(());
        }
        spawn_local(async move {
            let progress = move |progress: ScanProgress| {
                running.try_update(|running| {
                    let earlier = running.as_ref().map(|running| running.progress);
                    *running = Some(Running {
                        format,
                        progress: progress.after(earlier),
                    });
                });
            };
            // What the component holds, if the chat has not grown since
            // (one small request tells); else the whole chat, read anew.
            // (A check that fails keeps what is held: it is kept current
            // by the head checks, and a read anew would likely fail too.)
            let current = match known {
                Some(events) => match chat_total(&api_base, chat.chat_id, signal.as_ref()).await {
                    Some(total) if total != events.len() as u64 => None,
                    _ => Some(events),
                },
                None => None,
            };
            let read = match current {
                Some(events) => Ok(events),
                None => read_all(&api_base, chat, signal.as_ref(), progress).await,
            };
            let cancelled = signal.as_ref().is_some_and(web_sys::AbortSignal::aborted);
            focus_follows(match format {
                ExportFormat::Csv => ".ca-export-csv",
                ExportFormat::Json => ".ca-export-json",
            });
            running.try_set(None);
            let failed = |error: String| {
                Err(i18n.say(MessageId::ExportFailed, &[("error", Arg::Text(&error))]))
            };
            let said = match read {
                _ if cancelled => Ok(i18n.say(MessageId::ExportCancelled, &[])),
                Err(error) => failed(i18n.with_untracked(|texts| texts.load_error(&error))),
                Ok(events) => {
                    let filtered = filter.is_active();
                    let events = if filtered {
                        filter.apply(&events)
                    } else {
                        events
                    };
                    let name = format.file_name(chat.chat_id, local_day(now()), filtered);
                    match format
                        .render(&events)
                        .map_err(|error| error.to_string())
                        .and_then(|contents| {
                            download(&name, format.media_type(), &contents)
                                .map(keep_file)
                                .map_err(|error| {
                                    leptos::logging::warn!(
                                        "chat-activity: download refused: {error:?}"
                                    );
                                    i18n.say(MessageId::DownloadRefused, &[])
                                })
                        }) {
                        Ok(()) => Ok(i18n.say(
                            MessageId::ExportDone,
                            &[
                                ("count", Arg::Number(events.len() as u64)),
                                ("file", Arg::Text(&name)),
                            ],
                        )),
                        Err(error) => failed(error),
                    }
                }
            };
            match (said, on_failed) {
                (Err(failure), Some(report)) => _ = report.try_run(failure),
                (Ok(message) | Err(message), _) => _ = announce.try_run(message),
            }
        });
    };
    view! {
        <div class="ca-export" node_ref=tools>
            {move || match running.get() {
                None => view! {
                    <button type="button" class="ca-button ca-export-csv" disabled=disabled on:click=move |_| start(ExportFormat::Csv)>{i18n.tr(MessageId::ExportCsv)}</button>
                    <button type="button" class="ca-button ca-export-json" disabled=disabled on:click=move |_| start(ExportFormat::Json)>{i18n.tr(MessageId::ExportJson)}</button>
                }
                .into_any(),
                Some(Running { progress, .. }) => view! {
                    <ScanProgressBar label=i18n.text(MessageId::ExportProgress) progress />
                    <span class="ca-progress-text">
                        {i18n.format(
                            MessageId::ExportProgressText,
                            &[("read", Arg::Number(progress.read)), ("total", Arg::Number(progress.total))],
                        )}
                    </span>
                    {progress.paused_for.map(|seconds| view! {
                        <span class="ca-progress-text">
                            {i18n.format(MessageId::ReadingPaused, &[("seconds", Arg::Number(seconds))])}
                        </span>
                    })}
                    <button type="button" class="ca-button ca-export-cancel" on:click=move |_| cancel()>{i18n.text(MessageId::CancelExport)}</button>
                }
                .into_any(),
            }}
        </div>
    }
}

/// Hands `contents` to the browser as a file download; returns the object
/// URL to [`revoke`] once the download has started.
fn download(name: &str, media_type: &str, contents: &str) -> Result<String, JsValue> {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    Ok(url)
}

fn revoke(url: &str) {
    _ = web_sys::Url::revoke_object_url(url);
}
