//! Back-office authentication over HTTP: the session cookie, the acting user, CSRF checks and
//! the login and logout pages: ProConnect (`accounts::proconnect`), login links by email, and
//! the demo accounts' login, which works only in demo mode.

use minijinja::context;
use poem::{
    Request, Response, handler,
    http::{StatusCode, header},
    web::{Data, Form, Path, Query},
};
use serde::Deserialize;

use super::http::see_other;
use super::portal::{PageContext, View};
use crate::{
    accounts::{self, Actor, proconnect::LoginFailure, sessions},
    app::SharedState,
    entities::sessions as session_rows,
    error::{AppError, AppResult},
};

pub const SESSION_COOKIE: &str = "metiers_session";
/// A cookie of the login steps, which only this site may set: behind https it takes the
/// `__Host-` prefix (Secure, `Path=/`, no `Domain`), which browsers refuse from a sibling
/// subdomain, so that nobody can plant one; over plain http (demo, tests) it keeps its name
/// and its path.
struct LoginCookie {
    name: &'static str,
    path: &'static str,
}

impl LoginCookie {
    fn name(&self, https: bool) -> String {
        match https {
            true => format!("__Host-{}", self.name),
            false => self.name.to_owned(),
        }
    }

    /// Its `Set-Cookie` value; `None` deletes it.
    fn set(&self, value: Option<&str>, https: bool) -> String {
        let path = if https { "/" } else { self.path };
        set_cookie(&self.name(https), value, path, https)
    }

    fn read(&self, request: &Request, https: bool) -> Option<String> {
        cookie(request, &self.name(https))
    }
}

/// The double-submit CSRF token of the anonymous login forms.
const LOGIN_CSRF: LoginCookie = LoginCookie {
    name: "metiers_login_csrf",
    path: "/connexion",
};

/// The double-submit CSRF token of the portal's public forms (an application).
const PUBLIC_FORM_CSRF: LoginCookie = LoginCookie {
    name: "metiers_form_csrf",
    path: "/",
};

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
    let policy = state.config.auth.session_policy();
    match sessions::find(&state.db, &token, policy, state.now()).await? {
        Some((session, user)) => Ok(Some((Actor::load(&state.db, user).await?, session))),
        None => Ok(None),
    }
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
        return Ok(see_other("/admin").finish());
    }
    let page = PageContext::new(state, request);
    let csrf = sessions::random_token()?;
    let mut demo_accounts = Vec::new();
    if state.config.demo {
        let tenants = crate::tenants::list_active(&state.db).await?;
        // Demo mode only: the page lists the demo accounts and their roles, as the system.
        let system = accounts::AdminScope::system();
        let memberships = accounts::memberships_by_user(&state.db, &system).await?;
        for user in accounts::list_users(&state.db).await? {
            if !user.email.ends_with(crate::demo::ACCOUNTS_DOMAIN) {
                continue;
            }
            let label = match memberships.get(&user.id).and_then(|m| m.first()) {
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
        context! {
            csrf => csrf,
            demo => state.config.demo,
            login_links => state.config.auth.login_links,
            demo_accounts => demo_accounts,
            proconnect => state.proconnect.is_some(),
        },
    );
    with_login_csrf(state, super::admin::render_private(&page, view)?, &csrf)
}

/// `value` signed with the portal's key, as `VALUE.MAC`.
fn signed(state: &crate::app::AppState, value: &str) -> String {
    format!("{value}.{}", crate::render::hex(&mac(state, value)))
}

/// The value `signed` holds, when the portal's key signed it.
fn verified<'a>(state: &crate::app::AppState, signed: &'a str) -> Option<&'a str> {
    let (value, tag) = signed.rsplit_once('.')?;
    let expected = crate::render::hex(&mac(state, value));
    same_secret(&expected, tag).then_some(value)
}

