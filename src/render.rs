//! Themes and templates: the minijinja environments of the portal and the back-office.
//!
//! A theme is a folder `themes/NAME/` with `theme.toml` (`parent = "dsfr"` to inherit),
//! `templates/` and `static/`. Themes are embedded in the binary; when `themes_dir` is configured
//! they are read from disk on every render instead, so that an edit shows on reload.
//! Back-office templates live in `admin/templates/`, are named `admin/…` and extend the
//! theme's `base.html`. Emails (`mail/`) and feeds (`feeds/`) are documents of the default
//! theme, rendered by [`Renderer::render_document`].

use std::{
    borrow::Cow,
    collections::{BTreeMap, HashMap},
    path::PathBuf,
    sync::Arc,
};

use minijinja::{Environment, State, Value, value::Kwargs};
use rust_embed::RustEmbed;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::{
    error::{AppError, AppResult},
    i18n::{Arg, I18n, Lang},
};

pub const DEFAULT_THEME: &str = "dsfr";

#[derive(RustEmbed)]
#[folder = "themes/"]
#[exclude = "*.sh"]
#[exclude = "*.py"]
#[exclude = "*.mjs"]
struct EmbeddedThemes;

/// The back-office templates (`admin/templates/`), embedded like the themes.
#[derive(RustEmbed)]
#[folder = "admin/"]
#[include = "templates/*"]
struct EmbeddedAdmin;

/// Where theme files are read from.
#[derive(Clone, Debug)]
enum ThemeSource {
    Embedded,
    Disk(PathBuf),
}

impl ThemeSource {
    fn read(&self, path: &str) -> Option<Cow<'static, [u8]>> {
        if path.split('/').any(|part| part == ".." || part.is_empty()) {
            return None;
        }
        match self {
            ThemeSource::Embedded => EmbeddedThemes::get(path).map(|file| file.data),
            ThemeSource::Disk(root) => std::fs::read(root.join(path)).ok().map(Cow::Owned),
        }
    }

    /// A back-office file: `admin/` beside the themes folder.
    fn read_admin(&self, path: &str) -> Option<Cow<'static, [u8]>> {
        if path.split('/').any(|part| part == ".." || part.is_empty()) {
            return None;
        }
        match self {
            ThemeSource::Embedded => EmbeddedAdmin::get(path).map(|file| file.data),
            ThemeSource::Disk(root) => {
                let admin = root.parent().unwrap_or(root).join("admin");
                std::fs::read(admin.join(path)).ok().map(Cow::Owned)
            }
        }
    }

    fn files(&self) -> Vec<String> {
        match self {
            ThemeSource::Embedded => EmbeddedThemes::iter().map(|f| f.into_owned()).collect(),
            ThemeSource::Disk(root) => {
                let mut files = Vec::new();
                let mut folders = vec![root.clone()];
                while let Some(folder) = folders.pop() {
                    for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
                        let path = entry.path();
                        if path.is_dir() {
                            folders.push(path);
                        } else if let Ok(relative) = path.strip_prefix(root) {
                            files.push(relative.to_string_lossy().replace('\\', "/"));
                        }
                    }
                }
                files
            }
        }
    }
}

/// What `theme.toml` says of a theme.
#[derive(Clone, Debug, Deserialize)]
pub struct ThemeInfo {
    pub name: String,
    pub parent: Option<String>,
    pub label_key: Option<String>,
}

/// A static file of a theme, ready to serve.
pub struct StaticFile {
    pub bytes: Cow<'static, [u8]>,
    pub content_type: &'static str,
}

pub struct Renderer {
    source: ThemeSource,
    themes: BTreeMap<String, ThemeInfo>,
    /// One environment per theme, built once; `None` when reading from disk (rebuilt per render).
    environments: Option<HashMap<String, Environment<'static>>>,
    /// The documents' environment, built once likewise.
    documents: Option<Environment<'static>>,
    asset_version: String,
    i18n: Arc<I18n>,
}

