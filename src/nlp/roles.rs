//! Roles and titles as the articles state them: before a name ("U.K.
//! Secretary of State Ada Brandt", "senior Borvian aide Tomas Lind") or in
//! apposition after it ("Tomas Lind, head of Borvia's grain fund,", "X, the
//! Y of Z,").
//!
//! The functions work on one sentence's tokens and return token ranges; the
//! caller turns a range into the text as written (so the wording, curly
//! apostrophes included, is kept).

use crate::nlp::tokens::Token;
use std::ops::Range;

mod words;
pub use words::{is_ambiguous_title, is_head_noun, is_honorific, is_title_word};
use words::{
    is_auxiliary, is_first_or_second_person, is_modifier, is_opening_preposition, is_preposition,
    is_sentence_adverb,
};

fn lower(t: &Token) -> String {
    t.text.to_lowercase()
}

fn is_head(t: &Token) -> bool {
    let l = lower(t);
    is_head_noun(l.rsplit('-').next().unwrap_or(&l))
}

fn capitalised(t: &Token) -> bool {
    t.text.chars().next().is_some_and(char::is_uppercase)
}

fn is_possessive(t: &Token) -> bool {
    matches!(t.text, "'s" | "’s" | "'" | "’")
}

/// A token that may belong to a title phrase read right to left.
fn is_phrase_token(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let l = lower(t);
    if is_possessive(t) {
        return i > 0 && capitalised(&tokens[i - 1]);
    }
    if l == "of" {
        return true;
    }
    if l == "the" {
        return i > 0 && lower(&tokens[i - 1]) == "of";
    }
    if capitalised(t) {
        return !(i == 0 && is_sentence_adverb(&l)) && t.text.chars().any(char::is_alphabetic);
    }
    is_title_word(l.rsplit('-').next().unwrap_or(&l))
}

/// Whether `tokens[from..]` is an "of …" complement of a title head.
fn is_complement(tokens: &[Token], from: usize, end: usize) -> bool {
    // "over the head of Mr X": the name's own honorific ends the phrase, so
    // "of Mr" is no organisation and "head" no title of X.
    let honorific_last = end > from && is_honorific(tokens[end - 1].text);
    from == end
        || (lower(&tokens[from]) == "of"
            && !honorific_last
            && from + 1 < end
            && tokens[from + 1..end].iter().all(|t| {
                let l = lower(t);
                capitalised(t) || l == "the" || is_modifier(&l) || is_possessive(t)
            }))
}

/// The title right before a name starting at token `name_start`, as a token
/// range: "U.K. Secretary of State", "senior Borvian aide", "Brandt's trade
/// adviser" (also before a comma: "…adviser, Tomas Lind"), "head of the
/// Borvian Grain Fund (BGF)". Leading articles are left out.
pub fn title_before(tokens: &[Token], name_start: usize) -> Option<Range<usize>> {
    let mut end = name_start;
    if end >= 3 && tokens[end - 1].text == ")" && tokens[end - 3].text == "(" {
        end -= 3; // an acronym in brackets: keep it out of the title
    }
    let comma = end >= 2 && tokens[end - 1].text == "," && is_head(&tokens[end - 2]);
    if comma {
        end -= 1;
    }
    let mut k = end;
    while k > 0 && end - k < 12 && is_phrase_token(tokens, k - 1) {
        // "the envoy President X chose": a lowercase head before a
        // capitalised title word belongs to the sentence, not the title.
        let lower_head = !capitalised(&tokens[k - 1]) && is_head(&tokens[k - 1]);
        if lower_head && k < end && capitalised(&tokens[k]) && is_title_word(&lower(&tokens[k])) {
            break;
        }
        k -= 1;
    }
    let head = (k..end)
        .rev()
        .find(|&h| is_head(&tokens[h]) && is_complement(tokens, h + 1, end))?;
    let mut start = k;
    while start < head
        && (matches!(lower(&tokens[start]).as_str(), "of" | "the" | "a" | "an")
            || is_date_word(tokens, start))
    {
        start += 1;
    }
    if comma && owned_as(tokens, start) {
        return None;
    }
    Some(start..end)
}

/// A month or weekday that opens a title phrase ("On Tuesday Chancellor X",
/// "in March Finance Minister Y") dates the sentence; it is no part of the
/// title. Before a possessive it may be someone's name ("May's aide").
fn is_date_word(tokens: &[Token], i: usize) -> bool {
    let word = tokens[i].text;
    let dated = crate::date::WEEKDAYS.contains(&word) || crate::date::MONTHS.contains(&word);
    dated && !tokens.get(i + 1).is_some_and(is_possessive)
}

