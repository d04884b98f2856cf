//! The back-office under `/admin`, driven as people use it, on SQLite and on PostgreSQL.
//!
//! It proves that a DINUM admin created from the command line can, through ProConnect, open a
//! ministry whose manager and editor get in by invitation and publish a first draft, every step
//! being in the audit log; that each role is held to its pages; that forms show their problems
//! next to the fields and keep what was typed, render Markdown safely in their preview and refuse
//! a wrong CSRF token; that offers and stories are edited, duplicated and archived; and that a
//! member of several ministries switches between them, a manager runs the members and the
//! settings of their ministry, and nothing more.
//!
//! Every change goes through the forms of the pages: a test reads a form (its hidden `csrf`
//! input included), changes some fields and submits it, as a browser would.

use crate::support::{
    Backend, Options, TestApp, attributes, fixtures, html,
    oidc::{self, log_in_as},
    texts,
};
use chrono::Utc;
use metiers::{
    accounts::{self, NewUser, Role, sessions},
    entities::{audit_log, invitations, memberships, offers, sessions as session_rows, stories},
    entities::{tenants, users},
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

on_both_backends!(
    the_whole_journey,
    forms_show_problems_and_keep_what_was_typed,
    a_form_tells_every_mistake_at_once,
    editors_edit_duplicate_and_archive,
    switching_ministries_and_managing_members,
    changes_show_on_the_portal_at_once,
    times_are_paris_times,
    dinum_admins_see_every_ministry_until_they_choose_one,
);

const ADMIN: &str = "marie.curie@numerique.gouv.fr";
const MANAGER: &str = "paul.langevin@mer.gouv.fr";
const EDITOR: &str = "irene.joliot@mer.gouv.fr";

/// What the back-office shows after a refused form (fr).
const FORM_HAS_ERRORS: &str = "Le formulaire contient des erreurs";
const TITLE_ERROR: &str = "Indiquez un intitulé de 200 caractères au plus.";
const ARCHIVED_ERROR: &str = "Cet élément est archivé : il ne peut plus être modifié.";
/// Who the journal names for the command line.
const SYSTEM: &str = "ligne de commande ou tâche";

// ---------------------------------------------------------------------------------------------
// A browser on the back-office

/// A browser on the application: a client that keeps a session, by its cookie store (a login
/// through the provider) or by a session cookie sent with every request.
struct Browser<'a> {
    app: &'a TestApp,
    client: reqwest::Client,
}

impl Browser<'_> {
    async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.app.url(path))
            .send()
            .await
            .expect("request")
    }

    /// GET `path`: its status and body.
    async fn page(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    /// GET `path`, which must answer 200: its body.
    async fn ok_page(&self, path: &str) -> String {
        let (status, body) = self.page(path).await;
        assert_eq!(status, 200, "GET {path}: {body}");
        body
    }

    async fn post(&self, action: &str, fields: &[(String, String)]) -> reqwest::Response {
        self.client
            .post(self.app.url(action))
            .form(fields)
            .send()
            .await
            .expect("request")
    }

    /// Opens `page`, fills its form posting to `action` as shown, with `changes` (each name given
    /// replaces every value of that name) and submits it.
    async fn submit(
        &self,
        page: &str,
        action: &str,
        changes: &[(&str, &str)],
    ) -> reqwest::Response {
        let body = self.ok_page(page).await;
        let mut fields = form_fields(&body, action);
        fields.retain(|(name, _)| !changes.iter().any(|(changed, _)| changed == name));
        fields.extend(owned(changes));
        self.post(action, &fields).await
    }

    /// Posts `fields` to `action` by hand, with the CSRF token read on `page` (a request no form
    /// of the page makes).
    async fn post_by_hand(
        &self,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let csrf = csrf_of(&self.ok_page(page).await);
        let mut fields = owned(fields);
        fields.push(("csrf".into(), csrf));
        self.post(action, &fields).await
    }
}

fn owned(fields: &[(&str, &str)]) -> Vec<(String, String)> {
    fields
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect()
}

/// A user with their memberships, written through the library.
async fn user(app: &TestApp, email: &str, roles: &[(&tenants::Model, Role)]) -> users::Model {
    let db = &app.state.db;
    let new = NewUser {
        email: email.into(),
        ..Default::default()
    };
    let user = accounts::create_user(db, new, Utc::now()).await.unwrap();
    for (tenant, role) in roles {
        let scope = accounts::AdminScope::system().ministry(tenant.key());
        accounts::add_membership(db, &scope, user.key(), *role, Utc::now())
            .await
            .unwrap();
    }
    user
}

/// A browser signed in as a new user `email` with `roles`, by a session opened through the
/// library; it does not follow redirects, so that tests see them.
async fn signed_in_client<'a>(
    app: &'a TestApp,
    email: &str,
    roles: &[(&tenants::Model, Role)],
) -> (Browser<'a>, users::Model) {
    let user = user(app, email, roles).await;
    let policy = app.state.config.auth.session_policy();
    let session = sessions::open(&app.state.db, user.key(), None, policy, Utc::now())
        .await
        .unwrap();
    let mut headers = reqwest::header::HeaderMap::new();
    let cookie = format!("metiers_session={}", session.token);
    headers.insert(reqwest::header::COOKIE, cookie.parse().unwrap());
    let client = reqwest::Client::builder()
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    (Browser { app, client }, user)
}

