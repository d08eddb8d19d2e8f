//! Quotations that run across lines. In text written one sentence per
//! line (ECB+), a quotation of several sentences opens on one line and
//! closes a line or two later, its attribution often after the closing
//! mark (`“A. ⏎ B, ” X said.`). Such a run of lines is read as one
//! paragraph, so every attribution pattern sees the whole quotation.
//!
//! A run is bounded: at most [`MAX_LINES`] lines, each after the first
//! opening with a word (not a mark: `⏎“B.”` is the newswire way of
//! continuing a quotation in a new paragraph, read elsewhere), the last
//! one's first mark a closing one. A stray mark that nothing closes within
//! the bound joins nothing.

use super::quote_spans;
use crate::nlp::layer::Sentence;
use std::ops::Range;

/// The most lines one quotation is read across.
const MAX_LINES: usize = 4;

/// What a line that follows an open quotation does with it.
#[derive(Debug, PartialEq, Eq)]
enum Goes {
    /// No mark: the quotation runs through the whole line.
    Through,
    /// Its first mark closes the quotation; the rest is read as usual.
    Closes,
    /// Not a continuation (it opens with a mark, or opens a new quotation).
    Stops,
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”')
}

/// Whether a line ends inside a quotation it or (when `inside`) an
/// earlier line opened.
fn open_at_end(text: &str, inside: bool) -> bool {
    let rest = if inside {
        match text.char_indices().find(|&(_, c)| is_mark(c)) {
            Some((i, c)) => &text[i + c.len_utf8()..],
            None => return true,
        }
    } else {
        text
    };
    // Only an unclosed quotation's content runs to the end of the text.
    quote_spans(rest)
        .last()
        .is_some_and(|q| q.content.end == rest.len())
}

/// How line `text` goes on with a quotation left open before it.
fn goes(text: &str) -> Goes {
    let t = text.trim_start();
    if t.is_empty() || t.starts_with(is_mark) {
        return Goes::Stops;
    }
    let mut marks = t.chars().filter(|&c| is_mark(c));
    match marks.next() {
        None => Goes::Through,
        Some('”') => Goes::Closes,
        // A straight mark closes when the line's marks cannot all pair up.
        Some('"') if t.chars().filter(|&c| is_mark(c)).count() % 2 == 1 => Goes::Closes,
        _ => Goes::Stops,
    }
}

/// The runs of paragraphs (two or more) that one quotation spans, in order
/// and disjoint. `caption(p)` says a paragraph is a caption (never joined).
pub(super) fn runs(texts: &[&str], caption: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut p = 0;
    let mut inside = false;
    while p < texts.len() {
        if caption(p) || !open_at_end(texts[p], inside) {
            p += 1;
            inside = false;
            continue;
        }
        let start = p;
        let mut end = None;
        let ahead = texts.iter().enumerate().skip(p + 1).take(MAX_LINES - 1);
        for (j, text) in ahead {
            if caption(j) {
                break;
            }
            match goes(text) {
                Goes::Through => {}
                Goes::Closes => {
                    end = Some(j);
                    break;
                }
                Goes::Stops => break,
            }
        }
        match end {
            Some(j) => {
                // A run closing on a line that opens the next one joins it.
                match out.last_mut() {
                    Some(r) if r.end == start + 1 => r.end = j + 1,
                    _ => out.push(start..j + 1),
                }
                p = j;
                inside = true;
            }
            None => {
                p += 1;
                inside = false;
            }
        }
    }
    out
}

/// The paragraph texts with each run joined into its first paragraph (the
/// others left empty), and the sentences moved along: a run's sentences
/// belong to its first paragraph, their tokens shifted to the joined text.
pub(super) fn join<'a>(
    texts: &[&str],
    sents: &[Sentence<'a>],
    runs: &[Range<usize>],
) -> (Vec<String>, Vec<Sentence<'a>>) {
    let mut joined: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
    // Per paragraph: (paragraph it joins, byte shift into the joined text).
    let mut moved: Vec<(usize, usize)> = (0..texts.len()).map(|p| (p, 0)).collect();
    for r in runs {
        let mut text = texts[r.start].to_string();
        for p in r.start + 1..r.end {
            text.push(' ');
            moved[p] = (r.start, text.len());
            text.push_str(texts[p]);
            joined[p].clear();
        }
        joined[r.start] = text;
    }
    let sents = sents
        .iter()
        .map(|s| {
            let (para, shift) = moved.get(s.paragraph).copied().unwrap_or((s.paragraph, 0));
            let mut tokens = s.tokens.clone();
            for t in &mut tokens {
                t.start += shift;
                t.end += shift;
            }
            Sentence {
                paragraph: para,
                tokens,
                caption: s.caption,
            }
        })
        .collect();
    (joined, sents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quotation_closing_a_line_or_two_later_joins_the_lines() {
        let texts = [
            "Title",
            "“ The pumps are running.",
            "We expect the water to fall by noon, ” Lena Vogt said.",
            "Nothing else.",
        ];
        assert_eq!(runs(&texts, |_| false), vec![1..3]);
        let straight = [
            "Tomas Lind said: \"We are ready.",
            "The first trains run on Friday.",
            "The rest follows. \" He left.",
        ];
        assert_eq!(runs(&straight, |_| false), vec![0..3]);
    }

    #[test]
    fn newswire_reopening_stray_marks_and_long_runs_join_nothing() {
        // A new paragraph reopening the quotation is the newswire style.
        let reopened = ["Lena Vogt said: “We are ready.", "“The rest follows.”"];
        assert!(runs(&reopened, |_| false).is_empty());
        // Nothing closes the stray mark within the bound.
        let stray = [
            "He called it \"a mess.",
            "One.",
            "Two.",
            "Three.",
            "Four.\"",
        ];
        assert!(runs(&stray, |_| false).is_empty());
        // A line with pairs of marks opens its own quotations.
        let pairs = ["He said \"yes.", "She said \"no\" and \"never\"."];
        assert!(runs(&pairs, |_| false).is_empty());
        // Captions are never joined.
        let caption = ["“ The pumps are running.", "We are ready, ” she said."];
        assert!(runs(&caption, |p| p == 1).is_empty());
    }

    #[test]
    fn a_line_that_closes_one_quotation_and_opens_the_next_continues_the_run() {
        let texts = [
            "“ We are ready.",
            "It works, ” Lena Vogt said. “ The rest follows.",
            "It is late, ” she added.",
        ];
        assert_eq!(runs(&texts, |_| false), vec![0..3]);
    }
}
