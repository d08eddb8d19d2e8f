//! Streaming event clustering.
//!
//! Articles are visited once, in `(date, id)` order. Each one is compared
//! only with the events an inverted index proposes (shared rare terms, names
//! and title terms, within a time window) and either joins the best of them
//! or starts a new event. Nothing is ever re-clustered, so the cost is linear
//! in the number of articles.
//!
//! Two corpus-level statistics are computed before the pass, because a build
//! sees every article: document frequencies (IDF) and each article's nearest
//! neighbours (found through an index, see [`crate::events::neighbours`]).
//! Adding articles can shift both slightly; page addresses stay stable
//! through the address map, not by freezing these.
//!
//! The score of a candidate event is
//! ```text
//! (1 − link_weight) × cos(article, centroid) + link_weight × max cos(article, member)
//!   + snn_weight × max shared_neighbours(article, member)
//!   + name_weight × name_overlap + place_weight × [same place]
//!   − place_mismatch × [both have places, none shared]
//!   − day_penalty × max(0, days − 1)
//! ```
//! over the event's most recent members. `days` is the distance between the
//! article's date and the event's dated span; there is no time penalty when
//! either side has no real date.

use crate::events::chains;
use crate::events::features::{featurize, Features};
use crate::events::heads;
use crate::events::index::{Index, Window};
use crate::events::kinds::{self, Lead};
use crate::events::neighbours::{neighbours, shared, NeighbourInput, NeighbourParams};
pub use crate::events::params::{ClusterDoc, Params, CORE};
use crate::events::replay::{self, Replay};
use crate::events::series;
use crate::events::subjects::Subjects;
use crate::events::tfidf::{self, FxMap, SparseVec, TermId, Vocab};
use std::collections::{BTreeMap, HashSet};

/// How one candidate event scored for an article.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateScore {
    /// Event index (in creation order).
    pub event: usize,
    /// TF-IDF cosine with the event centroid.
    pub cosine: f32,
    /// TF-IDF cosine with the centroid of the event's first members.
    pub first: f32,
    /// Best cosine with one of the event's recent articles.
    pub link: f32,
    /// Best shared-neighbour similarity with one of its recent articles.
    pub snn: f32,
    /// Names of the article the event already had.
    pub shared_names: usize,
    /// IDF-weighted share of the article's names the event already had.
    pub name_overlap: f32,
    /// Specificity-weighted share of the article's anchors (names, tickers,
    /// capitalised words, numbers) that the event's core carries.
    pub anchor: f32,
    /// The article and the event name different companies (tickers), or
    /// their headlines name different people or places that neither side
    /// mentions: no merge, however similar the rest.
    pub conflict: bool,
    /// The article's heads (the named things its headline and first
    /// sentence are about) share no word with the heads of the event's
    /// core, and it shares little else specific with it (anchor support
    /// below `strong_anchor`): another issuer, company or town.
    pub head_conflict: bool,
    /// Specificity-weighted sum of the names the article's body shares with
    /// the bodies of the event's core (people, places, organisations both
    /// mention; see [`crate::events::features::specificity`]). From
    /// `head_lift` on, different heads do not veto: both reports are about
    /// the same specific who and where, only their headlines differ.
    pub body_shared: f32,
    /// The head veto would apply but for `body_shared`: the heads differ
    /// and little else specific is shared (whether or not the body names
    /// lifted the veto).
    pub heads_differ: bool,
    /// No time signal, and the article's headline numbers are none of the
    /// core's: the score lost `number_clash`.
    pub number_clash: bool,
    /// A routine report ([`crate::events::series`]) and an event of other
    /// days, or the other way round: each day's report is its own event.
    pub other_day: bool,
    /// Days between the article and the event's dated span, if both dated.
    pub days: Option<i64>,
    /// Articles in the event so far.
    pub size: usize,
    /// The combined score compared with the threshold.
    pub total: f32,
}

