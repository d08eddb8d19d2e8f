//! The non-person half of the entity layer: organisations, places and other
//! named things as the tagger sees them, per sentence (to keep people out of
//! them) and per article (to export and count them).

use super::Sentence;
use crate::nlp::layer::{EntityCount, EntityKind, EntitySpan};
use crate::nlp::names;
use crate::nlp::ner::{Entity, EntityType};
use crate::nlp::roles;
use crate::nlp::tokens::Token;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ops::Range;

/// The layer of one article: per sentence, person spans and the spans of
/// everything else (token indices).
pub(super) struct Layer {
    pub persons: Vec<Vec<Range<usize>>>,
    pub others: Vec<Vec<(Range<usize>, EntityKind)>>,
}

impl Layer {
    /// Splits tagged entities (one list per sentence) into people and the
    /// rest, after the article-level vote of [`person_by_majority`].
    pub(super) fn new(sents: &[Sentence], mut tagged: Vec<Vec<Entity>>) -> Layer {
        for (s, ents) in sents.iter().zip(tagged.iter_mut()) {
            glue_firm_names(&s.tokens, ents);
        }
        person_by_majority(sents, &mut tagged);
        let mut persons = Vec::with_capacity(tagged.len());
        let mut others = Vec::with_capacity(tagged.len());
        for sent in tagged {
            let (p, o): (Vec<Entity>, Vec<Entity>) =
                sent.into_iter().partition(|e| e.kind == EntityType::Per);
            persons.push(p.into_iter().map(|e| e.span).collect());
            others.push(o.into_iter().map(|e| (e.span, kind(e.kind))).collect());
        }
        Layer { persons, others }
    }

    /// Whether token range `r` of sentence `sent` overlaps an organisation,
    /// place or other non-person entity.
    pub(super) fn blocks(&self, sent: usize, r: &Range<usize>) -> bool {
        self.others
            .get(sent)
            .is_some_and(|o| o.iter().any(|(s, _)| s.start < r.end && r.start < s.end))
    }

    /// Word sequences (two words or more, normalised) of the article's
    /// organisations and places that hold a company or place word: a full
    /// name read inside one ("Dean Witter" of "Dean Witter Reynolds Inc")
    /// is that thing's name in this article.
    pub(super) fn inside_things(&self, sents: &[Sentence]) -> HashSet<String> {
        let mut out = HashSet::new();
        for (s, others) in sents.iter().zip(&self.others) {
            for (r, kind) in others {
                if *kind == EntityKind::Other {
                    continue;
                }
                let text: Vec<&str> = s.tokens[r.clone()].iter().map(|t| t.text).collect();
                // Only names that say they are things ("… Inc", "… Bank"):
                // the tagger also calls some people organisations.
                if !text.iter().any(|w| names::is_thing_word(w)) {
                    continue;
                }
                let key = names::normalise(&text.join(" "));
                let words = key.words();
                for i in 0..words.len() {
                    for j in i + 2..=words.len() {
                        out.insert(words[i..j].join(" "));
                    }
                }
            }
        }
        out
    }

