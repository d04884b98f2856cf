//! Fluent translations: `locales/{fr,en}/*.ftl`, embedded in the binary. French is the default.

use std::{borrow::Cow, collections::HashMap};

use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};
use rust_embed::RustEmbed;

use crate::error::{AppError, FieldError};

#[derive(RustEmbed)]
#[folder = "locales/"]
struct LocaleFiles;

/// The confirmations a back-office page may show after a change (`?ok=CODE`, message
/// `admin-notice-CODE`); every one must be translated.
pub const ADMIN_NOTICES: [&str; 27] = [
    "saved",
    "created",
    "duplicated",
    "archived",
    "invited",
    "resent",
    "revoked",
    "removed",
    "role-changed",
    "switched",
    "submitted",
    "reviewed",
    "proposed",
    "restored",
    "restored-without-image",
    "filled",
    "uploaded",
    "described",
    "replaced",
    "deleted",
    "job-done",
    "job-failed",
    "job-busy",
    "already-reviewed",
    "talent-contacted",
    "goals-saved",
    "token-revoked",
];

/// The pages whose English address is not their French one: (French, English) paths.
const ENGLISH_PATHS: [(&str, &str); 1] = [("/statistiques", "/statistics")];

/// The last segments renamed in English, under any page: (French, English), as in
/// `/offres/{slug}/candidater` and `/offres/{slug}/apply`.
const ENGLISH_ENDINGS: [(&str, &str); 1] = [("/candidater", "/apply")];

/// The English path of the page at French path `path` (most pages keep theirs).
pub fn english_path(path: &str) -> Cow<'_, str> {
    let pairs = ENGLISH_PATHS
        .iter()
        .map(|(french, english)| (*french, *english));
    let endings = ENGLISH_ENDINGS
        .iter()
        .map(|(french, english)| (*french, *english));
    renamed(path, pairs, endings)
}

/// The French path of the page at English path `path`.
pub fn french_path(path: &str) -> Cow<'_, str> {
    let pairs = ENGLISH_PATHS
        .iter()
        .map(|(french, english)| (*english, *french));
    let endings = ENGLISH_ENDINGS
        .iter()
        .map(|(french, english)| (*english, *french));
    renamed(path, pairs, endings)
}

