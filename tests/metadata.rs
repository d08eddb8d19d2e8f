//! Issue #13: every page kind carries Open Graph tags, a favicon and (for
//! articles, people and events) schema.org JSON-LD that parses, cannot be
//! broken out of by article text, and is byte-identical across builds; event
//! and person pages carry their pictures as inline SVG.

mod common;

use common::*;
use std::fs;

fn json_ld(doc: &scraper::Html) -> Vec<serde_json::Value> {
    let sel = scraper::Selector::parse("script[type='application/ld+json']").unwrap();
    doc.select(&sel)
        .map(|s| {
            let text: String = s.text().collect();
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
        })
        .collect()
}

#[test]
fn pages_carry_json_ld_open_graph_favicon_and_pictures() {
    let root = sample_site("metadata");
    fs::write(
        root.join("content/evil.md"),
        "---\ntitle: \"Bad </script><script>alert(1)</script> title\"\ndate: 2025-02-20\nsource: Test Wire\n---\nForeign Minister Sergei Lavrov spoke.\n",
    )
    .unwrap();
    build(&root).unwrap_or_else(|e| panic!("{e}"));
    let first = fs::read(root.join("public/people/sergei-lavrov/index.html")).unwrap();

    let site = |rel: &str| html(&root, rel);
    let person = site("people/sergei-lavrov/index.html");
    let ld = json_ld(&person);
    assert_eq!(ld[0]["@type"], "Person");
    assert_eq!(ld[0]["name"], "Sergei Lavrov");
    assert!(!attrs(&person, "svg.mentions-chart rect", "height").is_empty());

    let event = site("events/riyadh-talks-2025/index.html");
    let ld = json_ld(&event);
    assert_eq!(ld[0]["@type"], "Event");
    assert!(ld[0]["startDate"].as_str().unwrap().starts_with("2025-02"));
    assert!(!attrs(&event, "svg.timeline-chart circle", "cx").is_empty());
    assert!(!attrs(&event, "svg.outlets-chart rect", "width").is_empty());
    assert_eq!(
        attrs(&event, "meta[property='og:type']", "content"),
        ["article"]
    );

    let evil = site("articles/bad-script-script-alert-1-script-title/index.html");
    let ld = json_ld(&evil);
    assert_eq!(ld[0]["@type"], "NewsArticle");
    assert!(ld[0]["headline"].as_str().unwrap().contains("</script>"));
    let raw = fs::read_to_string(
        root.join("public/articles/bad-script-script-alert-1-script-title/index.html"),
    )
    .unwrap();
    assert!(!raw.contains("<script>alert"), "script text escaped");

    for rel in ["index.html", "events/index.html", "search/index.html"] {
        let doc = site(rel);
        assert_eq!(attrs(&doc, "link[rel=icon]", "href").len(), 1, "{rel}");
        assert_eq!(
            attrs(&doc, "meta[property='og:title']", "content").len(),
            1,
            "{rel}"
        );
    }
    assert!(root.join("public/favicon.svg").is_file());

    // Same input, same bytes (JSON-LD keys are sorted).
    build(&root).unwrap();
    assert_eq!(
        first,
        fs::read(root.join("public/people/sergei-lavrov/index.html")).unwrap()
    );
}
