//! Build cache: content hash → per-article [`Analysis`], so a rebuild only
//! re-analyses articles whose text changed.
//!
//! Stored in a compact binary form (bincode), `.briefing/cache/analyses.bin`
//! under the site root (git-ignore `.briefing/`): the format version, a
//! fingerprint of the analyser (crate version + NER model bytes), then every
//! (128-bit key, analysis) pair. It is written atomically (temp file +
//! rename). A file that does not match or does not decode is discarded
//! whole: it is rebuilt, never trusted.

use crate::content::Article;
use crate::nlp::analysis::{self, Analysis};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Cache location relative to the site root.
pub const CACHE_FILE: &str = ".briefing/cache/analyses.bin";

/// Bump when `Analysis` or the analysis rules change shape or meaning.
const FORMAT: u32 = 2;

#[derive(Serialize, Deserialize)]
struct Stored {
    format: u32,
    fingerprint: String,
    entries: BTreeMap<u128, Analysis>,
}

/// Analyses by content key, and the memos of later stages.
pub struct Cache {
    entries: BTreeMap<u128, Analysis>,
    /// Why an existing cache file was discarded, if it was.
    pub discarded: Option<String>,
    /// Articles analysed afresh in this build.
    pub misses: usize,
    /// Articles whose analysis came from the cache.
    pub hits: usize,
    /// True when this build changed the entries (the file must be saved).
    dirty: bool,
    /// Content keys of the articles of the last [`Cache::analyze_all`], in
    /// order: with their analyses they are what [`Cache::save`] writes (the
    /// analyses are not kept twice in memory).
    keys: Vec<u128>,
    /// Per-event briefings (see [`crate::events::memo`]).
    pub events: crate::events::memo::EventMemo,
    /// Per-article extra person mentions (see [`crate::people::memo`]).
    pub people: crate::people::memo::PeopleMemo,
    /// The clustering background and per-article features (see
    /// [`crate::events::frozen`]).
    pub frozen: crate::events::frozen::Frozen,
    /// Parsed articles by file (see [`crate::parsed`]).
    pub parsed: crate::parsed::ParsedMemo,
    /// The steps of the last clustering pass (see [`crate::events::replay`]).
    pub pass: crate::events::replay::Replay,
}

impl Default for Cache {
    fn default() -> Cache {
        Cache {
            entries: BTreeMap::new(),
            discarded: None,
            misses: 0,
            hits: 0,
            dirty: false,
            keys: Vec::new(),
            events: crate::events::memo::empty(),
            people: crate::people::memo::empty(),
            frozen: crate::events::frozen::Frozen::empty(),
            parsed: Default::default(),
            pass: crate::events::replay::Replay::empty(),
        }
    }
}

impl Cache {
    /// Path of the cache file under `root`.
    pub fn path(root: &Path) -> PathBuf {
        root.join(CACHE_FILE)
    }

    /// Loads the cache; a missing file is an empty cache, a bad one is
    /// discarded (with the reason kept in `discarded`).
    pub fn load(root: &Path) -> Cache {
        Cache {
            events: Memo::load(root, crate::events::memo::MEMO_FILE),
            people: Memo::load(root, crate::people::memo::MEMO_FILE),
            frozen: crate::events::frozen::Frozen::load(root),
            parsed: crate::parsed::ParsedMemo::load(root),
            pass: crate::events::replay::Replay::load(root),
            ..Cache::load_analyses(root)
        }
    }

    /// Every state file the cache keeps under `root` (for the no-op check).
    pub fn paths(root: &Path) -> Vec<PathBuf> {
        vec![
            Cache::path(root),
            root.join(crate::events::memo::MEMO_FILE),
            root.join(crate::people::memo::MEMO_FILE),
            root.join(crate::events::frozen::BACKGROUND_FILE),
            root.join(crate::events::frozen::FEATURES_FILE),
            crate::parsed::ParsedMemo::path(root),
            root.join(crate::events::replay::PASS_FILE),
        ]
    }

    fn load_analyses(root: &Path) -> Cache {
        let path = Cache::path(root);
        let Ok(bytes) = std::fs::read(&path) else {
            return Cache::default();
        };
        match read(&bytes) {
            Ok(entries) => Cache {
                entries,
                ..Default::default()
            },
            Err(why) => Cache {
                discarded: Some(format!("{}: {why}; rebuilding it", path.display())),
                dirty: true,
                ..Default::default()
            },
        }
    }

