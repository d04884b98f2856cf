use minijinja::context;
use poem::{
    Request, Response, handler,
    web::{Data, Path},
};

use super::{PageContext, View, active_tenants, views};
use crate::{
    app::SharedState,
    error::{AppError, AppResult},
    ids::TenantId,
    stories,
};

#[handler]
pub async fn list(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let tenants = active_tenants(state).await?;
    let published = stories::list_published(&state.db, None, None, state.now()).await?;
    let pictures = crate::media::pictures(&state.db, super::image_ids([], &published)).await?;
    let all: Vec<_> = published
        .iter()
        .filter(|s| tenants.contains_key(&s.tenant_id))
        .map(|s| views::story(s, &tenants, page.lang, false, &pictures))
        .collect();
    page.render(View::new(
        "stories/list.html",
        page.t("page-stories-title"),
        page.t("page-stories-description"),
        context! { stories => all },
    ))
}

#[handler]
pub async fn detail(
    request: &Request,
    Path(slug): Path<String>,
    Data(state): Data<&SharedState>,
) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let story = stories::find_published_by_slug(&state.db, &slug, state.now())
        .await?
        .ok_or(AppError::NotFound)?;
    page.render(story_page(&page, &story).await?)
}

/// The page of `story` as the portal shows it.
pub(crate) async fn story_page(
    page: &PageContext<'_>,
    story: &crate::entities::stories::Model,
) -> AppResult<View> {
    let state = page.state;
    let tenants = active_tenants(state).await?;
    if !tenants.contains_key(&story.tenant_id) {
        return Err(AppError::NotFound);
    }
    let others = stories::list_published(
        &state.db,
        Some(TenantId::new(story.tenant_id)),
        Some(4),
        state.now(),
    )
    .await?;
    let pictures = crate::media::pictures(
        &state.db,
        super::image_ids([], others.iter().chain([story])),
    )
    .await?;
    let more: Vec<_> = others
        .iter()
        .filter(|s| s.id != story.id)
        .take(3)
        .map(|s| views::story(s, &tenants, page.lang, false, &pictures))
        .collect();
    let view = views::story(story, &tenants, page.lang, true, &pictures);
    let title = page.t_with(
        "page-story-title",
        &[("name", &view.person_name), ("role", &view.role)],
    );
    let description = view.excerpt.clone();
    Ok(View::new(
        "stories/detail.html",
        title,
        description,
        context! { story => view, more_stories => more },
    ))
}
