//! Person names: cleaning a recognised span into a name, normalised keys, and
//! deciding when two spellings name the same person.
//!
//! Matching is generic rather than a per-person list: a transliteration key
//! per token (`y`→`i`, doubled letters collapsed, `ks`→`x`, …) catches
//! Sergei/Sergey, Yuri/Yury and Zelensky/Zelenskyy/Zelenskiy; a small table
//! of given-name variants catches Joe/Joseph; middle names and extra family
//! names (`Al Thani`) are allowed as long as the given name and the surname
//! still agree.

use serde::{Deserialize, Serialize};

#[path = "names/clean.rs"]
mod clean;
#[path = "names/common.rs"]
mod common;
#[path = "names/given.rs"]
mod given;
#[path = "names/kinds.rs"]
mod kinds;

pub use clean::{clean_span, starts_name};
pub use common::{is_common_word, learn as learn_common_words};
pub use given::{
    is_learned_given_name, is_place_noun, learn as learn_given_names, looks_like_a_person,
};
pub use kinds::{is_corporate_suffix, is_firm_connector, is_foreign_org_word, is_thing_word};

/// The words of a shipped word list (`models/*.txt`): one per line, blank
/// lines and `#` comments left out.
fn shipped_words(text: &'static str) -> std::collections::HashSet<&'static str> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// A normalised name: ASCII (deunicode), lowercase, punctuation dropped,
/// hyphens as spaces, single-spaced. Equal keys mean equal spellings.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct NameKey(String);

impl NameKey {
    /// The key as a string ("ingrid halvorsen").
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key's words.
    pub fn words(&self) -> Vec<&str> {
        self.0.split(' ').filter(|w| !w.is_empty()).collect()
    }
}

/// Normalises a name for comparison: "Kemal Öztürk" → "kemal ozturk",
/// "al-Nasser" → "al nasser", "J. Smith" → "j smith".
pub fn normalise(name: &str) -> NameKey {
    let ascii = deunicode::deunicode(name);
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '.' {
            // O'Brien → obrien, J. → j
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    NameKey(out.trim_end().to_string())
}

/// The URL slug of a name: "Kemal Öztürk" → "kemal-ozturk".
pub fn slug(name: &str) -> String {
    normalise(name).as_str().replace(' ', "-")
}

/// A transliteration-insensitive key for one normalised word: Sergei/Sergey,
/// Yuri/Yury, Zelensky/Zelenskyy/Zelenskiy, Grigoriev/Grigoriyev give equal keys.
pub fn phonetic(word: &str) -> String {
    let mut s = word.to_string();
    for (from, to) in [
        ("kh", "h"),
        ("ph", "f"),
        ("th", "t"),
        ("ck", "k"),
        ("ks", "x"),
        ("w", "v"),
    ] {
        s = s.replace(from, to);
    }
    if let Some(stem) = s.strip_suffix("off") {
        s = format!("{stem}ov"); // Rachmaninoff / Rachmaninov
    }
    let s = s.replace('y', "i");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Groups of given names that are the same name (short forms, transliterations).
const GIVEN_NAME_GROUPS: &[&[&str]] = &[
    &["joe", "joseph"],
    &["mike", "michael", "mick"],
    &["steve", "steven", "stephen"],
    &["bill", "billy", "william", "will"],
    &["bob", "bobby", "robert", "rob"],
    &["tom", "thomas"],
    &["tony", "anthony", "antony"],
    &["jim", "jimmy", "james"],
    &["dick", "richard", "rick", "rich"],
    &["alex", "alexander", "aleksandr", "alexandr", "oleksandr"],
    &["dan", "daniel"],
    &["dave", "david"],
    &["ben", "benjamin"],
    &["chris", "christopher"],
    &["nick", "nicholas", "nikolai", "nikolay", "mykola"],
    &["ed", "edward", "ted"],
    &["andy", "andrew", "andrei", "andrey", "andriy"],
    &["pete", "peter", "pyotr", "petro"],
    &["matt", "matthew"],
    &["greg", "gregory"],
    &["jeff", "jeffrey"],
    &["liz", "elizabeth"],
    &["kate", "katherine", "catherine"],
    &["vladimir", "volodymyr"],
    &["mohammed", "muhammad", "mohammad", "mohamed", "muhammed"],
];

/// Whether two normalised given names can be the same: equal transliteration
/// key, a known variant, or an initial ("j" ~ "joe").
pub fn given_names_match(a: &str, b: &str) -> bool {
    if a.len() == 1 || b.len() == 1 {
        return a.chars().next() == b.chars().next();
    }
    phonetic(a) == phonetic(b)
        || GIVEN_NAME_GROUPS
            .iter()
            .any(|g| g.contains(&a) && g.contains(&b))
}

/// One key for all spellings of a given name: the first name of its
/// variant group ("bill" for Billy/William), else its transliteration key.
pub fn given_key(word: &str) -> String {
    GIVEN_NAME_GROUPS
        .iter()
        .find(|g| g.contains(&word))
        .map_or_else(|| phonetic(word), |g| phonetic(g[0]))
}

/// Whether two normalised surnames (or other name words) can be the same.
pub fn words_match(a: &str, b: &str) -> bool {
    phonetic(a) == phonetic(b)
}

/// Name particles: lowercase connectors inside names ("bin", "al", "van").
pub fn is_particle(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "bin"
            | "ibn"
            | "bint"
            | "al"
            | "el"
            | "ul"
            | "abu"
            | "abd"
            | "de"
            | "da"
            | "di"
            | "do"
            | "dos"
            | "das"
            | "du"
            | "del"
            | "della"
            | "der"
            | "den"
            | "van"
            | "von"
            | "ter"
            | "le"
            | "la"
            | "y"
            | "zu"
            | "af"
            | "ben"
    )
}

/// The surname(s) of a name key: the last non-particle word, and, when the
/// name ends in a particle-led family name ("… Nasser Al Thani"), the word
/// before that particle too.
pub fn surnames(key: &NameKey) -> Vec<String> {
    let w = key.words();
    let mut out: Vec<String> = w
        .iter()
        .rev()
        .find(|x| !is_particle(x))
        .map(|x| x.to_string())
        .into_iter()
        .collect();
    let tail = (2..w.len().saturating_sub(1))
        .rev()
        .find(|&p| is_particle(w[p]) && !matches!(w[p], "bin" | "ibn") && !is_particle(w[p - 1]));
    if let Some(p) = tail {
        out.push(w[p - 1].to_string());
    }
    out.dedup();
    out
}

/// Whether `short`'s words appear in `long`, in order (with transliteration
/// tolerance); returns the index in `long` matched by `short`'s last word.
fn subsequence(short: &[&str], long: &[&str]) -> Option<usize> {
    let mut j = 0;
    let mut last = None;
    for (i, s) in short.iter().enumerate() {
        let found = (j..long.len()).find(|&k| {
            if i == 0 {
                given_names_match(s, long[k])
            } else {
                words_match(s, long[k])
            }
        })?;
        last = Some(found);
        j = found + 1;
    }
    last
}

/// Whether two full names (two or more words each) can name the same person:
/// the shorter's words appear in the longer in order, its given name is the
/// longer's first or second word (Kemal Öztürk ~ Ahmet Kemal Öztürk), and
/// the surnames agree, unless the longer only adds a particle-led family
/// name (Khalid bin Nasser ~ Khalid bin Nasser Al Thani). The second word
/// counts only when spelled out: "D. J. Moran" is a man known by his
/// initials, whose first one is not Jim Moran's.
pub fn same_person(a: &NameKey, b: &NameKey) -> bool {
    let (wa, wb) = (a.words(), b.words());
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    if short.len() < 2 {
        return false;
    }
    let start = if given_names_match(short[0], long[0]) {
        0
    } else if long.len() >= 3 && long[1].len() >= 2 && given_names_match(short[0], long[1]) {
        1
    } else {
        return false;
    };
    let Some(end) = subsequence(&short, &long[start..]).map(|e| e + start) else {
        return false;
    };
    // Anything after the matched surname must be a particle-led family name.
    end + 1 == long.len() || (is_particle(long[end + 1]) && !matches!(long[end + 1], "bin" | "ibn"))
}

/// How well a partial mention ("Halvorsen", "bin Nasser") fits a full name in
/// the same article: 2 = surname or in-order words, 1 = another single word
/// (a given name), 0 = no match.
pub fn partial_score(partial: &NameKey, full: &NameKey) -> u8 {
    let (p, f) = (partial.words(), full.words());
    if p.len() == 1 {
        if surnames(full).iter().any(|s| words_match(s, p[0])) {
            return 2;
        }
        let other = f.iter().any(|w| !is_particle(w) && words_match(w, p[0]));
        // A one-word given-name variant ("Bill" in an article about
        // William Hague), never a lone initial.
        let given = f.len() >= 2 && p[0].len() >= 2 && given_names_match(p[0], f[0]);
        return u8::from(other || given);
    }
    let first_given = !is_particle(p[0]) && p.len() >= 2;
    if first_given {
        return if same_person(partial, full) { 2 } else { 0 };
    }
    // "bin Nasser": a particle-led tail of the full name.
    let tail = f.len().saturating_sub(p.len());
    let fits = (0..=tail).any(|s| p.iter().zip(&f[s..]).all(|(a, b)| words_match(a, b)));
    if fits {
        2
    } else {
        0
    }
}

/// Number of non-particle words: 2+ makes a full name.
pub fn name_words(key: &NameKey) -> usize {
    key.words().iter().filter(|w| !is_particle(w)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> NameKey {
        normalise(s)
    }

    #[test]
    fn normalises_diacritics_case_and_punctuation() {
        assert_eq!(
            normalise("Ángel  Gurría-Núñez").as_str(),
            "angel gurria nunez"
        );
        assert_eq!(normalise("D. O'Neill").as_str(), "d oneill");
        assert_eq!(slug("Zoë Ünal"), "zoe-unal");
    }

    #[test]
    fn transliterations_share_a_key() {
        assert_eq!(phonetic("sergei"), phonetic("sergey"));
        assert_eq!(phonetic("yuri"), phonetic("yury"));
        assert_eq!(phonetic("zelensky"), phonetic("zelenskyy"));
        assert_eq!(phonetic("zelenskiy"), phonetic("zelensky"));
        assert_ne!(phonetic("mark"), phonetic("mirko"));
    }

    #[test]
    fn variants_are_the_same_person() {
        assert!(same_person(&key("Sergey Ivanov"), &key("Sergei Ivanov")));
        assert!(same_person(&key("Ana Maria Lopez"), &key("Ana Lopez")));
        assert!(same_person(
            &key("Khalid bin Nasser"),
            &key("Khalid bin Nasser Al Thani")
        ));
        assert!(same_person(&key("Kemal Öztürk"), &key("Kemal Ozturk")));
        assert!(same_person(&key("J. Doyle"), &key("Jim Doyle")));
        assert!(same_person(&key("Joe Doyle"), &key("Joseph Doyle")));
        assert!(same_person(
            &key("Ahmet Kemal Öztürk"),
            &key("Kemal Ozturk")
        ));
    }

    #[test]
    fn namesakes_stay_apart() {
        assert!(!same_person(&key("Ruth Okafor"), &key("Daniel Okafor")));
        assert!(!same_person(&key("Ana Lopez"), &key("Ana Lopez Garcia")));
        assert!(!same_person(
            &key("Khalid bin Nasser"),
            &key("Khalid bin Salem")
        ));
        assert!(!same_person(&key("Mark Brandt"), &key("Mirko Brandt")));
        // An initial that conflicts with the given name.
        assert!(!same_person(&key("D. J. Moran"), &key("Jim Moran")));
        assert!(!same_person(&key("D J Moran"), &key("Jim Moran")));
        assert!(same_person(&key("J. Moran"), &key("Jim Moran")));
        assert!(same_person(&key("D. Jim Moran"), &key("Jim Moran")));
    }

    #[test]
    fn partials_score_surname_over_given_name() {
        let full = key("Ingrid Halvorsen");
        assert_eq!(partial_score(&key("Halvorsen"), &full), 2);
        assert_eq!(partial_score(&key("Ingrid"), &full), 1);
        assert_eq!(partial_score(&key("Brandt"), &full), 0);
        assert_eq!(partial_score(&key("Bill"), &key("William Hague")), 1);
        assert_eq!(partial_score(&key("J"), &key("Joe Doyle")), 0);
        assert_eq!(
            partial_score(&key("bin Nasser"), &key("Khalid bin Nasser")),
            2
        );
        assert_eq!(
            partial_score(&key("Thani"), &key("Khalid bin Nasser Al Thani")),
            2
        );
        assert_eq!(
            surnames(&key("Khalid bin Nasser Al Thani")),
            vec!["thani", "nasser"]
        );
    }
}
