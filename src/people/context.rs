//! When a bare surname in one article may be the person of a full name in
//! another: only with strong shared context. A surname alone says nothing
//! across articles ("Goldman" of Goldman Sachs is not Marshall Goldman), so
//! the article must share at least [`MIN_SHARED`] other named things —
//! organisations, places, other people's full names — with the articles
//! where the full name is written.

use super::cluster::Clusters;
use crate::content::Article;
use crate::nlp::analysis::{Analysis, MentionKind};
use crate::nlp::names;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Shared named things needed for a cross-article surname link.
pub(crate) const MIN_SHARED: usize = 2;

/// Named-thing keys per article and per person group.
pub(crate) struct Contexts {
    /// Normalised names of organisations, places and full-named people, per article.
    docs: Vec<BTreeSet<String>>,
    /// Articles where each group is named in full (or by a partial
    /// mention resolved to a full name in the article).
    named_in: BTreeMap<usize, BTreeSet<usize>>,
    /// Group of each full-name key in each article, so a person is not their own context.
    own: Vec<BTreeMap<String, usize>>,
}

impl Contexts {
    /// Reads the articles once.
    pub(crate) fn new(docs: &[(&Article, &Analysis)], clusters: &Clusters) -> Contexts {
        let mut out = Contexts {
            docs: Vec::with_capacity(docs.len()),
            named_in: BTreeMap::new(),
            own: Vec::with_capacity(docs.len()),
        };
        for (d, (article, analysis)) in docs.iter().enumerate() {
            let mut set: BTreeSet<String> = analysis
                .organisations
                .iter()
                .chain(&analysis.places)
                .map(|e| format!("e:{}", names::normalise(&e.name).as_str()))
                .collect();
            let mut own = BTreeMap::new();
            let fulls = analysis
                .mentions
                .iter()
                .filter(|m| m.kind != MentionKind::Bare)
                .map(|m| m.name.as_str())
                .chain(article.people.iter().map(String::as_str));
            for name in fulls {
                let key = names::normalise(name);
                if let Some(id) = clusters.full(&key) {
                    out.named_in.entry(id).or_default().insert(d);
                    set.insert(format!("p:{id}"));
                    own.insert(format!("p:{id}"), id);
                }
            }
            out.docs.push(set);
            out.own.push(own);
        }
        out
    }

    /// Whether a bare mention in article `d` may be group `id`: the group
    /// is named in full in `d`, or `d` shares enough named things with an
    /// article that names it.
    pub(crate) fn supports(&self, id: usize, d: usize) -> bool {
        let Some(arts) = self.named_in.get(&id) else {
            return false;
        };
        if arts.contains(&d) {
            return true;
        }
        let here = &self.docs[d];
        let me = format!("p:{id}");
        arts.iter().any(|&a| {
            self.docs[a]
                .intersection(here)
                .filter(|k| **k != me && self.own[a].get(*k) != Some(&id))
                .count()
                >= MIN_SHARED
        })
    }
}

/// How often each name word is read, across the corpus, inside a person's
/// name and inside an organisation, place or other named thing; and how
/// often each whole name is written as a person and inside a thing's name.
pub(crate) struct WordTypes {
    counts: BTreeMap<String, (usize, usize)>,
    /// Word sequences (2 to [`MAX_WORDS`] words) of the things' names.
    inside: HashMap<String, usize>,
    /// Normalised person mentions (prose).
    persons: HashMap<String, usize>,
}

/// The longest name looked up inside things' names.
const MAX_WORDS: usize = 6;

impl WordTypes {
    /// Counts over all analyses (prose mentions and entity spans).
    pub(crate) fn new(docs: &[(&Article, &Analysis)]) -> WordTypes {
        let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        let mut inside: HashMap<String, usize> = HashMap::new();
        let mut persons: HashMap<String, usize> = HashMap::new();
        for (_, analysis) in docs {
            for m in analysis.mentions.iter().filter(|m| !m.in_caption) {
                let key = names::normalise(&m.surface);
                for w in key.words() {
                    counts.entry(w.to_string()).or_default().0 += 1;
                }
                *persons.entry(key.as_str().to_string()).or_default() += 1;
            }
            for e in &analysis.entities {
                let key = names::normalise(&e.text);
                let words = key.words();
                for w in &words {
                    counts.entry(w.to_string()).or_default().1 += 1;
                }
                // Only names that say they are things ("… Inc", "… Bank").
                let says = e.text.split_whitespace().any(names::is_thing_word);
                for i in (0..words.len()).filter(|_| says) {
                    for j in i + 2..=words.len().min(i + MAX_WORDS) {
                        *inside.entry(words[i..j].join(" ")).or_default() += 1;
                    }
                }
            }
        }
        WordTypes {
            counts,
            inside,
            persons,
        }
    }

    /// A name every word of which the corpus uses more often for things
    /// than for people ("Reynard Honda", "Warner Bros"): the tagger's slip,
    /// outvoted by the corpus. One person word keeps it ("George Washington").
    ///
    /// A whole name read more often inside things' names than as a person
    /// ("Dean Witter" of "Dean Witter Reynolds Inc", "Milton Keynes" the
    /// town) is a thing too: the corpus outvotes the article.
    /// Whether some word of the name is read more often, across the corpus,
    /// inside an organisation, place or other thing than inside a person's
    /// name ("Banque" of "Banque Internationale").
    pub(crate) fn has_thing_word(&self, key: &names::NameKey) -> bool {
        key.words().iter().any(|w| self.reads_as_thing(w))
    }

    /// Whether the corpus reads `word` (normalised) more often inside
    /// things' names than inside people's. An initial says nothing: "B"
    /// opens as many firms' names as it stands in people's, and the
    /// balance tips with the corpus.
    pub(crate) fn reads_as_thing(&self, word: &str) -> bool {
        word.len() > 1
            && self
                .counts
                .get(word)
                .is_some_and(|&(per, other)| other > per)
    }

    pub(crate) fn is_thing(&self, key: &names::NameKey) -> bool {
        let words = key.words();
        let count = |m: &HashMap<String, usize>| m.get(key.as_str()).copied().unwrap_or(0);
        !words.is_empty()
            && (words
                .iter()
                .all(|w| self.counts.get(*w).is_some_and(|&(per, other)| other > per))
                || count(&self.inside) > count(&self.persons))
    }
}
