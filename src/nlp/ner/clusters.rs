//! Word clusters learned from unlabelled news text, a feature that carries
//! over to names the labelled data never saw: a surname the tagger has not
//! met still lands in the cluster of words that stand where surnames stand
//! ("… said", "Mr …"), a company in the cluster of words before "Corp".
//!
//! Learning is spherical k-means over context vectors: for each frequent
//! word (case kept), the counts of the most frequent lower-cased words just
//! before and just after it, square-rooted and normalised. 256 fine clusters
//! are then grouped into 32 coarse ones (k-means over the centroids), which
//! the features use like the prefixes of Brown clusters. Everything is
//! integer-seeded and sorted, so the same text gives the same file.
//!
//! File layout (little-endian): magic `BRIEFCLU`, version, fine-cluster
//! count, coarse id per fine cluster (u8 each), entry count, then sorted
//! `u64 word hash, u8 fine cluster` entries, FNV-1a checksum.

use super::features::{lex, BuildIdentity};
use crate::nlp::tokens::tokenize;
use std::collections::HashMap;
use std::sync::OnceLock;

const MAGIC: &[u8; 8] = b"BRIEFCLU";
const VERSION: u32 = 1;

/// Clusters of words, keyed by the case-kept word hash (`Lex::word`).
#[derive(Debug, Default)]
pub(crate) struct Clusters {
    map: HashMap<u64, u8, BuildIdentity>,
    coarse: Vec<u8>,
}

impl Clusters {
    /// `(fine + 1, coarse + 1)` for a word (case-kept hash first, then the
    /// lower-case hash, so "THE" finds "the"); `(0, 0)` when unknown.
    #[inline]
    pub(crate) fn get(&self, word: u64, lower: u64) -> (u16, u8) {
        match self.map.get(&word).or_else(|| self.map.get(&lower)) {
            Some(&f) => (f as u16 + 1, self.coarse[f as usize] + 1),
            None => (0, 0),
        }
    }

    /// Number of words with a cluster.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }

    /// Reads a file written by [`learn`].
    pub(crate) fn decode(b: &[u8]) -> Result<Clusters, String> {
        if b.len() < 24 || &b[..8] != MAGIC {
            return Err("not a briefing word-cluster file (expected magic BRIEFCLU)".into());
        }
        let (body, sum) = b.split_at(b.len() - 8);
        if fnv1a(body).to_le_bytes() != sum {
            return Err("word-cluster file checksum mismatch: file is damaged".into());
        }
        let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]) as usize;
        if u32_at(8) != VERSION as usize {
            return Err(format!(
                "word-cluster file version {} (expected {VERSION})",
                u32_at(8)
            ));
        }
        let k = u32_at(12);
        let coarse = body
            .get(16..16 + k)
            .ok_or("word-cluster file truncated")?
            .to_vec();
        let n = u32_at(16 + k);
        let entries = body.get(20 + k..).ok_or("word-cluster file truncated")?;
        if entries.len() != n * 9 || coarse.iter().any(|&c| c as usize >= k) {
            return Err("word-cluster file truncated or inconsistent".into());
        }
        let mut map = HashMap::with_capacity_and_hasher(n, BuildIdentity);
        for e in entries.chunks_exact(9) {
            let mut h = [0u8; 8];
            h.copy_from_slice(&e[..8]);
            if e[8] as usize >= k {
                return Err("word-cluster file has an entry outside its clusters".into());
            }
            map.insert(u64::from_le_bytes(h), e[8]);
        }
        Ok(Clusters { map, coarse })
    }
}

static EMBEDDED: &[u8] = include_bytes!("../../../models/clusters.bin");
static SHIPPED: OnceLock<Result<Clusters, String>> = OnceLock::new();

/// The clusters shipped in the binary (`models/clusters.bin`).
pub(crate) fn shipped() -> Result<&'static Clusters, String> {
    SHIPPED
        .get_or_init(|| Clusters::decode(EMBEDDED).map_err(|e| format!("models/clusters.bin: {e}")))
        .as_ref()
        .map_err(Clone::clone)
}

/// Settings of [`learn`].
#[derive(Clone, Debug)]
pub struct ClusterOptions {
    /// Most words given a cluster (the most frequent ones).
    pub vocab: usize,
    /// Fewest occurrences for a word to get a cluster.
    pub min_count: u32,
    /// Context words (most frequent lower-cased words) per side.
    pub context: usize,
    /// Fine clusters (at most 256).
    pub fine: usize,
    /// Coarse clusters.
    pub coarse: usize,
    /// k-means iterations.
    pub iterations: usize,
}

