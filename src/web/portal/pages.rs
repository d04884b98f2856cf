//! The fixed pages: accessibility statement, legal notice, personal data, site map.

use poem::{Request, Response, handler, web::Data};

use super::{PageContext, View};
use crate::{app::SharedState, error::AppResult};

fn fixed_page(
    request: &Request,
    state: &SharedState,
    template: &'static str,
    key: &str,
    data: minijinja::Value,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    page.render(View::new(
        template,
        page.t(&format!("page-{key}-title")),
        page.t(&format!("page-{key}-description")),
        data,
    ))
}

#[handler]
pub fn accessibility(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    fixed_page(
        request,
        state,
        "pages/accessibilite.html",
        "accessibility",
        ().into(),
    )
}

#[handler]
pub fn legal_notice(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    fixed_page(
        request,
        state,
        "pages/mentions-legales.html",
        "legal",
        ().into(),
    )
}

#[handler]
pub fn personal_data(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    // The periods as configured, in the units the forms state them.
    let jobs = &state.config.jobs;
    let periods = minijinja::context! {
        retention_years => crate::applications::retention_years(jobs.application_retention_days),
        retention_months => crate::talents::retention_months(jobs.talent_retention_days),
    };
    fixed_page(
        request,
        state,
        "pages/donnees-personnelles.html",
        "privacy",
        periods,
    )
}

#[handler]
pub fn site_map(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    fixed_page(
        request,
        state,
        "pages/plan-du-site.html",
        "sitemap",
        ().into(),
    )
}
