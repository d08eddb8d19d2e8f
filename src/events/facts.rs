//! Facts, each once: candidate sentences from all of an event's articles
//! grouped by meaning, one representative per group.
//!
//! Two sentences state the same fact when the content words they share
//! carry most of the weight of the shorter one (IDF-weighted overlap of
//! stemmed terms, so "officials met in Riyadh" and "the officials who met
//! in Riyadh on Tuesday" meet, and shared names and numbers count most).
//! A group's sources are the articles of its sentences; its representative
//! is the clearest wording: central to the event, early in its article, of
//! a readable length. Facts are then picked greedily, most corroborated
//! and central first, skipping any that overlaps a fact already picked, so
//! a short list covers distinct aspects.

use crate::events::summary::Sentence;
use crate::events::tfidf::{self, SparseVec, TermId, Vocab};

/// Two sentences are one fact at this weighted overlap (share of the lighter one).
pub const SAME_FACT: f32 = 0.5;
/// A fact adds something new when it overlaps every picked one less than this.
pub const DISTINCT: f32 = 0.34;
/// Candidates grouped, most central first (bounds the quadratic grouping).
const POOL: usize = 300;

/// A candidate sentence with its weights.
pub struct Candidate<'s, 'a> {
    /// The sentence.
    pub s: &'s Sentence<'a>,
    /// Distinct terms with their IDF, sorted by term.
    pub weights: Vec<(TermId, f32)>,
    /// Centrality: cosine with the event centroid, discounted by position.
    pub centrality: f32,
    /// Names, places and numbers it mentions (capitalised words after the
    /// first, and numbers), lowercased, sorted.
    pub entities: Vec<String>,
}

/// The capitalised words (not the first) and numbers of a sentence.
fn entities_of(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split_whitespace()
        .skip(1)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            w.starts_with(char::is_uppercase) && w.chars().count() > 1
                || w.chars().filter(char::is_ascii_digit).count() >= 2
        })
        .map(|w| {
            w.trim_end_matches("’s")
                .trim_end_matches("'s")
                .to_lowercase()
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// One fact: the sentences that state it.
pub struct Fact<'c, 's, 'a> {
    /// Its sentences, the representative first.
    pub members: Vec<&'c Candidate<'s, 'a>>,
    /// Distinct article ids, sorted.
    pub sources: Vec<String>,
}

impl<'c, 's, 'a> Fact<'c, 's, 'a> {
    /// The representative sentence.
    pub fn rep(&self) -> &'c Candidate<'s, 'a> {
        self.members[0]
    }

    /// Corroborated and central first.
    pub fn score(&self) -> f32 {
        self.rep().centrality * (1.0 + 0.5 * (self.sources.len() as f32).ln())
    }
}

/// IDF-weighted overlap of two weight lists, as a share of the lighter one.
pub fn overlap(a: &[(TermId, f32)], b: &[(TermId, f32)]) -> f32 {
    let (wa, wb): (f32, f32) = (a.iter().map(|x| x.1).sum(), b.iter().map(|x| x.1).sum());
    let light = wa.min(wb);
    if light <= 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += a[i].1;
                i += 1;
                j += 1;
            }
        }
    }
    common / light
}

/// A sentence that states a fact: readable alone and not a quotation
/// (quotations are the voices' part).
fn statement(s: &str) -> bool {
    crate::events::summary::usable(s) && !s.contains(['“', '”', '"'])
}

/// The candidates of an event, most central first.
pub fn candidates<'s, 'a>(
    sentences: &'s [Sentence<'a>],
    vocab: &Vocab,
    centroid: &SparseVec,
) -> Vec<Candidate<'s, 'a>> {
    let norm = tfidf::norm(centroid);
    let mut out: Vec<Candidate> = sentences
        .iter()
        .filter(|s| statement(s.text))
        .map(|s| {
            let v = tfidf::vector_of_ids(vocab, &s.ids);
            let cos = if norm > 0.0 {
                tfidf::dot(&v, centroid) / norm
            } else {
                0.0
            };
            let weights = s
                .term_set()
                .into_iter()
                .filter(|&t| !vocab.is_dateish(t))
                .map(|t| (t, vocab.idf(t).max(0.0)))
                .collect();
            Candidate {
                s,
                weights,
                centrality: cos / (1.0 + 0.1 * s.position as f32),
                entities: entities_of(s.text),
            }
        })
        .collect();
    out.sort_by(|a, b| b.centrality.total_cmp(&a.centrality));
    out.truncate(POOL);
    out
}

