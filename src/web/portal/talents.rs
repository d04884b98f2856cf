//! `/vivier`: candidates join the talent pool (after confirming their address), and manage
//! their profile from the link in every email (`/vivier/profil/{token}`): update, renew,
//! delete. Without JavaScript; never cached; the forms carry the public CSRF cookie, a field
//! only robots fill in, and joining counts against a per-client limit.

use minijinja::{Value, context};
use poem::{
    Request, Response, handler,
    http::StatusCode,
    web::{Data, Multipart, Path},
};

use super::{
    PageContext, View,
    notices::{self, Notice, after_opt_in},
};
use crate::{
    app::SharedState,
    candidates::OptIn,
    codes::{Experience, Profession},
    entities::talents as talent_rows,
    error::{AppError, AppResult},
    regions,
    talents::{self, ProfileForm},
    web::{
        admin::forms::{FormData, field_errors_in, read_multipart},
        auth, clients,
        http::see_other,
    },
};

/// What a talent page shows: a step all candidates' pages have (joining), or the page of a
/// profile.
enum Step {
    Public(notices::Step),
    /// The form of a profile, with its values or what was typed, the problems found, and what
    /// was just done, if anything (the key of a notice).
    Manage(
        Box<talent_rows::Model>,
        FormData,
        std::collections::BTreeMap<String, String>,
        Option<&'static str>,
    ),
}

/// The form to join, as typed, with the problems found.
fn joining(form: FormData, errors: std::collections::BTreeMap<String, String>) -> Step {
    Step::Public(notices::Step::Form(form, errors))
}

/// A notice about a link followed.
fn notice(notice: Notice) -> Step {
    Step::Public(notices::Step::Notice(notice))
}

/// A list of choices as the form macros take them.
fn choice_list(items: impl Iterator<Item = (String, String)>) -> Vec<Value> {
    items
        .map(|(code, label)| context! { code, label })
        .collect()
}

/// The professions, seniorities and regions a profile (or a search of the pool) picks from.
pub(crate) fn profile_choices(page: &PageContext<'_>) -> Value {
    context! {
        professions => choice_list(Profession::ALL.iter().map(|p| (p.as_str().to_owned(), page.t(&format!("profession-{p}"))))),
        seniorities => choice_list(Experience::ALL.iter().map(|e| (e.as_str().to_owned(), page.t(&format!("experience-{e}"))))),
        regions => choice_list(regions::REGIONS.iter().map(|r| (r.code.to_owned(), r.name.to_owned()))),
    }
}

/// The form's values for a stored profile.
fn stored_values(talent: &talent_rows::Model, hidden: &[i32]) -> FormData {
    let mut pairs = vec![
        ("first_name".to_owned(), talent.first_name.clone()),
        ("last_name".to_owned(), talent.last_name.clone()),
        ("seniority".to_owned(), talent.seniority.as_str().to_owned()),
        ("links".to_owned(), talent.links.clone()),
        ("summary".to_owned(), talent.summary.clone()),
        (
            "available_from".to_owned(),
            talent
                .available_from
                .map(|day| day.to_string())
                .unwrap_or_default(),
        ),
    ];
    for (name, list) in [
        ("professions", &talent.professions),
        ("regions", &talent.regions),
    ] {
        pairs.extend(
            list.split(',')
                .filter(|code| !code.is_empty())
                .map(|code| (name.to_owned(), code.to_owned())),
        );
    }
    pairs.extend(
        hidden
            .iter()
            .map(|id| ("hidden_from".to_owned(), id.to_string())),
    );
    FormData::new(pairs)
}

/// The lists of the profile form.
const LISTS: [&str; 3] = ["professions", "regions", "hidden_from"];

