//! Search quality: a table of what candidates type, with the offers each query must and must
//! not return, run through the portal's listing on both databases; relevance, facet counts and
//! suggestions as the page shows them; and a change showing at once on the instance that made
//! it and within a second on another instance of the same database.

use std::time::{Duration, Instant};

use chrono::Utc;
use metiers::{
    codes::{Category, ContractType, Profession, RemotePolicy, Status},
    entities::{offers, tenants},
    offers::NewOffer,
};
use poem::{Endpoint, EndpointExt};
use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};

use crate::support::{Backend, Options, TestApp, fixtures, texts};

on_both_backends!(
    the_quality_table_holds,
    results_come_best_first_with_counts_and_suggestions,
    a_change_shows_at_once_here_and_within_a_second_elsewhere,
);

/// The test catalogue, one offer a line: key | title | ministry | city and postal code |
/// profession | contract | category | remote work | skills | years of experience asked.
const SAMPLES: &str = "
DEV | Développeur·se back-end Rust | dgfip | Noisy-le-Grand 93160 | developpement | titulaire_contractuel | A | partiel | Rust, PostgreSQL | 3
CPP | Ingénieur·e logiciel embarqué C++ | anssi | Rennes 35000 | developpement | contractuel | A | aucun | C++, Linux | 5
CSHARP | Développeur·se .NET et C# | interieur | Lyon 69003 | developpement | contractuel | B | total | .NET, C#, Azure | 0
RSTAT | Statisticien·ne R et Python | culture | Paris 75001 | donnees | titulaire_contractuel | A | partiel | R, Python, statistiques | 2
AUDIT | Auditeur·rice de sécurité des systèmes d'information | anssi | Paris 75007 | securite | titulaire_contractuel | A | partiel | audit, ISO 27001 | 6
CHEF | Chef·fe de projet applicatif | interieur | Paris 75008 | projet_produit | contractuel | A | partiel | agilité | 5
CHARGE | Chargé·e de mission données | dgfip | Bordeaux 33000 | donnees | contractuel | A | partiel | SQL | 1
RESEAU | Administrateur·rice systèmes et réseaux | interieur | Marseille 13001 | infrastructure | titulaire_contractuel | B | aucun | Cisco, Linux | 2
UX | Designer UX/UI | culture | Nantes 44000 | design | contractuel | A | total | Figma, accessibilité | 2
STAGE | Stage : développeur·se web | culture | Paris 75001 | developpement | stage | - | partiel | JavaScript | 0
ALT | Alternance technicien·ne support | dgfip | Lille 59000 | support | alternance | C | aucun | poste de travail | 0
CLOUD | Architecte cloud | interieur | Toulouse 31000 | cloud | contractuel | A | total | Kubernetes, Terraform | 8
DATA | Ingénieure des données | anssi | Saint-Denis 93200 | donnees | contractuel | A | partiel | Spark, Python | 4
DIR | Directrice de projet numérique | culture | Paris 75001 | projet_produit | titulaire_contractuel | A | partiel | pilotage | 10
DEVOPS | Ingénieur DevOps | dgfip | Nantes 44000 | infrastructure | contractuel | A | total | Ansible, GitLab | 3
SOC | Analystes SOC | anssi | Rennes 35000 | securite | contractuel | B | aucun | SIEM | 1
EXPIRED | Développeur·se Java | interieur | Paris 75015 | developpement | contractuel | A | partiel | Java | 2
DRAFT | Développeur·se Python brouillon | interieur | Paris 75015 | developpement | contractuel | A | partiel | Python | 2
";

/// One line of [`SAMPLES`], cut into its fields.
fn samples() -> impl Iterator<Item = Vec<&'static str>> {
    SAMPLES
        .lines()
        .filter(|line| !line.is_empty())
        .map(|line| line.split(" | ").collect())
}

const MINISTRIES: [(&str, &str); 4] = [
    ("interieur", "Ministère de l'Intérieur"),
    ("dgfip", "Direction générale des Finances publiques"),
    (
        "anssi",
        "Agence nationale de la sécurité des systèmes d'information",
    ),
    ("culture", "Ministère de la Culture"),
];

