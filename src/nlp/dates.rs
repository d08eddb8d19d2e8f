//! Date expressions in prose, resolved against the article's own date.
//!
//! "on Monday" in an article of Tuesday 2025-02-18 is 2025-02-17; "last
//! week" is a week before (approximate); "February 17", "Feb. 17, 2025",
//! "17 February" and "2025-02-17" are explicit. Pure: text in, mentions out.

use crate::date::{month_from_name, Date, WEEKDAYS};
use std::ops::Range;

/// One date expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// The day it resolves to.
    pub date: Date,
    /// True for vague spans ("last week", "next month"): `date` is a
    /// representative day, not the day.
    pub approximate: bool,
    /// Byte range of the expression in the text.
    pub span: Range<usize>,
    /// The expression as written.
    pub expression: String,
}

/// An alphanumeric word with its byte range.
#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, c.is_alphanumeric()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push(Word {
                    text: &text[s..i],
                    start: s,
                    end: i,
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// All date expressions in `text`, in order, resolved against `reference`
/// (the article's publication day).
pub fn find(text: &str, reference: Date) -> Vec<DateMention> {
    let mut out = Vec::new();
    for range in crate::nlp::sentences::split(text) {
        let sentence = &text[range.clone()];
        for mut m in find_in_sentence(sentence, reference) {
            m.span = m.span.start + range.start..m.span.end + range.start;
            out.push(m);
        }
    }
    out
}

/// What one rule matched: words consumed, the date, and whether approximate.
struct Hit {
    first: usize,
    last: usize,
    date: Date,
    approximate: bool,
}

/// Words that can start a relative expression.
const TRIGGERS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "last",
    "past",
    "next",
    "coming",
    "this",
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
];

/// Could any rule match at word `x`? (Most sentences have no date at all.)
fn may_start(x: &Word) -> bool {
    x.text
        .starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
        || TRIGGERS.iter().any(|t| x.text.eq_ignore_ascii_case(t))
}

fn find_in_sentence(s: &str, reference: Date) -> Vec<DateMention> {
    let w = words(s);
    if !w.iter().any(may_start) {
        return Vec::new();
    }
    let future = looks_ahead(&w);
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let hit = iso(s, &w, i)
            .or_else(|| month_day(&w, i, reference))
            .or_else(|| day_month(&w, i, reference))
            .or_else(|| relative_day(&w, i, reference))
            .or_else(|| days_ago(&w, i, reference))
            .or_else(|| relative_span(&w, i, reference))
            .or_else(|| weekday(&w, i, reference, future));
        match hit {
            Some(h) => {
                let span = w[h.first].start..w[h.last].end;
                out.push(DateMention {
                    date: h.date,
                    approximate: h.approximate,
                    expression: s[span.clone()].to_string(),
                    span,
                });
                i = h.last + 1;
            }
            None => i += 1,
        }
    }
    out
}

fn lower(w: &Word) -> String {
    w.text.to_lowercase()
}

fn is_any(w: &Word, list: &[&str]) -> bool {
    list.iter().any(|x| w.text.eq_ignore_ascii_case(x))
}

fn is(w: &[Word], i: usize, word: &str) -> bool {
    w.get(i).is_some_and(|x| x.text.eq_ignore_ascii_case(word))
}

/// A capitalised month name or abbreviation ("February", "Feb", "Sept").
fn month(w: &Word) -> Option<u8> {
    w.text
        .starts_with(|c: char| c.is_uppercase())
        .then(|| month_from_name(w.text))
        .flatten()
}