impl Renderer {
    pub fn new(themes_dir: Option<PathBuf>, i18n: Arc<I18n>) -> AppResult<Self> {
        let source = match themes_dir {
            Some(dir) => ThemeSource::Disk(dir),
            None => ThemeSource::Embedded,
        };
        let mut files = source.files();
        files.sort();
        let mut themes = BTreeMap::new();
        let mut hasher = Sha256::new();
        for file in &files {
            if let Some(name) = file.strip_suffix("/theme.toml") {
                let text = source.read(file).unwrap_or_default();
                let info: ThemeInfo = toml::from_str(&String::from_utf8_lossy(&text))
                    .map_err(|e| AppError::setup("theme", format!("{file}: {}", e.message())))?;
                if info.name != name {
                    return Err(AppError::setup(
                        "theme",
                        format!("{file} names itself {}", info.name),
                    ));
                }
                themes.insert(info.name.clone(), info);
            } else if file.contains("/static/") {
                hasher.update(file.as_bytes());
                hasher.update(source.read(file).unwrap_or_default());
            }
        }
        if !themes.contains_key(DEFAULT_THEME) {
            return Err(AppError::setup("theme", "the dsfr theme is missing"));
        }
        for info in themes.values() {
            if let Some(parent) = &info.parent
                && !themes.contains_key(parent)
            {
                return Err(AppError::setup(
                    "theme",
                    format!("{} inherits unknown theme {parent}", info.name),
                ));
            }
        }
        let asset_version = hex(&hasher.finalize())[..12].to_owned();
        let mut renderer = Self {
            source,
            themes,
            environments: None,
            documents: None,
            asset_version,
            i18n,
        };
        if matches!(renderer.source, ThemeSource::Embedded) {
            let environments = renderer
                .themes
                .keys()
                .map(|name| (name.clone(), renderer.environment(name)))
                .collect();
            renderer.environments = Some(environments);
            renderer.documents = Some(renderer.document_environment());
        }
        Ok(renderer)
    }

    /// The installed themes, by name.
    pub fn themes(&self) -> impl Iterator<Item = &ThemeInfo> {
        self.themes.values()
    }

    /// Changes whenever a static file changes: part of every static URL.
    pub fn asset_version(&self) -> &str {
        &self.asset_version
    }

    /// Whether files are read from disk (development): static files are then not cached.
    pub fn reloads(&self) -> bool {
        matches!(self.source, ThemeSource::Disk(_))
    }

    /// The theme itself then its ancestors.
    fn chain(&self, theme: &str) -> Vec<String> {
        let mut chain = Vec::new();
        let mut next = Some(
            if self.themes.contains_key(theme) {
                theme
            } else {
                DEFAULT_THEME
            }
            .to_owned(),
        );
        while let Some(name) = next {
            if chain.contains(&name) {
                break;
            }
            next = self.themes.get(&name).and_then(|info| info.parent.clone());
            chain.push(name);
        }
        chain
    }

    /// Renders `template` of `theme` (or of its ancestors) with `context`.
    pub fn render(&self, theme: &str, template: &str, context: Value) -> AppResult<String> {
        let theme = if self.themes.contains_key(theme) {
            theme
        } else {
            DEFAULT_THEME
        };
        let rendered = match &self.environments {
            Some(environments) => environments[theme]
                .get_template(template)?
                .render(context)?,
            None => self
                .environment(theme)
                .get_template(template)?
                .render(context)?,
        };
        Ok(rendered)
    }

    /// Renders `template` of the default theme as a whole document (an email's body, a feed),
    /// whose whitespace is output as written: a line holding only a block tag or a comment
    /// leaves nothing, and the file's final newline is kept.
    pub fn render_document(&self, template: &str, context: Value) -> AppResult<String> {
        let rendered = match &self.documents {
            Some(environment) => environment.get_template(template)?.render(context)?,
            None => self
                .document_environment()
                .get_template(template)?
                .render(context)?,
        };
        Ok(rendered)
    }

