//! Person-name recognition with a statistical sequence model that this
//! project trains itself (see models/README.md).
//!
//! The model is a two-stage structured averaged perceptron over hashed
//! features with first-order Viterbi decoding over BIO tags for PER, ORG, LOC
//! and MISC (the other types are learned because they sharpen PER: "Ford" the
//! company vs. "Ford" the person). Stage 1 uses local features (word, shape,
//! affixes, context words, title and speech-verb cues, learned name lists);
//! stage 2 adds document consistency — how the same word was tagged elsewhere
//! in the article. The weights ship inside the binary (`models/ner.bin`).

mod clusters;
pub mod conll;
mod decode;
mod docfeats;
mod features;
mod gazetteer;
mod gmb;
mod model;
mod perceptron;
mod score;
mod tags;
mod train;
mod viterbi;

pub use clusters::{learn as learn_clusters, ClusterOptions};
pub use score::{Counts, Score, TypeScore};
pub use tags::{entities, Entity, EntityType, Tag};
pub use train::{train, EpochScore, TrainOptions, TrainReport};

use crate::nlp::tokens::Token;
use std::ops::Range;

/// Token-index ranges of person names in one sentence's tokens. Titles
/// ("President") and the possessive `'s` are not part of a name.
pub fn person_spans(tokens: &[Token]) -> Vec<Range<usize>> {
    person_spans_in_document(&[tokens.to_vec()])
        .pop()
        .unwrap_or_default()
}

/// Person-name ranges for every sentence of one document (an article), using
/// document-level consistency: a word tagged as a name in one sentence helps
/// tag it in another.
pub fn person_spans_in_document(sentences: &[Vec<Token>]) -> Vec<Vec<Range<usize>>> {
    entities_in_document(sentences)
        .into_iter()
        .map(|ents| {
            ents.into_iter()
                .filter(|e| e.kind == EntityType::Per)
                .map(|e| e.span)
                .collect()
        })
        .collect()
}

/// Every entity (PER, ORG, LOC, MISC) of every sentence of one document,
/// tagged with document-level consistency.
pub fn entities_in_document(sentences: &[Vec<Token>]) -> Vec<Vec<Entity>> {
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(|t| t.text).collect())
        .collect();
    tag_document(&words).iter().map(|t| entities(t)).collect()
}

/// BIO tags for every token of a document (`sentences[s][k]` = token `k` of
/// sentence `s`), with the shipped model.
///
/// Panics if the embedded weights file is invalid — a build defect that
/// [`check_model`] reports without panicking.
pub fn tag_document(sentences: &[Vec<&str>]) -> Vec<Vec<Tag>> {
    let m = model::shipped().unwrap_or_else(|e| panic!("{e}"));
    decode::tag_doc(m, sentences, true)
        .iter()
        .map(|t| tags_from_indices(t))
        .collect()
}

/// The embedded weights file's bytes (for cache fingerprints).
pub fn model_bytes() -> &'static [u8] {
    model::embedded_bytes()
}

/// Whether the training data knows `word` as the first word of a person's
/// name (the name list shipped inside the model): "Bill", "Frank", "Guy".
pub fn is_given_name(word: &str) -> bool {
    model::shipped().is_ok_and(|m| m.gaz.get(features::lex(word).lower) & gazetteer::PER_FIRST != 0)
}

/// Whether the training data knows `word` as the last word of a person's
/// name (the name list shipped inside the model): "Brandt", "Smith".
pub fn is_surname(word: &str) -> bool {
    model::shipped().is_ok_and(|m| m.gaz.get(features::lex(word).lower) & gazetteer::PER_LAST != 0)
}

/// Checks that the embedded weights file decodes (for a CLI to report early).
pub fn check_model() -> Result<(), String> {
    clusters::shipped()?;
    model::shipped().map(|_| ())
}

/// Tags gold CoNLL text with the shipped model and scores it entity by
/// entity (exact span and type), conlleval-style.
pub fn evaluate(gold_conll: &str) -> Score {
    let m = model::shipped().unwrap_or_else(|e| panic!("{e}"));
    train::score_docs(m, &conll::read(gold_conll), true)
}

/// Tag indices (as the model produces them) to tags.
pub(crate) fn tags_from_indices(t: &[u8]) -> Vec<Tag> {
    t.iter().map(|&i| Tag::from_index(i as usize)).collect()
}

pub use conll::tag_conll;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::tokens::tokenize;

    fn names(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        person_spans(&toks)
            .into_iter()
            .map(|r| toks[r].iter().map(|t| t.text).collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[test]
    fn titles_and_possessives_stay_outside_names() {
        let toks = tokenize(
            "President Marta Okonkwo's envoy met Foreign Minister Lars Eriksen in Oslo on Tuesday.",
        );
        assert_eq!(person_spans(&toks), vec![1..3, 8..10]);
        assert_eq!(
            names("Mr. Okonkwo's spokesman, Dave Pilling, said Secretary of State Jane Harlow would travel."),
            vec!["Okonkwo", "Dave Pilling", "Jane Harlow"]
        );
    }

    #[test]
    fn typographic_quotes_and_speech_verbs() {
        assert_eq!(
            names("“We made progress,” Eriksen told reporters."),
            vec!["Eriksen"]
        );
        assert_eq!(names("The ministry said nothing."), Vec::<String>::new());
    }

    #[test]
    fn document_api_keeps_sentence_alignment() {
        let a = tokenize("Ilse Brandt arrived in Bern on Monday.");
        let b = tokenize("Talks were brief.");
        let c = tokenize("Brandt said the talks went well.");
        let spans = person_spans_in_document(&[a, b, c]);
        assert_eq!(spans, vec![vec![0..2], vec![], vec![0..1]]);
        assert!(person_spans_in_document(&[]).is_empty());
        assert!(person_spans(&[]).is_empty());
    }

    #[test]
    fn odd_input_does_not_panic() {
        let long: Vec<&str> = std::iter::repeat_n("Ab", 5000)
            .chain(["", "\u{0301}", "ǅ", "١٢"])
            .collect();
        let doc = vec![long, vec![], vec![""]];
        let tags = tag_document(&doc);
        assert_eq!(
            tags.iter().map(Vec::len).collect::<Vec<_>>(),
            vec![5004, 0, 1]
        );
    }

    #[test]
    fn tags_display_as_iob_strings() {
        let tags = tag_document(&[vec!["Lars", "Eriksen", "visited", "Oslo", "."]]);
        let s: Vec<String> = tags[0].iter().map(|t| t.to_string()).collect();
        assert_eq!(s, vec!["B-PER", "I-PER", "O", "B-LOC", "O"]);
    }

    #[test]
    fn evaluate_and_tag_conll_use_the_shipped_model() {
        check_model().unwrap();
        let gold = "-DOCSTART- -X- O O\n\nLars I-PER\nEriksen I-PER\nvisited O\nOslo I-LOC\n. O\n";
        let s = evaluate(gold);
        assert_eq!(
            s.get(EntityType::Per),
            Counts {
                gold: 1,
                predicted: 1,
                correct: 1
            }
        );
        assert_eq!(s.tokens, 5);
        let out = tag_conll(gold);
        assert_eq!(
            out,
            "-DOCSTART-\tO\n\nLars\tB-PER\nEriksen\tI-PER\nvisited\tO\nOslo\tB-LOC\n.\tO\n"
        );
    }
}
