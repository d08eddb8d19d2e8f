//! Cleaning a recognised span into a person's name: titles, nationality
//! words and possessives are stripped; organisations, places, acronyms and
//! headline fragments are rejected. The word lists are small and generic
//! (kinds of words), not lists of people.

use super::kinds::{
    is_adjectival_compound, is_connective, is_demonym, is_foreign_org_word, is_function_word,
    is_leading_noise, is_org_word, is_place,
};
use super::{is_particle, normalise};
use crate::nlp::roles;
use crate::nlp::tokens::Token;
use std::ops::Range;

/// A sentence-opening word that news text usually writes in lower case and
/// that is not a known given name: capitalised by position ("Winger Lind
/// dropped the ball" → "Lind").
fn positional_capital(tokens: &[Token], i: usize) -> bool {
    let opens = i == 0
        || matches!(
            tokens[i - 1].text,
            "\"" | "“" | "‘" | "'" | ":" | "(" | "-" | "—"
        );
    opens
        && super::is_common_word(tokens[i].text)
        && !crate::nlp::ner::is_given_name(tokens[i].text)
}

/// Every word of a two-or-more-word name is a common lower-case word and
/// the first is not a known given name: a thing named in title case
/// ("Crops Bulletin", "Main Pass", "Sugar Rush"), not a person.
fn common_words_only(words: &[Token]) -> bool {
    words.len() >= 2
        && words.iter().all(|t| super::is_common_word(t.text))
        && !crate::nlp::ner::is_given_name(words[0].text)
}

fn is_suffix(text: &str) -> bool {
    matches!(
        text,
        "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV" | "'s" | "’s" | "'" | "’"
    )
}