/// A day of month, also as an ordinal ("17", "17th").
fn day_number(w: &Word) -> Option<u8> {
    let t = w.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w.text[t.len()..];
    if !matches!(
        suffix.to_ascii_lowercase().as_str(),
        "" | "st" | "nd" | "rd" | "th"
    ) || t.len() > 2
    {
        return None;
    }
    t.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(w: Option<&Word>) -> Option<i32> {
    let w = w?;
    (w.text.len() == 4)
        .then(|| w.text.parse().ok())
        .flatten()
        .filter(|y| (1800..=2200).contains(y))
}

/// `month day` in the year that puts it nearest to the reference.
fn nearest_year(month: u8, day: u8, reference: Date) -> Option<Date> {
    let y = reference.year;
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|y| Date::new(y, month, day))
        .min_by_key(|d| (reference.days_until(*d).abs(), d.year))
}

/// "2025-02-17".
fn iso(s: &str, w: &[Word], i: usize) -> Option<Hit> {
    let start = w[i].start;
    let date = Date::parse_iso(s.get(start..start + 10)?)?;
    // The ISO date spans three words: 2025, 02, 17.
    (i + 2 < w.len()).then_some(Hit {
        first: i,
        last: i + 2,
        date,
        approximate: false,
    })
}

/// "February 17", "Feb. 17, 2025", "Tuesday, February 18, 2025".
fn month_day(w: &[Word], i: usize, reference: Date) -> Option<Hit> {
    let m = month(&w[i])?;
    let d = day_number(w.get(i + 1)?)?;
    let (date, last) = match year_number(w.get(i + 2)) {
        Some(y) => (Date::new(y, m, d)?, i + 2),
        None => (nearest_year(m, d, reference)?, i + 1),
    };
    // "Tuesday, February 18": the weekday belongs to the explicit date.
    let first = if i > 0 && WEEKDAYS.contains(&w[i - 1].text) {
        i - 1
    } else {
        i
    };
    Some(Hit {
        first,
        last,
        date,
        approximate: false,
    })
}

/// True when an explicit date starts at word `i`.
fn explicit_at(w: &[Word], i: usize, reference: Date) -> bool {
    i < w.len() && (month_day(w, i, reference).is_some() || day_month(w, i, reference).is_some())
}

/// "17 February", "17 February 2025".
fn day_month(w: &[Word], i: usize, reference: Date) -> Option<Hit> {
    let d = day_number(&w[i])?;
    let m = month(w.get(i + 1)?)?;
    let (date, last) = match year_number(w.get(i + 2)) {
        Some(y) => (Date::new(y, m, d)?, i + 2),
        None => (nearest_year(m, d, reference)?, i + 1),
    };
    Some(Hit {
        first: i,
        last,
        date,
        approximate: false,
    })
}

/// "yesterday", "today", "tonight", "tomorrow".
fn relative_day(w: &[Word], i: usize, reference: Date) -> Option<Hit> {
    let shift = match lower(&w[i]).as_str() {
        "yesterday" => -1,
        "today" | "tonight" => 0,
        "tomorrow" => 1,
        _ => return None,
    };
    Some(Hit {
        first: i,
        last: i,
        date: reference.add_days(shift),
        approximate: false,
    })
}

const NUMBER_WORDS: [&str; 10] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// "three days ago", "2 weeks ago", "a week ago".
fn days_ago(w: &[Word], i: usize, reference: Date) -> Option<Hit> {
    let t = lower(&w[i]);
    let n: i64 = match t.as_str() {
        "a" | "an" => 1,
        _ => t.parse().ok().or_else(|| {
            NUMBER_WORDS
                .iter()
                .position(|x| *x == t)
                .map(|p| p as i64 + 1)
        })?,
    };
    if !is(w, i + 2, "ago") || n > 60 {
        return None;
    }
    let (days, approximate) = match lower(&w[i + 1]).as_str() {
        "day" | "days" => (n, false),
        "week" | "weeks" => (7 * n, true),
        _ => return None,
    };
    Some(Hit {
        first: i,
        last: i + 2,
        date: reference.add_days(-days),
        approximate,
    })
}

