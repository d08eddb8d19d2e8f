//! The event timeline: dated happenings the articles mention, resolved to
//! absolute dates from each article's own date.
//!
//! Every prose sentence with a date expression is a candidate, dated by its
//! first exact expression (else its first approximate one). Candidates of
//! the same day that share enough content words are one happening; each
//! happening becomes one entry, told by its most typical sentence, with the
//! number of sources that mention it.

use crate::content::DateSource;
use crate::date::Date;
use crate::events::summary::{Sentence, NEAR_DUPLICATE};
use crate::events::tfidf::{self, TermId, Vocab};
use crate::nlp::dates;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// One dated happening with its provenance.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Dated {
    /// The day it happened (or a representative day when approximate).
    pub date: Date,
    /// True for vague expressions ("last week").
    pub approximate: bool,
    /// The sentence that tells it.
    pub text: String,
    /// Article id of that sentence.
    pub article: String,
    /// Index into the article's `paragraphs`.
    pub paragraph: usize,
    /// The paragraph's anchor (`p3`).
    pub anchor: String,
    /// How many articles mention this happening.
    pub sources: usize,
    /// Ids of those articles, sorted.
    pub articles: Vec<String>,
}

/// Two same-day sentences are one happening when their content words
/// overlap this much (share of the smaller set).
const SAME_HAPPENING: f32 = 0.3;
/// Entries kept per day, and in all (most-reported first).
const PER_DAY: usize = 3;
/// Sentences of a group considered for its representative (bounds cost).
const TYPICAL_POOL: usize = 12;
const TOTAL: usize = 20;

struct Candidate<'a, 'b> {
    date: Date,
    approximate: bool,
    s: &'b Sentence<'a>,
    terms: Vec<TermId>,
}

/// The timeline of an event from its articles' prose `sentences` (see
/// `summary::sentences_of`), sorted by date; `vocab` knows their words.
pub fn timeline(sentences: &[Sentence], vocab: &Vocab) -> Vec<Dated> {
    entries(candidates(sentences, vocab).iter().collect())
}

/// What comes next: the happenings dated after `latest` (the event's last
/// article day), sorted by date, each with the articles that mention it.
pub fn next(sentences: &[Sentence], vocab: &Vocab, latest: Date) -> Vec<Dated> {
    ahead(&candidates(sentences, vocab), latest)
}

/// [`timeline`] and [`next`] together. Issue 12 (cost): finding the date
/// expressions of every sentence is most of the work of both, so it is done
/// once here and the two are built from the same candidates, in parallel.
pub fn timeline_and_next(
    sentences: &[Sentence],
    vocab: &Vocab,
    latest: Date,
) -> (Vec<Dated>, Vec<Dated>) {
    let cands = candidates(sentences, vocab);
    rayon::join(|| entries(cands.iter().collect()), || ahead(&cands, latest))
}

fn ahead(cands: &[Candidate], latest: Date) -> Vec<Dated> {
    let mut out = entries(cands.iter().filter(|c| c.date > latest).collect());
    out.truncate(NEXT);
    out
}

/// Entries kept in "what's next".
const NEXT: usize = 6;

/// The happenings of one day (and precision): groups of candidates, each
/// compared by its first sentence, with an index from each term of that
/// first sentence to the groups holding it. Two sets that share no term
/// are never the same happening (both tests need a common term), so only
/// the indexed groups are compared: the cost follows the shared terms, not
/// the number of groups (issue 12: a 10 MB article has thousands per day).
#[derive(Default)]
struct Day<'c, 'a, 'b> {
    groups: Vec<Vec<&'c Candidate<'a, 'b>>>,
    by_term: HashMap<TermId, Vec<usize>>,
}

impl<'c, 'a, 'b> Day<'c, 'a, 'b> {
    /// Adds `c` to the first group (in order of creation) it belongs to,
    /// as a scan of every group would, else starts a group. A group is
    /// listed once under each term its first sentence shares with `c`, so
    /// the length of its run in the sorted list is the number of shared
    /// terms: no group's terms are compared again (issue 12: a 10 MB
    /// article's common words are shared by thousands of groups a day).
    fn add(&mut self, c: &'c Candidate<'a, 'b>) {
        let mut sharing: Vec<usize> = c
            .terms
            .iter()
            .filter_map(|t| self.by_term.get(t))
            .flatten()
            .copied()
            .collect();
        sharing.sort_unstable();
        let groups = &self.groups;
        match sharing
            .chunk_by(|a, b| a == b)
            .find(|run| similar(run.len(), groups[run[0]][0].terms.len(), c.terms.len()))
            .map(|run| run[0])
        {
            Some(g) => self.groups[g].push(c),
            None => {
                let g = self.groups.len();
                for &t in &c.terms {
                    self.by_term.entry(t).or_default().push(g);
                }
                self.groups.push(vec![c]);
            }
        }
    }
}

