//! The integration API: a ministry's systems push its offers by their own reference and follow
//! its applications, with a token one of its managers made in the back-office (`/admin/jetons`)
//! or on the command line. Every operation reaches the token's ministry only.

use chrono::{DateTime, NaiveDate, Utc};
use poem::{Request, web::Data};
use poem_openapi::{
    ApiResponse, Enum, Object, OpenApi, SecurityScheme,
    auth::Bearer,
    param::{Path, Query},
    payload::Json,
};

use super::{ApiResult, Paging, Tag};
use crate::{
    app::SharedState,
    applications::inbox,
    codes::{
        ApplicationStatus, ApplyMode, Category, ContractType, NotRetainedReason, Profession,
        RemotePolicy, Status,
    },
    entities::offers,
    error::AppError,
    ids::ApplicationId,
    integration::{
        offers::{self as pushed, Closing, Pushed},
        tokens::{self, Grant, TokenScope},
    },
    offers::NewOffer,
    web::portal::absolute_url,
};

/// An API token of a ministry, sent as `Authorization: Bearer mdn_…`. A ministry's managers
/// make them in the back-office (`/admin/jetons`); each holds scopes: `offers:write`,
/// `applications:read`, `applications:write`.
#[derive(SecurityScheme)]
#[oai(ty = "bearer", checker = "token_scope")]
pub struct Token(TokenScope);

/// The scope of the request's token, counted against the token's own rate limit (an unknown
/// token is refused, and counted only by its client's address).
async fn token_scope(request: &Request, bearer: Bearer) -> poem::Result<TokenScope> {
    let state = request
        .data::<SharedState>()
        .ok_or_else(|| AppError::setup("api", "the application state is missing"))?;
    let scope = tokens::authenticate(&state.db, &bearer.token, state.now()).await?;
    if state.config.server.api_rate_limit_per_minute > 0 {
        state
            .api_token_limiter
            .admit(scope.token_id())
            .map_err(|retry_after| AppError::TooManyRequests { retry_after })?;
    }
    Ok(scope)
}

/// An offer as a ministry's system sends it. Texts are Markdown.
#[derive(Object, Debug)]
pub struct OfferInput {
    #[oai(validator(max_length = 200))]
    pub title: String,
    pub profession: Profession,
    /// At least one.
    #[oai(validator(min_items = 1, max_items = 10))]
    pub contract_types: Vec<ContractType>,
    pub category: Option<Category>,
    pub remote_policy: RemotePolicy,
    #[oai(validator(minimum(value = "0"), maximum(value = "40")))]
    pub experience_min_years: Option<i32>,
    /// Yearly gross salary, in euros.
    #[oai(validator(minimum(value = "0"), maximum(value = "1000000")))]
    pub salary_min: Option<i32>,
    #[oai(validator(minimum(value = "0"), maximum(value = "1000000")))]
    pub salary_max: Option<i32>,
    #[oai(default, validator(max_length = 200))]
    pub street: String,
    /// A French postal code: it gives the département and the region.
    #[oai(validator(max_length = 5))]
    pub postal_code: String,
    #[oai(validator(max_length = 200))]
    pub city: String,
    pub start_on: Option<NaiveDate>,
    /// When the offer leaves the site; it must be to come.
    pub expires_at: Option<DateTime<Utc>>,
    /// When the offer goes online once approved, if later.
    pub publish_at: Option<DateTime<Utc>>,
    #[oai(default, validator(max_length = 20000))]
    pub context: String,
    #[oai(default, validator(max_length = 20000))]
    pub mission: String,
    #[oai(default, validator(max_length = 20000))]
    pub tasks: String,
    #[oai(default, validator(max_length = 20000))]
    pub team: String,
    #[oai(default, validator(max_length = 20000))]
    pub perks: String,
    #[oai(default, validator(max_length = 20000))]
    pub particularities: String,
    #[oai(default, validator(max_length = 20000))]
    pub profile: String,
    #[oai(default, validator(max_length = 20000))]
    pub recruitment_process: String,
    /// Short skill tags, at most 20 of 50 characters.
    #[oai(default, validator(max_items = 20))]
    pub domains: Vec<String>,
    /// `on_site`: the portal's form (applications then come through this API); `external`:
    /// `apply_url`; `email`: `apply_emails`.
    pub apply_mode: ApplyMode,
    #[oai(validator(max_length = 2000))]
    pub apply_url: Option<String>,
    #[oai(default, validator(max_items = 20))]
    pub apply_emails: Vec<String>,
    #[oai(validator(max_length = 200))]
    pub contact_name: Option<String>,
    #[oai(validator(max_length = 200))]
    pub contact_email: Option<String>,
    #[oai(validator(max_length = 2000))]
    pub video_url: Option<String>,
}