/// A browser that logged in as `email` through the OpenID provider and landed on `/admin`;
/// returns it with the dashboard.
async fn logged_in_through_provider<'a>(app: &'a TestApp, email: &str) -> (Browser<'a>, String) {
    let client = oidc::browser();
    let landed = log_in_as(app, &client, email).await;
    assert_eq!(
        landed.url().as_str(),
        app.url("/admin"),
        "{email} lands on /admin"
    );
    assert_eq!(landed.status(), 200);
    let dashboard = landed.text().await.unwrap();
    (Browser { app, client }, dashboard)
}

// ---------------------------------------------------------------------------------------------
// Reading pages

/// The CSRF token the forms of a back-office page carry.
fn csrf_of(page: &str) -> String {
    attributes(page, "form input[name=csrf]", "value")
        .into_iter()
        .next()
        .expect("a form with a CSRF token")
}

/// What a browser submits for the form posting to `action`, as the page shows it (buttons
/// aside: a test says which one it presses, with its `intent`).
fn form_fields(page: &str, action: &str) -> Vec<(String, String)> {
    let document = html(page);
    let form_selector = format!("form[action=\"{action}\"]");
    let form = document
        .select(&selector(&form_selector))
        .next()
        .unwrap_or_else(|| panic!("a form posting to {action} on the page"));
    let mut fields = Vec::new();
    for element in form.select(&selector("input[name], textarea[name], select[name]")) {
        let name = element.value().attr("name").unwrap_or_default().to_owned();
        let value = match element.value().name() {
            "textarea" => Some(element.text().collect()),
            "select" => {
                let options: Vec<_> = element.select(&selector("option")).collect();
                options
                    .iter()
                    .find(|o| o.value().attr("selected").is_some())
                    .or(options.first())
                    .map(|o| o.value().attr("value").unwrap_or_default().to_owned())
            }
            _ => match element.value().attr("type").unwrap_or("text") {
                "checkbox" | "radio" if element.value().attr("checked").is_none() => None,
                "submit" | "button" => None,
                _ => Some(element.value().attr("value").unwrap_or_default().to_owned()),
            },
        };
        fields.extend(value.map(|value| (name, value)));
    }
    fields
}

fn selector(css: &str) -> scraper::Selector {
    scraper::Selector::parse(css).expect("selector")
}

/// The cells of the rows of the tables of a page, as texts.
fn table_rows(page: &str) -> Vec<Vec<String>> {
    let document = html(page);
    document
        .select(&selector("table tbody tr"))
        .map(|row| {
            row.select(&selector("td, th"))
                .map(|cell| {
                    let text: String = cell.text().collect();
                    text.split_whitespace().collect::<Vec<_>>().join(" ")
                })
                .collect()
        })
        .collect()
}

/// Whether a table row holds these cells, in this order, from its first cell.
fn has_row(page: &str, cells: &[&str]) -> bool {
    table_rows(page)
        .iter()
        .any(|row| row.len() >= cells.len() && row.iter().zip(cells).all(|(a, b)| a == b))
}

/// The statuses a list page shows for the items named `name`, sorted.
fn statuses_in_list(page: &str, name: &str) -> Vec<String> {
    let document = html(page);
    let mut statuses: Vec<String> = document
        .select(&selector("table tbody tr"))
        .filter(|row| {
            row.select(&selector("td"))
                .next()
                .is_some_and(|cell| cell.text().collect::<String>().trim() == name)
        })
        .flat_map(|row| {
            row.select(&selector("p.fr-badge"))
                .map(|badge| badge.text().collect::<String>().trim().to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    statuses.sort();
    statuses
}

/// The text of the form's textarea `name`, as the page holds it.
fn textarea(page: &str, name: &str) -> String {
    let document = html(page);
    let css = format!("textarea[name={name}]");
    let found = document.select(&selector(&css)).next();
    found.expect("the textarea").text().collect()
}

/// Whether the page has a form posting to `action`.
fn has_form(page: &str, action: &str) -> bool {
    !attributes(page, &format!("form[action=\"{action}\"]"), "method").is_empty()
}

/// The ministry a back-office page says the session works on, with the user's role there.
fn current_ministry(page: &str) -> String {
    texts(page, "p")
        .into_iter()
        .find_map(|p| p.strip_prefix("Ministère en cours : ").map(str::to_owned))
        .unwrap_or_default()
}

/// The confirmation a page shows after a change.
fn notice(page: &str) -> String {
    texts(page, ".fr-alert--success").join(" ")
}

/// Where a `303 See Other` sends the browser.
fn see_other(response: &reqwest::Response) -> String {
    assert_eq!(response.status(), 303, "a redirect from {}", response.url());
    response.headers()["location"].to_str().unwrap().to_owned()
}

/// The id at the end of a path like `/admin/offres/12?ok=created`.
fn id_in(location: &str, prefix: &str) -> i32 {
    let path = location.split('?').next().unwrap();
    path.strip_prefix(prefix)
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("{location} is {prefix}ID"))
}

// ---------------------------------------------------------------------------------------------
// What the tests write

/// An offer's form as an editor fills it, and the button they press (`intent`: `save` or
/// `preview`).
fn offer_form<'a>(
    intent: &'a str,
    title: &'a str,
    mission: &'a str,
) -> Vec<(&'static str, &'a str)> {
    vec![
        ("intent", intent),
        ("title", title),
        ("contract_types", "titulaire_contractuel"),
        ("profession", "developpement"),
        ("remote_policy", "partiel"),
        ("apply_mode", "external"),
        ("apply_url", "https://candidatures.mer.gouv.fr/dev"),
        ("postal_code", "75007"),
        ("city", "Paris"),
        ("mission", mission),
    ]
}

/// The offers and stories the back-office writes: the same actions, at their own addresses.
#[derive(Clone, Copy, Debug)]
enum Content {
    Offer,
    Story,
}

impl Content {
    fn list(self) -> &'static str {
        match self {
            Content::Offer => "/admin/offres",
            Content::Story => "/admin/temoignages",
        }
    }

    fn new_form(self) -> &'static str {
        match self {
            Content::Offer => "/admin/offres/nouvelle",
            Content::Story => "/admin/temoignages/nouveau",
        }
    }

    /// The field that names an item in the lists.
    fn name_field(self) -> &'static str {
        match self {
            Content::Offer => "title",
            Content::Story => "person_name",
        }
    }

    /// A new item named `name`, as its form is filled.
    fn form(self, name: &str) -> Vec<(&'static str, &str)> {
        match self {
            Content::Offer => offer_form("save", name, "Construire des **services** utiles."),
            Content::Story => vec![
                ("intent", "save"),
                ("person_name", name),
                ("role", "Développeuse"),
                ("excerpt", "Je construis des services publics numériques."),
                ("body", "Mon **quotidien** : coder, tester, livrer."),
            ],
        }
    }

    /// The stored item `id`.
    async fn stored(self, app: &TestApp, id: i32) -> Stored {
        let db = &app.state.db;
        match self {
            Content::Offer => {
                let offer = offers::Entity::find_by_id(id).one(db).await.unwrap();
                let offer = offer.expect("the offer");
                Stored {
                    slug: offer.slug,
                    status: offer.status.to_string(),
                    name: offer.title,
                }
            }
            Content::Story => {
                let story = stories::Entity::find_by_id(id).one(db).await.unwrap();
                let story = story.expect("the story");
                Stored {
                    slug: story.slug,
                    status: story.status.to_string(),
                    name: story.person_name,
                }
            }
        }
    }
}

