//! The parsed-article memo: each content file's [`Article`] as the last
//! build parsed it, so a rebuild neither reads nor parses an unchanged file
//! (at 19k articles, reading and parsing every file cost about 1.8 s of an
//! incremental build that analyses one article).
//!
//! An entry is found by the file's path and holds the file's size, modification time (nanoseconds) and a hash of
//! its bytes. A file whose size and mtime are as recorded is unchanged,
//! unless it was recorded *racily*: modified less than [`RACY_SECONDS`]
//! before the build that recorded it (the file may have changed again
//! within the same clock tick), in which case its bytes are read and
//! compared with the recorded hash (parsing is still skipped when they
//! match). This is git's rule for racily clean index entries.
//!
//! Stored like the other memos: bincode, a format number and
//! [`crate::cache::code_fingerprint`] (a new binary parses afresh), written
//! atomically, discarded whole when it does not decode; only the entries a
//! build used are saved. Articles are held encoded and decoded on the
//! loader threads. The stored form is a private mirror of [`Article`]
//! (bincode cannot read `Article`'s internally tagged block kinds); the
//! conversions destructure every field, so a field added to `Article` does
//! not compile until it is stored here too.

use crate::content::{Article, BlockKind, DateSource, Format, Paragraph, Parsed};
use crate::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

/// Memo location relative to the site root.
pub const PARSED_FILE: &str = ".briefing/cache/parsed.bin";

/// Bump when [`StoredArticle`] or [`Entry`] change shape.
const FORMAT: u32 = 1;

/// A file modified less than this before it was recorded is verified by
/// its bytes before its article is reused.
pub const RACY_SECONDS: u64 = 2;

/// What is remembered of one content file.
#[derive(Clone, Serialize, Deserialize)]
struct Entry {
    len: u64,
    mtime_ns: u128,
    /// Hash of the file's bytes ([`crate::output::hash_bytes`]).
    hash: u128,
    /// True when the file was modified shortly before it was recorded.
    racy: bool,
    /// The [`StoredArticle`], bincode.
    article: Vec<u8>,
}

/// Articles of earlier builds by file path, and what this build used.
pub struct ParsedMemo {
    old: HashMap<String, Entry>,
    /// Old entries this build reused (path, still racy), not copied.
    reused: Mutex<Vec<(String, bool)>>,
    /// Entries parsed afresh in this build.
    fresh: Mutex<BTreeMap<String, Entry>>,
    /// When this build started, as nanoseconds since the epoch.
    now_ns: u128,
    /// Files parsed afresh in this build.
    misses: std::sync::atomic::AtomicUsize,
    /// Whether anything is recorded: only a memo loaded from a site root
    /// is (an in-memory build for an evaluation keeps nothing).
    enabled: bool,
    /// Why [`ParsedMemo::flush`] could not write, reported by
    /// [`ParsedMemo::save`].
    failed: Option<std::io::Error>,
}

impl Default for ParsedMemo {
    fn default() -> ParsedMemo {
        ParsedMemo {
            old: HashMap::new(),
            reused: Mutex::new(Vec::new()),
            fresh: Mutex::new(BTreeMap::new()),
            now_ns: nanos(SystemTime::now()),
            misses: Default::default(),
            enabled: false,
            failed: None,
        }
    }
}

fn nanos(t: SystemTime) -> u128 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

fn mtime_ns(meta: &std::fs::Metadata) -> Option<u128> {
    meta.modified().ok().map(nanos)
}

impl ParsedMemo {
    /// Path of the memo file under `root`.
    pub fn path(root: &Path) -> PathBuf {
        root.join(PARSED_FILE)
    }

