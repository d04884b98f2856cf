//! Test support: the real application served over HTTP on loopback, on a fresh SQLite file or
//! a fresh PostgreSQL database per test.
#![allow(dead_code)]

use std::{
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

pub mod candidate;
pub mod fixtures;
pub mod oidc;
pub mod s3;
pub mod smtp;

use chrono::Utc;
use metiers::{app::AppState, app::SharedState, config::Config, db, ids::TenantId, web};
use poem::listener::{Acceptor, Listener, TcpListener};
use sea_orm::{ConnectionTrait, Database, EntityTrait};

/// The user agent of the tests' browsers: a person's, whose visits count.
pub const BROWSER: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

/// The database a test runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs each listed `async fn NAME(backend: Backend)` once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name($crate::support::Backend::Sqlite).await }) *
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name($crate::support::Backend::Postgres).await }) *
        }
    };
}

/// Where the tests find PostgreSQL (a server with the right to create databases).
pub fn postgres_admin_url() -> String {
    std::env::var("METIERS_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// A database made for one test, removed when the test ends.
pub struct TestDatabase {
    pub url: String,
    postgres_name: Option<String>,
    _dir: tempfile::TempDir,
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

impl TestDatabase {
    /// A fresh database, copied from a migrated template: migrations run once per version of
    /// `migrations/`, not once per test.
    pub async fn create(backend: Backend) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        match backend {
            Backend::Sqlite => {
                let path = dir.path().join("metiers.db");
                std::fs::copy(sqlite_template().await, &path).expect("copy the template");
                Self {
                    url: format!("sqlite://{}?mode=rwc", path.display()),
                    postgres_name: None,
                    _dir: dir,
                }
            }
            Backend::Postgres => {
                let name = format!(
                    "metiers_test_{}_{}_{}",
                    std::process::id(),
                    COUNTER.fetch_add(1, Ordering::SeqCst),
                    Utc::now().timestamp_micros()
                );
                let admin_url = postgres_admin_url();
                let admin = one_connection(&admin_url).await.unwrap_or_else(|e| {
                    panic!("PostgreSQL must run at {admin_url} for the tests: {e}")
                });
                let template = postgres_template(&admin, &admin_url).await;
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
                    .await
                    .expect("create test database");
                admin.close().await.ok();
                Self {
                    url: database_url(&admin_url, &name),
                    postgres_name: Some(name),
                    _dir: dir,
                }
            }
        }
    }
}

/// A fingerprint of the migrations' source: a template is made again when they change.
fn migrations_fingerprint() -> String {
    use sha2::{Digest, Sha256};
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/src");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .expect("migrations folder")
        .map(|entry| entry.expect("migration file").path())
        .collect();
    files.sort();
    let mut hash = Sha256::new();
    for file in files {
        hash.update(std::fs::read(file).expect("migration source"));
    }
    hash.finalize()[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The URL of database `name` on the server of `admin_url`.
fn database_url(admin_url: &str, name: &str) -> String {
    let base = admin_url
        .rsplit_once('/')
        .map_or(admin_url, |(base, _)| base);
    format!("{base}/{name}")
}

async fn one_connection(url: &str) -> Result<sea_orm::DatabaseConnection, sea_orm::DbErr> {
    let mut options = sea_orm::ConnectOptions::new(url.to_owned());
    options.max_connections(1).sqlx_logging(false);
    Database::connect(options).await
}

/// The migrated SQLite file tests copy, made once (by whichever test comes first).
async fn sqlite_template() -> std::path::PathBuf {
    let path =
        std::env::temp_dir().join(format!("metiers-template-{}.db", migrations_fingerprint()));
    if path.exists() {
        return path;
    }
    let work = tempfile::tempdir().expect("temp dir");
    let url = format!(
        "sqlite://{}?mode=rwc",
        work.path().join("build.db").display()
    );
    let db = one_connection(&url).await.expect("template database");
    db::migrate(&db).await.expect("migrate the template");
    // A standalone copy, without its write-ahead log, put in place in one step.
    let copy = work.path().join("template.db");
    db.execute_unprepared(&format!("VACUUM INTO '{}'", copy.display()))
        .await
        .expect("copy the template");
    db.close().await.ok();
    std::fs::copy(&copy, work.path().join("ready.db")).expect("template copy");
    std::fs::rename(work.path().join("ready.db"), &path)
        .or_else(|_| std::fs::copy(&copy, &path).map(|_| ()))
        .expect("template in place");
    path
}

/// The migrated PostgreSQL database tests are created from, made once under an advisory lock
/// (tests run in parallel processes) and renamed into place when complete.
async fn postgres_template(admin: &sea_orm::DatabaseConnection, admin_url: &str) -> String {
    let name = format!("metiers_template_{}", migrations_fingerprint());
    admin
        .execute_unprepared("SELECT pg_advisory_lock(72631)")
        .await
        .expect("template lock");
    let exists = admin
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            format!("SELECT 1 FROM pg_database WHERE datname = '{name}'"),
        ))
        .await
        .expect("look for the template")
        .is_some();
    if !exists {
        let building = format!("{name}_building");
        for statement in [
            format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"),
            format!("CREATE DATABASE {building}"),
        ] {
            admin
                .execute_unprepared(&statement)
                .await
                .expect("template");
        }
        let db = one_connection(&database_url(admin_url, &building))
            .await
            .expect("template database");
        db::migrate(&db).await.expect("migrate the template");
        db.close().await.ok();
        admin
            .execute_unprepared(&format!("ALTER DATABASE {building} RENAME TO {name}"))
            .await
            .expect("template in place");
    }
    admin
        .execute_unprepared("SELECT pg_advisory_unlock(72631)")
        .await
        .expect("template unlock");
    name
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let Some(name) = self.postgres_name.take() else {
            return;
        };
        // Dropping happens outside any runtime: use a thread with its own.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(async move {
                if let Ok(admin) = Database::connect(postgres_admin_url().as_str()).await {
                    let _ = admin
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                    let _ = admin.close().await;
                }
            });
        })
        .join();
    }
}

