//! `user create` and `user list`: back-office users from the command line.

use chrono::{DateTime, Utc};

use super::UserCommand;
use crate::{
    accounts::{self, AdminScope, NewUser, Role},
    audit,
    config::Config,
    db,
    error::{AppError, AppResult},
    tenants,
};

pub async fn run(config: &Config, command: UserCommand, now: DateTime<Utc>) -> AppResult<()> {
    let db = db::open(config).await?;
    match command {
        UserCommand::Create {
            email,
            admin,
            given_name,
            usual_name,
            tenant,
            role,
        } => {
            let txn = db::begin_write(&db).await?;
            let user = accounts::create_user(
                &txn,
                NewUser {
                    email,
                    given_name,
                    usual_name,
                    is_admin: admin,
                },
                now,
            )
            .await?;
            if let (Some(slug), Some(role)) = (tenant, role) {
                let role = Role::parse(&role)
                    .ok_or_else(|| AppError::argument("role", "manager or editor"))?;
                let tenant = tenants::find_active_by_slug(&txn, &slug)
                    .await?
                    .ok_or_else(|| AppError::argument("tenant", format!("no ministry {slug}")))?;
                let ministry = AdminScope::system().ministry(tenant.key());
                accounts::add_membership(&txn, &ministry, user.key(), role, now).await?;
            }
            let subject = audit::Subject {
                tenant_id: None,
                entity_type: "user",
                entity_id: Some(user.id),
            };
            audit::record(&txn, None, "user.create", subject, None, Some(&user), now).await?;
            txn.commit().await?;
            let kind = if user.is_admin { "DINUM admin" } else { "user" };
            println!("created {kind} {}", user.email);
        }
        UserCommand::List => {
            let tenants_by_id: std::collections::HashMap<i32, String> = tenants::list_all(&db)
                .await?
                .into_iter()
                .map(|t| (t.id, t.slug))
                .collect();
            let memberships = accounts::memberships_by_user(&db, &AdminScope::system()).await?;
            for user in accounts::list_users(&db).await? {
                let roles: Vec<String> = memberships
                    .get(&user.id)
                    .into_iter()
                    .flatten()
                    .map(|m| {
                        format!(
                            "{}:{}",
                            tenants_by_id.get(&m.tenant_id).map_or("?", |s| s.as_str()),
                            m.role
                        )
                    })
                    .collect();
                let admin = if user.is_admin { "admin" } else { "-" };
                println!("{}\t{admin}\t{}", user.email, roles.join(","));
            }
        }
    }
    Ok(())
}