/// What the tests read of a stored offer or story.
#[derive(Debug, PartialEq)]
struct Stored {
    slug: String,
    status: String,
    name: String,
}

async fn offer_count(app: &TestApp) -> u64 {
    offers::Entity::find().count(&app.state.db).await.unwrap()
}

/// The (who, action) entries of the journal page, sorted.
fn journal_entries(page: &str) -> Vec<(String, String)> {
    let mut entries: Vec<(String, String)> = table_rows(page)
        .into_iter()
        .map(|row| (row[1].clone(), row[2].clone()))
        .collect();
    entries.sort();
    entries
}

/// Switches the session of `browser` to `tenant` with the switcher's form.
async fn switch_to(browser: &Browser<'_>, tenant: &tenants::Model) -> reqwest::Response {
    let id = tenant.id.to_string();
    browser
        .post_by_hand("/admin", "/admin/ministere-courant", &[("tenant_id", &id)])
        .await
}

/// The titles of the offers listed at `/admin/offres`.
async fn offer_titles(browser: &Browser<'_>) -> Vec<String> {
    let page = browser.ok_page("/admin/offres").await;
    table_rows(&page)
        .into_iter()
        .map(|row| row[0].clone())
        .collect()
}

/// The stored role of `user` in `tenant`, if a member.
async fn role_in(app: &TestApp, user: &users::Model, tenant: &tenants::Model) -> Option<String> {
    memberships::Entity::find_by_id((user.id, tenant.id))
        .one(&app.state.db)
        .await
        .unwrap()
        .map(|membership| membership.role)
}

/// The stored invitation of `email`.
async fn invitation_of(app: &TestApp, email: &str) -> invitations::Model {
    invitations::Entity::find()
        .filter(invitations::Column::Email.eq(email))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("the invitation")
}

// ---------------------------------------------------------------------------------------------
// The tests