impl OfferInput {
    fn into_new(self) -> NewOffer {
        let present = |text: Option<String>| text.filter(|t| !t.trim().is_empty());
        NewOffer {
            title: self.title,
            profession: Some(self.profession),
            contract_types: self.contract_types,
            category: self.category,
            remote_policy: Some(self.remote_policy),
            experience_min_years: self.experience_min_years,
            salary_min: self.salary_min,
            salary_max: self.salary_max,
            street: self.street,
            postal_code: self.postal_code,
            city: self.city,
            start_on: self.start_on,
            expires_at: self.expires_at,
            publish_at: self.publish_at,
            context: self.context,
            mission: self.mission,
            tasks: self.tasks,
            team: self.team,
            perks: self.perks,
            particularities: self.particularities,
            profile: self.profile,
            recruitment_process: self.recruitment_process,
            domains: self.domains,
            apply_mode: Some(self.apply_mode),
            apply_url: present(self.apply_url),
            apply_emails: self.apply_emails,
            contact_name: present(self.contact_name),
            contact_email: present(self.contact_email),
            video_url: present(self.video_url),
            ..NewOffer::default()
        }
    }
}

/// What became of a push.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "lowercase")]
pub enum PushResult {
    Created,
    Updated,
    Unchanged,
}

/// A ministry's offer as the integration API sees it: where it stands in moderation.
#[derive(Object)]
#[oai(skip_serializing_if_is_none)]
pub struct PushedOffer {
    /// The ministry's own reference.
    pub reference: String,
    /// The offer's id on the site (the public API's `id`).
    pub id: i32,
    pub slug: String,
    pub title: String,
    /// `pending_review` until a DINUM admin approves it, then `published`; `changes_requested`
    /// or `rejected` with the reviewer's comment in the back-office; `filled`, `expired`,
    /// `archived` (withdrawn) at the end.
    pub status: Status,
    /// A change of the live offer waiting for review (or sent back): its status. The live
    /// version stays online meanwhile.
    pub pending_change: Option<Status>,
    /// Its page on the portal, once public.
    pub url: Option<String>,
    pub updated_at: DateTime<Utc>,
}

impl PushedOffer {
    /// `offers` as the integration API shows them, with the status of their proposed changes
    /// (one query for them all).
    async fn list(state: &SharedState, offers: &[offers::Model]) -> ApiResult<Vec<Self>> {
        let pending =
            crate::moderation::proposal_statuses::<offers::Entity>(&state.db, offers).await?;
        let now = state.now();
        Ok(offers
            .iter()
            .map(|offer| Self {
                reference: offer.external_id.clone().unwrap_or_default(),
                id: offer.id,
                slug: offer.slug.clone(),
                title: offer.title.clone(),
                status: offer.status,
                pending_change: pending.get(&offer.id).copied(),
                url: crate::offers::visibility(offer, now).is_some().then(|| {
                    absolute_url(
                        &state.config.server.base_url,
                        crate::i18n::Lang::Fr,
                        &format!("/offres/{}", offer.slug),
                    )
                }),
                updated_at: offer.updated_at,
            })
            .collect())
    }

    async fn new(state: &SharedState, offer: &offers::Model) -> ApiResult<Self> {
        let shown = Self::list(state, std::slice::from_ref(offer)).await?;
        Ok(shown.into_iter().next().ok_or(AppError::NotFound)?)
    }
}

/// The answer to a push: the offer, and what the push did.
#[derive(Object)]
#[oai(skip_serializing_if_is_none)]
pub struct PushOutcome {
    pub result: PushResult,
    pub offer: PushedOffer,
}

#[derive(ApiResponse)]
pub enum PushResponse {
    /// A new offer: it waits for review (or is published, for a trusted ministry).
    #[oai(status = 201)]
    Created(Json<PushOutcome>),
    /// The offer changed, or nothing had to.
    #[oai(status = 200)]
    Ok(Json<PushOutcome>),
}

/// A page of a ministry's pushed offers, by reference.
#[derive(Object)]
#[oai(skip_serializing_if_is_none)]
pub struct PushedOfferPage {
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
    pub items: Vec<PushedOffer>,
}

/// Why an offer closes.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "lowercase")]
pub enum CloseReason {
    /// Someone was recruited: the page stays online with a banner, out of the listings.
    Filled,
    /// Withdrawn: the offer leaves the site for good.
    Withdrawn,
}

#[derive(Object, Debug)]
pub struct CloseRequest {
    pub reason: CloseReason,
}

/// An application to one of the ministry's offers: the candidate's personal data, for the
/// recruitment only.
#[derive(Object)]
#[oai(skip_serializing_if_is_none)]
pub struct Application {
    pub id: i32,
    pub offer_id: i32,
    /// The offer's reference, when it was pushed through this API.
    pub offer_reference: Option<String>,
    pub offer_title: String,
    pub status: ApplicationStatus,
    pub not_retained_reason: Option<NotRetainedReason>,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub links: Vec<String>,
    pub message: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Object)]
