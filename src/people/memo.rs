//! Memo of each article's corpus-level extra mentions
//! ([`super::gazetteer::Scan`]): known full names and unique
//! surnames the tagger missed.
//!
//! Those depend on the article (and its analysis, a function of it) and on
//! two corpus-wide facts: which full names are known and which surnames
//! belong to one person only. One new article can change either, so the
//! memo does not key on them: each entry records the questions its
//! computation asked ("is `ada brandt` a known full name?", "is this
//! surname unique?") with the answers it got. An entry is reused only when
//! every recorded question still gets the same answer, in which case the
//! computation, which sees the corpus through nothing else, would run
//! exactly as before (salsa-style verification). So an incremental build
//! equals a clean one, and re-checking an article costs a few map lookups
//! instead of tokenising and cleaning every sentence. The file carries the
//! code fingerprint ([`crate::cache::code_fingerprint`]).

use super::cluster::Clusters;
use super::gazetteer;
use crate::cache::Memo;
use crate::content::Article;
use crate::nlp::analysis::{Analysis, Mention};
use crate::nlp::names::NameKey;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Memo file relative to the site root.
pub const MEMO_FILE: &str = ".briefing/cache/people.bin";

/// What the extra-mention pass asks of the corpus.
pub(crate) trait NameLookup {
    /// Is `key` a full name of some person of the corpus?
    fn known_full(&self, key: &NameKey) -> bool;
    /// Does the phonetic surname `key` belong to exactly one person?
    fn unique_surname(&self, key: &str) -> bool;
}

/// The corpus-wide answers.
pub(crate) struct Corpus<'a> {
    pub clusters: &'a Clusters,
    pub surnames: &'a BTreeMap<String, usize>,
}

impl NameLookup for Corpus<'_> {
    fn known_full(&self, key: &NameKey) -> bool {
        self.clusters.full(key).is_some()
    }

    fn unique_surname(&self, key: &str) -> bool {
        self.surnames.contains_key(key)
    }
}

/// Answers from the corpus, remembering every question and answer.
struct Recorder<'a> {
    corpus: &'a Corpus<'a>,
    full: RefCell<Vec<(NameKey, bool)>>,
    surnames: RefCell<Vec<(String, bool)>>,
}

impl NameLookup for Recorder<'_> {
    fn known_full(&self, key: &NameKey) -> bool {
        let a = self.corpus.known_full(key);
        self.full.borrow_mut().push((key.clone(), a));
        a
    }

    fn unique_surname(&self, key: &str) -> bool {
        let a = self.corpus.unique_surname(key);
        self.surnames.borrow_mut().push((key.to_string(), a));
        a
    }
}

/// One article's extra mentions with the questions they depended on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Extra {
    full: Vec<(NameKey, bool)>,
    surnames: Vec<(String, bool)>,
    mentions: Vec<Mention>,
}

impl Extra {
    /// Every recorded question still gets its recorded answer.
    fn still_valid(&self, corpus: &Corpus) -> bool {
        self.full.iter().all(|(k, a)| corpus.known_full(k) == *a)
            && self
                .surnames
                .iter()
                .all(|(k, a)| corpus.unique_surname(k) == *a)
    }
}

/// Extra mentions by article content hash.
pub type PeopleMemo = Memo<Extra>;

/// An empty memo (a clean build).
pub fn empty() -> PeopleMemo {
    Memo::empty(MEMO_FILE)
}

/// The extra mentions of every document (in order), on all cores, reused
/// from `memo` where still valid; records what this build used. `keys` are
/// the documents' content hashes, computed here when `None`.
pub(crate) fn extra_mentions_all(
    docs: &[(&Article, &Analysis)],
    keys: Option<Vec<u128>>,
    corpus: &Corpus,
    memo: &mut PeopleMemo,
) -> Vec<Vec<Mention>> {
    let keys: Vec<u128> =
        keys.unwrap_or_else(|| docs.par_iter().map(|(a, _)| crate::cache::key(a)).collect());
    let memo_ro: &PeopleMemo = memo;
    let made: Vec<(Vec<Mention>, Option<Vec<u8>>)> = docs
        .par_iter()
        .zip(&keys)
        .map(|((article, analysis), &k)| {
            if let Some(e) = memo_ro.get(k).filter(|e| e.still_valid(corpus)) {
                return (e.mentions, None);
            }
            let e = compute(article, analysis, corpus);
            let bytes = PeopleMemo::encode(&e);
            (e.mentions, Some(bytes))
        })
        .collect();
    made.into_iter()
        .zip(keys)
        .map(|((mentions, fresh), k)| {
            memo.record(k, fresh);
            mentions
        })
        .collect()
}

/// Sentences of one article scanned as one run: a news article is one run
/// (as before), a huge one (issue 12: a 10 MB article has about 80,000
/// sentences) is scanned in runs on all cores.
const RUN: usize = 2048;

