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

/// The built-in list alone: what an article or a curated text can be read
/// against without depending on the rest of the corpus.
pub(crate) fn known() -> BTreeSet<String> {
    KNOWN.iter().map(|s| s.to_string()).collect()
}

/// Gazetteer places `text` names as whole words (sorted).
pub(crate) fn named_in(text: &str, gazetteer: &BTreeSet<String>) -> Vec<String> {
    super::place_scan::candidates(gazetteer, &[text])
        .into_iter()
        .filter(|g| names(text, g))
        .map(str::to_string)
        .collect()
}

/// Every dateline place in the corpus plus the built-in list.
pub(crate) fn gazetteer(articles: &[&Article]) -> BTreeSet<String> {
    let mut g: BTreeSet<String> = KNOWN.iter().map(|s| s.to_string()).collect();
    g.extend(
        articles
            .iter()
            .filter_map(|a| a.place.clone())
            .filter(|p| plausible(p)),
    );
    g
}

/// How strongly one member says where its story happened. A place the
/// headline or lede puts the action in ("talks in Riyadh") says most; a
/// dateline says where the reporter filed, which is usually but not always
/// the scene; a place the headline merely names ("Washington and Moscow
/// agree") is often a government standing for its capital.
const LOCATIVE: u32 = 3;
const DATELINE: u32 = 2;
const NAMED: u32 = 1;

/// Words that put what follows as the scene of the action.
const AT: &[&str] = &["in", "at", "near", "outside", "inside"];

/// Bytes of the first prose paragraph read as the lede.
const LEDE_BYTES: usize = 600;

/// Where the event happened: the place its members agree on most. Each
/// member votes once per place, with the weight of its strongest evidence
/// (locative in headline or lede, dateline, named in the headline); ties
/// go alphabetically. One member's dateline cannot outvote what the others
/// say.
pub(crate) fn place_of(members: &[&Article], gazetteer: &BTreeSet<String>) -> Option<String> {
    let mut votes: BTreeMap<&str, u32> = BTreeMap::new();
    for a in members {
        for (place, w) in member_votes(a, gazetteer) {
            *votes.entry(place).or_default() += w;
        }
    }
    // max_by_key keeps the last maximum: iterate in reverse for alphabetical ties.
    votes
        .into_iter()
        .rev()
        .max_by_key(|&(_, n)| n)
        .map(|(p, _)| p.to_string())
}

/// One member's evidence for each place, strongest kind only.
fn member_votes<'g>(a: &Article, gazetteer: &'g BTreeSet<String>) -> BTreeMap<&'g str, u32> {
    let lede = a
        .prose()
        .next()
        .map_or("", |(_, p)| cut(&p.text, LEDE_BYTES));
    let dateline = a.place.as_deref().filter(|p| plausible(p));
    let mut out: BTreeMap<&str, u32> = BTreeMap::new();
    // Only places the texts can name (see `place_scan`), plus the dateline.
    let mut near = super::place_scan::candidates(gazetteer, &[&a.title, lede]);
    if let Some(d) = dateline.and_then(|d| gazetteer.get(d)) {
        if let Err(k) = near.binary_search(&d.as_str()) {
            near.insert(k, d);
        }
    }
    for g in near {
        let w = if locative(&a.title, g) || locative(lede, g) {
            LOCATIVE
        } else if dateline == Some(g) {
            DATELINE
        } else if names(&a.title, g) {
            NAMED
        } else {
            0
        };
        if w > 0 {
            out.insert(g, w);
        }
    }
    out
}

/// The first `max` bytes of `s`, cut at a character boundary.
fn cut(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// `text` names `place` right after a word of [`AT`], perhaps with "the"
/// between ("met in Riyadh", "spoke at the Munich conference").
fn locative(text: &str, place: &str) -> bool {
    whole_words(text, place).any(|k| {
        let mut before = text[..k].split_whitespace().rev().map(str::to_lowercase);
        match before.next().as_deref() {
            Some("the") => before.next().is_some_and(|w| AT.contains(&w.as_str())),
            Some(w) => AT.contains(&w),
            None => false,
        }
    })
}

/// The places an article is about, for clustering: its dateline place, else
/// the gazetteer places its headline names (sorted).
pub(crate) fn article_places(a: &Article, gazetteer: &BTreeSet<String>) -> Vec<String> {
    match a.place.as_deref().filter(|p| plausible(p)) {
        Some(p) => vec![p.to_string()],
        None => super::place_scan::candidates(gazetteer, &[&a.title])
            .into_iter()
            .filter(|g| names(&a.title, g))
            .map(str::to_string)
            .collect(),
    }
}

/// A dateline place that can be a place name: words of letters (with
/// inner dots, hyphens, apostrophes), at least two letters, no digits and
/// no dashes standing alone. A fragment a dateline parser left behind
/// ("ABC8 -- --", a date code) is no place.
pub(crate) fn plausible(place: &str) -> bool {
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && place.split_whitespace().all(|w| {
            w.chars().any(char::is_alphabetic)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | ','))
        })
}

/// `title` names `place` as whole words.
fn names(title: &str, place: &str) -> bool {
    whole_words(title, place).next().is_some()
}

/// Byte offsets where `place` occurs in `text` as whole words.
fn whole_words<'a>(text: &'a str, place: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(place).map(|(k, _)| k).filter(move |&k| {
        let before = text[..k].chars().next_back();
        let after = text[k + place.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::testing::article;

    #[test]
    fn dateline_fragments_are_no_places() {
        assert!(plausible("Port Quill"));
        assert!(plausible("St. Ives-on-Sea"));
        assert!(!plausible("QRS7 -- --"));
        assert!(!plausible("12 --"));
        assert!(!plausible("X"));
        assert!(!plausible(""));
    }

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

    #[test]
    fn the_scene_beats_capitals_named_as_governments_and_a_lone_dateline() {
        let t = "Washington and Moscow sit down at last in Riyadh";
        let mut a = article("a", "2025-02-18", &["Envoys talked for hours."]);
        a.title = t.into();
        let mut b = a.clone();
        b.id = "b".into();
        // Filed from elsewhere, but its lede puts the talks in Riyadh.
        let mut c = article("c", "2025-02-18", &["Envoys met in Riyadh on Tuesday."]);
        c.place = Some("Moscow".into());
        c.title = "Kremlin upbeat".into();
        let g = gazetteer(&[&a, &b, &c]);
        assert_eq!(place_of(&[&a, &b, &c], &g).as_deref(), Some("Riyadh"));
        assert_eq!(place_of(&[&c], &g).as_deref(), Some("Riyadh"));
        // A dateline still counts when nothing else says where.
        let mut d = article("d", "2025-02-18", &["Officials spoke."]);
        d.title = "Officials speak".into();
        d.place = Some("Moscow".into());
        assert_eq!(place_of(&[&d], &g).as_deref(), Some("Moscow"));
        // "Tomsk" is no gazetteer place: no vote at all.
        assert!(!locative("Envoys met in Tomsk", "Riyadh"));
        assert!(locative("She spoke at the Munich conference", "Munich"));
        assert!(!locative("She told the Munich conference", "Munich"));
    }
}
