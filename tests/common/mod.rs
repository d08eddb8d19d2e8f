//! Helpers shared by the integration tests: temp sites, the seeds, parsing output.
#![allow(dead_code)]

use briefing::build::{self, BuildOptions, BuildSummary};
use std::fs;
use std::path::{Path, PathBuf};

/// A fresh, empty directory under the system temp dir.
pub fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("briefing-test-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

/// `../shared` beside the crate, if present.
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared not found beside the crate (CI has it)");
        None
    }
}

/// Copies every file of `from` into `to` (recursively).
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&dest).unwrap();
        } else {
            fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// A site root whose content/ holds a copy of the five seeds (README excluded).
pub fn seeds_site(name: &str) -> Option<PathBuf> {
    let shared = shared()?;
    let root = temp_dir(name);
    let content = root.join("content");
    fs::create_dir_all(&content).unwrap();
    for entry in fs::read_dir(shared.join("seeds")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            fs::copy(&p, content.join(p.file_name().unwrap())).unwrap();
        }
    }
    Some(root)
}

/// A site root with a copy of the repository's sample content.
pub fn sample_site(name: &str) -> PathBuf {
    let root = temp_dir(name);
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &root.join("content"),
    );
    root
}

/// Builds the site at `root` into `root/public`.
pub fn build(root: &Path) -> Result<BuildSummary, build::Failure> {
    build::run(&BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    })
}

/// Reads and parses an output file as HTML.
pub fn html(root: &Path, rel: &str) -> scraper::Html {
    let text =
        fs::read_to_string(root.join("public").join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    scraper::Html::parse_document(&text)
}

/// Reads and parses an output JSON file.
pub fn json(root: &Path, rel: &str) -> serde_json::Value {
    let text =
        fs::read_to_string(root.join("public").join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    serde_json::from_str(&text).unwrap()
}

/// Text of the first element matching `selector`.
pub fn text_of(doc: &scraper::Html, selector: &str) -> Option<String> {
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel)
        .next()
        .map(|e| e.text().collect::<String>().trim().to_string())
}

/// All values of `attr` on elements matching `selector`.
pub fn attrs(doc: &scraper::Html, selector: &str, attr: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr).map(String::from))
        .collect()
}

/// Every file under `dir` with its bytes, for before/after comparisons.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    briefing::output::list_files(dir)
        .into_iter()
        .map(|p| (p.clone(), fs::read(dir.join(&p)).unwrap()))
        .collect()
}
