//! Curation: `content/people/<slug>.md` files and the `never_people` /
//! `aliases` settings of `briefing.yaml`.
//!
//! A curated file is YAML front matter (`name`, `aliases`, `role`, `links`)
//! between `---` lines, then a short Markdown biography:
//!
//! ```text
//! ---
//! name: Ada Brandt
//! aliases: [A. Brandt, Ada K. Brandt]
//! role: Governor of the Northern Province
//! links: [https://example.org/ada-brandt]
//! ---
//! Ada Brandt has governed the province since 2019.
//! ```

use crate::content::{self, CuratedFault, CuratedFaultKind, CuratedFields, FieldType};
use crate::nlp::names::{self, NameKey};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Everything curation says about people.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Curation {
    /// Curated people, sorted by slug.
    pub people: Vec<CuratedPerson>,
    /// Names that are never people (normalised).
    pub never: BTreeSet<NameKey>,
    /// Forced merges from `briefing.yaml`: canonical name → variants.
    pub aliases: Vec<AliasGroup>,
}

/// One `content/people/<slug>.md` file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CuratedPerson {
    /// The file stem: the person's address.
    pub slug: String,
    /// Canonical name.
    pub name: String,
    /// Spellings to merge into this person.
    pub aliases: Vec<String>,
    /// Role, listed first on the page.
    pub role: Option<String>,
    /// Links, as given.
    pub links: Vec<String>,
    /// The Markdown body, trimmed; `None` when empty.
    pub bio: Option<String>,
    /// Path of the file, relative to the content directory.
    pub path: String,
}

/// `aliases: {Canonical Name: [variant, …]}` from `briefing.yaml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AliasGroup {
    /// The name to show.
    pub canonical: String,
    /// Spellings forced into it.
    pub variants: Vec<String>,
}

pub use crate::content::CurationError;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    role: Option<String>,
    #[serde(default)]
    links: Vec<String>,
}

impl CuratedFields for FrontMatter {
    const FIELDS: &'static [(&'static str, FieldType)] = &[
        ("name", FieldType::Text),
        ("aliases", FieldType::TextList),
        ("role", FieldType::OptionalText),
        ("links", FieldType::TextList),
    ];
}

