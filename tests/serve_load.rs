//! Issue 12, the preview server under load and during rebuilds: no 503
//! when many clients connect at once (the old server had 64 slots), no 404
//! while a rebuild replaces the site (1 of 35,008 requests got one at the
//! moment of the old swap), and the file cache never serves a file that
//! changed on disk. Raw `TcpStream` clients, no HTTP crate.

use briefing::serve::{ServeOptions, Server};
use std::fs;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

/// Status line code and body of one `GET target` on a fresh connection.
fn get(addr: SocketAddr, target: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let raw = format!("GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    stream.write_all(raw.as_bytes()).unwrap();
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply).unwrap();
    let reply = String::from_utf8_lossy(&reply).into_owned();
    let status = reply
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = reply
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, b)| b.to_string());
    (status, body)
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("briefing-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// A server over `out` that never rebuilds (nothing is watched).
fn serve(out: &Path) -> Server {
    let mut opts = ServeOptions::new(out);
    opts.port = 0;
    Server::start(opts, Box::new(|| Ok(String::new()))).unwrap()
}

#[test]
fn many_clients_at_once_all_get_their_page_and_never_a_503() {
    let dir = temp("serve-many");
    let out = dir.join("out");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("index.html"), "<html><body>home</body></html>").unwrap();
    fs::write(out.join("style.css"), "body { color: black }").unwrap();
    let server = serve(&out);
    let addr = server.local_addr();
    // Every client connects first, then all send: 300 connections open at
    // once, far past the old server's 64 slots.
    let streams: Vec<TcpStream> = (0..300)
        .map(|_| TcpStream::connect(addr).unwrap())
        .collect();
    let handles: Vec<_> = streams
        .into_iter()
        .enumerate()
        .map(|(i, mut s)| {
            thread::spawn(move || {
                let target = if i % 2 == 0 { "/" } else { "/style.css" };
                s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
                let raw = format!(
                    "GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                );
                s.write_all(raw.as_bytes()).unwrap();
                let mut reply = String::new();
                s.read_to_string(&mut reply).unwrap();
                reply
            })
        })
        .collect();
    for (i, h) in handles.into_iter().enumerate() {
        let reply = h.join().unwrap();
        assert!(reply.starts_with("HTTP/1.1 200"), "client {i}: {reply}");
        let want = if i % 2 == 0 { "home" } else { "color: black" };
        assert!(reply.contains(want), "client {i}: {reply}");
    }
    server.shutdown();
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_file_changed_on_disk_is_served_new_not_from_the_cache() {
    let dir = temp("serve-fresh");
    let out = dir.join("out");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("index.html"), "<html><body>first</body></html>").unwrap();
    fs::write(out.join("style.css"), "a{}").unwrap();
    let server = serve(&out);
    let addr = server.local_addr();
    for _ in 0..2 {
        assert!(get(addr, "/").1.contains("first"));
        assert_eq!(get(addr, "/style.css").1, "a{}");
    }
    // Changed without a rebuild (another process wrote public/): the next
    // answer is the new file, whether its length changed or not.
    fs::write(
        out.join("index.html"),
        "<html><body>second, longer</body></html>",
    )
    .unwrap();
    fs::write(out.join("style.css"), "b{}").unwrap();
    let t = std::time::SystemTime::now() + Duration::from_secs(5);
    fs::File::options()
        .write(true)
        .open(out.join("style.css"))
        .unwrap()
        .set_modified(t)
        .unwrap();
    let page = get(addr, "/").1;
    assert!(
        page.contains("second, longer") && !page.contains("first"),
        "{page}"
    );
    assert_eq!(get(addr, "/style.css").1, "b{}");
    fs::remove_file(out.join("style.css")).unwrap();
    assert_eq!(get(addr, "/style.css").0, 404, "a removed file is gone");
    server.shutdown();
    let _ = fs::remove_dir_all(&dir);
}

/// Writes the article in one of two versions (an edit every build).
fn write_article(content: &Path, version: usize) {
    let words = ["twenty", "thirty"][version % 2];
    let text = format!(
        "---\ntitle: Harbour ferry timetable changes\ndate: 2025-03-01\n---\n\
         The harbour ferry will run every {words} minutes from Monday, the port office said.\n"
    );
    fs::write(content.join("ferry.md"), text).unwrap();
}

#[test]
fn pages_never_go_missing_while_rebuilds_replace_them() {
    let root = temp("serve-swap");
    let content = root.join("content");
    fs::create_dir_all(&content).unwrap();
    fs::write(
        content.join("talks.md"),
        "---\ntitle: Envoys meet in Riyadh\ndate: 2025-02-18\n---\nForeign Minister Sergei Lavrov met Secretary of State Marco Rubio.\n",
    )
    .unwrap();
    write_article(&content, 0);
    let opts = briefing::build::BuildOptions {
        root: root.clone(),
        base_url: Some("http://127.0.0.1:1111/".into()),
        ..Default::default()
    };
    briefing::build::run(&opts).unwrap();
    let server = serve(&root.join("public"));
    let addr = server.local_addr();
    let stop = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = [
        "/",
        "/articles/harbour-ferry-timetable-changes/",
        "/style.css",
    ]
    .into_iter()
    .map(|target| {
        let stop = Arc::clone(&stop);
        thread::spawn(move || {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                let (status, _) = get(addr, target);
                assert_eq!(status, 200, "{target} during a rebuild (request {n})");
                n += 1;
            }
            n
        })
    })
    .collect();
    for version in 1..=8 {
        write_article(&content, version);
        briefing::build::run(&opts).unwrap();
    }
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        assert!(c.join().unwrap() > 0, "a client made no request");
    }
    server.shutdown();
    let _ = fs::remove_dir_all(&root);
}

/// Status of a live-reload stream request, the stream left open.
fn open_events(addr: SocketAddr) -> (u16, TcpStream) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    s.write_all(b"GET /__briefing/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n") && s.read(&mut byte).unwrap() == 1 {
        head.push(byte[0]);
    }
    let status = String::from_utf8_lossy(&head)
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, s)
}

/// 1,100 live-reload tabs once exhausted the file descriptors and the
/// server stopped answering: past 256 a tab gets 503 (and retries), and
/// pages are still served.
#[test]
fn live_reload_tabs_are_capped_and_pages_still_served() {
    let dir = temp("serve-tabs");
    let out = dir.join("out");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("index.html"), "<html><body>home</body></html>").unwrap();
    let server = serve(&out);
    let addr = server.local_addr();
    let mut open = Vec::new();
    let mut refused = 0;
    for _ in 0..300 {
        let (status, stream) = open_events(addr);
        match status {
            200 => open.push(stream),
            503 => refused += 1,
            other => panic!("live-reload stream answered {other}"),
        }
    }
    assert_eq!((open.len(), refused), (256, 44));
    assert_eq!(server.reload_clients(), 256);
    let (status, body) = get(addr, "/");
    assert_eq!(status, 200);
    assert!(body.contains("home"));
    drop(open);
    server.shutdown();
    let _ = fs::remove_dir_all(&dir);
}
