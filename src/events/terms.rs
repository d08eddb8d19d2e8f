//! Words of a text as clustering terms: ASCII-folded, lowercased, lightly
//! stemmed, stopwords dropped, with a proper-noun flag.

use crate::events::boilerplate::Boilerplate;
use crate::events::tfidf::FxMap;

/// Function words and news boilerplate that carry no event identity.
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "been", "before", "being", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had",
    "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his",
    "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most",
    "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our",
    "ours", "out", "over", "own", "said", "same", "says", "say", "she", "should", "so", "some",
    "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they",
    "this", "those", "through", "to", "too", "told", "under", "until", "up", "very", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "you", "your", "mr", "mrs", "ms", "one", "two", "new", "year", "years", "last",
    "first", "may", "like", "get", "got", "us", "we", "week", "day", "time", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "reuters",
    "dlrs", "pct", "mln", "billion", "million", "percent", "according",
];

/// Membership test for [`STOPWORDS`] (a hash set: it runs for every word).
pub(crate) fn is_stopword(w: &str) -> bool {
    static SET: std::sync::OnceLock<FxMap<&'static str, ()>> = std::sync::OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().map(|&w| (w, ())).collect())
        .contains_key(w)
}

/// Lowercased, ASCII-folded, lightly stemmed content words of `text`.
///
/// Numbers of two to eight digits (years, ages, tolls) are kept: they often
/// identify an event ("2008", "470"; "7.0" does not survive).
pub fn terms(text: &str) -> Vec<String> {
    cased_terms(text).into_iter().map(|t| t.term).collect()
}

/// A term and whether it was written capitalised inside a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct CasedTerm {
    /// The normalised term.
    pub term: String,
    /// Capitalised and not sentence-initial: likely part of a name.
    pub proper: bool,
    /// Covered by boilerplate (see [`cased_terms_masked`]).
    pub boilerplate: bool,
    /// The first word of a sentence: its case says nothing.
    pub initial: bool,
}

/// [`terms`], plus a proper-noun flag per term. Names and places identify
/// an event far better than its type words ("bomb", "rehab"), so callers
/// weight proper terms up.
pub fn cased_terms(text: &str) -> Vec<CasedTerm> {
    cased_terms_masked(text, None)
}

/// Lowercased words of `text` as [`Boilerplate`] compares them (a long
/// text folded and lowered on all cores: [`fold`], [`lowered`]).
pub fn lower_words(text: &str) -> Vec<String> {
    let folded = fold(text);
    let all: Vec<(&str, &str)> = words(&folded).collect();
    lowered(&all)
}

/// Bytes of text past which it is folded in pieces on all cores (issue 12:
/// a 10 MB article was folded on one thread, several times over).
const PARALLEL_BYTES: usize = 1 << 20;

/// `text` cut into pieces of about [`PARALLEL_BYTES`], each cut just before
/// an ASCII space. Folded one by one they fold as the whole does:
/// `deunicode` reads nothing around a character but whether the next one
/// folds to a leading space (a space does), or the text ends there, to drop
/// a transliteration's own trailing space, and both hold at such a cut.
fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + PARALLEL_BYTES).min(text.len());
        // Past the first byte, so that a piece is never empty.
        end = text.as_bytes()[end..]
            .iter()
            .position(|&b| b == b' ')
            .map_or(text.len(), |k| end + k)
            .max(start + 1);
        while !text.is_char_boundary(end) {
            end += 1;
        }
        out.push(&text[start..end]);
        start = end;
    }
    out
}

/// `deunicode::deunicode(text)`, a long text's [`pieces`] on all cores.
fn fold(text: &str) -> String {
    use rayon::prelude::*;
    if text.len() <= PARALLEL_BYTES {
        return deunicode::deunicode(text);
    }
    let parts: Vec<String> = pieces(text)
        .into_par_iter()
        .map(deunicode::deunicode)
        .collect();
    parts.concat()
}

/// Words of a text past which [`cased_terms_masked`] normalises them on
/// all cores (issue 12: a 10 MB article is 1.6 million words, one thread
/// stemming them all held the events stage up); a news article's few
/// hundred stay on the calling thread.
const PARALLEL_WORDS: usize = 1 << 16;

