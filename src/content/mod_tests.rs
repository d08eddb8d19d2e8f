use super::*;
use std::fs;
use std::path::PathBuf;

fn parse(path: &str, text: &str) -> Article {
    parse_article(path, text.as_bytes(), Date::new(2000, 1, 1)).unwrap_or_else(|e| panic!("{e:?}"))
}

fn kinds(a: &Article) -> Vec<BlockKind> {
    a.paragraphs.iter().map(|p| p.kind.clone()).collect()
}

/// A fresh directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("briefing-content-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, rel: &str, bytes: &[u8]) {
        let p = self.0.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, bytes).unwrap();
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[test]
fn front_matter_article_takes_fields_from_yaml() {
    let a = parse(
        "wire/x.md",
        "---\ntitle: Dock strike ends\ndate: 1999-04-05T10:00:00Z\nsource: Wire\ntags: docks\n\
         dateline: \"PORTLAND, April 5\"\ncode: 17\n---\nWorkers returned on Monday.\n\nShort line\n\nPay rose.\n",
    );
    assert_eq!(a.title, "Dock strike ends");
    assert_eq!(a.id, "dock-strike-ends");
    assert_eq!(
        (a.date, a.date_source),
        (Date::new(1999, 4, 5).unwrap(), DateSource::FrontMatter)
    );
    assert_eq!(a.source.as_deref(), Some("Wire"));
    assert_eq!(a.place.as_deref(), Some("Portland"));
    assert_eq!(a.tags, ["docks"]);
    assert_eq!(a.extra.get("code").map(String::as_str), Some("17"));
    assert_eq!(a.format, Format::MarkdownFrontMatter);
    // No heading guessing for front matter articles.
    assert_eq!(
        kinds(&a),
        [BlockKind::Prose, BlockKind::Prose, BlockKind::Prose]
    );
    let anchors: Vec<_> = a.paragraphs.iter().map(|p| p.anchor.as_str()).collect();
    assert_eq!(anchors, ["p1", "p2", "p3"]);
}

#[test]
fn front_matter_without_title_or_source_infers_them() {
    let a = parse(
        "y.md",
        "---\nurl: https://www.cnbc.com/a\ndraft: true\n---\nMarkets slid today. Then rose.\n",
    );
    assert_eq!(a.title, "Markets slid today");
    assert_eq!(a.source.as_deref(), Some("CNBC"));
    assert!(a.draft);
}

#[test]
fn txt_with_markdown_markup_is_markdown() {
    let a = parse(
        "n.txt",
        "\n# Ferry **service** resumes\n\nMay 6, 2031\n\nBoats ran [again](#) on the **north** route.\n\n\
         ### **Embed:**\n\n**Related article:** [Other ferry news](#)\n\nOriginal url:\n\n<https://www.dw.com/en/x>",
    );
    assert_eq!(a.format, Format::Markdown);
    assert_eq!(a.title, "Ferry service resumes");
    assert_eq!(
        (a.date, a.date_source),
        (Date::new(2031, 5, 6).unwrap(), DateSource::StandaloneDate)
    );
    assert_eq!(a.url.as_deref(), Some("https://www.dw.com/en/x"));
    assert_eq!(a.source.as_deref(), Some("DW"));
    assert_eq!(a.paragraphs.len(), 1, "{:?}", a.paragraphs);
    assert_eq!(a.paragraphs[0].text, "Boats ran again on the north route.");
    assert_eq!(
        a.paragraphs[0].markdown.as_deref(),
        Some("Boats ran [again](#) on the **north** route.")
    );
}

#[test]
fn plain_text_without_metadata() {
    let a = parse(
        "c.txt",
        "A crane lifts a hull at the yard on March 9, 2032.\nJo Lund | Getty Images\n\
         Shipbuilders finished the largest vessel built at the northern yard in a decade this week, a spokesman said.\n\
         The hull left the dock on April 1, 2032.",
    );
    assert_eq!(a.format, Format::Text);
    assert_eq!(
        kinds(&a),
        [BlockKind::Caption, BlockKind::Prose, BlockKind::Prose]
    );
    // The caption's date is the photo's, not the article's (issue 11).
    assert_eq!(
        (a.date, a.date_source),
        (Date::new(2032, 4, 1).unwrap(), DateSource::TextMention)
    );
    assert!(
        a.title.starts_with("Shipbuilders finished") && a.title.ends_with('…'),
        "{}",
        a.title
    );
    assert!(a.paragraphs.iter().all(|p| !p.text.contains("Getty")));
    assert!(a.paragraphs.iter().all(|p| p.markdown.is_none()));
}

