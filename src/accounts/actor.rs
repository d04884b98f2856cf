//! The acting user: who they are, and their role in each ministry. Every back-office rule reads
//! it from here.

use std::collections::HashMap;

use sea_orm::ConnectionTrait;

use super::{Role, memberships_of};
use crate::{
    entities::users,
    error::AppResult,
    ids::{TenantId, UserId},
};

#[derive(Clone, Debug)]
pub struct Actor {
    pub user: users::Model,
    /// Role by ministry.
    pub roles: HashMap<TenantId, Role>,
}

impl Actor {
    pub async fn load(db: &impl ConnectionTrait, user: users::Model) -> AppResult<Self> {
        let roles = memberships_of(db, user.key())
            .await?
            .into_iter()
            .filter_map(|m| Role::parse(&m.role).map(|role| (TenantId::new(m.tenant_id), role)))
            .collect();
        Ok(Self { user, roles })
    }

    /// Who this user is.
    pub fn id(&self) -> UserId {
        UserId::new(self.user.id)
    }

    /// A DINUM administrator: every ministry.
    pub fn is_admin(&self) -> bool {
        self.user.is_admin
    }

    /// May write offers and stories of this ministry.
    pub fn can_edit(&self, tenant: TenantId) -> bool {
        self.is_admin() || self.roles.contains_key(&tenant)
    }

    /// May manage this ministry's members and settings.
    pub fn can_manage(&self, tenant: TenantId) -> bool {
        self.is_admin() || self.roles.get(&tenant) == Some(&Role::Manager)
    }

    /// The name to greet the user with.
    pub fn display_name(&self) -> String {
        display_name(&self.user)
    }
}

/// A user's given and usual names, or their email when ProConnect has not told them yet.
pub fn display_name(user: &users::Model) -> String {
    let name = format!("{} {}", user.given_name, user.usual_name);
    let name = name.trim();
    if name.is_empty() {
        user.email.clone()
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(crate) fn actor(is_admin: bool, roles: &[(i32, Role)]) -> Actor {
        Actor {
            user: users::Model {
                id: 1,
                sub: None,
                email: "agent@numerique.gouv.fr".into(),
                given_name: String::new(),
                usual_name: String::new(),
                siret: None,
                is_admin,
                created_at: chrono::Utc::now(),
                last_login_at: None,
            },
            roles: roles
                .iter()
                .map(|&(tenant, role)| (TenantId::new(tenant), role))
                .collect(),
        }
    }

    #[test]
    fn roles_decide_what_an_actor_may_do() {
        let (one, two) = (TenantId::new(1), TenantId::new(2));
        let editor = actor(false, &[(1, Role::Editor)]);
        assert!(editor.can_edit(one) && !editor.can_manage(one) && !editor.can_edit(two));
        let manager = actor(false, &[(1, Role::Manager)]);
        assert!(manager.can_edit(one) && manager.can_manage(one) && !manager.can_manage(two));
        let admin = actor(true, &[]);
        assert!(admin.can_edit(two) && admin.can_manage(two));
        assert_eq!(admin.display_name(), "agent@numerique.gouv.fr");
    }
}