/// Reads `content_dir/people/*.md` and the `briefing.yaml` settings.
/// A missing `people/` directory is no error. Fails with every problem found.
pub fn load_curation(
    content_dir: &Path,
    config_never: &[String],
    config_aliases: &BTreeMap<String, Vec<String>>,
) -> Result<Curation, Vec<CurationError>> {
    let (people, mut errors) =
        crate::content::read_curated_dir(content_dir, "people", parse_person);
    errors.extend(duplicate_claims(&people));
    let never = config_never
        .iter()
        .map(|n| names::normalise(n))
        .filter(|k| !k.as_str().is_empty())
        .collect();
    let aliases = config_aliases
        .iter()
        .map(|(c, v)| AliasGroup {
            canonical: c.trim().to_string(),
            variants: v
                .iter()
                .map(|x| x.trim().to_string())
                .filter(|x| !x.is_empty())
                .collect(),
        })
        .filter(|g| !g.canonical.is_empty())
        .collect();
    if errors.is_empty() {
        Ok(Curation {
            people,
            never,
            aliases,
        })
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
) -> CurationError {
    CurationError::new(path, line, column, message, hint)
}

/// Parses one curated file (`rel` is its path for messages).
pub fn parse_person(rel: &str, text: &str) -> Result<CuratedPerson, Vec<CurationError>> {
    let stem = rel
        .rsplit('/')
        .next()
        .unwrap_or(rel)
        .trim_end_matches(".md");
    let mut errors = Vec::new();
    if stem.is_empty()
        || !stem
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        errors.push(error(
            rel,
            1,
            1,
            "the file name is not a slug",
            "rename it to lowercase ASCII words joined by hyphens, e.g. ada-brandt.md",
        ));
    }
    let read = content::read_curated::<FrontMatter>(text);
    errors.extend(read.faults.into_iter().map(|f| front_matter_error(rel, f)));
    let Some(file) = read.file else {
        return Err(errors);
    };
    if file.fields.name.trim().is_empty() {
        errors.push(error(
            rel,
            line_of(&file.lines, "name:"),
            1,
            "`name` is empty",
            "give the person's full name",
        ));
    }
    for link in &file.fields.links {
        if !(link.starts_with("https://") || link.starts_with("http://")) {
            errors.push(error(
                rel,
                line_of(&file.lines[..file.close], link),
                1,
                format!("`{link}` is not a web address"),
                "links must start with https:// or http://",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let bio = file.body();
    let fm = file.fields;
    Ok(CuratedPerson {
        slug: stem.to_string(),
        name: fm.name.trim().to_string(),
        aliases: fm
            .aliases
            .iter()
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect(),
        role: fm
            .role
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty()),
        links: fm.links,
        bio: (!bio.is_empty()).then_some(bio),
        path: rel.to_string(),
    })
}

const FIELDS_HINT: &str =
    "allowed fields: name (text), aliases (list), role (text), links (list of URLs)";

/// Front matter that cannot be read, in curation's words.
fn front_matter_error(rel: &str, fault: CuratedFault) -> CurationError {
    let (message, hint) = match fault.kind {
        CuratedFaultKind::Missing => (
            "no front matter".to_string(),
            "start the file with a `---` line, then `name: …`, then a closing `---` line",
        ),
        CuratedFaultKind::Unclosed => (
            "the front matter is not closed".to_string(),
            "add a `---` line after the last front matter field",
        ),
        CuratedFaultKind::Yaml(e) => (yaml_message(&e), FIELDS_HINT),
        CuratedFaultKind::Field(m) => (m, FIELDS_HINT),
    };
    error(rel, fault.line, fault.column, message, hint)
}

/// The YAML error without serde's own " at line X column Y" suffix.
fn yaml_message(e: &serde_yaml::Error) -> String {
    let m = e.to_string();
    match m.find(" at line ") {
        Some(i) => m[..i].to_string(),
        None => m,
    }
}

fn line_of(lines: &[&str], needle: &str) -> usize {
    lines
        .iter()
        .position(|l| l.contains(needle))
        .map_or(1, |i| i + 1)
}

/// A name or alias claimed by two curated files.
fn duplicate_claims(people: &[CuratedPerson]) -> Vec<CurationError> {
    let mut seen: BTreeMap<NameKey, &str> = BTreeMap::new();
    let mut out = Vec::new();
    for p in people {
        let mut own = BTreeSet::new();
        for n in std::iter::once(&p.name).chain(&p.aliases) {
            let key = names::normalise(n);
            if !own.insert(key.clone()) {
                continue;
            }
            match seen.get(&key) {
                Some(other) => out.push(error(
                    &p.path,
                    1,
                    1,
                    format!("`{n}` is also claimed by {other}"),
                    "keep the name or alias in one file only",
                )),
                None => {
                    seen.insert(key, &p.path);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "---\nname: Ada Brandt\naliases: [A. Brandt]\nrole: Governor\nlinks:\n  - https://example.org/ada\n---\n\nAda Brandt governs.\n";

    #[test]
    fn parses_front_matter_and_bio() {
        let p = parse_person("people/ada-brandt.md", GOOD).unwrap();
        assert_eq!(p.slug, "ada-brandt");
        assert_eq!(p.name, "Ada Brandt");
        assert_eq!(p.aliases, vec!["A. Brandt"]);
        assert_eq!(p.role.as_deref(), Some("Governor"));
        assert_eq!(p.bio.as_deref(), Some("Ada Brandt governs."));
    }

    #[test]
    fn unknown_field_names_file_line_and_column() {
        let text = "---\nname: Ada Brandt\nbirthday: 1970\n---\n";
        let e = parse_person("people/ada-brandt.md", text).unwrap_err();
        assert_eq!((e[0].line, e[0].column), (3, 1), "{}", e[0]);
        assert!(
            e[0].to_string()
                .starts_with("people/ada-brandt.md:3:1: unknown field `birthday`"),
            "{}",
            e[0]
        );
    }

    #[test]
    fn every_error_of_a_file_is_listed_at_once() {
        let text = "---\nname: 1970\nbirthday: May\naliases: Ada\nlinks: [ftp://x]\nrole: [a, b]\nteam: x\n---\n";
        let e = parse_person("people/Ada.md", text).unwrap_err();
        let at: Vec<(usize, usize)> = e.iter().map(|e| (e.line, e.column)).collect();
        // Slug, then `name` (a number), `birthday`, `aliases` (not a list),
        // `role` (a list) and `team`; the link is checked once the rest reads.
        assert_eq!(
            at,
            [(1, 1), (2, 7), (3, 1), (4, 10), (6, 7), (7, 1)],
            "{e:#?}"
        );
        assert!(
            e[2].message.starts_with("unknown field `birthday`"),
            "{}",
            e[2]
        );
        assert!(
            e[3].message.starts_with("`aliases`: invalid type"),
            "{}",
            e[3]
        );
        let text = "---\nname: Ada\nlinks: [ftp://x, mailto:y]\nrank: 2\n---\n";
        let e = parse_person("people/ada.md", text).unwrap_err();
        assert_eq!(e.len(), 3, "{e:#?}");
        assert!(e[0].message.starts_with("unknown field `rank`"), "{}", e[0]);
        assert!(e[1].message.contains("`ftp://x`") && e[2].message.contains("`mailto:y`"));
    }

    #[test]
    fn rejects_bad_slug_missing_fence_and_bad_link() {
        assert!(parse_person("people/Ada Brandt.md", GOOD).is_err());
        assert!(parse_person("people/ada.md", "name: Ada\n").unwrap_err()[0]
            .message
            .contains("no front matter"));
        assert!(
            parse_person("people/ada.md", "---\nname: Ada\n").unwrap_err()[0]
                .message
                .contains("not closed")
        );
        let e =
            parse_person("people/ada.md", "---\nname: Ada\nlinks: [ftp://x]\n---\n").unwrap_err();
        assert_eq!(e[0].line, 3);
        let e = parse_person("people/ada.md", "---\naliases: [x]\n---\n").unwrap_err();
        assert!(e[0].message.contains("missing field `name`"), "{}", e[0]);
    }

    #[test]
    fn loads_directory_and_reports_duplicate_claims() {
        let dir = std::env::temp_dir().join(format!("briefing-curation-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("people")).unwrap();
        std::fs::write(dir.join("people/ada-brandt.md"), GOOD).unwrap();
        let never = vec!["Getty Images".to_string()];
        let aliases =
            BTreeMap::from([("Ada Brandt".to_string(), vec!["Adeline Brandt".to_string()])]);
        let c = load_curation(&dir, &never, &aliases).unwrap();
        assert_eq!(c.people.len(), 1);
        assert!(c.never.contains(&names::normalise("getty images")));
        assert_eq!(c.aliases[0].variants, vec!["Adeline Brandt"]);
        std::fs::write(
            dir.join("people/a-brandt.md"),
            "---\nname: A. Brandt\n---\n",
        )
        .unwrap();
        let e = load_curation(&dir, &[], &BTreeMap::new()).unwrap_err();
        assert!(
            e[0].message.contains("also claimed by people/a-brandt.md"),
            "{}",
            e[0]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
