//! Demo data that looks real: ministries that recruit digital profiles, offers across
//! professions, contracts, regions and life-cycle stages, and team stories.
//!
//! The texts live in `demo/data/*.json`; offers are generated from job templates, ministries and
//! places deterministically, so seeding twice changes nothing (idempotent by slug).

mod pictures;

mod history;

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use serde::Deserialize;

use crate::{
    accounts::AdminScope,
    codes::{ApplyMode, Category, ContractType, Profession, RemotePolicy, Status},
    entities::{offers as offer_rows, stories as story_rows, structures, tenants as tenant_rows},
    error::{AppError, AppResult},
    ids::{StructureId, TenantId},
    offers::{self, NewOffer},
    slug::slugify,
    stories::{self, NewStory},
    tenants::{self, NewTenant},
};

/// The number of offers `seed --demo` writes unless told otherwise.
pub const DEFAULT_OFFERS: usize = 300;

pub use history::{HISTORY_OFFERS, seed_history};

#[derive(Deserialize)]
struct DemoStructure {
    name: String,
    kind: String,
    #[serde(default)]
    children: Vec<DemoStructure>,
}

#[derive(Deserialize)]
struct DemoMinistry {
    slug: String,
    name: String,
    acronym: String,
    short_name: String,
    website: Option<String>,
    /// Where its offers are, when it is not everywhere in France (cities of `places.json`).
    #[serde(default)]
    cities: Vec<String>,
    accent_color: String,
    theme: String,
    presentation: String,
    values: String,
    challenges: String,
    mission: String,
    projects: String,
    organisation: String,
    key_figures: String,
    skills_sought: String,
    recruitment_process: String,
    working_with_us: String,
    #[serde(default)]
    structures: Vec<DemoStructure>,
}

#[derive(Deserialize)]
struct OfferTemplate {
    profession: String,
    titles: Vec<String>,
    category: Option<String>,
    contract_types: Vec<String>,
    experience_min_years: Option<i32>,
    salary_min: Option<i32>,
    salary_max: Option<i32>,
    #[serde(default)]
    domains: Vec<String>,
    context: String,
    mission: String,
    tasks: String,
    team: String,
    perks: String,
    particularities: Option<String>,
    profile: String,
    recruitment_process: String,
}

#[derive(Deserialize)]
struct DemoStory {
    ministry_slug: String,
    slug: String,
    person_name: String,
    role: String,
    excerpt: String,
    body: String,
    video_url: Option<String>,
}

#[derive(Deserialize)]
struct Place {
    city: String,
    postal_code: String,
    street: String,
}

fn parse<T: serde::de::DeserializeOwned>(name: &str, json: &str) -> AppResult<T> {
    serde_json::from_str(json).map_err(|e| AppError::setup("demo data", format!("{name}: {e}")))
}

/// What a seeding run wrote.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub ministries: usize,
    pub offers: usize,
    pub stories: usize,
}

