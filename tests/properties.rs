//! Property tests of the pure logic: no input makes it panic, and its
//! answers stay in range. The test command runs proptest's default number
//! of cases; `scripts/properties.sh` runs over 1,000,000 in all.

#![cfg(not(target_arch = "wasm32"))]

use chat_activity::api::lone_surrogates::replace_lone_surrogates;
use chat_activity::api::{ActivityEvent, EventTime, FetchOutcome};
use chat_activity::avatar::{initial, safe_avatar_url};
use chat_activity::export::{to_csv, FORMULA_LEADS};
use chat_activity::join_bursts::find_join_bursts;
use chat_activity::page_url::{with_view, PageQuery};
use chat_activity::paging::{PageRequest, PageSize, ShownRange};
use chat_activity::time_text::relative_time;
use chat_activity::ChatId;
use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use proptest::prelude::*;

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        ".*".prop_map(serde_json::Value::from),
        Just(serde_json::Value::from("2026-04-04T12:30:00Z")),
        Just(serde_json::Value::from("join")),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("events".to_owned()),
                    Just("total".to_owned()),
                    Just("offset".to_owned()),
                    Just("limit".to_owned()),
                    Just("user".to_owned()),
                    Just("action".to_owned()),
                    Just("created_at".to_owned()),
                    ".{0,8}"
                ],
                inner,
                0..8
            )
            .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
        ]
    })
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    // Year 1 to 9999.
    (-62_135_596_800_i64..=253_402_300_799)
        .prop_map(|s| Utc.timestamp_opt(s, 0).single().unwrap_or_default())
}

fn event() -> impl Strategy<Value = ActivityEvent> {
    (
        any::<u64>(),
        // Any text, and text made of what CSV has to quote.
        prop_oneof![".{0,12}", "[a-z,\"\r\n\t =+@-]{0,12}"],
        prop_oneof![
            Just("join"),
            Just("leave"),
            Just("kick"),
            Just("ban"),
            Just("mute")
        ],
        prop_oneof![
            Just(None),
            Just(Some("invite")),
            Just(Some("vanity")),
            Just(Some("direct"))
        ],
        prop::option::of(prop_oneof![
            Just("a".to_owned()),
            Just("b".to_owned()),
            "[=+@-]?.{0,6}"
        ]),
        0_i64..100_000,
    )
        .prop_map(|(id, name, action, method, code, seconds)| {
            let at = Utc
                .timestamp_opt(1_775_000_000 - seconds, 0)
                .single()
                .unwrap_or_default();
            serde_json::from_value(serde_json::json!({
                "user": {"id": id, "username": name, "avatar_url": null},
                "action": action, "method": method, "invite_code": code,
                "created_at": at.to_rfc3339(),
            }))
            .unwrap_or_else(|error| panic!("a valid event: {error}"))
        })
}

