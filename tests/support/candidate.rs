//! A candidate's browser on the portal's public forms: its cookies, the form's CSRF token
//! (renewed from each page shown, as a browser would), multipart and plain forms.

use metiers::entities::outbox;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{TestApp, html};

/// A minimal PDF.
pub const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A browser on one of the portal's public forms: its cookies, and the form's CSRF token.
pub struct Candidate {
    pub client: reqwest::Client,
    pub csrf: String,
}

impl Candidate {
    pub async fn opens(app: &TestApp, path: &str) -> Self {
        let client = reqwest::Client::builder()
            .user_agent(super::BROWSER)
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let page = client.get(app.url(path)).send().await.unwrap();
        assert_eq!(page.status(), 200);
        assert_eq!(page.headers()["cache-control"], "no-store");
        let body = page.text().await.unwrap();
        let csrf = csrf_of(&body).expect("the form carries its CSRF token");
        Self { client, csrf }
    }

    /// Sends the form with `fields` and a file named `cv.pdf` holding `cv`; a form shown
    /// again brings its new token, which the next sending uses, as a browser would.
    pub async fn sends(
        &mut self,
        app: &TestApp,
        path: &str,
        fields: &[(&str, &str)],
        cv: &[u8],
    ) -> (u16, String) {
        let mut form = reqwest::multipart::Form::new().text("csrf", self.csrf.clone());
        for (name, value) in fields {
            form = form.text(name.to_string(), value.to_string());
        }
        let file = reqwest::multipart::Part::bytes(cv.to_vec())
            .file_name("cv.pdf")
            .mime_str("application/pdf")
            .unwrap();
        let response = self
            .client
            .post(app.url(path))
            .multipart(form.part("file", file))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let body = response.text().await.unwrap();
        if let Some(csrf) = csrf_of(&body) {
            self.csrf = csrf;
        }
        (status, body)
    }
}

/// The CSRF token of the form on page `body`, if it shows one.
pub fn csrf_of(body: &str) -> Option<String> {
    html(body)
        .select(&scraper::Selector::parse("input[name=csrf]").unwrap())
        .next()
        .and_then(|input| input.value().attr("value").map(str::to_owned))
}

impl Candidate {
    /// Posts a plain form (a button) with `fields` and the token.
    pub async fn posts(
        &mut self,
        app: &TestApp,
        path: &str,
        fields: &[(&str, &str)],
    ) -> (u16, String) {
        let mut form: Vec<(&str, &str)> = vec![("csrf", self.csrf.as_str())];
        form.extend_from_slice(fields);
        let response = self
            .client
            .post(app.url(path))
            .form(&form)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .map(|value| value.to_str().unwrap().to_owned());
        let body = response.text().await.unwrap();
        if let Some(csrf) = csrf_of(&body) {
            self.csrf = csrf;
        }
        (status, location.unwrap_or(body))
    }

    /// Opens page `path` in this browser; takes the token of the form it shows, if any.
    pub async fn reads(&mut self, app: &TestApp, path: &str) -> (u16, String) {
        let response = self.client.get(app.url(path)).send().await.unwrap();
        let status = response.status().as_u16();
        let body = response.text().await.unwrap();
        if let Some(csrf) = csrf_of(&body) {
            self.csrf = csrf;
        }
        (status, body)
    }
}

/// The newest email of `kind` to `to` in the outbox.
pub async fn last_email(app: &TestApp, kind: &str, to: &str) -> Option<outbox::Model> {
    outbox::Entity::find()
        .filter(outbox::Column::Kind.eq(kind))
        .filter(outbox::Column::Recipient.eq(to))
        .order_by_desc(outbox::Column::Id)
        .one(&app.state.db)
        .await
        .unwrap()
}

/// The site path of the first link in `text` whose path starts with `prefix`.
pub fn link_in(text: &str, prefix: &str) -> String {
    let start = text
        .find(prefix)
        .unwrap_or_else(|| panic!("a link to {prefix}"));
    let rest = &text[start..];
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    rest[..end].to_owned()
}

/// What a mail client does with a `List-Unsubscribe-Post` header (RFC 8058): a POST of
/// `List-Unsubscribe=One-Click` to the address `url` (absolute, from an email), without any
/// cookie. Returns the status.
pub async fn one_click(app: &TestApp, url: &str) -> u16 {
    let path = &url[url.find("/alertes/").expect("an alert's address")..];
    reqwest::Client::new()
        .post(app.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}