async fn the_whole_journey(backend: Backend) {
    let options = Options {
        proconnect: Some("RS256"),
        ..Options::default()
    };
    let app = TestApp::start_with(backend, options).await;
    let db = &app.state.db;

    // A DINUM admin, created by the command line on the application's database.
    let created = tokio::process::Command::new(env!("CARGO_BIN_EXE_metiers"))
        .args(["user", "create", "--admin", ADMIN])
        .env("METIERS_DATABASE_URL", &app.database.url)
        .env("METIERS_LOG", "warn")
        .env_remove("DATABASE_URL")
        .output()
        .await
        .expect("run metiers");
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );

    // The admin logs in through ProConnect and creates a ministry, then invites its manager.
    let (admin, dashboard) = logged_in_through_provider(&app, ADMIN).await;
    assert!(dashboard.contains(ADMIN), "{dashboard}");
    let created = admin
        .submit(
            "/admin/ministeres/nouveau",
            "/admin/ministeres/nouveau",
            &[
                ("intent", "save"),
                ("name", "Ministère de la Mer"),
                ("acronym", "MMer"),
                ("theme", "dsfr"),
                ("accent_color", "#000091"),
            ],
        )
        .await;
    assert_eq!(created.status(), 200);
    assert_eq!(created.url().path(), "/admin/membres");
    assert_eq!(created.url().query(), Some("ok=created"));
    let members_page = created.text().await.unwrap();
    assert_eq!(
        current_ministry(&members_page),
        "Ministère de la Mer administrateur·rice DINUM"
    );
    let ministry = tenants::Entity::find()
        .filter(tenants::Column::Name.eq("Ministère de la Mer"))
        .one(db)
        .await
        .unwrap()
        .expect("the ministry is written");
    assert_eq!(
        (
            ministry.slug.as_str(),
            ministry.acronym.as_str(),
            ministry.theme.as_str()
        ),
        ("ministere-de-la-mer", "MMer", "dsfr")
    );
    assert!(!ministry.trusted);

    let invited = admin
        .submit(
            "/admin/membres",
            "/admin/membres/inviter",
            &[("email", MANAGER), ("role", "manager")],
        )
        .await;
    assert_eq!(invited.url().path(), "/admin/membres");
    let members_page = invited.text().await.unwrap();
    assert_eq!(notice(&members_page), "L’invitation a été envoyée.");
    assert!(
        has_row(&members_page, &[MANAGER, "responsable", ADMIN]),
        "{members_page}"
    );

    // The manager's first login accepts the invitation; they invite an editor.
    let (manager, dashboard) = logged_in_through_provider(&app, MANAGER).await;
    assert!(
        has_row(&dashboard, &["Ministère de la Mer", "responsable"]),
        "{dashboard}"
    );
    assert_eq!(
        current_ministry(&dashboard),
        "Ministère de la Mer responsable"
    );
    let invited = manager
        .submit(
            "/admin/membres",
            "/admin/membres/inviter",
            &[("email", EDITOR), ("role", "editor")],
        )
        .await;
    assert_eq!(invited.status(), 200);
    let members_page = invited.text().await.unwrap();
    assert!(
        has_row(&members_page, &[EDITOR, "rédacteur·rice", MANAGER]),
        "{members_page}"
    );

    // The editor's first login; they write a first offer, a draft.
    let (editor, dashboard) = logged_in_through_provider(&app, EDITOR).await;
    assert!(
        has_row(&dashboard, &["Ministère de la Mer", "rédacteur·rice"]),
        "{dashboard}"
    );
    let written = editor
        .submit(
            "/admin/offres/nouvelle",
            "/admin/offres/nouvelle",
            &offer_form(
                "save",
                "Développeur·se Rust",
                "Vous construisez **les services** de la mer.\n\n- Concevoir\n- Livrer",
            ),
        )
        .await;
    assert_eq!(written.status(), 200);
    assert!(written.url().path().starts_with("/admin/offres/"));
    assert_eq!(written.url().query(), Some("ok=created"));
    let offers_page = editor.ok_page("/admin/offres").await;
    assert_eq!(
        statuses_in_list(&offers_page, "Développeur·se Rust"),
        ["Brouillon"]
    );
    let offer = offers::Entity::find()
        .one(db)
        .await
        .unwrap()
        .expect("an offer");
    let editor_user = accounts::find_by_email(db, EDITOR).await.unwrap().unwrap();
    assert_eq!(
        (offer.tenant_id, offer.status.as_str(), offer.created_by),
        (ministry.id, "draft", Some(editor_user.id))
    );

    // Every step is in the journal, with who took it.
    let journal = admin.ok_page("/admin/journal").await;
    let mut expected: Vec<(String, String)> = [
        (SYSTEM, "Utilisateur créé"),
        (ADMIN, "Connexion"),
        (ADMIN, "Ministère créé"),
        (ADMIN, "Invitation envoyée"),
        (MANAGER, "Invitation acceptée"),
        (MANAGER, "Connexion"),
        (MANAGER, "Invitation envoyée"),
        (EDITOR, "Invitation acceptée"),
        (EDITOR, "Connexion"),
        (EDITOR, "Offre créée"),
    ]
    .iter()
    .map(|(who, what)| (who.to_string(), what.to_string()))
    .collect();
    expected.sort();
    assert_eq!(journal_entries(&journal), expected);
    assert_eq!(audit_log::Entity::find().count(db).await.unwrap(), 10);

    // Each role keeps to its pages.
    for path in [
        "/admin/membres",
        "/admin/ministere",
        "/admin/ministeres",
        "/admin/journal",
    ] {
        assert_eq!(editor.page(path).await.0, 403, "editor on {path}");
    }
    for path in ["/admin/ministeres", "/admin/journal"] {
        assert_eq!(manager.page(path).await.0, 403, "manager on {path}");
    }
    for path in ["/admin/membres", "/admin/ministere"] {
        assert_eq!(manager.page(path).await.0, 200, "manager on {path}");
    }
}