impl Default for ClusterOptions {
    fn default() -> ClusterOptions {
        ClusterOptions {
            vocab: 40_000,
            min_count: 3,
            context: 600,
            fine: 256,
            coarse: 32,
            iterations: 12,
        }
    }
}

/// Learns clusters from unlabelled texts (one string per document; lines
/// are tokenised separately) and returns the file's bytes.
pub fn learn(texts: &[String], opts: &ClusterOptions) -> Vec<u8> {
    let lines: Vec<Vec<&str>> = texts
        .iter()
        .flat_map(|t| t.lines())
        .map(|l| tokenize(l).into_iter().map(|t| t.text).collect::<Vec<_>>())
        .filter(|l| !l.is_empty())
        .collect();
    let vocab = top_words(lines.iter().flatten().copied(), opts.vocab, opts.min_count);
    let ctx_words = top_words(
        lines
            .iter()
            .flatten()
            .map(|w| w.to_lowercase())
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
        opts.context,
        1,
    );
    let vectors = context_vectors(&lines, &vocab, &ctx_words);
    let dims = 2 * (ctx_words.len() + 1);
    let fine = kmeans(&vectors, dims, opts.fine.min(256), opts.iterations);
    let centroids = centroids(&vectors, &fine.assign, fine.k, dims);
    let as_sparse: Vec<Vec<(u32, f32)>> = centroids
        .iter()
        .map(|c| {
            c.iter()
                .enumerate()
                .filter(|(_, &v)| v != 0.0)
                .map(|(i, &v)| (i as u32, v))
                .collect()
        })
        .collect();
    let coarse = kmeans(&as_sparse, dims, opts.coarse.min(fine.k), opts.iterations);
    encode(&vocab, &fine.assign, fine.k, &coarse.assign)
}

/// The `n` most frequent words with at least `min` occurrences, most
/// frequent first (ties alphabetical).
fn top_words<'a>(words: impl Iterator<Item = &'a str>, n: usize, min: u32) -> Vec<String> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for w in words {
        *counts.entry(w).or_insert(0) += 1;
    }
    let mut v: Vec<(&str, u32)> = counts.into_iter().filter(|&(_, c)| c >= min).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v.into_iter().take(n).map(|(w, _)| w.to_string()).collect()
}

/// Square-rooted, unit-length left/right context counts per vocabulary word.
fn context_vectors(lines: &[Vec<&str>], vocab: &[String], ctx: &[String]) -> Vec<Vec<(u32, f32)>> {
    let vi: HashMap<&str, usize> = vocab
        .iter()
        .enumerate()
        .map(|(i, w)| (w.as_str(), i))
        .collect();
    let ci: HashMap<&str, u32> = ctx
        .iter()
        .enumerate()
        .map(|(i, w)| (w.as_str(), i as u32))
        .collect();
    let other = ctx.len() as u32;
    let side = other + 1;
    let mut counts: Vec<HashMap<u32, u32>> = vec![HashMap::new(); vocab.len()];
    for line in lines {
        let lowers: Vec<String> = line.iter().map(|w| w.to_lowercase()).collect();
        let dim = |j: Option<usize>| match j {
            Some(j) => ci.get(lowers[j].as_str()).copied().unwrap_or(other),
            None => other,
        };
        for (i, w) in line.iter().enumerate() {
            let Some(&v) = vi.get(w) else { continue };
            let left = dim(i.checked_sub(1));
            let right = dim((i + 1 < line.len()).then_some(i + 1));
            *counts[v].entry(left).or_insert(0) += 1;
            *counts[v].entry(side + right).or_insert(0) += 1;
        }
    }
    counts
        .into_iter()
        .map(|m| {
            let mut v: Vec<(u32, f32)> =
                m.into_iter().map(|(d, c)| (d, (c as f32).sqrt())).collect();
            v.sort_by_key(|&(d, _)| d);
            let norm = v.iter().map(|&(_, x)| x * x).sum::<f32>().sqrt().max(1e-9);
            v.iter_mut().for_each(|x| x.1 /= norm);
            v
        })
        .collect()
}

struct KMeans {
    k: usize,
    assign: Vec<u8>,
}