/// "last week", "next month", "last weekend", "this week", "last year".
fn relative_span(w: &[Word], i: usize, reference: Date) -> Option<Hit> {
    let dir: i64 = match lower(&w[i]).as_str() {
        "last" | "past" => -1,
        "next" | "coming" => 1,
        "this" => 0,
        _ => return None,
    };
    let date = match lower(w.get(i + 1)?).as_str() {
        "week" => reference.add_days(7 * dir),
        "weekend" => weekend(reference, dir),
        "month" => shift_months(reference, dir),
        "year" if dir != 0 => Date::new(
            reference.year + dir as i32,
            reference.month,
            reference.day.min(28),
        )?,
        _ => return None,
    };
    Some(Hit {
        first: i,
        last: i + 1,
        date,
        approximate: true,
    })
}

/// Saturday of the weekend before (`dir` −1), of this (0) or the next (1).
fn weekend(reference: Date, dir: i64) -> Date {
    let wd = reference.weekday() as i64; // Monday 0 .. Sunday 6
                                         // Saturday of the current week (Monday-based).
    let this_saturday = reference.add_days(5 - wd);
    this_saturday.add_days(7 * dir)
}

fn shift_months(d: Date, dir: i64) -> Date {
    let m0 = d.year as i64 * 12 + d.month as i64 - 1 + dir;
    let (y, m) = (m0.div_euclid(12) as i32, (m0.rem_euclid(12) + 1) as u8);
    let day = d.day.min(crate::date::days_in_month(y, m));
    Date::new(y, m, day).unwrap_or(d)
}

/// Future-tense cues: a bare weekday in such a sentence is the coming one.
/// ("would" is left out: it is mostly reported speech, "said the talks would").
const FUTURE: &[&str] = &[
    "will",
    "ll",
    "scheduled",
    "due",
    "expected",
    "plans",
    "planned",
    "upcoming",
    "shall",
];
/// Reporting verbs: "said Monday", "On Monday, the Kremlin said" are past.
const REPORTED: &[&str] = &[
    "said",
    "told",
    "announced",
    "added",
    "stated",
    "wrote",
    "reported",
    "confirmed",
];

/// A future cue, or a present progressive ("are meeting on Friday" is
/// written before Friday).
fn looks_ahead(w: &[Word]) -> bool {
    let progressive = w
        .windows(2)
        .any(|p| is_any(&p[0], &["is", "are", "am"]) && p[1].text.ends_with("ing"));
    progressive || w.iter().any(|x| is_any(x, FUTURE))
}

/// "Monday", "on Monday", "last Monday", "next Friday", "Tuesday's".
fn weekday(w: &[Word], i: usize, reference: Date, future: bool) -> Option<Hit> {
    let target = WEEKDAYS.iter().position(|d| *d == w[i].text)? as i64;
    if explicit_at(w, i + 1, reference) {
        return None; // "Tuesday, February 18, 2025": the date rule takes both
    }
    let wd = reference.weekday() as i64;
    let back = (wd - target).rem_euclid(7); // days since the last such weekday (0 = today)
    let ahead = (target - wd).rem_euclid(7);
    let before = i.checked_sub(1).map(|j| lower(&w[j]));
    let (first, shift) = match before.as_deref() {
        Some("last") | Some("past") => (i - 1, -(if back == 0 { 7 } else { back })),
        Some("next") | Some("coming") => (i - 1, if ahead == 0 { 7 } else { ahead }),
        Some("this") => (i - 1, if future { ahead } else { -back }),
        _ if back == 0 => (i, 0),
        _ => {
            let near = i.saturating_sub(3)..(i + 5).min(w.len());
            let reported = near.into_iter().any(|j| is_any(&w[j], REPORTED));
            let forward = future && !reported
                || is(w, i.wrapping_sub(1), "from")
                || is(w, i.wrapping_sub(1), "until");
            (i, if forward { ahead } else { -back })
        }
    };
    Some(Hit {
        first,
        last: i,
        date: reference.add_days(shift),
        approximate: false,
    })
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
