//! Ministries are kept apart, proven route by route: a table lists every back-office route
//! with what each kind of visitor gets, and the test walks it as an anonymous visitor, as an
//! editor of ministry A aiming at ministry B's objects (ids in URLs and in form fields), as
//! an editor of A on its managers' actions, and as a manager of A on DINUM admins' pages. Each
//! refused request must leave the database exactly as it was, and no page an editor of A reads
//! may show B's titles. The router's table (`web::admin::ROUTES`) and this one must agree,
//! route by route and on who may use each.

use crate::support::{Backend, TestApp, fixtures};
use chrono::Utc;
use metiers::web::admin::{Access, ROUTES as DECLARED};
use metiers::{
    accounts::{self, NewUser, Role, invitations, sessions},
    entities::{
        audit_log, invitations as invitation_rows, job_runs, media as media_rows, memberships,
        offers, outbox, revisions, stories, tenants,
    },
    ids::TenantId,
    tenants::add_structure,
};
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

on_both_backends!(every_admin_route_keeps_ministries_apart);

/// One back-office route: its method, its path (ids as `{offer}`, `{story}`, `{invitation}`,
/// `{member}`, `{tenant}`), the form it posts, and who may use it.
struct Row {
    method: &'static str,
    path: &'static str,
    form: &'static [(&'static str, &'static str)],
    access: Access,
}

const fn row(
    method: &'static str,
    path: &'static str,
    form: &'static [(&'static str, &'static str)],
    access: Access,
) -> Row {
    Row {
        method,
        path,
        form,
        access,
    }
}

/// A complete offer form, aimed at ministry B through its service (`{structure}`).
const OFFER_FORM: &[(&str, &str)] = &[
    ("intent", "save"),
    ("title", "Offre détournée"),
    ("structure_id", "{structure}"),
    ("contract_types", "contractuel"),
    ("profession", "developpement"),
    ("remote_policy", "partiel"),
    ("apply_mode", "external"),
    ("apply_url", "https://example.org/postuler"),
    ("postal_code", "75007"),
    ("city", "Paris"),
];

const STORY_FORM: &[(&str, &str)] = &[
    ("intent", "save"),
    ("person_name", "Personne détournée"),
    ("role", "Rôle"),
    ("excerpt", "Chapô"),
    ("body", "Texte"),
];

const MINISTRY_FORM: &[(&str, &str)] = &[
    ("name", "Ministère détourné"),
    ("acronym", "MD"),
    ("theme", "dsfr"),
    ("accent_color", "#000091"),
    ("trusted", "on"),
];

use Access::{Admin, Editor, Manager};

