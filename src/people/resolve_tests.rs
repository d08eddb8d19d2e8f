//! Unit tests of `people::resolve` on hand-written articles.
use super::*;
use crate::nlp::analysis::analyze;
use crate::nlp::analysis::testing::article;
use crate::people::curated::{AliasGroup, CuratedPerson};

fn run(arts: &[Article], cur: &Curation) -> Vec<Person> {
    let an: Vec<Analysis> = arts.iter().map(analyze).collect();
    resolve(arts, &an, cur)
}

fn slugs(people: &[Person]) -> Vec<&str> {
    people.iter().map(|p| p.slug.as_str()).collect()
}

fn get<'a>(people: &'a [Person], slug: &str) -> &'a Person {
    people
        .iter()
        .find(|p| p.slug == slug)
        .unwrap_or_else(|| panic!("no {slug} in {:?}", slugs(people)))
}

#[test]
fn namesakes_in_different_articles_stay_apart() {
    let arts = [
        article(
            "a",
            1,
            &["Senator Tom Johnson said the bill would pass. Johnson voted for it."],
        ),
        article(
            "b",
            2,
            &["Energy Secretary Mary Johnson said prices would fall. Johnson left early."],
        ),
        article("c", 3, &["The vote was delayed, Johnson told reporters."]),
    ];
    let people = run(&arts, &Curation::default());
    assert_eq!(slugs(&people), vec!["mary-johnson", "tom-johnson"]);
    assert_eq!(get(&people, "tom-johnson").articles, vec!["a"]);
    assert_eq!(get(&people, "mary-johnson").articles, vec!["b"]);
}

#[test]
fn variants_merge_and_a_surname_alone_does_not_link_articles() {
    let arts = [
        article(
            "a",
            1,
            &["Foreign Minister Sergey Ivanchenko met the envoy."],
        ),
        article(
            "b",
            2,
            &["Foreign Minister Sergei Ivanchenko spoke. “We are ready,” Ivanchenko said."],
        ),
        article(
            "c",
            5,
            &["The talks were hosted by Ivanchenko, officials said."],
        ),
    ];
    let people = run(&arts, &Curation::default());
    assert_eq!(slugs(&people), vec!["sergei-ivanchenko"]);
    let p = &people[0];
    // "c" only shares the surname: not enough to be the same person.
    assert_eq!(p.articles, vec!["b", "a"], "newest first");
    assert_eq!(
        p.aliases,
        vec!["Ivanchenko", "Sergei Ivanchenko", "Sergey Ivanchenko"]
    );
    assert_eq!((p.first_seen.day, p.last_seen.day), (1, 2));
    assert_eq!(p.quotes.len(), 1);
    assert_eq!(p.quotes[0].anchor, "p1");
    assert!(p
        .roles
        .iter()
        .any(|r| r.title == "Foreign Minister" && r.article.as_deref() == Some("b")));
}

#[test]
fn a_bare_surname_links_articles_only_with_shared_context() {
    let full = "Foreign Minister Sergei Ivanchenko met Halvard Moen of the Nordic Grain Council in Geneva.";
    let arts = [
        article("a", 1, &[full]),
        article(
            "b",
            2,
            &["In Geneva, the Nordic Grain Council listened as Ivanchenko said the talks would resume."],
        ),
        article("c", 3, &["Ivanchenko Motors sold more vans in Poland."]),
    ];
    let people = run(&arts, &Curation::default());
    let p = get(&people, "sergei-ivanchenko");
    assert_eq!(p.articles, vec!["b", "a"]);
    assert_eq!(
        p.mentions[0].snippet,
        "In Geneva, the Nordic Grain Council listened as Ivanchenko said the talks would resume."
    );
}

#[test]
fn captions_link_but_never_create() {
    let arts = [
        article("a", 1, &["Governor Ada Brandt opened the bridge."]),
        article(
            "b",
            2,
            &[
                "CAPTION: Governor Ada Brandt and Mayor Tomas Lind at the bridge.",
                "The bridge opened.",
            ],
        ),
    ];
    let people = run(&arts, &Curation::default());
    assert_eq!(slugs(&people), vec!["ada-brandt"]);
    assert_eq!(people[0].articles, vec!["b", "a"]);
}

