//! `output`: write the rendered site to disk, atomically and incrementally.
//!
//! The whole site is rendered into memory first ([`SiteFiles`]), so a build
//! that fails anywhere before this stage never touches `public/`. Then:
//! 1. a fresh sibling directory `.<output>.tmp-<pid>` is filled: a file whose
//!    bytes equal the one already published is hard-linked from it (so it keeps
//!    its bytes, inode and mtime and a deploy diff stays small); others are written;
//! 2. the old directory is renamed away, the new one renamed into place, the
//!    old one deleted. Files the build no longer produces are therefore gone.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Every file of the site: relative path (`/`-separated) → bytes.
#[derive(Debug, Default)]
pub struct SiteFiles {
    files: BTreeMap<String, Vec<u8>>,
}

/// What a write did, for the build summary and incremental tests.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WriteReport {
    /// Files written.
    pub total: usize,
    /// Files whose bytes differ from the previous build (or are new).
    pub changed: Vec<String>,
    /// Files of the previous build that are gone now.
    pub removed: Vec<String>,
}

impl SiteFiles {
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

    /// Writes everything to `out` as described in the module docs.
    pub fn write(&self, out: &Path) -> io::Result<WriteReport> {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)?;
        let name = out.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_else(|| "public".into());
        let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        let _ = fs::remove_dir_all(&tmp);
        let report = match self.fill(&tmp, out) {
            Ok(r) => r,
            Err(e) => {
                let _ = fs::remove_dir_all(&tmp);
                return Err(e);
            }
        };
        let had_old = out.exists();
        if had_old {
            fs::rename(out, &old)?;
        }
        if let Err(e) = fs::rename(&tmp, out) {
            if had_old {
                let _ = fs::rename(&old, out);
            }
            return Err(e);
        }
        if had_old {
            fs::remove_dir_all(&old)?;
        }
        Ok(report)
    }

    fn fill(&self, tmp: &Path, previous: &Path) -> io::Result<WriteReport> {
        let mut report = WriteReport {
            total: self.files.len(),
            ..Default::default()
        };
        for (rel, bytes) in &self.files {
            let dest = tmp.join(rel);
            if let Some(dir) = dest.parent() {
                fs::create_dir_all(dir)?;
            }
            let prev = previous.join(rel);
            let same = fs::read(&prev).map(|b| &b == bytes).unwrap_or(false);
            if !(same && fs::hard_link(&prev, &dest).is_ok()) {
                fs::write(&dest, bytes)?;
                if !same {
                    report.changed.push(rel.clone());
                }
            }
        }
        report.removed = list_files(previous)
            .into_iter()
            .filter(|p| !self.files.contains_key(p))
            .collect();
        Ok(report)
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
mod tests {
    use super::*;

    fn tmpdir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("briefing-output-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn swaps_in_and_removes_stale_files() {
        let root = tmpdir("swap");
        let out = root.join("public");
        let mut a = SiteFiles::default();
        a.insert("index.html", "one");
        a.insert("old/index.html", "gone soon");
        a.write(&out).unwrap();
        let mut b = SiteFiles::default();
        b.insert("index.html", "one");
        b.insert("new.txt", "two");
        let r = b.write(&out).unwrap();
        assert_eq!(r.changed, vec!["new.txt"]);
        assert_eq!(r.removed, vec!["old/index.html"]);
        assert_eq!(list_files(&out), vec!["index.html", "new.txt"]);
        // No temp or old directories left behind.
        assert_eq!(fs::read_dir(&root).unwrap().count(), 1);
        fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn unchanged_files_keep_their_mtime() {
        let root = tmpdir("mtime");
        let out = root.join("public");
        let mut a = SiteFiles::default();
        a.insert("same.html", "x");
        a.write(&out).unwrap();
        let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
        fs::File::options()
            .write(true)
            .open(out.join("same.html"))
            .unwrap()
            .set_modified(old)
            .unwrap();
        a.write(&out).unwrap();
        assert_eq!(
            fs::metadata(out.join("same.html"))
                .unwrap()
                .modified()
                .unwrap(),
            old
        );
        fs::remove_dir_all(root).unwrap();
    }
}
