//! Bounded, proportional analysis cost for long articles.
//!
//! Analysis (sentences, names, roles, quotes) compares mentions with each
//! other within an article, so its cost grows faster than the text. An
//! article longer than [`WINDOW`] bytes of read text (a concatenated dump,
//! a pasted log) is therefore analysed in independent windows of at most
//! [`WINDOW`] bytes, cut at paragraph boundaries (a paragraph longer than a
//! window is cut at sentence ends): each window is analysed like a short
//! article, on all cores, and the results are merged with the paragraph
//! indexes and byte offsets of the original. The whole text is analysed,
//! the cost is linear in the text by construction, and the memory of the
//! costly part is bounded by the window. A name is resolved within its
//! window (a later "Halvorsen" far from "Ingrid Halvorsen" is resolved by
//! the people stage, across articles, as a one-word name is).
//!
//! Past [`ANALYSIS_LIMIT`] (64 MiB) or [`MAX_CANDIDATES`] capitalised words
//! (about 11 MB of news prose, under 2 MB of nothing but capitalised words)
//! the rest is not analysed at all; the page still renders the whole text,
//! and the build warns, naming the file ([`limit_warning`]).

use crate::content::{Article, BlockKind, Paragraph};
use crate::nlp::layer::{Analysis, EntityCount};
use crate::nlp::{names, sentences};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};

/// Bytes of read text (prose and captions) analysed as one window (256
/// KiB: about 40,000 words, ten times a long feature). Articles up to this
/// size are analysed whole, as they always were.
pub const WINDOW: usize = 256 << 10;

/// Bytes of read text analysed per article, in windows (64 MiB); the rest
/// is rendered but not analysed.
pub const ANALYSIS_LIMIT: usize = 64 << 20;

/// Capitalised words analysed per article. They are the name candidates,
/// and what analysis costs is driven by them: news prose has about 27,000
/// per MB (so about 11 MB of it is analysed whole), while a text of nothing
/// but capitalised words has 170,000 per MB and costs four times as much
/// per byte. Counting them keeps the worst article's analysis to a few
/// seconds, deterministically; the rest is rendered but not analysed.
pub const MAX_CANDIDATES: usize = 300_000;

/// Capitalised words in `text` (the name candidates, see [`MAX_CANDIDATES`]).
fn candidates(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count()
}

/// A paragraph as analysis reads it: prose or a caption.
fn is_read(p: &Paragraph) -> bool {
    matches!(p.kind, BlockKind::Prose | BlockKind::Caption)
}

/// Total text of the paragraphs analysis reads, in bytes.
fn read_len(article: &Article) -> usize {
    article
        .paragraphs
        .iter()
        .filter(|p| is_read(p))
        .map(|p| p.text.len())
        .sum()
}

/// A slice of one paragraph of the original article: its index and the
/// byte range of its text (the whole text unless the paragraph is longer
/// than a window).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Part {
    paragraph: usize,
    range: Range<usize>,
}

