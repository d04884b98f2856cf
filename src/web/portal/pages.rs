//! The fixed pages: accessibility statement, legal notice, personal data, site map.

use poem::{Request, Response, handler, web::Data};

use super::{PageContext, View};
use crate::{app::SharedState, error::AppResult};

fn fixed_page(
    request: &Request,
    state: &SharedState,
    template: &'static str,
    key: &str,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    page.render(View::new(
        template,
        page.t(&format!("page-{key}-title")),
        page.t(&format!("page-{key}-description")),
        minijinja::context! {},
    ))
}

#[handler]
pub fn accessibility(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    fixed_page(request, state, "pages/accessibilite.html", "accessibility")
}

#[handler]
pub fn legal_notice(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    fixed_page(request, state, "pages/mentions-legales.html", "legal")
}

#[handler]
pub fn personal_data(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    fixed_page(request, state, "pages/donnees-personnelles.html", "privacy")
}

#[handler]
pub fn site_map(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    fixed_page(request, state, "pages/plan-du-site.html", "sitemap")
}
