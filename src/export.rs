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

    /// "chat-42-activity-2026-04-04.csv" ("…-filtered.csv" for the matches
    /// of a filter).
    pub fn file_name(self, chat: ChatId, day: NaiveDate, filtered: bool) -> String {
        let extension = match self {
            Self::Csv => "csv",
            Self::Json => "json",
        };
        let filtered = if filtered { "-filtered" } else { "" };
        format!("chat-{chat}-activity-{day}{filtered}.{extension}")
    }

    /// The file's contents.
    pub fn render(self, events: &[ActivityEvent]) -> Result<String, ExportError> {
        match self {
            Self::Csv => Ok(to_csv(events)),
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

/// What a spreadsheet may read as the start of a formula: the contract's
/// four, and tab and carriage return, which OWASP lists too.
pub const FORMULA_LEADS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell a spreadsheet would run as a formula gets a leading `'`.
fn guarded(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_LEADS) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The events as CSV: a header row, then one row per event.
///
/// ```
/// # use chat_activity::export::to_csv;
/// let csv = to_csv(&[]);
/// assert_eq!(csv, "created_at,user_id,username,action,method,invite_code,avatar_url\r\n");
/// ```
pub fn to_csv(events: &[ActivityEvent]) -> String {
    let mut csv = String::new();
    push_record(&mut csv, CSV_COLUMNS);
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
        push_record(
            &mut csv,
            cells.map(guarded).iter().map(|cell| cell.as_ref()),
        );
    }
    csv
}

/// One RFC 4180 record: cells separated by commas, quoted (with quotes
/// doubled) when they hold a comma, a quote or a line break; CRLF at the end.
///
/// Written here rather than with `csv`/`csv-core`: their writers link the
/// whole float parser (for a quoting style this export never uses), about
/// 14 kB of the compressed wasm. The property tests read every export back
/// with the `csv` crate's reader.
fn push_record<'a>(csv: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    for (index, cell) in cells.into_iter().enumerate() {
        if index > 0 {
            csv.push(',');
        }
        if cell.contains([',', '"', '\r', '\n']) {
            csv.push('"');
            csv.push_str(&cell.replace('"', "\"\""));
            csv.push('"');
        } else {
            csv.push_str(cell);
        }
    }
    csv.push_str("\r\n");
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
        let csv = to_csv(&[event("alice", Some("Vy8nFKq2"), Some("https://cdn/a.png"))]);
        assert_eq!(
            csv,
            "created_at,user_id,username,action,method,invite_code,avatar_url\r\n\
             2026-04-04T09:15:00Z,9,alice,join,invite,Vy8nFKq2,https://cdn/a.png\r\n"
        );
    }

    #[test]
    fn quoting_follows_rfc_4180() {
        let csv = to_csv(&[event("a, \"b\"\nc", None, None)]);
        assert!(csv.contains("\"a, \"\"b\"\"\nc\""), "{csv}");
    }

    #[test]
    fn formulas_are_defused() {
        for name in ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1"] {
            let csv = to_csv(&[event(name, None, None)]);
            let row = csv.lines().nth(1).expect("a row");
            assert!(
                row.contains(&format!("'{}", name.chars().next().expect("a char"))),
                "{row}"
            );
        }
        let safe = to_csv(&[event("x=1", Some("=code"), None)]);
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
            ExportFormat::Csv.file_name(chat, day, false),
            "chat-42-activity-2026-04-04.csv"
        );
        assert_eq!(
            ExportFormat::Json.file_name(chat, day, false),
            "chat-42-activity-2026-04-04.json"
        );
        assert_eq!(
            ExportFormat::Csv.file_name(chat, day, true),
            "chat-42-activity-2026-04-04-filtered.csv"
        );
    }
}