/// Four mistakes in the domain's rules and a value that cannot be read: one refusal says
/// them all, each next to its field and in the list above the form, and nothing is written.
async fn a_form_tells_every_mistake_at_once(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ministry = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    let (editor, _) = signed_in_client(&app, EDITOR, &[(&ministry, Role::Editor)]).await;
    let new = "/admin/offres/nouvelle";
    let mut changes = offer_form("save", "", "Une mission.");
    changes.retain(|(name, _)| !["postal_code", "apply_url"].contains(name));
    changes.extend([
        ("postal_code", "7500"),
        ("apply_url", "candidatures.mer.gouv.fr"),
        ("salary_min", "50000"),
        ("salary_max", "30000"),
        ("experience_min_years", "quarante"),
    ]);
    // A deadline already passed: the offer would expire as soon as approved.
    let yesterday = (chrono::Utc::now() - chrono::Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    changes.retain(|(name, _)| *name != "expires_at");
    changes.push(("expires_at", &yesterday));
    let refused = editor.submit(new, new, &changes).await;
    assert_eq!(refused.status(), 400);
    let page = refused.text().await.unwrap();
    let expected = [
        (
            "apply_url",
            "Indiquez une adresse web complète, commençant par https:// ou http://.",
        ),
        (
            "experience_min_years",
            "Indiquez un nombre entier, sans espace ni décimale.",
        ),
        (
            "expires_at",
            "Choisissez une date à venir : celle-ci est déjà passée.",
        ),
        (
            "postal_code",
            "Indiquez un code postal français à 5 chiffres.",
        ),
        (
            "salary_max",
            "Indiquez un montant en euros, au moins égal au salaire minimum.",
        ),
        ("title", TITLE_ERROR),
    ];
    assert_eq!(
        texts(&page, ".fr-alert--error li a"),
        expected.map(|(_, message)| message)
    );
    assert_eq!(
        attributes(&page, ".fr-alert--error li a", "href"),
        expected.map(|(field, _)| format!("#field-{field}"))
    );
    for (field, message) in expected {
        assert_eq!(texts(&page, &format!("#field-{field}-error")), [message]);
    }
    assert_eq!(attributes(&page, "#field-salary_min", "value"), ["50000"]);
    assert_eq!(offer_count(&app).await, 0, "nothing is written");
    let journal = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("offer.create"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(journal, 0, "nor journaled");
}

async fn forms_show_problems_and_keep_what_was_typed(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ministry = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    let (editor, _) = signed_in_client(&app, EDITOR, &[(&ministry, Role::Editor)]).await;
    let new = "/admin/offres/nouvelle";

    // A missing title: the form comes back with the problem, and what was typed.
    let mission = "Une mission *au large*.";
    let refused = editor
        .submit(new, new, &offer_form("save", "", mission))
        .await;
    assert_eq!(refused.status(), 400);
    let page = refused.text().await.unwrap();
    assert_eq!(
        texts(&page, ".fr-alert--error .fr-alert__title"),
        [FORM_HAS_ERRORS]
    );
    assert_eq!(texts(&page, ".fr-alert--error li a"), [TITLE_ERROR]);
    assert_eq!(
        attributes(&page, ".fr-alert--error li a", "href"),
        ["#field-title"]
    );
    assert_eq!(texts(&page, "#field-title-error"), [TITLE_ERROR]);
    assert_eq!(
        attributes(&page, "#field-title", "aria-describedby"),
        ["field-title-error"]
    );
    assert_eq!(attributes(&page, "#field-city", "value"), ["Paris"]);
    assert_eq!(attributes(&page, "#field-postal_code", "value"), ["75007"]);
    assert_eq!(textarea(&page, "mission"), mission);
    assert!(
        !attributes(
            &page,
            "#field-contract_types-titulaire_contractuel",
            "checked"
        )
        .is_empty(),
        "the ticked contract type stays ticked"
    );
    assert_eq!(offer_count(&app).await, 0, "nothing is written");

    // The preview renders the Markdown, and no script gets through.
    let mission = "<script>alert(1)</script>\n\nUn travail **bold** et utile.";
    let previewed = editor
        .submit(new, new, &offer_form("preview", "Développeur·se", mission))
        .await;
    assert_eq!(previewed.status(), 200);
    let page = previewed.text().await.unwrap();
    let document = html(&page);
    let preview = document
        .select(&selector("#apercu"))
        .next()
        .expect("the preview section")
        .inner_html();
    assert!(preview.contains("<strong>bold</strong>"), "{preview}");
    assert!(
        !preview.contains("script") && !preview.contains("alert"),
        "{preview}"
    );
    let scripts: Vec<_> = document.select(&selector("script")).collect();
    assert!(!scripts.is_empty());
    for script in &scripts {
        let src = script.value().attr("src").unwrap_or_default();
        assert!(
            src.contains("dsfr"),
            "only the DSFR scripts: {}",
            script.html()
        );
        assert!(
            !script.inner_html().contains("alert(1)"),
            "{}",
            script.html()
        );
    }
    assert_eq!(
        page.matches("<script").count(),
        scripts.len(),
        "no other script tag in the page"
    );
    assert_eq!(textarea(&page, "mission"), mission, "the text as typed");
    assert_eq!(offer_count(&app).await, 0, "a preview writes nothing");

    // A form without the session's token is refused, and writes nothing.
    for csrf in ["not-the-token", ""] {
        let mut fields = owned(&offer_form("save", "Sans jeton", "Texte."));
        fields.push(("csrf".into(), csrf.into()));
        assert_eq!(
            editor.post(new, &fields).await.status(),
            403,
            "csrf {csrf:?}"
        );
    }
    assert_eq!(offer_count(&app).await, 0);
}

async fn editors_edit_duplicate_and_archive(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ministry = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    let (editor, _) = signed_in_client(&app, EDITOR, &[(&ministry, Role::Editor)]).await;
    for content in [Content::Offer, Content::Story] {
        edit_duplicate_and_archive(&app, &editor, content).await;
    }
}

/// Writes an item, edits it, copies it, archives it and tries to edit it again.
async fn edit_duplicate_and_archive(app: &TestApp, editor: &Browser<'_>, content: Content) {
    let list = content.list();
    let name = content.name_field();
    let item_prefix = format!("{list}/");

    let created = editor
        .submit(
            content.new_form(),
            content.new_form(),
            &content.form("Première version"),
        )
        .await;
    let location = see_other(&created);
    assert!(location.ends_with("?ok=created"), "{content:?}: {location}");
    let id = id_in(&location, &item_prefix);
    let item = format!("{list}/{id}");

    // Edit: the name changes, everything else stays as the form showed it.
    let shown = form_fields(&editor.ok_page(&item).await, &item);
    let saved = editor
        .submit(
            &item,
            &item,
            &[(name, "Seconde version"), ("intent", "save")],
        )
        .await;
    assert_eq!(see_other(&saved), format!("{item}?ok=saved"), "{content:?}");
    let page = editor.ok_page(&format!("{item}?ok=saved")).await;
    assert_eq!(notice(&page), "Les modifications ont été enregistrées.");
    assert_eq!(
        attributes(&page, &format!("#field-{name}"), "value"),
        ["Seconde version"]
    );
    let renamed: Vec<(String, String)> = shown
        .into_iter()
        .map(|(field, value)| {
            let value = if field == name {
                "Seconde version".into()
            } else {
                value
            };
            (field, value)
        })
        .collect();
    assert_eq!(form_fields(&page, &item), renamed, "{content:?}");
    let edited = content.stored(app, id).await;
    assert_eq!(
        (edited.status.as_str(), edited.name.as_str()),
        ("draft", "Seconde version")
    );

    // Duplicate: a draft copy, its address marked as a copy.
    let duplicated = editor
        .submit(&item, &format!("{item}/dupliquer"), &[])
        .await;
    let location = see_other(&duplicated);
    assert!(
        location.ends_with("?ok=duplicated"),
        "{content:?}: {location}"
    );
    let copy_id = id_in(&location, &item_prefix);
    assert_ne!(copy_id, id);
    let copy = Stored {
        slug: format!("{}-copie", edited.slug),
        status: "draft".into(),
        name: "Seconde version".into(),
    };
    assert_eq!(content.stored(app, copy_id).await, copy);
    let copy_page = editor.ok_page(&location).await;
    assert_eq!(notice(&copy_page), "La copie a été créée.");
    assert_eq!(texts(&copy_page, "p.fr-badge"), ["Brouillon"]);

    // Archive: out of the portal for good, and no more changes.
    let archived = editor.submit(&item, &format!("{item}/archiver"), &[]).await;
    assert_eq!(see_other(&archived), format!("{list}?ok=archived"));
    assert_eq!(content.stored(app, id).await.status, "archived");
    let list_page = editor.ok_page(list).await;
    assert_eq!(
        statuses_in_list(&list_page, "Seconde version"),
        ["Archivé", "Brouillon"],
        "the original is archived, its copy stays a draft"
    );
    let page = editor.ok_page(&item).await;
    assert!(
        !has_form(&page, &format!("{item}/archiver")),
        "no archive button on an archived item"
    );
    assert_eq!(
        texts(&page, ".fr-alert--info p"),
        [
            "Cet élément est archivé : il ne peut plus être modifié. Dupliquez-le pour en faire un nouveau brouillon."
        ],
        "an archived item says why it cannot be saved"
    );
    assert!(
        attributes(&page, "button[name=intent]", "value").is_empty(),
        "no save or preview button on an archived item"
    );

    let refused = editor
        .submit(
            &item,
            &item,
            &[(name, "Troisième version"), ("intent", "save")],
        )
        .await;
    assert_eq!(refused.status(), 400, "{content:?}");
    let page = refused.text().await.unwrap();
    assert_eq!(
        texts(&page, ".fr-alert--error .fr-alert__title"),
        [FORM_HAS_ERRORS]
    );
    assert_eq!(texts(&page, ".fr-alert--error li"), [ARCHIVED_ERROR]);
    assert_eq!(
        attributes(&page, &format!("#field-{name}"), "value"),
        ["Troisième version"],
        "what was typed stays in the form"
    );
    assert_eq!(content.stored(app, id).await.name, "Seconde version");
}

async fn switching_ministries_and_managing_members(backend: Backend) {
    let app = TestApp::start(backend).await;
    let db = &app.state.db;
    let a = fixtures::ministry(&app, "agriculture", "Ministère de l’Agriculture", "dsfr").await;
    let b = fixtures::ministry(&app, "culture", "Ministère de la Culture", "dsfr").await;
    let c = fixtures::ministry(&app, "sports", "Ministère des Sports", "dsfr").await;
    fixtures::offer(&app, &a, fixtures::published(&a, "Offre de l’Agriculture")).await;
    fixtures::offer(&app, &b, fixtures::published(&b, "Offre de la Culture")).await;
    let (camille, me) = signed_in_client(
        &app,
        "camille@culture.gouv.fr",
        &[(&a, Role::Editor), (&b, Role::Manager)],
    )
    .await;
    let dominique = user(&app, "dominique@culture.gouv.fr", &[(&b, Role::Editor)]).await;
    let eve = user(&app, "eve@culture.gouv.fr", &[(&b, Role::Editor)]).await;

    // The switcher offers the user's two ministries, and only them.
    let dashboard = camille.ok_page("/admin").await;
    let mut choices = texts(&dashboard, "#admin-switch option");
    choices.sort();
    assert_eq!(
        choices,
        [
            "AGRICULTURE — Ministère de l’Agriculture",
            "CULTURE — Ministère de la Culture"
        ]
    );

    assert_eq!(
        see_other(&switch_to(&camille, &a).await),
        "/admin?ok=switched"
    );
    let dashboard = camille.ok_page("/admin?ok=switched").await;
    assert_eq!(
        current_ministry(&dashboard),
        "Ministère de l’Agriculture rédacteur·rice"
    );
    assert_eq!(offer_titles(&camille).await, ["Offre de l’Agriculture"]);
    assert_eq!(
        camille.page("/admin/membres").await.0,
        403,
        "an editor in A"
    );

    assert_eq!(
        see_other(&switch_to(&camille, &b).await),
        "/admin?ok=switched"
    );
    let dashboard = camille.ok_page("/admin?ok=switched").await;
    assert_eq!(
        notice(&dashboard),
        "Vous travaillez maintenant sur un autre ministère."
    );
    assert_eq!(
        current_ministry(&dashboard),
        "Ministère de la Culture responsable"
    );
    assert_eq!(offer_titles(&camille).await, ["Offre de la Culture"]);

    // A ministry the user is not in: refused, and the session stays where it was.
    assert_eq!(switch_to(&camille, &c).await.status(), 403);
    let session = session_rows::Entity::find()
        .filter(session_rows::Column::UserId.eq(me.id))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(session.tenant_id, Some(b.id));
    assert_eq!(offer_titles(&camille).await, ["Offre de la Culture"]);

    // As B's manager: a new role, a member removed.
    let members = "/admin/membres";
    let page = camille.ok_page(members).await;
    for email in [dominique.email.as_str(), eve.email.as_str()] {
        assert!(has_row(&page, &[email, email, "rédacteur·rice"]), "{page}");
    }
    let action = format!("/admin/membres/{}/role", dominique.id);
    let changed = camille
        .submit(members, &action, &[("role", "manager")])
        .await;
    assert_eq!(see_other(&changed), "/admin/membres?ok=role-changed");
    assert_eq!(
        role_in(&app, &dominique, &b).await.as_deref(),
        Some("manager")
    );
    let page = camille.ok_page(members).await;
    assert!(has_row(
        &page,
        &[&dominique.email, &dominique.email, "responsable"]
    ));

    let action = format!("/admin/membres/{}/retirer", eve.id);
    let removed = camille.submit(members, &action, &[]).await;
    assert_eq!(see_other(&removed), "/admin/membres?ok=removed");
    assert_eq!(role_in(&app, &eve, &b).await, None);
    let page = camille.ok_page("/admin/membres?ok=removed").await;
    assert_eq!(notice(&page), "La personne a été retirée du ministère.");
    assert!(!page.contains(&eve.email), "{page}");

    // A manager does not change their own role (there is no form for it).
    let own = format!("/admin/membres/{}/role", me.id);
    assert!(!has_form(&page, &own));
    let refused = camille
        .post_by_hand(members, &own, &[("role", "editor")])
        .await;
    assert_eq!(refused.status(), 400);
    assert_eq!(role_in(&app, &me, &b).await.as_deref(), Some("manager"));

    // An invitation, resent then revoked.
    let invitee = "frank@culture.gouv.fr";
    let invited = camille
        .submit(
            members,
            "/admin/membres/inviter",
            &[("email", invitee), ("role", "editor")],
        )
        .await;
    assert_eq!(see_other(&invited), "/admin/membres?ok=invited");
    let first = invitation_of(&app, invitee).await;
    assert_eq!((first.tenant_id, first.role.as_str()), (b.id, "editor"));
    let page = camille.ok_page(members).await;
    assert!(
        has_row(&page, &[invitee, "rédacteur·rice", &me.email]),
        "{page}"
    );

    let action = format!("/admin/membres/invitations/{}/renvoyer", first.id);
    let resent = camille.submit(members, &action, &[]).await;
    assert_eq!(see_other(&resent), "/admin/membres?ok=resent");
    let again = invitation_of(&app, invitee).await;
    assert!(again.expires_at >= first.expires_at && again.revoked_at.is_none());
    let resends = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("invitation.resend"))
        .count(db)
        .await
        .unwrap();
    assert_eq!(resends, 1);

    let action = format!("/admin/membres/invitations/{}/revoquer", first.id);
    let revoked = camille.submit(members, &action, &[]).await;
    assert_eq!(see_other(&revoked), "/admin/membres?ok=revoked");
    assert!(invitation_of(&app, invitee).await.revoked_at.is_some());
    let page = camille.ok_page(members).await;
    assert!(!page.contains(invitee), "{page}");
    assert!(page.contains("Aucune invitation en attente."));

    // The settings: the manager's fields are saved, the admins' posted by hand are not.
    let settings = "/admin/ministere";
    let page = camille.ok_page(settings).await;
    for admins_field in ["name", "acronym", "trusted"] {
        let css = format!("form[action=\"{settings}\"] [name={admins_field}]");
        assert!(
            attributes(&page, &css, "name").is_empty(),
            "no {admins_field} field"
        );
    }
    let saved = camille
        .submit(
            settings,
            settings,
            &[
                ("intent", "save"),
                ("website", "https://www.culture.example.fr"),
                ("accent_color", "#18753c"),
                ("theme", "vitrine"),
                ("name", "Ministère piraté"),
                ("acronym", "PIR"),
                ("trusted", "on"),
            ],
        )
        .await;
    assert_eq!(see_other(&saved), "/admin/ministere?ok=saved");
    let stored = tenants::Entity::find_by_id(b.id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            stored.website.as_deref(),
            stored.accent_color.as_str(),
            stored.theme.as_str()
        ),
        (Some("https://www.culture.example.fr"), "#18753c", "vitrine")
    );
    assert_eq!(
        (
            stored.name.as_str(),
            stored.acronym.as_str(),
            stored.trusted
        ),
        ("Ministère de la Culture", "CULTURE", false)
    );
    assert_eq!(
        stored.presentation, b.presentation,
        "the texts stay as they were"
    );
}

