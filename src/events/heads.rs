//! Head anchors: the named things an article's headline and first sentence
//! are about (the issuer of a bond, the company reporting, the town hit).
//! Two reports whose heads name different things, neither mentioning the
//! other's, are two happenings however alike their template wording is.
//!
//! A head is a run of capitalised words. Where case says nothing (an
//! all-capitals wire headline, a sentence's first word) the corpus decides:
//! a word counts as part of a name when the corpus writes it capitalised
//! inside sentences at least as often as in lower case ([`CaseEvidence`]).
//! Only specific words (rarer than boilerplate) identify a head, so generic
//! name words ("Bank", "Corp") never make two heads look alike.

use crate::events::terms::{normalise, words};
use crate::events::tfidf::{TermId, Vocab};

/// How one word of a headline or first sentence reads.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum HeadWord {
    /// Written capitalised where case is informative.
    Capital(Term),
    /// Capitalised where case says nothing: the corpus decides. The flag
    /// marks a short word (≤ 3 letters) that may be a connector instead.
    Unsure(Term, bool),
    /// A short lowercase word that may join two names ("Banco di Roma").
    Connector,
    /// Anything else: ends a run.
    Break,
    /// The headline ends, the first sentence begins.
    End,
}

/// A head word as a term: its id (for its IDF) and its text (to compare).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Term {
    id: TermId,
    text: String,
}

/// Mid-sentence capitalised and lowercase occurrences of each term.
#[derive(Default)]
pub(crate) struct CaseEvidence {
    counts: Vec<(u32, u32)>,
}

impl CaseEvidence {
    /// Evidence as kept in a frozen background: (capitalised, lowercase)
    /// counts in term-id order.
    pub fn counts(&self) -> &[(u32, u32)] {
        &self.counts
    }

    /// Evidence read back from [`CaseEvidence::counts`].
    pub fn from_counts(counts: Vec<(u32, u32)>) -> CaseEvidence {
        CaseEvidence { counts }
    }

    /// Records one mid-sentence occurrence of `t`.
    pub fn add(&mut self, t: TermId, capitalised: bool) {
        let i = t as usize;
        if self.counts.len() <= i {
            self.counts.resize(i + 1, (0, 0));
        }
        if capitalised {
            self.counts[i].0 += 1;
        } else {
            self.counts[i].1 += 1;
        }
    }

    /// The corpus writes `t` as a name: capitalised inside sentences at
    /// least as often as not, and at least once.
    pub fn name_like(&self, t: TermId) -> bool {
        self.counts
            .get(t as usize)
            .is_some_and(|&(cap, low)| cap > 0 && cap >= low)
    }
}

/// Words of a headline written in capitals only: its case says nothing.
/// One pass that stops at the first lower-case letter (issue 12: a body
/// of prose was scanned whole, twice, to count its letters).
pub(crate) fn all_caps(text: &str) -> bool {
    let mut letters = 0;
    for c in text.chars() {
        if c.is_lowercase() {
            return false;
        }
        letters += usize::from(c.is_alphabetic());
    }
    letters >= 2
}

/// Longest first sentence read for heads, in words.
const FIRST_SENTENCE: usize = 40;

/// The head words of a headline (`title`) and of the first sentence of a
/// body, before the corpus's case evidence is known.
/// `caps_body` says the body is in capitals too. Term ids are given later,
/// by [`intern`], so that articles can be read in parallel.
pub(crate) fn head_words(title: &str, body: &str, caps_body: bool) -> Vec<HeadWord> {
    let mut out = read(title, all_caps(title), usize::MAX);
    out.push(HeadWord::End);
    out.extend(read(body, caps_body, FIRST_SENTENCE));
    out
}

/// Gives the head words of [`head_words`] their term ids.
pub(crate) fn intern(
    intern: &mut impl FnMut(&str) -> TermId,
    mut words: Vec<HeadWord>,
) -> Vec<HeadWord> {
    for w in &mut words {
        if let HeadWord::Capital(t) | HeadWord::Unsure(t, _) = w {
            t.id = intern(&t.text);
        }
    }
    words
}

