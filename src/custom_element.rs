//! The `<chat-activity>` custom element, for hosts that are not Leptos apps.
//!
//! ```html
//! <chat-activity chat-id="42" api-base="https://portal-api.7331.org" page-size="25"></chat-activity>
//! ```
//!
//! Each element mounts its own [`ChatActivity`] into an open shadow root
//! with the component's stylesheet, so host CSS cannot break it and its CSS
//! cannot leak out. It never touches the host URL, and tells the host what
//! happened through bubbling, composed DOM events on itself.

use std::any::Any;
use std::cell::RefCell;
use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement, ShadowRootInit, ShadowRootMode};

use crate::chat_id::ChatId;
use crate::element_config::{ElementConfig, OBSERVED_ATTRIBUTES};
use crate::host_options::HostOptions;
use crate::i18n::{MessageId, Messages, Texts};
use crate::views::catalogs::messages_of;
use crate::views::chat_activity::{ChatActivity, FocusOnFirstLoad, LoadFailure, LoadedPage};
use crate::views::locale::local_texts;
use crate::views::notice::CannotStart;

/// The element's tag name.
pub const TAG: &str = "chat-activity";

#[wasm_bindgen(module = "/src/custom_element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineChatActivityElement)]
    fn define_element(
        tag: &str,
        observed: js_sys::Array,
        connected: &JsValue,
        disconnected: &JsValue,
        attribute_changed: &JsValue,
    );
}

/// A connected element: what it mounted, and its attributes as signals.
struct MountedElement {
    element: HtmlElement,
    /// What it shows: a change starts over on the first page.
    config: ArcRwSignal<ElementConfig>,
    /// How its frame looks for the host: changed in place.
    framing: Framing,
    /// The warnings about attribute values last logged, so that each is
    /// logged once, not again when another attribute changes.
    warnings: Vec<String>,
    /// Dropping it unmounts the view and disposes its reactive owner, which
    /// aborts requests in flight and clears timers and listeners.
    _view: Box<dyn Any>,
    container: web_sys::Element,
}

thread_local! {
    static MOUNTED: RefCell<Vec<MountedElement>> = const { RefCell::new(Vec::new()) };
}

/// Registers `<chat-activity>` (once; later calls do nothing).
pub fn define() {
    let observed = OBSERVED_ATTRIBUTES
        .iter()
        .copied()
        .map(JsValue::from)
        .collect();
    let connected = Closure::<dyn Fn(HtmlElement)>::new(connect).into_js_value();
    let disconnected = Closure::<dyn Fn(HtmlElement)>::new(disconnect).into_js_value();
    let attribute_changed = Closure::<dyn Fn(HtmlElement)>::new(update).into_js_value();
    define_element(TAG, observed, &connected, &disconnected, &attribute_changed);
}

/// Reads every observed attribute: what to show, how to frame it, and the
/// warnings about values that could not be used.
fn read_attributes(element: &HtmlElement) -> (ElementConfig, HostOptions, Vec<String>) {
    let [chat_id, api_base, page_size, refresh, label, heading_level, hide_heading, tools] =
        OBSERVED_ATTRIBUTES.map(|name| element.get_attribute(name));
    let (config, mut warnings) = ElementConfig::from_attributes(
        chat_id.as_deref(),
        api_base.as_deref(),
        page_size.as_deref(),
        refresh.as_deref(),
    );
    let (mut options, host_warnings) = HostOptions::from_attributes(
        label.as_deref(),
        heading_level.as_deref(),
        hide_heading.as_deref(),
        tools.as_deref(),
    );
    warnings.extend(host_warnings);
    let (messages, problems) = read_messages(element).split_problems();
    options.messages = messages;
    warnings.extend(problems);
    (config, options, warnings)
}

/// The element's `messages` property: message id → text.
fn read_messages(element: &HtmlElement) -> Messages {
    messages_of(&js_sys::Reflect::get(element, &JsValue::from_str("messages")).unwrap_or_default())
}

