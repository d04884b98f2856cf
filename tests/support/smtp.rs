//! A real SMTP server (`tests/smtp/server.mjs`: nodemailer's `smtp-server`, messages parsed
//! with `mailparser`, on Node.js), started on loopback for one test. Plain SMTP, no TLS, no
//! authentication needed; its HTTP control API lists what it received and simulates outages.
#![allow(dead_code)]

use std::{
    path::{Path, PathBuf},
    process::Stdio,
    time::{Duration, Instant},
};

use serde::Deserialize;
use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::{Child, Command},
};

/// One message the server received, in the order received.
#[derive(Clone, Debug, Deserialize)]
pub struct ReceivedMail {
    /// The envelope sender (`MAIL FROM`), empty for the null sender.
    pub from: String,
    /// The envelope recipients (`RCPT TO`), Bcc included, in order.
    pub to: Vec<String>,
    /// The decoded `Subject` header, empty when there is none.
    pub subject: String,
    /// The text part (mailparser's `text`), line ends as `\n`; empty when there is none.
    pub text: String,
    /// The HTML part, when there is one.
    pub html: Option<String>,
    /// Every header, by lowercased name: its value unfolded with encoded words decoded (a
    /// string), or an array of strings when the header appears more than once.
    pub headers: serde_json::Map<String, serde_json::Value>,
    /// The message as it came over the wire (RFC 5322 source, CRLF line ends, dots unstuffed).
    pub raw: String,
}

impl ReceivedMail {
    /// The value of header `name` (any case); the first one when it appears more than once.
    pub fn header(&self, name: &str) -> Option<&str> {
        match self.headers.get(&name.to_ascii_lowercase())? {
            serde_json::Value::String(value) => Some(value),
            serde_json::Value::Array(values) => values.first()?.as_str(),
            _ => None,
        }
    }
}

/// The first line the server prints.
#[derive(Deserialize)]
struct Ready {
    smtp_port: u16,
    http_port: u16,
}

pub struct SmtpServer {
    /// The SMTP port on 127.0.0.1.
    pub port: u16,
    /// Base URL of the control API.
    http: String,
    client: reqwest::Client,
    /// The server process; it stops when this is dropped (and when its stdin closes).
    _child: Child,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp")
}

/// Installs the server's npm packages once (`npm ci`), when they are missing. A lock file
/// keeps concurrent test processes from installing at the same time.
fn install_packages() {
    let root = root();
    let installed = || {
        ["smtp-server", "mailparser"]
            .iter()
            .all(|name| root.join("node_modules").join(name).is_dir())
    };
    if installed() {
        return;
    }
    let lock_path = std::env::temp_dir().join("metiers-tests-smtp-npm-ci.lock");
    let lock = std::fs::File::create(&lock_path).expect("npm ci lock file");
    lock.lock().expect("lock for npm ci");
    if !installed() {
        let status = std::process::Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--prefix"])
            .arg(&root)
            .status()
            .expect("npm must be installed");
        assert!(status.success(), "npm ci in tests/smtp failed");
    }
}

impl SmtpServer {
    /// Starts a server on free loopback ports, with no message.
    pub async fn start() -> Self {
        tokio::task::spawn_blocking(install_packages)
            .await
            .expect("npm ci task");
        let mut child = Command::new("node")
            .arg(root().join("server.mjs"))
            .args(["--smtp-port", "0", "--http-port", "0"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .expect("node must be installed");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut lines = BufReader::new(stdout).lines();
        let line = tokio::time::timeout(Duration::from_secs(30), lines.next_line())
            .await
            .expect("the SMTP server starts within 30 s")
            .expect("SMTP server output")
            .expect("a ready line from the SMTP server");
        let ready: Ready = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("unexpected SMTP server output {line:?}: {e}"));
        let client = reqwest::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(10))
            .build()
            .expect("HTTP client");
        Self {
            port: ready.smtp_port,
            http: format!("http://127.0.0.1:{}", ready.http_port),
            client,
            _child: child,
        }
    }

    /// The URL an application sends mail through: `smtp://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message received so far, in order.
    pub async fn messages(&self) -> Vec<ReceivedMail> {
        let response = self
            .client
            .get(format!("{}/messages", self.http))
            .send()
            .await
            .expect("GET /messages of the SMTP server");
        assert_eq!(response.status(), 200, "GET /messages of the SMTP server");
        response.json().await.expect("messages as JSON")
    }

    /// Waits (up to 10 s) until at least `count` messages arrived; returns all of them.
    pub async fn wait_for(&self, count: usize) -> Vec<ReceivedMail> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let messages = self.messages().await;
            if messages.len() >= count {
                return messages;
            }
            if Instant::now() >= deadline {
                let subjects: Vec<&str> = messages.iter().map(|m| m.subject.as_str()).collect();
                panic!(
                    "expected {count} message(s) at the test SMTP server within 10 s, got {}: {subjects:?}",
                    messages.len()
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Forgets the messages received so far.
    pub async fn clear(&self) {
        self.control(reqwest::Method::DELETE, "/messages").await;
    }

    /// Stops accepting SMTP: connections to [`Self::port`] are refused and open ones are cut
    /// (421), until [`Self::up`].
    pub async fn down(&self) {
        self.control(reqwest::Method::POST, "/down").await;
    }

    /// Accepts SMTP again, on the same port.
    pub async fn up(&self) {
        self.control(reqwest::Method::POST, "/up").await;
    }

    async fn control(&self, method: reqwest::Method, path: &str) {
        let response = self
            .client
            .request(method.clone(), format!("{}{path}", self.http))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{method} {path} of the SMTP server: {e}"));
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        assert_eq!(status, 200, "{method} {path} of the SMTP server: {body}");
    }
}
