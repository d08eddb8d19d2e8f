//! Tests of `nlp::quotes` on who the speaker is (clause subjects, titles,
//! role phrases, pronouns, reported speech), on invented sentences.

use super::*;

#[test]
fn honorific_before_a_surname_is_a_subject() {
    let got = speakers(&[
        "On Wednesday Lena Vogt said she hoped to return.",
        "Mrs Vogt told the Harbour Times: “I know the port very well.”",
        "“It will reopen,” said Mrs Vogt. “Soon,” Mrs Vogt added later.",
    ]);
    assert_eq!(
        got.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(),
        ["Lena Vogt", "Lena Vogt"],
        "{got:?}"
    );
}

#[test]
fn titles_lists_and_unnamed_speakers() {
    let got = speakers(&[
        "Lena Vogt wrote in her memoir, “Harbour Lights: Twenty Years Running Northern Ports.”",
        "Lena Vogt arrived. A neighbour said the street was quiet. She added: “We slept well.”",
    ]);
    assert!(got.is_empty(), "{got:?}");
    // The names listed after the subject are its objects: "he" is Riehl.
    let got = speakers(&[
        "Tomas Riehl spoke next, thanking Lena Vogt, Piet Kruse, and the crews. “It was a long night,” he said.",
    ]);
    assert_eq!(got, vec![st("Tomas Riehl", "It was a long night")]);
}

#[test]
fn descriptive_words_before_a_name() {
    let got = speakers(&[
        "“It was a long game,” harbour pilot Lena Vogt said.",
        "Dock union veteran Tomas Riehl said: “We will strike.”",
        "“We are tired,” said 40-year-old Piet Kruse, a docker.",
        "The report criticised Ada Brandt and said: “The budget is gone.”",
        "Voters distrust Ada Brandt, the “harbour queen”. He said so, adding “she must go now”.",
    ]);
    let who: Vec<&str> = got.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(who, ["Lena Vogt", "Tomas Riehl", "Piet Kruse"], "{got:?}");
}

#[test]
fn discourse_words_role_phrases_and_relative_clauses_before_the_verb() {
    let got = speakers(&[
        "But Ada Brandt, who chairs the harbour board, warned the costs would rise. “The budget will not hold,” she said.",
        "Meanwhile Tomas Lind, Borvian grain envoy, said: “The silos are full.”",
        "Harbour board spokeswoman for safety Lena Vogt said: “Nobody was hurt in the fire.”",
        "Paul Okafor, who is now retired, said: “I was a sailor once.”",
    ]);
    assert_eq!(
        got,
        vec![
            st("Ada Brandt", "The budget will not hold"),
            st("Tomas Lind", "The silos are full."),
            st("Lena Vogt", "Nobody was hurt in the fire."),
            st("Paul Okafor", "I was a sailor once."),
        ]
    );
}

#[test]
fn reported_speech_and_pronoun_sentences_introduce_the_next_quotation() {
    let got = speakers(&[
        "Ada Brandt said the pumps had failed overnight. “We will replace them all.”",
        "She said the board would meet again. “Nothing is decided yet.”",
        "Tomas Lind visited the port. He told the Morning Show with Paul Okafor: “We are ready.”",
    ]);
    assert_eq!(
        got,
        vec![
            st("Ada Brandt", "We will replace them all."),
            st("Ada Brandt", "Nothing is decided yet."),
            st("Tomas Lind", "We are ready."),
        ]
    );
}

#[test]
fn according_to_and_sentence_final_attribution() {
    let got = speakers(&[
        "Savings will be large, according to Governor Ada Brandt. “Buyers are squeezed out of the market,” she said.",
        "There was “deceit at the heart of the port” which went unpunished, she argued.",
        "Tomas Lind said there was “no plan at all” for the harbour.",
    ]);
    assert_eq!(
        got,
        vec![
            st("Ada Brandt", "Buyers are squeezed out of the market"),
            st("Ada Brandt", "deceit at the heart of the port"),
            st("Tomas Lind", "no plan at all"),
        ]
    );
}

#[test]
fn she_never_goes_to_a_man() {
    let got = speakers(&[
        "Detective Paul Okafor, testifying on Tuesday, said he asked Brandt how she felt. “I don't feel anything,” she said.",
        "Mr Tomas Lind arrived. “We are ready,” he said.",
    ]);
    assert_eq!(got, vec![st("Tomas Lind", "We are ready")]);
}

