//! Rich text: Markdown written by editors, rendered to HTML and sanitized on the way out.
//!
//! Rendering costs grow faster than the text on deeply nested input, so the domain refuses a
//! text longer than [`MAX_CHARS`] or nested deeper than [`MAX_NESTING`] ([`check`]), and
//! [`to_safe_html`] shows such a text (stored before these limits) as plain escaped text.
//! Each distinct text is rendered once per instance and then served from memory.

use std::{
    collections::HashMap,
    sync::{Arc, LazyLock, Mutex},
};

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use sha2::{Digest, Sha256};

use crate::error::{AppError, AppResult, Reason};

/// The longest rich text a field may hold, in characters.
pub const MAX_CHARS: usize = 20_000;
/// The deepest nesting of quotes and lists a rich text may have.
pub const MAX_NESTING: usize = 12;
/// How much rendered HTML is kept in memory, in bytes.
const RENDERED_MEMORY_BYTES: usize = 32 * 1024 * 1024;

/// Refuses rich text that is too long or too deeply nested to render cheaply.
pub fn check(field: &str, markdown: &str) -> AppResult<()> {
    if markdown.chars().count() > MAX_CHARS {
        return Err(AppError::invalid(field, Reason::TooLong));
    }
    if nesting(markdown) > MAX_NESTING {
        return Err(AppError::invalid(field, Reason::TooDeep));
    }
    Ok(())
}

/// An upper bound of the block nesting of `markdown`: on each line that opens quotes or list
/// items, their markers plus its indentation (two columns a level).
fn nesting(markdown: &str) -> usize {
    markdown
        .lines()
        .map(|line| {
            let rest = line.trim_start_matches([' ', '\t']);
            let columns: usize = line[..line.len() - rest.len()]
                .chars()
                .map(|c| if c == '\t' { 4 } else { 1 })
                .sum();
            let mut markers = 0;
            let mut rest = rest;
            while let Some(after) = rest.strip_prefix('>').or_else(|| list_marker(rest)) {
                markers += 1;
                rest = after.trim_start_matches([' ', '\t']);
            }
            // Indentation nests only list items and quotes; an indented line of text or code
            // does not.
            if markers == 0 {
                0
            } else {
                columns / 2 + markers
            }
        })
        .max()
        .unwrap_or(0)
}

/// What follows a list marker (`-`, `*`, `+`, `1.`, `1)`) at the start of `text`.
fn list_marker(text: &str) -> Option<&str> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let marker = match digits {
        0 => text.strip_prefix(['-', '*', '+'])?,
        1..=9 => text[digits..].strip_prefix(['.', ')'])?,
        _ => return None,
    };
    (marker.is_empty() || marker.starts_with([' ', '\t'])).then_some(marker)
}

/// Rendered texts by the SHA-256 of their Markdown, and the bytes they hold.
type Rendered = (HashMap<[u8; 32], Arc<str>>, usize);

static RENDERED: LazyLock<Mutex<Rendered>> = LazyLock::new(Mutex::default);

/// Renders Markdown to HTML that is safe to embed in any page (no script, no event handler,
/// no style, links forced to `rel="noopener noreferrer"`). A text over the limits of
/// [`check`] is shown as escaped plain text instead.
pub fn to_safe_html(markdown: &str) -> String {
    if markdown.trim().is_empty() {
        return String::new();
    }
    if check("text", markdown).is_err() {
        return escaped(markdown);
    }
    let key: [u8; 32] = Sha256::digest(markdown.as_bytes()).into();
    let memory = || RENDERED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(html) = memory().0.get(&key) {
        return html.to_string();
    }
    let html: Arc<str> = render(markdown).into();
    let (rendered, bytes) = &mut *memory();
    if *bytes + html.len() > RENDERED_MEMORY_BYTES {
        rendered.clear();
        *bytes = 0;
    }
    *bytes += html.len();
    rendered.insert(key, html.clone());
    html.to_string()
}

/// How long a preview may take before the editor is told to try again.
const PREVIEW_BUDGET: std::time::Duration = std::time::Duration::from_secs(2);

/// [`to_safe_html`] for a text being typed: not kept in memory, rendered on a blocking thread
/// within a time budget.
pub async fn preview(markdown: String) -> AppResult<String> {
    let rendering = tokio::task::spawn_blocking(move || render_bounded(&markdown));
    match tokio::time::timeout(PREVIEW_BUDGET, rendering).await {
        Ok(Ok(html)) => Ok(html),
        Ok(Err(_)) | Err(_) => Err(AppError::BadRequest("markdown too slow to preview")),
    }
}

/// The sanitized HTML of `markdown`, or its escaped text when over the limits of [`check`].
fn render_bounded(markdown: &str) -> String {
    if markdown.trim().is_empty() {
        String::new()
    } else if check("text", markdown).is_err() {
        escaped(markdown)
    } else {
        render(markdown)
    }
}

/// `markdown` over the limits of [`check`], as one escaped paragraph: never parsed.
fn escaped(markdown: &str) -> String {
    let text: String = markdown.chars().take(MAX_CHARS).collect();
    format!("<p>{}</p>", crate::render::escape_markup(&text))
}

