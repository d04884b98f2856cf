//! The public read API: what the portal shows, for other sites and aggregators. Only what is
//! public (published, publication day reached, not expired, of an active ministry); the same
//! search as the portal's listing.

use std::collections::HashMap;

use chrono::Datelike;
use poem::web::Data;
use poem_openapi::{
    Enum, OpenApi,
    param::{Path, Query},
    payload::Json,
};

use super::{
    Paging, PublicResult, Tag,
    objects::{
        Fresh, Goal, HowToApply, Links, Ministry, MinistryRef, MinistrySummary, Offer, OfferPage,
        OfferSources, Series, Statistics, Story, StoryPage, sections,
    },
};
use crate::{
    app::SharedState,
    codes::{ApplyMode, Category, ContractType, Experience, Profession, RemotePolicy},
    error::{AppError, Reason},
    i18n::Lang,
    ids::{MediaId, OfferId},
    offers::{self, OfferFilter, Visibility},
    search::Order,
    statistics::{self, Level},
    stories, tenants,
    web::{
        portal::active_tenants,
        statistics::{Audience, charted},
    },
};

/// The language of the pages the answer links to.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "lowercase")]
pub enum Language {
    Fr,
    En,
}

impl Language {
    fn lang(language: Option<Language>) -> Lang {
        match language {
            Some(Language::En) => Lang::En,
            _ => Lang::Fr,
        }
    }
}

/// How a search is ordered.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "lowercase")]
pub enum Sort {
    /// Best match first (the default when words are searched), newer first on ties.
    Relevance,
    /// Newest first.
    Recent,
}

/// Items a page holds when the request does not say.
const PER_PAGE: u64 = 20;

/// Every query parameter of the public API: the page cache keys its answers by these alone.
pub const PARAMETERS: [&str; 14] = [
    "q",
    "ministry",
    "profession",
    "contract_type",
    "category",
    "region",
    "remote_policy",
    "experience",
    "junior",
    "remote_possible",
    "sort",
    "page",
    "per_page",
    "lang",
];

/// The search the parameters of `/offers` ask for.
struct Search {
    filter: OfferFilter,
    order: Order,
    paging: Paging,
    lang: Lang,
}

/// The public API.
pub struct PublicApi;

