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
    let verb = |k: usize| {
        t.get(k)
            .is_some_and(|x| is_reporting_verb(&x.text.to_lowercase()))
    };
    // "The men's solicitor X, said that …": a stray comma before the verb
    // (not "X, said to be ill,", a passive aside).
    if t.get(v).is_some_and(|x| x.text == ",")
        && verb(v + 1)
        && t.get(v + 2).is_none_or(|x| x.text != "to")
    {
        return Some(v + 1);
    }
    if t.get(v).is_some_and(|x| x.text == ",") {
        let close = (v + 1..t.len().min(v + 16)).find(|&k| t[k].text == ",")?;
        v = close + 1;
    } else if t.get(v).is_some_and(|x| is_dash(x.text)) {
        // "X - who was wrongly convicted - said": an aside between dashes.
        let close = (v + 1..t.len().min(v + 20)).find(|&k| is_dash(t[k].text))?;
        v = close + 1;
    }
    if t.get(v).is_some_and(|x| is_adverb(&x.text.to_lowercase())) {
        v += 1;
    }
    t.get(v)
        .is_some_and(|x| is_reporting_verb(&x.text.to_lowercase()))
        .then_some(v)
}

fn is_dash(text: &str) -> bool {
    matches!(text, "-" | "--" | "—" | "–")
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

/// The sentence ends in a pronoun attribution (", he said.", ", she
/// added on Monday.") after token `end`: what comes before it is reported
/// content, and a name in it ("Y would lead the campaign, he said") is
/// spoken about, not the next "he".
pub fn reported_before_pronoun_attribution(t: &[Token], end: usize) -> bool {
    // "X said Y …, she told the paper.": X is the one who speaks.
    if own_verb_after(t, end).is_some() {
        return false;
    }
    let Some(comma) = (end..t.len()).rev().take(7).find(|&k| t[k].text == ",") else {
        return false;
    };
    let mut k = comma + 1;
    if !t
        .get(k)
        .is_some_and(|x| super::verbs::is_pronoun(&x.text.to_lowercase()))
    {
        return false;
    }
    k += 1;
    if t.get(k).is_some_and(|x| is_adverb(&x.text.to_lowercase())) {
        k += 1;
    }
    t.get(k)
        .is_some_and(|x| is_reporting_verb(&x.text.to_lowercase()))
        && t.last().is_some_and(|x| matches!(x.text, "." | "!" | "?"))
        && !t[end..comma]
            .iter()
            .any(|x| matches!(x.text, "“" | "”" | "\""))
}

/// A verb (or an auxiliary, or a word ending in "-ed") follows the name
/// ending at `end`, directly, after an adverb, or after a set-off
/// apposition: the name is a clause's subject.
pub fn verb_follows(t: &[Token], end: usize) -> bool {
    if own_verb_after(t, end).is_some() {
        return true;
    }
    let mut k = end;
    // "X, said": the comma closes the apposition the name is in.
    if t.get(k).is_some_and(|x| x.text == ",") {
        k += 1;
    }
    // "Guy Mansfield QC warned", "Gigante calmly pleaded".
    while k < t.len().min(end + 3)
        && (is_adverb(&t[k].text.to_lowercase())
            || t[k].text.ends_with("ly")
            || (t[k].text.len() >= 2 && t[k].text.chars().all(|c| c.is_ascii_uppercase())))
    {
        k += 1;
    }
    t.get(k).is_some_and(|x| {
        let l = x.text.to_lowercase();
        matches!(
            l.as_str(),
            "is" | "was"
                | "are"
                | "were"
                | "has"
                | "had"
                | "have"
                | "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "should"
                | "must"
                | "did"
                | "does"
                | "do"
                | "'s"
                | "’s"
        ) || is_reporting_verb(&l)
            || (l.len() > 3 && (l.ends_with("ed") || l.ends_with('s')))
    })
}

/// A noun for what others said ("dismissed claims that it was “…”"): a
/// quotation after it is theirs, not the subject's.
pub fn hearsay_noun(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "claim"
            | "claims"
            | "report"
            | "reports"
            | "suggestion"
            | "suggestions"
            | "allegation"
            | "allegations"
            | "accusation"
            | "accusations"
            | "charge"
            | "charges"
            | "critics"
            | "who"
            | "which"
            | "they"
            | "we"
            // A subordinate clause has a subject of its own ("apologised
            // after the ministry announced “…”").
            | "after"
            | "before"
            | "when"
            | "while"
            | "because"
            | "since"
            | "although"
            | "if"
            | "unless"
            | "until"
    )
}

/// "A spokesman for Mr X", "a lawyer for X", "the agent of X": the name (or
/// its honorific) at `named` is the object of "for"/"of" after a role noun,
/// so the one who speaks is the unnamed role holder, not X. Returns the role
/// noun's index.
pub fn speaks_for(t: &[Token], named: usize) -> Option<usize> {
    let start = if named > 0 && super::words::is_honorific(t[named - 1].text) {
        named - 1
    } else {
        named
    };
    if start < 2 || !matches!(t[start - 1].text, "for" | "of") {
        return None;
    }
    let role = start - 2;
    roles::is_head_noun(&t[role].text.to_lowercase()).then_some(role)
}
