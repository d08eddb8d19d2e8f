//! The merged summary of an event: a few sentences picked across sources.
//!
//! Each prose sentence is scored by its TF-IDF cosine with the event
//! centroid (how central it is to what all sources say), discounted by its
//! position in its article (news puts the gist first). Sentences are then
//! picked greedily, best first, discounting sources already used and
//! skipping near-duplicates of picked sentences (token-set Jaccard).

use crate::content::Article;
use crate::events::tfidf::{self, SparseVec, TermId, Vocab};
use crate::nlp::sentences;
use serde::Serialize;

/// One summary sentence with its provenance.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SummarySentence {
    /// The sentence as written in the article.
    pub text: String,
    /// Article id.
    pub article: String,
    /// Index into the article's `paragraphs`.
    pub paragraph: usize,
    /// The paragraph's anchor (`p3`), for links.
    pub anchor: String,
}

/// A prose sentence of an event article.
#[derive(Clone, Debug)]
pub struct Sentence<'a> {
    /// The sentence as written.
    pub text: &'a str,
    /// Its article.
    pub article: &'a Article,
    /// Index into the article's `paragraphs`.
    pub paragraph: usize,
    /// Sentence number within the article's prose.
    pub position: usize,
    /// Its known term ids, sorted, with repeats.
    pub ids: Vec<TermId>,
}

impl Sentence<'_> {
    /// Distinct term ids (for near-duplicate tests).
    pub fn term_set(&self) -> Vec<TermId> {
        let mut s = self.ids.clone();
        s.dedup();
        s
    }
}

/// Every prose sentence of `articles`, in reading order, tokenised once
/// for both the summary and the timeline.
pub fn sentences_of<'a>(articles: &[&'a Article], vocab: &Vocab) -> Vec<Sentence<'a>> {
    let mut out = Vec::new();
    for a in articles {
        let mut position = 0;
        for (k, p) in a.prose() {
            for r in sentences::split(&p.text) {
                let text = &p.text[r];
                out.push(Sentence {
                    text,
                    article: a,
                    paragraph: k,
                    position,
                    ids: tfidf::known_ids(vocab, text),
                });
                position += 1;
            }
        }
    }
    out
}

/// A sentence that reads well on its own: 6–60 words, starts like a
/// sentence, ends with a terminator, not a photo credit.
fn usable(s: &str) -> bool {
    let n = s.split_whitespace().count();
    let starts =
        s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c));
    let ends = s
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?']);
    (6..=60).contains(&n) && starts && ends && !s.contains(" | ")
}

/// Near-duplicate threshold (token-set Jaccard).
pub(crate) const NEAR_DUPLICATE: f32 = 0.5;
/// Weight kept by a source each time it has already been picked.
const SOURCE_DISCOUNT: f32 = 0.6;

/// Up to `max` summary sentences for the event with `centroid`.
pub fn summarize(
    sentences: &[Sentence],
    vocab: &Vocab,
    centroid: &SparseVec,
    max: usize,
) -> Vec<SummarySentence> {
    struct Scored<'a, 'b> {
        s: &'b Sentence<'a>,
        terms: Vec<TermId>,
        score: f32,
    }
    let norm = tfidf::norm(centroid);
    let mut pool: Vec<Scored> = sentences
        .iter()
        .filter(|s| usable(s.text))
        .map(|s| {
            let v = tfidf::vector_of_ids(vocab, &s.ids);
            let cos = if norm > 0.0 {
                tfidf::dot(&v, centroid) / norm
            } else {
                0.0
            };
            Scored {
                terms: s.term_set(),
                s,
                score: cos / (1.0 + 0.1 * s.position as f32),
            }
        })
        .collect();
    let mut picked: Vec<Scored> = Vec::new();
    while picked.len() < max {
        let used = |a: &Article| {
            picked
                .iter()
                .filter(|p| std::ptr::eq(p.s.article, a))
                .count() as i32
        };
        let best = pool
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                !picked
                    .iter()
                    .any(|p| tfidf::jaccard(&p.terms, &c.terms) >= NEAR_DUPLICATE)
            })
            .map(|(i, c)| (i, c.score * SOURCE_DISCOUNT.powi(used(c.s.article))))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        match best {
            Some((i, score)) if score > 0.0 => picked.push(pool.remove(i)),
            _ => break,
        }
    }
    picked
        .into_iter()
        .map(|p| SummarySentence {
            text: p.s.text.to_string(),
            article: p.s.article.id.clone(),
            paragraph: p.s.paragraph,
            anchor: p.s.article.paragraphs[p.s.paragraph].anchor.clone(),
        })
        .collect()
}

/// How many sentences an event of `n` articles gets: 3 to 6.
pub fn length_for(n: usize) -> usize {
    (n + 2).clamp(3, 6)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::testing::article;

    #[test]
    fn picks_central_sentences_across_sources_without_duplicates() {
        let a = article(
            "a",
            "2025-02-18",
            &[
                "Flood waters swept through the river town of Marlow on Tuesday.",
                "Rescue teams evacuated hundreds of residents from the flooded town.",
                "The weather office said more rain was expected.",
            ],
        );
        let b = article(
            "b",
            "2025-02-18",
            &[
                "Flood waters swept through the river town of Marlow on Tuesday!",
                "The mayor of Marlow thanked the rescue teams for their work.",
            ],
        );
        let mut vocab = Vocab::default();
        let mut centroid = SparseVec::new();
        for x in [&a, &b] {
            for (_, p) in x.prose() {
                let c = tfidf::count_terms(
                    &mut vocab,
                    &[tfidf::Part {
                        text: &p.text,
                        weight: 1,
                        proper: 1,
                    }],
                );
                vocab.add_doc(&c.iter().map(|e| e.0).collect::<Vec<_>>());
            }
        }
        for x in [&a, &b] {
            for (_, p) in x.prose() {
                centroid = tfidf::add(&centroid, &tfidf::vector_of(&vocab, &p.text));
            }
        }
        let s = summarize(&sentences_of(&[&a, &b], &vocab), &vocab, &centroid, 3);
        assert_eq!(s.len(), 3);
        let texts: Vec<&str> = s.iter().map(|x| x.text.as_str()).collect();
        let floods = texts
            .iter()
            .filter(|t| t.starts_with("Flood waters"))
            .count();
        assert_eq!(floods, 1, "near-duplicates collapse: {texts:?}");
        assert!(s.iter().any(|x| x.article == "a") && s.iter().any(|x| x.article == "b"));
        for x in &s {
            assert_eq!(x.anchor, format!("p{}", x.paragraph + 1));
        }
    }

    #[test]
    fn fragments_and_credits_are_not_summary_material() {
        assert!(!usable("within a few weeks,” she told the radio station."));
        assert!(!usable("Anadolu | Anadolu | Getty Photos"));
        assert!(!usable("Too short."));
        assert!(usable(
            "The talks lasted more than four hours in the palace."
        ));
        assert_eq!((length_for(1), length_for(3), length_for(9)), (3, 5, 6));
    }
}
