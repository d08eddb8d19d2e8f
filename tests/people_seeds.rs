//! People on the five seed articles (../shared/seeds): exactly one person per
//! real person named in them, nobody else, each with exactly the seed files
//! naming them; the nine principal figures carry a role.
//!
//! The expectations below come from reading the seeds (who is named in which
//! file), not from the program's output. Seed files are referred to by their
//! number prefix (`000_…` → "000"). A person named in a file only inside a
//! photo caption still counts for that file: captions link people named in
//! prose elsewhere (they never create one).

use briefing::nlp::analysis::analyze;
use briefing::nlp::names::normalise;
use briefing::people::{resolve, Curation, Person};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// (a spelling used in the seeds, seed files naming the person).
const EXPECTED: &[(&str, &[&str])] = &[
    ("Donald Trump", &["000", "001", "002", "003", "004"]),
    ("Vladimir Putin", &["000", "001", "002", "003", "004"]),
    ("Marco Rubio", &["000", "001", "002", "003", "004"]),
    ("Mike Waltz", &["000", "001", "002", "003", "004"]),
    ("Steve Witkoff", &["000", "001", "002", "003", "004"]),
    ("Sergei Lavrov", &["000", "001", "002", "003", "004"]),
    ("Yuri Ushakov", &["000", "001", "002", "003", "004"]),
    ("Kirill Dmitriev", &["000", "001", "002", "003", "004"]),
    ("Volodymyr Zelenskyy", &["000", "001", "002", "004"]),
    ("Faisal bin Farhan", &["000", "004"]),
    ("Musaed al Alban", &["000"]),
    ("Guo Jiakun", &["001"]),
    ("Recep Tayyip Erdoğan", &["002"]),
    ("Joe Biden", &["002", "003"]),
    ("Antony Blinken", &["002", "004"]),
    ("Dick Schoof", &["003"]),
    ("Tammy Bruce", &["003", "004"]),
    ("Keir Starmer", &["003", "004"]),
    ("Keith Kellogg", &["003"]),
    ("Dmitry Peskov", &["004"]),
    ("Olaf Scholz", &["004"]),
    ("Emmanuel Macron", &["004"]),
];

/// Spellings that must end up on the same page as the first one.
const VARIANTS: &[&[&str]] = &[
    &["Sergei Lavrov", "Sergey Lavrov"],
    &["Yuri Ushakov", "Yury Ushakov"],
    &["Volodymyr Zelenskyy", "Volodymyr Zelensky"],
    &["Marco Rubio", "Marco Antonio Rubio"],
    &["Faisal bin Farhan", "Faisal bin Farhan Al Saud"],
];

const PRINCIPALS: &[&str] = &[
    "Marco Rubio",
    "Sergei Lavrov",
    "Mike Waltz",
    "Steve Witkoff",
    "Yuri Ushakov",
    "Kirill Dmitriev",
    "Volodymyr Zelenskyy",
    "Donald Trump",
    "Vladimir Putin",
];

struct Seeds {
    articles: Vec<briefing::Article>,
    /// Article id → file number ("000").
    file_of: BTreeMap<String, String>,
    people: Vec<Person>,
}

fn seeds() -> Option<Seeds> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds"));
    if !dir.is_dir() {
        eprintln!("skipping: ../shared/seeds not found");
        return None;
    }
    let loaded = briefing::content::load(dir).expect("seeds load");
    // The seed directory also holds a README, which is not an article.
    let articles: Vec<_> = loaded
        .articles
        .into_iter()
        .filter(|a| a.source_path.ends_with(".txt"))
        .collect();
    assert_eq!(articles.len(), 5, "five seed articles");
    let file_of = articles
        .iter()
        .map(|a| (a.id.clone(), a.source_path[..3].to_string()))
        .collect();
    let analyses: Vec<_> = articles.iter().map(analyze).collect();
    let people = resolve(&articles, &analyses, &Curation::default());
    Some(Seeds {
        articles,
        file_of,
        people,
    })
}

/// People having `spelling` among their aliases.
fn with_spelling<'a>(people: &'a [Person], spelling: &str) -> Vec<&'a Person> {
    let key = normalise(spelling);
    people
        .iter()
        .filter(|p| p.aliases.iter().any(|a| normalise(a) == key))
        .collect()
}

