//! Emails that are never lost: an email is written to the outbox in the same transaction as
//! the change that causes it, then a worker sends what is due, oldest first, and retries with
//! a growing delay while the server is down. An email is marked sent as soon as the server
//! took it, so it is not sent again.
//!
//! Texts come from `locales/*/mail.ftl` (`mail-KIND-subject`, `mail-KIND-body`): French first,
//! then English, in one email, since the recipient's language is not known. The default theme's
//! `mail/body.txt` and `mail/body.html` lay them out.

use std::{path::PathBuf, time::Duration};

use chrono::{DateTime, Utc};
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{
        Attachment, Mailbox, MultiPart, SinglePart,
        header::{ContentType, Header, HeaderName, HeaderValue},
    },
};
use minijinja::context;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, sea_query::Expr,
};
use serde::Serialize;
use tokio::sync::Notify;

use crate::{
    config::{MailConfig, MailTransport},
    entities::outbox,
    error::{AppError, AppResult},
    i18n::{Arg, I18n, Lang},
    render::Renderer,
};

/// `List-Unsubscribe: <URL>` (RFC 2369), which lettre does not know by name.
#[derive(Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(value: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(value.to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): the address above takes a
/// POST with that body, and mail clients may send it without asking.
#[derive(Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_owned())
    }
}

/// How many emails one round of the worker sends at most.
const BATCH: u64 = 50;
/// How long the worker sleeps when nothing wakes it.
const POLL: Duration = Duration::from_secs(10);

/// The kinds of email, each with `mail-KIND-subject` and `mail-KIND-body` messages.
pub const KINDS: [&str; 18] = [
    "invitation",
    "login_link",
    "review",
    "review_digest",
    "expiry_reminder",
    "application_received",
    "application_unchanged",
    "application_new",
    "application_hired",
    "application_not_retained",
    "talent_confirm",
    "talent_exists",
    "talent_renew",
    "talent_contact",
    "alert_confirm",
    "alert_digest",
    "data_request",
    "data_export",
];

/// What composing an email needs besides its own facts: the messages, the templates, and the
/// site's address for links.
pub struct Letterhead<'a> {
    pub i18n: &'a I18n,
    pub renderer: &'a Renderer,
    pub base_url: &'a str,
}

impl Letterhead<'_> {
    /// The page where a candidate asks for their data or its erasure, which every email to a
    /// candidate links to.
    pub fn privacy_link(&self) -> String {
        format!("{}/donnees-personnelles", self.base_url)
    }
}

/// An email ready for the outbox.
#[derive(Clone, Debug)]
pub struct Mail {
    pub kind: &'static str,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub extras: Extras,
}

/// What some emails carry besides their bodies.
#[derive(Clone, Debug, Default)]
pub struct Extras {
    /// Where answers go (a recruiter writing to a talent), instead of the site's address.
    pub reply_to: Option<String>,
    /// The one-click unsubscribe address, sent as `List-Unsubscribe` with
    /// `List-Unsubscribe-Post` (RFC 8058): a POST there ends the subscription.
    pub unsubscribe_url: Option<String>,
    /// One attached file: its name and its JSON text.
    pub attachment: Option<(String, String)>,
}

impl Mail {
    /// This email, answered to `address`.
    pub fn reply_to(mut self, address: &str) -> Self {
        self.extras.reply_to = Some(address.to_owned());
        self
    }

    /// This email, with the one-click unsubscribe address `url`.
    pub fn unsubscribe(mut self, url: String) -> Self {
        self.extras.unsubscribe_url = Some(url);
        self
    }

    /// This email, with JSON file `name` holding `json` attached.
    pub fn attach(mut self, name: &str, json: String) -> Self {
        self.extras.attachment = Some((name.to_owned(), json));
        self
    }
}