/// Logs the warnings not logged for this element before.
fn warn_about(warnings: &[String], logged_before: &[String]) {
    for warning in warnings.iter().filter(|w| !logged_before.contains(w)) {
        leptos::logging::warn!("<chat-activity>: {warning}");
    }
}

fn connect(element: HtmlElement) {
    if MOUNTED.with_borrow(|mounted| mounted.iter().any(|m| m.element == element)) {
        return;
    }
    let Some(shadow) = element.shadow_root().or_else(|| {
        element
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .ok()
    }) else {
        leptos::logging::error!("chat-activity: cannot attach a shadow root to the element");
        return;
    };
    crate::stylesheet::adopt_into_shadow(&shadow);
    let Some(container) = element
        .owner_document()
        .and_then(|document| document.create_element("div").ok())
    else {
        return;
    };
    container.set_class_name("ca-host");
    if shadow.append_child(&container).is_err() {
        return;
    }
    let (config, options, warnings) = read_attributes(&element);
    warn_about(&warnings, &[]);
    let config = ArcRwSignal::new(config);
    let framing = Framing::new(options);
    let view = {
        let (config, framing) = (config.clone(), framing.clone());
        let host = SendWrapper::new(element.clone());
        leptos::mount::mount_to(container.clone().unchecked_into(), move || {
            element_view(host, config, framing)
        })
    };
    MOUNTED.with_borrow_mut(|mounted| {
        mounted.push(MountedElement {
            element,
            config,
            framing,
            warnings,
            _view: Box::new(view),
            container,
        })
    });
}

fn disconnect(element: HtmlElement) {
    let removed = MOUNTED.with_borrow_mut(|mounted| {
        let index = mounted.iter().position(|m| m.element == element)?;
        Some(mounted.swap_remove(index))
    });
    // Dropped outside the borrow: unmounting may run code that looks again.
    if let Some(removed) = removed {
        removed.container.remove();
        drop(removed);
    }
}

fn update(element: HtmlElement) {
    let (config, options, warnings) = read_attributes(&element);
    let signals = MOUNTED.with_borrow_mut(|mounted| {
        let mounted = mounted.iter_mut().find(|m| m.element == element)?;
        warn_about(&warnings, &mounted.warnings);
        mounted.warnings = warnings;
        Some((mounted.config.clone(), mounted.framing.clone()))
    });
    // Set outside the borrow, and only what changed: a new label must not
    // start the element over.
    if let Some((current_config, framing)) = signals {
        if current_config.with_untracked(|current| *current != config) {
            current_config.set(config);
        }
        framing.set(options);
    }
}

/// The host's framing of one element (label, heading, tools): the value in
/// force, and the signal that the component mounted now reads. Each mount
/// of the component gets a signal of its own, dropped with it: a signal
/// that outlived the mounts would keep every dropped mount's subscriptions
/// for as long as the framing does not change (a leak per chat change).
#[derive(Clone)]
struct Framing(Arc<Mutex<(HostOptions, Option<ArcRwSignal<HostOptions>>)>>);