    /// Analyses every article, from the cache where the content is unchanged,
    /// in parallel on all cores; results are in input order.
    pub fn analyze_all(&mut self, articles: &[Article]) -> Vec<Analysis> {
        let keys: Vec<u128> = articles.par_iter().map(key).collect();
        let todo: Vec<usize> = (0..articles.len())
            .filter(|&i| !self.entries.contains_key(&keys[i]))
            .collect();
        crate::term::Progress::stage("Analysing articles", todo.len());
        let fresh: Vec<Analysis> = todo
            .par_iter()
            .map(|&i| {
                let a = analysis::analyze(&articles[i]);
                crate::term::Progress::tick();
                a
            })
            .collect();
        self.misses = todo.len();
        self.hits = articles.len() - todo.len();
        for (i, a) in todo.into_iter().zip(fresh) {
            self.entries.insert(keys[i], a);
        }
        // Only what this build used is saved, so the file does not grow
        // forever; the analyses move out (the caller keeps them).
        let out = keys
            .iter()
            .map(|k| self.entries.remove(k).expect("analysed above"))
            .collect();
        self.dirty |= self.misses > 0 || !self.entries.is_empty();
        self.entries.clear();
        self.keys = keys;
        out
    }

    /// Content keys of the articles of the last [`Cache::analyze_all`], in
    /// order (what the memos and page keys hash articles by).
    pub fn keys(&self) -> &[u128] {
        &self.keys
    }

    /// Writes the cache and memos atomically, where this build changed them;
    /// `analyses` are what the last [`Cache::analyze_all`] returned.
    pub fn save(&self, root: &Path, analyses: &[Analysis]) -> std::io::Result<()> {
        self.events.save(root)?;
        self.people.save(root)?;
        self.frozen.save(root)?;
        self.parsed.save(root)?;
        self.pass.save(root)?;
        self.save_analyses(root, analyses)
    }

    fn save_analyses(&self, root: &Path, analyses: &[Analysis]) -> std::io::Result<()> {
        let path = Cache::path(root);
        if !self.dirty && path.is_file() {
            return Ok(());
        }
        std::fs::create_dir_all(path.parent().expect("cache path has a parent"))?;
        let tmp = path.with_extension("bin.tmp");
        #[derive(Serialize)]
        struct StoredRef<'a> {
            format: u32,
            fingerprint: String,
            entries: BTreeMap<u128, &'a Analysis>,
        }
        let bytes = bincode::serialize(&StoredRef {
            format: FORMAT,
            fingerprint: fingerprint(),
            entries: self.keys.iter().copied().zip(analyses).collect(),
        })
        .map_err(std::io::Error::other)?;
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(tmp, path)
    }
}

fn read(bytes: &[u8]) -> Result<BTreeMap<u128, Analysis>, String> {
    // bincode reports a short or foreign file as a bare "io error: ", which
    // tells the reader nothing; say what it usually means instead.
    let stored: Stored = bincode::deserialize(bytes).map_err(|e| {
        format!("unreadable: damaged, or written by another version of briefing ({e})")
    })?;
    if stored.format != FORMAT || stored.fingerprint != fingerprint() {
        return Err("made by another version of briefing or its model".into());
    }
    Ok(stored.entries)
}

/// What the analysis of an article depends on: everything in the article.
/// Its bincode form covers every field, so any change makes a new key (and
/// is several times cheaper to make than the Debug form it replaced).
pub fn key(article: &Article) -> u128 {
    let bytes = bincode::serialize(article).expect("an article always serialises");
    crate::output::hash_bytes(&bytes)
}

/// Identifies the analyser: see [`code_fingerprint`].
fn fingerprint() -> String {
    code_fingerprint().to_string()
}

/// Identifies the code that made a cached value: crate version, the
/// embedded NER model and the running executable (size and modification
/// time), so a rebuilt binary never reuses what an older one derived, even
/// at the same crate version. Computed once per process.
pub fn code_fingerprint() -> &'static str {
    static ONCE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ONCE.get_or_init(|| {
        let exe = std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|md| {
                let t = md
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                format!("{}-{t}", md.len())
            })
            .unwrap_or_else(|_| "unknown-exe".to_string());
        format!(
            "{}-{:016x}-{exe}",
            env!("CARGO_PKG_VERSION"),
            fnv1a(crate::nlp::ner::model_bytes(), 0xcbf2_9ce4_8422_2325)
        )
    })
}

