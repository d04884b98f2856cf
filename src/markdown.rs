//! Rich text: Markdown written by editors, rendered to HTML and sanitized on the way out.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// Renders Markdown to HTML that is safe to embed in any page (no script, no event handler,
/// no style, links forced to `rel="noopener noreferrer"`).
pub fn to_safe_html(markdown: &str) -> String {
    if markdown.trim().is_empty() {
        return String::new();
    }
    let mut unsafe_html = String::new();
    let events = Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH).map(demote_heading);
    html::push_html(&mut unsafe_html, events);
    ammonia::Builder::default()
        .rm_tags(&["img"])
        .clean(&unsafe_html)
        .to_string()
}

/// Rich text sits under the page's own `h2` headings: its headings start at `h3`.
fn demote_heading(event: Event<'_>) -> Event<'_> {
    let demote = |level: HeadingLevel| match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    };
    match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        other => other,
    }
}

/// The plain text of some Markdown, for descriptions and feeds.
pub fn to_plain_text(markdown: &str, max_chars: usize) -> String {
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push(' '),
            _ => {}
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
    fn lists_and_emphasis_are_kept() {
        let html = to_safe_html("- **un**\n- deux");
        assert!(
            html.contains("<ul>") && html.contains("<strong>un</strong>"),
            "{html}"
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