impl CandidateScore {
    /// The direct text similarity part of the score.
    pub fn similarity(&self, p: &Params) -> f32 {
        (1.0 - p.link_weight) * self.cosine + p.link_weight * self.link
    }

    /// Why the article may not join this event whatever its score, if so.
    pub fn veto(&self, p: &Params) -> Option<String> {
        if self.other_day {
            Some(
                "a routine report (its headline recurs on several days) joins only \
                 reports of its own day"
                    .to_string(),
            )
        } else if self.conflict {
            Some(
                "its headline names another company, person or place, and neither \
                 article mentions the other's"
                    .to_string(),
            )
        } else if self.head_conflict {
            Some(
                "its headline and first sentence are about another named thing than the \
                 event's first articles, and they share little else specific"
                    .to_string(),
            )
        } else if self.similarity(p) < p.min_similarity {
            Some(format!(
                "text similarity {:.3} < minimum {:.3}",
                self.similarity(p),
                p.min_similarity
            ))
        } else if self.days.is_none() && self.link < p.undated_min_link {
            Some(format!(
                "no time signal, and best cosine with a member {:.3} < the undated minimum {:.3}",
                self.link, p.undated_min_link
            ))
        } else if self.days.is_none() && self.body_shared < p.undated_min_body {
            Some(format!(
                "no time signal, and shared body names {:.2} < the undated minimum {:.2}",
                self.body_shared, p.undated_min_body
            ))
        } else if self.days.is_none() && self.similarity(p) < p.undated_min_similarity {
            Some(format!(
                "no time signal, and text similarity {:.3} < the undated minimum {:.3}",
                self.similarity(p),
                p.undated_min_similarity
            ))
        } else if self.days.is_none()
            && p.undated_needs_anchor
            && self.shared_names == 0
            && self.anchor <= 0.0
        {
            Some("no time signal, and no specific anchor shared with the event".to_string())
        } else if self.anchor < p.min_anchor {
            Some(format!(
                "anchor support {:.2} < minimum {:.2}: it shares too little who/what/where \
                 with the event's core",
                self.anchor, p.min_anchor
            ))
        } else if self.cosine < p.min_core {
            Some(format!(
                "centroid cosine {:.3} < minimum {:.3}: too far from the event's core",
                self.cosine, p.min_core
            ))
        } else if self.first < p.min_first {
            Some(format!(
                "cosine with the event's first articles {:.3} < minimum {:.3}: it has drifted \
                 from what the event was",
                self.first, p.min_first
            ))
        } else {
            None
        }
    }

    /// The article joins this event if it is the best candidate.
    pub fn accepts(&self, p: &Params) -> bool {
        self.total >= self.threshold(p) && self.veto(p).is_none()
    }

    /// The threshold that applies: a pair with no time signal has its own.
    pub fn threshold(&self, p: &Params) -> f32 {
        if self.days.is_none() {
            p.undated_threshold
        } else {
            p.threshold
        }
    }
}

/// Why an article ended up where it did.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// The existing event joined, or `None` when the article started one.
    pub joined: Option<usize>,
    /// True when front matter `event:` decided, not the scores.
    pub pinned: bool,
    /// The best candidates, best first (at most 3).
    pub candidates: Vec<CandidateScore>,
    /// Moved out of the event it joined after the pass (no chaining).
    pub split: Option<Split>,
}

/// An article moved, with its group, out of the event it had joined:
/// the group is not close enough to the rest ([`crate::events::chains`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    /// The event joined during the pass.
    pub from: usize,
    /// Average cosine between the group and the group that kept the event.
    pub cohesion: f32,
}