/// `path` renamed by the first of `pairs` (whole paths, `from` → `to`) or of `endings` (last
/// segments) that matches it.
fn renamed<'a>(
    path: &'a str,
    mut pairs: impl Iterator<Item = (&'static str, &'static str)>,
    mut endings: impl Iterator<Item = (&'static str, &'static str)>,
) -> Cow<'a, str> {
    if let Some((_, to)) = pairs.find(|(from, _)| *from == path) {
        return Cow::Borrowed(to);
    }
    let ending = endings.find_map(|(from, to)| Some((path.strip_suffix(from)?, to)));
    match ending {
        Some((start, to)) if !start.is_empty() => Cow::Owned(format!("{start}{to}")),
        _ => Cow::Borrowed(path),
    }
}

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
                    AppError::setup("locales", format!("{file}: {errors:?}"))
                })?;
                bundle
                    .add_resource(resource)
                    .map_err(|errors| AppError::setup("locales", format!("{file}: {errors:?}")))?;
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

    /// What to tell of a refused field: the most precise message there is, for this field
    /// and reason (`form-error-FIELD-REASON`), else for the reason (`form-error-REASON`, which
    /// every reason has), else `form-error-generic`.
    pub fn field_error(&self, lang: Lang, error: &FieldError) -> String {
        let code = error.reason.code();
        let precise = format!("form-error-{}-{code}", error.field);
        let general = format!("form-error-{code}");
        let key = [precise.as_str(), general.as_str()]
            .into_iter()
            .find(|key| self.has(lang, key))
            .unwrap_or("form-error-generic");
        self.text(lang, key)
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
        assert_eq!(
            english_path("/offres/dev-1/candidater"),
            "/offres/dev-1/apply"
        );
        assert_eq!(
            french_path("/offres/dev-1/apply"),
            "/offres/dev-1/candidater"
        );
        assert_eq!(english_path("/statistiques"), "/statistics");
        assert_eq!(english_path("/candidater"), "/candidater");
        assert_eq!(french_path("/offres"), "/offres");
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

    /// Every literal key passed to `t(...)` in the code and the templates, and every code
    /// translated by prefix, has a message in both languages.
    #[test]
    fn every_message_used_is_defined() {
        use crate::codes::{
            ApplicationStatus, ApplyMode, Category, ContractType, Experience, NotRetainedReason,
            Profession, RemotePolicy, Status,
        };
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut used = std::collections::BTreeSet::new();
        let mut folders = vec![root.join("src"), root.join("themes"), root.join("admin")];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                    continue;
                }
                let Some("rs" | "html" | "xml") = path.extension().and_then(|e| e.to_str()) else {
                    continue;
                };
                let text = std::fs::read_to_string(&path).unwrap();
                for call in ["t(\"", "t_with(\"", "t(&format!(\""] {
                    for (index, _) in text.match_indices(call) {
                        let preceded_by_word = text[..index]
                            .chars()
                            .last()
                            .is_some_and(|c| c.is_alphanumeric() || c == '_');
                        let key: String = text[index + call.len()..]
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                            .collect();
                        if !preceded_by_word
                            && !key.is_empty()
                            && !key.ends_with('-')
                            && call != "t(&format!(\""
                        {
                            used.insert(key);
                        }
                    }
                }
            }
        }
        let prefixed = [
            ("contract-", ContractType::codes()),
            ("profession-", Profession::codes()),
            ("remote-", RemotePolicy::codes()),
            ("category-", Category::codes()),
            ("experience-", Experience::codes()),
            ("admin-status-", Status::codes()),
            ("admin-application-status-", ApplicationStatus::codes()),
            ("admin-application-reason-", NotRetainedReason::codes()),
            (
                "admin-applications-csv-",
                crate::applications::inbox::CSV_COLUMNS.to_vec(),
            ),
            ("admin-apply-mode-", ApplyMode::codes()),
            ("admin-notice-", ADMIN_NOTICES.to_vec()),
            (
                "admin-nav-",
                vec![
                    "dashboard",
                    "offers",
                    "applications",
                    "stories",
                    "media",
                    "ministry",
                    "members",
                    "ministries",
                    "journal",
                    "emails",
                    "jobs",
                    "moderation",
                    "statistics",
                ],
            ),
            (
                "stats-series-",
                crate::statistics::Series::ALL
                    .iter()
                    .map(|series| series.code())
                    .collect(),
            ),
            ("error-argument-", vec!["year", "ministry", "format"]),
            (
                "admin-schedule-",
                vec!["every-minute", "every-seconds", "hourly", "daily", "cron"],
            ),
            (
                "stats-goal-",
                crate::statistics::Indicator::for_level(true)
                    .iter()
                    .map(|i| i.code())
                    .collect(),
            ),
            (
                "stats-export-",
                crate::statistics::Format::ALL
                    .iter()
                    .map(|f| f.code())
                    .collect(),
            ),
            (
                "stats-month-",
                vec![
                    "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
                ],
            ),
            (
                "stats-month-short-",
                vec![
                    "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
                ],
            ),
            ("admin-moderation-kind-", vec!["offer", "story"]),
            (
                "admin-jobs-about-",
                crate::jobs::Job::ALL.iter().map(|job| job.name()).collect(),
            ),
            ("admin-jobs-trigger-", vec!["schedule", "manual", "command"]),
            (
                "admin-proposal-",
                vec!["pending_review", "changes_requested", "rejected"],
            ),
        ];
        for (prefix, codes) in prefixed {
            used.extend(codes.into_iter().map(|code| format!("{prefix}{code}")));
        }
        for action in crate::audit::ACTIONS {
            used.insert(crate::audit::action_key(action));
        }
        for kind in crate::mail::KINDS {
            used.insert(format!("mail-{kind}-subject"));
            used.insert(format!("mail-{kind}-body"));
        }
        for theme in ["dsfr", "vitrine"] {
            used.insert(format!("theme-{theme}"));
        }
        for section in crate::offers::SECTION_KEYS {
            used.insert(format!("offer-section-{section}"));
        }
        for section in crate::tenants::SHOWCASE_KEYS {
            used.insert(format!("ministry-section-{section}"));
        }
        for failure in [
            "cancelled",
            "state",
            "provider-down",
            "refused",
            "no-access",
            "logout-state",
            "link",
            "link-email",
        ] {
            used.insert(format!("login-failed-{failure}"));
        }
        for role in ["admin", "manager", "editor"] {
            used.insert(format!("admin-role-{role}"));
        }
        for status in [400, 403, 404, 410, 429, 500] {
            used.insert(format!("error-{status}-title"));
            used.insert(format!("error-{status}-message"));
        }
        for page in ["accessibility", "legal", "privacy", "sitemap"] {
            used.insert(format!("page-{page}-title"));
            used.insert(format!("page-{page}-description"));
        }
        let i18n = I18n::load().unwrap();
        assert!(
            used.len() > 60,
            "the scan found too few keys: {}",
            used.len()
        );
        let missing: Vec<_> = Lang::ALL
            .iter()
            .flat_map(|lang| {
                used.iter()
                    .filter(|key| !i18n.has(*lang, key))
                    .map(move |key| format!("{}:{key}", lang.code()))
            })
            .collect();
        assert!(missing.is_empty(), "missing messages: {missing:?}");
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
