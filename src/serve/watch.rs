//! The watcher: snapshot the watched paths, compare, debounce, rebuild.
//!
//! What prompts a look is an OS notification ([`super::os_watch`]) when the
//! platform gives them, with a slow safety poll every [`SAFETY_POLL`]; else
//! a poll every [`ServeOptions::poll`] (stretched for large trees).
//!
//! A [`Snapshot`] digests every watched file's path and [`Stamp`] (mtime, size and,
//! on Unix, inode). Any difference — a file added, removed, renamed, rewritten or
//! replaced by a rename — changes the digest. Editors' temporary and backup files and
//! dot-files are skipped (see [`is_ignored`]), so the burst of files an atomic save
//! creates and deletes causes nothing until the real file changes; the final rename
//! changes the real file's inode and mtime, which is seen.
//!
//! Directories are walked recursively; symlinked files are followed but
//! symlinked directories are not (no cycles). The output directory is never
//! watched, even when it lies inside a watched directory, so a rebuild cannot
//! trigger itself.

use super::reload::Hub;
use super::{Rebuild, ServeOptions, Stop};
use std::ffi::OsStr;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// The pause between polls is at least this many times the last poll's duration,
/// so polling a very large tree stays under about a tenth of one core (a poll
/// costs about 1.4 µs per file, nearly all of it in `stat`).
const POLL_DUTY: u32 = 10;

/// With OS notifications, a full poll still runs this often (events can be
/// lost, and some file systems never send them).
const SAFETY_POLL: Duration = Duration::from_secs(5);

/// What is compared between polls for one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    /// Changes on rename-into-place even when the mtime granularity hides it.
    inode: u64,
}

/// An order-independent digest of every watched file's path and stamp: equal
/// snapshots mean nothing changed. A digest rather than a sorted map because a
/// map of 20,000 paths made each poll spend most of its time comparing paths;
/// a change going unseen would take a 64-bit hash collision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Snapshot {
    files: u64,
    digest: u64,
}

impl Snapshot {
    /// Adds one file. Summing the per-file hashes makes the walk order irrelevant.
    fn add(&mut self, path: &Path, stamp: Stamp) {
        let mut hasher = DefaultHasher::new(); // fixed keys: stable within the process
        path.as_os_str().hash(&mut hasher);
        stamp.hash(&mut hasher);
        self.files += 1;
        self.digest = self.digest.wrapping_add(hasher.finish());
    }
}

/// Polls the watched paths and calls the rebuild closure after a quiet period.
pub struct Watcher {
    roots: Vec<PathBuf>,
    output_dir: PathBuf,
    poll: Duration,
    debounce: Duration,
    /// The state the last rebuild (or the caller's initial build) saw.
    seen: Snapshot,
    /// OS notifications, when the platform gives them.
    os: Option<super::os_watch::OsWatch>,
}

impl Watcher {
    /// Sets up OS notifications and takes the first snapshot now, so every
    /// change after `Server::start` returns is seen, even one made before the
    /// watcher thread first runs.
    pub fn new(opts: &ServeOptions) -> Watcher {
        let mut watcher = Watcher {
            roots: opts.watch.clone(),
            output_dir: opts.output_dir.clone(),
            poll: opts.poll,
            debounce: opts.debounce,
            seen: Snapshot::default(),
            // Registered before the first snapshot: no change falls between.
            os: super::os_watch::OsWatch::new(&opts.watch, &opts.output_dir),
        };
        watcher.seen = watcher.snapshot();
        watcher
    }

    /// Until `stop`: poll, wait for quiet, rebuild (never two at once: this one
    /// thread is the only caller), and report to the terminal and the hub.
    pub fn run(mut self, mut rebuild: Rebuild, hub: &Hub, stop: &Stop) {
        let os = self.os.take();
        let mut interval = self.poll;
        let mut last_poll = Instant::now();
        loop {
            match &os {
                Some(os) => {
                    // Wake on a notification, or for the safety poll.
                    let notified = os.wait(self.poll.min(Duration::from_millis(200)));
                    if stop.sleep(Duration::ZERO) {
                        return;
                    }
                    if !notified && last_poll.elapsed() < SAFETY_POLL.max(interval) {
                        continue;
                    }
                }
                None => {
                    if stop.sleep(interval) {
                        return;
                    }
                }
            }
            last_poll = Instant::now();
            let started = Instant::now();
            let now = self.snapshot();
            interval = self.poll.max(started.elapsed() * POLL_DUTY);
            if now == self.seen {
                continue;
            }
            let Some(settled) = self.settle(now, stop) else {
                return;
            };
            // Changes made while the rebuild runs differ from `seen` and trigger
            // the next rebuild, so no edit is lost.
            self.seen = settled;
            rebuild_once(&mut rebuild, hub);
        }
    }

