//! `output`: write the rendered site to disk, in place, atomically per file.
//!
//! Files arrive one at a time (from all cores) through a [`Writer`]:
//! 1. each file's bytes are hashed; a file whose hash, size and mtime match
//!    the manifest of the previous build is left alone (bytes, inode, mtime);
//! 2. any other file is written into a staging directory beside the output
//!    (`.<output>.stage-<pid>`, flat, one numbered file each); nothing in the output changes yet, so a build
//!    that fails while rendering leaves the published site as it was;
//! 3. [`Writer::finish`] renames each staged file into place (a rename
//!    replaces a file atomically: a reader sees the old or the new bytes),
//!    removes files the build no longer produces, and writes the manifest
//!    last. The output directory itself is never moved or deleted.
//!
//! Leftovers of a killed build (staging directories, and the `.tmp-`/`.old-`
//! trees of the earlier tree-swapping writer) are cleaned up by the next one;
//! a killed commit phase is repaired because the manifest then disagrees with
//! the files' size or mtime, which forces a rewrite.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

/// Every file of the site: relative path (`/`-separated) → bytes.
#[derive(Debug, Default)]
pub struct SiteFiles {
    files: BTreeMap<String, Vec<u8>>,
}

/// What a write did, for the build summary and incremental tests.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WriteReport {
    /// Files the build produced.
    pub total: usize,
    /// Files whose bytes differ from the previous build (or are new).
    pub changed: Vec<String>,
    /// Files of the previous build that are gone now.
    pub removed: Vec<String>,
    /// Files actually written to disk (changed ones, and any repaired).
    pub written: usize,
    /// HTML files the build produced.
    pub html: usize,
    /// Pages not rendered at all: their inputs were unchanged.
    pub reused: usize,
}

/// Somewhere rendered files go: memory ([`SiteFiles`]) or disk ([`Writer`]).
pub trait Sink: Sync {
    /// Takes one file; `rel` is `/`-separated and relative to the output root.
    fn put(&self, rel: String, bytes: Vec<u8>);

    /// Takes one file made from inputs hashing to `input` (see [`Sink::reuse`]).
    fn put_keyed(&self, rel: String, bytes: Vec<u8>, input: u128) {
        let _ = input;
        self.put(rel, bytes);
    }

    /// True when the file at `rel` was published from inputs hashing to
    /// `input` and is still intact: it counts as produced, unchanged, and the
    /// caller need not render it. Sinks without memory always say false.
    fn reuse(&self, rel: &str, input: u128) -> bool {
        let _ = (rel, input);
        false
    }
}

impl SiteFiles {
    /// The files, by path, moved out (no copy of their bytes).
    pub fn into_entries(self) -> impl Iterator<Item = (String, Vec<u8>)> {
        self.files.into_iter()
    }

    /// Adds (or replaces) a file.
    pub fn insert(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), bytes.into());
    }

    /// The file at `path`, if produced.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when there are no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Paths in sorted order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// Writes everything to `out` through a [`Writer`], keeping the manifest
    /// at `manifest`.
    pub fn write(&self, out: &Path, manifest: &Path) -> io::Result<WriteReport> {
        let w = Writer::begin(out, manifest)?;
        for (rel, bytes) in &self.files {
            w.put(rel.clone(), bytes.clone());
        }
        w.finish()
    }
}

/// A [`SiteFiles`] that many threads can fill.
#[derive(Default)]
pub struct Collector(pub Mutex<SiteFiles>);

impl Sink for Collector {
    fn put(&self, rel: String, bytes: Vec<u8>) {
        self.0.lock().expect("collector lock").insert(rel, bytes);
    }
}

/// One published file as the manifest remembers it.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
struct Entry {
    hash: u128,
    size: u64,
    mtime_ns: u128,
    /// Hash of the inputs the file was rendered from (0: not known).
    input: u128,
}

/// The output as last written: which output directory, and every file.
#[derive(Default, Serialize, Deserialize)]
struct Manifest {
    format: u32,
    output: PathBuf,
    files: BTreeMap<String, Entry>,
}

/// Bump when [`Manifest`] changes shape.
const MANIFEST_FORMAT: u32 = 2;

/// Writes one build's files in place; see the module docs.
pub struct Writer {
    out: PathBuf,
    stage: PathBuf,
    manifest_path: PathBuf,
    /// The previous manifest, or `None` when there was none (or it was for
    /// another directory or unreadable): then existing files are compared
    /// byte by byte.
    old: Option<BTreeMap<String, Entry>>,
    /// The output was empty: there is no published site to keep intact, so
    /// files go straight into place (no staging, no renames).
    direct: bool,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    produced: BTreeMap<String, Option<Entry>>,
    changed: Vec<String>,
    staged: Vec<(String, u128, u64, u128)>,
    reused: usize,
    error: Option<io::Error>,
}

