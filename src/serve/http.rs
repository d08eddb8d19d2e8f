//! Just enough HTTP/1.1 to preview a static site: GET and HEAD, one request per
//! connection (`Connection: close`), whole files from the served directory.
//!
//! Every response carries `X-Content-Type-Options: nosniff` (the browser must not
//! guess a type we did not send) and `Cache-Control: no-store` (a preview must
//! never show a stale page after a rebuild). HTML responses get the live-reload
//! script just before `</body>`; nothing else is changed.

use super::path::RequestPath;
use super::reload::{Hub, EVENTS_PATH};
use std::fs;
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// A request head larger than this is refused (431): ours are a few hundred bytes.
const MAX_HEAD: usize = 16 * 1024;

/// A client that sends nothing for this long is dropped.
const IO_TIMEOUT: Duration = Duration::from_secs(10);

/// The 404 page when the site has none (the request path is never echoed).
const FALLBACK_404: &str = "<!doctype html>\n<html><head><meta charset=\"utf-8\">\
    <title>404 Not Found</title></head>\n<body><h1>404 Not Found</h1>\
    <p>There is no such file in the served directory.</p></body></html>\n";

/// The served directory plus the live-reload hub, shared by connection threads.
pub struct Site {
    root: PathBuf,
    hub: Arc<Hub>,
}

/// A complete response, body included.
#[derive(Debug)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The `Content-Type` value.
    pub content_type: &'static str,
    /// Extra headers (`Location`, `Allow`).
    pub headers: Vec<(&'static str, String)>,
    /// The body (also measured for `Content-Length` on HEAD).
    pub body: Vec<u8>,
}

/// Where a checked request path leads.
enum Found {
    File(PathBuf),
    Redirect(String),
    Missing,
}

impl Site {
    /// Serves `root` (need not exist yet) and injects `hub`'s script into HTML.
    pub fn new(root: PathBuf, hub: Arc<Hub>) -> Site {
        Site { root, hub }
    }

    /// Handles one connection: one request, one response, then close.
    pub fn handle(&self, mut stream: TcpStream) {
        let _ = stream.set_read_timeout(Some(IO_TIMEOUT));
        let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
        let head = match read_head(&mut stream) {
            Ok(head) => head,
            Err(Some(response)) => return send(stream, &response, false),
            Err(None) => return,
        };
        let (method, target) = match parse_request_line(&head) {
            Ok(request) => request,
            Err(response) => return send(stream, &response, false),
        };
        let path_only = target.split('?').next().unwrap_or_default();
        if method == Method::Get && path_only == EVENTS_PATH {
            return self.hub.subscribe(stream);
        }
        let response = self.respond(target);
        send(stream, &response, method == Method::Head);
    }

    /// The response for a GET of `target`.
    pub fn respond(&self, target: &str) -> Response {
        let Ok(path) = RequestPath::parse(target) else {
            return Response::text(400, "400 Bad Request\n");
        };
        match self.locate(&path) {
            Found::File(file) => self.file(&file, 200).unwrap_or_else(|| self.not_found()),
            Found::Redirect(location) => {
                let mut response = Response::text(301, "301 Moved Permanently\n");
                response.headers.push(("Location", location));
                response
            }
            Found::Missing => self.not_found(),
        }
    }

    /// Resolves a checked path to a regular file inside the (canonical) root.
    fn locate(&self, path: &RequestPath) -> Found {
        let Ok(root) = fs::canonicalize(&self.root) else {
            return Found::Missing;
        };
        let Some(target) = inside(&root, &path.under(&root)) else {
            return Found::Missing;
        };
        if target.is_dir() {
            if !path.trailing_slash {
                return Found::Redirect(path.with_slash());
            }
            return match inside(&root, &target.join("index.html")) {
                Some(index) if index.is_file() => Found::File(index),
                _ => Found::Missing,
            };
        }
        if target.is_file() && !path.trailing_slash {
            Found::File(target)
        } else {
            Found::Missing
        }
    }