/// Whether a token is shaped like a word of a name: capitalised letters
/// (hyphen, apostrophe allowed), an initial ("J."), or a lowercase particle.
fn is_name_shaped(text: &str) -> bool {
    if is_particle(text) {
        return true;
    }
    if is_adjectival_compound(text) {
        return false;
    }
    if let Some((particle, rest)) = text.split_once('-') {
        if is_particle(particle) && starts_with_upper(rest) {
            return is_name_shaped(rest); // "al-Nasser", "bin-Khalid"
        }
    }
    let body = text.strip_suffix('.').unwrap_or(text);
    let mut chars = body.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let letters = body.chars().filter(|c| c.is_alphabetic()).count();
    if text.ends_with('.') && letters != 1 {
        return false; // "U.S." is not an initial
    }
    let all_caps = letters >= 2
        && body
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    !all_caps
        && body
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

fn starts_with_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a token can start or continue a capitalised name: "Ada",
/// "U.S.", or a glued particle "al-Nasser".
pub fn starts_name(text: &str) -> bool {
    starts_with_upper(text)
        || text
            .split_once('-')
            .is_some_and(|(p, rest)| is_particle(p) && starts_with_upper(rest))
}

/// A token that cannot be inside a name: everything left of it in a span is a
/// title, organisation or punctuation ("Palace Spokesman | Tomas Lind").
fn is_cut(text: &str) -> bool {
    let lower = text.to_lowercase();
    let last_part = lower.rsplit('-').next().unwrap_or(&lower);
    roles::is_title_word(last_part) && !roles::is_ambiguous_title(last_part)
        || is_org_word(&lower)
        || !is_name_shaped(text) && !is_leading_noise(&lower)
}

/// Cleans a candidate span (token indices into one sentence) into the span
/// of a person's name, or `None` when it is not a person: titles, nationality
/// words and possessives are stripped ("President Brandt" → "Brandt",
/// "Brandt's" → "Brandt"); organisations, places, acronyms and headline
/// fragments are rejected. A name continued by particles ("Khalid" + "bin
/// Nasser") is extended.
pub fn clean_span(tokens: &[Token], span: Range<usize>) -> Option<Range<usize>> {
    let (mut s, mut e) = (span.start, span.end.min(tokens.len()));
    // Extend over "bin Nasser", "al Nasser", "Al Thani".
    while e + 1 < tokens.len()
        && is_particle(tokens[e].text)
        && is_name_shaped(tokens[e + 1].text)
        && !is_particle(tokens[e + 1].text)
    {
        e += 2;
        while e < tokens.len()
            && is_name_shaped(tokens[e].text)
            && !is_cut(tokens[e].text)
            && !is_particle(tokens[e].text)
        {
            e += 1;
        }
    }
    while e > s && is_suffix(tokens[e - 1].text) {
        e -= 1;
    }
    // "Banque Ada Brandt": a foreign firm word opening the span makes it the
    // firm's; inside it, it only cuts it like other organisation words
    // ("Reuters Ada Brandt", "Credito Lind analyst Ada Brandt").
    if s < e && is_foreign_org_word(tokens[s].text) {
        return None;
    }
    if let Some(k) = (s..e).rev().find(|&k| is_cut(tokens[k].text)) {
        s = k + 1;
    }
    // "Speaking in Harrogate Mr Ada Brandt": an honorific inside the span
    // starts the name; the capitalised words before it are not part of it.
    if let Some(k) = (s + 1..e.saturating_sub(1)).rfind(|&k| roles::is_honorific(tokens[k].text)) {
        s = k;
    }
    if is_place(normalise(&text_of(&tokens[s..e])).as_str()) {
        return None;
    }
    while s < e
        && (is_leading_noise(&tokens[s].text.to_lowercase())
            || roles::is_title_word(&tokens[s].text.to_lowercase())
            || is_particle(tokens[s].text))
    {
        s += 1;
    }
    // "Chief of Staff Howard Baker", "Governor of Texas Ann Richards": the
    // word after a title's "of" completes the title, not the name.
    let title_of = s >= 2
        && s > span.start + 1
        && tokens[s - 1].text == "of"
        && roles::is_title_word(&tokens[s - 2].text.to_lowercase());
    if title_of && e - s >= 3 {
        s += 1;
    }
    // "Malcolm X. Besides Dee": a period after an initial that the sentence
    // splitter took for an abbreviation, before a connective, ends the name.
    if let Some(k) = (s + 1..e).find(|&k| sentence_after_initial(tokens, k)) {
        e = k;
    }
    // "Coach Ada Brandt Saturday": a trailing weekday ends the name.
    while e > s + 1 && (is_particle(tokens[e - 1].text) || is_weekday(tokens[e - 1].text)) {
        e -= 1;
    }
    if e > s + 1 && positional_capital(tokens, s) {
        s += 1;
    }
    valid_name(&tokens[s..e]).then_some(s..e)
}

/// Token `k` opens a sentence after an initial: the token before is one
/// capital letter and a period, and `k` is a connective or function word.
fn sentence_after_initial(tokens: &[Token], k: usize) -> bool {
    let prev = tokens[k - 1].text;
    let initial = prev.len() == 2 && prev.ends_with('.') && prev.starts_with(char::is_uppercase);
    let lower = tokens[k].text.to_lowercase();
    initial && (is_connective(&lower) || is_function_word(&lower))
}

fn is_weekday(text: &str) -> bool {
    matches!(
        text,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

fn text_of(words: &[Token]) -> String {
    words.iter().map(|t| t.text).collect::<Vec<_>>().join(" ")
}

fn valid_name(words: &[Token]) -> bool {
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    let lower: Vec<String> = words.iter().map(|t| t.text.to_lowercase()).collect();
    let key = normalise(&text_of(words));
    words.iter().all(|t| is_name_shaped(t.text))
        && lower
            .iter()
            .flat_map(|w| w.split('-'))
            .all(|w| !is_function_word(w) && !is_org_word(w))
        && words
            .iter()
            .any(|t| t.text.trim_end_matches('.').chars().count() >= 2)
        && !lower.iter().all(|w| is_demonym(w))
        && !is_place(key.as_str())
        && !common_words_only(words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::tokens::tokenize;

    fn clean(s: &str) -> Option<String> {
        let t = tokenize(s);
        clean_span(&t, 0..t.len())
            .map(|r| t[r].iter().map(|x| x.text).collect::<Vec<_>>().join(" "))
    }

    #[test]
    fn strips_titles_possessives_and_nationalities() {
        assert_eq!(clean("President Halvorsen").as_deref(), Some("Halvorsen"));
        assert_eq!(clean("Halvorsen's").as_deref(), Some("Halvorsen"));
        assert_eq!(
            clean("Norwegian Trade Minister Ingrid Halvorsen").as_deref(),
            Some("Ingrid Halvorsen")
        );
        assert_eq!(
            clean("Then-Governor Ada Brandt").as_deref(),
            Some("Ada Brandt")
        );
        assert_eq!(clean("Mr. Brandt").as_deref(), Some("Brandt"));
        assert_eq!(
            clean("Acme Holdings CEO Tomas Lind").as_deref(),
            Some("Tomas Lind")
        );
        assert_eq!(
            clean("Chief of Staff Tomas Lind").as_deref(),
            Some("Tomas Lind")
        );
        assert_eq!(clean("Secretary of Lind").as_deref(), Some("Lind"));
    }

    #[test]
    fn an_honorific_inside_a_span_starts_the_name() {
        assert_eq!(clean("Grimsworth Mr Tobin").as_deref(), Some("Tobin"));
        assert_eq!(
            clean("Eastbay Dr Ada Brandt").as_deref(),
            Some("Ada Brandt")
        );
        assert_eq!(clean("Mrs Ada Brandt").as_deref(), Some("Ada Brandt"));
    }

    #[test]
    fn a_sentence_missed_after_an_initial_ends_the_name() {
        assert_eq!(clean("Tomas K. Besides Lind").as_deref(), Some("Tomas K."));
        assert_eq!(clean("Tomas K. Lind").as_deref(), Some("Tomas K. Lind"));
    }

    #[test]
    fn connectives_never_start_a_name() {
        assert_eq!(clean("Meanwhile Tomas Lind").as_deref(), Some("Tomas Lind"));
        assert_eq!(clean("However Brandt").as_deref(), Some("Brandt"));
    }

    #[test]
    fn rejects_places_organisations_and_fragments() {
        for s in [
            "Getty Images",
            "Saudi Arabia",
            "Borvia Envoy",
            "Foreign Ministry",
            "Lake Palace",
            "NORTHVILLE",
            "Will Not",
            "White House",
            "Cold War",
            "March-June",
            "Halvard Bros",
            "Banque Halvard Lind",
            "Grupo Halvard",
            "Société Halvard Lind",
        ] {
            assert_eq!(clean(s), None, "{s}");
        }
        // Inside a span, a foreign firm word only cuts it.
        assert_eq!(
            clean("Lind Banco Halvard Brandt").as_deref(),
            Some("Halvard Brandt")
        );
    }

    #[test]
    fn modifiers_made_of_names_and_things_in_title_case_are_not_names() {
        assert_eq!(
            clean("Bracknell-based Halvorsen").as_deref(),
            Some("Halvorsen")
        );
        assert_eq!(clean("Ingrid Halvorsen-style"), None);
        assert_eq!(clean("Gen Tomas Lind").as_deref(), Some("Tomas Lind"));
        assert_eq!(clean("Tomas Lind Saturday").as_deref(), Some("Tomas Lind"));
        // Every word a common lower-case word: a thing, not a person.
        assert_eq!(clean("Weekly Crops Bulletin"), None);
        // A known given name that is also a common word keeps the name.
        assert_eq!(clean("Bill Cash").as_deref(), Some("Bill Cash"));
    }

    #[test]
    fn a_sentence_opening_common_word_is_not_a_name_word() {
        let t = tokenize("Winger Halvorsen dropped the ball.");
        let r = clean_span(&t, 0..2).unwrap();
        assert_eq!(t[r.clone()][0].text, "Halvorsen");
        assert_eq!(r.len(), 1);
    }

    #[test]
    fn glued_particles_are_name_words() {
        assert_eq!(
            clean("Khalid al-Nasser").as_deref(),
            Some("Khalid al-Nasser")
        );
        assert!(starts_name("al-Nasser") && starts_name("Ada") && !starts_name("al-qaeda"));
    }

    #[test]
    fn extends_over_particles() {
        let t = tokenize("Minister Khalid bin Nasser Al Thani (R) spoke");
        let r = clean_span(&t, 0..2).unwrap();
        assert_eq!(
            t[r].iter().map(|x| x.text).collect::<Vec<_>>().join(" "),
            "Khalid bin Nasser Al Thani"
        );
    }
}
