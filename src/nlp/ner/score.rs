//! Entity-level scoring, conlleval-style: an entity counts as correct only
//! when its span and type both match exactly.

use super::tags::{entities, EntityType, Tag};
use std::fmt;

/// Counts for one entity type (or all of them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Entities in the gold data.
    pub gold: usize,
    /// Entities predicted.
    pub predicted: usize,
    /// Predicted entities that match a gold one exactly.
    pub correct: usize,
}

impl Counts {
    /// correct / predicted (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    /// correct / gold (0 when there is no gold entity).
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.correct += o.correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Counts for one entity type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeScore {
    /// The type.
    pub kind: EntityType,
    /// Its counts.
    pub counts: Counts,
}

/// Precision / recall / F1 per type and overall.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    /// One entry per type, in `EntityType::ALL` order.
    pub types: Vec<TypeScore>,
    /// Tokens scored.
    pub tokens: usize,
}

impl Default for Score {
    fn default() -> Score {
        Score {
            types: EntityType::ALL
                .iter()
                .map(|&kind| TypeScore {
                    kind,
                    counts: Counts::default(),
                })
                .collect(),
            tokens: 0,
        }
    }
}

impl Score {
    /// Scores one sentence (`gold` and `pred` in IOB1 or BIO, same length).
    pub fn add_sentence(&mut self, gold: &[Tag], pred: &[Tag]) {
        assert_eq!(
            gold.len(),
            pred.len(),
            "gold and predicted tag counts differ"
        );
        self.tokens += gold.len();
        let g = entities(gold);
        let p = entities(pred);
        for ts in &mut self.types {
            let gk = g.iter().filter(|e| e.kind == ts.kind).count();
            let pk = p.iter().filter(|e| e.kind == ts.kind).count();
            let ck = p
                .iter()
                .filter(|e| e.kind == ts.kind && g.contains(e))
                .count();
            ts.counts.add(Counts {
                gold: gk,
                predicted: pk,
                correct: ck,
            });
        }
    }

    /// Counts for one type.
    pub fn get(&self, kind: EntityType) -> Counts {
        self.types
            .iter()
            .find(|t| t.kind == kind)
            .map(|t| t.counts)
            .unwrap_or_default()
    }

    /// Counts over all types.
    pub fn overall(&self) -> Counts {
        let mut c = Counts::default();
        for t in &self.types {
            c.add(t.counts);
        }
        c
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<8}{:>8}{:>8}{:>8}{:>8}{:>8}{:>8}",
            "type", "gold", "pred", "correct", "P", "R", "F1"
        )?;
        let rows = self.types.iter().map(|t| (t.kind.as_str(), t.counts));
        for (name, c) in rows.chain(std::iter::once(("overall", self.overall()))) {
            writeln!(
                f,
                "{:<8}{:>8}{:>8}{:>8}{:>8.4}{:>8.4}{:>8.4}",
                name,
                c.gold,
                c.predicted,
                c.correct,
                c.precision(),
                c.recall(),
                c.f1()
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<Tag> {
        s.split_whitespace()
            .map(|t| Tag::parse(t).unwrap())
            .collect()
    }

    #[test]
    fn exact_match_only() {
        let mut s = Score::default();
        // Gold: PER(0..2), LOC(3..4). Pred: PER(0..1) (wrong span), LOC(3..4).
        s.add_sentence(&tags("I-PER I-PER O I-LOC"), &tags("B-PER O O B-LOC"));
        let per = s.get(EntityType::Per);
        assert_eq!(
            per,
            Counts {
                gold: 1,
                predicted: 1,
                correct: 0
            }
        );
        assert_eq!(s.get(EntityType::Loc).f1(), 1.0);
        let all = s.overall();
        assert_eq!((all.gold, all.predicted, all.correct), (2, 2, 1));
        assert!((all.f1() - 0.5).abs() < 1e-9);
        assert!(s.to_string().contains("PER"));
    }

    #[test]
    fn type_must_match() {
        let mut s = Score::default();
        s.add_sentence(&tags("I-ORG"), &tags("B-PER"));
        assert_eq!(s.get(EntityType::Per).precision(), 0.0);
        assert_eq!(s.get(EntityType::Org).recall(), 0.0);
        assert_eq!(Counts::default().f1(), 0.0);
    }
}