    /// The non-person entities as byte spans of their paragraphs.
    pub(super) fn spans(&self, sents: &[Sentence], texts: &[&str]) -> Vec<EntitySpan> {
        let mut out = Vec::new();
        for (s, others) in sents.iter().zip(&self.others) {
            for (r, kind) in others {
                let span = s.tokens[r.start].start..s.tokens[r.end - 1].end;
                let text = texts[s.paragraph][span.clone()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push(EntitySpan {
                    paragraph: s.paragraph,
                    span,
                    kind: *kind,
                    text,
                });
            }
        }
        out
    }
}

/// The article outvotes the tagger's sentence-level slips. A span tagged as
/// something else is a person when a title stands right before it ("the
/// fund's head, Kirill Dmitriev", "Minister Ada Brandt") — a title never
/// heads an organisation or place ("Chief Executive of Goldman Sachs" ends
/// in "of", which does not count) — and then every other span made only of
/// that person's name words is the person too ("Dmitriev said").
fn person_by_majority(sents: &[Sentence], tagged: &mut [Vec<Entity>]) {
    let mut name_words: BTreeSet<&str> = BTreeSet::new();
    for (s, ents) in sents.iter().zip(tagged.iter_mut()) {
        for e in ents.iter_mut() {
            let words = &s.tokens[e.span.clone()];
            if e.kind != EntityType::Per && titled(&s.tokens, e.span.start) && all_name(words) {
                e.kind = EntityType::Per;
            }
            if e.kind == EntityType::Per && words.len() >= 2 {
                name_words.extend(words.iter().map(|t| t.text));
            }
        }
    }
    for (s, ents) in sents.iter().zip(tagged.iter_mut()) {
        for e in ents.iter_mut().filter(|e| e.kind != EntityType::Per) {
            let words = &s.tokens[e.span.clone()];
            if all_name(words) && words.iter().all(|t| name_words.contains(t.text)) {
                e.kind = EntityType::Per;
            }
        }
    }
}

/// A person span run straight into an organisation ("Dean Witter" +
/// "Reynolds Inc", "Morgan Grenfell" + "Group"), into a company word, or
/// into "and"/"&" and a company suffix ("Ada Brandt and Co") is the first
/// part of the organisation's name: one organisation span.
fn glue_firm_names(tokens: &[Token], ents: &mut Vec<Entity>) {
    ents.sort_by_key(|e| e.span.start);
    let mut i = 0;
    while i < ents.len() {
        if ents[i].kind == EntityType::Per {
            let end = ents[i].span.end;
            if ents
                .get(i + 1)
                .is_some_and(|n| n.kind == EntityType::Org && n.span.start == end)
            {
                let org = ents.remove(i + 1);
                ents[i].span.end = org.span.end;
                ents[i].kind = EntityType::Org;
            } else if let Some(len) = firm_suffix_at(tokens, end) {
                ents[i].span.end = end + len;
                ents[i].kind = EntityType::Org;
                // Whatever the tagger read in the suffix ("Co") is inside.
                while ents.get(i + 1).is_some_and(|n| n.span.start < end + len) {
                    let n = ents.remove(i + 1);
                    ents[i].span.end = ents[i].span.end.max(n.span.end);
                }
            }
        }
        i += 1;
    }
}

/// How many tokens from `at` on continue a name into a company's: a
/// capitalised company word ("Inc", "Clinic"), or "and"/"&" and a company
/// suffix ("and Co", "& Sons"). A comma between is not read: "Lind, Inc"
/// is rare and "Brandt, Group chairman" is not a firm.
pub(super) fn firm_suffix_at(tokens: &[Token], at: usize) -> Option<usize> {
    let capital_thing = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| names::starts_name(t.text) && names::is_thing_word(t.text))
    };
    let suffix = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| names::starts_name(t.text) && names::is_corporate_suffix(t.text))
    };
    if capital_thing(at) {
        Some(1)
    } else if tokens
        .get(at)
        .is_some_and(|t| names::is_firm_connector(t.text))
        && suffix(at + 1)
    {
        Some(2)
    } else {
        None
    }
}

fn all_name(words: &[Token]) -> bool {
    !words.is_empty() && words.iter().all(|t| names::starts_name(t.text))
}

/// A title ends right before token `start` (or before a bracketed acronym
/// or a comma there), not a preposition.
fn titled(tokens: &[Token], start: usize) -> bool {
    let Some(prev) = start.checked_sub(1).map(|i| tokens[i].text) else {
        return false;
    };
    let ok_prev = matches!(prev, ")" | ",") || names::starts_name(prev);
    ok_prev && roles::title_before(tokens, start).is_some()
}

fn kind(t: EntityType) -> EntityKind {
    match t {
        EntityType::Org => EntityKind::Organisation,
        EntityType::Loc => EntityKind::Place,
        EntityType::Per | EntityType::Misc => EntityKind::Other,
    }
}

/// Occurrences of one kind, grouped by normalised spelling and named as
/// first written; most mentioned first, ties by name.
pub(super) fn counts(spans: &[EntitySpan], want: EntityKind) -> Vec<EntityCount> {
    let mut by_key: BTreeMap<String, EntityCount> = BTreeMap::new();
    for e in spans.iter().filter(|e| e.kind == want) {
        let key = names::normalise(&e.text).as_str().to_string();
        if key.is_empty() {
            continue;
        }
        by_key
            .entry(key)
            .or_insert_with(|| EntityCount {
                name: e.text.clone(),
                count: 0,
            })
            .count += 1;
    }
    let mut out: Vec<EntityCount> = by_key.into_values().collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    out
}
