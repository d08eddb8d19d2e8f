//! Tests of `nlp::quotes` on whose words a quotation is (participles,
//! denials, reported words, own statements, "it added", spokesmen), on
//! invented sentences.

use super::*;

#[test]
fn participles_of_speech_after_the_subjects_clause() {
    let got = speakers(&["Mira Castell went further, claiming that \"the plan is a bad idea\"."]);
    assert_eq!(got, vec![st("Mira Castell", "the plan is a bad idea")]);
}

#[test]
fn a_peer_named_by_title_and_surname_is_a_speaker() {
    let got = speakers(&["Former minister Lord Ekdahl said: \"He was a decent man.\""]);
    assert_eq!(got, vec![st("Ekdahl", "He was a decent man.")]);
}

#[test]
fn a_denied_phrase_is_not_the_speakers_own() {
    let got = speakers(&["Mira Castell denied the concessions were a \"political manoeuvre\"."]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn words_reported_from_someone_else_are_not_the_speakers() {
    // Another's words, recalled: not the subject's own.
    let got =
        speakers(&["Mira Castell recalls how Tomas Ekdahl once advised her: \"Always listen.\""]);
    assert!(
        !got.contains(&st("Mira Castell", "Always listen.")),
        "{got:?}"
    );
    // A phrase with an agent of its own ("described by one union as").
    let got = speakers(&[
        "Mira Castell also announced plans to merge the agencies - described by one union as a \"bonfire of the boards\".",
    ]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_persons_own_statement_is_theirs() {
    let got = speakers(&[
        "Strategist Tomas Ekdahl denied the report. Mr Ekdahl's statement said: \"The party has been making an impact.\"",
    ]);
    assert_eq!(
        got,
        vec![st("Tomas Ekdahl", "The party has been making an impact.")]
    );
    // A spokesman is somebody else.
    let got = speakers(&["Tomas Ekdahl arrived. Mr Ekdahl's spokesman said: \"He is busy.\""]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn responding_by_a_gerund_keeps_the_speaker() {
    let got = speakers(&[
        "Mira Castell responded by accusing the minister of \"hiding away from scrutiny\".",
    ]);
    assert_eq!(got, vec![st("Mira Castell", "hiding away from scrutiny")]);
}

#[test]
fn it_added_continues_the_last_speaker() {
    let got = speakers(&[
        "Tomas Ekdahl issued a reply on Monday. Mr Ekdahl's statement said: \"The party has been making an impact.\"",
        "It added: \"We will not be silenced by the council.\"",
        "\"Our members are ready for the vote,\" the statement continued.",
    ]);
    assert_eq!(
        got,
        vec![
            st("Tomas Ekdahl", "The party has been making an impact."),
            st("Tomas Ekdahl", "We will not be silenced by the council."),
            st("Tomas Ekdahl", "Our members are ready for the vote"),
        ]
    );
}

#[test]
fn it_added_after_another_subject_is_nobodys() {
    // Someone else was named as a subject since the last quotation.
    let got = speakers(&[
        "Tomas Ekdahl said: \"The party has been making an impact.\"",
        "Lena Sorvik, the council leader, rejected the claim. The council published a report. It added: \"The figures are wrong.\"",
    ]);
    assert_eq!(
        got,
        vec![st("Tomas Ekdahl", "The party has been making an impact.")]
    );
    // "It added" with no quotation before: nobody to continue.
    let got = speakers(&["The Harbour Trust met on Friday. It added: \"The pier will close.\""]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_name_in_what_was_claimed_is_not_the_pronoun() {
    let got = speakers(&[
        "Mara Quill said: \"The harbour needs a plan.\" Mr Ostrow has failed to act, she claimed, saying he has the \"wrong answer\" to it.",
    ]);
    assert_eq!(
        got,
        vec![
            st("Mara Quill", "The harbour needs a plan."),
            st("Mara Quill", "wrong answer"),
        ]
    );
}

#[test]
fn a_pronoun_not_set_off_stays_the_named_subject() {
    let got = speakers(&[
        "Ivo Marsh said: \"We need cuts.\" Tobias Pell wants an inquiry into the boards - cash he says which \"appears to be entirely wasted\".",
    ]);
    assert_eq!(
        got,
        vec![
            st("Ivo Marsh", "We need cuts."),
            st("Tobias Pell", "appears to be entirely wasted"),
        ]
    );
}

#[test]
fn a_spokesman_for_a_named_person_is_not_that_person() {
    // The quote after "a spokesman for X said" is the spokesman's.
    let got = speakers(&[
        "Tomas Ekdahl opened the debate. A spokesman for Mr Ekdahl said the plan was \"a careful first step\".",
    ]);
    assert!(got.is_empty(), "{got:?}");
    // Nor does a later "he said" go back to X through the spokesman.
    let got = speakers(&[
        "Ada Brandt spoke first. A spokeswoman for Ada Brandt said the ruling was wrong. \"We will appeal,\" he said.",
    ]);
    assert!(got.iter().all(|(s, _)| s != "Ada Brandt"), "{got:?}");
    // A role named with its field stays the named person's own ("spokeswoman
    // for women X said").
    let got = speakers(&[
        "Party spokeswoman for health Mira Castell said the wards were \"close to breaking point\".",
    ]);
    assert_eq!(got, vec![st("Mira Castell", "close to breaking point")]);
}

#[test]
fn a_person_spoken_about_does_not_take_the_speakers_phrase() {
    let got = speakers(&[
        "Tomas Lind said Ada Brandt's plan was a sign of \"reckless and hasty thinking\" by the council.",
        "Lena Vogt spoke on Monday. She accused Mr Piet Kruse's office of \"hiding the real figures\" from voters.",
        "Olaf Berg said Ada Brandt had called the scheme \"a costly folly\" last year.",
    ]);
    assert_eq!(
        got,
        vec![
            st("Tomas Lind", "reckless and hasty thinking"),
            st("Lena Vogt", "hiding the real figures"),
        ]
    );
}

#[test]
fn a_quotation_over_several_lines_takes_the_attribution_on_its_last_line() {
    let got = speakers(&[
        "“ The pumps are running.",
        "We expect the water to fall by noon, ” Lena Vogt said.",
    ]);
    assert_eq!(
        got,
        vec![st(
            "Lena Vogt",
            "The pumps are running. We expect the water to fall by noon"
        )]
    );
}