/// Every back-office route. Keep it in step with `src/web/admin/mod.rs`.
const ROUTES: &[Row] = &[
    row("GET", "/admin", &[], Editor),
    row("GET", "/admin/journal", &[], Admin),
    row("GET", "/admin/courriels", &[], Admin),
    row(
        "POST",
        "/admin/ministere-courant",
        &[("tenant_id", "{tenant}")],
        Editor,
    ),
    row(
        "POST",
        "/admin/apercu",
        &[("markdown", "**texte**")],
        Editor,
    ),
    row("GET", "/admin/offres", &[], Editor),
    row("GET", "/admin/offres/nouvelle", &[], Editor),
    row("POST", "/admin/offres/nouvelle", OFFER_FORM, Editor),
    row("GET", "/admin/offres/{offer}", &[], Editor),
    row("POST", "/admin/offres/{offer}", OFFER_FORM, Editor),
    row("POST", "/admin/offres/{offer}/dupliquer", &[], Editor),
    row("POST", "/admin/offres/{offer}/archiver", &[], Editor),
    row("POST", "/admin/offres/{offer}/soumettre", &[], Editor),
    row("POST", "/admin/offres/{offer}/pourvue", &[], Editor),
    row(
        "POST",
        "/admin/offres/{offer}/versions/1/restaurer",
        &[],
        Editor,
    ),
    row("GET", "/admin/temoignages", &[], Editor),
    row("GET", "/admin/temoignages/nouveau", &[], Editor),
    row("POST", "/admin/temoignages/nouveau", STORY_FORM, Editor),
    row("GET", "/admin/temoignages/{story}", &[], Editor),
    row("POST", "/admin/temoignages/{story}", STORY_FORM, Editor),
    row("POST", "/admin/temoignages/{story}/dupliquer", &[], Editor),
    row("POST", "/admin/temoignages/{story}/archiver", &[], Editor),
    row("POST", "/admin/temoignages/{story}/soumettre", &[], Editor),
    row(
        "POST",
        "/admin/temoignages/{story}/versions/1/restaurer",
        &[],
        Editor,
    ),
    row("GET", "/admin/medias", &[], Editor),
    row(
        "POST",
        "/admin/medias",
        &[("alt", "Image détournée")],
        Editor,
    ),
    row("GET", "/admin/medias/{media}", &[], Editor),
    row(
        "POST",
        "/admin/medias/{media}",
        &[("alt", "Détourné")],
        Editor,
    ),
    row(
        "POST",
        "/admin/medias/{media}/remplacer",
        &[("file", "")],
        Editor,
    ),
    row("POST", "/admin/medias/{media}/supprimer", &[], Editor),
    row("GET", "/admin/candidatures", &[], Editor),
    row("GET", "/admin/candidatures/{application}", &[], Editor),
    row("GET", "/admin/candidatures/{application}/cv", &[], Editor),
    row(
        "POST",
        "/admin/candidatures/{application}/statut",
        &[("status", "hired")],
        Editor,
    ),
    row(
        "POST",
        "/admin/candidatures/{application}/notes",
        &[("notes", "Note détournée")],
        Editor,
    ),
    row("GET", "/admin/offres/{offer}/candidatures.csv", &[], Editor),
    row("GET", "/admin/vivier", &[], Editor),
    row("GET", "/admin/vivier/{talent}", &[], Editor),
    row(
        "POST",
        "/admin/vivier/{talent}/contact",
        &[("message", "Bonjour")],
        Editor,
    ),
    row("GET", "/admin/vivier/{talent}/cv", &[], Editor),
    row("GET", "/admin/statistiques?ministere={slug}", &[], Editor),
    row(
        "GET",
        "/admin/statistiques/export?ministere={slug}&format=csv",
        &[],
        Editor,
    ),
    row(
        "POST",
        "/admin/statistiques/objectifs",
        &[("ministere", "{slug}"), ("target_recruitments", "9")],
        Editor,
    ),
    row("GET", "/admin/taches", &[], Admin),
    row("POST", "/admin/taches/outbox/lancer", &[], Admin),
    row("GET", "/admin/moderation", &[], Admin),
    row("GET", "/admin/moderation/offres/{offer}", &[], Admin),
    row("GET", "/admin/moderation/offres/{offer}/apercu", &[], Admin),
    row(
        "POST",
        "/admin/moderation/offres/{offer}",
        &[("decision", "approve"), ("version", "1")],
        Admin,
    ),
    row("GET", "/admin/moderation/temoignages/{story}", &[], Admin),
    row(
        "GET",
        "/admin/moderation/temoignages/{story}/apercu",
        &[],
        Admin,
    ),
    row(
        "POST",
        "/admin/moderation/temoignages/{story}",
        &[("decision", "approve"), ("version", "1")],
        Admin,
    ),
    row("GET", "/admin/ministere", &[], Manager),
    row("POST", "/admin/ministere", MINISTRY_FORM, Manager),
    row("GET", "/admin/membres", &[], Manager),
    row(
        "POST",
        "/admin/membres/inviter",
        &[("email", "intrus@example.org"), ("role", "manager")],
        Manager,
    ),
    row(
        "POST",
        "/admin/membres/invitations/{invitation}/renvoyer",
        &[],
        Manager,
    ),
    row(
        "POST",
        "/admin/membres/invitations/{invitation}/revoquer",
        &[],
        Manager,
    ),
    row(
        "POST",
        "/admin/membres/{member}/role",
        &[("role", "manager")],
        Manager,
    ),
    row("POST", "/admin/membres/{member}/retirer", &[], Manager),
    row("GET", "/admin/jetons", &[], Manager),
    row(
        "POST",
        "/admin/jetons/nouveau",
        &[
            ("name", "Jeton détourné"),
            ("scopes", "offers:write"),
            ("valid_days", "30"),
        ],
        Manager,
    ),
    row("POST", "/admin/jetons/{token}/revoquer", &[], Manager),
    row("GET", "/admin/ministeres", &[], Admin),
    row("GET", "/admin/ministeres/nouveau", &[], Admin),
    row("POST", "/admin/ministeres/nouveau", MINISTRY_FORM, Admin),
    row("GET", "/admin/ministeres/{tenant}", &[], Admin),
    row("POST", "/admin/ministeres/{tenant}", MINISTRY_FORM, Admin),
    row("POST", "/admin/ministeres/{tenant}/archiver", &[], Admin),
];

