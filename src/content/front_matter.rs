//! YAML front matter: splitting it off, checking the known keys' types,
//! and keeping unknown keys.
//!
//! The YAML is parsed into a `serde_yaml::Value` and the known keys are
//! checked by hand rather than through a derived struct: that way every
//! wrong key in a file is reported at once (not just the first), and
//! unknown keys — scrapers add their own — are kept instead of rejected.
//! Positions reported by the YAML parser are relative to the front matter;
//! they are shifted by the opening `---` line so they point into the file.

use super::dates;
use super::error::ContentError;
use crate::date::Date;
use serde_yaml::Value;
use std::collections::BTreeMap;

/// The known front matter keys, settled and typed.
#[derive(Debug, Default, PartialEq)]
pub struct FrontMatter {
    /// `title:`
    pub title: Option<String>,
    /// `date:` (a day, or a datetime of which the day is kept).
    pub date: Option<Date>,
    /// `source:`
    pub source: Option<String>,
    /// `url:`
    pub url: Option<String>,
    /// `author:`
    pub author: Option<String>,
    /// `tags:` (a list, or one string).
    pub tags: Vec<String>,
    /// `event:`
    pub event: Option<String>,
    /// `people:` (a list, or one string).
    pub people: Vec<String>,
    /// `draft:`
    pub draft: bool,
    /// `summary:`
    pub summary: Option<String>,
    /// Every other key, value in compact form.
    pub extra: BTreeMap<String, String>,
}

/// A file split at its front matter.
#[derive(Debug, PartialEq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines (starts on file line 2).
    pub yaml: &'a str,
    /// Everything after the closing line.
    pub body: &'a str,
}

/// Splits `text` at a front matter block opened by a first line `---` and
/// closed by a later `---` or `...` line. `Ok(None)` when the file does not
/// open with `---`; an error when it is never closed.
pub fn split<'a>(path: &str, text: &'a str) -> Result<Option<Split<'a>>, ContentError> {
    let Some(first_end) = text.find('\n') else {
        return if text.trim_end() == "---" {
            Err(unterminated(path))
        } else {
            Ok(None)
        };
    };
    if text[..first_end].trim_end() != "---" {
        return Ok(None);
    }
    let rest = &text[first_end + 1..];
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return Ok(Some(Split {
                yaml: &rest[..offset],
                body: &rest[offset + line.len()..],
            }));
        }
        offset += line.len();
    }
    Err(unterminated(path))
}

fn unterminated(path: &str) -> ContentError {
    ContentError::whole_file(
        path,
        "front matter opened with `---` is never closed",
        "add a line `---` after the last `key: value` line, or remove the opening `---`",
    )
}

/// Parses and checks the YAML of a front matter block; every problem found
/// is returned, each at its position in the file.
pub fn parse(path: &str, yaml: &str) -> Result<FrontMatter, Vec<ContentError>> {
    let value: Value = match serde_yaml::from_str(yaml) {
        Ok(v) => v,
        Err(e) => return Err(vec![syntax_error(path, yaml, &e)]),
    };
    let map = match value {
        Value::Mapping(m) => m,
        Value::Null => return Ok(FrontMatter::default()),
        other => {
            return Err(vec![ContentError::new(
                path,
                FILE_LINE_OFFSET + 1,
                1,
                format!(
                    "front matter must be `key: value` lines, found {}",
                    kind(&other)
                ),
                "write one `key: value` per line, e.g. `title: Talks begin`",
            )])
        }
    };
    let mut fm = FrontMatter::default();
    let mut errors = Vec::new();
    for (k, v) in map {
        let key = match k {
            Value::String(s) => s,
            other => compact(&other),
        };
        if let Err(problem) = fm.set(&key, v) {
            let (line, column) = key_position(yaml, &key, 1);
            errors.push(ContentError::new(
                path,
                line + FILE_LINE_OFFSET,
                column,
                problem.message,
                problem.help,
            ));
        }
    }
    if errors.is_empty() {
        Ok(fm)
    } else {
        Err(errors)
    }
}

/// Front matter starts on file line 2 (after the opening `---`).
const FILE_LINE_OFFSET: usize = 1;

/// A type problem with one key, before it has a position.
struct Problem {
    message: String,
    help: String,
}

