//! Date expressions in prose, resolved against the article's own date.
//!
//! "on Monday" in an article of Tuesday 2025-02-18 is 2025-02-17, and
//! "will meet on Monday" is 2025-02-24 (the tense of the governing verb
//! decides, see [`tense`]); "February 17", "Feb. 17, 2025", "17 February"
//! and "2025-02-17" are explicit. Week-, month- and year-level expressions
//! ("last week", "in January 2022", "this year", "1990") resolve to a
//! representative day with their [`Granularity`] (see [`coarse`]). Pure:
//! text in, mentions out.

use crate::date::{month_from_name, Date, WEEKDAYS};
use serde::Serialize;
use std::ops::Range;

mod coarse;
mod tense;
pub use tense::Tense;

/// How precise a date expression is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// A day ("on Monday", "17 February").
    Day,
    /// A week ("last week", "next weekend").
    Week,
    /// A month ("in January 2022", "last month").
    Month,
    /// A year ("last year", "1990").
    Year,
}

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
    /// Day, week, month or year.
    pub granularity: Granularity,
}

impl DateMention {
    /// The value in TimeML style: `2025-02-17`, `2025-W08`, `2025-02`, `2025`.
    pub fn value(&self) -> String {
        let d = self.date;
        match self.granularity {
            Granularity::Day => d.to_string(),
            Granularity::Week => {
                let (y, w) = iso_week(d);
                format!("{y:04}-W{w:02}")
            }
            Granularity::Month => format!("{:04}-{:02}", d.year, d.month),
            Granularity::Year => format!("{:04}", d.year),
        }
    }
}

/// ISO 8601 week-numbering year and week of a day.
pub fn iso_week(d: Date) -> (i32, u32) {
    // The week's Thursday decides its year.
    let thursday = d.add_days(3 - d.weekday() as i64);
    let jan1 = Date::new(thursday.year, 1, 1).expect("valid date");
    let ordinal = jan1.days_until(thursday);
    (thursday.year, (ordinal / 7 + 1) as u32)
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

/// What one rule matched: words consumed, the date, how precise.
struct Hit {
    first: usize,
    last: usize,
    date: Date,
    approximate: bool,
    granularity: Granularity,
}

impl Hit {
    /// An exact day.
    fn day(first: usize, last: usize, date: Date) -> Hit {
        Hit {
            first,
            last,
            date,
            approximate: false,
            granularity: Granularity::Day,
        }
    }

    /// A week, month or year: approximate.
    fn coarse(first: usize, last: usize, date: Date, granularity: Granularity) -> Hit {
        Hit {
            first,
            last,
            date,
            approximate: true,
            granularity,
        }
    }
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
        let tense = || tense::governing(s, &w, i, i);
        let hit = iso(s, &w, i)
            .or_else(|| month_day(&w, i, reference))
            .or_else(|| day_month(&w, i, reference))
            .or_else(|| relative_day(&w, i, reference))
            .or_else(|| coarse::ago(&w, i, reference))
            .or_else(|| coarse::relative_span(&w, i, reference))
            // issue 12 (cost): scan for the tense only at a month name.
            .or_else(|| month(&w[i]).and_then(|_| coarse::month_year(&w, i, reference, tense())))
            .or_else(|| weekday(s, &w, i, reference, future))
            .or_else(|| coarse::year(s, &w, i));
        match hit {
            Some(h) => {
                let span = w[h.first].start..w[h.last].end;
                out.push(DateMention {
                    date: h.date,
                    approximate: h.approximate,
                    expression: s[span.clone()].to_string(),
                    span,
                    granularity: h.granularity,
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
    (i + 2 < w.len()).then_some(Hit::day(i, i + 2, date))
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
    Some(Hit::day(first, last, date))
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
    Some(Hit::day(i, last, date))
}

/// "yesterday", "today", "tonight", "tomorrow", "this morning".
fn relative_day(w: &[Word], i: usize, reference: Date) -> Option<Hit> {
    // "USA Today": a capitalised word after a capitalised one is a name.
    if i > 0
        && w[i].text.starts_with(char::is_uppercase)
        && w[i - 1].text.starts_with(char::is_uppercase)
    {
        return None;
    }
    let shift = match lower(&w[i]).as_str() {
        "yesterday" => -1,
        "today" | "tonight" => 0,
        "tomorrow" => 1,
        "this" if is_any(w.get(i + 1)?, &["morning", "afternoon", "evening"]) => {
            return Some(Hit::day(i, i + 1, reference));
        }
        _ => return None,
    };
    Some(Hit::day(i, i, reference.add_days(shift)))
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

/// A future cue, or a present progressive ("are meeting on Friday" is
/// written before Friday).
fn looks_ahead(w: &[Word]) -> bool {
    let progressive = w
        .windows(2)
        .any(|p| is_any(&p[0], &["is", "are", "am"]) && p[1].text.ends_with("ing"));
    progressive || w.iter().any(|x| is_any(x, FUTURE))
}

/// "Monday", "on Monday", "last Monday", "next Friday", "Tuesday's".
fn weekday(s: &str, w: &[Word], i: usize, reference: Date, future: bool) -> Option<Hit> {
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
            let bound = is(w, i.wrapping_sub(1), "from") || is(w, i.wrapping_sub(1), "until");
            let forward = bound
                || match tense::governing(s, w, i, i) {
                    Some(t) => t == tense::Tense::Future,
                    None => future,
                };
            (i, if forward { ahead } else { -back })
        }
    };
    Some(Hit::day(first, i, reference.add_days(shift)))
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