impl Writer {
    /// Prepares to write into `out`: cleans leftovers of killed builds,
    /// loads the manifest and creates the staging directory.
    pub fn begin(out: &Path, manifest_path: &Path) -> io::Result<Writer> {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)?;
        let name = out
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        recover_leftovers(&parent, &name, out)?;
        fs::create_dir_all(out)?;
        let stage = parent.join(format!(".{name}.stage-{}", std::process::id()));
        let _ = fs::remove_dir_all(&stage);
        fs::create_dir_all(&stage)?;
        let old = load_manifest(manifest_path).filter(|m| m.output == out);
        let direct = fs::read_dir(out)?.next().is_none();
        Ok(Writer {
            direct,
            out: out.to_path_buf(),
            stage,
            manifest_path: manifest_path.to_path_buf(),
            old: old.map(|m| m.files),
            state: Mutex::new(State::default()),
        })
    }

    /// Decides whether the file must be written, and stages it if so.
    fn take(&self, rel: &str, bytes: &[u8], input: u128) -> io::Result<(Option<Entry>, bool)> {
        let hash = hash_bytes(bytes);
        let size = bytes.len() as u64;
        let dest = self.out.join(rel);
        let unchanged = match &self.old {
            Some(old) => old.get(rel).filter(|e| e.hash == hash && e.size == size),
            None => None,
        };
        if let Some(e) = unchanged {
            // Same bytes as last time: trust the file if nobody touched it.
            if stat(&dest).is_some_and(|(s, m)| s == e.size && m == e.mtime_ns) {
                return Ok((Some(Entry { input, ..*e }), false));
            }
        }
        // No manifest, or the file was touched since: compare its bytes.
        let check = unchanged.is_some() || self.old.is_none();
        if check && fs::read(&dest).is_ok_and(|b| b == bytes) {
            let (size, mtime_ns) = stat(&dest).unwrap_or((size, 0));
            return Ok((
                Some(Entry {
                    hash,
                    size,
                    mtime_ns,
                    input,
                }),
                false,
            ));
        }
        if self.direct {
            if let Some(dir) = dest.parent() {
                fs::create_dir_all(dir)?;
            }
            fs::write(&dest, bytes)?;
            let (size, mtime_ns) = stat(&dest).unwrap_or((size, 0));
            let entry = Entry {
                hash,
                size,
                mtime_ns,
                input,
            };
            return Ok((Some(entry), true));
        }
        // Staged flat, one file per number: a tree of staging directories
        // costs more to create and remove than the files themselves.
        let number = {
            let mut st = self.state.lock().expect("writer lock");
            st.staged.push((rel.to_string(), hash, size, input));
            st.staged.len() - 1
        };
        fs::write(self.stage.join(number.to_string()), bytes)?;
        let changed = unchanged.is_none();
        Ok((None, changed))
    }

    /// Moves staged files into place, removes files no longer produced,
    /// then writes the manifest. Returns what changed.
    pub fn finish(self) -> io::Result<WriteReport> {
        let state = self.state.into_inner().expect("writer lock");
        if let Some(e) = state.error {
            let _ = fs::remove_dir_all(&self.stage);
            return Err(e);
        }
        let mut files: BTreeMap<String, Entry> = BTreeMap::new();
        for (rel, entry) in &state.produced {
            if let Some(e) = entry {
                files.insert(rel.clone(), *e);
            }
        }
        let written = state.staged.len();
        for (number, (rel, hash, size, input)) in state.staged.iter().enumerate() {
            let dest = self.out.join(rel);
            if let Some(dir) = dest.parent() {
                fs::create_dir_all(dir)?;
            }
            if dest.is_dir() {
                fs::remove_dir_all(&dest)?;
            }
            fs::rename(self.stage.join(number.to_string()), &dest)?;
            let mtime_ns = stat(&dest).map_or(0, |(_, m)| m);
            files.insert(
                rel.clone(),
                Entry {
                    hash: *hash,
                    size: *size,
                    mtime_ns,
                    input: *input,
                },
            );
        }
        let previous: Vec<String> = match &self.old {
            Some(old) => old.keys().cloned().collect(),
            None => list_files(&self.out),
        };
        let mut removed = Vec::new();
        for rel in previous {
            if !state.produced.contains_key(&rel) {
                let path = self.out.join(&rel);
                if path.is_file() {
                    fs::remove_file(&path)?;
                    remove_empty_parents(&path, &self.out);
                }
                removed.push(rel);
            }
        }
        save_manifest(
            &self.manifest_path,
            &Manifest {
                format: MANIFEST_FORMAT,
                output: self.out.clone(),
                files,
            },
        )?;
        let _ = fs::remove_dir_all(&self.stage);
        let mut changed = state.changed;
        changed.sort();
        let html = state
            .produced
            .keys()
            .filter(|p| p.ends_with(".html"))
            .count();
        Ok(WriteReport {
            html,
            reused: state.reused,
            total: state.produced.len(),
            changed,
            removed,
            written,
        })
    }
}

