//! `events`: articles → events.
//!
//! [`cluster`] groups articles in one streaming pass; [`build`] turns each
//! group into an [`Event`]: a cleaned representative title, a stable slug,
//! date span and place, a merged [`summary`] with provenance per sentence,
//! a [`timeline`] of dated happenings, and an [`explain`]ation per article.
//! People, quotes and related events are joined in by the site assembler.

pub mod attract;
pub mod boilerplate;
mod chains;
pub mod cluster;
pub mod curated;
pub mod eval;
pub mod explain;
pub mod facts;
mod features;
pub mod frozen;
mod heads;
pub mod index;
mod kinds;
pub mod lede;
pub mod memo;
pub mod neighbours;
pub mod params;
mod place;
mod place_scan;
pub mod replay;
mod series;
mod subjects;
pub mod summary;
pub mod terms;
#[cfg(test)]
pub(crate) mod testing;
pub mod tfidf;
pub mod timeline;
pub mod title;
pub mod voices;

use crate::content::{Article, DateSource};
use crate::date::Date;
use cluster::{ClusterDoc, Clustering, Params};
pub use curated::CuratedEvent;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
pub use summary::SummarySentence;
pub use timeline::Dated;

/// One event: what several articles report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// Address: `<yyyy-mm-dd>-<first words of the earliest headline>`, or
    /// the pinned/curated slug.
    pub slug: String,
    /// The most representative headline, cleaned (or the curated title).
    pub title: String,
    /// First day (earliest dated article, or the curated date).
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// Where it happened, when the articles say.
    pub place: Option<String>,
    /// Article ids in date order.
    pub articles: Vec<String>,
    /// Person slugs; left empty here, filled by the site assembler.
    pub people: Vec<String>,
    /// The lede: one or two sentences saying what, who, where, when
    /// (empty when curated).
    pub lede: Vec<SummarySentence>,
    /// Further facts, each once, most corroborated first (empty when curated).
    pub summary: Vec<SummarySentence>,
    /// The curated summary, which replaces `summary`.
    pub curated_summary: Option<String>,
    /// The curated Markdown body.
    pub curated_body: Option<String>,
    /// Dated happenings, by date.
    pub timeline: Vec<Dated>,
    /// Happenings dated after the last article: what comes next.
    pub next: Vec<Dated>,
}

/// Everything [`build`] produces.
#[derive(Clone, Debug, PartialEq)]
pub struct Built {
    /// Events in order of their earliest article.
    pub events: Vec<Event>,
    /// Article id → plain-text explanation of its clustering decision, for
    /// the articles the caller asked about (`briefing explain` asks for one;
    /// a site build for none, so 19k strings are never kept).
    pub explanations: BTreeMap<String, String>,
}

/// Groups `articles` (drafts are left out) into events. `names_by_article`
/// gives the people each article mentions; `curated` events win over
/// inferred titles, summaries and dates.
pub fn build(
    articles: &[Article],
    names_by_article: &BTreeMap<String, Vec<String>>,
    curated: &[CuratedEvent],
) -> Built {
    build_with(articles, names_by_article, curated, &Params::default())
}

/// [`build`] with explicit clustering parameters.
pub fn build_with(
    articles: &[Article],
    names_by_article: &BTreeMap<String, Vec<String>>,
    curated: &[CuratedEvent],
    p: &Params,
) -> Built {
    build_memoised(
        articles,
        None,
        names_by_article,
        curated,
        p,
        Remembered {
            briefings: &mut memo::empty(),
            frozen: &mut frozen::Frozen::empty(),
            pass: None,
        },
        &|_| true,
    )
}

/// What a build remembers for the next one.
pub struct Remembered<'a> {
    /// Each event's briefing (see [`memo`]).
    pub briefings: &'a mut memo::EventMemo,
    /// The clustering background and per-article features (see [`frozen`]).
    pub frozen: &'a mut frozen::Frozen,
    /// The steps of the previous streaming pass (see [`replay`]).
    pub pass: Option<&'a mut replay::Replay>,
}

/// Which articles' clustering decisions to explain (see [`Built::explanations`]).
pub type ExplainFilter<'a> = &'a (dyn Fn(&Article) -> bool + Sync);

