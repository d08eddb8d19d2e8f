//! "The Tory leader said:", "…, the chancellor told reporters": a definite
//! role phrase next to a reporting verb stands for the one person named
//! earlier in the article who holds that role. Read as extra name
//! mentions, so every attribution pattern sees the person. Two people who
//! both fit the phrase leave it unresolved (nobody is guessed).

use super::verbs::{is_adverb, is_reporting_verb};
use crate::nlp::layer::{Found, Sentence};
use crate::nlp::roles;
use crate::nlp::tokens::Token;
use std::collections::BTreeMap;
use std::ops::Range;

/// The role phrases of the article that stand for one person, as mentions
/// of that person (sorted like `found`: by sentence and token).
pub(super) fn role_mentions(sents: &[Sentence], found: &[Found]) -> Vec<Found> {
    let titles = titles(sents, found);
    let mut out = Vec::new();
    // The first sentence each person is named in: a role phrase refers back.
    // Each person's first mention (a map, so the cost stays linear).
    let mut first: BTreeMap<&str, &Found> = BTreeMap::new();
    for f in found {
        first.entry(f.name.as_str()).or_insert(f);
    }
    let mut k = 0;
    let mut prev = 0..0; // the names of the last sentence read
    for (s, sent) in sents.iter().enumerate() {
        let start = k;
        while k < found.len() && found[k].sent == s {
            k += 1;
        }
        if sent.caption {
            continue;
        }
        let names = &found[start..k];
        for np in phrases(&sent.tokens, names) {
            let words: Vec<String> = sent.tokens[np.clone()]
                .iter()
                .skip(1)
                .map(|t| t.text.to_lowercase())
                .collect();
            let model = match holder(&titles, &words) {
                Some(person) => first.get(person).filter(|f| f.sent < s).copied(),
                None => sole_untitled(&titles, &words, &found[prev.clone()], names, np.start)
                    .filter(|f| s > 0 && f.sent + 1 == s)
                    .filter(|f| sents[f.sent].paragraph == sent.paragraph)
                    .filter(|f| speaks(&sents[f.sent].tokens, f.tokens.end)),
            };
            let Some(model) = model else {
                continue;
            };
            out.push(Found {
                sent: s,
                tokens: np,
                ..model.clone()
            });
        }
        prev = start..k;
    }
    out
}

/// "X has said. “…,” the opposition leader said": an office nobody in the
/// article is given, right after a sentence that names one person and only
/// one, as the subject of a reporting verb, and gives them no title, is
/// that person's (the writer varies the
/// name). Not for functionaries ("the spokesman", "the officer"), who are
/// usually somebody else.
fn sole_untitled<'f>(
    titles: &[(&str, Vec<String>)],
    words: &[String],
    before: &'f [Found],
    names: &[Found],
    at: usize,
) -> Option<&'f Found> {
    let head = words.last()?;
    let taken = titles.iter().any(|(_, t)| t.last() == Some(head));
    let person = before.first()?;
    let alone = before.iter().all(|f| f.name == person.name);
    let untitled = titles.iter().all(|(n, _)| *n != person.name);
    let nobody_between = names.iter().all(|f| f.tokens.start > at);
    (office(head) && !taken && alone && untitled && nobody_between).then_some(person)
}

/// "X said", "X has said", "X, 54, told": the name ending at `end` is the
/// subject of a reporting verb (its sentence reports X's words).
fn speaks(t: &[Token], end: usize) -> bool {
    let aux = t
        .get(end)
        .is_some_and(|x| matches!(x.text, "has" | "had" | "have"));
    let verb = |k: usize| {
        t.get(k)
            .is_some_and(|x| is_reporting_verb(&x.text.to_lowercase()))
    };
    super::clause::own_verb_after(t, end).is_some() || (aux && verb(end + 1))
}

/// Offices a named person holds in their own right (not a spokesman's).
fn office(head: &str) -> bool {
    matches!(
        head,
        "leader"
            | "president"
            | "minister"
            | "secretary"
            | "chancellor"
            | "premier"
            | "governor"
            | "senator"
            | "mayor"
            | "chairman"
            | "chairwoman"
            | "congressman"
            | "congresswoman"
            | "ambassador"
            | "commissioner"
            | "archbishop"
            | "bishop"
            | "king"
            | "queen"
    )
}