/// Bytes of a text's start folded first when reading its head words.
const HEAD_PREFIX: usize = 4096;

/// Head words of one text, up to the end of its first sentence. That ends
/// near the start, so a prefix cut just before a space is read first: it
/// folds as the start of the whole text does (see `terms::pieces`), so
/// when the reading stops inside it the words are those of the whole
/// (issue 12: a 10 MB body was folded whole for its first sentence).
fn read(text: &str, unsure: bool, limit: usize) -> Vec<HeadWord> {
    let space = text
        .as_bytes()
        .get(HEAD_PREFIX..)
        .and_then(|rest| rest.iter().position(|&b| b == b' '));
    if let Some(cut) = space {
        // A space byte is a character of its own: the cut is on a boundary.
        let prefix = &text[..HEAD_PREFIX + cut];
        if let Some(out) = read_folded(&deunicode::deunicode(prefix), unsure, limit, true) {
            return out;
        }
    }
    read_folded(&deunicode::deunicode(text), unsure, limit, false).unwrap_or_default()
}

/// [`read`] of folded text; `None` when `partial` (the text is a prefix)
/// and the reading did not stop inside it.
fn read_folded(folded: &str, unsure: bool, limit: usize, partial: bool) -> Option<Vec<HeadWord>> {
    let mut out = Vec::new();
    let mut prev_len = 0;
    let mut stopped = false;
    for (k, (sep, w)) in words(folded).enumerate() {
        if k > 0 && ends_sentence(sep, prev_len) || k >= limit {
            stopped = true;
            break;
        }
        prev_len = w.len();
        if !sep_joins(sep) && k > 0 {
            out.push(HeadWord::Break);
        }
        let capital = w.starts_with(|c: char| c.is_ascii_uppercase());
        let digits = w.bytes().any(|b| b.is_ascii_digit());
        out.push(match normalise(w) {
            _ if digits => HeadWord::Break,
            Some(t) if capital && (unsure || k == 0) => {
                HeadWord::Unsure(Term { id: 0, text: t }, w.len() <= 3)
            }
            Some(t) if capital => HeadWord::Capital(Term { id: 0, text: t }),
            _ if capital && w.len() > 1 => HeadWord::Break,
            // "U.S.": single letters stay inside a run.
            _ if capital => HeadWord::Connector,
            _ if w.len() <= 3 => HeadWord::Connector,
            _ => HeadWord::Break,
        });
    }
    (stopped || !partial).then_some(out)
}

/// A full stop, question or exclamation mark and a space end a sentence,
/// unless the word before is a single letter ("U.S. officials").
fn ends_sentence(sep: &str, prev_len: usize) -> bool {
    prev_len > 1 && sep.contains(['.', '!', '?']) && sep.contains(char::is_whitespace)
        || sep.contains('\n')
}

/// Separators inside one name: spaces, hyphens, ampersands, apostrophes,
/// slashes and the dots of abbreviations.
fn sep_joins(sep: &str) -> bool {
    sep.chars()
        .all(|c| c == ' ' || matches!(c, '-' | '&' | '\'' | '/' | '.'))
}

/// The heads of one article: the first run of name words (joined by
/// connectors) with a specific term (IDF above `floor`) in the headline,
/// and the first in the first sentence — who or what the story is about,
/// not the places and currencies it goes on to name. Each is a sorted set
/// of its specific terms.
pub(crate) fn heads(
    words: &[HeadWord],
    evidence: &CaseEvidence,
    vocab: &Vocab,
    floor: f32,
) -> Vec<Head> {
    let mut out: Vec<Head> = Vec::new();
    let mut run: Vec<&Term> = Vec::new();
    // Whether the current part (headline, then first sentence) has its head.
    let mut found = false;
    let mut flush = |run: &mut Vec<&Term>, found: &mut bool| {
        let mut head: Head = run
            .iter()
            .filter(|t| vocab.idf(t.id) > floor)
            .map(|t| (t.text.clone(), vocab.idf(t.id)))
            .collect();
        head.sort_by(|a, b| a.0.cmp(&b.0));
        head.dedup_by(|a, b| a.0 == b.0);
        if !head.is_empty() && !*found {
            *found = true;
            if !out.contains(&head) {
                out.push(head);
            }
        }
        run.clear();
    };
    for (k, w) in words.iter().enumerate() {
        let connector = matches!(w, HeadWord::Connector | HeadWord::Unsure(_, true));
        let next_is_name = words
            .get(k + 1)
            .is_some_and(|n| name(n, evidence).is_some());
        match name(w, evidence) {
            Some(t) => run.push(t),
            // A connector joins only when a name follows it.
            None if connector && !run.is_empty() && next_is_name => {}
            None => flush(&mut run, &mut found),
        }
        if *w == HeadWord::End {
            found = false;
        }
    }
    flush(&mut run, &mut found);
    out.sort_by(|a, b| a.iter().map(|w| &w.0).cmp(b.iter().map(|w| &w.0)));
    out
}

