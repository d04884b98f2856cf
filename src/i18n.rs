//! Fluent translations: `locales/{fr,en}/*.ftl`, embedded in the binary. French is the default.

use std::collections::HashMap;

use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};
use rust_embed::RustEmbed;

use crate::error::AppError;

#[derive(RustEmbed)]
#[folder = "locales/"]
struct LocaleFiles;

/// A language of the portal. URLs carry it: French at the root, English under `/en`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The path prefix of this language's pages (`""` or `"/en"`).
    pub fn prefix(self) -> &'static str {
        match self {
            Lang::Fr => "",
            Lang::En => "/en",
        }
    }

    /// Splits a request path into its language and the path without the prefix.
    pub fn from_path(path: &str) -> (Lang, &str) {
        match path.strip_prefix("/en") {
            Some("") => (Lang::En, "/"),
            Some(rest) if rest.starts_with('/') => (Lang::En, rest),
            _ => (Lang::Fr, path),
        }
    }
}

/// One argument of a message: text or a number (numbers select plural forms).
pub enum Arg {
    Text(String),
    Number(f64),
}

pub struct I18n {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

impl I18n {
    /// Loads and parses every `.ftl` file; a syntax error or a key defined twice is an error.
    pub fn load() -> Result<Self, AppError> {
        let mut bundles = HashMap::new();
        for lang in Lang::ALL {
            let langid = lang.code().parse().expect("static language tag");
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            let prefix = format!("{}/", lang.code());
            let mut files: Vec<_> = LocaleFiles::iter()
                .filter(|f| f.starts_with(&prefix) && f.ends_with(".ftl"))
                .collect();
            files.sort();
            for file in files {
                let content = LocaleFiles::get(&file).expect("listed file");
                let text = String::from_utf8_lossy(&content.data).into_owned();
                let resource = FluentResource::try_new(text).map_err(|(_, errors)| {
                    AppError::invalid("locales", format!("{file}: {errors:?}"))
                })?;
                bundle.add_resource(resource).map_err(|errors| {
                    AppError::invalid("locales", format!("{file}: {errors:?}"))
                })?;
            }
            bundles.insert(lang, bundle);
        }
        Ok(Self { bundles })
    }

    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundles[&lang].has_message(key)
    }

    /// The message `key` in `lang`; a missing key is logged and shown as the key itself.
    pub fn message(&self, lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
        let bundle = &self.bundles[&lang];
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(key, lang = lang.code(), "missing translation");
            return key.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
                Arg::Number(number) => fluent_args.set(*name, FluentValue::from(*number)),
            }
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, ?errors, "translation formatting");
        }
        text.into_owned()
    }

    pub fn text(&self, lang: Lang, key: &str) -> String {
        self.message(lang, key, &[])
    }
}

/// The message keys defined in a language's files, read from the sources (used by tests).
pub fn defined_keys(lang: Lang) -> Vec<String> {
    let prefix = format!("{}/", lang.code());
    let mut keys = Vec::new();
    for file in LocaleFiles::iter().filter(|f| f.starts_with(&prefix)) {
        let content = LocaleFiles::get(&file).expect("listed file");
        for line in String::from_utf8_lossy(&content.data).lines() {
            let Some((name, _)) = line.split_once('=') else {
                continue;
            };
            let name = name.trim_end();
            if !name.is_empty()
                && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                keys.push(name.to_owned());
            }
        }
    }
    keys.sort();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_comes_from_the_path_prefix() {
        assert_eq!(Lang::from_path("/en/offres"), (Lang::En, "/offres"));
        assert_eq!(Lang::from_path("/en"), (Lang::En, "/"));
        assert_eq!(Lang::from_path("/offres"), (Lang::Fr, "/offres"));
        assert_eq!(Lang::from_path("/entreprises"), (Lang::Fr, "/entreprises"));
    }

    #[test]
    fn french_and_english_define_the_same_messages() {
        let fr = defined_keys(Lang::Fr);
        let en = defined_keys(Lang::En);
        let only_fr: Vec<_> = fr.iter().filter(|k| !en.contains(k)).collect();
        let only_en: Vec<_> = en.iter().filter(|k| !fr.contains(k)).collect();
        assert!(fr.len() > 50, "too few French messages: {}", fr.len());
        assert!(
            only_fr.is_empty() && only_en.is_empty(),
            "only in fr: {only_fr:?}; only in en: {only_en:?}"
        );
    }

    #[test]
    fn all_files_parse_and_plurals_work() {
        let i18n = I18n::load().unwrap();
        assert_eq!(
            i18n.message(Lang::Fr, "offers-count", &[("count", Arg::Number(1.0))]),
            "1 offre"
        );
        assert!(
            i18n.message(Lang::En, "offers-count", &[("count", Arg::Number(12.0))])
                .contains("12")
        );
    }
}
