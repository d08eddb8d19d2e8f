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

#[test]
fn the_layer_keeps_people_out_of_things() {
    let a = analyze(&article(
        "a",
        1,
        &["Critics praised The Ada Brandt Story, a film shown in Oslo. Trade Minister Ingrid Halvorsen said the Oslo Grain Exchange would open."],
    ));
    let got = names_of(&a);
    assert!(got.iter().all(|(s, _, _)| !s.contains("Brandt")), "{got:?}");
    assert!(
        got.contains(&("Ingrid Halvorsen", "Ingrid Halvorsen", MentionKind::Full)),
        "{got:?}"
    );
    assert!(a.places.iter().any(|p| p.name == "Oslo"), "{:?}", a.places);
    assert!(a.entities.iter().all(|e| !e.text.contains("Halvorsen")));
}

#[test]
fn many_names_in_one_article_stay_consistent() {
    // Thousands of distinct two-word names: the indexed lookups must give
    // the same answers a scan would (each surname attaches to its own name).
    let paras: Vec<String> = (0..400)
        .map(|i| {
            let (g, s) = (format!("Ab{}", alpha(i)), format!("Cd{}", alpha(i)));
            format!("Minister {g} {s} arrived. Later {s} said it went well.")
        })
        .collect();
    let refs: Vec<&str> = paras.iter().map(String::as_str).collect();
    let a = analyze(&article("a", 1, &refs));
    for i in 0..400 {
        let (g, s) = (format!("Ab{}", alpha(i)), format!("Cd{}", alpha(i)));
        let full = format!("{g} {s}");
        let m = a
            .mentions
            .iter()
            .find(|m| m.paragraph == i && m.surface == s)
            .unwrap_or_else(|| panic!("no mention of {s}"));
        assert_eq!(
            (m.name.as_str(), m.kind),
            (full.as_str(), MentionKind::Partial)
        );
    }
}

/// Distinct, name-like syllable strings (one consonant-vowel pair per
/// decimal digit), which no transliteration rule folds together.
fn alpha(i: usize) -> String {
    const SYL: [&str; 10] = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "bu"];
    i.to_string()
        .bytes()
        .map(|d| SYL[(d - b'0') as usize])
        .collect()
}

