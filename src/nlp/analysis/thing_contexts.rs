//! Mentions of a full name in a place news text keeps for things, weaker
//! than the cues of [`super::things`]: one such mention does not make the
//! name a thing in its article, but the people stage weighs them, over the
//! whole corpus, against the article's evidence of a person
//! ([`super::persons`]). A name written mostly like a thing and rarely like
//! a person is not a person, however person-like its words.
//!
//! - a lower-case determiner right before it ("the X", "a X"), unless a
//!   lower-case word follows (the name then modifies a noun: "the X era");
//! - a possessive of what only things have ("X's shares", "X's film");
//! - quotation marks round it, as a title is written ("'X'");
//! - the object of a verb of making a work ("directed X", "starring in X");
//! - "its" among the first words after it ("X said its").

use crate::nlp::layer::{Found, Sentence};
use crate::nlp::names;
use crate::nlp::tokens::Token;

/// The full names of `found` with at least one mention in a thing's
/// context, sorted, once each.
pub(super) fn thing_contexts(sents: &[Sentence], found: &[Found]) -> Vec<String> {
    let mut out: Vec<String> = found
        .iter()
        .filter(|f| names::name_words(&f.key) >= 2)
        .filter(|f| {
            let t = &sents[f.sent].tokens;
            let (start, end) = (f.tokens.start, f.tokens.end);
            determiner_before(t, start, end)
                || owns_a_thing(t, end)
                || quoted(t, start, end)
                || made_work(t, start)
                || its_after(t, end)
        })
        .map(|f| f.name.clone())
        .collect();
    out.sort();
    out.dedup();
    out
}

fn text<'a>(t: &[Token<'a>], i: usize) -> Option<&'a str> {
    t.get(i).map(|w| w.text)
}

/// "the X", "a X", "this X": a person's name takes no article, unless it
/// modifies what follows ("the X government", "the X best-seller", "the X
/// Party"). A possessive is still a thing ("the X's branch offices"), and
/// so is the name before a verb or a function word ("the X said").
fn determiner_before(t: &[Token], start: usize, end: usize) -> bool {
    let det = start
        .checked_sub(1)
        .and_then(|i| text(t, i))
        .is_some_and(|w| matches!(w, "the" | "a" | "an" | "this"));
    let modifies = text(t, end).is_some_and(|w| {
        w.chars().next().is_some_and(char::is_alphanumeric)
            && !matches!(
                w,
                "said"
                    | "says"
                    | "is"
                    | "was"
                    | "has"
                    | "had"
                    | "will"
                    | "would"
                    | "which"
                    | "that"
                    | "and"
                    | "of"
                    | "in"
                    | "to"
                    | "for"
                    | "on"
            )
    });
    det && !modifies
}

/// "X's shares", "X's film": a possessive of what a firm or a work has.
fn owns_a_thing(t: &[Token], end: usize) -> bool {
    matches!(text(t, end), Some("'s" | "’s"))
        && text(t, end + 1).is_some_and(|w| {
            matches!(
                w,
                "shares"
                    | "stock"
                    | "shareholders"
                    | "subsidiary"
                    | "subsidiaries"
                    | "unit"
                    | "units"
                    | "branch"
                    | "branches"
                    | "offices"
                    | "plant"
                    | "plants"
                    | "factory"
                    | "earnings"
                    | "revenue"
                    | "revenues"
                    | "sales"
                    | "products"
                    | "customers"
                    | "brand"
                    | "cast"
                    | "director"
                    | "soundtrack"
                    | "sequel"
                    | "lyrics"
            )
        })
}

/// Opening and closing quotation marks right round the name.
fn quoted(t: &[Token], start: usize, end: usize) -> bool {
    let open = start
        .checked_sub(1)
        .and_then(|i| text(t, i))
        .is_some_and(|w| matches!(w, "\"" | "'" | "“" | "‘"));
    let close = text(t, end).is_some_and(|w| matches!(w, "\"" | "'" | "”" | "’"));
    open && close
}

/// "directed X", "starring in X", "her role in X": X is the work.
fn made_work(t: &[Token], start: usize) -> bool {
    let at = |k: usize| start.checked_sub(k).and_then(|i| text(t, i));
    let maker = |w: Option<&str>| {
        w.is_some_and(|w| {
            matches!(
                w,
                "directed" | "directing" | "produced" | "filmed" | "released" | "screened"
            )
        })
    };
    let part = |w: Option<&str>| {
        matches!(
            w,
            Some(
                "starring" | "starred" | "stars" | "role" | "roles" | "appearance" | "performance"
            )
        )
    };
    maker(at(1)) || (at(1) == Some("in") && part(at(2)))
}

/// "X said its", "X and its": "its" within three words after the name.
fn its_after(t: &[Token], end: usize) -> bool {
    (end..end + 3).any(|i| text(t, i) == Some("its"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::layer::MentionKind;
    use crate::nlp::tokens::tokenize;

    /// The names in `names` found in `text` (one sentence), and those of
    /// them [`thing_contexts`] finds in a thing's context.
    fn cued(text: &str, names: &[&str]) -> Vec<String> {
        let tokens = tokenize(text);
        let found: Vec<Found> = names
            .iter()
            .map(|n| {
                let first = n.split(' ').next().unwrap_or_default();
                let start = tokens
                    .iter()
                    .position(|t| t.text == first)
                    .expect("in text");
                let len = n.split(' ').count();
                Found {
                    sent: 0,
                    key: names::normalise(n),
                    name: n.to_string(),
                    tokens: start..start + len,
                    kind: MentionKind::Full,
                }
            })
            .collect();
        let sents = [Sentence {
            paragraph: 0,
            tokens,
            caption: false,
        }];
        thing_contexts(&sents, &found)
    }

    #[test]
    fn thing_contexts_are_read_and_person_contexts_are_not() {
        for (text, name) in [
            (
                "Traders bought shares of the Vell Oskarsen.",
                "Vell Oskarsen",
            ),
            (
                "Critics praised the Vell Oskarsen, which opened on Friday.",
                "Vell Oskarsen",
            ),
            ("Investors sold Vell Oskarsen's shares.", "Vell Oskarsen"),
            ("She loved \"Vell Oskarsen\" as a child.", "Vell Oskarsen"),
            (
                "Ana Tiro directed Vell Oskarsen last year.",
                "Vell Oskarsen",
            ),
            ("Vell Oskarsen said its profit rose.", "Vell Oskarsen"),
        ] {
            assert_eq!(cued(text, &[name]), vec![name.to_string()], "{text}");
        }
        for (text, name) in [
            ("Vell Oskarsen said he would stay.", "Vell Oskarsen"),
            (
                "Voters backed the Vell Oskarsen government.",
                "Vell Oskarsen",
            ),
            ("He joined the Vell Oskarsen Party.", "Vell Oskarsen"),
            ("It was directed by Vell Oskarsen.", "Vell Oskarsen"),
            ("Vell Oskarsen's wife arrived.", "Vell Oskarsen"),
            ("Staff said that Vell Oskarsen had gone.", "Vell Oskarsen"),
        ] {
            assert!(cued(text, &[name]).is_empty(), "{text}");
        }
    }
}
