//! Issue 12, data loss: `briefing build` with a dangerous `--output`, and two
//! builds at once; and the command-line cases of cost and garbage (deep
//! nesting, oversized articles, bad curation files, a bad `--base-url`).
//! Every case runs the real binary in a temporary site and checks that
//! nothing of the input was touched.

mod common;

use common::*;
use std::fs;
use std::path::Path;
use std::process::Command;

/// Runs `briefing build --root ROOT ARGS…`; returns (success, stderr).
fn build_cli(root: &Path, args: &[&str]) -> (bool, String) {
    // Command-line paths are relative to the current directory (issue #13),
    // so the site's paths are given from inside it.
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .current_dir(root)
        .arg("build")
        .current_dir(root)
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every file under `root` with its bytes, to compare before and after.
fn snapshot(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(root).unwrap().display().to_string();
            (rel, fs::read(e.path()).unwrap())
        })
        .collect();
    v.sort();
    v
}

fn small_site(name: &str) -> std::path::PathBuf {
    let root = temp_dir(name);
    fs::create_dir_all(root.join("content")).unwrap();
    fs::write(
        root.join("content/one.md"),
        "---\ntitle: Harbour reopens\ndate: 2025-03-01\n---\nThe harbour reopened on Monday after repairs.\n",
    )
    .unwrap();
    fs::write(root.join("briefing.yaml"), "title: Test\n").unwrap();
    root
}

