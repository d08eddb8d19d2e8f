//! Word-level tests the attribution patterns share: descriptors before a
//! name, honorifics, and quoted titles that are not speech.

use super::verbs::is_reporting_verb;
use crate::nlp::tokens::Token;

/// A few words that describe the person named next ("Colts defensive
/// back", "War on Want's", "40-year-old", "shadow attorney general Mr"):
/// at most four, and none a verb, conjunction or preposition that would
/// make the name an object ("criticised", "and", "by", "about").
pub(super) fn descriptor(words: &[Token]) -> bool {
    !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| {
            let l = w.text.to_lowercase();
            let plain = w.text.chars().all(|c| c.is_alphanumeric() || c == '-')
                || matches!(w.text, "'s" | "’s")
                || is_honorific(w.text)
                || abbreviated_title(w.text);
            let verbish = is_reporting_verb(&l) || (l.len() > 4 && l.ends_with("ed"));
            let function = matches!(
                l.as_str(),
                "and"
                    | "or"
                    | "but"
                    | "by"
                    | "with"
                    | "to"
                    | "for"
                    | "from"
                    | "about"
                    | "against"
                    | "of"
                    | "at"
                    | "in"
                    | "into"
                    | "over"
                    | "after"
                    | "before"
                    | "under"
                    | "between"
                    | "among"
                    | "like"
                    | "than"
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
                    | "when"
                    | "while"
                    | "if"
                    | "because"
                    | "then"
                    | "also"
                    | "said"
            );
            plain && !verbish && !function
        })
}

/// An abbreviated rank or title with its period ("Sgt.", "Gov.", "Lt."):
/// an abbreviation of two letters or more that is no month or company word.
fn abbreviated_title(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    stem.len() >= 2
        && stem.starts_with(char::is_uppercase)
        && stem.chars().all(char::is_alphabetic)
        && crate::nlp::tokens::is_abbreviation_word(stem)
        && !crate::nlp::tokens::ABBREVIATIONS.contains(&stem)
}

/// A title in quotation marks ("An American Life: One Man's Road"), not
/// speech: nearly every longer word capitalised.
pub(super) fn is_title(text: &str) -> bool {
    let long: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3)
        .collect();
    let caps = long
        .iter()
        .filter(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(char::is_uppercase)
        })
        .count();
    long.len() >= 3 && caps * 5 >= long.len() * 4
}

/// The honorifics live with the titles (`roles`), so the role and quote
/// readers agree on them.
pub(super) use crate::nlp::roles::is_honorific;
