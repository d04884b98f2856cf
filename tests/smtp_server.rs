//! The test SMTP server (`tests/smtp`, driven by `crate::support::smtp`) on its own, spoken to over a
//! raw socket: what it stores, and its outage switch. Independent of the application.

use std::time::Duration;

use crate::support::smtp::SmtpServer;
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::TcpStream,
};

/// A bare SMTP client: one command, one (possibly multi-line) reply.
struct Dialogue {
    reader: BufReader<TcpStream>,
}

impl Dialogue {
    async fn connect(port: u16) -> std::io::Result<Self> {
        let stream = TcpStream::connect(("127.0.0.1", port)).await?;
        Ok(Self {
            reader: BufReader::new(stream),
        })
    }

    /// Reads one reply (`CODE-text` lines, then `CODE text`); returns its code and lines.
    async fn reply(&mut self) -> (u16, Vec<String>) {
        let mut lines = Vec::new();
        loop {
            let mut line = String::new();
            let read =
                tokio::time::timeout(Duration::from_secs(10), self.reader.read_line(&mut line))
                    .await
                    .expect("an SMTP reply within 10 s")
                    .expect("read an SMTP reply");
            assert!(read > 0, "connection closed before a reply; got {lines:?}");
            let line = line.trim_end_matches(['\r', '\n']).to_owned();
            let last = line.len() == 3 || line.as_bytes().get(3) == Some(&b' ');
            lines.push(line);
            if last {
                break;
            }
        }
        let code = lines
            .last()
            .and_then(|l| l.get(..3))
            .and_then(|c| c.parse().ok())
            .unwrap_or_else(|| panic!("malformed SMTP reply {lines:?}"));
        (code, lines)
    }

    async fn command(&mut self, command: &str) -> (u16, Vec<String>) {
        self.reader
            .get_mut()
            .write_all(format!("{command}\r\n").as_bytes())
            .await
            .expect("write an SMTP command");
        self.reply().await
    }

    /// Expects `expected` as the reply to `command`.
    async fn expect(&mut self, command: &str, expected: u16) -> Vec<String> {
        let (code, lines) = self.command(command).await;
        assert_eq!(code, expected, "reply to {command:?}: {lines:?}");
        lines
    }
}

/// Sends one message over a full dialogue (EHLO … QUIT); `data` uses CRLF line ends.
async fn send(port: u16, from: &str, to: &[&str], data: &str) {
    let mut smtp = Dialogue::connect(port).await.expect("connect to SMTP");
    let (code, greeting) = smtp.reply().await;
    assert_eq!(code, 220, "greeting: {greeting:?}");
    let ehlo = smtp.expect("EHLO client.localhost", 250).await;
    assert!(
        !ehlo.iter().any(|l| l.contains("STARTTLS")),
        "no STARTTLS offered: {ehlo:?}"
    );
    smtp.expect(&format!("MAIL FROM:<{from}>"), 250).await;
    for rcpt in to {
        smtp.expect(&format!("RCPT TO:<{rcpt}>"), 250).await;
    }
    smtp.expect("DATA", 354).await;
    // Dot-stuffing, then the terminating "." line.
    let mut body = String::new();
    for line in data.split_terminator("\r\n") {
        if line.starts_with('.') {
            body.push('.');
        }
        body.push_str(line);
        body.push_str("\r\n");
    }
    body.push('.');
    smtp.expect(&body, 250).await;
    smtp.expect("QUIT", 221).await;
}

const BOUNDARY: &str = "test-boundary-7f3a";

