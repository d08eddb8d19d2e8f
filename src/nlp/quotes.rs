//! Direct quotations and who said them.
//!
//! Patterns: `“…,” X said` / `“…,” said [title] X` / `“…,” according to X` /
//! `X said: “…”` / `X told Y that “…”` / `“…,” he told reporters` (a
//! pronoun is the last person named as a clause subject, never an
//! organisation: only person names are candidates). An unattributed
//! quotation continues the last speaker when it opens a sentence right after
//! an attributed one, or opens a paragraph right after a paragraph that
//! ended on that speaker's quotation; an unattributed quotation that is a
//! sentence of its own takes the speaker of the previous sentence when that
//! sentence introduces speech (`X told reporters on Monday:` / `X said that
//! …`). Quotations with no named speaker ("a local official said") are left
//! out: a quote is never guessed onto a person.
//!
//! A quoted fragment counts as a direct quote when it stands in its
//! speaker's own clause after a verb of saying or judging (`X branded it
//! “scandalous”`, `He said she was a “huge figure”`): those are the
//! speaker's words. A quoted phrase with no such clause (a scare quote, a
//! title, a term: `the so-called “Blair Babes”`) is nobody's.
//!
//! Cost: every lookup is a binary search or a scan of a bounded window, so
//! an article costs time linear in its length (see the `linear_work` test).

use crate::nlp::layer::{Found, Quote, Sentence};
use crate::nlp::roles;
use crate::nlp::tokens::Token;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

mod attribution;
mod clause;
mod context;
mod continued;
mod inverted;
mod lines;
mod mentions;
mod para;
mod recent;
mod role_refs;
mod verbs;
mod words;
pub use verbs::is_speech_verb;
use verbs::{is_adverb, is_discourse_word, is_pronoun, is_reporting_verb};
use words::{descriptor, is_honorific, is_title};

/// A quotation in a paragraph: byte offsets of its opening mark, its
/// content, and the end of its closing mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Byte offset of the opening mark (or 0 when the paragraph starts inside a quotation).
    pub open: usize,
    /// Byte range of the quoted words.
    pub content: Range<usize>,
    /// Byte offset just past the closing mark (the paragraph's end when unclosed).
    pub end: usize,
}

/// Finds double-quoted passages (“…”, "…") in a paragraph. Single quotes
/// are left alone: they double as apostrophes.
pub fn quote_spans(text: &str) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut prev = ' ';
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        // Newswire paragraphs merged into one line: `… years. "He has …`
        // reopens a quotation whose paragraph ended unclosed. A straight
        // mark after a space and glued to a word opens; it never closes.
        // After a comma it closes: `step in, "Lind said` (detokenised text).
        let reopens = c == '"'
            && prev.is_whitespace()
            && next.is_alphanumeric()
            && !text[..i].trim_end().ends_with(',');
        prev = c;
        match (open, c) {
            (Some((o, s)), '"') if reopens => {
                out.push(QuoteSpan {
                    open: o,
                    content: s..text[..i].trim_end().len(),
                    end: i,
                });
                open = Some((i, i + 1));
            }
            (None, '“' | '"') => open = Some((i, i + c.len_utf8())),
            (None, '”') if out.is_empty() => out.push(QuoteSpan {
                open: 0,
                content: 0..i,
                end: i + c.len_utf8(),
            }),
            (Some((o, s)), '”' | '"') => {
                out.push(QuoteSpan {
                    open: o,
                    content: s..i,
                    end: i + c.len_utf8(),
                });
                open = None;
            }
            _ => {}
        }
    }
    if let Some((o, s)) = open {
        out.push(QuoteSpan {
            open: o,
            content: s..text.len(),
            end: text.len(),
        });
    }
    out
}

/// Attributes the quotations of an article. `texts` are all paragraph texts
/// (indexed like `article.paragraphs`); `sents` and `found` come from the
/// analysis, in reading order (`found` sorted by sentence and token).
/// A role phrase ("the Tory leader said") is read as a mention of the one
/// person the article gives that title.
pub(crate) fn attribute(texts: &[&str], sents: &[Sentence], found: &[Found]) -> Vec<Quote> {
    // A quotation running across lines is read in one joined paragraph.
    let mut prose = vec![false; texts.len()];
    for s in sents.iter().filter(|s| !s.caption) {
        if let Some(p) = prose.get_mut(s.paragraph) {
            *p = true;
        }
    }
    let runs = lines::runs(texts, |p| !prose[p]);
    if runs.is_empty() {
        return attribute_joined(texts, sents, found);
    }
    let (joined, sents) = lines::join(texts, sents, &runs);
    let texts: Vec<&str> = joined.iter().map(String::as_str).collect();
    attribute_joined(&texts, &sents, found)
}

/// [`attribute`] once runs of lines are joined.
fn attribute_joined(texts: &[&str], sents: &[Sentence], found: &[Found]) -> Vec<Quote> {
    let extra = role_refs::role_mentions(sents, found);
    if extra.is_empty() {
        return attribute_counted(texts, sents, found).0;
    }
    let mut all: Vec<Found> = found.iter().cloned().chain(extra).collect();
    all.sort_by_key(|f| (f.sent, f.tokens.start));
    attribute_counted(texts, sents, &all).0
}

