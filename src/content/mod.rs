//! `content`: walk the content directory, decode, parse front matter, infer
//! metadata, clean scraped text → `Vec<Article>`.
//!
//! Per file ([`parse_article`]):
//! 1. decode bytes (UTF-8, BOM, UTF-16; else Windows-1252 with a note);
//! 2. `.md`/`.markdown` may open with YAML front matter (`front_matter`);
//!    `.txt` never has any (a `.txt` starting with `---` is text). A `.txt`
//!    with Markdown markup (`# ` headings, `**bold**`, `[text](url)`, code
//!    fences) is read as Markdown;
//! 3. without front matter, metadata comes from the text: the lead lines
//!    (`infer`), boilerplate and credit lines (`clean`), date mentions;
//! 4. blocks and their shape rules (`blocks`); anchors `p1..pN`.
//!
//! Precedence when several sources give the same field (first wins):
//! - title: front matter, a leading `# ` heading or headline line, the first sentence of the
//!   first prose paragraph, the file stem;
//! - date: front matter, ` date …` line, standalone date line, the first
//!   full date written in a prose paragraph or caption, the file's mtime;
//! - source: front matter, the outlet of the url (the publisher the text
//!   was taken from), the agency of a wire dateline, a closing sign-off
//!   line (`-- Outlet Name`, inferred formats only);
//! - place: front matter extras `place` then `dateline` (wire archives),
//!   the wire dateline at the start of the text.
//!
//! Front matter articles keep their Markdown as written: the scrape
//! heuristics that guess structure (short lines → headings) only apply to
//! inferred formats; the specific cleanups (boilerplate, credits, captions,
//! split paragraphs) apply to all.
//!
//! Curated files (`people/`, `events/`) read their front matter by the same
//! rule through [`read_curated`].

mod article;
mod blocks;
mod clean;
mod curated;
mod dates;
mod decode;
mod error;
mod front_matter;
mod infer;
mod slug;
pub mod sources;
mod walk;

pub use article::{Article, BlockKind, DateSource, Format, Paragraph};
pub use blocks::markdown_options;
pub use curated::{
    read_curated, read_curated_dir, CuratedFault, CuratedFaultKind, CuratedFields, CuratedFile,
    CuratedRead, CurationError, FieldType,
};
pub use decode::NotText;
pub use error::{ContentError, ContentErrors};
pub use slug::slugify;
pub use walk::{SkipReason, Skipped};

use crate::date::Date;
use front_matter::FrontMatter;
use std::path::Path;

/// The articles of a content directory, and the files that are not articles.
#[derive(Debug)]
pub struct Loaded {
    /// Sorted by `source_path`, slugs unique. Drafts included (`draft: true`).
    pub articles: Vec<Article>,
    /// Files that were not loaded, with the reason, in walk order.
    pub skipped: Vec<Skipped>,
}

/// How strict loading is about files that are not good articles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// `--strict`: empty, blank and binary files, broken symbolic links and
    /// link loops fail the build instead of being skipped with a warning.
    pub strict: bool,
    /// `--keep-going`: articles with errors are skipped (listed with their
    /// errors) and the rest is built; the caller exits non-zero.
    pub keep_going: bool,
}

/// Loads every article under `dir`. Fails with every problem found (all
/// files are read before failing).
pub fn load(dir: &Path) -> Result<Loaded, ContentErrors> {
    load_with(dir, LoadOptions::default())
}

/// Articles an earlier build parsed, found again by file, so that an
/// unchanged file is not parsed again (see [`crate::parsed`]).
pub trait Parsed: Sync {
    /// The article parsed from the file at `path` when it is unchanged
    /// since; `meta` is its metadata now.
    fn get(&self, path: &Path, meta: &std::fs::Metadata) -> Option<Article>;
    /// Records `article`, parsed from `bytes` of the file at `path` with `meta`.
    fn put(&self, path: &Path, meta: &std::fs::Metadata, bytes: &[u8], article: &Article);
}

/// Remembers nothing.
struct NoMemory;

impl Parsed for NoMemory {
    fn get(&self, _: &Path, _: &std::fs::Metadata) -> Option<Article> {
        None
    }
    fn put(&self, _: &Path, _: &std::fs::Metadata, _: &[u8], _: &Article) {}
}

/// [`load`] with options. Under `keep_going`, failed articles become
/// [`Skipped`] entries whose `failed` flag is set.
pub fn load_with(dir: &Path, opts: LoadOptions) -> Result<Loaded, ContentErrors> {
    load_memoised(dir, opts, &NoMemory)
}