/// Runs the pass on one article, recording its questions (deduplicated).
/// The runs are scanned in parallel, each recording its own questions;
/// their mentions are concatenated in reading order and their questions
/// sorted, so the result does not depend on the number of threads.
fn compute(article: &Article, analysis: &Analysis, corpus: &Corpus) -> Extra {
    // The analysed part only, as the mentions it adds to (issue 12).
    let analysed = crate::nlp::limit::analysed_part(article);
    let scan = gazetteer::Scan::new(&analysed, &analysis.mentions, &analysis.entities);
    let runs: Vec<std::ops::Range<usize>> = (0..scan.len())
        .step_by(RUN)
        .map(|s| s..(s + RUN).min(scan.len()))
        .collect();
    let found: Vec<Extra> = runs
        .into_par_iter()
        .map(|run| {
            let rec = Recorder {
                corpus,
                full: RefCell::default(),
                surnames: RefCell::default(),
            };
            let mentions = scan.mentions(run, &rec);
            Extra {
                full: rec.full.into_inner(),
                surnames: rec.surnames.into_inner(),
                mentions,
            }
        })
        .collect();
    let (mut mentions, mut full, mut surnames) = (Vec::new(), Vec::new(), Vec::new());
    for e in found {
        mentions.extend(e.mentions);
        full.extend(e.full);
        surnames.extend(e.surnames);
    }
    // Equal entries are the same question: any sort gives one order.
    full.par_sort_unstable();
    full.dedup();
    surnames.par_sort_unstable();
    surnames.dedup();
    Extra {
        full,
        surnames,
        mentions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::analysis::testing::article;
    use crate::nlp::names;
    use crate::people::cluster::Candidate;
    use crate::people::Curation;

    fn clusters(names_: &[&str]) -> Clusters {
        let cands: Vec<Candidate> = names_
            .iter()
            .map(|n| Candidate {
                key: names::normalise(n),
                articles: 1,
                caption_only: false,
            })
            .collect();
        Clusters::build(&Curation::default(), &cands)
    }

    #[test]
    fn entry_is_reused_only_while_its_answers_hold() {
        let a = article("a", 2, &["It was opened by Ada Brandt and Okafor said no."]);
        let an = Analysis::default();
        let docs = [(&a, &an)];
        let none = BTreeMap::new();
        let known = clusters(&["Ada Brandt"]);
        let corpus = Corpus {
            clusters: &known,
            surnames: &none,
        };
        let mut memo = empty();
        let first = extra_mentions_all(&docs, None, &corpus, &mut memo);
        assert_eq!(first[0].len(), 1);
        assert_eq!((memo.misses, memo.hits), (1, 0));
        // Same corpus answers: reused.
        let again = extra_mentions_all(&docs, None, &corpus, &mut memo);
        assert_eq!(again, first);
        assert_eq!(memo.hits, 1);
        // Okafor becomes a unique surname: the entry is stale, recomputed.
        let okafor = BTreeMap::from([(names::phonetic("okafor"), 0)]);
        let corpus = Corpus {
            clusters: &known,
            surnames: &okafor,
        };
        let changed = extra_mentions_all(&docs, None, &corpus, &mut memo);
        assert_eq!(memo.misses, 2);
        assert_eq!(changed[0].len(), 2, "{changed:?}");
        let fresh = extra_mentions_all(&docs, None, &corpus, &mut empty());
        assert_eq!(changed, fresh);
    }

    #[test]
    fn an_article_of_many_runs_gets_the_one_pass_result() {
        // Over two runs of sentences in one paragraph, and more in a second
        // one, with names that differ from sentence to sentence.
        let sentence = |k: usize| match k % 3 {
            0 => format!("On day {k} Ada Brandt spoke."),
            1 => format!("The vote was won and Okafor said {k} words."),
            _ => format!("Nobody of note came on day {k}."),
        };
        let long: Vec<String> = (0..RUN * 2 + 7).map(sentence).collect();
        let more: Vec<String> = (0..RUN / 2).map(sentence).collect();
        let (long, more) = (long.join(" "), more.join(" "));
        let a = article("a", 2, &[&long, &more]);
        let known = clusters(&["Ada Brandt"]);
        let okafor = BTreeMap::from([(names::phonetic("okafor"), 0)]);
        let corpus = Corpus {
            clusters: &known,
            surnames: &okafor,
        };
        let an = Analysis::default();
        let got = compute(&a, &an, &corpus);
        let whole = gazetteer::extra_mentions_in(&a, &[], &[], &corpus);
        assert_eq!(got.mentions, whole);
        // Two of every three sentences name someone.
        let named = |n: usize| (0..n).filter(|k| k % 3 != 2).count();
        assert_eq!(got.mentions.len(), named(RUN * 2 + 7) + named(RUN / 2));
        assert!(got.full.contains(&(names::normalise("Ada Brandt"), true)));
        assert!(got.surnames.contains(&(names::phonetic("okafor"), true)));
        assert!(
            got.surnames.windows(2).all(|w| w[0] < w[1]),
            "sorted, once each"
        );
    }
}
