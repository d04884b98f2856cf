//! The back-office under `/admin`. Every handler starts from the acting user; anonymous
//! requests go to the login page.

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
use crate::{app::SharedState, error::AppResult, tenants};

#[derive(Serialize)]
struct Membership {
    slug: String,
    name: String,
    role: &'static str,
}

/// The dashboard: who I am and the ministries I work for.
#[handler]
pub async fn dashboard(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    let Some((actor, session)) = auth::current(state, request).await? else {
        return Ok(Response::builder()
            .status(StatusCode::SEE_OTHER)
            .header(header::LOCATION, "/connexion")
            .finish());
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
    let mut response = page.render(view)?;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        "no-store".parse().expect("static header"),
    );
    Ok(response)
}
