//! Terms, document frequencies and sparse TF-IDF vectors.
//!
//! IDF is computed over the whole corpus before clustering starts: a build
//! sees every article, and whole-corpus IDF is less noisy for the first
//! articles than an incremental count. So that adding an article does not
//! shift every weight (and flip borderline decisions months away), the
//! counts behind IDF move on a coarse geometric grid (see [`Vocab::idf`]).

pub use crate::events::terms::{cased_terms, stem, terms, CasedTerm};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small multiplicative hasher (FxHash): term lookups dominate the
/// featurising time, and SipHash's DoS resistance buys nothing here (the
/// map is never iterated, so its order cannot leak into output either).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(b));
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, v: u32) {
        self.write_u64(v as u64);
    }
    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }
}

/// `HashMap` with [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A term id in a [`Vocab`].
pub type TermId = u32;

/// A sparse vector: `(term, weight)` pairs sorted by term, no duplicates.
pub type SparseVec = Vec<(TermId, f32)>;

/// Term ids and document frequencies of one corpus.
///
/// The `HashMap` is only ever looked up, never iterated, so output does not
/// depend on its order.
#[derive(Debug, Default)]
pub struct Vocab {
    ids: FxMap<String, TermId>,
    df: Vec<u32>,
    /// Month names and numbers: words that say when, not what.
    dateish: Vec<bool>,
    n_docs: u32,
    /// A frozen background ([`Vocab::freeze`]): no term is added and no
    /// count changes.
    frozen: bool,
}

/// First id of terms a frozen vocabulary has not seen ([`unseen_id`]).
pub const UNSEEN: TermId = 1 << 31;

/// The id of a term a frozen vocabulary has not seen: a hash of the term
/// itself, so it is the same whichever build, and in whichever order, meets
/// it (the term has document frequency 0 until the background is learnt
/// again, so it carries no TF-IDF weight; it still identifies a name).
pub fn unseen_id(term: &str) -> TermId {
    let mut h = FxHasher::default();
    h.write(term.as_bytes());
    UNSEEN | (h.finish() as TermId & (UNSEEN - 1))
}

impl Vocab {
    /// Stops this vocabulary from learning: [`Vocab::intern`] then gives
    /// known terms their id and others [`unseen_id`], and
    /// [`Vocab::add_doc`] counts nothing.
    pub fn freeze(&mut self) {
        self.frozen = true;
    }

    /// Id of `term` without learning it: its id if known, else
    /// [`unseen_id`] (what a frozen vocabulary's `intern` gives).
    pub fn lookup(&self, term: &str) -> TermId {
        self.ids
            .get(term)
            .copied()
            .unwrap_or_else(|| unseen_id(term))
    }

    /// Terms in id order with their document frequencies, and the number
    /// of documents: what [`Vocab::from_counts`] rebuilds a vocabulary from.
    pub fn counts(&self) -> (Vec<(String, u32)>, u32) {
        let mut terms: Vec<(String, u32)> = vec![(String::new(), 0); self.df.len()];
        for (t, &id) in &self.ids {
            terms[id as usize] = (t.clone(), self.df[id as usize]);
        }
        (terms, self.n_docs)
    }

    /// The vocabulary [`Vocab::counts`] describes (not frozen).
    pub fn from_counts(terms: Vec<(String, u32)>, n_docs: u32) -> Vocab {
        let mut v = Vocab::default();
        for (t, df) in terms {
            let id = v.intern(&t);
            v.df[id as usize] = df;
        }
        v.n_docs = n_docs;
        v
    }

    /// Id of `term`, adding it if new (see [`Vocab::freeze`]).
    pub fn intern(&mut self, term: &str) -> TermId {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        if self.frozen {
            return unseen_id(term);
        }
        let id = self.df.len() as TermId;
        self.ids.insert(term.to_string(), id);
        self.df.push(0);
        let dateish = term.bytes().all(|b| b.is_ascii_digit())
            || crate::date::month_from_name(term).is_some();
        self.dateish.push(dateish);
        id
    }

    /// Id of `term` if known.
    pub fn get(&self, term: &str) -> Option<TermId> {
        self.ids.get(term).copied()
    }

    /// Counts one document containing the (deduplicated) `terms`.
    pub fn add_doc(&mut self, terms: &[TermId]) {
        if self.frozen {
            return;
        }
        self.n_docs += 1;
        for &t in terms {
            self.df[t as usize] += 1;
        }
    }

    /// Number of documents counted.
    pub fn n_docs(&self) -> u32 {
        self.n_docs
    }

    /// True for month names and numbers.
    pub fn is_dateish(&self, t: TermId) -> bool {
        self.dateish.get(t as usize).copied().unwrap_or(false)
    }

    /// Document frequency of `t`.
    pub fn df(&self, t: TermId) -> u32 {
        self.df.get(t as usize).copied().unwrap_or(0)
    }