fn mac(state: &crate::app::AppState, value: &str) -> Vec<u8> {
    use hmac::Mac;
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&state.signing_key)
        .expect("HMAC takes keys of any length");
    mac.update(value.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// Gives a form's page its double-submit CSRF cookie `kept`, signed: only a token this
/// portal issued passes, not any pair of equal values someone planted.
fn with_csrf(
    state: &crate::app::AppState,
    kept: &LoginCookie,
    mut response: Response,
    csrf: &str,
) -> AppResult<Response> {
    let cookie = kept.set(Some(&signed(state, csrf)), state.config.server.is_https());
    response.headers_mut().append(
        header::SET_COOKIE,
        cookie.parse().map_err(|_| AppError::Forbidden)?,
    );
    Ok(response)
}

/// Refuses a form whose CSRF token is not the one its page put in cookie `kept`.
fn check_csrf_cookie(
    state: &crate::app::AppState,
    kept: &LoginCookie,
    request: &Request,
    submitted: &str,
) -> AppResult<()> {
    let cookie = kept
        .read(request, state.config.server.is_https())
        .unwrap_or_default();
    check_csrf(verified(state, &cookie).unwrap_or_default(), submitted)
}

fn with_login_csrf(state: &SharedState, response: Response, csrf: &str) -> AppResult<Response> {
    with_csrf(state, &LOGIN_CSRF, response, csrf)
}

fn check_login_csrf(state: &SharedState, request: &Request, submitted: &str) -> AppResult<()> {
    check_csrf_cookie(state, &LOGIN_CSRF, request, submitted)
}

/// The CSRF token of a public form's page: the one the browser already holds, when this
/// portal signed it (so that a second tab does not spoil the first), else a new one.
pub fn public_form_csrf(state: &crate::app::AppState, request: &Request) -> AppResult<String> {
    let held = PUBLIC_FORM_CSRF
        .read(request, state.config.server.is_https())
        .and_then(|cookie| verified(state, &cookie).map(str::to_owned))
        .filter(|token| !token.is_empty());
    match held {
        Some(token) => Ok(token),
        None => accounts::sessions::random_token(),
    }
}

/// Gives a public form's page (an application) its signed CSRF cookie.
pub fn with_public_form_csrf(
    state: &crate::app::AppState,
    response: Response,
    csrf: &str,
) -> AppResult<Response> {
    with_csrf(state, &PUBLIC_FORM_CSRF, response, csrf)
}

/// Refuses a public form whose CSRF token is not its page's.
pub fn check_public_form_csrf(
    state: &crate::app::AppState,
    request: &Request,
    submitted: &str,
) -> AppResult<()> {
    check_csrf_cookie(state, &PUBLIC_FORM_CSRF, request, submitted)
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
    super::clients::admit_attempt(state, request)?;
    check_login_csrf(state, request, &form.csrf)?;
    let user = accounts::find_by_email(&state.db, &form.email)
        .await?
        .filter(|user| user.email.ends_with(crate::demo::ACCOUNTS_DOMAIN))
        .ok_or(AppError::Forbidden)?;
    let txn = crate::db::begin_write(&state.db).await?;
    open_session(state, request, txn, user.key(), "demo", None).await
}

/// Records the login of `user_id` (`method`: `demo`, `proconnect`, `login_link`), opens its
/// session and commits `txn`; then on to the back-office page that asked for the login (or
/// `/admin`) with the session cookie, the login forms' cookies forgotten.
async fn open_session(
    state: &SharedState,
    request: &Request,
    txn: sea_orm::DatabaseTransaction,
    user_id: crate::ids::UserId,
    method: &str,
    id_token: Option<String>,
) -> AppResult<Response> {
    let now = state.now();
    accounts::record_login(&txn, user_id, method, now).await?;
    let policy = state.config.auth.session_policy();
    let opened = sessions::open(&txn, user_id, id_token, policy, now).await?;
    txn.commit().await?;
    let https = state.config.server.is_https();
    let back_to = LOGIN_RETURN
        .read(request, https)
        .filter(|path| safe_return_path(path))
        .unwrap_or_else(|| "/admin".to_owned());
    Ok(see_other(&back_to)
        .header(
            header::SET_COOKIE,
            set_cookie(SESSION_COOKIE, Some(&opened.token), "/", https),
        )
        .header(header::SET_COOKIE, LOGIN_CSRF.set(None, https))
        .header(header::SET_COOKIE, LOGIN_STATE.set(None, https))
        .header(header::SET_COOKIE, LOGIN_RETURN.set(None, https))
        .finish())
}

/// The back-office page a signed-out visitor asked for, kept while they log in (by any
/// method: ProConnect and login links come back in the same browser).
const LOGIN_RETURN: LoginCookie = LoginCookie {
    name: "metiers_login_return",
    path: "/",
};

/// Whether `path` may be where a login leads: a back-office page of this site, nothing that a
/// browser would read as another site (`//host`, `/\\host`), no way out (`/..`), nothing that
/// would break the header.
pub(super) fn safe_return_path(path: &str) -> bool {
    let (path_only, _) = path.split_once('?').unwrap_or((path, ""));
    let back_office = ["/admin", "/en/admin"]
        .iter()
        .any(|prefix| path_only == *prefix || path_only.starts_with(&format!("{prefix}/")));
    back_office
        && path.len() <= 512
        && !path.contains("//")
        && !path.contains("/.")
        && path
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'\\' && b != b';' && b != b',')
}

