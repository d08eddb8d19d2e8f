//! Links and images written in articles: where each one points.
//!
//! A relative Markdown link in an article is read the way its author sees it
//! in the content folder:
//! - a link to another article's file (`../wire/talks.md`, or without the
//!   extension) becomes a link to that article's page;
//! - a link to a file beside the article (`img/map.png`, a PDF) is a page
//!   bundle asset: the file is copied to `files/<path in content>` and linked
//!   there (one copy however many articles use it); only [`ASSET_TYPES`] are
//!   copied, never HTML or SVG, which would run script on the site's origin;
//! - `../other-article/` (the article's page address) or a site path such as
//!   `/events/` is kept as a site link.
//!
//! Anything else is broken: the page shows the text without a link and
//! `briefing check` reports `path:line` (see [`problems`]).

use super::context::article_url;
use crate::content::Article;
use crate::site::Site;
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::path::{Path, PathBuf};

/// File types copied as page-bundle assets.
pub const ASSET_TYPES: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "webp", "avif", "pdf", "csv", "mp3", "mp4", "webm", "ogg",
];
/// Extensions of article files, tried for extension-less links.
const ARTICLE_TYPES: &[&str] = &["md", "markdown", "txt"];

/// Where a link written in an article points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// `http(s):` or `mailto:`, kept as written.
    External(String),
    /// `#anchor` on the same page.
    Fragment(String),
    /// A site page or file: site-relative path (`articles/x/#p2`).
    Site(String),
    /// A file from the content folder, copied to `out` (site-relative).
    Asset {
        /// The file on disk.
        source: PathBuf,
        /// Where it is published.
        out: String,
    },
    /// Nothing there: why.
    Broken(String),
}

/// Resolves `dest` written in `article`.
pub fn resolve(site: &Site, article: &Article, dest: &str) -> Target {
    let dest = dest.trim();
    let lower = dest.to_ascii_lowercase();
    if ["https://", "http://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return Target::External(dest.to_string());
    }
    if let Some(frag) = dest.strip_prefix('#') {
        return Target::Fragment(frag.to_string());
    }
    if lower
        .split(['/', '?', '#'])
        .next()
        .is_some_and(|s| s.contains(':'))
    {
        return Target::Broken(format!(
            "`{dest}`: only http, https and mailto links are kept"
        ));
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let with_fragment = |url: String| match fragment {
        Some(f) if !f.is_empty() => format!("{url}#{f}"),
        _ => url,
    };
    if let Some(site_path) = path.strip_prefix('/') {
        return Target::Site(with_fragment(site_path.to_string()));
    }
    let dir = article.source_path.rsplit_once('/').map_or("", |(d, _)| d);
    let Some(in_content) = normalise(&format!("{dir}/{path}")) else {
        return Target::Broken(format!("`{dest}` leaves the content folder"));
    };
    if let Some(other) = article_at(site, &in_content) {
        return Target::Site(with_fragment(article_url(&other.id)));
    }
    // The article page's own view: `../other-id/` from `articles/<id>/`.
    if let Some(id) = normalise(&format!("articles/{}/{path}", article.id)).and_then(|p| {
        p.strip_prefix("articles/")
            .map(|s| s.trim_end_matches('/').to_string())
    }) {
        if site.articles.iter().any(|a| a.id == id) {
            return Target::Site(with_fragment(article_url(&id)));
        }
    }
    let is_article_file = ARTICLE_TYPES
        .iter()
        .any(|e| in_content.ends_with(&format!(".{e}")));
    let skipped = site.skipped.iter().find(|s| s.path == in_content);
    if let Some(skip) = skipped.filter(|_| is_article_file) {
        return Target::Broken(format!(
            "`{dest}` is not published ({}); `--drafts` previews drafts",
            skip.reason
        ));
    }
    let source = site.config.content_path().join(&in_content);
    let ext = in_content
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if source.is_file() {
        if ASSET_TYPES.contains(&ext.as_str()) {
            return Target::Asset {
                source,
                out: format!("files/{in_content}"),
            };
        }
        return Target::Broken(format!(
            "`{dest}`: .{ext} files are not published (allowed: {})",
            ASSET_TYPES.join(", ")
        ));
    }
    Target::Broken(format!(
        "`{dest}` not found (looked for content/{in_content})"
    ))
}

/// The article whose file is `path` (or `path` + an article extension, or
/// `path/index.md`).
fn article_at<'s>(site: &'s Site, path: &str) -> Option<&'s Article> {
    let path = path.trim_end_matches('/');
    let mut candidates = vec![path.to_string()];
    for ext in ARTICLE_TYPES {
        candidates.push(format!("{path}.{ext}"));
        candidates.push(format!("{path}/index.{ext}"));
    }
    site.articles
        .iter()
        .find(|a| candidates.contains(&a.source_path))
}