/// One head: its specific words with their IDF, sorted by word.
pub(crate) type Head = Vec<(String, f32)>;

/// The term of a head word that reads as part of a name.
fn name<'a>(w: &'a HeadWord, evidence: &CaseEvidence) -> Option<&'a Term> {
    match w {
        HeadWord::Capital(t) => Some(t),
        HeadWord::Unsure(t, _) if evidence.name_like(t.id) => Some(t),
        _ => None,
    }
}

/// Two head words name the same thing: equal, or one the start of the
/// other ("iran", "iranian"; "japan", "japanese"), at least 4 letters.
fn same_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || short.len() >= 4 && long.starts_with(short)
}

/// Two heads name the same thing: the words they share carry more than
/// half the weight of either ("Kansas City" and "Sioux City" share only
/// the common word).
fn same_head(a: &Head, b: &Head) -> bool {
    let shared = |x: &Head, y: &Head| -> bool {
        let total: f32 = x.iter().map(|w| w.1).sum();
        let common: f32 = x
            .iter()
            .filter(|w| y.iter().any(|v| same_word(&w.0, &v.0)))
            .map(|w| w.1)
            .sum();
        common > total / 2.0
    };
    shared(a, b) || shared(b, a)
}

/// Two sets of heads conflict when both are known and no head of one
/// names the same thing as a head of the other. (Whether the rest of the
/// texts make up for it is the caller's call: a template shares only
/// common words.)
pub(crate) fn conflict(a: &[Head], b: &[Head]) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|h| b.iter().any(|g| same_head(h, g)))
}