    /// Waits until two snapshots `debounce` apart agree (an editor's save, a `git
    /// checkout` or a copy is over), but no longer than [`Watcher::max_settle`] so a
    /// file that never stops changing still gets built. `None` when stopped.
    fn settle(&self, mut current: Snapshot, stop: &Stop) -> Option<Snapshot> {
        let deadline = Instant::now() + self.max_settle();
        loop {
            if stop.sleep(self.debounce) {
                return None;
            }
            let next = self.snapshot();
            if next == current || Instant::now() >= deadline {
                return Some(next);
            }
            current = next;
        }
    }

    /// The longest a burst of changes can postpone a rebuild.
    fn max_settle(&self) -> Duration {
        (self.debounce * 10).max(Duration::from_secs(1))
    }

    /// The current state of every watched file. Paths that do not exist (yet) are
    /// simply absent, so their appearance is a change.
    pub fn snapshot(&self) -> Snapshot {
        let mut snapshot = Snapshot::default();
        self.visit(&mut |path, stamp| snapshot.add(path, stamp));
        snapshot
    }

    /// Calls `visit` with every watched file (canonical root + relative path).
    fn visit(&self, visit: &mut dyn FnMut(&Path, Stamp)) {
        let output_dir = fs::canonicalize(&self.output_dir).ok();
        for root in &self.roots {
            let Ok(root) = fs::canonicalize(root) else {
                continue;
            };
            // A watched path is taken as given even if its name looks ignorable.
            if root.is_dir() {
                walk(&root, output_dir.as_deref(), visit);
            } else if let Some(stamp) = stamp(&root) {
                visit(&root, stamp);
            }
        }
    }
}

