//! One-word short forms of a full name that the article writes as a
//! thing's: a firm named after its founder ("Ada Brandt" and "the Brandt
//! board"), a product named after its maker ("Vellix Messenger" and "Vellix
//! is the leading brand"). Such an occurrence is not a mention of the
//! person, and a full name whose first word (not its surname) is a thing
//! in the article is the maker's product, not a person.
//!
//! The cues of a thing at a one-word occurrence, all grammatical (an
//! occurrence with one of the first two is never the person's):
//! - a noun only an organisation has right after it ("X board", "X
//!   shareholders", "X shares"), or after its possessive ("X's shares");
//! - "its" among the three words after it (for the article's count only:
//!   a person speaks for a firm, "X said its offer");
//! - a copula and a kind-of-thing noun ("X was the first internet firm",
//!   "X remains the most important brand");
//! - and, once per article, the word heading an organisation the tagger
//!   reads there ("X Broadcasting Co").
//!
//! The cues of a person: an honorific before it, or "he", "she", "his" or
//! "her" among the four words after it, before any punctuation. A short form is a thing in the
//! article when it has two thing cues or more and no person cue: then every
//! one-word occurrence without an honorific goes.

use super::entities::Layer;
use super::things;
use crate::nlp::layer::{Found, MentionKind, Sentence};
use crate::nlp::names::{self, NameKey};
use crate::nlp::tokens::Token;
use std::collections::{BTreeMap, BTreeSet};

/// Drops the one-word occurrences (of `found`, after in-article resolution)
/// that are a thing's, and the full names whose first word the article
/// shows to be a thing; returns those full names (sorted): the corpus's
/// evidence that they are things.
pub(super) fn drop_thing_short_forms(
    sents: &[Sentence],
    layer: &Layer,
    found: &mut Vec<Found>,
) -> Vec<String> {
    // (full name, short form) → (thing cues, person cues).
    let mut tally: BTreeMap<(String, NameKey), (u32, u32)> = BTreeMap::new();
    let mut cued: BTreeSet<usize> = BTreeSet::new();
    for (i, f) in found.iter().enumerate() {
        if f.kind != MentionKind::Partial || f.tokens.len() != 1 {
            continue;
        }
        let t = &sents[f.sent].tokens;
        let e = tally.entry((f.name.clone(), f.key.clone())).or_default();
        if thing_cue(t, f.tokens.start) {
            e.0 += 1;
            cued.insert(i);
        } else if its_after(t, f.tokens.start) {
            e.0 += 1;
        } else if person_cue(t, f.tokens.start) {
            e.1 += 1;
        }
    }
    if tally.values().all(|&(thing, _)| thing == 0) {
        return Vec::new();
    }
    let heads = org_heads(sents, layer);
    let mut things: BTreeSet<String> = BTreeSet::new();
    let mut dropped: BTreeSet<(String, NameKey)> = BTreeSet::new();
    for ((full, short), (thing, person)) in &tally {
        let thing = thing + u32::from(heads.contains(short));
        if thing < 2 || *person > 0 {
            continue;
        }
        let key = names::normalise(full);
        let surname = names::surnames(&key).iter().any(|s| s == short.as_str());
        if surname {
            dropped.insert((full.clone(), short.clone()));
        } else {
            things.insert(full.clone());
        }
    }
    let mut i = 0;
    found.retain(|f| {
        let short_thing = f.kind == MentionKind::Partial
            && dropped.contains(&(f.name.clone(), f.key.clone()))
            && !honorific_before(&sents[f.sent].tokens, f.tokens.start);
        let keep = !(cued.contains(&i) || things.contains(&f.name) || short_thing);
        i += 1;
        keep
    });
    things.into_iter().collect()
}

/// The first words of the article's organisations of two words or more.
fn org_heads(sents: &[Sentence], layer: &Layer) -> BTreeSet<NameKey> {
    let mut out = BTreeSet::new();
    for (s, others) in sents.iter().zip(&layer.others) {
        for (r, kind) in others {
            let words = &s.tokens[r.clone()];
            let thing = words.iter().any(|w| names::is_thing_word(w.text));
            if *kind == crate::nlp::layer::EntityKind::Organisation && words.len() >= 2 && thing {
                out.insert(names::normalise(words[0].text));
            }
        }
    }
    out
}

fn text<'a>(t: &[Token<'a>], i: usize) -> Option<&'a str> {
    t.get(i).map(|w| w.text)
}

/// A thing's context at the one-word occurrence at token `at`, strong
/// enough to tell that occurrence alone.
fn thing_cue(t: &[Token], at: usize) -> bool {
    let after = match text(t, at + 1) {
        Some("'s" | "’s") => at + 2,
        _ => at + 1,
    };
    text(t, after).is_some_and(is_an_organs_noun) || copula_kind(t, at + 1)
}

/// "X said its": weaker, as a person speaks for a firm ("X said its
/// offer"); it counts for the article, never alone.
fn its_after(t: &[Token], at: usize) -> bool {
    (at + 1..at + 4).any(|i| text(t, i) == Some("its"))
}

/// Nouns of what only an organisation has: "X board", "X's shares".
fn is_an_organs_noun(word: &str) -> bool {
    matches!(
        word,
        "board"
            | "shareholders"
            | "stockholders"
            | "shares"
            | "stock"
            | "subsidiary"
            | "subsidiaries"
            | "unit"
            | "units"
            | "division"
            | "plant"
            | "plants"
            | "factory"
            | "headquarters"
            | "earnings"
            | "revenue"
            | "revenues"
            | "products"
            | "customers"
    )
}

/// "is/was/remains the first internet firm": a copula at `i`, then a
/// determiner, then, within four more words, a kind-of-thing noun that
/// ends the phrase ("X is the company's lawyer" is a person's job).
fn copula_kind(t: &[Token], i: usize) -> bool {
    let copula = matches!(
        text(t, i),
        Some("is" | "was" | "remains" | "remained" | "became" | "becomes")
    );
    let det = matches!(text(t, i + 1), Some("the" | "a" | "an"));
    let kind_ends = |k: usize| {
        text(t, k).is_some_and(things::is_kind_noun)
            && text(t, k + 1).is_none_or(|w| {
                !w.chars().next().is_some_and(char::is_alphanumeric) && !matches!(w, "'s" | "’s")
                    || matches!(
                        w,
                        "to" | "on" | "in" | "of" | "that" | "which" | "with" | "for" | "and"
                    )
            })
    };
    copula && det && (i + 2..i + 6).any(kind_ends)
}

/// "he", "she", "his" or "her" among the four words after, in the same
/// clause ("… to X," he said" is somebody else speaking of X), or an
/// honorific before.
fn person_cue(t: &[Token], at: usize) -> bool {
    let clause = (at + 1..at + 5)
        .map_while(|i| text(t, i))
        .take_while(|w| w.chars().next().is_some_and(char::is_alphanumeric));
    honorific_before(t, at)
        || clause
            .into_iter()
            .any(|w| matches!(w, "he" | "she" | "his" | "her"))
}

fn honorific_before(t: &[Token], at: usize) -> bool {
    at.checked_sub(1)
        .and_then(|i| text(t, i))
        .is_some_and(crate::nlp::roles::is_honorific)
}