/// The result of [`cluster`]; vectors are kept for titles and summaries.
#[derive(Debug)]
pub struct Clustering {
    /// Event index of each input document (input order).
    pub assignment: Vec<usize>,
    /// Decision for each input document (input order).
    pub decisions: Vec<Decision>,
    /// Members of each event (input indices, in visiting order).
    pub members: Vec<Vec<usize>>,
    /// Pinned slug of each event, if any.
    pub pins: Vec<Option<String>>,
    /// The corpus vocabulary (with document frequencies).
    pub vocab: Vocab,
    /// TF-IDF vector of each input document.
    pub vectors: Vec<SparseVec>,
    /// Unnormalised centroid (sum of member vectors) of each event.
    pub centroids: Vec<SparseVec>,
}

/// Members kept per event for the nearest-member similarities; bounds the
/// cost of scoring a big event.
const RECENT: usize = 8;

/// Mutable state of one event while clustering.
#[derive(Default)]
struct EventState {
    centroid: SparseVec,
    /// Length of `centroid`, kept up to date on join.
    norm: f32,
    /// Sum of the first [`CORE`] members' vectors, and its length.
    core: SparseVec,
    core_norm: f32,
    /// The latest members (input indices).
    recent: Vec<usize>,
    names: HashSet<TermId>,
    /// Anchor → members carrying it.
    anchors: FxMap<TermId, u32>,
    /// Tickers of the members' headlines.
    tickers: Vec<TermId>,
    /// Specific anchors of the members' headlines.
    title_anchors: Vec<TermId>,
    /// Heads of the first [`CORE`] members.
    core_heads: Vec<heads::Head>,
    /// Headline and first-sentence numbers of the first [`CORE`] members.
    core_numbers: Vec<String>,
    /// Body names of the first [`CORE`] members, with their specificity.
    core_body: BTreeMap<TermId, f32>,
    places: Vec<String>,
    span: Option<(i64, i64)>,
    /// The routine series of the first member's headline, if any.
    series: Option<u32>,
}

/// Clusters `docs` (any order) into events. Deterministic: the visiting
/// order is `(date, id)`, so shuffling the input changes nothing as long as
/// ids are unique.
pub fn cluster(docs: &[ClusterDoc], p: &Params) -> Clustering {
    let mut plain = |docs: &[ClusterDoc], order: &[usize]| {
        let (vocab, feats) = featurize(docs, order, p);
        (vocab, feats, Vec::new())
    };
    cluster_with(docs, p, &mut plain, None)
}

/// Gives the features of documents in a visiting order, their vocabulary,
/// and their feature memo keys (input order; empty when not memoised).
pub(crate) type Featurizer<'a> =
    dyn FnMut(&[ClusterDoc], &[usize]) -> (Vocab, Vec<Features>, Vec<u128>) + 'a;

/// [`cluster`], with the articles' features (and the vocabulary they use)
/// from `features`, given the documents and the visiting order: a build
/// with a frozen background takes them from there
/// ([`crate::events::frozen`]). With `replay`, the leading steps whose
/// inputs the previous pass saw too are taken from it
/// ([`crate::events::replay`]), and this pass's steps are kept.
pub(crate) fn cluster_with(
    docs: &[ClusterDoc],
    p: &Params,
    features: &mut Featurizer,
    replay: Option<&mut Replay>,
) -> Clustering {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| (docs[a].date, &docs[a].id, a).cmp(&(docs[b].date, &docs[b].id, b)));
    let (vocab, mut feats, keys) = features(docs, &order);
    find_neighbours(docs, &order, &mut feats, p);
    let mut st = State {
        series: series::series_of(docs, p.series_min_days),
        subjects: if p.subject_veto {
            Subjects::learn(docs)
        } else {
            Subjects::default()
        },
        leads: docs
            .iter()
            .map(|d| kinds::lead(&d.title).filter(|_| p.subject_veto))
            .collect(),
        ..State::default()
    };
    let replay = replay.filter(|_| keys.len() == docs.len());
    let fps = match &replay {
        Some(_) => replay::fingerprints(&replay::StepInputs {
            docs,
            order: &order,
            feats: &feats,
            keys: &keys,
            series: &st.series,
            subjects: &st.subjects,
            leads: &st.leads,
        }),
        None => Vec::new(),
    };
    let params = replay::params_hash(p);
    let same = replay.as_deref().map_or(0, |r| r.prefix(&fps, params));
    let run = Run {
        docs,
        order: &order,
        feats: &feats,
        vocab: &vocab,
    };
    let (assignment, decisions, steps, same) = st.pass(&run, p, replay.as_deref(), same);
    if let Some(r) = replay {
        r.replayed = same;
        r.record(params, &fps, &steps);
    }
    let mut c = Clustering {
        assignment,
        decisions: decisions
            .into_iter()
            .map(|d| d.expect("every doc visited"))
            .collect(),
        members: st.members,
        pins: st.pins,
        vectors: Vec::new(),
        centroids: st.events.into_iter().map(|e| e.centroid).collect(),
        vocab,
    };
    c.vectors = feats.iter().map(|f| f.vector.clone()).collect();
    chains::split_chains(&mut c, docs, &feats, p);
    c
}

