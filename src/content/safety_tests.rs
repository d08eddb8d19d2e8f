//! Issue 12, "nothing silently": files that are not articles are skipped
//! with a warning naming them (or fail under `--strict`), link problems are
//! skipped, `--keep-going` lists what it left out.

use super::*;
use std::fs;
use std::path::PathBuf;

/// A fresh content directory in the temp folder.
fn content(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("briefing-safety-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    fs::write(
        d.join("good.md"),
        "---\ntitle: Bridge opens\ndate: 2025-03-01\n---\nThe bridge opened on Monday.\n",
    )
    .unwrap();
    d
}

fn skipped<'a>(loaded: &'a Loaded, path: &str) -> &'a Skipped {
    loaded
        .skipped
        .iter()
        .find(|s| s.path == path)
        .unwrap_or_else(|| panic!("{path} not skipped: {:?}", loaded.skipped))
}

#[test]
fn binary_empty_and_blank_files_are_skipped_with_a_warning() {
    let d = content("binary");
    fs::write(d.join("empty.txt"), "").unwrap();
    fs::write(d.join("blank.md"), " \n\t\n  \n").unwrap();
    fs::write(
        d.join("elf.txt"),
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
    )
    .unwrap();
    fs::write(d.join("nul.md"), b"Title\n\nSome text\0 with a NUL.\n").unwrap();
    let loaded = load(&d).unwrap();
    assert_eq!(loaded.articles.len(), 1, "{:?}", loaded.skipped);
    assert!(skipped(&loaded, "empty.txt").reason.contains("empty file"));
    assert!(skipped(&loaded, "blank.md")
        .reason
        .contains("only whitespace"));
    assert!(skipped(&loaded, "elf.txt").reason.contains("not text"));
    assert!(skipped(&loaded, "nul.md")
        .reason
        .contains("NUL character on line 3"));
    assert!(loaded.skipped.iter().all(|s| s.warning));
    // Under --strict they fail the build, every one named.
    let strict = LoadOptions {
        strict: true,
        ..Default::default()
    };
    let e = load_with(&d, strict).unwrap_err().to_string();
    for f in ["empty.txt", "blank.md", "elf.txt", "nul.md"] {
        assert!(e.contains(f), "{f} missing from {e}");
    }
    // The pure parser refuses them too (no title `\x7fELF…`).
    assert!(parse_article("elf.txt", b"\x7fELF\x02\x01\0\0", None).is_err());
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn utf16_without_bom_becomes_a_readable_article() {
    let d = content("utf16");
    let text = "Harbour reopens\n\nThe harbour reopened on 3 March 2025 after repairs.\n";
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    fs::write(d.join("wide.txt"), bytes).unwrap();
    let loaded = load(&d).unwrap();
    let a = loaded
        .articles
        .iter()
        .find(|a| a.source_path == "wide.txt")
        .unwrap();
    assert_eq!(a.title, "Harbour reopens");
    assert!(
        a.notes.iter().any(|n| n.contains("UTF-16")),
        "{:?}",
        a.notes
    );
    fs::remove_dir_all(d).unwrap();
}

#[test]
fn an_impossible_time_is_an_error_at_its_line_and_column() {
    let e = parse_article(
        "bad.md",
        b"---\ntitle: X\ndate: 2024-02-29T25:61:00Z\n---\nText.\n",
        None,
    )
    .unwrap_err();
    assert_eq!((e[0].line, e[0].column), (3, 7), "{e:?}");
    assert!(e[0].to_string().starts_with("bad.md:3:7:"), "{}", e[0]);
    assert!(e[0].message.contains("impossible time"), "{}", e[0].message);
    // A real leap-day time is fine.
    let ok = b"---\ntitle: X\ndate: 2024-02-29T23:59:00Z\n---\nText.\n";
    assert!(parse_article("ok.md", ok, None).is_ok());
}

#[test]
fn keep_going_builds_the_rest_and_lists_what_failed() {
    let d = content("keep-going");
    fs::write(
        d.join("broken.md"),
        "---\ntitle: [unclosed\ndate: 2025-01-01\n---\nx\n",
    )
    .unwrap();
    assert!(load(&d).is_err());
    let opts = LoadOptions {
        keep_going: true,
        ..Default::default()
    };
    let loaded = load_with(&d, opts).unwrap();
    assert_eq!(loaded.articles.len(), 1);
    let s = skipped(&loaded, "broken.md");
    assert!(s.failed && s.reason.starts_with("failed: "), "{s:?}");
    fs::remove_dir_all(d).unwrap();
}

#[cfg(unix)]
#[test]
fn link_problems_are_skipped_and_links_never_leave_the_content_dir() {
    use std::os::unix::fs::symlink;
    let site = content("links");
    let d = site.join("content");
    fs::create_dir_all(&d).unwrap();
    fs::rename(site.join("good.md"), d.join("good.md")).unwrap();
    // Outside the content dir: a file that must never be read as an article.
    fs::write(
        site.join("secret.md"),
        "---\ntitle: S\ndate: 2025-01-01\n---\nx\n",
    )
    .unwrap();
    symlink(d.join("nowhere.md"), d.join("dangling.md")).unwrap();
    symlink("self.md", d.join("self.md")).unwrap();
    symlink("..", d.join("loop")).unwrap();
    fs::create_dir_all(d.join("sub")).unwrap();
    symlink("..", d.join("sub/up")).unwrap(); // back into the walk: a loop
    symlink("..", d.join("zz-last")).unwrap(); // outside, and last in the walk
    let loaded = load(&d).unwrap();
    let paths: Vec<_> = loaded
        .articles
        .iter()
        .map(|a| a.source_path.as_str())
        .collect();
    assert_eq!(paths, vec!["good.md"], "{:?}", loaded.skipped);
    assert!(skipped(&loaded, "dangling.md")
        .reason
        .contains("broken symbolic link"));
    assert!(skipped(&loaded, "self.md").reason.contains("loop"));
    assert!(skipped(&loaded, "loop")
        .reason
        .contains("outside the content directory"));
    assert!(skipped(&loaded, "sub/up").reason.contains("loop"));
    assert!(skipped(&loaded, "zz-last").reason.contains("outside"));
    assert!(loaded.skipped.iter().all(|s| s.warning));
    fs::remove_dir_all(site).unwrap();
}

#[cfg(unix)]
#[test]
fn two_non_utf8_names_keep_distinct_source_paths() {
    use std::os::unix::ffi::OsStrExt;
    let d = content("names");
    let body = "---\ntitle: T\ndate: 2025-01-01\n---\nText.\n";
    let a = std::ffi::OsStr::from_bytes(b"caf\xE9.md");
    let b = std::ffi::OsStr::from_bytes(b"caf\xE8.md");
    if fs::write(d.join(a), body).is_err() {
        eprintln!("skipping: this file system refuses non-UTF-8 names");
        return;
    }
    fs::write(d.join(b), body).unwrap();
    let loaded = load(&d).unwrap();
    let mut paths: Vec<_> = loaded
        .articles
        .iter()
        .map(|a| a.source_path.clone())
        .collect();
    paths.sort();
    assert_eq!(paths, vec!["caf%E8.md", "caf%E9.md", "good.md"]);
    let ids: std::collections::BTreeSet<_> = loaded.articles.iter().map(|a| &a.id).collect();
    assert_eq!(ids.len(), 3);
    fs::remove_dir_all(d).unwrap();
}