    /// Smoothed inverse document frequency, > 0.
    ///
    /// Computed as if the corpus also held [`BACKGROUND_DOCS`] unrelated
    /// articles: in a site of five articles about one event, words that all
    /// five use ("Riyadh", "talks") still count, instead of getting IDF 0.
    /// In a large corpus the background makes no difference.
    ///
    /// Slowly updated: the corpus size and each document frequency are
    /// rounded to a geometric grid ([`IDF_STEPS`] steps per doubling), so one
    /// more article changes no weight at all unless it carries a count across
    /// a grid line: the weights of terms it does not contain stay put until
    /// the corpus grows by about 9%, and old decisions do not flip months
    /// away because of it.
    pub fn idf(&self, t: TermId) -> f32 {
        let n = grid_down(self.n_docs as f32 + BACKGROUND_DOCS);
        let df = grid_up(self.df(t) as f32 + 1.0);
        (n / df).ln().max(0.0)
    }
}

/// Grid lines per doubling for IDF's counts (see [`Vocab::idf`]).
pub const IDF_STEPS: f32 = 8.0;

/// The largest grid value ≤ `x` (x ≥ 1).
fn grid_down(x: f32) -> f32 {
    ((x.log2() * IDF_STEPS + 1e-4).floor() / IDF_STEPS).exp2()
}

/// The smallest grid value ≥ `x` (x ≥ 1).
fn grid_up(x: f32) -> f32 {
    ((x.log2() * IDF_STEPS - 1e-4).ceil() / IDF_STEPS).exp2()
}

/// Imaginary unrelated articles added to every corpus for IDF.
pub const BACKGROUND_DOCS: f32 = 50.0;

/// One piece of text to count, with the weight of its ordinary and of its
/// proper (capitalised mid-sentence) terms.
#[derive(Clone, Copy, Debug)]
pub struct Part<'a> {
    /// The text.
    pub text: &'a str,
    /// Count of each ordinary term occurrence.
    pub weight: u32,
    /// Count of each proper term occurrence.
    pub proper: u32,
}

/// Term counts of `parts` (titles can count more than body text, names
/// more than common words). Sorted by term id.
pub fn count_terms(vocab: &mut Vocab, parts: &[Part]) -> Vec<(TermId, u32)> {
    let mut counts: Vec<(TermId, u32)> = Vec::new();
    for part in parts {
        for t in cased_terms(part.text) {
            let w = if t.proper { part.proper } else { part.weight };
            if w == 0 {
                continue;
            }
            counts.push((vocab.intern(&t.term), w));
        }
    }
    sum_counts(counts)
}

/// Sorts `(term, count)` pairs by term and adds up repeats.
pub fn sum_counts(mut counts: Vec<(TermId, u32)>) -> Vec<(TermId, u32)> {
    counts.sort_unstable();
    let mut out: Vec<(TermId, u32)> = Vec::with_capacity(counts.len());
    for (t, c) in counts {
        match out.last_mut() {
            Some(last) if last.0 == t => last.1 += c,
            _ => out.push((t, c)),
        }
    }
    out
}

/// Sublinear TF × IDF, L2-normalised.
///
/// Terms seen in only one document are left out: they can never be shared,
/// so all they would do is shrink every cosine of a wordy article.
pub fn tfidf(vocab: &Vocab, counts: &[(TermId, u32)]) -> SparseVec {
    let mut v: SparseVec = counts
        .iter()
        .filter(|&&(t, _)| vocab.df(t) > 1)
        .map(|&(t, c)| (t, (1.0 + (c as f32).ln()) * vocab.idf(t)))
        .filter(|&(_, w)| w > 0.0)
        .collect();
    normalise(&mut v);
    v
}

/// Sorted ids (with repeats) of the terms of `text` that `vocab` knows.
pub fn known_ids(vocab: &Vocab, text: &str) -> Vec<TermId> {
    let mut ids: Vec<TermId> = terms(text).iter().filter_map(|t| vocab.get(t)).collect();
    ids.sort_unstable();
    ids
}

/// TF-IDF vector of `text` using only terms `vocab` already knows (for
/// sentences scored against a finished corpus).
pub fn vector_of(vocab: &Vocab, text: &str) -> SparseVec {
    vector_of_ids(vocab, &known_ids(vocab, text))
}

/// TF-IDF vector of sorted term ids (with repeats).
pub fn vector_of_ids(vocab: &Vocab, ids: &[TermId]) -> SparseVec {
    let mut counts: Vec<(TermId, u32)> = Vec::new();
    for &t in ids {
        match counts.last_mut() {
            Some(last) if last.0 == t => last.1 += 1,
            _ => counts.push((t, 1)),
        }
    }
    tfidf(vocab, &counts)
}

/// Sorted, distinct ids of the known terms of `text`, for set comparisons
/// (near-duplicates) that are cheap to repeat.
pub fn term_set(vocab: &Vocab, text: &str) -> Vec<TermId> {
    let mut ids = known_ids(vocab, text);
    ids.dedup();
    ids
}

/// Size of the intersection of two sorted, distinct lists.
pub fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Jaccard similarity of two term sets (see [`term_set`]).
pub fn jaccard(a: &[TermId], b: &[TermId]) -> f32 {
    let c = common(a, b);
    let union = a.len() + b.len() - c;
    if union == 0 {
        0.0
    } else {
        c as f32 / union as f32
    }
}

