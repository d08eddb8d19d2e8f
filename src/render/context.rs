//! Template contexts: the plain, serialisable view of the finished [`Site`]
//! that templates see. These structs are the theme contract (documented in
//! README.md, "Themes"); they only *present* decisions made upstream.
//!
//! All `url` fields are site-relative paths without a leading slash
//! (`people/sergei-lavrov/`); templates turn them into relative links with
//! the `url(path=…)` function, so a site works under any sub-path.

use crate::content::Article;
use crate::date::Date;
use crate::site::Site;
use serde::Serialize;

/// A link to a page of the site.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    /// Visible text.
    pub title: String,
    /// Site-relative path, possibly with a `#p3` fragment.
    pub url: String,
}

/// Site-wide values, available in every template as `site`.
#[derive(Clone, Debug, Serialize)]
pub struct SiteCtx {
    /// Site title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Language code.
    pub language: String,
    /// Absolute base URL (ends with `/`).
    pub base_url: String,
    /// Counts for footers.
    pub article_count: usize,
    /// Number of people.
    pub person_count: usize,
    /// Number of events.
    pub event_count: usize,
}

/// One line of a list of articles.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleBrief {
    /// Headline.
    pub title: String,
    /// Our article page.
    pub url: String,
    /// Publication day (`YYYY-MM-DD`).
    pub date: String,
    /// Outlet.
    pub source: Option<String>,
    /// The original address.
    pub original_url: Option<String>,
}

/// One line of a list of events.
#[derive(Clone, Debug, Serialize)]
pub struct EventBrief {
    /// Title.
    pub title: String,
    /// Event page.
    pub url: String,
    /// First day.
    pub start: String,
    /// Last day.
    pub end: String,
    /// Number of articles.
    pub article_count: usize,
    /// Place, if known.
    pub place: Option<String>,
}

/// One line of a list of people.
#[derive(Clone, Debug, Serialize)]
pub struct PersonBrief {
    /// Canonical name.
    pub name: String,
    /// Person page.
    pub url: String,
    /// Number of mentions.
    pub mentions: usize,
    /// Number of articles.
    pub article_count: usize,
    /// First role, if any.
    pub role: Option<String>,
}

/// A statement traced to the paragraph it comes from.
#[derive(Clone, Debug, Serialize)]
pub struct Sourced {
    /// The text (a sentence, a quote, a role title).
    pub text: String,
    /// Link to the article paragraph (`articles/<id>/#p3`).
    pub url: String,
    /// Outlet of that article.
    pub source: Option<String>,
    /// Article date.
    pub date: String,
    /// Who said it (quotes) or extra qualifier.
    pub who: Option<Link>,
}

/// The article page context (`article`).
#[derive(Clone, Debug, Serialize)]
pub struct ArticleCtx {
    /// Slug.
    pub id: String,
    /// Headline.
    pub title: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Human date.
    pub date_long: String,
    /// How the date was found (`front_matter`, `file_mtime`, …).
    pub date_source: String,
    /// Outlet.
    pub source: Option<String>,
    /// Original address.
    pub original_url: Option<String>,
    /// Dateline place.
    pub place: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Front matter summary.
    pub summary: Option<String>,
    /// The event it belongs to.
    pub event: Option<Link>,
    /// People named in it.
    pub people: Vec<Link>,
    /// Body HTML (escaped and sanitised by `render::body`).
    pub body_html: String,
    /// This page.
    pub url: String,
}

/// Builds the shared `site` context.
pub fn site_ctx(site: &Site) -> SiteCtx {
    SiteCtx {
        title: site.config.title.clone(),
        description: site.config.description.clone(),
        language: site.config.language.clone(),
        base_url: site.config.base_url.clone(),
        article_count: site.articles.len(),
        person_count: site.people.len(),
        event_count: site.events.len(),
    }
}

/// Site-relative path of an article page.
pub fn article_url(id: &str) -> String {
    format!("articles/{id}/")
}

/// Site-relative path of a person page.
pub fn person_url(slug: &str) -> String {
    format!("people/{slug}/")
}

/// Site-relative path of an event page.
pub fn event_url(slug: &str) -> String {
    format!("events/{slug}/")
}

/// Link to paragraph `paragraph` (0-based index) of an article.
pub fn paragraph_url(article: &Article, paragraph: usize) -> String {
    let anchor = article
        .paragraphs
        .get(paragraph)
        .map(|p| p.anchor.as_str())
        .unwrap_or("");
    if anchor.is_empty() {
        article_url(&article.id)
    } else {
        format!("{}#{anchor}", article_url(&article.id))
    }
}

/// Brief of an article for lists.
pub fn article_brief(a: &Article) -> ArticleBrief {
    ArticleBrief {
        title: a.title.clone(),
        url: article_url(&a.id),
        date: a.date.to_string(),
        source: a.source.clone(),
        original_url: a.url.clone().filter(|u| is_web_url(u)),
    }
}

/// True for `http(s)://` addresses: the only ones we ever link to from data.
pub fn is_web_url(u: &str) -> bool {
    let l = u.trim().to_ascii_lowercase();
    l.starts_with("https://") || l.starts_with("http://")
}

/// Human date, or the ISO form when a template only needs sorting.
pub fn long_date(d: Date) -> String {
    d.long()
}