impl Sink for Writer {
    fn put(&self, rel: String, bytes: Vec<u8>) {
        self.put_keyed(rel, bytes, 0);
    }

    fn reuse(&self, rel: &str, input: u128) -> bool {
        let Some(e) = self.old.as_ref().and_then(|old| old.get(rel)) else {
            return false;
        };
        if e.input != input
            || input == 0
            || !stat(&self.out.join(rel)).is_some_and(|(s, m)| s == e.size && m == e.mtime_ns)
        {
            return false;
        }
        let mut st = self.state.lock().expect("writer lock");
        st.produced.insert(rel.to_string(), Some(*e));
        st.reused += 1;
        true
    }

    fn put_keyed(&self, rel: String, bytes: Vec<u8>, input: u128) {
        let result = self.take(&rel, &bytes, input);
        let mut st = self.state.lock().expect("writer lock");
        match result {
            Ok((entry, changed)) => {
                if changed {
                    st.changed.push(rel.clone());
                }
                st.produced.insert(rel, entry);
            }
            Err(e) => {
                if st.error.is_none() {
                    st.error = Some(io::Error::new(e.kind(), format!("{rel}: {e}")));
                }
            }
        }
    }
}

/// The manifest of an output directory, if it is readable and current.
fn load_manifest(path: &Path) -> Option<Manifest> {
    let bytes = fs::read(path).ok()?;
    let m: Manifest = bincode::deserialize(&bytes).ok()?;
    (m.format == MANIFEST_FORMAT).then_some(m)
}

fn save_manifest(path: &Path, m: &Manifest) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let bytes = bincode::serialize(m).map_err(io::Error::other)?;
    let tmp = path.with_extension("tmp");
    fs::write(&tmp, bytes)?;
    fs::rename(tmp, path)
}

/// Whether the manifest at `manifest` still describes `out` exactly: every
/// file present with its recorded size and mtime. Used by the no-op check.
pub fn output_intact(out: &Path, manifest: &Path) -> bool {
    use rayon::prelude::*;
    let Some(m) = load_manifest(manifest).filter(|m| m.output == out) else {
        return false;
    };
    let files: Vec<(&String, &Entry)> = m.files.iter().collect();
    files
        .par_iter()
        .all(|(rel, e)| stat(&out.join(rel)).is_some_and(|(s, t)| s == e.size && t == e.mtime_ns))
}

/// Size and mtime (ns since the epoch) of a file, if it is one.
fn stat(path: &Path) -> Option<(u64, u128)> {
    let md = fs::metadata(path).ok()?;
    if !md.is_file() {
        return None;
    }
    let mtime = md.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((md.len(), mtime.as_nanos()))
}

/// A 128-bit hash of raw bytes (SipHash-1-3 with fixed keys: stable across
/// runs and platforms).
pub fn hash_bytes(bytes: &[u8]) -> u128 {
    use siphasher::sip128::{Hasher128, SipHasher13};
    use std::hash::Hasher;
    let mut h = SipHasher13::new_with_keys(0x6272_6965_6669_6e67, 0x6f75_7470_7574_0001);
    h.write(bytes);
    h.finish128().as_u128()
}

/// Cleans what killed builds left beside the output: staging directories of
/// this writer and the `.tmp-`/`.old-` trees of the earlier tree-swapping
/// writer. If the output itself is missing but an `.old-` tree exists (a
/// swap killed between its two renames), that tree is the published site and
/// is put back first.
fn recover_leftovers(parent: &Path, name: &str, out: &Path) -> io::Result<()> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Ok(());
    };
    let mut leftovers: Vec<PathBuf> = Vec::new();
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file.strip_prefix(&format!(".{name}.")) else {
            continue;
        };
        if ["stage-", "tmp-", "old-"]
            .iter()
            .any(|p| rest.starts_with(p))
        {
            leftovers.push(entry.path());
        }
    }
    leftovers.sort();
    if !out.exists() {
        if let Some(old) = leftovers
            .iter()
            .find(|p| p.to_string_lossy().contains(&format!(".{name}.old-")))
        {
            fs::rename(old, out)?;
        }
    }
    for p in leftovers.iter().filter(|p| p.exists()) {
        fs::remove_dir_all(p)?;
    }
    Ok(())
}

/// Removes the now-empty directories between a removed file and `root`.
fn remove_empty_parents(file: &Path, root: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == root || fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// All files under `dir`, relative and `/`-separated, sorted.
pub fn list_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_file() {
            if let Ok(rel) = entry.path().strip_prefix(dir) {
                let parts: Vec<_> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect();
                out.push(parts.join("/"));
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "output_tests.rs"]
mod tests;
