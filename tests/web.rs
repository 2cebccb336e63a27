//! Component tests in a real headless Chromium: mount, tick, assert on the DOM.

#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use chat_activity::api::{ActivityEvent, ActivityPage};
use chat_activity::paging::{PageRequest, PageSize, ShownRange};
use chat_activity::views::pager::Pager;
use chat_activity::views::timeline::Timeline;
use chat_activity::{ApiBase, ChatActivity, ChatId};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const FIXTURE: &str = include_str!("fixtures/activity-example.json");

fn fixture_events() -> Vec<ActivityEvent> {
    serde_json::from_str::<ActivityPage>(FIXTURE)
        .expect("fixture decodes")
        .events
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("valid time")
        .to_utc()
}

/// A fresh container in the document, and the mounted view kept alive.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> (HtmlElement, impl Drop) {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let container: HtmlElement = document
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document
        .body()
        .expect("body")
        .append_child(&container)
        .expect("attached");
    let handle = leptos::mount::mount_to(container.clone(), view);
    (container, handle)
}

/// Lets effects, fetches and timers run.
async fn tick(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("timer");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer resolves");
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn text(element: &Element) -> String {
    element
        .text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[wasm_bindgen_test]
async fn timeline_renders_one_item_per_event_with_sentence_time_and_avatar() {
    let (root, _keep) = mount(|| {
        view! { <Timeline events={Arc::<[ActivityEvent]>::from(fixture_events())} now=at("2026-04-04T15:30:00Z") /> }
    });
    tick(0).await;
    let items = all(&root, "li");
    assert_eq!(items.len(), 3);
    assert_eq!(
        text(&one(&items[0], ".ca-event-text")),
        "troublemaker was kicked"
    );
    assert_eq!(
        text(&one(&items[1], ".ca-event-text")),
        "troublemaker joined via vanity link portal"
    );
    assert_eq!(
        text(&one(&items[2], ".ca-event-text")),
        "alice joined via invite Vy8nFKq2"
    );

    let time = one(&items[0], "time");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2026-04-04T12:30:00Z")
    );
    assert_eq!(text(&time), "3 hours ago");
    assert!(time
        .get_attribute("title")
        .is_some_and(|title| title.contains("2026")));

    let image = one(&items[2], "img");
    assert_eq!(
        image.get_attribute("src").as_deref(),
        Some("https://cdn.example.com/users/9/avatar.png")
    );
    assert_eq!(image.get_attribute("loading").as_deref(), Some("lazy"));
    assert_eq!(
        image.get_attribute("referrerpolicy").as_deref(),
        Some("no-referrer")
    );
    assert_eq!(
        image.get_attribute("crossorigin"),
        None,
        "loaded as every <img> is: image hosts send no CORS headers"
    );
    assert!(all(&items[0], "img").is_empty(), "no picture: no img");
    assert_eq!(text(&one(&items[0], ".ca-avatar-fallback")), "T");
}

fn event_with_avatar(username: &str, avatar_url: &str) -> ActivityEvent {
    serde_json::from_value(serde_json::json!({
        "user": {"id": 5, "username": username, "avatar_url": avatar_url},
        "action": "join", "method": null, "invite_code": null,
        "created_at": "2026-04-04T12:30:00Z",
    }))
    .expect("valid event")
}

#[wasm_bindgen_test]
async fn unsafe_or_broken_avatars_fall_back_to_the_initial() {
    let events = vec![
        event_with_avatar("<img src=x onerror=alert(1)>", "javascript:alert(1)"),
        // Nothing listens on port 9: the picture fails to load.
        event_with_avatar("élodie", "http://127.0.0.1:9/avatar.png"),
    ];
    let (root, _keep) = mount(
        move || view! { <Timeline events={Arc::<[ActivityEvent]>::from(events)} now=at("2026-04-04T12:31:00Z") /> },
    );
    tick(0).await;
    let items = all(&root, "li");
    assert!(all(&items[0], "img").is_empty());
    assert_eq!(text(&one(&items[0], ".ca-avatar-fallback")), "<");
    assert_eq!(
        text(&one(&items[0], ".ca-username")),
        "<img src=x onerror=alert(1)>"
    );
    for _ in 0..50 {
        if all(&items[1], "img").is_empty() {
            break;
        }
        tick(20).await;
    }
    let items = all(&root, "li");
    assert!(
        all(&items[1], "img").is_empty(),
        "a failed picture is replaced"
    );
    assert_eq!(text(&one(&items[1], ".ca-avatar-fallback")), "É");
}

#[wasm_bindgen_test]
async fn pager_disables_what_does_not_exist_and_offers_the_size_in_force() {
    let chat = ChatId::new(42).expect("valid");
    let chosen = RwSignal::new(None::<PageRequest>);
    let request = PageRequest::first(chat, PageSize::clamped(30));
    let range = ShownRange::new(0, 30, 45);
    let (root, _keep) = mount(move || {
        view! { <Pager request range on_navigate=Callback::new(move |r| chosen.set(Some(r))) /> }
    });
    tick(0).await;
    let nav = one(&root, "nav[aria-label='Pagination']");
    let buttons = all(&nav, "button");
    assert_eq!(text(&buttons[0]), "Previous page");
    assert!(buttons[0].has_attribute("disabled"));
    assert_eq!(text(&buttons[1]), "Next page");
    assert!(!buttons[1].has_attribute("disabled"));
    assert_eq!(text(&one(&nav, ".ca-range")), "Showing 1–30 of 45");
    let options: Vec<String> = all(&nav, "option").iter().map(text).collect();
    assert_eq!(options, ["10", "25", "30", "50", "100"]);
    let select: web_sys::HtmlSelectElement = one(&nav, "select").unchecked_into();
    assert_eq!(select.value(), "30");

    buttons[1].unchecked_ref::<HtmlElement>().click();
    assert_eq!(chosen.get_untracked().map(|r| r.offset), Some(30));
}

#[wasm_bindgen_test]
async fn an_unreachable_api_gives_an_alert_with_retry_and_busy_while_loading() {
    let chat = ChatId::new(7).expect("valid");
    let errors = RwSignal::new(0);
    let (root, _keep) = mount(move || {
        view! {
            <ChatActivity
                chat_id=chat
                api_base=ApiBase::parse("http://127.0.0.1:9").expect("valid base")
                on_error=move |_| errors.update(|n| *n += 1)
            />
        }
    });
    let region = one(&root, "section[aria-label='Chat activity']");
    // Mounted with its request in flight (a refused connection ends it
    // within a tick).
    assert_eq!(region.get_attribute("aria-busy").as_deref(), Some("true"));
    let mut alert = None;
    for _ in 0..100 {
        alert = root.query_selector("[role='alert']").ok().flatten();
        if alert.is_some() {
            break;
        }
        tick(20).await;
    }
    let alert = alert.expect("an alert appears");
    assert!(text(&alert).contains("Couldn't reach the activity service"));
    assert_eq!(text(&one(&alert, "button")), "Retry");
    assert_eq!(region.get_attribute("aria-busy"), None);
    assert_eq!(errors.get_untracked(), 1);

    one(&alert, "button").unchecked_ref::<HtmlElement>().click();
    for _ in 0..100 {
        if errors.get_untracked() == 2 {
            break;
        }
        tick(20).await;
    }
    assert_eq!(errors.get_untracked(), 2, "Retry asks again");
}

#[wasm_bindgen_test]
async fn the_first_request_goes_out_while_the_component_is_mounted() {
    // Records every fetch the page makes, until put back.
    let put_back: js_sys::Function = js_sys::Function::new_no_args(
        "const original = window.fetch;
         window.__fetched = [];
         window.fetch = function (request) {
           window.__fetched.push(String(request.url ?? request));
           return original.apply(this, arguments);
         };
         return () => { window.fetch = original; };",
    )
    .call0(&JsValue::NULL)
    .expect("fetch wrapped")
    .unchecked_into();
    let fetched = || -> Vec<String> {
        let window = web_sys::window().expect("window");
        let list: js_sys::Array = js_sys::Reflect::get(&window, &"__fetched".into())
            .expect("the list")
            .unchecked_into();
        list.iter().filter_map(|url| url.as_string()).collect()
    };
    let chat = ChatId::new(8).expect("valid");
    let (_root, _keep) = mount(move || {
        view! { <ChatActivity chat_id=chat api_base=ApiBase::parse("http://127.0.0.1:9").expect("valid base") /> }
    });
    // No tick yet: mounting alone sent it, so its answer is on its way
    // while the browser lays the component out.
    let sent = fetched();
    put_back.call0(&JsValue::NULL).expect("fetch put back");
    assert_eq!(
        sent,
        ["http://127.0.0.1:9/v1/portal/chats/8/activity?offset=0&limit=25"]
    );
}

fn join_with_code(id: u64, code: &str, at_text: &str) -> ActivityEvent {
    serde_json::from_value(serde_json::json!({
        "user": {"id": id, "username": format!("raider{id}"), "avatar_url": null},
        "action": "join", "method": "invite", "invite_code": code,
        "created_at": at_text,
    }))
    .expect("valid event")
}

#[wasm_bindgen_test]
async fn timeline_groups_by_day_collapses_join_bursts_and_offers_copy_buttons() {
    let events: Vec<ActivityEvent> = (0..5)
        .map(|i| join_with_code(i, "raid42", &format!("2026-04-04T12:{:02}:00Z", 30 - i * 2)))
        .collect();
    let (root, _keep) = mount(
        move || view! { <Timeline events={Arc::<[ActivityEvent]>::from(events)} now=at("2026-04-04T12:40:00Z") /> },
    );
    tick(0).await;
    // Collapsed: one item, the note and its disclosure button.
    assert_eq!(all(&root, "li").len(), 1);
    assert_eq!(all(&root, "h3").len(), 1, "one day, one heading");
    let notes: Vec<String> = all(&root, "[role='note']").iter().map(text).collect();
    assert_eq!(notes, ["Join burst: 5 joins via raid42 in 8 minutes"]);
    let toggle = one(&root, "li button.ca-burst-toggle");
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(text(&toggle), "Show 5 joins");
    toggle.dyn_ref::<HtmlElement>().expect("a button").click();
    tick(0).await;
    let toggle = one(&root, "li button.ca-burst-toggle");
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(text(&toggle), "Hide 5 joins");
    assert_eq!(all(&root, "li.ca-in-burst").len(), 5);
    let copy = one(&root, "li button.ca-chip-copy");
    assert_eq!(
        copy.get_attribute("aria-label").as_deref(),
        Some("Copy invite code raid42")
    );
    assert_eq!(
        text(&one(&root, "li .ca-event-text")),
        "raider0 joined via invite raid42"
    );
}

#[wasm_bindgen_test]
async fn leptos_props_for_hosts_name_the_region_set_the_heading_and_choose_tools() {
    use chat_activity::{HeadingLevel, Tool, Tools};
    let chat = ChatId::new(7).expect("valid");
    let label = RwSignal::new(Some("Rust Beginners".to_owned()));
    let tools = RwSignal::new(Tools::of(&[Tool::Filter]));
    let (root, _keep) = mount(move || {
        view! {
            <ChatActivity
                chat_id=chat
                api_base=ApiBase::parse("http://127.0.0.1:9").expect("valid base")
                label
                heading_level=HeadingLevel::new(3).expect("a level")
                hide_heading=true
                tools
            />
        }
    });
    let region = one(&root, "section[aria-label='Rust Beginners']");
    let heading = one(&region, "h3.ca-title");
    assert_eq!(text(&heading), "Rust Beginners");
    assert!(heading.class_list().contains("ca-visually-hidden"));
    assert!(all(&region, "h2").is_empty());
    assert_eq!(all(&region, ".ca-filter").len(), 1, "the filter");
    assert!(
        all(&region, "input[type='date']").is_empty(),
        "no jump to date"
    );
    assert!(
        all(&region, "button[aria-pressed]").is_empty(),
        "no exact times toggle"
    );
    assert!(
        !text(&region).contains("Export CSV"),
        "no export: {}",
        text(&region)
    );

    label.set(None);
    tools.set(Tools::NONE);
    tick(0).await;
    assert_eq!(
        region.get_attribute("aria-label").as_deref(),
        Some("Chat activity"),
        "the default name, in place"
    );
    assert_eq!(text(&one(&region, "h3")), "Chat activity");
    assert!(
        all(&region, "[part~='tools']").is_empty(),
        "no tools at all"
    );
}

#[wasm_bindgen_test]
fn plurals_and_numbers_come_from_the_browsers_intl() {
    use chat_activity::i18n::{Locale, Texts};
    let texts = |tag: &str| Texts::bundled(Locale::new(tag, None));
    let russian = texts("ru");
    for (n, shown) in [
        (1, "Показать 1 новое событие"),
        (2, "Показать 2 новых события"),
        (5, "Показать 5 новых событий"),
        (21, "Показать 21 новое событие"),
    ] {
        assert_eq!(russian.show_new_events(n), shown);
    }
    let range = ShownRange::new(0, 25, 10_000).expect("a range");
    assert_eq!(texts("en").shown_range(&range), "Showing 1–25 of 10,000");
    let total_in = |tag: &str| {
        js_sys::Intl::NumberFormat::new(
            &js_sys::Array::of1(&JsValue::from_str(tag)),
            &js_sys::Object::new(),
        )
        .format()
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(10_000.0))
        .expect("formats")
        .as_string()
        .expect("text")
    };
    assert_ne!(total_in("de-AT"), "10,000");
    assert!(texts("de-AT")
        .shown_range(&range)
        .ends_with(&format!("von {}", total_in("de-AT"))));
    assert!(texts("ar")
        .shown_range(&range)
        .ends_with(&format!("من {}", total_in("ar"))));
}

