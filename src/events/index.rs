//! Inverted index from keys (rare terms, names, title terms) to events,
//! restricted to a time window.
//!
//! This is what keeps clustering linear: an article is only compared with
//! the events the index proposes, and each key's posting list is scanned
//! from its newest end for at most `max_scan` entries, stopping at the
//! window's edge. Cost per article is bounded by `keys × max_scan`.

use crate::events::tfidf::{FxMap, TermId};

/// One posting: `event` received the key from an article of day `day`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Posting {
    event: usize,
    day: i64,
}

/// Key → postings, newest last (articles arrive in date order).
#[derive(Debug, Default)]
pub struct Index {
    // Looked up only, never iterated: order cannot leak into output.
    postings: FxMap<TermId, Vec<Posting>>,
}

/// Where to look for candidates.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    /// Day number (days since 1970) of the article being placed.
    pub day: i64,
    /// Look back at most this many days; `None` for undated articles,
    /// which are not restricted in time (only by `max_scan`).
    pub days: Option<i64>,
    /// Postings scanned per key at most.
    pub max_scan: usize,
}

/// A candidate event and how strongly the index points at it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// Event index.
    pub event: usize,
    /// Sum of the weights of the keys that led to it.
    pub weight: f32,
}

impl Index {
    /// Records that `event` now has `key` as of `day`. Re-adding refreshes
    /// the key's recency, so a long-running story stays findable.
    pub fn add(&mut self, key: TermId, event: usize, day: i64) {
        let list = self.postings.entry(key).or_default();
        let p = Posting { event, day };
        // Drop an older posting of the same event at the tail (cheap dedup).
        if let Some(last) = list.last() {
            if last.event == event {
                list.pop();
            }
        }
        list.push(p);
    }

    /// Events reached from `keys` (`(key, weight)`), heaviest first, ties by
    /// event index; at most `limit`.
    pub fn candidates(&self, keys: &[(TermId, f32)], w: Window, limit: usize) -> Vec<Hit> {
        let mut acc: Vec<Hit> = Vec::new();
        let mut slot: FxMap<usize, usize> = FxMap::default();
        for &(key, weight) in keys {
            let Some(list) = self.postings.get(&key) else {
                continue;
            };
            let mut seen_here: Vec<usize> = Vec::new();
            for p in list.iter().rev().take(w.max_scan) {
                if let Some(days) = w.days {
                    // Postings are in date order: everything further is older.
                    if p.day < w.day - days {
                        break;
                    }
                }
                if seen_here.contains(&p.event) {
                    continue;
                }
                seen_here.push(p.event);
                let i = *slot.entry(p.event).or_insert_with(|| {
                    acc.push(Hit {
                        event: p.event,
                        weight: 0.0,
                    });
                    acc.len() - 1
                });
                acc[i].weight += weight;
            }
        }
        acc.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.event.cmp(&b.event)));
        acc.truncate(limit);
        acc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_events_by_shared_keys_heaviest_first() {
        let mut ix = Index::default();
        ix.add(1, 0, 100);
        ix.add(2, 0, 100);
        ix.add(2, 1, 101);
        let w = Window {
            day: 102,
            days: Some(7),
            max_scan: 10,
        };
        let hits = ix.candidates(&[(1, 1.0), (2, 0.5), (9, 3.0)], w, 10);
        assert_eq!(hits.iter().map(|h| h.event).collect::<Vec<_>>(), vec![0, 1]);
        assert_eq!(hits[0].weight, 1.5);
    }

    #[test]
    fn a_far_away_event_is_not_a_candidate() {
        let mut ix = Index::default();
        ix.add(7, 0, 10); // old event with the same key
        ix.add(7, 1, 200);
        let dated = Window {
            day: 203,
            days: Some(14),
            max_scan: 10,
        };
        let hits = ix.candidates(&[(7, 1.0)], dated, 10);
        assert_eq!(hits.iter().map(|h| h.event).collect::<Vec<_>>(), vec![1]);
        // An undated article is not restricted in time.
        let undated = Window {
            days: None,
            ..dated
        };
        assert_eq!(ix.candidates(&[(7, 1.0)], undated, 10).len(), 2);
    }

    #[test]
    fn scanning_is_bounded() {
        let mut ix = Index::default();
        for e in 0..100 {
            ix.add(3, e, 50);
        }
        let w = Window {
            day: 50,
            days: None,
            max_scan: 5,
        };
        let hits = ix.candidates(&[(3, 1.0)], w, 100);
        assert_eq!(
            hits.iter().map(|h| h.event).collect::<Vec<_>>(),
            vec![95, 96, 97, 98, 99]
        );
    }
}