    fn document_environment(&self) -> Environment<'static> {
        let mut env = self.environment(DEFAULT_THEME);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        env.set_keep_trailing_newline(true);
        env
    }

    fn environment(&self, theme: &str) -> Environment<'static> {
        let mut env = Environment::new();
        let chain = self.chain(theme);
        let source = self.source.clone();
        let loader_chain = chain.clone();
        env.set_loader(move |name| {
            if let Some(rest) = name.strip_prefix('@')
                && let Some((owner, path)) = rest.split_once('/')
            {
                return Ok(read_text(&source, &format!("{owner}/templates/{path}")));
            }
            if let Some(path) = name.strip_prefix("admin/") {
                let template = source.read_admin(&format!("templates/{path}"));
                return Ok(template.map(|bytes| String::from_utf8_lossy(&bytes).into_owned()));
            }
            Ok(loader_chain
                .iter()
                .find_map(|theme| read_text(&source, &format!("{theme}/templates/{name}"))))
        });
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html") || name.ends_with(".xml") {
                minijinja::AutoEscape::Html
            } else {
                minijinja::AutoEscape::None
            }
        });
        env.set_formatter(|out, state, value| match value.as_str() {
            Some(text)
                if state.auto_escape() == minijinja::AutoEscape::Html && !value.is_safe() =>
            {
                out.write_str(&escape_markup(text)).map_err(|_| {
                    minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "writing a template")
                })
            }
            _ => minijinja::escape_formatter(out, state, value),
        });
        let i18n = self.i18n.clone();
        env.add_function(
            "t",
            move |state: &State, key: &str, kwargs: Kwargs| -> Result<String, minijinja::Error> {
                let mut args = Vec::new();
                for name in kwargs.args() {
                    let value: Value = kwargs.get(name)?;
                    let arg = match i64::try_from(value.clone()) {
                        Ok(number) if value.is_number() => Arg::Number(number as f64),
                        _ => Arg::Text(value.to_string()),
                    };
                    args.push((name, arg));
                }
                kwargs.assert_all_used()?;
                Ok(i18n.message(lang_of(state), key, &args))
            },
        );
        env.add_function("url", |state: &State, path: &str| -> String {
            match lang_of(state) {
                Lang::En if path == "/" => "/en".to_owned(),
                Lang::En => format!("/en{}", crate::i18n::english_path(path)),
                Lang::Fr => path.to_owned(),
            }
        });
        // What editors write is French: on a page in another language it says so, for screen
        // readers' voices and hyphenation (`<h1{{ content_lang() }}>`).
        env.add_function("content_lang", |state: &State| -> Value {
            match lang_of(state) {
                Lang::Fr => Value::from_safe_string(String::new()),
                Lang::En => Value::from_safe_string(" lang=\"fr\"".to_owned()),
            }
        });
        let version = self.asset_version.clone();
        let static_source = self.source.clone();
        env.add_function(
            "static",
            move |path: &str| -> Result<String, minijinja::Error> {
                chain
                    .iter()
                    .find(|theme| {
                        static_source
                            .read(&format!("{theme}/static/{path}"))
                            .is_some()
                    })
                    .map(|theme| format!("/static/{version}/{theme}/{path}"))
                    .ok_or_else(|| {
                        minijinja::Error::new(
                            minijinja::ErrorKind::InvalidOperation,
                            format!("no static file {path}"),
                        )
                    })
            },
        );
        env
    }

    /// A static file `path` of `theme` or of its ancestors.
    pub fn static_file(&self, theme: &str, path: &str) -> Option<StaticFile> {
        if !self.themes.contains_key(theme) {
            return None;
        }
        self.chain(theme)
            .iter()
            .find_map(|name| self.source.read(&format!("{name}/static/{path}")))
            .map(|bytes| StaticFile {
                bytes,
                content_type: content_type(path),
            })
    }
}

