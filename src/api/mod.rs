//! Talking to the portal API: its types, how an answer becomes an outcome,
//! and the one fetch function. Nothing here knows about the DOM.

pub mod base;
pub mod chat_read;
pub mod client;
pub mod lone_surrogates;
pub mod outcome;
pub mod retries;
pub mod scan;
pub mod types;

pub use base::{ApiBase, ApiBaseError};
pub use outcome::{FetchOutcome, LoadError};
pub use types::{Action, ActivityEvent, ActivityPage, EventTime, EventUser, JoinMethod};