impl FrontMatter {
    fn set(&mut self, key: &str, v: Value) -> Result<(), Problem> {
        match key {
            "title" => self.title = string(key, v)?,
            "source" => self.source = string(key, v)?,
            "url" => self.url = string(key, v)?,
            "author" => self.author = string(key, v)?,
            "event" => self.event = string(key, v)?,
            "summary" => self.summary = string(key, v)?,
            "tags" => self.tags = strings(key, v)?,
            "people" => self.people = strings(key, v)?,
            "draft" => self.draft = boolean(key, v)?,
            "date" => self.date = date(v)?,
            _ => {
                self.extra.insert(key.to_string(), compact(&v));
            }
        }
        Ok(())
    }
}

fn untag(v: Value) -> Value {
    match v {
        Value::Tagged(t) => untag(t.value),
        v => v,
    }
}

fn string(key: &str, v: Value) -> Result<Option<String>, Problem> {
    match untag(v) {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s)),
        other => Err(Problem {
            message: format!("`{key}` must be a string, found {}", kind(&other)),
            help: format!(
                "write `{key}: text` on one line; quote the value if YAML reads it as \
                 something else, e.g. `{key}: \"{}\"`",
                compact(&other)
            ),
        }),
    }
}

fn strings(key: &str, v: Value) -> Result<Vec<String>, Problem> {
    let problem = |found: &Value| Problem {
        message: format!(
            "`{key}` must be a list of strings or one string, found {}",
            kind(found)
        ),
        help: format!(
            "write `{key}: [one, two]` or `{key}: one`; quote values YAML reads as \
             numbers or booleans, e.g. `\"2025\"`"
        ),
    };
    match untag(v) {
        Value::Null => Ok(Vec::new()),
        Value::String(s) => Ok(vec![s]),
        Value::Sequence(items) => items
            .into_iter()
            .map(|item| match untag(item) {
                Value::String(s) => Ok(s),
                other => Err(problem(&other)),
            })
            .collect(),
        other => Err(problem(&other)),
    }
}

fn boolean(key: &str, v: Value) -> Result<bool, Problem> {
    match untag(v) {
        Value::Null => Ok(false),
        Value::Bool(b) => Ok(b),
        other => Err(Problem {
            message: format!("`{key}` must be `true` or `false`, found {}", kind(&other)),
            help: format!("write `{key}: true` or `{key}: false`"),
        }),
    }
}

fn date(v: Value) -> Result<Option<Date>, Problem> {
    let v = untag(v);
    if v.is_null() {
        return Ok(None);
    }
    if let Value::String(s) = &v {
        let s = s.trim();
        let iso_day = s.get(..10).and_then(Date::parse_iso);
        if let (Some(_), Some(tail)) = (iso_day, s.get(10..)) {
            crate::date::check_time(tail).map_err(|why| Problem {
                message: format!("`date` has an impossible time: {why}"),
                help:
                    "write a real time such as `2025-02-18T15:01:01Z`, or only the day `2025-02-18`"
                        .to_string(),
            })?;
        }
    }
    let parsed = match &v {
        Value::String(s) => dates::parse_value(s),
        _ => None,
    };
    parsed.map(Some).ok_or_else(|| Problem {
        message: format!("`date` is not a date I can read: {}", kind(&v)),
        help: "write `date: 2025-02-18` (a datetime such as `2025-02-18T15:01:01Z` or \
               `February 18, 2025` also works)"
            .to_string(),
    })
}

/// "an integer (`5`)", "a list", … for messages.
fn kind(v: &Value) -> String {
    match v {
        Value::Null => "nothing".into(),
        Value::Bool(b) => format!("a boolean (`{b}`)"),
        Value::Number(n) => format!("a number (`{n}`)"),
        Value::String(s) => format!("a string (`{s}`)"),
        Value::Sequence(_) => "a list".into(),
        Value::Mapping(_) => "a mapping".into(),
        Value::Tagged(t) => kind(&t.value),
    }
}

/// A one-line rendering of a YAML value: scalars as written, collections in
/// flow style (`[usa, uk]`, `{a: b}`). Deterministic: mappings keep file order.
pub fn compact(v: &Value) -> String {
    let mut out = String::new();
    write_compact(v, &mut out);
    out
}

