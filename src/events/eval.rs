//! Clustering evaluation: B-cubed precision, recall and F1.

use std::collections::BTreeMap;

/// B³ scores, each in `0..=1`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BCubed {
    /// Mean over items of |same predicted ∩ same gold| / |same predicted|.
    pub precision: f64,
    /// Mean over items of |same predicted ∩ same gold| / |same gold|.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

/// B³ (Bagga & Baldwin 1998) of a predicted clustering against gold labels;
/// `gold[i]` and `pred[i]` label item `i`. Empty input scores 0.
pub fn bcubed<G: Ord, P: Ord>(gold: &[G], pred: &[P]) -> BCubed {
    assert_eq!(
        gold.len(),
        pred.len(),
        "one gold and one predicted label per item"
    );
    let n = gold.len();
    if n == 0 {
        return BCubed {
            precision: 0.0,
            recall: 0.0,
            f1: 0.0,
        };
    }
    // Sizes of gold clusters, predicted clusters and their intersections.
    let mut g_size: BTreeMap<&G, usize> = BTreeMap::new();
    let mut p_size: BTreeMap<&P, usize> = BTreeMap::new();
    let mut both: BTreeMap<(&G, &P), usize> = BTreeMap::new();
    for (g, p) in gold.iter().zip(pred) {
        *g_size.entry(g).or_default() += 1;
        *p_size.entry(p).or_default() += 1;
        *both.entry((g, p)).or_default() += 1;
    }
    let (mut prec, mut rec) = (0.0, 0.0);
    for (g, p) in gold.iter().zip(pred) {
        let inter = both[&(g, p)] as f64;
        prec += inter / p_size[p] as f64;
        rec += inter / g_size[g] as f64;
    }
    let (precision, recall) = (prec / n as f64, rec / n as f64);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    BCubed {
        precision,
        recall,
        f1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_clustering_scores_one() {
        let b = bcubed(&["a", "a", "b"], &[7, 7, 3]);
        assert_eq!((b.precision, b.recall, b.f1), (1.0, 1.0, 1.0));
    }

    #[test]
    fn worked_example() {
        // Gold {1,2,3} {4,5}; predicted {1,2} {3,4,5}.
        // Precision: items 1,2 → 1; item 3 → 1/3; items 4,5 → 2/3. Mean = (2 + 1/3 + 4/3) / 5 = 11/15.
        // Recall: items 1,2 → 2/3; item 3 → 1/3; items 4,5 → 1. Mean = (4/3 + 1/3 + 2) / 5 = 11/15.
        let b = bcubed(&[1, 1, 1, 2, 2], &["x", "x", "y", "y", "y"]);
        assert!((b.precision - 11.0 / 15.0).abs() < 1e-12);
        assert!((b.recall - 11.0 / 15.0).abs() < 1e-12);
        assert!((b.f1 - 11.0 / 15.0).abs() < 1e-12);
    }

    #[test]
    fn all_singletons_have_full_precision_low_recall() {
        let b = bcubed(&[1, 1, 1, 1], &[1, 2, 3, 4]);
        assert_eq!(b.precision, 1.0);
        assert_eq!(b.recall, 0.25);
        assert!((b.f1 - 0.4).abs() < 1e-12);
    }
}
