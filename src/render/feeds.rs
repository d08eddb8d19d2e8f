//! Atom feeds (site, per event, per person), `sitemap.xml` and `robots.txt`.
//! These need absolute URLs, so they use `config.base_url`.

use super::context::{article_url, event_url, person_url, SiteCtx};
use super::{Engine, TemplateError};
use crate::date::Date;
use crate::output::Sink;
use crate::site::Site;
use rayon::prelude::*;
use serde::Serialize;

/// How many entries a feed carries.
const FEED_ENTRIES: usize = 30;

#[derive(Serialize)]
struct Feed {
    title: String,
    self_path: String,
    page_path: String,
    updated: String,
    entries: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    title: String,
    path: String,
    published: String,
    updated: String,
    author: String,
    summary: String,
}

/// Whether a person or event with `articles` articles gets its own feed.
pub fn has_feed(site: &Site, articles: usize) -> bool {
    articles >= site.config.feed_min_articles
}

/// Writes every feed (on all cores), the sitemap and robots.txt.
pub fn write(
    site: &Site,
    engine: &Engine,
    site_ctx: &SiteCtx,
    sink: &dyn Sink,
) -> Result<(), TemplateError> {
    let render = |path: String, feed: Feed| -> Result<(), TemplateError> {
        let mut ctx = tera::Context::new();
        ctx.insert("site", site_ctx);
        ctx.insert("root", "");
        ctx.insert("feed", &feed);
        sink.put(path, engine.render("atom.xml", &ctx)?.into_bytes());
        Ok(())
    };
    let events: Vec<Entry> = site.events.iter().map(|e| event_entry(site, e)).collect();
    render(
        "atom.xml".into(),
        feed(
            format!("{}: latest events", site.config.title),
            "atom.xml",
            "",
            events,
        ),
    )?;
    site.events
        .par_iter()
        .filter(|e| has_feed(site, e.articles.len()))
        .try_for_each(|e| {
            let entries = e
                .articles
                .iter()
                .rev()
                .filter_map(|id| site.article(id))
                .map(article_entry)
                .collect();
            let path = event_url(&e.slug);
            render(
                format!("{path}atom.xml"),
                feed(e.title.clone(), &format!("{path}atom.xml"), &path, entries),
            )
        })?;
    site.people
        .par_iter()
        .filter(|p| has_feed(site, p.articles.len()))
        .try_for_each(|p| {
            let mut arts: Vec<_> = p
                .articles
                .iter()
                .filter_map(|id| site.article(id))
                .collect();
            arts.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
            let entries = arts.into_iter().map(article_entry).collect();
            let path = person_url(&p.slug);
            render(
                format!("{path}atom.xml"),
                feed(
                    format!("Articles naming {}", p.name),
                    &format!("{path}atom.xml"),
                    &path,
                    entries,
                ),
            )
        })?;
    let mut maps = crate::output::SiteFiles::default();
    super::sitemaps::write(
        &site.config,
        &sitemap_urls(site),
        super::sitemaps::MAX_URLS,
        &mut maps,
    );
    for path in maps.paths() {
        sink.put(
            path.to_string(),
            maps.get(path).unwrap_or_default().to_vec(),
        );
    }
    sink.put(
        "robots.txt".into(),
        format!(
            "User-agent: *\nAllow: /\nSitemap: {}\n",
            site.config.absolute("sitemap.xml")
        )
        .into_bytes(),
    );
    Ok(())
}

fn feed(title: String, self_path: &str, page_path: &str, mut entries: Vec<Entry>) -> Feed {
    entries.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.path.cmp(&b.path)));
    entries.truncate(FEED_ENTRIES);
    // Deterministic: the feed is as new as its newest entry, never "now".
    let updated = entries
        .iter()
        .map(|e| e.updated.clone())
        .max()
        .unwrap_or_else(|| "1970-01-01".into());
    Feed {
        title,
        self_path: self_path.into(),
        page_path: page_path.into(),
        updated,
        entries,
    }
}

fn event_entry(site: &Site, e: &crate::events::Event) -> Entry {
    let sources: Vec<String> = e
        .articles
        .iter()
        .filter_map(|id| site.article(id))
        .filter_map(|a| a.source.clone())
        .collect();
    let summary = e
        .lede
        .iter()
        .chain(&e.summary)
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Entry {
        title: e.title.clone(),
        path: event_url(&e.slug),
        published: e.start.to_string(),
        updated: e.end.to_string(),
        author: join_unique(sources).unwrap_or_else(|| site.config.title.clone()),
        summary,
    }
}

fn article_entry(a: &crate::content::Article) -> Entry {
    let first = a
        .prose()
        .next()
        .map(|(_, p)| excerpt(&p.text, SUMMARY_MAX))
        .unwrap_or_default();
    Entry {
        title: a.title.clone(),
        path: article_url(&a.id),
        published: a.date.to_string(),
        updated: a.date.to_string(),
        author: a
            .author
            .clone()
            .or_else(|| a.source.clone())
            .unwrap_or_else(|| "Unknown".into()),
        summary: a.summary.clone().unwrap_or(first),
    }
}

/// Longest feed summary taken from the text (bounded cost: a 1 MB first
/// paragraph in every person's and event's feed made one article cost
/// hundreds of megabytes of output).
const SUMMARY_MAX: usize = 1_000;

/// `text` cut at a word boundary before `max` bytes, with `…` when cut.
fn excerpt(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let end = text[..end].rfind(char::is_whitespace).unwrap_or(end);
    format!("{}…", text[..end].trim_end())
}

fn join_unique(mut v: Vec<String>) -> Option<String> {
    v.sort();
    v.dedup();
    (!v.is_empty()).then(|| v.join(", "))
}

fn sitemap_urls(site: &Site) -> Vec<(String, Option<Date>)> {
    use super::paginate::{page_urls, Layout};
    let mut urls: Vec<(String, Option<Date>)> = vec![
        (String::new(), site.events.iter().map(|e| e.end).max()),
        ("search/".into(), None),
    ];
    for (base, n, layout) in [
        ("events/", site.events.len(), Layout::Archive),
        ("people/", site.people.len(), Layout::Numbered),
        ("articles/", site.articles.len(), Layout::Archive),
    ] {
        urls.extend(page_urls(base, n, layout).into_iter().map(|u| (u, None)));
    }
    urls.extend(
        site.events
            .iter()
            .map(|e| (event_url(&e.slug), Some(e.end))),
    );
    urls.extend(
        site.people
            .iter()
            .map(|p| (person_url(&p.slug), Some(p.last_seen))),
    );
    urls.extend(
        site.articles
            .iter()
            .map(|a| (article_url(&a.id), Some(a.date))),
    );
    urls
}

#[cfg(test)]
mod excerpt_tests {
    use super::excerpt;

    #[test]
    fn long_summaries_are_cut_at_a_word() {
        assert_eq!(excerpt("short text", 100), "short text");
        let long = "word ".repeat(1_000);
        let cut = excerpt(&long, 1_000);
        assert!(
            cut.len() <= 1_000 + '…'.len_utf8() && cut.ends_with("word…"),
            "{cut}"
        );
        assert_eq!(excerpt(&"é".repeat(600), 1_001).chars().count(), 501);
    }
}
