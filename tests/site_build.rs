//! End-to-end: content in, a whole static site out (issue #2).

mod common;

use common::*;
use std::fs;

/// A field a record may leave out: absent means empty, so when present it
/// must hold something (not null, not false, not "", not []).
fn optional_non_empty(record: &serde_json::Value, keys: &[&str]) {
    for k in keys {
        if let Some(v) = record.get(k) {
            let empty = v.is_null()
                || v.as_bool() == Some(false)
                || v.as_str() == Some("")
                || v.as_array().is_some_and(|a| a.is_empty());
            assert!(!empty, "{k} is present but empty: {record}");
        }
    }
}

/// The export contract: these keys, with these JSON types.
fn check_contract(
    root: &std::path::Path,
) -> (serde_json::Value, serde_json::Value, serde_json::Value) {
    let articles = json(root, "data/articles.json");
    let people = json(root, "data/people.json");
    let events = json(root, "data/events.json");
    for a in articles.as_array().unwrap() {
        for k in ["id", "source_path", "title", "date", "permalink"] {
            assert!(a.get(k).is_some(), "article lacks {k}: {a}");
        }
        optional_non_empty(
            a,
            &[
                "source",
                "url",
                "place",
                "event",
                "people",
                "organisations",
                "places",
            ],
        );
        assert!(a.get("people").is_none_or(|p| p.is_array()));
        assert!(!a["source_path"].as_str().unwrap().contains('\\'));
        let d = a["date"].as_str().unwrap();
        assert!(briefing::Date::parse_iso(d).is_some(), "bad date {d}");
    }
    for p in people.as_array().unwrap() {
        for k in ["slug", "name", "articles", "mentions", "permalink"] {
            assert!(p.get(k).is_some(), "person lacks {k}: {p}");
        }
        optional_non_empty(p, &["aliases", "roles", "events"]);
        assert!(p["mentions"].is_u64());
    }
    for e in events.as_array().unwrap() {
        for k in ["slug", "title", "start", "end", "articles", "permalink"] {
            assert!(e.get(k).is_some(), "event lacks {k}: {e}");
        }
        optional_non_empty(
            e,
            &[
                "place", "people", "lede", "summary", "quotes", "timeline", "next",
            ],
        );
        // Flags of the briefing's items are left out when false.
        for list in ["timeline", "next", "quotes"] {
            for item in e.get(list).and_then(|l| l.as_array()).into_iter().flatten() {
                optional_non_empty(item, &["approximate", "reaction"]);
            }
        }
    }
    // Cross references resolve.
    let ids: Vec<&str> = articles
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    for e in events.as_array().unwrap() {
        for a in e["articles"].as_array().unwrap() {
            assert!(
                ids.contains(&a.as_str().unwrap()),
                "event names unknown article {a}"
            );
        }
    }
    (articles, people, events)
}

#[test]
fn seeds_build_with_right_titles_dates_and_sources() {
    let Some(root) = seeds_site("seeds") else {
        return;
    };
    let summary = build(&root).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(summary.articles, 5);
    let (articles, _, _) = check_contract(&root);
    let arts = articles.as_array().unwrap();
    assert_eq!(arts.len(), 5);
    for a in arts {
        let path = a["source_path"].as_str().unwrap();
        let date = a["date"].as_str().unwrap();
        assert!(
            date == "2025-02-17" || date == "2025-02-18",
            "{path}: {date}"
        );
        // The article page exists and shows the same title and date.
        let page = html(
            &root,
            &format!("articles/{}/index.html", a["id"].as_str().unwrap()),
        );
        assert_eq!(text_of(&page, "article h1").as_deref(), a["title"].as_str());
        assert_eq!(
            attrs(&page, "article .meta time", "datetime"),
            vec![date.to_string()]
        );
        match &path[..3] {
            "001" => {
                assert_eq!(a["title"], "U.S.-Russia Talks Begin in Saudi Arabia");
                assert_eq!(a["source"], "The Moscow Times");
                assert!(a["url"].as_str().unwrap().contains("themoscowtimes.com"));
            }
            "003" => assert_eq!(a["source"], "Reuters"),
            // Its caption's 17 February is the photo's day (issue 11).
            "004" => assert_eq!(date, "2025-02-18"),
            _ => assert_eq!(date, "2025-02-18"),
        }
    }
}

#[test]
fn sample_site_builds_every_page() {
    let root = sample_site("sample");
    let summary = build(&root).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        summary.articles >= 12,
        "sample content has {} articles",
        summary.articles
    );
    let (articles, people, events) = check_contract(&root);
    assert!(
        events.as_array().unwrap().len() >= 3,
        "at least three events"
    );
    for (list, dir, key) in [
        (&articles, "articles", "id"),
        (&people, "people", "slug"),
        (&events, "events", "slug"),
    ] {
        for item in list.as_array().unwrap() {
            let rel = format!("{dir}/{}/index.html", item[key].as_str().unwrap());
            assert!(root.join("public").join(&rel).is_file(), "missing {rel}");
        }
    }
    for rel in [
        "index.html",
        "events/index.html",
        "people/index.html",
        "articles/index.html",
        "404.html",
        "search/index.html",
        "atom.xml",
        "sitemap.xml",
        "robots.txt",
        ".nojekyll",
        "style.css",
        "search.js",
        "data/search.json",
    ] {
        assert!(root.join("public").join(rel).is_file(), "missing {rel}");
    }
    // Home lists events and people, with relative links.
    let home = html(&root, "index.html");
    let links = attrs(&home, "main a", "href");
    assert!(links.iter().any(|l| l.starts_with("events/")), "{links:?}");
    assert!(
        links.iter().all(|l| !l.starts_with('/')),
        "absolute link on home: {links:?}"
    );
    // Code blocks are highlighted with classes.
    let highlighted = articles.as_array().unwrap().iter().any(|a| {
        let text = fs::read_to_string(
            root.join("public/articles")
                .join(a["id"].as_str().unwrap())
                .join("index.html"),
        )
        .unwrap();
        text.contains("class=\"hl-")
    });
    assert!(highlighted, "no article page has highlighted code");
}