/// Writes the ministries and the samples (one expired, one a draft).
async fn catalogue(app: &TestApp) -> Vec<tenants::Model> {
    let mut ministries = Vec::new();
    for (slug, name) in MINISTRIES {
        ministries.push(fixtures::ministry(app, slug, name, "dsfr").await);
    }
    let now = Utc::now();
    for (n, fields) in samples().enumerate() {
        let [
            key,
            title,
            slug,
            place,
            profession,
            contract,
            category,
            remote,
            skills,
            years,
        ] = fields[..]
        else {
            panic!("a sample has ten fields: {fields:?}")
        };
        let ministry = &ministries[MINISTRIES
            .iter()
            .position(|(s, _)| *s == slug)
            .expect("slug")];
        let (city, postal_code) = place.rsplit_once(' ').expect("city and postal code");
        let mut offer = NewOffer {
            context: "Une équipe au service des usagers.".to_owned(),
            mission: "Vous contribuez aux services publics numériques.".to_owned(),
            tasks: "- Concevoir\n- Livrer".to_owned(),
            profile: "- Rigueur".to_owned(),
            profession: Profession::parse(profession),
            contract_types: ContractType::parse(contract).into_iter().collect(),
            category: Category::parse(category),
            remote_policy: RemotePolicy::parse(remote),
            domains: skills.split(", ").map(str::to_owned).collect(),
            experience_min_years: years.parse().ok(),
            city: city.to_owned(),
            postal_code: postal_code.to_owned(),
            published_at: Some(now - chrono::Duration::days(n as i64 + 1)),
            ..fixtures::published(ministry, title)
        };
        match key {
            "EXPIRED" => offer.expires_at = Some(now - chrono::Duration::hours(1)),
            "DRAFT" => offer.status = Some(Status::Draft),
            _ => {}
        }
        fixtures::offer(app, ministry, offer).await;
    }
    ministries
}

/// The keys of the offers a listing shows, in order.
fn keys_of(body: &str) -> Vec<&'static str> {
    texts(body, ".fr-card__title")
        .iter()
        .filter_map(|title| samples().find(|fields| fields[1] == title.trim()))
        .map(|fields| fields[0])
        .collect()
}

async fn search(app: &TestApp, path: &str, query: &str) -> (Vec<&'static str>, String) {
    let url = format!(
        "{path}?{}",
        serde_urlencoded::to_string([("q", query)]).expect("query")
    );
    let (status, body) = app.page(&url).await;
    assert_eq!(status, 200, "{url}");
    (keys_of(&body), body)
}