#[test]
fn a_name_in_what_was_said_is_not_the_speaker() {
    let got = speakers(&[
        "Campaign chief Ada Brandt spoke in Leeds. And Tomas Lind would lead the campaign, she said. “He will be out of London most days.”",
    ]);
    assert_eq!(
        got,
        vec![st("Ada Brandt", "He will be out of London most days.")]
    );
}

#[test]
fn an_unnamed_spokesman_or_a_name_in_a_list_is_nobody_to_continue() {
    let got = speakers(&[
        "Campaign chief Ada Brandt defended the poster. The image simply showed Paul Okafor as a magician, she argued. A Harbour Party spokesman later said the timing was not affected. “It was up for two weeks,” she said.",
        "Tomas Lind spoke. Voters could picture Ada Brandt or, of course, Paul Okafor doing it. “We will win,” he said.",
    ]);
    assert!(
        got.iter()
            .all(|(s, t)| s != "Paul Okafor" && !t.starts_with("It was up")),
        "{got:?}"
    );
}

#[test]
fn a_name_after_the_subject_is_an_object_and_he_stays_the_subject() {
    // "Fox accused Lind": "he" is still Fox; likewise after "He said Lind's …".
    let got = speakers(&[
        "Earlier, Ada Brandt accused Tomas Lind of telling lies. She told the radio: “They will say anything at all.”",
        "Piet Kruse spoke next. He said the views of Tomas Lind were never party policy. He told reporters: “We have suspended him.”",
    ]);
    assert_eq!(
        got,
        vec![
            st("Ada Brandt", "They will say anything at all."),
            st("Piet Kruse", "We have suspended him.")
        ]
    );
}