impl Framing {
    fn new(options: HostOptions) -> Self {
        Self(Arc::new(Mutex::new((options, None))))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, (HostOptions, Option<ArcRwSignal<HostOptions>>)> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// New attribute values: the mounted component follows them in place.
    fn set(&self, options: HostOptions) {
        let live = {
            let mut framing = self.lock();
            if framing.0 == options {
                return;
            }
            framing.0 = options.clone();
            framing.1.clone()
        };
        if let Some(live) = live {
            live.set(options);
        }
    }

    /// The signal for a new mount of the component.
    fn for_mount(&self) -> ArcRwSignal<HostOptions> {
        let mut framing = self.lock();
        let signal = ArcRwSignal::new(framing.0.clone());
        framing.1 = Some(signal.clone());
        signal
    }
}

/// What one element shows: the component for its attributes, mounted anew
/// (so back on the first page) when `chat-id`, `api-base`, `page-size` or
/// `refresh-interval` change; the host's framing (label, heading, tools)
/// changes in place.
fn element_view(
    host: SendWrapper<HtmlElement>,
    config: ArcRwSignal<ElementConfig>,
    framing: Framing,
) -> impl IntoView {
    let host = Arc::new(host);
    move || {
        let config = config.get();
        let options: Signal<HostOptions> = framing.for_mount().into();
        let label = Signal::derive(move || options.with(|options| options.label.clone()));
        let messages = Signal::derive(move || options.with(|options| options.messages.clone()));
        if config.problem(&Texts::default()).is_some() {
            let anchor: web_sys::Element = HtmlElement::clone(&host).into();
            let local = local_texts(move || Some(anchor.clone()), messages);
            let texts = local.texts;
            let name = Signal::derive(move || {
                label
                    .get()
                    .unwrap_or_else(|| texts.with(|texts| texts.text(MessageId::ChatActivity)))
            });
            let problem = Signal::derive(move || {
                texts
                    .with(|texts| config.problem(texts))
                    .unwrap_or_default()
            });
            return view! { <CannotStart local name problem /> }.into_any();
        }
        let (Ok(chat_id), Ok(api_base)) = (config.chat_id, config.api_base) else {
            return ().into_any();
        };
        // The chat changed under the reader's focus: it follows to the new one.
        let had_focus = host
            .shadow_root()
            .is_some_and(|shadow| shadow.active_element().is_some());
        provide_context(FocusOnFirstLoad(had_focus));
        let heading_level = Signal::derive(move || options.with(|options| options.heading_level));
        let hide_heading = Signal::derive(move || options.with(|options| options.hide_heading));
        let tools = Signal::derive(move || options.with(|options| options.tools));
        let events = HostEvents(host.clone());
        let (forbidden, unauthorized, failed, loaded) =
            (events.clone(), events.clone(), events.clone(), events);
        view! {
            <ChatActivity
                chat_id
                api_base
                page_size=config.page_size
                refresh_seconds=config.refresh_seconds
                label
                heading_level
                hide_heading
                tools
                messages
                on_forbidden=move |chat: ChatId| forbidden.send("chat-activity-forbidden", chat, &[])
                on_unauthorized=move |chat: ChatId| unauthorized.send("chat-activity-unauthorized", chat, &[])
                on_error=move |failure: LoadFailure| failed.send(
                    "chat-activity-error",
                    failure.chat_id,
                    &[
                        ("status", failure.error.http_status().into()),
                        ("message", failure.error.to_string().into()),
                    ],
                )
                on_loaded=move |page: LoadedPage| loaded.send(
                    "chat-activity-loaded",
                    page.chat_id,
                    &[
                        ("total", (page.total as f64).into()),
                        ("offset", (page.offset as f64).into()),
                        ("limit", page.limit.into()),
                    ],
                )
            />
        }
        .into_any()
    }
}

/// Dispatches the contract's DOM events on the host element.
#[derive(Clone)]
struct HostEvents(std::sync::Arc<SendWrapper<HtmlElement>>);

impl HostEvents {
    /// A bubbling, composed `CustomEvent` whose detail is `{ chatId, ...fields }`.
    fn send(&self, name: &str, chat_id: ChatId, fields: &[(&str, JsValue)]) {
        let detail = js_sys::Object::new();
        let chat = JsValue::from(chat_id.get() as f64);
        let all = std::iter::once(("chatId", chat)).chain(fields.iter().cloned());
        for (key, value) in all {
            let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), &value);
        }
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        match CustomEvent::new_with_event_init_dict(name, &init) {
            Ok(event) => {
                let _ = self.0.dispatch_event(&event);
            }
            Err(error) => leptos::logging::warn!("chat-activity: cannot create {name}: {error:?}"),
        }
    }
}
