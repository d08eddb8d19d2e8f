//! Request target → a checked path relative to the served directory.
//!
//! The rules, strictest first (everything here answers 400 Bad Request):
//! - only origin-form targets (`/…`); the query and fragment are ignored;
//! - raw bytes must be visible ASCII, and no raw backslash;
//! - percent-escapes are decoded exactly **once** and must be well-formed; an escape
//!   may not produce `/`, `\`, NUL or another control byte (so `..%2f..%2fetc` fails);
//! - the decoded path must be UTF-8, and no segment may be `.` or `..` (so
//!   `%2e%2e` fails too) or be anything but one plain file name on this platform.
//!
//! Double encoding (`%252e%252e`) decodes once to the literal name `%2e%2e`, which
//! is just a file that does not exist. The caller still canonicalises the joined
//! path and checks it stays inside the served directory, which is what catches
//! symlinks pointing out of it.

use std::path::{Component, Path, PathBuf};

/// A request path that passed every check in the module docs.
#[derive(Debug, PartialEq, Eq)]
pub struct RequestPath {
    /// The decoded, non-empty segments (empty segments from `//` are dropped).
    pub segments: Vec<String>,
    /// Whether the path ended with `/` (or was `/`).
    pub trailing_slash: bool,
}

/// Why a target was refused (always answered with 400).
#[derive(Debug, PartialEq, Eq)]
pub struct BadPath(pub &'static str);

impl RequestPath {
    /// Parses and checks a raw request target.
    pub fn parse(target: &str) -> Result<RequestPath, BadPath> {
        let raw = target.split(['?', '#']).next().unwrap_or_default();
        if !raw.starts_with('/') {
            return Err(BadPath("the target must start with /"));
        }
        if raw.bytes().any(|b| !b.is_ascii_graphic() || b == b'\\') {
            return Err(BadPath("control byte, space, non-ASCII or backslash"));
        }
        let decoded = percent_decode(raw)?;
        let decoded = String::from_utf8(decoded).map_err(|_| BadPath("not UTF-8"))?;
        let mut segments = Vec::new();
        for segment in decoded.split('/').filter(|s| !s.is_empty()) {
            if !is_plain_name(segment) {
                return Err(BadPath("dot segment or not a plain file name"));
            }
            segments.push(segment.to_owned());
        }
        Ok(RequestPath {
            segments,
            trailing_slash: decoded.ends_with('/'),
        })
    }

    /// `root` joined with the segments (not yet canonicalised or checked).
    pub fn under(&self, root: &Path) -> PathBuf {
        let mut path = root.to_path_buf();
        path.extend(&self.segments);
        path
    }

    /// The same path with a trailing slash, percent-encoded for a `Location` header.
    /// Built from the checked segments, so `//host` can never become an open redirect.
    pub fn with_slash(&self) -> String {
        let mut out = String::from("/");
        for segment in &self.segments {
            out.push_str(&percent_encode(segment));
            out.push('/');
        }
        out
    }
}

/// True when `segment` is exactly one ordinary file name: not `.`/`..`, and no
/// drive prefix or root on platforms that have them.
fn is_plain_name(segment: &str) -> bool {
    let mut components = Path::new(segment).components();
    matches!(
        (components.next(), components.next()),
        (Some(Component::Normal(name)), None) if name.to_str() == Some(segment)
    )
}

/// Decodes `%XX` escapes once; refuses malformed escapes and escapes that produce
/// a separator or a control byte.
fn percent_decode(raw: &str) -> Result<Vec<u8>, BadPath> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'%' {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        let hex = bytes.get(i + 1..i + 3).ok_or(BadPath("truncated escape"))?;
        let hex = std::str::from_utf8(hex).map_err(|_| BadPath("bad escape"))?;
        let byte = u8::from_str_radix(hex, 16).map_err(|_| BadPath("bad escape"))?;
        if byte == b'/' || byte == b'\\' || byte.is_ascii_control() {
            return Err(BadPath("encoded separator or control byte"));
        }
        out.push(byte);
        i += 3;
    }
    Ok(out)
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
fn percent_encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for &b in segment.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(target: &str) -> RequestPath {
        RequestPath::parse(target).unwrap_or_else(|e| panic!("{target}: {e:?}"))
    }

    #[test]
    fn plain_paths_decode() {
        let p = ok("/people/ana-lopez/?q=1#x");
        assert_eq!(p.segments, ["people", "ana-lopez"]);
        assert!(p.trailing_slash);
        assert_eq!(ok("/").segments, Vec::<String>::new());
        assert!(ok("/").trailing_slash);
        let p = ok("/a%20b/caf%C3%A9.html");
        assert_eq!(p.segments, ["a b", "café.html"]);
        assert!(!p.trailing_slash);
        assert_eq!(ok("//a//b").segments, ["a", "b"]);
    }

    #[test]
    fn traversal_and_encoded_forms_are_refused() {
        for target in [
            "/../Cargo.toml",
            "/a/../../x",
            "/./index.html",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/%2E%2E/x",
            "/.%2e/x",
            "/..%2f..%2fetc/passwd",
            "/a%2Fb",
            "/..%5c..%5cwindows",
            "/..\\x",
            "/a%00.html",
            "/a%0d%0aSet-Cookie:%20x",
            "/%",
            "/%2",
            "/%zz",
            "/%ff%fe",
            "relative/path",
            "http://example.com/../x",
            "*",
        ] {
            assert!(RequestPath::parse(target).is_err(), "{target} was accepted");
        }
    }

    #[test]
    fn double_encoding_stays_a_literal_name() {
        let p = ok("/%252e%252e/%252e%252e/etc/passwd");
        assert_eq!(p.segments, ["%2e%2e", "%2e%2e", "etc", "passwd"]);
        assert!(p.under(Path::new("/srv")).starts_with("/srv"));
    }

    #[test]
    fn redirect_location_is_rebuilt_from_segments() {
        assert_eq!(ok("//evil.example").with_slash(), "/evil.example/");
        assert_eq!(ok("/a%20b/c").with_slash(), "/a%20b/c/");
        assert_eq!(ok("/%25").with_slash(), "/%25/");
    }
}
