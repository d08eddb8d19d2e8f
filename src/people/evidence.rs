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

use super::cluster::Clusters;
use super::context::WordTypes;
use crate::content::Article;
use crate::nlp::analysis::Analysis;
use crate::nlp::names::{self, NameKey};
use std::collections::{BTreeSet, HashMap};

/// How many articles treat a full name as a person's, and how many show it
/// to be a thing, in half articles (a tag alone is half an article).
#[derive(Clone, Copy, Default)]
struct Tally {
    person: u32,
    thing: u32,
}

/// The corpus's evidence on full names: which articles treat each as a
/// person's, which show it to be a thing.
pub(crate) struct Evidence {
    keys: HashMap<NameKey, Tally>,
}

impl Evidence {
    /// Gathers the evidence of every article (listed front-matter people
    /// count as evidence of a person).
    pub(crate) fn new(docs: &[(&Article, &Analysis)]) -> Evidence {
        let mut keys: HashMap<NameKey, Tally> = HashMap::new();
        for (article, analysis) in docs {
            let named = analysis.person_evidence.iter().chain(&article.people);
            let person: BTreeSet<NameKey> = named.map(|n| names::normalise(n)).collect();
            // What the article shows to be a thing (a cue in the text), and
            // what the tagger alone reads there as an organisation, place or
            // other named thing: a tag counts half, as it errs more often.
            let cued: BTreeSet<NameKey> = analysis
                .thing_evidence
                .iter()
                .map(|n| names::normalise(n))
                .collect();
            let tagged: BTreeSet<NameKey> = analysis
                .entities
                .iter()
                .map(|e| names::normalise(&e.text))
                .filter(|k| !cued.contains(k))
                .collect();
            for k in person {
                keys.entry(k).or_default().person += 2;
            }
            for k in cued {
                keys.entry(k).or_default().thing += 2;
            }
            for k in tagged {
                keys.entry(k).or_default().thing += 1;
            }
        }
        Evidence { keys }
    }

    fn tally(&self, key: &NameKey) -> Tally {
        self.keys.get(key).copied().unwrap_or_default()
    }

    /// Whether a found name may be a person: it looks like one, nothing in
    /// it looks like a thing, or the corpus gives evidence.
    pub(crate) fn allows(&self, key: &NameKey, types: &WordTypes) -> bool {
        person_shaped(key, types) || !thing_like(key, types) || self.tally(key).person > 0
    }

    /// Per group of spellings: whether the corpus shows it to be a thing
    /// more often than a person, summing the articles over its spellings
    /// ("Oskarsen-Lind" and "Vell Oskarsen-Lind" are one). A frequent
    /// thing's name gathers stray person cues (a list, a misread "he"), but
    /// it is written as a thing's again and again; a person is written as
    /// one more often than not.
    pub(crate) fn things(&self, clusters: &Clusters) -> Vec<bool> {
        let mut sums = vec![Tally::default(); clusters.len()];
        for (key, t) in &self.keys {
            if let Some(id) = clusters.full(key) {
                sums[id].person += t.person;
                sums[id].thing += t.thing;
            }
        }
        // At least one cue, or two articles' tags.
        sums.iter()
            .map(|t| t.thing >= 2 && t.thing > t.person)
            .collect()
    }
}

/// Looks like a person's name ([`names::looks_like_a_person`]), and, when
/// only its last word says so (a known surname), its first word is not one
/// the corpus reads more often in things' names: two surnames side by side
/// whose first opens firms' names ("Vell Oskarsen" of "Vell Partners",
/// "Vell Securities") name a firm of partners as often as a person.
fn person_shaped(key: &NameKey, types: &WordTypes) -> bool {
    let Some(first) = key.words().first().copied() else {
        return false;
    };
    let given = first.len() == 1
        || crate::nlp::ner::is_given_name(first)
        || names::is_learned_given_name(first);
    given || (names::looks_like_a_person(key) && !types.reads_as_thing(first))
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
    use crate::people::cluster::Candidate;
    use crate::people::curated::Curation;

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

    fn shown(person: &[&str], thing: &[&str]) -> Analysis {
        let owned = |v: &[&str]| v.iter().map(|n| n.to_string()).collect();
        Analysis {
            person_evidence: owned(person),
            thing_evidence: owned(thing),
            ..Analysis::default()
        }
    }

    #[test]
    fn a_group_shown_a_thing_more_often_than_a_person_is_a_thing() {
        let a = article("a", 1, &["Nothing here."]);
        let spellings = ["Vell Oskarsen", "Oskarsen", "Tarn Mirelo"];
        let candidates: Vec<Candidate> = spellings
            .iter()
            .map(|n| Candidate {
                key: names::normalise(n),
                articles: 1,
                caption_only: false,
            })
            .collect();
        let clusters = Clusters::build(&Curation::default(), &candidates);
        let group = |n: &str| clusters.full(&names::normalise(n)).expect("clustered");
        // Two spellings of one group: one article shows "Vell Oskarsen" as a
        // thing, two treat the group as a person (summed over spellings).
        // "Tarn Mirelo" is shown a thing twice and a person once.
        let docs = [
            shown(&["Oskarsen"], &["Vell Oskarsen", "Tarn Mirelo"]),
            shown(&["Vell Oskarsen", "Tarn Mirelo"], &[]),
            shown(&[], &["Tarn Mirelo"]),
        ];
        let pairs: Vec<(&Article, &Analysis)> = docs.iter().map(|d| (&a, d)).collect();
        let things = Evidence::new(&pairs).things(&clusters);
        assert!(!things[group("Vell Oskarsen")]);
        assert!(things[group("Tarn Mirelo")]);
        // A tagger's reading alone, in one article, is not enough.
        let tagged = Analysis {
            entities: vec![crate::nlp::layer::EntitySpan {
                paragraph: 0,
                span: 0..11,
                kind: crate::nlp::layer::EntityKind::Organisation,
                text: "Tarn Mirelo".into(),
            }],
            ..Analysis::default()
        };
        let once = [(&a, &tagged)];
        assert!(!Evidence::new(&once).things(&clusters)[group("Tarn Mirelo")]);
        let twice = [(&a, &tagged), (&a, &tagged)];
        assert!(Evidence::new(&twice).things(&clusters)[group("Tarn Mirelo")]);
    }
}
