//! `/donnees-personnelles/demande`: a candidate asks to receive or to erase what the site
//! holds about their address, and confirms from the link emailed to it
//! (`/donnees-personnelles/demande/{token}`: a button, since mail scanners open links by
//! themselves). Never cached; the form carries the public CSRF cookie, a field only robots
//! fill in, and counts against a per-client limit.

use std::collections::BTreeMap;

use minijinja::context;
use poem::{
    Request, Response, handler,
    http::StatusCode,
    web::{Data, Form, Path},
};

use super::{
    PageContext, View,
    notices::{Notice, Step, after_opt_in, after_sending},
};
use crate::{
    app::SharedState,
    candidates::OptIn,
    codes::DataRequestKind,
    error::AppResult,
    personal_data::{self, Outcome},
    web::{
        admin::{Pairs, forms::FormData},
        auth, clients,
    },
};

async fn show((page, request): (&PageContext<'_>, &Request), step: Step) -> AppResult<Response> {
    let state = page.state;
    let csrf = auth::public_form_csrf(state, request)?;
    let shown = step.shown(page, "rights");
    let kinds: Vec<_> = DataRequestKind::ALL
        .iter()
        .map(|kind| context! { code => kind.as_str(), label => page.t(&format!("rights-kind-{kind}")) })
        .collect();
    let view = View::new(
        "pages/rights.html",
        page.t("rights-title"),
        page.t("rights-intro"),
        context! {
            state => shown.state,
            form => context! { values => shown.form.values(&[]), errors => shown.errors },
            kinds => kinds,
            message => shown.message,
            csrf => csrf,
            action => page.link("/donnees-personnelles/demande"),
        },
    )
    .status(shown.status);
    auth::with_public_form_csrf(state, page.render_private(view)?, &csrf)
}

#[handler]
pub async fn form_page(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    show(
        (&page, request),
        Step::Form(FormData::default(), BTreeMap::new()),
    )
    .await
}

#[handler]
pub async fn ask(
    request: &Request,
    Form(pairs): Form<Pairs>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let form = FormData::new(pairs);
    auth::check_public_form_csrf(state, request, &form.text("csrf"))?;
    if !form.text("website").is_empty() {
        // A robot: it is told what a person would be, and nothing is kept.
        return show((&page, request), Step::Sent).await;
    }
    let (email, kind) = (form.text("email"), form.text("kind"));
    // Mistakes cost nothing to fix; what would be stored counts against the client's limit.
    let checked = personal_data::check(&email, &kind);
    if checked.is_ok() {
        clients::admit(&state.application_limiter, state, request)?;
    }
    let asked = match checked {
        Ok(_) => {
            let letterhead = state.letterhead();
            personal_data::request(&state.db, &letterhead, (&email, &kind), state.now()).await
        }
        Err(error) => Err(error),
    };
    let step = after_sending(&page, form, asked)?;
    show((&page, request), step).await
}

#[handler]
pub async fn confirm_page(
    request: &Request,
    Path(token): Path<String>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let (asked, opt_in) = personal_data::find_by_link(&state.db, &token, state.now()).await?;
    let step = match opt_in {
        OptIn::Waiting => {
            let (key, label) = match asked.kind {
                DataRequestKind::Export => ("confirm-export", "rights-confirm-export-button"),
                DataRequestKind::Erase => ("confirm-erase", "rights-confirm-erase-button"),
            };
            Step::Notice(
                Notice::new(key, StatusCode::OK)
                    .posting(format!("/donnees-personnelles/demande/{token}"), label),
            )
        }
        other => Step::Notice(after_opt_in(other)),
    };
    show((&page, request), step).await
}

#[handler]
pub async fn confirm(
    request: &Request,
    Path(token): Path<String>,
    Form(pairs): Form<Pairs>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    auth::check_public_form_csrf(state, request, &FormData::new(pairs).text("csrf"))?;
    let letterhead = state.letterhead();
    let done =
        personal_data::carry_out(&state.db, &state.storage, &letterhead, &token, state.now())
            .await?;
    let notice = match done {
        Outcome::Sent => Notice::new("sent-export", StatusCode::OK),
        Outcome::Erased => Notice::new("erased", StatusCode::OK),
        Outcome::Stale(state) => after_opt_in(state),
    };
    show((&page, request), Step::Notice(notice)).await
}
