//! The preview's in-memory file cache: a served file is read, checked and
//! (for HTML) given the reload script once, then answered from memory.
//!
//! Why: under load (1,000 connections on two cores) the time of a request
//! was its file-system work: three `canonicalize` calls (one `lstat` per
//! path component each), two `stat`s, reading and hashing the whole page,
//! all on the two runtime threads. A cached answer costs one `stat` — the
//! check that the file is still the one that was read (length, mtime and
//! inode) —
//! so a file replaced by something other than a rebuild is never served
//! stale. Every entry also carries the build generation it was made in, and
//! a rebuild (a new generation) empties the cache: the injected script
//! names the generation, and a rebuild may move files.
//!
//! Requests with `Range` or `If-Modified-Since`-style headers bypass the
//! cache for non-HTML files (tower-http's `ServeFile` answers them), so the
//! cache never has to implement them.

use hyper::body::Bytes;
use hyper::header::{
    HeaderMap, HeaderValue, ACCEPT_RANGES, CACHE_CONTROL, CONTENT_TYPE, ETAG, LAST_MODIFIED,
};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

/// Files larger than this are never cached (streamed by `ServeFile`).
pub const MAX_ENTRY: u64 = 1 << 20;

/// The cache stops taking new entries past this many bytes (until the next
/// rebuild empties it).
pub const MAX_TOTAL: usize = 64 << 20;

/// What identifies one version of a file cheaply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    /// The inode on Unix (a file renamed into place is a new one), else 0.
    inode: u64,
}

impl Stamp {
    /// The stamp of the file at `path` now, if it is a regular file.
    pub fn of(path: &Path) -> Option<Stamp> {
        let m = fs::metadata(path).ok()?;
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&m);
        #[cfg(not(unix))]
        let inode = 0;
        m.is_file().then(|| Stamp {
            len: m.len(),
            modified: m.modified().ok(),
            inode,
        })
    }

    /// The file's length in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// The file's modification time, if the platform has one.
    pub fn modified(&self) -> Option<SystemTime> {
        self.modified
    }
}

/// A ready answer for one request path.
#[derive(Debug)]
pub struct Entry {
    /// The canonical file (inside the served directory when it was made).
    pub file: PathBuf,
    /// The file's stamp when it was read.
    pub stamp: Stamp,
    /// The bytes to send (HTML with the reload script injected).
    pub body: Bytes,
    /// `ETag` (HTML) or `Last-Modified` (other files), as headers.
    pub validator: Validator,
    /// Every header of the answer, made once: a hit clones them.
    pub headers: HeaderMap,
}

impl Entry {
    /// An entry and its response headers: the type, the validator, and the
    /// `nosniff` and `no-store` that every response carries.
    pub fn new(
        file: PathBuf,
        stamp: Stamp,
        body: Bytes,
        content_type: &'static str,
        validator: Validator,
    ) -> Entry {
        let mut headers = HeaderMap::with_capacity(6);
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        match &validator {
            Validator::ETag(etag) => {
                headers.insert(ETAG, etag.clone());
            }
            Validator::LastModified(date) => {
                headers.insert(ACCEPT_RANGES, HeaderValue::from_static("bytes"));
                if let Some(date) = date {
                    headers.insert(LAST_MODIFIED, date.clone());
                }
            }
        }
        headers.insert(
            "x-content-type-options",
            HeaderValue::from_static("nosniff"),
        );
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        Entry {
            file,
            stamp,
            body,
            validator,
            headers,
        }
    }
}

/// The cache validator an entry sends.
#[derive(Debug)]
pub enum Validator {
    /// An HTML page's `ETag` (file hash and build generation).
    ETag(HeaderValue),
    /// A static file's `Last-Modified`, as `ServeFile` would send it.
    LastModified(Option<HeaderValue>),
}

#[derive(Default)]
struct State {
    generation: u64,
    bytes: usize,
    entries: HashMap<String, Arc<Entry>>,
}

/// Request path → ready answer, for one build generation.
#[derive(Default)]
pub struct FileCache {
    state: RwLock<State>,
}

impl FileCache {
    /// The entry for `key` made in `generation`, if its file is unchanged.
    pub fn get(&self, key: &str, generation: u64) -> Option<Arc<Entry>> {
        let entry = {
            let state = self.state.read().unwrap_or_else(|p| p.into_inner());
            if state.generation != generation {
                return None;
            }
            Arc::clone(state.entries.get(key)?)
        };
        (Stamp::of(&entry.file) == Some(entry.stamp)).then_some(entry)
    }

    /// Keeps `entry` for `key`; a new `generation` first empties the cache.
    pub fn put(&self, key: &str, generation: u64, entry: Arc<Entry>) {
        let mut state = self.state.write().unwrap_or_else(|p| p.into_inner());
        if state.generation != generation {
            *state = State {
                generation,
                ..State::default()
            };
        }
        if state.bytes + entry.body.len() > MAX_TOTAL {
            return;
        }
        state.bytes += entry.body.len();
        if let Some(old) = state.entries.insert(key.to_string(), entry) {
            state.bytes -= old.body.len();
        }
    }

    /// The number of entries (for tests).
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.state.read().unwrap().entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(file: &Path, body: &'static str) -> Arc<Entry> {
        Arc::new(Entry::new(
            file.to_path_buf(),
            Stamp::of(file).unwrap(),
            Bytes::from_static(body.as_bytes()),
            "text/plain",
            Validator::LastModified(None),
        ))
    }

    #[test]
    fn entries_live_until_the_file_changes_or_a_rebuild() {
        let dir = std::env::temp_dir().join(format!("briefing-cache-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.txt");
        fs::write(&file, "one").unwrap();
        let cache = FileCache::default();
        cache.put("/a.txt", 0, entry(&file, "one"));
        assert_eq!(cache.get("/a.txt", 0).unwrap().body, "one");
        assert!(cache.get("/b.txt", 0).is_none());
        assert!(cache.get("/a.txt", 1).is_none(), "another generation");
        fs::write(&file, "three").unwrap();
        assert!(cache.get("/a.txt", 0).is_none(), "the file changed");
        cache.put("/a.txt", 0, entry(&file, "three"));
        cache.put("/c.txt", 1, entry(&file, "three"));
        assert_eq!(cache.len(), 1, "a new generation empties the cache");
        fs::remove_file(&file).unwrap();
        assert!(cache.get("/c.txt", 1).is_none(), "the file is gone");
        fs::remove_dir_all(&dir).unwrap();
    }
}
