//! Streaming event clustering.
//!
//! Articles are visited once, in `(date, id)` order. Each one is compared
//! only with the events an inverted index proposes (shared rare terms, names
//! and title terms, within a time window) and either joins the best of them
//! or starts a new event. Nothing is ever re-clustered, so the cost is linear
//! in the number of articles and a new article cannot move an old one.
//!
//! The score of a candidate event is
//! `cosine(article, centroid) + name_weight × name_overlap − day_penalty × max(0, days − 1)`,
//! where `name_overlap` is the IDF-weighted share of the article's names the
//! event already has, and `days` is the distance between the article's date
//! and the event's dated span (no penalty when either side has no real date).

use crate::date::Date;
use crate::events::index::{Index, Window};
use crate::events::tfidf::{self, Part, SparseVec, TermId, Vocab};
use std::collections::{BTreeMap, HashSet};

/// What the clusterer needs to know about one article.
#[derive(Clone, Debug, PartialEq)]
pub struct ClusterDoc {
    /// Unique article id; the tie-breaker of the visiting order.
    pub id: String,
    /// Publication day (for ordering even when not `dated`).
    pub date: Date,
    /// False when the date is only a file time: no time penalty then.
    pub dated: bool,
    /// Headline.
    pub title: String,
    /// Body text.
    pub text: String,
    /// People (and other proper names) the article mentions.
    pub names: Vec<String>,
    /// Places the article is about (dateline, places named in the title).
    pub places: Vec<String>,
    /// Front matter `event:` slug: the article goes to that event.
    pub pinned: Option<String>,
}

/// Global knobs. Defaults are tuned on the ECB+ train topics (see
/// `bench/ecb_eval.md`), never per document.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// Minimum total score to join an event instead of starting one.
    pub threshold: f32,
    /// Title terms count this many times.
    pub title_weight: u32,
    /// Proper (capitalised mid-sentence) body terms count this many times.
    pub proper_weight: u32,
    /// Weight of the cosine over proper terms only (names, places).
    pub entity_weight: f32,
    /// Share of the nearest-member cosine in the similarity (the rest is
    /// the centroid cosine).
    pub link_weight: f32,
    /// Penalty when the article's protagonists are new to the event.
    pub conflict_weight: f32,
    /// Weight of the name overlap.
    pub name_weight: f32,
    /// Bonus when the article's place is one of the event's places.
    pub place_weight: f32,
    /// Score lost per day of distance beyond the first.
    pub day_penalty: f32,
    /// Dated events older than this many days are not candidates.
    pub window_days: i64,
    /// Heaviest terms per article used as index keys.
    pub keys_per_doc: usize,
    /// Postings scanned per key.
    pub max_scan: usize,
    /// Candidates fully scored per article.
    pub max_candidates: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            threshold: 0.30,
            title_weight: 2,
            proper_weight: 2,
            name_weight: 0.0,
            entity_weight: 0.0,
            link_weight: 0.0,
            conflict_weight: 0.0,
            place_weight: 0.05,
            day_penalty: 0.04,
            window_days: 14,
            keys_per_doc: 20,
            max_scan: 40,
            max_candidates: 24,
        }
    }
}

/// How one candidate event scored for an article.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateScore {
    /// Event index (in creation order).
    pub event: usize,
    /// DEBUG coverage of doc's top entities by event, event's by doc.
    pub cov: (f32, f32),
    /// TF-IDF cosine with the event centroid.
    pub cosine: f32,
    /// Best cosine with one of the event's recent articles.
    pub link: f32,
    /// Cosine over proper terms (names, places) with the event's.
    pub entity: f32,
    /// IDF-weighted share of the article's names the event already had.
    pub name_overlap: f32,
    /// Articles in the event so far.
    pub size: usize,
    /// Names of the article the event already had.
    pub shared_names: usize,
    /// Days between the article and the event's dated span, if both dated.
    pub days: Option<i64>,
    /// The combined score compared with the threshold.
    pub total: f32,
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

/// Members kept per event for the nearest-member similarity.
const RECENT: usize = 16;

/// Mutable state of one event while clustering.
#[derive(Default)]
struct EventState {
    centroid: SparseVec,
    /// The latest member vectors, for the nearest-member similarity.
    recent: Vec<SparseVec>,
    entities: SparseVec,
    names: HashSet<TermId>,
    places: Vec<String>,
    span: Option<(i64, i64)>,
}

/// Prepared features of one document.
struct Features {
    vector: SparseVec,
    /// Proper terms of the title and first sentence, with their IDF.
    lead: SparseVec,
    entities: SparseVec,
    keys: SparseVec,
    names: Vec<NameKeys>,
    places: Vec<String>,
}

/// The index keys of one name: the whole name and its last word.
#[derive(Clone, Copy)]
struct NameKeys {
    full: TermId,
    last: TermId,
    /// Capitalised mentions of the last word in the body (≥ 2: a protagonist).
    salience: u32,
}

