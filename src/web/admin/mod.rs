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

mod applications;
mod dashboard;
pub(crate) mod forms;
mod items;
mod jobs;
mod media;
mod members;
mod ministries;
mod moderation;
mod offers;
mod reviewed_fields;
mod statistics;
mod stories;
mod talents;
mod tokens;

use std::collections::BTreeMap;

use minijinja::{Value, context};
use poem::{
    FromRequest, Request, RequestBody, Response, Route, RouteMethod, get, handler,
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
    accounts::{Actor, AdminScope, Scope, sessions},
    app::{AppState, SharedState},
    codes::Status,
    content::Within,
    entities::{sessions as session_rows, tenants},
    error::{AppError, AppResult},
    ids::TenantId,
};

/// Who may use a back-office route. The domain enforces it; `tests/isolation.rs` walks
/// [`ROUTES`] and checks that everyone else is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Any member of the ministry the session works on (editors included).
    Editor,
    /// Managers of that ministry and DINUM admins.
    Manager,
    /// DINUM admins only.
    Admin,
}

/// A back-office route: its path under `/admin` (poem's `:name` parameters), who may `GET` it
/// and who may `POST` to it, and its handlers.
pub struct AdminRoute {
    pub path: &'static str,
    pub get: Option<Access>,
    pub post: Option<Access>,
    endpoint: fn() -> RouteMethod,
}

const fn route(
    path: &'static str,
    get: Option<Access>,
    post: Option<Access>,
    endpoint: fn() -> RouteMethod,
) -> AdminRoute {
    AdminRoute {
        path,
        get,
        post,
        endpoint,
    }
}

const EDITORS: Option<Access> = Some(Access::Editor);
const MANAGERS: Option<Access> = Some(Access::Manager);
const ADMINS: Option<Access> = Some(Access::Admin);
/// A method a route does not answer.
const NOBODY: Option<Access> = None;

