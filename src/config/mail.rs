//! The `mail` section: how emails leave, and whom they are from.

use super::sources::{Setting, Sources};
use crate::error::AppError;

#[derive(Clone, Debug)]
pub struct MailConfig {
    /// How emails leave: files under the data folder (default), the log, or SMTP.
    pub transport: MailTransport,
    /// The `From` of every email.
    pub from: String,
}

/// Where the email outbox sends its emails.
#[derive(Clone, Debug, PartialEq)]
pub enum MailTransport {
    /// One `.eml` file per email under `DATA_DIR/mail` (the default: a demo needs no server).
    Files,
    /// The log (`tracing`), at info level.
    Log,
    /// An SMTP server: `smtp://host:port` (no TLS), `smtp://user:pass@host:587?tls=required`
    /// (STARTTLS) or `smtps://user:pass@host:465`.
    Smtp(String),
}

impl MailConfig {
    pub(super) fn from_sources(sources: &Sources) -> Result<Self, AppError> {
        let file = &sources.file;
        // An SMTP URL alone is enough to choose SMTP.
        let transport = match (
            sources.pick("mail_transport", &file.mail_transport),
            sources.pick("smtp_url", &file.smtp_url),
        ) {
            (None, None) => MailTransport::Files,
            (None, Some(url)) => smtp(url)?,
            (Some(name), _) if name.value == "files" => MailTransport::Files,
            (Some(name), _) if name.value == "log" => MailTransport::Log,
            (Some(name), Some(url)) if name.value == "smtp" => smtp(url)?,
            (Some(name), None) if name.value == "smtp" => {
                return Err(name.invalid("smtp needs METIERS_SMTP_URL"));
            }
            (Some(name), _) => {
                return Err(name.invalid(format!("'{}' is not files, log or smtp", name.value)));
            }
        };
        Ok(Self {
            transport,
            from: sources.text_or(
                "mail_from",
                &file.mail_from,
                "Métiers du Numérique <ne-pas-repondre@metiers.numerique.gouv.fr>",
            ),
        })
    }
}

fn smtp(url: Setting) -> Result<MailTransport, AppError> {
    if url.value.starts_with("smtp://") || url.value.starts_with("smtps://") {
        Ok(MailTransport::Smtp(url.value))
    } else {
        Err(url.invalid(format!("'{}' is not an smtp:// or smtps:// URL", url.value)))
    }
}
