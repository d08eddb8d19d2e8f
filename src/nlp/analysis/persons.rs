//! Evidence, in one article, that a full name is a person's: the article
//! treats it the way news text treats people and never things.
//!
//! - it is referred to later by part of the name ("Santoro" after "Fabrice
//!   Santoro"), which news does for people, rarely for a product or a lake;
//! - a title or an apposition is tied to it (a role), or a quotation;
//! - an honorific stands before it ("Mr", "Ms", "Dr"), or a lower-case noun
//!   for a kind of person ("actor", "striker", "wife"), or "starring", or
//!   a ranking adjective ("third-seeded");
//! - an age follows it ("X, 32,", "X (32)");
//! - the first personal pronoun after it, before any other name, is "he" or
//!   "she" and not "it" or "they";
//! - it is listed with a person ("Ada Brandt, Lars Eriksen and Tomas Lind"):
//!   a neighbour in the list, joined by a comma, "and" or "or", has evidence
//!   or opens with a known given name.
//!
//! The people stage asks for this evidence, somewhere in the corpus, before
//! it lets a name that does not look like a person's (no known given name,
//! or a common word at its end: "Loch Lomond", "Gordon Lake") be a person.

use crate::nlp::layer::{Found, MentionKind, Quote, RoleMention, Sentence};
use crate::nlp::names;
use crate::nlp::tokens::Token;
use std::collections::BTreeSet;

/// The resolved full names of the article with person evidence, sorted.
pub(super) fn evidenced(
    sents: &[Sentence],
    found: &[Found],
    roles: &[RoleMention],
    quotes: &[Quote],
) -> Vec<String> {
    let mut out: BTreeSet<String> = BTreeSet::new();
    out.extend(roles.iter().map(|r| r.name.clone()));
    out.extend(quotes.iter().map(|q| q.speaker.clone()));
    for (i, f) in found.iter().enumerate() {
        if out.contains(&f.name) {
            continue;
        }
        let t = &sents[f.sent].tokens;
        let cued = f.kind == MentionKind::Partial
            || honorific_before(t, f.tokens.start)
            || person_noun_before(t, f.tokens.start)
            || age_after(t, f.tokens.end)
            || personal_pronoun_next(sents, found, i);
        if cued {
            out.insert(f.name.clone());
        }
    }
    listed_with_people(sents, found, &mut out);
    out.into_iter().collect()
}

/// Spreads evidence along lists of names, until nothing changes.
fn listed_with_people(sents: &[Sentence], found: &[Found], out: &mut BTreeSet<String>) {
    let person = |f: &Found, out: &BTreeSet<String>| {
        out.contains(&f.name) || names::looks_like_a_person(&f.key)
    };
    loop {
        let mut grew = false;
        for (a, b) in found.iter().zip(found.iter().skip(1)) {
            if a.sent != b.sent || !joined(&sents[a.sent].tokens, a.tokens.end, b.tokens.start) {
                continue;
            }
            for (x, y) in [(a, b), (b, a)] {
                if !out.contains(&x.name) && person(y, out) {
                    out.insert(x.name.clone());
                    grew = true;
                }
            }
        }
        if !grew {
            return;
        }
    }
}

/// Only a list separator between two names: ",", "and", "or", ", and",
/// after an optional bracket ("Lind (Oslo), Brandt (Bergen)").
fn joined(t: &[Token], end: usize, start: usize) -> bool {
    let mut between: Vec<&str> = t[end.min(start)..start].iter().map(|w| w.text).collect();
    if between.first() == Some(&"(") {
        match between.iter().position(|w| *w == ")") {
            Some(close) if close <= 4 => {
                between.drain(..=close);
            }
            _ => return false,
        }
    }
    matches!(
        between.as_slice(),
        [","] | ["and"] | ["or"] | ["&"] | [",", "and"] | [",", "or"]
    )
}

fn honorific_before(t: &[Token], start: usize) -> bool {
    start >= 1
        && matches!(
            t[start - 1].text.trim_end_matches('.'),
            "Mr" | "Mrs" | "Ms" | "Miss" | "Dr" | "Sir" | "Dame" | "Lord" | "Lady"
        )
}

/// "actor X", "striker X", "his wife X", "starring X", "third-seeded X".
fn person_noun_before(t: &[Token], start: usize) -> bool {
    let Some(prev) = start.checked_sub(1).map(|i| t[i].text) else {
        return false;
    };
    let ranked = ["-seeded", "-ranked", "-old"]
        .iter()
        .any(|s| prev.ends_with(s));
    ranked
        || matches!(
            prev,
            "actor"
                | "actress"
                | "singer"
                | "rapper"
                | "star"
                | "comedian"
                | "presenter"
                | "musician"
                | "guitarist"
                | "drummer"
                | "composer"
                | "novelist"
                | "writer"
                | "author"
                | "poet"
                | "artist"
                | "designer"
                | "model"
                | "dancer"
                | "player"
                | "striker"
                | "midfielder"
                | "defender"
                | "goalkeeper"
                | "winger"
                | "forward"
                | "boxer"
                | "golfer"
                | "jockey"
                | "sprinter"
                | "athlete"
                | "wife"
                | "husband"
                | "son"
                | "daughter"
                | "father"
                | "mother"
                | "brother"
                | "sister"
                | "widow"
                | "girlfriend"
                | "boyfriend"
                | "starring"
                | "featuring"
        )
}

/// "X, 32," or "X (32)": a person's age in apposition.
fn age_after(t: &[Token], end: usize) -> bool {
    let at = |i: usize| t.get(i).map(|w| w.text);
    let age = |i: usize| {
        at(i).is_some_and(|w| {
            (1..=3).contains(&w.len())
                && w.bytes().all(|b| b.is_ascii_digit())
                && w.parse::<u32>().is_ok_and(|n| (1..=110).contains(&n))
        })
    };
    matches!(
        (at(end), at(end + 2)),
        (Some(","), Some(",")) | (Some("("), Some(")"))
    ) && age(end + 1)
}

/// What a pronoun says about its antecedent.
#[derive(PartialEq)]
enum Pronoun {
    Person,
    Thing,
}

fn pronoun(word: &str) -> Option<Pronoun> {
    match word.to_lowercase().as_str() {
        "he" | "she" | "him" | "his" | "her" | "himself" | "herself" => Some(Pronoun::Person),
        "it" | "its" | "itself" | "they" | "them" | "their" => Some(Pronoun::Thing),
        _ => None,
    }
}

/// The first pronoun after mention `i`, in the rest of its sentence and the
/// next sentence of the same paragraph, before any other name, is personal.
fn personal_pronoun_next(sents: &[Sentence], found: &[Found], i: usize) -> bool {
    let f = &found[i];
    let next = f.sent + 1;
    let same_para = sents
        .get(next)
        .is_some_and(|s| s.paragraph == sents[f.sent].paragraph);
    let spans = std::iter::once((f.sent, f.tokens.end)).chain(same_para.then_some((next, 0)));
    for (s, from) in spans {
        let tokens = &sents[s].tokens;
        for (k, tok) in tokens.iter().enumerate().skip(from) {
            let other_name = found
                .iter()
                .any(|g| g.sent == s && g.tokens.start == k && g.name != f.name);
            if other_name {
                return false;
            }
            if let Some(p) = pronoun(tok.text) {
                return p == Pronoun::Person;
            }
        }
    }
    false
}