/// Writes the demo data that is not there yet, in one transaction.
pub async fn seed(
    db: &DatabaseConnection,
    offer_count: usize,
    now: DateTime<Utc>,
) -> AppResult<SeedReport> {
    let ministries: Vec<DemoMinistry> =
        parse("ministries.json", include_str!("data/ministries.json"))?;
    let templates: Vec<OfferTemplate> = parse(
        "offer_templates.json",
        include_str!("data/offer_templates.json"),
    )?;
    let demo_stories: Vec<DemoStory> = parse("stories.json", include_str!("data/stories.json"))?;
    let places: Vec<Place> = parse("places.json", include_str!("data/places.json"))?;
    if ministries.is_empty() || templates.is_empty() || places.is_empty() {
        return Err(AppError::setup(
            "demo data",
            "ministries, offer templates and places are required",
        ));
    }

    let system = AdminScope::system();
    let txn = crate::db::begin_write(db).await?;
    let mut report = SeedReport::default();
    let existing: HashMap<String, tenant_rows::Model> = tenant_rows::Entity::find()
        .all(&txn)
        .await?
        .into_iter()
        .map(|t| (t.slug.clone(), t))
        .collect();
    let mut seeded = Vec::new();
    for ministry in &ministries {
        let tenant = match existing.get(&ministry.slug) {
            Some(tenant) => tenant.clone(),
            None => {
                report.ministries += 1;
                create_ministry(&txn, ministry, now).await?
            }
        };
        let services = structures::Entity::find()
            .filter(structures::Column::TenantId.eq(tenant.id))
            .all(&txn)
            .await?;
        // Its offers are where it is: in its cities, if it names them.
        let here: Vec<&Place> = places
            .iter()
            .filter(|place| ministry.cities.is_empty() || ministry.cities.contains(&place.city))
            .collect();
        if here.is_empty() {
            let message = format!("{} names no city of places.json", ministry.slug);
            return Err(AppError::setup("demo data", message));
        }
        seeded.push((tenant, services, here));
    }

    let existing_offers: HashSet<String> = offer_rows::Entity::find()
        .select_only()
        .column(offer_rows::Column::Slug)
        .into_tuple()
        .all(&txn)
        .await?
        .into_iter()
        .collect();
    for index in 0..offer_count {
        let template = &templates[index % templates.len()];
        let (tenant, services, here) =
            &seeded[(index * 5 + index / templates.len()) % seeded.len()];
        let place = here[(index * 11 + index / 7) % here.len()];
        let title = &template.titles[index % template.titles.len().max(1)];
        let slug = format!("{}-{}", slugify(title), index + 1);
        if existing_offers.contains(&slug) {
            continue;
        }
        let structure = (!services.is_empty()).then(|| &services[index % services.len()]);
        let new = demo_offer(index, template, tenant, structure, place, title, slug, now)?;
        offers::create(&txn, &system.ministry(tenant.key()), new, now).await?;
        report.offers += 1;
    }

    let by_slug: HashMap<&str, &tenant_rows::Model> = seeded
        .iter()
        .map(|(t, _, _)| (t.slug.as_str(), t))
        .collect();
    let existing_stories: HashSet<String> = story_rows::Entity::find()
        .select_only()
        .column(story_rows::Column::Slug)
        .into_tuple()
        .all(&txn)
        .await?
        .into_iter()
        .collect();
    for (index, story) in demo_stories.iter().enumerate() {
        if existing_stories.contains(&story.slug) {
            continue;
        }
        let tenant = by_slug.get(story.ministry_slug.as_str()).ok_or_else(|| {
            AppError::setup(
                "demo data",
                format!(
                    "story {} names unknown ministry {}",
                    story.slug, story.ministry_slug
                ),
            )
        })?;
        stories::create(
            &txn,
            &system.ministry(tenant.key()),
            NewStory {
                slug: story.slug.clone(),
                person_name: story.person_name.clone(),
                role: story.role.clone(),
                excerpt: story.excerpt.clone(),
                body: story.body.clone(),
                video_url: story.video_url.clone(),
                photo_media_id: None,
                status: Some(Status::Published),
                published_at: Some(now - Duration::days(3 + 9 * index as i64)),
                publish_at: None,
                created_by: None,
            },
            now,
        )
        .await?;
        report.stories += 1;
    }
    txn.commit().await?;
    Ok(report)
}

async fn create_ministry(
    txn: &impl sea_orm::ConnectionTrait,
    ministry: &DemoMinistry,
    now: DateTime<Utc>,
) -> AppResult<tenant_rows::Model> {
    let tenant = tenants::create(
        txn,
        NewTenant {
            slug: ministry.slug.clone(),
            name: ministry.name.clone(),
            acronym: ministry.acronym.clone(),
            short_name: ministry.short_name.clone(),
            website: ministry.website.clone(),
            theme: Some(ministry.theme.clone()),
            accent_color: Some(ministry.accent_color.clone()),
            presentation: ministry.presentation.clone(),
            showcase: vec![
                ("values", ministry.values.clone()),
                ("challenges", ministry.challenges.clone()),
                ("mission", ministry.mission.clone()),
                ("projects", ministry.projects.clone()),
                ("organisation", ministry.organisation.clone()),
                ("key_figures", ministry.key_figures.clone()),
                ("skills_sought", ministry.skills_sought.clone()),
                ("recruitment_process", ministry.recruitment_process.clone()),
                ("working_with_us", ministry.working_with_us.clone()),
            ],
            sirets: Vec::new(),
            logo_media_id: None,
        },
        now,
    )
    .await?;
    let scope = AdminScope::system().ministry(tenant.key());
    let mut pending: Vec<(Option<StructureId>, &DemoStructure)> =
        ministry.structures.iter().map(|s| (None, s)).collect();
    while let Some((parent, structure)) = pending.pop() {
        let (kind, name) = (&structure.kind, &structure.name);
        let row = tenants::add_structure(txn, &scope, parent, kind, name).await?;
        pending.extend(
            structure
                .children
                .iter()
                .map(|child| (Some(row.key()), child)),
        );
    }
    Ok(tenant)
}

