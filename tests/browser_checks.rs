//! Issue #13, checked in a real browser: every page kind of the sample site
//! (and of the seeds, when `../shared` is there) under a sub-path, at desktop
//! and phone width: no console errors or failed requests, axe-core reports
//! no violations, every JSON-LD block parses, search says when nothing
//! matches; and the Nu HTML Checker reports no errors on every page.
//!
//! Needs headless Chromium, python3 (a plain file server, as a user would
//! use), Node with `tests/browser/node_modules` (`.ci/run` installs them with
//! `npm install --prefix tests/browser`) and Java for vnu. Skips with a
//! printed reason when any is missing.

mod common;

use briefing::build::{self, BuildOptions};
use common::*;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn tools() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let ok = |cmd: &str, arg: &str| {
        Command::new(cmd)
            .arg(arg)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let reason = if !dir.join("node_modules/playwright-core").is_dir() {
        "tests/browser/node_modules missing (run `npm install --prefix tests/browser`, as .ci/run does)"
    } else if !ok("chromium", "--version") {
        "no chromium on PATH (.ci/run installs it)"
    } else if !ok("node", "--version") {
        "no node on PATH"
    } else if !ok("java", "-version") {
        "no java on PATH (needed by vnu)"
    } else if !ok("python3", "--version") {
        "no python3 for a plain file server"
    } else {
        return Some(dir);
    };
    eprintln!("skipping browser checks: {reason}");
    None
}

/// A plain static file server over `dir`; killed on drop.
struct FileServer(Child);

impl FileServer {
    fn start(dir: &Path, port: u16) -> FileServer {
        let child = Command::new("python3")
            .args([
                "-m",
                "http.server",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "-d",
            ])
            .arg(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 starts");
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "file server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        FileServer(child)
    }
}

impl Drop for FileServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The first page (sorted) under `public/<dir>/`, as a site path.
fn first_page(public: &Path, dir: &str) -> Option<String> {
    let mut names: Vec<String> = std::fs::read_dir(public.join(dir))
        .ok()?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("index.html").is_file() && e.file_name() != "page")
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names.first().map(|n| format!("{dir}/{n}/"))
}

/// Builds `root` into `www/<sub>/` with its base at the server, and lists a
/// page of every kind.
fn build_under(root: &Path, www: &Path, sub: &str, port: u16) -> Vec<String> {
    let public = www.join(sub);
    build::run(&BuildOptions {
        root: root.to_path_buf(),
        output: Some(public.clone()),
        base_url: Some(format!("http://127.0.0.1:{port}/{sub}/")),
        ..Default::default()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let mut pages: Vec<String> = [
        "",
        "events/",
        "people/",
        "articles/",
        "search/?q=lavrov",
        "search/?q=qqzzxxnothing",
        "404.html",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for dir in ["events", "people", "articles"] {
        pages.extend(first_page(&public, dir));
    }
    pages
        .into_iter()
        .map(|p| format!("http://127.0.0.1:{port}/{sub}/{p}"))
        .collect()
}

fn run_checks(tools: &Path, urls: &[String]) -> Vec<serde_json::Value> {
    let out = Command::new("node")
        .arg(tools.join("check.js"))
        .args(urls)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "check.js failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn vnu_errors(tools: &Path, files: &[PathBuf]) -> Vec<String> {
    let out = Command::new("java")
        .arg("-jar")
        .arg(tools.join("node_modules/vnu-jar/build/dist/vnu.jar"))
        .args(["--errors-only", "--format", "json"])
        .args(files)
        .output()
        .expect("java runs");
    let report: serde_json::Value = serde_json::from_slice(&out.stderr)
        .unwrap_or_else(|e| panic!("vnu output: {e}: {}", String::from_utf8_lossy(&out.stderr)));
    report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| format!("{}: {} ({})", m["url"], m["message"], m["extract"]))
        .collect()
}

fn html_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect()
}

#[test]
fn every_page_kind_passes_axe_vnu_and_the_console_under_a_sub_path() {
    let Some(tools) = tools() else { return };
    let www = temp_dir("browser-checks-www");
    let port = free_port();
    let sample = sample_site("browser-checks");
    let mut urls = build_under(&sample, &www, "repo", port);
    if let Some(seeds) = seeds_site("browser-checks-seeds") {
        urls.extend(build_under(&seeds, &www, "seeds", port));
    }
    // Serve on the port the sites were built for.
    let server = FileServer::start(&www, port);
    let results = run_checks(&tools, &urls);
    drop(server);
    assert_eq!(results.len(), urls.len() * 2, "desktop and phone width");
    let mut problems = Vec::new();
    for r in &results {
        let url = r["url"].as_str().unwrap();
        let width = &r["width"];
        for key in ["consoleErrors", "failed", "axe"] {
            for item in r[key].as_array().unwrap() {
                problems.push(format!("{url} @{width}: {key}: {item}"));
            }
        }
        for ld in r["jsonld"].as_array().unwrap() {
            if ld["ok"] != true {
                problems.push(format!("{url}: JSON-LD does not parse: {ld}"));
            }
        }
        let want = if url.contains("/events/") && !url.ends_with("/events/") {
            Some("Event")
        } else if url.contains("/people/") && !url.ends_with("/people/") {
            Some("Person")
        } else if url.contains("/articles/") && !url.ends_with("/articles/") {
            Some("NewsArticle")
        } else {
            None
        };
        if let Some(want) = want {
            if !r["jsonld"]
                .as_array()
                .unwrap()
                .iter()
                .any(|l| l["type"] == want)
            {
                problems.push(format!("{url}: no {want} JSON-LD"));
            }
        }
        if url.contains("qqzzxxnothing") {
            let status = r["searchStatus"].as_str().unwrap_or("");
            assert!(status.starts_with("No results for"), "{url}: {status:?}");
        }
        if url.contains("q=lavrov") {
            let status = r["searchStatus"].as_str().unwrap_or("");
            assert!(status.contains("results for"), "{url}: {status:?}");
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    let files = html_files(&www);
    assert!(files.len() > 20, "{} pages", files.len());
    let errors = vnu_errors(&tools, &files);
    assert!(errors.is_empty(), "vnu:\n{}", errors.join("\n"));
}

/// The screenshots in the README come from `tests/browser/screenshots.js`;
/// this keeps them present (regenerate with the command in README).
#[test]
fn readme_screenshots_exist() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
    for name in [
        "event-desktop.png",
        "event-phone.png",
        "person-desktop.png",
        "person-phone.png",
    ] {
        let p = dir.join(name);
        let len = std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
        assert!(len > 1000, "{} missing or empty", p.display());
    }
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    assert!(readme.contains("docs/screenshots/event-desktop.png"));
}
