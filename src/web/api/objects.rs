//! What the public API answers with: offers, ministries and stories as the portal shows them,
//! with absolute URLs to their pages and images. Built from the database's rows here, so that
//! the operations stay thin.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use poem_openapi::{ApiResponse, Object, payload::Json, types::ToJSON};

use crate::{
    codes::{ApplyMode, Category, ContractType, Profession, RemotePolicy},
    entities::{offers, stories, tenants},
    i18n::Lang,
    markdown::to_safe_html,
    media::Picture,
    regions,
    web::portal::absolute_url,
};

/// A successful read of the public API. Public answers carry an `ETag`: asked again with
/// `If-None-Match`, an unchanged answer is `304 Not Modified` without a body.
// Two headers of the same type read to clippy as one attribute given twice.
#[allow(clippy::duplicated_attributes)]
#[derive(ApiResponse)]
#[oai(header(
    name = "ETag",
    ty = "Option<String>",
    description = "The answer's version, for `If-None-Match`."
))]
#[oai(header(
    name = "Cache-Control",
    ty = "Option<String>",
    description = "How long the answer may be kept (`public, max-age=60`)."
))]
pub enum Fresh<T: ToJSON> {
    /// The answer.
    #[oai(status = 200)]
    Ok(Json<T>),
    /// What `If-None-Match` named has not changed.
    #[oai(status = 304)]
    NotModified,
}

/// Where the answer's links point and in which language.
pub struct Links<'a> {
    pub base_url: &'a str,
    pub lang: Lang,
}

impl<'a> Links<'a> {
    /// Links to the portal `state` serves, in `lang`.
    pub fn new(state: &'a crate::app::AppState, lang: Lang) -> Self {
        Self {
            base_url: &state.config.server.base_url,
            lang,
        }
    }

    /// The portal page at `path` (its French path) in the asked language.
    pub fn page(&self, path: &str) -> String {
        absolute_url(self.base_url, self.lang, path)
    }

    /// The absolute URL of a picture.
    pub fn picture(&self, picture: &Picture) -> String {
        format!("{}{}", self.base_url, picture.src)
    }
}

/// A ministry, as offers and stories name it.
#[derive(Object, Clone)]
#[oai(skip_serializing_if_is_none)]
pub struct MinistryRef {
    pub id: i32,
    pub slug: String,
    pub name: String,
    pub acronym: String,
    /// Its page on the portal.
    pub url: String,
}

impl MinistryRef {
    pub fn new(tenant: &tenants::Model, links: &Links<'_>) -> Self {
        Self {
            id: tenant.id,
            slug: tenant.slug.clone(),
            name: tenant.name.clone(),
            acronym: tenant.acronym.clone(),
            url: links.page(&format!("/ministeres/{}", tenant.slug)),
        }
    }
}

/// A text of a page, in Markdown and as the portal shows it (sanitized HTML).
#[derive(Object)]
#[oai(skip_serializing_if_is_none)]
pub struct Section {
    /// Which text: `mission`, `profile`, `values`…
    pub key: String,
    pub markdown: String,
    pub html: String,
}

/// The non-empty texts among `texts`, in their order.
pub fn sections<'a>(texts: impl IntoIterator<Item = (&'static str, &'a str)>) -> Vec<Section> {
    texts
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(key, text)| Section {
            key: key.to_owned(),
            markdown: text.to_owned(),
            html: to_safe_html(text),
        })
        .collect()
}

/// An offer as listings show it.
#[derive(Object)]
#[oai(skip_serializing_if_is_none)]
pub struct OfferSummary {
    /// Stable: it never changes, whatever the offer's title or address becomes.
    pub id: i32,
    pub slug: String,
    pub title: String,
    /// Its page on the portal.
    pub url: String,
    pub ministry: MinistryRef,
    pub profession: Profession,
    pub contract_types: Vec<ContractType>,
    pub category: Option<Category>,
    pub remote_policy: RemotePolicy,
    pub experience_min_years: Option<i32>,
    /// Yearly gross salary, in euros.
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub city: String,
    pub postal_code: String,
    /// The département's code (`75`, `2A`, `971`).
    pub department: String,
    /// The region's INSEE code.
    pub region: String,
    pub region_name: String,
    pub published_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    /// Filled ("pourvue"): its page stays online, it takes no more applications.
    pub filled: bool,
}

/// What a page of offers needs besides the offers: their ministries and contract types.
pub struct OfferSources<'a> {
    pub tenants: &'a HashMap<i32, tenants::Model>,
    pub contract_types: &'a HashMap<i32, Vec<ContractType>>,
    pub links: Links<'a>,
}