#[test]
fn mtime_is_the_last_resort_and_missing_date_is_an_error() {
    let a = parse("d.txt", "Nothing dated here at all.");
    assert_eq!(
        (a.date, a.date_source),
        (Date::new(2000, 1, 1).unwrap(), DateSource::FileMtime)
    );
    assert!(a.notes.iter().any(|n| n.contains("modification time")));
    let e = parse_article("d.txt", b"Nothing dated.", None).unwrap_err();
    assert_eq!((e[0].path.as_str(), e[0].line), ("d.txt", 1));
}

#[test]
fn wire_dateline_sets_place_and_source_and_is_removed() {
    let a = parse(
        "w.txt",
        " date 2033-08-09 QUITO (Wirenews) - Rain closed roads.\n\nCrews worked.",
    );
    assert_eq!(a.source.as_deref(), Some("Wirenews"));
    assert_eq!(a.place.as_deref(), Some("Quito"));
    assert_eq!(a.paragraphs[0].text, "Rain closed roads.");
    assert_eq!(a.date_source, DateSource::DateLine);
}

#[test]
fn url_outlet_wins_over_dateline_agency() {
    let a = parse(
        "w.md",
        "LIMA (Wirenews): Text here.\n\nOriginal url: https://www.example-daily.org/a\n",
    );
    assert_eq!(a.source.as_deref(), Some("Example Daily"));
    assert_eq!(a.place.as_deref(), Some("Lima"));
}

#[test]
fn sign_off_gives_the_source_last() {
    let a = parse(
        "s.txt",
        " date 2030-01-01\nFirst paragraph.\n\nSecond one.\n\n-- Valley Herald\n",
    );
    assert_eq!(a.source.as_deref(), Some("Valley Herald"));
    assert_eq!(a.paragraphs.last().unwrap().kind, BlockKind::Other);
    let a = parse(
        "s.txt",
        "OSLO (Wirenews): First.\n\nSecond.\n\n-- Valley Herald\n",
    );
    assert_eq!(a.source.as_deref(), Some("Wirenews"));
}

#[test]
fn one_pasted_link_does_not_make_text_markdown() {
    let a = parse("p.txt", "Line one is here.\nLine two is here.\nRelated article: [More](https://x.example/a)\nLine three.");
    assert_eq!(a.format, Format::Text);
    assert_eq!(a.paragraphs.len(), 3);
}

#[test]
fn txt_never_has_front_matter() {
    let a = parse("t.txt", "---\ntitle: x\n---\nBody text.");
    assert_eq!(a.format, Format::Text);
    assert!(a.extra.is_empty());
}

#[test]
fn windows_1252_bom_and_crlf_are_handled() {
    let a = parse_article(
        "e.txt",
        b"It\x92s a caf\xE9 story.\r\n\r\nMore.\r\n",
        Date::new(2000, 1, 1),
    )
    .unwrap();
    assert_eq!(a.paragraphs[0].text, "It’s a café story.");
    assert_eq!(a.notes[0], "decoded as Windows-1252: not valid UTF-8");
    let a = parse_article(
        "b.md",
        b"\xEF\xBB\xBF---\r\ntitle: Bom\r\n---\r\nText.\r\n",
        None,
    )
    .unwrap_err();
    // The BOM does not hide the front matter: it is parsed (and lacks a date).
    assert!(a[0].message.contains("no date"), "{}", a[0].message);
}

#[test]
fn frontmatter_errors_are_reported_with_file_positions() {
    let e = parse_article(
        "bad.md",
        b"---\ntitle: ok\ntags: 5\ndraft: maybe\n---\nx",
        None,
    )
    .unwrap_err();
    let at: Vec<_> = e
        .iter()
        .map(|e| format!("{}:{}:{}", e.path, e.line, e.column))
        .collect();
    assert_eq!(at, ["bad.md:3:7", "bad.md:4:8"]);
}

