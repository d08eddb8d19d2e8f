//! The build lock, `.briefing/lock`: one build of a site at a time.
//!
//! Two builds writing the same output and cache at once can leave either
//! half-done. The lock is an OS advisory lock (`flock`) on the file, held for
//! the life of [`BuildLock`]; the file also records the holder's pid for the
//! message. Because the OS drops the lock when its process dies, a lock file
//! left by a killed build is stale by construction: the next build takes it
//! over without asking anyone to delete it. The file itself is never deleted
//! (deleting a locked file would let two builds lock two different files).

use std::fmt;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The lock file, relative to the site root.
pub const LOCK_FILE: &str = ".briefing/lock";

/// A held build lock; released when dropped (or when the process dies).
#[derive(Debug)]
pub struct BuildLock {
    file: File,
    path: PathBuf,
}

/// Why the lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another live build holds it.
    Busy {
        /// The lock file.
        path: PathBuf,
        /// The holder's pid, when it wrote one.
        pid: Option<u32>,
    },
    /// The lock file could not be created or locked.
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockError::Busy { path, pid } => {
                let who = pid.map_or_else(|| "pid unknown".to_string(), |p| format!("pid {p}"));
                write!(
                    f,
                    "another build is running ({who}), holding {}; wait for it to finish \
                     (a lock left by a build that died is taken over automatically)",
                    path.display()
                )
            }
            LockError::Io(path, e) => {
                write!(f, "{}: cannot take the build lock: {e}", path.display())
            }
        }
    }
}

impl std::error::Error for LockError {}

impl BuildLock {
    /// Takes the lock of the site at `root`, without waiting.
    pub fn acquire(root: &Path) -> Result<BuildLock, LockError> {
        let path = root.join(LOCK_FILE);
        let io = |e| LockError::Io(path.clone(), e);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                return Err(LockError::Busy {
                    pid: text.trim().parse().ok(),
                    path,
                });
            }
            Err(TryLockError::Error(e)) => return Err(io(e)),
        }
        // Ours now: whatever pid a dead holder left is overwritten.
        file.set_len(0).map_err(io)?;
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        writeln!(file, "{}", std::process::id()).map_err(io)?;
        Ok(BuildLock { file, path })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for BuildLock {
    fn drop(&mut self) {
        // Clear the pid so nobody reads ours after we are gone; the OS
        // releases the lock when the file closes.
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("briefing-lock-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn second_build_is_refused_with_the_holders_pid() {
        let r = root("busy");
        let held = BuildLock::acquire(&r).unwrap();
        let err = BuildLock::acquire(&r).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains(&format!(
                "another build is running (pid {})",
                std::process::id()
            )),
            "{msg}"
        );
        drop(held);
        assert!(BuildLock::acquire(&r).is_ok());
        std::fs::remove_dir_all(r).unwrap();
    }

    #[test]
    fn a_stale_lock_file_is_taken_over() {
        let r = root("stale");
        std::fs::create_dir_all(r.join(".briefing")).unwrap();
        // A build that died left its pid behind, unlocked.
        std::fs::write(r.join(LOCK_FILE), "4000000000\n").unwrap();
        let lock = BuildLock::acquire(&r).unwrap();
        let text = std::fs::read_to_string(lock.path()).unwrap();
        assert_eq!(text.trim(), std::process::id().to_string());
        drop(lock);
        std::fs::remove_dir_all(r).unwrap();
    }
}