fn one<'a>(people: &'a [Person], spelling: &str) -> &'a Person {
    let found = with_spelling(people, spelling);
    let slugs: Vec<&str> = found.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(
        found.len(),
        1,
        "exactly one person spelled {spelling:?}, found {slugs:?}"
    );
    found[0]
}

#[test]
fn one_person_per_real_person_and_no_one_else() {
    let Some(s) = seeds() else { return };
    let mut matched = BTreeSet::new();
    for (spelling, _) in EXPECTED {
        matched.insert(one(&s.people, spelling).slug.clone());
    }
    assert_eq!(
        matched.len(),
        EXPECTED.len(),
        "two expected people share a page"
    );
    let extra: Vec<(&str, &Vec<String>)> = s
        .people
        .iter()
        .filter(|p| !matched.contains(&p.slug))
        .map(|p| (p.name.as_str(), &p.aliases))
        .collect();
    assert!(
        extra.is_empty(),
        "pages for things that are not people in the seeds: {extra:?}"
    );
    assert_eq!(s.people.len(), 22);
}

#[test]
fn spelling_variants_share_one_page() {
    let Some(s) = seeds() else { return };
    for group in VARIANTS {
        let first = &one(&s.people, group[0]).slug;
        for v in &group[1..] {
            assert_eq!(
                &one(&s.people, v).slug,
                first,
                "{v:?} should be on {first}'s page"
            );
        }
    }
}

#[test]
fn each_person_lists_exactly_the_files_naming_them() {
    let Some(s) = seeds() else { return };
    for (spelling, files) in EXPECTED {
        let p = one(&s.people, spelling);
        let got: BTreeSet<&str> = p.articles.iter().map(|id| s.file_of[id].as_str()).collect();
        let want: BTreeSet<&str> = files.iter().copied().collect();
        assert_eq!(got, want, "articles of {spelling}");
    }
}

#[test]
fn principals_carry_a_role() {
    let Some(s) = seeds() else { return };
    for spelling in PRINCIPALS {
        let p = one(&s.people, spelling);
        assert!(
            p.roles.iter().any(|r| r.article.is_some()),
            "{spelling} has no stated role"
        );
    }
    let rubio = one(&s.people, "Marco Rubio");
    assert!(
        rubio
            .roles
            .iter()
            .any(|r| r.title.contains("Secretary of State")),
        "{:?}",
        rubio.roles
    );
    let dmitriev = one(&s.people, "Kirill Dmitriev");
    assert!(
        dmitriev
            .roles
            .iter()
            .any(|r| r.title.starts_with("head of Russia")),
        "{:?}",
        dmitriev.roles
    );
}

#[test]
fn quotes_are_verbatim_and_attributed_to_named_speakers() {
    let Some(s) = seeds() else { return };
    let by_id: BTreeMap<&str, &briefing::Article> =
        s.articles.iter().map(|a| (a.id.as_str(), a)).collect();
    for p in &s.people {
        for q in &p.quotes {
            let text = &by_id[q.article.as_str()].paragraphs[q.paragraph].text;
            assert!(
                text.contains(&q.text),
                "quote of {} not verbatim in its paragraph: {:?}",
                p.name,
                q.text
            );
        }
    }
    let dmitriev = one(&s.people, "Kirill Dmitriev");
    let verbs: BTreeSet<&str> = dmitriev.quotes.iter().map(|q| q.verb.as_str()).collect();
    assert!(
        verbs.contains("said") && verbs.contains("told"),
        "{verbs:?}"
    );
    // Quoted directly in the seeds (after the quote, by title, by pronoun).
    for spelling in [
        "Dick Schoof",
        "Keith Kellogg",
        "Guo Jiakun",
        "Tammy Bruce",
        "Emmanuel Macron",
    ] {
        assert!(
            !one(&s.people, spelling).quotes.is_empty(),
            "{spelling} has no quote"
        );
    }
    // Named inside other people's quotes, never quoted himself.
    assert!(one(&s.people, "Donald Trump").quotes.is_empty());
}

#[test]
fn resolution_is_deterministic() {
    let Some(a) = seeds() else { return };
    let Some(b) = seeds() else { return };
    assert_eq!(
        serde_json::to_string(&a.people).unwrap(),
        serde_json::to_string(&b.people).unwrap()
    );
}