/// Composes email `kind` to `to`: its messages with `args` (text), the subject in French, the
/// bodies in both languages laid out by the templates `mail/body.txt` and `mail/body.html`.
pub fn compose(
    letterhead: &Letterhead,
    kind: &'static str,
    to: &str,
    args: &[(&str, String)],
) -> AppResult<Mail> {
    let site = format!("{}/", letterhead.base_url.trim_end_matches('/'));
    let args: Vec<(&str, Arg)> = args
        .iter()
        .map(|(name, value)| (*name, Arg::Text(unlinked(value, &site))))
        .collect();
    let message = |lang: Lang, part: &str| {
        letterhead
            .i18n
            .message(lang, &format!("mail-{kind}-{part}"), &args)
    };
    let body = |lang: Lang| {
        // A part left out (an optional line) leaves no empty paragraph.
        let text = message(lang, "body")
            .split("\n\n")
            .filter(|paragraph| !paragraph.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n\n");
        context! { paragraphs => paragraphs(&text, &site), text }
    };
    let context = context! { fr => body(Lang::Fr), en => body(Lang::En) };
    let renderer = letterhead.renderer;
    Ok(Mail {
        kind,
        to: to.to_owned(),
        subject: message(Lang::Fr, "subject"),
        text: renderer.render_document("mail/body.txt", context.clone())?,
        html: renderer.render_document("mail/body.html", context)?,
        extras: Extras::default(),
    })
}

/// `value` with every web address that is not the site's broken by an invisible space, so
/// that mail clients show it as text instead of making it a link (an editor's title is no
/// place for a link to another site).
fn unlinked(value: &str, site: &str) -> String {
    value
        .split(' ')
        .map(|word| {
            if word.starts_with(site) {
                word.to_owned()
            } else {
                word.replace("://", ":\u{200B}//")
                    .replace("www.", "www\u{200B}.")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word of an email's HTML body.
#[derive(Serialize)]
struct Word<'a> {
    text: &'a str,
    link: bool,
}

/// Text as the HTML template takes it: paragraphs of lines of words, where the addresses of
/// the site (its root, `site`) are links. Any other address (one an editor wrote in a title,
/// say) stays text: an email from the site links only to the site.
fn paragraphs<'a>(text: &'a str, site: &str) -> Vec<Vec<Vec<Word<'a>>>> {
    let word = |text: &'a str| Word {
        text,
        link: text.starts_with(site),
    };
    text.split("\n\n")
        .map(|paragraph| {
            let lines = paragraph.lines();
            lines
                .map(|line| line.split(' ').map(word).collect())
                .collect()
        })
        .collect()
}

/// Writes `mail` to the outbox; call it in the transaction of the change that causes it.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    mail: &Mail,
    now: DateTime<Utc>,
) -> AppResult<outbox::Model> {
    enqueue_at(db, mail, now, now).await
}

