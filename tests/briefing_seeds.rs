//! The seeds' event page as a briefing (issue 11): structural properties
//! only, no seed text: a lede, at most six facts that do not repeat each
//! other or the lede, quotes from many speakers with none shown twice, and
//! every source named.

mod common;
use common::*;
use std::collections::BTreeSet;

/// Content words (4+ letters, lowercased), for a wording-independent overlap.
fn words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .filter(|w| {
            !matches!(
                w.as_str(),
                "that"
                    | "with"
                    | "from"
                    | "this"
                    | "their"
                    | "they"
                    | "were"
                    | "have"
                    | "which"
                    | "after"
                    | "about"
            )
        })
        .collect()
}

/// Shared content words as a share of the smaller sentence.
fn overlap(a: &str, b: &str) -> f32 {
    let (a, b) = (words(a), words(b));
    let small = a.len().min(b.len()).max(1);
    a.intersection(&b).count() as f32 / small as f32
}

/// Two briefing sentences this alike say the same thing.
const REPEAT: f32 = 0.6;

#[test]
fn seeds_event_reads_as_a_briefing() {
    let Some(root) = seeds_site("briefing-seeds") else {
        return;
    };
    build(&root).unwrap_or_else(|e| panic!("{e}"));
    let events = json(&root, "data/events.json");
    let events = events.as_array().unwrap();
    assert_eq!(events.len(), 1, "the seeds report one event");
    let e = &events[0];
    let articles: BTreeSet<&str> = e["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();

    // A lede, then at most six facts, none repeating another or the lede.
    let lede = e["lede"].as_str().unwrap();
    assert!(lede.split_whitespace().count() >= 8, "lede: {lede:?}");
    let summary: Vec<&str> = e["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!((3..=6).contains(&summary.len()), "{summary:#?}");
    let mut all = vec![lede];
    all.extend(&summary);
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert!(overlap(a, b) < REPEAT, "repeats:\n{a}\n{b}");
        }
    }
    let mut cited = BTreeSet::new();
    for s in e["summary"].as_array().unwrap() {
        let own = s["article"].as_str().unwrap();
        let sources: Vec<&str> = s["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap())
            .collect();
        assert!(sources.contains(&own) && sources.iter().all(|x| articles.contains(x)));
        cited.insert(own);
    }
    assert!(
        cited.len() >= 3,
        "facts come from several sources: {cited:?}"
    );

    // Voices: at least six speakers, no quote twice (also reworded).
    let quotes = e["quotes"].as_array().unwrap();
    let speakers: BTreeSet<&str> = quotes
        .iter()
        .map(|q| q["speaker"].as_str().unwrap())
        .collect();
    assert!(speakers.len() >= 6, "speakers: {speakers:?}");
    let texts: Vec<&str> = quotes.iter().map(|q| q["text"].as_str().unwrap()).collect();
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            assert!(overlap(a, b) < REPEAT, "quote twice:\n{a}\n{b}");
        }
    }
    // Each speaker's first quote comes before anyone's second.
    let mut seen = BTreeSet::new();
    let mut second = false;
    for q in quotes {
        let fresh = seen.insert(q["speaker"].as_str().unwrap());
        assert!(
            !(fresh && second),
            "a speaker's best came after someone's second"
        );
        second |= !fresh;
    }

    // Sources named on the page: no bare "source" label.
    let slug = e["slug"].as_str().unwrap();
    let page = html(&root, &format!("events/{slug}/index.html"));
    let cite = scraper::Selector::parse("a.cite").unwrap();
    let labels: Vec<String> = page.select(&cite).map(|a| a.text().collect()).collect();
    assert!(!labels.is_empty());
    assert!(
        labels
            .iter()
            .all(|l| !l.trim().is_empty() && l.trim() != "source"),
        "{labels:?}"
    );
}
