//! `briefing.yaml` → [`Config`].
//!
//! Every key is optional; a missing file means all defaults. Unknown keys are
//! an error naming the key, because a typo (`base-url:`) silently ignored is a
//! site published to the wrong address.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The name of the configuration file at the site root.
pub const CONFIG_FILE: &str = "briefing.yaml";

/// Site configuration.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Site title, shown in every page header and in feeds.
    pub title: String,
    /// One-line description for the home page and feeds.
    pub description: String,
    /// Public address of the site, e.g. `https://user.github.io/repo/`.
    /// Used only where absolute URLs are required (feeds, sitemap, canonical, 404).
    pub base_url: String,
    /// Theme name: a folder under `themes/`.
    pub theme: String,
    /// Language code for `<html lang>`.
    pub language: String,
    /// Content directory, relative to the site root.
    pub content_dir: PathBuf,
    /// Output directory, relative to the site root.
    pub output_dir: PathBuf,
    /// Custom domain for GitHub Pages: written to `CNAME` when set.
    pub cname: Option<String>,
    /// Names that are never people (e.g. a newsroom that looks like a name).
    pub never_people: Vec<String>,
    /// Force-merged spellings: canonical name → variants.
    pub aliases: BTreeMap<String, Vec<String>>,
    /// People and events get their own Atom feed only with at least this
    /// many articles (a one-article feed repeats the site feed's news).
    pub feed_min_articles: usize,
    /// Site root (the directory holding `briefing.yaml`); not read from the file.
    #[serde(skip)]
    pub root: PathBuf,
    /// `--strict` / `--keep-going`; not read from the file.
    #[serde(skip)]
    pub load: crate::content::LoadOptions,
    /// Publish drafts too (`--drafts`, for previews); not read from the file.
    #[serde(skip)]
    pub drafts: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Briefing".into(),
            description: "News briefings merged from many sources.".into(),
            base_url: "http://127.0.0.1:1111/".into(),
            theme: "default".into(),
            language: "en".into(),
            content_dir: "content".into(),
            output_dir: "public".into(),
            cname: None,
            never_people: Vec::new(),
            aliases: BTreeMap::new(),
            feed_min_articles: 2,
            root: PathBuf::from("."),
            load: Default::default(),
            drafts: false,
        }
    }
}

/// A configuration file that could not be read or understood.
#[derive(Debug)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line and column, when known.
    pub location: Option<(usize, usize)>,
    /// What went wrong and what to do.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location {
            Some((l, c)) => write!(f, "{}:{l}:{c}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Loads `briefing.yaml` from `root`, or defaults when there is none.
    pub fn load(root: &Path) -> Result<Config, ConfigError> {
        let path = root.join(CONFIG_FILE);
        let mut config = match std::fs::read_to_string(&path) {
            Ok(text) => Config::parse(&text).map_err(|(location, message)| ConfigError {
                path: path.clone(),
                location,
                message,
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Config::default(),
            Err(e) => {
                return Err(ConfigError {
                    path,
                    location: None,
                    message: format!("cannot read the file: {e}"),
                })
            }
        };
        config.root = root.to_path_buf();
        Ok(config)
    }

    /// Parses configuration text; errors carry a location and a hint.
    pub fn parse(text: &str) -> Result<Config, (Option<(usize, usize)>, String)> {
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        let mut config: Config = serde_yaml::from_str(text).map_err(|e| {
            let loc = e.location().map(|l| (l.line(), l.column()));
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            let hint = if msg.contains("unknown field") {
                "remove or rename the key; allowed keys are listed above"
            } else {
                "fix the YAML (see docs in README.md, section Configuration)"
            };
            (loc, format!("{msg}\n  help: {hint}"))
        })?;
        config.base_url = check_base_url(&config.base_url).map_err(|msg| {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with("base_url"))
                .map(|i| (i + 1, 1));
            (line, msg)
        })?;
        Ok(config)
    }

    /// Overrides the base URL (from `--base-url`); refuses one without a
    /// web scheme, like `briefing.yaml` does.
    pub fn set_base_url(&mut self, url: &str) -> Result<(), String> {
        self.base_url = check_base_url(url)?;
        Ok(())
    }

    /// True when the base URL points at this machine (the default, or a
    /// copy of it): fine for `serve`, wrong for a published build.
    pub fn base_url_is_local(&self) -> bool {
        let rest = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, r)| r);
        let host = rest.split(['/', ':']).next().unwrap_or("");
        matches!(host, "127.0.0.1" | "localhost" | "[::1]" | "0.0.0.0")
    }

    /// The path part of the base URL (`/repo/` for `https://u.github.io/repo/`).
    pub fn base_path(&self) -> String {
        let rest = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, r)| r);
        match rest.find('/') {
            Some(i) => rest[i..].to_string(),
            None => "/".into(),
        }
    }

    /// Content directory resolved against the site root.
    pub fn content_path(&self) -> PathBuf {
        self.root.join(&self.content_dir)
    }

    /// Output directory resolved against the site root.
    pub fn output_path(&self) -> PathBuf {
        self.root.join(&self.output_dir)
    }

    /// Theme directory resolved against the site root.
    pub fn theme_path(&self) -> PathBuf {
        self.root.join("themes").join(&self.theme)
    }

    /// Site-level template overrides directory.
    pub fn templates_path(&self) -> PathBuf {
        self.root.join("templates")
    }

    /// Absolute URL for a site-relative path (`events/x/` → `https://…/events/x/`).
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path.trim_start_matches('/'))
    }
}

