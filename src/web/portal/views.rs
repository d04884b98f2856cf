//! What templates receive: database rows turned into display-ready values (docs/templates.md).

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;

use crate::{
    codes::ContractType,
    entities::{offers, stories, tenants},
    i18n::Lang,
    markdown::{to_plain_text, to_safe_html},
    media::Picture,
    regions,
    tenants::{naming::FrenchName, showcase_sections},
};

#[derive(Clone, Serialize)]
pub struct MinistryRef {
    pub slug: String,
    pub name: String,
    pub acronym: String,
    /// Its name in French sentences (`de la DGFiP`).
    pub french: FrenchName,
}

impl From<&tenants::Model> for MinistryRef {
    fn from(tenant: &tenants::Model) -> Self {
        Self {
            slug: tenant.slug.clone(),
            name: tenant.name.clone(),
            acronym: tenant.acronym.clone(),
            french: FrenchName::new(&tenant.short_name, &tenant.name),
        }
    }
}

#[derive(Serialize)]
pub struct Section {
    pub key: &'static str,
    pub html: String,
}

fn sections<'a>(texts: impl IntoIterator<Item = (&'static str, &'a str)>) -> Vec<Section> {
    texts
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(key, text)| Section {
            key,
            html: to_safe_html(text),
        })
        .collect()
}

pub fn display_date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Fr => date.format("%d/%m/%Y").to_string(),
        Lang::En => date.format("%Y-%m-%d").to_string(),
    }
}

#[derive(Serialize)]
pub struct OfferCard {
    pub slug: String,
    pub title: String,
    pub ministry: MinistryRef,
    pub city: String,
    pub postal_code: String,
    pub department: String,
    pub region_name: String,
    pub contract_types: Vec<&'static str>,
    pub profession: String,
    pub category: Option<String>,
    pub remote_policy: String,
    pub experience_min_years: Option<i32>,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub published_on: Option<String>,
    pub published_on_display: Option<String>,
    pub expires_on_display: Option<String>,
    pub expires_soon: bool,
    pub is_filled: bool,
}

/// Everything a card needs besides the offer: its ministry and contract types.
pub struct CardSources<'a> {
    pub tenants: &'a HashMap<i32, tenants::Model>,
    pub contract_types: &'a HashMap<i32, Vec<ContractType>>,
    pub lang: Lang,
    pub now: DateTime<Utc>,
}

impl CardSources<'_> {
    /// Cards for the offers whose ministry is known (active).
    pub fn cards(&self, offers: &[offers::Model]) -> Vec<OfferCard> {
        offers.iter().filter_map(|offer| self.card(offer)).collect()
    }

    pub fn card(&self, offer: &offers::Model) -> Option<OfferCard> {
        let tenant = self.tenants.get(&offer.tenant_id)?;
        let published_on = offer.published_at.map(|at| at.date_naive());
        let expires_on = offer.expires_at.map(|at| at.date_naive());
        Some(OfferCard {
            slug: offer.slug.clone(),
            title: offer.title.clone(),
            ministry: tenant.into(),
            city: offer.city.clone(),
            postal_code: offer.postal_code.clone(),
            department: offer.department.clone(),
            region_name: regions::region(&offer.region)
                .map(|r| r.name.to_owned())
                .unwrap_or_default(),
            contract_types: self
                .contract_types
                .get(&offer.id)
                .map(|codes| codes.iter().map(|c| c.as_str()).collect())
                .unwrap_or_default(),
            profession: offer.profession.clone(),
            category: offer.category.clone(),
            remote_policy: offer.remote_policy.clone(),
            experience_min_years: offer.experience_min_years,
            salary_min: offer.salary_min,
            salary_max: offer.salary_max,
            published_on: published_on.map(|d| d.to_string()),
            published_on_display: published_on.map(|d| display_date(self.lang, d)),
            expires_on_display: expires_on.map(|d| display_date(self.lang, d)),
            expires_soon: offer
                .expires_at
                .is_some_and(|at| at > self.now && at - self.now < Duration::days(7)),
            is_filled: offer.status == crate::codes::Status::Filled,
        })
    }
}

#[derive(Serialize)]
pub struct Apply {
    pub mode: String,
    pub url: Option<String>,
    pub emails: Vec<String>,
}

#[derive(Serialize)]
pub struct Contact {
    pub name: Option<String>,
    pub email: Option<String>,
}

#[derive(Serialize)]
pub struct Source {
    pub kind: &'static str,
    pub name: Option<String>,
    pub url: Option<String>,
}