/// The portal caches its pages, yet a change made in the back-office shows at once on this
/// instance: archiving an offer takes it off the cached listing.
async fn changes_show_on_the_portal_at_once(backend: Backend) {
    let options = Options {
        page_cache_seconds: 300,
        ..Options::default()
    };
    let app = TestApp::start_with(backend, options).await;
    let tenant = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    let offer = fixtures::offer(
        &app,
        &tenant,
        fixtures::published(&tenant, "Capitaine des données"),
    )
    .await;
    let (editor, _) = signed_in_client(&app, "marin@mer.gouv.fr", &[(&tenant, Role::Editor)]).await;
    let (_, listing) = app.page("/offres").await;
    assert!(
        listing.contains("Capitaine des données"),
        "the listing is cached with the offer"
    );

    let item = format!("/admin/offres/{}", offer.id);
    let archived = editor.submit(&item, &format!("{item}/archiver"), &[]).await;
    assert_eq!(see_other(&archived), "/admin/offres?ok=archived");
    let (_, listing) = app.page("/offres").await;
    assert!(
        !listing.contains("Capitaine des données"),
        "the archived offer left the listing"
    );
    let (status, _) = app.page(&format!("/offres/{}", offer.slug)).await;
    assert_eq!(status, 410, "its page says it is gone");
}

