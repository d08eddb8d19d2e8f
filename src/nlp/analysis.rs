//! Per-article analysis: who is named where, with which titles, and who said
//! what. Pure and serialisable, so it can be cached per content hash.
//!
//! Prose paragraphs are read in full. Photo captions are read for names and
//! titles only, and their mentions are flagged: the people stage lets a
//! caption link a person named in prose somewhere, never create one.
//! Headings, code and other blocks are not read.
//!
//! Names come from the NER model (one call per article, all read sentences
//! as one document) and, for robustness, from title/verb/apposition cues;
//! each is cleaned by [`names::clean_span`]. Document consistency then finds
//! the other occurrences of names already accepted in the article, and a
//! surname-only mention is attached to the most recent full name it fits.
//! Roles and quotes are read around the names (`roles`, `quotes`).

use crate::content::{Article, BlockKind};
pub use crate::nlp::layer::{
    Analysis, EntityCount, EntityKind, EntitySpan, Mention, MentionKind, Quote, RoleMention,
};
use crate::nlp::layer::{Found, Sentence};
use crate::nlp::names;
use crate::nlp::tokens::{tokenize, Token};
use crate::nlp::{ner, quotes, roles, sentences, speech};
use std::ops::Range;

/// Analyses one article (prose, and captions for names).
pub fn analyze(article: &Article) -> Analysis {
    // Bounded cost: a long article is analysed in windows (issue 12).
    super::limit::analyse_in_windows(article, analyze_whole)
}

fn analyze_whole(article: &Article) -> Analysis {
    let sents = prose_sentences(article);
    let token_lists: Vec<Vec<Token>> = sents.iter().map(|s| s.tokens.clone()).collect();
    let layer = Layer::new(&sents, ner::entities_in_document(&token_lists));
    // Candidates are kept per sentence, so every overlap check is local.
    let mut per_sent: Vec<Vec<Found>> = (0..sents.len()).map(|_| Vec::new()).collect();
    for (i, s) in sents.iter().enumerate() {
        candidates(i, &s.tokens, &layer, &mut per_sent[i]);
    }
    within::consistency(&sents, &article.people, &layer, &mut per_sent);
    let mut found: Vec<Found> = per_sent.into_iter().flatten().collect();
    found.sort_by_key(|f| (f.sent, f.tokens.start));
    let mut shown_things = things::drop_things(&sents, &layer.inside_things(&sents), &mut found);
    within::resolve_in_article(&sents, &mut found);
    shown_things.extend(short_forms::drop_thing_short_forms(
        &sents, &layer, &mut found,
    ));
    let texts: Vec<&str> = article.paragraphs.iter().map(|p| p.text.as_str()).collect();
    let others = layer.spans(&sents, &texts);
    let roles = find_roles(&sents, &found, &texts);
    let quotes = quotes::attribute(&texts, &sents, &found);
    shown_things.extend(thing_contexts::thing_contexts(&sents, &found));
    shown_things.extend(things::suffixed_names(&sents));
    shown_things.sort();
    shown_things.dedup();
    Analysis {
        organisations: entities::counts(&others, EntityKind::Organisation),
        places: entities::counts(&others, EntityKind::Place),
        entities: others,
        person_evidence: persons::evidenced(&sents, &found, &roles, &quotes),
        thing_evidence: shown_things,
        roles,
        quotes,
        mentions: found
            .iter()
            .map(|f| to_mention(&sents, &texts, f))
            .collect(),
    }
}

fn prose_sentences(article: &Article) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    for (i, p) in article.paragraphs.iter().enumerate() {
        let caption = p.kind == BlockKind::Caption;
        if p.kind != BlockKind::Prose && !caption {
            continue;
        }
        for r in sentences::split(&p.text) {
            let tokens = tokenize(&p.text[r.clone()])
                .into_iter()
                .map(|t| Token {
                    text: t.text,
                    start: t.start + r.start,
                    end: t.end + r.start,
                })
                .collect();
            out.push(Sentence {
                paragraph: i,
                tokens,
                caption,
            });
        }
    }
    out
}

