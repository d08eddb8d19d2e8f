//! `render`: the finished [`Site`] → every output file, in memory.
//!
//! One context builder per page kind (`pages`), Tera templates from the theme
//! (`engine`), article bodies (`body`, `highlight`), feeds and sitemap
//! (`feeds`), the search index (`search`) and the JSON data export (`export`).
//! Nothing here changes a content decision.

pub mod body;
pub mod compact;
pub mod context;
pub mod engine;
pub mod export;
pub mod feeds;
pub mod highlight;
pub mod pages;
pub mod search;

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
    let render_page = |page: Page, name: &str, value: &dyn ErasedCtx| {
        let mut ctx = tera::Context::new();
        ctx.insert("site", &site_ctx);
        ctx.insert("root", &page.root());
        ctx.insert("page_url", &page.path);
        ctx.insert("feeds", &page.feeds);
        value.insert_into(name, &mut ctx);
        let html = engine.render(page.template, &ctx)?;
        sink.put(format!("{}index.html", page.path), compact::html(&html));
        Ok(())
    };
    let mut emit_index =
        |page: Page, name: &str, value: &dyn ErasedCtx| render_page(page, name, value);
    pages::indexes(site, &mut emit_index)?;
    timings.mark("index pages");
    pages::items(site).par_iter().try_for_each(|&item| {
        pages::item(site, item, &mut |page, name, value| {
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
        .chain(std::iter::once("atom.xml".to_string()))
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
        // A page whose articles are all gone points at an index: use the site feed.
        let feed = kept
            .get(&format!("{}atom.xml", r.to))
            .or_else(|| kept.get("atom.xml"));
        if let Some(feed) = feed {
            sink.put(format!("{}atom.xml", r.from), feed.clone());
        }
    }
    timings.mark("feeds");
    let mut files = SiteFiles::default();
    export::write(site, &mut files);
    search::write(site, &mut files);
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
    for path in files.paths().map(String::from).collect::<Vec<_>>() {
        let bytes = files.get(&path).map(<[u8]>::to_vec).unwrap_or_default();
        sink.put(path, bytes);
    }
    timings.mark("data and search");
    Ok(())
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
}

impl<T: Serialize> ErasedCtx for T {
    fn insert_into(&self, name: &str, ctx: &mut tera::Context) {
        ctx.insert(name.to_string(), self);
    }
}
