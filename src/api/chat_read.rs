//! Reading a whole chat several pages at a time, while new events arrive
//! at its head: which page to ask for next, and where each answer's events
//! belong. Pure: the browser side sends the requests and feeds the answers
//! in, in whatever order they come.
//!
//! Events only ever arrive at the head, and the API pages newest first by
//! offset, so an event's *age* (its place counted from the oldest event,
//! `total - 1 - offset`) never changes, however much the chat grows. Each
//! answer's events are put at their ages, using the `total` that answer
//! reports; an age an answer missed (the head grew between the request and
//! the answer) is asked for again. The chat is read from the newest event
//! down; then, once, the events that arrived meanwhile. Later arrivals are
//! the head check's to add.

use std::ops::Range;

use super::types::{ActivityEvent, ActivityPage};

/// Events per request: the API's largest page.
pub const PAGE: u64 = 100;

/// How many requests may be in flight at once (the portal API is shared).
pub const MAX_IN_FLIGHT: usize = 4;

/// A request to send, and the ages it is meant to bring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadRequest {
    /// The API offset.
    pub offset: u64,
    /// The API limit (1..=100).
    pub limit: u64,
    /// The ages asked for (`start..end`); empty for the first request,
    /// which learns the total.
    ages: (u64, u64),
    /// The total the request was planned with.
    planned_with: u64,
}

impl ReadRequest {
    /// The ages it asks for.
    pub fn ages(&self) -> Range<u64> {
        self.ages.0..self.ages.1
    }
}

/// The read of one chat.
#[derive(Debug, Clone, Default)]
pub struct ChatRead {
    /// The events by age, once the first answer told the total.
    by_age: Vec<Option<ActivityEvent>>,
    /// The total when the read began (the first answer's).
    started_with: Option<u64>,
    /// The largest total an answer reported.
    latest_total: u64,
    /// Ages up to which the read goes: the start's total, then, once those
    /// are read, the total by then.
    target: u64,
    /// Whether the target moved to the events that came meanwhile (once).
    caught_up: bool,
    /// The most events an answer showed to have arrived since its request
    /// was planned: requests reach that far above the ages they want, so
    /// that a head growing during a raid cannot keep pushing them off.
    margin: u64,
    /// Requests sent and not answered.
    in_flight: Vec<ReadRequest>,
}

impl ChatRead {
    /// A read not started.
    pub fn new() -> Self {
        Self::default()
    }

    /// The next request to send, if one may go now: at most
    /// [`MAX_IN_FLIGHT`] at once, the first alone (it learns the total).
    pub fn next_request(&mut self) -> Option<ReadRequest> {
        if self.in_flight.len() >= MAX_IN_FLIGHT {
            return None;
        }
        let request = match self.started_with {
            None if self.in_flight.is_empty() => ReadRequest {
                offset: 0,
                limit: PAGE,
                ages: (0, 0),
                planned_with: 0,
            },
            None => return None,
            Some(_) => {
                if !self.caught_up
                    && self.first_missing(self.target).is_none()
                    && self.in_flight.is_empty()
                {
                    // The start's events are in: now those that came meanwhile.
                    self.target = self.latest_total;
                    self.caught_up = true;
                }
                // The newest missing age that nobody asked for, and the run
                // of such ages below it, up to a page.
                let top = (0..self.target)
                    .rev()
                    .find(|&age| !self.is_read(age) && !self.is_asked(age))?;
                let offset = self.latest_total - 1 - top;
                let extra = self.margin.min(offset).min(PAGE / 2);
                let lowest = top.saturating_sub(PAGE - 1 - extra);
                let bottom = (lowest..top)
                    .rev()
                    .find(|&age| self.is_read(age) || self.is_asked(age))
                    .map_or(lowest, |taken| taken + 1);
                // A request down to the oldest event asks for a whole page
                // all the same (the API sends what there is).
                let limit = if bottom == 0 {
                    PAGE
                } else {
                    top + 1 - bottom + extra
                };
                ReadRequest {
                    offset: offset - extra,
                    limit,
                    ages: (bottom, top + 1),
                    planned_with: self.latest_total,
                }
            }
        };
        self.in_flight.push(request);
        Some(request)
    }

