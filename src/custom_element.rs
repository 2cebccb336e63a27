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

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement, ShadowRootInit, ShadowRootMode};

use crate::chat_id::ChatId;
use crate::element_config::{ElementConfig, OBSERVED_ATTRIBUTES};
use crate::views::chat_activity::{ChatActivity, LoadFailure, LoadedPage};
use crate::views::notice::FailureNotice;

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

/// A connected element: what it mounted, and its attributes as a signal.
struct MountedElement {
    element: HtmlElement,
    config: ArcRwSignal<ElementConfig>,
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

fn read_config(element: &HtmlElement) -> ElementConfig {
    let [chat_id, api_base, page_size, refresh] =
        OBSERVED_ATTRIBUTES.map(|name| element.get_attribute(name));
    ElementConfig::from_attributes(
        chat_id.as_deref(),
        api_base.as_deref(),
        page_size.as_deref(),
        refresh.as_deref(),
    )
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
    let config = ArcRwSignal::new(read_config(&element));
    let view = {
        let config = config.clone();
        let host = SendWrapper::new(element.clone());
        leptos::mount::mount_to(container.clone().unchecked_into(), move || {
            element_view(host, config)
        })
    };
    MOUNTED.with_borrow_mut(|mounted| {
        mounted.push(MountedElement {
            element,
            config,
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
    let config = MOUNTED.with_borrow(|mounted| {
        mounted
            .iter()
            .find(|m| m.element == element)
            .map(|m| m.config.clone())
    });
    if let Some(config) = config {
        config.set(read_config(&element));
    }
}

/// What one element shows: the component for its attributes, rebuilt (so
/// back on the first page) whenever an attribute changes.
fn element_view(
    host: SendWrapper<HtmlElement>,
    config: ArcRwSignal<ElementConfig>,
) -> impl IntoView {
    let host = std::sync::Arc::new(host);
    move || {
        let config = config.get();
        if let Some(problem) = config.problem() {
            return view! {
                <section class="ca-root" aria-label="Chat activity">
                    <FailureNotice message=problem on_retry=None />
                </section>
            }
            .into_any();
        }
        let (Ok(chat_id), Ok(api_base)) = (config.chat_id, config.api_base) else {
            return ().into_any();
        };
        let events = HostEvents(host.clone());
        let (forbidden, unauthorized, failed, loaded) =
            (events.clone(), events.clone(), events.clone(), events);
        view! {
            <ChatActivity
                chat_id
                api_base
                page_size=config.page_size
                refresh_seconds=config.refresh_seconds
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
