//! Voices: the key quotes of an event, spread across speakers.
//!
//! The same quotation reported by several outlets (verbatim, cut
//! differently, or lightly reworded) is one voice with all its sources.
//! Each speaker's best quotation comes before anyone's second, so a talkative
//! principal cannot crowd the others out. Speakers named in fewer than half
//! of the event's articles are outside the main parties: their quotes are
//! flagged as reactions.

use std::collections::{BTreeMap, BTreeSet};

/// A quotation of the event, as the people stage attributed it.
#[derive(Clone, Debug)]
pub struct Said<'a> {
    /// Person slug.
    pub speaker: &'a str,
    /// The quoted words.
    pub text: &'a str,
    /// Article id and paragraph index.
    pub article: &'a str,
    /// Index into the article's paragraphs.
    pub paragraph: usize,
}

/// One voice on the event page and in the export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voice {
    /// Person slug.
    pub speaker: String,
    /// The quotation (the fullest wording reported).
    pub text: String,
    /// Where that wording is: article id and paragraph.
    pub article: String,
    /// Index into the article's paragraphs.
    pub paragraph: usize,
    /// Every article that reports it, sorted.
    pub sources: Vec<String>,
    /// The speaker is outside the main parties.
    pub reaction: bool,
}

/// Quotations shorter than this are fragments, not voices.
const MIN_WORDS: usize = 2;
/// Two wordings are one quotation at this word overlap (share of the shorter).
const SAME_QUOTE: f32 = 0.6;
/// The same speaker's two wordings that share a number ("$300 billion")
/// are one quotation at this lower overlap: outlets reword quotes but
/// keep their figures.
const SAME_QUOTE_WITH_NUMBER: f32 = 0.25;

/// Words that say nothing about which quotation it is.
const STOP: &[&str] = &[
    "the", "and", "that", "this", "there", "with", "from", "for", "are", "was", "were", "have",
    "has", "had", "but", "not", "you", "what", "which", "who", "will", "would", "can", "our",
    "their", "they", "them", "his", "her", "its", "all", "any", "been", "being", "into", "out",
    "about", "than", "then", "also", "very", "just", "more", "most", "some", "such", "only",
];
/// Quotations considered (bounds the pairwise merging).
const POOL: usize = 400;

fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 || w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect()
}

fn is_number(w: &str) -> bool {
    w.len() >= 2 && w.chars().all(|c| c.is_ascii_digit())
}

/// One quotation in two wordings (`same_speaker`: by the same person).
fn same(a: &BTreeSet<String>, b: &BTreeSet<String>, same_speaker: bool) -> bool {
    let small = a.len().min(b.len());
    if small == 0 {
        return a == b;
    }
    let share = a.intersection(b).count() as f32 / small as f32;
    let number = a.intersection(b).any(|w| is_number(w));
    share >= SAME_QUOTE || (same_speaker && number && share >= SAME_QUOTE_WITH_NUMBER)
}

/// How good a quotation is to show: full sentences of 8–40 words, reported widely.
fn score(text: &str, sources: usize) -> f32 {
    let n = text.split_whitespace().count() as f32;
    let length = n.min(40.0) / 40.0 - (n - 60.0).max(0.0) / 100.0;
    length * (1.0 + 0.5 * (sources as f32).ln())
}

