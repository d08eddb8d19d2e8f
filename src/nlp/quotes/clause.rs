//! Clause shapes around a name that decide whether it is the subject of its
//! own speech verb: leading discourse words, role phrases before the name,
//! and a relative clause between the name and its verb.

use super::verbs::{is_adverb, is_discourse_word, is_reporting_verb};
use crate::nlp::roles;
use crate::nlp::tokens::Token;

/// The first token of the clause starting at `clause` once leading
/// discourse words are skipped ("But", "Meanwhile", "And"), never past
/// `limit` (the name's first token).
pub fn skip_discourse(t: &[Token], clause: usize, limit: usize) -> usize {
    let mut k = clause;
    while k < limit && k < clause + 2 && is_discourse_word(t[k].text) {
        k += 1;
    }
    k
}

/// A role phrase before a name that may run longer than a descriptor and
/// carry "for"/"of"/"on" ("Liberal Democrat spokeswoman for women",
/// "Plaid Cymru's local government spokesman"): up to eight plain words,
/// a title head among them, no verb and no other preposition.
pub fn role_prefix(words: &[Token]) -> bool {
    let plain = |w: &Token| {
        w.text.chars().all(|c| c.is_alphanumeric() || c == '-') || matches!(w.text, "'s" | "’s")
    };
    let head = words
        .iter()
        .any(|w| roles::is_head_noun(&w.text.to_lowercase()));
    let allowed = words.iter().all(|w| {
        let l = w.text.to_lowercase();
        let verbish = is_reporting_verb(&l) || (l.len() > 4 && l.ends_with("ed"));
        let function = matches!(
            l.as_str(),
            "by" | "with"
                | "to"
                | "from"
                | "about"
                | "against"
                | "at"
                | "in"
                | "into"
                | "than"
                | "like"
                | "as"
                | "that"
                | "who"
                | "which"
                | "is"
                | "was"
                | "are"
                | "were"
                | "has"
                | "had"
                | "have"
                | "be"
                | "been"
                | "not"
                | "and"
                | "or"
                | "if"
                | "when"
                | "while"
        );
        plain(w) && !verbish && !function
    });
    !words.is_empty() && words.len() <= 8 && head && allowed
}

/// A reporting verb is the name's own: right after the name ending at
/// `end`, or after an adverb, or after an apposition or relative clause set
/// off by commas ("X, the Tory leader, said", "X, who chairs it, said").
pub fn own_verb_after(t: &[Token], end: usize) -> Option<usize> {
    let mut v = end;
    if t.get(v).is_some_and(|x| x.text == ",") {
        let close = (v + 1..t.len().min(v + 16)).find(|&k| t[k].text == ",")?;
        v = close + 1;
    }
    if t.get(v).is_some_and(|x| is_adverb(&x.text.to_lowercase())) {
        v += 1;
    }
    t.get(v)
        .is_some_and(|x| is_reporting_verb(&x.text.to_lowercase()))
        .then_some(v)
}

/// Tokens between a name and its verb are a relative clause or apposition
/// set off by commas (", who is chairman of the committee,"): its pronoun
/// "who" is the name itself, not another subject.
pub fn set_off(between: &[Token]) -> bool {
    between.len() >= 3
        && between[0].text == ","
        && between[between.len() - 1].text == ","
        && !between[1..between.len() - 1]
            .iter()
            .any(|t| matches!(t.text, "," | ";" | ":" | "“" | "”" | "\""))
}
