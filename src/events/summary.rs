//! The merged summary of an event: a lede and a few facts, each once.
//!
//! Each prose sentence is scored by its TF-IDF cosine with the event
//! centroid (how central it is to what all sources say), discounted by its
//! position in its article (news puts the gist first). Sentences that say
//! the same thing are grouped into one fact ([`facts`]); the [`lede`] is
//! drawn from the articles' opening sentences, and the summary lists the
//! other facts that each add something new, with the articles that report
//! them.

use crate::content::Article;
use crate::events::tfidf::{self, SparseVec, TermId, Vocab};
use crate::events::{facts, lede};
use crate::nlp::sentences;
use serde::Serialize;

/// One summary sentence with its provenance.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct SummarySentence {
    /// The sentence as written in the article.
    pub text: String,
    /// Article id.
    pub article: String,
    /// Index into the article's `paragraphs`.
    pub paragraph: usize,
    /// The paragraph's anchor (`p3`), for links.
    pub anchor: String,
    /// Ids of the articles that report this fact, sorted (the sentence's own included).
    pub sources: Vec<String>,
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

/// The term space an event's briefing is scored in: a vocabulary whose
/// document frequencies count only the event's own `members`, and their
/// centroid in it.
///
/// Local on purpose: the briefing is then a function of the event's members
/// alone, so an article that joins another event (or a corpus that grows
/// elsewhere) can never reword this event's lede and facts. Corpus-wide
/// weights shifted tied sentences whenever an unrelated article shared a
/// common word. The background documents of [`Vocab::idf`] keep words that
/// every member uses ("talks", the place) weighted, and a one-article event
/// has no shared terms, so its sentences keep reading order (the lede is
/// its first sentence, as news is written).
pub fn event_space(members: &[&Article]) -> (Vocab, SparseVec) {
    event_space_of(&prose_of(members))
}

/// The analysed prose of each member, as (paragraph index, text) (see
/// [`crate::nlp::limit::analysed_prose`]): found once for the event space
/// and the sentences (issue 12: each search plans a huge article's windows).
pub type Prose<'a> = Vec<Vec<(usize, &'a str)>>;

/// The [`Prose`] of `members`.
pub fn prose_of<'a>(members: &[&'a Article]) -> Prose<'a> {
    members
        .iter()
        .map(|a| crate::nlp::limit::analysed_prose(a).collect())
        .collect()
}

/// [`event_space`] of the members' [`Prose`].
pub fn event_space_of(prose: &Prose) -> (Vocab, SparseVec) {
    let mut vocab = Vocab::default();
    let mut texts = Vec::with_capacity(prose.len());
    for parts in prose {
        // Only the analysed part (issue 12: bounded cost).
        let text: Vec<&str> = parts.iter().map(|(_, t)| *t).collect();
        let text = text.join("\n");
        let counts = tfidf::count_terms(
            &mut vocab,
            &[tfidf::Part {
                text: &text,
                weight: 1,
                proper: 1,
            }],
        );
        vocab.add_doc(&counts.iter().map(|e| e.0).collect::<Vec<_>>());
        texts.push(counts);
    }
    let mut centroid = SparseVec::new();
    for counts in &texts {
        centroid = tfidf::add(&centroid, &tfidf::tfidf(&vocab, counts));
    }
    (vocab, centroid)
}

/// Every prose sentence of `articles`, in reading order, tokenised once
/// for both the summary and the timeline.
pub fn sentences_of<'a>(articles: &[&'a Article], vocab: &Vocab) -> Vec<Sentence<'a>> {
    sentences_in(articles, &prose_of(articles), vocab)
}

/// [`sentences_of`] the articles' [`Prose`] (`prose[k]` is that of
/// `articles[k]`). The sentences are found in order, then their terms
/// looked up on all cores (issue 12: a huge article's were looked up on
/// one thread).
pub fn sentences_in<'a>(
    articles: &[&'a Article],
    prose: &Prose<'a>,
    vocab: &Vocab,
) -> Vec<Sentence<'a>> {
    use rayon::prelude::*;
    let mut out = Vec::new();
    for (a, parts) in articles.iter().zip(prose) {
        let mut position = 0;
        // Only the analysed part of a huge article (bounded cost, issue 12).
        for &(k, prose) in parts {
            for r in sentences::split(prose) {
                out.push(Sentence {
                    text: &prose[r],
                    article: a,
                    paragraph: k,
                    position,
                    ids: Vec::new(),
                });
                position += 1;
            }
        }
    }
    out.par_iter_mut()
        .with_min_len(256)
        .for_each(|s| s.ids = tfidf::known_ids(vocab, s.text));
    out
}