#[test]
fn dangerous_outputs_are_refused_before_anything_is_touched() {
    let root = small_site("unsafe-out");
    fs::write(root.join("notes.txt"), "my notes").unwrap();
    let before = snapshot(&root);
    let abs = root.display().to_string();
    let cases: &[(&str, &str)] = &[
        ("content", "it is the content directory"),
        (".", "it is the site root"),
        (&abs, "it is the site root"),
        ("..", "contains the site root"),
        ("content/public", "lies inside the content directory"),
        ("notes.txt", "not a directory"),
        ("briefing.yaml", "not a directory"),
    ];
    for (output, expect) in cases {
        let (ok, err) = build_cli(&root, &["--output", output]);
        assert!(!ok, "--output {output} succeeded");
        assert!(err.contains(expect), "--output {output}: {err}");
        assert!(err.contains("nothing was written"), "{err}");
        assert_eq!(
            snapshot(&root),
            before,
            "--output {output} touched the site"
        );
    }
    // The ordinary output still works.
    let (ok, err) = build_cli(&root, &["--output", "public"]);
    assert!(ok, "{err}");
    assert!(root.join("public/index.html").is_file());
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn a_second_build_while_one_holds_the_lock_is_refused() {
    let root = small_site("locked");
    let held = briefing::lock::BuildLock::acquire(&root).unwrap();
    let (ok, err) = build_cli(&root, &[]);
    assert!(!ok);
    assert!(
        err.contains(&format!(
            "another build is running (pid {})",
            std::process::id()
        )),
        "{err}"
    );
    assert!(!root.join("public").exists());
    drop(held);
    let (ok, err) = build_cli(&root, &[]);
    assert!(ok, "{err}");
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn a_lock_left_by_a_killed_build_is_taken_over() {
    let root = small_site("stale-lock");
    // A process that takes the lock and is killed with SIGKILL.
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "mkdir -p '{0}/.briefing' && exec flock -o '{0}/.briefing/lock' sleep 60",
            root.display()
        ))
        .spawn()
        .unwrap();
    // Wait until the child holds the lock (or give up: flock missing).
    let mut busy = false;
    for _ in 0..100 {
        if briefing::lock::BuildLock::acquire(&root).is_err() {
            busy = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    if !busy {
        let _ = child.kill();
        let _ = child.wait();
        eprintln!("skipping: flock(1) not available to hold the lock");
        return;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let (ok, err) = build_cli(&root, &[]);
    assert!(ok, "{err}");
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn cli_warns_about_skipped_files_and_keep_going_exits_non_zero() {
    let root = small_site("keep-going");
    fs::write(root.join("content/empty.txt"), "").unwrap();
    let (ok, err) = build_cli(&root, &[]);
    assert!(ok, "{err}");
    assert!(
        err.contains("warning: empty.txt: skipped: empty file"),
        "{err}"
    );
    let (ok, err) = build_cli(&root, &["--strict"]);
    assert!(!ok && err.contains("empty.txt"), "{err}");
    fs::write(
        root.join("content/bad.md"),
        "---\ndate: 2024-02-29T25:61:00Z\n---\nx\n",
    )
    .unwrap();
    let (ok, err) = build_cli(&root, &[]);
    assert!(!ok && err.contains("bad.md:2:7"), "{err}");
    let (ok, err) = build_cli(&root, &["--keep-going"]);
    assert!(!ok, "--keep-going must exit non-zero");
    assert!(err.contains("left out") && err.contains("bad.md"), "{err}");
    // ... but the rest was built.
    assert!(root.join("public/index.html").is_file());
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn a_foreign_non_empty_folder_is_never_replaced() {
    let root = small_site("foreign-out");
    let other = temp_dir("foreign-out-target");
    fs::create_dir_all(&other).unwrap();
    fs::write(other.join("thesis.md"), "years of work").unwrap();
    let (ok, err) = build_cli(&root, &["--output", &other.display().to_string()]);
    assert!(!ok, "a folder no build wrote was replaced");
    assert!(err.contains("no build wrote"), "{err}");
    assert_eq!(fs::read(other.join("thesis.md")).unwrap(), b"years of work");
    // Once a build has written a folder (it carries the marker), rebuilding into it is fine.
    let fresh = other.join("site");
    let (ok, err) = build_cli(&root, &["--output", &fresh.display().to_string()]);
    assert!(ok, "{err}");
    let (ok, err) = build_cli(&root, &["--output", &fresh.display().to_string()]);
    assert!(ok, "second build into its own output: {err}");
    fs::remove_dir_all(root).unwrap();
    fs::remove_dir_all(other).unwrap();
}

/// Issue 12, cost out of proportion to input: one article holding every
/// shape that once took minutes (a list nested 2,000 deep, a 150 KB
/// one-line paragraph of capitalised words, `He said "` over and over,
/// and long prose) builds; the build warns that it was analysed in parts
/// of 256 KB and that the nesting was flattened, naming the file; a name at
/// the very end is analysed (it gets a person page) and the page still
/// shows the whole text. (Its speed is shown by bench/cost.sh.)
#[test]
fn an_oversized_pathological_article_is_analysed_in_parts_and_renders_whole() {
    let root = small_site("oversized");
    let capitals = "Harbour Master Quill Notes Every Ferry Arriving Late ".repeat(3_000);
    let said = "He said \"".repeat(20_000);
    let prose = "The port office said the ferry would run again on Monday. ".repeat(3_000);
    let text = format!(
        "---\ntitle: Oversized article\ndate: 2025-03-02\n---\n{}deep\n\n{capitals}\n\n{said}\n\n{prose}\n\nHarbour chief Ingrid Halvorsen said the port would reopen. \"We are ready,\" Halvorsen said.\n\nThe last word is Zanzibarquay.\n",
        "- ".repeat(2_000)
    );
    assert!(text.len() > 400_000);
    fs::write(root.join("content/big.md"), &text).unwrap();
    let (ok, err) = build_cli(&root, &[]);
    assert!(ok, "{err}");
    assert!(
        err.contains("big.md: ") && err.contains("analysed in parts of 256 KB"),
        "{err}"
    );
    assert!(err.contains("big.md: 1 block(s) nest deeper than"), "{err}");
    let page =
        fs::read_to_string(root.join("public/articles/oversized-article/index.html")).unwrap();
    assert!(
        page.contains("Zanzibarquay"),
        "the page lost the end of the text"
    );
    let people = fs::read_dir(root.join("public/people")).unwrap();
    let slugs: Vec<String> = people
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        slugs.iter().any(|s| s.contains("halvorsen")),
        "the name at the end was not analysed: {slugs:?}"
    );
    fs::remove_dir_all(root).unwrap();
}

/// Issue 12: bad curation files (people and events) are all reported in one
/// run, with every error inside each file, not one at a time, and before
/// the (slow) analysis of the articles.
#[test]
fn every_error_of_every_curation_file_is_listed_at_once() {
    let root = small_site("curation-errors");
    fs::create_dir_all(root.join("content/people")).unwrap();
    fs::create_dir_all(root.join("content/events")).unwrap();
    fs::write(
        root.join("content/people/ada-brandt.md"),
        "---\nname: Ada Brandt\nborn: 1970\naliases: A. Brandt\nlinks: [ftp://example.org/ada]\n---\n",
    )
    .unwrap();
    fs::write(
        root.join("content/events/harbour.md"),
        "---\ntitle: [Harbour, reopens]\ndate: 2025-13-01\nplace: Marlow\n---\n",
    )
    .unwrap();
    let (ok, err) = build_cli(&root, &[]);
    assert!(!ok, "bad curation files must fail the build");
    for expected in [
        "people/ada-brandt.md:3:1: unknown field `born`",
        "people/ada-brandt.md:4:10: `aliases`: invalid type",
        "people/ada-brandt.md:5:1: `ftp://example.org/ada` is not a web address",
        "events/harbour.md:2:8: bad front matter: `title`: invalid type",
        "events/harbour.md:3:7: `2025-13-01` is not a date",
        "events/harbour.md:4:1: bad front matter: unknown field `place`",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
    assert!(!root.join("public").exists(), "nothing is written");
    // And they are checked first: the build stops before analysing anything.
    let opts = briefing::build::BuildOptions {
        root: root.clone(),
        ..Default::default()
    };
    let config = briefing::build::config(&opts).unwrap_or_else(|e| panic!("{e}"));
    let book = briefing::addresses::AddressBook::load(&root).unwrap();
    let mut cache = briefing::cache::Cache::load(&root);
    assert!(briefing::site::Site::build_with(&config, &book, &mut cache).is_err());
    assert_eq!(cache.misses, 0, "articles were analysed before the check");
    fs::remove_dir_all(root).unwrap();
}

/// Issue 12, the depths that once took minutes in the sanitiser: a list
/// nested 16,000 levels and a blockquote nested 50,000 levels build, each
/// warned about by its file name, and the page keeps the innermost text.
#[test]
fn lists_and_quotes_nested_tens_of_thousands_deep_are_flattened() {
    let root = small_site("deep-nesting");
    for (file, title, body) in [
        ("list.md", "Deep list", "- ".repeat(16_000)),
        ("quote.md", "Deep quote", "> ".repeat(50_000)),
    ] {
        let text = format!("---\ntitle: {title}\ndate: 2025-03-02\n---\n{body}innermost {file}\n");
        fs::write(root.join("content").join(file), text).unwrap();
    }
    let (ok, err) = build_cli(&root, &[]);
    assert!(ok, "{err}");
    for (file, slug) in [("list.md", "deep-list"), ("quote.md", "deep-quote")] {
        assert!(
            err.contains(&format!("{file}: 1 block(s) nest deeper than")),
            "{err}"
        );
        let page = root.join(format!("public/articles/{slug}/index.html"));
        let page = fs::read_to_string(&page).unwrap();
        assert!(
            page.contains(&format!("innermost {file}")),
            "{slug} lost its text"
        );
    }
    fs::remove_dir_all(root).unwrap();
}

/// Issue 12: a `--base-url` that is not a web address (`javascript:…`, no
/// scheme) is refused before anything is built, and says which option.
#[test]
fn a_base_url_that_is_not_a_web_address_is_refused() {
    let root = small_site("bad-base-url");
    for bad in ["javascript:alert(1)//", "example.org"] {
        let (ok, err) = build_cli(&root, &["--base-url", bad]);
        assert!(!ok, "--base-url {bad} was accepted");
        assert!(err.contains("--base-url"), "--base-url {bad}: {err}");
        assert!(
            !root.join("public").exists(),
            "--base-url {bad} built a site"
        );
    }
    let (ok, err) = build_cli(&root, &["--base-url", "https://example.org/news/"]);
    assert!(ok, "{err}");
    fs::remove_dir_all(root).unwrap();
}