#[oai(skip_serializing_if_is_none)]
pub struct ApplicationPage {
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
    pub items: Vec<Application>,
}

/// A step of an application: `in_review`, `interview`, `hired`, or `not_retained` with a
/// reason. The candidate is told by email of a hire and of a refusal.
#[derive(Object, Debug)]
pub struct StatusChange {
    pub status: ApplicationStatus,
    /// Required for `not_retained`.
    pub reason: Option<NotRetainedReason>,
}

/// Items a page of the integration API holds when the request does not say.
const PER_PAGE: u64 = 50;

/// The integration API.
pub struct IntegrationApi;

#[OpenApi(prefix_path = "/integration", tag = "Tag::Integration")]
impl IntegrationApi {
    /// The ministry's pushed offers
    ///
    /// The offers this ministry pushed through the API, by reference, in every status.
    #[oai(path = "/offers", method = "get", operation_id = "listPushedOffers")]
    async fn list_offers(
        &self,
        Data(state): Data<&SharedState>,
        token: Token,
        status: Query<Option<Status>>,
        page: Query<Option<u64>>,
        per_page: Query<Option<u64>>,
    ) -> ApiResult<Json<PushedOfferPage>> {
        let scope = token.0.require(Grant::OffersWrite)?;
        let paging = Paging::read(page.0, per_page.0, PER_PAGE)?;
        let (Paging { page, per_page }, window) = (paging, paging.window());
        let (rows, total) = pushed::list(&state.db, scope, status.0, window).await?;
        let items = PushedOffer::list(state, &rows).await?;
        Ok(Json(PushedOfferPage {
            total,
            page,
            per_page,
            items,
        }))
    }

