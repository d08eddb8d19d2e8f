//! Finding article files in the content directory.
//!
//! Sorted walk (deterministic), symlinks followed, but never out of the
//! content directory: a link to a directory outside it (`loop → ..`) is
//! skipped with a warning, as are broken links and link loops (walkdir
//! detects loops back into the walk; the kernel reports a link to itself).
//! Dot-files and dot-directories are skipped silently, as are the
//! top-level `people/` and `events/` directories, which hold curation files
//! read by other modules. Anything else that is not an article is listed in
//! `skipped` with the reason, so nothing disappears without a word; that
//! includes `README.*` files, which document a directory (data sets ship
//! one) rather than report news.

use super::error::ContentError;
use std::fmt;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Top-level directories of the content dir that are not articles.
pub const CURATION_DIRS: &[&str] = &["people", "events"];

/// A file in the content directory that is not loaded as an article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Skipped {
    /// Path relative to the content directory, `/`-separated.
    pub path: String,
    /// Why it was not loaded, for people ("not an article: `.png` files are
    /// not read …"). A string so later stages can add their own reasons
    /// (the site adds drafts); [`SkipReason`] renders the loader's.
    pub reason: String,
    /// Something is probably wrong (a broken link, a binary or empty
    /// file), not just a file of another kind: printed as a warning, and an
    /// error under `--strict`.
    pub warning: bool,
    /// The file had errors and was left out under `--keep-going`: the
    /// build exits non-zero.
    pub failed: bool,
}

/// Why the loader did not load a file; `to_string()` is `Skipped::reason`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// `README.md`, `readme.txt`, …: documentation about the files next to
    /// it (data sets ship one), not an article.
    Readme,
    /// Not `.md`, `.markdown` or `.txt` (the extension, lowercased, if any).
    NotAnArticle {
        /// The file's extension, lowercased.
        extension: Option<String>,
    },
    /// Neither a regular file nor a directory (socket, device, broken link).
    NotAFile,
    /// A symbolic link that points back into a directory being walked.
    LinkLoop,
    /// A symbolic link whose target does not exist.
    BrokenLink,
    /// A symbolic link to a directory outside the content directory.
    LinkOutside {
        /// Where it points (resolved).
        target: String,
    },
}

impl SkipReason {
    /// True for reasons that mean something is wrong (see [`Skipped::warning`]).
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            SkipReason::LinkLoop | SkipReason::BrokenLink | SkipReason::LinkOutside { .. }
        )
    }

    fn skip(self, path: String) -> Skipped {
        Skipped {
            path,
            warning: self.is_warning(),
            reason: self.to_string(),
            failed: false,
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::NotAnArticle { extension: Some(e) } => {
                write!(
                    f,
                    "not an article: `.{e}` files are not read (use .md, .markdown or .txt)"
                )
            }
            SkipReason::NotAnArticle { extension: None } => {
                write!(
                    f,
                    "not an article: no extension (use .md, .markdown or .txt)"
                )
            }
            SkipReason::Readme => write!(f, "README: documentation, not an article"),
            SkipReason::NotAFile => write!(f, "not a regular file"),
            SkipReason::LinkLoop => write!(f, "symbolic link loop, not followed"),
            SkipReason::BrokenLink => {
                write!(f, "broken symbolic link (its target does not exist)")
            }
            SkipReason::LinkOutside { target } => write!(
                f,
                "symbolic link to a directory outside the content directory ({target}), not followed"
            ),
        }
    }
}

/// The article files found, and what was skipped or unreadable.
#[derive(Debug, Default)]
pub struct Walked {
    /// Article files, in walk order.
    pub articles: Vec<PathBuf>,
    /// Files that are not articles.
    pub skipped: Vec<Skipped>,
    /// Directories or files that could not be listed.
    pub errors: Vec<ContentError>,
}

/// True for the extensions read as articles (case-insensitive).
pub fn is_article_extension(ext: &str) -> bool {
    ["md", "markdown", "txt"]
        .iter()
        .any(|e| e.eq_ignore_ascii_case(ext))
}

/// `path` relative to `root`, `/`-separated (the path itself when it is
/// not under `root`). A name that is not valid UTF-8 keeps its invalid bytes
/// as `%XX`, so two different names never give the same `source_path`.
pub fn relative(root: &Path, path: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rel) => {
            let parts: Vec<_> = rel.components().map(|c| name(c.as_os_str())).collect();
            parts.join("/")
        }
        Err(_) => name(path.as_os_str()).replace('\\', "/"),
    }
}