/// Every back-office route: [`routes`] mounts them, the isolation test walks them.
pub const ROUTES: &[AdminRoute] = &[
    route("/", EDITORS, NOBODY, || get(dashboard::dashboard)),
    route("/journal", ADMINS, NOBODY, || get(dashboard::journal)),
    route("/courriels", ADMINS, NOBODY, || get(dashboard::emails)),
    route("/ministere-courant", NOBODY, EDITORS, || {
        post(switch_ministry)
    }),
    route("/apercu", NOBODY, EDITORS, || post(markdown_preview)),
    route("/offres", EDITORS, NOBODY, || get(offers::list)),
    route("/offres/nouvelle", EDITORS, EDITORS, || {
        get(offers::new_form).post(offers::create)
    }),
    route("/offres/:id", EDITORS, EDITORS, || {
        get(offers::edit_form).post(offers::update)
    }),
    route("/offres/:id/dupliquer", NOBODY, EDITORS, || {
        post(offers::duplicate)
    }),
    route("/offres/:id/archiver", NOBODY, EDITORS, || {
        post(offers::archive)
    }),
    route("/offres/:id/soumettre", NOBODY, EDITORS, || {
        post(offers::submit)
    }),
    route("/offres/:id/pourvue", NOBODY, EDITORS, || {
        post(offers::mark_filled)
    }),
    route(
        "/offres/:id/versions/:number/restaurer",
        NOBODY,
        EDITORS,
        || post(offers::restore),
    ),
    route("/temoignages", EDITORS, NOBODY, || get(stories::list)),
    route("/temoignages/nouveau", EDITORS, EDITORS, || {
        get(stories::new_form).post(stories::create)
    }),
    route("/temoignages/:id", EDITORS, EDITORS, || {
        get(stories::edit_form).post(stories::update)
    }),
    route("/temoignages/:id/dupliquer", NOBODY, EDITORS, || {
        post(stories::duplicate)
    }),
    route("/temoignages/:id/archiver", NOBODY, EDITORS, || {
        post(stories::archive)
    }),
    route("/temoignages/:id/soumettre", NOBODY, EDITORS, || {
        post(stories::submit)
    }),
    route(
        "/temoignages/:id/versions/:number/restaurer",
        NOBODY,
        EDITORS,
        || post(stories::restore),
    ),
    route("/medias", EDITORS, EDITORS, || {
        get(media::library).post(media::upload)
    }),
    route("/medias/:id", EDITORS, EDITORS, || {
        get(media::item).post(media::describe)
    }),
    route("/medias/:id/remplacer", NOBODY, EDITORS, || {
        post(media::replace)
    }),
    route("/medias/:id/supprimer", NOBODY, EDITORS, || {
        post(media::delete)
    }),
    route("/taches", ADMINS, NOBODY, || get(jobs::list)),
    route("/taches/:name/lancer", NOBODY, ADMINS, || {
        post(jobs::run_now)
    }),
    route("/candidatures", EDITORS, NOBODY, || get(applications::list)),
    route("/candidatures/:id", EDITORS, NOBODY, || {
        get(applications::item)
    }),
    route("/candidatures/:id/statut", NOBODY, EDITORS, || {
        post(applications::change_status)
    }),
    route("/candidatures/:id/cv", EDITORS, NOBODY, || {
        get(applications::cv)
    }),
    route("/candidatures/:id/notes", NOBODY, EDITORS, || {
        post(applications::save_notes)
    }),
    route("/offres/:id/candidatures.csv", EDITORS, NOBODY, || {
        get(applications::export)
    }),
    route("/vivier", EDITORS, NOBODY, || get(talents::search)),
    route("/vivier/:id", EDITORS, NOBODY, || get(talents::item)),
    route("/vivier/:id/contact", NOBODY, EDITORS, || {
        post(talents::contact)
    }),
    route("/vivier/:id/cv", EDITORS, NOBODY, || get(talents::cv)),
    route("/moderation", ADMINS, NOBODY, || get(moderation::queue)),
    route("/moderation/:kind/:id", ADMINS, ADMINS, || {
        get(moderation::review_form).post(moderation::review)
    }),
    route("/moderation/:kind/:id/apercu", ADMINS, NOBODY, || {
        get(moderation::portal_preview)
    }),
    route("/ministere", MANAGERS, MANAGERS, || {
        get(ministries::settings_form).post(ministries::save_settings)
    }),
    route("/jetons", MANAGERS, NOBODY, || get(tokens::page)),
    route("/jetons/nouveau", NOBODY, MANAGERS, || post(tokens::create)),
    route("/jetons/:id/revoquer", NOBODY, MANAGERS, || {
        post(tokens::revoke)
    }),
    route("/membres", MANAGERS, NOBODY, || get(members::page)),
    route("/membres/inviter", NOBODY, MANAGERS, || {
        post(members::invite)
    }),
    route("/membres/invitations/:id/:action", NOBODY, MANAGERS, || {
        post(members::invitation_action)
    }),
    route("/membres/:user_id/:action", NOBODY, MANAGERS, || {
        post(members::member_action)
    }),
    route("/statistiques", EDITORS, NOBODY, || get(statistics::page)),
    route("/statistiques/export", EDITORS, NOBODY, || {
        get(statistics::export)
    }),
    route("/statistiques/objectifs", NOBODY, EDITORS, || {
        post(statistics::set_goals)
    }),
    route("/ministeres", ADMINS, NOBODY, || get(ministries::list)),
    route("/ministeres/nouveau", ADMINS, ADMINS, || {
        get(ministries::new_form).post(ministries::create)
    }),
    route("/ministeres/:id", ADMINS, ADMINS, || {
        get(ministries::edit_form).post(ministries::update)
    }),
    route("/ministeres/:id/archiver", NOBODY, ADMINS, || {
        post(ministries::archive)
    }),
];

