//! The public portal: HTML pages in French at the root and in English under `/en`.

mod alerts;
mod apply;
mod feeds;
mod home;
mod jsonld;
mod ministries;
mod notices;
mod offers;
mod pages;
mod rights;
mod statistics;
mod stories;
pub(crate) mod talents;
mod views;

pub(crate) use offers::offer_page;

/// The images that ministries `tenants` (logos) and `stories` (photos) show.
fn image_ids<'a>(
    tenants: impl IntoIterator<Item = &'a crate::entities::tenants::Model>,
    stories: impl IntoIterator<Item = &'a crate::entities::stories::Model>,
) -> Vec<crate::ids::MediaId> {
    let logos = tenants
        .into_iter()
        .filter_map(|tenant| tenant.logo_media_id);
    let photos = stories.into_iter().filter_map(|story| story.photo_media_id);
    logos.chain(photos).map(crate::ids::MediaId::new).collect()
}
pub(crate) use stories::story_page;

use minijinja::{Value, context};
use poem::{
    Request, Response, Route, get,
    http::{StatusCode, header},
    post,
};

use crate::{
    app::AppState,
    error::AppResult,
    i18n::{Arg, Lang},
    render::DEFAULT_THEME,
};

/// The portal's pages, mounted at `/` and at `/en`.
pub fn pages() -> Route {
    Route::new()
        .at("/", get(home::home))
        .at("/offres", get(offers::list))
        .at("/offres.atom", get(feeds::offers_feed))
        .at("/offres/:slug", get(offers::detail))
        .at(
            "/offres/:slug/candidater",
            get(apply::form_page).post(apply::submit),
        )
        .at("/offres/:slug/postuler", get(apply::leave))
        .at("/alertes", get(alerts::form_page).post(alerts::subscribe))
        .at(
            "/alertes/confirmer/:token",
            get(alerts::confirm_page).post(alerts::confirm),
        )
        .at(
            "/alertes/desabonner/:token",
            get(alerts::unsubscribe_page).post(alerts::unsubscribe),
        )
        .at("/vivier", get(talents::join_page).post(talents::join))
        .at(
            "/vivier/confirmer/:token",
            get(talents::confirm_page).post(talents::confirm),
        )
        .at(
            "/vivier/profil/:token",
            get(talents::profile_page).post(talents::update),
        )
        .at("/vivier/profil/:token/prolonger", post(talents::renew))
        .at("/vivier/profil/:token/supprimer", post(talents::delete))
        .at("/ministeres", get(ministries::list))
        .at("/ministeres/:slug", get(ministries::detail))
        .at("/ministeres/:slug/offres.atom", get(feeds::ministry_feed))
        .at("/temoignages", get(stories::list))
        .at("/temoignages/:slug", get(stories::detail))
        .at("/accessibilite", get(pages::accessibility))
        .at("/mentions-legales", get(pages::legal_notice))
        .at("/donnees-personnelles", get(pages::personal_data))
        .at(
            "/donnees-personnelles/demande",
            get(rights::form_page).post(rights::ask),
        )
        .at(
            "/donnees-personnelles/demande/:token",
            get(rights::confirm_page).post(rights::confirm),
        )
        .at("/plan-du-site", get(pages::site_map))
        .at("/statistiques", get(statistics::page))
}

/// The pages in English, at `/en`: the same paths, and the application form and the impact
/// page also at their English names.
pub fn english() -> Route {
    pages()
        .at(
            "/offres/:slug/apply",
            get(apply::form_page).post(apply::submit),
        )
        .at("/statistics", get(statistics::page))
}

/// The French pages plus the routes that exist once, outside the language prefix.
pub fn root() -> Route {
    pages()
        .at("/sitemap.xml", get(feeds::sitemap))
        .at("/robots.txt", get(feeds::robots))
        .at("/ministeres/:slug/theme.css", get(ministries::theme_css))
}

/// What every page knows of the request it answers.
pub struct PageContext<'a> {
    pub state: &'a AppState,
    pub lang: Lang,
    /// The path without the language prefix.
    pub path: String,
    pub query: Option<String>,
}

/// A page to render: its template, its head and its own data.
pub struct View {
    pub status: StatusCode,
    pub template: &'static str,
    pub title: String,
    pub description: String,
    pub data: Value,
    /// The ministry whose theme, logo and colours the page takes.
    pub ministry: Option<(String, Value)>,
}

impl View {
    pub fn new(template: &'static str, title: String, description: String, data: Value) -> Self {
        Self {
            status: StatusCode::OK,
            template,
            title,
            description,
            data,
            ministry: None,
        }
    }

