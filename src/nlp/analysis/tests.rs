//! Unit tests of `nlp::analysis` on hand-written articles.
use super::*;
use crate::nlp::analysis::testing::article;

fn names_of(a: &Analysis) -> Vec<(&str, &str, MentionKind)> {
    a.mentions
        .iter()
        .map(|m| (m.surface.as_str(), m.name.as_str(), m.kind))
        .collect()
}

#[test]
fn surname_attaches_to_the_full_name_before_it() {
    let a = analyze(&article(
        "a",
        1,
        &["Trade Minister Ingrid Halvorsen met Senator Paul Brandt on Monday.", "Governor Ada Brandt arrived later. Brandt said the talks went well, and Halvorsen agreed."],
    ));
    let got = names_of(&a);
    assert!(
        got.contains(&("Brandt", "Ada Brandt", MentionKind::Partial)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Halvorsen", "Ingrid Halvorsen", MentionKind::Partial)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Paul Brandt", "Paul Brandt", MentionKind::Full)),
        "{got:?}"
    );
}

#[test]
fn titles_and_possessives_stay_out_of_names() {
    let a = analyze(&article(
        "a",
        1,
        &["Governor Ada Brandt spoke. Governor Brandt's plan was praised by Senator Paul Okafor."],
    ));
    let m = a
        .mentions
        .iter()
        .find(|m| m.surface == "Brandt")
        .expect("Brandt found");
    assert_eq!(m.name, "Ada Brandt");
    let text =
        "Governor Ada Brandt spoke. Governor Brandt's plan was praised by Senator Paul Okafor.";
    assert_eq!(&text[m.span.clone()], "Brandt");
    let roles: Vec<(&str, &str)> = a
        .roles
        .iter()
        .map(|r| (r.name.as_str(), r.title.as_str()))
        .collect();
    assert!(roles.contains(&("Ada Brandt", "Governor")), "{roles:?}");
    assert!(roles.contains(&("Paul Okafor", "Senator")), "{roles:?}");
}

#[test]
fn one_word_name_without_full_form_is_bare() {
    let a = analyze(&article(
        "a",
        1,
        &["The plan was backed by Halvorsen, officials said."],
    ));
    for m in a.mentions.iter().filter(|m| m.surface == "Halvorsen") {
        assert_eq!(m.kind, MentionKind::Bare);
    }
}

#[test]
fn captions_give_flagged_names_and_headings_give_none() {
    let mut art = article(
        "a",
        1,
        &[
            "CAPTION: Governor Ada Brandt waves in Northville on March 3.",
            "Initial contact",
            "Governor Ada Brandt said so.",
        ],
    );
    art.paragraphs[1].kind = BlockKind::Heading { level: 2 };
    let a = analyze(&art);
    assert!(a.mentions.iter().any(|m| m.paragraph == 0 && m.in_caption));
    assert!(a.mentions.iter().any(|m| m.paragraph == 2 && !m.in_caption));
    assert!(a.mentions.iter().all(|m| m.paragraph != 1));
}

#[test]
fn front_matter_names_are_found_whole() {
    let mut art = article(
        "a",
        1,
        &["Its adviser, Khalid al-Nasser, joined. Later al-Nasser left."],
    );
    art.people = vec!["Khalid al-Nasser".into()];
    let a = analyze(&art);
    let got = names_of(&a);
    assert!(
        got.contains(&("Khalid al-Nasser", "Khalid al-Nasser", MentionKind::Full)),
        "{got:?}"
    );
}

#[test]
fn analysis_round_trips_through_json() {
    let a = analyze(&article(
        "a",
        1,
        &["“We will build it,” Governor Ada Brandt said."],
    ));
    let back: Analysis = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
    assert_eq!(a, back);
    assert_eq!(a.quotes.len(), 1);
}

#[test]
fn two_titles_around_a_comma() {
    let a = analyze(&article(
        "a",
        1,
        &["The port's deputy director, Governor Ada Brandt, spoke."],
    ));
    let titles: Vec<&str> = a.roles.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, vec!["Governor", "deputy director"]);
}
