//! Replaying the pass gives what a full pass gives, on invented articles.

use super::*;
use crate::content::Article;
use crate::events::testing::article;
use crate::events::{build_memoised, frozen::Frozen, memo, Built, Remembered};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A story of `town` on `date` (two reports per town make an event).
fn report(id: &str, date: &str, town: &str, what: &str) -> Article {
    let mut a = article(
        id,
        date,
        &[
            &format!("Floodwater reached the river port of {town} on Tuesday, {what}."),
            &format!("Engineers in {town} reinforced the levees while volunteers filled sandbags."),
        ],
    );
    a.title = format!("Floods reach {town}");
    a
}

fn corpus() -> Vec<Article> {
    let towns = [
        "Ostravel",
        "Quenmark",
        "Dallowick",
        "Brisendal",
        "Yarrowfen",
        "Tolmecca",
    ];
    let mut v = Vec::new();
    for (k, town) in towns.iter().enumerate() {
        let day = format!("2031-05-{:02}", 3 + 4 * k);
        v.push(report(&format!("{k}a"), &day, town, "closing the ferry"));
        v.push(report(
            &format!("{k}b"),
            &day,
            town,
            "cutting the rail line",
        ));
    }
    v
}

fn temp_root(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("briefing-replay-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Builds `articles` with the state saved under `root` (when `replay`),
/// saving what the build leaves; gives the events and the steps replayed.
fn build_at(root: &Path, articles: &[Article], replay: bool) -> (Built, usize) {
    let mut frozen = Frozen::load(root);
    let mut pass = Replay::load(root);
    let built = build_memoised(
        articles,
        None,
        &BTreeMap::new(),
        &[],
        &Params::default(),
        Remembered {
            briefings: &mut memo::empty(),
            frozen: &mut frozen,
            pass: replay.then_some(&mut pass),
        },
        &|_| false,
    );
    frozen.save(root).unwrap();
    if replay {
        pass.save(root).unwrap();
    }
    (built, pass.replayed)
}

#[test]
fn a_late_article_replays_the_earlier_steps_and_changes_nothing_else() {
    let root = temp_root("late");
    let mut arts = corpus();
    let (first, replayed) = build_at(&root, &arts, true);
    assert_eq!(replayed, 0, "nothing to replay yet");
    assert_eq!(first.events.len(), 6);
    arts.push(report(
        "6a",
        "2031-06-20",
        "Ostravel",
        "closing the ferry again",
    ));
    let (inc, replayed) = build_at(&root, &arts, true);
    assert!(
        replayed >= 8,
        "only the late steps are decided again: {replayed}"
    );
    let (full, _) = build_at(&root, &arts, false);
    assert_eq!(inc, full);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn an_edit_of_the_first_article_is_decided_again() {
    let root = temp_root("edit");
    let mut arts = corpus();
    build_at(&root, &arts, true);
    arts[0].paragraphs[1]
        .text
        .push_str(" The mayor thanked them.");
    let (inc, replayed) = build_at(&root, &arts, true);
    assert_eq!(replayed, 0, "the first step changed");
    let (full, _) = build_at(&root, &arts, false);
    assert_eq!(inc, full);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn steps_are_found_again_only_with_equal_fingerprints() {
    let r = Replay {
        old: vec![(1, 0), (2, 0), (3, 1)],
        old_params: 9,
        ..Replay::empty()
    };
    assert_eq!(r.prefix(&[1, 2, 4], 9), 2);
    assert_eq!(r.prefix(&[1, 2, 3, 5], 9), 3);
    assert_eq!(r.prefix(&[1, 2, 3], 8), 0, "other parameters");
    let off = Replay { reuse: false, ..r };
    assert_eq!(off.prefix(&[1, 2, 3], 9), 0, "explaining: no reuse");
}