pub(super) fn words_of(tokens: &[Token], r: &Range<usize>) -> String {
    tokens[r.clone()]
        .iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn push(out: &mut Vec<Found>, sent: usize, tokens: &[Token], r: Range<usize>) {
    if out
        .iter()
        .any(|f| f.sent == sent && f.tokens.start < r.end && r.start < f.tokens.end)
    {
        return; // an earlier (NER) candidate already covers it
    }
    let name = words_of(tokens, &r);
    out.push(Found {
        sent,
        key: names::normalise(&name),
        name,
        tokens: r,
        kind: MentionKind::Full,
    });
}

/// Names in one sentence: the tagger's person spans first, then capitalised
/// runs that carry a person cue (a title before, an apposition or a
/// reporting verb after) and that the tagger does not call an organisation,
/// place or other thing.
fn candidates(sent: usize, tokens: &[Token], layer: &Layer, out: &mut Vec<Found>) {
    for span in layer.persons.get(sent).into_iter().flatten() {
        if titles_a_work(tokens, span.start) {
            continue;
        }
        if let Some(r) = names::clean_span(tokens, span.clone()) {
            if !after_an_initial(tokens, &r) {
                push(out, sent, tokens, r);
            }
        }
    }
    for run in capitalised_runs(tokens) {
        let Some(r) = names::clean_span(tokens, run) else {
            continue;
        };
        if layer.blocks(sent, &r) || titles_a_work(tokens, r.start) {
            continue;
        }
        let cued = roles::title_before(tokens, r.start).is_some()
            || roles::apposition_after(tokens, r.end, |_| false).is_some()
            || verb_follows(tokens, r.end);
        if cued {
            push(out, sent, tokens, r);
        }
    }
}

/// A one-word name right after an initial the tagger left out ("S Okafor"
/// in a squad list) is part of another full name, which must not pass for
/// the article's "Tarn Okafor". It is dropped, not widened: a corpus-wide
/// "S Okafor" would join any one "S… Okafor" of another article. A capital
/// "A" or "I" opening the sentence is a word, not an initial.
fn after_an_initial(tokens: &[Token], r: &Range<usize>) -> bool {
    let Some(i) = r.start.checked_sub(1).filter(|_| r.len() == 1) else {
        return false;
    };
    let t = tokens[i].text;
    let word = i == 0 && matches!(t, "A" | "I");
    within::is_initial(t) && !word
}

/// A capitalised "The" inside a sentence, right before or opening the span,
/// makes it the title of a work or the name of a group ("in The Joe Louis
/// Story", "The Beatles"), not a person.
fn titles_a_work(tokens: &[Token], start: usize) -> bool {
    let the = |i: usize| tokens.get(i).is_some_and(|t| t.text == "The");
    (start >= 2 && the(start - 1)) || (start >= 1 && the(start))
}

/// "X said", "X, an adviser, said", "X told".
fn verb_follows(tokens: &[Token], end: usize) -> bool {
    let is_verb = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| speech::is_speech_verb(&t.text.to_lowercase()))
    };
    is_verb(end)
        || roles::apposition_after(tokens, end, |_| false)
            .is_some_and(|r| tokens.get(r.end).is_some_and(|t| t.text == ",") && is_verb(r.end + 1))
}

/// Maximal runs of capitalised tokens (with particles and "of" inside).
fn capitalised_runs(tokens: &[Token]) -> Vec<Range<usize>> {
    let cap = |t: &Token| names::starts_name(t.text);
    let inner = |i: usize| {
        i + 1 < tokens.len()
            && (names::is_particle(tokens[i].text) || tokens[i].text == "of")
            && cap(&tokens[i + 1])
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !cap(&tokens[i]) {
            i += 1;
            continue;
        }
        let s = i;
        while i < tokens.len() && (cap(&tokens[i]) || (i > s && inner(i))) {
            i += 1;
        }
        out.push(s..i);
    }
    out
}

/// Roles before and after every name occurrence, as written in the paragraph.
fn find_roles(sents: &[Sentence], found: &[Found], texts: &[&str]) -> Vec<RoleMention> {
    let mut out: Vec<RoleMention> = Vec::new();
    for f in found {
        let s = &sents[f.sent];
        let in_name = |k: usize| {
            found
                .iter()
                .any(|g| g.sent == f.sent && g.tokens.contains(&k))
        };
        let mut before: Vec<Range<usize>> = roles::title_before(&s.tokens, f.tokens.start)
            .into_iter()
            .collect();
        // "the port's director, Governor Ada Brandt": a second title before
        // a comma and the first one.
        if let Some(r) = before
            .first()
            .and_then(|r| roles::title_before(&s.tokens, r.start))
        {
            before.push(r);
        }
        let after = roles::apposition_after(&s.tokens, f.tokens.end, in_name);
        for r in before.into_iter().chain(after) {
            let text = texts[s.paragraph];
            let title = roles::tidy_title(&text[s.tokens[r.start].start..s.tokens[r.end - 1].end]);
            let role = RoleMention {
                name: f.name.clone(),
                title,
                paragraph: s.paragraph,
            };
            if !out.contains(&role) {
                out.push(role);
            }
        }
    }
    out
}

fn to_mention(sents: &[Sentence], texts: &[&str], f: &Found) -> Mention {
    let s = &sents[f.sent];
    let span = s.tokens[f.tokens.start].start..s.tokens[f.tokens.end - 1].end;
    let surface = texts[s.paragraph][span.clone()].to_string();
    let name = f.name.split_whitespace().collect::<Vec<_>>().join(" ");
    Mention {
        paragraph: s.paragraph,
        span,
        surface,
        name,
        kind: f.kind,
        in_caption: s.caption,
    }
}

#[path = "analysis/entities.rs"]
mod entities;
#[path = "analysis/gender.rs"]
mod gender;
#[path = "analysis/persons.rs"]
mod persons;
#[path = "analysis/short_forms.rs"]
mod short_forms;
#[path = "analysis/thing_contexts.rs"]
mod thing_contexts;
#[path = "analysis/things.rs"]
mod things;
#[path = "analysis/within.rs"]
mod within;
use entities::Layer;

#[cfg(test)]
#[path = "analysis/testing.rs"]
pub(crate) mod testing;

#[cfg(test)]
#[path = "analysis/tests.rs"]
mod tests;
