//! Issue #5: the site works under a sub-path (GitHub Pages project sites).
//! Builds the sample site with a base URL carrying a path, serves the output
//! under that path from a real HTTP server, and follows every internal
//! `href`/`src` reachable from the home page: zero broken links.

mod common;

use briefing::build::{self, BuildOptions};
use briefing::serve::{ServeOptions, Server};
use common::*;
use std::collections::{BTreeSet, VecDeque};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

fn get(addr: SocketAddr, path: &str) -> (u16, String, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let split = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("response has headers");
    let head = String::from_utf8_lossy(&buf[..split]).to_string();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    let ctype = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-type:")
                .map(|v| v.trim().to_string())
        })
        .unwrap_or_default();
    (status, ctype, buf[split + 4..].to_vec())
}

/// Resolves `link` against the directory of `page` (both absolute paths).
fn resolve(page: &str, link: &str) -> String {
    let link = link.split(['#', '?']).next().unwrap();
    if link.is_empty() {
        return page.to_string();
    }
    let mut parts: Vec<&str> = if link.starts_with('/') {
        Vec::new()
    } else {
        let dir = &page[..page.rfind('/').unwrap() + 1];
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in link.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut out = format!("/{}", parts.join("/"));
    if link.ends_with('/') && out != "/" {
        out.push('/');
    }
    out
}

#[test]
fn resolver_handles_relative_forms() {
    assert_eq!(
        resolve("/repo/events/x/", "../../people/y/#p3"),
        "/repo/people/y/"
    );
    assert_eq!(resolve("/repo/", "style.css"), "/repo/style.css");
    assert_eq!(resolve("/repo/", "./"), "/repo/");
}

#[test]
fn every_internal_link_resolves_under_a_sub_path() {
    let root = sample_site("links");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}/repo/");
    let www = root.join("www");
    let opts = BuildOptions {
        root: root.clone(),
        output: Some(www.join("repo")),
        base_url: Some(base.clone()),
        ..Default::default()
    };
    build::run(&opts).unwrap_or_else(|e| panic!("{e}"));
    let mut serve = ServeOptions::new(&www);
    serve.port = port;
    let server = Server::start(serve, Box::new(|| Ok(String::new()))).unwrap();
    let addr = server.local_addr();

    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from([("/repo/".to_string(), "(start)".to_string())]);
    let mut broken = Vec::new();
    while let Some((path, from)) = queue.pop_front() {
        if !seen.insert(path.clone()) {
            continue;
        }
        let (status, ctype, body) = get(addr, &path);
        if status != 200 {
            broken.push(format!("{path} ({status}) linked from {from}"));
            continue;
        }
        if !ctype.starts_with("text/html") {
            continue;
        }
        let doc = scraper::Html::parse_document(&String::from_utf8_lossy(&body));
        let mut links = attrs(&doc, "[href]", "href");
        links.extend(attrs(&doc, "[src]", "src"));
        links.extend(attrs(&doc, "[data-index]", "data-index"));
        for link in links {
            let internal = if let Some(rest) = link.strip_prefix(&base) {
                format!("/repo/{rest}")
            } else if link.contains("://") || link.starts_with("mailto:") {
                continue;
            } else {
                assert!(
                    !link.starts_with('/'),
                    "root-absolute link {link} on {path} breaks under a sub-path"
                );
                resolve(&path, &link)
            };
            queue.push_back((internal, path.clone()));
        }
    }
    server.shutdown();
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    assert!(seen.len() > 40, "crawled only {} pages", seen.len());
    for must in ["/repo/atom.xml", "/repo/data/search.json", "/repo/search/"] {
        assert!(
            seen.contains(must),
            "{must} not reachable from the home page"
        );
    }
}
