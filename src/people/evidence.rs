//! Which full names need evidence of personhood before they become people,
//! and whether the corpus gives it ([`crate::nlp::analysis`] records, per
//! article, the names it treats as a person's).
//!
//! The tagger calls many two-word capitalised things persons: a magazine, a
//! console, a district, a lake, a TV series. Most share a shape: their first
//! word is not one a person's name is known to start with, and their last
//! is not a known surname, or is a kind-of-place noun ("Loch Lomond", "Mac
//! Format", "Bordesley Green"). Such a name becomes a person only when some
//! article treats it as one (a role, "said", "Mr", an age, "he", a later
//! mention by part of the name).

use crate::content::Article;
use crate::nlp::analysis::Analysis;
use crate::nlp::names::{self, NameKey};
use std::collections::HashSet;

/// The full names some article of the corpus treats as a person's.
pub(crate) struct Evidence {
    keys: HashSet<NameKey>,
}

impl Evidence {
    /// Gathers the evidence of every article (listed front-matter people
    /// count as evidence).
    pub(crate) fn new(docs: &[(&Article, &Analysis)]) -> Evidence {
        let mut keys = HashSet::new();
        for (article, analysis) in docs {
            let named = analysis.person_evidence.iter().chain(&article.people);
            keys.extend(named.map(|n| names::normalise(n)));
        }
        Evidence { keys }
    }

    /// Whether a found name may be a person: it looks like one, or the
    /// corpus gives evidence.
    pub(crate) fn allows(&self, key: &NameKey) -> bool {
        names::looks_like_a_person(key) || self.keys.contains(key)
    }
}