/// [`build_with`], reusing each event's briefing from `memo` when its
/// inputs are unchanged (see [`memo`]) and recording what this build used.
/// `keys` are the articles' content hashes ([`crate::cache::key`]) when the
/// caller has them; `remembered` is what earlier builds left; `explain`
/// picks the articles to explain.
pub fn build_memoised(
    articles: &[Article],
    keys: Option<&[u128]>,
    names_by_article: &BTreeMap<String, Vec<String>>,
    curated: &[CuratedEvent],
    p: &Params,
    remembered: Remembered,
    explain: ExplainFilter,
) -> Built {
    let Remembered {
        briefings: memo,
        frozen,
        pass,
    } = remembered;
    let published: Vec<&Article> = articles.iter().filter(|a| !a.draft).collect();
    let gazetteer = place::gazetteer(&published);
    let mut docs: Vec<ClusterDoc> = published
        .iter()
        .map(|a| cluster_doc(a, names_by_article, &gazetteer))
        .collect();
    let attracted = attract::apply(&mut docs, &published, curated);
    // Features against the site's frozen background (see `frozen`).
    // An explanation needs every candidate's scores: no replayed steps.
    let mut pass = pass;
    if let Some(r) = pass.as_deref_mut() {
        r.reuse = !published.iter().any(|a| explain(a));
    }
    let c = cluster::cluster_with(&docs, p, &mut |d, o| frozen.features(d, o, p), pass);
    let real = |e: usize| -> Vec<usize> {
        c.members[e]
            .iter()
            .copied()
            .filter(|&i| i < published.len())
            .collect()
    };
    let slugs = assign_slugs(&published, &c);
    let keys: Vec<u128> = match keys {
        Some(k) => articles
            .iter()
            .zip(k)
            .filter(|(a, _)| !a.draft)
            .map(|(_, &k)| k)
            .collect(),
        None => memo::article_keys(&published),
    };
    let memo_ro: &memo::EventMemo = memo;
    let made: Vec<(Event, u128, Option<Vec<u8>>)> = (0..c.members.len())
        .into_par_iter()
        .filter_map(|e| {
            let idx = real(e);
            let members: Vec<&Article> = idx.iter().map(|&i| published[i]).collect();
            if members.is_empty() {
                return None;
            }
            let cur = curated.iter().find(|x| x.slug == slugs[e]);
            let m = Members {
                articles: &members,
                idx: &idx,
                event: e,
            };
            let known = Known {
                keys: &keys,
                memo: memo_ro,
            };
            Some(event(&m, &c, slugs[e].clone(), cur, &gazetteer, &known))
        })
        .collect();
    let mut events = Vec::with_capacity(made.len());
    for (ev, key, fresh) in made {
        memo.record(key, fresh);
        events.push(ev);
    }
    // Curated fields win; an event keeps its slug either way.
    for ev in &mut events {
        if let Some(cur) = curated.iter().find(|x| x.slug == ev.slug) {
            apply_curation(ev, cur);
        }
    }
    let asked: Vec<usize> = (0..published.len())
        .filter(|&i| explain(published[i]))
        .collect();
    let explanations = if asked.is_empty() {
        BTreeMap::new()
    } else {
        let ex = Explaining {
            c: &c,
            slugs: &slugs,
            attracted: &attracted,
            p,
        };
        explain_all(&published, &asked, &events, curated, &ex)
    };
    Built {
        events,
        explanations,
    }
}

/// What explaining a clustering decision reads.
struct Explaining<'a> {
    c: &'a Clustering,
    slugs: &'a [String],
    attracted: &'a [attract::Ranking],
    p: &'a Params,
}