fn entries(cands: Vec<&Candidate>) -> Vec<Dated> {
    let mut by_day: BTreeMap<(Date, bool), Day> = BTreeMap::new();
    for c in cands {
        by_day.entry((c.date, c.approximate)).or_default().add(c);
    }
    let mut entries: Vec<Dated> = Vec::new();
    for day in by_day.into_values() {
        let mut day: Vec<Dated> = day.groups.iter().map(|g| entry(g)).collect();
        day.sort_by(|a, b| {
            b.sources
                .cmp(&a.sources)
                .then(a.article.cmp(&b.article))
                .then(a.paragraph.cmp(&b.paragraph))
        });
        day.truncate(PER_DAY);
        entries.extend(day);
    }
    if entries.len() > TOTAL {
        let mut rank: Vec<usize> = (0..entries.len()).collect();
        rank.sort_by(|&a, &b| entries[b].sources.cmp(&entries[a].sources).then(a.cmp(&b)));
        let keep: std::collections::BTreeSet<usize> = rank.into_iter().take(TOTAL).collect();
        entries = entries
            .into_iter()
            .enumerate()
            .filter(|(i, _)| keep.contains(i))
            .map(|(_, e)| e)
            .collect();
    }
    entries.sort_by(|a, b| {
        (a.date, a.approximate)
            .cmp(&(b.date, b.approximate))
            .then(b.sources.cmp(&a.sources))
    });
    entries
}

/// Dated sentences, in the sentences' order. Each sentence is read on its
/// own, on all cores (issue 12: one huge article's dates were read on one
/// thread).
fn candidates<'a, 'b>(sentences: &'b [Sentence<'a>], vocab: &Vocab) -> Vec<Candidate<'a, 'b>> {
    use rayon::prelude::*;
    sentences
        .par_iter()
        .with_min_len(256)
        .filter_map(|s| candidate(s, vocab))
        .collect()
}

/// The sentence as a timeline candidate, when it is one. An article
/// without a real date (file time only) can only contribute expressions
/// that carry their own year.
fn candidate<'a, 'b>(s: &'b Sentence<'a>, vocab: &Vocab) -> Option<Candidate<'a, 'b>> {
    let words = s.text.split_whitespace().count();
    if !(5..=60).contains(&words) || s.text.contains(" | ") {
        return None;
    }
    let dated = s.article.date_source != DateSource::FileMtime;
    let found: Vec<dates::DateMention> = dates::find(s.text, s.article.date)
        .into_iter()
        .filter(|m| {
            dated
                || m.expression
                    .split(|c: char| !c.is_ascii_digit())
                    .any(|w| w.len() == 4)
        })
        .collect();
    let m = found.iter().find(|m| !m.approximate).or(found.first())?;
    let terms = s
        .term_set()
        .into_iter()
        .filter(|&t| !vocab.is_dateish(t))
        .collect();
    Some(Candidate {
        date: m.date,
        approximate: m.approximate,
        s,
        terms,
    })
}

#[cfg(test)]
fn same_happening(a: &[TermId], b: &[TermId]) -> bool {
    let small = a.len().min(b.len());
    tfidf::jaccard(a, b) >= NEAR_DUPLICATE
        || (small > 0 && tfidf::common(a, b) as f32 / small as f32 >= SAME_HAPPENING)
}

/// [`same_happening`] of two term sets of `a` and `b` terms that share
/// `common`, computed as it computes it ([`tfidf::jaccard`]).
fn similar(common: usize, a: usize, b: usize) -> bool {
    let small = a.min(b);
    let union = a + b - common;
    let jaccard = if union == 0 {
        0.0
    } else {
        common as f32 / union as f32
    };
    jaccard >= NEAR_DUPLICATE || (small > 0 && common as f32 / small as f32 >= SAME_HAPPENING)
}

