//! Tokenisation in the style of CoNLL-2003 (Penn-Treebank-like), so the NER
//! model sees article text the way it saw its training data.
//!
//! Rules: split on whitespace; peel leading/trailing punctuation off words
//! (keeping abbreviation periods like "U.S." and "Mr."); split the possessive
//! `'s`/`’s` and `n't`. Hyphenated words stay whole, as in CoNLL.

/// A token: a slice of the input with its byte offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token text (a slice of the input).
    pub text: &'a str,
    /// Byte offset of the first byte in the input.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

const LEADING: &[char] = &[
    '"', '\'', '(', '[', '{', '“', '‘', '«', '¿', '¡', '*', '_', '<',
];
const TRAILING: &[char] = &[
    '"', '\'', ')', ']', '}', '”', '’', '»', ',', ';', ':', '!', '?', '.', '*', '_', '>', '…',
];

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        // The chunk is a slice of `text`: its offset is where it starts.
        // (Searching for it built a substring searcher per word, issue 12.)
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        let end = start + word.len();
        match glued_title(word) {
            Some(cut) => {
                split_word(text, start, start + cut, &mut out);
                split_word(text, start + cut, end, &mut out);
            }
            None => split_word(text, start, end, &mut out),
        }
    }
    out
}

/// "Gov.Ada", "(Sen.Brandt": an abbreviated title glued by its period to
/// the capitalised name after it is two words; returns the byte length of
/// the first (through the period).
fn glued_title(word: &str) -> Option<usize> {
    let dot = word.find('.')?;
    let title = word[..dot].trim_start_matches(LEADING);
    let next = word[dot + 1..].chars().next()?;
    let is_title = TITLES.contains(&title);
    (is_title && next.is_uppercase()).then_some(dot + 1)
}

fn split_word<'a>(text: &'a str, mut s: usize, mut e: usize, out: &mut Vec<Token<'a>>) {
    let mut tail = Vec::new();
    // Leading punctuation, one char each.
    while s < e {
        let c = text[s..e].chars().next().unwrap();
        if LEADING.contains(&c) && e - s > c.len_utf8() {
            push(text, s, s + c.len_utf8(), out);
            s += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation, but keep a final period on abbreviations.
    while s < e {
        let w = &text[s..e];
        let c = w.chars().next_back().unwrap();
        if !TRAILING.contains(&c) || w.len() == c.len_utf8() {
            break;
        }
        if c == '.' && is_abbreviation(w) {
            break;
        }
        tail.push((e - c.len_utf8(), e));
        e -= c.len_utf8();
    }
    // Clitics.
    let w = &text[s..e];
    let clitic = ["'s", "’s", "'S", "n't", "n’t"]
        .iter()
        .find(|c| w.len() > c.len() && w.ends_with(*c));
    match clitic {
        Some(c) => {
            push(text, s, e - c.len(), out);
            push(text, e - c.len(), e, out);
        }
        None => push(text, s, e, out),
    }
    for (a, b) in tail.into_iter().rev() {
        push(text, a, b, out);
    }
}

fn push<'a>(text: &'a str, s: usize, e: usize, out: &mut Vec<Token<'a>>) {
    if s < e {
        out.push(Token {
            text: &text[s..e],
            start: s,
            end: e,
        });
    }
}

/// Words that a period after does not end: titles, months, company
/// suffixes. One list for the tokenizer and the sentence splitter.
/// (With [`TITLES`].)
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "Jr", "Sr", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "Inc", "Corp", "Co", "Ltd", "vs", "No",
];

/// Abbreviated titles and ranks before a name: a period after does not end
/// a sentence, and one glued to a capitalised name splits from it.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep", "Rev",
    "Prof",
];

/// Whether `word` (without its final period) is an abbreviation: it holds a
/// period ("U.S" of "U.S.", "e.g"), is one uppercase letter (an initial) or
/// is in [`TITLES`] or [`ABBREVIATIONS`].
pub(crate) fn is_abbreviation_word(word: &str) -> bool {
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    word.contains('.') || initial || TITLES.contains(&word) || ABBREVIATIONS.contains(&word)
}

/// "U.S.", "Mr.", "Jan.", single initials "J." keep their final period.
fn is_abbreviation(w: &str) -> bool {
    is_abbreviation_word(&w[..w.len() - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_punctuation_and_possessives() {
        assert_eq!(
            words("Putin's aide, Yury Ushakov, said (briefly): “no.”"),
            vec![
                "Putin", "'s", "aide", ",", "Yury", "Ushakov", ",", "said", "(", "briefly", ")",
                ":", "“", "no", ".", "”"
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_and_hyphens() {
        assert_eq!(
            words("U.S.-Russia talks in the U.S."),
            vec!["U.S.-Russia", "talks", "in", "the", "U.S."]
        );
        assert_eq!(words("Mr. Lavrov"), vec!["Mr.", "Lavrov"]);
    }

    #[test]
    fn a_title_glued_to_a_name_is_two_words() {
        assert_eq!(words("Gov.Brandt said"), vec!["Gov.", "Brandt", "said"]);
        assert_eq!(words("(Sen.Lind)"), vec!["(", "Sen.", "Lind", ")"]);
        // Not a title, or nothing capitalised after the period.
        assert_eq!(words("U.S.Army"), vec!["U.S.Army"]);
        assert_eq!(words("Gov.mil"), vec!["Gov.mil"]);
    }

    #[test]
    fn offsets_point_into_input() {
        let s = "  Rubio  met Lavrov.";
        for t in tokenize(s) {
            assert_eq!(&s[t.start..t.end], t.text);
        }
    }

    #[test]
    fn repeated_words_and_unicode_spaces_get_their_own_offsets() {
        // The same word twice, across a no-break space and a tab.
        let s = "Ode\u{a0}Ode\tOde’s\u{2003}“Ode”";
        let starts: Vec<usize> = tokenize(s).iter().map(|t| t.start).collect();
        assert_eq!(starts, vec![0, 5, 9, 12, 19, 22, 25]);
        for t in tokenize(s) {
            assert_eq!(&s[t.start..t.end], t.text);
        }
    }
}
