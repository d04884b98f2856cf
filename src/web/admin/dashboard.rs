//! The dashboard (what waits for me, my ministries) and the audit log.

use std::collections::HashMap;

use minijinja::context;
use poem::{Response, handler};
use serde::Serialize;

use super::Admin;
use crate::{accounts, audit, content, entities, error::AppResult};

/// How many entries the journal page shows.
const JOURNAL_SIZE: u64 = 200;

#[derive(Serialize)]
struct Membership {
    slug: String,
    name: String,
    role: &'static str,
}

/// The statuses the dashboard counts.
const COUNTED: [&str; 4] = ["draft", "pending_review", "changes_requested", "published"];

fn counted(rows: Vec<(String, i64)>) -> HashMap<&'static str, i64> {
    let by_status: HashMap<String, i64> = rows.into_iter().collect();
    COUNTED
        .iter()
        .map(|status| (*status, by_status.get(*status).copied().unwrap_or(0)))
        .collect()
}

/// The dashboard: what waits in the current ministry, and the ministries I work for.
#[handler]
pub async fn dashboard(admin: Admin<'_>) -> AppResult<Response> {
    let db = &admin.state.db;
    let counts = match admin.scope() {
        Ok(scope) => Some(context! {
            offers => counted(content::count_by_status::<entities::offers::Entity>(db, &scope).await?),
            stories => counted(content::count_by_status::<entities::stories::Entity>(db, &scope).await?),
        }),
        Err(_) => None,
    };
    let memberships: Vec<Membership> = admin
        .ministries
        .iter()
        .filter_map(|tenant| {
            let role = admin.actor.role_in(tenant.key())?;
            Some(Membership {
                slug: tenant.slug.clone(),
                name: tenant.name.clone(),
                role: role.as_str(),
            })
        })
        .collect();
    let data = context! {
        user_name => admin.actor.display_name(),
        email => admin.actor.user.email,
        is_admin => admin.actor.is_admin(),
        memberships => memberships,
        counts => counts,
    };
    let title = admin.t("admin-dashboard-title");
    admin.render("admin/dashboard.html", title, "dashboard", data)
}

#[derive(Serialize)]
struct JournalEntry {
    at: String,
    actor: Option<String>,
    action: String,
    entity: String,
    before: Option<String>,
    after: Option<String>,
}

/// At most 300 characters of a JSON state, for the table.
fn shorten(json: String) -> String {
    if json.chars().count() <= 300 {
        return json;
    }
    let mut short: String = json.chars().take(300).collect();
    short.push('…');
    short
}

/// The audit log, for DINUM admins: who changed what, when, with before and after.
#[handler]
pub async fn journal(admin: Admin<'_>) -> AppResult<Response> {
    let db = &admin.state.db;
    let entries = audit::recent(db, &admin.everywhere()?, JOURNAL_SIZE).await?;
    let users = accounts::users_by_id(db, entries.iter().filter_map(|e| e.actor_id)).await?;
    let entries: Vec<JournalEntry> = entries
        .into_iter()
        .map(|entry| JournalEntry {
            at: super::paris_time_to_the_second(entry.created_at),
            actor: entry
                .actor_id
                .and_then(|id| users.get(&id))
                .map(|user| user.email.clone()),
            action: {
                let key = crate::audit::action_key(&entry.action);
                match admin.state.i18n.has(admin.page.lang, &key) {
                    true => admin.t(&key),
                    false => entry.action,
                }
            },
            entity: match entry.entity_id {
                Some(id) => format!("{} #{id}", entry.entity_type),
                None => entry.entity_type,
            },
            before: entry.before.map(shorten),
            after: entry.after.map(shorten),
        })
        .collect();
    let title = admin.t("admin-journal-title");
    admin.render(
        "admin/journal.html",
        title,
        "journal",
        context! { entries => entries },
    )
}

#[derive(Serialize)]
struct EmailRow {
    created_at: String,
    recipient: String,
    subject: String,
    kind: String,
    attempts: i32,
    sent_at: Option<String>,
    next_attempt_at: String,
    last_error: Option<String>,
}

/// The email outbox, for DINUM admins: what left, what waits, and why it failed.
#[handler]
pub async fn emails(admin: Admin<'_>) -> AppResult<Response> {
    let (emails, failing) =
        crate::mail::recent(&admin.state.db, &admin.everywhere()?, JOURNAL_SIZE).await?;
    let when = super::paris_time_to_the_second;
    let rows: Vec<EmailRow> = emails
        .into_iter()
        .map(|email| EmailRow {
            created_at: when(email.created_at),
            sent_at: email.sent_at.map(when),
            next_attempt_at: when(email.next_attempt_at),
            recipient: email.recipient,
            subject: email.subject,
            kind: email.kind,
            attempts: email.attempts,
            last_error: email.last_error,
        })
        .collect();
    let title = admin.t("admin-emails-title");
    let data = context! { emails => rows, failing => failing };
    admin.render("admin/emails.html", title, "emails", data)
}
