//! The no-op check: has anything a build reads changed since the last one?
//!
//! A fingerprint covers every file under the content directory and the site's
//! `templates/`, `themes/` and `static/` folders by path, size and mtime (no
//! file is opened), `briefing.yaml` and the command-line overrides (through
//! the loaded [`Config`]), and the `briefing` executable itself. After a
//! successful build it is saved in `.briefing/last-build-<output>.bin` with
//! the size and mtime of the state files the build wrote (analysis cache,
//! address memory, output manifest) and the build's summary numbers. The next
//! build with the same fingerprint, the same state files and an intact output
//! (every file as the manifest recorded it) has nothing to do.

use crate::config::Config;
use crate::output::hash_bytes;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// Location of the records under the site root: one per output directory
/// (`briefing serve` builds into its own), named by a hash of its path.
pub const RECORD_DIR: &str = ".briefing";

/// Bump when [`Record`] changes shape.
const FORMAT: u32 = 2;

/// What the last successful build saw and produced.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Record {
    format: u32,
    /// Fingerprint of every input.
    pub inputs: u128,
    /// (path, size, mtime) of the state files written by that build.
    state: Vec<(PathBuf, Option<(u64, u128)>)>,
    /// What that build published (replayed by a no-op build).
    pub counts: Counts,
}

/// Summary numbers a [`Record`] keeps.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Counts {
    /// Published articles.
    pub articles: usize,
    /// People pages.
    pub people: usize,
    /// Event pages.
    pub events: usize,
    /// HTML pages.
    pub pages: usize,
    /// Files in the output.
    pub files: usize,
    /// What was skipped in content/, with reasons.
    pub skipped: Vec<String>,
    /// Warnings the build printed.
    pub warnings: Vec<String>,
    /// Articles left out under `--keep-going`.
    pub failed: Vec<String>,
}

impl Record {
    /// Path of the record of builds into `out` under `root`.
    pub fn path(root: &Path, out: &Path) -> PathBuf {
        root.join(RECORD_DIR)
            .join(format!("last-build-{}.bin", output_key(out)))
    }

    /// A record of a build that saw `inputs` and wrote `state` files.
    pub fn new(inputs: u128, state: &[PathBuf], counts: Counts) -> Record {
        Record {
            format: FORMAT,
            inputs,
            state: state.iter().map(|p| (p.clone(), stat(p))).collect(),
            counts,
        }
    }

    /// The last build's record, if readable and of this format.
    pub fn load(root: &Path, out: &Path) -> Option<Record> {
        let bytes = std::fs::read(Record::path(root, out)).ok()?;
        let r: Record = bincode::deserialize(&bytes).ok()?;
        (r.format == FORMAT).then_some(r)
    }

    /// Saves the record atomically.
    pub fn save(&self, root: &Path, out: &Path) -> std::io::Result<()> {
        let path = Record::path(root, out);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("tmp");
        std::fs::write(
            &tmp,
            bincode::serialize(self).map_err(std::io::Error::other)?,
        )?;
        std::fs::rename(tmp, path)
    }

    /// True when the state files are exactly as this record left them.
    pub fn state_unchanged(&self) -> bool {
        self.state.iter().all(|(p, s)| stat(p) == *s)
    }
}

/// Fingerprint of everything a build of `config` reads (see module docs).
pub fn fingerprint(config: &Config) -> u128 {
    let mut text = format!("{}\n{config:?}\n", env!("CARGO_PKG_VERSION"));
    if let Ok(exe) = std::env::current_exe() {
        text.push_str(&format!("exe {:?}\n", stat(&exe)));
    }
    let root = &config.root;
    let dirs = [
        config.content_path(),
        root.join("templates"),
        root.join("themes"),
        root.join("static"),
    ];
    for dir in dirs {
        text.push_str(&format!("dir {}\n", dir.display()));
        for entry in walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if entry.file_type().is_dir() {
                continue;
            }
            let md = entry.metadata().ok();
            let mtime = md
                .as_ref()
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map(|d| d.as_nanos());
            text.push_str(&format!(
                "{}\t{:?}\t{:?}\n",
                entry.path().display(),
                md.map(|m| m.len()),
                mtime
            ));
        }
    }
    hash_bytes(text.as_bytes())
}

/// A short name for an output directory, for per-output state files.
pub fn output_key(out: &Path) -> String {
    format!(
        "{:016x}",
        hash_bytes(out.to_string_lossy().as_bytes()) as u64
    )
}

fn stat(path: &Path) -> Option<(u64, u128)> {
    let md = std::fs::metadata(path).ok()?;
    let t = md.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((md.len(), t.as_nanos()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_content_change_changes_the_fingerprint() {
        let root = std::env::temp_dir().join(format!("briefing-inputs-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::write(root.join("content/a.md"), "one").unwrap();
        let config = Config {
            root: root.clone(),
            ..Config::default()
        };
        let first = fingerprint(&config);
        assert_eq!(first, fingerprint(&config), "stable when nothing changed");
        std::fs::write(root.join("content/a.md"), "one!").unwrap();
        let edited = fingerprint(&config);
        assert_ne!(first, edited);
        std::fs::write(root.join("content/b.md"), "two").unwrap();
        assert_ne!(edited, fingerprint(&config));
        let other = Config {
            title: "Other".into(),
            ..config.clone()
        };
        assert_ne!(fingerprint(&config), fingerprint(&other));

        let state = root.join("state.bin");
        std::fs::write(&state, "x").unwrap();
        let counts = || Counts {
            articles: 2,
            people: 0,
            events: 0,
            pages: 0,
            files: 0,
            skipped: Vec::new(),
            warnings: Vec::new(),
            failed: vec!["a.md: bad".into()],
        };
        let r = Record::new(1, std::slice::from_ref(&state), counts());
        let out = root.join("public");
        r.save(&root, &out).unwrap();
        assert!(Record::load(&root, &root.join("elsewhere")).is_none());
        let loaded = Record::load(&root, &out).unwrap();
        assert_eq!(loaded, r);
        assert!(loaded.state_unchanged());
        std::fs::write(&state, "xy").unwrap();
        assert!(!loaded.state_unchanged());
        std::fs::remove_dir_all(root).unwrap();
    }
}