proptest! {
    #[test]
    fn any_bytes_decode_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..512), status in 100_u16..600) {
        let body = String::from_utf8_lossy(&bytes);
        let _ = FetchOutcome::from_response(status, &body, None);
    }

    #[test]
    fn any_json_value_decodes_without_panic(value in json_value()) {
        let body = value.to_string();
        match FetchOutcome::from_response(200, &body, Some(&body)) {
            FetchOutcome::Page(page) => prop_assert!(page.events.iter().all(|e| !e.created_at.as_str().is_empty())),
            FetchOutcome::Failed(_) => {}
            other => prop_assert!(false, "a 200 is a page or a failure, not {other:?}"),
        }
    }

    #[test]
    fn any_utf16_in_json_decodes_as_a_lossy_utf16_decoder_reads_it(units in prop::collection::vec(prop_oneof![any::<u16>(), 0xD800_u16..0xE000], 0..24), plain in "[a-z\\\\\"]{0,4}") {
        let escaped: String = units.iter().map(|unit| format!("\\u{unit:04x}")).collect();
        let json = serde_json::to_string(&plain).unwrap_or_default();
        let json = format!("{}{escaped}\"", &json[..json.len() - 1]);
        let decoded: String = serde_json::from_str(&replace_lone_surrogates(&json)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(decoded, format!("{plain}{}", String::from_utf16_lossy(&units)));
    }

    #[test]
    fn paging_arithmetic_stays_in_range(total in any::<u64>(), offset in any::<u64>(), limit in any::<i64>(), new_limit in any::<i64>()) {
        let chat = ChatId::new(1).unwrap_or_else(|_| unreachable!());
        let size = PageSize::clamped(limit);
        prop_assert!((1..=100).contains(&size.get()));
        let request = PageRequest { offset, ..PageRequest::first(chat, size) };
        prop_assert!(request.page_number() >= 1);
        if let Some(next) = request.next(total) { prop_assert!(next.offset < total && next.offset > offset); }
        if let Some(previous) = request.previous() { prop_assert!(previous.offset < offset); }
        if let Some(last) = request.clamped_to(total) {
            prop_assert!(last.offset < total);
            prop_assert!(last.offset + u64::from(size.get()) >= total.min(last.offset + u64::from(size.get())));
        }
        let resized = request.with_limit(PageSize::clamped(new_limit));
        prop_assert!(resized.offset <= offset);
        prop_assert!(offset - resized.offset < u64::from(resized.limit.get()));
        if let Some(range) = ShownRange::new(offset, 25, total) {
            prop_assert!(range.first <= range.last && range.last <= range.total);
        }
    }

    #[test]
    fn any_page_url_reads_into_range(
        search in "(\\?chat_id=[0-9]{1,3})?(&(action|search|user|code)=.{0,8}|.{0,16}){0,4}",
        page in ".{0,12}",
        limit in ".{0,12}",
    ) {
        let query = PageQuery::parse(&format!("{search}&page={page}&limit={limit}"));
        prop_assert!(query.page >= 1);
        prop_assert!((1..=100).contains(&query.limit.get()));
        if let Ok(chat) = query.chat_id {
            prop_assert!((1..=(1_u64 << 53) - 1).contains(&chat.get()));
            let request = PageRequest::for_page(chat, query.page, query.limit);
            let written = with_view(&search, &request, &query.filter);
            let reread = PageQuery::parse(&written);
            prop_assert_eq!(reread.limit, query.limit);
            prop_assert_eq!(&reread.filter, &query.filter);
            prop_assert!(reread.shows(&request, &query.filter), "{}", written);
        }
    }

    #[test]
    fn any_text_is_a_chat_id_or_a_reason(text in ".{0,24}") {
        if let Ok(id) = text.parse::<ChatId>() {
            prop_assert!(text.bytes().all(|b| b.is_ascii_digit()));
            prop_assert!(id.get() >= 1);
        }
    }

    #[test]
    fn time_text_for_any_two_instants(then in instant(), now in instant()) {
        prop_assert!(!relative_time(then, now).is_empty());
    }

    #[test]
    fn times_with_any_offset_name_the_same_instant(at in instant(), offset_minutes in -1439_i32..=1439) {
        let zone = FixedOffset::east_opt(offset_minutes * 60).unwrap_or_else(|| unreachable!());
        let written = at.with_timezone(&zone).to_rfc3339();
        let parsed = EventTime::parse(&written);
        prop_assert_eq!(parsed.map(|t| t.instant()).ok(), Some(at));
        let leap = format!("{}:60Z", at.format("%Y-%m-%dT23:59"));
        let _ = EventTime::parse(&leap);
    }

    #[test]
    fn initials_and_avatar_urls_for_any_unicode(name in "\\PC{0,8}", url in ".{0,24}") {
        let letter = initial(&name);
        prop_assert!(!letter.is_empty());
        if let Some(kept) = safe_avatar_url(Some(&url)) {
            prop_assert!(kept.to_ascii_lowercase().starts_with("http:") || kept.to_ascii_lowercase().starts_with("https:"));
        }
    }

    #[test]
    fn join_bursts_on_any_page(mut events in prop::collection::vec(event(), 0..40)) {
        events.sort_by_key(|e| std::cmp::Reverse(e.created_at.instant()));
        for burst in find_join_bursts(&events) {
            prop_assert!(burst.events.len() >= 5);
            prop_assert!(burst.events.iter().all(|&i| i < events.len()));
            prop_assert!(burst.minutes >= 0);
        }
    }

    #[test]
    fn csv_export_round_trips_and_defuses_formulas(events in prop::collection::vec(event(), 0..12)) {
        let csv = to_csv(&events);
        let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().unwrap_or_else(|error| panic!("{error}"));
        prop_assert_eq!(rows.len(), events.len());
        let defused = |cell: &str| {
            if cell.starts_with(FORMULA_LEADS) { format!("'{cell}") } else { cell.to_owned() }
        };
        for (row, event) in rows.iter().zip(&events) {
            for cell in row.iter() {
                prop_assert!(!cell.starts_with(FORMULA_LEADS), "{cell:?}");
            }
            prop_assert_eq!(&row[2], defused(&event.user.username));
            prop_assert_eq!(&row[5], defused(event.invite_code.as_deref().unwrap_or("")));
            prop_assert_eq!(&row[6], defused(event.user.avatar_url.as_deref().unwrap_or("")));
        }
    }
}

#[test]
fn leap_seconds_and_odd_offsets_parse() {
    assert!(EventTime::parse("2016-12-31T23:59:60Z").is_ok());
    let east = EventTime::parse("2026-04-04T12:30:00+05:45").map(|t| t.instant());
    let utc = DateTime::parse_from_rfc3339("2026-04-04T06:45:00Z").map(|t| t.to_utc());
    assert_eq!(east.ok(), utc.ok());
    let now = Utc
        .timestamp_opt(1_775_000_000, 0)
        .single()
        .unwrap_or_default();
    assert_eq!(relative_time(now + Duration::days(1), now), "in 1 day");
}