/// [`attribute`] and the number of elementary steps it took (tokens and
/// names visited), for the linearity test.
fn attribute_counted(texts: &[&str], sents: &[Sentence], found: &[Found]) -> (Vec<Quote>, usize) {
    // by_sent[s]..by_sent[s + 1]: the names of sentence s.
    let mut by_sent = Vec::with_capacity(sents.len() + 1);
    let mut k = 0;
    for s in 0..=sents.len() {
        while k < found.len() && found[k].sent < s {
            k += 1;
        }
        by_sent.push(k);
    }
    let work = Cell::new(sents.len() + found.len());
    let genders = RefCell::new(BTreeMap::new());
    let recent = RefCell::new(recent::Recent::default());
    let peers = peers(sents, found);
    let mut state = State::default();
    let mut out = Vec::new();
    let mut p = 0;
    while p < sents.len() {
        let para = sents[p].paragraph;
        let mut q = p + 1;
        while q < sents.len() && sents[q].paragraph == para {
            q += 1;
        }
        if !sents[p].caption {
            let spans = quote_spans(texts[para]);
            work.set(work.get() + texts[para].len() / 8 + spans.len());
            Para {
                text: texts[para],
                index: para,
                sents: p..q,
                all: sents,
                found,
                by_sent: &by_sent,
                spans,
                work: &work,
                genders: &genders,
                recent: &recent,
                peers: &peers,
            }
            .attribute(&mut state, &mut out);
        }
        p = q;
    }
    (out, work.get())
}

/// The one-word names of the article written after a peer's title ("Lord
/// Brannock", "Baroness Vell") or an honorific ("Ms Vell", "Dr Oster"):
/// persons, though no fuller name is given.
fn peers(sents: &[Sentence], found: &[Found]) -> BTreeSet<String> {
    found
        .iter()
        .filter(|f| !f.name.contains(' ') && f.tokens.start > 0)
        .filter(|f| {
            matches!(
                sents[f.sent].tokens[f.tokens.start - 1].text,
                "Lord"
                    | "Baroness"
                    | "Lady"
                    | "Mr"
                    | "Mr."
                    | "Mrs"
                    | "Mrs."
                    | "Ms"
                    | "Ms."
                    | "Miss"
                    | "Dr"
                    | "Dr."
            )
        })
        .map(|f| f.name.clone())
        .collect()
}

/// What carries over from one paragraph to the next.
#[derive(Default)]
struct State {
    /// The last person named as a clause subject (or quoted): who "he" is.
    subject: Option<String>,
    /// The speaker of the quotation that ended the previous paragraph.
    carry: Option<Said>,
    /// The speaker introduced by the previous sentence (`X said:`).
    introduced: Option<Said>,
    /// The speaker of the last attributed quotation, for `It added: “…”`.
    spoke: Option<Said>,
    /// Unattributed quotations left open at the end of the paragraphs just
    /// before (paragraph, text): the speaker of their continuation says them.
    pending: Vec<(usize, String)>,
}

/// A person mention, as it bears on who a later "he" is.
enum Mentioned {
    /// Named as a clause subject: "he" is this person next.
    Subject(String),
    /// Named elsewhere in a clause: "he" stays the subject only if it is them.
    Other(String),
    /// A titled name that is not a known person.
    Unknown,
    /// A person named where "he" stays who it was (a possessive, an
    /// object of the subject's sentence), or (`None`) a capitalised word
    /// right before a reporting verb that is no known person ("Sue Essex
    /// said"): only a candidate, or a blank, for a pronoun the subject
    /// does not fit.
    Seen(Option<String>),
}

impl Mentioned {
    /// Who the mention makes "he" next, and the recent persons it adds to.
    fn note(&self, subject: &mut Option<String>, recent: &RefCell<recent::Recent>) {
        match self {
            Mentioned::Subject(n) | Mentioned::Other(n) => recent.borrow_mut().push(Some(n)),
            Mentioned::Unknown => recent.borrow_mut().push(None),
            Mentioned::Seen(n) => recent.borrow_mut().push(n.as_deref()),
        }
        self.apply(subject);
    }

    fn apply(&self, subject: &mut Option<String>) {
        match self {
            Mentioned::Subject(n) => *subject = Some(n.clone()),
            Mentioned::Other(n) if subject.as_ref() != Some(n) => *subject = None,
            Mentioned::Other(_) => {}
            Mentioned::Unknown => *subject = None,
            Mentioned::Seen(_) => {}
        }
    }
}

/// A speaker and the reporting verb as written.
#[derive(Clone, Debug)]
struct Said {
    speaker: String,
    verb: String,
    /// Read in the speaker's own clause (`X branded it “…”`), where even a
    /// one-word quotation is theirs.
    judged: bool,
}

fn said(speaker: &str, verb: &str) -> Said {
    Said {
        speaker: speaker.to_string(),
        verb: verb.to_string(),
        judged: false,
    }
}

/// One paragraph's sentences, with the article's names.
struct Para<'a, 'b> {
    text: &'a str,
    index: usize,
    sents: Range<usize>,
    all: &'b [Sentence<'a>],
    found: &'b [Found],
    by_sent: &'b [usize],
    spans: Vec<QuoteSpan>,
    work: &'b Cell<usize>,
    /// Who is "she" (true) or "he" (false), as far as the article has told:
    /// a "she said" never goes to a man.
    genders: &'b RefCell<BTreeMap<String, bool>>,
    /// The last persons named, for a pronoun the subject does not fit.
    recent: &'b RefCell<recent::Recent>,
    /// One-word names the article gives a peer's title ("Lord Brannock"):
    /// a person, though no fuller name is given.
    peers: &'b BTreeSet<String>,
}

/// Where a token is: sentence index and token index.
type At = (usize, usize);

/// How far back (tokens) a speaker or verb is looked for before a quotation.
const WINDOW: usize = 30;

#[cfg(test)]
#[path = "quotes_tests.rs"]
mod tests;

#[cfg(test)]
mod recall_tests;
