//! Small, explicit data sets for assertions, written through the domain functions.
#![allow(dead_code)]

use chrono::{DateTime, Duration, Utc};
use metiers::{
    accounts::AdminScope,
    codes::{ApplyMode, ContractType, Profession, RemotePolicy, Status},
    entities::{offers, tenants},
    offers::NewOffer,
    tenants::{NewTenant, editing},
};

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
