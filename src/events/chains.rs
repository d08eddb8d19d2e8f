//! No chaining: after the streaming pass, every event's members must be
//! close to each other as a group, not only each to its nearest earlier
//! member.
//!
//! The pass joins an article to the event whose recent members and shared
//! neighbours it is close to; a run of such joins can walk from one
//! happening to the next (one election story to the next, one player's
//! tournament to the next) and leave a topic bucket whose first and last
//! members have little in common. So each event's members are grouped
//! again by average linkage on their pairwise cosine (the members of a
//! group are, on average, as close to each other as a join demands), and
//! groups that stay apart become events of their own.
//!
//! A pair with a time signal (both dated) needs less: the pass already
//! kept it within days; a pair without one needs the content to make the
//! whole case ([`Params::undated_split_min`]). Events with a pinned member
//! are left as they are: the front matter decided them.
//!
//! Deterministic: the group holding the event's first member keeps the
//! event's index (and so its address); the others are appended in the
//! order of their first members.

use crate::events::cluster::{Clustering, Split};
use crate::events::features::Features;
use crate::events::params::{ClusterDoc, Params};
use crate::events::tfidf::{self, TermId};

/// Largest event regrouped: average linkage is cubic in the members, and an
/// event this big is not a chain of a few joins.
const MAX_MEMBERS: usize = 400;

/// Splits every event whose members fall apart into groups (see the module
/// doc); records in each moved article's decision where it came from.
pub(crate) fn split_chains(
    c: &mut Clustering,
    docs: &[ClusterDoc],
    feats: &[Features],
    p: &Params,
) {
    if p.split_min <= 0.0 && p.undated_split_min <= 0.0 {
        return;
    }
    for e in 0..c.members.len() {
        let members = &c.members[e];
        let n = members.len();
        if !(2..=MAX_MEMBERS).contains(&n) || members.iter().any(|&i| docs[i].pinned.is_some()) {
            continue;
        }
        let margin = |a: usize, b: usize| -> f32 {
            let (i, j) = (members[a], members[b]);
            let need = if docs[i].dated && docs[j].dated {
                p.split_min
            } else {
                p.undated_split_min
            };
            let names = shared_names(&feats[i].body_anchors, &feats[j].body_anchors);
            let lift = if p.head_lift > 0.0 {
                (names / p.head_lift).min(1.0)
            } else {
                0.0
            };
            tfidf::dot(&c.vectors[i], &c.vectors[j]) + p.split_name_bonus * lift - need
        };
        let groups = average_link(n, margin);
        if groups.len() < 2 {
            continue;
        }
        let old: Vec<usize> = c.members[e].clone();
        let main = &groups[0];
        for (g, group) in groups.iter().enumerate() {
            let ids: Vec<usize> = group.iter().map(|&k| old[k]).collect();
            let target = if g == 0 { e } else { c.members.len() };
            let centroid = ids
                .iter()
                .fold(Vec::new(), |acc, &i| tfidf::add(&acc, &c.vectors[i]));
            if g == 0 {
                c.members[e] = ids;
                c.centroids[e] = centroid;
                continue;
            }
            let cohesion = average_cosine(c, group, main, &old);
            for &i in &ids {
                c.assignment[i] = target;
                c.decisions[i].split = Some(Split { from: e, cohesion });
            }
            c.members.push(ids);
            c.centroids.push(centroid);
            c.pins.push(None);
        }
    }
}

/// Specificity-weighted sum of the body names two articles share (both
/// lists sorted by term).
fn shared_names(a: &[(TermId, f32)], b: &[(TermId, f32)]) -> f32 {
    tfidf::sum_shared(a, b, f32::min)
}

/// Average cosine between the members of two groups (local indices into `old`).
fn average_cosine(c: &Clustering, a: &[usize], b: &[usize], old: &[usize]) -> f32 {
    let mut sum = 0.0;
    for &x in a {
        for &y in b {
            sum += tfidf::dot(&c.vectors[old[x]], &c.vectors[old[y]]);
        }
    }
    sum / (a.len() * b.len()).max(1) as f32
}

/// Average-linkage grouping of `n` items: the two groups with the highest
/// average `margin` merge while that average is at least 0. Groups come
/// sorted by their smallest item, each sorted; ties go to the lowest pair.
pub(crate) fn average_link(n: usize, margin: impl Fn(usize, usize) -> f32) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    // sums[a][b]: summed margin between groups a and b.
    let mut sums: Vec<Vec<f32>> = (0..n)
        .map(|a| {
            (0..n)
                .map(|b| {
                    if a == b {
                        0.0
                    } else {
                        margin(a.min(b), a.max(b))
                    }
                })
                .collect()
        })
        .collect();
    let mut alive: Vec<bool> = vec![true; n];
    loop {
        let mut best: Option<(usize, usize, f32)> = None;
        for a in (0..n).filter(|&a| alive[a]) {
            for b in (a + 1..n).filter(|&b| alive[b]) {
                let avg = sums[a][b] / (groups[a].len() * groups[b].len()) as f32;
                if best.is_none_or(|(_, _, v)| avg > v) {
                    best = Some((a, b, avg));
                }
            }
        }
        let Some((a, b, _)) = best.filter(|x| x.2 >= 0.0) else {
            break;
        };
        let moved = std::mem::take(&mut groups[b]);
        groups[a].extend(moved);
        alive[b] = false;
        for x in 0..n {
            if alive[x] && x != a {
                sums[a][x] += sums[b][x];
                sums[x][a] = sums[a][x];
            }
        }
    }
    let mut out: Vec<Vec<usize>> = groups.into_iter().filter(|g| !g.is_empty()).collect();
    for g in &mut out {
        g.sort_unstable();
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_link_keeps_a_close_group_and_drops_the_end_of_a_chain() {
        // 0–1–2 close together; 3 close to 2 only, 4 close to 3 only.
        let sim = |a: usize, b: usize| -> f32 {
            let (a, b) = (a.min(b), a.max(b));
            match (a, b) {
                (0, 1) | (0, 2) | (1, 2) => 0.6,
                (2, 3) | (3, 4) => 0.5,
                _ => 0.0,
            }
        };
        let groups = average_link(5, |a, b| sim(a, b) - 0.3);
        assert_eq!(groups, vec![vec![0, 1, 2], vec![3, 4]]);
        // A higher bar leaves the chain's links alone; a bar below nothing
        // takes everything.
        let strict = average_link(5, |a, b| sim(a, b) - 0.55);
        assert_eq!(strict, vec![vec![0, 1, 2], vec![3], vec![4]]);
        let all = average_link(5, |a, b| sim(a, b) + 0.5);
        assert_eq!(all, vec![vec![0, 1, 2, 3, 4]]);
    }
}