/// The routes the router declares (`web::admin::ROUTES`), as `METHOD /admin/path ACCESS` with
/// poem's `:name` parameters.
fn declared_routes() -> Vec<String> {
    let mut routes = Vec::new();
    for route in DECLARED {
        let path = match route.path {
            "/" => "/admin".to_owned(),
            path => format!("/admin{path}"),
        };
        for (method, access) in [("GET", route.get), ("POST", route.post)] {
            if let Some(access) = access {
                routes.push(format!("{method} {path} {access:?}"));
            }
        }
    }
    routes.sort();
    routes
}

/// The ids the paths and forms of the table aim at.
struct Targets {
    offer: i32,
    application: i32,
    /// A talent of the pool hidden from the other ministry.
    talent: i32,
    media: i32,
    story: i32,
    invitation: i32,
    /// An API token of the ministry.
    token: i32,
    member: i32,
    tenant: i32,
    /// The ministry's slug, which the statistics' queries name.
    slug: String,
    structure: i32,
}

impl Targets {
    fn fill(&self, template: &str) -> String {
        template
            .replace("{offer}", &self.offer.to_string())
            .replace("{application}", &self.application.to_string())
            .replace("{talent}", &self.talent.to_string())
            .replace("{media}", &self.media.to_string())
            .replace("{story}", &self.story.to_string())
            .replace("{invitation}", &self.invitation.to_string())
            .replace("{token}", &self.token.to_string())
            .replace("{member}", &self.member.to_string())
            .replace("{tenant}", &self.tenant.to_string())
            .replace("{structure}", &self.structure.to_string())
            .replace("{slug}", &self.slug)
    }
}

/// A signed-in browser: its session cookie and its forms' CSRF token.
struct Visitor {
    cookie: Option<String>,
    csrf: String,
}

/// The rows of table `E` as JSON, in the order of `column`.
async fn rows<E: EntityTrait>(db: &impl ConnectionTrait, column: E::Column) -> serde_json::Value {
    let rows = E::find().order_by_asc(column).into_json().all(db).await;
    serde_json::Value::Array(rows.unwrap())
}

/// Everything a refused request must not change, as JSON rows.
async fn snapshot(db: &impl ConnectionTrait) -> String {
    use metiers::entities::sessions;
    let tables = [
        rows::<tenants::Entity>(db, tenants::Column::Id).await,
        rows::<offers::Entity>(db, offers::Column::Id).await,
        rows::<stories::Entity>(db, stories::Column::Id).await,
        rows::<media_rows::Entity>(db, media_rows::Column::Id).await,
        rows::<memberships::Entity>(db, memberships::Column::UserId).await,
        rows::<invitation_rows::Entity>(db, invitation_rows::Column::Id).await,
        rows::<audit_log::Entity>(db, audit_log::Column::Id).await,
        rows::<revisions::Entity>(db, revisions::Column::Id).await,
        rows::<outbox::Entity>(db, outbox::Column::Id).await,
        rows::<job_runs::Entity>(db, job_runs::Column::Id).await,
        rows::<metiers::entities::api_tokens::Entity>(
            db,
            metiers::entities::api_tokens::Column::Id,
        )
        .await,
        rows::<metiers::entities::applications::Entity>(
            db,
            metiers::entities::applications::Column::Id,
        )
        .await,
        rows::<metiers::entities::talents::Entity>(db, metiers::entities::talents::Column::Id)
            .await,
        rows::<metiers::entities::talent_contacts::Entity>(
            db,
            metiers::entities::talent_contacts::Column::Id,
        )
        .await,
    ];
    let session_ministries: Vec<Option<i32>> = sessions::Entity::find()
        .order_by_asc(sessions::Column::TokenHash)
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|session| session.tenant_id)
        .collect();
    serde_json::json!({ "tables": tables, "session_ministries": session_ministries }).to_string()
}

