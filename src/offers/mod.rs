//! Job offers: what the public sees of them, and how they are written.

pub mod editing;
pub mod search;

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use crate::{
    accounts::Scope,
    codes::{ApplyMode, Category, ContractType, Experience, Profession, RemotePolicy, Status},
    entities::{offer_contract_types, offers},
    error::{AppError, AppResult, Problems, Reason},
    ids::OfferId,
    markdown, regions, slug, text,
};

/// The keys of an offer's text sections, in the order of its page.
pub const SECTION_KEYS: [&str; 8] = [
    "context",
    "mission",
    "tasks",
    "team",
    "perks",
    "particularities",
    "profile",
    "recruitment_process",
];

/// The fields of an offer its public page shows, in the page's order, besides its texts
/// (`offers::SECTION_KEYS`).
pub const FIELDS: [&str; 23] = [
    "title",
    "structure_id",
    "contract_types",
    "category",
    "profession",
    "experience_min_years",
    "remote_policy",
    "street",
    "postal_code",
    "city",
    "salary_min",
    "salary_max",
    "start_on",
    "publish_at",
    "expires_at",
    "illustration_media_id",
    "domains",
    "video_url",
    "apply_mode",
    "apply_url",
    "apply_emails",
    "contact_name",
    "contact_email",
];

/// An offer's text sections (Markdown) with their keys.
pub fn sections(offer: &offers::Model) -> [(&'static str, &str); 8] {
    let texts = [
        &offer.context,
        &offer.mission,
        &offer.tasks,
        &offer.team,
        &offer.perks,
        &offer.particularities,
        &offer.profile,
        &offer.recruitment_process,
    ];
    std::array::from_fn(|i| (SECTION_KEYS[i], texts[i].as_str()))
}

/// The listing's filters, as they come from the query string. Unknown values are ignored so
/// that an old or hand-edited link still shows results.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OfferFilter {
    pub q: String,
    pub ministry: Option<String>,
    pub profession: Option<Profession>,
    pub contract_type: Option<ContractType>,
    pub category: Option<Category>,
    pub region: Option<String>,
    pub remote_policy: Option<RemotePolicy>,
    pub experience: Option<Experience>,
    /// Open to beginners: at most one year of experience asked.
    pub junior: bool,
    /// Remote work possible, in part or in full.
    pub remote_possible: bool,
}

impl OfferFilter {
    /// Reads the listing's query-string parameters (`q`, `ministere`, `metier`, `contrat`,
    /// `categorie`, `region`, `teletravail`, `experience`, `junior`, `distanciel`).
    pub fn from_params(params: &HashMap<String, String>) -> Self {
        let get = |name: &str| params.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
        Self {
            q: get("q")
                .map(|q| q.chars().take(200).collect())
                .unwrap_or_default(),
            ministry: get("ministere")
                .filter(|s| slug::is_valid(s))
                .map(str::to_owned),
            profession: get("metier").and_then(Profession::parse),
            contract_type: get("contrat").and_then(ContractType::parse),
            category: get("categorie").and_then(Category::parse),
            region: get("region")
                .and_then(regions::region)
                .map(|r| r.code.to_owned()),
            remote_policy: get("teletravail").and_then(RemotePolicy::parse),
            experience: get("experience").and_then(Experience::parse),
            junior: get("junior") == Some("1"),
            remote_possible: get("distanciel") == Some("1"),
        }
    }

    /// The query-string parameters of this filter (the inverse of [`OfferFilter::from_params`]).
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if !self.q.is_empty() {
            params.push(("q", self.q.clone()));
        }
        let codes = [
            ("ministere", self.ministry.clone()),
            ("metier", self.profession.map(|c| c.as_str().to_owned())),
            ("contrat", self.contract_type.map(|c| c.as_str().to_owned())),
            ("categorie", self.category.map(|c| c.as_str().to_owned())),
            ("region", self.region.clone()),
            (
                "teletravail",
                self.remote_policy.map(|c| c.as_str().to_owned()),
            ),
            ("experience", self.experience.map(|c| c.as_str().to_owned())),
        ];
        params.extend(
            codes
                .into_iter()
                .filter_map(|(name, value)| value.map(|v| (name, v))),
        );
        if self.junior {
            params.push(("junior", "1".to_owned()));
        }
        if self.remote_possible {
            params.push(("distanciel", "1".to_owned()));
        }
        params
    }
}