/// Scales `v` to unit length (no-op for the zero vector).
pub fn normalise(v: &mut SparseVec) {
    let n = norm(v);
    if n > 0.0 {
        for e in v.iter_mut() {
            e.1 /= n;
        }
    }
}

/// Euclidean length.
pub fn norm(v: &[(TermId, f32)]) -> f32 {
    v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt()
}

/// Dot product of two sorted sparse vectors. When one is much longer (an
/// article against a big event's centroid), the short one's terms are
/// looked up by binary search instead of walking both.
pub fn dot(a: &[(TermId, f32)], b: &[(TermId, f32)]) -> f32 {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() > 8 * short.len() {
        let mut rest = long;
        let mut s = 0.0;
        for &(t, w) in short {
            let k = rest.partition_point(|e| e.0 < t);
            if k < rest.len() && rest[k].0 == t {
                s += w * rest[k].1;
            }
            rest = &rest[k..];
        }
        return s;
    }
    sum_shared(a, b, |x, y| x * y)
}

/// Sum of `f(weight in a, weight in b)` over the terms two sorted sparse
/// vectors share, walking both in step (the one merge loop of the events
/// code: dot products, overlaps and shared-name sums differ only in `f`).
pub fn sum_shared(a: &[(TermId, f32)], b: &[(TermId, f32)], f: impl Fn(f32, f32) -> f32) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += f(a[i].1, b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Cosine similarity (0 when either vector is zero).
pub fn cosine(a: &[(TermId, f32)], b: &[(TermId, f32)]) -> f32 {
    let d = norm(a) * norm(b);
    if d == 0.0 {
        0.0
    } else {
        dot(a, b) / d
    }
}

/// `a + b` for sorted sparse vectors.
pub fn add(a: &[(TermId, f32)], b: &[(TermId, f32)]) -> SparseVec {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if j == b.len() || (i < a.len() && a[i].0 < b[j].0) {
            out.push(a[i]);
            i += 1;
        } else if i == a.len() || b[j].0 < a[i].0 {
            out.push(b[j]);
            j += 1;
        } else {
            out.push((a[i].0, a[i].1 + b[j].1));
            i += 1;
            j += 1;
        }
    }
    out
}

/// The `k` heaviest entries of `v` (ties: lower term id), sorted by term.
pub fn top_k(v: &[(TermId, f32)], k: usize) -> SparseVec {
    let mut by_weight: SparseVec = v.to_vec();
    by_weight.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    by_weight.truncate(k);
    by_weight.sort_by_key(|e| e.0);
    by_weight
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_fold_stem_and_drop_stopwords() {
        assert_eq!(
            terms("The 2 Quakes killed 470 in Đakovo, 2008!"),
            vec!["quake", "kill", "470", "dakovo", "2008"]
        );
        assert_eq!(stem("agencies"), "agency");
        assert_eq!(stem("press"), "press");
    }

    #[test]
    fn cosine_of_identical_and_disjoint() {
        let mut v = Vocab::default();
        let texts = [
            "earthquake hits town",
            "football match",
            "earthquake hits city",
            "football final",
        ];
        let counts: Vec<_> = texts
            .iter()
            .map(|t| {
                count_terms(
                    &mut v,
                    &[Part {
                        text: t,
                        weight: 1,
                        proper: 1,
                    }],
                )
            })
            .collect();
        for c in &counts {
            v.add_doc(&c.iter().map(|e| e.0).collect::<Vec<_>>());
        }
        let (va, vb) = (tfidf(&v, &counts[0]), tfidf(&v, &counts[1]));
        // "town" occurs once in the corpus: it can never be shared, so it is left out.
        assert_eq!(va.len(), 2);
        assert!((cosine(&va, &va) - 1.0).abs() < 1e-5);
        assert_eq!(cosine(&va, &vb), 0.0);
        assert!(cosine(&va, &tfidf(&v, &counts[2])) > 0.99);
        let s = add(&va, &vb);
        assert_eq!(s.len(), va.len() + vb.len());
        assert!(s.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn idf_moves_only_when_a_count_crosses_a_grid_line() {
        let mut v = Vocab::default();
        let a = v.intern("alpha");
        let b = v.intern("beta");
        for _ in 0..1000 {
            v.add_doc(&[a]);
        }
        v.add_doc(&[b]);
        let before = v.idf(b);
        // Ten more articles without `beta`: its weight stays exactly put.
        for _ in 0..10 {
            v.add_doc(&[a]);
        }
        assert_eq!(v.idf(b), before);
        // Doubling the corpus does move it, by about ln 2.
        for _ in 0..1050 {
            v.add_doc(&[a]);
        }
        assert!((v.idf(b) - before - std::f32::consts::LN_2).abs() < 0.1);
        assert!(v.idf(a) >= 0.0 && v.idf(a) < 0.2, "{}", v.idf(a));
    }
}