fn fnv1a(bytes: &[u8], seed: u64) -> u64 {
    bytes.iter().fold(seed, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A persisted memo: 128-bit input hash → derived value, for stages whose
/// output is a pure function of inputs the key covers (per-event briefings,
/// per-article mention lists). Stored like the analysis cache (bincode,
/// format + [`code_fingerprint`] header, atomic write); a file made by other
/// code or that does not decode is discarded whole. Values are held
/// encoded (compact, decoded only when used). Only the entries a build used
/// are saved, so the file tracks the corpus.
pub struct Memo<V> {
    file: &'static str,
    old: BTreeMap<u128, Vec<u8>>,
    used: BTreeMap<u128, Vec<u8>>,
    /// Values computed afresh in this build.
    pub misses: usize,
    /// Values taken from the memo.
    pub hits: usize,
    dirty: bool,
    value: std::marker::PhantomData<fn() -> V>,
}

impl<V> Memo<V> {
    /// An empty memo that would be saved at `file` (relative to the root).
    pub fn empty(file: &'static str) -> Memo<V> {
        Memo {
            file,
            old: BTreeMap::new(),
            used: BTreeMap::new(),
            misses: 0,
            hits: 0,
            dirty: false,
            value: std::marker::PhantomData,
        }
    }

    /// Path of the memo file under `root`.
    pub fn path(&self, root: &Path) -> PathBuf {
        root.join(self.file)
    }

    /// Loads `file` under `root`; missing or unreadable means empty.
    pub fn load(root: &Path, file: &'static str) -> Memo<V> {
        let mut m = Memo::empty(file);
        let Ok(bytes) = std::fs::read(root.join(file)) else {
            return m;
        };
        match bincode::deserialize::<(u32, String, BTreeMap<u128, Vec<u8>>)>(&bytes) {
            Ok((FORMAT, fp, entries)) if fp == code_fingerprint() => m.old = entries,
            _ => m.dirty = true,
        }
        m
    }

    /// Notes that this build used the value for `key`: `fresh` holds its
    /// encoding ([`Memo::encode`]) when it was computed, `None` when it was
    /// found ([`Memo::get`]).
    pub fn record(&mut self, key: u128, fresh: Option<Vec<u8>>) {
        match fresh {
            Some(bytes) => {
                self.misses += 1;
                self.dirty = true;
                self.used.insert(key, bytes);
            }
            None => {
                self.hits += 1;
                if let Some(bytes) = self.old.remove(&key) {
                    self.used.insert(key, bytes);
                }
            }
        }
    }

    /// Writes the entries this build used, if anything changed.
    pub fn save(&self, root: &Path) -> std::io::Result<()> {
        let path = self.path(root);
        // Entries still in `old` were not used: the file changes.
        if !self.dirty && self.old.is_empty() && path.is_file() {
            return Ok(());
        }
        std::fs::create_dir_all(path.parent().expect("memo path has a parent"))?;
        let bytes = bincode::serialize(&(FORMAT, code_fingerprint(), &self.used))
            .map_err(std::io::Error::other)?;
        let tmp = path.with_extension("bin.tmp");
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(tmp, path)
    }
}

impl<V: Serialize + serde::de::DeserializeOwned> Memo<V> {
    /// The remembered value for `key`, if any and decodable (read-only, so
    /// callers can look up from several threads and record afterwards).
    pub fn get(&self, key: u128) -> Option<V> {
        let bytes = self.used.get(&key).or_else(|| self.old.get(&key))?;
        bincode::deserialize(bytes).ok()
    }

    /// The encoding [`Memo::record`] stores.
    pub fn encode(value: &V) -> Vec<u8> {
        bincode::serialize(value).expect("memo values serialise")
    }
}

/// Dates are stored as they serialise (`YYYY-MM-DD`), for memoised values
/// that hold them.
impl<'de> Deserialize<'de> for crate::date::Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        crate::date::Date::parse_iso(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not a date: {s:?}")))
    }
}

/// Maps `f` over `items` on all available cores, keeping order.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    items.par_iter().map(&f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_map_keeps_order() {
        let v: Vec<u32> = (0..1000).collect();
        assert_eq!(
            parallel_map(&v, |x| x * 2),
            v.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
    }

    #[test]
    fn corrupt_cache_is_discarded_not_trusted() {
        let root =
            std::env::temp_dir().join(format!("briefing-analysis-cache-{}", std::process::id()));
        let path = Cache::path(&root);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "garbage").unwrap();
        let c = Cache::load(&root);
        assert!(c.discarded.as_deref().unwrap().contains("unreadable"));
        // The discarded cache is rewritten by the next save.
        c.save(&root, &[]).unwrap();
        assert!(Cache::load(&root).discarded.is_none());
        // Same bytes, other format version: discarded.
        let other = bincode::serialize(&Stored {
            format: FORMAT + 1,
            fingerprint: fingerprint(),
            entries: BTreeMap::new(),
        })
        .unwrap();
        std::fs::write(&path, other).unwrap();
        let c = Cache::load(&root);
        assert!(
            c.discarded.as_deref().unwrap().contains("another version"),
            "{:?}",
            c.discarded
        );
        std::fs::remove_dir_all(root).unwrap();
    }
}
