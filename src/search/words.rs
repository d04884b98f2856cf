//! How text becomes search terms, the same way for what is indexed and what is typed:
//! accents and case folded, inclusive forms written whole (`développeur·se` gives développeur
//! and développeuse), elisions (`l'`, `d'`) and French function words left out, symbol words
//! kept (`c++`, `c#`, `.net`), "catégorie A" kept as one term, then a light French stemming
//! so that feminine and masculine, singular and plural meet.

use crate::offers::search::normalize;

/// Words too common to tell offers apart; a query made only of them searches nothing.
const STOP_WORDS: &[&str] = &[
    "a", "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "il",
    "la", "le", "les", "leur", "ou", "par", "pour", "qui", "que", "sa", "se", "ses", "son", "sur",
    "un", "une", "vos", "votre", "nos", "notre", "est", "sont", "the", "of", "and", "in", "to",
    "for", "an", "or", "at", "on",
];

/// The endings an inclusive form may add after its middle dot, parenthesis or full stop.
const INCLUSIVE_ENDINGS: &[&str] = &[
    "e", "es", "s", "se", "euse", "rice", "trice", "ne", "nne", "ve", "ive", "le", "lle", "ere",
    "fe",
];

/// The feminine written by `ending` after the masculine `base` (`developpeur` + `se`).
fn feminine(base: &str, ending: &str) -> String {
    let ending = ending.trim_end_matches('s');
    let replaced = match ending {
        "se" | "euse" => base.strip_suffix("eur").map(|stem| format!("{stem}euse")),
        "rice" | "trice" => base.strip_suffix("teur").map(|stem| format!("{stem}trice")),
        "ve" | "ive" => base.strip_suffix('f').map(|stem| format!("{stem}ve")),
        "ere" => base.strip_suffix("er").map(|stem| format!("{stem}ere")),
        "nne" => Some(format!("{base}ne")),
        "lle" => Some(format!("{base}le")),
        _ => None,
    };
    replaced.unwrap_or_else(|| format!("{base}{ending}"))
}

/// Whether `c` joins a word to its inclusive ending (`·`, `•`, `.`).
fn is_inclusive_mark(c: char) -> bool {
    matches!(c, '·' | '•' | '⋅' | '.' | '∙')
}

/// The raw words of `text`, lower-cased with their accents: inclusive forms give both forms,
/// elisions are dropped, `c++`, `c#` and `.net` keep their symbols.
pub fn raw_words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let mut words = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_alphanumeric() {
            i += 1;
        }
        let mut word: String = chars[start..i].iter().collect();
        // An elision: l'équipe, d'un, qu'il.
        if matches!(chars.get(i), Some('\'' | '’')) && (word.chars().count() == 1 || word == "qu")
        {
            i += 1;
            continue;
        }
        // .net, .js: a full stop that starts a word.
        if start > 0
            && chars[start - 1] == '.'
            && (start < 2 || !chars[start - 2].is_alphanumeric())
        {
            word.insert(0, '.');
        }
        // c++, c#, f#
        if chars.get(i) == Some(&'#') {
            word.push('#');
            i += 1;
        } else if chars.get(i) == Some(&'+') && chars.get(i + 1) == Some(&'+') {
            word.push_str("++");
            i += 2;
        }
        // développeur·se, chargé·e·s, chargé(e)
        let mut feminines = Vec::new();
        loop {
            let (open, close) = match chars.get(i) {
                Some(&c) if is_inclusive_mark(c) => (1, 0),
                Some('(') => (1, 1),
                _ => break,
            };
            let ending_start = i + open;
            let mut end = ending_start;
            while end < chars.len() && chars[end].is_alphabetic() {
                end += 1;
            }
            let ending: String = chars[ending_start..end].iter().collect();
            let closed = close == 0 || chars.get(end) == Some(&')');
            if ending.is_empty() || !closed || !INCLUSIVE_ENDINGS.contains(&ending.as_str()) {
                break;
            }
            if ending != "s" {
                feminines.push(feminine(&word, &ending));
            }
            i = end + close;
        }
        words.push(word);
        words.extend(feminines);
    }
    words
}

/// The term a folded word is indexed and searched under: plural and feminine endings taken
/// back to the masculine singular (`ingenieures` → `ingenieur`, `auditrice` → `auditeur`,
/// `chargee` → `charge`, `reseaux` → `reseau`). Words with digits or symbols stay as they are.
pub fn stem(word: &str) -> String {
    if word.chars().count() <= 3 || !word.chars().all(|c| c.is_ascii_lowercase()) {
        return word.to_owned();
    }
    let mut word = word.to_owned();
    if let Some(stem) = word.strip_suffix("eaux") {
        word = format!("{stem}eau");
    } else if let Some(stem) = word.strip_suffix("aux") {
        word = format!("{stem}al");
    } else if word.ends_with('s') && !word.ends_with("ss") {
        word.pop();
    }
    const FEMININE: &[(&str, &str)] = &[
        ("euse", "eur"),
        ("trice", "teur"),
        ("ienne", "ien"),
        ("eure", "eur"),
        ("elle", "el"),
        ("iere", "ier"),
        ("ive", "if"),
        ("ee", "e"),
    ];
    for (ending, masculine) in FEMININE {
        if let Some(stem) = word.strip_suffix(ending)
            && stem.len() >= 2
        {
            return format!("{stem}{masculine}");
        }
    }
    word
}