/// Fills `pos` and `neighbours` of every article.
fn find_neighbours(docs: &[ClusterDoc], order: &[usize], feats: &mut [Features], p: &Params) {
    let inputs: Vec<NeighbourInput> = order
        .iter()
        .map(|&i| NeighbourInput {
            vector: &feats[i].vector,
            keys: &feats[i].keys,
            day: docs[i].dated.then(|| docs[i].date.to_days()),
        })
        .collect();
    let np = NeighbourParams {
        k: p.neighbours,
        reach: p.max_scan,
        candidates: p.max_candidates,
        window_days: p.window_days,
        min_cosine: p.neighbour_min_cosine,
    };
    let lists = neighbours(&inputs, np);
    for (pos, (&i, list)) in order.iter().zip(lists).enumerate() {
        feats[i].pos = pos;
        feats[i].neighbours = list;
    }
}

/// What the pass reads: documents, visiting order, features, vocabulary.
struct Run<'a> {
    docs: &'a [ClusterDoc],
    order: &'a [usize],
    feats: &'a [Features],
    vocab: &'a Vocab,
}

/// Event of each document, its decision (input order), the event of each
/// step (visiting order) and how many steps were replayed.
type Passed = (Vec<usize>, Vec<Option<Decision>>, Vec<usize>, usize);

#[derive(Default)]
struct State<'a> {
    index: Index,
    events: Vec<EventState>,
    members: Vec<Vec<usize>>,
    pins: Vec<Option<String>>,
    by_pin: BTreeMap<String, usize>,
    /// Routine series of each input document ([`series::series_of`]).
    series: Vec<Option<u32>>,
    /// Headline subjects of capitals-only headlines ([`Subjects`]).
    subjects: Subjects<'a>,
    /// Leading company mark and what follows it, of each input document
    /// ([`kinds::lead`]).
    leads: Vec<Option<Lead>>,
}