    fn first_missing(&self, below: u64) -> Option<u64> {
        (0..below).find(|&age| !self.is_read(age))
    }

    fn is_read(&self, age: u64) -> bool {
        self.by_age.get(age as usize).is_some_and(Option::is_some)
    }

    fn is_asked(&self, age: u64) -> bool {
        self.in_flight
            .iter()
            .any(|request| request.ages().contains(&age))
    }

    /// An answer to `request`: its events go to their ages.
    pub fn answer(&mut self, request: ReadRequest, page: ActivityPage) {
        self.settle(request);
        let total = page.total;
        if self.started_with.is_none() {
            self.started_with = Some(total);
            self.target = total;
        }
        if request.planned_with > 0 {
            self.margin = self.margin.max(total.saturating_sub(request.planned_with));
        }
        self.latest_total = self.latest_total.max(total);
        let length = usize::try_from(self.latest_total).unwrap_or(usize::MAX);
        if self.by_age.len() < length {
            self.by_age.resize(length, None);
        }
        for (index, event) in page.events.into_iter().enumerate() {
            let Some(age) = total.checked_sub(1 + request.offset + index as u64) else {
                continue;
            };
            if let Some(slot) = self.by_age.get_mut(age as usize) {
                slot.get_or_insert(event);
            }
        }
    }

    /// A request that failed or was given up: its ages may be asked again.
    pub fn settle(&mut self, request: ReadRequest) {
        if let Some(index) = self.in_flight.iter().position(|sent| *sent == request) {
            self.in_flight.swap_remove(index);
        }
    }

    /// Every request in flight was given up (the reader cancelled): what
    /// they asked for is asked again when the read goes on.
    pub fn abandon_in_flight(&mut self) {
        self.in_flight.clear();
    }

    /// The ages read so far without a gap around the start's newest event
    /// (what the matches so far are taken from; events that arrived
    /// meanwhile join at the top once read).
    pub fn readable(&self) -> Range<u64> {
        let Some(start) = self.started_with else {
            return 0..0;
        };
        let top = (start..self.by_age.len() as u64)
            .find(|&age| !self.is_read(age))
            .unwrap_or(self.by_age.len() as u64);
        let older = (0..start)
            .rev()
            .take_while(|&age| self.is_read(age))
            .count() as u64;
        start - older..top
    }

    /// The events of [`readable`](Self::readable), newest first.
    pub fn read_so_far(&self) -> Vec<&ActivityEvent> {
        self.readable()
            .rev()
            .filter_map(|age| self.event(age))
            .collect()
    }

    /// The event of this age, if read.
    pub fn event(&self, age: u64) -> Option<&ActivityEvent> {
        self.by_age.get(usize::try_from(age).ok()?)?.as_ref()
    }

    /// The newest events, read from offset 0 by the head check after (or
    /// during) the read: they join at their ages.
    pub fn add_head(&mut self, page: ActivityPage) {
        let request = ReadRequest {
            offset: page.offset,
            limit: page.events.len() as u64,
            ages: (0, 0),
            planned_with: 0,
        };
        let total = page.total;
        self.answer(request, page);
        if self.caught_up {
            self.target = self.target.max(total);
        }
    }

    /// How many events are read, of how many the read goes to.
    pub fn progress(&self) -> (u64, u64) {
        let read = (0..self.target).filter(|&age| self.is_read(age)).count() as u64;
        (read, self.target)
    }

    /// Whether the read is done: every event of the start, and those that
    /// came until they were read.
    pub fn is_complete(&self) -> bool {
        self.caught_up && self.in_flight.is_empty() && self.first_missing(self.target).is_none()
    }

    /// The requests in flight now.
    pub fn in_flight(&self) -> usize {
        self.in_flight.len()
    }

    /// Every event read, newest first, once the read is complete (a copy:
    /// the read goes on taking the head's new events).
    pub fn events(&self) -> Option<Vec<ActivityEvent>> {
        let target = usize::try_from(self.target).ok()?;
        self.is_complete().then(|| {
            self.by_age
                .iter()
                .take(target)
                .rev()
                .flatten()
                .cloned()
                .collect()
        })
    }

