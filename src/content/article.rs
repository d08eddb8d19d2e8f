//! The `Article`: the boundary type between `content` and everything after it.

use crate::date::Date;
use serde::Serialize;
use std::collections::BTreeMap;

/// One news article, decoded, cleaned and with its metadata settled.
///
/// Everything in here comes from untrusted input: later stages escape it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Article {
    /// Unique, stable slug: the address `/articles/<id>/`.
    pub id: String,
    /// Path relative to the content directory, `/`-separated.
    pub source_path: String,
    /// Headline (front matter, `# ` heading, or the first sentence).
    pub title: String,
    /// Publication day.
    pub date: Date,
    /// Where `date` came from, so a reader can judge it.
    pub date_source: DateSource,
    /// Outlet name ("Reuters", "The Moscow Times").
    pub source: Option<String>,
    /// Original address of the article.
    pub url: Option<String>,
    /// Dateline place ("RIYADH" → "Riyadh").
    pub place: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Front matter tags.
    pub tags: Vec<String>,
    /// Front matter `event:` pin (an event slug); curated wins over clustering.
    pub event: Option<String>,
    /// Front matter `people:` names, always treated as people in this article.
    pub people: Vec<String>,
    /// Front matter `summary:`.
    pub summary: Option<String>,
    /// Front matter `draft: true`; drafts are not published.
    pub draft: bool,
    /// Input shape the article came in.
    pub format: Format,
    /// Body, in reading order; each has a stable anchor.
    pub paragraphs: Vec<Paragraph>,
    /// Things the loader did that a user may want to know (e.g. re-encoding).
    pub notes: Vec<String>,
    /// Front matter keys this crate does not know (scrapers add their own,
    /// e.g. Reuters' `dateline`, `newid`): scalars as written, lists and
    /// maps in compact flow style (`[usa, uk]`). Sorted by key.
    pub extra: BTreeMap<String, String>,
}

/// How the article's date was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// `date:` in YAML front matter.
    FrontMatter,
    /// A leading ` date 2025-02-18` line.
    DateLine,
    /// A standalone line such as `February 18, 2025`.
    StandaloneDate,
    /// A phrase in the text such as "on February 17, 2025".
    TextMention,
    /// The file's modification time: the last resort.
    FileMtime,
}

/// Input shape of an article file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Markdown with YAML front matter.
    MarkdownFrontMatter,
    /// Markdown without front matter.
    Markdown,
    /// Plain text as scraped.
    Text,
}

/// A block of the article body.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Paragraph {
    /// Anchor id, `p1`, `p2`, … in reading order (stable for links).
    pub anchor: String,
    /// What sort of block this is.
    pub kind: BlockKind,
    /// Plain text with inline markup removed: what `nlp` reads.
    pub text: String,
    /// The Markdown source of the block, when the article is Markdown;
    /// `None` for plain text (render escapes `text` instead).
    pub markdown: Option<String>,
}

/// Block kinds the renderer treats differently.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum BlockKind {
    /// Running prose: analysed by `nlp`, names get linked.
    Prose,
    /// A sub-heading (`## …` or a short plain-text line such as "Initial contact").
    Heading {
        /// 2..=6
        level: u8,
    },
    /// A fenced or indented code block, highlighted by syntect.
    Code {
        /// Language token of the fence, if any.
        lang: Option<String>,
    },
    /// Any other Markdown block (list, quote, table, raw HTML): rendered
    /// through pulldown-cmark and sanitised, not analysed.
    Other,
    /// A photo caption (the line before a credit line such as
    /// `Name | Getty Images`): rendered as a figure caption. Not analysed by
    /// `nlp` (captions must not create people), but used for date inference.
    Caption,
}

impl Article {
    /// Prose paragraphs only: the text `nlp` analyses.
    pub fn prose(&self) -> impl Iterator<Item = (usize, &Paragraph)> {
        self.paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == BlockKind::Prose)
    }
}
