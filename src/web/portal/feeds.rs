//! Machine-readable views: Atom feeds of offers, the sitemap and robots.txt.

use std::fmt::Write;

use chrono::{DateTime, Utc};
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
    offers,
    render::escape_markup,
    stories,
};

/// How many offers a feed carries.
const FEED_SIZE: u64 = 50;

fn xml_response(content_type: &str, body: String) -> Response {
    Response::builder()
        .header(header::CONTENT_TYPE, content_type)
        .body(body)
}

async fn atom(page: &PageContext<'_>, tenant: Option<&tenants::Model>) -> AppResult<Response> {
    let state = page.state;
    let now = state.now();
    let latest = offers::latest_live(&state.db, tenant.map(|t| t.id), FEED_SIZE, now).await?;
    let tenants = active_tenants(state).await?;
    let (title, listing) = match tenant {
        Some(t) => (
            format!("{} – {}", page.t("feed-title"), t.name),
            format!("/ministeres/{}", t.slug),
        ),
        None => (page.t("feed-title"), "/offres".to_owned()),
    };
    let self_url = page.absolute(page.lang, &page.path);
    let updated = latest.iter().map(|o| o.updated_at).max().unwrap_or(now);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    let _ = write!(
        xml,
        "  <id>{id}</id>\n  <title>{title}</title>\n  <updated>{updated}</updated>\n  <link rel=\"self\" href=\"{id}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{alt}\"/>\n  <author><name>{site}</name></author>\n",
        id = escape_markup(&self_url),
        title = escape_markup(&title),
        updated = updated.to_rfc3339(),
        alt = escape_markup(&page.absolute(page.lang, &listing)),
        site = escape_markup(&page.t("site-name")),
    );
    for offer in &latest {
        let url = page.absolute(page.lang, &format!("/offres/{}", offer.slug));
        let ministry = tenants
            .get(&offer.tenant_id)
            .map(|t| t.name.as_str())
            .unwrap_or_default();
        let _ = write!(
            xml,
            "  <entry>\n    <id>{url}</id>\n    <title>{title}</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n    <published>{published}</published>\n    <updated>{updated}</updated>\n    <author><name>{ministry}</name></author>\n    <summary>{summary}</summary>\n  </entry>\n",
            url = escape_markup(&url),
            title = escape_markup(&format!("{} – {}", offer.title, offer.city)),
            published = offer.published_at.unwrap_or(offer.created_at).to_rfc3339(),
            updated = offer.updated_at.to_rfc3339(),
            ministry = escape_markup(ministry),
            summary = escape_markup(&to_plain_text(&offer.mission, 300)),
        );
    }
    xml.push_str("</feed>\n");
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
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, updated_at) in &entries {
        for prefix in ["", "/en"] {
            let path = if path == "/" && !prefix.is_empty() {
                ""
            } else {
                path.as_str()
            };
            let _ = write!(
                xml,
                "  <url><loc>{}</loc>",
                escape_markup(&format!("{base}{prefix}{path}"))
            );
            if let Some(at) = updated_at {
                let _ = write!(xml, "<lastmod>{}</lastmod>", at.format("%Y-%m-%d"));
            }
            xml.push_str("</url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    Ok(xml_response("application/xml; charset=utf-8", xml))
}

#[handler]
pub fn robots(Data(state): Data<&SharedState>) -> Response {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /admin\n\nSitemap: {}/sitemap.xml\n",
        state.config.server.base_url
    );
    Response::builder()
        .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(body)
}