/// Renders `step`.
async fn show((page, request): (&PageContext<'_>, &Request), step: Step) -> AppResult<Response> {
    let state = page.state;
    let csrf = auth::public_form_csrf(state, request)?;
    let ministries = talents::ministries(&state.db).await?;
    let retention_months = talents::retention_months(state.config.jobs.talent_retention_days);
    let (shown, profile) = match step {
        Step::Public(step) => (step.shown(page, "talent"), None),
        Step::Manage(talent, form, errors, done) => {
            let lapses =
                talent.renewed_at + chrono::Duration::days(state.config.jobs.talent_retention_days);
            let base = format!("/vivier/profil/{}", talent.token);
            let profile = context! {
                email => talent.email,
                has_cv => talent.cv_key.is_some(),
                cv_kb => talent.cv_size.unwrap_or(0) / 1000,
                lapses_on => lapses.format("%d/%m/%Y").to_string(),
                action => page.link(&base),
                renew => page.link(&format!("{base}/prolonger")),
                delete => page.link(&format!("{base}/supprimer")),
                done => done.map(|key| page.t(&format!("talent-done-{key}"))),
            };
            let shown = notices::Shown {
                state: "manage",
                status: notices::status_of(&errors),
                form,
                errors,
                message: None,
            };
            (shown, Some(profile))
        }
    };
    let view = View::new(
        "talents/profile.html",
        page.t("talent-title"),
        page.t("talent-intro"),
        context! {
            state => shown.state,
            form => context! { values => shown.form.values(&LISTS), errors => shown.errors },
            choices => profile_choices(page),
            ministries => choice_list(ministries.iter().map(|m| (m.id.to_string(), m.name.clone()))),
            profile => profile,
            message => shown.message,
            csrf => csrf,
            action => page.link("/vivier"),
            cv_max_megabytes => talents::CV_MAX_BYTES / 1_000_000,
            retention_months => retention_months,
        },
    )
    .status(shown.status);
    auth::with_public_form_csrf(state, page.render_private(view)?, &csrf)
}

/// The profile form as typed.
fn profile_form(form: &FormData, cv: Vec<u8>) -> ProfileForm {
    let all = |name: &str| form.all(name).into_iter().map(str::to_owned).collect();
    ProfileForm {
        first_name: form.text("first_name"),
        last_name: form.text("last_name"),
        email: form.text("email"),
        professions: all("professions"),
        seniority: form.text("seniority"),
        regions: all("regions"),
        available_from: form.text("available_from"),
        links: form.text("links"),
        summary: form.text("summary"),
        hidden_from: all("hidden_from"),
        cv,
        remove_cv: form.checked("remove_cv"),
        consent: form.text("consent") == "on",
    }
}

/// Reads a profile form: its fields once their CSRF token is checked, and the CV; a form
/// refused while reading comes back as its problems.
async fn read(
    state: &SharedState,
    request: &Request,
    multipart: Multipart,
) -> AppResult<Result<(FormData, Vec<u8>), AppError>> {
    match read_multipart(multipart, talents::CV_MAX_BYTES).await {
        Ok((form, cv)) => {
            auth::check_public_form_csrf(state, request, &form.text("csrf"))?;
            Ok(Ok((form, cv)))
        }
        Err(error @ AppError::Invalid(_)) => Ok(Err(error)),
        Err(error) => Err(error),
    }
}

#[handler]
pub async fn join_page(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    show(
        (&page, request),
        joining(FormData::default(), Default::default()),
    )
    .await
}

#[handler]
pub async fn join(
    request: &Request,
    multipart: Multipart,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let (form, cv) = match read(state, request, multipart).await? {
        Ok(read) => read,
        Err(error) => {
            let errors = field_errors_in(&page, &error);
            return show((&page, request), joining(FormData::default(), errors)).await;
        }
    };
    if !form.text("website").is_empty() {
        // A robot: it is told what a person would be, and nothing is kept.
        return show((&page, request), Step::Public(notices::Step::Sent)).await;
    }
    let profile = profile_form(&form, cv);
    // Mistakes cost nothing to fix; what would be stored counts against the client's limit.
    let checked = talents::validate_joining(&state.db, &profile).await;
    if checked.is_ok() {
        clients::admit(&state.application_limiter, state, request)?;
    }
    let letterhead = state.letterhead();
    let joined = match checked {
        Ok(()) => talents::join(&state.db, &state.storage, &letterhead, profile, state.now()).await,
        Err(error) => Err(error),
    };
    let step = notices::after_sending(&page, form, joined)?;
    show((&page, request), Step::Public(step)).await
}

/// The page a confirmation link opens: a button, since mail scanners open links by
/// themselves; or what became of the link.
#[handler]
pub async fn confirm_page(
    request: &Request,
    Path(token): Path<String>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let talent = talents::find_by_link(&state.db, &token).await?;
    let step = match OptIn::of(talent.created_at, talent.confirmed_at, state.now()) {
        OptIn::Waiting => notice(Notice::new("confirm", StatusCode::OK).posting(
            format!("/vivier/confirmer/{token}"),
            "talent-confirm-button",
        )),
        other => opt_in_notice(other),
    };
    show((&page, request), step).await
}

/// What a followed link that no longer waits says; an expired one leads to the form again.
fn opt_in_notice(state: OptIn) -> Step {
    let told = after_opt_in(state);
    notice(match state {
        OptIn::Expired => told.leading("/vivier", "talent-join-again"),
        _ => told,
    })
}

#[handler]
pub async fn confirm(
    request: &Request,
    Path(token): Path<String>,
    form: poem::web::Form<crate::web::admin::Pairs>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let form = FormData::new(form.0);
    auth::check_public_form_csrf(state, request, &form.text("csrf"))?;
    match talents::confirm(&state.db, &token, state.now()).await? {
        OptIn::Waiting => {
            Ok(see_other(&page.link(&format!("/vivier/profil/{token}?confirme=1"))).finish())
        }
        other => show((&page, request), opt_in_notice(other)).await,
    }
}

#[handler]
pub async fn profile_page(
    request: &Request,
    Path(token): Path<String>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let talent = talents::find_own(&state.db, &token).await?;
    let hidden = talents::hidden_from(&state.db, &talent).await?;
    let form = stored_values(&talent, &hidden);
    // What the form before this page did, as its redirection says.
    let done = match request.uri().query().unwrap_or_default() {
        "confirme=1" => Some("confirmed"),
        "enregistre=1" => Some("saved"),
        "prolonge=1" => Some("renewed"),
        _ => None,
    };
    show(
        (&page, request),
        Step::Manage(Box::new(talent), form, Default::default(), done),
    )
    .await
}

#[handler]
pub async fn update(
    request: &Request,
    Path(token): Path<String>,
    multipart: Multipart,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let talent = talents::find_own(&state.db, &token).await?;
    let (form, cv) = match read(state, request, multipart).await? {
        Ok(read) => read,
        Err(error) => {
            let errors = field_errors_in(&page, &error);
            let hidden = talents::hidden_from(&state.db, &talent).await?;
            let form = stored_values(&talent, &hidden);
            return show(
                (&page, request),
                Step::Manage(Box::new(talent), form, errors, None),
            )
            .await;
        }
    };
    let profile = profile_form(&form, cv);
    let updated = talents::update(
        &state.db,
        &state.storage,
        talent.clone(),
        profile,
        state.now(),
    )
    .await;
    match updated {
        Ok(_) => {
            Ok(see_other(&page.link(&format!("/vivier/profil/{token}?enregistre=1"))).finish())
        }
        Err(error @ AppError::Invalid(_)) => {
            let errors = field_errors_in(&page, &error);
            show(
                (&page, request),
                Step::Manage(Box::new(talent), form, errors, None),
            )
            .await
        }
        Err(error) => Err(error),
    }
}

/// The profile a button of its page acts on, once the form's CSRF token is checked.
async fn own_profile(
    state: &SharedState,
    request: &Request,
    token: &str,
    form: poem::web::Form<crate::web::admin::Pairs>,
) -> AppResult<talent_rows::Model> {
    auth::check_public_form_csrf(state, request, &FormData::new(form.0).text("csrf"))?;
    talents::find_own(&state.db, token).await
}

#[handler]
pub async fn renew(
    request: &Request,
    Path(token): Path<String>,
    form: poem::web::Form<crate::web::admin::Pairs>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let talent = own_profile(state, request, &token, form).await?;
    talents::renew(&state.db, talent, state.now()).await?;
    Ok(see_other(&page.link(&format!("/vivier/profil/{token}?prolonge=1"))).finish())
}

#[handler]
pub async fn delete(
    request: &Request,
    Path(token): Path<String>,
    form: poem::web::Form<crate::web::admin::Pairs>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let talent = own_profile(state, request, &token, form).await?;
    talents::delete(&state.db, &state.storage, &talent).await?;
    let deleted = notice(Notice::new("deleted", StatusCode::OK));
    show((&page, request), deleted).await
}