/// The numbers of a headline and the first stretch of a body (a death
/// toll, a magnitude, a year, an amount), as written without thousands
/// separators: numbers of two characters or more, sorted. Two reports of
/// one happening usually repeat one of them; two look-alike happenings
/// (two earthquakes, two offers) differ in all.
pub(crate) fn head_numbers(title: &str, body: &str) -> Vec<String> {
    let first = body.split('\n').next().unwrap_or("");
    let first = match first.char_indices().nth(FIRST_CHARS) {
        Some((k, _)) => &first[..k],
        None => first,
    };
    let mut out = Vec::new();
    for text in [title, first] {
        let mut cur = String::new();
        for c in text.chars().chain([' ']) {
            if c.is_ascii_digit() || (!cur.is_empty() && matches!(c, '.' | ',')) {
                cur.push(c);
                continue;
            }
            let n: String = cur.trim_end_matches(['.', ',']).replace(',', "");
            if n.len() >= 2 {
                out.push(n);
            }
            cur.clear();
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Characters of the body read for [`head_numbers`]: about a sentence.
const FIRST_CHARS: usize = 250;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_body_reads_as_its_whole_text_folded() {
        // Transliterations that end in a space ("北" is "Bei ") next to the
        // prefix's cut, a first sentence inside the prefix or past it.
        let filler = "Ærø 北 Quay 北北 lanes ".repeat(HEAD_PREFIX / 20);
        for first in [
            "Mayor Ødegaard of Vester opened the North Quay. ".to_string(),
            format!("Mayor Ødegaard {filler} opened it. "),
        ] {
            let body = format!("{first}{filler}The end.");
            for (unsure, limit) in [(false, FIRST_SENTENCE), (true, usize::MAX)] {
                let whole = read_folded(&deunicode::deunicode(&body), unsure, limit, false);
                assert_eq!(Some(read(&body, unsure, limit)), whole);
            }
        }
    }

    #[test]
    fn all_caps_needs_two_letters_and_no_lower_case() {
        assert!(all_caps("TALKS IN OSTMARK"));
        assert!(!all_caps("TALKS in OSTMARK"));
        assert!(!all_caps("A 12"));
        assert!(all_caps("ÆØ 12"));
    }

    /// Heads of `title`/`body` in a vocabulary where every word is specific.
    fn heads_of(vocab: &mut Vocab, ev: &CaseEvidence, title: &str, body: &str) -> Vec<Vec<String>> {
        let w = intern(&mut |t| vocab.intern(t), head_words(title, body, false));
        heads(&w, ev, vocab, f32::MIN)
            .into_iter()
            .map(|h| h.into_iter().map(|w| w.0).collect())
            .collect()
    }

    fn ids(_: &Vocab, terms: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        v.sort();
        v
    }

    #[test]
    fn capitalised_runs_of_the_first_sentence_are_heads() {
        let mut v = Vocab::default();
        let ev = CaseEvidence::default();
        let h = heads_of(
            &mut v,
            &ev,
            "ignored lower case title",
            "Yesterday the Banco di Carrara said it would issue Ruritanian bonds. Then Other Name spoke.",
        );
        // Only the first name of the sentence: its subject.
        assert_eq!(h, vec![ids(&v, &["banco", "carrara"])]);
    }

    #[test]
    fn an_all_caps_headline_is_read_by_case_evidence() {
        let mut v = Vocab::default();
        let mut ev = CaseEvidence::default();
        let zorvik = v.intern("zorvik");
        let issue = v.intern("issue");
        ev.add(zorvik, true);
        ev.add(issue, false);
        ev.add(issue, false);
        let h = heads_of(&mut v, &ev, "ZORVIK ISSUES EUROBOND", "");
        assert_eq!(h, vec![ids(&v, &["zorvik"])]);
        assert!(zorvik != issue);
        let (banco, roma) = (v.intern("banco"), v.intern("roma"));
        let di = v.intern("di");
        ev.add(banco, true);
        ev.add(roma, true);
        ev.add(di, false);
        let h = heads_of(&mut v, &ev, "BANCO DI ROMA ISSUES ZORVIK BOND", "");
        assert_eq!(h, vec![ids(&v, &["banco", "roma"])]);
    }

    #[test]
    fn head_numbers_are_read_from_headline_and_first_sentence() {
        assert_eq!(
            head_numbers(
                "Quake of 6.1 kills 12",
                "About 1,200 homes fell in 2008.\nLater: 99."
            ),
            vec!["12", "1200", "2008", "6.1"]
        );
        assert!(head_numbers("No numbers, 7 aside", "").is_empty());
    }

    #[test]
    fn heads_conflict_only_when_they_share_no_weighty_word() {
        let h =
            |w: &[(&str, f32)]| -> Head { w.iter().map(|&(s, x)| (s.to_string(), x)).collect() };
        let a = vec![h(&[("alba", 5.0), ("corvo", 5.0)])];
        let b = vec![h(&[("dunmore", 5.0)]), h(&[("esk", 5.0), ("fenn", 5.0)])];
        assert!(conflict(&a, &b));
        assert!(!conflict(&a, &[h(&[("corvo", 5.0), ("gale", 1.0)])]));
        // Sharing only a common word is no match.
        assert!(conflict(
            &[h(&[("dunmore", 6.0), ("town", 2.0)])],
            &[h(&[("esk", 6.0), ("town", 2.0)])]
        ));
        // A nationality and its country are one word.
        assert!(!conflict(&[h(&[("iran", 4.0)])], &[h(&[("iranian", 4.0)])]));
        assert!(!conflict(&[], &b));
        assert!(!conflict(&a, &[]));
    }
}
