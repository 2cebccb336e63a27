//! Seeded, realistic data: the demo's people and chats. Deterministic for a
//! given clock, so a restart shows the same story.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, SecondsFormat, Utc};

use crate::directory::{Chat, Event, EventUser, Role, User, Visibility};

/// The people a demo signs in as, by username.
pub const OWNER: &str = "maria";
pub const MODERATOR: &str = "tom";
pub const ADMIN: &str = "sasha";
pub const MEMBER: &str = "lena";
pub const OFFICIAL_OWNER: &str = "ines";

pub const PUBLIC_CHAT: u64 = 1;
pub const PRIVATE_CHAT: u64 = 2;
pub const OFFICIAL_CHAT: u64 = 3;
pub const EMPTY_CHAT: u64 = 4;
pub const LARGE_CHAT: u64 = 5;
pub const RAID_CHAT: u64 = 6;
/// The invite code the raid on [`RAID_CHAT`] came through.
pub const RAID_CODE: &str = "Xr4id99z";
/// The member of [`RAID_CHAT`] who renamed: one id, two names.
pub const RENAMED_USER: u64 = 2000;

const FIRST_NAMES: &[&str] = &[
    "alice",
    "bob",
    "chen",
    "dmitri",
    "elif",
    "farah",
    "gustavo",
    "hana",
    "ivan",
    "jules",
    "kofi",
    "lucia",
    "mateo",
    "nadia",
    "oskar",
    "priya",
    "quentin",
    "rosa",
    "sven",
    "tariq",
    "uma",
    "viktor",
    "wen",
    "ximena",
    "yusuf",
    "zoë",
    "åsa",
    "José",
    "Ольга",
    "李小龍",
    "محمد",
    "Σοφία",
    "renée",
    "niamh",
];
const SUFFIXES: &[&str] = &[
    "",
    "_dev",
    "42",
    "-rs",
    ".codes",
    "_the_great",
    "x",
    "_",
    "2026",
];

/// Users and chats, as of `now`. Avatars live under `api_origin/avatars/`.
pub fn seed(now: DateTime<Utc>, api_origin: &str) -> (Vec<User>, BTreeMap<u64, Chat>) {
    let mut users = vec![
        staff(1, OWNER, Role::Member, api_origin),
        staff(2, MODERATOR, Role::Moderator, api_origin),
        staff(3, ADMIN, Role::Admin, api_origin),
        staff(4, MEMBER, Role::Member, api_origin),
        staff(5, OFFICIAL_OWNER, Role::Moderator, api_origin),
    ];
    let mut rng = fastrand::Rng::with_seed(7331);
    for id in 100..340 {
        let first = FIRST_NAMES[rng.usize(..FIRST_NAMES.len())];
        let suffix = SUFFIXES[rng.usize(..SUFFIXES.len())];
        let username = match id {
            100 => {
                "an_exceptionally_long_username_that_keeps_going_and_going_past_any_sensible_width"
                    .to_owned()
            }
            101 => String::new(),
            _ => format!("{first}{suffix}"),
        };
        // Names are unique in the portal, as handles are.
        let username = if users.iter().any(|user: &User| user.username == username) {
            format!("{username}{id}")
        } else {
            username
        };
        let avatar_url = match rng.u8(0..100) {
            0..=59 => Some(format!("{api_origin}/avatars/{id}.svg")),
            60..=89 => None,
            // A picture that no longer exists: the component falls back.
            _ => Some(format!("{api_origin}/avatars/deleted/{id}.png")),
        };
        users.push(User {
            id,
            username,
            role: Role::Member,
            avatar_url,
        });
    }
    let crowd: Vec<User> = users.iter().filter(|u| u.id >= 100).cloned().collect();

    let mut chats = BTreeMap::new();
    let mut add = |id, title: &str, owner_id, visibility, events| {
        chats.insert(
            id,
            Chat {
                id,
                title: title.to_owned(),
                owner_id,
                visibility,
                events,
            },
        );
    };
    let story = |seed, count, days, vanity: &str, invites: &[&str]| {
        Story {
            rng: fastrand::Rng::with_seed(seed),
            now,
            days,
            vanity,
            invites,
        }
        .events(&crowd, count)
    };
    let mut public = story(
        1,
        640,
        42,
        "rust-beginners",
        &["Vy8nFKq2", "spring-meetup", "h7TzQ1pd"],
    );
    add_raid(&mut public, &crowd, now - Duration::days(3), "Xr4id99z");
    add(PUBLIC_CHAT, "Rust Beginners", 1, Visibility::Public, public);
    add(
        PRIVATE_CHAT,
        "Design Guild",
        1,
        Visibility::Private,
        story(2, 80, 30, "design-guild", &["dg-2026"]),
    );
    add(
        OFFICIAL_CHAT,
        "7331 Announcements",
        5,
        Visibility::Official,
        story(3, 300, 60, "announcements", &["welcome"]),
    );
    add(
        EMPTY_CHAT,
        "Quiet Corner",
        1,
        Visibility::Public,
        Vec::new(),
    );
    add(
        LARGE_CHAT,
        "Load Test Lobby",
        1,
        Visibility::Public,
        story(5, 10_000, 365, "lobby", &["lobby-1", "lobby-2"]),
    );
    let mut raided = story(6, 400, 20, "night-owls", &["owls-2026"]);
    add_big_raid(&mut raided, &crowd, now);
    add(
        RAID_CHAT,
        "Night Owls (raided)",
        1,
        Visibility::Public,
        raided,
    );
    (users, chats)
}

