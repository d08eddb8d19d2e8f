//! Sentence splitting for news prose.
//!
//! A period, `?` or `!` ends a sentence when followed by whitespace and an
//! uppercase letter, digit or opening quote, unless the word before it is an
//! abbreviation ("U.S.", "Mr.", an initial).
//!
//! Bounded cost: one pass over the text, and no sentence is longer than
//! [`MAX_SENTENCE`] bytes (a longer run without a sentence end, such as a
//! pasted table or a megabyte on one line, is cut at spaces), so work done
//! per sentence by later stages cannot grow with the input.

use super::tokens::is_abbreviation_word;
use std::ops::Range;

/// Longest sentence, in bytes; longer runs are cut at whitespace.
pub const MAX_SENTENCE: usize = 2_000;

/// Texts at least this long have their split remembered (per thread, the
/// last [`MEMO_SLOTS`]): callers that want the sentence around one mention
/// split the same paragraph once per mention, which made a long paragraph
/// cost its length times its mentions. A hit costs one comparison of the
/// text, no scan.
const MEMO_MIN: usize = 8 * 1024;
const MEMO_SLOTS: usize = 4;

type Memo = Vec<(Box<str>, std::rc::Rc<[Range<usize>]>)>;

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Byte ranges of the sentences in `text`, trimmed, in order.
pub fn split(text: &str) -> Vec<Range<usize>> {
    if text.len() < MEMO_MIN {
        return scan(text);
    }
    MEMO.with(|memo| {
        if let Some((_, ranges)) = memo.borrow().iter().find(|(t, _)| **t == *text) {
            return ranges.to_vec();
        }
        let ranges = scan(text);
        let mut memo = memo.borrow_mut();
        if memo.len() == MEMO_SLOTS {
            memo.remove(0);
        }
        memo.push((text.into(), ranges.as_slice().into()));
        ranges
    })
}

/// The one pass over `text` behind [`split`].
fn scan(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    // Walk the text once, looking ahead only after a terminator: no per-char
    // index table (it cost 16 bytes per char and page faults on huge texts).
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let Some(end) = boundary_after(text, i + 1) else {
            continue;
        };
        if c == '.' && ends_with_abbreviation(&text[start..i]) {
            continue;
        }
        push_trimmed(text, start..end, &mut out);
        start = end;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Byte offset where a sentence ends when a terminator ends just before
/// `from`: closing quotes/brackets are swallowed, then whitespace must follow
/// and the next visible char must open a sentence. `None` if not a boundary.
fn boundary_after(text: &str, from: usize) -> Option<usize> {
    let mut rest = text[from..]
        .char_indices()
        .skip_while(|&(_, c)| matches!(c, '"' | '”' | '’' | '\'' | ')'));
    let (j, first) = rest.next()?;
    if !first.is_whitespace() {
        return None;
    }
    let (_, next) = rest.find(|&(_, c)| !c.is_whitespace())?;
    let opens = next.is_uppercase() || next.is_ascii_digit() || "\"“‘'(".contains(next);
    opens.then_some(from + j)
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return;
    }
    let (mut start, end) = (r.start + lead, r.end - trail);
    while end - start > MAX_SENTENCE {
        let mut cut = start + MAX_SENTENCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        // The last whitespace before the limit; none: cut inside the word.
        let cut = text[start..cut]
            .rfind(char::is_whitespace)
            .map_or(cut, |i| start + i)
            .max(start + 1);
        let cut = (cut..=end)
            .find(|&c| text.is_char_boundary(c))
            .unwrap_or(end);
        let piece = &text[start..cut];
        out.push(start..start + piece.trim_end().len());
        start = cut + (text[cut..end].len() - text[cut..end].trim_start().len());
    }
    if start < end {
        out.push(start..end);
    }
}

/// Whether the last word of `before` (the text up to a period) is an
/// abbreviation, so the period does not end the sentence.
fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    is_abbreviation_word(word.trim_start_matches(['(', '"', '“']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(s: &str) -> Vec<&str> {
        split(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn splits_on_terminators_not_abbreviations() {
        assert_eq!(
            sents("Rubio met Lavrov in the U.S. Embassy. Mr. Waltz came too! Why? “Yes.” Done"),
            vec![
                "Rubio met Lavrov in the U.S. Embassy.",
                "Mr. Waltz came too!",
                "Why?",
                "“Yes.”",
                "Done"
            ]
        );
    }

    #[test]
    fn remembered_splits_equal_fresh_ones() {
        let a = "One thing. Another thing! ".repeat(1_000);
        let b = "Third part? Yes. ".repeat(1_000);
        for text in [&a, &b, &a, &b] {
            assert_eq!(split(text), scan(text));
        }
    }

    #[test]
    fn long_runs_are_cut_into_bounded_sentences() {
        let text = "word ".repeat(10_000) + "end.";
        let parts = split(&text);
        assert!(parts.len() >= text.len() / MAX_SENTENCE);
        for r in &parts {
            assert!(r.len() <= MAX_SENTENCE && !r.is_empty());
            assert_eq!(text[r.clone()].trim(), &text[r.clone()]);
        }
        // Every word is kept, in order.
        let words: usize = parts
            .iter()
            .map(|r| text[r.clone()].split(' ').count())
            .sum();
        assert_eq!(words, 10_001);
        // A single huge "word" is cut too, on character boundaries.
        let blob = "é".repeat(5_000);
        let parts = split(&blob);
        assert!(parts.iter().all(|r| r.len() <= MAX_SENTENCE));
        assert_eq!(parts.iter().map(|r| r.len()).sum::<usize>(), blob.len());
    }

    #[test]
    fn keeps_decimals_and_lowercase_continuations() {
        assert_eq!(
            sents("It rose 2.5 percent. e.g. this stays."),
            vec!["It rose 2.5 percent. e.g. this stays."]
        );
    }

    /// The former index-table scan, kept to check the lookahead rewrite.
    fn scan_reference(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            if !matches!(c, '.' | '?' | '!') {
                continue;
            }
            // Swallow closing quotes/brackets after the terminator.
            let mut j = k + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')') {
                j += 1;
            }
            if j >= chars.len() || !chars[j].1.is_whitespace() {
                continue;
            }
            let mut n = j;
            while n < chars.len() && chars[n].1.is_whitespace() {
                n += 1;
            }
            let next_ok = n < chars.len()
                && (chars[n].1.is_uppercase()
                    || chars[n].1.is_ascii_digit()
                    || "\"“‘'(".contains(chars[n].1));
            if !next_ok || (c == '.' && ends_with_abbreviation(&text[start..i])) {
                continue;
            }
            let end = if j < chars.len() {
                chars[j].0
            } else {
                text.len()
            };
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
        push_trimmed(text, start..text.len(), &mut out);
        out
    }

    #[test]
    fn lookahead_scan_matches_reference_on_generated_texts() {
        let pieces = [
            "Ada", "ran", ".", "?", "!", " ", "  ", "\n", "\"", "”", "’", "'", ")", "(", "“", "‘",
            "Dr.", "e.g.", "3", "x", "Émile", "é", "\t", "Mr", "U.S.", "z.",
        ];
        let mut seed: u64 = 42;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(seed % 40) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            assert_eq!(scan(&text), scan_reference(&text), "text: {text:?}");
        }
    }
}