/// The application, served on a loopback port for browsers, the OpenID provider and forms,
/// and called in process for plain reads (`get`, `page`).
pub struct TestApp {
    pub base_url: String,
    pub state: SharedState,
    pub client: reqwest::Client,
    /// The same routes, called without a socket.
    endpoint: poem::endpoint::BoxEndpoint<'static, poem::Response>,
    /// How many SQL statements the application ran so far.
    pub queries: Arc<AtomicUsize>,
    server: tokio::task::JoinHandle<()>,
    pub database: TestDatabase,
    /// The OpenID provider, when the test asked for one.
    pub provider: Option<oidc::Provider>,
    /// The data folder (emails are written under `mail/` when no SMTP server is given).
    pub data_dir: tempfile::TempDir,
    /// The S3 server media go to, when the test asked for one.
    pub s3: Option<s3::S3Server>,
}

/// A signed-in user: their session cookie (`name=value`) and their forms' CSRF token.
pub struct SignedIn {
    pub cookie: String,
    pub csrf: String,
    pub user: metiers::entities::users::Model,
}

/// Options of a test app.
#[derive(Clone, Default)]
pub struct Options {
    /// Seconds of page cache (0, the default in tests, renders every request).
    pub page_cache_seconds: u64,
    /// Demo mode, as `serve --demo`.
    pub demo: bool,
    /// Start a ProConnect-like provider signing ID tokens with this algorithm (RS256, ES256).
    pub proconnect: Option<&'static str>,
    /// Login attempts allowed per client and minute (the default when `None`).
    pub login_attempts_per_minute: Option<u32>,
    /// Send emails to this SMTP server (`smtp://…`); files under the data folder otherwise.
    pub smtp_url: Option<String>,
    /// Login links by email.
    pub login_links: bool,
    /// Keep media on an S3 server started for the test (files under the data folder otherwise).
    pub s3: bool,
    /// The largest upload, in bytes (the default when `None`).
    pub upload_max_bytes: Option<usize>,
    /// The reverse proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Option<&'static str>,
    /// API requests allowed per client and token and minute (the default when `None`).
    pub api_rate_limit_per_minute: Option<u32>,
}