/// The life-cycle stage of the demo offer number `index`: most are live, some expire soon,
/// some have expired, some are filled, some wait in the editorial workflow.
fn stage(index: usize, now: DateTime<Utc>) -> (Status, Option<DateTime<Utc>>, DateTime<Utc>) {
    let published =
        now - Duration::days((index % 75) as i64) - Duration::hours((index % 13) as i64);
    let normal_expiry = published + Duration::days(60 + (index % 61) as i64);
    let (status, published, expires) = match index % 50 {
        7 | 29 => (
            Status::Expired,
            published - Duration::days(90),
            now - Duration::days(1 + (index % 20) as i64),
        ),
        13 => (
            Status::Published,
            published - Duration::days(60),
            now - Duration::hours(5),
        ),
        3 | 33 => (Status::Filled, published, normal_expiry),
        11 => (Status::Draft, published, normal_expiry),
        17 => (Status::PendingReview, published, normal_expiry),
        23 => (Status::ChangesRequested, published, normal_expiry),
        41 => (Status::Archived, published, normal_expiry),
        n if n % 10 == 1 => (
            Status::Published,
            published,
            now + Duration::days(1 + (index % 6) as i64),
        ),
        _ => (Status::Published, published, normal_expiry),
    };
    let was_published = matches!(
        status,
        Status::Published | Status::Filled | Status::Expired | Status::Archived
    );
    (status, was_published.then_some(published), expires)
}

/// The ministry's own text when it wrote one, else the template's.
fn ministry_text(own: &str, template: &str) -> String {
    match own.trim() {
        "" => template.to_owned(),
        own => own.to_owned(),
    }
}