#[test]
fn a_given_name_alone_attaches_to_its_full_name() {
    let a = analyze(&article(
        "a",
        1,
        &[
            "Trade Minister Ingrid Halvorsen arrived on Monday with Senator William Okafor.",
            "Ingrid said the talks went well. Bill told reporters he agreed.",
        ],
    ));
    let got = names_of(&a);
    assert!(
        got.contains(&("Ingrid", "Ingrid Halvorsen", MentionKind::Partial)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Bill", "William Okafor", MentionKind::Partial)),
        "{got:?}"
    );
}

#[test]
fn roles_stay_with_their_own_person() {
    let a = analyze(&article(
        "a",
        1,
        &["Singer Tomas Lind, alongside the band's chairman, played on Monday."],
    ));
    assert!(
        a.roles
            .iter()
            .all(|r| r.name != "Tomas Lind" || !r.title.contains("chairman")),
        "{:?}",
        a.roles
    );
}

#[test]
fn the_article_shows_a_person_shaped_name_to_be_a_thing() {
    let a = analyze(&article(
        "a",
        1,
        &["British carmaker Halvard Brandt unveiled a model on Monday. Halvard Brandt said sales would rise.", "Chart stars Tomas Lindqvist are to tour the US, said Ingrid Halvorsen of Osvald Grieg.", "Rates will rise, said an economist at Petter Morland."],
    ));
    let got = names_of(&a);
    assert!(
        got.iter().all(|(s, _, _)| !s.contains("Brandt")
            && !s.contains("Lindqvist")
            && !s.contains("Grieg")),
        "{got:?}"
    );
    assert!(
        got.contains(&("Ingrid Halvorsen", "Ingrid Halvorsen", MentionKind::Full)),
        "{got:?}"
    );
}

#[test]
fn person_evidence_comes_from_how_the_article_treats_a_name() {
    let a = analyze(&article(
        "a",
        1,
        &[
            "Tomas Lind visited the port on Monday.",
            "Ada Brandt, 41, arrived later.",
            "The award went to actress Mira Solberg.",
            "Guests included Kestrel Vane and Ingrid Halvorsen.",
            "Paul Okafor opened the hall. He thanked the crowd.",
        ],
    ));
    let found: Vec<&str> = a.mentions.iter().map(|m| m.name.as_str()).collect();
    assert!(found.contains(&"Tomas Lind"), "{found:?}");
    let ev = &a.person_evidence;
    for name in ["Ada Brandt", "Mira Solberg", "Kestrel Vane", "Paul Okafor"] {
        assert!(ev.iter().any(|n| n == name), "{name} not in {ev:?}");
    }
    assert!(!ev.iter().any(|n| n == "Tomas Lind"), "{ev:?}");
}

#[test]
fn a_surname_after_an_initial_is_another_name() {
    let a = analyze(&article(
        "a",
        1,
        &[
            "Forward Tarn Okafor has been brought into the side, coach Ada Brandt said.",
            "Team: G Lindqvist; S Okafor, D Vell; M Okafor, T Okafor, R Halvorsen.",
        ],
    ));
    let wrong: Vec<_> = a
        .mentions
        .iter()
        .filter(|m| m.paragraph == 1 && m.name == "Tarn Okafor")
        .collect();
    assert!(wrong.is_empty(), "{wrong:?}");
}

#[test]
fn a_short_form_the_article_writes_as_a_thing_is_no_mention() {
    // A product named after its maker: the maker's name is a thing.
    let a = analyze(&article(
        "a",
        1,
        &[
            "Staff will make Vellix Messenger available on phones.",
            "Vellix was the first internet firm to list. Vellix remains the leading brand.",
            "Rivals watch Vellix closely, analyst Ada Brandt said.",
        ],
    ));
    assert!(
        a.mentions.iter().all(|m| !m.name.contains("Vellix")),
        "{:?}",
        a.mentions
    );
    assert!(a.thing_evidence.iter().any(|n| n == "Vellix Messenger"));
    // A firm named after its founder: "the Okafor board" is the firm's.
    let b = analyze(&article(
        "b",
        1,
        &[
            "Okafor Broadcasting Co vice chairman Tarn Okafor said he would bid.",
            "The Okafor board rejected it. Okafor shareholders were not asked.",
        ],
    ));
    let surfaces: Vec<&str> = b.mentions.iter().map(|m| m.surface.as_str()).collect();
    assert_eq!(surfaces, vec!["Tarn Okafor"], "{:?}", b.mentions);
    // A person referred to by surname keeps every mention.
    let c = analyze(&article(
        "c",
        1,
        &[
            "Trade Minister Tarn Okafor arrived on Monday.",
            "Okafor said he was pleased. Okafor's aides agreed.",
        ],
    ));
    assert_eq!(c.mentions.len(), 3, "{:?}", c.mentions);
    let d = analyze(&article(
        "d",
        1,
        &["Vell Power Co named Tarn Okafor as chief executive. It said Okafor is the company's lawyer, and Okafor was a firm believer in it."],
    ));
    assert_eq!(d.mentions.len(), 3, "{:?}", d.mentions);
}

#[test]
fn a_name_before_a_company_suffix_is_the_firms() {
    // In the article itself: "and Co" after the name, read or not by the
    // tagger as a person, makes its mentions the firm's.
    let a = analyze(&article(
        "a",
        1,
        &[
            "Analysts at Peter Hallworth and Co said the market was weak.",
            "Peter Hallworth said profits would rise.",
        ],
    ));
    assert!(
        !a.mentions.iter().any(|m| m.name == "Peter Hallworth"),
        "{:?}",
        names_of(&a)
    );
    assert!(a.thing_evidence.contains(&"Peter Hallworth".to_string()));
    // Written with a suffix, the name is evidence of a firm for other
    // articles, whatever the tagger read here.
    let b = analyze(&article(
        "b",
        1,
        &["Shares of Simon Ratchford Securities rose, and Norman Elgate Corp fell."],
    ));
    for n in ["Simon Ratchford", "Norman Elgate"] {
        assert!(
            b.thing_evidence.contains(&n.to_string()),
            "{n}: {:?}",
            b.thing_evidence
        );
    }
    // A person named with no suffix, and a suffix with one word before.
    let c = analyze(&article(
        "c",
        1,
        &["Peter Hallworth and Anna Ratchford met Elgate Corp officials."],
    ));
    assert!(c.thing_evidence.is_empty(), "{:?}", c.thing_evidence);
}

#[test]
fn a_surname_written_in_capitals_is_the_same_name() {
    let a = analyze(&article(
        "a",
        1,
        &[
            "Pitcher Mark Halvorsen signed on Monday.",
            "HALVORSEN: I am glad to be here.",
        ],
    ));
    let got = names_of(&a);
    assert!(
        got.contains(&("HALVORSEN", "Mark Halvorsen", MentionKind::Partial)),
        "{got:?}"
    );
}

#[test]
fn a_title_glued_to_a_name_is_still_a_title() {
    let a = analyze(&article(
        "a",
        1,
        &["Gov.Ada Brandt signed the bill on Monday, and Brandt said it would help."],
    ));
    let got = names_of(&a);
    assert!(
        got.contains(&("Ada Brandt", "Ada Brandt", MentionKind::Full)),
        "{got:?}"
    );
}

#[test]
fn an_honorific_of_the_other_gender_is_someone_else() {
    let a = analyze(&article(
        "a",
        1,
        &["Farmer Tomas Vellinger opened the mill on Monday. He said the harvest was late. Mr Vellinger thanked the workers, and Mrs Vellinger served lunch."],
    ));
    let got = names_of(&a);
    assert!(
        got.contains(&("Vellinger", "Tomas Vellinger", MentionKind::Partial)),
        "{got:?}"
    );
    // His wife is not a mention of him.
    assert_eq!(
        got.iter().filter(|m| m.1 == "Tomas Vellinger").count(),
        2,
        "{got:?}"
    );
    // With a woman of the same surname named in full, "Mrs" is hers.
    let b = analyze(&article(
        "b",
        1,
        &["Ada Vellinger arrived first. Tomas Vellinger opened the mill. He said the harvest was late. Mrs Vellinger served lunch."],
    ));
    let got = names_of(&b);
    assert!(
        got.contains(&("Vellinger", "Ada Vellinger", MentionKind::Partial)),
        "{got:?}"
    );
}
