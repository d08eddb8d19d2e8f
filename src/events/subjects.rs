//! Headline subjects learnt from the corpus, for headlines whose case says
//! nothing (a wire in capitals): the words of a headline that few other
//! headlines use are what it is about (an issuer, a company, a town), the
//! words many use are its kind of report ("offers debentures", "quarterly
//! dividend", "raises crude postings").
//!
//! Two headlines of one kind about different subjects are two happenings:
//! when neither article's text mentions any subject of the other's
//! headline, they do not merge ([`conflict`]). Reports of one happening
//! name each other's subject (a bidder's report names the target).

use crate::events::params::ClusterDoc;
use crate::events::terms::lower_words;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

/// Headlines a subject word may appear in, at least this many; more in a
/// big corpus (see [`rare_limit`]).
const MIN_RARE: usize = 2;

/// Corpus size per extra headline a subject word may appear in: a company
/// of a big wire corpus heads many of its notices.
const DOCS_PER_RARE: usize = 500;

/// Shortest subject word: shorter ones are initials and abbreviations.
const MIN_LEN: usize = 3;

/// The most headlines a word may appear in and still be a subject.
fn rare_limit(n_docs: usize) -> usize {
    MIN_RARE.max(n_docs / DOCS_PER_RARE)
}

/// Headline words of one document (lowercase letters only, no numbers).
fn title_words(title: &str) -> BTreeSet<String> {
    lower_words(title)
        .into_iter()
        .filter(|w| w.chars().count() >= MIN_LEN && w.chars().all(char::is_alphabetic))
        .collect()
}

/// Subject words of every document, and which documents mention them.
#[derive(Debug, Default)]
pub(crate) struct Subjects<'a> {
    /// Subject ids of each document's headline (input order), sorted.
    of: Vec<Vec<u32>>,
    /// Each subject id's word (for [`crate::events::replay`], which needs
    /// what the ids stand for: ids shift when the corpus changes).
    words: Vec<String>,
    /// Subject word → id.
    ids: HashMap<String, u32>,
    docs: &'a [ClusterDoc],
    /// The subjects each document's headline or text mentions (sorted),
    /// found when first asked: a build that replays most of the pass
    /// (issue 9) asks about few documents, and reading every text costs.
    mentioned: Vec<OnceLock<Vec<u32>>>,
}

impl<'a> Subjects<'a> {
    /// Learns the subjects of `docs` (headline words few headlines use).
    /// Only headlines without lowercase letters get subjects: where the
    /// case is kept, the cased anchors say who and where already.
    pub(crate) fn learn(docs: &'a [ClusterDoc]) -> Subjects<'a> {
        let words: Vec<BTreeSet<String>> = docs.iter().map(|d| title_words(&d.title)).collect();
        let mut df: BTreeMap<&str, usize> = BTreeMap::new();
        for w in &words {
            for t in w {
                *df.entry(t.as_str()).or_default() += 1;
            }
        }
        let limit = rare_limit(docs.len());
        let mut ids: BTreeMap<&str, u32> = BTreeMap::new();
        let mut of = Vec::with_capacity(docs.len());
        for (d, w) in docs.iter().zip(&words) {
            let caps = !d.title.chars().any(char::is_lowercase);
            let mut mine: Vec<u32> = w
                .iter()
                .filter(|t| caps && df[t.as_str()] <= limit)
                .map(|t| {
                    let next = ids.len() as u32;
                    *ids.entry(t.as_str()).or_insert(next)
                })
                .collect();
            mine.sort_unstable();
            of.push(mine);
        }
        let mut names = vec![String::new(); ids.len()];
        for (w, &id) in &ids {
            names[id as usize] = (*w).to_string();
        }
        Subjects {
            of,
            ids: ids.iter().map(|(w, &id)| ((*w).to_string(), id)).collect(),
            words: names,
            docs,
            mentioned: (0..docs.len()).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The subject words of document `i`'s headline, in id order.
    pub(crate) fn words_of(&self, i: usize) -> impl Iterator<Item = &str> {
        self.of(i)
            .iter()
            .map(|&id| self.words[id as usize].as_str())
    }

    /// The subjects document `k`'s headline or text mentions, sorted.
    fn mentioned_by(&self, k: usize) -> &[u32] {
        self.mentioned[k].get_or_init(|| {
            let d = &self.docs[k];
            let mut seen: Vec<u32> = lower_words(&d.title)
                .into_iter()
                .chain(lower_words(&d.text))
                .filter_map(|w| self.ids.get(w.as_str()).copied())
                .collect();
            seen.sort_unstable();
            seen.dedup();
            seen
        })
    }

    /// Subject ids of document `i`'s headline.
    pub(crate) fn of(&self, i: usize) -> &[u32] {
        self.of.get(i).map_or(&[], Vec::as_slice)
    }

    /// True when document `doc` mentions any of `subjects`.
    fn mentions(&self, doc: usize, subjects: &[u32]) -> bool {
        if doc >= self.mentioned.len() {
            return false;
        }
        let seen = self.mentioned_by(doc);
        subjects.iter().any(|s| seen.binary_search(s).is_ok())
    }

    /// Document `i` and the event whose first members are `core`: both
    /// headlines have subjects, and neither side mentions any of the
    /// other's (another issuer, another company).
    pub(crate) fn conflict(&self, i: usize, core: &[usize]) -> bool {
        let mine = self.of(i);
        let theirs: Vec<u32> = core
            .iter()
            .flat_map(|&m| self.of(m).iter().copied())
            .collect();
        !mine.is_empty()
            && !theirs.is_empty()
            && !core.iter().any(|&m| self.mentions(m, mine))
            && !self.mentions(i, &theirs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn doc(title: &str, text: &str) -> ClusterDoc {
        crate::events::testing::cluster_doc(title, Date::new(2030, 4, 1).unwrap(), title, text)
    }

    fn corpus() -> Vec<ClusterDoc> {
        let mut v = vec![
            doc(
                "QUELLBRAU OFFERS DEBENTURES",
                "Quellbrau Corp said it offers debentures.",
            ),
            doc(
                "ZANTIPEX TO OFFER DEBENTURES",
                "Zantipex Inc said it would offer notes.",
            ),
            doc(
                "ORBELLON BIDS FOR QUELLBRAU",
                "Orbellon made a bid for Quellbrau Corp.",
            ),
            doc("Gantry offers debentures", "Gantry said so."),
        ];
        // Many headlines of the same kind make "offers" and "debentures"
        // kind words rather than subjects.
        for k in 0..4 {
            v.push(doc("SOMEONE OFFERS DEBENTURES", &format!("filler {k}")));
        }
        v
    }

    #[test]
    fn different_issuers_of_one_kind_conflict() {
        let docs = corpus();
        let s = Subjects::learn(&docs);
        assert!(s.conflict(1, &[0]), "{:?}", s.of);
    }

    #[test]
    fn a_report_naming_the_other_subject_does_not_conflict() {
        let docs = corpus();
        let s = Subjects::learn(&docs);
        assert!(!s.conflict(2, &[0]));
    }

    #[test]
    fn cased_headlines_have_no_subjects_here() {
        let docs = corpus();
        let s = Subjects::learn(&docs);
        assert!(s.of(3).is_empty());
        assert!(!s.conflict(3, &[1]));
    }
}
