//! Machine-readable views: Atom feeds of offers and the sitemap, from the default theme's
//! `feeds/` templates, and robots.txt.

use chrono::{DateTime, Utc};
use minijinja::{Value, context};
use poem::{
    Request, Response, handler,
    http::header,
    web::{Data, Path},
};

use super::{PageContext, active_tenants};
use crate::{
    app::SharedState,
    entities::tenants,
    error::{AppError, AppResult},
    markdown::to_plain_text,
    offers, stories,
};

/// How many offers a feed carries.
const FEED_SIZE: usize = 50;

fn xml_response(content_type: &str, body: String) -> Response {
    Response::builder()
        .header(header::CONTENT_TYPE, content_type)
        .body(body)
}

async fn atom(page: &PageContext<'_>, tenant: Option<&tenants::Model>) -> AppResult<Response> {
    let state = page.state;
    let now = state.now();
    let newest = state
        .catalogue()
        .await?
        .latest(tenant.map(|t| t.id), FEED_SIZE, now);
    let latest = offers::in_order(&state.db, &newest).await?;
    let tenants = active_tenants(state).await?;
    let listing = match tenant {
        Some(t) => format!("/ministeres/{}", t.slug),
        None => "/offres".to_owned(),
    };
    let updated = latest.iter().map(|o| o.updated_at).max().unwrap_or(now);
    let entries: Vec<Value> = latest
        .iter()
        .map(|offer| {
            context! {
                url => page.absolute(page.lang, &format!("/offres/{}", offer.slug)),
                title => offer.title,
                city => offer.city,
                published => offer.published_at.unwrap_or(offer.created_at).to_rfc3339(),
                updated => offer.updated_at.to_rfc3339(),
                ministry => tenants.get(&offer.tenant_id).map(|t| t.name.as_str()).unwrap_or_default(),
                summary => to_plain_text(&offer.mission, 300),
            }
        })
        .collect();
    let context = context! {
        lang => page.lang.code(),
        ministry => tenant.map(|t| t.name.as_str()),
        url => page.absolute(page.lang, &page.path),
        listing_url => page.absolute(page.lang, &listing),
        updated => updated.to_rfc3339(),
        entries,
    };
    let xml = state.renderer.render_document("feeds/atom.xml", context)?;
    Ok(xml_response("application/atom+xml; charset=utf-8", xml))
}

#[handler]
pub async fn offers_feed(
    request: &Request,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    atom(&PageContext::new(state, request), None).await
}

#[handler]
pub async fn ministry_feed(
    request: &Request,
    Path(slug): Path<String>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let tenant = crate::tenants::find_active_by_slug(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    atom(&PageContext::new(state, request), Some(&tenant)).await
}

/// Every public page in both languages, with the date of its last change when known.
#[handler]
pub async fn sitemap(Data(state): Data<&SharedState>) -> AppResult<Response> {
    let base = &state.config.server.base_url;
    let mut entries: Vec<(String, Option<DateTime<Utc>>)> = [
        "/",
        "/offres",
        "/ministeres",
        "/temoignages",
        "/accessibilite",
        "/mentions-legales",
        "/donnees-personnelles",
        "/plan-du-site",
        "/statistiques",
    ]
    .iter()
    .map(|path| (path.to_string(), None))
    .collect();
    for tenant in crate::tenants::list_active(&state.db).await? {
        entries.push((
            format!("/ministeres/{}", tenant.slug),
            Some(tenant.updated_at),
        ));
    }
    for story in stories::list_published(&state.db, None, None, state.now()).await? {
        entries.push((
            format!("/temoignages/{}", story.slug),
            Some(story.updated_at),
        ));
    }
    for (slug, updated_at) in offers::live_slugs(&state.db, state.now()).await? {
        entries.push((format!("/offres/{slug}"), Some(updated_at)));
    }
    let urls: Vec<Value> = entries
        .iter()
        .flat_map(|(path, updated_at)| {
            ["", "/en"].map(|prefix| {
                let path = match (path.as_str(), prefix) {
                    ("/", "/en") => "".into(),
                    (path, "/en") => crate::i18n::english_path(path),
                    (path, _) => path.into(),
                };
                context! {
                    loc => format!("{base}{prefix}{path}"),
                    lastmod => updated_at.map(|at| at.format("%Y-%m-%d").to_string()),
                }
            })
        })
        .collect();
    let xml = state
        .renderer
        .render_document("feeds/sitemap.xml", context! { urls })?;
    Ok(xml_response("application/xml; charset=utf-8", xml))
}

#[handler]
pub fn robots(Data(state): Data<&SharedState>) -> Response {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /offres/*/postuler\nDisallow: /en/offres/*/postuler\n\nSitemap: {}/sitemap.xml\n",
        state.config.server.base_url
    );
    Response::builder()
        .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(body)
}