/// [`cased_terms`], the words `boilerplate` covers flagged.
pub fn cased_terms_masked(text: &str, boilerplate: Option<&Boilerplate>) -> Vec<CasedTerm> {
    use rayon::prelude::*;
    let folded = fold(text);
    let all: Vec<(&str, &str)> = words(&folded).collect();
    let mask = match boilerplate {
        Some(b) => b.mask(&lowered(&all)),
        None => vec![false; all.len()],
    };
    // Whether each word starts a sentence: a scan in order, cheap.
    let mut sentence_start = true;
    let initial: Vec<bool> = all
        .iter()
        .map(|(sep, _)| {
            let initial = sentence_start || sep.contains(['.', '!', '?', '\n', ':']);
            sentence_start = false;
            initial
        })
        .collect();
    // Each word on its own, so the order of the output is the words'.
    let term = |k: usize| {
        let w = all[k].1;
        let proper = !initial[k] && w.starts_with(|c: char| c.is_ascii_uppercase());
        normalise(w).map(|term| CasedTerm {
            proper: proper && !term.bytes().any(|b| b.is_ascii_digit()),
            term,
            boilerplate: mask[k],
            initial: initial[k],
        })
    };
    if all.len() > PARALLEL_WORDS {
        (0..all.len()).into_par_iter().filter_map(term).collect()
    } else {
        (0..all.len()).filter_map(term).collect()
    }
}

/// The words of `all` in lower case (a long text's on all cores).
fn lowered(all: &[(&str, &str)]) -> Vec<String> {
    use rayon::prelude::*;
    let lower = |(_, w): &(&str, &str)| w.to_ascii_lowercase();
    if all.len() > PARALLEL_WORDS {
        all.par_iter().map(lower).collect()
    } else {
        all.iter().map(lower).collect()
    }
}

/// One word as a clustering term, or `None` when it is not one: numbers
/// of three to eight characters stay as written, other words are
/// lowercased and stemmed, stopwords and single letters dropped.
pub(crate) fn normalise(w: &str) -> Option<String> {
    let lower = w.to_ascii_lowercase();
    if w.bytes().any(|b| b.is_ascii_digit()) {
        (3..=8).contains(&w.len()).then_some(lower)
    } else if lower.len() >= 2 && !is_stopword(&lower) {
        Some(stem(&lower))
    } else {
        None
    }
}

/// Alphanumeric words of `s`, each with the separator text before it.
pub(crate) fn words(s: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let start = rest.find(|c: char| c.is_ascii_alphanumeric())?;
        let len = rest[start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - start);
        let item = (&rest[..start], &rest[start..start + len]);
        rest = &rest[start + len..];
        Some(item)
    })
}

/// A tiny suffix stripper: plurals, `-ing`, `-ed`. Good enough to make
/// "quakes"/"quake" and "killed"/"kill" meet; it need not produce words.
pub fn stem(w: &str) -> String {
    let n = w.len();
    let cut = |k: usize| w[..n - k].to_string();
    if n > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..n - 3]);
    }
    if n > 5 && w.ends_with("ing") {
        return cut(3);
    }
    if n > 4 && w.ends_with("ed") && !w.ends_with("eed") {
        return cut(2);
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return cut(1);
    }
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_folds_and_splits_as_one_piece() {
        // Past PARALLEL_BYTES, with transliterations that end in a space
        // ("北" is "Bei ") before spaces and at ends of lines.
        let unit = "Ærø 北 quay's 北北\nLANES of Vester, 北 ";
        let text = unit.repeat(PARALLEL_BYTES / unit.len() * 3);
        assert!(pieces(&text).len() >= 3);
        assert_eq!(pieces(&text).concat(), text);
        assert_eq!(fold(&text), deunicode::deunicode(&text));
        let one: Vec<String> = words(&deunicode::deunicode(&text))
            .map(|(_, w)| w.to_ascii_lowercase())
            .collect();
        assert_eq!(lower_words(&text), one);
    }

    #[test]
    fn a_long_text_gets_the_terms_of_its_sentences_in_order() {
        // Sentences of varied case and numbers; the whole is past
        // PARALLEL_WORDS, each piece far under it.
        let sentence = |k: usize| {
            format!(
                "Harbour {k} reopened while Mayor Quell waited. the ferries of Ostmark ran {}: late",
                k * 7
            )
        };
        let pieces: Vec<String> = (0..PARALLEL_WORDS / 8 + 50)
            .map(|k| sentence(k) + ".")
            .collect();
        let whole = pieces.join(" ");
        assert!(words(&whole).count() > PARALLEL_WORDS);
        let by_piece: Vec<CasedTerm> = pieces.iter().flat_map(|p| cased_terms(p)).collect();
        let got = cased_terms(&whole);
        assert_eq!(got, by_piece);
        // "Harbour" and "late" open a sentence; "Mayor Quell", "Ostmark" are proper.
        assert_eq!(got.iter().filter(|t| t.initial).count(), 2 * pieces.len());
        assert_eq!(got.iter().filter(|t| t.proper).count(), 3 * pieces.len());
    }
}