/// Escapes text for HTML and XML content and quoted attributes, and drops the control
/// characters and non-characters XML forbids. Unlike minijinja's default it leaves `/` alone, so that URLs stay
/// readable in the page source.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => {}
            c if crate::text::is_noncharacter(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn lang_of(state: &State) -> Lang {
    match state.lookup("lang").as_ref().and_then(|v| v.as_str()) {
        Some("en") => Lang::En,
        _ => Lang::Fr,
    }
}

fn read_text(source: &ThemeSource, path: &str) -> Option<String> {
    source
        .read(path)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The media type of a static file, from its extension.
pub fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or_default() {
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Whether a response of this media type is worth compressing.
pub fn is_compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("application/json")
        || content_type.starts_with("application/manifest")
        || content_type.starts_with("application/atom")
        || content_type.starts_with("application/xml")
        || content_type.starts_with("application/ld")
        || content_type.starts_with("image/svg")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &std::path::Path, path: &str, text: &str) {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn themes_inherit_and_reload_from_disk() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "dsfr/theme.toml", "name = \"dsfr\"\n");
        write(
            root,
            "dsfr/templates/page.html",
            "{% block body %}parent{% endblock %} {{ static('css/site.css') }}",
        );
        write(root, "dsfr/templates/other.html", "dsfr other");
        write(root, "dsfr/static/css/site.css", "body {}");
        write(
            root,
            "child/theme.toml",
            "name = \"child\"\nparent = \"dsfr\"\n",
        );
        write(
            root,
            "child/templates/page.html",
            "{% extends \"@dsfr/page.html\" %}{% block body %}child{% endblock %}",
        );
        let i18n = Arc::new(I18n::load().unwrap());
        let renderer = Renderer::new(Some(root.to_path_buf()), i18n).unwrap();
        let version = renderer.asset_version().to_owned();
        let page = renderer
            .render("child", "page.html", minijinja::context! {})
            .unwrap();
        assert_eq!(page, format!("child /static/{version}/dsfr/css/site.css"));
        assert_eq!(
            renderer
                .render("child", "other.html", minijinja::context! {})
                .unwrap(),
            "dsfr other"
        );
        assert_eq!(
            renderer
                .render("unknown", "other.html", minijinja::context! {})
                .unwrap(),
            "dsfr other"
        );

        write(root, "dsfr/templates/other.html", "edited");
        assert_eq!(
            renderer
                .render("child", "other.html", minijinja::context! {})
                .unwrap(),
            "edited"
        );
        assert!(renderer.static_file("child", "css/site.css").is_some());
        assert!(
            renderer
                .static_file("child", "../dsfr/theme.toml")
                .is_none()
        );
    }

    /// A renderer of a `dsfr` theme on disk with one template, `name`.
    fn one_template(name: &str, text: &str) -> (tempfile::TempDir, Renderer) {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "dsfr/theme.toml", "name = \"dsfr\"\n");
        write(dir.path(), &format!("dsfr/templates/{name}"), text);
        let i18n = Arc::new(I18n::load().unwrap());
        let renderer = Renderer::new(Some(dir.path().to_path_buf()), i18n).unwrap();
        (dir, renderer)
    }

    #[test]
    fn text_is_escaped_and_urls_stay_readable() {
        let (_dir, renderer) = one_template(
            "x.html",
            "<a href=\"{{ url }}\" title='{{ text }}'>{{ text }}</a>{{ html|safe }}",
        );
        let context = minijinja::context! { url => "/offres/a-b?x=1&y=2", text => "<b>\"l'été\"</b>", html => "<i>ok</i>" };
        assert_eq!(
            renderer.render("dsfr", "x.html", context).unwrap(),
            "<a href=\"/offres/a-b?x=1&amp;y=2\" title='&lt;b&gt;&quot;l&#39;été&quot;&lt;/b&gt;'>&lt;b&gt;&quot;l&#39;été&quot;&lt;/b&gt;</a><i>ok</i>"
        );
    }

    #[test]
    fn documents_keep_their_whitespace() {
        let (_dir, renderer) = one_template(
            "list.xml",
            "{# a list #}\n<list>\n{% for x in xs %}\n  <x>{{ x }}</x>\n{% endfor %}\n</list>\n",
        );
        let context = minijinja::context! { xs => ["a&b", "c"] };
        assert_eq!(
            renderer.render_document("list.xml", context).unwrap(),
            "<list>\n  <x>a&amp;b</x>\n  <x>c</x>\n</list>\n"
        );
    }

    #[test]
    fn markup_escaping_covers_xml() {
        assert_eq!(
            escape_markup("R&D <b>\"x\"</b>\u{7}"),
            "R&amp;D &lt;b&gt;&quot;x&quot;&lt;/b&gt;"
        );
    }

    #[test]
    fn a_theme_with_an_unknown_parent_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "dsfr/theme.toml", "name = \"dsfr\"\n");
        write(
            dir.path(),
            "x/theme.toml",
            "name = \"x\"\nparent = \"nope\"\n",
        );
        let i18n = Arc::new(I18n::load().unwrap());
        let error = Renderer::new(Some(dir.path().to_path_buf()), i18n)
            .err()
            .unwrap();
        assert!(error.to_string().contains("unknown theme nope"), "{error}");
    }
}
