//! The back-office under `/admin` (and `/en/admin`). Every handler starts from [`Admin`]: the
//! logged-in user, their session and the ministry they work on. Anonymous requests go to the
//! login page; what a role may not do answers 403, and what belongs to another ministry 404.
//! The rules themselves live in the domain modules, which take the acting user.

/// Runs `$change`, an expression over the transaction `$txn`, and commits it; evaluates to
/// the change's value. For handlers, which return `AppResult`.
macro_rules! committed {
    ($admin:expr, |$txn:ident| $change:expr) => {{
        let $txn = crate::db::begin_write(&$admin.state.db).await?;
        let value = $change;
        $txn.commit().await?;
        value
    }};
}

mod dashboard;
mod forms;
mod items;
mod jobs;
mod media;
mod members;
mod ministries;
mod moderation;
mod offers;
mod stories;

use std::collections::BTreeMap;

use minijinja::{Value, context};
use poem::{
    FromRequest, Request, RequestBody, Response, Route, get, handler,
    http::{StatusCode, header},
    post,
    web::Form,
};
use serde::Serialize;

use self::forms::FormData;
pub use self::forms::Pairs;
use super::{
    auth,
    portal::{PageContext, View},
};
use crate::{
    accounts::{Actor, sessions},
    app::{AppState, SharedState},
    codes::Status,
    entities::{sessions as session_rows, tenants},
    error::{AppError, AppResult},
};

/// The back-office routes, mounted at `/admin` and `/en/admin`.
pub fn routes() -> Route {
    Route::new()
        .at("/", get(dashboard::dashboard))
        .at("/journal", get(dashboard::journal))
        .at("/courriels", get(dashboard::emails))
        .at("/ministere-courant", post(switch_ministry))
        .at("/apercu", post(markdown_preview))
        .at("/offres", get(offers::list))
        .at(
            "/offres/nouvelle",
            get(offers::new_form).post(offers::create),
        )
        .at("/offres/:id", get(offers::edit_form).post(offers::update))
        .at("/offres/:id/dupliquer", post(offers::duplicate))
        .at("/offres/:id/archiver", post(offers::archive))
        .at("/offres/:id/soumettre", post(offers::submit))
        .at("/offres/:id/pourvue", post(offers::mark_filled))
        .at(
            "/offres/:id/versions/:number/restaurer",
            post(offers::restore),
        )
        .at("/temoignages", get(stories::list))
        .at(
            "/temoignages/nouveau",
            get(stories::new_form).post(stories::create),
        )
        .at(
            "/temoignages/:id",
            get(stories::edit_form).post(stories::update),
        )
        .at("/temoignages/:id/dupliquer", post(stories::duplicate))
        .at("/temoignages/:id/archiver", post(stories::archive))
        .at("/temoignages/:id/soumettre", post(stories::submit))
        .at(
            "/temoignages/:id/versions/:number/restaurer",
            post(stories::restore),
        )
        .at("/medias", get(media::library).post(media::upload))
        .at("/medias/:id", get(media::item).post(media::describe))
        .at("/medias/:id/remplacer", post(media::replace))
        .at("/medias/:id/supprimer", post(media::delete))
        .at("/taches", get(jobs::list))
        .at("/taches/:name/lancer", post(jobs::run_now))
        .at("/moderation", get(moderation::queue))
        .at(
            "/moderation/:kind/:id",
            get(moderation::review_form).post(moderation::review),
        )
        .at(
            "/moderation/:kind/:id/apercu",
            get(moderation::portal_preview),
        )
        .at(
            "/ministere",
            get(ministries::settings_form).post(ministries::save_settings),
        )
        .at("/membres", get(members::page))
        .at("/membres/inviter", post(members::invite))
        .at(
            "/membres/invitations/:id/:action",
            post(members::invitation_action),
        )
        .at("/membres/:user_id/:action", post(members::member_action))
        .at("/ministeres", get(ministries::list))
        .at(
            "/ministeres/nouveau",
            get(ministries::new_form).post(ministries::create),
        )
        .at(
            "/ministeres/:id",
            get(ministries::edit_form).post(ministries::update),
        )
        .at("/ministeres/:id/archiver", post(ministries::archive))
}

