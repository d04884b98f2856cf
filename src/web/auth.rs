//! Back-office authentication over HTTP: the session cookie, the acting user, CSRF checks and
//! the login and logout pages. ProConnect plugs in here (next step of the login issue); the demo
//! accounts' login works only in demo mode.

use minijinja::context;
use poem::{
    Request, Response, handler,
    http::{StatusCode, header},
    web::{Data, Form},
};
use serde::Deserialize;

use super::portal::{PageContext, View};
use crate::{
    accounts::{self, Actor, sessions},
    app::SharedState,
    entities::sessions as session_rows,
    error::{AppError, AppResult},
};

pub const SESSION_COOKIE: &str = "metiers_session";
/// The double-submit CSRF token of the anonymous login forms.
const LOGIN_CSRF_COOKIE: &str = "metiers_login_csrf";

/// The value of cookie `name` in the request.
pub fn cookie(request: &Request, name: &str) -> Option<String> {
    request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, Secure behind https; `None` deletes it.
fn set_cookie(name: &str, value: Option<&str>, path: &str, https: bool) -> String {
    let secure = if https { "; Secure" } else { "" };
    match value {
        Some(value) => format!("{name}={value}; Path={path}; HttpOnly; SameSite=Lax{secure}"),
        None => format!("{name}=; Path={path}; Max-Age=0; HttpOnly; SameSite=Lax{secure}"),
    }
}

/// Compares secrets in constant time.
fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Refuses a state-changing request whose form does not carry the expected token.
pub fn check_csrf(expected: &str, submitted: &str) -> AppResult<()> {
    if !expected.is_empty() && same_secret(expected, submitted) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The logged-in user of this request, with their session.
pub async fn current(
    state: &SharedState,
    request: &Request,
) -> AppResult<Option<(Actor, session_rows::Model)>> {
    let Some(token) = cookie(request, SESSION_COOKIE) else {
        return Ok(None);
    };
    let policy = state.config.session_policy();
    match sessions::find(&state.db, &token, policy, state.now()).await? {
        Some((session, user)) => Ok(Some((Actor::load(&state.db, user).await?, session))),
        None => Ok(None),
    }
}

fn redirect(to: &str) -> poem::ResponseBuilder {
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, to)
}

#[derive(serde::Serialize)]
struct DemoAccount {
    email: String,
    label: String,
}

/// The login page: ProConnect, and in demo mode the demo accounts.
#[handler]
pub async fn login_page(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    if current(state, request).await?.is_some() {
        return Ok(redirect("/admin").finish());
    }
    let page = PageContext::new(state, request);
    let csrf = sessions::random_token()?;
    let mut demo_accounts = Vec::new();
    if state.config.demo {
        let tenants = crate::tenants::list_active(&state.db).await?;
        for user in accounts::list_users(&state.db).await? {
            if !user.email.ends_with(crate::demo::ACCOUNTS_DOMAIN) {
                continue;
            }
            let memberships = accounts::memberships_of(&state.db, user.id).await?;
            let label = match memberships.first() {
                None if user.is_admin => page.t("login-demo-admin"),
                None => continue,
                Some(m) => {
                    let ministry = tenants
                        .iter()
                        .find(|t| t.id == m.tenant_id)
                        .map_or("", |t| t.acronym.as_str());
                    page.t_with(&format!("login-demo-{}", m.role), &[("ministry", ministry)])
                }
            };
            demo_accounts.push(DemoAccount {
                email: user.email,
                label,
            });
        }
    }
    let view = View::new(
        "admin/login.html",
        page.t("login-title"),
        page.t("login-description"),
        context! { csrf => csrf, demo => state.config.demo, demo_accounts => demo_accounts },
    );
    let mut response = page.render(view)?;
    let cookie = set_cookie(
        LOGIN_CSRF_COOKIE,
        Some(&csrf),
        "/connexion",
        state.config.is_https(),
    );
    response.headers_mut().append(
        header::SET_COOKIE,
        cookie.parse().map_err(|_| AppError::Forbidden)?,
    );
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        "no-store".parse().expect("static header"),
    );
    Ok(response)
}

#[derive(Deserialize)]
pub struct DemoLogin {
    email: String,
    csrf: String,
}

/// Logs in as a demo account; refused (404) outside demo mode.
#[handler]
pub async fn demo_login(
    request: &Request,
    Form(form): Form<DemoLogin>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    if !state.config.demo {
        return Err(AppError::NotFound);
    }
    check_csrf(
        &cookie(request, LOGIN_CSRF_COOKIE).unwrap_or_default(),
        &form.csrf,
    )?;
    let user = accounts::find_by_email(&state.db, &form.email)
        .await?
        .filter(|user| user.email.ends_with(crate::demo::ACCOUNTS_DOMAIN))
        .ok_or(AppError::Forbidden)?;
    let opened = sessions::open(
        &state.db,
        user.id,
        state.config.session_policy(),
        state.now(),
    )
    .await?;
    let https = state.config.is_https();
    Ok(redirect("/admin")
        .header(
            header::SET_COOKIE,
            set_cookie(SESSION_COOKIE, Some(&opened.token), "/", https),
        )
        .header(
            header::SET_COOKIE,
            set_cookie(LOGIN_CSRF_COOKIE, None, "/connexion", https),
        )
        .finish())
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    csrf: String,
}

/// Ends the session and forgets its cookie.
#[handler]
pub async fn logout(
    request: &Request,
    Form(form): Form<CsrfOnly>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let (_, session) = current(state, request).await?.ok_or(AppError::Forbidden)?;
    check_csrf(&session.csrf_token, &form.csrf)?;
    if let Some(token) = cookie(request, SESSION_COOKIE) {
        sessions::close(&state.db, &token).await?;
    }
    Ok(redirect("/")
        .header(
            header::SET_COOKIE,
            set_cookie(SESSION_COOKIE, None, "/", state.config.is_https()),
        )
        .finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csrf_tokens_must_match_exactly() {
        assert!(check_csrf("abc", "abc").is_ok());
        assert!(check_csrf("abc", "abd").is_err());
        assert!(check_csrf("abc", "ab").is_err());
        assert!(
            check_csrf("", "").is_err(),
            "no token expected means no form accepted"
        );
    }

    #[test]
    fn cookies_are_http_only_and_lax() {
        let value = set_cookie(SESSION_COOKIE, Some("t"), "/", true);
        assert_eq!(
            value,
            "metiers_session=t; Path=/; HttpOnly; SameSite=Lax; Secure"
        );
        assert!(set_cookie(SESSION_COOKIE, None, "/", false).contains("Max-Age=0"));
    }
}