impl OfferSources<'_> {
    /// `offer` as listed; `None` when its ministry is not an active one.
    pub fn summary(&self, offer: &offers::Model) -> Option<OfferSummary> {
        let tenant = self.tenants.get(&offer.tenant_id)?;
        Some(OfferSummary {
            id: offer.id,
            slug: offer.slug.clone(),
            title: offer.title.clone(),
            url: self.links.page(&format!("/offres/{}", offer.slug)),
            ministry: MinistryRef::new(tenant, &self.links),
            profession: Profession::parse(&offer.profession).unwrap_or(Profession::Autre),
            contract_types: self
                .contract_types
                .get(&offer.id)
                .cloned()
                .unwrap_or_default(),
            category: offer.category.as_deref().and_then(Category::parse),
            remote_policy: RemotePolicy::parse(&offer.remote_policy).unwrap_or(RemotePolicy::Aucun),
            experience_min_years: offer.experience_min_years,
            salary_min: offer.salary_min,
            salary_max: offer.salary_max,
            city: offer.city.clone(),
            postal_code: offer.postal_code.clone(),
            department: offer.department.clone(),
            region: offer.region.clone(),
            region_name: regions::region(&offer.region)
                .map(|r| r.name.to_owned())
                .unwrap_or_default(),
            published_at: offer.published_at,
            expires_at: offer.expires_at,
            filled: offer.status == crate::codes::Status::Filled,
        })
    }
}

/// How to apply to an offer.
#[derive(Object)]
#[oai(skip_serializing_if_is_none)]
pub struct HowToApply {
    pub mode: ApplyMode,
    /// Where to apply: the portal's form, or the address the ministry gave.
    pub url: Option<String>,
    /// Where to write, for offers that take applications by email.
    pub emails: Vec<String>,
}

/// An offer with everything its page shows.
#[derive(Object)]
#[oai(skip_serializing_if_is_none)]
pub struct Offer {
    #[oai(flatten)]
    pub summary: OfferSummary,
    /// The offer's texts, in the order of its page.
    pub sections: Vec<Section>,
    /// The direction or service that recruits, when the ministry named one.
    pub service: Option<String>,
    pub domains: Vec<String>,
    pub start_on: Option<NaiveDate>,
    pub illustration_url: Option<String>,
    pub video_url: Option<String>,
    pub apply: HowToApply,
}

/// A page of offers.
#[derive(Object)]
#[oai(skip_serializing_if_is_none)]
pub struct OfferPage {
    /// How many offers match, over every page.
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
    pub pages: u64,
    pub items: Vec<OfferSummary>,
    /// The next page's address, if there is one.
    pub next: Option<String>,
    /// When a word found nothing and a close one would: the words to search instead.
    pub suggestion: Option<String>,
}

/// A ministry, as the list of ministries shows it.
#[derive(Object)]
#[oai(skip_serializing_if_is_none)]
pub struct MinistrySummary {
    #[oai(flatten)]
    pub reference: MinistryRef,
    pub website: Option<String>,
    pub logo_url: Option<String>,
    /// How many of its offers are online.
    pub live_offers: u64,
}

/// A ministry with its showcase.
#[derive(Object)]
#[oai(skip_serializing_if_is_none)]
pub struct Ministry {
    #[oai(flatten)]
    pub summary: MinistrySummary,
    /// Its presentation, then its values, challenges, projects… as its page shows them.
    pub sections: Vec<Section>,
    /// Its offers, newest first: the address of the first page.
    pub offers_url: String,
}

/// A team story: an agent tells their work.
#[derive(Object)]
#[oai(skip_serializing_if_is_none)]
pub struct Story {
    pub id: i32,
    pub slug: String,
    pub url: String,
    pub ministry: MinistryRef,
    pub person_name: String,
    pub role: String,
    pub excerpt: String,
    pub body: Section,
    pub photo_url: Option<String>,
    pub video_url: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
}

impl Story {
    pub fn new(
        story: &stories::Model,
        tenant: &tenants::Model,
        photo: Option<&Picture>,
        links: &Links<'_>,
    ) -> Self {
        Self {
            id: story.id,
            slug: story.slug.clone(),
            url: links.page(&format!("/temoignages/{}", story.slug)),
            ministry: MinistryRef::new(tenant, links),
            person_name: story.person_name.clone(),
            role: story.role.clone(),
            excerpt: story.excerpt.clone(),
            body: Section {
                key: "body".to_owned(),
                markdown: story.body.clone(),
                html: to_safe_html(&story.body),
            },
            photo_url: photo.map(|picture| links.picture(picture)),
            video_url: story.video_url.clone(),
            published_at: story.published_at,
        }
    }
}

/// A page of stories.
#[derive(Object)]
#[oai(skip_serializing_if_is_none)]
pub struct StoryPage {
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
    pub pages: u64,
    pub items: Vec<Story>,
    pub next: Option<String>,
}

/// A goal of the year and how far it went.
#[derive(Object)]
#[oai(skip_serializing_if_is_none)]
pub struct Goal {
    /// What is counted: `recruitments`, `talents`…
    pub indicator: String,
    /// The year's target; absent when none was set.
    pub target: Option<i64>,
    pub achieved: i64,
    /// The achieved share of the target, in whole percents.
    pub percent: Option<i64>,
}

/// A figure per month, January first, and the year's total.
#[derive(Object)]
#[oai(skip_serializing_if_is_none)]
pub struct Series {
    /// What is counted: `offers_published`, `applications`, `hires`, `page_views`.
    pub series: String,
    pub monthly: Vec<i64>,
    pub total: i64,
}

/// The site's public figures of a year, as `/statistiques` shows them.
#[derive(Object)]
#[oai(skip_serializing_if_is_none)]
pub struct Statistics {
    pub year: i32,
    pub goals: Vec<Goal>,
    pub series: Vec<Series>,
    /// The page that shows them.
    pub url: String,
}
