//! Ministries as the back-office changes them: DINUM admins create and archive them, their
//! managers (and admins) write their settings.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QuerySelect, Set};

use super::NewTenant;
use crate::{
    accounts::{AdminScope, Scope},
    audit,
    entities::{memberships, offers, tenants},
    error::{AppError, AppResult, Problems, Reason},
    ids::TenantId,
};

fn subject(tenant: &tenants::Model) -> audit::Subject<'static> {
    audit::Subject {
        tenant_id: Some(tenant.id),
        entity_type: "tenant",
        entity_id: Some(tenant.id),
    }
}

/// Refuses what is wrong with `new`'s fields, and a theme that is not installed (`themes`:
/// the installed names), every problem at once.
fn check(new: &NewTenant, themes: &[&str]) -> AppResult<()> {
    let mut problems = Problems::default();
    if let Some(theme) = &new.theme
        && !themes.contains(&theme.as_str())
    {
        problems.add("theme", Reason::UnknownCode);
    }
    problems.check(new.check())?;
    problems.into_result()
}

/// The scope's ministry, for someone who may manage it.
pub async fn find(db: &impl ConnectionTrait, scope: &Scope) -> AppResult<tenants::Model> {
    scope.require_manager()?;
    tenants::Entity::find_by_id(scope.tenant().get())
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Creates a ministry (DINUM admins). Call it inside a transaction.
pub async fn create(
    db: &impl ConnectionTrait,
    scope: &AdminScope,
    new: NewTenant,
    trusted: bool,
    themes: &[&str],
    now: DateTime<Utc>,
) -> AppResult<tenants::Model> {
    check(&new, themes)?;
    let created = super::create(db, new, now).await?;
    let created = if trusted {
        let mut active: tenants::ActiveModel = created.into();
        active.trusted = Set(true);
        active.update(db).await?
    } else {
        created
    };
    let after = Some(&created);
    audit::record(
        db,
        scope.user(),
        "tenant.create",
        subject(&created),
        None,
        after,
        now,
    )
    .await?;
    Ok(created)
}

/// Rewrites the scope's ministry's settings. Its names, acronym and trust are DINUM admins' to
/// change: for a manager they stay as they are, whatever the form says. Call it inside a
/// transaction.
pub async fn update(
    db: &impl ConnectionTrait,
    scope: &Scope,
    new: &NewTenant,
    trusted: bool,
    themes: &[&str],
    now: DateTime<Utc>,
) -> AppResult<tenants::Model> {
    let before = find(db, scope).await?;
    let mut checked = new.clone();
    checked.slug = before.slug.clone();
    if !scope.by_admin() {
        checked.name = before.name.clone();
        checked.acronym = before.acronym.clone();
        checked.short_name = before.short_name.clone();
    }
    let mut problems = Problems::default();
    problems.check(check(&checked, themes))?;
    let logo = new.logo_media_id.map(crate::ids::MediaId::new);
    let logo = crate::media::check_owned(db, scope, logo, "logo_media_id");
    problems.check(logo.await)?;
    problems.into_result()?;
    let mut active = checked.written_fields();
    active.id = sea_orm::ActiveValue::Unchanged(before.id);
    active.name = Set(checked.name.trim().to_owned());
    active.acronym = Set(checked.acronym.trim().to_owned());
    active.short_name = Set(checked.short_name.trim().to_owned());
    active.trusted = Set(if scope.by_admin() {
        trusted
    } else {
        before.trusted
    });
    active.updated_at = Set(now);
    let after = active.update(db).await?;
    let (old, new) = (Some(&before), Some(&after));
    audit::record(
        db,
        scope.user(),
        "tenant.update",
        subject(&after),
        old,
        new,
        now,
    )
    .await?;
    Ok(after)
}

/// Archives ministry `id` (DINUM admins): it leaves the portal with its offers and stories, and
/// its members lose access to it. Call it inside a transaction.
pub async fn archive(
    db: &impl ConnectionTrait,
    scope: &AdminScope,
    id: TenantId,
    now: DateTime<Utc>,
) -> AppResult<tenants::Model> {
    let before = find(db, &scope.ministry(id)).await?;
    let mut active: tenants::ActiveModel = before.clone().into();
    active.archived_at = Set(Some(now));
    active.updated_at = Set(now);
    let after = active.update(db).await?;
    let (old, new) = (Some(&before), Some(&after));
    audit::record(
        db,
        scope.user(),
        "tenant.archive",
        subject(&after),
        old,
        new,
        now,
    )
    .await?;
    Ok(after)
}

/// A ministry with its member and offer counts, for the DINUM admins' list.
pub struct Overview {
    pub tenant: tenants::Model,
    pub members: i64,
    pub offers: i64,
}

/// Every ministry, archived ones included, with their counts (DINUM admins).
pub async fn overview(db: &impl ConnectionTrait, _scope: &AdminScope) -> AppResult<Vec<Overview>> {
    let members: HashMap<i32, i64> = memberships::Entity::find()
        .select_only()
        .column(memberships::Column::TenantId)
        .column_as(memberships::Column::UserId.count(), "count")
        .group_by(memberships::Column::TenantId)
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let offers: HashMap<i32, i64> = offers::Entity::find()
        .select_only()
        .column(offers::Column::TenantId)
        .column_as(offers::Column::Id.count(), "count")
        .group_by(offers::Column::TenantId)
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(super::list_all(db)
        .await?
        .into_iter()
        .map(|tenant| Overview {
            members: members.get(&tenant.id).copied().unwrap_or(0),
            offers: offers.get(&tenant.id).copied().unwrap_or(0),
            tenant,
        })
        .collect())
}