#[test]
fn a_role_noun_before_the_verb_is_somebody_unnamed() {
    let got = speakers(&[
        "Tomas Lind said the cabinet was bypassed. The prime minister's official spokesman said it was still used. But he added: “You cannot take every decision in cabinet.”",
    ]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_long_attribution_still_hands_the_speaker_to_the_next_paragraph() {
    let got = speakers(&[
        "“This is not a rush job,” Ada Brandt, the studio's chief executive, told the Evening Courier's film blog on Monday.",
        "“The film is released when it is finished.”",
    ]);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        got[1],
        st("Ada Brandt", "The film is released when it is finished.")
    );
}

#[test]
fn a_straight_mark_after_a_comma_closes() {
    let text = "\"My dad is ready to step in, \"Lind said.";
    assert_eq!(quote_spans_of(text), vec!["My dad is ready to step in, "]);
}

#[test]
fn quoted_phrases_in_the_speakers_own_clause() {
    let got = speakers(&[
        "Ada Brandt branded the response \"piecemeal and poor\". Tomas Lind said the mayor was a \"huge figure\" and a \"valued friend\".",
        "Piet Kruse has dismissed claims that his plan was \"a step too far\". Mr Kruse attacked its \"scandalous\" cost.",
        "Lena Vogt apologised after the ministry announced \"prematurely\" a review.",
    ]);
    assert_eq!(
        got,
        vec![
            st("Ada Brandt", "piecemeal and poor"),
            st("Tomas Lind", "huge figure"),
            st("Tomas Lind", "valued friend"),
            st("Piet Kruse", "scandalous"),
        ]
    );
}

#[test]
fn an_aside_speaker_and_a_pronoun_right_before_its_verb() {
    let got = speakers(&[
        "The team has not been sacked but, as campaign chief Ada Brandt declared, \"are doing a very good job\".",
        "Tomas Lind spoke on Monday. Asked if he would welcome their votes he told the radio: \"I want nobody to vote for them.\"",
    ]);
    assert_eq!(
        got,
        vec![
            st("Ada Brandt", "are doing a very good job"),
            st("Tomas Lind", "I want nobody to vote for them.")
        ]
    );
}

#[test]
fn an_unread_speaker_breaks_the_chain_of_continued_quotes() {
    // The lawyer's name is not read as a person: her words are nobody's,
    // and the next quotation does not continue Brandt.
    let got = speakers(&[
        "Ada Brandt said: \"I stand by it.\" Her lawyer said: \"She is honest. \"Ada Brandt is not credible.\"",
    ]);
    assert_eq!(got, vec![st("Ada Brandt", "I stand by it.")]);
}

#[test]
fn a_sentence_running_on_after_a_quote_hands_nobody_on() {
    let got = speakers(&[
        "Tomas Lind has told supporters he is \"back\" and still hungry for the job of party leader - but does that sum up the mood at the spring conference in the city?",
        "\"Voters like the council more than some members do,\" is the dry assessment of a local leader.",
    ]);
    assert!(got.iter().all(|(_, t)| !t.starts_with("Voters")), "{got:?}");
}

#[test]
fn a_reopened_quotation_in_the_same_paragraph_continues_its_speaker() {
    // `said: "A. "B."`: newswire style, the first quotation left open.
    let got = speakers(&[
        "Ms Ada Brandt said: \"We have doubled the grant. \"We are going to extend it by 2030.\" She left.",
    ]);
    assert_eq!(
        got,
        vec![
            st("Ada Brandt", "We have doubled the grant."),
            st("Ada Brandt", "We are going to extend it by 2030.")
        ]
    );
}

#[test]
fn a_sentence_of_reported_speech_after_the_quote_is_not_its_attribution() {
    // `"B." She said …`: the next sentence's verb is not the quote's own.
    let got = speakers(&[
        "Ms Ada Brandt said: \"We have doubled the grant. \"We will extend it.\" She said the pay would rise.",
    ]);
    assert_eq!(
        got,
        vec![
            st("Ada Brandt", "We have doubled the grant."),
            st("Ada Brandt", "We will extend it.")
        ]
    );
}

#[test]
fn a_newly_introduced_speaker_takes_the_next_quote() {
    let got = speakers(&[
        "Lena Vogt told them: \"It is a club.\" Prof Ada Brandt, who led the study with Olaf Berg, said she was shocked. \"We expected worse.\"",
    ]);
    assert_eq!(
        got,
        vec![
            st("Lena Vogt", "It is a club."),
            st("Ada Brandt", "We expected worse.")
        ]
    );
    // A clause too long to read as an aside: still not the earlier speaker.
    let got = speakers(&[
        "Lena Vogt told them: \"It is a club.\" Prof Ada Brandt, who conducted the study with the help of Olaf Berg and a team of young journalists, said she was shocked. \"We expected worse.\"",
    ]);
    assert!(
        !got.contains(&st("Lena Vogt", "We expected worse.")),
        "{got:?}"
    );
}

#[test]
fn a_quote_that_closed_its_sentence_coordinates_with_nothing_after_it() {
    let got = speakers(&[
        "Lena Vogt said: \"It is a club. \"We will win.\" The ministry said it was not a \"soap opera\" at all.",
    ]);
    assert_eq!(
        got,
        vec![
            st("Lena Vogt", "It is a club."),
            st("Lena Vogt", "We will win.")
        ]
    );
    let got =
        speakers(&["Ms Lena Vogt insisted: \"It is a club.\" And continued: \"We will win.\""]);
    assert_eq!(
        got,
        vec![
            st("Lena Vogt", "It is a club."),
            st("Lena Vogt", "We will win.")
        ]
    );
}

#[test]
fn a_conjunction_before_a_verb_is_not_an_unnamed_speaker() {
    // "the move but added": the subject is still the one named.
    let got = speakers(&[
        "Mira Castell welcomed the move but added that the public should be consulted. She said: \"The time has come for a ban.\"",
    ]);
    assert_eq!(
        got,
        vec![st("Mira Castell", "The time has come for a ban.")]
    );
}

#[test]
fn a_name_set_off_after_its_role_is_the_subject() {
    let got = speakers(&[
        "Director, Tomas Ekdahl, said some students could be applying. He told the morning programme: \"The reason is quality.\"",
    ]);
    assert_eq!(got, vec![st("Tomas Ekdahl", "The reason is quality.")]);
}

#[test]
fn a_role_phrase_stands_for_the_one_person_with_that_title() {
    let got = speakers(&[
        "Port director Tomas Ekdahl opened the port.",
        "Shadow chancellor Mira Castell disagreed.",
        "The port director said: \"We are ready.\"",
        "\"It is too late,\" the chancellor said.",
    ]);
    assert_eq!(got, vec![st("Tomas Ekdahl", "We are ready.")]);
}

#[test]
fn a_title_before_an_honorific_and_a_role_asked_to_speak() {
    let got = speakers(&[
        "Police Commissioner Sir Tomas Ekdahl backed the orders, saying: \"It is a dilemma.\"",
    ]);
    assert_eq!(got, vec![st("Tomas Ekdahl", "It is a dilemma.")]);
    // "prompted the minister to say": someone else speaks next, not Ekdahl.
    let got = speakers(&[
        "Police Commissioner Sir Tomas Ekdahl backed the orders. The pressure prompted the prime minister to say the law would change. He told MPs: \"We will act.\"",
    ]);
    assert!(got.is_empty(), "{got:?}");
}
