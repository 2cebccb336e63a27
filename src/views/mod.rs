//! Showing the activity: thin views over the pure logic in the crate root.

mod announcer;
pub mod avatar;
pub mod catalogs;
pub mod chat_activity;
pub mod export_tools;
pub mod filter_tools;
mod focus;
pub mod invite_chip;
pub mod jump_to_date;
pub mod local_time;
pub mod locale;
pub mod notice;
pub mod pager;
mod scan_progress;
pub mod timeline;
mod timers;