/// Clusters `docs` (any order) into events. Deterministic: the visiting
/// order is `(date, id)`, so shuffling the input changes nothing.
pub fn cluster(docs: &[ClusterDoc], p: &Params) -> Clustering {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| (docs[a].date, &docs[a].id, a).cmp(&(docs[b].date, &docs[b].id, b)));
    let (vocab, feats) = featurize(docs, &order, p);
    let mut st = State::default();
    let mut assignment = vec![0; docs.len()];
    let mut decisions = vec![None; docs.len()];
    for &i in &order {
        let (event, decision) = st.place(&docs[i], &feats[i], &vocab, p);
        st.join(event, i, &docs[i], &feats[i], &vocab);
        assignment[i] = event;
        decisions[i] = Some(decision);
    }
    Clustering {
        assignment,
        decisions: decisions.into_iter().map(|d| d.expect("every doc visited")).collect(),
        members: st.members,
        pins: st.pins,
        vectors: feats.into_iter().map(|f| f.vector).collect(),
        centroids: st.events.into_iter().map(|e| e.centroid).collect(),
        vocab,
    }
}

/// Name keys live in the term vocabulary under a prefix no word can have.
fn name_terms(name: &str) -> Option<(String, String, String)> {
    let words: Vec<String> = tfidf::terms(name).into_iter().filter(|w| w.len() > 1).collect();
    let last = words.last()?.clone();
    Some((format!("#{}", words.join(" ")), format!("#{last}"), last))
}

/// Counts terms (title twice), builds vocabulary, IDF and vectors.
fn featurize(docs: &[ClusterDoc], order: &[usize], p: &Params) -> (Vocab, Vec<Features>) {
    let mut vocab = Vocab::default();
    let mut counts = vec![Vec::new(); docs.len()];
    let mut names = vec![Vec::new(); docs.len()];
    let mut entity_counts = vec![Vec::new(); docs.len()];
    let mut lead_counts = vec![Vec::new(); docs.len()];
    for &i in order {
        let d = &docs[i];
        let parts = [
            Part { text: &d.title, weight: p.title_weight, proper: p.title_weight },
            Part { text: &d.text, weight: 1, proper: p.proper_weight },
        ];
        counts[i] = tfidf::count_terms(&mut vocab, &parts);
        let proper_only = [Part { text: &d.text, weight: 0, proper: 1 }];
        entity_counts[i] = tfidf::count_terms(&mut vocab, &proper_only);
        let lead_parts = [
            Part { text: &d.title, weight: 0, proper: 1 },
            Part { text: lead_sentence(&d.text), weight: 0, proper: 1 },
        ];
        lead_counts[i] = tfidf::count_terms(&mut vocab, &lead_parts);
        let mut keys: Vec<TermId> = counts[i].iter().map(|e| e.0).collect();
        let mut seen = HashSet::new();
        for n in &d.names {
            if let Some((full, last, word)) = name_terms(n) {
                let word = vocab.intern(&word);
                let salience = entity_counts[i].binary_search_by_key(&word, |e: &(TermId, u32)| e.0).map_or(0, |k| entity_counts[i][k].1);
                let k = NameKeys { full: vocab.intern(&full), last: vocab.intern(&last), salience };
                if seen.insert(k.full) {
                    keys.extend([k.full, k.last]);
                    names[i].push(k);
                }
            }
        }
        keys.sort_unstable();
        keys.dedup();
        vocab.add_doc(&keys);
    }
    let feats = (0..docs.len())
        .map(|i| {
            let vector = tfidf::tfidf(&vocab, &counts[i]);
            let mut keys = tfidf::top_k(&vector, p.keys_per_doc);
            for n in &names[i] {
                keys.push((n.full, vocab.idf(n.full)));
                keys.push((n.last, vocab.idf(n.last)));
            }
            keys.sort_by_key(|k| k.0);
            keys.dedup_by_key(|k| k.0);
            let places = docs[i].places.iter().map(|s| s.to_lowercase()).collect();
            let entities = tfidf::tfidf(&vocab, &entity_counts[i]);
            let lead = lead_counts[i].iter().filter(|e| vocab.df(e.0) > 1).map(|e| (e.0, vocab.idf(e.0))).collect();
            Features { vector, entities, lead, keys, names: std::mem::take(&mut names[i]), places }
        })
        .collect();
    (vocab, feats)
}

#[derive(Default)]
struct State {
    index: Index,
    events: Vec<EventState>,
    members: Vec<Vec<usize>>,
    pins: Vec<Option<String>>,
    by_pin: BTreeMap<String, usize>,
}