    /// Loads the memo under `root`; missing or unreadable means empty.
    pub fn load(root: &Path) -> ParsedMemo {
        let mut m = ParsedMemo {
            enabled: true,
            ..ParsedMemo::default()
        };
        let Ok(bytes) = std::fs::read(ParsedMemo::path(root)) else {
            return m;
        };
        if let Ok((FORMAT, fp, entries)) =
            bincode::deserialize::<(u32, String, HashMap<String, Entry>)>(&bytes)
        {
            if fp == crate::cache::code_fingerprint() {
                m.old = entries;
            }
        }
        m
    }

    /// Files parsed afresh so far.
    pub fn misses(&self) -> usize {
        self.misses.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Writes the entries this build used (see [`ParsedMemo::write`]) and
    /// frees them: called as soon as the content is loaded, so that the
    /// encoded articles do not add to the build's peak memory. An error is
    /// kept for [`ParsedMemo::save`].
    pub fn flush(&mut self, root: &Path) {
        if let Err(e) = self.write(root) {
            self.failed = Some(e);
        }
        self.old = HashMap::new();
        self.reused = Mutex::new(Vec::new());
        self.fresh = Mutex::new(BTreeMap::new());
        self.enabled = false;
    }

    /// Reports why [`ParsedMemo::flush`] failed, or writes the memo if it
    /// was not flushed.
    pub fn save(&self, root: &Path) -> std::io::Result<()> {
        match &self.failed {
            Some(e) => Err(std::io::Error::new(e.kind(), e.to_string())),
            None => self.write(root),
        }
    }

    /// Writes the entries this build used, unless they are exactly the
    /// ones loaded (nothing parsed afresh, nothing gone).
    fn write(&self, root: &Path) -> std::io::Result<()> {
        let reused = self.reused.lock().expect("parsed memo lock");
        let fresh = self.fresh.lock().expect("parsed memo lock");
        let path = ParsedMemo::path(root);
        let unchanged = fresh.is_empty() && reused.len() == self.old.len() && path.is_file();
        if !self.enabled || unchanged {
            return Ok(());
        }
        /// [`Entry`] borrowed: the same bincode form.
        #[derive(Serialize)]
        struct EntryRef<'a> {
            len: u64,
            mtime_ns: u128,
            hash: u128,
            racy: bool,
            article: &'a [u8],
        }
        fn as_ref(e: &Entry, racy: bool) -> EntryRef<'_> {
            EntryRef {
                len: e.len,
                mtime_ns: e.mtime_ns,
                hash: e.hash,
                racy,
                article: &e.article,
            }
        }
        let mut used: BTreeMap<&str, EntryRef> = BTreeMap::new();
        for (p, racy) in reused.iter() {
            if let Some(e) = self.old.get(p) {
                used.insert(p, as_ref(e, *racy));
            }
        }
        for (p, e) in fresh.iter() {
            used.insert(p, as_ref(e, e.racy));
        }
        std::fs::create_dir_all(path.parent().expect("memo path has a parent"))?;
        let bytes = bincode::serialize(&(FORMAT, crate::cache::code_fingerprint(), &used))
            .map_err(std::io::Error::other)?;
        let tmp = path.with_extension("bin.tmp");
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(tmp, path)
    }

    /// The entry for the file at `path` when it is still what it records.
    fn unchanged(&self, path: &Path, meta: &std::fs::Metadata) -> Option<&Entry> {
        let e = self.old.get(&*path.to_string_lossy())?;
        if e.len != meta.len() || Some(e.mtime_ns) != mtime_ns(meta) {
            return None;
        }
        if e.racy {
            let bytes = std::fs::read(path).ok()?;
            if crate::output::hash_bytes(&bytes) != e.hash {
                return None;
            }
        }
        Some(e)
    }
}

impl Parsed for ParsedMemo {
    fn get(&self, path: &Path, meta: &std::fs::Metadata) -> Option<Article> {
        let e = self.unchanged(path, meta)?;
        let stored: StoredArticle = bincode::deserialize(&e.article).ok()?;
        // Verified now: racy only if still recent.
        let racy =
            self.now_ns.saturating_sub(e.mtime_ns) < u128::from(RACY_SECONDS) * 1_000_000_000;
        self.reused
            .lock()
            .expect("parsed memo lock")
            .push((path.to_string_lossy().into_owned(), racy));
        Some(stored.into())
    }

