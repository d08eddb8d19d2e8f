//! Build cache: content hash → per-article [`Analysis`], so a rebuild only
//! re-analyses articles whose text changed.
//!
//! Stored as one JSON-lines file, `.briefing/cache/analyses.jsonl` under the
//! site root (git-ignore it): a header line with the format version and a
//! fingerprint of the analyser (crate version + NER model bytes), then one
//! line per article `{"key": "<128-bit hex>", "analysis": {…}}`. It is written
//! atomically (temp file + rename). A header that does not match, or any line
//! that does not parse, discards the whole cache: it is rebuilt, never trusted.

use crate::content::Article;
use crate::nlp::analysis::{self, Analysis};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// Cache location relative to the site root.
pub const CACHE_FILE: &str = ".briefing/cache/analyses.jsonl";

/// Bump when `Analysis` or the analysis rules change shape or meaning.
const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize, PartialEq)]
struct Header {
    format: u32,
    fingerprint: String,
}

#[derive(Serialize, Deserialize)]
struct Line {
    key: String,
    analysis: Analysis,
}

/// Analyses by content key.
#[derive(Default)]
pub struct Cache {
    entries: BTreeMap<String, Analysis>,
    /// Why an existing cache file was discarded, if it was.
    pub discarded: Option<String>,
    /// Articles analysed afresh in this build.
    pub misses: usize,
    /// Articles whose analysis came from the cache.
    pub hits: usize,
}

impl Cache {
    /// Path of the cache file under `root`.
    pub fn path(root: &Path) -> PathBuf {
        root.join(CACHE_FILE)
    }

    /// Loads the cache; a missing file is an empty cache, a bad one is
    /// discarded (with the reason kept in `discarded`).
    pub fn load(root: &Path) -> Cache {
        let path = Cache::path(root);
        let Ok(file) = std::fs::File::open(&path) else {
            return Cache::default();
        };
        match read(std::io::BufReader::new(file)) {
            Ok(entries) => Cache {
                entries,
                ..Default::default()
            },
            Err(why) => Cache {
                discarded: Some(format!("{}: {why}; rebuilding it", path.display())),
                ..Default::default()
            },
        }
    }

    /// Analyses every article, from the cache where the content is unchanged,
    /// in parallel on all cores; results are in input order.
    pub fn analyze_all(&mut self, articles: &[Article]) -> Vec<Analysis> {
        let keys: Vec<String> = articles.iter().map(key).collect();
        let todo: Vec<usize> = (0..articles.len())
            .filter(|&i| !self.entries.contains_key(&keys[i]))
            .collect();
        crate::term::Progress::stage("Analysing articles", todo.len());
        let fresh = parallel_map(&todo, |&i| {
            let a = analysis::analyze(&articles[i]);
            crate::term::Progress::tick();
            a
        });
        self.misses = todo.len();
        self.hits = articles.len() - todo.len();
        for (i, a) in todo.into_iter().zip(fresh) {
            self.entries.insert(keys[i].clone(), a);
        }
        // Keep only what this build used, so the file does not grow forever.
        let mut kept = BTreeMap::new();
        let out = keys
            .iter()
            .map(|k| {
                let a = self.entries[k].clone();
                kept.insert(k.clone(), a.clone());
                a
            })
            .collect();
        self.entries = kept;
        out
    }

    /// Writes the cache atomically.
    pub fn save(&self, root: &Path) -> std::io::Result<()> {
        let path = Cache::path(root);
        std::fs::create_dir_all(path.parent().expect("cache path has a parent"))?;
        let tmp = path.with_extension("jsonl.tmp");
        let mut w = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        serde_json::to_writer(
            &mut w,
            &Header {
                format: FORMAT,
                fingerprint: fingerprint(),
            },
        )?;
        w.write_all(b"\n")?;
        for (key, analysis) in &self.entries {
            serde_json::to_writer(
                &mut w,
                &Line {
                    key: key.clone(),
                    analysis: analysis.clone(),
                },
            )?;
            w.write_all(b"\n")?;
        }
        w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(tmp, path)
    }
}

fn read(r: impl BufRead) -> Result<BTreeMap<String, Analysis>, String> {
    let mut lines = r.lines();
    let head = lines
        .next()
        .ok_or("empty file")?
        .map_err(|e| e.to_string())?;
    let header: Header = serde_json::from_str(&head).map_err(|e| format!("bad header: {e}"))?;
    if header
        != (Header {
            format: FORMAT,
            fingerprint: fingerprint(),
        })
    {
        return Err("made by another version of briefing or its model".into());
    }
    let mut out = BTreeMap::new();
    for (n, line) in lines.enumerate() {
        let line = line.map_err(|e| e.to_string())?;
        let l: Line = serde_json::from_str(&line).map_err(|e| format!("line {}: {e}", n + 2))?;
        out.insert(l.key, l.analysis);
    }
    Ok(out)
}

/// What the analysis of an article depends on: everything in the article.
/// Its Debug form covers every field, so any change makes a new key.
pub fn key(article: &Article) -> String {
    let text = format!("{article:?}");
    format!(
        "{:016x}{:016x}",
        fnv1a(text.as_bytes(), 0xcbf2_9ce4_8422_2325),
        fnv1a(text.as_bytes(), 0x6c62_272e_07bb_0142)
    )
}

/// Identifies the analyser: crate version and the embedded model.
fn fingerprint() -> String {
    format!(
        "{}-{:016x}",
        env!("CARGO_PKG_VERSION"),
        fnv1a(crate::nlp::ner::model_bytes(), 0xcbf2_9ce4_8422_2325)
    )
}

fn fnv1a(bytes: &[u8], seed: u64) -> u64 {
    bytes.iter().fold(seed, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Maps `f` over `items` on all available cores, keeping order.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().max(1));
    if threads <= 1 || items.len() < 8 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|c| s.spawn(|| c.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("analysis thread panicked"))
            .collect()
    })
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
        let root = std::env::temp_dir().join(format!("briefing-cache-{}", std::process::id()));
        let path = Cache::path(&root);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "{\"format\":1,\"fingerprint\":\"x\"}\n").unwrap();
        assert!(Cache::load(&root).discarded.is_some());
        std::fs::write(&path, "garbage").unwrap();
        assert!(Cache::load(&root).discarded.is_some());
        let good = Cache::default();
        good.save(&root).unwrap();
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"{not json\n")
            .unwrap();
        let c = Cache::load(&root);
        assert!(
            c.discarded.as_deref().unwrap().contains("line 2"),
            "{:?}",
            c.discarded
        );
        std::fs::remove_dir_all(root).unwrap();
    }
}
