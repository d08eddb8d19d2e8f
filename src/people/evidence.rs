//! Which full names need evidence of personhood before they become people,
//! and whether the corpus gives it ([`crate::nlp::analysis`] records, per
//! article, the names it treats as a person's).
//!
//! The tagger calls many two-word capitalised things persons: a magazine, a
//! console, a district, a lake, a TV series, a bank. They share a shape:
//! their first word is not one a person's name is known to start with, and
//! some word is a common lower-case word of news text ("Mac Format"), a
//! kind-of-place noun ("Bordesley Green") or read more often in things'
//! names than in people's across the corpus ("Banque Internationale").
//! Such a name becomes a person only when some article treats it as one (a
//! role, "said", "Mr", an age, "he", a later mention by part of the name,
//! a list of people). A name of unknown words only ("Zinedine Zidane")
//! needs nothing more: most such names in news are people's.

use super::context::WordTypes;
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

    /// Whether a found name may be a person: it looks like one, nothing in
    /// it looks like a thing, or the corpus gives evidence.
    pub(crate) fn allows(&self, key: &NameKey, types: &WordTypes) -> bool {
        names::looks_like_a_person(key) || !thing_like(key, types) || self.keys.contains(key)
    }
}

/// Some word is a common lower-case word, a kind-of-place noun, or read
/// more often in things' names than in people's.
fn thing_like(key: &NameKey, types: &WordTypes) -> bool {
    key.words()
        .iter()
        .any(|w| names::is_common_word(w) || names::is_place_noun(w))
        || types.has_thing_word(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::analysis::testing::article;

    #[test]
    fn a_thing_shaped_name_needs_evidence_somewhere_in_the_corpus() {
        let a = article("a", 1, &["Nothing here."]);
        let plain = Analysis::default();
        let cued = Analysis {
            person_evidence: vec!["Qwertzan Format".into()],
            ..Analysis::default()
        };
        let key = names::normalise("Qwertzan Format");
        let without = [(&a, &plain)];
        let ev = Evidence::new(&without);
        assert!(!ev.allows(&key, &WordTypes::new(&without)));
        // Unknown words only, nothing thing-like: a person.
        let unknown = names::normalise("Qwertzan Vellorik");
        assert!(ev.allows(&unknown, &WordTypes::new(&without)));
        let with = [(&a, &plain), (&a, &cued)];
        assert!(Evidence::new(&with).allows(&key, &WordTypes::new(&with)));
    }
}
