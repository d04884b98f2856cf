//! The back-office under `/admin`. Every handler starts from the acting user; anonymous
//! requests go to the login page, and what a role may not see answers 403.

use minijinja::context;
use poem::{
    Request, Response, handler,
    http::{StatusCode, header},
    web::Data,
};
use serde::Serialize;

use super::{
    auth,
    portal::{PageContext, View},
};
use crate::{
    accounts::{self, Actor},
    app::SharedState,
    audit,
    entities::sessions,
    error::{AppError, AppResult},
    tenants,
};

/// How many entries the journal page shows.
const JOURNAL_SIZE: u64 = 200;

/// The logged-in user, or the answer that sends an anonymous visitor to the login page.
async fn signed_in(
    state: &SharedState,
    request: &Request,
) -> AppResult<Result<(Actor, sessions::Model), Response>> {
    Ok(auth::current(state, request).await?.ok_or_else(|| {
        Response::builder()
            .status(StatusCode::SEE_OTHER)
            .header(header::LOCATION, "/connexion")
            .finish()
    }))
}

/// Renders a back-office page: never cached, by the browser or by anyone else.
pub(super) fn render_private(page: &PageContext, view: View) -> AppResult<Response> {
    let mut response = page.render(view)?;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        "no-store".parse().expect("static header"),
    );
    Ok(response)
}

#[derive(Serialize)]
struct Membership {
    slug: String,
    name: String,
    role: &'static str,
}

/// The dashboard: who I am and the ministries I work for.
#[handler]
pub async fn dashboard(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    let (actor, session) = match signed_in(state, request).await? {
        Ok(signed_in) => signed_in,
        Err(to_login) => return Ok(to_login),
    };
    let page = PageContext::new(state, request);
    let mut memberships: Vec<Membership> = tenants::list_active(&state.db)
        .await?
        .into_iter()
        .filter_map(|tenant| {
            let role = match actor.roles.get(&tenant.id) {
                Some(role) => role.as_str(),
                None if actor.is_admin() => "admin",
                None => return None,
            };
            Some(Membership {
                slug: tenant.slug,
                name: tenant.name,
                role,
            })
        })
        .collect();
    memberships.sort_by(|a, b| a.name.cmp(&b.name));
    let view = View::new(
        "admin/dashboard.html",
        page.t("admin-dashboard-title"),
        page.t("admin-dashboard-title"),
        context! {
            user_name => actor.display_name(),
            email => actor.user.email,
            is_admin => actor.is_admin(),
            memberships => memberships,
            csrf => session.csrf_token,
        },
    );
    render_private(&page, view)
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
pub async fn journal(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    let (actor, _) = match signed_in(state, request).await? {
        Ok(signed_in) => signed_in,
        Err(to_login) => return Ok(to_login),
    };
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let page = PageContext::new(state, request);
    let entries = audit::recent(&state.db, JOURNAL_SIZE).await?;
    let users = accounts::users_by_id(&state.db, entries.iter().filter_map(|e| e.actor_id)).await?;
    let entries: Vec<JournalEntry> = entries
        .into_iter()
        .map(|entry| JournalEntry {
            at: entry.created_at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            actor: entry
                .actor_id
                .and_then(|id| users.get(&id))
                .map(|user| user.email.clone()),
            action: entry.action,
            entity: match entry.entity_id {
                Some(id) => format!("{} #{id}", entry.entity_type),
                None => entry.entity_type,
            },
            before: entry.before.map(shorten),
            after: entry.after.map(shorten),
        })
        .collect();
    let view = View::new(
        "admin/journal.html",
        page.t("admin-journal-title"),
        page.t("admin-journal-title"),
        context! { entries => entries },
    );
    render_private(&page, view)
}