impl State<'_> {
    /// The streaming pass: the first `same` steps take their event from
    /// `replay` (joined, never scored), the others are placed.
    fn pass(&mut self, run: &Run, p: &Params, replay: Option<&Replay>, mut same: usize) -> Passed {
        let (docs, feats) = (run.docs, run.feats);
        let mut assignment = vec![0; docs.len()];
        let mut decisions = vec![None; docs.len()];
        let mut steps = Vec::with_capacity(run.order.len());
        for (k, &i) in run.order.iter().enumerate() {
            // An event that does not exist yet means a damaged memo: the
            // pass proper takes over.
            let old = replay
                .filter(|_| k < same)
                .map(|r| r.event(k))
                .filter(|&e| e <= self.events.len());
            if old.is_none() {
                same = same.min(k);
            }
            let (event, decision) = match old {
                Some(e) => {
                    let pinned = docs[i].pinned.is_some();
                    (e, replay::replayed(e, self.events.len(), pinned))
                }
                None => self.place(i, &docs[i], &feats[i], feats, run.vocab, p),
            };
            self.join(event, i, &docs[i], &feats[i]);
            assignment[i] = event;
            decisions[i] = Some(decision);
            steps.push(event);
        }
        (assignment, decisions, steps, same)
    }

    /// Chooses the event for one document: pinned, best candidate, or new.
    fn place(
        &self,
        i: usize,
        d: &ClusterDoc,
        f: &Features,
        all: &[Features],
        vocab: &Vocab,
        p: &Params,
    ) -> (usize, Decision) {
        let day = d.date.to_days();
        let window = Window {
            day,
            days: d.dated.then_some(p.window_days.max(p.follow_up_days)),
            max_scan: p.max_scan,
        };
        // Cheap centroid cosine for every candidate; the full score (nearest
        // members, shared neighbours) only for the most similar few.
        let mut near: Vec<(usize, f32)> = self
            .index
            .candidates(&f.keys, window, p.max_candidates)
            .into_iter()
            .filter(|h| !self.too_long(h.event, d, p.follow_up_days))
            .map(|h| {
                let ev = &self.events[h.event];
                // Article vectors are unit length.
                (
                    h.event,
                    if ev.norm > 0.0 {
                        tfidf::dot(&f.vector, &ev.centroid) / ev.norm
                    } else {
                        0.0
                    },
                )
            })
            .collect();
        near.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        near.truncate(p.full_scores);
        let mut scored: Vec<CandidateScore> = near
            .into_iter()
            .map(|(e, cosine)| self.score(e, cosine, (i, d), f, all, vocab, p))
            // Beyond the ordinary span only a strongly anchored follow-up.
            .filter(|c| c.anchor >= p.strong_anchor || !self.too_long(c.event, d, p.max_span_days))
            .collect();
        scored.sort_by(|a, b| b.total.total_cmp(&a.total).then(a.event.cmp(&b.event)));
        scored.truncate(3);
        let new_event = self.events.len();
        if let Some(pin) = &d.pinned {
            let e = self.by_pin.get(pin).copied();
            let decision = Decision {
                joined: e,
                pinned: true,
                candidates: scored,
                split: None,
            };
            return (e.unwrap_or(new_event), decision);
        }
        let best = scored.first().filter(|c| c.accepts(p)).map(|c| c.event);
        (
            best.unwrap_or(new_event),
            Decision {
                joined: best,
                pinned: false,
                candidates: scored,
                split: None,
            },
        )
    }

    /// Joining would stretch the event beyond `days` after its first
    /// dated article (news events are days long; a template repeated for
    /// weeks is not one).
    fn too_long(&self, e: usize, d: &ClusterDoc, days: i64) -> bool {
        let span = self.events[e].span;
        d.dated && span.is_some_and(|(lo, _)| d.date.to_days() - lo > days)
    }

    #[allow(clippy::too_many_arguments)]
    fn score(
        &self,
        e: usize,
        cosine: f32,
        (i, d): (usize, &ClusterDoc),
        f: &Features,
        all: &[Features],
        vocab: &Vocab,
        p: &Params,
    ) -> CandidateScore {
        let ev = &self.events[e];
        let other_day = d.dated
            && series::other_day(
                self.series.get(i).copied().flatten(),
                ev.series,
                d.date.to_days(),
                ev.span,
            );
        let (mut link, mut snn) = (0.0f32, 0.0f32);
        for &m in &ev.recent {
            let o = &all[m];
            link = link.max(tfidf::dot(&f.vector, &o.vector));
            snn = snn.max(shared(
                f.pos,
                &f.neighbours,
                o.pos,
                &o.neighbours,
                p.neighbours,
            ));
        }
        let (mut have, mut total_w, mut shared_names) = (0.0, 0.0, 0);
        for n in &f.names {
            let w = vocab.idf(n.full);
            total_w += w;
            if ev.names.contains(&n.full) || ev.names.contains(&n.last) {
                have += w;
                shared_names += 1;
            }
        }
        let name_overlap = if total_w > 0.0 { have / total_w } else { 0.0 };
        let days = match (d.dated, ev.span) {
            (true, Some((lo, hi))) => {
                let day = d.date.to_days();
                Some(if day < lo {
                    lo - day
                } else {
                    (day - hi).max(0)
                })
            }
            _ => None,
        };
        let size = self.members[e].len();
        let first = if ev.core_norm > 0.0 {
            tfidf::dot(&f.vector, &ev.core) / ev.core_norm
        } else {
            0.0
        };
        let anchor = anchor_support(f, ev, size, |_| true);
        let body_shared: f32 = f
            .body_anchors
            .iter()
            .filter(|a| ev.core_body.contains_key(&a.0))
            .map(|a| a.1)
            .sum();
        // Different heads and only template words and numbers (years, base
        // years, prices) in common: another issuer, company or town (the
        // core's heads, so no chaining). Specific names both bodies mention
        // say it is one happening whatever the headlines name.
        let heads_differ = (days.is_some() || p.undated_head_veto)
            && heads::conflict(&f.heads, &ev.core_heads)
            && anchor_support(f, ev, size, |t| !vocab.is_dateish(t)) < p.strong_anchor;
        let head_conflict = heads_differ && body_shared < p.head_lift;
        let conflict = !f.tickers.is_empty()
            && !ev.tickers.is_empty()
            && !f.tickers.iter().any(|t| ev.tickers.contains(t))
            || headlines_conflict(f, ev)
            || self
                .subjects
                .conflict(i, &self.members[e][..size.min(CORE)])
            || self.lead_conflict(i, e);
        // Time is evidence: shared specific anchors make a later follow-up
        // as plausible as a same-day report.
        let penalty = days.map_or(0.0, |n| {
            p.day_penalty * (n - 1).max(0) as f32 * (1.0 - anchor.min(1.0))
        });
        let place = f.places.iter().any(|pl| ev.places.contains(pl));
        // Different datelines (Paris vs Munich) are evidence of two events.
        let elsewhere = !place && !f.places.is_empty() && !ev.places.is_empty();
        // Without time to narrow them, neighbours are topic-mates.
        let snn_weight = if days.is_none() {
            p.undated_snn_weight * undated_snn_share(body_shared, p)
        } else {
            p.snn_weight
        };
        // Without a time signal, numbers that identify (a toll, a
        // magnitude, a year) all differing is evidence of a look-alike.
        let clash = days.is_none()
            && !f.numbers.is_empty()
            && !ev.core_numbers.is_empty()
            && !f
                .numbers
                .iter()
                .any(|n| ev.core_numbers.binary_search(n).is_ok());
        let total = (1.0 - p.link_weight) * cosine
            + p.link_weight * link
            + snn_weight * snn
            + p.name_weight * name_overlap
            + if place { p.place_weight } else { 0.0 }
            + p.anchor_weight * anchor
            - if elsewhere { p.place_mismatch } else { 0.0 }
            - if clash { p.number_clash } else { 0.0 }
            - penalty;
        CandidateScore {
            event: e,
            cosine,
            first,
            link,
            snn,
            shared_names,
            name_overlap,
            anchor,
            conflict,
            head_conflict,
            body_shared,
            heads_differ,
            number_clash: clash,
            other_day,
            days,
            size,
            total,
        }
    }

    /// The article and the event's core are one company's different
    /// announcements ([`kinds::conflict`]).
    fn lead_conflict(&self, i: usize, e: usize) -> bool {
        let core: Vec<Option<&Lead>> = self.members[e]
            .iter()
            .take(CORE)
            .map(|&m| self.leads.get(m).and_then(Option::as_ref))
            .collect();
        kinds::conflict(self.leads.get(i).and_then(Option::as_ref), &core)
    }

    /// Adds document `i` to `event` (creating it when new).
    fn join(&mut self, event: usize, i: usize, d: &ClusterDoc, f: &Features) {
        if event == self.events.len() {
            self.events.push(EventState::default());
            self.members.push(Vec::new());
            self.pins.push(d.pinned.clone());
            self.events[event].series = self.series.get(i).copied().flatten();
            if let Some(pin) = &d.pinned {
                self.by_pin.insert(pin.clone(), event);
            }
        }
        let day = d.date.to_days();
        let ev = &mut self.events[event];
        ev.centroid = tfidf::add(&ev.centroid, &f.vector);
        ev.norm = tfidf::norm(&ev.centroid);
        if self.members[event].len() < CORE {
            ev.core = tfidf::add(&ev.core, &f.vector);
            ev.core_norm = tfidf::norm(&ev.core);
            for h in &f.heads {
                if !ev.core_heads.contains(h) {
                    ev.core_heads.push(h.clone());
                }
            }
            ev.core_body.extend(f.body_anchors.iter().copied());
            ev.core_numbers.extend(f.numbers.iter().cloned());
            ev.core_numbers.sort();
            ev.core_numbers.dedup();
        }
        if ev.recent.len() == RECENT {
            ev.recent.remove(0);
        }
        ev.recent.push(i);
        for n in &f.names {
            ev.names.insert(n.full);
            ev.names.insert(n.last);
        }
        for &t in &f.all_anchors {
            *ev.anchors.entry(t).or_default() += 1;
        }
        for &t in &f.title_anchors {
            if !ev.title_anchors.contains(&t) {
                ev.title_anchors.push(t);
            }
        }
        for &t in &f.tickers {
            if !ev.tickers.contains(&t) {
                ev.tickers.push(t);
            }
        }
        for pl in &f.places {
            if !ev.places.contains(pl) {
                ev.places.push(pl.clone());
            }
        }
        if d.dated {
            ev.span = Some(
                ev.span
                    .map_or((day, day), |(lo, hi)| (lo.min(day), hi.max(day))),
            );
        }
        self.members[event].push(i);
        for &(key, _) in &f.keys {
            self.index.add(key, event, day);
        }
    }
}