impl State {
    /// Chooses the event for one document: pinned, best candidate, or new.
    fn place(&self, d: &ClusterDoc, f: &Features, vocab: &Vocab, p: &Params) -> (usize, Decision) {
        let day = d.date.to_days();
        let window = Window { day, days: d.dated.then_some(p.window_days), max_scan: p.max_scan };
        let mut scored: Vec<CandidateScore> = self
            .index
            .candidates(&f.keys, window, p.max_candidates)
            .into_iter()
            .map(|h| self.score(h.event, d, f, vocab, p))
            .collect();
        scored.sort_by(|a, b| b.total.total_cmp(&a.total).then(a.event.cmp(&b.event)));
        scored.truncate(8);
        let new_event = self.events.len();
        if let Some(pin) = &d.pinned {
            let e = self.by_pin.get(pin).copied();
            let decision = Decision { joined: e, pinned: true, candidates: scored };
            return (e.unwrap_or(new_event), decision);
        }
        let best = scored.first().filter(|c| c.total >= p.threshold).map(|c| c.event);
        (best.unwrap_or(new_event), Decision { joined: best, pinned: false, candidates: scored })
    }

    fn score(&self, e: usize, d: &ClusterDoc, f: &Features, vocab: &Vocab, p: &Params) -> CandidateScore {
        let ev = &self.events[e];
        let cosine = tfidf::cosine(&f.vector, &ev.centroid);
        let entity = tfidf::cosine(&f.entities, &ev.entities);
        let prot: Vec<&NameKeys> = f.names.iter().filter(|n| n.salience >= 2).collect();
        let missing = prot.iter().filter(|n| !ev.names.contains(&n.last)).count();
        let cov = (lead_coverage(&f.lead, &ev.centroid), if prot.is_empty() { -1.0 } else { missing as f32 / prot.len() as f32 });
        let link = ev.recent.iter().map(|m| tfidf::dot(&f.vector, m)).fold(0.0, f32::max);
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
                Some(if day < lo { lo - day } else { (day - hi).max(0) })
            }
            _ => None,
        };
        let penalty = days.map_or(0.0, |n| p.day_penalty * (n - 1).max(0) as f32);
        let place = f.places.iter().any(|pl| ev.places.contains(pl));
        let total = -p.conflict_weight * cov.1.max(0.0) + (1.0 - p.link_weight) * cosine + p.link_weight * link + p.entity_weight * entity + p.name_weight * name_overlap + if place { p.place_weight } else { 0.0 } - penalty;
        let size = self.members[e].len();
        CandidateScore { event: e, cov, cosine, link, entity, name_overlap, size, shared_names, days, total }
    }

    /// Adds document `i` to `event` (creating it when new).
    fn join(&mut self, event: usize, i: usize, d: &ClusterDoc, f: &Features, _vocab: &Vocab) {
        if event == self.events.len() {
            self.events.push(EventState::default());
            self.members.push(Vec::new());
            self.pins.push(d.pinned.clone());
            if let Some(pin) = &d.pinned {
                self.by_pin.insert(pin.clone(), event);
            }
        }
        let day = d.date.to_days();
        let ev = &mut self.events[event];
        ev.centroid = tfidf::add(&ev.centroid, &f.vector);
        ev.entities = tfidf::add(&ev.entities, &f.entities);
        if ev.recent.len() == RECENT {
            ev.recent.remove(0);
        }
        ev.recent.push(f.vector.clone());
        for n in &f.names {
            ev.names.insert(n.full);
            ev.names.insert(n.last);
        }
        for pl in &f.places {
            if !ev.places.contains(pl) {
                ev.places.push(pl.clone());
            }
        }
        if d.dated {
            ev.span = Some(ev.span.map_or((day, day), |(lo, hi)| (lo.min(day), hi.max(day))));
        }
        self.members[event].push(i);
        for &(key, _) in &f.keys {
            self.index.add(key, event, day);
        }
    }
}

/// Weighted share of `a`'s `k` heaviest terms that `b` has.
fn coverage(a: &[(TermId, f32)], b: &[(TermId, f32)], k: usize) -> f32 {
    let top = tfidf::top_k(a, k);
    let total: f32 = top.iter().map(|e| e.1).sum();
    if total == 0.0 {
        return -1.0;
    }
    let have: f32 = top.iter().filter(|e| b.binary_search_by_key(&e.0, |x| x.0).is_ok()).map(|e| e.1).sum();
    have / total
}

/// The first sentence (or line) of `text`, at most ~400 bytes.
fn lead_sentence(text: &str) -> &str {
    let mut end = text.len().min(400);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let line = head.split('\n').find(|l| !l.trim().is_empty()).unwrap_or("");
    match crate::nlp::sentences::split(line).first() {
        Some(r) => &line[r.clone()],
        None => line,
    }
}

/// IDF-weighted share of the lead's proper terms the event has used.
fn lead_coverage(lead: &[(TermId, f32)], centroid: &[(TermId, f32)]) -> f32 {
    let total: f32 = lead.iter().map(|e| e.1).sum();
    if total == 0.0 {
        return 1.0;
    }
    let have: f32 = lead.iter().filter(|e| centroid.binary_search_by_key(&e.0, |x| x.0).is_ok()).map(|e| e.1).sum();
    have / total
}