/// The explanation of each article of `asked` (indices into `published`).
/// Only built when some article is asked about: a site build asks about
/// none and so skips naming every event.
fn explain_all(
    published: &[&Article],
    asked: &[usize],
    events: &[Event],
    curated: &[CuratedEvent],
    ex: &Explaining,
) -> BTreeMap<String, String> {
    let by_slug: BTreeMap<&str, &Event> = events.iter().map(|e| (e.slug.as_str(), e)).collect();
    let titles: Vec<String> = ex
        .slugs
        .iter()
        .map(|slug| match by_slug.get(slug.as_str()) {
            Some(ev) => ev.title.clone(),
            None => curated
                .iter()
                .find(|x| &x.slug == slug)
                .and_then(|x| x.title.clone())
                .unwrap_or_else(|| slug.clone()),
        })
        .collect();
    let names: Vec<explain::EventName> = ex
        .slugs
        .iter()
        .zip(&titles)
        .map(|(slug, title)| explain::EventName { slug, title })
        .collect();
    asked
        .iter()
        .map(|&i| {
            let text = explain::render(
                &published[i].id,
                &ex.c.decisions[i],
                ex.c.assignment[i],
                &names,
                &ex.attracted[i],
                ex.p,
            );
            (published[i].id.clone(), text)
        })
        .collect()
}

/// The clusterer's view of an article.
fn cluster_doc(
    a: &Article,
    names: &BTreeMap<String, Vec<String>>,
    gazetteer: &BTreeSet<String>,
) -> ClusterDoc {
    let text: Vec<&str> = crate::nlp::limit::analysed_prose(a)
        .map(|(_, t)| t)
        .collect(); // issue 12: bounded cost
    ClusterDoc {
        id: a.id.clone(),
        date: a.date,
        dated: a.date_source != DateSource::FileMtime,
        title: a.title.clone(),
        text: text.join("\n"),
        names: names.get(&a.id).cloned().unwrap_or_default(),
        places: place::article_places(a, gazetteer),
        pinned: a.event.clone(),
    }
}

/// Slug of each clustered event: the pin when pinned (pins first, so they
/// keep their exact slug), else date and first words of the earliest
/// article's headline; clashes get `-2`, `-3`, … in creation order.
fn assign_slugs(published: &[&Article], c: &Clustering) -> Vec<String> {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut out: Vec<String> = vec![String::new(); c.members.len()];
    for (e, pin) in c.pins.iter().enumerate() {
        if let Some(pin) = pin {
            let s = title::slugify(pin, 12);
            out[e] = if s.is_empty() { "event".to_string() } else { s };
            taken.insert(out[e].clone());
        }
    }
    for e in 0..c.members.len() {
        if c.pins[e].is_some() {
            continue;
        }
        // Unpinned events hold articles only (stand-ins are pinned).
        let first = published[c.members[e][0]];
        let words = title::slugify(
            &title::clean_title(&first.title, first.source.as_deref()),
            6,
        );
        let base = if words.is_empty() {
            first.date.to_string()
        } else {
            format!("{}-{words}", first.date)
        };
        let mut slug = base.clone();
        let mut n = 2;
        while taken.contains(&slug) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(slug.clone());
        out[e] = slug;
    }
    out
}

/// The articles of one clustered event: `idx[k]` is the clustering input
/// index of `articles[k]`; `event` is the clustering event index.
struct Members<'a> {
    articles: &'a [&'a Article],
    idx: &'a [usize],
    event: usize,
}

/// Content keys of the clustered articles and the briefings remembered.
struct Known<'a> {
    keys: &'a [u128],
    memo: &'a memo::EventMemo,
}

/// One event, its briefing's memo key, and the briefing's encoding when it
/// was computed afresh (not found in the memo).
fn event(
    m: &Members,
    c: &Clustering,
    slug: String,
    cur: Option<&CuratedEvent>,
    gazetteer: &BTreeSet<String>,
    known: &Known,
) -> (Event, u128, Option<Vec<u8>>) {
    let members = m.articles;
    let dated: Vec<Date> = members
        .iter()
        .filter(|a| a.date_source != DateSource::FileMtime)
        .map(|a| a.date)
        .collect();
    let days = if dated.is_empty() {
        members.iter().map(|a| a.date).collect()
    } else {
        dated
    };
    let (start, end) = (days.iter().min().copied(), days.iter().max().copied());
    let fallback = Date::new(1970, 1, 1).expect("valid date");
    let place = place::place_of(members, gazetteer);
    let curated_summary = cur.and_then(|x| x.summary.as_ref()).is_some();
    let end = end.unwrap_or(fallback);
    let member_keys: Vec<u128> = m.idx.iter().map(|&i| known.keys[i]).collect();
    let key = memo::key(&member_keys, place.as_deref(), curated_summary);
    let (b, fresh) = match known.memo.get(key) {
        Some(b) => (b, None),
        None => {
            let b = briefing(members, place.as_deref(), curated_summary, end);
            let bytes = memo::EventMemo::encode(&b);
            (b, Some(bytes))
        }
    };
    let ev = Event {
        slug,
        title: representative_title(m, c),
        start: start.unwrap_or(fallback),
        end,
        place,
        articles: members.iter().map(|a| a.id.clone()).collect(),
        people: Vec::new(),
        lede: b.lede,
        summary: b.summary,
        curated_summary: None,
        curated_body: None,
        timeline: b.timeline,
        next: b.next,
    };
    (ev, key, fresh)
}

