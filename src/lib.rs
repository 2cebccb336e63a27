//! # chat-activity
//!
//! Who joined a chat (and how: directly, through the vanity link, or with
//! which invite code), who left, who was kicked and who was banned: an
//! avatar-annotated timeline of `GET /v1/portal/chats/{id}/activity`, newest
//! first, with paging.
//!
//! ## Embedding in a Leptos app
//!
//! ```no_run
//! use chat_activity::{ApiBase, ChatActivity, ChatId};
//! use leptos::prelude::*;
//!
//! #[component]
//! fn ChatSettings(chat: ChatId) -> impl IntoView {
//!     let base = ApiBase::parse("https://portal-api.7331.org").unwrap_or_default();
//!     let (allowed, set_allowed) = signal(true);
//!     view! {
//!         <Show when=move || allowed.get()>
//!             <ChatActivity chat_id=chat api_base=base.clone()
//!                 on_forbidden=move |_| set_allowed.set(false) />
//!         </Show>
//!     }
//! }
//! ```
//!
//! The layout of the crate follows its architecture: `api` talks to the
//! portal API (types, the one fetch, whole-chat reads); `paging`,
//! `time_text`, `event_text`, `names`, `avatar`, `page_url`, `day_groups`,
//! `join_bursts`, `new_events`, `jump_to_date`, `filter`, `export`,
//! `host_options` (a host's label, heading and tools) and `i18n` (the
//! words in eight languages, plurals through the browser's `Intl`) are
//! pure logic, tested natively; `views` renders; `standalone` is the page
//! Trunk builds and `custom_element` the `<chat-activity>` element.

#![warn(missing_docs)]

pub mod activity_state;
pub mod api;
pub mod avatar;
pub mod burst_layout;
pub mod chat_id;
pub mod custom_element;
pub mod day_groups;
pub mod element_config;
pub mod event_text;
pub mod export;
pub mod filter;
pub mod host_options;
pub mod i18n;
pub mod join_bursts;
pub mod jump_to_date;
pub mod names;
pub mod new_events;
mod page_loader;
pub mod page_url;
pub mod paging;
pub mod standalone;
mod stylesheet;
pub mod time_text;
mod url_sync;
pub mod views;

pub use api::{ApiBase, LoadError};
pub use chat_id::ChatId;
pub use host_options::{HeadingLevel, Tool, Tools};
pub use paging::{PageRequest, PageSize};
pub use views::chat_activity::{ChatActivity, LoadFailure, LoadedPage};
