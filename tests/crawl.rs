//! Every page reachable by a visitor, an editor, a manager and a DINUM admin, in French and in
//! English, crawled from the home page and from the back-office: no link, image, style sheet
//! or script leads to an error, and one page of each kind is no wider than the window on a
//! desktop (1 280 px, sideways-scrolling boxes included) and on a phone (375 px).

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::path::Path;

use crate::accessibility::demo_app;
use crate::support::{TestApp, attributes};

/// Pages of one kind (same route, same query keys) read for links at most; the others are
/// only asked for (a dead one still shows). Keeps filter and pagination combinations from
/// multiplying the crawl.
const PAGES_PER_KIND: usize = 12;

/// What a crawl found.
#[derive(Default)]
struct Crawl {
    /// Every address reached, with the page it was first linked from.
    reached: HashMap<String, String>,
    /// Pages read for links, per kind.
    per_kind: HashMap<String, usize>,
    /// One crawled page of each kind, for the browser's measurements.
    kinds: BTreeSet<String>,
    representatives: Vec<String>,
    /// "target (status) linked from page" for each link that failed.
    dead: Vec<String>,
}

/// A page's kind: its path with ids and slugs as `*`, and its query's keys.
fn kind_of(address: &str) -> String {
    let (path, query) = address.split_once('?').unwrap_or((address, ""));
    let shape: Vec<&str> = path
        .split('/')
        .map(|segment| {
            let generic = segment.len() > 24 || segment.bytes().any(|b| b.is_ascii_digit());
            if generic { "*" } else { segment }
        })
        .collect();
    let mut keys: Vec<&str> = query
        .split('&')
        .filter_map(|pair| pair.split('=').next())
        .filter(|key| !key.is_empty())
        .collect();
    keys.sort_unstable();
    keys.dedup();
    format!("{}?{}", shape.join("/"), keys.join("&"))
}

/// The same-site addresses `body` links to or loads, fragments removed.
fn links_in(body: &str, base_url: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (selector, attribute) in [
        ("a[href]", "href"),
        ("link[href]", "href"),
        ("img[src]", "src"),
        ("script[src]", "src"),
    ] {
        found.extend(attributes(body, selector, attribute));
    }
    found
        .iter()
        .filter_map(|href| same_site(href, base_url))
        .collect()
}

/// The path (and query) of `href` when it leads to this site, its fragment removed.
fn same_site(href: &str, base_url: &str) -> Option<String> {
    let href = href.strip_prefix(base_url).unwrap_or(href);
    let href = href.split('#').next().unwrap_or_default();
    (href.starts_with('/') && !href.starts_with("//")).then(|| href.to_owned())
}

