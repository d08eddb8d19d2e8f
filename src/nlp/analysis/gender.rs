//! Grammatical gender as an article states it around a name: an honorific
//! right before it ("Mr", "Mrs", "Ms", "Miss", "Sir", "Dame", …) or the
//! next subject or possessive pronoun after it ("… Tomas Brandt. He …").
//! Used so that "Mrs Brandt" (his wife) is not attached to a Tomas Brandt
//! whom the article calls "Mr Brandt" or "he", and "Mr Lind" not to an Ada
//! Lind whom it calls "she".

use crate::nlp::layer::{Found, Sentence};
use crate::nlp::names::NameKey;
use crate::nlp::tokens::Token;
use std::collections::HashMap;

/// The gender an honorific or a pronoun states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
}

/// The gender of an honorific ("Mr.", "Mrs", "Lady"), any case, a final
/// period ignored; `None` for a word that states none ("Dr", "Prof").
fn of_honorific(word: &str) -> Option<Gender> {
    match word.trim_end_matches('.').to_lowercase().as_str() {
        "mr" | "sir" | "lord" | "monsieur" | "herr" | "senor" | "señor" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "mme" | "madame" | "madam" | "dame" | "lady" | "frau"
        | "senora" | "señora" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender of a subject or reflexive pronoun. Object and possessive
/// pronouns are left out: after a name they are as often someone else's
/// ("Brandt thanked her", "Ada Brandt, his sister").
fn of_pronoun(word: &str) -> Option<Gender> {
    match word.to_lowercase().as_str() {
        "he" | "himself" => Some(Gender::Male),
        "she" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender the honorific right before a name (starting at token
/// `start` of `tokens`) states.
pub(super) fn before(tokens: &[Token], start: usize) -> Option<Gender> {
    start
        .checked_sub(1)
        .and_then(|i| of_honorific(tokens[i].text))
}

/// The gender of the first gendered pronoun after name `f`: in the rest of
/// its sentence, then in the next one, up to the next name found (a pronoun
/// after another name is that name's). The next sentence counts only when
/// `f` is the one name of its own ("X met Y. He …" may be either).
fn pronoun_after(sents: &[Sentence], found: &[Found], i: usize) -> Option<Gender> {
    let f = &found[i];
    let next = found.get(i + 1);
    let alone = i.checked_sub(1).is_none_or(|p| found[p].sent != f.sent)
        && next.is_none_or(|n| n.sent != f.sent);
    let reach = if alone { 2 } else { 1 };
    for (s, from) in [(f.sent, f.tokens.end), (f.sent + 1, 0)]
        .into_iter()
        .take(reach)
    {
        let tokens = &sents.get(s)?.tokens;
        let until = next
            .filter(|n| n.sent == s)
            .map_or(tokens.len(), |n| n.tokens.start);
        if let Some(g) = tokens
            .get(from..until.max(from))
            .into_iter()
            .flatten()
            .find_map(|t| of_pronoun(t.text))
        {
            return Some(g);
        }
        if next.is_some_and(|n| n.sent == s) {
            return None;
        }
    }
    None
}

/// Per full name (key) of the article, the gender its own mentions state:
/// the majority of the honorifics before them and the pronouns after
/// them; no entry on a tie or with no cue. `found` is in text order.
pub(super) fn of_full_names(
    sents: &[Sentence],
    found: &[Found],
    is_full: &[bool],
) -> HashMap<NameKey, Gender> {
    let mut votes: HashMap<&NameKey, (u32, u32)> = HashMap::new();
    for (i, f) in found.iter().enumerate().filter(|(i, _)| is_full[*i]) {
        let honorific = sents
            .get(f.sent)
            .and_then(|s| before(&s.tokens, f.tokens.start));
        for g in [honorific, pronoun_after(sents, found, i)]
            .into_iter()
            .flatten()
        {
            let v = votes.entry(&f.key).or_default();
            match g {
                Gender::Male => v.0 += 1,
                Gender::Female => v.1 += 1,
            }
        }
    }
    votes
        .into_iter()
        .filter(|(_, (m, w))| m != w)
        .map(|(k, (m, w))| (k.clone(), if m > w { Gender::Male } else { Gender::Female }))
        .collect()
}