/// Every case: the words typed, the offers they must return, the offers they must not.
const TABLE: &[(&str, &[&str], &[&str])] = &[
    (
        "développeur",
        &["DEV", "CSHARP", "STAGE"],
        &["AUDIT", "EXPIRED", "DRAFT"],
    ),
    ("developpeur", &["DEV", "CSHARP", "STAGE"], &["CHEF"]),
    ("développeuse", &["DEV", "CSHARP", "STAGE"], &["CHEF"]),
    ("Développeurs", &["DEV", "CSHARP", "STAGE"], &["CHEF"]),
    ("développeur·se", &["DEV", "CSHARP", "STAGE"], &["CHEF"]),
    ("developeur", &["DEV", "CSHARP"], &["CHEF"]),
    ("devloppeur", &["DEV"], &["CHEF"]),
    ("ingénieur", &["CPP", "DATA", "DEVOPS"], &["DEV"]),
    ("ingénieure", &["CPP", "DATA", "DEVOPS"], &["DEV"]),
    ("ingenieurs", &["CPP", "DATA", "DEVOPS"], &["DEV"]),
    ("auditrice", &["AUDIT"], &["DEV", "SOC"]),
    ("auditeur", &["AUDIT"], &["DEV"]),
    ("chargée de mission", &["CHARGE"], &["DEV"]),
    ("charge de mission", &["CHARGE"], &["DEV"]),
    ("directeur de projet", &["DIR"], &["CHEF", "DEV"]),
    ("cheffe de projet", &["CHEF"], &["DEV"]),
    ("chef de projet", &["CHEF", "DIR"], &["DEV"]),
    ("analyste", &["SOC"], &["DEV"]),
    ("c++", &["CPP"], &["DEV", "CSHARP", "RSTAT"]),
    ("C#", &["CSHARP"], &["CPP", "DEV"]),
    (".NET", &["CSHARP"], &["CPP", "DEV", "RESEAU"]),
    ("r", &["RSTAT"], &["DEV", "CPP", "RESEAU", "CHEF"]),
    ("d", &[], &["DEV", "CPP", "CSHARP", "RSTAT", "CHEF", "DIR"]),
    ("Python", &["RSTAT", "DATA"], &["DRAFT", "DEV"]),
    ("rust", &["DEV"], &["CPP"]),
    (
        "Île-de-France",
        &["DEV", "RSTAT", "AUDIT", "DATA"],
        &["CPP", "CHARGE"],
    ),
    ("ile de france", &["DEV", "RSTAT", "DATA"], &["CPP"]),
    ("Bretagne", &["CPP", "SOC"], &["DEV"]),
    ("93", &["DEV", "DATA"], &["RSTAT", "AUDIT"]),
    ("Seine-Saint-Denis", &["DEV", "DATA"], &["RSTAT"]),
    ("Gironde", &["CHARGE"], &["DEV"]),
    ("Bordeaux", &["CHARGE"], &["DEV"]),
    ("Nouvelle-Aquitaine", &["CHARGE"], &["DEV"]),
    ("Rennes", &["CPP", "SOC"], &["DEV"]),
    ("paris", &["RSTAT", "AUDIT", "CHEF", "DIR"], &["DEV", "CPP"]),
    (
        "télétravail",
        &["CSHARP", "UX", "CLOUD", "DEV"],
        &["CPP", "RESEAU", "ALT", "SOC"],
    ),
    (
        "teletravail",
        &["CSHARP", "UX", "CLOUD"],
        &["CPP", "RESEAU"],
    ),
    ("CDI", &["DEV", "CPP", "CHEF"], &["STAGE", "ALT"]),
    ("stage", &["STAGE"], &["ALT", "DEV"]),
    ("alternance", &["ALT"], &["STAGE"]),
    ("apprentissage", &["ALT"], &["STAGE"]),
    (
        "catégorie A",
        &["DEV", "CPP", "RSTAT"],
        &["CSHARP", "RESEAU", "ALT", "STAGE"],
    ),
    ("catégorie B", &["CSHARP", "RESEAU", "SOC"], &["DEV", "ALT"]),
    ("categorie c", &["ALT"], &["DEV", "CSHARP"]),
    ("DGFiP", &["DEV", "CHARGE", "ALT", "DEVOPS"], &["CPP", "UX"]),
    ("ANSSI", &["CPP", "AUDIT", "DATA", "SOC"], &["DEV"]),
    ("finances publiques", &["DEV", "CHARGE"], &["CPP"]),
    (
        "ministère de la culture",
        &["RSTAT", "UX", "STAGE", "DIR"],
        &["DEV"],
    ),
    ("sécurité", &["AUDIT", "SOC"], &["DEV", "CHEF"]),
    ("securite", &["AUDIT", "SOC"], &["DEV"]),
    ("cybersécurité", &["AUDIT", "SOC"], &["DEV"]),
    ("réseaux", &["RESEAU"], &["DEV"]),
    ("réseau", &["RESEAU"], &["DEV"]),
    ("administratrice", &["RESEAU"], &["DEV"]),
    ("designer", &["UX"], &["DEV"]),
    ("ux", &["UX"], &["DEV"]),
    ("kubernetes", &["CLOUD"], &["DEV"]),
    ("kubernets", &["CLOUD"], &["DEV"]),
    ("technicienne", &["ALT"], &["DEV"]),
    ("statisticienne", &["RSTAT"], &["DEV"]),
    ("devops", &["DEVOPS"], &["DEV"]),
    ("java", &[], &["EXPIRED"]),
    ("brouillon", &[], &["DRAFT"]),
    ("lyon", &["CSHARP"], &["DEV"]),
    ("figma", &["UX"], &["DEV"]),
    ("accessibilite", &["UX"], &["DEV"]),
    ("dév", &["DEV", "CSHARP", "DEVOPS"], &["CHEF"]),
    // A rare word spelt right is not "corrected" into a frequent neighbour (azur, the region).
    ("azure", &["CSHARP"], &["RESEAU"]),
];