/// Each person's title words ("shadow", "chancellor"), head noun last, from
/// the titles before their names ("shadow chancellor X"; a qualifier right
/// before the title is kept) and appositions after them ("X, the chancellor,").
fn titles<'a>(sents: &[Sentence], found: &'a [Found]) -> Vec<(&'a str, Vec<String>)> {
    let mut out = Vec::new();
    for f in found {
        let t = &sents[f.sent].tokens;
        // The names of f's sentence (binary searches: found is sorted).
        let a = found.partition_point(|g| g.sent < f.sent);
        let b = found.partition_point(|g| g.sent <= f.sent);
        let in_name = |k: usize| found[a..b].iter().any(|g| g.tokens.contains(&k));
        // "the minister, X's rival": the title is the rival's, not X's.
        let possessive = t
            .get(f.tokens.end)
            .is_some_and(|x| matches!(x.text, "'s" | "’s"));
        let before = roles::title_before(t, f.tokens.start)
            .filter(|_| !possessive)
            .map(|r| {
                let mut start = r.start;
                while start > 0 && qualifier(&t[start - 1].text.to_lowercase()) {
                    start -= 1;
                }
                start..r.end
            });
        let after = roles::apposition_after(t, f.tokens.end, in_name);
        for r in before.into_iter().chain(after) {
            let words: Vec<String> = t[r]
                .iter()
                .map(|x| x.text.to_lowercase())
                .filter(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
                .collect();
            // The head noun last: "head of the fund" ends on its head's
            // complement, which no role phrase repeats.
            if words.last().is_some_and(|w| roles::is_head_noun(w)) {
                out.push((f.name.as_str(), words));
            }
        }
    }
    out
}

/// A word that makes a title another role: the shadow chancellor is not the
/// chancellor.
fn qualifier(w: &str) -> bool {
    matches!(
        w,
        "shadow" | "deputy" | "vice" | "former" | "assistant" | "junior" | "acting" | "ex"
    )
}

/// The one person with a title that holds every word of the phrase (its
/// head noun last) and no qualifier the phrase lacks: "the chancellor" is
/// not the shadow chancellor, nor "the home secretary" the foreign one.
fn holder<'a>(titles: &[(&'a str, Vec<String>)], words: &[String]) -> Option<&'a str> {
    let mut fit: Vec<&str> = titles
        .iter()
        .filter(|(_, t)| {
            t.last().is_some_and(|h| Some(h) == words.last())
                && words.iter().all(|w| t.contains(w))
                && t.iter().all(|w| !qualifier(w) || words.contains(w))
        })
        .map(|(n, _)| *n)
        .collect();
    fit.sort_unstable();
    fit.dedup();
    (fit.len() == 1).then(|| fit[0])
}

/// Definite role phrases ("the Tory leader", "The chancellor") that are the
/// subject of a reporting verb right after them, or follow one ("said the
/// minister"), and are no title of a name next to them.
fn phrases(t: &[Token], names: &[Found]) -> Vec<Range<usize>> {
    let in_name = |i: usize| names.iter().any(|f| f.tokens.contains(&i));
    let verb = |i: usize| {
        t.get(i)
            .is_some_and(|x| is_reporting_verb(&x.text.to_lowercase()))
    };
    let mut out = Vec::new();
    for i in 0..t.len() {
        if !matches!(t[i].text, "the" | "The") || in_name(i) {
            continue;
        }
        let mut j = i + 1;
        while j < t.len().min(i + 5) && plain(&t[j]) && !in_name(j) {
            if roles::is_head_noun(&t[j].text.to_lowercase()) {
                break;
            }
            j += 1;
        }
        // A capitalised head is a body's name ("the Scottish Executive").
        let head = t.get(j).is_some_and(|x| {
            plain(x)
                && !in_name(j)
                && x.text.starts_with(char::is_lowercase)
                && roles::is_head_noun(x.text)
        });
        if !head {
            continue;
        }
        let end = j + 1;
        // "the chancellor Tomas Lind" / "the minister's aide" / "the head
        // of X": a title of someone else, or another person's role.
        let next = t.get(end).map_or("", |x| x.text);
        if in_name(end) || matches!(next, "'s" | "’s" | "of" | "for") {
            continue;
        }
        // "the chancellor also said", "prompted the minister to say".
        let after = if t
            .get(end)
            .is_some_and(|x| is_adverb(&x.text.to_lowercase()) || x.text == "to")
        {
            end + 1
        } else {
            end
        };
        if verb(after) || (i > 0 && verb(i - 1)) {
            out.push(i..end);
        }
    }
    out
}

/// A word of a role phrase: letters only ("Tory", "foreign", "deputy").
fn plain(t: &Token) -> bool {
    t.text.chars().all(|c| c.is_alphabetic() || c == '-') && !t.text.is_empty()
}
