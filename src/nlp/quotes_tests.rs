//! Tests of `nlp::quotes`, on invented sentences.

use super::*;
use crate::nlp::analysis::analyze;
use crate::nlp::analysis::testing::article;

fn quotes(paragraphs: &[&str]) -> Vec<(String, String, String)> {
    let a = analyze(&article("a", 1, paragraphs));
    a.quotes
        .into_iter()
        .map(|q| (q.speaker, q.text, q.verb))
        .collect()
}

fn q(s: &str, t: &str, v: &str) -> (String, String, String) {
    (s.into(), t.into(), v.into())
}

fn speakers(paragraphs: &[&str]) -> Vec<(String, String)> {
    quotes(paragraphs)
        .into_iter()
        .map(|(s, t, _)| (s, t))
        .collect()
}

fn st(s: &str, t: &str) -> (String, String) {
    (s.into(), t.into())
}

#[test]
fn finds_quote_marks() {
    let s = quote_spans_of("He said “yes, fine,” and \"no way\" then.");
    assert_eq!(s, vec!["yes, fine,", "no way"]);
}

fn quote_spans_of(text: &str) -> Vec<&str> {
    super::quote_spans(text)
        .into_iter()
        .map(|q| &text[q.content])
        .collect()
}

#[test]
fn merged_newswire_paragraphs_reopen_quotations() {
    // `"A. "B."`: the first paragraph's quotation was left open.
    let text = "Ada Brandt said: \"We are ready. \"The pumps run.\" Then she left.";
    assert_eq!(
        quote_spans_of(text),
        vec!["We are ready.", "The pumps run."]
    );
    // A closing mark after a space (detokenised text) still closes.
    let text = "\"We argued , \" Brandt told them.";
    assert_eq!(quote_spans_of(text), vec!["We argued , "]);
}

