//! Issue #13, the newcomer path, through the real binary: `init` in an empty
//! folder then `build` gives a linked site; `init` never overwrites; a theme
//! with one template falls back to the built-in one for the rest; command-line
//! paths are relative to the current directory; base URLs need a scheme.

mod common;

use common::*;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn briefing(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn ok(out: &Output) -> String {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "failed: {text}");
    text
}

#[test]
fn init_then_build_gives_a_site_and_init_refuses_to_overwrite() {
    let dir = temp_dir("init-empty");
    ok(&briefing(&dir, &["init"]));
    for f in [
        "briefing.yaml",
        ".gitignore",
        ".github/workflows/pages.yml",
        "content/example-article.md",
    ] {
        assert!(dir.join(f).is_file(), "{f} missing");
    }
    let built = ok(&briefing(&dir, &["build"]));
    assert!(built.contains("warning: base_url"), "{built}");
    assert!(dir.join("public/index.html").is_file());
    let articles = fs::read_dir(dir.join("public/articles")).unwrap().count();
    assert!(articles >= 2, "an index and the example article page");

    // A second init writes nothing and names what is in the way.
    fs::write(dir.join("briefing.yaml"), "title: Mine\n").unwrap();
    let again = briefing(&dir, &["init"]);
    assert!(!again.status.success());
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(
        err.contains("refusing to overwrite") && err.contains("briefing.yaml"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(dir.join("briefing.yaml")).unwrap(),
        "title: Mine\n"
    );
}

#[test]
fn init_into_a_new_folder_and_theme_export() {
    let dir = temp_dir("init-dir");
    ok(&briefing(&dir, &["init", "site"]));
    assert!(dir.join("site/briefing.yaml").is_file());
    ok(&briefing(&dir.join("site"), &["init", "--theme"]));
    let base = dir.join("site/themes/default/templates/base.html");
    assert!(base.is_file());
    // The exported theme is used: an edit shows on the pages.
    let text = fs::read_to_string(&base)
        .unwrap()
        .replace("<main>", "<main data-edited=\"yes\">");
    fs::write(&base, text).unwrap();
    ok(&briefing(
        &dir.join("site"),
        &["build", "--base-url", "https://e.org/"],
    ));
    let home = fs::read_to_string(dir.join("site/public/index.html")).unwrap();
    assert!(home.contains("data-edited=\"yes\""));
    // Exporting twice refuses.
    assert!(!briefing(&dir.join("site"), &["init", "--theme"])
        .status
        .success());
}

#[test]
fn a_theme_with_only_index_html_falls_back_for_every_other_template() {
    let dir = sample_site("one-file-theme");
    fs::write(dir.join("briefing.yaml"), "theme: mine\n").unwrap();
    let t = dir.join("themes/mine/templates");
    fs::create_dir_all(&t).unwrap();
    fs::write(
        t.join("index.html"),
        "{% extends \"base.html\" %}{% block content %}<p id=\"mine\">My home</p>{% endblock content %}",
    )
    .unwrap();
    ok(&briefing(&dir, &["build", "--base-url", "https://e.org/"]));
    let home = fs::read_to_string(dir.join("public/index.html")).unwrap();
    assert!(home.contains("<p id=\"mine\">My home</p>"), "{home}");
    assert!(dir.join("public/events/index.html").is_file());
    assert!(dir.join("public/style.css").is_file());
    // A theme that does not exist at all is still an error that says so.
    fs::write(dir.join("briefing.yaml"), "theme: missing\n").unwrap();
    let out = briefing(&dir, &["build"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("theme `missing` not found"));
}

#[test]
fn command_line_paths_are_relative_to_the_current_directory() {
    let dir = temp_dir("cli-paths");
    let site = dir.join("r");
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &site.join("content"),
    );
    ok(&briefing(
        &dir,
        &[
            "build",
            "--root",
            "r",
            "--output",
            "out",
            "--base-url",
            "https://e.org/",
        ],
    ));
    assert!(dir.join("out/index.html").is_file(), "out/ beside r/");
    assert!(!site.join("out").exists(), "not r/out");
    // --content is relative to the current directory too.
    ok(&briefing(
        &dir,
        &["check", "--root", "r", "--content", "r/content"],
    ));
}

#[test]
fn base_urls_without_a_web_scheme_are_refused() {
    let dir = temp_dir("base-url");
    fs::create_dir_all(dir.join("content")).unwrap();
    for bad in ["example.org", "javascript:alert(1)", "//example.org/"] {
        let out = briefing(&dir, &["build", "--base-url", bad]);
        assert!(!out.status.success(), "{bad} accepted");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("error:") && err.contains("help:"), "{err}");
        assert!(!err.contains('\x1b'), "no colour into a pipe: {err:?}");
    }
    fs::write(dir.join("briefing.yaml"), "base_url: example.org/x\n").unwrap();
    let out = briefing(&dir, &["build"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("briefing.yaml:1:1") && err.contains("no scheme"),
        "{err}"
    );
}

/// Every `href`/`src` in every page of `public`, resolved on disk: the
/// targets that do not exist. Absolute links under `base` count as internal.
fn broken_links(public: &Path, base: &str) -> Vec<String> {
    let mut broken = Vec::new();
    for entry in walkdir::WalkDir::new(public).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let doc = scraper::Html::parse_document(&fs::read_to_string(entry.path()).unwrap());
        let sel = scraper::Selector::parse("[href], [src]").unwrap();
        for el in doc.select(&sel) {
            for attr in ["href", "src"] {
                let Some(link) = el.value().attr(attr) else {
                    continue;
                };
                let link = link.split(['#', '?']).next().unwrap();
                let target = if let Some(rest) = link.strip_prefix(base) {
                    public.join(rest)
                } else if link.is_empty() || link.contains(':') {
                    continue; // same page, or another site
                } else {
                    entry.path().parent().unwrap().join(link)
                };
                let ok = target.is_file() || target.join("index.html").is_file();
                if !ok {
                    broken.push(format!("{}: {link}", entry.path().display()));
                }
            }
        }
    }
    broken
}

#[test]
fn a_site_from_init_has_no_broken_links() {
    let dir = temp_dir("init-links");
    ok(&briefing(&dir, &["init"]));
    ok(&briefing(
        &dir,
        &["build", "--base-url", "https://me.example/site/"],
    ));
    let public = dir.join("public");
    let pages = walkdir::WalkDir::new(&public)
        .into_iter()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "html")
        })
        .count();
    assert!(pages >= 8, "{pages} pages");
    let broken = broken_links(&public, "https://me.example/site/");
    assert!(broken.is_empty(), "{broken:#?}");
    ok(&briefing(&dir, &["check"]));
}

#[test]
fn readme_says_to_serve_rather_than_open_files_from_disk() {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    assert!(!readme.contains("Open `public/index.html`"));
    assert!(readme.contains("`file://`") && readme.contains("briefing serve"));
    assert!(readme.contains("## Start your own site"));
    assert!(readme.contains("cargo install --locked --git"));
}
