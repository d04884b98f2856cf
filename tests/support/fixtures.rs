//! Small, explicit data sets for assertions, written through the domain functions.
#![allow(dead_code)]

use chrono::{DateTime, Duration, Utc};
use metiers::{
    accounts::AdminScope,
    codes::{ApplyMode, ContractType, Profession, RemotePolicy, Status},
    entities::{offers, talents as talent_rows, tenants},
    offers::NewOffer,
    tenants::{NewTenant, editing},
};

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::TestApp;

pub async fn ministry(app: &TestApp, slug: &str, name: &str, theme: &str) -> tenants::Model {
    ministry_at(app, slug, name, theme, Utc::now()).await
}

/// A ministry created at `at`.
pub async fn ministry_at(
    app: &TestApp,
    slug: &str,
    name: &str,
    theme: &str,
    at: DateTime<Utc>,
) -> tenants::Model {
    editing::create(
        &app.state.db,
        &AdminScope::system(),
        NewTenant {
            slug: slug.to_owned(),
            name: name.to_owned(),
            acronym: slug.to_uppercase(),
            short_name: String::new(),
            website: Some(format!("https://www.{slug}.gouv.fr")),
            theme: Some(theme.to_owned()),
            accent_color: Some("#6a6af4".to_owned()),
            presentation: format!("Le **{name}** recrute des talents du numérique."),
            showcase: vec![("values", "- Service public\n- Ouverture".to_owned())],
            sirets: Vec::new(),
            logo_media_id: None,
        },
        false,
        &[theme],
        at,
    )
    .await
    .expect("create ministry")
}

/// A published offer in Paris, open to titulaires and contractuels, that tests adjust.
pub fn published(tenant: &tenants::Model, title: &str) -> NewOffer {
    let now = Utc::now();
    NewOffer {
        title: title.to_owned(),
        context: "Une équipe produit au service des usagers.".to_owned(),
        mission: format!(
            "Vous rejoignez le {} pour construire des services publics numériques.",
            tenant.name
        ),
        tasks: "- Concevoir\n- Livrer\n- Mesurer".to_owned(),
        profile: "- Curiosité\n- Rigueur".to_owned(),
        contract_types: vec![ContractType::TitulaireContractuel],
        profession: Some(Profession::Developpement),
        domains: vec!["Rust".to_owned(), "PostgreSQL".to_owned()],
        experience_min_years: Some(3),
        remote_policy: Some(RemotePolicy::Partiel),
        salary_min: Some(42_000),
        salary_max: Some(55_000),
        street: "20 avenue de Ségur".to_owned(),
        postal_code: "75007".to_owned(),
        city: "Paris".to_owned(),
        apply_mode: Some(ApplyMode::OnSite),
        status: Some(Status::Published),
        published_at: Some(now - Duration::days(2)),
        expires_at: Some(now + Duration::days(30)),
        ..Default::default()
    }
}

/// Writes offer `new` of ministry `tenant`, as an importer would.
pub async fn offer(app: &TestApp, tenant: &tenants::Model, new: NewOffer) -> offers::Model {
    let scope = AdminScope::system().ministry(tenant.key());
    metiers::offers::create(&app.state.db, &scope, new, Utc::now())
        .await
        .expect("create offer")
}

/// A `width` × `height` PNG picture: a gradient, opaque.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, 128])
    });
    let mut bytes = Vec::new();
    picture
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .expect("a PNG");
    bytes
}

/// A confirmed talent of the pool named `name` (first and last), with a CV, hidden from the
/// ministries `hidden_from`.
pub async fn talent(app: &TestApp, name: &str, hidden_from: &[i32]) -> talent_rows::Model {
    use metiers::talents;
    let (first, last) = name.split_once(' ').unwrap_or((name, name));
    let email = format!("{}@exemple.fr", metiers::slug::slugify(name));
    let form = talents::ProfileForm {
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        email: email.clone(),
        professions: vec!["developpement".to_owned()],
        seniority: "confirme".to_owned(),
        hidden_from: hidden_from.iter().map(i32::to_string).collect(),
        cv: super::candidate::PDF.to_vec(),
        consent: true,
        ..Default::default()
    };
    let (db, now) = (&app.state.db, Utc::now());
    let letterhead = app.state.letterhead();
    talents::join(db, &app.state.storage, &letterhead, form, now)
        .await
        .expect("join the pool");
    let waiting = talent_rows::Entity::find()
        .filter(talent_rows::Column::Email.eq(email))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    talents::confirm(db, &waiting.token, now)
        .await
        .expect("confirm");
    talent_rows::Entity::find_by_id(waiting.id)
        .one(db)
        .await
        .unwrap()
        .unwrap()
}