#[test]
fn load_walks_sorted_skips_and_lists_non_articles() {
    let dir = TempDir::new("walk");
    dir.write("b.md", b"---\ntitle: Bee\ndate: 2020-01-02\n---\nText.");
    dir.write("a/z.txt", b" date 2020-01-03\nZed text.");
    dir.write(
        "a.md",
        b"---\ntitle: Ay\ndate: 2020-01-01\ndraft: true\n---\nText.",
    );
    dir.write("pic.png", b"\x89PNG");
    dir.write("NOTES", b"x");
    dir.write("a/ReadMe.md", b"About these files, dated March 1, 2020.");
    dir.write(".hidden.md", b"---\nbroken");
    dir.write(".git/config.md", b"---\nbroken");
    dir.write("people/p.md", b"---\nbroken");
    dir.write("events/e.yaml", b"x");
    dir.write(
        "a/people/kept.md",
        b"---\ntitle: Kept\ndate: 2020-01-04\n---\nText.",
    );
    let loaded = load(&dir.0).unwrap();
    let paths: Vec<_> = loaded
        .articles
        .iter()
        .map(|a| a.source_path.as_str())
        .collect();
    assert_eq!(paths, ["a.md", "a/people/kept.md", "a/z.txt", "b.md"]);
    assert!(loaded.articles[0].draft);
    let skipped: Vec<_> = loaded
        .skipped
        .iter()
        .map(|s| (s.path.as_str(), s.reason.clone()))
        .collect();
    assert_eq!(skipped.len(), 3, "{skipped:?}");
    assert_eq!(skipped[0].0, "NOTES");
    assert!(skipped[0].1.contains("no extension"));
    assert_eq!(skipped[1].0, "a/ReadMe.md");
    assert!(skipped[1].1.contains("README"));
    assert_eq!(skipped[2].0, "pic.png");
    assert!(skipped[2].1.contains(".png"));
}

#[test]
fn load_lists_every_bad_file() {
    let dir = TempDir::new("errors");
    dir.write("ok.md", b"---\ntitle: Fine\ndate: 2020-01-01\n---\nText.");
    dir.write(
        "z/one.md",
        b"---\ntitle: [unclosed\ndate: 2020-01-01\n---\nx",
    );
    dir.write("two.md", b"---\ntitle: Two\ndate: someday\n---\nx");
    dir.write("three.markdown", b"---\ntitle: Three\n");
    let err = load(&dir.0).unwrap_err();
    let at: Vec<_> = err
        .0
        .iter()
        .map(|e| format!("{}:{}:{}", e.path, e.line, e.column))
        .collect();
    assert_eq!(at, ["three.markdown:1:1", "two.md:3:7", "z/one.md:3:5"]);
    let shown = err.to_string();
    assert!(
        shown.contains("two.md:3:7: `date`") && shown.contains("\n  help: "),
        "{shown}"
    );
}

#[test]
fn unreadable_file_is_an_error() {
    let dir = TempDir::new("unreadable");
    let e = load_file(&dir.0, &dir.0.join("missing.md")).unwrap_err();
    assert_eq!(e[0].path, "missing.md");
    assert!(
        e[0].message
            .contains("disappeared while the build was reading it"),
        "{}",
        e[0].message
    );
    assert!(load(&dir.0.join("nope")).is_err());
}

#[test]
fn colliding_slugs_are_deterministic_and_stable() {
    let article = |path: &str, day: u8| {
        let text = format!("---\ntitle: Same Title\ndate: 2020-01-{day:02}\n---\nText.");
        parse_article(path, text.as_bytes(), None).unwrap()
    };
    let suffix = |path: &str| {
        format!(
            "same-title-{}",
            &format!("{:016x}", slug::fnv1a64(path.as_bytes()))[..6]
        )
    };
    let mut two = vec![article("b.md", 1), article("a.md", 2)];
    slug::dedupe(&mut two);
    assert_eq!(two[0].id, "same-title");
    assert_eq!(two[1].id, suffix("a.md"));
    // A later article with the same title does not move the existing ones.
    let mut three = vec![article("b.md", 1), article("a.md", 2), article("0.md", 3)];
    slug::dedupe(&mut three);
    assert_eq!(three[0].id, two[0].id);
    assert_eq!(three[1].id, two[1].id);
    assert_eq!(three[2].id, suffix("0.md"));
}
