//! The offline search index `data/search.json`, read by `search.js`.
//! Compact on purpose: titles, names and aliases, dates and a short text.

use super::context::{article_url, event_url, person_url};
use crate::output::SiteFiles;
use crate::site::Site;
use serde::Serialize;

/// Characters of body text kept per article.
const SNIPPET: usize = 160;

#[derive(Serialize)]
struct Index<'a> {
    items: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
    kind: &'static str,
    title: &'a str,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    /// Other names to match: a person's spellings, or the people an article names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<&'a str>,
    #[serde(skip_serializing_if = "String::is_empty")]
    text: String,
}

/// Adds `data/search.json`.
pub fn write(site: &Site, files: &mut SiteFiles) {
    let mut items = Vec::new();
    for e in &site.events {
        let text = e
            .lede
            .iter()
            .chain(&e.summary)
            .next()
            .map(|s| truncate(&s.text))
            .unwrap_or_default();
        items.push(Item {
            kind: "event",
            title: &e.title,
            url: event_url(&e.slug),
            date: Some(e.start.to_string()),
            aliases: Vec::new(),
            text,
        });
    }
    for p in &site.people {
        let text = p.roles.first().map(|r| r.title.clone()).unwrap_or_default();
        items.push(Item {
            kind: "person",
            title: &p.name,
            url: person_url(&p.slug),
            date: None,
            aliases: p.aliases.iter().map(String::as_str).collect(),
            text,
        });
    }
    for a in &site.articles {
        let text = a
            .prose()
            .next()
            .map(|(_, p)| truncate(&p.text))
            .unwrap_or_default();
        items.push(Item {
            kind: "article",
            title: &a.title,
            url: article_url(&a.id),
            date: Some(a.date.to_string()),
            aliases: site.people_in(&a.id).map(|p| p.name.as_str()).collect(),
            text,
        });
    }
    let json = serde_json::to_string(&Index { items }).expect("index serialises");
    files.insert("data/search.json", json);
}

fn truncate(s: &str) -> String {
    match s.char_indices().nth(SNIPPET) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}
