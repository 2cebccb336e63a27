//! The mock portal's state: people, chats, sessions, faults, request log.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use chrono::{DateTime, Utc};

use crate::directory::{Chat, User};
use crate::faults::{FaultRule, LoggedRequest};
use crate::seed;

/// Shared by every handler of both origins.
#[derive(Clone)]
pub struct Portal {
    inner: Arc<Mutex<PortalState>>,
    pub settings: Arc<Settings>,
    /// Held while answering when answers go one at a time.
    pub answering: Arc<tokio::sync::Mutex<()>>,
}

/// What the command line set.
#[derive(Debug, Clone)]
pub struct Settings {
    /// This API's own origin, for avatar URLs.
    pub api_origin: String,
    /// Page origins allowed to read with credentials (CORS).
    pub page_origins: Vec<String>,
    /// Added to every activity answer.
    pub latency_ms: u64,
    /// Share of activity requests answered 503, 0.0 to 1.0.
    pub failure_rate: f64,
    /// Whether `/__control/*` is served.
    pub controls: bool,
    /// Whether avatars are sent with `Access-Control-Allow-Origin: *`. Off by
    /// default, as most image hosts (CDNs, storage buckets) send no CORS
    /// headers; a test control switches it at run time.
    pub avatar_cors: bool,
    /// The clock the seeded stories end at.
    pub seeded_at: DateTime<Utc>,
}

pub struct PortalState {
    pub users: Vec<User>,
    pub chats: BTreeMap<u64, Chat>,
    /// Session token → user id.
    pub sessions: HashMap<String, u64>,
    pub faults: Vec<FaultRule>,
    pub log: Vec<LoggedRequest>,
    /// Whether avatars carry CORS headers now (see [`Settings::avatar_cors`]).
    pub avatar_cors: bool,
    /// Milliseconds each activity answer takes now, each request on its
    /// own (a test control; `Settings::latency_ms` until set).
    pub latency_ms: u64,
    /// Whether activity answers go one at a time (a test control).
    pub one_at_a_time: bool,
    requests_seen: u64,
    started: Instant,
    rng: fastrand::Rng,
}

impl Portal {
    pub fn new(settings: Settings) -> Self {
        let (users, chats) = seed::seed(settings.seeded_at, &settings.api_origin);
        let state = PortalState {
            users,
            chats,
            sessions: HashMap::new(),
            faults: Vec::new(),
            log: Vec::new(),
            avatar_cors: settings.avatar_cors,
            latency_ms: settings.latency_ms,
            one_at_a_time: false,
            requests_seen: 0,
            started: Instant::now(),
            rng: fastrand::Rng::with_seed(1),
        };
        Self {
            inner: Arc::new(Mutex::new(state)),
            settings: Arc::new(settings),
            answering: Arc::new(tokio::sync::Mutex::new(())),
        }
    }

    /// The state, even if a handler panicked while holding it.
    pub fn lock(&self) -> MutexGuard<'_, PortalState> {
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Back to the seeded chats, with no faults, an empty log and the
    /// command line's avatar headers. Sessions stay.
    pub fn reset(&self) {
        let (users, chats) = seed::seed(self.settings.seeded_at, &self.settings.api_origin);
        let mut state = self.lock();
        state.users = users;
        state.chats = chats;
        state.faults.clear();
        state.log.clear();
        state.avatar_cors = self.settings.avatar_cors;
        state.latency_ms = self.settings.latency_ms;
        state.one_at_a_time = false;
    }
}

impl PortalState {
    pub fn user_by_name(&self, username: &str) -> Option<&User> {
        self.users.iter().find(|user| user.username == username)
    }

    pub fn user(&self, id: u64) -> Option<&User> {
        self.users.iter().find(|user| user.id == id)
    }

    /// A number for the next logged request, never used before.
    pub fn next_serial(&mut self) -> u64 {
        self.requests_seen += 1;
        self.requests_seen
    }

    pub fn session_user(&self, token: &str) -> Option<&User> {
        self.sessions.get(token).and_then(|id| self.user(*id))
    }

    /// Opens a session for a user and returns its token.
    pub fn open_session(&mut self, user_id: u64) -> String {
        let token: String = std::iter::repeat_with(|| self.rng.alphanumeric())
            .take(32)
            .collect();
        self.sessions.insert(token.clone(), user_id);
        token
    }

    pub fn millis_since_start(&self) -> u64 {
        self.started
            .elapsed()
            .as_millis()
            .try_into()
            .unwrap_or(u64::MAX)
    }

    /// Whether this request should fail at random (the demo's failure switch).
    pub fn roll_failure(&mut self, rate: f64) -> bool {
        rate > 0.0 && self.rng.f64() < rate
    }
}
