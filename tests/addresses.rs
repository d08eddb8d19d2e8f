//! Issue #4, stable addresses: when later content merges two events or two
//! people, every earlier address still answers, the merged one with a
//! redirect page to where its content went.

mod common;

use common::*;
use std::fs;

fn article(pin: &str, title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: 2025-02-18\nsource: Test Wire\nevent: {pin}\n---\n{body}\n")
}

fn redirect_target(root: &std::path::Path, rel: &str) -> Option<String> {
    let page = html(root, rel);
    let refresh = attrs(&page, "meta[http-equiv=refresh]", "content");
    refresh
        .first()
        .map(|c| c.split("url=").nth(1).unwrap_or("").to_string())
}

#[test]
fn merged_events_and_people_leave_redirects() {
    let root = temp_dir("addresses");
    let content = root.join("content");
    fs::create_dir_all(&content).unwrap();
    fs::write(
        content.join("a.md"),
        article(
            "harbour-strike",
            "Dockers walk out in Portsmouth",
            "Union leader Margaret Oduya said the strike would last a week.",
        ),
    )
    .unwrap();
    fs::write(
        content.join("b.md"),
        article(
            "port-closure",
            "Port closes as strike bites",
            "Union chief Margret Oduya told reporters the port would stay shut.",
        ),
    )
    .unwrap();
    build(&root).unwrap_or_else(|e| panic!("{e}"));
    let events = json(&root, "data/events.json");
    let mut slugs: Vec<String> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["slug"].as_str().unwrap().to_string())
        .collect();
    slugs.sort();
    assert_eq!(slugs, vec!["harbour-strike", "port-closure"]);
    let people_before = json(&root, "data/people.json");
    let person_slugs: Vec<String> = people_before
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["slug"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        person_slugs.len(),
        2,
        "two spellings, two people before the alias: {person_slugs:?}"
    );
    let before = briefing::output::list_files(&root.join("public"));

    // The editor merges both: one pin, and an alias in briefing.yaml.
    fs::write(
        content.join("b.md"),
        article(
            "harbour-strike",
            "Port closes as strike bites",
            "Union chief Margret Oduya told reporters the port would stay shut.",
        ),
    )
    .unwrap();
    fs::write(
        root.join("briefing.yaml"),
        "aliases:\n  Margaret Oduya: [Margret Oduya]\n",
    )
    .unwrap();
    build(&root).unwrap_or_else(|e| panic!("{e}"));

    for rel in &before {
        assert!(
            root.join("public").join(rel).is_file(),
            "{rel} no longer answers"
        );
    }
    assert_eq!(
        redirect_target(&root, "events/port-closure/index.html").as_deref(),
        Some("../../events/harbour-strike/")
    );
    let people = json(&root, "data/people.json");
    assert_eq!(people.as_array().unwrap().len(), 1);
    let kept = people[0]["slug"].as_str().unwrap().to_string();
    assert!(
        person_slugs.contains(&kept),
        "the merged person keeps one of the published addresses"
    );
    let gone = person_slugs.iter().find(|s| **s != kept).unwrap();
    assert_eq!(
        redirect_target(&root, &format!("people/{gone}/index.html")),
        Some(format!("../../people/{kept}/"))
    );

    // And a third build keeps all of it (the memory survives).
    build(&root).unwrap();
    for rel in &before {
        assert!(
            root.join("public").join(rel).is_file(),
            "{rel} lost on a later build"
        );
    }
}