fn multipart_message() -> String {
    [
        "From: =?UTF-8?Q?M=C3=A9tiers_du_Num=C3=A9rique?= <no-reply@metiers.test>",
        "To: Marie Curie <marie.curie@numerique.gouv.fr>",
        "Subject: =?UTF-8?B?Vm90cmUgbGllbiBkZSBjb25uZXhpb24=?=",
        "Message-ID: <smtp-server-test-1@metiers.test>",
        "MIME-Version: 1.0",
        &format!("Content-Type: multipart/alternative; boundary=\"{BOUNDARY}\""),
        "",
        &format!("--{BOUNDARY}"),
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
        "",
        "Bonjour Marie, voici votre lien : http://127.0.0.1/connexion/lien?jeton=abc",
        ".Cette ligne commence par un point.",
        "",
        &format!("--{BOUNDARY}"),
        "Content-Type: text/html; charset=utf-8",
        "",
        "<p>Bonjour Marie, <a href=\"http://127.0.0.1/connexion/lien?jeton=abc\">votre lien</a></p>",
        "",
        &format!("--{BOUNDARY}--"),
        "",
    ]
    .join("\r\n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stores_messages_and_goes_down_and_up() {
    let server = SmtpServer::start().await;
    assert_eq!(server.url(), format!("smtp://127.0.0.1:{}", server.port));
    assert!(server.messages().await.is_empty(), "no message at start");

    send(
        server.port,
        "no-reply@metiers.test",
        &["marie.curie@numerique.gouv.fr", "archive@metiers.test"],
        &multipart_message(),
    )
    .await;
    let messages = server.wait_for(1).await;
    assert_eq!(messages.len(), 1);
    let mail = &messages[0];
    assert_eq!(mail.from, "no-reply@metiers.test");
    assert_eq!(
        mail.to,
        ["marie.curie@numerique.gouv.fr", "archive@metiers.test"]
    );
    assert_eq!(mail.subject, "Votre lien de connexion");
    assert!(
        mail.text
            .contains("Bonjour Marie, voici votre lien : http://127.0.0.1/connexion/lien?jeton=abc\n.Cette ligne commence par un point."),
        "text part, dots unstuffed: {:?}",
        mail.text
    );
    let html = mail.html.as_deref().expect("an HTML part");
    assert!(
        html.contains("<a href=\"http://127.0.0.1/connexion/lien?jeton=abc\">votre lien</a>"),
        "HTML part: {html}"
    );
    assert_eq!(
        mail.header("From"),
        Some("Métiers du Numérique <no-reply@metiers.test>")
    );
    assert_eq!(
        mail.header("message-id"),
        Some("<smtp-server-test-1@metiers.test>")
    );
    assert_eq!(
        mail.header("Content-Type"),
        Some(format!("multipart/alternative; boundary=\"{BOUNDARY}\"").as_str())
    );
    assert!(
        mail.raw
            .starts_with("From: =?UTF-8?Q?M=C3=A9tiers_du_Num=C3=A9rique?=")
            && mail.raw.contains(&format!("\r\n--{BOUNDARY}--\r\n")),
        "raw source: {}",
        mail.raw
    );

    // Down: the port refuses connections; what was received is still there.
    server.down().await;
    let refused = TcpStream::connect(("127.0.0.1", server.port))
        .await
        .expect_err("no SMTP connection while down");
    assert_eq!(refused.kind(), std::io::ErrorKind::ConnectionRefused);
    assert_eq!(server.messages().await.len(), 1);

    // Up again, on the same port.
    server.up().await;
    send(
        server.port,
        "",
        &["jean.moulin@interieur.gouv.fr"],
        "From: no-reply@metiers.test\r\nTo: jean.moulin@interieur.gouv.fr\r\nSubject: Encore\r\n\r\nRien que du texte.\r\n",
    )
    .await;
    let messages = server.wait_for(2).await;
    assert_eq!(messages.len(), 2);
    let second = &messages[1];
    assert_eq!(second.from, "", "the null sender");
    assert_eq!(second.to, ["jean.moulin@interieur.gouv.fr"]);
    assert_eq!(second.subject, "Encore");
    assert_eq!(second.text, "Rien que du texte.\n");
    assert_eq!(second.html, None);

    server.clear().await;
    assert!(server.messages().await.is_empty(), "messages forgotten");
}
