//! Curated files (`content/people/<slug>.md`, `content/events/<slug>.md`):
//! the machinery both kinds share — the folder walk, front matter read by
//! the same rule as articles', and one error type — while each kind keeps
//! its own fields and wording (`people::curated`, `events::curated`).

use super::front_matter;
use std::fmt;
use std::path::Path;

/// A problem in a curation file, with where it is and what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurationError {
    /// File path (relative to the content directory), or `briefing.yaml`.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl CurationError {
    /// An error at `line:column` of `path`.
    pub fn new(
        path: &str,
        line: usize,
        column: usize,
        message: impl Into<String>,
        hint: &str,
    ) -> Self {
        CurationError {
            path: path.to_string(),
            line,
            column,
            message: message.into(),
            hint: hint.to_string(),
        }
    }
}

impl fmt::Display for CurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {} ({})",
            self.path, self.line, self.column, self.message, self.hint
        )
    }
}

impl std::error::Error for CurationError {}

/// Parses every `content_dir/<sub>/*.md`, sorted by file name, with
/// `parse(relative_path, text)`. A missing folder means no files. Returns
/// what parsed and every problem found (unreadable files included).
pub fn read_curated_dir<T>(
    content_dir: &Path,
    sub: &str,
    mut parse: impl FnMut(&str, &str) -> Result<T, Vec<CurationError>>,
) -> (Vec<T>, Vec<CurationError>) {
    let mut files: Vec<_> = match std::fs::read_dir(content_dir.join(sub)) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    let (mut items, mut errors) = (Vec::new(), Vec::new());
    for path in files {
        let rel = format!(
            "{sub}/{}",
            path.file_name().unwrap_or_default().to_string_lossy()
        );
        match std::fs::read_to_string(&path) {
            Ok(text) => match parse(&rel, &text) {
                Ok(item) => items.push(item),
                Err(e) => errors.extend(e),
            },
            Err(e) => errors.push(CurationError::new(
                &rel,
                1,
                1,
                format!("cannot read the file: {e}"),
                "check its permissions and save it as UTF-8 text",
            )),
        }
    }
    (items, errors)
}

/// A curated Markdown file (`people/<slug>.md`, `events/<slug>.md`): its
/// front matter split off as an article's (one rule for where YAML opens
/// and closes) and deserialized into the file kind's own fields.
#[derive(Debug)]
pub struct CuratedFile<'a, T> {
    /// The front matter fields.
    pub fields: T,
    /// The file's lines (BOM removed): `lines[i]` is file line `i + 1`.
    pub lines: Vec<&'a str>,
    /// Index in `lines` of the closing line: the YAML is `lines[1..close]`.
    pub close: usize,
}

impl<T> CuratedFile<'_, T> {
    /// The lines after the closing line, `\n`-joined and trimmed.
    pub fn body(&self) -> String {
        self.lines[self.close + 1..].join("\n").trim().to_string()
    }
}

/// Why a curated file's front matter cannot be read, at a 1-based position
/// in the file. Each curated loader words it in its own error type.
#[derive(Debug)]
pub struct CuratedFault {
    /// File line.
    pub line: usize,
    /// Column in that line.
    pub column: usize,
    /// What is wrong.
    pub kind: CuratedFaultKind,
}

/// What is wrong with a curated file's front matter.
#[derive(Debug)]
pub enum CuratedFaultKind {
    /// The first line is not `---` (at 1:1).
    Missing,
    /// Opened but never closed (at the file's last line).
    Unclosed,
    /// The YAML does not deserialize into the fields (where the parser stopped).
    Yaml(serde_yaml::Error),
}

/// Reads a curated file's front matter into `T`; blank front matter reads
/// as an empty mapping.
pub fn read_curated<T: serde::de::DeserializeOwned>(
    text: &str,
) -> Result<CuratedFile<'_, T>, CuratedFault> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().collect();
    let fault = |line, column, kind| CuratedFault { line, column, kind };
    // `split`'s own error (and the path naming it) is replaced by the fault.
    let split = match front_matter::split("", text) {
        Ok(Some(split)) => split,
        Ok(None) => return Err(fault(1, 1, CuratedFaultKind::Missing)),
        Err(_) => return Err(fault(lines.len(), 1, CuratedFaultKind::Unclosed)),
    };
    let close = 1 + split.yaml.lines().count();
    // Joined lines, not the slice: with no final line ending, a parser
    // position at the end of the YAML stays on its last line.
    let yaml = lines[1..close].join("\n");
    let yaml = if yaml.trim().is_empty() { "{}" } else { &yaml };
    match serde_yaml::from_str(yaml) {
        Ok(fields) => Ok(CuratedFile {
            fields,
            lines,
            close,
        }),
        Err(e) => {
            // The parser counts lines from the YAML's first, file line 2.
            let (line, column) = e.location().map_or((2, 1), |l| (l.line() + 1, l.column()));
            Err(fault(line, column, CuratedFaultKind::Yaml(e)))
        }
    }
}
