//! HTTP for the preview, on hyper (HTTP/1.1, keep-alive): GET and HEAD of
//! files from the served directory.
//!
//! Non-HTML files are served by tower-http's `ServeFile`, which brings Range
//! requests (206, 416), `If-Modified-Since`/`Last-Modified` (304) and streaming
//! bodies; HTML is read whole so the live-reload script can be injected just
//! before `</body>` (with an `ETag` of the file and build generation, so
//! `If-None-Match` gives 304). Every response carries
//! `X-Content-Type-Options: nosniff` (the browser must not guess a type we did
//! not send) and `Cache-Control: no-store` (a preview must never show a stale
//! page after a rebuild). Request paths are checked by `path.rs`, and a file
//! is served only when it canonicalises to a path inside the served directory.

use super::cache::{Entry, FileCache, Stamp, Validator, MAX_ENTRY};
use super::path::RequestPath;
use super::reload::{Hub, EVENTS_PATH};
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Empty, Full};
use hyper::body::Bytes;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_http::services::ServeFile;

/// Every response body: whole (HTML, errors), streamed (files, events).
pub type Body = UnsyncBoxBody<Bytes, io::Error>;

/// The 404 page when the site has none (the request path is never echoed).
const FALLBACK_404: &str = "<!doctype html>\n<html><head><meta charset=\"utf-8\">\
    <title>404 Not Found</title></head>\n<body><h1>404 Not Found</h1>\
    <p>There is no such file in the served directory.</p></body></html>\n";

/// The served directory plus the live-reload hub, shared by connections.
pub struct Site {
    root: PathBuf,
    hub: Arc<Hub>,
    cache: FileCache,
}

/// Headers that only `ServeFile` answers for non-HTML files (ranges and
/// date-conditional requests); such requests bypass the cache.
const BYPASS: [header::HeaderName; 4] = [
    header::RANGE,
    header::IF_RANGE,
    header::IF_MODIFIED_SINCE,
    header::IF_UNMODIFIED_SINCE,
];

/// Where a checked request path leads.
enum Found {
    File(PathBuf),
    Redirect(String),
    Missing,
}

/// A whole body.
fn full(bytes: impl Into<Bytes>) -> Body {
    Full::new(bytes.into())
        .map_err(|never| match never {})
        .boxed_unsync()
}

/// A short plain-text response.
fn text(status: StatusCode, body: &'static str) -> Response<Body> {
    let mut r = Response::new(full(body));
    *r.status_mut() = status;
    set_type(&mut r, "text/plain; charset=utf-8");
    r
}

fn set_type(r: &mut Response<Body>, content_type: &'static str) {
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
}

impl Site {
    /// Serves `root` (need not exist yet) and injects `hub`'s script into HTML.
    pub fn new(root: PathBuf, hub: Arc<Hub>) -> Site {
        Site {
            root,
            hub,
            cache: FileCache::default(),
        }
    }

