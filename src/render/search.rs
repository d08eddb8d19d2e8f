//! The offline search index read by `search.js`, in parts so that a large
//! site stays quick to search:
//!
//! - `data/search.json`: a small manifest listing the parts;
//! - `data/search/events-<k>.json`, `people-<k>.json`, `articles-<k>.json`:
//!   about [`BUCKET`] items each (articles: title, date, people named; no body
//!   text), in buckets chosen by a hash of the slug so that a new article
//!   rewrites one bucket, not all of them. `search.js` loads them in that
//!   order and updates the results after each, so the first results show
//!   after the first part (~200 KB at 19,000 articles), not after all.

use super::context::{article_url, event_url, person_url};
use crate::output::SiteFiles;
use crate::site::Site;
use serde::Serialize;

/// Characters of text kept per event or person.
const SNIPPET: usize = 160;
/// Target number of articles per part.
pub const BUCKET: usize = 1000;

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

/// Number of parts for `n` items of a kind: a power of two, so the bucket
/// of an item changes only when the site doubles in size.
pub fn part_count(n: usize) -> usize {
    n.div_ceil(BUCKET).max(1).next_power_of_two()
}

/// The part holding article `id` when the site has `n` articles.
pub fn article_part_path(id: &str, n: usize) -> String {
    format!("data/search/articles-{}.json", bucket(id, part_count(n)))
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
                .lede
                .iter()
                .chain(&e.summary)
                .next()
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
    let articles: Vec<(&str, Item)> = site
        .articles
        .iter()
        .map(|a| {
            let item = Item {
                title: &a.title,
                url: article_url(&a.id),
                date: Some(a.date.to_string()),
                aliases: site.people_in(&a.id).map(|p| p.name.as_str()).collect(),
                text: String::new(),
            };
            (a.id.as_str(), item)
        })
        .collect();
    let events = site.events.iter().map(|e| e.slug.as_str()).zip(events);
    let people = site.people.iter().map(|p| p.slug.as_str()).zip(people);
    let mut parts = Vec::new();
    add_parts("event", events.collect(), &mut parts, files);
    add_parts("person", people.collect(), &mut parts, files);
    add_parts("article", articles, &mut parts, files);
    let manifest = serde_json::to_string(&Manifest { parts }).expect("manifest serialises");
    files.insert("data/search.json", manifest);
}

/// Writes `items` (slug, item) of one kind as hashed buckets, listing each in `parts`.
fn add_parts(
    kind: &'static str,
    items: Vec<(&str, Item)>,
    parts: &mut Vec<Part>,
    files: &mut SiteFiles,
) {
    let n = part_count(items.len());
    let mut buckets: Vec<Vec<Item>> = (0..n).map(|_| Vec::new()).collect();
    for (slug, item) in items {
        buckets[bucket(slug, n)].push(item);
    }
    let file = match kind {
        "event" => "events",
        "person" => "people",
        _ => "articles",
    };
    for (k, items) in buckets.into_iter().enumerate() {
        let url = format!("data/search/{file}-{k}.json");
        parts.push(Part {
            kind,
            url: url.clone(),
            count: items.len(),
        });
        let json = serde_json::to_string(&Items { kind, items }).expect("index serialises");
        files.insert(url, json);
    }
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
        assert_eq!(part_count(0), 1);
        assert_eq!(part_count(BUCKET), 1);
        assert_eq!(part_count(BUCKET + 1), 2);
        assert_eq!(part_count(19_043), 32);
        assert_eq!(bucket("a", 16), bucket("a", 16));
        let spread: std::collections::BTreeSet<usize> =
            (0..200).map(|i| bucket(&format!("id-{i}"), 8)).collect();
        assert_eq!(spread.len(), 8, "ids spread over every bucket");
    }
}
