//! Given names learned from unlabelled news: words that, across the
//! corpus, the tagger reads at the start of people's names with several
//! different surnames, that open a person's name in at least half of
//! their capitalised uses, and more often than they stand inside an
//! organisation, place or other thing. The name list inside the NER model knows only
//! the given names of its training data (CoNLL-2003, GMB); this list adds
//! those of the project's unlabelled text (Reuters, BBC, ECB+), so that
//! "Halle" or "Amitabh" look like the start of a person's name. Shipped as
//! `models/given_names.txt`, made by `examples/given_names.rs`.

use super::NameKey;
use crate::nlp::{ner, sentences, tokens};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::OnceLock;

/// Different surnames a word must open person names with.
const MIN_SURNAMES: usize = 2;

static SHIPPED: &str = include_str!("../../../models/given_names.txt");

fn shipped() -> &'static HashSet<&'static str> {
    static CELL: OnceLock<HashSet<&'static str>> = OnceLock::new();
    CELL.get_or_init(|| super::shipped_words(SHIPPED))
}

/// Whether `word` (any case) is a given name of the learned list.
pub fn is_learned_given_name(word: &str) -> bool {
    shipped().contains(word.to_lowercase().as_str())
}

/// Per word: the surnames it opened person names with, and how often it
/// opened one against how often it was written capitalised.
#[derive(Default)]
struct Uses {
    surnames: BTreeSet<String>,
    opens: u32,
    capitalised: u32,
    in_things: u32,
}

fn plain_capitalised(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.chars().count() >= 2
        && chars.all(char::is_lowercase)
}

/// Learns the list from documents (each tagged as one document by the
/// shipped model). Returns the file's text: a comment line, then the words
/// sorted, one per line. Same input, same bytes.
pub fn learn(texts: &[String]) -> String {
    let mut uses: BTreeMap<String, Uses> = BTreeMap::new();
    for text in texts {
        let sents: Vec<Vec<tokens::Token>> = sentences::split(text)
            .into_iter()
            .map(|r| tokens::tokenize(&text[r]))
            .collect();
        let tagged = ner::entities_in_document(&sents);
        for (toks, ents) in sents.iter().zip(&tagged) {
            let mut spans = Vec::new();
            for e in ents {
                if e.kind == ner::EntityType::Per {
                    spans.push(e.span.clone());
                    continue;
                }
                for t in &toks[e.span.clone()] {
                    uses.entry(t.text.to_lowercase()).or_default().in_things += 1;
                }
            }
            // Sentence-initial words are capitalised by position.
            for t in toks.iter().skip(1).filter(|t| plain_capitalised(t.text)) {
                uses.entry(t.text.to_lowercase()).or_default().capitalised += 1;
            }
            for s in spans.iter().filter(|s| s.len() >= 2) {
                let (first, last) = (toks[s.start].text, toks[s.end - 1].text);
                if !plain_capitalised(first) || !plain_capitalised(last) || s.start == 0 {
                    continue;
                }
                let u = uses.entry(first.to_lowercase()).or_default();
                u.opens += 1;
                u.surnames.insert(last.to_lowercase());
            }
        }
    }
    let mut out =
        String::from("# given names learned from unlabelled news (examples/given_names.rs)\n");
    for (w, u) in uses {
        // "Norsk" of "Norsk Hydro", "Norsk Data": a word the tagger reads in
        // organisations' names as often as it opens a person's is not a
        // given name, even when it sometimes slips.
        if u.surnames.len() >= MIN_SURNAMES && 2 * u.opens >= u.capitalised && u.opens > u.in_things
        {
            out.push_str(&w);
            out.push('\n');
        }
    }
    out
}

/// A name opening with a known given name (of the tagger's name list or
/// the one learned from unlabelled news) or an initial, or ending in a
/// surname the tagger's name list knows that is not a kind-of-place noun.
pub fn looks_like_a_person(key: &NameKey) -> bool {
    let words = key.words();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let given =
        first.len() == 1 || crate::nlp::ner::is_given_name(first) || is_learned_given_name(first);
    // "Bordesley Green": a known surname that also ends place names says
    // nothing.
    given || (crate::nlp::ner::is_surname(last) && !is_place_noun(last))
}

/// Nouns that end place names ("Bordesley Green", "Turf Moor"); some are
/// surnames too, which then need evidence.
pub fn is_place_noun(word: &str) -> bool {
    matches!(
        word,
        "green"
            | "lane"
            | "hall"
            | "park"
            | "street"
            | "road"
            | "moor"
            | "hill"
            | "hills"
            | "lake"
            | "bay"
            | "grove"
            | "heath"
            | "common"
            | "square"
            | "field"
            | "fields"
            | "wood"
            | "woods"
            | "bridge"
            | "cross"
            | "gate"
            | "end"
            | "valley"
            | "island"
            | "point"
            | "beach"
            | "court"
            | "house"
            | "place"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_list_knows_given_names_not_things() {
        assert!(is_learned_given_name("Tony"));
        assert!(!is_learned_given_name("Street"));
        assert!(!is_learned_given_name("said"));
    }

    #[test]
    fn a_known_given_name_or_surname_looks_like_a_person() {
        let looks = |s: &str| looks_like_a_person(&super::super::normalise(s));
        assert!(looks("Tony Qwertzan"));
        assert!(looks("J. Qwertzan"));
        assert!(!looks("Qwertzan Format"));
        assert!(!looks("Qwertzan Green"));
    }
}