    /// Every event read, newest first, once the read is complete.
    pub fn into_events(self) -> Option<Vec<ActivityEvent>> {
        if !self.is_complete() {
            return None;
        }
        let target = self.target as usize;
        let mut events: Vec<ActivityEvent> =
            self.by_age.into_iter().take(target).flatten().collect();
        events.reverse();
        Some(events)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_cancelled_with_requests_in_flight_goes_on_where_it_stopped() {
        let chat = Chat { added: 1_000 };
        let mut read = ChatRead::new();
        let first = read.next_request().expect("the first request");
        read.answer(first, chat.page(first.offset, first.limit));
        let sent: Vec<_> = std::iter::from_fn(|| read.next_request()).collect();
        assert_eq!(sent.len(), MAX_IN_FLIGHT);
        // One answer came; then Cancel abandoned the rest.
        read.answer(sent[0], chat.page(sent[0].offset, sent[0].limit));
        read.abandon_in_flight();
        let (done, total) = read.progress();
        assert_eq!((done, total), (200, 1_000));

        let again: Vec<_> = std::iter::from_fn(|| read.next_request()).collect();
        assert_eq!(
            again[..3],
            sent[1..],
            "the abandoned pages asked again first"
        );
        assert_eq!(
            again[3].ages().end,
            sent[3].ages().start,
            "then the next page down"
        );
        let mut waiting = again;
        while let Some(request) = waiting.pop() {
            read.answer(request, chat.page(request.offset, request.limit));
            waiting.extend(std::iter::from_fn(|| read.next_request()));
        }
        assert!(read.is_complete());
        assert_eq!(read.events().map(|events| events.len()), Some(1_000));
    }

    /// A chat whose events are numbered by age, 1 the oldest.
    struct Chat {
        added: u64,
    }

    impl Chat {
        fn event(id: u64) -> ActivityEvent {
            serde_json::from_value(serde_json::json!({
                "user": {"id": id, "username": format!("u{id}")},
                "action": "join",
                "created_at": "2026-04-04T12:00:00Z",
            }))
            .expect("valid event")
        }

        fn page(&self, offset: u64, limit: u64) -> ActivityPage {
            let events = (offset..(offset + limit).min(self.added))
                .map(|index| Self::event(self.added - index))
                .collect();
            ActivityPage {
                events,
                total: self.added,
                offset,
                limit,
            }
        }
    }

    struct Outcome {
        ids: Vec<u64>,
        /// The chat's size when the start's last event was read.
        total_when_started_read: u64,
        most_in_flight: usize,
    }

    /// Runs a read, answering the requests in flight in the order `pick`
    /// chooses, the chat growing by `grow` before each answer.
    fn read(start: u64, mut pick: impl FnMut() -> usize, mut grow: impl FnMut() -> u64) -> Outcome {
        let mut chat = Chat { added: start };
        let mut read = ChatRead::new();
        let mut waiting: Vec<ReadRequest> = Vec::new();
        let mut most_in_flight = 0;
        let mut total_when_started_read = None;
        for _ in 0..100_000 {
            while let Some(request) = read.next_request() {
                waiting.push(request);
            }
            most_in_flight = most_in_flight.max(waiting.len());
            assert_eq!(read.in_flight(), waiting.len());
            if waiting.is_empty() {
                break;
            }
            chat.added += grow();
            let request = waiting.remove(pick() % waiting.len());
            read.answer(request, chat.page(request.offset, request.limit));
            if total_when_started_read.is_none()
                && read.started_with.is_some()
                && read.first_missing(start).is_none()
            {
                total_when_started_read = Some(read.latest_total);
            }
            // What is shown meanwhile is always a run of the chat, newest first.
            let so_far: Vec<u64> = read.read_so_far().iter().map(|e| e.user.id).collect();
            assert!(
                so_far.windows(2).all(|pair| pair[0] == pair[1] + 1),
                "{so_far:?}"
            );
        }
        assert!(read.is_complete(), "the read ends");
        let copy = read.events().expect("complete");
        let events = read.into_events().expect("complete");
        assert_eq!(copy, events, "the copy is what the read holds");
        Outcome {
            ids: events.iter().map(|event| event.user.id).collect(),
            total_when_started_read: total_when_started_read.unwrap_or(0),
            most_in_flight,
        }
    }

    /// The chat's events from the newest to the oldest, `newest` events in all.
    fn chat_of(newest: u64) -> Vec<u64> {
        (1..=newest).rev().collect()
    }

    #[test]
    fn a_quiet_chat_is_read_four_pages_at_a_time_each_event_once() {
        let outcome = read(1_234, || 0, || 0);
        assert_eq!(outcome.ids, chat_of(1_234));
        assert_eq!(outcome.most_in_flight, MAX_IN_FLIGHT);
    }

    #[test]
    fn the_first_request_goes_alone_and_the_next_ones_from_the_newest_down() {
        let chat = Chat { added: 1_000 };
        let mut read = ChatRead::new();
        let first = read.next_request().expect("first");
        assert_eq!((first.offset, first.limit), (0, 100));
        assert_eq!(read.next_request(), None);
        read.answer(first, chat.page(0, 100));
        let offsets: Vec<u64> = std::iter::from_fn(|| read.next_request())
            .map(|request| request.offset)
            .collect();
        assert_eq!(offsets, [100, 200, 300, 400]);
        assert_eq!(read.read_so_far().len(), 100);
    }

    #[test]
    fn an_empty_chat_and_a_chat_of_one_page() {
        assert_eq!(read(0, || 0, || 0).ids, Vec::<u64>::new());
        let outcome = read(42, || 0, || 0);
        assert_eq!(outcome.ids, chat_of(42));
        assert_eq!(outcome.most_in_flight, 1);
    }

    #[test]
    fn growth_during_the_read_neither_repeats_nor_skips() {
        let mut step = 0;
        let outcome = read(
            1_000,
            || 3,
            || {
                step += 1;
                if step % 2 == 0 {
                    3
                } else {
                    0
                }
            },
        );
        assert!(outcome.ids.len() as u64 >= outcome.total_when_started_read);
        assert_eq!(outcome.ids, chat_of(outcome.ids.len() as u64));
    }

    #[test]
    fn events_from_the_head_check_join_at_the_top_once() {
        let mut chat = Chat { added: 150 };
        let mut read = ChatRead::new();
        while let Some(request) = read.next_request() {
            read.answer(request, chat.page(request.offset, request.limit));
        }
        assert!(read.is_complete());
        chat.added += 3;
        read.add_head(chat.page(0, 5));
        assert!(read.is_complete());
        assert_eq!(read.readable(), 0..153);
        let ids: Vec<u64> = read.read_so_far().iter().map(|e| e.user.id).collect();
        assert_eq!(ids, chat_of(153));
    }

    #[test]
    fn a_failed_request_is_asked_again() {
        let chat = Chat { added: 250 };
        let mut read = ChatRead::new();
        let first = read.next_request().expect("first");
        read.answer(first, chat.page(first.offset, first.limit));
        let lost = read.next_request().expect("second");
        read.settle(lost);
        let again = read.next_request().expect("asked again");
        assert_eq!(again.ages(), lost.ages());
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Any order of answers and any growth between them (until
            /// the raid ends: a chat that grows faster than it can be read
            /// cannot be read whole): the result is the chat, newest
            /// first, each event once, at least up to its size when the
            /// start's events were read; never more than four requests in
            /// flight.
            #[test]
            fn the_result_is_the_chat(
                start in 0_u64..700,
                picks in proptest::collection::vec(0_usize..8, 1..64),
                growth in proptest::collection::vec(0_u64..30, 1..64),
            ) {
                let mut p = picks.iter().cycle();
                let mut g = growth.iter();
                let outcome = read(start, || *p.next().unwrap_or(&0), || *g.next().unwrap_or(&0));
                prop_assert_eq!(&outcome.ids, &chat_of(outcome.ids.len() as u64));
                prop_assert!(outcome.ids.len() as u64 >= outcome.total_when_started_read);
                prop_assert!(outcome.most_in_flight <= MAX_IN_FLIGHT);
            }
        }
    }
}
