//! A real OpenID provider configured like ProConnect (`tests/oidc/server.mjs`, the certified
//! `oidc-provider` package on Node.js), started on loopback for one test.
#![allow(dead_code)]

use std::{path::Path, process::Stdio};

use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::{Child, Command},
};

use super::TestApp;

pub const CLIENT_ID: &str = "metiers-test";
pub const CLIENT_SECRET: &str = "a-client-secret-for-the-tests-only-0123456789";

pub struct Provider {
    pub issuer: String,
    /// The server process; it stops when this is dropped (and when its stdin closes).
    _child: Child,
}

impl Provider {
    /// Starts the provider for an application at `app_base_url`; `alg` signs the ID tokens.
    pub async fn start(app_base_url: &str, alg: &str) -> Self {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oidc");
        if !root.join("node_modules/oidc-provider").is_dir() {
            let status = Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund", "--prefix"])
                .arg(&root)
                .status()
                .await
                .expect("npm must be installed");
            assert!(status.success(), "npm ci in tests/oidc failed");
        }
        let mut child = Command::new("node")
            .arg(root.join("server.mjs"))
            .args([
                "--port",
                "0",
                "--client-id",
                CLIENT_ID,
                "--client-secret",
                CLIENT_SECRET,
            ])
            .args([
                "--redirect-uri",
                &format!("{app_base_url}/connexion/proconnect/retour"),
            ])
            .args([
                "--post-logout-redirect-uri",
                &format!("{app_base_url}/deconnexion/retour"),
            ])
            .args(["--id-token-alg", alg])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .expect("node must be installed");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut lines = BufReader::new(stdout).lines();
        let ready = tokio::time::timeout(std::time::Duration::from_secs(30), lines.next_line())
            .await
            .expect("the OpenID provider starts within 30 s")
            .expect("provider output")
            .expect("a ready line");
        let issuer = ready
            .strip_prefix("ready ")
            .unwrap_or_else(|| panic!("unexpected provider output: {ready}"))
            .trim()
            .to_owned();
        Self {
            issuer,
            _child: child,
        }
    }
}

/// A browser: it keeps its cookies and follows redirects.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::limited(10))
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .expect("browser")
}

/// Starts a login and stops on the provider's login page; returns its interaction URL.
pub async fn reach_provider(app: &TestApp, browser: &reqwest::Client) -> String {
    let response = browser
        .get(app.url("/connexion/proconnect"))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 200);
    let url = response.url().to_string();
    let issuer = &app.provider.as_ref().expect("a provider").issuer;
    assert!(
        url.starts_with(&format!("{issuer}/interaction/")),
        "at the provider's login page: {url}"
    );
    url
}

/// Logs in at the provider as `email` (it derives the names from the address); returns the
/// final response, after all redirects.
pub async fn log_in_as(app: &TestApp, browser: &reqwest::Client, email: &str) -> reqwest::Response {
    let interaction = reach_provider(app, browser).await;
    browser
        .get(format!("{interaction}/login"))
        .query(&[("email", email)])
        .send()
        .await
        .expect("request")
}
