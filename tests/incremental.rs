//! Issue #5: adding one article re-analyses only that article and rewrites
//! only the pages whose content changed; unchanged files keep bytes and mtime.
//! Issue #4: every address published before still answers afterwards.

mod common;

use common::*;
use std::collections::BTreeSet;
use std::fs;
use std::time::{Duration, SystemTime};

const NEW_ARTICLE: &str = "---\ntitle: Lavrov sees no quick deal after Riyadh\ndate: 2025-02-20\nsource: Test Wire\n---\nRussian Foreign Minister Sergei Lavrov said on Thursday that the talks in Riyadh had been useful but that no agreement on Ukraine was close.\n\nLavrov added that Moscow would wait for Washington to name its negotiators.\n";

/// A list field of the export; absent (null) means empty.
fn strings(v: &serde_json::Value) -> Vec<String> {
    if v.is_null() {
        return Vec::new();
    }
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

/// A tiny deterministic generator (no test depends on a random crate).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Invented people, places and topics for generated articles.
const NAMES: [&str; 6] = [
    "Marta Kowalczyk",
    "Tomas Arrieta",
    "Ingrid Solheim",
    "Kwame Mensah",
    "Lucia Ferrante",
    "Sergei Lavrov",
];
const PLACES: [&str; 4] = ["Riyadh", "Oslo", "Accra", "Lima"];
const TOPICS: [&str; 4] = [
    "grain tariffs",
    "a port strike",
    "fishing quotas",
    "ceasefire talks",
];

fn generated_article(rng: &mut Lcg, n: usize) -> String {
    let who = NAMES[rng.next(NAMES.len())];
    let other = NAMES[rng.next(NAMES.len())];
    let place = PLACES[rng.next(PLACES.len())];
    let topic = TOPICS[rng.next(TOPICS.len())];
    let day = 10 + rng.next(15);
    format!(
        "---\ntitle: {who} speaks on {topic} in {place} ({n})\ndate: 2025-02-{day}\nsource: Test Wire\n---\n{place} - {who} said on Monday that {topic} would be settled within weeks.\n\n\"We are close,\" {who} told reporters, adding that {other} had agreed to meet again.\n"
    )
}

/// Copies `from` to `to`, keeping every file's mtime (undated articles are
/// dated by it).
fn copy_keeping_mtimes(from: &std::path::Path, to: &std::path::Path) {
    copy_tree(from, to);
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(from).unwrap();
            let mtime = entry.metadata().unwrap().modified().unwrap();
            fs::File::options()
                .write(true)
                .open(to.join(rel))
                .unwrap()
                .set_modified(mtime)
                .unwrap();
        }
    }
}

/// Property: after any sequence of adds, edits and deletes, each followed by
/// an incremental build, the site equals a clean build of the final content
/// (with the same address memory, which the site commits), byte for byte.
#[test]
fn random_edits_then_incremental_equals_clean_build() {
    let (mut kept_total, mut replayed_total) = (0, 0);
    for seed in [1u64, 7, 42] {
        let root = sample_site(&format!("prop-{seed}"));
        build(&root).unwrap_or_else(|e| panic!("{e}"));
        let mut rng = Lcg(seed);
        let mut added: Vec<String> = Vec::new();
        let background = root.join(briefing::events::frozen::BACKGROUND_FILE);
        let mut kept = 0;
        for step in 0..8 {
            let before = fs::read(&background).ok();
            let content = root.join("content");
            match rng.next(3) {
                0 => {
                    let name = format!("gen-{seed}-{step}.md");
                    fs::write(content.join(&name), generated_article(&mut rng, step)).unwrap();
                    added.push(name);
                }
                1 if !added.is_empty() => {
                    let name = &added[rng.next(added.len())];
                    let mut text = fs::read_to_string(content.join(name)).unwrap();
                    text.push_str("\nOfficials later confirmed the meeting date.\n");
                    fs::write(content.join(name), text).unwrap();
                }
                _ => {
                    // Delete a generated article, or else one of the sample's own.
                    let victim = if added.is_empty() {
                        let mut files: Vec<_> = fs::read_dir(&content)
                            .unwrap()
                            .map(|e| e.unwrap().path())
                            .filter(|p| p.is_file())
                            .collect();
                        files.sort();
                        files[rng.next(files.len())].clone()
                    } else {
                        content.join(added.remove(rng.next(added.len())))
                    };
                    fs::remove_file(victim).unwrap();
                }
            }
            let s = build(&root).unwrap_or_else(|e| panic!("seed {seed} step {step}: {e}"));
            kept += (before == fs::read(&background).ok()) as usize;
            replayed_total += s.replayed;
            assert!(
                s.written.reused > 0,
                "pages whose inputs did not change are not re-rendered: {:?}",
                s.written
            );
        }
        kept_total += kept;
        // A no-op build changes nothing either.
        let noop = build(&root).unwrap();
        assert!(noop.written.changed.is_empty() && noop.analysed == 0);

        let clean = temp_dir(&format!("prop-clean-{seed}"));
        copy_keeping_mtimes(&root.join("content"), &clean.join("content"));
        let book = briefing::addresses::AddressBook::path(&root);
        let clean_book = briefing::addresses::AddressBook::path(&clean);
        fs::create_dir_all(clean_book.parent().unwrap()).unwrap();
        fs::copy(&book, &clean_book).unwrap();
        // A clean build keeps the site's state files, the frozen clustering
        // background included (see `events::frozen`), but no cache.
        let bg = root.join(briefing::events::frozen::BACKGROUND_FILE);
        if bg.is_file() {
            fs::copy(&bg, clean.join(briefing::events::frozen::BACKGROUND_FILE)).unwrap();
        }
        build(&clean).unwrap_or_else(|e| panic!("{e}"));
        let map = |dir: &std::path::Path| -> std::collections::BTreeMap<_, _> {
            snapshot(dir).into_iter().collect()
        };
        let (a, b) = (map(&root.join("public")), map(&clean.join("public")));
        let differ: Vec<&String> = a
            .keys()
            .chain(b.keys())
            .filter(|k| a.get(*k) != b.get(*k))
            .collect();
        assert!(
            differ.is_empty(),
            "seed {seed}: incremental differs from clean: {differ:?}"
        );
        let _ = fs::remove_dir_all(&root);
        let _ = fs::remove_dir_all(&clean);
    }
    // Some builds took the start of the clustering pass from the previous
    // one (see `events::replay`), and still equal a clean build.
    assert!(replayed_total > 0, "no clustering step was replayed");
    // Both paths ran: builds against a kept background, and relearning it.
    assert!(
        kept_total > 0 && kept_total < 24,
        "background kept in {kept_total} of 24 builds"
    );
}
