//! Finding article files in the content directory.
//!
//! Sorted walk (deterministic), symlinks followed (walkdir detects loops).
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Path relative to the content directory, `/`-separated.
    pub path: String,
    /// Why it was not loaded, for people ("not an article: `.png` files are
    /// not read …"). A string so later stages can add their own reasons
    /// (the site adds drafts); [`SkipReason`] renders the loader's.
    pub reason: String,
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
/// not under `root`).
pub fn relative(root: &Path, path: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rel) => {
            let parts: Vec<_> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect();
            parts.join("/")
        }
        Err(_) => path.to_string_lossy().replace('\\', "/"),
    }
}

/// Walks `root`.
pub fn walk(root: &Path) -> Walked {
    let mut out = Walked::default();
    let entries = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e));
    for entry in entries {
        match entry {
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) if e.file_type().is_file() => {
                let ext = e
                    .path()
                    .extension()
                    .map(|x| x.to_string_lossy().to_lowercase());
                match ext {
                    _ if is_readme(&e) => out.skipped.push(Skipped {
                        path: relative(root, e.path()),
                        reason: SkipReason::Readme.to_string(),
                    }),
                    Some(x) if is_article_extension(&x) => out.articles.push(e.into_path()),
                    extension => out.skipped.push(Skipped {
                        path: relative(root, e.path()),
                        reason: SkipReason::NotAnArticle { extension }.to_string(),
                    }),
                }
            }
            Ok(e) => out.skipped.push(Skipped {
                path: relative(root, e.path()),
                reason: SkipReason::NotAFile.to_string(),
            }),
            Err(err) if err.loop_ancestor().is_some() => out.skipped.push(Skipped {
                path: err.path().map_or_else(String::new, |p| relative(root, p)),
                reason: SkipReason::LinkLoop.to_string(),
            }),
            Err(err) => {
                let path = err
                    .path()
                    .map_or_else(|| ".".to_string(), |p| relative(root, p));
                let path = if path.is_empty() {
                    ".".to_string()
                } else {
                    path
                };
                out.errors.push(ContentError::whole_file(
                    &path,
                    format!("cannot read: {}", io_message(&err)),
                    "check that the path exists and is readable, or move it out of the content directory",
                ));
            }
        }
    }
    out
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
