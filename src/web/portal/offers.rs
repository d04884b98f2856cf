use std::collections::HashMap;

use minijinja::context;
use poem::{
    Request, Response, handler,
    http::StatusCode,
    web::{Data, Path},
};
use serde::Serialize;

use super::{PageContext, View, active_tenants, jsonld, views};
use crate::{
    app::SharedState,
    codes::{Category, ContractType, Experience, Profession, RemotePolicy},
    error::{AppError, AppResult, Reason},
    ids::{MediaId, OfferId},
    offers::{self, OfferFilter, Visibility},
    regions::REGIONS,
    search::Order,
    tenants,
};

pub const PER_PAGE: u64 = 20;

#[derive(Serialize)]
struct PageLink {
    number: u64,
    url: String,
    current: bool,
}

#[derive(Serialize)]
struct Pagination {
    page: u64,
    pages: u64,
    first_url: Option<String>,
    prev_url: Option<String>,
    next_url: Option<String>,
    last_url: Option<String>,
    links: Vec<PageLink>,
}

/// The deepest page of a listing (20 offers a page: 200 000 offers).
const MAX_PAGE: u64 = 10_000;

fn query_params(query: &str) -> HashMap<String, String> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(query)
        .unwrap_or_default()
        .into_iter()
        .collect()
}

/// The page number asked for: 1 when absent, refused when not a number from 1 to [`MAX_PAGE`].
fn requested_page(params: &HashMap<String, String>) -> AppResult<u64> {
    match params.get("page").map(|page| page.trim()) {
        None | Some("") => Ok(1),
        Some(page) => page
            .parse::<u64>()
            .ok()
            .filter(|number| (1..=MAX_PAGE).contains(number))
            .ok_or_else(|| AppError::invalid("page", Reason::NotANumber)),
    }
}

/// The `tri` value asking for the newest offers first (relevance is the default).
const RECENT: &str = "recentes";

fn requested_order(params: &HashMap<String, String>) -> Order {
    match params.get("tri").map(|order| order.trim()) {
        Some(RECENT) => Order::Recent,
        _ => Order::Relevance,
    }
}

/// The listing's URL for `filter` in `order`, at page `number`.
fn listing_url(page: &PageContext, filter: &OfferFilter, order: Order, number: u64) -> String {
    let mut params = filter.to_params();
    if order == Order::Recent {
        params.push(("tri", RECENT.to_owned()));
    }
    if number > 1 {
        params.push(("page", number.to_string()));
    }
    let query = serde_urlencoded::to_string(&params).unwrap_or_default();
    let base = page.link("/offres");
    if query.is_empty() {
        base
    } else {
        format!("{base}?{query}")
    }
}

/// The listing's query as the page reads it: its filters, then its page, in a fixed order.
pub fn canonical_query(raw: &str) -> String {
    let params = query_params(raw);
    let mut pairs = OfferFilter::from_params(&params).to_params();
    if requested_order(&params) == Order::Recent {
        pairs.push(("tri", RECENT.to_owned()));
    }
    match requested_page(&params) {
        Ok(1) => {}
        Ok(number) => pairs.push(("page", number.to_string())),
        Err(_) => pairs.push(("page", "invalid".to_owned())),
    }
    serde_urlencoded::to_string(&pairs).unwrap_or_default()
}

fn pagination(
    page: &PageContext,
    filter: &OfferFilter,
    order: Order,
    current: u64,
    pages: u64,
) -> Pagination {
    let url = |number: u64| listing_url(page, filter, order, number);
    let window = current.saturating_sub(2).max(1)..=(current + 2).min(pages);
    Pagination {
        page: current,
        pages,
        first_url: (current > 1).then(|| url(1)),
        prev_url: (current > 1).then(|| url(current - 1)),
        next_url: (current < pages).then(|| url(current + 1)),
        last_url: (current < pages).then(|| url(pages)),
        links: window
            .map(|number| PageLink {
                number,
                url: url(number),
                current: number == current,
            })
            .collect(),
    }
}