#[test]
fn curation_wins_and_never_people_are_dropped() {
    let arts = [
        article(
            "a",
            1,
            &["Governor Ada Brandt met Senator Paul Okafor and Mayor Tomas Lind."],
        ),
        article(
            "b",
            2,
            &["Brandtie, as fans call her, waved. Senator Paul Okafor watched."],
        ),
    ];
    let cur = Curation {
        people: vec![CuratedPerson {
            slug: "governor-brandt".into(),
            name: "Ada K. Brandt".into(),
            aliases: vec!["Brandtie".into()],
            role: Some("Governor of the North".into()),
            links: vec!["https://example.org/ada".into()],
            bio: Some("Governs.".into()),
            path: "people/governor-brandt.md".into(),
        }],
        never: BTreeSet::from([names::normalise("Tomas Lind")]),
        aliases: vec![AliasGroup {
            canonical: "Paul A. Okafor".into(),
            variants: vec!["Paul Okafor".into()],
        }],
    };
    let people = run(&arts, &cur);
    assert_eq!(slugs(&people), vec!["governor-brandt", "paul-a-okafor"]);
    let ada = get(&people, "governor-brandt");
    assert_eq!(ada.name, "Ada K. Brandt");
    assert_eq!(ada.roles[0].title, "Governor of the North");
    assert_eq!(ada.roles[0].article, None);
    assert_eq!(ada.articles, vec!["b", "a"]);
    assert_eq!(ada.bio.as_deref(), Some("Governs."));
    let okafor = get(&people, "paul-a-okafor");
    assert_eq!(
        okafor.co_mentioned,
        vec![CoMention {
            slug: "governor-brandt".into(),
            name: "Ada K. Brandt".into(),
            count: 2
        }]
    );
    let index = name_index(&people);
    assert_eq!(
        index
            .get(&("a".to_string(), "Ada Brandt".to_string()))
            .map(String::as_str),
        Some("governor-brandt")
    );
}

#[test]
fn drafts_are_skipped_and_output_is_stable() {
    let mut draft = article("z", 9, &["Mayor Tomas Lind spoke."]);
    draft.draft = true;
    let arts = [
        article("a", 1, &["Governor Ada Brandt spoke."]),
        article("b", 2, &["Halvorsen said the port would reopen."]),
        draft,
    ];
    let once = run(&arts, &Curation::default());
    // The draft's mayor and the never-resolved one-word "Halvorsen" get no page.
    assert_eq!(slugs(&once), vec!["ada-brandt"]);
    assert_eq!(once, run(&arts, &Curation::default()));
}

#[test]
fn a_mononym_needs_curation() {
    let arts = [article(
        "a",
        1,
        &["The singer Zanele said the tour would go on."],
    )];
    assert!(run(&arts, &Curation::default()).is_empty());
    let cur = Curation {
        people: vec![CuratedPerson {
            slug: "zanele".into(),
            name: "Zanele".into(),
            aliases: vec![],
            role: None,
            links: vec![],
            bio: None,
            path: "people/zanele.md".into(),
        }],
        ..Curation::default()
    };
    let people = run(&arts, &cur);
    assert_eq!(slugs(&people), vec!["zanele"]);
    assert_eq!(people[0].mentions[0].surface, "Zanele");
}

#[test]
fn a_name_read_mostly_inside_a_company_name_is_no_person() {
    let arts = [
        article(
            "a",
            1,
            &["Shares of Dean Halvard Holdings Corp rose 5 pct on Monday."],
        ),
        article(
            "b",
            2,
            &["Dean Halvard Holdings Corp said it would buy a mill."],
        ),
        article(
            "c",
            3,
            &["The broker Dean Halvard Holdings Corp lowered its forecast."],
        ),
        article("d", 4, &["Dean Halvard said profits would rise."]),
        article(
            "e",
            5,
            &["Trade Minister Ingrid Halvorsen said profits would rise."],
        ),
    ];
    let people = run(&arts, &Curation::default());
    assert_eq!(slugs(&people), vec!["ingrid-halvorsen"]);
}