/// The acting user of a back-office request, their session and the ministry they work on.
pub struct Admin<'a> {
    pub state: &'a AppState,
    pub page: PageContext<'a>,
    pub actor: Actor,
    pub session: session_rows::Model,
    /// The ministry this session works on: the one chosen last, else the user's first.
    pub current: Option<tenants::Model>,
    /// The ministries the user may switch to (DINUM admins: every active one).
    pub ministries: Vec<tenants::Model>,
    notice: Option<&'static str>,
}

impl<'a> FromRequest<'a> for Admin<'a> {
    async fn from_request(request: &'a Request, _body: &mut RequestBody) -> poem::Result<Self> {
        let state: &SharedState = request
            .data::<SharedState>()
            .expect("the router adds the state");
        let (actor, session) = auth::current(state, request)
            .await?
            .ok_or(AppError::SignInRequired)?;
        let ministries: Vec<tenants::Model> = crate::tenants::list_active(&state.db)
            .await?
            .into_iter()
            .filter(|tenant| actor.can_edit(tenant.id))
            .collect();
        let current = session
            .tenant_id
            .and_then(|id| ministries.iter().find(|t| t.id == id))
            .or_else(|| ministries.iter().find(|t| actor.roles.contains_key(&t.id)))
            .cloned();
        let notice = request
            .uri()
            .query()
            .and_then(|query| query.strip_prefix("ok="))
            .and_then(|code| {
                crate::i18n::ADMIN_NOTICES
                    .iter()
                    .find(|known| **known == code)
            })
            .copied();
        Ok(Self {
            state,
            page: PageContext::new(state, request),
            actor,
            session,
            current,
            ministries,
            notice,
        })
    }
}

#[derive(Serialize)]
struct CurrentMinistry {
    id: i32,
    slug: String,
    name: String,
    acronym: String,
    role: &'static str,
    can_manage: bool,
}

#[derive(Serialize)]
struct SwitchableMinistry {
    id: i32,
    name: String,
    acronym: String,
    current: bool,
}