/// The sanitized HTML of `markdown`, which [`check`] accepted.
fn render(markdown: &str) -> String {
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH).collect();
    let levels = HeadingLevels::of(&events);
    let mut unsafe_html = String::new();
    html::push_html(
        &mut unsafe_html,
        events.into_iter().map(|event| levels.place(event)),
    );
    ammonia::Builder::default()
        .rm_tags(&["img"])
        .clean(&unsafe_html)
        .to_string()
}

/// Rich text sits under the page's own `h2` headings: the highest level a text uses becomes
/// `h3`, and each level it uses below the next one, so that no level is skipped (`##` then
/// `####` become `h3` then `h4`), down to `h6`.
struct HeadingLevels(Vec<HeadingLevel>);

impl HeadingLevels {
    /// The levels `events` use, highest first.
    fn of(events: &[Event<'_>]) -> Self {
        let mut used: Vec<HeadingLevel> = events
            .iter()
            .filter_map(|event| match event {
                Event::Start(Tag::Heading { level, .. }) => Some(*level),
                _ => None,
            })
            .collect();
        used.sort();
        used.dedup();
        Self(used)
    }

    /// Where `level` goes on the page.
    fn placed(&self, level: HeadingLevel) -> HeadingLevel {
        let rank = self.0.iter().position(|used| *used == level).unwrap_or(0);
        [HeadingLevel::H3, HeadingLevel::H4, HeadingLevel::H5]
            .get(rank)
            .copied()
            .unwrap_or(HeadingLevel::H6)
    }

    fn place<'a>(&self, event: Event<'a>) -> Event<'a> {
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => Event::Start(Tag::Heading {
                level: self.placed(level),
                id,
                classes,
                attrs,
            }),
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(self.placed(level))),
            other => other,
        }
    }
}

/// The plain text of some Markdown, for descriptions and feeds.
/// A text over the limits of [`check`] is taken as it is, unparsed.
pub fn to_plain_text(markdown: &str, max_chars: usize) -> String {
    let mut text = String::new();
    if check("text", markdown).is_err() {
        text = markdown.chars().take(max_chars * 2).collect();
    } else {
        for event in Parser::new(markdown) {
            match event {
                Event::Text(t) | Event::Code(t) => text.push_str(&t),
                Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push(' '),
                _ => {}
            }
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max_chars {
        return text;
    }
    let cut: String = text.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_handlers_never_survive() {
        let html = to_safe_html(
            "Hello <script>alert(1)</script> [x](javascript:alert(1)) <a href=\"/\" onclick=\"x()\">y</a>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
        assert!(html.contains("Hello"));
    }

    #[test]
    fn headings_start_below_the_page_sections() {
        let html = to_safe_html("# Titre\n\n## Sous-titre");
        assert!(
            html.contains("<h3>Titre</h3>") && html.contains("<h4>Sous-titre</h4>"),
            "{html}"
        );
    }

    #[test]
    fn heading_levels_never_skip() {
        let html = to_safe_html("## Missions\n\ntexte\n\n#### Détail");
        assert!(
            html.contains("<h3>Missions</h3>") && html.contains("<h4>Détail</h4>"),
            "the first level used is h3, the next h4: {html}"
        );
        let html = to_safe_html("### Seul");
        assert!(html.contains("<h3>Seul</h3>"), "{html}");
    }

    #[test]
    fn lists_and_emphasis_are_kept() {
        let html = to_safe_html("- **un**\n- deux");
        assert!(
            html.contains("<ul>") && html.contains("<strong>un</strong>"),
            "{html}"
        );
    }

    #[test]
    fn nesting_is_bounded_from_above() {
        assert_eq!(nesting("texte"), 0);
        assert_eq!(nesting("> > citation"), 2);
        assert_eq!(nesting("- a\n  - b\n    - c"), 3);
        assert_eq!(nesting("1. un\n* deux"), 1);
        assert_eq!(nesting("-5 degrés, *emphase*"), 0);
        assert_eq!(nesting(&format!("{}code indenté", " ".repeat(40))), 0);
        assert!(nesting(&"* ".repeat(20_000)) > MAX_NESTING);
    }

    #[test]
    fn bombs_are_refused_and_shown_as_text() {
        let quotes = ">".repeat(99_000) + "a";
        assert!(check("mission", &quotes).is_err());
        let lists = "* ".repeat(5_000) + "a";
        assert!(check("mission", &lists).is_err());
        assert!(check("mission", "- a\n  - b").is_ok());
        assert_eq!(
            to_safe_html("> > > > > > > > > > > > > > > > <b>a"),
            "<p>&gt; &gt; &gt; &gt; &gt; &gt; &gt; &gt; &gt; &gt; &gt; &gt; &gt; &gt; &gt; &gt; &lt;b&gt;a</p>"
        );
    }

    #[test]
    fn plain_text_is_cut_on_a_word() {
        assert_eq!(
            to_plain_text("**Bonjour** le monde entier", 15),
            "Bonjour le…"
        );
        assert_eq!(to_plain_text("- a\n- b", 50), "a b");
    }
}
