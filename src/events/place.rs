//! Where an event happened: the most common dateline place of its
//! articles, else a known place named in its headlines.

use crate::content::Article;
use std::collections::{BTreeMap, BTreeSet};

/// Places worth recognising in headlines even when no dateline names them.
const KNOWN: &[&str] = &[
    "Amsterdam",
    "Ankara",
    "Athens",
    "Baghdad",
    "Bangkok",
    "Beijing",
    "Beirut",
    "Berlin",
    "Brussels",
    "Budapest",
    "Buenos Aires",
    "Cairo",
    "Caracas",
    "Damascus",
    "Delhi",
    "Doha",
    "Dubai",
    "Geneva",
    "Gaza",
    "Hong Kong",
    "Istanbul",
    "Jakarta",
    "Jerusalem",
    "Kabul",
    "Karachi",
    "Kyiv",
    "Kiev",
    "Lagos",
    "Lima",
    "Lisbon",
    "London",
    "Los Angeles",
    "Madrid",
    "Manila",
    "Mexico City",
    "Minsk",
    "Moscow",
    "Mumbai",
    "Munich",
    "Nairobi",
    "New Delhi",
    "New York",
    "Oslo",
    "Ottawa",
    "Paris",
    "Prague",
    "Riyadh",
    "Rome",
    "Seoul",
    "Shanghai",
    "Singapore",
    "Stockholm",
    "Sydney",
    "Taipei",
    "Tehran",
    "Tel Aviv",
    "Tokyo",
    "Toronto",
    "Vienna",
    "Warsaw",
    "Washington",
    "Wellington",
];

/// Every dateline place in the corpus plus the built-in list.
pub(crate) fn gazetteer(articles: &[&Article]) -> BTreeSet<String> {
    let mut g: BTreeSet<String> = KNOWN.iter().map(|s| s.to_string()).collect();
    g.extend(
        articles
            .iter()
            .filter_map(|a| a.place.clone())
            .filter(|p| !p.is_empty()),
    );
    g
}

/// The most common dateline place (ties: alphabetical), else the place of
/// `gazetteer` named most often in the members' headlines.
pub(crate) fn place_of(members: &[&Article], gazetteer: &BTreeSet<String>) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for a in members {
        if let Some(p) = a.place.as_deref().filter(|p| !p.is_empty()) {
            *counts.entry(p).or_default() += 1;
        }
    }
    if counts.is_empty() {
        for a in members {
            for g in gazetteer.iter().filter(|g| names(&a.title, g)) {
                *counts.entry(g).or_default() += 1;
            }
        }
    }
    // max_by_key keeps the last maximum: iterate in reverse for alphabetical ties.
    counts
        .into_iter()
        .rev()
        .max_by_key(|&(_, n)| n)
        .map(|(p, _)| p.to_string())
}

/// The places an article is about, for clustering: its dateline place, else
/// the gazetteer places its headline names (sorted).
pub(crate) fn article_places(a: &Article, gazetteer: &BTreeSet<String>) -> Vec<String> {
    match a.place.as_deref().filter(|p| !p.is_empty()) {
        Some(p) => vec![p.to_string()],
        None => gazetteer
            .iter()
            .filter(|g| names(&a.title, g))
            .cloned()
            .collect(),
    }
}

/// `title` names `place` as whole words.
fn names(title: &str, place: &str) -> bool {
    title.match_indices(place).any(|(k, _)| {
        let before = title[..k].chars().next_back();
        let after = title[k + place.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::testing::article;

    #[test]
    fn dateline_first_then_headline_places() {
        let mut a = article("a", "2025-02-18", &["Talks began."]);
        let mut b = article("b", "2025-02-18", &["Talks began."]);
        a.place = Some("Riyadh".into());
        b.place = Some("Moscow".into());
        let mut c = article("c", "2025-02-18", &["Talks began."]);
        c.place = Some("Riyadh".into());
        let g = gazetteer(&[&a, &b, &c]);
        assert_eq!(place_of(&[&a, &b, &c], &g).as_deref(), Some("Riyadh"));
        assert_eq!(
            place_of(&[&a, &b], &g).as_deref(),
            Some("Moscow"),
            "ties: alphabetical"
        );
        let mut d = article("d", "2025-02-18", &["Talks began."]);
        d.title = "Envoys meet in Paris as Parisians watch".into();
        assert_eq!(place_of(&[&d], &g).as_deref(), Some("Paris"));
        d.title = "Envoys meet".into();
        assert_eq!(place_of(&[&d], &g), None);
    }
}