/// Writes `mail` to the outbox, to leave at `at`.
async fn enqueue_at(
    db: &impl ConnectionTrait,
    mail: &Mail,
    now: DateTime<Utc>,
    at: DateTime<Utc>,
) -> AppResult<outbox::Model> {
    Ok(outbox::ActiveModel {
        kind: Set(mail.kind.to_owned()),
        recipient: Set(mail.to.clone()),
        subject: Set(mail.subject.clone()),
        text_body: Set(mail.text.clone()),
        html_body: Set(mail.html.clone()),
        created_at: Set(now),
        attempts: Set(0),
        next_attempt_at: Set(at),
        sent_at: Set(None),
        last_error: Set(None),
        reply_to: Set(mail.extras.reply_to.clone()),
        unsubscribe_url: Set(mail.extras.unsubscribe_url.clone()),
        attachment_name: Set(mail
            .extras
            .attachment
            .as_ref()
            .map(|(name, _)| name.clone())),
        attachment: Set(mail
            .extras
            .attachment
            .as_ref()
            .map(|(_, json)| json.clone())),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// Writes `mail` as the digest of its kind to its recipient: it replaces the text of the one
/// planned and not yet due, or is planned to leave after `delay`. Call it in the transaction
/// of the change that causes it.
pub async fn enqueue_digest(
    db: &impl ConnectionTrait,
    mail: &Mail,
    now: DateTime<Utc>,
    delay: chrono::Duration,
) -> AppResult<()> {
    // A planned digest that is not yet due cannot have been read by a worker.
    let replaced = outbox::Entity::update_many()
        .col_expr(outbox::Column::Subject, Expr::value(mail.subject.clone()))
        .col_expr(outbox::Column::TextBody, Expr::value(mail.text.clone()))
        .col_expr(outbox::Column::HtmlBody, Expr::value(mail.html.clone()))
        .filter(outbox::Column::Kind.eq(mail.kind))
        .filter(outbox::Column::Recipient.eq(mail.to.as_str()))
        .filter(outbox::Column::SentAt.is_null())
        .filter(outbox::Column::Attempts.eq(0))
        .filter(outbox::Column::NextAttemptAt.gt(now))
        .exec(db)
        .await?;
    if replaced.rows_affected == 0 {
        enqueue_at(db, mail, now, now + delay).await?;
    }
    Ok(())
}

/// The newest emails, newest first, and how many wait after a failure (DINUM admins).
pub async fn recent(
    db: &impl ConnectionTrait,
    _scope: &crate::accounts::AdminScope,
    limit: u64,
) -> AppResult<(Vec<outbox::Model>, u64)> {
    use sea_orm::PaginatorTrait;
    let emails = outbox::Entity::find()
        .order_by_desc(outbox::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let failing = outbox::Entity::find()
        .filter(outbox::Column::SentAt.is_null())
        .filter(outbox::Column::LastError.is_not_null())
        .count(db)
        .await?;
    Ok((emails, failing))
}

/// The delay before attempt `attempts + 1`: 30 s, doubling, at most an hour.
fn backoff(attempts: i32) -> chrono::Duration {
    let seconds = 30i64 << attempts.clamp(0, 7);
    chrono::Duration::seconds(seconds.min(3600))
}

/// How long a worker holds an email it is sending before another may try it.
const CLAIM: chrono::Duration = chrono::Duration::minutes(5);

/// Takes email `row` for this worker: another worker that read it too finds it taken. An
/// email whose worker died mid-send is tried again after [`CLAIM`].
async fn claim(
    db: &impl ConnectionTrait,
    row: &outbox::Model,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let taken = outbox::Entity::update_many()
        .col_expr(outbox::Column::NextAttemptAt, Expr::value(now + CLAIM))
        .filter(outbox::Column::Id.eq(row.id))
        .filter(outbox::Column::SentAt.is_null())
        .filter(outbox::Column::NextAttemptAt.eq(row.next_attempt_at))
        .exec(db)
        .await?;
    Ok(taken.rows_affected == 1)
}

enum Transport {
    Files(PathBuf),
    Log,
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

/// Sends the outbox's emails through the configured transport.
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    wake: Notify,
}

impl Mailer {
    /// A mailer for the `mail` settings; the file transport writes under `data_dir/mail`.
    pub fn new(mail: &MailConfig, data_dir: &std::path::Path) -> AppResult<Self> {
        let from = mail.from.parse().map_err(|e| AppError::Config {
            key: "METIERS_MAIL_FROM".into(),
            message: format!("'{}': {e}", mail.from),
        })?;
        let transport = match &mail.transport {
            MailTransport::Files => Transport::Files(data_dir.join("mail")),
            MailTransport::Log => Transport::Log,
            MailTransport::Smtp(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| AppError::Config {
                        key: "METIERS_SMTP_URL".into(),
                        message: e.to_string(),
                    })?
                    .timeout(Some(Duration::from_secs(20)))
                    .build(),
            ),
        };
        Ok(Self {
            transport,
            from,
            wake: Notify::new(),
        })
    }

    /// Asks the worker to look at the outbox now (after a change that wrote an email).
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    fn message(&self, row: &outbox::Model) -> Result<Message, String> {
        let to: Mailbox = row
            .recipient
            .parse()
            .map_err(|e| format!("recipient: {e}"))?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(row.subject.clone());
        if let Some(reply_to) = &row.reply_to {
            let reply_to: Mailbox = reply_to.parse().map_err(|e| format!("reply-to: {e}"))?;
            builder = builder.reply_to(reply_to);
        }
        if let Some(url) = &row.unsubscribe_url {
            builder = builder
                .header(ListUnsubscribe(format!("<{url}>")))
                .header(ListUnsubscribePost);
        }
        let bodies = MultiPart::alternative()
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .body(row.text_body.clone()),
            )
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_HTML)
                    .body(row.html_body.clone()),
            );
        let message = match (&row.attachment_name, &row.attachment) {
            (Some(name), Some(json)) => {
                let json_type = ContentType::parse("application/json; charset=utf-8")
                    .map_err(|e| e.to_string())?;
                let file = Attachment::new(name.clone()).body(json.clone(), json_type);
                builder.multipart(MultiPart::mixed().multipart(bodies).singlepart(file))
            }
            _ => builder.multipart(bodies),
        };
        message.map_err(|e| e.to_string())
    }

    async fn send(&self, row: &outbox::Model) -> Result<(), String> {
        let message = self.message(row)?;
        match &self.transport {
            Transport::Files(dir) => {
                tokio::fs::create_dir_all(dir)
                    .await
                    .map_err(|e| e.to_string())?;
                let path = dir.join(format!("{:06}-{}.eml", row.id, row.kind));
                tokio::fs::write(path, message.formatted())
                    .await
                    .map_err(|e| e.to_string())
            }
            Transport::Log => {
                // Only what the email is: its recipient and text are personal data.
                tracing::info!(id = row.id, kind = %row.kind, "email (log transport, not sent)");
                Ok(())
            }
            Transport::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string()),
        }
    }

    /// Sends the emails that are due, oldest first; returns how many left. A failure puts
    /// the email back with a later attempt and its error, visible in the outbox.
    pub async fn deliver_due(
        &self,
        db: &impl ConnectionTrait,
        now: DateTime<Utc>,
    ) -> AppResult<usize> {
        let due = outbox::Entity::find()
            .filter(outbox::Column::SentAt.is_null())
            .filter(outbox::Column::NextAttemptAt.lte(now))
            .order_by_asc(outbox::Column::Id)
            .limit(BATCH)
            .all(db)
            .await?;
        let mut sent = 0;
        for row in due {
            if !claim(db, &row, now).await? {
                continue;
            }
            let result = self.send(&row).await;
            let mut active: outbox::ActiveModel = row.clone().into();
            active.attempts = Set(row.attempts + 1);
            active.next_attempt_at = Set(now);
            match result {
                Ok(()) => {
                    active.sent_at = Set(Some(now));
                    active.last_error = Set(None);
                    sent += 1;
                }
                Err(error) => {
                    tracing::warn!(id = row.id, kind = %row.kind, %error, "email not sent, will retry");
                    active.next_attempt_at = Set(now + backoff(row.attempts));
                    active.last_error = Set(Some(error));
                }
            }
            active.update(db).await?;
        }
        Ok(sent)
    }

    /// Sends due emails until the process ends: at every wake-up, else every few seconds.
    pub async fn run(state: crate::app::SharedState) {
        loop {
            if let Err(error) = state.mailer.deliver_due(&state.db, state.now()).await {
                tracing::error!(%error, "the email outbox could not be read");
            }
            tokio::select! {
                _ = state.mailer.wake.notified() => {},
                _ = tokio::time::sleep(POLL) => {},
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_and_longer() {
        assert_eq!(backoff(0).num_seconds(), 30);
        assert_eq!(backoff(1).num_seconds(), 60);
        assert_eq!(backoff(20).num_seconds(), 3600);
    }

    #[test]
    fn other_sites_addresses_are_not_links() {
        let site = "https://metiers.numerique.gouv.fr/";
        assert_eq!(
            unlinked("Urgent https://evil.example/x www.evil.example", site),
            "Urgent https:\u{200B}//evil.example/x www\u{200B}.evil.example"
        );
        let own = "https://metiers.numerique.gouv.fr/admin/offres/1";
        assert_eq!(unlinked(own, site), own);
    }

    #[test]
    fn html_bodies_escape_text_and_link_only_the_site() {
        let i18n = std::sync::Arc::new(I18n::load().unwrap());
        let renderer = Renderer::new(None, i18n.clone()).unwrap();
        let letterhead = Letterhead {
            i18n: &i18n,
            renderer: &renderer,
            base_url: "https://example.org",
        };
        let args = [
            ("title", "<b> https://evil.example/x".to_owned()),
            ("decision", "published".to_owned()),
            ("has_comment", "yes".to_owned()),
            ("comment", "Bien.\nMerci".to_owned()),
            ("link", "https://example.org/a?b=1&c=2".to_owned()),
        ];
        let mail = compose(&letterhead, "review", "a@example.org", &args).unwrap();
        let html = &mail.html;
        assert!(html.contains("<p>Bonjour,</p>\n"), "{html}");
        assert!(
            html.contains("« &lt;b&gt; https:\u{200B}//evil.example/x »"),
            "{html}"
        );
        assert!(html.contains("Bien.<br>\nMerci</p>"), "{html}");
        assert!(
            html.contains("<a href=\"https://example.org/a?b=1&amp;c=2\">"),
            "{html}"
        );
        assert_eq!(html.matches("<a ").count(), 2, "{html}");
        assert!(
            mail.text.contains("\n\n-- English --\n\nHello,"),
            "{}",
            mail.text
        );
    }
}
