//! Common words: words that running news text writes in lower case far more
//! often than capitalised inside a sentence ("main", "pass", "bulletin",
//! "winger"). A capitalised word that is usually lower case is capitalised
//! by position (sentence start) or because it names a thing ("Crops
//! Bulletin", "Main Pass", "Sugar Rush"), rarely because it is a person's
//! name. Learned by the project from the unlabelled Reuters, BBC and ECB+
//! text and shipped as `models/common_words.txt` (see models/README.md).

use crate::nlp::{sentences, tokens};
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

/// Lower-case occurrences a word needs to be common.
const MIN_LOWER: u32 = 5;
/// How many times more often than capitalised (mid-sentence) it must be
/// written in lower case.
const RATIO: u32 = 2;

static SHIPPED: &str = include_str!("../../../models/common_words.txt");

fn shipped() -> &'static HashSet<&'static str> {
    static CELL: OnceLock<HashSet<&'static str>> = OnceLock::new();
    CELL.get_or_init(|| super::shipped_words(SHIPPED))
}

/// Whether `word` (any case) is a common lower-case word of news text.
pub fn is_common_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    shipped().contains(lower.as_str())
}

/// Learns the list from documents: for every alphabetic word not opening a
/// sentence (or a quotation, or following a colon), counts lower-case and
/// capitalised uses; a word is common when written in lower case at least
/// [`MIN_LOWER`] times and [`RATIO`] times as often as capitalised. Returns
/// the file's text: a comment line, then the words sorted, one per line.
/// Same input, same bytes.
pub fn learn(texts: &[String]) -> String {
    let mut counts: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for text in texts {
        for r in sentences::split(text) {
            let toks = tokens::tokenize(&text[r]);
            for (i, t) in toks.iter().enumerate().skip(1) {
                let prev = toks[i - 1].text;
                if matches!(prev, "\"" | "“" | "‘" | "'" | ":" | "(" | "-" | "—" | "–") {
                    continue;
                }
                let w = t.text;
                if w.chars().count() < 2 || !w.chars().all(char::is_alphabetic) {
                    continue;
                }
                let mut chars = w.chars();
                let first_upper = chars.next().is_some_and(char::is_uppercase);
                let rest_lower = chars.all(char::is_lowercase);
                let entry = counts.entry(w.to_lowercase()).or_default();
                if !first_upper && rest_lower {
                    entry.0 += 1;
                } else if first_upper && rest_lower {
                    entry.1 += 1;
                }
            }
        }
    }
    let mut out =
        String::from("# common lower-case words of news text (examples/common_words.rs)\n");
    for (w, (lower, cap)) in counts {
        if lower >= MIN_LOWER && lower >= RATIO * cap {
            out.push_str(&w);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_words_are_common_names_are_not() {
        let texts: Vec<String> = (0..6)
            .map(|i| format!("The main pass was open {i} times. Then Ada Brandt said the main road was shut."))
            .collect();
        let list = learn(&texts);
        let words: Vec<&str> = list.lines().skip(1).collect();
        assert!(
            words.contains(&"main") && words.contains(&"pass"),
            "{words:?}"
        );
        assert!(
            !words.contains(&"brandt") && !words.contains(&"ada"),
            "{words:?}"
        );
        // Sentence-initial "The" and "Then" are not counted as capitalised.
        assert!(words.contains(&"road"));
    }

    #[test]
    fn shipped_list_knows_news_words() {
        assert!(is_common_word("crops") && is_common_word("Winger"));
        assert!(!is_common_word("Thatcher") && !is_common_word("Nakasone"));
    }
}