/// English words, typed on the English listing.
const ENGLISH: &[(&str, &[&str], &[&str])] = &[
    ("developer", &["DEV", "CSHARP", "STAGE"], &["CHEF"]),
    ("engineer", &["CPP", "DATA", "DEVOPS"], &["DEV"]),
    ("security", &["AUDIT", "SOC"], &["DEV"]),
    ("project manager", &["CHEF"], &["DEV"]),
    ("network administrator", &["RESEAU"], &["DEV"]),
    ("internship", &["STAGE"], &["ALT"]),
    ("remote", &["CSHARP", "UX", "CLOUD"], &["CPP", "RESEAU"]),
    ("data engineer", &["DATA"], &["DEV"]),
];

async fn the_quality_table_holds(backend: Backend) {
    let app = TestApp::start(backend).await;
    catalogue(&app).await;
    assert!(TABLE.len() + ENGLISH.len() >= 60);
    let mut misses = Vec::new();
    for (path, table) in [("/offres", TABLE), ("/en/offres", ENGLISH)] {
        for (query, wanted, unwanted) in table {
            let (found, _) = search(&app, path, query).await;
            let missing: Vec<_> = wanted.iter().filter(|k| !found.contains(k)).collect();
            let extra: Vec<_> = unwanted.iter().filter(|k| found.contains(k)).collect();
            if !missing.is_empty() || !extra.is_empty() {
                misses.push(format!(
                    "{path} « {query} »: missing {missing:?}, unwanted {extra:?}, got {found:?}"
                ));
            }
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

async fn results_come_best_first_with_counts_and_suggestions(backend: Backend) {
    let app = TestApp::start(backend).await;
    catalogue(&app).await;

    // Title over body and profession; the most recent on ties.
    assert_eq!(search(&app, "/offres", "chef de projet").await.0[0], "CHEF");
    assert_eq!(search(&app, "/offres", "sécurité").await.0[0], "AUDIT");
    assert_eq!(search(&app, "/offres", "analyste").await.0[0], "SOC");
    let (by_relevance, body) = search(&app, "/offres", "données").await;
    assert_eq!(
        by_relevance[..2],
        ["CHARGE", "DATA"],
        "titles first, newer first"
    );
    let recent = texts(&body, "#offers-sort a");
    assert_eq!(recent, ["Les plus pertinentes", "Les plus récentes"]);
    let (by_date, _) = {
        let (status, body) = app.page("/offres?q=donn%C3%A9es&tri=recentes").await;
        assert_eq!(status, 200);
        (keys_of(&body), body)
    };
    assert_eq!(by_date[..2], ["RSTAT", "CHARGE"], "newest first when asked");

    // The filters say how many offers each choice gives for the words searched.
    let (_, body) = search(&app, "/offres", "développeur").await;
    let options = texts(&body, "#filter-contrat option");
    assert!(options.contains(&"Stage (1)".to_owned()), "{options:?}");
    assert!(
        options.contains(&"Alternance (0)".to_owned()),
        "{options:?}"
    );
    let professions = texts(&body, "#filter-metier option");
    assert!(
        professions.contains(&"Développement (4)".to_owned()),
        "{professions:?}"
    );
    let (status, body) = app.page("/offres?q=d%C3%A9veloppeur&contrat=stage").await;
    assert_eq!(status, 200);
    assert_eq!(keys_of(&body), ["STAGE"]);
    let options = texts(&body, "#filter-contrat option");
    assert!(
        options.contains(&"Contractuel·le (2)".to_owned()),
        "a facet counts as if its own choice were not made: {options:?}"
    );
    let regions = texts(&body, "#filter-region option");
    assert!(
        regions.contains(&"Île-de-France (1)".to_owned()),
        "{regions:?}"
    );

    // A misspelt word finds what it meant and says so.
    let (found, body) = search(&app, "/offres", "developeur").await;
    assert!(found.contains(&"DEV"));
    let suggestion = texts(&body, "#offers-suggestion");
    assert_eq!(suggestion, ["Vouliez-vous dire « développeur » ?"]);
    let (found, body) = search(&app, "/en/offres", "develloper").await;
    assert!(found.contains(&"DEV"));
    assert_eq!(
        texts(&body, "#offers-suggestion"),
        ["Did you mean « developer »?"]
    );
    let (_, body) = search(&app, "/offres", "développeur").await;
    assert!(
        texts(&body, "#offers-suggestion").is_empty(),
        "no suggestion when it is spelt right"
    );
    let (_, body) = search(&app, "/offres", "developeur Rust").await;
    assert_eq!(
        texts(&body, "#offers-suggestion"),
        ["Vouliez-vous dire « développeur Rust » ?"],
        "the other words stay as typed"
    );

    // Filtering again keeps the order chosen.
    let (_, body) = app.page("/offres?q=donn%C3%A9es&tri=recentes").await;
    assert_eq!(
        crate::support::attributes(&body, "#offers-filters input[name=tri]", "value"),
        ["recentes"]
    );
}

/// Another instance of the same database, as a second server would be.
async fn second_instance(app: &TestApp) -> impl Endpoint<Output = poem::Response> {
    let connection = metiers::db::connect(&app.state.config)
        .await
        .expect("connect");
    let state =
        metiers::app::AppState::with_database(app.state.config.clone(), connection).expect("state");
    tokio::spawn(metiers::search::watch(state.clone()));
    metiers::web::router(state).boxed()
}

async fn titles_on(endpoint: &impl Endpoint<Output = poem::Response>, path: &str) -> Vec<String> {
    let response = endpoint
        .call(
            poem::Request::builder()
                .uri(path.parse().expect("uri"))
                .finish(),
        )
        .await
        .expect("response");
    let body = response.into_body().into_string().await.expect("body");
    texts(&body, ".fr-card__title")
}

async fn a_change_shows_at_once_here_and_within_a_second_elsewhere(backend: Backend) {
    let options = Options {
        page_cache_seconds: 60,
        ..Options::default()
    };
    let app = TestApp::start_with(backend, options).await;
    let ministries = catalogue(&app).await;
    let other = second_instance(&app).await;
    let path = "/offres?q=kubernetes";
    assert_eq!(titles_on(&other, path).await, ["Architecte cloud"]);
    let (_, here) = app.page(path).await;
    assert_eq!(keys_of(&here), ["CLOUD"]);

    // A new offer and a changed title, written straight to the database.
    let new = NewOffer {
        domains: vec!["Kubernetes".to_owned()],
        ..fixtures::published(&ministries[0], "Ingénieur·e plateforme")
    };
    fixtures::offer(&app, &ministries[0], new).await;
    let cloud = offers_titled(&app, "Architecte cloud").await;
    let mut changed = cloud.into_active_model();
    changed.title = Set("Architecte cloud souverain".to_owned());
    changed.update(&app.state.db).await.expect("update");

    let expected = ["Ingénieur·e plateforme", "Architecte cloud souverain"];
    let (_, here) = app.page("/offres?q=kubernetes&tri=recentes").await;
    assert_eq!(texts(&here, ".fr-card__title"), expected, "at once here");
    let started = Instant::now();
    loop {
        // The cached page of the other instance included.
        let titles = titles_on(&other, path).await;
        if titles.len() == 2 {
            assert!(
                expected.iter().all(|t| titles.contains(&(*t).to_owned())),
                "{titles:?}"
            );
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "not shown on the other instance within a second: {titles:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn offers_titled(app: &TestApp, title: &str) -> offers::Model {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    offers::Entity::find()
        .filter(offers::Column::Title.eq(title))
        .one(&app.state.db)
        .await
        .expect("query")
        .expect("offer")
}
