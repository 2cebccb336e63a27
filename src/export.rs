//! Export: every event of a chat as CSV (RFC 4180, safe to open in a
//! spreadsheet) or JSON, with a file name naming the chat and the day.

use chrono::NaiveDate;

use crate::api::ActivityEvent;
use crate::chat_id::ChatId;

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 7] = [
    "created_at",
    "user_id",
    "username",
    "action",
    "method",
    "invite_code",
    "avatar_url",
];

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// RFC 4180 CSV.
    Csv,
    /// The API's event objects, as a JSON array.
    Json,
}

impl ExportFormat {
    /// The file's media type.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Csv => "text/csv;charset=utf-8",
            Self::Json => "application/json",
        }
    }

    /// "chat-42-activity-2026-04-04.csv".
    pub fn file_name(self, chat: ChatId, day: NaiveDate) -> String {
        let extension = match self {
            Self::Csv => "csv",
            Self::Json => "json",
        };
        format!("chat-{chat}-activity-{day}.{extension}")
    }

    /// The file's contents.
    pub fn render(self, events: &[ActivityEvent]) -> Result<String, ExportError> {
        match self {
            Self::Csv => to_csv(events),
            Self::Json => {
                serde_json::to_string_pretty(events).map_err(|error| ExportError(error.to_string()))
            }
        }
    }
}

/// Why an export could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("The export could not be written: {0}")]
pub struct ExportError(String);

/// A cell a spreadsheet would run as a formula gets a leading `'`.
fn guarded(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The events as CSV: a header row, then one row per event.
///
/// ```
/// # use chat_activity::export::to_csv;
/// let csv = to_csv(&[]).unwrap();
/// assert_eq!(csv, "created_at,user_id,username,action,method,invite_code,avatar_url\r\n");
/// ```
pub fn to_csv(events: &[ActivityEvent]) -> Result<String, ExportError> {
    let failed = |error: csv::Error| ExportError(error.to_string());
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(CSV_COLUMNS).map_err(failed)?;
    for event in events {
        let user_id = event.user.id.to_string();
        let cells = [
            event.created_at.as_str(),
            &user_id,
            &event.user.username,
            event.action.as_str(),
            event.method.as_ref().map_or("", |method| method.as_str()),
            event.invite_code.as_deref().unwrap_or(""),
            event.user.avatar_url.as_deref().unwrap_or(""),
        ];
        writer
            .write_record(cells.map(guarded).iter().map(|cell| cell.as_ref()))
            .map_err(failed)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|error| ExportError(error.to_string()))?;
    String::from_utf8(bytes).map_err(|error| ExportError(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(username: &str, code: Option<&str>, avatar: Option<&str>) -> ActivityEvent {
        serde_json::from_value(serde_json::json!({
            "user": {"id": 9, "username": username, "avatar_url": avatar},
            "action": "join", "method": code.map(|_| "invite"), "invite_code": code,
            "created_at": "2026-04-04T09:15:00Z",
        }))
        .expect("valid event")
    }

    #[test]
    fn rows_follow_the_columns() {
        let csv =
            to_csv(&[event("alice", Some("Vy8nFKq2"), Some("https://cdn/a.png"))]).expect("writes");
        assert_eq!(
            csv,
            "created_at,user_id,username,action,method,invite_code,avatar_url\r\n\
             2026-04-04T09:15:00Z,9,alice,join,invite,Vy8nFKq2,https://cdn/a.png\r\n"
        );
    }

    #[test]
    fn quoting_follows_rfc_4180() {
        let csv = to_csv(&[event("a, \"b\"\nc", None, None)]).expect("writes");
        assert!(csv.contains("\"a, \"\"b\"\"\nc\""), "{csv}");
    }

    #[test]
    fn formulas_are_defused() {
        for name in ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)"] {
            let csv = to_csv(&[event(name, None, None)]).expect("writes");
            let row = csv.lines().nth(1).expect("a row");
            assert!(
                row.contains(&format!("'{}", name.chars().next().expect("a char"))),
                "{row}"
            );
        }
        let safe = to_csv(&[event("x=1", Some("=code"), None)]).expect("writes");
        assert!(
            safe.contains(",x=1,") && safe.contains(",'=code,"),
            "{safe}"
        );
    }

    #[test]
    fn json_is_the_api_events() {
        let events = vec![event("alice", None, None)];
        let json = ExportFormat::Json.render(&events).expect("writes");
        let back: Vec<ActivityEvent> = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, events);
    }

    #[test]
    fn file_names_name_the_chat_and_day() {
        let chat = ChatId::new(42).expect("valid");
        let day = NaiveDate::from_ymd_opt(2026, 4, 4).expect("valid");
        assert_eq!(
            ExportFormat::Csv.file_name(chat, day),
            "chat-42-activity-2026-04-04.csv"
        );
        assert_eq!(
            ExportFormat::Json.file_name(chat, day),
            "chat-42-activity-2026-04-04.json"
        );
    }
}
