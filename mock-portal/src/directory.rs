//! Who is who: users and their ranks, chats and who may read their activity.

use serde::{Deserialize, Serialize};

/// A portal rank. The order matters: a higher rank outranks a lower one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Member,
    Moderator,
    Admin,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: u64,
    pub username: String,
    pub role: Role,
    pub avatar_url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    Public,
    Private,
    Official,
}

/// One event as the API sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub user: EventUser,
    pub action: String,
    pub method: Option<String>,
    pub invite_code: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventUser {
    pub id: u64,
    pub username: String,
    pub avatar_url: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Chat {
    pub id: u64,
    pub title: String,
    pub owner_id: u64,
    pub visibility: Visibility,
    /// Newest first, as the API returns them.
    pub events: Vec<Event>,
}

/// The rule of `activity.md`: the owner always; on public and official
/// chats anyone who outranks the owner; on private chats nobody else.
pub fn may_read(reader: &User, owner: &User, visibility: Visibility) -> bool {
    if reader.id == owner.id {
        return true;
    }
    match visibility {
        Visibility::Private => false,
        Visibility::Public | Visibility::Official => reader.role > owner.role,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(id: u64, role: Role) -> User {
        User {
            id,
            username: format!("u{id}"),
            role,
            avatar_url: None,
        }
    }

    #[test]
    fn the_owner_always_reads() {
        let owner = user(1, Role::Member);
        for visibility in [
            Visibility::Public,
            Visibility::Private,
            Visibility::Official,
        ] {
            assert!(may_read(&owner, &owner, visibility));
        }
    }

    #[test]
    fn on_public_and_official_chats_only_higher_ranks_read() {
        let member_owner = user(1, Role::Member);
        let moderator_owner = user(2, Role::Moderator);
        for visibility in [Visibility::Public, Visibility::Official] {
            assert!(may_read(
                &user(3, Role::Moderator),
                &member_owner,
                visibility
            ));
            assert!(may_read(&user(3, Role::Admin), &member_owner, visibility));
            assert!(!may_read(&user(3, Role::Member), &member_owner, visibility));
            assert!(!may_read(
                &user(3, Role::Moderator),
                &moderator_owner,
                visibility
            ));
            assert!(may_read(
                &user(3, Role::Admin),
                &moderator_owner,
                visibility
            ));
        }
    }

    #[test]
    fn on_private_chats_nobody_but_the_owner_reads() {
        let owner = user(1, Role::Member);
        for role in [Role::Member, Role::Moderator, Role::Admin] {
            assert!(!may_read(&user(2, role), &owner, Visibility::Private));
        }
    }
}
