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
    /// The YAML cannot be parsed at all (where the parser stopped).
    Yaml(serde_yaml::Error),
    /// One field is unknown, missing or of the wrong type (the message says
    /// which); the other fields are still checked.
    Field(String),
}

/// The type of one front matter field, as the kind's serde struct has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    /// Required text (`String`).
    Text,
    /// Optional text (`Option<String>`).
    OptionalText,
    /// A list of text, empty when absent (`#[serde(default)] Vec<String>`).
    TextList,
}

impl FieldType {
    /// Whether `value` deserializes as this type, with serde's own message
    /// when it does not.
    fn check(self, value: &serde_yaml::Value) -> Result<(), String> {
        let v = value.clone();
        let r = match self {
            FieldType::Text => serde_yaml::from_value::<String>(v).map(drop),
            FieldType::OptionalText => serde_yaml::from_value::<Option<String>>(v).map(drop),
            FieldType::TextList => serde_yaml::from_value::<Vec<String>>(v).map(drop),
        };
        r.map_err(|e| e.to_string())
    }
}

/// A front matter struct whose fields can be checked one by one, so that
/// every wrong field of a file is reported at once rather than the first.
/// `FIELDS` lists the struct's fields with their types.
pub trait CuratedFields: serde::de::DeserializeOwned {
    /// Every accepted field, in the order the hint lists them.
    const FIELDS: &'static [(&'static str, FieldType)];
}

/// What reading a curated file found: the fields that could be read (when
/// the required ones were among them) and every fault.
#[derive(Debug)]
pub struct CuratedRead<'a, T> {
    /// The file, built from its good fields; `None` when the front matter
    /// is missing, unparsable, or lacks a required field.
    pub file: Option<CuratedFile<'a, T>>,
    /// Every problem found, in file order.
    pub faults: Vec<CuratedFault>,
}

/// Reads a curated file's front matter into `T`; blank front matter reads
/// as an empty mapping. Each field is checked on its own: unknown fields,
/// wrong types and missing required fields are all reported, and `T` is
/// built from the fields that passed.
pub fn read_curated<T: CuratedFields>(text: &str) -> CuratedRead<'_, T> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().collect();
    let one = |line, column, kind| CuratedRead {
        file: None,
        faults: vec![CuratedFault { line, column, kind }],
    };
    // `split`'s own error (and the path naming it) is replaced by the fault.
    let split = match front_matter::split("", text) {
        Ok(Some(split)) => split,
        Ok(None) => return one(1, 1, CuratedFaultKind::Missing),
        Err(_) => return one(lines.len(), 1, CuratedFaultKind::Unclosed),
    };
    let close = 1 + split.yaml.lines().count();
    // Joined lines, not the slice: with no final line ending, a parser
    // position at the end of the YAML stays on its last line.
    let yaml = lines[1..close].join("\n");
    let value = if yaml.trim().is_empty() {
        serde_yaml::Value::Null
    } else {
        match serde_yaml::from_str(&yaml) {
            Ok(v) => v,
            Err(e) => {
                // The parser counts lines from the YAML's first, file line 2.
                let (line, column) = e.location().map_or((2, 1), |l| (l.line() + 1, l.column()));
                return one(line, column, CuratedFaultKind::Yaml(e));
            }
        }
    };
    let mapping = match value {
        serde_yaml::Value::Mapping(m) => m,
        serde_yaml::Value::Null => serde_yaml::Mapping::new(),
        _ => {
            let message = "the front matter is not a list of `field: value` lines";
            return one(2, 1, CuratedFaultKind::Field(message.to_string()));
        }
    };
    let (kept, faults) = check_fields::<T>(mapping, &lines[1..close]);
    let file = serde_yaml::from_value::<T>(serde_yaml::Value::Mapping(kept))
        .ok()
        .map(|fields| CuratedFile {
            fields,
            lines,
            close,
        });
    CuratedRead { file, faults }
}

/// Splits `mapping` into the fields that match `T::FIELDS` and a fault for
/// every other one, and for every required field that is absent.
/// `yaml_lines[i]` is file line `i + 2`.
fn check_fields<T: CuratedFields>(
    mapping: serde_yaml::Mapping,
    yaml_lines: &[&str],
) -> (serde_yaml::Mapping, Vec<CuratedFault>) {
    let mut kept = serde_yaml::Mapping::new();
    let mut faults = Vec::new();
    let mut present = Vec::new();
    for (key, value) in mapping {
        let name = key
            .as_str()
            .map_or_else(|| format!("{key:?}"), str::to_string);
        let (line, column, value_column) = field_position(yaml_lines, &name);
        let line = line.max(2);
        present.push(name.clone());
        let fault = |column, message: String| CuratedFault {
            line,
            column,
            kind: CuratedFaultKind::Field(message),
        };
        match T::FIELDS.iter().find(|(k, _)| *k == name) {
            None => {
                let expected: Vec<String> =
                    T::FIELDS.iter().map(|(k, _)| format!("`{k}`")).collect();
                let message = format!(
                    "unknown field `{name}`, expected one of {}",
                    expected.join(", ")
                );
                faults.push(fault(column, message));
            }
            Some((_, ty)) => match ty.check(&value) {
                Ok(()) => {
                    kept.insert(key, value);
                }
                Err(e) => faults.push(fault(value_column, format!("`{name}`: {e}"))),
            },
        }
    }
    for (name, ty) in T::FIELDS {
        if *ty == FieldType::Text && !present.iter().any(|p| p == name) {
            faults.push(CuratedFault {
                line: 2,
                column: 1,
                kind: CuratedFaultKind::Field(format!("missing field `{name}`")),
            });
        }
    }
    faults.sort_by_key(|f| (f.line, f.column));
    (kept, faults)
}

/// 1-based file line, key column and value column of top-level field `name`
/// (a line starting with the name, maybe quoted, then `:`); line 0 when no
/// such line exists (a flow mapping, an odd key), reported as line 2.
fn field_position(yaml_lines: &[&str], name: &str) -> (usize, usize, usize) {
    for (i, l) in yaml_lines.iter().enumerate() {
        let rest = l
            .strip_prefix(name)
            .or_else(|| l.strip_prefix(&format!("\"{name}\"")))
            .or_else(|| l.strip_prefix(&format!("'{name}'")));
        if let Some(rest) = rest.and_then(|r| r.trim_start().strip_prefix(':')) {
            let value = l.len() - rest.trim_start().len() + 1;
            return (i + 2, 1, value);
        }
    }
    (0, 1, 1)
}