fn staff(id: u64, username: &str, role: Role, api_origin: &str) -> User {
    User {
        id,
        username: username.to_owned(),
        role,
        avatar_url: Some(format!("{api_origin}/avatars/{id}.svg")),
    }
}

pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn event(
    user: &User,
    action: &str,
    method: Option<&str>,
    code: Option<&str>,
    at: DateTime<Utc>,
) -> Event {
    Event {
        user: EventUser {
            id: user.id,
            username: user.username.clone(),
            avatar_url: user.avatar_url.clone(),
        },
        action: action.to_owned(),
        method: method.map(str::to_owned),
        invite_code: code.map(str::to_owned),
        created_at: timestamp(at),
    }
}

/// A chat's history: members come (directly, by the vanity link, or with an
/// invite), some leave, a few are kicked or banned.
struct Story<'a> {
    rng: fastrand::Rng,
    now: DateTime<Utc>,
    days: i64,
    vanity: &'a str,
    invites: &'a [&'a str],
}

impl Story<'_> {
    fn events(mut self, crowd: &[User], count: usize) -> Vec<Event> {
        let span = Duration::days(self.days).num_seconds();
        let step = span / count.max(1) as i64;
        let mut gaps_since_start = 0;
        let seconds: Vec<i64> = (0..count)
            .map(|_| {
                gaps_since_start += self.rng.i64(step / 5..=step * 9 / 5).max(1);
                gaps_since_start
            })
            .collect();
        // The newest event a few minutes ago, so that the demo has a "today".
        let newest_at = self.now - Duration::minutes(4);
        let last = seconds.last().copied().unwrap_or(0);
        let mut inside: BTreeSet<usize> = BTreeSet::new();
        let mut events = Vec::with_capacity(count);
        for second in seconds {
            let at = newest_at - Duration::seconds(last - second);
            let joining =
                inside.len() < 3 || (inside.len() < crowd.len() && self.rng.u8(0..100) < 62);
            if joining {
                let outside: Vec<usize> =
                    (0..crowd.len()).filter(|i| !inside.contains(i)).collect();
                let who = outside[self.rng.usize(..outside.len())];
                inside.insert(who);
                let (method, code) = match self.rng.u8(0..100) {
                    0..=39 => (Some("direct"), None),
                    40..=64 => (Some("vanity"), Some(self.vanity)),
                    _ => (
                        Some("invite"),
                        Some(self.invites[self.rng.usize(..self.invites.len())]),
                    ),
                };
                events.push(event(&crowd[who], "join", method, code, at));
            } else {
                let members: Vec<usize> = inside.iter().copied().collect();
                let who = members[self.rng.usize(..members.len())];
                inside.remove(&who);
                let action = match self.rng.u8(0..100) {
                    0..=79 => "leave",
                    80..=93 => "kick",
                    _ => "ban",
                };
                events.push(event(&crowd[who], action, None, None, at));
            }
        }
        events.reverse();
        events
    }
}

/// A raid: a burst of joins with one invite code within minutes, then the
/// moderators' bans. Inserted where it belongs in time.
fn add_raid(events: &mut Vec<Event>, crowd: &[User], at: DateTime<Utc>, code: &str) {
    let raiders = &crowd[crowd.len() - 9..];
    let mut raid: Vec<Event> = raiders
        .iter()
        .enumerate()
        .map(|(i, user)| {
            event(
                user,
                "join",
                Some("invite"),
                Some(code),
                at + Duration::seconds(40 * i as i64),
            )
        })
        .collect();
    raid.extend(raiders.iter().enumerate().map(|(i, user)| {
        event(
            user,
            "ban",
            None,
            None,
            at + Duration::minutes(12) + Duration::seconds(15 * i as i64),
        )
    }));
    events.extend(raid);
    // Newest first; RFC 3339 in UTC with whole seconds sorts as text.
    events.sort_by(|a, b| b.created_at.cmp(&a.created_at));
}

