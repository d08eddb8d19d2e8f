//! Per-article features for clustering: TF-IDF vector, index keys, names.

use crate::events::cluster::{ClusterDoc, Params};
use crate::events::tfidf::{self, Part, SparseVec, TermId, Vocab};
use std::collections::HashSet;

/// Prepared features of one article.
pub(crate) struct Features {
    /// TF-IDF of title and body (unit length).
    pub vector: SparseVec,
    /// Index keys (heaviest terms, names) with their weights.
    pub keys: SparseVec,
    /// Name keys, one per distinct name.
    pub names: Vec<NameKeys>,
    /// Places, lowercased.
    pub places: Vec<String>,
    /// Position in visiting order.
    pub pos: usize,
    /// Nearest articles over the whole corpus (positions, sorted).
    pub neighbours: Vec<usize>,
}

/// The keys of one name: the whole name and its last word, so that
/// "Sergei Lavrov" and a later "Lavrov" meet.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NameKeys {
    pub full: TermId,
    pub last: TermId,
}

/// Name keys live in the term vocabulary under a prefix no word can have.
fn name_terms(name: &str) -> Option<(String, String)> {
    let words: Vec<String> = tfidf::terms(name)
        .into_iter()
        .filter(|w| w.len() > 1)
        .collect();
    let last = words.last()?.clone();
    Some((format!("#{}", words.join(" ")), format!("#{last}")))
}

/// Counts terms, builds the vocabulary (document frequencies over the whole
/// corpus) and each article's vector and keys. `order` is the visiting
/// order, which fixes term ids and so every tie-break downstream.
pub(crate) fn featurize(
    docs: &[ClusterDoc],
    order: &[usize],
    p: &Params,
) -> (Vocab, Vec<Features>) {
    let mut vocab = Vocab::default();
    let mut counts = vec![Vec::new(); docs.len()];
    let mut names = vec![Vec::new(); docs.len()];
    for &i in order {
        let d = &docs[i];
        let parts = [
            Part {
                text: &d.title,
                weight: p.title_weight,
                proper: p.title_weight,
            },
            Part {
                text: &d.text,
                weight: 1,
                proper: p.proper_weight,
            },
        ];
        counts[i] = tfidf::count_terms(&mut vocab, &parts);
        let mut seen_terms: Vec<TermId> = counts[i].iter().map(|e| e.0).collect();
        let mut seen = HashSet::new();
        for n in &d.names {
            if let Some((full, last)) = name_terms(n) {
                let k = NameKeys {
                    full: vocab.intern(&full),
                    last: vocab.intern(&last),
                };
                if seen.insert(k.full) {
                    seen_terms.extend([k.full, k.last]);
                    names[i].push(k);
                }
            }
        }
        seen_terms.sort_unstable();
        seen_terms.dedup();
        vocab.add_doc(&seen_terms);
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
            let names = std::mem::take(&mut names[i]);
            Features {
                vector,
                keys,
                names,
                places,
                pos: 0,
                neighbours: Vec::new(),
            }
        })
        .collect();
    (vocab, feats)
}