#[allow(clippy::too_many_arguments)]
fn demo_offer(
    index: usize,
    template: &OfferTemplate,
    tenant: &tenant_rows::Model,
    structure: Option<&structures::Model>,
    place: &Place,
    title: &str,
    slug: String,
    now: DateTime<Utc>,
) -> AppResult<NewOffer> {
    let structure_name = structure.map_or_else(|| tenant.acronym.clone(), |s| s.name.clone());
    let fill = |text: &str| {
        text.replace("{ministry}", &tenant.name)
            .replace("{structure}", &structure_name)
    };
    let code_error =
        |what: &str, code: &str| AppError::setup("demo data", format!("unknown {what} {code}"));
    let profession = Profession::parse(&template.profession)
        .ok_or_else(|| code_error("profession", &template.profession))?;
    let contract_types = template
        .contract_types
        .iter()
        .map(|c| ContractType::parse(c).ok_or_else(|| code_error("contract type", c)))
        .collect::<AppResult<Vec<_>>>()?;
    let category = match &template.category {
        Some(code) => Some(Category::parse(code).ok_or_else(|| code_error("category", code))?),
        None => None,
    };
    let remote_policy = match (index % 7, profession) {
        (0, _) => RemotePolicy::Aucun,
        (1 | 4, Profession::Developpement | Profession::Donnees | Profession::Cloud) => {
            RemotePolicy::Total
        }
        (3, _) if contract_types.contains(&ContractType::Freelance) => RemotePolicy::Total,
        (5, Profession::Support) => RemotePolicy::Aucun,
        _ => RemotePolicy::Partiel,
    };
    // A third of the offers take applications on the site, across ministries.
    let apply_mode = [ApplyMode::OnSite, ApplyMode::External, ApplyMode::Email][index % 3];
    let contact_email = format!("recrutement.numerique@{}.gouv.fr", tenant.slug);
    let imported = index % 9 == 4;
    let (status, published_at, expires_at) = stage(index, now);
    let variation = ((index % 5) as i32 - 2) * 500;
    Ok(NewOffer {
        structure_id: structure.map(|s| s.id),
        slug,
        title: title.to_owned(),
        context: fill(&template.context),
        mission: fill(&template.mission),
        tasks: fill(&template.tasks),
        team: fill(&template.team),
        // What working there is like and how it recruits are the ministry's own: two offers
        // of one kind in two ministries do not read alike.
        perks: ministry_text(&tenant.working_with_us, &fill(&template.perks)),
        particularities: template
            .particularities
            .as_deref()
            .map(fill)
            .unwrap_or_default(),
        profile: fill(&template.profile),
        recruitment_process: ministry_text(
            &tenant.recruitment_process,
            &fill(&template.recruitment_process),
        ),
        video_url: None,
        illustration_media_id: None,
        contract_types,
        category,
        profession: Some(profession),
        domains: template.domains.clone(),
        experience_min_years: template.experience_min_years,
        remote_policy: Some(remote_policy),
        salary_min: template.salary_min.map(|s| s + variation),
        salary_max: template.salary_max.map(|s| s + variation),
        street: place.street.clone(),
        postal_code: place.postal_code.clone(),
        city: place.city.clone(),
        start_on: index
            .is_multiple_of(4)
            .then(|| (now + Duration::days(30 + (index % 60) as i64)).date_naive()),
        apply_mode: Some(apply_mode),
        apply_url: (apply_mode == ApplyMode::External).then(|| {
            format!(
                "https://choisirleservicepublic.gouv.fr/offre-emploi/{}-reference-{}/",
                slugify(title),
                2026_0000 + index
            )
        }),
        apply_emails: if apply_mode == ApplyMode::Email {
            vec![contact_email.clone()]
        } else {
            Vec::new()
        },
        contact_name: Some(format!("Équipe recrutement {}", tenant.acronym)),
        contact_email: Some(contact_email),
        source_name: imported.then(|| "Choisir le service public".to_owned()),
        external_id: imported.then(|| format!("2026-{:06}", 100_000 + index)),
        external_url: imported.then(|| {
            format!(
                "https://choisirleservicepublic.gouv.fr/offre-emploi/{}/",
                100_000 + index
            )
        }),
        status: Some(status),
        published_at,
        expires_at: Some(expires_at),
        filled_at: (status == Status::Filled).then(|| now - Duration::days(2)),
        publish_at: None,
        created_by: None,
    })
}

/// The domain of the demo accounts' emails (no mail is ever sent to it).
pub const ACCOUNTS_DOMAIN: &str = "demo.metiers.numerique.gouv.fr";

/// The demo accounts: one DINUM admin, and a manager and an editor per ministry. Creates the
/// missing ones and returns how many exist.
pub async fn seed_accounts(db: &DatabaseConnection, now: DateTime<Utc>) -> AppResult<usize> {
    use crate::accounts::{self, NewUser, Role};
    let txn = crate::db::begin_write(db).await?;
    let mut wanted = vec![(
        format!("admin@{ACCOUNTS_DOMAIN}"),
        "Camille",
        "Admin DINUM",
        None,
    )];
    for tenant in tenants::list_active(&txn).await? {
        wanted.push((
            format!("responsable.{}@{ACCOUNTS_DOMAIN}", tenant.slug),
            "Dominique",
            "Responsable",
            Some((tenant.id, Role::Manager)),
        ));
        wanted.push((
            format!("redaction.{}@{ACCOUNTS_DOMAIN}", tenant.slug),
            "Alex",
            "Rédaction",
            Some((tenant.id, Role::Editor)),
        ));
    }
    let count = wanted.len();
    for (email, given_name, usual_name, membership) in wanted {
        if accounts::find_by_email(&txn, &email).await?.is_some() {
            continue;
        }
        let is_admin = membership.is_none();
        let user = accounts::create_user(
            &txn,
            NewUser {
                email,
                given_name: given_name.to_owned(),
                usual_name: usual_name.to_owned(),
                is_admin,
            },
            now,
        )
        .await?;
        if let Some((tenant_id, role)) = membership {
            let ministry = AdminScope::system().ministry(TenantId::new(tenant_id));
            accounts::add_membership(&txn, &ministry, user.key(), role, now).await?;
        }
    }
    txn.commit().await?;
    Ok(count)
}

