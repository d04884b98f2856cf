//! `/offres/{slug}/candidater` (and `/en/offres/{slug}/apply`): the application form of an
//! offer that takes applications on the site. Without JavaScript; never cached (its page
//! carries its own CSRF token); defended against robots without tracking anyone: a field only
//! robots fill in, a limit per client address (counted in memory, never stored), one
//! application per email and offer.

use minijinja::context;
use poem::{
    Request, Response, handler,
    http::StatusCode,
    web::{Data, Multipart, Path},
};

use super::{PageContext, View};
use crate::{
    analytics::{self, Metric},
    app::SharedState,
    applications::{self, CV_MAX_BYTES, NewApplication},
    entities::offers as offer_rows,
    error::{AppError, AppResult},
    ids::TenantId,
    offers,
    web::{
        admin::forms::{FormData, field_errors_in, read_multipart},
        auth, clients,
    },
};

/// How long applications are kept, as candidates are told.
fn retention_years(state: &crate::app::AppState) -> i64 {
    applications::retention_years(state.config.jobs.application_retention_days)
}

/// What the page shows.
enum Step {
    /// The form, as typed, with the problems found.
    Form(FormData, std::collections::BTreeMap<String, String>),
    /// The application is stored.
    Sent,
    /// The offer no longer takes applications.
    Closed,
}

/// The offer at `slug` that takes (or took) applications on the site; any other is not found.
async fn on_site_offer(state: &SharedState, slug: &str) -> AppResult<offer_rows::Model> {
    let offer = offers::find_by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let shown = offers::visibility(&offer, state.now()).is_some();
    if !shown || offer.apply_mode != crate::codes::ApplyMode::OnSite.as_str() {
        return Err(AppError::NotFound);
    }
    Ok(offer)
}

/// Renders `step` of the application to `offer`.
async fn show(
    (page, request): (&PageContext<'_>, &Request),
    offer: &offer_rows::Model,
    step: Step,
) -> AppResult<Response> {
    let state = page.state;
    let csrf = auth::public_form_csrf(state, request)?;
    let tenant = TenantId::new(offer.tenant_id);
    let ministry = crate::tenants::name(&state.db, tenant).await?;
    let asks = matches!(step, Step::Form(..));
    let (name, status, form, errors) = match step {
        Step::Form(form, errors) => {
            let status = if errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::BAD_REQUEST
            };
            ("form", status, form, errors)
        }
        Step::Sent => (
            "sent",
            StatusCode::OK,
            FormData::default(),
            Default::default(),
        ),
        Step::Closed => (
            "closed",
            StatusCode::GONE,
            FormData::default(),
            Default::default(),
        ),
    };
    let years = retention_years(state);
    let view = View::new(
        "offers/apply.html",
        page.t_with("apply-heading", &[("title", &offer.title)]),
        page.t("apply-intro"),
        context! {
            state => name,
            offer => context! {
                title => offer.title,
                slug => offer.slug,
                city => offer.city,
                ministry => context! { name => ministry },
            },
            form => context! { values => form.values(&[]), errors => errors },
            csrf => csrf,
            action => page.link(&page.path),
            cv_max_megabytes => CV_MAX_BYTES / 1_000_000,
            retention_years => years,
        },
    )
    .status(status);
    let response = page.render_private(view)?;
    if asks {
        auth::with_public_form_csrf(state, response, &csrf)
    } else {
        Ok(response)
    }
}

#[handler]
pub async fn form_page(
    request: &Request,
    Path(slug): Path<String>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let offer = on_site_offer(state, &slug).await?;
    let step = if applications::takes_applications(&offer, state.now()) {
        Step::Form(FormData::default(), Default::default())
    } else {
        Step::Closed
    };
    show((&page, request), &offer, step).await
}

#[handler]
pub async fn submit(
    request: &Request,
    Path(slug): Path<String>,
    multipart: Multipart,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let offer = on_site_offer(state, &slug).await?;
    let (form, cv) = match read_multipart(multipart, CV_MAX_BYTES).await {
        Ok(read) => read,
        Err(error @ AppError::Invalid { .. }) => {
            let errors = field_errors_in(&page, &error);
            return show(
                (&page, request),
                &offer,
                Step::Form(FormData::default(), errors),
            )
            .await;
        }
        Err(error) => return Err(error),
    };
    auth::check_public_form_csrf(state, request, &form.text("csrf"))?;
    if !form.text("website").is_empty() {
        // A robot: it is told what a person would be, and nothing is kept.
        return show((&page, request), &offer, Step::Sent).await;
    }
    let new = NewApplication {
        first_name: form.text("first_name"),
        last_name: form.text("last_name"),
        email: form.text("email"),
        phone: form.text("phone"),
        links: form.text("links"),
        message: form.text("message"),
        cv,
        consent: form.text("consent") == "on",
        retention_years: retention_years(state),
    };
    // Mistakes cost nothing to fix; what would be stored counts against the client's limit.
    let checked = new.validate();
    if checked.is_ok() {
        clients::admit(&state.application_limiter, state, request)?;
    }
    let letterhead = state.letterhead();
    let applied = match checked {
        Ok(()) => {
            let now = state.now();
            applications::apply(&state.db, &state.storage, &letterhead, &offer, new, now).await
        }
        Err(error) => Err(error),
    };
    match applied {
        Ok(_) => show((&page, request), &offer, Step::Sent).await,
        Err(AppError::Gone) => show((&page, request), &offer, Step::Closed).await,
        Err(error @ AppError::Invalid { .. }) => {
            let errors = field_errors_in(&page, &error);
            show((&page, request), &offer, Step::Form(form, errors)).await
        }
        Err(error) => Err(error),
    }
}

/// Where the apply button of an offer whose candidates apply elsewhere leads: its site, or
/// its `adresse`-th email address with the subject filled in. The click is counted (a number
/// a day, nothing about the visitor) unless the browser asks not to be tracked.
#[handler]
pub async fn leave(
    request: &Request,
    Path(slug): Path<String>,
    poem::web::Query(params): poem::web::Query<std::collections::HashMap<String, String>>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let now = state.now();
    let offer = offers::find_by_slug(&state.db, &slug)
        .await?
        .filter(|offer| offers::visibility(offer, now) == Some(offers::Visibility::Live))
        .ok_or(AppError::NotFound)?;
    let mode = crate::codes::ApplyMode::parse(&offer.apply_mode);
    let to = match mode {
        Some(crate::codes::ApplyMode::External) => offer.apply_url.clone(),
        Some(crate::codes::ApplyMode::Email) => {
            let which: usize = params
                .get("adresse")
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            offer.apply_emails.lines().nth(which).map(|email| {
                let subject = page.t_with("offer-apply-email-subject", &[("title", &offer.title)]);
                format!(
                    "mailto:{email}?subject={}",
                    crate::text::percent_encode(&subject)
                )
            })
        }
        _ => None,
    }
    .ok_or(AppError::NotFound)?;
    let tracked = !analytics::refuses_tracking(|name| request.header(name).map(str::to_owned))
        && !analytics::is_robot(request.header(poem::http::header::USER_AGENT))
        && !crate::web::middleware::asked_head(request);
    if tracked {
        let (tenant, offer) = (Some(TenantId::new(offer.tenant_id)), Some(offer.key()));
        analytics::count(&state.db, now, Metric::ApplyElsewhere, tenant, offer).await?;
    }
    Ok(crate::web::http::see_other(&to)
        .header(poem::http::header::CACHE_CONTROL, "no-store")
        .finish())
}
