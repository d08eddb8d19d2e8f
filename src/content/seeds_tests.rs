//! Checks against the five real seed articles in `../shared/seeds` (read at
//! test time, never copied into the repository). Skipped with a message
//! when the directory is absent.

use super::*;
use std::path::PathBuf;

fn seeds() -> Option<Vec<Article>> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds"));
    if !dir.is_dir() {
        eprintln!("skipping: ../shared/seeds not found");
        return None;
    }
    let loaded = load(&dir).unwrap_or_else(|e| panic!("{e}"));
    // The directory's README documents the seeds: skipped, and said so.
    let readme = loaded.skipped.iter().find(|s| s.path == "README.md");
    assert_eq!(
        readme.map(|s| s.reason.clone()),
        Some(SkipReason::Readme.to_string())
    );
    Some(loaded.articles)
}

fn seed<'a>(all: &'a [Article], prefix: &str) -> &'a Article {
    all.iter()
        .find(|a| a.source_path.starts_with(prefix))
        .unwrap_or_else(|| panic!("seed {prefix} missing"))
}

fn all_text(a: &Article) -> String {
    a.paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn seed_titles() {
    let Some(all) = seeds() else { return };
    assert_eq!(all.len(), 5);
    assert_eq!(
        seed(&all, "001").title,
        "U.S.-Russia Talks Begin in Saudi Arabia"
    );
    for prefix in ["000", "002", "003", "004"] {
        let a = seed(&all, prefix);
        let first_prose = a.prose().next().unwrap().1;
        let stem = a.title.trim_end_matches('…');
        assert!(
            first_prose.text.starts_with(stem),
            "{prefix}: {:?}",
            a.title
        );
        assert!(
            a.title.chars().count() <= infer::TITLE_MAX + 1,
            "{prefix}: {:?}",
            a.title
        );
    }
    let ids: std::collections::BTreeSet<_> = all.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), 5, "slugs are unique");
}

#[test]
fn seed_dates() {
    let Some(all) = seeds() else { return };
    let expect = [
        ("000", 18, DateSource::DateLine),
        ("001", 18, DateSource::StandaloneDate),
        ("002", 18, DateSource::DateLine),
        ("003", 18, DateSource::DateLine),
        // The caption's date (17th) only bounds it; the prose's weekday decides.
        ("004", 18, DateSource::TextMention),
    ];
    for (prefix, day, how) in expect {
        let a = seed(&all, prefix);
        assert_eq!(
            (a.date, a.date_source),
            (Date::new(2025, 2, day).unwrap(), how),
            "{prefix}"
        );
    }
}

#[test]
fn seed_sources_places_and_urls() {
    let Some(all) = seeds() else { return };
    let reuters = seed(&all, "003");
    assert_eq!(reuters.source.as_deref(), Some("Reuters"));
    assert_eq!(reuters.place.as_deref(), Some("Riyadh"));
    assert!(!all_text(reuters).contains("(Reuters)"));
    let mt = seed(&all, "001");
    assert_eq!(mt.source.as_deref(), Some("The Moscow Times"));
    assert!(mt
        .url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://www.themoscowtimes.com/")));
}

#[test]
fn seed_001_is_cleaned() {
    let Some(all) = seeds() else { return };
    let a = seed(&all, "001");
    assert_eq!(a.format, Format::Markdown);
    let text = all_text(a);
    for gone in [
        "Embed",
        "Related article",
        "Original url",
        "themoscowtimes",
        "**",
        "](#)",
    ] {
        assert!(!text.contains(gone), "{gone:?} left in the text");
    }
    // The paragraph split by a blank line mid-sentence is one paragraph
    // again: every prose paragraph starts with a capital or a quote and ends
    // a sentence.
    for (_, p) in a.prose() {
        assert!(!p.text.starts_with(char::is_lowercase), "{:?}", p.text);
        assert!(blocks::ends_sentence(&p.text), "{:?}", p.text);
    }
    assert!(a
        .prose()
        .any(|(_, p)| p.markdown.as_deref().is_some_and(|m| m.contains('\n'))));
    assert_eq!(
        a.paragraphs[0].kind,
        BlockKind::Caption,
        "photo line with a bold credit"
    );
}

#[test]
fn seed_004_captions_and_credits() {
    let Some(all) = seeds() else { return };
    let a = seed(&all, "004");
    // Three photo lines, each followed by a credit line.
    let captions: Vec<_> = a
        .paragraphs
        .iter()
        .filter(|p| p.kind == BlockKind::Caption)
        .collect();
    assert_eq!(captions.len(), 3, "{captions:?}");
    assert_eq!(a.paragraphs[0].kind, BlockKind::Caption);
    assert!(all_text(a).lines().all(|l| !l.contains("Getty")));
    assert!(a.prose().all(|(_, p)| !p.text.contains("Getty Photos")));
    let headings = a
        .paragraphs
        .iter()
        .filter(|p| matches!(p.kind, BlockKind::Heading { .. }))
        .count();
    assert_eq!(headings, 1);
}

#[test]
fn seed_003_subheadings() {
    let Some(all) = seeds() else { return };
    let a = seed(&all, "003");
    let headings: Vec<_> = a
        .paragraphs
        .iter()
        .filter(|p| p.kind == (BlockKind::Heading { level: 2 }))
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(headings.len(), 2, "{headings:?}");
    assert!(
        headings.iter().all(|h| h.split_whitespace().count() <= 4),
        "{headings:?}"
    );
}

#[test]
fn seed_000_paragraphs_separated_by_blank_runs() {
    let Some(all) = seeds() else { return };
    let a = seed(&all, "000");
    assert_eq!(a.format, Format::Text);
    assert!(a.paragraphs.len() >= 10);
    assert!(a
        .paragraphs
        .iter()
        .all(|p| p.kind == BlockKind::Prose && !p.text.contains('\n')));
    assert!(!all_text(a).contains("date 2025"));
}

#[test]
fn seeds_load_identically_twice() {
    let Some(first) = seeds() else { return };
    let second = seeds().unwrap();
    assert_eq!(first, second);
}

/// The Reuters-21578 archive (19,043 front matter articles with scraper
/// keys) loads without a single error. Heavy: run with
/// `cargo test --release -- --ignored reuters`. Needs `tar` on the PATH.
#[test]
#[ignore]
fn reuters_archive_loads() {
    let archive = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/reuters21578/articles.tar.gz"
    ));
    if !archive.is_file() {
        eprintln!("skipping: ../shared/data/reuters21578 not found");
        return;
    }
    let dir = std::env::temp_dir().join(format!("briefing-reuters-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let status = std::process::Command::new("tar")
        .arg("xzf")
        .arg(&archive)
        .arg("-C")
        .arg(&dir)
        .status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("skipping: could not unpack with tar");
        return;
    }
    let loaded = load(&dir.join("articles"));
    let _ = std::fs::remove_dir_all(&dir);
    let articles = loaded.unwrap_or_else(|e| panic!("{e}")).articles;
    assert_eq!(articles.len(), 19_043);
    assert!(articles
        .iter()
        .all(|a| a.date_source == DateSource::FrontMatter));
    assert!(articles
        .iter()
        .all(|a| a.extra.contains_key("newid") && a.extra.contains_key("dateline")));
    let placed = articles.iter().filter(|a| a.place.is_some()).count();
    assert!(placed * 100 >= articles.len() * 99, "{placed} with a place");
    let ids: std::collections::BTreeSet<_> = articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), articles.len(), "slugs are unique");
}
