//! Errors that fail a build because an article cannot be read as intended.
//!
//! Every problem names the file (relative to the content directory), the
//! line and column (1-based, in the file as the user sees it) and what to do
//! about it. `load` collects all of them before failing, so one build shows
//! every bad article at once.

use std::fmt;

/// One problem in one article file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ContentError {
    /// File path relative to the content directory, `/`-separated.
    pub path: String,
    /// 1-based line in the file (1 for whole-file problems).
    pub line: usize,
    /// 1-based column in that line (1 for whole-file problems).
    pub column: usize,
    /// What is wrong, e.g. "`tags` must be a list of strings, found an integer".
    pub message: String,
    /// What the user can do about it.
    pub help: String,
}

impl ContentError {
    /// An error at `line:column` of `path`.
    pub fn new(
        path: &str,
        line: usize,
        column: usize,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> ContentError {
        ContentError {
            path: path.to_string(),
            line: line.max(1),
            column: column.max(1),
            message: message.into(),
            help: help.into(),
        }
    }

    /// An error about the file as a whole (reported at 1:1).
    pub fn whole_file(path: &str, message: impl Into<String>, help: impl Into<String>) -> Self {
        ContentError::new(path, 1, 1, message, help)
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}\n  help: {}",
            self.path, self.line, self.column, self.message, self.help
        )
    }
}

impl std::error::Error for ContentError {}

/// All problems found while loading a content directory, sorted by file,
/// line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentErrors(pub Vec<ContentError>);

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        let noun = if n == 1 { "problem" } else { "problems" };
        write!(f, "{n} content {noun}:")?;
        for e in &self.0 {
            write!(f, "\n{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentErrors {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_location_message_and_help() {
        let e = ContentError::new("a/b.md", 3, 7, "bad thing", "fix it");
        assert_eq!(e.to_string(), "a/b.md:3:7: bad thing\n  help: fix it");
    }

    #[test]
    fn lists_every_error() {
        let all = ContentErrors(vec![
            ContentError::whole_file("x.md", "one", "h1"),
            ContentError::new("y.txt", 2, 0, "two", "h2"),
        ]);
        let s = all.to_string();
        assert!(s.starts_with("2 content problems:\n"), "{s}");
        assert!(s.contains("x.md:1:1: one\n  help: h1"), "{s}");
        assert!(s.contains("y.txt:2:1: two\n  help: h2"), "{s}");
    }
}
