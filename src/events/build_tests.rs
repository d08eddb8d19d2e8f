//! Tests of `events::build` on small invented articles.

use super::*;
use crate::events::testing::article;

fn quake(id: &str, date: &str, town: &str, extra: &str) -> Article {
    let mut a = article(id, date, &[
        &format!("A strong earthquake struck the mountain town of {town} early on Monday, destroying homes."),
        &format!("Rescuers in {town} searched the rubble for survivors as aftershocks continued. {extra}"),
        &format!("The governor of the province visited {town} and promised aid to families."),
    ]);
    a.title = format!("Earthquake hits {town}");
    a
}

fn no_names() -> BTreeMap<String, Vec<String>> {
    BTreeMap::new()
}

#[test]
fn same_kind_different_events_stay_apart_same_event_comes_together() {
    let arts = vec![
        quake("a1", "2025-03-04", "Velmora", "Dozens were injured."),
        quake("a2", "2025-03-04", "Velmora", "Schools were closed."),
        quake("a3", "2025-03-05", "Velmora", "Power was cut."),
        quake("b1", "2025-06-10", "Karsk", "Dozens were injured."),
        quake("b2", "2025-06-11", "Karsk", "Schools were closed."),
    ];
    let built = build(&arts, &no_names(), &[]);
    let groups: Vec<Vec<&str>> = built
        .events
        .iter()
        .map(|e| e.articles.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(groups, vec![vec!["a1", "a2", "a3"], vec!["b1", "b2"]]);
    let e = &built.events[0];
    assert_eq!(e.slug, "2025-03-04-earthquake-hits-velmora");
    assert_eq!(
        (e.start.to_string(), e.end.to_string()),
        ("2025-03-04".into(), "2025-03-05".into())
    );
    // A lede and the other facts, each once (three distinct facts here).
    assert!(
        !e.lede.is_empty() && e.summary.len() <= 6,
        "{:?}",
        e.summary
    );
    assert_eq!(
        e.lede.len() + e.summary.len(),
        3,
        "{:?} {:?}",
        e.lede,
        e.summary
    );
    assert!(
        e.timeline
            .iter()
            .any(|d| d.date.to_string() == "2025-03-03"),
        "\"early on Monday\" of Tuesday 4 March"
    );
    assert!(
        built.explanations["a2"].contains("joined an existing event"),
        "{}",
        built.explanations["a2"]
    );
    assert!(
        built.explanations["b1"].contains("started a new event"),
        "{}",
        built.explanations["b1"]
    );
}

#[test]
fn shuffled_input_gives_identical_output() {
    let mut arts = vec![
        quake("a1", "2025-03-04", "Velmora", "Dozens were injured."),
        quake("a2", "2025-03-04", "Velmora", "Schools were closed."),
        quake("b1", "2025-03-04", "Karsk", "Dozens were injured."),
        quake("b2", "2025-03-04", "Karsk", "Power was cut."),
        quake("c1", "2025-03-05", "Ostrava", "Power was cut."),
    ];
    let first = build(&arts, &no_names(), &[]);
    for k in 0..arts.len() {
        arts.rotate_left(1);
        if k % 2 == 0 {
            arts.reverse();
        }
        assert_eq!(build(&arts, &no_names(), &[]), first);
    }
}

#[test]
fn pins_and_curation_win() {
    let mut arts = vec![
        quake("a1", "2025-03-04", "Velmora", "Dozens were injured."),
        quake("a2", "2025-03-04", "Velmora", "Schools were closed."),
    ];
    arts[1].event = Some("velmora-quake".into());
    let cur = CuratedEvent {
        slug: "velmora-quake".into(),
        title: Some("The Velmora earthquake".into()),
        summary: Some("A quake hit Velmora.".into()),
        date: Date::new(2025, 3, 3),
        body: None,
        path: "events/velmora-quake.md".into(),
    };
    let built = build(&arts, &no_names(), &[cur]);
    let pinned = built
        .events
        .iter()
        .find(|e| e.slug == "velmora-quake")
        .expect("pinned event");
    assert_eq!(pinned.articles, vec!["a2"]);
    assert_eq!(pinned.title, "The Velmora earthquake");
    assert_eq!(
        pinned.curated_summary.as_deref(),
        Some("A quake hit Velmora.")
    );
    assert!(pinned.summary.is_empty());
    assert_eq!(pinned.start.to_string(), "2025-03-03");
    assert!(built.explanations["a2"].contains("pinned by its front matter"));
}

#[test]
fn drafts_are_left_out_and_slugs_stay_unique() {
    let mut arts = vec![
        quake("a1", "2025-03-04", "Velmora", "Dozens were injured."),
        article(
            "b1",
            "2025-03-04",
            &["Farmers in the valley of Quarn reported a record harvest of apples."],
        ),
        quake("d1", "2025-03-04", "Velmora", "Dozens were injured."),
    ];
    // A pin keeps its exact slug; the inferred event that wanted it moves aside.
    arts[1].event = Some("2025-03-04-earthquake-hits-velmora".into());
    arts[2].draft = true;
    let built = build(&arts, &no_names(), &[]);
    let mut slugs: Vec<&str> = built.events.iter().map(|e| e.slug.as_str()).collect();
    slugs.sort_unstable();
    assert_eq!(
        slugs,
        vec![
            "2025-03-04-earthquake-hits-velmora",
            "2025-03-04-earthquake-hits-velmora-2"
        ]
    );
    let pinned = built
        .events
        .iter()
        .find(|e| e.slug == "2025-03-04-earthquake-hits-velmora")
        .unwrap();
    assert_eq!(pinned.articles, vec!["b1"]);
    assert!(!built.explanations.contains_key("d1"));
}
