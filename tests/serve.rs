// `briefing serve` machinery: a real server on a free port over a temp directory,
// driven by a raw `TcpStream` client (no HTTP crate). The `rebuild` closure turns
// `src/page.txt` into `out/index.html` and fails when the text contains "FAIL".
//
// (Plain `//` comments: the scratch crate `include!`s this file.)

use briefing::serve::{ServeOptions, Server};
use std::fs;
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

/// How long to wait for an event before calling it lost. This is a liveness
/// bound, not a speed check (save-to-reload time is measured by
/// `bench/compare.py`): generous so that a loaded CI machine does not flake.
const DEADLINE: Duration = Duration::from_secs(10);
/// A file outside the served directory that must never be served.
const SECRET: &str = "TOP-SECRET-7c1e9b";

/// A temp site (`src/` watched, `out/` served, `secret.txt` beside them) and its server.
struct Fixture {
    dir: PathBuf,
    server: Option<Server>,
}

impl Fixture {
    fn new(name: &str) -> Fixture {
        let dir =
            std::env::temp_dir().join(format!("briefing-serve-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let files: &[(&str, &[u8])] = &[
            ("secret.txt", SECRET.as_bytes()),
            ("src/page.txt", b"version one"),
            ("out/style.css", b"body { color: black }"),
            ("out/search.js", b"console.log('</body>')"),
            ("out/data/events.json", b"{\"events\":[]}"),
            (
                "out/atom.xml",
                b"<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>",
            ),
            ("out/sitemap.xml", b"<urlset></urlset>"),
            ("out/robots.txt", b"User-agent: *"),
            (
                "out/logo.svg",
                b"<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
            ),
            ("out/img.png", b"\x89PNG\r\n\x1a\n"),
            ("out/font.woff2", b"wOF2"),
            (
                "out/sub/index.html",
                b"<html><body><h1>sub page</h1></body></html>",
            ),
            (
                "out/404.html",
                b"<html><body><h1>custom not found</h1></body></html>",
            ),
        ];
        for (path, bytes) in files {
            let path = dir.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, bytes).unwrap();
        }
        build(&dir).unwrap(); // the CLI builds once before serving
        Fixture { dir, server: None }
    }

    fn start(mut self) -> Fixture {
        let mut opts = ServeOptions::new(self.dir.join("out"));
        opts.port = 0;
        opts.watch = vec![self.dir.join("src")];
        opts.debounce = Duration::from_millis(50);
        opts.poll = Duration::from_millis(20);
        let dir = self.dir.clone();
        self.server = Some(Server::start(opts, Box::new(move || build(&dir))).unwrap());
        self
    }

    fn addr(&self) -> SocketAddr {
        self.server.as_ref().unwrap().local_addr()
    }

    fn edit(&self, text: &str) {
        fs::write(self.dir.join("src/page.txt"), text).unwrap();
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.shutdown();
        }
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// The test's "site build": one page from `src/page.txt`.
fn build(dir: &Path) -> Result<String, String> {
    let text = fs::read_to_string(dir.join("src/page.txt")).map_err(|e| e.to_string())?;
    if text.contains("FAIL") {
        return Err(format!(
            "page.txt:1: cannot parse <b>{text}</b>\nsecond line"
        ));
    }
    let html = format!(
        "<!doctype html><html><head><title>t</title></head><body><p>{text}</p></body></html>"
    );
    fs::write(dir.join("out/index.html"), html).map_err(|e| e.to_string())?;
    Ok("1 page".into())
}

/// A parsed HTTP response.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        let found = self
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name));
        found.map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends `raw` bytes (with `Connection: close` added after the request line,
/// since the server keeps connections alive) and reads the whole response.
fn request(addr: SocketAddr, raw: &str) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let raw = match raw.split_once("\r\n") {
        Some((line, rest)) => format!("{line}\r\nConnection: close\r\n{rest}"),
        None => raw.to_string(),
    };
    stream.write_all(raw.as_bytes()).unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).unwrap();
    let end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8(bytes[..end].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .map(|line| line.split_once(": ").unwrap())
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    let body = bytes[end + 4..].to_vec();
    Reply {
        status,
        headers,
        body,
    }
}

