//! `people`: name mentions across articles → one [`Person`] per real person.
//!
//! Per-article analyses (`nlp::analysis`) already attach surname-only
//! mentions to the full name used in the same article. This stage merges
//! spellings across articles (transliterations, middle names, extra family
//! names, diacritics: `nlp::names::same_person`), never merging two
//! different given names that share a surname; applies curation
//! (`content/people/<slug>.md`, `never_people` and `aliases` from
//! `briefing.yaml`), and gathers each person's roles, quotes, mentions,
//! co-mentions and first/last dates.
//!
//! Decisions worth knowing:
//! - A one-word name ("Halvorsen") in an article with no fuller form resolves
//!   to the one person in the corpus with that surname only when the article
//!   shares strong context (other organisations, places, people) with an
//!   article naming the full form; otherwise it is dropped. A surname that
//!   several people share goes to the one of them whose articles share such
//!   context, and is dropped when none or more than one do. A surname alone
//!   never links articles. A mononym person ("Lula") needs a curated file or
//!   alias.
//! - Nothing inside an organisation, place or other named thing (as the
//!   entity layer tags it) is a mention of a person.
//! - Photo captions can link a person named in prose somewhere in the
//!   corpus, never create one.
//! - Curation wins: a curated file's slug, name and aliases are used, and
//!   its role is listed first.

mod cluster;
mod context;
mod curated;
mod evidence;
mod gazetteer;
pub mod memo;
mod report;
mod resolve;

pub use curated::{load_curation, AliasGroup, CuratedPerson, Curation, CurationError};
pub use report::{extract_report, ExtractReport, ReportPerson, ReportSpan};
pub use resolve::{name_index, resolve, resolve_memoised};

use crate::date::Date;
use serde::Serialize;
use std::ops::Range;

/// One real person, with everything the articles say about them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Person {
    /// Lowercase ASCII, hyphenated: the address `/people/<slug>/`.
    pub slug: String,
    /// Canonical name: curated, else the most used full spelling.
    pub name: String,
    /// Every spelling seen in the articles, sorted.
    pub aliases: Vec<String>,
    /// Titles as stated, curated one first, then newest first.
    pub roles: Vec<Role>,
    /// Every mention, in the order of `articles`, then reading order.
    pub mentions: Vec<MentionRef>,
    /// Direct quotations, in the order of `articles`, then reading order.
    pub quotes: Vec<QuoteRef>,
    /// Ids of the articles naming this person, newest first.
    pub articles: Vec<String>,
    /// People named in the same articles, most shared articles first.
    pub co_mentioned: Vec<CoMention>,
    /// Date of the earliest article naming this person.
    pub first_seen: Date,
    /// Date of the latest article naming this person.
    pub last_seen: Date,
    /// Curated short biography (Markdown), if any.
    pub bio: Option<String>,
    /// Curated links.
    pub links: Vec<String>,
    /// Whether a curated file (`content/people/<slug>.md`) exists.
    pub curated: bool,
}

/// A title as an article (or the curated file) states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Role {
    /// "U.S. Secretary of State", "head of the investment fund".
    pub title: String,
    /// Article id; `None` for the curated role (it has no source article).
    pub article: Option<String>,
    /// Index in the article's paragraphs (0 for the curated role).
    pub paragraph: usize,
    /// The paragraph's anchor ("p3"); empty for the curated role.
    pub anchor: String,
    /// Article date; `None` for the curated role.
    pub date: Option<Date>,
}

/// Where a person is named, with the sentence around it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MentionRef {
    /// Article id.
    pub article: String,
    /// Index in the article's paragraphs.
    pub paragraph: usize,
    /// The paragraph's anchor ("p3"), for links.
    pub anchor: String,
    /// The sentence containing the mention (untrusted text).
    pub snippet: String,
    /// The name as written.
    pub surface: String,
    /// Byte range of the name in the paragraph's text.
    pub span: Range<usize>,
    /// The in-article resolved name (key of [`name_index`]).
    pub name: String,
    /// The mention is in a photo caption.
    pub in_caption: bool,
}

/// A direct quotation attributed to the person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuoteRef {
    /// The quoted words, verbatim.
    pub text: String,
    /// Article id.
    pub article: String,
    /// Index in the article's paragraphs.
    pub paragraph: usize,
    /// The paragraph's anchor ("p3").
    pub anchor: String,
    /// The reporting verb as written ("said").
    pub verb: String,
}

/// Another person named in the same articles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CoMention {
    /// Their slug.
    pub slug: String,
    /// Their canonical name.
    pub name: String,
    /// Number of articles naming both.
    pub count: usize,
}