impl TestApp {
    /// What `metiers media check` finds: rows and stored objects that disagree.
    pub async fn media_check(&self) -> metiers::media::Mismatches {
        let system = metiers::accounts::AdminScope::system();
        metiers::media::check(&self.state.db, &system, &self.state.storage)
            .await
            .expect("media check")
    }

    pub async fn start(backend: Backend) -> Self {
        Self::start_with(backend, Options::default()).await
    }

    pub async fn start_with(backend: Backend, options: Options) -> Self {
        let database = TestDatabase::create(backend).await;
        let acceptor = TcpListener::bind("127.0.0.1:0")
            .into_acceptor()
            .await
            .expect("bind loopback");
        let addr = acceptor.local_addr()[0]
            .as_socket_addr()
            .copied()
            .expect("socket address");
        let base_url = format!("http://{addr}");
        let provider = match options.proconnect {
            Some(alg) => Some(oidc::Provider::start(&base_url, alg).await),
            None => None,
        };
        let issuer = provider.as_ref().map(|p| p.issuer.clone());
        let data_dir = tempfile::tempdir().expect("data folder");
        let s3 = match options.s3 {
            true => Some(s3::S3Server::start().await),
            false => None,
        };
        let s3_endpoint = s3.as_ref().map(s3::S3Server::endpoint);
        let data_path = data_dir.path().display().to_string();
        let mut config = Config::from_env_fn(|key| match key {
            "METIERS_BIND" => Some(addr.to_string()),
            "METIERS_BASE_URL" => Some(base_url.clone()),
            "METIERS_DATABASE_URL" => Some(database.url.clone()),
            "METIERS_DATA_DIR" => Some(data_path.clone()),
            "METIERS_SMTP_URL" => options.smtp_url.clone(),
            "METIERS_LOGIN_LINKS" => Some(options.login_links.to_string()),
            "METIERS_MEDIA_STORAGE" => s3_endpoint.as_ref().map(|_| "s3".to_owned()),
            "METIERS_S3_ENDPOINT" => s3_endpoint.clone(),
            "METIERS_S3_BUCKET" => Some(s3::BUCKET.to_owned()),
            "METIERS_S3_ACCESS_KEY_ID" => Some(s3::ACCESS_KEY_ID.to_owned()),
            "METIERS_S3_SECRET_ACCESS_KEY" => Some(s3::SECRET_ACCESS_KEY.to_owned()),
            "METIERS_UPLOAD_MAX_BYTES" => options.upload_max_bytes.map(|n| n.to_string()),
            "METIERS_TRUSTED_PROXIES" => options.trusted_proxies.map(str::to_owned),
            "METIERS_API_RATE_LIMIT_PER_MINUTE" => {
                options.api_rate_limit_per_minute.map(|n| n.to_string())
            }
            "METIERS_DATABASE_MAX_CONNECTIONS" => Some("4".to_owned()),
            "METIERS_PAGE_CACHE_SECONDS" => Some(options.page_cache_seconds.to_string()),
            "METIERS_PROCONNECT_ISSUER" => issuer.clone(),
            "METIERS_LOGIN_ATTEMPTS_PER_MINUTE" => {
                options.login_attempts_per_minute.map(|n| n.to_string())
            }
            "METIERS_PROCONNECT_CLIENT_ID" => issuer.as_ref().map(|_| oidc::CLIENT_ID.to_owned()),
            "METIERS_PROCONNECT_CLIENT_SECRET" => {
                issuer.as_ref().map(|_| oidc::CLIENT_SECRET.to_owned())
            }
            _ => None,
        })
        .expect("test configuration");
        config.demo = options.demo;
        let mut connection = db::connect(&config).await.expect("connect");
        db::migrate(&connection).await.expect("migrate");
        let queries = Arc::new(AtomicUsize::new(0));
        let counter = queries.clone();
        connection.set_metric_callback(move |_| {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        let state = AppState::with_database(config, connection).expect("state");
        let app = web::router(state.clone());
        let endpoint = poem::EndpointExt::boxed(web::router(state.clone()));
        let server = tokio::spawn(async move {
            let _ = poem::Server::new_with_acceptor(acceptor).run(app).await;
        });
        let client = reqwest::Client::builder()
            .user_agent(BROWSER)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(30))
            .build()
            .expect("client");
        Self {
            base_url,
            state,
            client,
            endpoint,
            queries,
            server,
            database,
            provider,
            data_dir,
            s3,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// GET `path`, in process.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.call(path, &[]).await
    }

    /// GET `path` with a `Cookie` header (a signed-in browser), in process.
    pub async fn get_with_cookie(&self, path: &str, cookie: &str) -> reqwest::Response {
        self.call(path, &[("cookie", cookie)]).await
    }

    /// The application's answer to a GET of `path` with `headers`, without a socket, as it
    /// answers a client on loopback.
    async fn call(&self, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
        let mut request = poem::http::Request::builder()
            .uri(path)
            .header("host", self.base_url.trim_start_matches("http://"));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let (parts, ()) = request.body(()).expect("request").into_parts();
        let loopback = std::net::SocketAddr::from(([127, 0, 0, 1], 0));
        let parts = poem::RequestParts::from((
            parts,
            poem::web::LocalAddr(loopback.into()),
            poem::web::RemoteAddr(loopback.into()),
            poem::http::uri::Scheme::HTTP,
        ));
        let request = poem::Request::from_parts(parts, poem::Body::empty());
        let response = poem::Endpoint::get_response(&self.endpoint, request).await;
        let (parts, body) = response.into_parts();
        let bytes = body.into_bytes().await.expect("body");
        let mut answer = poem::http::Response::new(bytes);
        *answer.status_mut() = parts.status;
        *answer.headers_mut() = parts.headers;
        reqwest::Response::from(answer)
    }

    /// GET `path` and return its status and body.
    pub async fn page(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    /// Seeds the demo data with `offers` offers.
    pub async fn seed_demo(&self, offers: usize) -> metiers::demo::SeedReport {
        metiers::demo::seed(&self.state.db, offers, Utc::now())
            .await
            .expect("seed")
    }

    /// Sends what the email outbox holds at `at`, as the worker does; returns how many left.
    pub async fn deliver_mail(&self, at: chrono::DateTime<Utc>) -> usize {
        self.state
            .mailer
            .deliver_due(&self.state.db, at)
            .await
            .expect("the outbox can be read")
    }

    pub fn query_count(&self) -> usize {
        self.queries.load(Ordering::SeqCst)
    }

    /// Creates user `email` (a DINUM admin when `is_admin`) with `roles` (ministry id, role)
    /// and opens a session for them.
    pub async fn signed_in(
        &self,
        email: &str,
        is_admin: bool,
        roles: &[(i32, metiers::accounts::Role)],
    ) -> SignedIn {
        use metiers::accounts;
        let db = &self.state.db;
        let now = Utc::now();
        let new = accounts::NewUser {
            email: email.to_owned(),
            is_admin,
            ..Default::default()
        };
        let user = accounts::create_user(db, new, now).await.expect("user");
        for (tenant_id, role) in roles {
            let scope = accounts::AdminScope::system().ministry(TenantId::new(*tenant_id));
            accounts::add_membership(db, &scope, user.key(), *role, now)
                .await
                .expect("membership");
        }
        let policy = self.state.config.auth.session_policy();
        let opened = accounts::sessions::open(db, user.key(), None, policy, now)
            .await
            .expect("session");
        SignedIn {
            cookie: format!("metiers_session={}", opened.token),
            csrf: opened.csrf_token,
            user,
        }
    }

    /// Posts `form` to `path` as `who`, with their CSRF token.
    pub async fn post_as(
        &self,
        who: &SignedIn,
        path: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut fields: Vec<(&str, &str)> = form.to_vec();
        fields.push(("csrf", &who.csrf));
        self.client
            .post(self.url(path))
            .header("cookie", &who.cookie)
            .form(&fields)
            .send()
            .await
            .expect("request")
    }

    /// The login page's CSRF cookie (`name=value`) and the demo form's token (demo mode).
    pub async fn demo_login_form(&self) -> (String, String) {
        let response = self.get("/connexion").await;
        let csrf_cookie =
            cookie_pair(&set_cookie(&response, "metiers_login_csrf").expect("a login CSRF cookie"));
        let body = response.text().await.expect("body");
        let csrf = attributes(
            &body,
            "form[action=\"/connexion/demo\"] input[name=csrf]",
            "value",
        )
        .into_iter()
        .next()
        .expect("the demo login form");
        (csrf_cookie, csrf)
    }

    /// Submits the demo login form for `email` (demo mode), as a browser would.
    pub async fn submit_demo_login(&self, email: &str) -> reqwest::Response {
        let (csrf_cookie, csrf) = self.demo_login_form().await;
        self.client
            .post(self.url("/connexion/demo"))
            .header("cookie", csrf_cookie)
            .form(&[("email", email.to_owned()), ("csrf", csrf)])
            .send()
            .await
            .expect("request")
    }

    /// Logs in as a demo account; returns the session cookie (`name=value`).
    pub async fn demo_login(&self, email: &str) -> String {
        let response = self.submit_demo_login(email).await;
        assert_eq!(response.status(), 303, "demo login of {email}");
        cookie_pair(&set_cookie(&response, "metiers_session").expect("a session cookie"))
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// The `Set-Cookie` value a response gives for cookie `name`, attributes included.
pub fn set_cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_owned)
}

/// The `name=value` part of a `Set-Cookie` value, to send back in a `Cookie` header.
pub fn cookie_pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap_or_default().to_owned()
}

/// Parses HTML for assertions.
pub fn html(body: &str) -> scraper::Html {
    scraper::Html::parse_document(body)
}

/// The texts of the elements matching `selector`.
pub fn texts(body: &str, selector: &str) -> Vec<String> {
    let document = html(body);
    let selector = scraper::Selector::parse(selector).expect("selector");
    document
        .select(&selector)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The values of `attribute` on the elements matching `selector`.
pub fn attributes(body: &str, selector: &str, attribute: &str) -> Vec<String> {
    let document = html(body);
    let selector = scraper::Selector::parse(selector).expect("selector");
    document
        .select(&selector)
        .filter_map(|e| e.value().attr(attribute).map(str::to_owned))
        .collect()
}

/// Sends file `bytes` named `name` (declared as `mime`) with the fields `fields` to the upload
/// form at `path`, as `who`.
pub async fn send_file(
    app: &TestApp,
    who: &SignedIn,
    path: &str,
    fields: &[(&str, &str)],
    (name, mime, bytes): (&str, &str, Vec<u8>),
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new().text("csrf", who.csrf.clone());
    for (field, value) in fields {
        form = form.text(field.to_string(), value.to_string());
    }
    let file = reqwest::multipart::Part::bytes(bytes)
        .file_name(name.to_owned())
        .mime_str(mime)
        .unwrap();
    app.client
        .post(app.url(path))
        .header("cookie", &who.cookie)
        .multipart(form.part("file", file))
        .send()
        .await
        .unwrap()
}

/// Uploads a picture to the library as `who`; returns its row.
pub async fn upload(
    app: &TestApp,
    who: &SignedIn,
    alt: &str,
    bytes: Vec<u8>,
) -> metiers::entities::media::Model {
    let file = ("image.png", "image/png", bytes);
    let response = send_file(app, who, "/admin/medias", &[("alt", alt)], file).await;
    assert_eq!(response.status(), 303, "{}", response.text().await.unwrap());
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let id: i32 = location
        .trim_start_matches("/admin/medias/")
        .trim_end_matches("?ok=uploaded")
        .parse()
        .unwrap_or_else(|_| panic!("redirected to {location}"));
    metiers::entities::media::Entity::find_by_id(id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
}