/// Lede, summary, timeline and next of an event: a function of its members
/// (in order), place, last day and whether a curated summary replaces the
/// inferred one only, which is what makes [`memo`] valid.
fn briefing(
    members: &[&Article],
    place: Option<&str>,
    curated_summary: bool,
    end: Date,
) -> memo::Briefing {
    let prose = summary::prose_of(members);
    let (vocab, centroid) = summary::event_space_of(&prose);
    let sentences = summary::sentences_in(members, &prose, &vocab);
    // issue 12 (cost): the summary, the timeline and what's next of one
    // event are independent, so a single huge event uses every core.
    let (brief, (timeline, next)) = rayon::join(
        || {
            if curated_summary {
                summary::Brief {
                    lede: Vec::new(),
                    summary: Vec::new(),
                }
            } else {
                summary::summarize(
                    &sentences,
                    &vocab,
                    &centroid,
                    summary::length_for(members.len()),
                    place,
                )
            }
        },
        || timeline::timeline_and_next(&sentences, &vocab, end),
    );
    memo::Briefing {
        lede: brief.lede,
        summary: brief.summary,
        timeline,
        next,
    }
}

/// How much more central than the earliest headline another must be to win.
const TITLE_MARGIN: f32 = 0.05;

/// The headline of the member closest to the centroid, cleaned. Real
/// headlines are preferred: a title cut short with "…" or longer than 14
/// words is usually a first sentence standing in for a missing headline.
fn representative_title(m: &Members, c: &Clustering) -> String {
    let (members, e) = (m.articles, m.event);
    let titles: Vec<String> = members
        .iter()
        .map(|a| title::clean_title(&a.title, a.source.as_deref()))
        .collect();
    let words = |k: usize| titles[k].split_whitespace().count();
    let headline = |k: usize| words(k) > 0 && words(k) <= 14 && !titles[k].ends_with(['…', '.']);
    let all: Vec<usize> = (0..members.len()).collect();
    let pool: Vec<usize> = match all
        .iter()
        .copied()
        .filter(|&k| headline(k))
        .collect::<Vec<_>>()
    {
        v if v.is_empty() => all,
        v => v,
    };
    let idx = |k: usize| m.idx[k];
    let score = |k: usize| tfidf::cosine(&c.vectors[idx(k)], &c.centroids[e]);
    let first = pool.first().copied().unwrap_or(0);
    let best = pool
        .into_iter()
        .max_by(|&a, &b| score(a).total_cmp(&score(b)).then(b.cmp(&a)))
        .unwrap_or(0);
    // Hysteresis: the earliest headline stays unless another is clearly more
    // central. Tiny IDF shifts from an unrelated new article must not flip
    // titles (every member article and person page shows the title).
    let chosen = if score(best) - score(first) > TITLE_MARGIN {
        best
    } else {
        first
    };
    titles.get(chosen).cloned().unwrap_or_default()
}

fn apply_curation(ev: &mut Event, cur: &CuratedEvent) {
    if let Some(t) = &cur.title {
        ev.title = t.clone();
    }
    if let Some(s) = &cur.summary {
        ev.curated_summary = Some(s.clone());
        ev.summary.clear();
        ev.lede.clear();
    }
    if let Some(d) = cur.date {
        ev.start = d;
        ev.end = ev.end.max(d);
    }
    ev.curated_body = cur.body.clone();
}

#[cfg(test)]
#[path = "build_tests.rs"]
mod build_tests;
