//! First-order Viterbi decoding over BIO tags, with the BIO constraint
//! (`I-X` only after `B-X`/`I-X`) built in.

use super::tags::NUM_TAGS;

/// Emission scores of one token, one per tag.
pub(crate) type Emission = [i32; NUM_TAGS];

/// Transition scores: row 0 is "sentence start", row `p + 1` is previous tag `p`.
pub(crate) type Transitions = [[i32; NUM_TAGS]; NUM_TAGS + 1];

/// Whether tag index `cur` may follow `prev` (`None` = start). Tag indices:
/// 0 = O, odd = B-X, even > 0 = I-X with its B-X one below.
#[inline]
pub(crate) fn allowed(prev: Option<usize>, cur: usize) -> bool {
    if cur == 0 || cur % 2 == 1 {
        return true;
    }
    matches!(prev, Some(p) if p == cur || p + 1 == cur)
}

/// Best tag sequence (tag indices) for `em` under `trans`. Ties go to the
/// lower tag index, so decoding is deterministic.
pub(crate) fn viterbi(em: &[Emission], trans: &Transitions, out: &mut Vec<u8>) {
    out.clear();
    let n = em.len();
    if n == 0 {
        return;
    }
    const NEG: i64 = i64::MIN / 4;
    let mut back: Vec<[u8; NUM_TAGS]> = vec![[0; NUM_TAGS]; n];
    let mut score = [NEG; NUM_TAGS];
    for (t, s) in score.iter_mut().enumerate() {
        if allowed(None, t) {
            *s = trans[0][t] as i64 + em[0][t] as i64;
        }
    }
    for i in 1..n {
        let mut next = [NEG; NUM_TAGS];
        for (t, nx) in next.iter_mut().enumerate() {
            let (mut best, mut arg) = (NEG, 0u8);
            for (p, &sp) in score.iter().enumerate() {
                if sp == NEG || !allowed(Some(p), t) {
                    continue;
                }
                let v = sp + trans[p + 1][t] as i64;
                if v > best {
                    best = v;
                    arg = p as u8;
                }
            }
            if best > NEG {
                *nx = best + em[i][t] as i64;
                back[i][t] = arg;
            }
        }
        score = next;
    }
    let mut last = 0;
    for t in 1..NUM_TAGS {
        if score[t] > score[last] {
            last = t;
        }
    }
    out.resize(n, 0);
    out[n - 1] = last as u8;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i] as usize];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hand-made two-token model: emissions alone prefer O then I-PER
    /// (illegal); the constraint and transitions must pick B-PER I-PER.
    #[test]
    fn respects_constraints_and_transitions() {
        let mut em = [[0; NUM_TAGS]; 2];
        em[0][0] = 5; // O
        em[0][1] = 4; // B-PER
        em[1][2] = 10; // I-PER
        em[1][0] = 3; // O
        let trans: Transitions = [[0; NUM_TAGS]; NUM_TAGS + 1];
        let mut out = Vec::new();
        viterbi(&em, &trans, &mut out);
        assert_eq!(out, vec![1, 2]); // 4 + 10 beats 5 + 3
    }

    #[test]
    fn transitions_can_flip_a_decision() {
        let mut em = [[0; NUM_TAGS]; 2];
        em[0][1] = 5; // B-PER
        em[1][1] = 3; // B-PER
        em[1][0] = 2; // O
        let mut trans: Transitions = [[0; NUM_TAGS]; NUM_TAGS + 1];
        let mut out = Vec::new();
        viterbi(&em, &trans, &mut out);
        assert_eq!(out, vec![1, 1]);
        trans[1 + 1][1] = -5; // B-PER → B-PER is penalised
        viterbi(&em, &trans, &mut out);
        assert_eq!(out, vec![1, 0]);
    }

    #[test]
    fn bio_constraint_by_index() {
        use crate::nlp::ner::tags::{EntityType, Tag};
        let idx = |t: Tag| t.index();
        let per = EntityType::Per;
        assert!(!allowed(None, idx(Tag::I(per))));
        assert!(!allowed(Some(idx(Tag::O)), idx(Tag::I(per))));
        assert!(!allowed(
            Some(idx(Tag::B(EntityType::Org))),
            idx(Tag::I(per))
        ));
        assert!(!allowed(
            Some(idx(Tag::I(EntityType::Misc))),
            idx(Tag::I(per))
        ));
        assert!(allowed(Some(idx(Tag::B(per))), idx(Tag::I(per))));
        assert!(allowed(Some(idx(Tag::I(per))), idx(Tag::I(per))));
        assert!(allowed(Some(idx(Tag::I(per))), idx(Tag::B(per))));
        assert!(allowed(None, idx(Tag::B(EntityType::Misc))));
    }

    #[test]
    fn empty_and_single() {
        let trans: Transitions = [[0; NUM_TAGS]; NUM_TAGS + 1];
        let mut out = vec![9];
        viterbi(&[], &trans, &mut out);
        assert!(out.is_empty());
        let mut em = [[0; NUM_TAGS]; 1];
        em[0][2] = 100; // I-PER cannot start a sentence
        em[0][3] = 1;
        viterbi(&em, &trans, &mut out);
        assert_eq!(out, vec![3]);
    }
}
