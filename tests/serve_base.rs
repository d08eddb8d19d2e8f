//! Issue #13: `serve` rewrites the base URL to its own address and serves the
//! configured sub-path, so a site published at `https://u.github.io/repo/`
//! previews at `http://127.0.0.1:PORT/repo/` with working CSS, canonicals and
//! 404 page, on whatever port it gets.

mod common;

use common::*;
use std::fs;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

fn get(addr: SocketAddr, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).to_string();
    let status = text.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, text)
}

#[test]
fn serve_previews_under_the_configured_sub_path_on_its_own_address() {
    let root = temp_dir("serve-base");
    fs::create_dir_all(root.join("content")).unwrap();
    fs::write(
        root.join("content/a.md"),
        "---\ntitle: Ferry timetable changes\ndate: 2026-03-01\n---\nThe night ferry leaves later from Monday.\n",
    )
    .unwrap();
    fs::write(
        root.join("briefing.yaml"),
        "base_url: https://u.github.io/repo/\n",
    )
    .unwrap();
    let opts = briefing::build::BuildOptions {
        root: root.clone(),
        ..Default::default()
    };
    let (server, plan) =
        briefing::commands::start_serve(&opts, "127.0.0.1".parse().unwrap(), 0, true).unwrap();
    let addr = server.local_addr();
    assert_eq!(plan.base_url, format!("http://{addr}/repo/"));
    let (status, home) = get(addr, "/repo/");
    assert_eq!(status, 200);
    assert!(
        home.contains(&format!(
            "<link rel=\"canonical\" href=\"http://{addr}/repo/\">"
        )),
        "{home}"
    );
    assert_eq!(get(addr, "/repo/style.css").0, 200);
    assert_eq!(get(addr, "/repo/articles/ferry-timetable-changes/").0, 200);
    let (_, missing) = get(addr, "/repo/404.html");
    assert!(
        missing.contains(&format!("href=\"http://{addr}/repo/style.css\"")),
        "{missing}"
    );
    // The published build is not touched by a preview.
    assert!(!root.join("public").exists());
    server.shutdown();
}

/// `serve --root <relative dir>` builds into that site's output folder and
/// serves it: the output path was once joined to a relative root twice
/// (`site/site/public` built, `site/public` served: every page a 404).
#[test]
fn serve_with_a_relative_root_serves_what_it_built() {
    use std::io::BufRead;
    let parent = temp_dir("serve-relative");
    let root = parent.join("site");
    fs::create_dir_all(root.join("content")).unwrap();
    fs::write(
        root.join("content/a.md"),
        "---\ntitle: Ferry timetable changes\ndate: 2026-03-01\n---\nThe night ferry leaves later from Monday.\n",
    )
    .unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["serve", "--root", "site", "--port", "0", "--quiet"])
        .current_dir(&parent)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let line = std::io::BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find(|l| l.starts_with("Serving "));
    let result = std::panic::catch_unwind(|| {
        let line = line.expect("serve printed where it serves");
        let url = line.split(" at ").nth(1).unwrap();
        let addr: SocketAddr = url
            .trim_start_matches("http://")
            .split('/')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(get(addr, "/").0, 200, "{line}");
        assert_eq!(get(addr, "/articles/ferry-timetable-changes/").0, 200);
        assert!(root.join("public/index.html").exists());
        assert!(!root.join("site").exists(), "built under site/site");
    });
    let _ = child.kill();
    let _ = child.wait();
    fs::remove_dir_all(&parent).unwrap();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}
