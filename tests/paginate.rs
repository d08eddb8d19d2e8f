//! Issue #13: long indexes are paginated (200 per page) and listed in the
//! sitemap; the search index comes in parts with a small manifest.

mod common;

use common::*;
use std::fs;

#[test]
fn long_indexes_are_split_into_linked_pages() {
    let root = temp_dir("paginate");
    let c = root.join("content");
    fs::create_dir_all(&c).unwrap();
    for i in 0..450 {
        fs::write(
            c.join(format!("n{i:03}.md")),
            format!(
                "---\ntitle: Notice number {i}\ndate: 2026-01-{:02}\n---\nThe harbour office posted notice {i} about the tides.\n",
                i % 28 + 1
            ),
        )
        .unwrap();
    }
    build(&root).unwrap_or_else(|e| panic!("{e}"));
    let public = root.join("public");
    // The index shows the newest 200; the archive holds fixed chunks of 200
    // counted from the oldest (page 1), so a new article changes only the
    // index and the newest archive page.
    let index = html(&root, "articles/index.html");
    let archive: Vec<scraper::Html> = (1..=3)
        .map(|k| html(&root, &format!("articles/page/{k}/index.html")))
        .collect();
    let count = |page: &scraper::Html| attrs(page, ".article-list a", "href").len();
    assert_eq!(count(&index), 200);
    assert_eq!(
        archive.iter().map(count).collect::<Vec<_>>(),
        vec![200, 200, 50]
    );
    assert!(!public.join("articles/page/4").exists());
    // 250 articles are older than the index's; the next is on archive page 2.
    let next = attrs(&index, ".pagination a[rel=next]", "href");
    assert_eq!(next, vec!["../articles/page/2/".to_string()]);
    let prev = attrs(&archive[2], ".pagination a[rel=prev]", "href");
    assert_eq!(
        prev,
        vec!["../../../articles/".to_string()],
        "the newest archive page leads back to articles/"
    );
    assert!(attrs(&archive[0], ".pagination a[rel=next]", "href").is_empty());
    // Every article appears on exactly one archive page.
    let mut all: Vec<String> = archive
        .iter()
        .flat_map(|p| attrs(p, ".article-list a", "href"))
        .map(|h| h.rsplit("articles/").next().unwrap().to_string())
        .collect();
    let listed = all.len();
    all.sort();
    all.dedup();
    assert_eq!((listed, all.len()), (450, 450));
    let sitemap = fs::read_to_string(public.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("articles/page/3/</loc>"), "{sitemap}");
    // Search: a manifest of parts, each part small.
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(public.join("data/search.json")).unwrap()).unwrap();
    let parts = manifest["parts"].as_array().unwrap();
    let articles: u64 = parts
        .iter()
        .filter(|p| p["kind"] == "article")
        .map(|p| p["count"].as_u64().unwrap())
        .sum();
    assert_eq!(articles, 450);
    for p in parts {
        assert!(public.join(p["url"].as_str().unwrap()).is_file(), "{p}");
    }
}
