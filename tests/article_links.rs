//! Issue #13: links and images written in articles. Relative links to other
//! articles reach their pages, files beside an article are published and
//! linked, and `check` names every broken link and missing image as
//! `path:line` and fails. `--drafts` publishes drafts for a preview.

mod common;

use briefing::build::{self, BuildOptions};
use common::*;
use std::fs;
use std::path::Path;

const A: &str = "---
title: Harbour council meets
date: 2026-03-01
---
The council met on Monday, as [the wire said](../wire/b.md#p1).

![A map of the harbour](img/map.png)

The minutes are [here](minutes.pdf), and the earlier [story](../b-harbour-report/).

A [missing story](gone.md) and a [draft](c.md).

![Lost picture](img/lost.png)

Not kept: [a script](javascript:alert(1)) and [a page](page.html).
";

fn site(name: &str) -> std::path::PathBuf {
    let root = temp_dir(name);
    let c = root.join("content");
    fs::create_dir_all(c.join("news/img")).unwrap();
    fs::create_dir_all(c.join("wire")).unwrap();
    fs::write(c.join("news/a.md"), A).unwrap();
    fs::write(c.join("news/img/map.png"), b"\x89PNG fake").unwrap();
    fs::write(c.join("news/minutes.pdf"), b"%PDF fake").unwrap();
    fs::write(c.join("news/page.html"), "<script>alert(1)</script>").unwrap();
    fs::write(
        c.join("news/c.md"),
        "---\ntitle: Draft note\ndate: 2026-03-02\ndraft: true\n---\nNot yet.\n",
    )
    .unwrap();
    fs::write(
        c.join("wire/b.md"),
        "---\ntitle: B harbour report\ndate: 2026-02-27\n---\nThe ferry runs at night.\n",
    )
    .unwrap();
    root
}

fn opts(root: &Path, drafts: bool) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        base_url: Some("https://e.org/".into()),
        drafts,
        ..Default::default()
    }
}

#[test]
fn relative_links_and_bundled_images_resolve_on_the_page() {
    let root = site("article-links");
    build::run(&opts(&root, false)).unwrap_or_else(|e| panic!("{e}"));
    let public = root.join("public");
    let page =
        fs::read_to_string(public.join("articles/harbour-council-meets/index.html")).unwrap();
    assert!(
        page.contains("href=\"../../articles/b-harbour-report/#p1\""),
        "{page}"
    );
    assert!(page.contains("href=\"../../articles/b-harbour-report/\""));
    assert!(
        page.contains("src=\"../../files/news/img/map.png\" alt=\"A map of the harbour\""),
        "{page}"
    );
    assert!(page.contains("href=\"../../files/news/minutes.pdf\""));
    assert_eq!(
        fs::read(public.join("files/news/img/map.png")).unwrap(),
        b"\x89PNG fake"
    );
    assert!(public.join("files/news/minutes.pdf").is_file());
    // Never published: HTML beside an article, scripts, broken targets.
    assert!(!public.join("files/news/page.html").exists());
    assert!(!page.contains("javascript:"));
    assert!(
        !page.contains("gone.md") && !page.contains("lost.png"),
        "{page}"
    );
    assert!(page.contains("Lost picture"), "alt text kept");
}

#[test]
fn check_reports_every_broken_link_and_image_with_its_line_and_fails() {
    let root = site("article-links-check");
    let err = briefing::commands::check(&opts(&root, false)).unwrap_err();
    for (line, what) in [
        (11, "gone.md"),
        (11, "not published (draft: true)"),
        (13, "img/lost.png"),
        (15, "javascript:alert(1)"),
        (15, "page.html"),
    ] {
        let want = format!("content/news/a.md:{line}: broken");
        assert!(
            err.lines()
                .any(|l| l.starts_with(&want) && l.contains(what)),
            "no `{want}` … {what} in:\n{err}"
        );
    }
    assert!(err.starts_with("5 broken"), "{err}");
    // With drafts included, the link to the draft resolves.
    let err = briefing::commands::check(&opts(&root, true)).unwrap_err();
    assert!(
        err.starts_with("4 broken") && !err.contains("c.md"),
        "{err}"
    );
}

#[test]
fn drafts_flag_builds_drafts_for_a_preview() {
    let root = site("article-links-drafts");
    build::run(&opts(&root, true)).unwrap();
    assert!(root.join("public/articles/draft-note/index.html").is_file());
    build::run(&opts(&root, false)).unwrap();
    assert!(!root.join("public/articles/draft-note/index.html").exists());
}