/// The back-office routes, mounted at `/admin` and `/en/admin`.
pub fn routes() -> Route {
    ROUTES.iter().fold(Route::new(), |routes, route| {
        routes.at(route.path, (route.endpoint)())
    })
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
            .filter(|tenant| actor.can_edit(tenant.key()))
            .collect();
        let current = session
            .tenant_id
            .and_then(|id| ministries.iter().find(|t| t.id == id))
            .or_else(|| ministries.iter().find(|t| actor.role_in(t.key()).is_some()))
            .cloned();
        let notice = request
            .uri()
            .query()
            .and_then(|query| query.strip_prefix("ok="))
            .and_then(|rest| rest.split('&').next())
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
    pub fn tenant_id(&self) -> AppResult<TenantId> {
        self.current
            .as_ref()
            .map(|tenant| tenant.key())
            .ok_or(AppError::NotFound)
    }

    /// Whether saving an item in `status` in the current ministry sends it back to review
    /// (`moderation::edit_goes_to_review`).
    pub fn edit_goes_to_review(&self, status: Status) -> bool {
        let trusted = self.current.as_ref().is_some_and(|tenant| tenant.trusted);
        crate::moderation::edit_goes_to_review(status, trusted)
    }

    /// The current ministry, as its editor: what every read and change of its rows needs.
    pub fn scope(&self) -> AppResult<Scope> {
        self.actor.editor_in(self.tenant_id()?)
    }

    /// The current ministry, as its manager.
    pub fn managing(&self) -> AppResult<Scope> {
        self.actor.manager_in(self.tenant_id()?)
    }

    /// Every ministry, as a DINUM admin.
    pub fn everywhere(&self) -> AppResult<AdminScope> {
        self.actor.admin()
    }

    /// Whose offers and stories the lists show: the current ministry's, or every ministry's
    /// for a DINUM admin who has not chosen one.
    pub fn listed(&self) -> AppResult<Within> {
        match (self.scope(), &self.current) {
            (Ok(scope), _) => Ok(Within::Ministry(scope)),
            (Err(_), None) if self.actor.is_admin() => Ok(Within::Everywhere(self.everywhere()?)),
            (Err(error), _) => Err(error),
        }
    }

    /// The ministry (id, name) of a row of a list across ministries; none in one ministry's.
    pub fn row_ministry(&self, listed: &Within, tenant_id: i32) -> Option<(i32, String)> {
        let name = self.ministries.iter().find(|tenant| tenant.id == tenant_id);
        let name = name.map(|tenant| tenant.name.clone()).unwrap_or_default();
        listed.is_everywhere().then_some((tenant_id, name))
    }

    /// The time of this request.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.state.now()
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
    fn current_role(&self, tenant_id: TenantId) -> &'static str {
        match self.actor.role_in(tenant_id) {
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
            role: self.current_role(tenant.key()),
            can_manage: self.actor.can_manage(tenant.key()),
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
        // The notice first, then the page's own query, if any.
        let to = match path.split_once('?') {
            Some((path, query)) => format!("{}?ok={notice}&{query}", self.page.link(path)),
            None => format!("{}?ok={notice}", self.page.link(path)),
        };
        crate::web::http::see_other(&to).finish()
    }
}

/// `at` as people in France read it: the day and time in Paris (`15/01/2026 13:00`).
pub(super) fn paris_time(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::Paris)
        .format("%d/%m/%Y %H:%M")
        .to_string()
}

/// The same to the second, for logs of what ran (the journal, the tasks).
pub(super) fn paris_time_to_the_second(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::Paris)
        .format("%d/%m/%Y %H:%M:%S")
        .to_string()
}

/// Renders a back-office page: never cached, by the browser or by anyone else.
pub(super) fn render_private(page: &PageContext, view: View) -> AppResult<Response> {
    page.render_private(view)
}

/// Switches the session to another of the user's ministries.
#[handler]
async fn switch_ministry(admin: Admin<'_>, form: Form<Pairs>) -> AppResult<Response> {
    let form = admin.posted(form)?;
    let tenant_id = form.number::<i32>("tenant_id")?.ok_or(AppError::NotFound)?;
    let tenant_id = TenantId::new(tenant_id);
    if !admin
        .ministries
        .iter()
        .any(|tenant| tenant.key() == tenant_id)
    {
        return Err(AppError::Forbidden);
    }
    let scope = admin.actor.editor_in(tenant_id)?;
    sessions::switch_tenant(&admin.state.db, &admin.session.token_hash, &scope).await?;
    // From a list across ministries: on to the item chosen, in its ministry.
    let back_to = form
        .optional("retour")
        .filter(|path| path.starts_with("/admin") && auth::safe_return_path(path))
        .unwrap_or_else(|| "/admin".to_owned());
    Ok(admin.confirm(&back_to, "switched"))
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
        return Err(AppError::BadRequest("markdown too long to preview"));
    }
    let html = crate::markdown::preview(markdown.to_owned()).await?;
    Ok(Response::builder()
        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
        .header(header::CACHE_CONTROL, "no-store")
        .body(html))
}