/// On to the login page, remembering `asked` (a GET of a back-office page) to come back to.
pub fn sign_in_then_back(state: &crate::app::AppState, asked: &poem::http::Uri) -> Response {
    let https = state.config.server.is_https();
    let mut redirect = see_other("/connexion");
    let path = asked.path_and_query().map(|p| p.as_str());
    if let Some(path) = path.filter(|path| safe_return_path(path)) {
        redirect = redirect.header(header::SET_COOKIE, LOGIN_RETURN.set(Some(path), https));
    }
    redirect.finish()
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    csrf: String,
}

/// The state of a ProConnect logout under way, checked when the provider sends the user back.
const LOGOUT_STATE_COOKIE: &str = "metiers_logout_state";

/// Ends the session and forgets its cookie; a ProConnect session also ends at the provider.
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
    let https = state.config.server.is_https();
    let forget = set_cookie(SESSION_COOKIE, None, "/", https);
    if let (Some(proconnect), Some(id_token)) = (&state.proconnect, &session.id_token) {
        let logout_state = sessions::random_token()?;
        if let Some(url) = proconnect.logout_url(id_token, &logout_state).await {
            return Ok(see_other(&url)
                .header(header::SET_COOKIE, forget)
                .header(
                    header::SET_COOKIE,
                    set_cookie(
                        LOGOUT_STATE_COOKIE,
                        Some(&logout_state),
                        "/deconnexion",
                        https,
                    ),
                )
                .finish());
        }
    }
    Ok(see_other("/").header(header::SET_COOKIE, forget).finish())
}

#[derive(Deserialize)]
pub struct LogoutReturn {
    state: Option<String>,
}

/// Where ProConnect sends the user back after logout: the `state` must be ours.
#[handler]
pub async fn logout_return(
    request: &Request,
    Query(query): Query<LogoutReturn>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let expected = cookie(request, LOGOUT_STATE_COOKIE).unwrap_or_default();
    if check_csrf(&expected, query.state.as_deref().unwrap_or_default()).is_err() {
        tracing::warn!("logout return with an unexpected state");
        return login_failed(state, request, "logout-state", StatusCode::BAD_REQUEST);
    }
    let forget = set_cookie(
        LOGOUT_STATE_COOKIE,
        None,
        "/deconnexion",
        state.config.server.is_https(),
    );
    Ok(see_other("/").header(header::SET_COOKIE, forget).finish())
}

/// A page that says why a login (or logout) did not go through.
fn login_failed(
    state: &SharedState,
    request: &Request,
    code: &str,
    status: StatusCode,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let key = format!("login-failed-{code}");
    let view = View::new(
        "admin/login-failed.html",
        page.t("login-failed-title"),
        page.t(&key),
        context! { message_key => key },
    )
    .status(status);
    page.render(view)
}

/// The state of the ProConnect login this browser started: a return with another state (a
/// callback URL someone else obtained) is refused, so nobody can log a browser into their
/// own account.
const LOGIN_STATE: LoginCookie = LoginCookie {
    name: "metiers_login_state",
    path: "/connexion/proconnect",
};

/// Sends the user to ProConnect.
#[handler]
pub async fn proconnect_start(
    request: &Request,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let proconnect = state.proconnect.as_ref().ok_or(AppError::NotFound)?;
    super::clients::admit_attempt(state, request)?;
    match proconnect.start(&state.db, state.now()).await? {
        Ok((url, login_state)) => Ok(see_other(&url)
            .header(
                header::SET_COOKIE,
                LOGIN_STATE.set(Some(&login_state), state.config.server.is_https()),
            )
            .finish()),
        Err(failure) => {
            tracing::error!(%failure, "ProConnect login could not start");
            login_failed(state, request, failure.code(), StatusCode::BAD_GATEWAY)
        }
    }
}