    fn put(&self, path: &Path, meta: &std::fs::Metadata, bytes: &[u8], article: &Article) {
        self.misses
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if !self.enabled {
            return;
        }
        let Some(mtime_ns) = mtime_ns(meta) else {
            return;
        };
        let Ok(encoded) = bincode::serialize(&StoredArticle::from(article)) else {
            return;
        };
        let entry = Entry {
            len: meta.len(),
            mtime_ns,
            hash: crate::output::hash_bytes(bytes),
            racy: self.now_ns.saturating_sub(mtime_ns) < u128::from(RACY_SECONDS) * 1_000_000_000,
            article: encoded,
        };
        self.fresh
            .lock()
            .expect("parsed memo lock")
            .insert(path.to_string_lossy().into_owned(), entry);
    }
}

/// [`Article`] in a form bincode reads back.
#[derive(Serialize, Deserialize)]
struct StoredArticle {
    id: String,
    source_path: String,
    title: String,
    date: i64,
    date_source: u8,
    source: Option<String>,
    url: Option<String>,
    place: Option<String>,
    author: Option<String>,
    tags: Vec<String>,
    event: Option<String>,
    people: Vec<String>,
    summary: Option<String>,
    draft: bool,
    format: u8,
    paragraphs: Vec<StoredParagraph>,
    notes: Vec<String>,
    extra: BTreeMap<String, String>,
}

#[derive(Serialize, Deserialize)]
struct StoredParagraph {
    anchor: String,
    kind: StoredKind,
    text: String,
    markdown: Option<String>,
}

/// [`BlockKind`], externally tagged.
#[derive(Serialize, Deserialize)]
enum StoredKind {
    Prose,
    Heading(u8),
    Code(Option<String>),
    Other,
    Caption,
}

const DATE_SOURCES: [DateSource; 5] = [
    DateSource::FrontMatter,
    DateSource::DateLine,
    DateSource::StandaloneDate,
    DateSource::TextMention,
    DateSource::FileMtime,
];

const FORMATS: [Format; 3] = [Format::MarkdownFrontMatter, Format::Markdown, Format::Text];

fn position<T: PartialEq>(all: &[T], x: &T) -> u8 {
    all.iter()
        .position(|y| y == x)
        .expect("every variant is listed") as u8
}

impl From<&Article> for StoredArticle {
    fn from(a: &Article) -> StoredArticle {
        let Article {
            id,
            source_path,
            title,
            date,
            date_source,
            source,
            url,
            place,
            author,
            tags,
            event,
            people,
            summary,
            draft,
            format,
            paragraphs,
            notes,
            extra,
        } = a.clone();
        StoredArticle {
            id,
            source_path,
            title,
            date: date.to_days(),
            date_source: position(&DATE_SOURCES, &date_source),
            source,
            url,
            place,
            author,
            tags,
            event,
            people,
            summary,
            draft,
            format: position(&FORMATS, &format),
            paragraphs: paragraphs.into_iter().map(StoredParagraph::from).collect(),
            notes,
            extra,
        }
    }
}

impl From<StoredArticle> for Article {
    fn from(s: StoredArticle) -> Article {
        Article {
            id: s.id,
            source_path: s.source_path,
            title: s.title,
            date: Date::from_days(s.date),
            date_source: DATE_SOURCES[usize::from(s.date_source).min(DATE_SOURCES.len() - 1)],
            source: s.source,
            url: s.url,
            place: s.place,
            author: s.author,
            tags: s.tags,
            event: s.event,
            people: s.people,
            summary: s.summary,
            draft: s.draft,
            format: FORMATS[usize::from(s.format).min(FORMATS.len() - 1)],
            paragraphs: s.paragraphs.into_iter().map(Paragraph::from).collect(),
            notes: s.notes,
            extra: s.extra,
        }
    }
}

