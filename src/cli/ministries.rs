//! `tenant create` and `tenant list`: ministries from the command line.

use chrono::{DateTime, Utc};

use super::TenantCommand;
use crate::{
    audit,
    config::Config,
    db,
    error::AppResult,
    tenants::{self, NewTenant},
};

pub async fn run(config: &Config, command: TenantCommand, now: DateTime<Utc>) -> AppResult<()> {
    let db = db::open(config).await?;
    match command {
        TenantCommand::Create {
            name,
            acronym,
            short_name,
            slug,
            website,
        } => {
            let txn = db::begin_write(&db).await?;
            let tenant = tenants::create(
                &txn,
                NewTenant {
                    slug,
                    name,
                    acronym,
                    short_name,
                    website,
                    ..Default::default()
                },
                now,
            )
            .await?;
            let subject = audit::Subject {
                tenant_id: Some(tenant.id),
                entity_type: "tenant",
                entity_id: Some(tenant.id),
            };
            audit::record(
                &txn,
                None,
                "tenant.create",
                subject,
                None,
                Some(&tenant),
                now,
            )
            .await?;
            txn.commit().await?;
            println!("created ministry {} ({})", tenant.slug, tenant.name);
        }
        TenantCommand::List => {
            for tenant in tenants::list_all(&db).await? {
                let archived = if tenant.archived_at.is_some() {
                    " (archived)"
                } else {
                    ""
                };
                println!(
                    "{}\t{}\t{}{archived}",
                    tenant.slug, tenant.acronym, tenant.name
                );
            }
        }
    }
    Ok(())
}
