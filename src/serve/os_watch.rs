//! OS file notifications (inotify, FSEvents, ReadDirectoryChangesW through
//! the `notify` crate) as the watcher's trigger.
//!
//! A notification only says "look now": the watcher then takes a snapshot
//! and compares it with the last one, so a burst of events, an event for a
//! file whose bytes did not change, or a lost event costs nothing wrong. A
//! save is seen within milliseconds instead of after the next poll; the
//! periodic poll stays as a slow safety net (network and container file
//! systems where notifications never fire) and as the whole mechanism when
//! notifications cannot be set up.

use super::watch::is_ignored;
use notify::{RecursiveMode, Watcher as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Live notifications for the watched paths.
pub struct OsWatch {
    _watcher: notify::RecommendedWatcher,
    rx: mpsc::Receiver<()>,
}

impl OsWatch {
    /// Watches every root: directories recursively; a single file, or a
    /// path that does not exist yet, through its nearest existing parent.
    /// `None` when the platform gives no notifications.
    pub fn new(roots: &[PathBuf], output_dir: &Path) -> Option<OsWatch> {
        let (tx, rx) = mpsc::channel();
        let output = std::fs::canonicalize(output_dir).unwrap_or_else(|_| output_dir.to_path_buf());
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            let relevant = match res {
                // Opening or reading is no change. The watcher's own
                // snapshot opens every watched directory, so counting
                // access events made each snapshot notify the next: a
                // busy loop that took 40% of a core while idle and
                // competed with requests under load.
                Ok(event) if event.kind.is_access() => false,
                Ok(event) => event.paths.iter().any(|p| relevant(p, &output)),
                Err(_) => true, // e.g. a queue overflow: look, to be sure
            };
            if relevant {
                let _ = tx.send(());
            }
        })
        .ok()?;
        let mut watching = 0;
        for root in roots {
            let (path, mode) = if root.is_dir() {
                (root.clone(), RecursiveMode::Recursive)
            } else {
                let mut parent = root.parent().map(Path::to_path_buf);
                while let Some(p) = parent
                    .clone()
                    .filter(|p| !p.as_os_str().is_empty() && !p.is_dir())
                {
                    parent = p.parent().map(Path::to_path_buf);
                }
                let parent = parent
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or_else(|| ".".into());
                (parent, RecursiveMode::NonRecursive)
            };
            if watcher.watch(&path, mode).is_ok() {
                watching += 1;
            }
        }
        (watching > 0 || roots.is_empty()).then_some(OsWatch {
            _watcher: watcher,
            rx,
        })
    }

    /// Waits up to `timeout` for a notification; true when one (or more,
    /// all taken) arrived.
    pub fn wait(&self, timeout: Duration) -> bool {
        if self.rx.recv_timeout(timeout).is_err() {
            return false;
        }
        while self.rx.try_recv().is_ok() {}
        true
    }
}

/// A changed path worth a look: not in the output directory, not an
/// editor's dropping.
fn relevant(path: &Path, output: &Path) -> bool {
    if path.starts_with(output) {
        return false;
    }
    path.file_name().is_none_or(|n| !is_ignored(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_is_notified_and_droppings_are_not() {
        let dir = std::env::temp_dir().join(format!("briefing-oswatch-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("src")).unwrap();
        std::fs::create_dir_all(dir.join("out")).unwrap();
        let Some(os) = OsWatch::new(&[dir.join("src")], &dir.join("out")) else {
            eprintln!("skipping: no OS notifications here");
            return;
        };
        std::fs::write(dir.join("src/.page.txt.swp"), "x").unwrap();
        assert!(
            !os.wait(Duration::from_millis(300)),
            "a swap file is not a change"
        );
        std::fs::write(dir.join("src/page.txt"), "x").unwrap();
        assert!(os.wait(Duration::from_secs(5)), "a write is notified");
        while os.wait(Duration::from_millis(300)) {}
        // Reading the tree (as the watcher's own snapshot does) is no change.
        let _ = std::fs::read_dir(dir.join("src")).unwrap().count();
        let _ = std::fs::read(dir.join("src/page.txt")).unwrap();
        assert!(
            !os.wait(Duration::from_millis(300)),
            "opening and reading are not changes"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
