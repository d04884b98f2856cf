//! `/statistiques` (`/en/statistics`): the public impact page, as every State digital service
//! publishes one. The national goals of this year and their progress, the offers, applications,
//! recruitments and visits of each month, each ministry's figures: aggregates only, and no
//! ministry figure between 1 and 4 (see `statistics::public_figure`).

use chrono::Datelike;
use poem::{Request, Response, handler, web::Data};

use super::{PageContext, View};
use crate::{
    analytics,
    app::SharedState,
    error::AppResult,
    statistics::{self, Level},
    web::statistics::{Audience, report_view},
};

#[handler]
pub async fn page(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let now = state.now();
    let year = analytics::day_of(now).year();
    let report = statistics::report(&state.db, &Level::Nation, year, now).await?;
    let data = minijinja::context! {
        stats => report_view(&page, &report, Audience::Public),
    };
    page.render(View::new(
        "pages/statistics.html",
        page.t_with("page-statistics-title", &[("year", &year.to_string())]),
        page.t("page-statistics-description"),
        data,
    ))
}