    pub fn status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    /// The page shown to a reviewer before it is public: what leads to the item's own public
    /// addresses (its application form) is shown but inert, as they do not exist yet.
    pub fn previewed(mut self) -> Self {
        self.data = minijinja::context! { preview => true, ..self.data };
        self
    }

    pub fn themed_by(mut self, theme: &str, ministry: Value) -> Self {
        self.ministry = Some((theme.to_owned(), ministry));
        self
    }
}

impl<'a> PageContext<'a> {
    pub fn new(state: &'a AppState, request: &Request) -> Self {
        Self::at(state, request.original_uri())
    }

    /// The context of the page at `uri`.
    pub fn at(state: &'a AppState, uri: &poem::http::Uri) -> Self {
        let (lang, path) = Lang::from_path(uri.path());
        let path = match lang {
            Lang::En => crate::i18n::french_path(path),
            Lang::Fr => path.into(),
        };
        Self {
            state,
            lang,
            path: path.into_owned(),
            query: page_query(uri.path(), uri.query()),
        }
    }

    pub fn t(&self, key: &str) -> String {
        self.state.i18n.text(self.lang, key)
    }

    /// A message with text arguments.
    pub fn t_with(&self, key: &str, args: &[(&str, &str)]) -> String {
        let args: Vec<_> = args
            .iter()
            .map(|(name, value)| (*name, Arg::Text((*value).to_owned())))
            .collect();
        self.state.i18n.message(self.lang, key, &args)
    }

    /// An absolute URL of `path` (without language prefix) in `lang`.
    pub fn absolute(&self, lang: Lang, path: &str) -> String {
        absolute_url(&self.state.config.server.base_url, lang, path)
    }

    /// A portal path in the page's language.
    pub fn link(&self, path: &str) -> String {
        match (self.lang, path) {
            (Lang::En, "/") => "/en".to_owned(),
            (Lang::En, path) => format!("/en{}", crate::i18n::english_path(path)),
            (Lang::Fr, path) => path.to_owned(),
        }
    }

    /// Renders `view` for this visitor only: no cache keeps it.
    pub fn render_private(&self, view: View) -> AppResult<Response> {
        let mut response = self.render(view)?;
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        );
        Ok(response)
    }

    pub fn render(&self, view: View) -> AppResult<Response> {
        let query = self
            .query
            .as_ref()
            .map(|q| format!("?{q}"))
            .unwrap_or_default();
        let (theme, ministry) = match view.ministry {
            Some((theme, ministry)) => (theme, ministry),
            None => (DEFAULT_THEME.to_owned(), Value::from(())),
        };
        let context = context! {
            lang => self.lang.code(),
            current_path => self.path,
            site => context! {
                name => self.t("site-name"),
                base_url => self.state.config.server.base_url,
            },
            page => context! {
                title => view.title,
                description => view.description,
                canonical => format!("{}{query}", self.absolute(self.lang, &self.path)),
                alternate_fr => self.absolute(Lang::Fr, &self.path),
                alternate_en => self.absolute(Lang::En, &self.path),
                og_image => Value::from(()),
            },
            themed_ministry => ministry,
            // The optional Matomo tag, on the portal only.
            matomo => self.state.config.analytics.matomo.as_ref()
                .filter(|_| !self.path.starts_with("/admin"))
                .map(|matomo| context! { url => matomo.url, site_id => matomo.site_id }),
            ..view.data
        };
        let html = self.state.renderer.render(&theme, view.template, context)?;
        Ok(Response::builder()
            .status(view.status)
            .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
            .body(html))
    }
}

/// The absolute URL of the portal page at `path` (French, without language prefix) in `lang`.
pub fn absolute_url(base_url: &str, lang: Lang, path: &str) -> String {
    let path = match lang {
        Lang::En if path == "/" => "".into(),
        Lang::En => crate::i18n::english_path(path),
        Lang::Fr => path.into(),
    };
    format!("{base_url}{}{path}", lang.prefix())
}

/// The query string of the portal page at `path` as the page reads it: the listing's filters
/// and page number, normalised; `None` for the pages that read none. The page cache's key and
/// the canonical link take it, so unknown parameters change neither.
pub fn page_query(path: &str, raw: Option<&str>) -> Option<String> {
    let (_, path) = Lang::from_path(path);
    (path == "/offres")
        .then(|| offers::canonical_query(raw.unwrap_or_default()))
        .filter(|query| !query.is_empty())
}

/// The active ministries by id: one query, shared by a page's cards.
pub async fn active_tenants(
    state: &AppState,
) -> AppResult<std::collections::HashMap<i32, crate::entities::tenants::Model>> {
    Ok(crate::tenants::list_active(&state.db)
        .await?
        .into_iter()
        .map(|tenant| (tenant.id, tenant))
        .collect())
}