    /// Answers one request (never fails: errors are responses).
    pub async fn handle<B: Send + 'static>(
        self: Arc<Self>,
        req: Request<B>,
    ) -> Result<Response<Body>, std::convert::Infallible> {
        if let Some(response) = self.cached_answer(&req) {
            return Ok(response);
        }
        let mut response = self.respond(req).await;
        let h = response.headers_mut();
        h.insert(
            "x-content-type-options",
            HeaderValue::from_static("nosniff"),
        );
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        Ok(response)
    }

    /// The hot path: a cached answer, with its headers made when the entry
    /// was, before any allocation or path parsing. Only paths that parsed
    /// and were found get an entry (keyed by the path alone, which is all
    /// that parsing reads), so a hit needs no check beyond the entry's own.
    fn cached_answer<B>(&self, req: &Request<B>) -> Option<Response<Body>> {
        if req.method() != Method::GET && req.method() != Method::HEAD {
            return None;
        }
        let key = req.uri().path();
        if key == EVENTS_PATH {
            return None;
        }
        let entry = self.cache.get(key, self.hub.generation())?;
        let plain = !BYPASS.iter().any(|h| req.headers().contains_key(h));
        (plain || matches!(entry.validator, Validator::ETag(_)))
            .then(|| answer(&entry, StatusCode::OK, req))
    }

    async fn respond<B: Send + 'static>(&self, req: Request<B>) -> Response<Body> {
        if req.method() != Method::GET && req.method() != Method::HEAD {
            let mut r = text(StatusCode::METHOD_NOT_ALLOWED, "405 Method Not Allowed\n");
            r.headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
            return r;
        }
        let target = req
            .uri()
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_string();
        if req.method() == Method::GET && req.uri().path() == EVENTS_PATH {
            return self.events();
        }
        let Ok(path) = RequestPath::parse(&target) else {
            return text(StatusCode::BAD_REQUEST, "400 Bad Request\n");
        };
        let key = req.uri().path();
        let generation = self.hub.generation();
        let plain = !BYPASS.iter().any(|h| req.headers().contains_key(h));
        match self.locate(&path) {
            Found::File(file) if is_html(&file) => match self.page(file, generation) {
                Some(entry) => self.cached(key, generation, entry, &req),
                None => self.not_found(),
            },
            Found::File(file) if plain => match small_file(&file) {
                Some(entry) => self.cached(key, generation, entry, &req),
                None => self.static_file(&file, req).await,
            },
            Found::File(file) => self.static_file(&file, req).await,
            Found::Redirect(location) => {
                let mut r = text(StatusCode::MOVED_PERMANENTLY, "301 Moved Permanently\n");
                if let Ok(v) = HeaderValue::from_str(&location) {
                    r.headers_mut().insert(header::LOCATION, v);
                }
                r
            }
            Found::Missing => self.not_found(),
        }
    }

    /// Keeps `entry` for later requests of `key` and answers with it.
    fn cached<B>(
        &self,
        key: &str,
        generation: u64,
        entry: Entry,
        req: &Request<B>,
    ) -> Response<Body> {
        let entry = Arc::new(entry);
        self.cache.put(key, generation, Arc::clone(&entry));
        answer(&entry, StatusCode::OK, req)
    }

    /// The live-reload stream, or 503 with `Retry-After` past the cap.
    fn events(&self) -> Response<Body> {
        let Some(stream) = self.hub.subscribe() else {
            let mut r = text(
                StatusCode::SERVICE_UNAVAILABLE,
                "503 Service Unavailable: too many live-reload tabs\n",
            );
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
            return r;
        };
        let mut r = Response::new(stream.boxed_unsync());
        set_type(&mut r, "text/event-stream");
        r
    }

    /// A non-HTML file through `ServeFile` (Range, conditional requests).
    async fn static_file<B: Send + 'static>(&self, file: &Path, req: Request<B>) -> Response<Body> {
        let content_type = content_type(file);
        match ServeFile::new(file).try_call(req).await {
            Ok(r) => {
                let (parts, body) = r.into_parts();
                let mut r = Response::from_parts(parts, body.boxed_unsync());
                if r.status().is_success() {
                    set_type(&mut r, content_type);
                }
                r
            }
            // Replaced or removed mid-rebuild: as if it were not there.
            Err(_) => self.not_found(),
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

    /// An HTML file with the script injected, its `ETag` made of the file's
    /// hash and the build generation. `None` when it cannot be read (e.g.
    /// replaced mid-rebuild).
    fn page(&self, file: PathBuf, generation: u64) -> Option<Entry> {
        // The stamp before the read: a file changed in between no longer
        // matches it, so the entry is made again on the next request.
        let stamp = Stamp::of(&file)?;
        let body = fs::read(&file).ok()?;
        let etag = HeaderValue::from_str(&format!("\"{:016x}-{generation}\"", fnv(&body))).ok()?;
        Some(Entry::new(
            file,
            stamp,
            inject(body, &self.hub.script()).into(),
            "text/html; charset=utf-8",
            Validator::ETag(etag),
        ))
    }

    /// The site's own `404.html` with status 404, or a minimal HTML page. The
    /// fallback is HTML, not plain text, so that it carries the reload script: when
    /// the first build failed and nothing exists yet, the tab still shows the error
    /// overlay and reloads once a build succeeds.
    fn not_found(&self) -> Response<Body> {
        let page = RequestPath::parse("/404.html").map(|p| self.locate(&p));
        if let Ok(Found::File(file)) = page {
            if let Some(entry) = self.page(file, self.hub.generation()) {
                return answer(&entry, StatusCode::NOT_FOUND, &Request::new(()));
            }
        }
        let mut r = Response::new(full(inject(
            FALLBACK_404.as_bytes().to_vec(),
            &self.hub.script(),
        )));
        *r.status_mut() = StatusCode::NOT_FOUND;
        set_type(&mut r, "text/html; charset=utf-8");
        r
    }
}

/// A cached answer: 304 when `If-None-Match` names an HTML entry's `ETag`,
/// else the bytes with `status`; the headers are the entry's, made once.
fn answer<B>(entry: &Entry, status: StatusCode, req: &Request<B>) -> Response<Body> {
    let unchanged = |etag: &HeaderValue| {
        let etag = etag.to_str().unwrap_or_default();
        req.headers()
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"))
    };
    let mut r = match &entry.validator {
        Validator::ETag(etag) if status == StatusCode::OK && unchanged(etag) => {
            let mut r = Response::new(Empty::new().map_err(|never| match never {}).boxed_unsync());
            *r.status_mut() = StatusCode::NOT_MODIFIED;
            r
        }
        _ => {
            let mut r = Response::new(full(entry.body.clone()));
            *r.status_mut() = status;
            r
        }
    };
    *r.headers_mut() = entry.headers.clone();
    r
}

/// A non-HTML file of at most [`MAX_ENTRY`] bytes, read whole, with the
/// `Last-Modified` that `ServeFile` would send.
fn small_file(file: &Path) -> Option<Entry> {
    let stamp = Stamp::of(file)?;
    if stamp.len() > MAX_ENTRY {
        return None;
    }
    let body = fs::read(file).ok()?;
    let date = stamp
        .modified()
        .and_then(|t| HeaderValue::from_str(&httpdate::fmt_http_date(t)).ok());
    Some(Entry::new(
        file.to_path_buf(),
        stamp,
        body.into(),
        content_type(file),
        Validator::LastModified(date),
    ))
}

fn is_html(path: &Path) -> bool {
    content_type(path).starts_with("text/html")
}

/// FNV-1a of the file's bytes, for the HTML `ETag`.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `path` canonicalised, if that works and the result is inside `root`.
/// This is what stops symlinks that point out of the served directory.
fn inside(root: &Path, path: &Path) -> Option<PathBuf> {
    let canonical = fs::canonicalize(path).ok()?;
    canonical.starts_with(root).then_some(canonical)
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
