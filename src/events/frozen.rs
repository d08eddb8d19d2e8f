//! A frozen background for event clustering, and each article's features
//! kept between builds.
//!
//! Clustering weighs terms by corpus statistics: document frequencies
//! (IDF) and the boilerplate trigrams of [`super::boilerplate`]. Learnt
//! from the whole corpus on every build, they make every article's vector
//! depend on every other article, so one new article re-featurises the
//! corpus and can flip decisions months away. Instead a build keeps the
//! statistics it learnt, the *background*, in `.briefing/background.bin`
//! and learns them again only in steps: when the articles have changed (added,
//! edited or removed, counted by their title and text) by more than one
//! [`REFRESH_SHARE`] of the articles the background was learnt from, or
//! when the code or the clustering parameters changed. Between steps:
//! - a term the background has not seen gets an id hashed from the term
//!   ([`tfidf::unseen_id`]) and document frequency 0, so it carries no
//!   TF-IDF weight (as a term seen once never does) but still identifies a
//!   name or a ticker;
//! - an article's features are a function of the article, its names and the
//!   background only, so they are kept in `.briefing/cache/features.bin`
//!   and only new or edited articles are split, stemmed and counted.
//!
//! What a clean build means: a build without caches but with the site's
//! state files (`.briefing/addresses.json`, `.briefing/background.bin`)
//! gives the same site as the incremental builds that led there. With no
//! background file a build learns it from the corpus, which is what every
//! build did before the background was frozen (byte-identical output).

use super::boilerplate::Boilerplate;
use super::cluster::ClusterDoc;
use super::features::{self, Features};
use super::heads::CaseEvidence;
use super::params::Params;
use super::tfidf::{self, Vocab};
use crate::cache::Memo;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The background, relative to the site root: state, like the address book.
pub const BACKGROUND_FILE: &str = ".briefing/background.bin";

/// The per-article feature memo, relative to the site root.
pub const FEATURES_FILE: &str = ".briefing/cache/features.bin";

/// The background is learnt again once more than `1 / REFRESH_SHARE` of its
/// articles changed.
pub const REFRESH_SHARE: usize = 8;

const FORMAT: u32 = 2;

/// What the background file holds.
#[derive(Serialize, Deserialize)]
struct Stored {
    format: u32,
    /// [`crate::cache::code_fingerprint`] of the build that learnt it.
    fingerprint: String,
    /// Hash of the clustering parameters it was learnt with.
    params: u128,
    /// Terms in id order with their document frequencies.
    terms: Vec<(String, u32)>,
    n_docs: u32,
    /// Boilerplate trigram hashes.
    boiler: Vec<u64>,
    /// Case evidence of each term ([`CaseEvidence::counts`]), in id order.
    case: Vec<(u32, u32)>,
    /// Text keys ([`text_key`]) of the articles it was learnt from, sorted.
    docs: Vec<u128>,
}

/// The background in use by one build.
struct Background {
    vocab: Option<Vocab>,
    boiler: Boilerplate,
    case: CaseEvidence,
    /// Identifies this background in feature memo keys.
    id: u128,
}

/// The background and feature memo of a site.
pub struct Frozen {
    stored: Option<Stored>,
    /// Encoding of a background learnt by this build, to save.
    learnt: Option<Vec<u8>>,
    pub(crate) features: Memo<Features>,
    /// Why this build learnt the background, when it did.
    pub refreshed: Option<&'static str>,
}

impl Frozen {
    /// No background and no memo: the build learns both (a build without
    /// state).
    pub fn empty() -> Frozen {
        Frozen {
            stored: None,
            learnt: None,
            features: Memo::empty(FEATURES_FILE),
            refreshed: None,
        }
    }

    /// The background and memo of the site at `root`; missing or unreadable
    /// files mean none.
    pub fn load(root: &Path) -> Frozen {
        let stored = std::fs::read(root.join(BACKGROUND_FILE))
            .ok()
            .and_then(|b| bincode::deserialize::<Stored>(&b).ok())
            .filter(|s| s.format == FORMAT);
        Frozen {
            stored,
            features: Memo::load(root, FEATURES_FILE),
            ..Frozen::empty()
        }
    }

    /// Writes the background (if this build learnt it) and the memo.
    pub fn save(&self, root: &Path) -> std::io::Result<()> {
        if let Some(bytes) = &self.learnt {
            let path = root.join(BACKGROUND_FILE);
            std::fs::create_dir_all(path.parent().expect("background path has a parent"))?;
            let tmp = path.with_extension("bin.tmp");
            std::fs::write(&tmp, bytes)?;
            std::fs::rename(tmp, path)?;
        }
        self.features.save(root)
    }