/// Resolves `.` and `..` in a `/`-separated path; `None` if it climbs out.
fn normalise(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if path.ends_with('/') && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// A broken link or missing image, for `briefing check`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// File under the content folder.
    pub path: String,
    /// 1-based line of the link in that file (0 when not found).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "content/{}:{}: {}", self.path, self.line, self.message)
    }
}

/// Every link and image in every article, resolved: `(article, dest, is_image, target)`.
pub fn all_targets(site: &Site) -> Vec<(&Article, String, bool, Target)> {
    let mut out = Vec::new();
    for a in &site.articles {
        for p in &a.paragraphs {
            let Some(md) = &p.markdown else { continue };
            for ev in Parser::new_ext(md, Options::all()) {
                let (dest, image) = match ev {
                    Event::Start(Tag::Link { dest_url, .. }) => (dest_url, false),
                    Event::Start(Tag::Image { dest_url, .. }) => (dest_url, true),
                    _ => continue,
                };
                let target = resolve(site, a, &dest);
                out.push((a, dest.to_string(), image, target));
            }
        }
    }
    out
}

/// Broken links and missing images; `exists(site_path)` says whether the
/// rendered site has a page or file there.
pub fn problems(site: &Site, exists: &dyn Fn(&str) -> bool) -> Vec<Problem> {
    let mut out = Vec::new();
    for (a, dest, image, target) in all_targets(site) {
        let what = if image { "image" } else { "link" };
        let message = match target {
            Target::Broken(why) => format!("broken {what}: {why}"),
            Target::Site(path) if !exists(path.split('#').next().unwrap_or("")) => {
                format!("broken {what}: `{dest}`: the site has no page {path}")
            }
            _ => continue,
        };
        out.push(Problem {
            path: a.source_path.clone(),
            line: line_of(&site.config.content_path().join(&a.source_path), &dest),
            message,
        });
    }
    out.sort_by(|x, y| (&x.path, x.line).cmp(&(&y.path, y.line)));
    out.dedup();
    out
}

/// The line of `file` where `](dest` (or `dest`) first appears.
fn line_of(file: &Path, dest: &str) -> usize {
    let Ok(text) = std::fs::read(file) else {
        return 0;
    };
    let text = String::from_utf8_lossy(&text);
    let needle = format!("]({dest}");
    text.lines()
        .position(|l| l.contains(&needle))
        .or_else(|| text.lines().position(|l| l.contains(dest)))
        .map_or(0, |i| i + 1)
}

/// Copies of every asset the articles use: site path → bytes.
pub fn assets(site: &Site) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    for (_, _, _, target) in all_targets(site) {
        if let Target::Asset { source, out: path } = target {
            if out.iter().all(|(p, _)| *p != path) {
                if let Ok(bytes) = std::fs::read(&source) {
                    out.push((path, bytes));
                }
            }
        }
    }
    out.sort();
    out
}

/// The `href`/`src` for `dest` on `article`'s page, or `None` when broken.
pub fn href(site: &Site, article: &Article, dest: &str) -> Option<String> {
    // Article pages sit at `articles/<id>/`: two levels below the root.
    let root = "../../";
    match resolve(site, article, dest) {
        Target::External(u) => Some(u),
        Target::Fragment(f) => Some(format!("#{f}")),
        Target::Site(p) => Some(format!("{root}{p}")),
        Target::Asset { out, .. } => Some(format!("{root}{out}")),
        Target::Broken(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn normalise_refuses_to_climb_out() {
        assert_eq!(normalise("a/../b/c.png").as_deref(), Some("b/c.png"));
        assert_eq!(normalise("a/./b/").as_deref(), Some("a/b/"));
        assert_eq!(normalise("../x"), None);
        assert_eq!(normalise("a/../../x"), None);
    }
}