    /// One pushed offer
    ///
    /// Where the offer pushed under `reference` stands.
    #[oai(
        path = "/offers/:reference",
        method = "get",
        operation_id = "getPushedOffer"
    )]
    async fn get_offer(
        &self,
        Data(state): Data<&SharedState>,
        token: Token,
        /// The ministry's reference: 1 to 100 letters, digits, `.`, `_`, `-`.
        #[oai(validator(pattern = r"^[A-Za-z0-9._-]{1,100}$"))]
        reference: Path<String>,
    ) -> ApiResult<Json<PushedOffer>> {
        let scope = token.0.require(Grant::OffersWrite)?;
        let offer = pushed::find(&state.db, scope, &reference.0).await?;
        Ok(Json(PushedOffer::new(state, &offer).await?))
    }

    /// Create or update an offer
    ///
    /// Idempotent: the first push of a reference creates the offer, which waits for review
    /// by DINUM (or is published at once, for a trusted ministry); a later push changes it; a
    /// change to an offer online waits for review while the online version stays. Pushing the
    /// same offer again changes nothing. Every field is checked, all at once.
    #[oai(
        path = "/offers/:reference",
        method = "put",
        operation_id = "pushOffer"
    )]
    async fn push_offer(
        &self,
        Data(state): Data<&SharedState>,
        token: Token,
        #[oai(validator(pattern = r"^[A-Za-z0-9._-]{1,100}$"))] reference: Path<String>,
        offer: Json<OfferInput>,
    ) -> ApiResult<PushResponse> {
        let scope = token.0.require(Grant::OffersWrite)?;
        let now = state.now();
        let letterhead = state.letterhead();
        let txn = crate::db::begin_write(&state.db)
            .await
            .map_err(AppError::from)?;
        let (offer, result) = pushed::push(
            &txn,
            &letterhead,
            scope,
            &reference.0,
            offer.0.into_new(),
            now,
        )
        .await?;
        txn.commit().await.map_err(AppError::from)?;
        let outcome = |result| async move {
            Ok::<_, super::ApiError>(Json(PushOutcome {
                result,
                offer: PushedOffer::new(state, &offer).await?,
            }))
        };
        Ok(match result {
            Pushed::Created => PushResponse::Created(outcome(PushResult::Created).await?),
            Pushed::Updated => PushResponse::Ok(outcome(PushResult::Updated).await?),
            Pushed::Unchanged => PushResponse::Ok(outcome(PushResult::Unchanged).await?),
        })
    }

    /// Close an offer
    ///
    /// `filled`: someone was recruited, the page stays online with a banner; `withdrawn`: the
    /// offer leaves the site. Closing it again the same way changes nothing.
    #[oai(
        path = "/offers/:reference/close",
        method = "post",
        operation_id = "closeOffer"
    )]
    async fn close_offer(
        &self,
        Data(state): Data<&SharedState>,
        token: Token,
        #[oai(validator(pattern = r"^[A-Za-z0-9._-]{1,100}$"))] reference: Path<String>,
        request: Json<CloseRequest>,
    ) -> ApiResult<Json<PushedOffer>> {
        let scope = token.0.require(Grant::OffersWrite)?;
        let closing = match request.0.reason {
            CloseReason::Filled => Closing::Filled,
            CloseReason::Withdrawn => Closing::Withdrawn,
        };
        let txn = crate::db::begin_write(&state.db)
            .await
            .map_err(AppError::from)?;
        let offer = pushed::close(&txn, scope, &reference.0, closing, state.now()).await?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(Json(PushedOffer::new(state, &offer).await?))
    }

    /// The ministry's applications
    ///
    /// Applications made on the site to the ministry's offers, newest change first; to one
    /// offer (its reference) and in one status if asked. Needs `applications:read`.
    #[oai(
        path = "/applications",
        method = "get",
        operation_id = "listApplications"
    )]
    async fn list_applications(
        &self,
        Data(state): Data<&SharedState>,
        token: Token,
        /// The reference of one of the ministry's pushed offers.
        #[oai(validator(max_length = 100))]
        offer: Query<Option<String>>,
        status: Query<Option<ApplicationStatus>>,
        page: Query<Option<u64>>,
        per_page: Query<Option<u64>>,
    ) -> ApiResult<Json<ApplicationPage>> {
        let scope = token.0.require(Grant::ApplicationsRead)?;
        let paging = Paging::read(page.0, per_page.0, PER_PAGE)?;
        let (Paging { page, per_page }, window) = (paging, paging.window());
        let offer = match offer.0.as_deref() {
            None | Some("") => None,
            Some(reference) => Some(pushed::find(&state.db, scope, reference).await?),
        };
        let wanted = (offer.as_ref().map(|o| o.key()), status.0);
        let (rows, total) = inbox::page(&state.db, scope, wanted, window).await?;
        let ids: Vec<i32> = rows.iter().map(|row| row.application.offer_id).collect();
        let references = references_of(state, &ids).await?;
        let items = rows
            .into_iter()
            .map(|received| application(received, &references))
            .collect();
        Ok(Json(ApplicationPage {
            total,
            page,
            per_page,
            items,
        }))
    }

    /// Move an application
    ///
    /// The next step of an application: `in_review`, `interview`, `hired` (counted in the
    /// year's recruitments), or `not_retained` with a reason; the candidate is told by email of
    /// a hire and of a refusal. Asking for the step it is at changes nothing. Needs
    /// `applications:write`.
    #[oai(
        path = "/applications/:id/status",
        method = "put",
        operation_id = "changeApplicationStatus"
    )]
    async fn change_application_status(
        &self,
        Data(state): Data<&SharedState>,
        token: Token,
        id: Path<i32>,
        change: Json<StatusChange>,
    ) -> ApiResult<Json<Application>> {
        let scope = token.0.require(Grant::ApplicationsWrite)?;
        let letterhead = state.letterhead();
        let txn = crate::db::begin_write(&state.db)
            .await
            .map_err(AppError::from)?;
        let step = (change.0.status, change.0.reason);
        let id = ApplicationId::new(id.0);
        let current = inbox::find(&txn, scope, id).await?;
        let already = current.status == step.0
            && (step.0 != ApplicationStatus::NotRetained || current.not_retained_reason == step.1);
        if !already {
            inbox::change_status(&txn, &letterhead, scope, id, step, state.now()).await?;
        }
        txn.commit().await.map_err(AppError::from)?;
        let received = inbox::find_received(&state.db, scope, id).await?;
        let references = references_of(state, &[received.application.offer_id]).await?;
        Ok(Json(application(received, &references)))
    }
}

/// The references of the pushed offers among `ids`, by offer id.
async fn references_of(
    state: &SharedState,
    ids: &[i32],
) -> ApiResult<std::collections::HashMap<i32, String>> {
    Ok(crate::offers::in_order(&state.db, ids)
        .await?
        .into_iter()
        .filter(|offer| offer.source_name.as_deref() == Some(pushed::SOURCE))
        .filter_map(|offer| offer.external_id.map(|reference| (offer.id, reference)))
        .collect())
}

fn application(
    received: inbox::Received,
    references: &std::collections::HashMap<i32, String>,
) -> Application {
    let row = received.application;
    Application {
        id: row.id,
        offer_id: row.offer_id,
        offer_reference: references.get(&row.offer_id).cloned(),
        offer_title: received.offer_title,
        status: row.status,
        not_retained_reason: row.not_retained_reason,
        first_name: row.first_name,
        last_name: row.last_name,
        email: row.email,
        phone: row.phone,
        links: row
            .links
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(str::to_owned)
            .collect(),
        message: row.message,
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}
