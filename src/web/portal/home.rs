use minijinja::context;
use poem::{Request, Response, handler, web::Data};

use super::{PageContext, View, active_tenants, views};
use crate::{app::SharedState, error::AppResult, ids::OfferId, offers, stories};

#[handler]
pub async fn home(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let now = state.now();
    let tenants = active_tenants(state).await?;
    let (newest, figures) = {
        let catalogue = state.catalogue().await?;
        (catalogue.latest(None, 6, now), catalogue.figures(now))
    };
    let latest = offers::in_order(&state.db, &newest).await?;
    let ids: Vec<OfferId> = latest.iter().map(|o| o.key()).collect();
    let contract_types = offers::contract_types(&state.db, &ids).await?;
    let recent_stories = stories::list_published(&state.db, None, Some(3), state.now()).await?;
    let story_count = stories::count_published(&state.db, state.now()).await?;
    let cards = views::CardSources {
        tenants: &tenants,
        contract_types: &contract_types,
        lang: page.lang,
        now,
    };
    let pictures = crate::media::pictures(
        &state.db,
        super::image_ids(tenants.values(), &recent_stories),
    )
    .await?;
    let mut ministries: Vec<_> = tenants
        .values()
        .map(|t| {
            let offers = figures.by_tenant.get(&t.id).copied().unwrap_or_default();
            views::ministry(t, offers, false, &pictures)
        })
        .collect();
    ministries.sort_by(|a, b| {
        b.offer_count
            .cmp(&a.offer_count)
            .then_with(|| a.name.cmp(&b.name))
    });
    ministries.truncate(8);
    let data = context! {
        latest_offers => cards.cards(&latest),
        ministries => ministries,
        stories => recent_stories.iter().map(|s| views::story(s, &tenants, page.lang, false, &pictures)).collect::<Vec<_>>(),
        figures => context! {
            offers => figures.offers,
            ministries => tenants.len(),
            stories => story_count,
            regions => figures.regions,
        },
    };
    page.render(View::new(
        "home.html",
        page.t("page-home-title"),
        page.t("page-home-description"),
        data,
    ))
}