/// The raid a moderator's worst hour looks like: 360 accounts join through
/// one invite code within six minutes, ending a few minutes ago, while the
/// moderators kick and ban them; a regular renamed meanwhile.
fn add_big_raid(events: &mut Vec<Event>, crowd: &[User], now: DateTime<Utc>) {
    let start = now - Duration::minutes(12);
    let raider = |i: usize| User {
        id: 1_000 + i as u64,
        username: format!("{}{}", ["n1ght", "owl_h4x", "r41d", "zzz_"][i % 4], 100 + i),
        role: Role::Member,
        avatar_url: None,
    };
    let mut raid = Vec::new();
    for i in 0..360 {
        let user = raider(i);
        raid.push(event(
            &user,
            "join",
            Some("invite"),
            Some(RAID_CODE),
            start + Duration::seconds(i as i64),
        ));
        // From the second minute, the moderators ban (most) and kick (some).
        if i >= 60 && i % 3 == 0 {
            let action = if i % 30 == 0 { "kick" } else { "ban" };
            raid.push(event(
                &raider(i - 60),
                action,
                None,
                None,
                start + Duration::seconds(i as i64 + 1),
            ));
        }
    }
    let vera = |name: &str| User {
        id: RENAMED_USER,
        username: name.to_owned(),
        role: Role::Member,
        avatar_url: crowd.first().and_then(|user| user.avatar_url.clone()),
    };
    raid.push(event(
        &vera("vera"),
        "join",
        None,
        None,
        now - Duration::days(10),
    ));
    raid.push(event(
        &vera("vera"),
        "leave",
        None,
        None,
        now - Duration::days(4),
    ));
    raid.push(event(
        &vera("vera_at_night"),
        "join",
        Some("invite"),
        Some("owls-2026"),
        now - Duration::days(2),
    ));
    raid.push(event(
        &vera("vera_at_night"),
        "kick",
        None,
        None,
        now - Duration::minutes(3),
    ));
    events.extend(raid);
    events.sort_by(|a, b| b.created_at.cmp(&a.created_at));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeded() -> (Vec<User>, BTreeMap<u64, Chat>) {
        let now = DateTime::parse_from_rfc3339("2026-11-25T12:00:00Z")
            .expect("valid")
            .to_utc();
        seed(now, "http://localhost:8081")
    }

    #[test]
    fn the_chats_the_demo_promises_exist() {
        let (_, chats) = seeded();
        assert!(chats[&PUBLIC_CHAT].events.len() >= 600);
        assert_eq!(chats[&PRIVATE_CHAT].visibility, Visibility::Private);
        assert_eq!(chats[&OFFICIAL_CHAT].visibility, Visibility::Official);
        assert!(chats[&EMPTY_CHAT].events.is_empty());
        assert_eq!(chats[&LARGE_CHAT].events.len(), 10_000);
    }

    #[test]
    fn events_are_newest_first_and_in_the_past() {
        let (_, chats) = seeded();
        for chat in chats.values() {
            let times: Vec<&str> = chat.events.iter().map(|e| e.created_at.as_str()).collect();
            assert!(
                times.windows(2).all(|pair| pair[0] >= pair[1]),
                "chat {}",
                chat.id
            );
            assert!(times.iter().all(|t| *t < "2026-11-25T12:00:00Z"));
        }
    }

    #[test]
    fn every_join_method_and_action_occurs() {
        let (_, chats) = seeded();
        let events = &chats[&PUBLIC_CHAT].events;
        for method in ["direct", "vanity", "invite"] {
            assert!(
                events.iter().any(|e| e.method.as_deref() == Some(method)),
                "{method}"
            );
        }
        for action in ["join", "leave", "kick", "ban"] {
            assert!(events.iter().any(|e| e.action == action), "{action}");
        }
        assert!(events.iter().any(|e| e.user.avatar_url.is_none()));
        assert!(
            events
                .iter()
                .filter(|e| e.invite_code.as_deref() == Some("Xr4id99z"))
                .count()
                >= 5
        );
    }

    #[test]
    fn the_raided_chat_has_a_raid_that_matters_and_a_renamed_member() {
        let (_, chats) = seeded();
        let events = &chats[&RAID_CHAT].events;
        let raid: Vec<&Event> = events
            .iter()
            .filter(|e| e.action == "join" && e.invite_code.as_deref() == Some(RAID_CODE))
            .collect();
        assert!(raid.len() >= 300, "{} joins", raid.len());
        let (first, last) = (&raid[raid.len() - 1].created_at, &raid[0].created_at);
        let minutes = (DateTime::parse_from_rfc3339(last).unwrap()
            - DateTime::parse_from_rfc3339(first).unwrap())
        .num_minutes();
        assert!(minutes <= 6, "within {minutes} minutes");
        assert!(events
            .iter()
            .any(|e| e.action == "ban" && e.user.id >= 1_000));
        assert!(events
            .iter()
            .any(|e| e.action == "kick" && e.user.id >= 1_000));
        let mut names: Vec<&str> = events
            .iter()
            .filter(|e| e.user.id == RENAMED_USER)
            .map(|e| e.user.username.as_str())
            .collect();
        names.dedup();
        assert_eq!(names, ["vera_at_night", "vera"]);
    }

    #[test]
    fn seeding_is_deterministic() {
        let (_, first) = seeded();
        let (_, second) = seeded();
        assert_eq!(first[&PUBLIC_CHAT].events, second[&PUBLIC_CHAT].events);
    }
}
