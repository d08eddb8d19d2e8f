//! Issue #5: adding one article re-analyses only that article and rewrites
//! only the pages whose content changed; unchanged files keep bytes and mtime.
//! Issue #4: every address published before still answers afterwards.

mod common;

use common::*;
use std::collections::BTreeSet;
use std::fs;
use std::time::{Duration, SystemTime};

const NEW_ARTICLE: &str = "---\ntitle: Lavrov sees no quick deal after Riyadh\ndate: 2025-02-20\nsource: Test Wire\n---\nRussian Foreign Minister Sergei Lavrov said on Thursday that the talks in Riyadh had been useful but that no agreement on Ukraine was close.\n\nLavrov added that Moscow would wait for Washington to name its negotiators.\n";

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn adding_one_article_changes_only_what_it_touches() {
    let root = sample_site("incremental");
    build(&root).unwrap_or_else(|e| panic!("{e}"));
    let public = root.join("public");
    let before = snapshot(&public);
    // Age every file so a rewrite is visible in its mtime.
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    for (rel, _) in &before {
        fs::File::options()
            .write(true)
            .open(public.join(rel))
            .unwrap()
            .set_modified(old)
            .unwrap();
    }

    fs::write(root.join("content/zz-lavrov-no-quick-deal.md"), NEW_ARTICLE).unwrap();
    let summary = build(&root).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(summary.analysed, 1, "only the new article is analysed");

    // What the new article may legitimately change.
    let articles = json(&root, "data/articles.json");
    let new = articles
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["source_path"] == "zz-lavrov-no-quick-deal.md")
        .unwrap();
    let people = strings(&new["people"]);
    assert!(!people.is_empty(), "the new article names a person");
    let mut allowed: BTreeSet<String> = [
        "index.html",
        "articles/index.html",
        "events/index.html",
        "people/index.html",
        "atom.xml",
        "sitemap.xml",
        "data/articles.json",
        "data/people.json",
        "data/events.json",
        "data/search.json",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let new_id = new["id"].as_str().unwrap();
    allowed.insert(format!("articles/{new_id}/index.html"));
    // The search index is in parts: the new article's own, and the people and events parts.
    let article_count = json(&root, "data/articles.json").as_array().unwrap().len();
    allowed.insert(briefing::render::search::article_part_path(
        new_id,
        article_count,
    ));
    // (and the people and events parts, checked below by prefix).
    let all_people = json(&root, "data/people.json");
    let mut events: BTreeSet<String> = new["event"]
        .as_str()
        .map(String::from)
        .into_iter()
        .collect();
    for p in all_people
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| people.contains(&p["slug"].as_str().unwrap().to_string()))
    {
        let slug = p["slug"].as_str().unwrap();
        allowed.insert(format!("people/{slug}/index.html"));
        allowed.insert(format!("people/{slug}/atom.xml"));
        events.extend(strings(&p["events"]));
    }
    for e in &events {
        allowed.insert(format!("events/{e}/index.html"));
        allowed.insert(format!("events/{e}/atom.xml"));
    }

    let changed = summary.written.changed.clone();
    let search_part =
        |c: &str| c.starts_with("data/search/people-") || c.starts_with("data/search/events-");
    let unexpected: Vec<&String> = changed
        .iter()
        .filter(|c| !allowed.contains(*c) && !search_part(c))
        .collect();
    assert!(unexpected.is_empty(), "unexpected rewrites: {unexpected:?}");
    assert!(changed.contains(&format!("articles/{new_id}/index.html")));
    // Files not changed keep their old mtime (hard-linked, not rewritten).
    for (rel, bytes) in &before {
        let path = public.join(rel);
        if let Ok(now) = fs::read(&path) {
            if &now == bytes {
                assert_eq!(
                    fs::metadata(&path).unwrap().modified().unwrap(),
                    old,
                    "{rel} was rewritten with the same bytes"
                );
            }
        }
    }
    // Every address published before still answers (a page or a redirect).
    for (rel, _) in &before {
        assert!(
            public.join(rel).is_file(),
            "{rel} vanished after adding an article"
        );
    }
}

#[test]
fn corrupt_cache_is_rebuilt() {
    let root = sample_site("corrupt-cache");
    build(&root).unwrap();
    let first = snapshot(&root.join("public"));
    let cache = briefing::cache::Cache::path(&root);
    fs::write(
        &cache,
        "{\"format\":1,\"fingerprint\":\"old\"}\n{\"key\":\"x\",\"analysis\":{}}\n",
    )
    .unwrap();
    let summary = build(&root).unwrap();
    assert!(summary.cache_note.is_some(), "a bad cache is reported");
    assert_eq!(
        summary.analysed, summary.articles,
        "nothing trusted from a bad cache"
    );
    assert_eq!(first, snapshot(&root.join("public")));
}
