//! `render`: the finished [`Site`] → every output file, in memory.
//!
//! One context builder per page kind (`pages`), Tera templates from the theme
//! (`engine`), article bodies (`body`, `highlight`), feeds and sitemap
//! (`feeds`), the search index (`search`) and the JSON data export (`export`).
//! Nothing here changes a content decision.

pub mod body;
pub mod briefing;
pub mod charts;
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

use crate::output::SiteFiles;
use crate::site::Site;
pub use engine::{Engine, TemplateError};
use serde::Serialize;

/// A page about to be rendered: its path and its template.
pub(crate) struct Page<'a> {
    /// Site-relative directory of the page (`people/x/`), `""` for home.
    pub path: String,
    /// Template name.
    pub template: &'a str,
    /// Feeds to list in `<head>` besides the site feed.
    pub feeds: Vec<context::Link>,
    /// The pager, on pages of a paginated index.
    pub pagination: Option<paginate::Pagination>,
}

impl Page<'_> {
    /// `../` once per directory level, so links stay relative.
    fn root(&self) -> String {
        "../".repeat(self.path.matches('/').count())
    }
}

/// Renders the whole site.
pub fn render(site: &Site) -> Result<SiteFiles, TemplateError> {
    let engine = Engine::load(&site.config)?;
    let mut files = SiteFiles::default();
    let site_ctx = context::site_ctx(site);
    // Contexts are built in page order, then rendered on all cores.
    let mut jobs: Vec<(String, String, tera::Context)> = Vec::new();
    let mut emit = |page: Page, name: &str, value: &dyn ErasedCtx| -> Result<(), TemplateError> {
        let mut ctx = tera::Context::new();
        ctx.insert("site", &site_ctx);
        ctx.insert("root", &page.root());
        ctx.insert("page_url", &page.path);
        ctx.insert("feeds", &page.feeds);
        if let Some(p) = &page.pagination {
            ctx.insert("pagination", p);
        }
        value.insert_into(name, &mut ctx);
        jobs.push((
            format!("{}index.html", page.path),
            page.template.to_string(),
            ctx,
        ));
        Ok(())
    };
    pages::all(site, &mut emit)?;
    let rendered =
        crate::cache::parallel_map(&jobs, |(_, template, ctx)| engine.render(template, ctx));
    for ((path, _, _), html) in jobs.iter().zip(rendered) {
        files.insert(path.clone(), html?);
    }

    // 404 is served by GitHub Pages at any depth: absolute links only.
    let mut ctx = tera::Context::new();
    ctx.insert("site", &site_ctx);
    ctx.insert("root", &site.config.base_url);
    ctx.insert("page_url", "404.html");
    ctx.insert("feeds", &Vec::<context::Link>::new());
    files.insert("404.html", engine.render("404.html", &ctx)?);

    for r in pages::redirects(site) {
        let mut ctx = tera::Context::new();
        ctx.insert("site", &site_ctx);
        ctx.insert("root", &"../".repeat(r.from.matches('/').count()));
        ctx.insert("target", &r.to);
        ctx.insert("title", &r.title);
        files.insert(
            format!("{}index.html", r.from),
            engine.render("redirect.html", &ctx)?,
        );
    }

    feeds::write(site, &engine, &site_ctx, &mut files)?;
    // A feed reader subscribed to a moved page keeps receiving its new feed.
    for r in pages::redirects(site) {
        // A page whose articles are all gone points at an index: use the site feed.
        let feed = files
            .get(&format!("{}atom.xml", r.to))
            .or_else(|| files.get("atom.xml"))
            .map(<[u8]>::to_vec);
        if let Some(feed) = feed {
            files.insert(format!("{}atom.xml", r.from), feed);
        }
    }
    export::write(site, &mut files);
    search::write(site, &mut files);
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
    Ok(files)
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