/// The group's entry: its most typical sentence (most overlap with the
/// others, among the first few; ties: the earliest), and how many articles
/// told it.
fn entry(group: &[&Candidate]) -> Dated {
    let typical = (0..group.len().min(TYPICAL_POOL))
        .max_by(|&i, &j| {
            let score = |k: usize| {
                group
                    .iter()
                    .map(|o| tfidf::jaccard(&group[k].terms, &o.terms))
                    .sum::<f32>()
            };
            score(i).total_cmp(&score(j)).then(j.cmp(&i))
        })
        .unwrap_or(0);
    let c = &group[typical];
    let mut ids: Vec<String> = group.iter().map(|c| c.s.article.id.clone()).collect();
    ids.sort_unstable();
    ids.dedup();
    Dated {
        date: c.date,
        approximate: c.approximate,
        text: c.s.text.to_string(),
        article: c.s.article.id.clone(),
        paragraph: c.s.paragraph,
        anchor: c.s.article.paragraphs[c.s.paragraph].anchor.clone(),
        sources: ids.len(),
        articles: ids,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::summary::sentences_of;
    use crate::events::testing::{article, vocab_of};

    #[test]
    fn counted_shares_decide_as_the_term_sets_do() {
        // Sets of 0 to 5 terms from 0..7, every pair (the thresholds fall
        // between small counts, where a rounding difference would show).
        let sets: Vec<Vec<TermId>> = (0u32..128)
            .map(|m| (0..7).filter(|b| m & (1 << b) != 0).collect())
            .filter(|s: &Vec<TermId>| s.len() <= 5)
            .collect();
        let (mut yes, mut no) = (0, 0);
        for a in &sets {
            for b in &sets {
                let want = same_happening(a, b);
                assert_eq!(
                    similar(tfidf::common(a, b), a.len(), b.len()),
                    want,
                    "{a:?} {b:?}"
                );
                if want {
                    yes += 1;
                } else {
                    no += 1;
                }
            }
        }
        assert!(yes > 0 && no > 0);
    }

    #[test]
    fn resolves_relative_days_and_merges_one_happening_across_sources() {
        let a = article("a", "2025-02-18", &[
            "Mayors from the region gathered in Lyon on Monday for an emergency meeting on floods.",
            "The rescue operation began on Tuesday morning near the dam.",
        ]);
        let b = article(
            "b",
            "2025-02-19",
            &[
                "Regional mayors held an emergency meeting in Lyon on Monday about the floods.",
                "Officials said the dam would be inspected next week.",
            ],
        );
        let vocab = vocab_of(&[&a, &b]);
        let t = timeline(&sentences_of(&[&a, &b], &vocab), &vocab);
        let lyon: Vec<&Dated> = t.iter().filter(|d| d.text.contains("Lyon")).collect();
        assert_eq!(lyon.len(), 1, "{t:#?}");
        assert_eq!(lyon[0].date.to_string(), "2025-02-17");
        assert_eq!(lyon[0].sources, 2);
        let rescue = t.iter().find(|d| d.text.contains("rescue")).unwrap();
        assert_eq!(
            (rescue.date.to_string(), rescue.anchor.as_str()),
            ("2025-02-18".to_string(), "p2")
        );
        let inspect = t.iter().find(|d| d.text.contains("inspected")).unwrap();
        assert!(inspect.approximate);
        assert!(
            t.windows(2).all(|w| w[0].date <= w[1].date),
            "sorted by date"
        );
    }

    #[test]
    fn next_lists_what_is_dated_after_the_last_article() {
        let a = article(
            "a",
            "2025-02-18",
            &[
                "Ministers met in Lyon on Monday to discuss the floods.",
                "They will meet again in Geneva on Friday to sign the plan.",
            ],
        );
        let b = article(
            "b",
            "2025-02-19",
            &["The ministers will sign the flood plan in Geneva on Friday, officials said."],
        );
        let vocab = vocab_of(&[&a, &b]);
        let n = next(
            &sentences_of(&[&a, &b], &vocab),
            &vocab,
            Date::new(2025, 2, 19).unwrap(),
        );
        assert_eq!(n.len(), 1, "{n:#?}");
        assert_eq!(n[0].date.to_string(), "2025-02-21");
        assert_eq!(n[0].articles, ["a", "b"]);
    }

    #[test]
    fn undated_articles_only_give_dates_with_a_year() {
        let mut a = article(
            "a",
            "2025-02-18",
            &[
                "The bridge was closed on Monday after cracks appeared.",
                "It first opened on March 3, 1998, after years of work.",
            ],
        );
        a.date_source = DateSource::FileMtime;
        let vocab = vocab_of(&[&a]);
        let t = timeline(&sentences_of(&[&a], &vocab), &vocab);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].date.to_string(), "1998-03-03");
    }
}