    /// Reads a file into a response with its content type, injecting the script
    /// into HTML. `None` when it cannot be read (e.g. replaced mid-rebuild).
    fn file(&self, file: &Path, status: u16) -> Option<Response> {
        let mut body = fs::read(file).ok()?;
        let content_type = content_type(file);
        if content_type.starts_with("text/html") {
            body = inject(body, &self.hub.script());
        }
        Some(Response {
            status,
            content_type,
            headers: Vec::new(),
            body,
        })
    }

    /// The site's own `404.html` with status 404, or a minimal HTML page. The
    /// fallback is HTML, not plain text, so that it carries the reload script: when
    /// the first build failed and nothing exists yet, the tab still shows the error
    /// overlay and reloads once a build succeeds.
    fn not_found(&self) -> Response {
        let page = RequestPath::parse("/404.html").map(|p| self.locate(&p));
        if let Ok(Found::File(file)) = page {
            if let Some(response) = self.file(&file, 404) {
                return response;
            }
        }
        Response {
            status: 404,
            content_type: "text/html; charset=utf-8",
            headers: Vec::new(),
            body: inject(FALLBACK_404.as_bytes().to_vec(), &self.hub.script()),
        }
    }
}

/// `path` canonicalised, if that works and the result is inside `root`.
/// This is what stops symlinks that point out of the served directory.
fn inside(root: &Path, path: &Path) -> Option<PathBuf> {
    let canonical = fs::canonicalize(path).ok()?;
    canonical.starts_with(root).then_some(canonical)
}

impl Response {
    /// A short plain-text response.
    pub fn text(status: u16, body: &str) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            headers: Vec::new(),
            body: body.as_bytes().to_vec(),
        }
    }

    /// The status line and headers.
    fn head(&self) -> String {
        let mut head = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
             X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len()
        );
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        head
    }
}

/// The two methods a static preview needs.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Method {
    Get,
    Head,
}

/// Reads up to the blank line ending the request head. `Err(None)`: the client
/// left or timed out, nothing to answer; `Err(Some(_))`: answer with that.
fn read_head(stream: &mut TcpStream) -> Result<String, Option<Response>> {
    let mut head = Vec::new();
    let mut buf = [0u8; 2048];
    loop {
        let n = match stream.read(&mut buf) {
            Ok(0) | Err(_) => return Err(None),
            Ok(n) => n,
        };
        head.extend_from_slice(&buf[..n]);
        if let Some(end) = head_end(&head) {
            head.truncate(end);
            return String::from_utf8(head)
                .map_err(|_| Some(Response::text(400, "400 Bad Request\n")));
        }
        if head.len() > MAX_HEAD {
            return Err(Some(Response::text(
                431,
                "431 Request Header Fields Too Large\n",
            )));
        }
    }
}

/// Where the head ends (CRLF CRLF, or bare LF LF from lenient clients).
fn head_end(bytes: &[u8]) -> Option<usize> {
    let crlf = bytes.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = bytes.windows(2).position(|w| w == b"\n\n");
    crlf.into_iter().chain(lf).min()
}

/// `GET /path HTTP/1.1` → (method, target); other methods get 405.
fn parse_request_line(head: &str) -> Result<(Method, &str), Response> {
    let line = head.lines().next().unwrap_or_default();
    let bad = || Response::text(400, "400 Bad Request\n");
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    if !version.starts_with("HTTP/1.") || target.is_empty() {
        return Err(bad());
    }
    match method {
        "GET" => Ok((Method::Get, target)),
        "HEAD" => Ok((Method::Head, target)),
        m if !m.is_empty() && m.bytes().all(|b| b.is_ascii_uppercase()) => {
            let mut response = Response::text(405, "405 Method Not Allowed\n");
            response.headers.push(("Allow", "GET, HEAD".into()));
            Err(response)
        }
        _ => Err(bad()),
    }
}

/// Writes a response (no body for HEAD) and closes gracefully.
fn send(mut stream: TcpStream, response: &Response, head_only: bool) {
    let body: &[u8] = if head_only { &[] } else { &response.body };
    let written = stream
        .write_all(response.head().as_bytes())
        .and_then(|()| stream.write_all(body))
        .and_then(|()| stream.flush());
    if written.is_ok() {
        linger_close(stream);
    }
}