/// The voices of an event of `n_articles` articles, best first, at most
/// `max`. `named_in` gives, per speaker, how many of the event's articles
/// name them.
pub fn voices(
    said: &[Said],
    named_in: &BTreeMap<&str, usize>,
    n_articles: usize,
    max: usize,
) -> Vec<Voice> {
    struct Merged {
        voice: Voice,
        words: BTreeSet<String>,
    }
    let mut pool: Vec<&Said> = said
        .iter()
        .filter(|s| s.text.split_whitespace().count() >= MIN_WORDS)
        .collect();
    pool.sort_by(|a, b| {
        b.text
            .len()
            .cmp(&a.text.len())
            .then(a.article.cmp(b.article))
            .then(a.paragraph.cmp(&b.paragraph))
    });
    pool.truncate(POOL);
    let mut merged: Vec<Merged> = Vec::new();
    for s in pool {
        let w = words(s.text);
        // Longest first: a shorter wording joins the fuller one.
        match merged
            .iter_mut()
            .find(|m| same(&m.words, &w, m.voice.speaker == s.speaker))
        {
            Some(m) => {
                if !m.voice.sources.iter().any(|x| x == s.article) {
                    m.voice.sources.push(s.article.to_string());
                    m.voice.sources.sort();
                }
            }
            None => merged.push(Merged {
                voice: Voice {
                    speaker: s.speaker.to_string(),
                    text: s.text.to_string(),
                    article: s.article.to_string(),
                    paragraph: s.paragraph,
                    sources: vec![s.article.to_string()],
                    reaction: 2 * named_in.get(s.speaker).copied().unwrap_or(0) < n_articles,
                },
                words: w,
            }),
        }
    }
    let mut by_speaker: BTreeMap<String, Vec<Voice>> = BTreeMap::new();
    for m in merged {
        by_speaker
            .entry(m.voice.speaker.clone())
            .or_default()
            .push(m.voice);
    }
    for list in by_speaker.values_mut() {
        list.sort_by(|a, b| {
            score(&b.text, b.sources.len())
                .total_cmp(&score(&a.text, a.sources.len()))
                .then(a.article.cmp(&b.article))
                .then(a.paragraph.cmp(&b.paragraph))
        });
    }
    // Rounds: every speaker's best, then every speaker's second, …; within
    // a round, main parties first, then the best quotation.
    let mut out = Vec::new();
    for round in 0.. {
        let mut this: Vec<&Voice> = by_speaker.values().filter_map(|l| l.get(round)).collect();
        if this.is_empty() || out.len() >= max {
            break;
        }
        this.sort_by(|a, b| {
            a.reaction
                .cmp(&b.reaction)
                .then(score(&b.text, b.sources.len()).total_cmp(&score(&a.text, a.sources.len())))
                .then(a.speaker.cmp(&b.speaker))
        });
        out.extend(this.into_iter().cloned());
    }
    out.truncate(max);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said<'a>(speaker: &'a str, text: &'a str, article: &'a str) -> Said<'a> {
        Said {
            speaker,
            text,
            article,
            paragraph: 0,
        }
    }

    #[test]
    fn spread_across_speakers_and_merged_across_outlets() {
        let all = [
            said(
                "ada",
                "The harbour will reopen before the end of the month",
                "a",
            ),
            said(
                "ada",
                "the harbour will reopen before the end of the month",
                "b",
            ),
            said(
                "ada",
                "We have pumped out most of the water already today",
                "a",
            ),
            said(
                "ada",
                "Every family on the quay will get help from the city",
                "c",
            ),
            said(
                "tomas",
                "Our boats are ready to sail as soon as it opens",
                "b",
            ),
            said(
                "lena",
                "The rail link is a separate problem for the region",
                "c",
            ),
            said("lena", "ok", "c"),
        ];
        let named: BTreeMap<&str, usize> = [("ada", 3), ("tomas", 2), ("lena", 1)].into();
        let v = voices(&all, &named, 3, 10);
        let speakers: Vec<&str> = v.iter().map(|x| x.speaker.as_str()).collect();
        // Each speaker once before Ada's second; the short fragment is gone.
        assert_eq!(&speakers[..3], ["ada", "tomas", "lena"]);
        assert_eq!(v.len(), 5, "{v:#?}");
        let harbour = v.iter().find(|x| x.text.contains("harbour")).unwrap();
        assert_eq!(harbour.sources, ["a", "b"]);
        let texts: BTreeSet<String> = v.iter().map(|x| x.text.to_lowercase()).collect();
        assert_eq!(texts.len(), v.len(), "no quote twice");
        assert!(v.iter().find(|x| x.speaker == "lena").unwrap().reaction);
        assert!(!v.iter().find(|x| x.speaker == "tomas").unwrap().reaction);
    }
}