/// Where a paragraph longer than a window is cut: before a sentence that
/// would take the piece past [`WINDOW`] (sentences are at most
/// [`sentences::MAX_SENTENCE`] bytes, so every piece fits).
fn pieces(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for r in sentences::split(text) {
        if r.end - start > WINDOW && r.start > start {
            out.push(start..r.start);
            start = r.start;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// The windows of `article` (see [`compute_plan`]), computed once per text.
///
/// Analysis, the people stage, the event stages and the build's warning all
/// ask for the plan of the same long article; computing it costs a sentence
/// scan and a word count of the whole text (a third of a second per caller
/// for 10 MB on one line). A long article's plan is therefore kept, keyed
/// by a hash of exactly what the plan is made from (each paragraph's kind
/// and text), so a later caller with the same text gets the same plan and
/// an edited text gets its own. Short articles (one window) are planned
/// directly: that costs one word count and nothing is kept.
fn plan(article: &Article) -> Arc<Vec<Vec<Part>>> {
    if read_len(article) <= WINDOW {
        return Arc::new(compute_plan(article));
    }
    let key = plan_key(article);
    if let Some(p) = PLANS.lock().expect("plan memo").get(&key) {
        return Arc::clone(p);
    }
    let p = Arc::new(compute_plan(article));
    let mut memo = PLANS.lock().expect("plan memo");
    // A few long articles per build; a long-running `serve` must not keep
    // the plans of every text it ever saw.
    if memo.len() >= MEMO_PLANS {
        memo.clear();
    }
    memo.insert(key, Arc::clone(&p));
    p
}

/// How many long articles' plans [`plan`] keeps at most.
const MEMO_PLANS: usize = 64;

/// The plans of long articles, by [`plan_key`].
static PLANS: Mutex<BTreeMap<u128, Arc<Vec<Vec<Part>>>>> = Mutex::new(BTreeMap::new());

/// A 128-bit hash of what [`compute_plan`] reads: every paragraph's kind
/// and text, with their lengths so that no two lists hash alike by
/// concatenation.
fn plan_key(article: &Article) -> u128 {
    use siphasher::sip128::{Hasher128, SipHasher13};
    use std::hash::Hasher;
    let mut h = SipHasher13::new_with_keys(0x6c69_6d69_7470_6c61, 0x6e73_0000_0000_0001);
    h.write_usize(article.paragraphs.len());
    for p in &article.paragraphs {
        h.write_u8(u8::from(is_read(p)));
        h.write_u8(u8::from(p.kind == BlockKind::Prose));
        h.write_usize(p.text.len());
        h.write(p.text.as_bytes());
    }
    h.finish128().as_u128()
}

/// The windows of `article`: runs of [`Part`]s of at most [`WINDOW`] bytes
/// in reading order, within the first [`ANALYSIS_LIMIT`] bytes of read
/// text and [`MAX_CANDIDATES`] capitalised words. One window holding every
/// read paragraph when the article is short.
fn compute_plan(article: &Article) -> Vec<Vec<Part>> {
    let mut windows: Vec<Vec<Part>> = Vec::new();
    let (mut current, mut size, mut total, mut names) = (Vec::new(), 0, 0, 0);
    'paragraphs: for (k, p) in article.paragraphs.iter().enumerate() {
        if !is_read(p) {
            continue;
        }
        let ranges = if p.text.len() > WINDOW {
            pieces(&p.text)
        } else {
            std::iter::once(0..p.text.len()).collect()
        };
        for range in ranges {
            total += range.len();
            names += candidates(&p.text[range.clone()]);
            if total > ANALYSIS_LIMIT || names > MAX_CANDIDATES {
                break 'paragraphs;
            }
            if size + range.len() > WINDOW && !current.is_empty() {
                windows.push(std::mem::take(&mut current));
                size = 0;
            }
            size += range.len();
            current.push(Part {
                paragraph: k,
                range,
            });
        }
    }
    if !current.is_empty() {
        windows.push(current);
    }
    windows
}

/// `article` with no paragraphs: the metadata every window shares.
fn shell(a: &Article) -> Article {
    Article {
        id: a.id.clone(),
        source_path: a.source_path.clone(),
        title: a.title.clone(),
        date: a.date,
        date_source: a.date_source,
        source: a.source.clone(),
        url: a.url.clone(),
        place: a.place.clone(),
        author: a.author.clone(),
        tags: a.tags.clone(),
        event: a.event.clone(),
        people: a.people.clone(),
        summary: a.summary.clone(),
        draft: a.draft,
        format: a.format,
        paragraphs: Vec::new(),
        notes: Vec::new(),
        extra: BTreeMap::new(),
    }
}

/// The article one window is: the shared metadata and the window's parts
/// as its paragraphs.
fn window_article(article: &Article, parts: &[Part]) -> Article {
    let mut w = shell(article);
    w.paragraphs = parts
        .iter()
        .map(|part| {
            let p = &article.paragraphs[part.paragraph];
            Paragraph {
                anchor: p.anchor.clone(),
                kind: p.kind.clone(),
                text: p.text[part.range.clone()].to_string(),
                markdown: None,
            }
        })
        .collect();
    w
}

/// Moves a window's analysis to the original article's paragraph indexes
/// and byte offsets.
fn shift(mut a: Analysis, parts: &[Part]) -> Analysis {
    let at = |k: usize| (parts[k].paragraph, parts[k].range.start);
    for m in &mut a.mentions {
        let (p, off) = at(m.paragraph);
        m.paragraph = p;
        m.span = m.span.start + off..m.span.end + off;
    }
    for e in &mut a.entities {
        let (p, off) = at(e.paragraph);
        e.paragraph = p;
        e.span = e.span.start + off..e.span.end + off;
    }
    for q in &mut a.quotes {
        q.paragraph = at(q.paragraph).0;
    }
    for r in &mut a.roles {
        r.paragraph = at(r.paragraph).0;
    }
    a
}

/// Organisation or place counts of several windows as one article's: the
/// same name (as `names::normalise` keys it) adds up, written as in the
/// first window naming it; most mentioned first, ties by name.
fn merge_counts(lists: impl Iterator<Item = Vec<EntityCount>>) -> Vec<EntityCount> {
    let mut by_key: BTreeMap<String, EntityCount> = BTreeMap::new();
    for list in lists {
        for c in list {
            let key = names::normalise(&c.name).as_str().to_string();
            by_key
                .entry(key)
                .and_modify(|e| e.count += c.count)
                .or_insert(c);
        }
    }
    let mut out: Vec<EntityCount> = by_key.into_values().collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    out
}

/// The windows' analyses, in reading order, as one. Every field is named
/// (no `..`), so a field added to [`Analysis`] cannot be dropped here
/// unnoticed: it does not compile until it is merged.
fn merge(parts: Vec<Analysis>) -> Analysis {
    let mut out = Analysis::default();
    let (mut orgs, mut places) = (Vec::new(), Vec::new());
    for a in parts {
        let Analysis {
            mentions,
            quotes,
            roles,
            organisations,
            places: places_here,
            entities,
            person_evidence,
            thing_evidence,
        } = a;
        out.mentions.extend(mentions);
        out.quotes.extend(quotes);
        out.roles.extend(roles);
        out.entities.extend(entities);
        out.person_evidence.extend(person_evidence);
        out.thing_evidence.extend(thing_evidence);
        orgs.push(organisations);
        places.push(places_here);
    }
    out.organisations = merge_counts(orgs.into_iter());
    out.places = merge_counts(places.into_iter());
    // Sorted names, as one window gives them.
    out.person_evidence.sort();
    out.person_evidence.dedup();
    out.thing_evidence.sort();
    out.thing_evidence.dedup();
    out
}

/// Runs `analyse` on `article`: directly when its read text fits in one
/// [`WINDOW`], else on each window in parallel, merging the results.
pub fn analyse_in_windows(article: &Article, analyse: fn(&Article) -> Analysis) -> Analysis {
    if read_len(article) <= WINDOW {
        return analyse(article);
    }
    let plan = plan(article);
    let parts: Vec<Analysis> = plan
        .par_iter()
        .map(|parts| shift(analyse(&window_article(article, parts)), parts))
        .collect();
    merge(parts)
}

/// The part of `article` that analysis reads, for passes over the same
/// text that add to its results (the people stage's gazetteer pass):
/// itself when all of it is analysed, else a copy with the same paragraphs
/// (indexes unchanged) holding only the analysed text.
pub fn analysed_part(article: &Article) -> Cow<'_, Article> {
    let plan = plan(article);
    let analysed: usize = plan.iter().flatten().map(|p| p.range.len()).sum();
    if analysed == read_len(article) {
        return Cow::Borrowed(article);
    }
    let mut end = vec![0; article.paragraphs.len()];
    for part in plan.iter().flatten() {
        end[part.paragraph] = part.range.end;
    }
    let mut a = shell(article);
    a.paragraphs = article
        .paragraphs
        .iter()
        .zip(end)
        .map(|(p, end)| Paragraph {
            anchor: p.anchor.clone(),
            kind: p.kind.clone(),
            text: p.text[..end].to_string(),
            markdown: None,
        })
        .collect();
    Cow::Owned(a)
}

/// The prose that analysis reads, as (paragraph index, text) in reading
/// order: every prose paragraph when the article is short, else the prose
/// parts of its windows (a paragraph longer than a window comes as several
/// pieces with the same index, cut at sentence starts), within
/// [`ANALYSIS_LIMIT`] and [`MAX_CANDIDATES`]. The stages that scan the
/// prose themselves (event summaries, timelines, clustering) read this, so
/// they see the whole analysed text and their cost is linear in it.
pub fn analysed_prose(article: &Article) -> impl Iterator<Item = (usize, &str)> {
    let parts: Vec<(usize, &str)> = if read_len(article) <= WINDOW {
        article
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == BlockKind::Prose)
            .map(|(k, p)| (k, p.text.as_str()))
            .collect()
    } else {
        plan(article)
            .iter()
            .flatten()
            .filter(|part| article.paragraphs[part.paragraph].kind == BlockKind::Prose)
            .map(|part| {
                let text = &article.paragraphs[part.paragraph].text[part.range.clone()];
                (part.paragraph, text)
            })
            .collect()
    };
    parts.into_iter()
}

/// A warning naming the file when the article is analysed in windows (and
/// when part of it is not analysed at all).
pub fn limit_warning(article: &Article) -> Option<String> {
    let len = read_len(article);
    if len <= WINDOW {
        return None;
    }
    let mb = len as f64 / 1e6;
    let file = &article.source_path;
    let analysed: usize = plan(article).iter().flatten().map(|p| p.range.len()).sum();
    if analysed < len {
        return Some(format!(
            "{file}: {mb:.1} MB of text; only the first {:.1} MB was analysed for people, quotes and events (analysis stops at {} MB or {},{:03} capitalised words per article; the page shows all of it)",
            analysed as f64 / 1e6,
            ANALYSIS_LIMIT >> 20,
            MAX_CANDIDATES / 1000,
            MAX_CANDIDATES % 1000
        ));
    }
    Some(format!(
        "{file}: {mb:.1} MB of text, analysed in parts of {} KB (names are resolved within a part)",
        WINDOW >> 10
    ))
}

#[cfg(test)]
#[path = "limit_tests.rs"]
mod tests;