/// A file name as text, invalid UTF-8 bytes written `%XX`.
fn name(os: &std::ffi::OsStr) -> String {
    if let Some(s) = os.to_str() {
        return s.to_string();
    }
    let bytes = os.as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Walks `root`.
pub fn walk(root: &Path) -> Walked {
    let mut out = Walked::default();
    let real_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let outside = std::cell::RefCell::new(Vec::new());
    let entries = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 || is_ignored(e) {
                return e.depth() == 0;
            }
            match link_outside(&real_root, e) {
                Some(target) => {
                    outside
                        .borrow_mut()
                        .push(SkipReason::LinkOutside { target }.skip(relative(root, e.path())));
                    false
                }
                None => true,
            }
        });
    for entry in entries {
        match entry {
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) if e.file_type().is_file() => {
                let ext = e
                    .path()
                    .extension()
                    .map(|x| x.to_string_lossy().to_lowercase());
                let path = relative(root, e.path());
                match ext {
                    _ if is_readme(&e) => out.skipped.push(SkipReason::Readme.skip(path)),
                    Some(x) if is_article_extension(&x) => out.articles.push(e.into_path()),
                    extension => out
                        .skipped
                        .push(SkipReason::NotAnArticle { extension }.skip(path)),
                }
            }
            Ok(e) => out
                .skipped
                .push(SkipReason::NotAFile.skip(relative(root, e.path()))),
            Err(err) => match link_problem(&err) {
                Some(reason) => out
                    .skipped
                    .push(reason.skip(err.path().map_or_else(String::new, |p| relative(root, p)))),
                None => out.errors.push(walk_error(root, &err)),
            },
        }
        out.skipped.append(&mut outside.borrow_mut());
    }
    // A link pruned after the last entry yielded.
    out.skipped.append(&mut outside.borrow_mut());
    out
}

/// For a symbolic link to a directory, its target when that lies outside
/// `real_root` (the canonical content directory).
fn link_outside(real_root: &Path, e: &walkdir::DirEntry) -> Option<String> {
    if !e.path_is_symlink() || !e.file_type().is_dir() {
        return None;
    }
    let target = e.path().canonicalize().ok()?;
    (!target.starts_with(real_root)).then(|| target.display().to_string())
}

/// A walk error that is a link problem to skip with a warning, not fail on.
fn link_problem(err: &walkdir::Error) -> Option<SkipReason> {
    if err.loop_ancestor().is_some() {
        return Some(SkipReason::LinkLoop);
    }
    let path = err.path()?;
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return None;
    }
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(SkipReason::BrokenLink),
        // ELOOP: a link to itself, or a cycle of links.
        Err(e) if e.raw_os_error() == Some(40) => Some(SkipReason::LinkLoop),
        Err(_) => Some(SkipReason::BrokenLink),
        Ok(_) => None,
    }
}

fn walk_error(root: &Path, err: &walkdir::Error) -> ContentError {
    let path = err
        .path()
        .map_or_else(|| ".".to_string(), |p| relative(root, p));
    let path = if path.is_empty() {
        ".".to_string()
    } else {
        path
    };
    ContentError::whole_file(
        &path,
        format!("cannot read: {}", io_message(err)),
        "check that the path exists and is readable, or move it out of the content directory",
    )
}

fn io_message(err: &walkdir::Error) -> String {
    err.io_error()
        .map_or_else(|| err.to_string(), |e| e.to_string())
}

fn is_readme(e: &walkdir::DirEntry) -> bool {
    let stem = e.path().file_stem().map(|s| s.to_string_lossy());
    stem.is_some_and(|s| s.eq_ignore_ascii_case("readme"))
}

/// Dot-files/dirs anywhere; `people/` and `events/` directly under the root.
fn is_ignored(e: &walkdir::DirEntry) -> bool {
    let name = e.file_name().to_string_lossy();
    name.starts_with('.')
        || (e.depth() == 1 && e.file_type().is_dir() && CURATION_DIRS.contains(&name.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_use_slashes() {
        let root = Path::new("/site/content");
        assert_eq!(relative(root, Path::new("/site/content/a/b.md")), "a/b.md");
        assert_eq!(
            relative(root, Path::new("/elsewhere/c.md")),
            "/elsewhere/c.md"
        );
    }

    #[test]
    fn article_extensions_ignore_case() {
        assert!(
            is_article_extension("MD")
                && is_article_extension("Markdown")
                && is_article_extension("txt")
        );
        assert!(!is_article_extension("html") && !is_article_extension(""));
    }
}
