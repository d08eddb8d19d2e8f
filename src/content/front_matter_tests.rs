use super::*;

fn fm(yaml: &str) -> FrontMatter {
    parse("a.md", yaml).unwrap_or_else(|e| panic!("{e:?}"))
}

fn errs(yaml: &str) -> Vec<ContentError> {
    parse("dir/a.md", yaml).expect_err("should fail")
}

#[test]
fn splits_at_closing_dashes_or_dots() {
    let s = split("a.md", "---\ntitle: x\n---\nbody\n")
        .unwrap()
        .unwrap();
    assert_eq!((s.yaml, s.body), ("title: x\n", "body\n"));
    let s = split("a.md", "---  \nk: v\n...\nrest").unwrap().unwrap();
    assert_eq!((s.yaml, s.body), ("k: v\n", "rest"));
    let s = split("a.md", "---\n---\n").unwrap().unwrap();
    assert_eq!((s.yaml, s.body), ("", ""));
}

#[test]
fn no_front_matter_without_opening_line() {
    assert_eq!(split("a.md", "# Title\n---\n").unwrap(), None);
    assert_eq!(split("a.md", "----\nx\n----\n").unwrap(), None);
    assert_eq!(split("a.md", "").unwrap(), None);
}

#[test]
fn unterminated_front_matter_is_an_error() {
    let e = split("x/y.md", "---\ntitle: open\nbody text\n").unwrap_err();
    assert_eq!((e.path.as_str(), e.line, e.column), ("x/y.md", 1, 1));
    assert!(e.message.contains("never closed"), "{}", e.message);
    assert!(split("x/y.md", "---").is_err());
}

#[test]
fn reads_known_keys() {
    let f = fm("title: Harbour reopens\ndate: 2031-07-04\nsource: Example Post\nurl: https://e.example/a\n\
                author: Kim Roe\ntags: [ports, trade]\nevent: harbour-2031\npeople: [Kim Roe, Lee Poe]\n\
                draft: true\nsummary: Short.\n");
    assert_eq!(f.title.as_deref(), Some("Harbour reopens"));
    assert_eq!(f.date, Date::new(2031, 7, 4));
    assert_eq!(f.source.as_deref(), Some("Example Post"));
    assert_eq!(f.url.as_deref(), Some("https://e.example/a"));
    assert_eq!(f.author.as_deref(), Some("Kim Roe"));
    assert_eq!(f.tags, ["ports", "trade"]);
    assert_eq!(f.event.as_deref(), Some("harbour-2031"));
    assert_eq!(f.people, ["Kim Roe", "Lee Poe"]);
    assert!(f.draft);
    assert_eq!(f.summary.as_deref(), Some("Short."));
    assert!(f.extra.is_empty());
}

#[test]
fn single_string_tags_datetimes_and_nulls() {
    let f = fm("tags: solo\npeople: One Person\ndate: 1990-05-06T07:08:09Z\ntitle: ~\ndraft:\n");
    assert_eq!(f.tags, ["solo"]);
    assert_eq!(f.people, ["One Person"]);
    assert_eq!(f.date, Date::new(1990, 5, 6));
    assert_eq!(f.title, None);
    assert!(!f.draft);
    assert_eq!(fm(""), FrontMatter::default());
}

#[test]
fn unknown_keys_are_kept_compactly() {
    let f = fm("dateline: \"OSLO, May 2\"\nnewid: 42\nplaces: [no, 'a,b']\nflag: false\nmeta: {k: v}\nempty:\n");
    let got: Vec<(&str, &str)> = f
        .extra
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("dateline", "OSLO, May 2"),
            ("empty", ""),
            ("flag", "false"),
            ("meta", "{k: v}"),
            ("newid", "42"),
            ("places", "[no, \"a,b\"]"),
        ]
    );
}

#[test]
fn syntax_errors_point_into_the_file() {
    // YAML line 3 is file line 4 (after the opening `---`).
    let e = &errs("title: ok\ntags: [a, b\nsummary: x\n")[0];
    assert_eq!(e.path, "dir/a.md");
    assert_eq!((e.line, e.column), (4, 8), "{e}");
    assert!(!e.message.contains("line 4 column 8"), "{}", e.message);
    assert!(
        e.message.contains("line 3 column 7"),
        "secondary position shifted: {}",
        e.message
    );
    let e = &errs("title: x\n  bad: indent\n")[0];
    assert_eq!((e.line, e.column), (3, 6), "{e}");
}

#[test]
fn every_wrong_type_is_reported_with_its_position() {
    let e = errs("title: fine\ntags: 5\ndraft: maybe\ndate: next tuesday\nauthor: [a, b]\n");
    let at: Vec<(usize, usize)> = e.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(at, [(3, 7), (4, 8), (5, 7), (6, 9)]);
    assert!(
        e[0].message.contains("`tags`") && e[0].message.contains("number"),
        "{}",
        e[0].message
    );
    assert!(
        e[1].message.contains("`draft`") && e[1].message.contains("maybe"),
        "{}",
        e[1].message
    );
    assert!(e[2].message.contains("`date`"), "{}", e[2].message);
    assert!(
        e[3].message.contains("`author`") && e[3].message.contains("list"),
        "{}",
        e[3].message
    );
    assert!(e.iter().all(|e| !e.help.is_empty()));
}

#[test]
fn list_items_must_be_strings() {
    let e = errs("people:\n  - Ann\n  - 7\n");
    assert_eq!((e[0].line, e[0].column), (2, 1));
    assert!(e[0].message.contains("`people`"), "{}", e[0].message);
}

#[test]
fn duplicate_keys_point_at_the_second() {
    let e = errs("title: a\nsource: b\ntitle: c\n");
    assert_eq!((e[0].line, e[0].column), (4, 8), "{}", e[0]);
    assert!(
        e[0].message.contains("`title` appears twice"),
        "{}",
        e[0].message
    );
}

#[test]
fn front_matter_must_be_a_mapping() {
    let e = errs("- a\n- b\n");
    assert_eq!((e[0].line, e[0].column), (2, 1));
    assert!(e[0].message.contains("a list"), "{}", e[0].message);
}

#[test]
fn relocates_secondary_positions_only() {
    assert_eq!(
        relocate_message(
            "bad at line 3 column 1, while parsing at line 2 column 7",
            (3, 1)
        ),
        "bad, while parsing at line 3 column 7"
    );
    assert_eq!(relocate_message("odd at line x", (1, 1)), "odd at line x");
}