fn write_compact(v: &Value, out: &mut String) {
    match v {
        Value::Null => {}
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => out.push_str(s),
        Value::Tagged(t) => write_compact(&t.value, out),
        Value::Sequence(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_nested(item, out);
            }
            out.push(']');
        }
        Value::Mapping(m) => {
            out.push('{');
            for (i, (k, item)) in m.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_nested(k, out);
                out.push_str(": ");
                write_nested(item, out);
            }
            out.push('}');
        }
    }
}

/// Inside a collection, strings that would be ambiguous are quoted.
fn write_nested(v: &Value, out: &mut String) {
    match v {
        Value::String(s) if s.is_empty() || s.contains([',', '[', ']', '{', '}', ':', '"']) => {
            out.push('"');
            out.push_str(&s.replace('\\', "\\\\").replace('"', "\\\""));
            out.push('"');
        }
        Value::Null => out.push('~'),
        _ => write_compact(v, out),
    }
}

/// 1-based (line, column) in `yaml` of the value of top-level key `key`
/// (its `nth` occurrence, 1-based): the column of the value when it is on
/// the key's line, else of the key. (1, 1) when not found (flow mappings).
fn key_position(yaml: &str, key: &str, nth: usize) -> (usize, usize) {
    let mut seen = 0;
    for (i, line) in yaml.lines().enumerate() {
        let unquoted = line
            .strip_prefix('"')
            .and_then(|l| l.strip_prefix(key)?.strip_prefix('"'))
            .or_else(|| {
                line.strip_prefix('\'')
                    .and_then(|l| l.strip_prefix(key)?.strip_prefix('\''))
            })
            .or_else(|| line.strip_prefix(key));
        let Some(after) = unquoted
            .map(str::trim_start)
            .and_then(|l| l.strip_prefix(':'))
        else {
            continue;
        };
        seen += 1;
        if seen < nth {
            continue;
        }
        let value = after.trim_start();
        let column = if value.is_empty() || value.starts_with('#') {
            1
        } else {
            line.len() - value.len() + 1
        };
        return (i + 1, column);
    }
    (1, 1)
}

/// A YAML syntax error, moved to file coordinates, with the parser's
/// secondary positions ("while parsing … at line 2") shifted too.
fn syntax_error(path: &str, yaml: &str, e: &serde_yaml::Error) -> ContentError {
    let raw = e.to_string();
    let help = "fix the YAML between the `---` lines: one `key: value` per line, lists as \
                `[a, b]`, and quote values containing `: ` or starting with a special character";
    if let Some(key) = raw
        .strip_prefix("duplicate entry with key \"")
        .and_then(|k| k.strip_suffix('"'))
    {
        let (line, column) = key_position(yaml, key, 2);
        let message = format!("`{key}` appears twice in the front matter");
        return ContentError::new(
            path,
            line + FILE_LINE_OFFSET,
            column,
            message,
            "keep one of them",
        );
    }
    let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
    let message = relocate_message(&raw, (line, column));
    ContentError::new(path, line + FILE_LINE_OFFSET, column, message, help)
}

/// Removes " at line L column C" for the primary position and shifts the
/// line of every other position mentioned.
fn relocate_message(raw: &str, primary: (usize, usize)) -> String {
    const AT: &str = " at line ";
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find(AT) {
        out.push_str(&rest[..i]);
        let after = &rest[i + AT.len()..];
        let line_digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if line_digits == 0 {
            out.push_str(AT);
            rest = after;
            continue;
        }
        let line: usize = after[..line_digits].parse().unwrap_or(0);
        let tail = &after[line_digits..];
        let col_part = tail.strip_prefix(" column ").unwrap_or("");
        let col_digits = col_part.bytes().take_while(u8::is_ascii_digit).count();
        let column: usize = col_part[..col_digits].parse().unwrap_or(0);
        let consumed = AT.len() + line_digits + if col_digits > 0 { 8 + col_digits } else { 0 };
        if (line, column) != primary {
            let shifted = line + FILE_LINE_OFFSET;
            out.push_str(&format!(" at line {shifted}"));
            if col_digits > 0 {
                out.push_str(&format!(" column {column}"));
            }
        }
        rest = &rest[i + consumed..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[path = "front_matter_tests.rs"]
mod tests;
