//! The five seed articles (../shared/seeds) report one event: they must form
//! exactly one, and its timeline must place the Riyadh talks on 2025-02-18
//! and the Paris emergency summit on 2025-02-17.
//!
//! The seeds are copied to a temp dir at test time (never into the repo);
//! without ../shared the test prints why and passes vacuously.

use briefing::content;
use briefing::events::{self, Event};
use briefing::nlp::{ner, sentences, tokens};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn seeds_dir(test: &str) -> Option<PathBuf> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("skipping: ../shared/seeds not found");
        return None;
    }
    // One directory per test: tests run in parallel in one process.
    let dir = std::env::temp_dir().join(format!(
        "briefing-events-seeds-{test}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    Some(dir)
}

/// Person names per article from the NER model (what people resolution
/// starts from).
fn names(articles: &[briefing::Article]) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for a in articles {
        let mut found = Vec::new();
        for (_, p) in a.prose() {
            for r in sentences::split(&p.text) {
                let s = &p.text[r];
                let toks = tokens::tokenize(s);
                for span in ner::person_spans(&toks) {
                    found.push(
                        toks[span]
                            .iter()
                            .map(|t| t.text)
                            .collect::<Vec<_>>()
                            .join(" "),
                    );
                }
            }
        }
        out.insert(a.id.clone(), found);
    }
    out
}

fn seed_events(test: &str) -> Option<Vec<Event>> {
    let dir = seeds_dir(test)?;
    let loaded = content::load(&dir).expect("seeds load");
    assert_eq!(loaded.articles.len(), 5, "five seed articles");
    let names = names(&loaded.articles);
    let built = events::build(&loaded.articles, &names, &[]);
    let _ = std::fs::remove_dir_all(&dir);
    Some(built.events)
}

#[test]
fn seeds_form_exactly_one_event() {
    let Some(events) = seed_events("one") else {
        return;
    };
    for e in &events {
        println!("{} ({} articles): {}", e.slug, e.articles.len(), e.title);
    }
    assert_eq!(
        events.len(),
        1,
        "{:#?}",
        events.iter().map(|e| &e.articles).collect::<Vec<_>>()
    );
    let e = &events[0];
    assert_eq!(e.articles.len(), 5);
    assert!((3..=6).contains(&e.summary.len()));
    let sources: std::collections::BTreeSet<&str> =
        e.summary.iter().map(|s| s.article.as_str()).collect();
    assert!(sources.len() >= 2, "the summary draws on several sources");
    assert!(e.slug.starts_with(&e.start.to_string()));
}

#[test]
fn seed_timeline_has_the_riyadh_talks_and_the_paris_summit() {
    let Some(events) = seed_events("timeline") else {
        return;
    };
    assert_eq!(events.len(), 1);
    let e = &events[0];
    for d in &e.timeline {
        println!(
            "{}{} [{} sources] {}",
            d.date,
            if d.approximate { "~" } else { "" },
            d.sources,
            d.text
        );
    }
    let on = |day: &str, words: &[&str]| {
        e.timeline.iter().any(|d| {
            d.date.to_string() == day && !d.approximate && words.iter().all(|w| d.text.contains(w))
        })
    };
    assert!(
        on("2025-02-18", &["Riyadh"]),
        "the Riyadh talks on 18 February"
    );
    assert!(
        on("2025-02-17", &["Paris"]),
        "the Paris emergency summit on 17 February"
    );
    for d in &e.timeline {
        assert!(e.articles.contains(&d.article));
        assert!(d.anchor.starts_with('p'));
    }
}
