//! Typed row ids: an offer's id is an [`OfferId`], a story's a [`StoryId`], and the compiler
//! refuses one where the other is expected. They read and write as plain integers (in URLs,
//! JSON and SQL).

use std::{fmt, hash::Hash, marker::PhantomData};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::entities::{
    applications, invitations, media, offers, stories, structures, talents, tenants, users,
};

/// The id of a row of table `E`.
pub struct Id<E> {
    value: i32,
    table: PhantomData<fn() -> E>,
}

pub type TenantId = Id<tenants::Entity>;
pub type OfferId = Id<offers::Entity>;
pub type StoryId = Id<stories::Entity>;
pub type UserId = Id<users::Entity>;
pub type MediaId = Id<media::Entity>;
pub type InvitationId = Id<invitations::Entity>;
pub type StructureId = Id<structures::Entity>;
pub type ApplicationId = Id<applications::Entity>;
pub type TalentId = Id<talents::Entity>;

impl<E> Id<E> {
    /// The id `value` of table `E`; whether the row exists, and who may reach it, is for the
    /// domain function it goes to.
    pub const fn new(value: i32) -> Self {
        Self {
            value,
            table: PhantomData,
        }
    }

    pub const fn get(self) -> i32 {
        self.value
    }
}

/// Gives each model of a table with typed ids a `key()`: its id, typed.
macro_rules! typed_key {
    ($($table:ident),*) => {
        $(
            impl $table::Model {
                /// Its id, typed.
                pub fn key(&self) -> Id<$table::Entity> {
                    Id::new(self.id)
                }
            }
        )*
    };
}

typed_key!(
    applications,
    invitations,
    media,
    offers,
    stories,
    structures,
    talents,
    tenants,
    users
);

impl<E> Clone for Id<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for Id<E> {}

impl<E> PartialEq for Id<E> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<E> Eq for Id<E> {}

impl<E> Hash for Id<E> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl<E> fmt::Debug for Id<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Id({})", self.value)
    }
}

impl<E> fmt::Display for Id<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<E> Serialize for Id<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

impl<'de, E> Deserialize<'de> for Id<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        i32::deserialize(deserializer).map(Self::new)
    }
}

impl<E> From<Id<E>> for sea_orm::Value {
    fn from(id: Id<E>) -> Self {
        id.value.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_and_write_as_integers() {
        let id: OfferId = serde_json::from_str("42").unwrap();
        assert_eq!(id, OfferId::new(42));
        assert_eq!(serde_json::to_string(&id).unwrap(), "42");
        assert_eq!(id.to_string(), "42");
        assert_eq!(sea_orm::Value::from(id), sea_orm::Value::from(42));
    }
}