/// Sends `row` as `visitor` aimed at `targets`; returns the status and where it redirects.
async fn send(app: &TestApp, visitor: &Visitor, row: &Row, targets: &Targets) -> (u16, String) {
    let url = app.url(&targets.fill(row.path));
    let request = if row.method == "GET" {
        app.client.get(url)
    } else {
        let mut form: Vec<(String, String)> = row
            .form
            .iter()
            .map(|(name, value)| ((*name).to_owned(), targets.fill(value)))
            .collect();
        form.push(("csrf".to_owned(), visitor.csrf.clone()));
        if form.iter().any(|(name, _)| name == "file") {
            // An upload form: its fields, then a picture in its `file` field.
            let mut parts = reqwest::multipart::Form::new();
            for (name, value) in form.into_iter().filter(|(name, _)| name != "file") {
                parts = parts.text(name, value);
            }
            let picture = reqwest::multipart::Part::bytes(fixtures::png(32, 32))
                .file_name("image.png")
                .mime_str("image/png")
                .unwrap();
            app.client.post(url).multipart(parts.part("file", picture))
        } else {
            app.client.post(url).form(&form)
        }
    };
    let request = match &visitor.cookie {
        Some(cookie) => request.header("cookie", cookie),
        None => request,
    };
    let response = request.send().await.unwrap();
    let location = response
        .headers()
        .get("location")
        .map(|value| value.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (response.status().as_u16(), location)
}

/// GET `path` as `visitor`: its status and body.
async fn page(app: &TestApp, visitor: &Visitor, path: &str) -> (u16, String) {
    let mut request = app.client.get(app.url(path));
    if let Some(cookie) = &visitor.cookie {
        request = request.header("cookie", cookie);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

/// Sends `row` and asserts it is refused with one of `statuses` and changes nothing.
async fn assert_refused(
    app: &TestApp,
    who: &str,
    visitor: &Visitor,
    row: &Row,
    targets: &Targets,
    statuses: &[u16],
) {
    let before = snapshot(&app.state.db).await;
    let (status, location) = send(app, visitor, row, targets).await;
    let what = format!("{who}: {} {}", row.method, targets.fill(row.path));
    assert!(
        statuses.contains(&status),
        "{what} answered {status} {location}, expected one of {statuses:?}"
    );
    if status == 303 {
        assert_eq!(location, "/connexion", "{what} goes to the login page");
    }
    assert_eq!(
        before,
        snapshot(&app.state.db).await,
        "{what} changed the database"
    );
}

/// A user with `roles`, signed in (a session opened directly).
async fn visitor(app: &TestApp, email: &str, roles: &[(i32, Role)]) -> (Visitor, i32) {
    let db = &app.state.db;
    let now = Utc::now();
    let user = accounts::create_user(
        db,
        NewUser {
            email: email.to_owned(),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap();
    for (tenant_id, role) in roles {
        let scope = accounts::AdminScope::system().ministry(TenantId::new(*tenant_id));
        accounts::add_membership(db, &scope, user.key(), *role, now)
            .await
            .unwrap();
    }
    let policy = app.state.config.auth.session_policy();
    let opened = sessions::open(db, user.key(), None, policy, now)
        .await
        .unwrap();
    let visitor = Visitor {
        cookie: Some(format!("metiers_session={}", opened.token)),
        csrf: opened.csrf_token,
    };
    (visitor, user.id)
}

/// Ministry `slug` with an offer, a story, a service, a pending invitation and an editor.
async fn ministry_with_content(app: &TestApp, slug: &str, admin: &accounts::Actor) -> Targets {
    let db = &app.state.db;
    let now = Utc::now();
    let tenant = fixtures::ministry(app, slug, &format!("Ministère {slug}"), "dsfr").await;
    let scope = admin.manager_in(tenant.key()).unwrap();
    let structure = add_structure(db, &scope, None, "direction", "Direction du numérique")
        .await
        .unwrap();
    let offer = fixtures::published(&tenant, &format!("Offre {slug}"));
    let offer = fixtures::offer(app, &tenant, offer).await;
    let story = metiers::stories::create(
        db,
        &scope,
        metiers::stories::NewStory {
            person_name: format!("Agent {slug}"),
            role: "Développeuse".into(),
            excerpt: "Chapô".into(),
            body: "Texte".into(),
            ..Default::default()
        },
        now,
    )
    .await
    .unwrap();
    let invitation = invitations::invite(
        db,
        &scope,
        &format!("invite@{slug}.gouv.fr"),
        Role::Editor,
        now,
    )
    .await
    .unwrap();
    let (_, member) = visitor(
        app,
        &format!("membre@{slug}.gouv.fr"),
        &[(tenant.id, Role::Editor)],
    )
    .await;
    let image = metiers::media::store(
        db,
        &app.state.storage,
        &scope,
        metiers::media::Upload {
            bytes: fixtures::png(64, 48),
            alt: format!("Image {slug}"),
        },
        usize::MAX,
        now,
    )
    .await
    .unwrap();
    let letterhead = app.state.letterhead();
    let candidate = metiers::applications::NewApplication {
        first_name: format!("Candidate {slug}"),
        last_name: "Martin".into(),
        email: format!("candidate@{slug}.example"),
        cv: b"%PDF-1.4\n%%EOF\n".to_vec(),
        consent: true,
        retention_years: 2,
        ..Default::default()
    };
    let storage = &app.state.storage;
    let application =
        metiers::applications::apply(db, storage, &letterhead, &offer, candidate, Utc::now())
            .await
            .unwrap();
    let token = metiers::integration::tokens::create(
        db,
        &scope,
        metiers::integration::tokens::NewToken {
            name: format!("SIRH {slug}"),
            grants: vec![metiers::integration::tokens::Grant::OffersWrite],
            valid_days: 30,
        },
        now,
    )
    .await
    .unwrap()
    .0;
    Targets {
        token: token.id,
        media: image.id,
        application: application.id,
        talent: 0,
        offer: offer.id,
        story: story.id,
        invitation: invitation.id,
        member,
        tenant: tenant.id,
        slug: tenant.slug.clone(),
        structure: structure.id,
    }
}

async fn every_admin_route_keeps_ministries_apart(backend: Backend) {
    let mut table: Vec<String> = ROUTES
        .iter()
        .map(|row| {
            let path = row.path.split('?').next().unwrap_or_default();
            let path = path
                .replace("{offer}", ":id")
                .replace("{application}", ":id")
                .replace("{talent}", ":id")
                .replace("{media}", ":id")
                .replace("{story}", ":id")
                .replace("{invitation}", ":id")
                .replace("{token}", ":id")
                .replace("{tenant}", ":id")
                .replace("{member}", ":user_id");
            let path = path
                .replace("/moderation/offres/:id", "/moderation/:kind/:id")
                .replace("/moderation/temoignages/:id", "/moderation/:kind/:id")
                .replace("/versions/1/", "/versions/:number/")
                .replace("/taches/outbox/", "/taches/:name/")
                .replace("/invitations/:id/renvoyer", "/invitations/:id/:action")
                .replace("/invitations/:id/revoquer", "/invitations/:id/:action")
                .replace("/:user_id/role", "/:user_id/:action")
                .replace("/:user_id/retirer", "/:user_id/:action");
            format!("{} {path} {:?}", row.method, row.access)
        })
        .collect();
    table.sort();
    table.dedup();
    assert_eq!(
        table,
        declared_routes(),
        "every back-office route has a row in ROUTES, with the access the router declares"
    );

    let app = TestApp::start(backend).await;
    let db = &app.state.db;
    let admin_user = accounts::create_user(
        db,
        NewUser {
            email: "admin@numerique.gouv.fr".into(),
            is_admin: true,
            ..Default::default()
        },
        Utc::now(),
    )
    .await
    .unwrap();
    let admin = accounts::Actor::load(db, admin_user).await.unwrap();
    let mut a = ministry_with_content(&app, "ministere-a", &admin).await;
    let mut b = ministry_with_content(&app, "ministere-b", &admin).await;
    // A talent of each, hidden from the other.
    a.talent = fixtures::talent(&app, "Talent ministere-a", &[b.tenant])
        .await
        .id;
    b.talent = fixtures::talent(&app, "Talent ministere-b", &[a.tenant])
        .await
        .id;
    let (editor_a, _) = visitor(
        &app,
        "redacteur@ministere-a.gouv.fr",
        &[(a.tenant, Role::Editor)],
    )
    .await;
    let (manager_a, _) = visitor(
        &app,
        "responsable@ministere-a.gouv.fr",
        &[(a.tenant, Role::Manager)],
    )
    .await;
    let anonymous = Visitor {
        cookie: None,
        csrf: String::new(),
    };

    for row in ROUTES {
        // Anonymous visitors go to the login page, whatever they aim at.
        assert_refused(&app, "anonymous", &anonymous, row, &b, &[303]).await;

        // An editor of A aiming at B: not found or forbidden. Routes without an id act on the
        // session's own ministry; their forms still aim at B where they can (the ministry to
        // switch to, B's service for an offer).
        let aims_at_b =
            row.path.contains('{') || row.form.iter().any(|(_, value)| value.contains('{'));
        if aims_at_b || row.access != Editor {
            assert_refused(
                &app,
                "editor of A at B",
                &editor_a,
                row,
                &b,
                &[400, 403, 404],
            )
            .await;
        }

        // An editor of A on A's own objects: managers' and admins' actions are forbidden.
        if row.access != Editor {
            assert_refused(&app, "editor of A in A", &editor_a, row, &a, &[403]).await;
        }

        // A manager of A: B's members and invitations are out of reach; admins' pages too.
        if row.access == Manager && row.path.contains('{') {
            assert_refused(&app, "manager of A at B", &manager_a, row, &b, &[404]).await;
        }
        if row.access == Admin {
            assert_refused(&app, "manager of A", &manager_a, row, &a, &[403]).await;
        }
    }

    // Nothing of B shows on the pages an editor of A reads.
    for row in ROUTES
        .iter()
        .filter(|row| row.method == "GET" && row.access == Editor)
    {
        let (status, body) = page(&app, &editor_a, &a.fill(row.path)).await;
        assert_eq!(status, 200, "editor of A: GET {}", a.fill(row.path));
        for title in [
            "Offre ministere-b",
            "Agent ministere-b",
            "Image ministere-b",
            "Talent ministere-b",
        ] {
            assert!(
                !body.contains(title),
                "editor of A: GET {} shows {title}",
                a.fill(row.path)
            );
        }
    }

    // The same visitors do get in where they belong, so the refusals above are not an accident.
    for (who, visitor, path) in [
        ("editor of A", &editor_a, "/admin/offres/{offer}"),
        ("editor of A", &editor_a, "/admin/temoignages/{story}"),
        ("manager of A", &manager_a, "/admin/membres"),
        ("manager of A", &manager_a, "/admin/ministere"),
    ] {
        let row = row("GET", path, &[], Editor);
        let (status, _) = send(&app, visitor, &row, &a).await;
        assert_eq!(status, 200, "{who}: GET {}", a.fill(path));
    }
}
