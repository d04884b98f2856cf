//! A ministry's name in French sentences: "Site de la DGFiP", "Offres de l'ANSSI", "Travailler
//! au ministère de l'Intérieur". French puts an article before such names and merges it with
//! "de" and "à" (`de le` → `du`, `à les` → `aux`); a ministry says which article its name
//! takes by writing its short name with it (`la DGFiP`), else it is guessed from the full name.

use serde::Serialize;

use crate::error::Reason;

/// The longest short name accepted.
pub const SHORT_NAME_MAX: usize = 120;

/// A ministry's name as French sentences use it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FrenchName {
    /// With its article: `la DGFiP`, `l'ANSSI`, `le ministère de l'Intérieur`.
    pub with_article: String,
    /// After "de": `de la DGFiP`, `de l'ANSSI`, `du ministère de l'Intérieur`.
    pub of: String,
    /// After "à": `à la DGFiP`, `à l'ANSSI`, `au ministère de l'Intérieur`.
    pub at: String,
}

/// The articles a short name may start with, and what "de" and "à" make of each.
const ARTICLES: [(&str, &str, &str); 5] = [
    ("le ", "du ", "au "),
    ("la ", "de la ", "à la "),
    ("les ", "des ", "aux "),
    ("l'", "de l'", "à l'"),
    ("l’", "de l’", "à l’"),
];

/// First words of feminine institution names ("la direction…").
const FEMININE: [&str; 10] = [
    "agence",
    "autorité",
    "caisse",
    "commission",
    "cour",
    "délégation",
    "direction",
    "inspection",
    "mission",
    "préfecture",
];

impl FrenchName {
    /// The forms of `short_name` (`la DGFiP`), or, when it is empty, of `name`.
    pub fn new(short_name: &str, name: &str) -> Self {
        let with_article = match short_name.trim() {
            "" => guessed(name.trim()),
            given => given.to_owned(),
        };
        let lower = with_article.to_lowercase();
        let (article, of, at) = ARTICLES
            .iter()
            .find(|(article, _, _)| lower.starts_with(article))
            .copied()
            .unwrap_or(("", "de ", "à "));
        let rest = &with_article[article.len()..];
        Self {
            of: format!("{of}{rest}"),
            at: format!("{at}{rest}"),
            with_article,
        }
    }
}

/// The name with the article it most likely takes: `Ministère de la Culture` → `le ministère de
/// la Culture`, `Agence nationale…` → `l'Agence nationale…`.
fn guessed(name: &str) -> String {
    let first_word = name.split_whitespace().next().unwrap_or_default();
    let first = first_word.to_lowercase();
    // "Ministère", "Direction": a common noun, lower case once inside a sentence.
    let common = FEMININE.contains(&first.as_str()) || first == "ministère";
    let name = match common {
        true => format!("{first}{}", &name[first_word.len()..]),
        false => name.to_owned(),
    };
    let elided = first
        .chars()
        .next()
        .is_some_and(|c| "aàâeéèêiîoôuhy".contains(c));
    if elided {
        format!("l’{name}")
    } else if FEMININE.contains(&first.as_str()) {
        format!("la {name}")
    } else {
        format!("le {name}")
    }
}

/// Refuses a short name without its article, or too long; empty is fine.
pub fn check_short_name(short_name: &str) -> Result<(), Reason> {
    let lower = short_name.trim().to_lowercase();
    if lower.is_empty() {
        return Ok(());
    }
    if short_name.chars().count() > SHORT_NAME_MAX {
        return Err(Reason::TooLong);
    }
    let has_article = ARTICLES
        .iter()
        .any(|(article, _, _)| lower.starts_with(article) && lower.len() > article.len());
    match has_article {
        true => Ok(()),
        false => Err(Reason::NoArticle),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_merge_with_de_and_a() {
        let dgfip = FrenchName::new("la DGFiP", "Direction générale des Finances publiques");
        assert_eq!(
            (dgfip.of.as_str(), dgfip.at.as_str()),
            ("de la DGFiP", "à la DGFiP")
        );
        let anssi = FrenchName::new("l'ANSSI", "Agence nationale…");
        assert_eq!(
            (anssi.of.as_str(), anssi.at.as_str()),
            ("de l'ANSSI", "à l'ANSSI")
        );
        let mi = FrenchName::new("le ministère de l'Intérieur", "Ministère de l'Intérieur");
        assert_eq!(mi.of, "du ministère de l'Intérieur");
        assert_eq!(mi.at, "au ministère de l'Intérieur");
        let armies = FrenchName::new("les Armées", "Ministère des Armées");
        assert_eq!(
            (armies.of.as_str(), armies.at.as_str()),
            ("des Armées", "aux Armées")
        );
    }

    #[test]
    fn without_a_short_name_the_article_is_guessed() {
        let of = |name: &str| FrenchName::new("", name).of;
        assert_eq!(of("Ministère de la Culture"), "du ministère de la Culture");
        assert_eq!(
            of("Direction interministérielle du numérique"),
            "de la direction interministérielle du numérique"
        );
        assert_eq!(
            of("Institut national de la statistique"),
            "de l’Institut national de la statistique"
        );
        assert_eq!(
            of("Agence nationale de la sécurité des systèmes d'information"),
            "de l’agence nationale de la sécurité des systèmes d'information"
        );
    }

    #[test]
    fn a_short_name_needs_its_article() {
        assert_eq!(check_short_name(""), Ok(()));
        assert_eq!(check_short_name("la DGFiP"), Ok(()));
        assert_eq!(check_short_name("L’Insee"), Ok(()));
        assert_eq!(check_short_name("DGFiP"), Err(Reason::NoArticle));
        assert_eq!(check_short_name("la "), Err(Reason::NoArticle));
        assert_eq!(check_short_name(&"la x".repeat(40)), Err(Reason::TooLong));
    }
}