    /// Features of `docs` (visited in `order`) and the vocabulary they use:
    /// against the kept background while it is fresh enough, else learnt
    /// from `docs`, which then become the background. Also gives each
    /// article's feature memo key (input order), which says everything the
    /// features were made from (see [`crate::events::replay`]).
    pub(crate) fn features(
        &mut self,
        docs: &[ClusterDoc],
        order: &[usize],
        p: &Params,
    ) -> (Vocab, Vec<Features>, Vec<u128>) {
        let text: Vec<u128> = docs.par_iter().map(text_key).collect();
        let params = crate::output::hash_bytes(format!("{p:?}").as_bytes());
        let mut sorted = text.clone();
        sorted.sort_unstable();
        let bg = match self.stored.take() {
            None => Err("no background yet"),
            Some(s) if s.fingerprint != crate::cache::code_fingerprint() => {
                Err("another version of briefing")
            }
            Some(s) if s.params != params => Err("other clustering parameters"),
            Some(s) if changed(&s.docs, &sorted) * REFRESH_SHARE > s.docs.len() => {
                Err("the articles changed by more than one eighth")
            }
            Some(s) => Ok(background(s)),
        };
        let mut bg = match bg {
            Ok(bg) => bg,
            Err(why) => {
                self.refreshed = Some(why);
                return self.learn(docs, order, p, params, &text, sorted);
            }
        };
        let mut vocab = bg.vocab.take().expect("vocabulary present");
        vocab.freeze();
        let keys: Vec<u128> = docs
            .par_iter()
            .zip(&text)
            .map(|(d, &t)| feature_key(bg.id, t, d))
            .collect();
        let memo = &self.features;
        let known: Vec<Option<Features>> = keys.par_iter().map(|&k| memo.get(k)).collect();
        let fresh: Vec<bool> = known.iter().map(Option::is_none).collect();
        let feats = features::featurize_frozen(docs, &vocab, &bg.boiler, &bg.case, p, known);
        for ((&k, f), new) in keys.iter().zip(&feats).zip(fresh) {
            self.features
                .record(k, new.then(|| Memo::<Features>::encode(f)));
        }
        (vocab, feats, keys)
    }

    /// Learns the background from `docs` and remembers every feature.
    fn learn(
        &mut self,
        docs: &[ClusterDoc],
        order: &[usize],
        p: &Params,
        params: u128,
        text: &[u128],
        sorted: Vec<u128>,
    ) -> (Vocab, Vec<Features>, Vec<u128>) {
        let (vocab, boiler, case, feats) = features::learn(docs, order, p);
        let (terms, n_docs) = vocab.counts();
        let stored = Stored {
            format: FORMAT,
            fingerprint: crate::cache::code_fingerprint().to_string(),
            params,
            terms,
            n_docs,
            boiler: boiler.hashes(),
            case: case.counts().to_vec(),
            docs: sorted,
        };
        let id = background_id(&stored);
        self.learnt = Some(bincode::serialize(&stored).expect("background serialises"));
        let encoded: Vec<(u128, Vec<u8>)> = docs
            .par_iter()
            .zip(text)
            .zip(&feats)
            .map(|((d, &t), f)| (feature_key(id, t, d), Memo::<Features>::encode(f)))
            .collect();
        let mut keys = Vec::with_capacity(encoded.len());
        for (k, bytes) in encoded {
            keys.push(k);
            self.features.record(k, Some(bytes));
        }
        (vocab, feats, keys)
    }
}

/// The usable form of a stored background.
fn background(s: Stored) -> Background {
    let id = background_id(&s);
    Background {
        boiler: Boilerplate::from_hashes(&s.boiler),
        case: CaseEvidence::from_counts(s.case),
        vocab: Some(Vocab::from_counts(s.terms, s.n_docs)),
        id,
    }
}

/// Identifies a background: its articles, size, parameters and code.
fn background_id(s: &Stored) -> u128 {
    let mut bytes = Vec::with_capacity(s.docs.len() * 16 + 64);
    for k in &s.docs {
        bytes.extend_from_slice(&k.to_le_bytes());
    }
    bytes.extend_from_slice(&s.n_docs.to_le_bytes());
    bytes.extend_from_slice(&s.params.to_le_bytes());
    bytes.extend_from_slice(s.fingerprint.as_bytes());
    crate::output::hash_bytes(&bytes)
}

/// Hash of what the background counts of an article: title and text.
fn text_key(d: &ClusterDoc) -> u128 {
    let mut bytes = Vec::with_capacity(d.title.len() + d.text.len() + 1);
    bytes.extend_from_slice(d.title.as_bytes());
    bytes.push(0);
    bytes.extend_from_slice(d.text.as_bytes());
    crate::output::hash_bytes(&bytes)
}

/// Memo key of an article's features: the background, its text and names.
fn feature_key(background: u128, text: u128, d: &ClusterDoc) -> u128 {
    let mut bytes = Vec::with_capacity(64 + d.names.iter().map(|n| n.len() + 1).sum::<usize>());
    bytes.extend_from_slice(&background.to_le_bytes());
    bytes.extend_from_slice(&text.to_le_bytes());
    for n in &d.names {
        bytes.extend_from_slice(n.as_bytes());
        bytes.push(0);
    }
    crate::output::hash_bytes(&bytes)
}

/// Size of the symmetric difference of two sorted lists (with repeats).
fn changed(a: &[u128], b: &[u128]) -> usize {
    a.len() + b.len() - 2 * tfidf::common(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_counts_added_and_removed() {
        assert_eq!(changed(&[1, 2, 3], &[1, 2, 3]), 0);
        assert_eq!(changed(&[1, 2, 3], &[1, 2, 3, 4]), 1);
        assert_eq!(changed(&[1, 2, 3], &[1, 3, 5]), 2);
    }

    #[test]
    fn unseen_terms_get_stable_ids_without_weight() {
        let mut v = Vocab::default();
        let a = v.intern("alpha");
        v.add_doc(&[a]);
        v.freeze();
        let x = v.intern("newword");
        assert_eq!(x, tfidf::unseen_id("newword"));
        assert_eq!(v.intern("alpha"), a);
        assert_eq!(v.df(x), 0);
        v.add_doc(&[a]);
        assert_eq!(v.n_docs(), 1, "a frozen vocabulary counts nothing");
        let (terms, n) = v.counts();
        let back = Vocab::from_counts(terms, n);
        assert_eq!(back.get("alpha"), Some(a));
        assert_eq!(back.df(a), 1);
    }
}
