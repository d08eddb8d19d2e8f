//! Boilerplate learnt from the corpus itself: word trigrams that many
//! articles share.
//!
//! Wire templates ("3rd qtr net shr 12 cts vs 10 cts"), sign-offs, datelines
//! and house style repeat the same short word sequences across hundreds of
//! unrelated articles; the words of one happening repeat across a handful.
//! A trigram (numbers folded to `#`, so template slots match) found in more
//! than [`min_df`] articles is boilerplate, and the words it covers count
//! for nothing in clustering. No phrase list: only document frequencies.

use crate::events::tfidf::FxMap;
use std::hash::Hasher;

/// Trigrams of one corpus that are boilerplate.
#[derive(Debug, Default)]
pub struct Boilerplate {
    // Looked up only, never iterated.
    common: FxMap<u64, ()>,
}

/// Articles a trigram must occur in to be boilerplate: grows with the
/// square root of the corpus, so in a small site (where every article may
/// report one event) nothing is, and in a wire archive only phrases used
/// far more often than any one story's are.
pub fn min_df(n_docs: usize) -> usize {
    10.max((2.0 * (n_docs as f64).sqrt()).ceil() as usize)
}

/// Word as compared in trigrams: lowercase, any number is `#`.
fn fold(w: &str) -> &str {
    if w.bytes().any(|b| b.is_ascii_digit()) {
        "#"
    } else {
        w
    }
}

/// Hashes of the trigrams of `words` (already ASCII-lowercased), in order:
/// entry `k` covers words `k..k + 3`.
fn trigrams<'a>(words: &'a [String]) -> impl Iterator<Item = u64> + 'a {
    words.windows(3).map(|w| {
        let mut h = crate::events::tfidf::FxHasher::default();
        for x in w {
            h.write(fold(x).as_bytes());
            h.write_u8(0xff);
        }
        h.finish()
    })
}

/// The distinct trigram hashes of one article's words, sorted.
pub fn doc_trigrams(words: &[String]) -> Vec<u64> {
    let mut seen: Vec<u64> = trigrams(words).collect();
    seen.sort_unstable();
    seen.dedup();
    seen
}

/// Counts one article's distinct trigrams into `df`.
pub fn count_doc(df: &mut FxMap<u64, u32>, seen: &[u64]) {
    for &h in seen {
        *df.entry(h).or_default() += 1;
    }
}

impl Boilerplate {
    /// Learns the boilerplate of a corpus; `docs` yields each article's
    /// lowercased words (title and body).
    pub fn learn(docs: &[Vec<String>]) -> Boilerplate {
        let mut df: FxMap<u64, u32> = FxMap::default();
        for words in docs {
            count_doc(&mut df, &doc_trigrams(words));
        }
        Boilerplate::from_counts(df, docs.len())
    }

    /// The boilerplate of `n_docs` articles whose distinct trigrams were
    /// counted into `df` ([`doc_trigrams`], [`count_doc`]): the same as
    /// [`Boilerplate::learn`], without holding every article's words.
    pub fn from_counts(df: FxMap<u64, u32>, n_docs: usize) -> Boilerplate {
        let min = min_df(n_docs) as u32;
        Boilerplate {
            common: df
                .into_iter()
                .filter(|&(_, n)| n >= min)
                .map(|(h, _)| (h, ()))
                .collect(),
        }
    }

    /// The boilerplate trigram hashes, sorted (to persist them).
    pub fn hashes(&self) -> Vec<u64> {
        let mut v: Vec<u64> = self.common.keys().copied().collect();
        v.sort_unstable();
        v
    }

    /// The boilerplate [`Boilerplate::hashes`] listed.
    pub fn from_hashes(hashes: &[u64]) -> Boilerplate {
        Boilerplate {
            common: hashes.iter().map(|&h| (h, ())).collect(),
        }
    }

    /// Which of `words` a boilerplate trigram covers.
    pub fn mask(&self, words: &[String]) -> Vec<bool> {
        let mut out = vec![false; words.len()];
        if self.common.is_empty() {
            return out;
        }
        for (k, h) in trigrams(words).enumerate() {
            if self.common.contains_key(&h) {
                out[k..k + 3].iter_mut().for_each(|m| *m = true);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn a_template_shared_by_many_articles_is_masked_its_slots_differ() {
        let n = 40;
        let mut docs: Vec<Vec<String>> = (0..n)
            .map(|k| {
                let firm = (b'a' + (k % 26) as u8) as char;
                words(&format!("firm{firm} qtr net shr {k} cts vs {} cts", k + 1))
            })
            .collect();
        docs.push(words("storm floods velmora harbour"));
        let bp = Boilerplate::learn(&docs);
        let m = bp.mask(&docs[3]);
        // "firmd" starts no common trigram: it stays; the template goes.
        assert_eq!(m, [vec![false], vec![true; 8]].concat());
        assert!(bp.mask(&docs[n]).iter().all(|&x| !x));
    }

    #[test]
    fn a_small_site_has_no_boilerplate() {
        let docs: Vec<Vec<String>> = (0..5).map(|_| words("talks in riyadh began")).collect();
        assert!(Boilerplate::learn(&docs).mask(&docs[0]).iter().all(|&x| !x));
        assert_eq!(min_df(19_043), 276);
    }
}
