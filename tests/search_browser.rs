//! Issue #5: offline search works in a real browser under a sub-path.
//! Serves the sample site at `/repo/` with a plain file server
//! (`python3 -m http.server`, as a user would; `briefing serve` would add its
//! live-reload stream, which keeps a headless browser waiting) and loads
//! `search/?q=…` in headless Chromium (`.ci/run` installs it). Skips with a
//! reason when either is absent.

mod common;

use briefing::build::{self, BuildOptions};
use common::*;
use std::process::Command;

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

#[test]
fn search_page_finds_people_and_links_under_a_sub_path() {
    let Some(browser) = chromium() else {
        eprintln!("skipping: no chromium on PATH (.ci/run installs it)");
        return;
    };
    let root = sample_site("search-browser");
    let www = root.join("www");
    let opts = BuildOptions {
        root: root.clone(),
        output: Some(www.join("repo")),
        ..Default::default()
    };
    build::run(&opts).unwrap_or_else(|e| panic!("{e}"));
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let Ok(mut server) = Command::new("python3")
        .args([
            "-m",
            "http.server",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
            "-d",
        ])
        .arg(&www)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    else {
        eprintln!("skipping: python3 not found for a plain file server");
        return;
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            std::time::Instant::now() < deadline,
            "file server did not start"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let url = format!("http://127.0.0.1:{port}/repo/search/?q=lavrov");
    let profile = temp_dir("search-browser-profile");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(&url)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("chromium starts");
    // Never hang CI: a browser that does not finish within a minute is killed.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let out = child.wait_with_output().expect("chromium output");
    let _ = server.kill();
    let _ = server.wait();
    let dom = scraper::Html::parse_document(&String::from_utf8_lossy(&out.stdout));
    let sel = scraper::Selector::parse("#search-results li a").unwrap();
    let hits: Vec<(String, String)> = dom
        .select(&sel)
        .map(|a| {
            (
                a.text().collect::<String>(),
                a.value().attr("href").unwrap_or("").to_string(),
            )
        })
        .collect();
    let person = hits.iter().find(|(t, _)| t == "Sergei Lavrov");
    assert_eq!(
        person.map(|(_, h)| h.as_str()),
        Some("../people/sergei-lavrov/"),
        "search results: {hits:?}\nstderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        hits.len() > 1,
        "articles naming Lavrov are found too: {hits:?}"
    );
}
