use minijinja::{Value, context};
use poem::{
    Request, Response, handler,
    http::header,
    web::{Data, Path},
};

use super::{PageContext, View, views};
use crate::{
    app::SharedState,
    error::{AppError, AppResult},
    ids::OfferId,
    offers, stories, tenants,
};

/// How many offers a ministry's page lists before linking to the filtered listing.
const OFFERS_ON_PAGE: usize = 12;

#[handler]
pub async fn list(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let figures = state.catalogue().await?.figures(state.now());
    let active = tenants::list_active(&state.db).await?;
    let pictures = crate::media::pictures(&state.db, super::image_ids(&active, [])).await?;
    let ministries: Vec<_> = active
        .iter()
        .map(|t| {
            let offers = figures.by_tenant.get(&t.id).copied().unwrap_or_default();
            views::ministry(t, offers, false, &pictures)
        })
        .collect();
    page.render(View::new(
        "ministries/list.html",
        page.t("page-ministries-title"),
        page.t("page-ministries-description"),
        context! { ministries => ministries },
    ))
}

#[handler]
pub async fn detail(
    request: &Request,
    Path(slug): Path<String>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let now = state.now();
    let tenant = tenants::find_active_by_slug(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let (offers_total, newest) = {
        let catalogue = state.catalogue().await?;
        let figures = catalogue.figures(now);
        let count = figures
            .by_tenant
            .get(&tenant.id)
            .copied()
            .unwrap_or_default();
        (
            count,
            catalogue.latest(Some(tenant.id), OFFERS_ON_PAGE, now),
        )
    };
    let latest = offers::in_order(&state.db, &newest).await?;
    let ids: Vec<OfferId> = latest.iter().map(|o| o.key()).collect();
    let contract_types = offers::contract_types(&state.db, &ids).await?;
    let tenants_by_id = std::iter::once((tenant.id, tenant.clone())).collect();
    let cards = views::CardSources {
        tenants: &tenants_by_id,
        contract_types: &contract_types,
        lang: page.lang,
        now,
    };
    let its_stories =
        stories::list_published(&state.db, Some(tenant.key()), Some(6), state.now()).await?;
    let pictures =
        crate::media::pictures(&state.db, super::image_ids([&tenant], &its_stories)).await?;
    let ministry = views::ministry(&tenant, offers_total, true, &pictures);
    let description = ministry.presentation_text.clone();
    let data = context! {
        ministry => ministry,
        offers => cards.cards(&latest),
        offers_total => offers_total,
        stories => its_stories.iter().map(|s| views::story(s, &tenants_by_id, page.lang, false, &pictures)).collect::<Vec<_>>(),
        feed_url => page.link(&format!("/ministeres/{}/offres.atom", tenant.slug)),
    };
    let themed = Value::from_serialize(views::ministry(&tenant, offers_total, false, &pictures));
    page.render(
        View::new(
            "ministries/detail.html",
            page.t_with("page-ministry-title", &[("name", &tenant.name)]),
            description,
            data,
        )
        .themed_by(&tenant.theme, themed),
    )
}

/// The relative luminance of a `#rrggbb` colour (WCAG 2.x).
fn luminance(color: &str) -> f64 {
    let channel = |i: usize| {
        let value = u8::from_str_radix(&color[i..i + 2], 16).unwrap_or(0) as f64 / 255.0;
        if value <= 0.03928 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

/// The text colour readable on `background`: white or black, whichever contrasts more.
pub fn text_color_on(background: &str) -> &'static str {
    let l = luminance(background);
    let on_white = 1.05 / (l + 0.05);
    let on_black = (l + 0.05) / 0.05;
    if on_white >= on_black {
        "#ffffff"
    } else {
        "#161616"
    }
}

/// A ministry's colours as CSS variables, so that pages keep a strict CSP (no inline style).
#[handler]
pub async fn theme_css(
    Path(slug): Path<String>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let tenant = tenants::find_active_by_slug(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let accent = if tenants::is_hex_color(&tenant.accent_color) {
        tenant.accent_color.as_str()
    } else {
        "#000091"
    };
    let css = format!(
        ":root {{\n  --ministry-accent: {accent};\n  --ministry-accent-text: {};\n}}\n",
        text_color_on(accent)
    );
    Ok(Response::builder()
        .header(header::CONTENT_TYPE, "text/css; charset=utf-8")
        .body(css))
}

#[cfg(test)]
mod tests {
    use super::text_color_on;

    #[test]
    fn text_on_accent_is_readable() {
        assert_eq!(text_color_on("#000091"), "#ffffff");
        assert_eq!(text_color_on("#ffe552"), "#161616");
    }
}
