//! The offline search index read by `search.js`, in parts so that a large
//! site stays quick to search:
//!
//! - `data/search.json`: a small manifest listing the parts;
//! - `data/search/events.json`, `data/search/people.json`: loaded first, so
//!   events and people show at once;
//! - `data/search/articles-<k>.json`: articles (title, date, people named; no
//!   body text) in buckets of about [`BUCKET`], chosen by a hash of the id so
//!   that a new article rewrites one bucket, not all of them.

use super::context::{article_url, event_url, person_url};
use crate::output::SiteFiles;
use crate::site::Site;
use serde::Serialize;

/// Characters of text kept per event or person.
const SNIPPET: usize = 160;
/// Target number of articles per part.
pub const BUCKET: usize = 2000;

#[derive(Serialize)]
struct Manifest {
    /// Parts in loading order: site-relative paths.
    parts: Vec<Part>,
}

#[derive(Serialize)]
struct Part {
    kind: &'static str,
    url: String,
    count: usize,
}

#[derive(Serialize)]
struct Items<'a> {
    kind: &'static str,
    items: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
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

/// Number of article parts for `n` articles: a power of two, so the bucket
/// of an article changes only when the site doubles in size.
pub fn article_parts(n: usize) -> usize {
    n.div_ceil(BUCKET).max(1).next_power_of_two()
}

/// The part holding article `id` when the site has `n` articles.
pub fn article_part_path(id: &str, n: usize) -> String {
    format!("data/search/articles-{}.json", bucket(id, article_parts(n)))
}

/// FNV-1a of the id: stable across builds and platforms.
fn bucket(id: &str, parts: usize) -> usize {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    (h % parts as u64) as usize
}

/// Adds the manifest and every part.
pub fn write(site: &Site, files: &mut SiteFiles) {
    let events: Vec<Item> = site
        .events
        .iter()
        .map(|e| Item {
            title: &e.title,
            url: event_url(&e.slug),
            date: Some(e.start.to_string()),
            aliases: Vec::new(),
            text: e
                .summary
                .first()
                .map(|s| truncate(&s.text))
                .unwrap_or_default(),
        })
        .collect();
    let people: Vec<Item> = site
        .people
        .iter()
        .map(|p| Item {
            title: &p.name,
            url: person_url(&p.slug),
            date: None,
            aliases: p.aliases.iter().map(String::as_str).collect(),
            text: p.roles.first().map(|r| r.title.clone()).unwrap_or_default(),
        })
        .collect();
    let n = article_parts(site.articles.len());
    let mut buckets: Vec<Vec<Item>> = (0..n).map(|_| Vec::new()).collect();
    for a in &site.articles {
        buckets[bucket(&a.id, n)].push(Item {
            title: &a.title,
            url: article_url(&a.id),
            date: Some(a.date.to_string()),
            aliases: site.people_in(&a.id).map(|p| p.name.as_str()).collect(),
            text: String::new(),
        });
    }
    let mut parts = Vec::new();
    let mut add = |kind: &'static str, url: String, items: Vec<Item>| {
        parts.push(Part {
            kind,
            url: url.clone(),
            count: items.len(),
        });
        let json = serde_json::to_string(&Items { kind, items }).expect("index serialises");
        files.insert(url, json);
    };
    add("event", "data/search/events.json".into(), events);
    add("person", "data/search/people.json".into(), people);
    for (k, items) in buckets.into_iter().enumerate() {
        add("article", format!("data/search/articles-{k}.json"), items);
    }
    let manifest = serde_json::to_string(&Manifest { parts }).expect("manifest serialises");
    files.insert("data/search.json", manifest);
}

fn truncate(s: &str) -> String {
    match s.char_indices().nth(SNIPPET) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_grow_in_powers_of_two_and_buckets_are_stable() {
        assert_eq!(article_parts(0), 1);
        assert_eq!(article_parts(BUCKET), 1);
        assert_eq!(article_parts(BUCKET + 1), 2);
        assert_eq!(article_parts(19_043), 16);
        assert_eq!(bucket("a", 16), bucket("a", 16));
        let spread: std::collections::BTreeSet<usize> =
            (0..200).map(|i| bucket(&format!("id-{i}"), 8)).collect();
        assert_eq!(spread.len(), 8, "ids spread over every bucket");
    }
}
