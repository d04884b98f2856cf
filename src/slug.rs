//! URL slugs: lower-case ASCII words joined by dashes.

use crate::offers::search::normalize;

/// `Développeur·se back-end (H/F)` → `developpeur-se-back-end-h-f`, at most 80 characters.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for word in normalize(text).split(' ').filter(|w| !w.is_empty()) {
        let word: String = word.chars().filter(char::is_ascii_alphanumeric).collect();
        if word.is_empty() || slug.len() + word.len() + 1 > 80 {
            continue;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word);
    }
    slug
}

/// Whether `slug` is a well-formed slug (what [`slugify`] produces).
pub fn is_valid(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 100
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The slugs a copy of `base` may take, in order: `base-copie`, `base-copie-2`, and so on.
pub fn copy_candidates(base: &str) -> impl Iterator<Item = String> + use<> {
    let stem: String = base.chars().take(80).collect();
    numbered(&format!("{}-copie", stem.trim_end_matches('-')))
}

/// The slugs a new item named `base` may take, in order: `base` itself, then `base-2`,
/// `base-3`, and so on (cut to leave room for the number).
pub fn numbered(base: &str) -> impl Iterator<Item = String> + use<> {
    let stem: String = base.chars().take(90).collect();
    let stem = stem.trim_end_matches('-').to_owned();
    std::iter::once(base.to_owned())
        .chain((2..).map(move |n| format!("{stem}-{n}")))
        .filter(|candidate| is_valid(candidate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_words() {
        assert_eq!(
            slugify("Développeur·se back-end (H/F)"),
            "developpeur-se-back-end-h-f"
        );
        assert!(is_valid(&slugify("Ministère de l'Intérieur")));
        assert!(!is_valid("Bad Slug"));
        assert!(!is_valid("a--b"));
        let copies: Vec<String> = copy_candidates("offre").take(2).collect();
        assert_eq!(copies, ["offre-copie", "offre-copie-2"]);
        let numbered: Vec<String> = numbered("offre").take(3).collect();
        assert_eq!(numbered, ["offre", "offre-2", "offre-3"]);
    }
}