/// "… his second term as US President, X said": a title after "as" that
/// completes somebody's possessed noun ("his term", "Y's time") is that
/// somebody's role, not the role of the name after the comma, which opens
/// a new clause. ("As president, X signed" has no possessor: X's role.)
fn owned_as(tokens: &[Token], title_start: usize) -> bool {
    if title_start == 0 || lower(&tokens[title_start - 1]) != "as" {
        return false;
    }
    let from = title_start.saturating_sub(6);
    tokens[from..title_start - 1]
        .iter()
        .any(|t| matches!(lower(t).as_str(), "his" | "her" | "their" | "its") || is_possessive(t))
}

/// The apposition after a name ending at token `name_end`: ", head of X,",
/// ", Brandt's trade envoy,", ", the Y of Z,". `is_name(i)` tells whether
/// token `i` is part of a recognised name: a phrase that starts with a name
/// (not a possessive one) is a list of names, not an apposition. Leading
/// articles are left out of the returned range.
pub fn apposition_after(
    tokens: &[Token],
    name_end: usize,
    is_name: impl Fn(usize) -> bool,
) -> Option<Range<usize>> {
    if tokens.get(name_end)?.text != "," {
        return None;
    }
    let start = name_end + 1;
    let mut k = start;
    while k < tokens.len() && k - start < 14 && !is_boundary(&tokens[k]) {
        if crate::nlp::speech::is_speech_verb(&lower(&tokens[k])) {
            return None;
        }
        k += 1;
    }
    // "X, Y and Z": a list of names, not an apposition ("X, Y's envoy," is one).
    let mut n = start;
    while n < k && is_name(n) {
        n += 1;
    }
    if n > start && !tokens.get(n).is_some_and(is_possessive) {
        return None;
    }
    let closed = k == tokens.len() || matches!(tokens[k].text, "," | ")" | "." | ";");
    if !closed || k == start || k - start >= 14 {
        return None;
    }
    let first = lower(&tokens[start]);
    if matches!(
        first.as_str(),
        "who"
            | "which"
            | "that"
            | "whose"
            | "where"
            | "when"
            | "while"
            | "and"
            | "but"
            | "or"
            | "also"
            | "he"
            | "she"
            | "they"
            | "it"
    ) || is_opening_preposition(&first)
        || is_first_or_second_person(&first)
        || (start..k).any(|i| is_auxiliary(&lower(&tokens[i])))
    {
        return None;
    }
    let the = first == "the";
    let s = if matches!(first.as_str(), "the" | "a" | "an") {
        start + 1
    } else {
        start
    };
    // A head noun inside someone else's name ("BB King") heads no title.
    let has_head = (s..k).any(|h| {
        is_head(&tokens[h]) && !is_name(h) && (h + 1 == k || is_preposition(&lower(&tokens[h + 1])))
    });
    // "the Y of Z": the "of" right after a short noun ("the pride of …"),
    // and no one else's name in it ("the return of Van Nistelrooy").
    let the_y_of_z =
        the && (s..k.min(s + 3)).any(|i| lower(&tokens[i]) == "of") && !(s..k).any(&is_name);
    (s < k && (has_head || the_y_of_z)).then_some(s..k)
}

/// A title as written, with its whitespace collapsed and a word the text
/// repeats right after itself written once ("chairman chairman", "British
/// British Casino Association": a typing slip, not two roles).
pub fn tidy_title(text: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    for w in text.split_whitespace() {
        if !words.last().is_some_and(|l| l.eq_ignore_ascii_case(w)) {
            words.push(w);
        }
    }
    words.join(" ")
}