/// Offers anyone may see in listings: published, past the publication date their editor
/// chose, and not past their expiry.
pub fn live(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(offers::Column::Status.eq(Status::Published))
        .add(offers::Column::TenantId.in_subquery(crate::tenants::active_ids()))
        .add(
            Condition::any()
                .add(offers::Column::PublishedAt.is_null())
                .add(offers::Column::PublishedAt.lte(now)),
        )
        .add(
            Condition::any()
                .add(offers::Column::ExpiresAt.is_null())
                .add(offers::Column::ExpiresAt.gt(now)),
        )
}

/// The offers of `ids`, in that order (ids the search index gave).
pub async fn in_order(db: &impl ConnectionTrait, ids: &[i32]) -> AppResult<Vec<offers::Model>> {
    let mut rows: HashMap<i32, offers::Model> = offers::Entity::find()
        .filter(offers::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|offer| (offer.id, offer))
        .collect();
    Ok(ids.iter().filter_map(|id| rows.remove(id)).collect())
}

/// How an offer page answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// Published and current.
    Live,
    /// Filled ("pourvue"): shown with a banner, no longer listed.
    Filled,
    /// Expired or archived: 410 Gone with similar offers.
    Gone,
}

/// What the public may see of an offer; `None` for offers not yet public (drafts, reviews,
/// scheduled publications).
pub fn visibility(offer: &offers::Model, now: DateTime<Utc>) -> Option<Visibility> {
    // Only what was once public may say it is filled or gone; the rest was never there.
    let was_public = offer.published_at.is_some_and(|at| at <= now);
    match offer.status {
        Status::Published if offer.published_at.is_some_and(|at| at > now) => None,
        Status::Published if offer.expires_at.is_some_and(|at| at <= now) => Some(Visibility::Gone),
        Status::Published => Some(Visibility::Live),
        Status::Filled if was_public => Some(Visibility::Filled),
        Status::Expired | Status::Archived if was_public => Some(Visibility::Gone),
        _ => None,
    }
}

pub async fn find_by_slug(
    db: &impl ConnectionTrait,
    slug: &str,
) -> AppResult<Option<offers::Model>> {
    Ok(offers::Entity::find()
        .filter(offers::Column::Slug.eq(slug))
        .one(db)
        .await?)
}

/// Live offers like `offer` (same profession, the same ministry's first), for its page or its 410.
pub async fn similar(
    db: &impl ConnectionTrait,
    offer: &offers::Model,
    limit: u64,
    now: DateTime<Utc>,
) -> AppResult<Vec<offers::Model>> {
    let mut found = offers::Entity::find()
        .filter(live(now))
        .filter(offers::Column::Profession.eq(offer.profession.as_str()))
        .filter(offers::Column::Id.ne(offer.id))
        .order_by_desc(offers::Column::PublishedAt)
        .limit(limit * 4)
        .all(db)
        .await?;
    found.sort_by_key(|o| o.tenant_id != offer.tenant_id);
    found.truncate(limit as usize);
    Ok(found)
}

/// The contract types of each of `offer_ids`, in the canonical order.
pub async fn contract_types(
    db: &impl ConnectionTrait,
    offer_ids: &[OfferId],
) -> AppResult<HashMap<i32, Vec<ContractType>>> {
    let mut by_offer: HashMap<i32, Vec<ContractType>> = HashMap::new();
    if offer_ids.is_empty() {
        return Ok(by_offer);
    }
    let rows = offer_contract_types::Entity::find()
        .filter(offer_contract_types::Column::OfferId.is_in(offer_ids.iter().copied()))
        .all(db)
        .await?;
    for row in rows {
        if let Some(code) = ContractType::parse(&row.contract_type) {
            by_offer.entry(row.offer_id).or_default().push(code);
        }
    }
    for codes in by_offer.values_mut() {
        codes.sort_by_key(|c| ContractType::ALL.iter().position(|x| x == c));
    }
    Ok(by_offer)
}