/// A change proposed to a live offer by its ministry's demo editor, so that the demo's review
/// queue also shows a change waiting while the published version stays online. Once.
pub async fn seed_proposal(
    db: &DatabaseConnection,
    letterhead: &crate::mail::Letterhead<'_>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    use crate::{accounts, moderation};
    let txn = crate::db::begin_write(db).await?;
    let proposed = offer_rows::Entity::find()
        .filter(offer_rows::Column::ProposalId.is_not_null())
        .one(&txn)
        .await?;
    if proposed.is_some() {
        return Ok(());
    }
    let reviewed: HashMap<i32, tenant_rows::Model> = tenants::list_active(&txn)
        .await?
        .into_iter()
        .filter(|tenant| !tenant.trusted)
        .map(|tenant| (tenant.id, tenant))
        .collect();
    let live = offer_rows::Entity::find()
        .filter(offers::live(now))
        .filter(offer_rows::Column::TenantId.is_in(reviewed.keys().copied()))
        .filter(offer_rows::Column::SourceName.is_null())
        .one(&txn)
        .await?;
    let Some(offer) = live else {
        return Ok(());
    };
    let email = format!(
        "redaction.{}@{ACCOUNTS_DOMAIN}",
        reviewed[&offer.tenant_id].slug
    );
    let Some(user) = accounts::find_by_email(&txn, &email).await? else {
        return Ok(());
    };
    let editor = user.key();
    let mut snapshot = moderation::snapshot::<offer_rows::Entity>(&txn, &offer).await?;
    snapshot.insert("title".into(), format!("{} (F/H)", offer.title).into());
    let perks = format!(
        "{}\n\n- Télétravail jusqu’à trois jours par semaine.",
        offer.perks
    );
    snapshot.insert("perks".into(), perks.into());
    let by = Some(editor);
    moderation::propose::<offer_rows::Entity>(&txn, letterhead, by, &offer, snapshot, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Applications for the demo's inboxes: two candidates on the first offer of each ministry
/// that takes applications on the site, each with a small PDF CV. Once.
pub async fn seed_applications(
    db: &DatabaseConnection,
    storage: &crate::media::storage::Storage,
    letterhead: &crate::mail::Letterhead<'_>,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    use sea_orm::PaginatorTrait;
    if crate::entities::applications::Entity::find()
        .count(db)
        .await?
        > 0
    {
        return Ok(0);
    }
    let on_site = offer_rows::Entity::find()
        .filter(offers::live(now))
        .filter(offer_rows::Column::ApplyMode.eq(ApplyMode::OnSite.as_str()))
        .all(db)
        .await?;
    let mut firsts: HashMap<i32, offer_rows::Model> = HashMap::new();
    for offer in on_site {
        firsts.entry(offer.tenant_id).or_insert(offer);
    }
    let candidates = [("Camille", "Martin"), ("Sacha", "Bernard")];
    let mut seeded = 0;
    for offer in firsts.values() {
        for (first_name, last_name) in candidates {
            let new = crate::applications::NewApplication {
                first_name: first_name.to_owned(),
                last_name: last_name.to_owned(),
                email: format!(
                    "{}.{}@{ACCOUNTS_DOMAIN}",
                    first_name.to_lowercase(),
                    last_name.to_lowercase()
                ),
                message: "Je souhaite mettre mes compétences au service du public.".to_owned(),
                cv: DEMO_CV.to_vec(),
                consent: true,
                retention_years: 2,
                ..Default::default()
            };
            crate::applications::apply(db, storage, letterhead, offer, new, now).await?;
            seeded += 1;
        }
    }
    Ok(seeded)
}

/// Seeds the talent pool with a few confirmed profiles (developers, data and security people),
/// unless it has some already; returns how many were added.
pub async fn seed_talents(
    db: &DatabaseConnection,
    storage: &crate::media::storage::Storage,
    letterhead: &crate::mail::Letterhead<'_>,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    use sea_orm::PaginatorTrait;
    if crate::entities::talents::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let profiles = [
        (
            "Dominique",
            "Leroy",
            "developpement",
            "confirme",
            "11",
            "Développeuse backend Rust et Python, accessibilité et performance.",
        ),
        (
            "Noa",
            "Girard",
            "donnees",
            "expert",
            "",
            "Data engineer : pipelines, PostgreSQL, statistique publique.",
        ),
        (
            "Lou",
            "Fontaine",
            "securite",
            "debutant",
            "84",
            "Jeune diplômé en cybersécurité, curieux des audits et du durcissement.",
        ),
    ];
    for (first, last, profession, seniority, region, summary) in profiles {
        let email = format!(
            "{}.{}@{ACCOUNTS_DOMAIN}",
            first.to_lowercase(),
            last.to_lowercase()
        );
        let form = crate::talents::ProfileForm {
            first_name: first.to_owned(),
            last_name: last.to_owned(),
            email: email.clone(),
            professions: vec![profession.to_owned()],
            seniority: seniority.to_owned(),
            regions: [region]
                .iter()
                .filter(|r| !r.is_empty())
                .map(|r| r.to_string())
                .collect(),
            summary: summary.to_owned(),
            cv: DEMO_CV.to_vec(),
            consent: true,
            ..Default::default()
        };
        crate::talents::join(db, storage, letterhead, form, now).await?;
        let waiting = crate::entities::talents::Entity::find()
            .filter(crate::entities::talents::Column::Email.eq(email))
            .one(db)
            .await?
            .ok_or(crate::error::AppError::NotFound)?;
        crate::talents::confirm(db, &waiting.token, now).await?;
    }
    Ok(profiles.len())
}

/// The demo candidates' CV: the smallest PDF the checks accept.
const DEMO_CV: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// Pictures for the demo: a logo for every ministry and a photo for every story that has
/// none, drawn here and stored through the media library like uploads. Once.
pub async fn seed_media(
    db: &DatabaseConnection,
    storage: &crate::media::storage::Storage,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
    let mut stored = 0;
    let active = tenants::list_active(db).await?;
    for tenant in active
        .iter()
        .filter(|tenant| tenant.logo_media_id.is_none())
    {
        let logo = pictures::logo(&tenant.accent_color, &tenant.acronym);
        let alt = format!("Logo : {}", tenant.name);
        let row = store_picture(db, storage, tenant.id, logo, alt, now).await?;
        let mut with_logo = tenant.clone().into_active_model();
        with_logo.logo_media_id = Set(Some(row.id));
        with_logo.update(db).await?;
        stored += 1;
    }
    let accents: HashMap<i32, &str> = active
        .iter()
        .map(|tenant| (tenant.id, tenant.accent_color.as_str()))
        .collect();
    let without_photo = story_rows::Entity::find()
        .filter(story_rows::Column::PhotoMediaId.is_null())
        .all(db)
        .await?;
    for (index, story) in without_photo.into_iter().enumerate() {
        let Some(accent) = accents.get(&story.tenant_id) else {
            continue;
        };
        let photo = pictures::photo(accent, &story.person_name, index);
        let alt = format!("Portrait de {}", story.person_name);
        let row = store_picture(db, storage, story.tenant_id, photo, alt, now).await?;
        let mut with_photo = story.into_active_model();
        with_photo.photo_media_id = Set(Some(row.id));
        with_photo.update(db).await?;
        stored += 1;
    }
    Ok(stored)
}

async fn store_picture(
    db: &DatabaseConnection,
    storage: &crate::media::storage::Storage,
    tenant_id: i32,
    bytes: Vec<u8>,
    alt: String,
    now: DateTime<Utc>,
) -> AppResult<crate::entities::media::Model> {
    let upload = crate::media::Upload { bytes, alt };
    let ministry = AdminScope::system().ministry(TenantId::new(tenant_id));
    crate::media::store(db, storage, &ministry, upload, usize::MAX, now).await
}
