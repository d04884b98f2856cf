//! `token create`, `token list` and `token revoke`: a ministry's API tokens from the command
//! line (its managers have the same in the back-office, `/admin/jetons`).

use chrono::{DateTime, Utc};

use super::TokenCommand;
use crate::{
    accounts::{AdminScope, Scope},
    config::Config,
    db,
    error::{AppError, AppResult},
    integration::tokens::{self, Grant, NewToken},
    tenants,
};

/// The scope of the active ministry `slug`, as the system.
async fn ministry(db: &impl sea_orm::ConnectionTrait, slug: &str) -> AppResult<Scope> {
    let tenant = tenants::find_active_by_slug(db, slug)
        .await?
        .ok_or_else(|| AppError::argument("tenant", format!("no ministry {slug}")))?;
    Ok(AdminScope::system().ministry(tenant.key()))
}

pub async fn run(config: &Config, command: TokenCommand, now: DateTime<Utc>) -> AppResult<()> {
    let db = db::open(config).await?;
    match command {
        TokenCommand::Create {
            tenant,
            name,
            scopes,
            days,
        } => {
            let grants = if scopes.is_empty() {
                vec![Grant::OffersWrite]
            } else {
                scopes
                    .iter()
                    .map(|code| {
                        Grant::parse(code).ok_or_else(|| {
                            AppError::argument(
                                "scope",
                                format!(
                                    "'{code}' is not offers:write, applications:read or applications:write"
                                ),
                            )
                        })
                    })
                    .collect::<AppResult<Vec<_>>>()?
            };
            let txn = db::begin_write(&db).await?;
            let scope = ministry(&txn, &tenant).await?;
            let new = NewToken {
                name,
                grants,
                valid_days: days,
            };
            let (token, secret) = tokens::create(&txn, &scope, new, now).await?;
            txn.commit().await?;
            eprintln!(
                "token {} ({}) of {tenant}: {}, until {}; keep it now, it is not shown again",
                token.id,
                token.name,
                token.scopes,
                token.expires_at.format("%Y-%m-%d")
            );
            println!("{secret}");
        }
        TokenCommand::List { tenant } => {
            let scope = ministry(&db, &tenant).await?;
            for token in tokens::list(&db, &scope).await? {
                let state = tokens::state(&token, now);
                let used = token.last_used_at.map_or_else(
                    || "never used".to_owned(),
                    |at| format!("used {}", at.format("%Y-%m-%d %H:%M")),
                );
                println!(
                    "{}\t{}…\t{}\t{}\t{state}\tuntil {}\t{used}",
                    token.id,
                    token.prefix,
                    token.name,
                    token.scopes,
                    token.expires_at.format("%Y-%m-%d")
                );
            }
        }
        TokenCommand::Revoke { tenant, id } => {
            let txn = db::begin_write(&db).await?;
            let scope = ministry(&txn, &tenant).await?;
            let token = tokens::revoke(&txn, &scope, id, now).await?;
            txn.commit().await?;
            println!("revoked token {} ({})", token.id, token.name);
        }
    }
    Ok(())
}
