//! Structured averaged perceptron (Collins 2002) over hashed features.
//!
//! Weights are integer update counts, so training is exact and reproducible;
//! averaging uses the usual trick of keeping a second array weighted by the
//! update time (w_avg = w − u / c) instead of summing weights after every
//! sentence.

use super::tags::NUM_TAGS;
use super::viterbi::{viterbi, Emission, Transitions};

/// One training sentence: hashed feature rows per token and gold tags.
#[derive(Clone, Debug, Default)]
pub(crate) struct Instance {
    /// Row indices of all tokens' features, token after token.
    pub feats: Vec<u32>,
    /// Token `k` owns `feats[offs[k]..offs[k + 1]]`; `offs.len() == n + 1`.
    pub offs: Vec<u32>,
    /// Gold tag indices.
    pub gold: Vec<u8>,
}

impl Instance {
    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.gold.len()
    }

    /// Feature rows of token `k`.
    pub(crate) fn token(&self, k: usize) -> &[u32] {
        &self.feats[self.offs[k] as usize..self.offs[k + 1] as usize]
    }
}

/// Averaged weights of a trained stage, as floats.
pub(crate) struct Averaged {
    /// `rows × NUM_TAGS` emission weights.
    pub w: Vec<f32>,
    /// Transition weights (row 0 = start).
    pub trans: [[f32; NUM_TAGS]; NUM_TAGS + 1],
}

/// Perceptron state.
pub(crate) struct Perceptron {
    w: Vec<i32>,
    u: Vec<i64>,
    tw: Transitions,
    tu: [[i64; NUM_TAGS]; NUM_TAGS + 1],
    /// Number of sentences seen plus one (the averaging clock).
    c: i64,
}

impl Perceptron {
    /// A zero model with `rows` feature rows.
    pub(crate) fn new(rows: usize) -> Perceptron {
        Perceptron {
            w: vec![0; rows * NUM_TAGS],
            u: vec![0; rows * NUM_TAGS],
            tw: [[0; NUM_TAGS]; NUM_TAGS + 1],
            tu: [[0; NUM_TAGS]; NUM_TAGS + 1],
            c: 1,
        }
    }

    fn emissions(&self, inst: &Instance, em: &mut Vec<Emission>) {
        em.clear();
        for k in 0..inst.len() {
            let mut e = [0i32; NUM_TAGS];
            for &f in inst.token(k) {
                let row = &self.w[f as usize * NUM_TAGS..(f as usize + 1) * NUM_TAGS];
                for (a, &b) in e.iter_mut().zip(row) {
                    *a += b;
                }
            }
            em.push(e);
        }
    }

    /// Best tags for `inst` under the current (not averaged) weights.
    pub(crate) fn predict(&self, inst: &Instance, em: &mut Vec<Emission>, out: &mut Vec<u8>) {
        self.emissions(inst, em);
        viterbi(em, &self.tw, out);
    }

    /// One pass over `data` in the given order.
    pub(crate) fn epoch(&mut self, data: &[&Instance], order: &[usize]) -> EpochStats {
        let (mut em, mut pred) = (Vec::new(), Vec::new());
        let mut stats = EpochStats::default();
        for &i in order {
            let inst = data[i];
            self.predict(inst, &mut em, &mut pred);
            stats.tokens += inst.len();
            stats.errors += pred.iter().zip(&inst.gold).filter(|(a, b)| a != b).count();
            if pred != inst.gold {
                self.update(inst, &pred);
            }
            self.c += 1;
        }
        stats
    }

    fn bump(&mut self, f: u32, tag: u8, d: i32) {
        let k = f as usize * NUM_TAGS + tag as usize;
        self.w[k] += d;
        self.u[k] += self.c * d as i64;
    }

    fn bump_trans(&mut self, prev: usize, tag: u8, d: i32) {
        self.tw[prev][tag as usize] += d;
        self.tu[prev][tag as usize] += self.c * d as i64;
    }

    fn update(&mut self, inst: &Instance, pred: &[u8]) {
        for k in 0..inst.len() {
            let (g, p) = (inst.gold[k], pred[k]);
            if g != p {
                for &f in inst.token(k) {
                    self.bump(f, g, 1);
                    self.bump(f, p, -1);
                }
            }
            let gp = if k == 0 {
                0
            } else {
                inst.gold[k - 1] as usize + 1
            };
            let pp = if k == 0 { 0 } else { pred[k - 1] as usize + 1 };
            if (gp, g) != (pp, p) {
                self.bump_trans(gp, g, 1);
                self.bump_trans(pp, p, -1);
            }
        }
    }

    /// The averaged weights.
    pub(crate) fn averaged(&self) -> Averaged {
        let c = self.c as f64;
        let w = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (w as f64 - u as f64 / c) as f32)
            .collect();
        let mut trans = [[0f32; NUM_TAGS]; NUM_TAGS + 1];
        for (p, row) in trans.iter_mut().enumerate() {
            for (t, v) in row.iter_mut().enumerate() {
                *v = (self.tw[p][t] as f64 - self.tu[p][t] as f64 / c) as f32;
            }
        }
        Averaged { w, trans }
    }
}

/// Training-set errors in one epoch (before the epoch's updates finish).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct EpochStats {
    /// Tokens seen.
    pub tokens: usize,
    /// Tokens whose predicted tag was wrong.
    pub errors: usize,
}

/// Small deterministic PRNG (xorshift64*) for shuffling.
pub(crate) struct Rng(u64);

impl Rng {
    /// Seeded generator (a zero seed is remapped, xorshift needs non-zero state).
    pub(crate) fn new(seed: u64) -> Rng {
        Rng((seed ^ 0x9e37_79b9_7f4a_7c15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Fisher–Yates shuffle.
    pub(crate) fn shuffle(&mut self, v: &mut [usize]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inst(feats: &[&[u32]], gold: &[u8]) -> Instance {
        let mut i = Instance {
            offs: vec![0],
            ..Instance::default()
        };
        for f in feats {
            i.feats.extend_from_slice(f);
            i.offs.push(i.feats.len() as u32);
        }
        i.gold = gold.to_vec();
        i
    }

    #[test]
    fn learns_a_separable_toy_problem() {
        // Feature 1 = "capitalised name", 2 = "said", 0 = bias.
        let a = inst(&[&[0, 1], &[0, 1], &[0, 2]], &[1, 2, 0]);
        let b = inst(&[&[0, 2], &[0, 1]], &[0, 1]);
        let data = [&a, &b];
        let mut p = Perceptron::new(4);
        for _ in 0..5 {
            p.epoch(&data, &[0, 1]);
        }
        let (mut em, mut out) = (Vec::new(), Vec::new());
        p.predict(&a, &mut em, &mut out);
        assert_eq!(out, a.gold);
        p.predict(&b, &mut em, &mut out);
        assert_eq!(out, b.gold);
        let avg = p.averaged();
        assert!(avg.w[NUM_TAGS + 1] > avg.w[NUM_TAGS]); // row 1: B-PER beats O
    }

    #[test]
    fn shuffle_is_seeded() {
        let mut a: Vec<usize> = (0..20).collect();
        let mut b = a.clone();
        Rng::new(7).shuffle(&mut a);
        Rng::new(7).shuffle(&mut b);
        assert_eq!(a, b);
        assert_ne!(a, (0..20).collect::<Vec<_>>());
    }
}