fn is_boundary(t: &Token) -> bool {
    matches!(
        t.text,
        "," | ";" | ":" | "(" | ")" | "“" | "”" | "\"" | "." | "?" | "!" | "—" | "–"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::tokens::tokenize;

    /// The title before the first occurrence of `name` in `s`.
    fn before(s: &str, name: &str) -> Option<String> {
        let t = tokenize(s);
        let i = t.iter().position(|x| x.text == name).unwrap();
        title_before(&t, i).map(|r| s[t[r.start].start..t[r.end - 1].end].to_string())
    }

    fn after(s: &str, name_end_word: &str) -> Option<String> {
        let t = tokenize(s);
        let i = t.iter().position(|x| x.text == name_end_word).unwrap() + 1;
        apposition_after(&t, i, |_| false)
            .map(|r| s[t[r.start].start..t[r.end - 1].end].to_string())
    }

    #[test]
    fn a_repeated_word_is_written_once() {
        assert_eq!(
            tidy_title("Borvian  Grain Board chairman Chairman"),
            "Borvian Grain Board chairman"
        );
        assert_eq!(
            tidy_title("Eastbay Eastbay Port  Authority"),
            "Eastbay Port Authority"
        );
        assert_eq!(tidy_title("head of state"), "head of state");
    }

    #[test]
    fn a_date_word_never_starts_a_title() {
        assert_eq!(
            before("On Tuesday Trade Minister Ada Brandt said.", "Ada").as_deref(),
            Some("Trade Minister")
        );
        assert_eq!(
            before("In March Borvian envoy Tomas Lind left.", "Tomas").as_deref(),
            Some("Borvian envoy")
        );
    }

    #[test]
    fn titles_before_names() {
        assert_eq!(
            before("It was led by U.K. Secretary of State Ada Brandt.", "Ada").as_deref(),
            Some("U.K. Secretary of State")
        );
        assert_eq!(
            before("Norwegian Trade Minister Ingrid Halvorsen said.", "Ingrid").as_deref(),
            Some("Norwegian Trade Minister")
        );
        assert_eq!(
            before("They met senior Borvian aide Tomas Lind.", "Tomas").as_deref(),
            Some("senior Borvian aide")
        );
        assert_eq!(
            before(
                "Also there was Brandt's foreign policy adviser, Tomas Lind, today.",
                "Tomas"
            )
            .as_deref(),
            Some("Brandt's foreign policy adviser")
        );
        assert_eq!(
            before(
                "They met the head of the Borvian Grain Fund (BGF) Tomas Lind.",
                "Tomas"
            )
            .as_deref(),
            Some("head of the Borvian Grain Fund")
        );
        assert_eq!(
            before("Then-Governor Ada Brandt left.", "Ada").as_deref(),
            Some("Then-Governor")
        );
        assert_eq!(
            before("It was former US secretary of state Ada Brandt.", "Ada").as_deref(),
            Some("former US secretary of state")
        );
    }

    #[test]
    fn a_title_completing_someone_elses_noun_is_theirs() {
        // The term is the possessor's, so the role is too.
        assert_eq!(
            before(
                "Borvia wants a deal during his second term as Borvian President, Tomas Lind has said.",
                "Tomas"
            ),
            None
        );
        assert_eq!(
            before(
                "In Brandt's years as trade adviser, Tomas Lind said nothing.",
                "Tomas"
            ),
            None
        );
        // "head of Mr X" is no title: the honorific is X's own.
        assert_eq!(
            before("It was pushed through over the head of Mr Lind.", "Lind"),
            None
        );
        // With no possessor the role is the named person's own.
        assert_eq!(
            before("As trade adviser, Tomas Lind signed it.", "Tomas").as_deref(),
            Some("trade adviser")
        );
    }

    #[test]
    fn no_title_without_a_head_noun() {
        assert_eq!(
            before("She met his Borvian counterpart Tomas Lind.", "Tomas"),
            None
        );
        assert_eq!(before("Borvia's Tomas Lind spoke.", "Tomas"), None);
        assert_eq!(before("Earlier Tomas Lind spoke.", "Tomas"), None);
        assert_eq!(
            before("It was the envoy Governor Brandt chose.", "Brandt").as_deref(),
            Some("Governor")
        );
    }

    #[test]
    fn appositions_after_names() {
        assert_eq!(
            after("Tomas Lind, head of Borvia’s grain fund, said so.", "Lind").as_deref(),
            Some("head of Borvia’s grain fund")
        );
        assert_eq!(
            after("Tomas Lind, Brandt's trade envoy, said so.", "Lind").as_deref(),
            Some("Brandt's trade envoy")
        );
        assert_eq!(
            after(
                "They met Tomas Lind, a trade adviser to Brandt, on Monday.",
                "Lind"
            )
            .as_deref(),
            Some("trade adviser to Brandt")
        );
        assert_eq!(
            after(
                "Tomas Lind, the pride of the northern valleys, waved.",
                "Lind"
            )
            .as_deref(),
            Some("pride of the northern valleys")
        );
    }

    #[test]
    fn not_appositions() {
        assert_eq!(
            after("Tomas Lind, who leads the fund, said so.", "Lind"),
            None
        );
        assert_eq!(after("Tomas Lind, a keen sailor, said so.", "Lind"), None);
        assert_eq!(after("Tomas Lind, she said, is an adviser.", "Lind"), None);
        assert_eq!(
            after("Tomas Lind, alongside the fund's chairman, spoke.", "Lind"),
            None
        );
        assert_eq!(
            after(
                "Tomas Lind, will open at the Palace of Oslo, it said.",
                "Lind"
            ),
            None
        );
        assert_eq!(
            after(
                "Tomas Lind, the answer comes out of the lab, spoke.",
                "Lind"
            ),
            None
        );
    }
}