#[test]
fn same_input_gives_identical_output() {
    let root = sample_site("determinism");
    build(&root).unwrap();
    let first = snapshot(&root.join("public"));
    fs::remove_dir_all(root.join("public")).unwrap();
    build(&root).unwrap();
    assert_eq!(first, snapshot(&root.join("public")));
}

#[test]
fn bad_front_matter_fails_with_location_and_keeps_previous_site() {
    let root = temp_dir("bad");
    let content = root.join("content");
    fs::create_dir_all(&content).unwrap();
    fs::write(content.join("good.md"), "---\ntitle: A quiet day\ndate: 2025-02-18\n---\nNothing much happened in the capital today.\n").unwrap();
    build(&root).unwrap();
    let before = snapshot(&root.join("public"));
    fs::write(
        content.join("broken.md"),
        "---\ntitle: Broken\ndate: 2025-02-18\ntags: [unclosed\n---\nBody text here.\n",
    )
    .unwrap();
    fs::write(
        content.join("typed.md"),
        "---\ntitle: Typed\ndraft: maybe\n---\nBody.\n",
    )
    .unwrap();
    let err = build(&root).unwrap_err().to_string();
    assert!(err.contains("broken.md:"), "{err}");
    assert!(err.contains("typed.md:3:"), "{err}");
    let loc = err.lines().find(|l| l.contains("broken.md:")).unwrap();
    let parts: Vec<&str> = loc.split(':').collect();
    assert!(
        parts[1].trim().parse::<usize>().is_ok() && parts[2].trim().parse::<usize>().is_ok(),
        "{loc}"
    );
    assert_eq!(
        before,
        snapshot(&root.join("public")),
        "a failed build must leave public/ as it was"
    );
}

#[test]
fn article_text_is_escaped_and_names_are_linked() {
    let root = temp_dir("escape");
    let content = root.join("content");
    fs::create_dir_all(&content).unwrap();
    fs::write(
        content.join("x.md"),
        "---\ntitle: \"<script>alert(1)</script> Talks\"\ndate: 2025-02-18\n---\nForeign Minister Sergei Lavrov met Secretary of State Marco Rubio. <img src=x onerror=alert(1)> Lavrov said little.\n",
    )
    .unwrap();
    build(&root).unwrap();
    let articles = json(&root, "data/articles.json");
    let id = articles[0]["id"].as_str().unwrap();
    let raw = fs::read_to_string(root.join("public/articles").join(id).join("index.html")).unwrap();
    assert!(!raw.contains("<script>alert"), "title not escaped");
    assert!(!raw.contains("<img src=x"), "raw HTML passed through");
    let page = html(&root, &format!("articles/{id}/index.html"));
    let person_links = attrs(&page, "a.person", "href");
    assert!(!person_links.is_empty(), "no names linked");
    assert!(
        person_links.iter().all(|l| l.starts_with("../../people/")),
        "{person_links:?}"
    );
}

#[test]
fn seeds_form_one_event_whose_page_has_the_paris_summit_on_its_timeline() {
    let Some(root) = seeds_site("seeds-event") else {
        return;
    };
    build(&root).unwrap_or_else(|e| panic!("{e}"));
    let events = json(&root, "data/events.json");
    assert_eq!(events.as_array().unwrap().len(), 1, "{events}");
    let slug = events[0]["slug"].as_str().unwrap();
    let page = html(&root, &format!("events/{slug}/index.html"));
    let sel = scraper::Selector::parse(".timeline li").unwrap();
    let entries: Vec<(String, String)> = page
        .select(&sel)
        .map(|li| {
            // A <time> whose text is the date itself carries no datetime.
            let time = li
                .select(&scraper::Selector::parse("time").unwrap())
                .next()
                .unwrap();
            let date = time
                .value()
                .attr("datetime")
                .map(str::to_string)
                .unwrap_or_else(|| time.text().collect());
            (date, li.text().collect::<String>())
        })
        .collect();
    let on = |d: &str, word: &str| {
        entries
            .iter()
            .any(|(date, text)| date == d && text.contains(word))
    };
    assert!(
        on("2025-02-18", "Riyadh"),
        "no Riyadh talks on 2025-02-18: {entries:?}"
    );
    assert!(
        on("2025-02-17", "Paris"),
        "no Paris summit on 2025-02-17: {entries:?}"
    );
    // Every summary sentence links to a paragraph of one of our article pages.
    let cites = attrs(&page, ".briefing a.cite", "href");
    assert!(!cites.is_empty());
    assert!(
        cites
            .iter()
            .all(|c| c.starts_with("../../articles/") && c.contains("#p")),
        "{cites:?}"
    );
    // Every source is listed with a link to our article page.
    let sources = attrs(&page, ".sources li > a:first-child", "href");
    assert_eq!(sources.len(), 5, "{sources:?}");
}