/// Validates a base URL and gives it a trailing slash. Only `http://` and
/// `https://` with a host are accepted: a scheme-less `example.org` would
/// make every absolute link relative, and `javascript:` would run in readers.
pub fn check_base_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let help = "write the full address with its scheme, e.g. https://you.github.io/your-repo/";
    let Some((scheme, rest)) = url.split_once("://") else {
        return Err(format!("base_url `{url}` has no scheme\n  help: {help}"));
    };
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
        return Err(format!(
            "base_url `{url}`: only http:// and https:// addresses can be published\n  help: {help}"
        ));
    }
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() || host.contains(char::is_whitespace) || url.contains(['"', '<', '>']) {
        return Err(format!(
            "base_url `{url}` has no valid host\n  help: {help}"
        ));
    }
    let mut out = url.to_string();
    if !out.ends_with('/') {
        out.push('/');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_means_defaults() {
        assert_eq!(Config::parse("").unwrap(), Config::default());
    }

    #[test]
    fn reads_known_keys_and_normalises_base_url() {
        let c = Config::parse("title: Riyadh watch\nbase_url: https://u.github.io/repo\naliases:\n  Sergei Lavrov: [Sergey Lavrov]\n").unwrap();
        assert_eq!(c.title, "Riyadh watch");
        assert_eq!(c.base_url, "https://u.github.io/repo/");
        assert_eq!(c.absolute("/events/"), "https://u.github.io/repo/events/");
        assert_eq!(c.aliases["Sergei Lavrov"], vec!["Sergey Lavrov"]);
    }

    #[test]
    fn base_url_needs_a_web_scheme() {
        let (loc, msg) = Config::parse("title: x\nbase_url: example.org\n").unwrap_err();
        assert!(msg.contains("no scheme") && msg.contains("help:"), "{msg}");
        assert_eq!(loc.map(|l| l.0), Some(2));
        let (_, msg) = Config::parse("base_url: javascript:alert(1)//\n").unwrap_err();
        assert!(msg.contains("base_url"), "{msg}");
        assert!(check_base_url("javascript://x/").is_err());
        assert!(check_base_url("https:///path").is_err());
        assert!(check_base_url("ftp://host/").is_err());
        assert_eq!(check_base_url("HTTPS://h.org").unwrap(), "HTTPS://h.org/");
        let mut c = Config::default();
        assert!(c.set_base_url("example.org").is_err());
        c.set_base_url("https://u.github.io/repo").unwrap();
        assert_eq!(c.base_path(), "/repo/");
        assert!(!c.base_url_is_local());
        assert!(Config::default().base_url_is_local());
        assert_eq!(Config::default().base_path(), "/");
    }

    #[test]
    fn unknown_key_is_named_with_location() {
        let (loc, msg) = Config::parse("title: x\nbase-url: y\n").unwrap_err();
        assert!(msg.contains("base-url"), "{msg}");
        assert_eq!(loc.map(|l| l.0), Some(2));
    }
}
