//! Curated events: `content/events/<slug>.md`.
//!
//! YAML front matter (`title`, `summary`, `date`) between `---` lines, then
//! an optional Markdown body:
//!
//! ```text
//! ---
//! title: Harbour bridge reopens
//! summary: The bridge reopened after two years of repairs.
//! date: 2025-03-01
//! ---
//! Longer notes about the event.
//! ```
//!
//! Articles join it with front matter `event: <slug>`; an inferred event
//! whose slug equals the file name is curated too. Curated fields win over
//! inferred ones.

use crate::content::{self, CuratedFault, CuratedFaultKind, CuratedFields, FieldType};
use crate::date::Date;
use serde::Deserialize;
use std::path::Path;

/// One curated event file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CuratedEvent {
    /// The file stem: the event's address.
    pub slug: String,
    /// Title replacing the inferred one.
    pub title: Option<String>,
    /// Summary replacing the inferred one.
    pub summary: Option<String>,
    /// Start date replacing the inferred one.
    pub date: Option<Date>,
    /// The Markdown body, trimmed; `None` when empty.
    pub body: Option<String>,
    /// Path of the file, relative to the content directory.
    pub path: String,
}

/// A problem in a curated event file: where, what, and what to do.
pub type CuratedError = crate::content::CurationError;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: Option<String>,
    summary: Option<String>,
    date: Option<String>,
}

impl CuratedFields for FrontMatter {
    const FIELDS: &'static [(&'static str, FieldType)] = &[
        ("title", FieldType::OptionalText),
        ("summary", FieldType::OptionalText),
        ("date", FieldType::OptionalText),
    ];
}

/// Reads `content_dir/events/*.md`, sorted by file name. A missing folder
/// means no curated events. Fails with every problem in every file.
pub fn load(content_dir: &Path) -> Result<Vec<CuratedEvent>, Vec<CuratedError>> {
    let (events, errors) = crate::content::read_curated_dir(content_dir, "events", parse);
    if errors.is_empty() {
        Ok(events)
    } else {
        Err(errors)
    }
}

fn error(
    path: &str,
    line: usize,
    column: usize,
    message: impl Into<String>,
    hint: &str,
) -> CuratedError {
    CuratedError::new(path, line, column, message, hint)
}

/// Parses one file; `rel` is `events/<slug>.md`.
pub fn parse(rel: &str, text: &str) -> Result<CuratedEvent, Vec<CuratedError>> {
    let slug = rel
        .rsplit('/')
        .next()
        .unwrap_or(rel)
        .trim_end_matches(".md")
        .to_string();
    let mut errors = Vec::new();
    if slug.is_empty()
        || !slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        errors.push(error(
            rel,
            1,
            1,
            format!("`{slug}` is not a valid event slug"),
            "rename the file to lowercase letters, digits and `-`",
        ));
    }
    let read = content::read_curated::<FrontMatter>(text);
    errors.extend(read.faults.into_iter().map(|f| front_matter_error(rel, f)));
    let Some(file) = read.file else {
        return Err(errors);
    };
    let date = match file.fields.date.as_deref().map(str::trim) {
        None => None,
        Some(d) => match Date::parse_iso(d.get(..10).unwrap_or(d)) {
            Some(d) => Some(d),
            None => {
                let (line, col) = position_of(&file.lines[..file.close], "date:");
                errors.push(error(
                    rel,
                    line,
                    col,
                    format!("`{d}` is not a date"),
                    "write it as YYYY-MM-DD, e.g. 2025-02-18",
                ));
                None
            }
        },
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let body = file.body();
    let fm = file.fields;
    let nonempty = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(CuratedEvent {
        slug,
        title: nonempty(fm.title),
        summary: nonempty(fm.summary),
        date,
        body: (!body.is_empty()).then_some(body),
        path: rel.to_string(),
    })
}

const FIELDS_HINT: &str = "allowed fields: title, summary, date (YYYY-MM-DD)";

/// Front matter that cannot be read, in curated events' words.
fn front_matter_error(rel: &str, fault: CuratedFault) -> CuratedError {
    let (message, hint) = match fault.kind {
        CuratedFaultKind::Missing => (
            "missing front matter".to_string(),
            "start the file with a `---` line, then `title: …`, then a closing `---` line",
        ),
        CuratedFaultKind::Unclosed => (
            "front matter is not closed".to_string(),
            "add a `---` line after the last front matter field",
        ),
        CuratedFaultKind::Yaml(e) => (format!("bad front matter: {e}"), FIELDS_HINT),
        CuratedFaultKind::Field(m) => (format!("bad front matter: {m}"), FIELDS_HINT),
    };
    error(rel, fault.line, fault.column, message, hint)
}

/// 1-based line and column of the value after `key` in the front matter.
fn position_of(lines: &[&str], key: &str) -> (usize, usize) {
    for (i, l) in lines.iter().enumerate() {
        if let Some(k) = l.find(key) {
            let after = &l[k + key.len()..];
            let pad = after.len() - after.trim_start().len();
            return (i + 1, k + key.len() + pad + 1);
        }
    }
    (1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_front_matter_and_body() {
        let e = parse(
            "events/bridge-reopens.md",
            "---\ntitle: Bridge reopens\nsummary: It reopened.\ndate: 2025-03-01\n---\nNotes.\n",
        )
        .unwrap();
        assert_eq!(e.slug, "bridge-reopens");
        assert_eq!(e.title.as_deref(), Some("Bridge reopens"));
        assert_eq!(e.summary.as_deref(), Some("It reopened."));
        assert_eq!(e.date, Date::new(2025, 3, 1));
        assert_eq!(e.body.as_deref(), Some("Notes."));
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let err = parse("events/x.md", "---\ntitle: A\ndate: 2025-13-45\n---\n").unwrap_err();
        assert_eq!(
            err[0].to_string().split(' ').next(),
            Some("events/x.md:3:7:")
        );
        let err = parse("events/x.md", "---\ntitle: A\nwhen: soon\n---\n").unwrap_err();
        assert!(
            err[0].to_string().starts_with("events/x.md:3:"),
            "{}",
            err[0]
        );
        let err = parse("events/Bad Name.md", "no front matter").unwrap_err();
        assert_eq!(err.len(), 2);
        assert!(err[1]
            .to_string()
            .starts_with("events/Bad Name.md:1:1: missing front matter"));
        assert!(parse("events/x.md", "---\ntitle: A\n").unwrap_err()[0]
            .message
            .contains("not closed"));
    }

    #[test]
    fn every_error_of_a_file_is_listed_at_once() {
        let text = "---\ntitle: [A, B]\nwhen: soon\ndate: 2025-13-45\nplace: x\n---\n";
        let err = parse("events/x.md", text).unwrap_err();
        let at: Vec<String> = err
            .iter()
            .map(|e| format!("{}:{}", e.line, e.column))
            .collect();
        assert_eq!(at, ["2:8", "3:1", "5:1", "4:7"], "{err:#?}");
        assert!(
            err[0].message.contains("`title`: invalid type"),
            "{}",
            err[0]
        );
        assert!(
            err[1].message.contains("unknown field `when`"),
            "{}",
            err[1]
        );
        assert!(
            err[3].message.contains("`2025-13-45` is not a date"),
            "{}",
            err[3]
        );
    }

    #[test]
    fn missing_folder_means_nothing_curated() {
        assert_eq!(
            load(Path::new("/nonexistent/briefing-content")).unwrap(),
            Vec::new()
        );
    }
}