fn send(addr: SocketAddr, method: &str, target: &str) -> Reply {
    request(
        addr,
        &format!("{method} {target} HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    )
}

fn get(addr: SocketAddr, target: &str) -> Reply {
    send(addr, "GET", target)
}

/// A live-reload client reading `event:`/`data:` blocks from the SSE stream.
struct Events(BufReader<TcpStream>);

impl Events {
    fn connect(addr: SocketAddr) -> Events {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream
            .write_all(b"GET /__briefing/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .unwrap();
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        while !head.ends_with("\r\n\r\n") {
            assert_ne!(
                reader.read_line(&mut head).unwrap(),
                0,
                "stream closed: {head}"
            );
        }
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert!(
            head.contains("Content-Type: text/event-stream\r\n"),
            "{head}"
        );
        Events(reader)
    }

    /// The next event as (name, data), or None at the deadline.
    fn next(&mut self, deadline: Instant) -> Option<(String, String)> {
        let (mut name, mut data) = (String::new(), Vec::new());
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            let stream = self.0.get_ref();
            stream
                .set_read_timeout(Some(left.max(Duration::from_millis(1))))
                .unwrap();
            let mut line = String::new();
            match self.0.read_line(&mut line) {
                Ok(0) => panic!("the event stream closed"),
                Ok(_) => {}
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                    return None
                }
                Err(e) => panic!("{e}"),
            }
            let line = line.trim_end_matches('\n');
            if line.is_empty() && !name.is_empty() {
                return Some((name, data.join("\n")));
            } else if let Some(value) = line.strip_prefix("event: ") {
                name = value.to_string();
            } else if let Some(value) = line.strip_prefix("data: ") {
                data.push(value.to_string());
            }
        }
    }

    /// Skips events until one named `name`; returns its data, or None at the deadline.
    fn wait_for(&mut self, name: &str, deadline: Instant) -> Option<String> {
        while let Some((got, data)) = self.next(deadline) {
            if got == name {
                return Some(data);
            }
        }
        None
    }
}

#[test]
fn serves_files_with_content_types_and_injects_the_script_into_html_only() {
    let site = Fixture::new("files").start();
    let addr = site.addr();

    let home = get(addr, "/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.header("X-Content-Type-Options"), Some("nosniff"));
    let html = home.text();
    assert!(html.contains("<p>version one</p>"), "{html}");
    let script = html
        .find("new EventSource(\"/__briefing/events\")")
        .expect("reload script");
    assert!(
        script < html.rfind("</body>").unwrap(),
        "script goes before </body>"
    );
    let on_disk = fs::read_to_string(site.dir.join("out/index.html")).unwrap();
    assert!(
        !on_disk.contains("__briefing"),
        "the build output never holds the script"
    );
    assert_eq!(
        home.header("Content-Length"),
        Some(home.body.len().to_string().as_str())
    );

    for (path, content_type) in [
        ("/style.css", "text/css; charset=utf-8"),
        ("/search.js", "text/javascript; charset=utf-8"),
        ("/data/events.json", "application/json"),
        ("/atom.xml", "application/atom+xml; charset=utf-8"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/logo.svg", "image/svg+xml"),
        ("/img.png", "image/png"),
        ("/font.woff2", "font/woff2"),
    ] {
        let reply = get(addr, path);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.header("Content-Type"), Some(content_type), "{path}");
        assert_eq!(
            reply.header("X-Content-Type-Options"),
            Some("nosniff"),
            "{path}"
        );
        let on_disk = fs::read(site.dir.join("out").join(&path[1..])).unwrap();
        assert_eq!(
            reply.body, on_disk,
            "{path} is served byte for byte, no script"
        );
    }

    let head = send(addr, "HEAD", "/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(head.header("Content-Length"), home.header("Content-Length"));
}

#[test]
fn directories_misses_and_methods() {
    let site = Fixture::new("dirs").start();
    let addr = site.addr();

    let redirect = get(addr, "/sub?x=1");
    assert_eq!(redirect.status, 301);
    assert_eq!(redirect.header("Location"), Some("/sub/"));
    let sub = get(addr, "/sub/");
    assert_eq!(sub.status, 200);
    assert!(sub.text().contains("<h1>sub page</h1>"));
    assert!(sub.text().contains("__briefing/events"));

    for path in ["/missing", "/missing/", "/style.css/", "/sub/nothing.html"] {
        let miss = get(addr, path);
        assert_eq!(miss.status, 404, "{path}");
        assert_eq!(
            miss.header("Content-Type"),
            Some("text/html; charset=utf-8")
        );
        assert!(
            miss.text().contains("custom not found"),
            "{path}: the site's 404.html"
        );
        assert!(
            miss.text().contains("__briefing/events"),
            "404.html is HTML too"
        );
    }
    // Without a 404.html the fallback is still HTML, so it carries the script.
    fs::remove_file(site.dir.join("out/404.html")).unwrap();
    let fallback = get(addr, "/missing-page");
    assert_eq!(fallback.status, 404);
    let html = fallback.text();
    assert!(html.contains("<h1>404 Not Found</h1>") && html.contains("__briefing/events"));
    assert!(!html.contains("missing-page"), "the path is not echoed");

    for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
        let reply = request(
            addr,
            &format!("{method} / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"),
        );
        assert_eq!(reply.status, 405, "{method}");
        assert_eq!(reply.header("Allow"), Some("GET, HEAD"));
    }
    assert_eq!(request(addr, "GARBAGE\r\n\r\n").status, 400);
}

#[test]
fn a_change_rebuilds_and_reloads_and_a_failed_build_keeps_the_last_good_site() {
    let site = Fixture::new("reload").start();
    let addr = site.addr();
    let mut tab = Events::connect(addr);
    let hello = tab
        .next(Instant::now() + DEADLINE)
        .expect("hello on connect");
    assert_eq!(hello, ("hello".to_string(), "0".to_string()));

    let edited = Instant::now();
    site.edit("version two, longer");
    let generation = tab.wait_for("reload", Instant::now() + DEADLINE);
    assert_eq!(
        generation.as_deref(),
        Some("1"),
        "a reload event within {DEADLINE:?}"
    );
    eprintln!("edit → reload event: {:?}", edited.elapsed());
    assert!(get(addr, "/").text().contains("<p>version two, longer</p>"));

    site.edit("FAIL <script>alert(1)</script>");
    let error = tab
        .wait_for("error", Instant::now() + DEADLINE)
        .expect("an error event");
    assert!(
        error.starts_with("page.txt:1: cannot parse <b>FAIL <script>"),
        "{error}"
    );
    assert!(
        error.ends_with("\nsecond line"),
        "multi-line errors arrive whole: {error}"
    );
    let served = get(addr, "/").text();
    assert!(
        served.contains("<p>version two, longer</p>"),
        "last good site: {served}"
    );

    // A tab opened while the build is broken learns about it on connect.
    let mut late = Events::connect(addr);
    assert_eq!(late.next(Instant::now() + DEADLINE).unwrap().0, "hello");
    assert_eq!(
        late.next(Instant::now() + DEADLINE),
        Some(("error".into(), error))
    );

    site.edit("version three");
    assert!(tab.wait_for("reload", Instant::now() + DEADLINE).is_some());
    assert!(late.wait_for("reload", Instant::now() + DEADLINE).is_some());
    assert!(get(addr, "/").text().contains("<p>version three</p>"));
    // Editor droppings in the watched tree are not changes; the page stays put.
    fs::write(site.dir.join("src/.page.txt.swp"), "x").unwrap();
    fs::write(site.dir.join("src/page.txt~"), "x").unwrap();
    let quiet = tab.wait_for("reload", Instant::now() + Duration::from_millis(300));
    assert_eq!(quiet, None, "ignored files triggered a rebuild");
}

#[test]
fn an_initial_build_error_reported_at_start_reaches_new_tabs() {
    let site = Fixture::new("initial").start();
    let server = site.server.as_ref().unwrap();
    server.report_error("config: unknown key `titel`");
    let mut tab = Events::connect(site.addr());
    assert_eq!(tab.next(Instant::now() + DEADLINE).unwrap().0, "hello");
    let error = tab.next(Instant::now() + DEADLINE);
    assert_eq!(
        error,
        Some(("error".into(), "config: unknown key `titel`".into()))
    );
    site.edit("fixed");
    let reload = tab.wait_for("reload", Instant::now() + DEADLINE);
    assert_eq!(reload.as_deref(), Some("1"));
}

#[test]
fn traversal_attempts_get_400_or_404_and_never_file_contents() {
    let site = Fixture::new("traversal").start();
    let addr = site.addr();
    #[cfg(unix)]
    std::os::unix::fs::symlink(site.dir.join("secret.txt"), site.dir.join("out/leak.txt")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&site.dir, site.dir.join("out/up")).unwrap();

    for target in [
        "/../Cargo.toml",
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/..%2fsecret.txt",
        "/..%2f..%2fetc/passwd",
        "/%252e%252e/",
        "/%252e%252e/secret.txt",
        "/a/../../x",
        "/sub/../../secret.txt",
        "/..\\secret.txt",
        "/..%5csecret.txt",
        "/secret.txt%00.html",
        "//../secret.txt",
        "http://localhost/../secret.txt",
        "/leak.txt",
        "/up/secret.txt",
        "/up/",
    ] {
        let reply = get(addr, target);
        assert!(
            [400, 404].contains(&reply.status),
            "{target}: {}",
            reply.status
        );
        let text = reply.text();
        assert!(
            !text.contains(SECRET) && !text.contains("root:"),
            "{target} leaked: {text}"
        );
    }
    assert_eq!(get(addr, "/../secret.txt").status, 400);
    assert_eq!(get(addr, "/%2e%2e/%2e%2e/etc/passwd").status, 400);
    assert_eq!(get(addr, "/..%2f..%2fetc/passwd").status, 400);
    assert_eq!(get(addr, "/%252e%252e/").status, 404);
    assert_eq!(
        get(addr, "/style.css").status,
        200,
        "the server still works"
    );
}

#[test]
fn a_busy_port_names_the_address_and_suggests_another_port() {
    let first = Fixture::new("busy").start();
    let taken = first.addr();
    let mut opts = ServeOptions::new(first.dir.join("out"));
    opts.bind = IpAddr::V4(Ipv4Addr::LOCALHOST);
    opts.port = taken.port();
    let err = Server::start(opts, Box::new(|| Ok(String::new())))
        .err()
        .expect("port is busy");
    assert_eq!(err.kind(), ErrorKind::AddrInUse);
    let message = err.to_string();
    assert!(message.contains(&taken.to_string()), "{message}");
    assert!(message.contains("--port"), "{message}");
    assert_eq!(
        get(taken, "/style.css").status,
        200,
        "the first server is unaffected"
    );
}

#[test]
fn closed_reload_tabs_are_dropped() {
    let site = Fixture::new("clients").start();
    let server = site.server.as_ref().unwrap();
    let until = |want: usize| {
        let deadline = Instant::now() + DEADLINE;
        while server.reload_clients() != want && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(10));
        }
        server.reload_clients()
    };
    let tabs: Vec<Events> = (0..3).map(|_| Events::connect(site.addr())).collect();
    assert_eq!(until(3), 3);
    drop(tabs);
    assert_eq!(
        until(0),
        0,
        "closed streams are cleaned up without any event sent"
    );
}