/// Spherical k-means (cosine), seeded with evenly spaced items.
fn kmeans(items: &[Vec<(u32, f32)>], dims: usize, k: usize, iterations: usize) -> KMeans {
    let k = k.min(items.len()).max(1);
    let mut assign: Vec<u8> = (0..items.len())
        .map(|i| (i * k / items.len().max(1)) as u8)
        .collect();
    let mut cents: Vec<Vec<f32>> = (0..k)
        .map(|c| {
            let mut v = vec![0f32; dims];
            for &(d, x) in &items[c * items.len() / k] {
                v[d as usize] = x;
            }
            v
        })
        .collect();
    for _ in 0..iterations {
        for (i, item) in items.iter().enumerate() {
            let mut best = (f32::MIN, 0usize);
            for (c, cent) in cents.iter().enumerate() {
                let s: f32 = item.iter().map(|&(d, x)| x * cent[d as usize]).sum();
                if s > best.0 {
                    best = (s, c);
                }
            }
            assign[i] = best.1 as u8;
        }
        let fresh = centroids(items, &assign, k, dims);
        // An emptied cluster keeps its old centre.
        for (c, f) in fresh.into_iter().enumerate() {
            if f.iter().any(|&x| x != 0.0) {
                cents[c] = f;
            }
        }
    }
    KMeans { k, assign }
}

/// Unit-length mean vector of each cluster (all zero when empty).
fn centroids(items: &[Vec<(u32, f32)>], assign: &[u8], k: usize, dims: usize) -> Vec<Vec<f32>> {
    let mut cents = vec![vec![0f32; dims]; k];
    for (item, &a) in items.iter().zip(assign) {
        for &(d, x) in item {
            cents[a as usize][d as usize] += x;
        }
    }
    for c in &mut cents {
        let norm = c.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            c.iter_mut().for_each(|x| *x /= norm);
        }
    }
    cents
}

fn encode(vocab: &[String], fine: &[u8], k: usize, coarse: &[u8]) -> Vec<u8> {
    // Words that normalise to one hash ("’s", "'s") keep the more frequent
    // word's cluster: the vocabulary is in frequency order.
    let mut seen: HashMap<u64, u8> = HashMap::new();
    for (w, &f) in vocab.iter().zip(fine) {
        seen.entry(lex(w).word).or_insert(f);
    }
    let mut entries: Vec<(u64, u8)> = seen.into_iter().collect();
    entries.sort_unstable();
    let mut out = Vec::with_capacity(24 + k + entries.len() * 9);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(k as u32).to_le_bytes());
    out.extend_from_slice(&coarse[..k]);
    out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    for (h, f) in entries {
        out.extend_from_slice(&h.to_le_bytes());
        out.push(f);
    }
    let sum = fnv1a(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

fn fnv1a(b: &[u8]) -> u64 {
    b.iter().fold(0xcbf2_9ce4_8422_2325, |h, &x| {
        (h ^ x as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_like_contexts_share_a_cluster() {
        let mut texts = Vec::new();
        for (i, name) in ["Okafor", "Lindqvist", "Mensah", "Duarte"]
            .iter()
            .enumerate()
        {
            for town in ["Oslo", "Accra", "Porto", "Lagos"] {
                texts.push(format!(
                    "Mr {name} said on Monday that he would visit {town} soon ."
                ));
                texts.push(format!("In {town} , {name} said the plan was good ({i}) ."));
            }
        }
        let opts = ClusterOptions {
            fine: 4,
            coarse: 2,
            min_count: 1,
            ..ClusterOptions::default()
        };
        let bytes = learn(&texts, &opts);
        assert_eq!(bytes, learn(&texts, &opts), "deterministic");
        let c = Clusters::decode(&bytes).unwrap();
        let id = |w: &str| c.get(lex(w).word, lex(w).lower);
        assert_ne!(id("Okafor").0, 0);
        assert_eq!(id("Okafor"), id("Mensah"));
        assert_eq!(id("Oslo"), id("Lagos"));
        assert_ne!(id("Okafor"), id("Oslo"));
        assert_eq!(id("Zebedee"), (0, 0));
        let mut bad = bytes.clone();
        bad[30] ^= 1;
        assert!(Clusters::decode(&bad).unwrap_err().contains("checksum"));
        assert!(Clusters::decode(b"nonsense").is_err());
    }

    #[test]
    fn shipped_clusters_load() {
        assert!(shipped().unwrap().len() > 1000);
    }
}
