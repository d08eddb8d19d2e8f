//! Corpus-level consistency: a full name known in the corpus is that person
//! wherever it is written, and a surname that belongs to exactly one person
//! is that person wherever it stands alone, even in an article that never
//! gives the full name, when the tagger missed it ("… spoke to the
//! chancellor and Okafor").

use super::memo::NameLookup;
use crate::content::{Article, BlockKind};
use crate::nlp::analysis::{EntitySpan, Mention, MentionKind};
use crate::nlp::names;
use crate::nlp::quotes::is_speech_verb;
use crate::nlp::sentences;
use crate::nlp::tokens::{tokenize, Token};

/// Mentions of known full names and unique surnames that `existing` does
/// not already cover and that are not inside an organisation, place or
/// other named thing (`entities`), in prose and captions. `known` says
/// which full names and surnames the corpus has (so that [`super::memo`]
/// can record what the result depends on).
#[cfg(test)]
pub(crate) fn extra_mentions_in(
    article: &Article,
    existing: &[Mention],
    entities: &[EntitySpan],
    known: &impl NameLookup,
) -> Vec<Mention> {
    let scan = Scan::new(article, existing, entities);
    scan.mentions(0..scan.len(), known)
}

/// The pass over one article, cut into its sentences so that a huge
/// article's sentences can be scanned in parallel runs ([`Scan::mentions`]
/// of consecutive runs, concatenated, is the whole pass: each sentence is
/// scanned on its own).
pub(crate) struct Scan<'a> {
    article: &'a Article,
    taken: Taken,
    /// (paragraph index, sentence range) in reading order.
    sentences: Vec<(usize, std::ops::Range<usize>)>,
}

impl<'a> Scan<'a> {
    /// The sentences of the prose and captions of `article`, and the spans
    /// `existing` and `entities` already cover.
    pub(crate) fn new(article: &'a Article, existing: &[Mention], entities: &[EntitySpan]) -> Self {
        let taken = Taken::new(
            existing
                .iter()
                .map(|m| (m.paragraph, &m.span))
                .chain(entities.iter().map(|x| (x.paragraph, &x.span))),
        );
        let sentences = article
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| matches!(p.kind, BlockKind::Prose | BlockKind::Caption))
            .flat_map(|(pi, p)| sentences::split(&p.text).into_iter().map(move |r| (pi, r)))
            .collect();
        Scan {
            article,
            taken,
            sentences,
        }
    }

    /// Number of sentences.
    pub(crate) fn len(&self) -> usize {
        self.sentences.len()
    }

    /// The extra mentions of sentences `run`, in reading order.
    pub(crate) fn mentions(
        &self,
        run: std::ops::Range<usize>,
        known: &impl NameLookup,
    ) -> Vec<Mention> {
        let mut out = Vec::new();
        for (pi, r) in &self.sentences[run] {
            let p = &self.article.paragraphs[*pi];
            self.sentence(*pi, &p.text, r, known, &mut out);
        }
        out
    }

    /// The extra mentions of sentence `r` of paragraph `pi` (text `text`).
    fn sentence(
        &self,
        pi: usize,
        text: &str,
        r: &std::ops::Range<usize>,
        known: &impl NameLookup,
        out: &mut Vec<Mention>,
    ) {
        let caption = self.article.paragraphs[pi].kind == BlockKind::Caption;
        let tokens = tokenize(&text[r.clone()]);
        let mut i = 0;
        while i < tokens.len() {
            let hit = full_name_at(&tokens, i, known)
                .map(|t| (t, MentionKind::Full))
                .or_else(|| {
                    standalone_surname(&tokens, i, known).then_some((i..i + 1, MentionKind::Bare))
                });
            let Some((t, kind)) = hit else {
                i += 1;
                continue;
            };
            let (s, e) = (
                r.start + tokens[t.start].start,
                r.start + tokens[t.end - 1].end,
            );
            if !self.taken.overlaps(pi, s, e) {
                let surface = text[s..e].to_string();
                out.push(Mention {
                    paragraph: pi,
                    span: s..e,
                    name: surface.clone(),
                    surface,
                    kind,
                    in_caption: caption,
                });
            }
            i = t.end;
        }
    }
}

/// The spans already covered, per paragraph, sorted by start with the
/// largest end so far: an overlap test is a binary search. Testing every
/// hit against every span of the article made a long article cost its
/// hits times its mentions (issue 12).
struct Taken(std::collections::BTreeMap<usize, Vec<(usize, usize)>>);