#[test]
fn an_article_naming_very_many_people_co_mentions_only_its_most_named() {
    let first = [
        "Ada", "Paul", "Ingrid", "Tomas", "Mira", "Jonas", "Lena", "Oskar", "Nadia",
    ];
    let last = [
        "Brandt",
        "Okafor",
        "Halvorsen",
        "Quill",
        "Varga",
        "Lindqvist",
        "Moreau",
        "Petrov",
        "Sato",
    ];
    let mut paras: Vec<String> = Vec::new();
    for f in first {
        for l in last {
            paras.push(format!("{f} {l} said the harbour plan would work."));
        }
    }
    paras.push("Ada Brandt said it again. Ada Brandt was sure.".into());
    let refs: Vec<&str> = paras.iter().map(String::as_str).collect();
    let people = run(&[article("a", 1, &refs)], &Curation::default());
    assert!(people.len() > MAX_CO_MENTIONED, "{}", people.len());
    let listed = people.iter().filter(|p| !p.co_mentioned.is_empty()).count();
    assert_eq!(listed, MAX_CO_MENTIONED);
    assert!(people
        .iter()
        .all(|p| p.co_mentioned.len() < MAX_CO_MENTIONED));
    let ada = people.iter().find(|p| p.name == "Ada Brandt").unwrap();
    assert_eq!(
        ada.co_mentioned.len(),
        MAX_CO_MENTIONED - 1,
        "the most named"
    );
}

#[test]
fn a_shared_surname_goes_to_the_one_person_the_context_supports() {
    let arts = [
        article(
            "a",
            1,
            &["Foreign Minister Sergei Ivanchenko met Halvard Moen of the Nordic Grain Council in Geneva."],
        ),
        article(
            "o",
            2,
            &["Olga Ivanchenko spoke for the Atlantic Fishing Board in Porto on Monday."],
        ),
        article(
            "b",
            3,
            &["In Geneva, the Nordic Grain Council listened as Ivanchenko said the talks would resume."],
        ),
        // Context shared with both people: neither gets the mention.
        article(
            "d",
            4,
            &["In Geneva and Porto, the Nordic Grain Council and the Atlantic Fishing Board heard Ivanchenko."],
        ),
    ];
    let people = run(&arts, &Curation::default());
    assert_eq!(get(&people, "sergei-ivanchenko").articles, vec!["b", "a"]);
    assert_eq!(get(&people, "olga-ivanchenko").articles, vec!["o"]);
}

#[test]
fn spellings_of_one_role_share_the_first_title() {
    let arts = [
        article("a", 1, &["Borvia's trade envoy Ada Quillfeather spoke."]),
        article("b", 2, &["Borvia trade envoy Ada Quillfeather left."]),
    ];
    let people = run(&arts, &Curation::default());
    let p = get(&people, "ada-quillfeather");
    let titles: BTreeSet<&str> = p.roles.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles.len(), 1, "{titles:?}");
    assert_eq!(p.roles.len(), 2, "one entry per article");
}

#[test]
fn a_name_the_corpus_writes_with_a_company_suffix_is_the_firm() {
    let firm = article(
        "a",
        1,
        &["Analysts at Peter Hallworth and Co expect a weak year."],
    );
    let alone = article("b", 2, &["Peter Hallworth said profits would rise."]);
    // Written alone, with nothing to tell, the name is a person's.
    let people = run(std::slice::from_ref(&alone), &Curation::default());
    assert_eq!(slugs(&people), vec!["peter-hallworth"]);
    // Once another article writes it "and Co", it is the firm's.
    let people = run(&[firm.clone(), alone], &Curation::default());
    assert!(people.is_empty(), "{:?}", slugs(&people));
    // A person with evidence of their own stays one ("he", a role).
    let person = article(
        "c",
        3,
        &["Peter Hallworth, the firm's founder, said he would retire. Hallworth is 70."],
    );
    let people = run(&[firm, person], &Curation::default());
    assert_eq!(slugs(&people), vec!["peter-hallworth"]);
}
