//! Text normalisation for the back-office's word filters (`offers.search_text`) and the
//! talent pool; the portal's search is in `crate::search`.

/// Lower-cases, removes accents and turns every non-alphanumeric character into a space, so that
/// `Développeur·se` and `developpeur se` index and match alike on both databases.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded: &str = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
            'æ' => "ae",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
            'œ' => "oe",
            'ù' | 'ú' | 'û' | 'ü' => "u",
            'ý' | 'ÿ' => "y",
            _ => "",
        };
        if !folded.is_empty() || c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            if folded.is_empty() {
                out.push(c);
            } else {
                out.push_str(folded);
            }
        } else {
            pending_space = true;
        }
    }
    out
}

/// The words of a search box, normalised; at most 8 words of at most 40 characters.
pub fn query_terms(query: &str) -> Vec<String> {
    normalize(query)
        .split(' ')
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| w.chars().take(40).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_inclusive_dots_are_folded() {
        assert_eq!(
            normalize("Développeur·se Full-Stack"),
            "developpeur se full stack"
        );
        assert_eq!(normalize("Œuvre  ÉTÉ, cœur!"), "oeuvre ete coeur");
        assert_eq!(normalize("  "), "");
    }

    #[test]
    fn query_terms_are_bounded_and_safe() {
        assert_eq!(query_terms("\"données\" OR *"), vec!["donnees", "or"]);
        assert_eq!(query_terms(&"a ".repeat(20)).len(), 8);
    }
}