impl Taken {
    fn new<'a>(spans: impl Iterator<Item = (usize, &'a std::ops::Range<usize>)>) -> Self {
        let mut by_paragraph: std::collections::BTreeMap<usize, Vec<(usize, usize)>> =
            Default::default();
        for (p, r) in spans {
            by_paragraph.entry(p).or_default().push((r.start, r.end));
        }
        for list in by_paragraph.values_mut() {
            list.sort_unstable();
            let mut max_end = 0;
            for (_, end) in list.iter_mut() {
                max_end = max_end.max(*end);
                *end = max_end;
            }
        }
        Taken(by_paragraph)
    }

    /// Some span of paragraph `p` overlaps `s..e`: of those starting before
    /// `e`, the furthest end is past `s`.
    fn overlaps(&self, p: usize, s: usize, e: usize) -> bool {
        let Some(list) = self.0.get(&p) else {
            return false;
        };
        let k = list.partition_point(|&(start, _)| start < e);
        k > 0 && list[k - 1].1 > s
    }
}

/// A full name of the corpus (2 to 5 tokens, longest first) starting at `i`.
fn full_name_at(t: &[Token], i: usize, known: &impl NameLookup) -> Option<std::ops::Range<usize>> {
    if !names::starts_name(t[i].text) {
        return None;
    }
    (i + 2..=(i + 5).min(t.len())).rev().find_map(|end| {
        let words: Vec<&str> = t[i..end].iter().map(|x| x.text).collect();
        let known = names::starts_name(t[end - 1].text)
            && known.known_full(&names::normalise(&words.join(" ")));
        known.then_some(i..end)
    })
}

fn standalone_surname(t: &[Token], i: usize, known: &impl NameLookup) -> bool {
    if names::clean_span(t, i..i + 1) != Some(i..i + 1) {
        return false;
    }
    let key = names::normalise(t[i].text);
    if !known.unique_surname(&names::phonetic(key.as_str())) {
        return false;
    }
    let name_like = |x: &Token| names::clean_span(std::slice::from_ref(x), 0..1).is_some();
    let glued =
        i.checked_sub(1).is_some_and(|j| name_like(&t[j])) || t.get(i + 1).is_some_and(name_like);
    // A sentence's first word is capitalised anyway: only trust it with a cue.
    let cue = t.get(i + 1).is_some_and(|x| {
        matches!(x.text, "'s" | "’s" | ",") || is_speech_verb(&x.text.to_lowercase())
    });
    !glued && (i > 0 || cue)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::cluster::Clusters;
    use crate::people::memo::Corpus;
    use std::collections::BTreeMap;

    fn extra_mentions(
        article: &Article,
        existing: &[Mention],
        entities: &[EntitySpan],
        clusters: &Clusters,
        surnames: &BTreeMap<String, usize>,
    ) -> Vec<Mention> {
        extra_mentions_in(article, existing, entities, &Corpus { clusters, surnames })
    }
    use crate::nlp::analysis::testing::article;

    #[test]
    fn finds_standalone_unique_surnames_only() {
        let s = BTreeMap::from([(names::phonetic("okafor"), 0)]);
        let none = Clusters::default();
        let a = article(
            "a",
            2,
            &["The minister spoke to Okafor and Daniel Okafor. Okafor left. Okafor said no."],
        );
        let found: Vec<_> = extra_mentions(&a, &[], &[], &none, &s)
            .into_iter()
            .map(|m| m.span.start)
            .collect();
        // Not the one glued to "Daniel", not the unexplained sentence-initial one.
        assert_eq!(found, vec![22, 61]);
    }

    #[test]
    fn finds_known_full_names() {
        use crate::people::cluster::Candidate;
        use crate::people::Curation;
        let key = names::normalise("Ada Brandt");
        let c = Clusters::build(
            &Curation::default(),
            &[Candidate {
                key,
                articles: 1,
                caption_only: false,
            }],
        );
        let a = article("a", 2, &["It was opened by Ada Brandt."]);
        let got = extra_mentions(&a, &[], &[], &c, &BTreeMap::new());
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].surface.as_str(), got[0].kind),
            ("Ada Brandt", MentionKind::Full)
        );
    }

    #[test]
    fn the_overlap_index_agrees_with_testing_every_span() {
        let spans = [(0, 5..9), (0, 1..3), (0, 20..40), (0, 22..25), (2, 0..4)];
        let taken = Taken::new(spans.iter().map(|(p, r)| (*p, r)));
        for p in 0..3 {
            for s in 0..45 {
                for e in s + 1..46 {
                    let brute = spans
                        .iter()
                        .any(|(q, r)| *q == p && r.start < e && s < r.end);
                    assert_eq!(taken.overlaps(p, s, e), brute, "{p} {s}..{e}");
                }
            }
        }
    }
}