#[derive(Serialize)]
pub struct OfferDetail {
    #[serde(flatten)]
    pub card: OfferCard,
    pub sections: Vec<Section>,
    pub video_url: Option<String>,
    pub illustration: Option<Picture>,
    pub domains: Vec<String>,
    pub structure_name: Option<String>,
    pub street: String,
    pub start_on_display: Option<String>,
    pub apply: Apply,
    pub contact: Option<Contact>,
    pub source: Source,
    pub json_ld: String,
}

pub fn offer_detail(
    offer: &offers::Model,
    card: OfferCard,
    structure_name: Option<String>,
    lang: Lang,
    json_ld: String,
    pictures: &Pictures,
) -> OfferDetail {
    let contact =
        (offer.contact_name.is_some() || offer.contact_email.is_some()).then(|| Contact {
            name: offer.contact_name.clone(),
            email: offer.contact_email.clone(),
        });
    OfferDetail {
        card,
        sections: sections(crate::offers::sections(offer)),
        video_url: offer.video_url.clone(),
        illustration: offer
            .illustration_media_id
            .and_then(|id| pictures.get(&id).cloned()),
        domains: serde_json::from_str(&offer.domains).unwrap_or_default(),
        structure_name,
        street: offer.street.clone(),
        start_on_display: offer.start_on.map(|d| display_date(lang, d)),
        apply: Apply {
            mode: offer.apply_mode.clone(),
            url: offer.apply_url.clone(),
            emails: offer
                .apply_emails
                .lines()
                .map(str::to_owned)
                .filter(|e| !e.is_empty())
                .collect(),
        },
        contact,
        source: Source {
            kind: if offer.source_name.is_some() {
                "import"
            } else {
                "site"
            },
            name: offer.source_name.clone(),
            url: offer.external_url.clone(),
        },
        json_ld,
    }
}

#[derive(Serialize)]
pub struct Ministry {
    pub slug: String,
    pub name: String,
    pub acronym: String,
    /// Its name in French sentences (`de la DGFiP`).
    pub french: FrenchName,
    pub website: Option<String>,
    pub logo: Option<Picture>,
    pub accent_color: String,
    pub theme: String,
    pub presentation_html: String,
    pub presentation_text: String,
    pub sections: Vec<Section>,
    pub offer_count: u64,
}

/// The images a page shows, by media id.
pub type Pictures = HashMap<i32, Picture>;

/// A ministry for its page (`with_sections`) or for a list, with its logo if `pictures` has it.
pub fn ministry(
    tenant: &tenants::Model,
    offer_count: u64,
    with_sections: bool,
    pictures: &Pictures,
) -> Ministry {
    Ministry {
        slug: tenant.slug.clone(),
        name: tenant.name.clone(),
        acronym: tenant.acronym.clone(),
        french: FrenchName::new(&tenant.short_name, &tenant.name),
        website: tenant.website.clone(),
        logo: tenant
            .logo_media_id
            .and_then(|id| pictures.get(&id).cloned()),
        accent_color: tenant.accent_color.clone(),
        theme: tenant.theme.clone(),
        presentation_html: if with_sections {
            to_safe_html(&tenant.presentation)
        } else {
            String::new()
        },
        presentation_text: to_plain_text(&tenant.presentation, 200),
        sections: if with_sections {
            sections(showcase_sections(tenant))
        } else {
            Vec::new()
        },
        offer_count,
    }
}

#[derive(Serialize)]
pub struct Story {
    pub slug: String,
    pub person_name: String,
    pub role: String,
    pub photo: Option<Picture>,
    pub excerpt: String,
    pub body_html: String,
    pub ministry: Option<MinistryRef>,
    pub video_url: Option<String>,
    pub published_on_display: Option<String>,
}

/// A story for its page (`with_body`) or for a list, with its photo if `pictures` has it.
pub fn story(
    story: &stories::Model,
    tenants: &HashMap<i32, tenants::Model>,
    lang: Lang,
    with_body: bool,
    pictures: &Pictures,
) -> Story {
    Story {
        slug: story.slug.clone(),
        person_name: story.person_name.clone(),
        role: story.role.clone(),
        photo: story
            .photo_media_id
            .and_then(|id| pictures.get(&id).cloned()),
        excerpt: story.excerpt.clone(),
        body_html: if with_body {
            to_safe_html(&story.body)
        } else {
            String::new()
        },
        ministry: tenants.get(&story.tenant_id).map(MinistryRef::from),
        video_url: story.video_url.clone(),
        published_on_display: story
            .published_at
            .map(|at| display_date(lang, at.date_naive())),
    }
}