impl From<Paragraph> for StoredParagraph {
    fn from(p: Paragraph) -> StoredParagraph {
        let Paragraph {
            anchor,
            kind,
            text,
            markdown,
        } = p;
        let kind = match kind {
            BlockKind::Prose => StoredKind::Prose,
            BlockKind::Heading { level } => StoredKind::Heading(level),
            BlockKind::Code { lang } => StoredKind::Code(lang),
            BlockKind::Other => StoredKind::Other,
            BlockKind::Caption => StoredKind::Caption,
        };
        StoredParagraph {
            anchor,
            kind,
            text,
            markdown,
        }
    }
}

impl From<StoredParagraph> for Paragraph {
    fn from(p: StoredParagraph) -> Paragraph {
        let kind = match p.kind {
            StoredKind::Prose => BlockKind::Prose,
            StoredKind::Heading(level) => BlockKind::Heading { level },
            StoredKind::Code(lang) => BlockKind::Code { lang },
            StoredKind::Other => BlockKind::Other,
            StoredKind::Caption => BlockKind::Caption,
        };
        Paragraph {
            anchor: p.anchor,
            kind,
            text: p.text,
            markdown: p.markdown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{load_memoised, load_with, LoadOptions};

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("briefing-parsed-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join("content")).unwrap();
        d
    }

    fn write(root: &Path, name: &str, body: &str) {
        std::fs::write(
            root.join("content").join(name),
            format!(
                "---\ntitle: \"{name}\"\ndate: 2024-05-0{}\n---\n{body}\n",
                name.len() % 9 + 1
            ),
        )
        .unwrap();
    }

    /// Articles taken from the memo equal freshly parsed ones; a changed
    /// file (same size and, racily, the same second) is parsed again.
    #[test]
    fn memoised_articles_equal_parsed_ones_and_changes_are_seen() {
        let root = dir("memo");
        write(
            &root,
            "a.md",
            "First story.\n\n## A heading\n\n```rust\nlet x = 1;\n```\n\n- a list",
        );
        write(&root, "b.txt", "Plain text story from Paris.");
        let content = root.join("content");
        let fresh = load_with(&content, LoadOptions::default())
            .unwrap()
            .articles;
        let memo = ParsedMemo::load(&root);
        let first = load_memoised(&content, LoadOptions::default(), &memo).unwrap();
        assert_eq!(first.articles, fresh);
        assert_eq!(memo.misses(), 2);
        let mut memo = memo;
        memo.flush(&root);
        memo.save(&root).unwrap();

        let memo = ParsedMemo::load(&root);
        let again = load_memoised(&content, LoadOptions::default(), &memo).unwrap();
        assert_eq!(
            again.articles, fresh,
            "memoised articles are the parsed ones"
        );
        assert_eq!(memo.misses(), 0, "nothing parsed again");
        memo.save(&root).unwrap();

        // Same length and the same mtime as recorded (racy): only the byte
        // hash can tell.
        let a = root.join("content/a.md");
        let mtime = std::fs::metadata(&a).unwrap().modified().unwrap();
        write(
            &root,
            "a.md",
            "Fixed story.\n\n## A heading\n\n```rust\nlet x = 1;\n```\n\n- a list",
        );
        std::fs::File::options()
            .write(true)
            .open(&a)
            .unwrap()
            .set_modified(mtime)
            .unwrap();
        let memo = ParsedMemo::load(&root);
        let edited = load_memoised(&content, LoadOptions::default(), &memo).unwrap();
        assert_eq!(memo.misses(), 1);
        assert_eq!(
            edited.articles,
            load_with(&content, LoadOptions::default())
                .unwrap()
                .articles
        );
        assert!(edited
            .articles
            .iter()
            .any(|a| a.paragraphs[0].text == "Fixed story."));
        let _ = std::fs::remove_dir_all(&root);
    }
}