/// Slug and last change of every live offer, for the sitemap.
pub async fn live_slugs(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> AppResult<Vec<(String, DateTime<Utc>)>> {
    Ok(offers::Entity::find()
        .select_only()
        .column(offers::Column::Slug)
        .column(offers::Column::UpdatedAt)
        .filter(live(now))
        .order_by_desc(offers::Column::PublishedAt)
        .into_tuple()
        .all(db)
        .await?)
}

/// Everything needed to write an offer.
#[derive(Clone, Debug, Default)]
pub struct NewOffer {
    pub structure_id: Option<i32>,
    /// Derived from the title when empty.
    pub slug: String,
    pub title: String,
    pub context: String,
    pub mission: String,
    pub tasks: String,
    pub team: String,
    pub perks: String,
    pub particularities: String,
    pub profile: String,
    pub recruitment_process: String,
    pub video_url: Option<String>,
    /// An image of its ministry's media library.
    pub illustration_media_id: Option<i32>,
    pub contract_types: Vec<ContractType>,
    pub category: Option<Category>,
    pub profession: Option<Profession>,
    pub domains: Vec<String>,
    pub experience_min_years: Option<i32>,
    pub remote_policy: Option<RemotePolicy>,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub start_on: Option<NaiveDate>,
    pub apply_mode: Option<ApplyMode>,
    pub apply_url: Option<String>,
    pub apply_emails: Vec<String>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub source_name: Option<String>,
    pub external_id: Option<String>,
    pub external_url: Option<String>,
    pub status: Option<Status>,
    pub published_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub filled_at: Option<DateTime<Utc>>,
    /// When it goes public once approved, if later.
    pub publish_at: Option<DateTime<Utc>>,
    pub created_by: Option<i32>,
}

/// The highest yearly salary an offer may state, in euros.
const MAX_SALARY: i32 = 1_000_000;

fn required<T>(value: Option<T>, field: &str) -> AppResult<T> {
    value.ok_or_else(|| AppError::invalid(field, Reason::Required))
}

impl NewOffer {
    /// Refuses what is wrong with the offer that is told without the database, every field
    /// at once.
    pub(crate) fn check(&self) -> AppResult<()> {
        let mut problems = Problems::default();
        if self.title.trim().is_empty() {
            problems.add("title", Reason::Required);
        } else if self.title.chars().count() > 200 {
            problems.add("title", Reason::TooLong);
        }
        // A slug typed for a new offer; one derived from the title is checked on creation.
        if !self.slug.is_empty() && !slug::is_valid(&self.slug) {
            problems.add("slug", Reason::NotASlug);
        }
        let chosen = [
            ("contract_types", !self.contract_types.is_empty()),
            ("profession", self.profession.is_some()),
            ("remote_policy", self.remote_policy.is_some()),
            ("apply_mode", self.apply_mode.is_some()),
            ("city", !self.city.trim().is_empty()),
        ];
        for (field, _) in chosen.iter().filter(|(_, present)| !present) {
            problems.add(*field, Reason::Required);
        }
        for (field, salary) in [
            ("salary_min", self.salary_min),
            ("salary_max", self.salary_max),
        ] {
            if salary.is_some_and(|euros| !(0..=MAX_SALARY).contains(&euros)) {
                problems.add(field, Reason::OutOfRange);
            }
        }
        if let (Some(min), Some(max)) = (self.salary_min, self.salary_max)
            && min > max
        {
            problems.add("salary_max", Reason::BelowMinimum);
        }
        if self
            .experience_min_years
            .is_some_and(|y| !(0..=40).contains(&y))
        {
            problems.add("experience_min_years", Reason::OutOfRange);
        }
        match self.apply_mode {
            Some(ApplyMode::External) if self.apply_url.is_none() => {
                problems.add("apply_url", Reason::Required);
            }
            Some(ApplyMode::Email) if self.apply_emails.is_empty() => {
                problems.add("apply_emails", Reason::Required);
            }
            _ => {}
        }
        if regions::locate(&self.postal_code).is_none() {
            problems.add("postal_code", Reason::NotAPostalCode);
        }
        self.check_texts(&mut problems)?;
        problems.into_result()
    }

    /// Checks the offer and derives its department and region.
    fn validate(&self) -> AppResult<(String, regions::Region)> {
        self.check()?;
        regions::locate(&self.postal_code)
            .ok_or_else(|| AppError::invalid("postal_code", Reason::NotAPostalCode))
    }

    /// Bounds every text and checks every address: rich texts by [`markdown::check`], one-line
    /// texts by length, web addresses and emails by their shape.
    fn check_texts(&self, problems: &mut Problems) -> AppResult<()> {
        for (field, markdown) in self.rich_texts() {
            problems.check(markdown::check(field, markdown))?;
        }
        let lines = [
            ("street", Some(&self.street)),
            ("city", Some(&self.city)),
            ("contact_name", self.contact_name.as_ref()),
        ];
        for (field, value) in lines {
            let value = value.map_or("", String::as_str);
            problems.check(text::check_length(field, value, text::MAX_LINE_CHARS))?;
        }
        let urls = [
            ("video_url", &self.video_url),
            ("apply_url", &self.apply_url),
        ];
        for (field, url) in urls {
            if let Some(url) = url {
                problems.check(text::check_http_url(field, url))?;
            }
        }
        if self.apply_emails.len() > 20 {
            problems.add("apply_emails", Reason::TooMany);
        }
        for email in &self.apply_emails {
            problems.check(text::check_email("apply_emails", email))?;
        }
        if let Some(email) = &self.contact_email {
            problems.check(text::check_email("contact_email", email))?;
        }
        if self.domains.len() > 20 {
            problems.add("domains", Reason::TooMany);
        } else if self.domains.iter().any(|d| d.chars().count() > 50) {
            problems.add("domains", Reason::TooLong);
        }
        Ok(())
    }

    /// The offer's Markdown sections, by field name.
    fn rich_texts(&self) -> [(&'static str, &str); 8] {
        [
            ("context", &self.context),
            ("mission", &self.mission),
            ("tasks", &self.tasks),
            ("team", &self.team),
            ("perks", &self.perks),
            ("particularities", &self.particularities),
            ("profile", &self.profile),
            ("recruitment_process", &self.recruitment_process),
        ]
    }

    fn search_text(&self) -> String {
        let mut words = vec![
            self.title.as_str(),
            self.city.as_str(),
            self.context.as_str(),
            self.mission.as_str(),
            self.tasks.as_str(),
            self.profile.as_str(),
            self.team.as_str(),
        ];
        words.extend(self.domains.iter().map(String::as_str));
        search::normalize(&words.join(" "))
    }
}

impl NewOffer {
    /// The form gives days: a deadline or a publication day left as it was keeps its stored
    /// moment, so that saving changes nothing a reviewer would have to look at.
    fn keeping_moments_of(&self, existing: &offers::Model) -> NewOffer {
        let same_day =
            |new: Option<DateTime<Utc>>, stored: Option<DateTime<Utc>>| match (new, stored) {
                (Some(new), Some(stored)) if new.date_naive() == stored.date_naive() => {
                    Some(stored)
                }
                _ => new,
            };
        NewOffer {
            expires_at: same_day(self.expires_at, existing.expires_at),
            publish_at: same_day(self.publish_at, existing.publish_at),
            ..self.clone()
        }
    }
    /// The offer's written fields, checked: everything but its ministry, slug, life cycle and
    /// authorship.
    fn written_fields(&self) -> AppResult<offers::ActiveModel> {
        let (department, region) = self.validate()?;
        Ok(offers::ActiveModel {
            structure_id: Set(self.structure_id),
            title: Set(self.title.trim().to_owned()),
            context: Set(self.context.clone()),
            mission: Set(self.mission.clone()),
            tasks: Set(self.tasks.clone()),
            team: Set(self.team.clone()),
            perks: Set(self.perks.clone()),
            particularities: Set(self.particularities.clone()),
            profile: Set(self.profile.clone()),
            recruitment_process: Set(self.recruitment_process.clone()),
            video_url: Set(self.video_url.clone()),
            illustration_media_id: Set(self.illustration_media_id),
            category: Set(self.category.map(|c| c.as_str().to_owned())),
            profession: Set(required(self.profession, "profession")?.as_str().to_owned()),
            domains: Set(serde_json::to_string(&self.domains)?),
            experience_min_years: Set(self.experience_min_years),
            remote_policy: Set(required(self.remote_policy, "remote_policy")?
                .as_str()
                .to_owned()),
            salary_min: Set(self.salary_min),
            salary_max: Set(self.salary_max),
            street: Set(self.street.clone()),
            postal_code: Set(self.postal_code.trim().to_owned()),
            city: Set(self.city.trim().to_owned()),
            department: Set(department),
            region: Set(region.code.to_owned()),
            start_on: Set(self.start_on),
            apply_mode: Set(required(self.apply_mode, "apply_mode")?.as_str().to_owned()),
            apply_url: Set(self.apply_url.clone()),
            apply_emails: Set(self.apply_emails.join("\n")),
            contact_name: Set(self.contact_name.clone()),
            contact_email: Set(self.contact_email.clone()),
            expires_at: Set(self.expires_at),
            publish_at: Set(self.publish_at),
            search_text: Set(self.search_text()),
            ..Default::default()
        })
    }
}

/// Writes a new offer of the scope's ministry and its contract types, as an importer or the
/// demo does (an editor's draft goes through `moderation::create`). Call it inside a
/// transaction.
pub async fn create(
    db: &impl ConnectionTrait,
    scope: &Scope,
    new: NewOffer,
    now: DateTime<Utc>,
) -> AppResult<offers::Model> {
    let mut model = new.written_fields()?;
    let slug = if new.slug.is_empty() {
        slug::slugify(&new.title)
    } else {
        new.slug.clone()
    };
    if !slug::is_valid(&slug) {
        return Err(AppError::invalid("slug", Reason::NotASlug));
    }
    model.tenant_id = Set(scope.tenant().get());
    model.source_name = Set(new.source_name.clone());
    model.external_id = Set(new.external_id.clone());
    model.external_url = Set(new.external_url.clone());
    model.status = Set(new.status.unwrap_or(Status::Draft));
    model.published_at = Set(new.published_at);
    model.filled_at = Set(new.filled_at);
    model.version = Set(1);
    model.created_by = Set(new.created_by);
    model.created_at = Set(now);
    model.updated_at = Set(now);
    let derived = new.slug.is_empty();
    let model =
        crate::content::insert_with_slug::<offers::Entity>(db, model, &slug, derived).await?;
    replace_contract_types(db, OfferId::new(model.id), &new.contract_types).await?;
    Ok(model)
}

/// The contract types kept in a revision's snapshot.
pub(crate) fn snapshot_contract_types(snapshot: &crate::content::Snapshot) -> Vec<ContractType> {
    snapshot
        .get("contract_types")
        .and_then(|codes| codes.as_array())
        .into_iter()
        .flatten()
        .filter_map(|code| code.as_str().and_then(ContractType::parse))
        .collect()
}

/// Rewrites the written fields of `existing` (its slug, ministry and life cycle stay) and its
/// contract types. Call it inside a transaction, on an item found through a scope.
pub(crate) async fn update(
    db: &impl ConnectionTrait,
    existing: &offers::Model,
    new: &NewOffer,
    now: DateTime<Utc>,
) -> AppResult<offers::Model> {
    let mut model = new.keeping_moments_of(existing).written_fields()?;
    model.id = sea_orm::ActiveValue::Unchanged(existing.id);
    model.version = Set(existing.version + 1);
    model.updated_at = Set(now);
    let model = model.update(db).await?;
    replace_contract_types(db, OfferId::new(model.id), &new.contract_types).await?;
    Ok(model)
}

/// Sets the contract types of offer `offer_id`.
pub(crate) async fn replace_contract_types(
    db: &impl ConnectionTrait,
    offer_id: OfferId,
    codes: &[ContractType],
) -> AppResult<()> {
    offer_contract_types::Entity::delete_many()
        .filter(offer_contract_types::Column::OfferId.eq(offer_id))
        .exec(db)
        .await?;
    let mut codes = codes.to_vec();
    codes.sort_by_key(|c| c.as_str());
    codes.dedup();
    let rows = codes.iter().map(|code| offer_contract_types::ActiveModel {
        offer_id: Set(offer_id.get()),
        contract_type: Set(code.as_str().to_owned()),
    });
    offer_contract_types::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Who answers for `offer`: its author and its ministry's managers.
pub(crate) async fn recruiters(
    db: &impl ConnectionTrait,
    offer: &offers::Model,
) -> AppResult<Vec<crate::entities::users::Model>> {
    use crate::entities::{memberships, users};
    let managers = memberships::Entity::find()
        .filter(memberships::Column::TenantId.eq(offer.tenant_id))
        .filter(memberships::Column::Role.eq(crate::accounts::Role::Manager.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|membership| membership.user_id);
    let people: std::collections::BTreeSet<i32> =
        offer.created_by.into_iter().chain(managers).collect();
    Ok(users::Entity::find()
        .filter(users::Column::Id.is_in(people))
        .all(db)
        .await?)
}
