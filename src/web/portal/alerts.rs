//! `/alertes`: a candidate subscribes to a search of `/offres` (the same filters, carried in
//! the page's address), confirms their address from the emailed link, and leaves in one click
//! from any digest (`/alertes/desabonner/{token}`, which mail clients may POST to by
//! themselves, RFC 8058). Never cached; the subscription form carries the public CSRF cookie,
//! a field only robots fill in, and counts against a per-client limit.

use std::collections::{BTreeMap, HashMap};

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
    alerts::{self, NewAlert},
    app::SharedState,
    candidates::OptIn,
    codes::AlertFrequency,
    error::{AppError, AppResult},
    offers::OfferFilter,
    web::{
        admin::{Pairs, forms::FormData},
        auth, clients,
    },
};

/// The search an alert page is about: the listing's filters, from its address.
fn filter_in(request: &Request) -> OfferFilter {
    let params: HashMap<String, String> =
        serde_urlencoded::from_str(request.uri().query().unwrap_or_default()).unwrap_or_default();
    OfferFilter::from_params(&params)
}

/// Renders `step` about the search `filter`.
async fn show(
    (page, request): (&PageContext<'_>, &Request),
    filter: &OfferFilter,
    step: Step,
) -> AppResult<Response> {
    let state = page.state;
    let csrf = auth::public_form_csrf(state, request)?;
    let names = alerts::ministry_names(&state.db).await?;
    let search = alerts::describe(filter, &state.i18n, page.lang, &names);
    let query = alerts::query_of(filter);
    let shown = step.shown(page, "alert");
    let frequencies: Vec<_> = AlertFrequency::ALL
        .iter()
        .map(|f| context! { code => f.as_str(), label => page.t(&format!("alert-frequency-{f}")) })
        .collect();
    let listing = match query.as_str() {
        "" => "/offres".to_owned(),
        query => format!("/offres?{query}"),
    };
    let action = match query.as_str() {
        "" => "/alertes".to_owned(),
        query => format!("/alertes?{query}"),
    };
    let view = View::new(
        "alerts/alert.html",
        page.t("alert-title"),
        page.t("alert-intro"),
        context! {
            state => shown.state,
            search => search,
            form => context! { values => shown.form.values(&[]), errors => shown.errors },
            frequencies => frequencies,
            message => shown.message,
            csrf => csrf,
            action => page.link(&action),
            listing => page.link(&listing),
            max_alerts => alerts::MAX_PER_ADDRESS,
        },
    )
    .status(shown.status);
    auth::with_public_form_csrf(state, page.render_private(view)?, &csrf)
}

#[handler]
pub async fn form_page(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let form = FormData::new(vec![("frequency".to_owned(), "weekly".to_owned())]);
    show(
        (&page, request),
        &filter_in(request),
        Step::Form(form, BTreeMap::new()),
    )
    .await
}

#[handler]
pub async fn subscribe(
    request: &Request,
    Form(pairs): Form<Pairs>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let filter = filter_in(request);
    let form = FormData::new(pairs);
    auth::check_public_form_csrf(state, request, &form.text("csrf"))?;
    if !form.text("website").is_empty() {
        // A robot: it is told what a person would be, and nothing is kept.
        return show((&page, request), &filter, Step::Sent).await;
    }
    let new = NewAlert {
        email: form.text("email"),
        filter: filter.clone(),
        frequency: form.text("frequency"),
        consent: form.text("consent") == "on",
    };
    // Mistakes cost nothing to fix; what would be stored counts against the client's limit.
    let checked = new.check();
    if checked.is_ok() {
        clients::admit(&state.application_limiter, state, request)?;
    }
    let subscribed = match checked {
        Ok(_) => {
            let names = alerts::ministry_names(&state.db).await?;
            let search = alerts::describe(&filter, &state.i18n, crate::i18n::Lang::Fr, &names);
            let letterhead = state.letterhead();
            alerts::subscribe(&state.db, &letterhead, &new, &search, state.now()).await
        }
        Err(error) => Err(error),
    };
    let step = after_sending(&page, form, subscribed)?;
    show((&page, request), &filter, step).await
}

/// The page a confirmation link opens: a button (mail scanners open links by themselves), or
/// what became of the link.
#[handler]
pub async fn confirm_page(
    request: &Request,
    Path(token): Path<String>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let alert = alerts::find_by_link(&state.db, &token).await?;
    let step = match OptIn::of(alert.created_at, alert.confirmed_at, state.now()) {
        OptIn::Waiting => Step::Notice(Notice::new("confirm", StatusCode::OK).posting(
            format!("/alertes/confirmer/{token}"),
            "alert-confirm-button",
        )),
        other => Step::Notice(after_opt_in(other)),
    };
    show((&page, request), &alerts::filter_of(&alert), step).await
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
    let alert = alerts::find_by_link(&state.db, &token).await?;
    let step = match alerts::confirm(&state.db, &token, state.now()).await? {
        OptIn::Waiting => Step::Notice(Notice::new("confirmed", StatusCode::OK)),
        other => Step::Notice(after_opt_in(other)),
    };
    show((&page, request), &alerts::filter_of(&alert), step).await
}

/// The page of the unsubscribe link: a button. An alert already ended says so.
#[handler]
pub async fn unsubscribe_page(
    request: &Request,
    Path(token): Path<String>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let step = match alerts::find_by_link(&state.db, &token).await {
        Ok(_) => Step::Notice(Notice::new("unsubscribe", StatusCode::OK).posting(
            format!("/alertes/desabonner/{token}"),
            "alert-unsubscribe-button",
        )),
        Err(AppError::NotFound) => gone(),
        Err(error) => return Err(error),
    };
    show((&page, request), &OfferFilter::default(), step).await
}

/// Ends the alert. No CSRF token here: mail clients send `List-Unsubscribe=One-Click` to this
/// address by themselves (RFC 8058), without any cookie; the unguessable token in the address
/// is what proves the right, and leaving is all it can do.
#[handler]
pub async fn unsubscribe(
    request: &Request,
    Path(token): Path<String>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let step = match alerts::unsubscribe(&state.db, &token).await {
        Ok(()) => Step::Notice(Notice::new("unsubscribed", StatusCode::OK)),
        Err(AppError::NotFound) => gone(),
        Err(error) => return Err(error),
    };
    show((&page, request), &OfferFilter::default(), step).await
}

/// What a link to an alert that no longer exists says.
fn gone() -> Step {
    Step::Notice(Notice::new("gone", StatusCode::NOT_FOUND))
}