/// [`load_with`], taking unchanged files' articles from `parsed`.
pub fn load_memoised(
    dir: &Path,
    opts: LoadOptions,
    parsed: &dyn Parsed,
) -> Result<Loaded, ContentErrors> {
    if !dir.is_dir() {
        return Err(ContentErrors(vec![ContentError::whole_file(
            &dir.display().to_string(),
            "content directory not found",
            "create it, or pass another with `--content DIR`",
        )]));
    }
    let walked = walk::walk(dir);
    let mut errors = walked.errors;
    let mut skipped = walked.skipped;
    let mut articles = Vec::with_capacity(walked.articles.len());
    for outcome in load_files(dir, &walked.articles, parsed) {
        match outcome {
            Outcome::Article(a) => articles.push(*a),
            Outcome::Skipped(s) => skipped.push(s),
            Outcome::Failed(e) => errors.extend(e),
        }
    }
    if opts.strict {
        // Warnings become errors: every skip that means "something is wrong".
        errors.extend(skipped.iter().filter(|s| s.warning).map(|s| {
            ContentError::whole_file(
                &s.path,
                &s.reason,
                "fix or remove the file (without --strict it is skipped with a warning)",
            )
        }));
    }
    if opts.keep_going {
        // The rest is built; every failed file is listed and the build
        // exits non-zero (see `Skipped::failed`).
        skipped.extend(failed_files(std::mem::take(&mut errors)));
    }
    if !errors.is_empty() {
        errors.sort();
        return Err(ContentErrors(errors));
    }
    articles.sort_by(|a, b| a.source_path.cmp(&b.source_path));
    slug::dedupe(&mut articles);
    Ok(Loaded { articles, skipped })
}

/// One skip per failed file, its errors joined (for `--keep-going`).
fn failed_files(mut errors: Vec<ContentError>) -> Vec<Skipped> {
    errors.sort();
    let mut out: Vec<Skipped> = Vec::new();
    for e in errors {
        let line = format!("{}:{}: {}", e.line, e.column, e.message);
        match out.last_mut() {
            Some(s) if s.path == e.path => s.reason = format!("{}; {line}", s.reason),
            _ => out.push(Skipped {
                path: e.path.clone(),
                reason: format!("failed: {line}"),
                warning: true,
                failed: true,
            }),
        }
    }
    out
}

/// What became of one article file.
enum Outcome {
    Article(Box<Article>),
    /// Not an article to publish (empty, blank, binary), with a warning.
    Skipped(Skipped),
    Failed(Vec<ContentError>),
}

/// Reads one file for [`load_with`]: files that are not text are skipped
/// with a warning, not failed.
fn load_one(root: &Path, path: &Path, parsed: &dyn Parsed) -> Outcome {
    let source_path = walk::relative(root, path);
    // Metadata before the bytes: a file changed after this is seen as
    // changed by the next build.
    let meta = std::fs::metadata(path).ok();
    if let Some(a) = meta.as_ref().and_then(|m| parsed.get(path, m)) {
        return Outcome::Article(Box::new(a));
    }
    let (bytes, mtime) = match read(&source_path, path) {
        Ok(r) => r,
        Err(e) => return Outcome::Failed(e),
    };
    let decoded = decode::decode(&bytes);
    if let Err(why) = decode::screen(&bytes, &decoded.text) {
        return Outcome::Skipped(Skipped {
            path: source_path,
            reason: format!("skipped: {why}"),
            warning: true,
            failed: false,
        });
    }
    match parse_article(&source_path, &bytes, mtime) {
        Ok(a) => {
            if let Some(m) = &meta {
                parsed.put(path, m, &bytes, &a);
            }
            Outcome::Article(Box::new(a))
        }
        Err(e) => Outcome::Failed(e),
    }
}

/// [`load_file`] over `paths`, on all cores, results in `paths` order (so
/// the outcome does not depend on thread timing).
fn load_files(root: &Path, paths: &[std::path::PathBuf], parsed: &dyn Parsed) -> Vec<Outcome> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads < 2 || paths.len() < 64 {
        return paths.iter().map(|p| load_one(root, p, parsed)).collect();
    }
    std::thread::scope(|s| {
        let workers: Vec<_> = paths
            .chunks(paths.len().div_ceil(threads))
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|p| load_one(root, p, parsed))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("content loader thread panicked"))
            .collect()
    })
}

/// Reads and parses one article file; `source_path` is `path` relative to
/// `root`. The file's mtime is the date of last resort.
pub fn load_file(root: &Path, path: &Path) -> Result<Article, Vec<ContentError>> {
    let source_path = walk::relative(root, path);
    let (bytes, mtime) = read(&source_path, path)?;
    parse_article(&source_path, &bytes, mtime)
}

