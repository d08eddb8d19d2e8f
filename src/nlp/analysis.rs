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
use crate::nlp::names::{self, NameKey};
use crate::nlp::tokens::{tokenize, Token};
use crate::nlp::{ner, quotes, roles, sentences};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Everything the people stage needs from one article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    /// Person-name occurrences, in reading order.
    pub mentions: Vec<Mention>,
    /// Direct quotations attributed to a named person, in reading order.
    pub quotes: Vec<Quote>,
    /// Titles stated next to a name, in reading order.
    pub roles: Vec<RoleMention>,
}

/// One occurrence of a person's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Index in `article.paragraphs`.
    pub paragraph: usize,
    /// Byte range in that paragraph's `text` (name only: no title, no "'s").
    pub span: Range<usize>,
    /// The name as written ("Halvorsen").
    pub surface: String,
    /// The in-article resolved full name ("Ingrid Halvorsen"); the surface
    /// itself when the article has no fuller form.
    pub name: String,
    /// How `name` was obtained.
    pub kind: MentionKind,
    /// The paragraph is a photo caption: this mention may link a person
    /// named in prose elsewhere, but never creates one.
    #[serde(default)]
    pub in_caption: bool,
}

/// How a mention's name was resolved within its article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// The mention is itself a full name (two or more name words).
    Full,
    /// A partial mention ("Halvorsen", "bin Nasser") attached to a full name
    /// used in the same article.
    Partial,
    /// A one-word name with no fuller form in the article; the people stage
    /// resolves it across articles or drops it.
    Bare,
}

/// A direct quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Resolved name of the speaker (as in [`Mention::name`]).
    pub speaker: String,
    /// The quoted words, verbatim (without the quotation marks).
    pub text: String,
    /// Index in `article.paragraphs` of the quotation.
    pub paragraph: usize,
    /// The reporting verb as written ("said", "told", "added").
    pub verb: String,
}

/// A title stated next to a name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleMention {
    /// Resolved name (as in [`Mention::name`]).
    pub name: String,
    /// The title as written ("U.S. Secretary of State").
    pub title: String,
    /// Index in `article.paragraphs`.
    pub paragraph: usize,
}

/// One prose sentence: its paragraph and its tokens, whose offsets are bytes
/// in the paragraph's text.
pub(crate) struct Sentence<'a> {
    pub paragraph: usize,
    pub tokens: Vec<Token<'a>>,
    /// From a photo caption (names only: no quotes are read there).
    pub caption: bool,
}

/// A name occurrence while the analysis is being built.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub sent: usize,
    pub tokens: Range<usize>,
    pub key: NameKey,
    pub name: String,
    pub kind: MentionKind,
}

