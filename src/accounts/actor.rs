//! The acting user: who they are, and their role in each ministry. Every back-office rule reads
//! it from here.

use std::collections::HashMap;

use sea_orm::ConnectionTrait;

use super::{Role, memberships_of};
use crate::{
    entities::users,
    error::{AppError, AppResult},
};

#[derive(Clone, Debug)]
pub struct Actor {
    pub user: users::Model,
    /// Role by ministry id.
    pub roles: HashMap<i32, Role>,
}

impl Actor {
    pub async fn load(db: &impl ConnectionTrait, user: users::Model) -> AppResult<Self> {
        let roles = memberships_of(db, user.id)
            .await?
            .into_iter()
            .filter_map(|m| Role::parse(&m.role).map(|role| (m.tenant_id, role)))
            .collect();
        Ok(Self { user, roles })
    }

    /// A DINUM administrator: every ministry.
    pub fn is_admin(&self) -> bool {
        self.user.is_admin
    }

    /// May write offers and stories of this ministry.
    pub fn can_edit(&self, tenant_id: i32) -> bool {
        self.is_admin() || self.roles.contains_key(&tenant_id)
    }

    /// May manage this ministry's members and settings.
    pub fn can_manage(&self, tenant_id: i32) -> bool {
        self.is_admin() || self.roles.get(&tenant_id) == Some(&Role::Manager)
    }

    /// Refuses an actor who may not write in ministry `tenant_id`.
    pub fn require_editor(&self, tenant_id: i32) -> AppResult<()> {
        allowed(self.can_edit(tenant_id))
    }

    /// Refuses an actor who may not manage ministry `tenant_id`.
    pub fn require_manager(&self, tenant_id: i32) -> AppResult<()> {
        allowed(self.can_manage(tenant_id))
    }

    /// Refuses anyone but a DINUM admin.
    pub fn require_admin(&self) -> AppResult<()> {
        allowed(self.is_admin())
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

fn allowed(allowed: bool) -> AppResult<()> {
    if allowed {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(is_admin: bool, roles: &[(i32, Role)]) -> Actor {
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
            roles: roles.iter().copied().collect(),
        }
    }

    #[test]
    fn roles_decide_what_an_actor_may_do() {
        let editor = actor(false, &[(1, Role::Editor)]);
        assert!(editor.can_edit(1) && !editor.can_manage(1) && !editor.can_edit(2));
        let manager = actor(false, &[(1, Role::Manager)]);
        assert!(manager.can_edit(1) && manager.can_manage(1) && !manager.can_manage(2));
        let admin = actor(true, &[]);
        assert!(admin.can_edit(7) && admin.can_manage(7));
        assert_eq!(admin.display_name(), "agent@numerique.gouv.fr");
    }
}
