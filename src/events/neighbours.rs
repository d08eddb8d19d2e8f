//! Nearest neighbours of every article over the whole corpus, found through
//! an inverted index (never all pairs).
//!
//! Two articles about the same event share neighbours; two articles about
//! two events of the same kind (two earthquakes) may be close to each other
//! but each sits among its own event's articles. Shared-neighbour overlap
//! therefore separates confusable events that a direct cosine cannot. Like
//! IDF it is a corpus-level statistic computed once before the streaming
//! pass.

use crate::events::tfidf::{self, FxMap, SparseVec, TermId};

/// What the neighbour search needs per article (in visiting order).
pub struct NeighbourInput<'a> {
    /// TF-IDF vector.
    pub vector: &'a SparseVec,
    /// Index keys with weights.
    pub keys: &'a SparseVec,
    /// Day number, or `None` when undated (no time restriction).
    pub day: Option<i64>,
}

/// Search limits.
#[derive(Clone, Copy, Debug)]
pub struct NeighbourParams {
    /// Neighbours kept per article.
    pub k: usize,
    /// Postings looked at per key on each side of the article's position.
    pub reach: usize,
    /// Candidates scored exactly per article.
    pub candidates: usize,
    /// Dated articles further apart than this are not neighbours.
    pub window_days: i64,
    /// Minimum cosine to count as a neighbour at all (in a small corpus
    /// everything would otherwise neighbour everything).
    pub min_cosine: f32,
}

/// The `k` nearest articles of each article (positions in `docs`), each
/// list sorted by position. Articles are given in visiting order, so
/// "nearby in a posting list" means "nearby in time".
pub fn neighbours(docs: &[NeighbourInput], p: NeighbourParams) -> Vec<Vec<usize>> {
    // Looked up only, never iterated.
    let mut postings: FxMap<TermId, Vec<usize>> = FxMap::default();
    for (i, d) in docs.iter().enumerate() {
        for &(key, _) in d.keys.iter() {
            postings.entry(key).or_default().push(i);
        }
    }
    // Each list depends only on the postings: computed on all cores.
    use rayon::prelude::*;
    (0..docs.len())
        .into_par_iter()
        .map(|i| nearest(i, docs, &postings, p))
        .collect()
}

fn nearest(
    i: usize,
    docs: &[NeighbourInput],
    postings: &FxMap<TermId, Vec<usize>>,
    p: NeighbourParams,
) -> Vec<usize> {
    let d = &docs[i];
    let mut acc: Vec<(usize, f32)> = Vec::new();
    let mut slot: FxMap<usize, usize> = FxMap::default();
    for &(key, w) in d.keys.iter() {
        let Some(list) = postings.get(&key) else {
            continue;
        };
        let at = list.partition_point(|&j| j < i);
        let lo = at.saturating_sub(p.reach);
        let hi = (at + p.reach + 1).min(list.len());
        for &j in &list[lo..hi] {
            if j == i || too_far(d.day, docs[j].day, p.window_days) {
                continue;
            }
            let s = *slot.entry(j).or_insert_with(|| {
                acc.push((j, 0.0));
                acc.len() - 1
            });
            acc[s].1 += w;
        }
    }
    acc.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    acc.truncate(p.candidates);
    let mut scored: Vec<(usize, f32)> = acc
        .into_iter()
        .map(|(j, _)| (j, tfidf::dot(d.vector, docs[j].vector)))
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out: Vec<usize> = scored
        .into_iter()
        .filter(|e| e.1 >= p.min_cosine)
        .take(p.k)
        .map(|e| e.0)
        .collect();
    out.sort_unstable();
    out
}

fn too_far(a: Option<i64>, b: Option<i64>, window: i64) -> bool {
    matches!((a, b), (Some(a), Some(b)) if (a - b).abs() > window)
}

/// Shared-neighbour similarity: `|N(a) ∩ N(b)|` plus one for each of `a`,
/// `b` that is in the other's list, over `k + 2`. Lists are sorted.
pub fn shared(a: usize, na: &[usize], b: usize, nb: &[usize], k: usize) -> f32 {
    let n = super::tfidf::common(na, nb);
    let mutual = na.binary_search(&b).is_ok() as usize + nb.binary_search(&a).is_ok() as usize;
    (n + mutual) as f32 / (k + 2) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_counts_common_neighbours_and_mutual_links() {
        // a=0 with N={1,2,3}; b=1 with N={0,2,3}: common {2,3}, mutual both.
        assert_eq!(shared(0, &[1, 2, 3], 1, &[0, 2, 3], 3), 4.0 / 5.0);
        assert_eq!(shared(0, &[4], 1, &[5], 3), 0.0);
    }

    #[test]
    fn neighbours_come_from_shared_keys_within_the_window() {
        let v = |ts: &[u32]| -> SparseVec {
            ts.iter()
                .map(|&t| (t, 1.0 / (ts.len() as f32).sqrt()))
                .collect()
        };
        let vecs = [v(&[1, 2]), v(&[1, 2]), v(&[1, 3]), v(&[1, 2])];
        let days = [Some(0), Some(1), Some(2), Some(100)];
        let docs: Vec<NeighbourInput> = vecs
            .iter()
            .zip(days)
            .map(|(vector, day)| NeighbourInput {
                vector,
                keys: vector,
                day,
            })
            .collect();
        let p = NeighbourParams {
            k: 1,
            reach: 10,
            candidates: 10,
            window_days: 7,
            min_cosine: 0.1,
        };
        let n = neighbours(&docs, p);
        assert_eq!(n[0], vec![1]);
        // Doc 3 is identical to doc 0 but 100 days away: no neighbour at all.
        assert!(n[3].is_empty());
    }
}