#[allow(clippy::too_many_arguments)]
#[OpenApi(tag = "Tag::Public")]
impl PublicApi {
    /// Search the offers
    ///
    /// The offers online, filtered and searched as on the portal's listing (`/offres`): words
    /// (titles, professions, skills, places, ministries, contracts; inclusive and feminine
    /// forms, typos corrected), then filters. Ordered by relevance when words are searched,
    /// else newest first.
    #[oai(path = "/offers", method = "get", operation_id = "listOffers")]
    async fn list_offers(
        &self,
        Data(state): Data<&SharedState>,
        /// Words to search, at most 200 characters (only the first 8 words count).
        #[oai(validator(max_length = 200))]
        q: Query<Option<String>>,
        /// A ministry's slug (`interieur`, `dgfip`…).
        #[oai(validator(max_length = 100))]
        ministry: Query<Option<String>>,
        profession: Query<Option<Profession>>,
        contract_type: Query<Option<ContractType>>,
        category: Query<Option<Category>>,
        /// A region's INSEE code (`11` for Île-de-France).
        #[oai(validator(max_length = 3))]
        region: Query<Option<String>>,
        remote_policy: Query<Option<RemotePolicy>>,
        experience: Query<Option<Experience>>,
        /// Open to beginners: at most one year of experience asked.
        junior: Query<Option<bool>>,
        /// Remote work possible, in part or in full.
        remote_possible: Query<Option<bool>>,
        sort: Query<Option<Sort>>,
        /// From 1 (at most 10 000).
        page: Query<Option<u64>>,
        /// From 1 to 100; 20 when not given.
        per_page: Query<Option<u64>>,
        /// The language of the portal pages linked (French by default).
        lang: Query<Option<Language>>,
    ) -> PublicResult<Fresh<OfferPage>> {
        let mut problems = crate::error::Problems::default();
        let region = match region.0.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(code) => match crate::regions::region(code) {
                Some(region) => Some(region.code.to_owned()),
                None => {
                    problems.add("region", Reason::UnknownCode);
                    None
                }
            },
        };
        let ministry = match ministry.0.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(slug) if crate::slug::is_valid(slug) => Some(slug.to_owned()),
            Some(_) => {
                problems.add("ministry", Reason::NotASlug);
                None
            }
        };
        let paging = problems.along_with(Paging::read(page.0, per_page.0, PER_PAGE))?;
        let filter = OfferFilter {
            q: q.0.unwrap_or_default().trim().to_owned(),
            ministry,
            profession: profession.0,
            contract_type: contract_type.0,
            category: category.0,
            region,
            remote_policy: remote_policy.0,
            experience: experience.0,
            junior: junior.0.unwrap_or(false),
            remote_possible: remote_possible.0.unwrap_or(false),
        };
        let order = match sort.0 {
            Some(Sort::Recent) => Order::Recent,
            _ => Order::Relevance,
        };
        let search = Search {
            filter,
            order,
            paging,
            lang: Language::lang(lang.0),
        };
        Ok(Fresh::Ok(Json(offer_page(state, search, "/offers").await?)))
    }

    /// One offer
    ///
    /// An offer online, or filled (its page stays online with a banner), by its id or its slug.
    /// An offer that was online and is no more (expired, withdrawn) answers `410 Gone`.
    #[oai(path = "/offers/:key", method = "get", operation_id = "getOffer")]
    async fn get_offer(
        &self,
        Data(state): Data<&SharedState>,
        /// The offer's id, or its slug.
        #[oai(validator(max_length = 200))]
        key: Path<String>,
        lang: Query<Option<Language>>,
    ) -> PublicResult<Fresh<Offer>> {
        let now = state.now();
        // An id, else a slug (a slug may be all digits too).
        let by_id = match key.0.parse::<i32>() {
            Ok(id) => offers::in_order(&state.db, &[id]).await?.pop(),
            Err(_) => None,
        };
        let found = match by_id {
            Some(offer) => Some(offer),
            None => offers::find_by_slug(&state.db, &key.0).await?,
        };
        let offer = found.ok_or(AppError::NotFound)?;
        match offers::visibility(&offer, now).ok_or(AppError::NotFound)? {
            Visibility::Gone => return Err(AppError::Gone.into()),
            Visibility::Live | Visibility::Filled => {}
        }
        let tenants = active_tenants(state).await?;
        let contract_types = offers::contract_types(&state.db, &[offer.key()]).await?;
        let links = Links::new(state, Language::lang(lang.0));
        let sources = OfferSources {
            tenants: &tenants,
            contract_types: &contract_types,
            links,
        };
        let summary = sources.summary(&offer).ok_or(AppError::NotFound)?;
        let links = &sources.links;
        let pictures =
            crate::media::pictures(&state.db, offer.illustration_media_id.map(MediaId::new))
                .await?;
        let mode = ApplyMode::parse(&offer.apply_mode).unwrap_or(ApplyMode::OnSite);
        let apply_url = match mode {
            ApplyMode::OnSite => Some(links.page(&format!("/offres/{}/candidater", offer.slug))),
            ApplyMode::External => offer.apply_url.clone(),
            ApplyMode::Email => None,
        };
        let emails = match mode {
            ApplyMode::Email => offer
                .apply_emails
                .lines()
                .filter(|line| !line.trim().is_empty())
                .map(str::to_owned)
                .collect(),
            _ => Vec::new(),
        };
        Ok(Fresh::Ok(Json(Offer {
            sections: sections(offers::sections(&offer)),
            service: tenants::structure_name(&state.db, &offer).await?,
            domains: serde_json::from_str(&offer.domains).unwrap_or_default(),
            start_on: offer.start_on,
            illustration_url: offer
                .illustration_media_id
                .and_then(|id| pictures.get(&id))
                .map(|picture| links.picture(picture)),
            video_url: offer.video_url.clone(),
            apply: HowToApply {
                mode,
                url: apply_url,
                emails,
            },
            summary,
        })))
    }

    /// The ministries
    ///
    /// Every ministry that recruits on the site, by name, with how many offers it has online.
    #[oai(path = "/ministries", method = "get", operation_id = "listMinistries")]
    async fn list_ministries(
        &self,
        Data(state): Data<&SharedState>,
        lang: Query<Option<Language>>,
    ) -> PublicResult<Fresh<Vec<MinistrySummary>>> {
        let figures = state.catalogue().await?.figures(state.now());
        let active = tenants::list_active(&state.db).await?;
        let logos = active
            .iter()
            .filter_map(|t| t.logo_media_id.map(MediaId::new));
        let pictures = crate::media::pictures(&state.db, logos).await?;
        let links = Links::new(state, Language::lang(lang.0));
        let ministries = active
            .iter()
            .map(|tenant| ministry_summary(tenant, &figures.by_tenant, &pictures, &links))
            .collect();
        Ok(Fresh::Ok(Json(ministries)))
    }

    /// One ministry
    ///
    /// A ministry with its showcase: its presentation, values, challenges, projects, how it
    /// recruits, as its page on the portal shows them.
    #[oai(
        path = "/ministries/:slug",
        method = "get",
        operation_id = "getMinistry"
    )]
    async fn get_ministry(
        &self,
        Data(state): Data<&SharedState>,
        #[oai(validator(max_length = 100))] slug: Path<String>,
        lang: Query<Option<Language>>,
    ) -> PublicResult<Fresh<Ministry>> {
        let tenant = tenants::find_active_by_slug(&state.db, &slug.0)
            .await?
            .ok_or(AppError::NotFound)?;
        let figures = state.catalogue().await?.figures(state.now());
        let pictures =
            crate::media::pictures(&state.db, tenant.logo_media_id.map(MediaId::new)).await?;
        let links = Links::new(state, Language::lang(lang.0));
        let presentation = [("presentation", tenant.presentation.as_str())];
        let showcase = tenants::showcase_sections(&tenant);
        Ok(Fresh::Ok(Json(Ministry {
            sections: sections(presentation.into_iter().chain(showcase)),
            offers_url: format!(
                "{}/api/v1/ministries/{}/offers",
                links.base_url, tenant.slug
            ),
            summary: ministry_summary(&tenant, &figures.by_tenant, &pictures, &links),
        })))
    }

    /// A ministry's offers
    ///
    /// The offers of one ministry online, newest first.
    #[oai(
        path = "/ministries/:slug/offers",
        method = "get",
        operation_id = "listMinistryOffers"
    )]
    async fn list_ministry_offers(
        &self,
        Data(state): Data<&SharedState>,
        #[oai(validator(max_length = 100))] slug: Path<String>,
        page: Query<Option<u64>>,
        per_page: Query<Option<u64>>,
        lang: Query<Option<Language>>,
    ) -> PublicResult<Fresh<OfferPage>> {
        let tenant = tenants::find_active_by_slug(&state.db, &slug.0)
            .await?
            .ok_or(AppError::NotFound)?;
        let search = Search {
            filter: OfferFilter {
                ministry: Some(tenant.slug.clone()),
                ..OfferFilter::default()
            },
            order: Order::Recent,
            paging: Paging::read(page.0, per_page.0, PER_PAGE)?,
            lang: Language::lang(lang.0),
        };
        let path = format!("/ministries/{}/offers", tenant.slug);
        Ok(Fresh::Ok(Json(offer_page(state, search, &path).await?)))
    }

    /// The team stories
    ///
    /// Agents tell their work, newest first; of one ministry if asked.
    #[oai(path = "/stories", method = "get", operation_id = "listStories")]
    async fn list_stories(
        &self,
        Data(state): Data<&SharedState>,
        /// A ministry's slug.
        #[oai(validator(max_length = 100))]
        ministry: Query<Option<String>>,
        page: Query<Option<u64>>,
        per_page: Query<Option<u64>>,
        lang: Query<Option<Language>>,
    ) -> PublicResult<Fresh<StoryPage>> {
        let paging = Paging::read(page.0, per_page.0, PER_PAGE)?;
        let Paging { page, per_page } = paging;
        let tenants = active_tenants(state).await?;
        let tenant = match ministry.0.as_deref() {
            None | Some("") => None,
            Some(slug) => Some(
                tenants
                    .values()
                    .find(|tenant| tenant.slug == slug)
                    .ok_or(AppError::NotFound)?,
            ),
        };
        let (rows, total) = stories::published_page(
            &state.db,
            tenant.map(|tenant| tenant.key()),
            paging.window(),
            state.now(),
        )
        .await?;
        let photos = rows
            .iter()
            .filter_map(|s| s.photo_media_id.map(MediaId::new));
        let pictures = crate::media::pictures(&state.db, photos).await?;
        let links = Links::new(state, Language::lang(lang.0));
        let items = rows
            .iter()
            .filter_map(|story| {
                let tenant = tenants.get(&story.tenant_id)?;
                let photo = story.photo_media_id.and_then(|id| pictures.get(&id));
                Some(Story::new(story, tenant, photo, &links))
            })
            .collect();
        let pages = paging.pages(total);
        let next = (page < pages).then(|| {
            let mut query = vec![("page", (page + 1).to_string())];
            query.push(("per_page", per_page.to_string()));
            if let Some(tenant) = tenant {
                query.push(("ministry", tenant.slug.clone()));
            }
            api_url(links.base_url, "/stories", &query)
        });
        Ok(Fresh::Ok(Json(StoryPage {
            total,
            page,
            per_page,
            pages,
            items,
            next,
        })))
    }

    /// The year's figures
    ///
    /// The goals of this year (recruitments made through the site, talents registered,
    /// applications) and how far they went, with the monthly figures of the public
    /// statistics page.
    #[oai(path = "/statistics", method = "get", operation_id = "getStatistics")]
    async fn get_statistics(
        &self,
        Data(state): Data<&SharedState>,
        lang: Query<Option<Language>>,
    ) -> PublicResult<Fresh<Statistics>> {
        let now = state.now();
        let year = crate::analytics::day_of(now).year();
        let report = statistics::report(&state.db, &Level::Nation, year, now).await?;
        let goals = report
            .goals
            .iter()
            .map(|goal| Goal {
                indicator: goal.indicator.code().to_owned(),
                target: goal.target,
                achieved: goal.achieved,
                percent: goal.percent,
            })
            .collect();
        let series = charted(Audience::Public)
            .iter()
            .filter_map(|&series| report.series(series))
            .map(|figures| Series {
                series: figures.series.code().to_owned(),
                monthly: figures.monthly.to_vec(),
                total: figures.total,
            })
            .collect();
        let links = Links::new(state, Language::lang(lang.0));
        Ok(Fresh::Ok(Json(Statistics {
            year,
            goals,
            series,
            url: links.page("/statistiques"),
        })))
    }
}