/// Half-closes, then drains what the client still sends (e.g. a POST body), so
/// the kernel does not answer unread data with a reset that eats our response.
fn linger_close(mut stream: TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    let _ = io::copy(&mut (&mut stream).take(64 * 1024), &mut io::sink());
}

/// Refuses a connection when too many are in flight (503), without blocking.
pub fn reject_busy(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
    let response = Response::text(503, "503 Service Unavailable: too many connections\n");
    let _ = stream.write_all(response.head().as_bytes());
    let _ = stream.write_all(&response.body);
}

/// The reason phrase for the status codes this server sends.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}

/// The `Content-Type` for a file, by name (case-insensitive extension).
pub fn content_type(path: &Path) -> &'static str {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let name = name.to_ascii_lowercase();
    if name == "atom.xml" {
        return "application/atom+xml; charset=utf-8";
    }
    let ext = name
        .rsplit_once('.')
        .map(|(_, ext)| ext)
        .unwrap_or_default();
    match ext {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "atom" => "application/atom+xml; charset=utf-8",
        "rss" => "application/rss+xml; charset=utf-8",
        "xml" | "xsl" => "application/xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "pdf" => "application/pdf",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

/// Inserts `script` before the last `</body` (any case), or appends it when the
/// page has no `</body>` (browsers run it either way).
fn inject(mut html: Vec<u8>, script: &str) -> Vec<u8> {
    let needle = b"</body";
    let at = html
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
        .unwrap_or(html.len());
    html.splice(at..at, script.bytes());
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_lines() {
        let ok = parse_request_line("GET /a?b HTTP/1.1\r\nHost: x").unwrap();
        assert_eq!(ok, (Method::Get, "/a?b"));
        assert_eq!(
            parse_request_line("HEAD / HTTP/1.0").unwrap().0,
            Method::Head
        );
        for (line, status) in [
            ("POST / HTTP/1.1", 405),
            ("DELETE /x HTTP/1.1", 405),
            ("GET / HTTP/2.0", 400),
            ("GET /", 400),
            ("GET  / HTTP/1.1", 400),
            ("get / HTTP/1.1", 400),
            ("", 400),
        ] {
            assert_eq!(
                parse_request_line(line).unwrap_err().status,
                status,
                "{line}"
            );
        }
    }

    #[test]
    fn head_end_accepts_crlf_and_lf() {
        assert_eq!(head_end(b"GET / HTTP/1.1\r\n\r\nbody"), Some(14));
        assert_eq!(head_end(b"GET / HTTP/1.1\n\n"), Some(14));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: x\r\n"), None);
    }

    #[test]
    fn injection_goes_before_the_last_body_close() {
        let page = b"<html><body><p>\"</body>\" in text</p></BODY></html>".to_vec();
        let out = String::from_utf8(inject(page, "<script></script>")).unwrap();
        assert_eq!(
            out,
            "<html><body><p>\"</body>\" in text</p><script></script></BODY></html>"
        );
        let out = inject(b"<p>fragment".to_vec(), "<s>");
        assert_eq!(out, b"<p>fragment<s>");
    }

    #[test]
    fn content_types() {
        for (name, expected) in [
            ("index.html", "text/html; charset=utf-8"),
            ("A.HTM", "text/html; charset=utf-8"),
            ("style.css", "text/css; charset=utf-8"),
            ("search.js", "text/javascript; charset=utf-8"),
            ("events.json", "application/json"),
            ("atom.xml", "application/atom+xml; charset=utf-8"),
            ("sitemap.xml", "application/xml; charset=utf-8"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("logo.svg", "image/svg+xml"),
            ("a.png", "image/png"),
            ("a.JPG", "image/jpeg"),
            ("a.gif", "image/gif"),
            ("a.webp", "image/webp"),
            ("favicon.ico", "image/x-icon"),
            ("f.woff2", "font/woff2"),
            ("CNAME", "application/octet-stream"),
            (".nojekyll", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(name)), expected, "{name}");
        }
    }
}