// The whole loop with the real site build: edit an article's title in
// content/, get a `reload` event and the rebuilt article page within 2 s.
#[test]
fn editing_an_article_rebuilds_the_real_site_and_reloads() {
    let dir = std::env::temp_dir().join(format!("briefing-serve-site-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let content = dir.join("content");
    fs::create_dir_all(&content).unwrap();
    let article = content.join("talks.md");
    let write = |title: &str| {
        let text = format!("---\ntitle: {title}\ndate: 2025-02-18\n---\nForeign Minister Sergei Lavrov met Secretary of State Marco Rubio.\n");
        fs::write(&article, text).unwrap();
    };
    write("Envoys meet in Riyadh");
    let opts = briefing::build::BuildOptions {
        root: dir.clone(),
        ..Default::default()
    };
    briefing::build::run(&opts).unwrap();
    let mut serve = ServeOptions::new(dir.join("public"));
    serve.port = 0;
    serve.watch = vec![content.clone()];
    serve.poll = Duration::from_millis(50);
    serve.debounce = Duration::from_millis(50);
    let rebuild_opts = opts.clone();
    let rebuild = Box::new(move || {
        briefing::build::run(&rebuild_opts)
            .map(|s| s.to_string())
            .map_err(|e| e.to_string())
    });
    let server = Server::start(serve, rebuild).unwrap();
    let addr = server.local_addr();
    let mut events = Events::connect(addr);
    thread::sleep(Duration::from_millis(150));

    write("Envoys agree to keep talking");
    let deadline = Instant::now() + DEADLINE;
    assert!(
        events.wait_for("reload", deadline).is_some(),
        "no reload event within 2 s"
    );
    // Permalinks do not move: the retitled article keeps its first address.
    let page = get(addr, "/articles/envoys-meet-in-riyadh/");
    assert_eq!(page.status, 200);
    assert!(page
        .text()
        .contains("<h1>Envoys agree to keep talking</h1>"));
    assert_eq!(get(addr, "/articles/no-such-article/").status, 404);
    server.shutdown();
    let _ = fs::remove_dir_all(&dir);
}

// Issue 12: Range and conditional requests come with the HTTP stack.
#[test]
fn range_and_conditional_requests() {
    let site = Fixture::new("range").start();
    let addr = site.addr();
    let part = request(
        addr,
        "GET /style.css HTTP/1.1\r\nHost: localhost\r\nRange: bytes=0-3\r\n\r\n",
    );
    assert_eq!(part.status, 206);
    assert_eq!(part.text(), "body");
    assert_eq!(part.header("Content-Range"), Some("bytes 0-3/21"));
    let bad = request(
        addr,
        "GET /style.css HTTP/1.1\r\nHost: localhost\r\nRange: bytes=500-600\r\n\r\n",
    );
    assert_eq!(bad.status, 416);
    let first = get(addr, "/style.css");
    let modified = first
        .header("Last-Modified")
        .expect("Last-Modified")
        .to_string();
    let again = request(
        addr,
        &format!(
            "GET /style.css HTTP/1.1\r\nHost: localhost\r\nIf-Modified-Since: {modified}\r\n\r\n"
        ),
    );
    assert_eq!(again.status, 304);
    let home = get(addr, "/");
    let etag = home.header("ETag").expect("HTML has an ETag").to_string();
    let same = request(
        addr,
        &format!("GET / HTTP/1.1\r\nHost: localhost\r\nIf-None-Match: {etag}\r\n\r\n"),
    );
    assert_eq!(same.status, 304);
    assert!(same.body.is_empty());
    // After a rebuild the generation changes, so the old tag no longer matches.
    site.edit("version two");
    let deadline = Instant::now() + DEADLINE * 5;
    while get(addr, "/").header("ETag") == Some(etag.as_str()) && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(20));
    }
    let changed = request(
        addr,
        &format!("GET / HTTP/1.1\r\nHost: localhost\r\nIf-None-Match: {etag}\r\n\r\n"),
    );
    assert_eq!(changed.status, 200);
}

// Issue 12: slow-header ("slowloris") clients do not block anyone, and many
// keep-alive requests on one connection work.
#[test]
fn slow_header_clients_do_not_block_normal_requests() {
    let site = Fixture::new("slowloris").start();
    let addr = site.addr();
    let slow: Vec<TcpStream> = (0..200)
        .map(|_| {
            let mut s = TcpStream::connect(addr).unwrap();
            s.write_all(b"GET / HTTP/1.1\r\nX-Slow: 1\r\n").unwrap();
            s
        })
        .collect();
    for _ in 0..50 {
        assert_eq!(get(addr, "/style.css").status, 200);
    }
    // Keep-alive: two requests on one connection.
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(b"GET /robots.txt HTTP/1.1\r\nHost: x\r\n\r\nGET /robots.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut all = String::new();
    s.read_to_string(&mut all).unwrap();
    assert_eq!(all.matches("HTTP/1.1 200").count(), 2, "{all}");
    drop(slow);
}