#[derive(Deserialize)]
pub struct ProConnectReturn {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// Where ProConnect sends the user back: checks everything, then opens a session.
#[handler]
pub async fn proconnect_return(
    request: &Request,
    Query(query): Query<ProConnectReturn>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let proconnect = state.proconnect.as_ref().ok_or(AppError::NotFound)?;
    let now = state.now();
    let code = query.code.as_deref();
    let login_state = query.state.as_deref().unwrap_or_default();
    let started_here = LOGIN_STATE
        .read(request, state.config.server.is_https())
        .unwrap_or_default();
    if check_csrf(&started_here, login_state).is_err() {
        tracing::warn!("ProConnect return to a browser that did not start this login");
        return login_failed(state, request, "state", StatusCode::BAD_REQUEST);
    }
    let identity = match proconnect
        .finish(&state.db, code, query.error.as_deref(), login_state, now)
        .await?
    {
        Ok(identity) => identity,
        Err(failure) => {
            tracing::warn!(%failure, "ProConnect login failed");
            let status = match failure {
                LoginFailure::Cancelled => StatusCode::OK,
                LoginFailure::ProviderDown(_) => StatusCode::BAD_GATEWAY,
                _ => StatusCode::BAD_REQUEST,
            };
            return login_failed(state, request, failure.code(), status);
        }
    };
    let txn = crate::db::begin_write(&state.db).await?;
    let Some(user) = accounts::sign_in(&txn, &identity, now).await? else {
        tracing::info!(email = %identity.email, "ProConnect login without access");
        return login_failed(state, request, "no-access", StatusCode::FORBIDDEN);
    };
    open_session(
        state,
        request,
        txn,
        user.key(),
        "proconnect",
        Some(identity.id_token),
    )
    .await
}

#[derive(Deserialize)]
pub struct LinkRequest {
    email: String,
    csrf: String,
}

/// Refuses the login-link routes while login links are off, and too many attempts.
fn login_links_allowed(state: &SharedState, request: &Request) -> AppResult<()> {
    if !state.config.auth.login_links {
        return Err(AppError::NotFound);
    }
    super::clients::admit_attempt(state, request)?;
    Ok(())
}

/// The login-link page: `sent` after a request, else the button that uses link `token`.
fn login_link_page(
    state: &SharedState,
    request: &Request,
    token: Option<&str>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let csrf = sessions::random_token()?;
    let view = View::new(
        "admin/login-link.html",
        page.t("login-link-title"),
        page.t("login-link-title"),
        context! {
            csrf => csrf,
            action => token.map(|token| format!("/connexion/lien/{token}")),
        },
    );
    with_login_csrf(state, super::admin::render_private(&page, view)?, &csrf)
}

/// Sends a login link by email, when the address may get in; the answer is the same either way.
#[handler]
pub async fn login_link_request(
    request: &Request,
    Form(form): Form<LinkRequest>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    login_links_allowed(state, request)?;
    check_login_csrf(state, request, &form.csrf)?;
    let txn = crate::db::begin_write(&state.db).await?;
    let letterhead = state.letterhead();
    match accounts::login_links::request(&txn, &letterhead, &form.email, state.now()).await {
        Err(AppError::Invalid(_)) => {
            return login_failed(state, request, "link-email", StatusCode::BAD_REQUEST);
        }
        other => other?,
    }
    txn.commit().await?;
    state.mailer.wake();
    login_link_page(state, request, None)
}

/// Where a login link leads: a button, so that mail scanners opening links do not use it up.
#[handler]
pub async fn login_link_page_for(
    request: &Request,
    Path(token): Path<String>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    login_links_allowed(state, request)?;
    login_link_page(state, request, Some(&token))
}

/// Uses a login link: once, within 15 minutes.
#[handler]
pub async fn login_link_use(
    request: &Request,
    Path(token): Path<String>,
    Form(form): Form<CsrfOnly>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    login_links_allowed(state, request)?;
    check_login_csrf(state, request, &form.csrf)?;
    let txn = crate::db::begin_write(&state.db).await?;
    match accounts::login_links::redeem(&txn, &token, state.now()).await? {
        Some(user) => open_session(state, request, txn, user.key(), "login_link", None).await,
        None => {
            tracing::info!("login link unknown, used or expired");
            login_failed(state, request, "link", StatusCode::BAD_REQUEST)
        }
    }
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
    fn login_cookies_cannot_be_planted_behind_https() {
        assert_eq!(
            LOGIN_CSRF.set(Some("t"), true),
            "__Host-metiers_login_csrf=t; Path=/; HttpOnly; SameSite=Lax; Secure"
        );
        assert_eq!(
            LOGIN_STATE.set(Some("t"), false),
            "metiers_login_state=t; Path=/connexion/proconnect; HttpOnly; SameSite=Lax"
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