impl Admin<'_> {
    /// The ministry this request works on; without one, there is nothing to show.
    pub fn tenant_id(&self) -> AppResult<i32> {
        self.current
            .as_ref()
            .map(|tenant| tenant.id)
            .ok_or(AppError::NotFound)
    }

    /// Whether saving an item in `status` sends it back to review (a published item of a
    /// ministry that is not trusted).
    pub fn edit_goes_to_review(&self, status: &str) -> bool {
        [Status::Published, Status::Filled]
            .map(Status::as_str)
            .contains(&status)
            && !self.current.as_ref().is_some_and(|tenant| tenant.trusted)
    }

    /// Who acts, in which ministry, and when: what every change of the current ministry needs.
    pub fn scope(&self) -> AppResult<(&Actor, i32, chrono::DateTime<chrono::Utc>)> {
        Ok((&self.actor, self.tenant_id()?, self.state.now()))
    }

    /// The submitted form, once its CSRF token is checked.
    pub fn posted(&self, Form(pairs): Form<Pairs>) -> AppResult<FormData> {
        self.checked(FormData::new(pairs))
    }

    /// `form`, once its CSRF token is checked.
    pub fn checked(&self, form: FormData) -> AppResult<FormData> {
        auth::check_csrf(&self.session.csrf_token, form.text("csrf").as_str())?;
        Ok(form)
    }

    pub fn t(&self, key: &str) -> String {
        self.page.t(key)
    }

    /// The role shown beside the current ministry.
    fn current_role(&self, tenant_id: i32) -> &'static str {
        match self.actor.roles.get(&tenant_id) {
            Some(role) => role.as_str(),
            None => "admin",
        }
    }

    /// Renders a back-office page (`nav`: the menu entry it belongs to). Never cached.
    pub fn render(
        &self,
        template: &'static str,
        title: String,
        nav: &str,
        data: Value,
    ) -> AppResult<Response> {
        self.render_form(&BTreeMap::new(), template, title, nav, data)
    }

    /// Renders a page with a form: 400 when the form is shown again with `errors`.
    pub fn render_form(
        &self,
        errors: &BTreeMap<String, String>,
        template: &'static str,
        title: String,
        nav: &str,
        data: Value,
    ) -> AppResult<Response> {
        let status = if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::BAD_REQUEST
        };
        let current = self.current.as_ref().map(|tenant| CurrentMinistry {
            id: tenant.id,
            slug: tenant.slug.clone(),
            name: tenant.name.clone(),
            acronym: tenant.acronym.clone(),
            role: self.current_role(tenant.id),
            can_manage: self.actor.can_manage(tenant.id),
        });
        let ministries: Vec<SwitchableMinistry> = self
            .ministries
            .iter()
            .map(|tenant| SwitchableMinistry {
                id: tenant.id,
                name: tenant.name.clone(),
                acronym: tenant.acronym.clone(),
                current: current.as_ref().is_some_and(|c| c.id == tenant.id),
            })
            .collect();
        let context = context! {
            admin => context! {
                user_name => self.actor.display_name(),
                email => self.actor.user.email,
                is_admin => self.actor.is_admin(),
                csrf => self.session.csrf_token,
                nav => nav,
                current => current,
                ministries => ministries,
            },
            notice => self.notice,
            ..data
        };
        let view = View::new(template, title.clone(), title, context).status(status);
        render_private(&self.page, view)
    }

    /// Back to a back-office page after a change, with a confirmation. The change is
    /// committed: the portal's cached pages are dropped so that it shows at once, and the
    /// emails it wrote leave now.
    pub fn redirect(&self, path: &str, notice: &str) -> Response {
        self.state.page_cache.clear();
        self.state.media_cache.clear();
        self.state.mailer.wake();
        self.confirm(path, notice)
    }

    /// Back to a back-office page with a confirmation, after a step that changed nothing the
    /// portal shows (switching ministry).
    fn confirm(&self, path: &str, notice: &str) -> Response {
        debug_assert!(crate::i18n::ADMIN_NOTICES.contains(&notice));
        let to = format!("{}?ok={notice}", self.page.link(path));
        Response::builder()
            .status(StatusCode::SEE_OTHER)
            .header(header::LOCATION, to)
            .finish()
    }
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

/// Switches the session to another of the user's ministries.
#[handler]
async fn switch_ministry(admin: Admin<'_>, form: Form<Pairs>) -> AppResult<Response> {
    let form = admin.posted(form)?;
    let tenant_id = form.number::<i32>("tenant_id")?.ok_or(AppError::NotFound)?;
    if !admin.ministries.iter().any(|tenant| tenant.id == tenant_id) {
        return Err(AppError::Forbidden);
    }
    sessions::switch_tenant(&admin.state.db, &admin.session.token_hash, tenant_id).await?;
    Ok(admin.confirm("/admin", "switched"))
}

/// The most Markdown the live preview renders at once.
const PREVIEW_LIMIT: usize = 100_000;

/// The sanitized HTML of Markdown typed in a form, as the portal will show it: the editors'
/// live preview (`themes/dsfr/static/js/admin-preview.js`).
#[handler]
async fn markdown_preview(admin: Admin<'_>, form: Form<Pairs>) -> AppResult<Response> {
    let form = admin.posted(form)?;
    let markdown = form.raw("markdown");
    if markdown.len() > PREVIEW_LIMIT {
        return Err(AppError::invalid("markdown", "too long to preview"));
    }
    let html = crate::markdown::preview(markdown.to_owned()).await?;
    Ok(Response::builder()
        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
        .header(header::CACHE_CONTROL, "no-store")
        .body(html))
}