/// Visits every file under `dir`, recursively. Entries that vanish or cannot be
/// read mid-walk are skipped: the next poll sees the settled state.
fn walk(dir: &Path, output_dir: Option<&Path>, visit: &mut dyn FnMut(&Path, Stamp)) {
    if Some(dir) == output_dir {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if is_ignored(&entry.file_name()) {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        if kind.is_dir() {
            walk(&path, output_dir, visit);
        } else if kind.is_file() {
            // `DirEntry::metadata` stats relative to the open directory: no path lookup.
            if let Some(stamp) = entry.metadata().ok().and_then(|m| file_stamp(&m)) {
                visit(&path, stamp);
            }
        } else if let Some(stamp) = stamp(&path) {
            // Symlinks to files; `stamp` is None for symlinked dirs.
            visit(&path, stamp);
        }
    }
}

/// The stamp of a regular file (following symlinks), or `None`.
fn stamp(path: &Path) -> Option<Stamp> {
    file_stamp(&fs::metadata(path).ok()?)
}

/// The stamp for metadata of a regular file, or `None`.
fn file_stamp(meta: &fs::Metadata) -> Option<Stamp> {
    if !meta.is_file() {
        return None;
    }
    Some(Stamp {
        modified: meta.modified().ok(),
        len: meta.len(),
        inode: inode(meta),
    })
}

#[cfg(unix)]
fn inode(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_meta: &fs::Metadata) -> u64 {
    0
}

/// Names the watcher never looks at: dot-files and dot-dirs (`.git`, vim's
/// `.x.swp`, emacs's `.#x` locks), backups (`x~`, `x.bak`), vim swap files and its
/// `4913` write probe, emacs autosaves (`#x#`), and the temporary files other
/// editors and tools write before renaming into place.
pub fn is_ignored(name: &OsStr) -> bool {
    let Some(name) = name.to_str() else {
        return false; // not ours to judge; a non-UTF-8 name is still watched
    };
    let ext = name
        .rsplit_once('.')
        .map(|(_, ext)| ext)
        .unwrap_or_default();
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name == "4913"
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || matches!(
            ext,
            "swp" | "swo" | "swn" | "swx" | "swpx" | "tmp" | "bak" | "crswap"
        )
}

/// Runs the rebuild once and reports. A panic in the closure is reported like an
/// error, so one bad build cannot kill the watcher.
fn rebuild_once(rebuild: &mut Rebuild, hub: &Hub) {
    let started = Instant::now();
    let result = panic::catch_unwind(AssertUnwindSafe(&mut *rebuild))
        .unwrap_or_else(|payload| Err(panic_text(payload.as_ref())));
    let ms = started.elapsed().as_millis();
    match result {
        Ok(summary) => {
            println!("rebuilt in {ms} ms: {summary}");
            hub.reloaded();
        }
        Err(error) => {
            eprintln!(
                "error: rebuild failed after {ms} ms (still serving the last good site):\n{error}"
            );
            hub.failed(&error);
        }
    }
}

/// The message of a panic payload.
fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into());
    format!("the rebuild panicked: {message}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_droppings_are_ignored() {
        for name in [
            ".git",
            ".page.md.swp",
            ".#page.md",
            "#page.md#",
            "page.md~",
            "page.md.swp",
            "page.md.swx",
            "4913",
            "page.md___jb_tmp___",
            "page.md.tmp",
            "page.md.crswap",
        ] {
            assert!(is_ignored(OsStr::new(name)), "{name}");
        }
        for name in ["page.md", "briefing.yaml", "base.html", "4913.md", "swp"] {
            assert!(!is_ignored(OsStr::new(name)), "{name}");
        }
    }

    #[test]
    fn panics_become_errors() {
        let hub = Hub::default();
        let mut rebuild: Rebuild = Box::new(|| panic!("boom"));
        rebuild_once(&mut rebuild, &hub);
        assert_eq!(
            hub.generation(),
            0,
            "a failed build is not a new generation"
        );
        let error = hub.last_error().expect("the panic is reported as an error");
        assert!(error.contains("boom"), "{error}");
        let mut rebuild: Rebuild = Box::new(|| Ok("fine".into()));
        rebuild_once(&mut rebuild, &hub);
        assert_eq!(hub.generation(), 1);
        assert_eq!(hub.last_error(), None);
    }

    /// A fresh, empty directory under the system temp dir.
    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("briefing-watch-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn watcher(dir: &Path) -> Watcher {
        let mut opts = ServeOptions::new(dir.join("site/public"));
        opts.watch = vec![
            dir.join("site"),
            dir.join("config.yaml"),
            dir.join("absent"),
        ];
        Watcher::new(&opts)
    }

    /// The watched files, relative to `dir`, sorted.
    fn names(watcher: &Watcher, dir: &Path) -> Vec<String> {
        let dir = fs::canonicalize(dir).unwrap();
        let mut names = Vec::new();
        watcher.visit(&mut |path, _| {
            names.push(path.strip_prefix(&dir).unwrap().display().to_string());
        });
        names.sort();
        names
    }

    #[test]
    fn snapshot_skips_droppings_and_the_output_dir() {
        let dir = temp_dir("snapshot");
        for file in [
            "site/content/a.md",
            "site/content/.a.md.swp",
            "site/content/a.md~",
            "site/content/4913",
            "site/.git/HEAD",
            "site/public/index.html",
            "config.yaml",
        ] {
            let path = dir.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, file).unwrap();
        }
        let watcher = watcher(&dir);
        assert_eq!(names(&watcher, &dir), ["config.yaml", "site/content/a.md"]);
        fs::write(dir.join("site/content/a.md~"), "a longer backup").unwrap();
        fs::write(dir.join("site/public/index.html"), "rebuilt output").unwrap();
        assert_eq!(
            watcher.snapshot(),
            watcher.seen,
            "ignored files changed only"
        );
        fs::write(dir.join("site/content/a.md"), "edited").unwrap();
        assert_ne!(watcher.snapshot(), watcher.seen);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn atomic_save_and_new_files_are_changes() {
        let dir = temp_dir("atomic");
        fs::create_dir_all(dir.join("site")).unwrap();
        fs::write(dir.join("site/a.md"), "same").unwrap();
        let watcher = watcher(&dir);
        assert_eq!(watcher.snapshot(), watcher.seen, "nothing changed yet");
        // An editor's atomic save: same size, written elsewhere, renamed over.
        fs::write(dir.join("site/.a.md.tmp"), "SAME").unwrap();
        assert_eq!(watcher.snapshot(), watcher.seen, "temp files are ignored");
        fs::rename(dir.join("site/.a.md.tmp"), dir.join("site/a.md")).unwrap();
        let after_save = watcher.snapshot();
        assert_ne!(after_save, watcher.seen);
        fs::write(dir.join("absent"), "now here").unwrap();
        let after_create = watcher.snapshot();
        assert_ne!(after_create, after_save);
        assert_eq!(names(&watcher, &dir), ["absent", "site/a.md"]);
        // A move keeps mtime, size and inode: only the path tells.
        fs::create_dir(dir.join("site/sub")).unwrap();
        fs::rename(dir.join("site/a.md"), dir.join("site/sub/a.md")).unwrap();
        let after_move = watcher.snapshot();
        assert_ne!(after_move, after_create);
        fs::remove_file(dir.join("site/sub/a.md")).unwrap();
        assert_ne!(watcher.snapshot(), after_move);
        fs::remove_dir_all(&dir).unwrap();
    }
}
