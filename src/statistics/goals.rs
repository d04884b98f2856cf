//! The yearly goals: national ones, which DINUM admins set (defaults: the site's founding
//! goals), and each ministry's own, which its managers set.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::Serialize;

use super::Series;
use crate::{
    accounts::{AdminScope, Scope},
    audit,
    entities::goals,
    error::{AppError, AppResult, Problems, Reason},
};

/// What a goal is about, under a stable code (`stats-goal-CODE` names it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    /// Applications moved to `hired`.
    Recruitments,
    /// Talent profiles confirmed (the pool is the whole site's).
    Talents,
    /// Applications made on the site.
    Applications,
}

/// The highest goal that may be set.
pub const MAX_TARGET: i64 = 1_000_000;

impl Indicator {
    pub fn code(self) -> &'static str {
        match self {
            Indicator::Recruitments => "recruitments",
            Indicator::Talents => "talents",
            Indicator::Applications => "applications",
        }
    }

    /// The indicators of the whole site, or of one ministry.
    pub fn for_level(national: bool) -> &'static [Indicator] {
        if national {
            &[
                Indicator::Recruitments,
                Indicator::Talents,
                Indicator::Applications,
            ]
        } else {
            &[Indicator::Recruitments, Indicator::Applications]
        }
    }

    /// The series whose total measures it.
    pub fn series(self) -> Series {
        match self {
            Indicator::Recruitments => Series::Hires,
            Indicator::Talents => Series::Talents,
            Indicator::Applications => Series::Applications,
        }
    }

    /// The national goal when none was set for the year: the site's founding goals (2022).
    fn national_default(self) -> Option<i64> {
        match self {
            Indicator::Recruitments => Some(40),
            Indicator::Talents => Some(300),
            Indicator::Applications => None,
        }
    }
}

/// The goals of `year` for a ministry, or for the whole site (`None`) with its defaults.
pub(super) async fn targets(
    db: &impl ConnectionTrait,
    year: i32,
    tenant: Option<i32>,
) -> AppResult<HashMap<Indicator, Option<i64>>> {
    let rows = goals::Entity::find()
        .filter(goals::Column::Year.eq(year))
        .filter(goals::Column::TenantId.eq(tenant.unwrap_or(0)))
        .all(db)
        .await?;
    Ok(Indicator::for_level(tenant.is_none())
        .iter()
        .map(|indicator| {
            let set = rows.iter().find(|row| row.indicator == indicator.code());
            let target = match set {
                Some(row) => Some(i64::from(row.target)),
                None if tenant.is_none() => indicator.national_default(),
                None => None,
            };
            (*indicator, target)
        })
        .collect())
}

/// Who sets goals: a DINUM admin the national ones, a manager their ministry's.
pub enum GoalSetter<'a> {
    Nation(&'a AdminScope),
    Ministry(&'a Scope),
}

/// Sets the goals of `year` typed in a form (`target_CODE`: a whole number, or empty for no
/// goal; a national goal left empty goes back to its default). Every field is checked before
/// anything is written; each change is audited. Call it in a transaction.
pub async fn set_goals(
    db: &impl ConnectionTrait,
    setter: &GoalSetter<'_>,
    year: i32,
    typed: &[(Indicator, String)],
    now: DateTime<Utc>,
) -> AppResult<()> {
    let (tenant, user) = match setter {
        GoalSetter::Nation(scope) => (None, scope.user()),
        GoalSetter::Ministry(scope) => {
            scope.require_manager()?;
            (Some(scope.tenant().get()), scope.user())
        }
    };
    let allowed = Indicator::for_level(tenant.is_none());
    let mut problems = Problems::default();
    let mut targets = Vec::new();
    for (indicator, text) in typed {
        let field = format!("target_{}", indicator.code());
        if !allowed.contains(indicator) {
            problems.add(field, Reason::UnknownCode);
            continue;
        }
        let text = text.trim().replace([' ', '\u{a0}', '\u{202f}'], "");
        match text.parse::<i64>() {
            _ if text.is_empty() => targets.push((*indicator, None)),
            Ok(target) if (0..=MAX_TARGET).contains(&target) => {
                targets.push((*indicator, Some(target)))
            }
            Ok(_) => problems.add(field, Reason::OutOfRange),
            Err(_) => problems.add(field, Reason::NotANumber),
        }
    }
    problems.into_result()?;
    let tenant_id = tenant.unwrap_or(0);
    for (indicator, target) in targets {
        let existing = goals::Entity::find()
            .filter(goals::Column::Year.eq(year))
            .filter(goals::Column::TenantId.eq(tenant_id))
            .filter(goals::Column::Indicator.eq(indicator.code()))
            .one(db)
            .await?;
        let before = existing.as_ref().map(|row| i64::from(row.target));
        if before == target {
            continue;
        }
        match (existing, target) {
            (Some(row), None) => {
                goals::Entity::delete_by_id(row.id).exec(db).await?;
            }
            (existing, Some(target)) => {
                let target = i32::try_from(target)
                    .map_err(|_| AppError::invalid("target", Reason::OutOfRange))?;
                let mut row = match existing {
                    Some(row) => goals::ActiveModel::from(row),
                    None => goals::ActiveModel {
                        year: Set(year),
                        indicator: Set(indicator.code().to_owned()),
                        tenant_id: Set(tenant_id),
                        ..Default::default()
                    },
                };
                row.target = Set(target);
                row.updated_by = Set(user.map(|user| user.get()));
                row.updated_at = Set(now);
                sea_orm::ActiveModelTrait::save(row, db).await?;
            }
            (None, None) => continue,
        }
        let subject = audit::Subject {
            tenant_id: tenant,
            entity_type: "goal",
            entity_id: None,
        };
        let change = |target: Option<i64>| serde_json::json!({ "year": year, "indicator": indicator.code(), "target": target });
        audit::record(
            db,
            user,
            "goal.set",
            subject,
            Some(&change(before)),
            Some(&change(target)),
            now,
        )
        .await?;
    }
    Ok(())
}