impl Crawl {
    /// Crawls from `starts` with session `cookie` (a visitor when `None`).
    async fn run(app: &TestApp, starts: &[&str], cookie: Option<&str>) -> Self {
        let mut crawl = Crawl::default();
        let mut queue: VecDeque<(String, String)> = starts
            .iter()
            .map(|start| (start.to_string(), "(start)".to_owned()))
            .collect();
        while let Some((address, from)) = queue.pop_front() {
            if crawl.reached.contains_key(&address) {
                continue;
            }
            crawl.reached.insert(address.clone(), from.clone());
            // Every address is asked for; only the first pages of a kind are read for links.
            let response = match cookie {
                Some(cookie) => app.get_with_cookie(&address, cookie).await,
                None => app.get(&address).await,
            };
            let status = response.status().as_u16();
            if status >= 400 {
                crawl
                    .dead
                    .push(format!("{address} ({status}) linked from {from}"));
                continue;
            }
            let kind = kind_of(&address);
            let crawled = crawl.per_kind.entry(kind.clone()).or_default();
            if *crawled >= PAGES_PER_KIND {
                continue;
            }
            *crawled += 1;
            if let Some(location) = response.headers().get("location") {
                let location = location.to_str().unwrap_or_default();
                if let Some(target) = same_site(location, &app.base_url) {
                    queue.push_back((target, address.clone()));
                }
                continue;
            }
            let is_html = response
                .headers()
                .get("content-type")
                .and_then(|value| value.to_str().ok())
                .is_some_and(|value| value.starts_with("text/html"));
            if !is_html {
                continue;
            }
            if crawl.kinds.insert(kind) {
                crawl.representatives.push(address.clone());
            }
            let body = response.text().await.expect("body");
            for target in links_in(&body, &app.base_url) {
                if !crawl.reached.contains_key(&target) {
                    queue.push_back((target, address.clone()));
                }
            }
        }
        crawl
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_of_every_role_has_live_links_and_fits_the_window() {
    let app = demo_app(40).await;
    let domain = metiers::demo::ACCOUNTS_DOMAIN;
    let roles = [
        ("visitor", None),
        ("editor", Some(format!("redaction.interieur@{domain}"))),
        ("manager", Some(format!("responsable.interieur@{domain}"))),
        ("DINUM admin", Some(format!("admin@{domain}"))),
    ];
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/a11y/widths.mjs");
    let mut dead = Vec::new();
    let mut too_wide = Vec::new();
    for (role, email) in roles {
        let cookie = match &email {
            Some(email) => Some(app.demo_login(email).await),
            None => None,
        };
        let starts: &[&str] = match cookie {
            Some(_) => &["/admin", "/en/admin", "/", "/en"],
            None => &["/", "/en", "/connexion", "/en/connexion"],
        };
        let crawl = Crawl::run(&app, starts, cookie.as_deref()).await;
        println!(
            "{role}: {} addresses reached, {} kinds of page",
            crawl.reached.len(),
            crawl.kinds.len()
        );
        assert!(
            crawl.reached.len() > 100,
            "{role}: the crawl reached only {:?}",
            crawl.reached.keys().collect::<Vec<_>>()
        );
        dead.extend(crawl.dead.iter().map(|line| format!("{role}: {line}")));

        let args = [vec![app.base_url.clone()], crawl.representatives].concat();
        let mut command = tokio::process::Command::new("node");
        command.arg(&script).args(&args);
        if let Some(cookie) = &cookie {
            command.env("A11Y_COOKIE", cookie);
        }
        let output = command.output().await.expect("node must be installed");
        let report = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(
            report.contains("pages measured"),
            "{role}: {report}{output:?}"
        );
        too_wide.extend(
            report
                .lines()
                .filter(|line| !line.starts_with("widths:"))
                .map(|line| format!("{role}: {line}")),
        );
    }
    assert!(
        dead.is_empty() && too_wide.is_empty(),
        "dead links:\n{}\n\npages too wide:\n{}",
        dead.join("\n"),
        too_wide.join("\n")
    );
}

/// On a phone, the first offer of the listing and the way to apply on an offer's page are on
/// the first screen: the filters wait behind a button, the apply box has a shortcut.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_shows_results_and_the_apply_action_on_the_first_screen() {
    let app = demo_app(20).await;
    let (_, listing) = app.page("/offres").await;
    let offer = attributes(&listing, ".fr-card__title a", "href").remove(0);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/a11y/first-screen.mjs");
    let output = tokio::process::Command::new("node")
        .arg(&script)
        .arg(&app.base_url)
        .args(["/offres", ".fr-card", "/en/offres", ".fr-card"])
        .args([offer.as_str(), "a[href=\"#offer-apply\"]"])
        .output()
        .await
        .expect("node must be installed");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{report}{output:?}");
    let tops: Vec<&str> = report
        .lines()
        .filter_map(|line| line.rsplit_once("top=").map(|(_, top)| top))
        .collect();
    assert_eq!(tops.len(), 3, "{report}");
    for top in tops {
        let top: u32 = top
            .parse()
            .unwrap_or_else(|_| panic!("not shown: {report}"));
        // 740 px high: at least 100 px of it show on the first screen.
        assert!(top < 640, "below the first screen of a phone:\n{report}");
    }

    // Without the DSFR script the button could not open the filters: they are simply there.
    let output = tokio::process::Command::new("node")
        .arg(&script)
        .arg("--no-js")
        .arg(&app.base_url)
        .args([
            "/offres",
            "#filter-metier",
            "/offres",
            ".portal-filters-toggle",
        ])
        .output()
        .await
        .expect("node must be installed");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        report.contains("#filter-metier top=") && !report.contains("#filter-metier top=none"),
        "{report}"
    );
    assert!(
        report.contains(".portal-filters-toggle top=none"),
        "{report}"
    );
}