#[test]
fn organisations_are_not_speakers() {
    let got = speakers(&["“The plan is flawed,” said Stop Harbour Expansion."]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn speaker_after_the_quote() {
    assert_eq!(
        quotes(&["“The harbour will reopen next week,” Governor Ada Brandt said on Monday."]),
        vec![q("Ada Brandt", "The harbour will reopen next week", "said")]
    );
    assert_eq!(
        quotes(&[
            "Governor Ada Brandt arrived.",
            "“The harbour will reopen,” said Brandt."
        ]),
        vec![q("Ada Brandt", "The harbour will reopen", "said")]
    );
}

#[test]
fn speaker_before_the_quote_and_pronouns() {
    let got = quotes(&[
        "Governor Ada Brandt told reporters: “We are ready for the storm.”",
        "Senator Paul Okafor praised Brandt's team. “They worked all night,” he added.",
    ]);
    assert_eq!(
        got,
        vec![
            q("Ada Brandt", "We are ready for the storm.", "told"),
            q("Paul Okafor", "They worked all night", "added")
        ]
    );
}

#[test]
fn continuation_and_unnamed_speakers() {
    let got = quotes(&[
        "“The roads are closed,” Governor Ada Brandt said. “Stay at home tonight.”",
        "“We disagree with Governor Brandt,” a local official said.",
    ]);
    assert_eq!(
        got,
        vec![
            q("Ada Brandt", "The roads are closed", "said"),
            q("Ada Brandt", "Stay at home tonight.", "said")
        ]
    );
}

#[test]
fn titled_inverted_speaker_according_to_and_more_verbs() {
    let got = quotes(&[
        "“The bridge is safe again,” said Transport Minister Lena Vogt.",
        "“Nobody will be left behind,” according to Mayor Tomas Riehl.",
        "“We need more pumps,” Riehl warned.",
        "“The pumps are on their way,” Vogt also insisted.",
        "Vogt instructed reporters: “Check the official website first.”",
    ]);
    assert_eq!(
        got.iter()
            .map(|(s, _, v)| (s.as_str(), v.as_str()))
            .collect::<Vec<_>>(),
        vec![
            ("Lena Vogt", "said"),
            ("Tomas Riehl", "according to"),
            ("Tomas Riehl", "warned"),
            ("Lena Vogt", "insisted"),
            ("Lena Vogt", "instructed"),
        ]
    );
}

#[test]
fn pronoun_after_the_person_across_paragraphs() {
    let got = speakers(&[
        "Lena Vogt, the transport minister, visited the flooded station on Monday.",
        "“The tracks were under two metres of water,” she said, “and the signals are gone.”",
    ]);
    assert_eq!(
        got,
        vec![
            st("Lena Vogt", "The tracks were under two metres of water"),
            st("Lena Vogt", "and the signals are gone.")
        ]
    );
}

#[test]
fn pronoun_never_goes_to_an_organisation() {
    // No person is named: the pronoun has nobody to stand for.
    let got = speakers(&[
        "The Harbour Authority issued a statement on Monday.",
        "“The quay will stay closed,” he said.",
    ]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn pronoun_after_someone_else_is_named_is_left_alone() {
    // After Kruse is named, "he" may be either man: no guess.
    let got = speakers(&[
        "Lena Vogt opened the station on Monday.",
        "The first train was driven by Piet Kruse, who grew up nearby.",
        "“It was the best day of my career,” he said.",
    ]);
    assert!(got.is_empty(), "{got:?}");
    // A one-word name after an honorific is a person: "he" is Aalto
    // now, never Riehl.
    let got = speakers(&[
        "Tomas Riehl opened the debate. Mr Aalto replied at length.",
        "“The plan has no money behind it,” he said.",
    ]);
    assert_eq!(got, vec![st("Aalto", "The plan has no money behind it")]);
}

#[test]
fn one_word_speakers_and_verbs_with_their_own_subject() {
    let got = speakers(&[
        "Neighbours gathered outside. One said: “We heard screams all night.”",
        "The clue came from Ada Brandt, the woman they called “the night owl” at work.",
    ]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn quotation_inside_someone_elses_clause() {
    let got = speakers(&[
        "Tomas Riehl said a claim by Lena Vogt that he was “acting like a bully” showed panic.",
    ]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn speaker_introduced_by_the_previous_sentence() {
    let got = speakers(&[
        "Mayor Tomas Riehl spoke to residents at the town hall and said that help was coming.",
        "“Nobody in this valley will be left alone.”",
    ]);
    assert_eq!(
        got,
        vec![st(
            "Tomas Riehl",
            "Nobody in this valley will be left alone."
        )]
    );
    let colon = speakers(&[
        "Tomas Riehl told the crowd: ",
        "“We will rebuild every house.”",
    ]);
    assert_eq!(
        colon,
        vec![st("Tomas Riehl", "We will rebuild every house.")]
    );
}

#[test]
fn quotation_spanning_paragraphs() {
    // Newswire style: the first paragraph's quotation is left open, the
    // next paragraph reopens it.
    let got = speakers(&[
        "Lena Vogt said: “The first trains will run on Friday.",
        "“The rest of the network follows next month.”",
    ]);
    assert_eq!(
        got,
        vec![
            st("Lena Vogt", "The first trains will run on Friday."),
            st("Lena Vogt", "The rest of the network follows next month.")
        ]
    );
    // A closed, attributed quotation ending a paragraph carries over too.
    let got = speakers(&[
        "“We are close to a deal,” Tomas Riehl said.",
        "“The last details are technical.”",
    ]);
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].0, "Tomas Riehl");
}

#[test]
fn second_quotation_after_a_coordinated_verb() {
    let got = speakers(&[
        "In Oslo, ministry spokesman Lars Eide welcomed “efforts toward calm” but stressed that “every party must be heard” first.",
    ]);
    assert_eq!(
        got,
        vec![
            st("Lars Eide", "efforts toward calm"),
            st("Lars Eide", "every party must be heard")
        ]
    );
}

#[test]
fn multi_sentence_quote_is_one_quote() {
    let got = speakers(&["“We are ready. The pumps are running,” Lena Vogt said."]);
    assert_eq!(
        got,
        vec![st("Lena Vogt", "We are ready. The pumps are running")]
    );
}

/// Repeated `He said "` is the worst case of the old scan (every quotation
/// re-read the paragraph). The work counter must stay within a constant
/// factor of the input, whatever its size.
#[test]
fn linear_work() {
    let work_per_byte = |repeats: usize| {
        let text = "Ada Brandt spoke. He said \"".repeat(repeats);
        let (sents, found) = sentences_and_names(&text, "Ada Brandt");
        let (_, work) = attribute_counted(&[text.as_str()], &sents, &found);
        work as f64 / text.len() as f64
    };
    let small = work_per_byte(200);
    let large = work_per_byte(4000);
    assert!(
        large < small * 1.5 + 1.0,
        "work per byte grows: {small} → {large}"
    );
}

/// One paragraph's sentences, and every occurrence of `name` as a name.
fn sentences_and_names<'a>(text: &'a str, name: &str) -> (Vec<Sentence<'a>>, Vec<Found>) {
    use crate::nlp::analysis::MentionKind;
    let first = name.split(' ').next().unwrap_or(name);
    let n = name.split(' ').count();
    let mut sents = Vec::new();
    let mut found = Vec::new();
    for r in crate::nlp::sentences::split(text) {
        let tokens: Vec<Token> = crate::nlp::tokens::tokenize(&text[r.clone()])
            .into_iter()
            .map(|t| Token {
                text: t.text,
                start: t.start + r.start,
                end: t.end + r.start,
            })
            .collect();
        for (i, t) in tokens.iter().enumerate() {
            if t.text == first {
                found.push(Found {
                    sent: sents.len(),
                    tokens: i..i + n,
                    key: crate::nlp::names::normalise(name),
                    name: name.to_string(),
                    kind: MentionKind::Full,
                });
            }
        }
        sents.push(Sentence {
            paragraph: 0,
            tokens,
            caption: false,
        });
    }
    (sents, found)
}

/// Bench note (issue 12): `cargo test --release --lib quotes::tests::bench_he_said -- --ignored --nocapture`
/// prints the time of a whole analysis of `He said "` repeated over 200 KB.
#[test]
#[ignore]
fn bench_he_said() {
    let text = "He said \"".repeat(200_000 / 9);
    let a = article("a", 1, &[text.as_str()]);
    let t = std::time::Instant::now();
    let n = analyze(&a).quotes.len();
    println!("200 KB of `He said \"`: {n} quotes in {:?}", t.elapsed());
    let text = "Ada Brandt spoke. He said \"".repeat(200_000 / 27);
    let a = article("a", 1, &[text.as_str()]);
    let t = std::time::Instant::now();
    let n = analyze(&a).quotes.len();
    println!(
        "200 KB of `Ada Brandt spoke. He said \"`: {n} quotes in {:?}",
        t.elapsed()
    );
}

/// Who the speaker is: subjects, titles, roles, pronouns, reported speech.
#[path = "quotes/speaker_tests.rs"]
mod speaker_tests;

/// Whose words a quotation is: participles, denials, statements, spokesmen.
#[path = "quotes/words_tests.rs"]
mod words_tests;