/// The listing's choices of one filter with how many offers each would give.
#[derive(Serialize)]
struct Facet {
    value: String,
    label: String,
    count: u64,
}

/// `counts` by code, for the filter choices `codes` labelled by `prefix`.
fn facet<T: Copy + Eq + std::hash::Hash>(
    page: &PageContext,
    codes: &[T],
    code: impl Fn(T) -> &'static str,
    prefix: &str,
    counts: &HashMap<T, u64>,
) -> Vec<Facet> {
    codes
        .iter()
        .map(|&item| Facet {
            value: code(item).to_owned(),
            label: page.t(&format!("{prefix}{}", code(item))),
            count: counts.get(&item).copied().unwrap_or_default(),
        })
        .collect()
}

#[handler]
pub async fn list(request: &Request, Data(state): Data<&SharedState>) -> AppResult<Response> {
    let page = PageContext::new(state, request);
    let now = state.now();
    let params = query_params(request.uri().query().unwrap_or_default());
    let filter = OfferFilter::from_params(&params);
    let requested = requested_page(&params)?;
    let order = requested_order(&params);
    let offset = |number: u64| ((number - 1) * PER_PAGE) as usize;
    let mut found = state.catalogue().await?.search(
        &filter,
        order,
        offset(requested),
        PER_PAGE as usize,
        None,
        now,
    );
    let pages = found.total.div_ceil(PER_PAGE).max(1);
    let current = requested.min(pages);
    if current != requested {
        found = state.catalogue().await?.search(
            &filter,
            order,
            offset(current),
            PER_PAGE as usize,
            None,
            now,
        );
    }
    let tenants = active_tenants(state).await?;
    let listed = offers::in_order(&state.db, &found.ids).await?;
    let ids: Vec<OfferId> = listed.iter().map(|o| o.key()).collect();
    let contract_types = offers::contract_types(&state.db, &ids).await?;
    let cards = views::CardSources {
        tenants: &tenants,
        contract_types: &contract_types,
        lang: page.lang,
        now,
    };
    let counts = &found.facets;
    let mut ministries: Vec<Facet> = tenants
        .values()
        .map(|t| Facet {
            value: t.slug.clone(),
            label: t.name.clone(),
            count: counts.ministries.get(&t.id).copied().unwrap_or_default(),
        })
        .collect();
    ministries.sort_by(|a, b| a.label.cmp(&b.label));
    let regions: Vec<Facet> = REGIONS
        .iter()
        .map(|r| Facet {
            value: r.code.to_owned(),
            label: r.name.to_owned(),
            count: counts.regions.get(r.code).copied().unwrap_or_default(),
        })
        .collect();
    let suggestion = found.suggestion.as_ref().map(|words| {
        let mut corrected = filter.clone();
        corrected.q = words.clone();
        context! { words => words, url => listing_url(&page, &corrected, order, 1) }
    });
    let data = context! {
        offers => cards.cards(&listed),
        total => found.total,
        suggestion => suggestion,
        // Only words that search something can be ranked.
        sort => (!crate::search::words::terms(&filter.q).is_empty()).then(|| context! {
            recent => order == Order::Recent,
            relevance_url => listing_url(&page, &filter, Order::Relevance, 1),
            recent_url => listing_url(&page, &filter, Order::Recent, 1),
        }),
        filters => context! {
            q => filter.q,
            ministere => filter.ministry.clone().unwrap_or_default(),
            metier => filter.profession.map(|c| c.as_str()).unwrap_or_default(),
            contrat => filter.contract_type.map(|c| c.as_str()).unwrap_or_default(),
            categorie => filter.category.map(|c| c.as_str()).unwrap_or_default(),
            region => filter.region.clone().unwrap_or_default(),
            teletravail => filter.remote_policy.map(|c| c.as_str()).unwrap_or_default(),
            experience => filter.experience.map(|c| c.as_str()).unwrap_or_default(),
            junior => filter.junior,
            distanciel => filter.remote_possible,
            tri => (order == Order::Recent).then_some(RECENT),
        },
        options => context! {
            ministries => ministries,
            professions => facet(&page, Profession::ALL, Profession::as_str, "profession-", &counts.professions),
            contract_types => facet(&page, ContractType::ALL, ContractType::as_str, "contract-", &counts.contracts),
            categories => facet(&page, Category::ALL, Category::as_str, "category-", &counts.categories),
            regions => regions,
            remote_policies => RemotePolicy::codes(),
            experience => Experience::codes(),
        },
        active_filter_count => filter.to_params().len(),
        pagination => pagination(&page, &filter, order, current, pages),
        feed_url => page.link("/offres.atom"),
        alert_url => page.link(&match crate::alerts::query_of(&filter).as_str() {
            "" => "/alertes".to_owned(),
            query => format!("/alertes?{query}"),
        }),
    };
    page.render(View::new(
        "offers/list.html",
        page.t("page-offers-title"),
        page.t("page-offers-description"),
        data,
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
    let offer = offers::find_by_slug(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let visibility = offers::visibility(&offer, now).ok_or(AppError::NotFound)?;
    page.render(offer_page(&page, &offer, None, visibility, now).await?)
}

/// The page of `offer` as the portal shows it when `visibility` says so; with
/// `contract_types` when they are not the stored ones (a change under review).
pub(crate) async fn offer_page(
    page: &PageContext<'_>,
    offer: &crate::entities::offers::Model,
    contract_types: Option<Vec<ContractType>>,
    visibility: Visibility,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<View> {
    let state = page.state;
    let tenants = active_tenants(state).await?;
    let tenant = tenants.get(&offer.tenant_id).ok_or(AppError::NotFound)?;
    let similar = offers::similar(&state.db, offer, 4, now).await?;
    let mut ids: Vec<OfferId> = similar.iter().map(|o| o.key()).collect();
    ids.push(offer.key());
    let mut stored_contract_types = offers::contract_types(&state.db, &ids).await?;
    if let Some(proposed) = contract_types {
        stored_contract_types.insert(offer.id, proposed);
    }
    let cards = views::CardSources {
        tenants: &tenants,
        contract_types: &stored_contract_types,
        lang: page.lang,
        now,
    };
    let card = cards.card(offer).ok_or(AppError::NotFound)?;
    let similar = cards.cards(&similar);
    let mut image_ids = super::image_ids([tenant], []);
    image_ids.extend(offer.illustration_media_id.map(MediaId::new));
    let pictures = crate::media::pictures(&state.db, image_ids).await?;
    let ministry = views::ministry(tenant, 0, false, &pictures);
    if visibility == Visibility::Gone {
        let view = View::new(
            "offers/gone.html",
            page.t_with("page-offer-gone-title", &[("title", &offer.title)]),
            page.t("page-offer-gone-description"),
            context! { offer => card, similar => similar },
        )
        .status(StatusCode::GONE)
        .themed_by(&tenant.theme, minijinja::Value::from_serialize(&ministry));
        return Ok(view);
    }
    let structure_name = tenants::structure_name(&state.db, offer).await?;
    let url = page.absolute(page.lang, &page.path);
    let json_ld = jsonld::job_posting(
        offer,
        tenant,
        &card.contract_types,
        &url,
        &state.config.server.base_url,
    );
    let description = crate::markdown::to_plain_text(&offer.mission, 160);
    let shown = views::offer_detail(offer, card, structure_name, page.lang, json_ld, &pictures);
    let title = page.t_with(
        "page-offer-title",
        &[("title", &offer.title), ("ministry", &tenant.name)],
    );
    let view = View::new(
        "offers/detail.html",
        title,
        description,
        context! { offer => shown, related => similar },
    )
    .themed_by(&tenant.theme, minijinja::Value::from_serialize(&ministry));
    Ok(view)
}
