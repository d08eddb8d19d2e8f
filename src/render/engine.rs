//! Tera setup and theme lookup.
//!
//! Template lookup order for a name like `person.html`:
//! 1. `templates/person.html` in the site root (site overrides),
//! 2. `themes/<theme>/templates/person.html` on disk,
//! 3. the built-in default theme compiled into the binary, so `briefing
//!    build` works in any folder that only has a `content/` directory.
//!
//! The lookup is file by file for *any* theme: a theme that holds only
//! `index.html` gets every other template from the built-in theme, and may
//! `{% extends "base.html" %}` the built-in base.
//!
//! Static files follow the same order (`static/`, `themes/<theme>/static/`,
//! built-in) and are copied to the output root.

use crate::config::Config;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use tera::{Kwargs, State, Tera};

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/", $name)))),*]
    };
}

/// The default theme's files, compiled in: (path inside the theme, contents).
const BUILTIN: &[(&str, &str)] = builtin![
    "templates/base.html",
    "templates/index.html",
    "templates/article.html",
    "templates/articles.html",
    "templates/event.html",
    "templates/events.html",
    "templates/person.html",
    "templates/people.html",
    "templates/search.html",
    "templates/404.html",
    "templates/redirect.html",
    "templates/atom.xml",
    "templates/partials/pagination.html",
    "templates/partials/meta.html",
    "templates/partials/event_pictures.html",
    "static/style.css",
    "static/search.js",
    "static/favicon.svg",
];

/// The built-in theme's files (path inside the theme, bytes), for
/// `briefing init --theme`.
pub fn builtin_files() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    BUILTIN.iter().map(|(p, t)| (*p, t.as_bytes()))
}

/// A template that failed to load or render, with Tera's explanation.
#[derive(Debug)]
pub struct TemplateError {
    /// Template or file name.
    pub name: String,
    /// Tera's message (rustc-style, with the source line).
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "template {}: {}", self.name, self.message)
    }
}

impl std::error::Error for TemplateError {}

/// Loaded templates plus the theme's static files.
pub struct Engine {
    tera: Tera,
    /// Static files: output path → bytes.
    pub statics: BTreeMap<String, Vec<u8>>,
}

impl Engine {
    /// Loads built-in, theme and site templates (later ones win).
    pub fn load(config: &Config) -> Result<Engine, TemplateError> {
        let mut templates: BTreeMap<String, String> = BTreeMap::new();
        let mut statics: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        for (path, text) in BUILTIN {
            if let Some(name) = path.strip_prefix("templates/") {
                templates.insert(name.to_string(), text.to_string());
            } else if let Some(name) = path.strip_prefix("static/") {
                statics.insert(name.to_string(), text.as_bytes().to_vec());
            }
        }
        let theme = config.theme_path();
        if config.theme != "default" && !theme.is_dir() {
            return Err(TemplateError {
                name: theme.display().to_string(),
                message: format!("theme `{}` not found: create themes/{}/ or set `theme: default` in briefing.yaml", config.theme, config.theme),
            });
        }
        read_tree(&theme.join("templates"), &mut |rel, bytes| {
            templates.insert(rel, String::from_utf8_lossy(&bytes).into_owned());
        })?;
        read_tree(&theme.join("static"), &mut |rel, bytes| {
            statics.insert(rel, bytes);
        })?;
        read_tree(&config.templates_path(), &mut |rel, bytes| {
            templates.insert(rel, String::from_utf8_lossy(&bytes).into_owned());
        })?;
        read_tree(&config.root.join("static"), &mut |rel, bytes| {
            statics.insert(rel, bytes);
        })?;
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        tera.register_function("url", url_function);
        register_pictures(&mut tera);
        tera.add_raw_templates(templates.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .map_err(|e| TemplateError {
                name: "templates".into(),
                message: full_error(&e),
            })?;
        Ok(Engine { tera, statics })
    }

    /// Renders `name` with `ctx`.
    pub fn render(&self, name: &str, ctx: &tera::Context) -> Result<String, TemplateError> {
        self.tera.render(name, ctx).map_err(|e| TemplateError {
            name: name.into(),
            message: full_error(&e),
        })
    }
}

/// `url(path="people/x/")` → a link relative to the page being rendered,
/// using the page's `root` (`"../../"`). Absolute URLs pass through.
fn url_function(kwargs: Kwargs, state: &State) -> tera::TeraResult<String> {
    let path: String = kwargs.must_get::<&str>("path")?.to_string();
    if path.contains("://") {
        return Ok(path);
    }
    let root: String = state.get::<String>("root")?.unwrap_or_default();
    let path = path.trim_start_matches('/');
    Ok(if path.is_empty() && root.is_empty() {
        "./".into()
    } else {
        format!("{root}{path}")
    })
}

/// `json_ld` filter and the SVG picture functions (see `render::charts`).
fn register_pictures(tera: &mut Tera) {
    use super::charts;
    tera.register_filter("json_ld", json_ld);
    tera.register_function("timeline_svg", |kwargs: Kwargs, state: &State| {
        let items: tera::Value = kwargs.must_get("items")?;
        let root: String = state.get::<String>("root")?.unwrap_or_default();
        Ok(tera::Value::safe_string(&charts::timeline(
            &charts::read_list(&items),
            &root,
        )))
    });
    tera.register_function("mentions_svg", |kwargs: Kwargs, _: &State| {
        let items: tera::Value = kwargs.must_get("articles")?;
        Ok(tera::Value::safe_string(&charts::mentions(
            &charts::read_list(&items),
        )))
    });
    tera.register_function("outlets_svg", |kwargs: Kwargs, _: &State| {
        let items: tera::Value = kwargs.must_get("sources")?;
        Ok(tera::Value::safe_string(&charts::outlets(
            &charts::read_list(&items),
        )))
    });
}

/// A value as JSON for `<script type="application/ld+json">`: `<`, `>` and
/// `&` are written as `\u003c`…, so article text can never close the script.
/// Keys are sorted (same input, same bytes) and empty parts dropped: nulls,
/// empty lists and strings, objects left with nothing but their `@type`.
fn json_ld(value: tera::Value, _: Kwargs, _: &State) -> tera::Value {
    let mut v = serde_json::to_value(&value).unwrap_or_default();
    prune(&mut v);
    let json = serde_json::to_string(&v).unwrap_or_else(|_| "{}".into());
    let json = json
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    tera::Value::safe_string(&json)
}

/// Drops empty values from JSON-LD; true when `v` itself is empty.
fn prune(v: &mut serde_json::Value) -> bool {
    use serde_json::Value;
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(items) => {
            items.retain_mut(|i| !prune(i));
            items.is_empty()
        }
        Value::Object(map) => {
            map.retain(|_, i| !prune(i));
            map.is_empty() || (map.len() == 1 && map.contains_key("@type"))
        }
        _ => false,
    }
}

fn full_error(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(&format!("\n  caused by: {s}"));
        src = s.source();
    }
    msg
}

/// Calls `f(relative_path, bytes)` for every file under `dir` (if it exists), sorted.
fn read_tree(dir: &Path, f: &mut dyn FnMut(String, Vec<u8>)) -> Result<(), TemplateError> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| TemplateError {
            name: dir.display().to_string(),
            message: e.to_string(),
        })?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if !entry.file_type().is_file() || hidden {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let rel: Vec<_> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect();
        let bytes = std::fs::read(entry.path()).map_err(|e| TemplateError {
            name: entry.path().display().to_string(),
            message: format!("cannot read: {e}"),
        })?;
        f(rel.join("/"), bytes);
    }
    Ok(())
}
