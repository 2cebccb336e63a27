//! A mock "chat settings" page of the portal: a Leptos host that embeds
//! `ChatActivity`, switches chats through a signal, and hides its activity
//! card when the API says the reader may not see it.

use chat_activity::{ApiBase, ChatActivity, ChatId, LoadFailure, LoadedPage, PageSize};
use leptos::prelude::*;

/// The chats this settings page can switch between (the mock's seeded ones).
const CHATS: [(u64, &str); 4] = [
    (1, "Rust Beginners"),
    (2, "Design Guild"),
    (3, "7331 Announcements"),
    (4, "Quiet Corner"),
];

#[derive(Debug, Clone, PartialEq, Eq)]
enum Access {
    Unknown,
    Allowed(u64),
    Forbidden,
    SignedOut,
    Failed(String),
}

#[component]
fn ChatSettings(api_base: ApiBase, first_chat: ChatId) -> impl IntoView {
    let chat = RwSignal::new(first_chat);
    let access = RwSignal::new(Access::Unknown);
    let choose = move |event| {
        if let Ok(id) = event_target_value(&event).parse::<ChatId>() {
            access.set(Access::Unknown);
            chat.set(id);
        }
    };
    view! {
        <main class="settings">
            <h1>"Chat settings"</h1>
            <section class="settings-card">
                <h2>"General"</h2>
                <label>
                    "Chat "
                    <select id="chat-select" on:change=choose>
                        {CHATS
                            .map(|(id, name)| {
                                view! {
                                    <option value=id.to_string() selected=id == first_chat.get()>
                                        {name}
                                    </option>
                                }
                            })
                            .to_vec()}
                    </select>
                </label>
                <p class="settings-status" role="status">
                    {move || match access.get() {
                        Access::Unknown => "Loading activity…".to_owned(),
                        Access::Allowed(total) => format!("{total} activity events in this chat."),
                        Access::Forbidden => "You can't see this chat's activity.".to_owned(),
                        Access::SignedOut => "Sign in to see this chat's activity.".to_owned(),
                        Access::Failed(message) => format!("Activity could not be loaded: {message}"),
                    }}
                </p>
            </section>
            <section
                class="settings-card"
                id="activity-card"
                hidden=move || matches!(access.get(), Access::Forbidden | Access::SignedOut)
            >
                <ChatActivity
                    chat_id=chat
                    api_base
                    page_size=PageSize::clamped(10)
                    on_forbidden=move |_| access.set(Access::Forbidden)
                    on_unauthorized=move |_| access.set(Access::SignedOut)
                    on_loaded=move |page: LoadedPage| access.set(Access::Allowed(page.total))
                    on_error=move |failure: LoadFailure| access.set(Access::Failed(failure.error.to_string()))
                />
            </section>
        </main>
    }
}

fn main() {
    console_error_panic_hook::set_once();
    let document = web_sys::window().and_then(|window| window.document());
    let api_base = document
        .as_ref()
        .and_then(|d| {
            d.query_selector("meta[name='chat-activity-api-base']")
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .and_then(|content| ApiBase::parse(&content).ok())
        .unwrap_or_default();
    let first_chat = document
        .and_then(|d| d.location())
        .and_then(|location| location.hash().ok())
        .and_then(|hash| hash.trim_start_matches("#chat=").parse::<ChatId>().ok())
        .or_else(|| ChatId::new(1).ok());
    let Some(first_chat) = first_chat else { return };
    leptos::mount::mount_to_body(move || view! { <ChatSettings api_base first_chat /> });
}