/// Back-office times are French ones, winter and summer, as the people who read them live.
async fn times_are_paris_times(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sea = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    let editor = app
        .signed_in(EDITOR, false, &[(sea.id, Role::Editor)])
        .await;
    let scope = accounts::AdminScope::system().ministry(sea.key());
    for (title, at) in [
        ("Offre d'hiver", "2026-01-15T12:00:00Z"),
        ("Offre d'été", "2026-07-15T12:00:00Z"),
    ] {
        let at = at.parse().unwrap();
        metiers::offers::create(&app.state.db, &scope, fixtures::published(&sea, title), at)
            .await
            .unwrap();
    }
    let list = app.get_with_cookie("/admin/offres", &editor.cookie).await;
    let rows = texts(&list.text().await.unwrap(), "tbody tr");
    let row = |title: &str| rows.iter().find(|row| row.contains(title)).unwrap().clone();
    assert!(
        row("Offre d'hiver").contains("15/01/2026 13:00"),
        "{rows:?}"
    );
    assert!(row("Offre d'été").contains("15/07/2026 14:00"), "{rows:?}");
}

/// A DINUM admin who has chosen no ministry is told so, sees the offers and stories of every
/// ministry, and opens one in its ministry.
async fn dinum_admins_see_every_ministry_until_they_choose_one(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sea = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    let air = fixtures::ministry(&app, "air", "Ministère de l'Air", "dsfr").await;
    let wave = fixtures::offer(&app, &sea, fixtures::published(&sea, "Houle")).await;
    fixtures::offer(&app, &air, fixtures::published(&air, "Nuage")).await;
    let admin = app.signed_in(ADMIN, true, &[]).await;

    let dashboard = app.get_with_cookie("/admin", &admin.cookie).await;
    let dashboard = dashboard.text().await.unwrap();
    assert_eq!(
        texts(&dashboard, "#admin-switch option[selected]"),
        ["Aucun ministère choisi"],
        "the selector does not pretend a ministry is chosen"
    );
    assert!(attributes(&dashboard, ".fr-sidemenu a", "href").contains(&"/admin/offres".to_owned()));

    for path in ["/admin/offres", "/admin/temoignages"] {
        let list = app.get_with_cookie(path, &admin.cookie).await;
        assert_eq!(list.status(), 200, "{path}");
        let body = list.text().await.unwrap();
        assert!(body.contains("Tous les ministères."), "{path}");
    }
    let list = app.get_with_cookie("/admin/offres", &admin.cookie).await;
    let body = list.text().await.unwrap();
    assert!(texts(&body, "thead th").contains(&"Ministère".to_owned()));
    let rows = texts(&body, "tbody tr");
    assert!(
        rows.iter()
            .any(|row| row.contains("Houle") && row.contains("Ministère de la Mer"))
            && rows
                .iter()
                .any(|row| row.contains("Nuage") && row.contains("Ministère de l'Air")),
        "{rows:?}"
    );
    let item = format!("/admin/offres/{}", wave.id);
    assert!(
        attributes(&body, "input[name=retour]", "value").contains(&item),
        "{body}"
    );
    let tenant = sea.id.to_string();
    let open = [("tenant_id", tenant.as_str()), ("retour", item.as_str())];
    let opened = app.post_as(&admin, "/admin/ministere-courant", &open).await;
    assert_eq!(opened.headers()["location"], format!("{item}?ok=switched"));
    let page = app.get_with_cookie(&item, &admin.cookie).await;
    assert_eq!(page.status(), 200);
    let elsewhere = [
        ("tenant_id", tenant.as_str()),
        ("retour", "//evil.example/admin"),
    ];
    let opened = app
        .post_as(&admin, "/admin/ministere-courant", &elsewhere)
        .await;
    assert_eq!(opened.headers()["location"], "/admin?ok=switched");
}
