//! The entity layer's data: what one article's analysis found — people
//! (mentions, roles, quotes), organisations and places — and the working
//! types shared by `analysis` and `quotes`. A leaf module (it depends only
//! on `names` and `tokens`), so the modules that fill these types do not
//! depend on each other.

use crate::nlp::names::NameKey;
use crate::nlp::tokens::Token;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Everything the people stage needs from one article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    /// Person-name occurrences, in reading order.
    pub mentions: Vec<Mention>,
    /// Direct quotations attributed to a named person, in reading order.
    pub quotes: Vec<Quote>,
    /// Titles stated next to a name, in reading order.
    pub roles: Vec<RoleMention>,
    /// Organisations named, most mentioned first (ties by name).
    #[serde(default)]
    pub organisations: Vec<EntityCount>,
    /// Places named, most mentioned first (ties by name).
    #[serde(default)]
    pub places: Vec<EntityCount>,
    /// Every organisation, place and other named thing (not person), in
    /// reading order: a person is never found inside one of these.
    #[serde(default)]
    pub entities: Vec<EntitySpan>,
    /// Resolved full names the article treats as a person's (referred to by
    /// part of the name, a role, a quotation, "Mr", an age, "said", "he"),
    /// sorted: the evidence a name that does not look like a person's needs.
    #[serde(default)]
    pub person_evidence: Vec<String>,
    /// Full names the article shows to be things (a kind-of-thing noun
    /// before, "economist at X", "the X", "X's shares", quoted), sorted: the
    /// people stage weighs them against other articles' person evidence.
    #[serde(default)]
    pub thing_evidence: Vec<String>,
}

/// What a named thing that is not a person is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A company, party, institution, team …
    Organisation,
    /// A country, city, region, street …
    Place,
    /// Anything else named: nationalities, events, works, products.
    Other,
}

/// One occurrence of an organisation, place or other named thing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntitySpan {
    /// Index in `article.paragraphs`.
    pub paragraph: usize,
    /// Byte range in that paragraph's `text`.
    pub span: Range<usize>,
    /// What it is.
    pub kind: EntityKind,
    /// As written, whitespace collapsed.
    pub text: String,
}

/// A named organisation or place and how often the article names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityCount {
    /// The name as first written in the article.
    pub name: String,
    /// Occurrences in the article.
    pub count: usize,
}

/// One occurrence of a person's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Index in `article.paragraphs`.
    pub paragraph: usize,
    /// Byte range in that paragraph's `text` (name only: no title, no "'s").
    pub span: Range<usize>,
    /// The name as written ("Halvorsen").
    pub surface: String,
    /// The in-article resolved full name ("Ingrid Halvorsen"); the surface
    /// itself when the article has no fuller form.
    pub name: String,
    /// How `name` was obtained.
    pub kind: MentionKind,
    /// The paragraph is a photo caption: this mention may link a person
    /// named in prose elsewhere, but never creates one.
    #[serde(default)]
    pub in_caption: bool,
}

/// How a mention's name was resolved within its article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// The mention is itself a full name (two or more name words).
    Full,
    /// A partial mention ("Halvorsen", "bin Nasser") attached to a full name
    /// used in the same article.
    Partial,
    /// A one-word name with no fuller form in the article; the people stage
    /// resolves it across articles or drops it.
    Bare,
}

/// A direct quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Resolved name of the speaker (as in [`Mention::name`]).
    pub speaker: String,
    /// The quoted words, verbatim (without the quotation marks).
    pub text: String,
    /// Index in `article.paragraphs` of the quotation.
    pub paragraph: usize,
    /// The reporting verb as written ("said", "told", "added").
    pub verb: String,
}

/// A title stated next to a name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleMention {
    /// Resolved name (as in [`Mention::name`]).
    pub name: String,
    /// The title as written ("U.S. Secretary of State").
    pub title: String,
    /// Index in `article.paragraphs`.
    pub paragraph: usize,
}

/// One prose sentence: its paragraph and its tokens, whose offsets are bytes
/// in the paragraph's text.
pub(crate) struct Sentence<'a> {
    pub paragraph: usize,
    pub tokens: Vec<Token<'a>>,
    /// From a photo caption (names only: no quotes are read there).
    pub caption: bool,
}

/// A name occurrence while the analysis is being built.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub sent: usize,
    pub tokens: Range<usize>,
    pub key: NameKey,
    pub name: String,
    pub kind: MentionKind,
}