/// A file's bytes and mtime (as a date), with an accurate message when it
/// cannot be read: a file deleted or renamed while the build runs is not a
/// permissions problem.
fn read(source_path: &str, path: &Path) -> Result<(Vec<u8>, Option<Date>), Vec<ContentError>> {
    let unreadable = |e: std::io::Error| {
        let (message, help) = match e.kind() {
            std::io::ErrorKind::NotFound => (
                "the file disappeared while the build was reading it (deleted or renamed during the build)".to_string(),
                "run the build again once the files stop changing",
            ),
            std::io::ErrorKind::PermissionDenied => (
                format!("cannot read file: {e}"),
                "check the file's permissions, or move it out of the content directory",
            ),
            _ => (
                format!("cannot read file: {e}"),
                "check that the file is readable, or move it out of the content directory",
            ),
        };
        vec![ContentError::whole_file(source_path, message, help)]
    };
    let bytes = std::fs::read(path).map_err(unreadable)?;
    let mtime = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| Date::from_days((d.as_secs() / 86_400) as i64));
    Ok((bytes, mtime))
}

/// Parses one article from its bytes. Pure: the caller supplies the path
/// (relative to the content dir, for messages and the format) and the
/// file's mtime (the date of last resort; without it, an article with no
/// date anywhere is an error). The `id` is not yet unique: [`load`] makes
/// slugs unique across articles.
pub fn parse_article(
    source_path: &str,
    bytes: &[u8],
    mtime: Option<Date>,
) -> Result<Article, Vec<ContentError>> {
    let decoded = decode::decode(bytes);
    decode::screen(bytes, &decoded.text).map_err(|why| {
        vec![ContentError::whole_file(
            source_path,
            why.to_string(),
            "an article must be text: remove the file or save it as UTF-8",
        )]
    })?;
    let body = read_body(source_path, &decoded.text)?;
    let mut notes: Vec<String> = decoded.note.iter().map(|n| n.to_string()).collect();
    let (date, date_source) =
        settle_date(&body, mtime).ok_or_else(|| vec![no_date(source_path)])?;
    if date_source == DateSource::FileMtime {
        notes.push("no date found in the text: used the file's modification time".to_string());
    }
    let title = settle_title(&body, source_path);
    let url = non_empty(body.fm.url.clone()).or_else(|| body.cleaned.url.clone());
    let source = settle_source(&body, url.as_deref());
    let place = settle_place(&body);
    let Body {
        fm,
        format,
        lead,
        blocks,
        ..
    } = body;
    let paragraphs = blocks
        .into_iter()
        .enumerate()
        .map(|(i, b)| Paragraph {
            anchor: format!("p{}", i + 1),
            kind: b.kind,
            text: b.text,
            markdown: b.markdown,
        })
        .collect();
    Ok(Article {
        id: slug::article_slug(&title, source_path),
        source_path: source_path.to_string(),
        title,
        date,
        date_source,
        source,
        url,
        place,
        author: non_empty(fm.author).or(lead.author),
        tags: fm.tags,
        event: non_empty(fm.event),
        people: fm.people,
        summary: non_empty(fm.summary),
        draft: fm.draft,
        format,
        paragraphs,
        notes,
        extra: fm.extra,
    })
}

/// A file's text taken apart: metadata found so far and the body blocks.
struct Body {
    /// Front matter (default when there was none).
    fm: FrontMatter,
    format: Format,
    /// What the lead lines said (default for front matter articles).
    lead: infer::Lead,
    cleaned: clean::Cleaned,
    blocks: Vec<blocks::Block>,
}

