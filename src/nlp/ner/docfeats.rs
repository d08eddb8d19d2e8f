//! Document-level consistency: stage-2 features built from what stage 1
//! tagged elsewhere in the same document.
//!
//! A name is usually tagged alike throughout an article; "Clinton" after
//! "Bill Clinton" is a person even in a headline ("CLINTON SAYS …"), so the
//! second pass sees, for each capitalised token, how the other occurrences of
//! the same (lower-cased) word were tagged, and the stage-1 tag itself.

use super::features::{mix, BuildIdentity, FeatBuf, Lex, ALL_CAPS, HAS_ALPHA, INIT_CAP};
use std::collections::HashMap;

/// Entity-type slot of a tag index: 0 = O, 1..=4 = PER, ORG, LOC, MISC.
#[inline]
fn slot(tag: u8) -> usize {
    (tag as usize).div_ceil(2)
}

const B_PER: u8 = 1;
const I_PER: u8 = 2;

/// Whether token `k` is inside a stage-1 person name of two or more tokens.
fn in_multi_per(tags: &[u8], k: usize) -> bool {
    tags[k] == I_PER || (tags[k] == B_PER && tags.get(k + 1) == Some(&I_PER))
}

/// Whether a token takes part in document consistency (names are capitalised).
#[inline]
fn is_capitalised(l: &Lex) -> bool {
    l.flags & HAS_ALPHA != 0 && l.flags & (INIT_CAP | ALL_CAPS) != 0
}

#[derive(Clone, Copy, Default)]
struct Counts {
    by_slot: [u16; 5],
    multi_per: u16,
}

/// Stage-1 tag counts per capitalised word of a document.
pub(crate) struct DocLabels {
    map: HashMap<u64, Counts, BuildIdentity>,
}

impl DocLabels {
    /// Counts the stage-1 tags of a document (`tags[s][k]` for token `k` of sentence `s`).
    pub(crate) fn new(lexes: &[Vec<Lex>], tags: &[Vec<u8>]) -> DocLabels {
        let mut map: HashMap<u64, Counts, BuildIdentity> = HashMap::with_hasher(BuildIdentity);
        for (sent, st) in lexes.iter().zip(tags) {
            for (k, l) in sent.iter().enumerate() {
                if !is_capitalised(l) {
                    continue;
                }
                let c = map.entry(l.lower).or_default();
                // Saturating: an article repeating one word 65,536 times must not panic.
                c.by_slot[slot(st[k])] = c.by_slot[slot(st[k])].saturating_add(1);
                c.multi_per = c.multi_per.saturating_add(in_multi_per(st, k) as u16);
            }
        }
        DocLabels { map }
    }

    /// Appends stage-2 features of token `k` (whose sentence's stage-1 tags
    /// are `tags`) to `out`. Its own occurrence is left out of the counts.
    pub(crate) fn features(&self, l: &Lex, tags: &[u8], k: usize, out: &mut FeatBuf) {
        let own = tags[k];
        out.push(50, own as u64);
        out.push(51, mix(own as u64, l.shape));
        if !is_capitalised(l) {
            return;
        }
        let mut c = self.map.get(&l.lower).copied().unwrap_or_default();
        c.by_slot[slot(own)] = c.by_slot[slot(own)].saturating_sub(1);
        let own_multi = in_multi_per(tags, k);
        c.multi_per = c.multi_per.saturating_sub(own_multi as u16);
        let total: u32 = c.by_slot.iter().map(|&n| n as u32).sum();
        if total == 0 {
            out.push(52, 99);
            return;
        }
        let mut maj = 0;
        for s in 1..5 {
            if c.by_slot[s] > c.by_slot[maj] {
                maj = s;
            }
        }
        out.push(52, maj as u64);
        out.push(53, mix(maj as u64, slot(own) as u64));
        let share = (c.by_slot[maj] as u32 * 4 / total) as u64;
        out.push(54, mix(maj as u64, share));
        for s in 1..5 {
            if c.by_slot[s] > 0 {
                out.push(55, s as u64);
            }
        }
        if c.multi_per > 0 {
            out.push(56, own_multi as u64);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::features::lex;
    use super::*;

    #[test]
    fn other_occurrences_drive_features() {
        // "Bill Clinton spoke ." / "CLINTON WINS" — stage 1 got the first right
        // and missed the headline.
        let s1: Vec<Lex> = ["Bill", "Clinton", "spoke", "."]
            .iter()
            .map(|w| lex(w))
            .collect();
        let s2: Vec<Lex> = ["CLINTON", "WINS"].iter().map(|w| lex(w)).collect();
        let tags = vec![vec![1, 2, 0, 0], vec![0, 0]];
        let d = DocLabels::new(&[s1.clone(), s2.clone()], &tags);
        let mut head = FeatBuf::new();
        d.features(&s2[0], &tags[1], 0, &mut head);
        let mut alone = FeatBuf::new();
        let d0 = DocLabels::new(std::slice::from_ref(&s2), &tags[1..]);
        d0.features(&s2[0], &tags[1], 0, &mut alone);
        // Seen as a person elsewhere: majority PER, multi-token PER evidence.
        let mut expect = FeatBuf::new();
        expect.push(52, 1);
        assert!(head.h[..head.n].contains(&expect.h[0]));
        // Alone in its document: only the "no other occurrence" marker.
        let mut none = FeatBuf::new();
        none.push(52, 99);
        assert!(alone.h[..alone.n].contains(&none.h[0]));
        assert!(head.n > alone.n);
        // Lower-case words get only the stacked stage-1 tag features.
        let mut f = FeatBuf::new();
        d.features(&s1[2], &tags[0], 2, &mut f);
        assert_eq!(f.n, 2);
    }
}
