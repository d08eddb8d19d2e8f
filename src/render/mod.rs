//! `render`: the finished [`Site`] → every output file, in memory.
//!
//! One context builder per page kind (`pages`), Tera templates from the theme
//! (`engine`), article bodies (`body`, `highlight`), feeds and sitemap
//! (`feeds`), the search index (`search`) and the JSON data export (`export`).
//! Nothing here changes a content decision.

pub mod body;
pub mod briefing;
pub mod charts;
pub mod compact;
pub mod context;
pub mod depth;
pub mod engine;
pub mod export;
pub mod feeds;
pub mod highlight;
pub mod links;
pub mod pages;
pub mod paginate;
pub mod search;
pub mod sitemaps;

use crate::output::{Collector, Sink, SiteFiles};
use crate::site::Site;
use crate::timings::Timings;
pub use engine::{Engine, TemplateError};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

/// A page about to be rendered: its path and its template.
pub(crate) struct Page<'a> {
    /// Site-relative directory of the page (`people/x/`), `""` for home.
    pub path: String,
    /// Template name.
    pub template: &'a str,
    /// Feeds to list in `<head>` besides the site feed.
    pub feeds: Vec<context::Link>,
    /// Hash of everything the page shows, when known (see [`Sink::reuse`]).
    pub key: Option<u128>,
    /// The pager, on pages of a paginated index.
    pub pagination: Option<paginate::Pagination>,
}

impl Page<'_> {
    /// `../` once per directory level, so links stay relative.
    fn root(&self) -> String {
        "../".repeat(self.path.matches('/').count())
    }
}

/// Renders the whole site into memory.
pub fn render(site: &Site) -> Result<SiteFiles, TemplateError> {
    let files = Collector::default();
    render_to(site, &files, &mut Timings::default())?;
    Ok(files.0.into_inner().expect("collector lock"))
}

/// Renders the whole site into `sink`, on all cores, one page at a time:
/// no page's context or bytes outlive the page (beyond what `sink` keeps).
pub fn render_to(site: &Site, sink: &dyn Sink, timings: &mut Timings) -> Result<(), TemplateError> {
    let engine = Engine::load(&site.config)?;
    let site_ctx = context::site_ctx(site);
    // What every page depends on besides its own context.
    let epoch = render_epoch(site, &engine, &site_ctx);
    let render_page = |page: Page, name: &str, value: &dyn ErasedCtx| {
        let mut ctx = tera::Context::new();
        ctx.insert("site", &site_ctx);
        ctx.insert("root", &page.root());
        ctx.insert("page_url", &page.path);
        ctx.insert("feeds", &page.feeds);
        if let Some(p) = &page.pagination {
            ctx.insert("pagination", p);
        }
        value.insert_into(name, &mut ctx);
        let html = engine.render(page.template, &ctx)?;
        let rel = format!("{}index.html", page.path);
        match page.key {
            Some(key) => sink.put_keyed(rel, compact::html(&html), mix(epoch, key)),
            None => sink.put(rel, compact::html(&html)),
        }
        Ok(())
    };
    // Item pages are keyed: unchanged ones are not rendered again.
    let reuse = |path: &str, key: u128| sink.reuse(&format!("{path}index.html"), mix(epoch, key));
    // The export goes first, each file out as soon as it is made: its tens
    // of MB are freed before any page is rendered, so they never add to the
    // pages' memory (peak memory, issue 9).
    export::write(site, &mut |path, json| {
        sink.put(path.into(), json.into_bytes())
    });
    let mut search_files = SiteFiles::default();
    search::write(site, &mut search_files);
    for (path, bytes) in search_files.into_entries() {
        sink.put(path, bytes);
    }
    timings.mark("data and search");
    let mut emit_index =
        |page: Page, name: &str, value: &dyn ErasedCtx| render_page(page, name, value);
    pages::indexes(site, &mut emit_index)?;
    timings.mark("index pages");
    pages::items(site).par_iter().try_for_each(|&item| {
        pages::item(site, item, &reuse, &mut |page, name, value| {
            render_page(page, name, value)
        })
    })?;
    timings.mark("item pages");

    // 404 is served by GitHub Pages at any depth: absolute links only.
    let mut ctx = tera::Context::new();
    ctx.insert("site", &site_ctx);
    ctx.insert("root", &site.config.base_url);
    ctx.insert("page_url", "404.html");
    ctx.insert("feeds", &Vec::<context::Link>::new());
    sink.put(
        "404.html".into(),
        compact::html(&engine.render("404.html", &ctx)?),
    );

    for r in pages::redirects(site) {
        let mut ctx = tera::Context::new();
        ctx.insert("site", &site_ctx);
        ctx.insert("root", &"../".repeat(r.from.matches('/').count()));
        ctx.insert("target", &r.to);
        ctx.insert("title", &r.title);
        sink.put(
            format!("{}index.html", r.from),
            compact::html(&engine.render("redirect.html", &ctx)?),
        );
    }

    // A feed reader subscribed to a moved page keeps receiving its new feed:
    // the feeds of redirect targets are kept aside for their old addresses.
    let wanted: BTreeSet<String> = pages::redirects(site)
        .iter()
        .map(|r| format!("{}atom.xml", r.to))
        .collect();
    let kept = Mutex::new(BTreeMap::<String, Vec<u8>>::new());
    let feed_sink = KeepSome {
        inner: sink,
        wanted: &wanted,
        kept: &kept,
    };
    feeds::write(site, &engine, &site_ctx, &feed_sink)?;
    let kept = kept.into_inner().expect("feed lock");
    for r in pages::redirects(site) {
        // A page whose articles are all gone points at an index, which has
        // no feed of its own: its old feed address is dropped rather than
        // given a copy of the site feed (hundreds of copies at 19k articles).
        if let Some(feed) = kept.get(&format!("{}atom.xml", r.to)) {
            sink.put(format!("{}atom.xml", r.from), feed.clone());
        }
    }
    timings.mark("feeds");
    let mut files = SiteFiles::default();
    for (path, bytes) in links::assets(site) {
        files.insert(path, bytes);
    }
    for (path, bytes) in &engine.statics {
        files.insert(path.clone(), bytes.clone());
    }
    files.insert(".nojekyll", "");
    if let Some(cname) = site
        .config
        .cname
        .as_deref()
        .filter(|c| !c.trim().is_empty())
    {
        files.insert("CNAME", format!("{}\n", cname.trim()));
    }
    // Moved, not copied.
    for (path, bytes) in files.into_entries() {
        sink.put(path, bytes);
    }
    timings.mark("assets");
    Ok(())
}

