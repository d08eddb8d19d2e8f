//! The tense that governs a date expression: "will hold a news conference
//! on Thursday, the White House said" looks ahead (the verb of Thursday's
//! clause is "will hold"), "said Wednesday that it would reopen" looks back.

use super::Word;

/// Whether an expression points before or after the article's day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// Before the article (`met on Monday`).
    Past,
    /// After the article (`will meet on Monday`, `are meeting on Monday`).
    Future,
}

/// How far (words) a governing verb is looked for.
const REACH: usize = 12;

/// Future cues: modal and scheduling words.
const FUTURE: &[&str] = &[
    "will",
    "ll",
    "shall",
    "scheduled",
    "due",
    "expected",
    "plans",
    "plan",
    "planned",
    "planning",
    "upcoming",
    "would",
    "intends",
    "aims",
    "hopes",
    "await",
    "awaits",
];

/// Past verbs that do not end in "-ed".
const PAST: &[&str] = &[
    "said", "told", "was", "were", "had", "did", "met", "held", "began", "took", "made", "came",
    "went", "left", "won", "lost", "fell", "rose", "hit", "struck", "sank", "spoke", "wrote",
    "gave", "saw", "sent", "led", "ran", "shot", "broke", "began", "got", "found", "thought",
    "brought", "became", "fled", "flew", "drove", "stood", "sat", "put", "set", "shut", "cut",
    "quit", "bought", "sold", "paid", "held", "kept", "meant", "felt", "heard", "knew", "grew",
    "threw", "drew", "chose", "rode", "ate", "drank", "swore", "tore", "wore", "woke", "stole",
    "froze", "fought", "caught", "taught", "sought", "ago", "earlier",
];

/// Words ending in "-ed" that are not past tense here.
const NOT_PAST: &[&str] = &[
    "need", "indeed", "speed", "feed", "seed", "red", "bed", "shed",
];

fn classify(w: &[Word], j: usize) -> Option<Tense> {
    let t = w[j].text.to_lowercase();
    if FUTURE.contains(&t.as_str()) {
        return Some(Tense::Future);
    }
    // "is set to", "are going to".
    let next_to = w
        .get(j + 1)
        .is_some_and(|x| x.text.eq_ignore_ascii_case("to"));
    if matches!(t.as_str(), "set" | "going" | "poised" | "slated") && next_to {
        return Some(Tense::Future);
    }
    // "are meeting", "is travelling": written before it happens.
    let be_before = j > 0 && super::is_any(&w[j - 1], &["is", "are", "am"]);
    if t.ends_with("ing") && be_before {
        return Some(Tense::Future);
    }
    if PAST.contains(&t.as_str())
        || (t.len() >= 5 && t.ends_with("ed") && !NOT_PAST.contains(&t.as_str()))
    {
        return Some(Tense::Past);
    }
    None
}

/// The gap between words `j` and `j + 1` holds a clause boundary.
fn boundary(s: &str, w: &[Word], j: usize) -> bool {
    w.get(j + 1)
        .is_some_and(|n| s[w[j].end..n.start].contains([',', ';', ':', '(', ')', '—', '–']))
}

/// The tense of the clause of the expression at words `first..=last` of
/// sentence `s`: the nearest cue before it in its clause, else the nearest
/// after it (a fronted date, "On Monday, the ministry said"), else `None`.
pub(super) fn governing(s: &str, w: &[Word], first: usize, last: usize) -> Option<Tense> {
    let mut j = first;
    while j > 0 && first - j < REACH {
        j -= 1;
        if boundary(s, w, j) {
            break;
        }
        if let Some(t) = classify(w, j) {
            return Some(t);
        }
    }
    let mut crossed = false;
    for k in last + 1..(last + 1 + REACH).min(w.len()) {
        if boundary(s, w, k - 1) {
            if crossed {
                break;
            }
            crossed = true;
        }
        if let Some(t) = classify(w, k) {
            return Some(t);
        }
    }
    None
}