/// Analyses one article (prose, and captions for names).
pub fn analyze(article: &Article) -> Analysis {
    // Bounded cost: a huge article is analysed up to the limit (issue 12).
    let article = &*super::limit::for_analysis(article);
    let sents = prose_sentences(article);
    let token_lists: Vec<Vec<Token>> = sents.iter().map(|s| s.tokens.clone()).collect();
    let spans = ner::person_spans_in_document(&token_lists);
    let mut found = Vec::new();
    for (i, s) in sents.iter().enumerate() {
        let ner_spans = spans.get(i).map(Vec::as_slice).unwrap_or(&[]);
        candidates(i, &s.tokens, ner_spans, &mut found);
    }
    consistency(&sents, &article.people, &mut found);
    found.sort_by_key(|f| (f.sent, f.tokens.start));
    resolve_in_article(&mut found);
    let texts: Vec<&str> = article.paragraphs.iter().map(|p| p.text.as_str()).collect();
    Analysis {
        roles: find_roles(&sents, &found, &texts),
        quotes: quotes::attribute(&texts, &sents, &found),
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

fn words_of(tokens: &[Token], r: &Range<usize>) -> String {
    tokens[r.clone()]
        .iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ")
}

fn push(out: &mut Vec<Found>, sent: usize, tokens: &[Token], r: Range<usize>) {
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

/// Names in one sentence: NER spans first, then capitalised runs that carry
/// a person cue (a title before, an apposition or a reporting verb after).
fn candidates(sent: usize, tokens: &[Token], ner_spans: &[Range<usize>], out: &mut Vec<Found>) {
    for span in ner_spans {
        if let Some(r) = names::clean_span(tokens, span.clone()) {
            push(out, sent, tokens, r);
        }
    }
    for run in capitalised_runs(tokens) {
        let Some(r) = names::clean_span(tokens, run) else {
            continue;
        };
        let cued = roles::title_before(tokens, r.start).is_some()
            || roles::apposition_after(tokens, r.end, |_| false).is_some()
            || verb_follows(tokens, r.end);
        if cued {
            push(out, sent, tokens, r);
        }
    }
}

/// "X said", "X, an adviser, said", "X told".
fn verb_follows(tokens: &[Token], end: usize) -> bool {
    let is_verb = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| quotes::is_speech_verb(&t.text.to_lowercase()))
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

/// Document consistency: once a full name is accepted in the article (or
/// listed in its front matter), its other occurrences, and standalone
/// occurrences of its surname, are mentions too.
fn consistency(sents: &[Sentence], front_matter: &[String], found: &mut Vec<Found>) {
    let mut fulls: Vec<NameKey> = found
        .iter()
        .filter(|f| names::name_words(&f.key) >= 2)
        .map(|f| f.key.clone())
        .collect();
    fulls.extend(front_matter.iter().map(|n| names::normalise(n)));
    fulls.sort();
    fulls.dedup();
    let surnames: Vec<String> = fulls
        .iter()
        .flat_map(names::surnames)
        .map(|s| names::phonetic(&s))
        .collect();
    for (si, s) in sents.iter().enumerate() {
        let t = &s.tokens;
        let mut i = 0;
        while i < t.len() {
            if let Some(r) = full_at(t, i, &fulls).filter(|r| widens(found, si, r)) {
                // A full name wins over shorter candidates inside it
                // ("Khalid" → "Khalid al-Nasser").
                found.retain(|f| {
                    !(f.sent == si && r.start <= f.tokens.start && f.tokens.end <= r.end)
                });
                i = r.end;
                push(found, si, t, r);
                continue;
            }
            let covered = found.iter().any(|f| f.sent == si && f.tokens.contains(&i));
            match surname_at(t, i, &surnames).filter(|_| !covered) {
                Some(r) => {
                    i = r.end;
                    push(found, si, t, r);
                }
                None => i += 1,
            }
        }
    }
}

/// Whether `r` adds a name: every candidate it overlaps lies strictly inside it.
fn widens(found: &[Found], sent: usize, r: &Range<usize>) -> bool {
    found
        .iter()
        .filter(|f| f.sent == sent && f.tokens.start < r.end && r.start < f.tokens.end)
        .all(|f| r.start <= f.tokens.start && f.tokens.end <= r.end && f.tokens.len() < r.len())
}

fn full_at(t: &[Token], i: usize, fulls: &[NameKey]) -> Option<Range<usize>> {
    // Token and word counts differ for glued particles ("al-Nasser"): try
    // every length up to the name's word count, longest first.
    if !names::starts_name(t[i].text) {
        return None;
    }
    fulls.iter().find_map(|k| {
        let most = (i + k.words().len()).min(t.len());
        (i + 1..=most)
            .rev()
            .find(|&end| {
                names::starts_name(t[end - 1].text)
                    && names::normalise(&words_of(t, &(i..end))) == *k
            })
            .map(|end| i..end)
    })
}

/// A standalone capitalised word equal to a known surname ("Halvorsen", or
/// "Brandt" in "Brandt's"), not glued to another name word.
fn surname_at(t: &[Token], i: usize, surnames: &[String]) -> Option<Range<usize>> {
    let r = names::clean_span(t, i..i + 1)?;
    let word = names::normalise(t[i].text);
    let is_known = surnames
        .iter()
        .any(|s| *s == names::phonetic(word.as_str()));
    let glued = |j: Option<&Token>| {
        j.is_some_and(|x| names::clean_span(std::slice::from_ref(x), 0..1).is_some())
    };
    let alone = !glued(i.checked_sub(1).map(|j| &t[j])) && !glued(t.get(i + 1));
    (r == (i..i + 1) && is_known && alone).then_some(r)
}

/// Attaches partial mentions to the most recent full name they fit (the next
/// one when none precedes); one-word names with no fit stay `Bare`.
fn resolve_in_article(found: &mut [Found]) {
    let fulls: Vec<(usize, NameKey, String)> = found
        .iter()
        .enumerate()
        .filter(|(_, f)| names::name_words(&f.key) >= 2 && !names::is_particle(f.key.words()[0]))
        .map(|(i, f)| (i, f.key.clone(), f.name.clone()))
        .collect();
    for (i, f) in found.iter_mut().enumerate() {
        if fulls.iter().any(|(j, _, _)| *j == i) {
            continue;
        }
        let key = &f.key;
        let best = [2u8, 1].iter().find_map(|&want| {
            let fits = |(_, k, _): &&(usize, NameKey, String)| names::partial_score(key, k) == want;
            fulls
                .iter()
                .rev()
                .filter(|(j, _, _)| *j < i)
                .find(fits)
                .or_else(|| fulls.iter().find(fits))
        });
        match best {
            Some((_, _, name)) => {
                f.kind = MentionKind::Partial;
                f.name = name.clone();
            }
            None => f.kind = MentionKind::Bare,
        }
    }
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
            let title = text[s.tokens[r.start].start..s.tokens[r.end - 1].end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
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

#[cfg(test)]
#[path = "analysis/testing.rs"]
pub(crate) mod testing;

#[cfg(test)]
#[path = "analysis/tests.rs"]
mod tests;