/// A hash of what every page depends on besides its context: the binary
/// (built-in theme and rendering code), the configuration, the site context
/// and the site's own templates, themes and static files.
///
/// The site-wide counts in the site context change with every added article;
/// the built-in item templates (and `base.html`) do not show them, so they
/// are left out unless a site's own template mentions them.
fn render_epoch(site: &Site, engine: &Engine, site_ctx: &context::SiteCtx) -> u128 {
    let mut text = format!("{}\n{:?}\n", env!("CARGO_PKG_VERSION"), site.config);
    let counted = |ctx: &context::SiteCtx| serde_json::to_string(ctx).unwrap_or_default();
    if let Some(exe) = std::env::current_exe()
        .ok()
        .and_then(|e| std::fs::metadata(e).ok())
    {
        text.push_str(&format!("{:?} {:?}\n", exe.len(), exe.modified().ok()));
    }
    let mut bytes = text.into_bytes();
    let mut mentions_counts = false;
    for dir in ["templates", "themes", "static"] {
        for entry in walkdir::WalkDir::new(site.config.root.join(dir))
            .sort_by_file_name()
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
        {
            let file = std::fs::read(entry.path()).unwrap_or_default();
            mentions_counts |= shows_site_counts(&String::from_utf8_lossy(&file));
            bytes.extend(entry.path().to_string_lossy().as_bytes());
            bytes.extend(file);
        }
    }
    let shared = context::SiteCtx {
        article_count: 0,
        person_count: 0,
        event_count: 0,
        ..site_ctx.clone()
    };
    bytes.extend(counted(if mentions_counts { site_ctx } else { &shared }).as_bytes());
    for (path, b) in &engine.statics {
        bytes.extend(path.as_bytes());
        bytes.extend(b);
    }
    crate::output::hash_bytes(&bytes)
}

/// Whether a template reads the site-wide counts (`site.article_count`, …).
fn shows_site_counts(template: &str) -> bool {
    [
        "site.article_count",
        "site.person_count",
        "site.event_count",
    ]
    .iter()
    .any(|c| template.contains(c))
}

/// Combines the render epoch with a page key.
fn mix(epoch: u128, key: u128) -> u128 {
    crate::output::hash_bytes(format!("{epoch:x}{key:x}").as_bytes())
}

/// Passes every file on, keeping a copy of the `wanted` ones.
struct KeepSome<'a> {
    inner: &'a dyn Sink,
    wanted: &'a BTreeSet<String>,
    kept: &'a Mutex<BTreeMap<String, Vec<u8>>>,
}

impl Sink for KeepSome<'_> {
    fn put(&self, rel: String, bytes: Vec<u8>) {
        if self.wanted.contains(&rel) {
            self.kept
                .lock()
                .expect("feed lock")
                .insert(rel.clone(), bytes.clone());
        }
        self.inner.put(rel, bytes);
    }
}

/// Lets `pages` hand differently typed contexts to one emitter.
pub(crate) trait ErasedCtx {
    fn insert_into(&self, name: &str, ctx: &mut tera::Context);
    /// The context as JSON bytes, for hashing.
    fn json(&self) -> Vec<u8>;
}

impl<T: Serialize> ErasedCtx for T {
    fn insert_into(&self, name: &str, ctx: &mut tera::Context) {
        ctx.insert(name.to_string(), self);
    }

    fn json(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    /// Item pages are reused across builds without the site-wide counts in
    /// their key (see `render_epoch`): the built-in templates they use must
    /// not show them.
    #[test]
    fn builtin_item_templates_do_not_show_site_counts() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
        // Everything but the index pages (which are always rendered).
        let indexes = ["index.html", "events.html", "people.html", "articles.html"];
        let mut checked = 0;
        for entry in walkdir::WalkDir::new(&dir).into_iter().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().is_file() && !indexes.contains(&name.as_str()) {
                let text = std::fs::read_to_string(entry.path()).unwrap();
                assert!(
                    !super::shows_site_counts(&text),
                    "{name} shows a site-wide count"
                );
                checked += 1;
            }
        }
        assert!(checked >= 4, "the item templates were found");
        let home = std::fs::read_to_string(dir.join("index.html")).unwrap();
        assert!(
            super::shows_site_counts(&home),
            "the check recognises a count"
        );
    }
}