/// How much of the shared-neighbour bonus a pair with no time signal gets
/// for the specific body names it shares ([`Params::undated_snn_lift`]).
pub(crate) fn undated_snn_share(body_shared: f32, p: &Params) -> f32 {
    if p.undated_snn_lift > 0.0 {
        (body_shared / p.undated_snn_lift).min(1.0)
    } else {
        1.0
    }
}

/// Share of the article's anchor weight that the event's core carries: an
/// anchor counts fully when at least half the members have it, partly when
/// fewer do (a word one member of many shares is no evidence of closeness
/// to the whole).
/// Only the anchors `keep` accepts count.
fn anchor_support(
    f: &Features,
    ev: &EventState,
    size: usize,
    keep: impl Fn(TermId) -> bool,
) -> f32 {
    let (mut have, mut total) = (0.0f32, 0.0f32);
    let core = (size as f32 / 2.0).max(1.0);
    for &(t, w) in f.anchors.iter().filter(|a| keep(a.0)) {
        total += w;
        if let Some(&n) = ev.anchors.get(&t) {
            have += w * (n as f32 / core).min(1.0);
        }
    }
    if total > 0.0 {
        have / total
    } else {
        0.0
    }
}

/// The headlines say who or where, and neither side mentions the other's
/// anywhere: two earthquakes in two towns, two companies' results.
fn headlines_conflict(f: &Features, ev: &EventState) -> bool {
    !f.title_anchors.is_empty()
        && !ev.title_anchors.is_empty()
        && !f.title_anchors.iter().any(|t| ev.anchors.contains_key(t))
        && !ev
            .title_anchors
            .iter()
            .any(|t| f.all_anchors.binary_search(t).is_ok())
}

#[cfg(test)]
#[path = "cluster_tests.rs"]
mod tests;