fn ministry_summary(
    tenant: &crate::entities::tenants::Model,
    live: &HashMap<i32, u64>,
    pictures: &HashMap<i32, crate::media::Picture>,
    links: &Links<'_>,
) -> MinistrySummary {
    MinistrySummary {
        reference: MinistryRef::new(tenant, links),
        website: tenant.website.clone(),
        logo_url: tenant
            .logo_media_id
            .and_then(|id| pictures.get(&id))
            .map(|picture| links.picture(picture)),
        live_offers: live.get(&tenant.id).copied().unwrap_or_default(),
    }
}

/// The address of the API's `path` with `query`.
fn api_url(base_url: &str, path: &str, query: &[(&str, String)]) -> String {
    let query = serde_urlencoded::to_string(query).unwrap_or_default();
    format!("{base_url}/api/v1{path}?{query}")
}

/// The page of offers `search` asks for; `path` is the operation's, for the next page's link.
async fn offer_page(state: &SharedState, search: Search, path: &str) -> PublicResult<OfferPage> {
    let now = state.now();
    let Search {
        filter,
        order,
        paging,
        lang,
    } = search;
    let Paging { page, per_page } = paging;
    let (offset, limit) = paging.window();
    let found =
        state
            .catalogue()
            .await?
            .search(&filter, order, offset as usize, limit as usize, None, now);
    let listed = offers::in_order(&state.db, &found.ids).await?;
    let ids: Vec<OfferId> = listed.iter().map(|offer| offer.key()).collect();
    let contract_types = offers::contract_types(&state.db, &ids).await?;
    let tenants = active_tenants(state).await?;
    let sources = OfferSources {
        tenants: &tenants,
        contract_types: &contract_types,
        links: Links::new(state, lang),
    };
    let pages = paging.pages(found.total);
    let next = (page < pages).then(|| {
        let mut query = api_filter_params(&filter);
        if path == "/offers" {
            if let Some(ministry) = &filter.ministry {
                query.push(("ministry", ministry.clone()));
            }
            if order == Order::Recent {
                query.push(("sort", "recent".to_owned()));
            }
        }
        query.push(("page", (page + 1).to_string()));
        query.push(("per_page", per_page.to_string()));
        if lang == Lang::En {
            query.push(("lang", "en".to_owned()));
        }
        api_url(sources.links.base_url, path, &query)
    });
    Ok(OfferPage {
        total: found.total,
        page,
        per_page,
        pages,
        items: listed.iter().filter_map(|o| sources.summary(o)).collect(),
        next,
        suggestion: found.suggestion,
    })
}

/// The parameters of `/offers` that give `filter` (but the ministry of a ministry's listing,
/// which its path names).
fn api_filter_params(filter: &OfferFilter) -> Vec<(&'static str, String)> {
    let mut params = Vec::new();
    if !filter.q.is_empty() {
        params.push(("q", filter.q.clone()));
    }
    let codes = [
        ("profession", filter.profession.map(|c| c.as_str())),
        ("contract_type", filter.contract_type.map(|c| c.as_str())),
        ("category", filter.category.map(|c| c.as_str())),
        ("region", filter.region.as_deref()),
        ("remote_policy", filter.remote_policy.map(|c| c.as_str())),
        ("experience", filter.experience.map(|c| c.as_str())),
    ];
    for (name, value) in codes {
        if let Some(value) = value {
            params.push((name, value.to_owned()));
        }
    }
    if filter.junior {
        params.push(("junior", "true".to_owned()));
    }
    if filter.remote_possible {
        params.push(("remote_possible", "true".to_owned()));
    }
    params
}