/// A sentence that reads well on its own: 6–60 words, starts like a
/// sentence, ends with a terminator, not a photo credit.
pub(crate) fn usable(s: &str) -> bool {
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

/// An event's lede (one or two sentences) and up to `max` further facts.
pub struct Brief {
    /// What happened, who, where, when.
    pub lede: Vec<SummarySentence>,
    /// Distinct facts, most corroborated and central first.
    pub summary: Vec<SummarySentence>,
}

/// The lede and summary of the event with `centroid`; `place` is where it
/// happened, when known.
pub fn summarize(
    sentences: &[Sentence],
    vocab: &Vocab,
    centroid: &SparseVec,
    max: usize,
    place: Option<&str>,
) -> Brief {
    let cands = facts::candidates(sentences, vocab, centroid);
    let groups = facts::group(&cands);
    let opening = lede::lede(&groups, place);
    let taken: Vec<&facts::Candidate> = opening.iter().map(|(c, _)| *c).collect();
    let rest: Vec<facts::Fact> = groups
        .iter()
        .filter(|f| !opening.iter().any(|(_, g)| std::ptr::eq(*g, *f)))
        .map(|f| facts::Fact {
            members: f.members.clone(),
            sources: f.sources.clone(),
        })
        .collect();
    let summary = facts::pick(&rest, &taken, max)
        .into_iter()
        .map(|(f, c)| sentence(c.s, &f.sources))
        .collect();
    Brief {
        lede: opening
            .into_iter()
            .map(|(c, f)| sentence(c.s, &f.sources))
            .collect(),
        summary,
    }
}

fn sentence(s: &Sentence, sources: &[String]) -> SummarySentence {
    SummarySentence {
        text: s.text.to_string(),
        article: s.article.id.clone(),
        paragraph: s.paragraph,
        anchor: s.article.paragraphs[s.paragraph].anchor.clone(),
        sources: sources.to_vec(),
    }
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
        let brief = summarize(
            &sentences_of(&[&a, &b], &vocab),
            &vocab,
            &centroid,
            3,
            Some("Marlow"),
        );
        let s: Vec<&SummarySentence> = brief.lede.iter().chain(&brief.summary).collect();
        assert!(!brief.lede.is_empty() && s.len() >= 3, "{s:#?}");
        let texts: Vec<&str> = s.iter().map(|x| x.text.as_str()).collect();
        let floods: Vec<&&SummarySentence> = s
            .iter()
            .filter(|t| t.text.starts_with("Flood waters"))
            .collect();
        assert_eq!(floods.len(), 1, "one fact, told once: {texts:?}");
        assert_eq!(floods[0].sources, ["a", "b"], "both sources report it");
        assert!(s.iter().any(|x| x.article == "a") && s.iter().any(|x| x.article == "b"));
        for x in &s {
            assert_eq!(x.anchor, format!("p{}", x.paragraph + 1));
            assert!(x.sources.contains(&x.article));
        }
    }

    #[test]
    fn facts_add_aspects_several_sources_report_not_the_lede_again() {
        let a = article(
            "a",
            "2025-02-18",
            &[
                "Flood waters swept through the river town of Marlow on Tuesday.",
                "Rescue teams evacuated hundreds of residents to the school gym.",
                "The old mill by the bridge, built in 1820, lost its roof.",
            ],
        );
        let b = article(
            "b",
            "2025-02-18",
            &[
                "Floods hit the river town of Marlow on Tuesday, swamping streets.",
                "Hundreds of residents were evacuated by rescue teams overnight.",
                "Flood waters swept through the river town of Marlow again later.",
            ],
        );
        let c = article(
            "c",
            "2025-02-18",
            &[
                "The town of Marlow was flooded on Tuesday after days of rain.",
                "Rescue teams evacuated residents from the lower streets.",
            ],
        );
        let members = [&a, &b, &c];
        let (vocab, centroid) = event_space(&members);
        let brief = summarize(
            &sentences_of(&members, &vocab),
            &vocab,
            &centroid,
            2,
            Some("Marlow"),
        );
        let first = &brief.summary[0];
        assert!(
            first.text.contains("evacuated") && first.sources.len() >= 2,
            "the aspect several sources report comes first: {:#?}",
            brief.summary
        );
        assert!(
            brief
                .summary
                .iter()
                .all(|s| !s.text.contains("again later")),
            "a rewording of the lede adds nothing: {:#?}",
            brief.summary
        );
    }

    #[test]
    fn what_happens_next_gets_a_line() {
        let a = article(
            "a",
            "2025-02-18",
            &[
                "Flood waters swept through the river town of Marlow on Tuesday.",
                "Rescue teams evacuated hundreds of residents to the school gym.",
                "The old mill by the bridge, built in 1820, lost its roof.",
            ],
        );
        let b = article(
            "b",
            "2025-02-18",
            &[
                "Floods hit the river town of Marlow on Tuesday, swamping streets.",
                "Hundreds of residents were evacuated by rescue teams overnight.",
                "No date has been set for reopening the flooded bridge to traffic.",
            ],
        );
        let members = [&a, &b];
        let (vocab, centroid) = event_space(&members);
        let brief = summarize(
            &sentences_of(&members, &vocab),
            &vocab,
            &centroid,
            2,
            Some("Marlow"),
        );
        assert!(brief.summary.len() <= 2, "{:#?}", brief.summary);
        assert!(
            brief.summary.iter().any(|s| s.text.starts_with("No date")),
            "the open next step is told: {:#?}",
            brief.summary
        );
        assert!(facts::prospective("The two leaders will meet next week."));
        assert!(facts::leans_back(
            "Afterwards he said the force needed a guarantee."
        ));
        assert!(facts::leans_back(
            "His country has kept channels open to both."
        ));
        assert!(!facts::leans_back(
            "After his meeting in Riyadh, the minister left."
        ));
        assert!(!facts::prospective("The two sides were expected to meet."));
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