/// One term with the word it was read from (accents kept, for suggestions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub term: String,
    pub surface: String,
}

/// The terms of `text`, in order, function words left out.
pub fn terms(text: &str) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    for surface in raw_words(text) {
        let folded = fold(&surface);
        if folded.is_empty() || STOP_WORDS.contains(&folded.as_str()) {
            // "catégorie A": the letter is a stop word alone, a grade after "catégorie".
            if folded.len() == 1 && terms.last().is_some_and(|t| t.term == "categorie") {
                push_grade(&mut terms, &folded);
            }
            continue;
        }
        if let Some(grade) = grade_after_category(&terms, &folded) {
            push_grade(&mut terms, &grade);
            continue;
        }
        terms.push(Term {
            term: stem(&folded),
            surface,
        });
    }
    terms
}

/// The grade letter of "catégorie B" / "cat. C" when `folded` follows "categorie" or "cat".
fn grade_after_category(terms: &[Term], folded: &str) -> Option<String> {
    let previous = terms.last()?;
    let after_category = previous.term == "categorie" || previous.term == "cat";
    (after_category && matches!(folded, "a" | "b" | "c")).then(|| folded.to_owned())
}

/// Replaces a lone "cat" by "categorie" and adds the grade term (`categorie-a`).
fn push_grade(terms: &mut Vec<Term>, grade: &str) {
    if let Some(previous) = terms.last_mut()
        && previous.term == "cat"
    {
        previous.term = "categorie".to_owned();
    }
    terms.push(Term {
        term: format!("categorie-{grade}"),
        surface: format!("catégorie {}", grade.to_uppercase()),
    });
}

/// Accents and case folded, symbols of symbol words kept (`c++`, `c#`, `.net`).
fn fold(word: &str) -> String {
    let prefix = if word.starts_with('.') { "." } else { "" };
    let suffix = word
        .strip_suffix("++")
        .map(|_| "++")
        .or_else(|| word.strip_suffix('#').map(|_| "#"))
        .unwrap_or("");
    let core = normalize(word).replace(' ', "");
    if core.is_empty() {
        return core;
    }
    format!("{prefix}{core}{suffix}")
}

/// The edit distance between two terms (insertions, deletions, substitutions and swaps of two
/// neighbours), given up past `limit`.
pub fn distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut before: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut current = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            current[j] = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                current[j] = current[j].min(before[j - 2] + 1);
            }
        }
        if current.iter().all(|&d| d > limit) {
            return None;
        }
        before = std::mem::replace(&mut previous, current);
    }
    Some(previous[b.len()]).filter(|&d| d <= limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        terms(text).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn inclusive_forms_give_both_forms_and_meet_their_feminine() {
        assert_eq!(
            raw_words("Développeur·se, ingénieur·e, auditeur·rice, chargé·e·s, chargé(e)"),
            [
                "développeur",
                "développeuse",
                "ingénieur",
                "ingénieure",
                "auditeur",
                "auditrice",
                "chargé",
                "chargée",
                "chargé",
                "chargée"
            ]
        );
        assert_eq!(stems("développeuse"), stems("développeurs"));
        assert_eq!(stems("auditrice"), ["auditeur"]);
        assert_eq!(stems("Ingénieures"), ["ingenieur"]);
        assert_eq!(stems("chargées"), stems("chargé"));
        assert_eq!(stems("réseaux"), ["reseau"]);
        assert_eq!(stems("technicienne"), ["technicien"]);
    }

    #[test]
    fn symbols_elisions_grades_and_function_words() {
        assert_eq!(stems("C++, C#, .NET et R"), ["c++", "c#", ".net", "r"]);
        assert_eq!(stems("l'équipe d'un projet"), ["equipe", "projet"]);
        assert_eq!(stems("node.js"), ["node", "js"]);
        assert_eq!(stems("Catégorie A"), ["categorie", "categorie-a"]);
        assert_eq!(stems("cat. B"), ["categorie", "categorie-b"]);
        assert_eq!(stems("à la DGFiP"), ["dgfip"]);
        assert!(stems("de la").is_empty());
    }

    #[test]
    fn distance_counts_one_typo_as_one() {
        assert_eq!(distance("developeur", "developpeur", 2), Some(1));
        assert_eq!(distance("devlopepur", "developpeur", 2), Some(2));
        assert_eq!(distance("secruite", "securite", 1), Some(1));
        assert_eq!(distance("reseau", "cloud", 2), None);
    }
}