#[wasm_bindgen_test]
async fn a_leptos_host_gets_the_nearest_language_and_replaces_texts_through_the_messages_prop() {
    use chat_activity::i18n::Messages;
    let chat = ChatId::new(7).expect("valid");
    let messages = RwSignal::new(Messages::parse([("no-activity", "Nothing here")]));
    let (root, _keep) = mount(move || {
        view! {
            <div lang="de">
                <ChatActivity
                    chat_id=chat
                    api_base=ApiBase::parse("http://127.0.0.1:9").expect("valid base")
                    messages
                />
            </div>
        }
    });
    tick(0).await;
    let region = one(&root, "section");
    assert_eq!(
        region.get_attribute("aria-label").as_deref(),
        Some("Chat-Aktivität")
    );
    assert_eq!(region.get_attribute("lang").as_deref(), Some("de"));
    assert_eq!(region.get_attribute("dir").as_deref(), Some("ltr"));
    one(&root, "div[lang]")
        .set_attribute("lang", "ar")
        .expect("set");
    tick(10).await;
    assert_eq!(
        region.get_attribute("aria-label").as_deref(),
        Some("نشاط الدردشة")
    );
    assert_eq!(region.get_attribute("dir").as_deref(), Some("rtl"));
    messages.set(Messages::parse([("chat-activity", "Replaced")]));
    tick(0).await;
    assert_eq!(
        region.get_attribute("aria-label").as_deref(),
        Some("Replaced")
    );
}