fn read_body(source_path: &str, text: &str) -> Result<Body, Vec<ContentError>> {
    let ext = source_path.rsplit_once('.').map_or("", |(_, e)| e);
    let is_md = ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown");
    let split = if is_md {
        front_matter::split(source_path, text).map_err(|e| vec![e])?
    } else {
        None
    };
    let (fm, body, format) = match split {
        Some(s) => (
            Some(front_matter::parse(source_path, s.yaml)?),
            s.body,
            Format::MarkdownFrontMatter,
        ),
        None if is_md || looks_like_markdown(text) => (None, text, Format::Markdown),
        None => (None, text, Format::Text),
    };
    let markdown = format != Format::Text;
    let inferred = fm.is_none();
    let mut lines: Vec<&str> = body.lines().collect();
    // Front matter articles say what they are: no guessing from the lead.
    let lead = if inferred {
        infer::read_lead(&mut lines, markdown)
    } else {
        infer::Lead::default()
    };
    let cleaned = clean::clean_lines(&mut lines, markdown);
    let raw = if markdown {
        blocks::markdown_blocks(&lines)
    } else {
        blocks::text_blocks(&lines)
    };
    let blocks = blocks::finish(raw, &cleaned.caption_lines, inferred);
    Ok(Body {
        fm: fm.unwrap_or_default(),
        format,
        lead,
        cleaned,
        blocks,
    })
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn settle_date(body: &Body, mtime: Option<Date>) -> Option<(Date, DateSource)> {
    if let Some(d) = body.fm.date {
        return Some((d, DateSource::FrontMatter));
    }
    if let Some((d, is_date_line)) = body.lead.date {
        let how = if is_date_line {
            DateSource::DateLine
        } else {
            DateSource::StandaloneDate
        };
        return Some((d, how));
    }
    body.blocks
        .iter()
        // Never a caption: a photo's date is not the article's (issue 11).
        .filter(|b| b.kind == BlockKind::Prose)
        .find_map(|b| dates::first_mention(&b.text))
        .or_else(|| caption_and_weekday(&body.blocks))
        .map(|d| (d, DateSource::TextMention))
        .or_else(|| mtime.map(|d| (d, DateSource::FileMtime)))
}

/// See [`dates::day_from_caption_and_weekday`].
fn caption_and_weekday(blocks: &[blocks::Block]) -> Option<Date> {
    let of = |k: BlockKind| -> Vec<&str> {
        blocks
            .iter()
            .filter(|b| b.kind == k)
            .map(|b| b.text.as_str())
            .collect()
    };
    dates::day_from_caption_and_weekday(&of(BlockKind::Caption), &of(BlockKind::Prose))
}

fn no_date(path: &str) -> ContentError {
    ContentError::whole_file(
        path,
        "no date found: no front matter `date:`, no date line and no written date in the text",
        "add front matter `date: 2025-02-18`, or a first line ` date 2025-02-18`",
    )
}

fn settle_title(body: &Body, source_path: &str) -> String {
    non_empty(body.fm.title.clone())
        .or_else(|| {
            let md = body.lead.title_markdown.as_deref()?;
            Some(blocks::inline_text(md)).filter(|t| !t.is_empty())
        })
        .or_else(|| body.lead.title_plain.clone())
        .or_else(|| {
            let first = body.blocks.iter().find(|b| b.kind == BlockKind::Prose)?;
            infer::title_from_text(&first.text)
        })
        .unwrap_or_else(|| {
            let file = source_path.rsplit('/').next().unwrap_or(source_path);
            file.rsplit_once('.').map_or(file, |(s, _)| s).to_string()
        })
}

fn settle_source(body: &Body, url: Option<&str>) -> Option<String> {
    let sign_off = body.blocks.last().filter(|b| b.sign_off);
    non_empty(body.fm.source.clone())
        .or_else(|| url.and_then(sources::outlet_from_url))
        .or_else(|| body.lead.agency.clone())
        .or_else(|| sign_off.and_then(|b| infer::outlet_from_sign_off(&b.text)))
}

fn settle_place(body: &Body) -> Option<String> {
    let extra = &body.fm.extra;
    non_empty(extra.get("place").cloned())
        .or_else(|| {
            extra
                .get("dateline")
                .and_then(|d| infer::place_from_dateline(d))
        })
        .or_else(|| body.lead.place.clone())
}

/// Markdown markup in a `.txt`: an ATX heading, a code fence, `**bold**`
/// or a `[text](target)` link on some line. Boilerplate lines that the
/// clean pass drops (`Related article: [..](..)`) do not count: one pasted
/// link must not turn a one-paragraph-per-line text into Markdown.
fn looks_like_markdown(text: &str) -> bool {
    text.lines()
        .filter(|l| !clean::is_boilerplate(l))
        .any(|line| {
            let t = line.trim_start();
            let hashes = t.bytes().take_while(|&b| b == b'#').count();
            let heading = (1..=6).contains(&hashes) && t[hashes..].starts_with(' ');
            let bold = t.find("**").is_some_and(|i| t[i + 2..].contains("**"));
            let link = t.find('[').is_some_and(|i| t[i..].contains("]("));
            heading || clean::is_fence(line) || bold || link
        })
}

#[cfg(test)]
#[path = "mod_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "safety_tests.rs"]
mod safety_tests;

#[cfg(test)]
#[path = "seeds_tests.rs"]
mod seeds_tests;