/// How clear a wording is: central, of a readable length (about 12–35 words).
fn clarity(c: &Candidate) -> f32 {
    let n = c.s.text.split_whitespace().count() as f32;
    let off = if n < 12.0 {
        12.0 - n
    } else if n > 35.0 {
        n - 35.0
    } else {
        0.0
    };
    c.centrality / (1.0 + off / 15.0)
}

/// Groups candidates into facts (each joins the first group whose first
/// sentence it matches), representative = clearest member.
pub fn group<'c, 's, 'a>(cands: &'c [Candidate<'s, 'a>]) -> Vec<Fact<'c, 's, 'a>> {
    let mut groups: Vec<Vec<&Candidate>> = Vec::new();
    for c in cands {
        match groups
            .iter_mut()
            .find(|g| overlap(&g[0].weights, &c.weights) >= SAME_FACT)
        {
            Some(g) => g.push(c),
            None => groups.push(vec![c]),
        }
    }
    groups
        .into_iter()
        .map(|mut members| {
            members.sort_by(|a, b| {
                clarity(b)
                    .total_cmp(&clarity(a))
                    .then(a.s.article.id.cmp(&b.s.article.id))
                    .then(a.s.position.cmp(&b.s.position))
            });
            let mut sources: Vec<String> = members.iter().map(|c| c.s.article.id.clone()).collect();
            sources.sort();
            sources.dedup();
            Fact { members, sources }
        })
        .collect()
}

/// Share of a fact's names, places and numbers that nothing picked so far
/// mentions (a neutral 0.5 when it has none): who else, where else.
fn novelty(c: &Candidate, covered: &std::collections::BTreeSet<&str>) -> f32 {
    if c.entities.is_empty() {
        return 0.5;
    }
    let new = c
        .entities
        .iter()
        .filter(|e| !covered.contains(e.as_str()))
        .count();
    new as f32 / c.entities.len() as f32
}

/// Up to `max` facts that each add something new to `taken` (the lede's
/// sentences) and to each other, best first. Each round takes the fact
/// with the best score weighted by its novelty, so a short list covers
/// distinct aspects (who else took part, who was left out, what next).
pub fn pick<'f, 'c, 's, 'a>(
    facts: &'f [Fact<'c, 's, 'a>],
    taken: &[&Candidate],
    max: usize,
) -> Vec<&'f Fact<'c, 's, 'a>> {
    let mut covered: std::collections::BTreeSet<&str> = taken
        .iter()
        .flat_map(|c| c.entities.iter().map(String::as_str))
        .collect();
    let mut left: Vec<&Fact> = facts
        .iter()
        .filter(|f| f.rep().centrality > 0.0)
        .filter(|f| {
            taken
                .iter()
                .all(|t| overlap(&t.weights, &f.rep().weights) < DISTINCT)
        })
        .collect();
    let mut picked: Vec<&Fact> = Vec::new();
    while picked.len() < max {
        let best = left
            .iter()
            .enumerate()
            .map(|(i, f)| (i, f.score() * (0.5 + novelty(f.rep(), &covered))))
            .max_by(|a, b| {
                a.1.total_cmp(&b.1).then_with(|| {
                    let (x, y) = (left[a.0].rep().s, left[b.0].rep().s);
                    (&y.article.id, y.position).cmp(&(&x.article.id, x.position))
                })
            });
        let Some((i, _)) = best else { break };
        let f = left.remove(i);
        covered.extend(f.rep().entities.iter().map(String::as_str));
        let w = &f.rep().weights;
        left.retain(|g| overlap(&g.rep().weights, w) < DISTINCT);
        picked.push(f);
    }
    picked
}
