//! What a caller may reach. Every domain function that reads or writes a ministry's rows takes
//! a [`Scope`] (one ministry: its rows, and no other's) or an [`AdminScope`] (every ministry).
//! Neither can be built from a bare id: a scope comes from an [`Actor`] whose roles allow it
//! ([`Actor::editor_in`], [`Actor::manager_in`], [`Actor::admin`]), or from
//! [`AdminScope::system`], which the command line, the demo and the scheduled jobs name
//! explicitly, or from a valid API token ([`Scope::of_token`], which
//! `integration::tokens::authenticate` alone calls).

use super::{Actor, Role};
use crate::{
    error::{AppError, AppResult},
    ids::{TenantId, UserId},
};

/// One ministry's rows, as one of its editors or managers (or a DINUM admin, or the system).
#[derive(Clone, Debug)]
pub struct Scope {
    tenant: TenantId,
    user: Option<UserId>,
    manager: bool,
    admin: bool,
}

impl Scope {
    /// The ministry whose rows this scope reaches.
    pub fn tenant(&self) -> TenantId {
        self.tenant
    }

    /// Who acts, for authors and the audit log; `None` for the system.
    pub fn user(&self) -> Option<UserId> {
        self.user
    }

    /// Whether it may also run the ministry's members and settings.
    pub fn may_manage(&self) -> bool {
        self.manager
    }

    /// Whether a DINUM admin (or the system) acts: some of a ministry's settings are theirs
    /// alone to change.
    pub fn by_admin(&self) -> bool {
        self.admin
    }

    /// The scope of a token found valid: its ministry, acting as an editor in the name of the
    /// manager who made it (the author of what it writes, told of moderation decisions).
    pub(crate) fn of_token(token: &crate::entities::api_tokens::Model) -> Self {
        Self {
            tenant: TenantId::new(token.tenant_id),
            user: token.created_by.map(UserId::new),
            manager: false,
            admin: false,
        }
    }

    /// Refuses an editor where a manager is needed.
    pub(crate) fn require_manager(&self) -> AppResult<()> {
        if self.manager {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// Every ministry's rows: a DINUM admin, or the system.
#[derive(Clone, Debug)]
pub struct AdminScope {
    user: Option<UserId>,
}

impl AdminScope {
    /// The application itself: the command line, the demo, the scheduled jobs, importers.
    pub fn system() -> Self {
        Self { user: None }
    }

    /// Who acts, for the audit log; `None` for the system.
    pub fn user(&self) -> Option<UserId> {
        self.user
    }

    /// Ministry `tenant`, with every right in it.
    pub fn ministry(&self, tenant: TenantId) -> Scope {
        Scope {
            tenant,
            user: self.user,
            manager: true,
            admin: true,
        }
    }
}

impl Actor {
    /// The scope of ministry `tenant`, if this user may write its offers, stories and images.
    pub fn editor_in(&self, tenant: TenantId) -> AppResult<Scope> {
        if !self.can_edit(tenant) {
            return Err(AppError::Forbidden);
        }
        Ok(Scope {
            tenant,
            user: Some(self.id()),
            manager: self.can_manage(tenant),
            admin: self.is_admin(),
        })
    }

    /// The scope of ministry `tenant`, if this user may also run its members and settings.
    pub fn manager_in(&self, tenant: TenantId) -> AppResult<Scope> {
        let scope = self.editor_in(tenant)?;
        scope.require_manager()?;
        Ok(scope)
    }

    /// Every ministry, if this user is a DINUM admin.
    pub fn admin(&self) -> AppResult<AdminScope> {
        if !self.is_admin() {
            return Err(AppError::Forbidden);
        }
        Ok(AdminScope {
            user: Some(self.id()),
        })
    }

    /// The role this user holds in ministry `tenant`, if a member.
    pub fn role_in(&self, tenant: TenantId) -> Option<Role> {
        self.roles.get(&tenant).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::actor::tests::actor;

    #[test]
    fn a_scope_follows_the_roles() {
        let (one, two) = (TenantId::new(1), TenantId::new(2));
        let editor = actor(false, &[(1, Role::Editor)]);
        let scope = editor.editor_in(one).unwrap();
        assert_eq!(scope.tenant(), one);
        assert!(!scope.may_manage());
        assert!(editor.editor_in(two).is_err());
        assert!(editor.manager_in(one).is_err());
        assert!(editor.admin().is_err());
        let manager = actor(false, &[(1, Role::Manager)]);
        assert!(manager.manager_in(one).unwrap().may_manage());
        let admin = actor(true, &[]);
        assert!(admin.manager_in(two).is_ok());
        let everywhere = admin.admin().unwrap();
        assert_eq!(everywhere.ministry(two).tenant(), two);
        assert_eq!(AdminScope::system().ministry(one).user(), None);
    }
}
