//! Week-, month- and year-level expressions: "last week", "in January
//! 2022", "in March", "this year", "1990", "a year earlier", "two months
//! ago". Each resolves to a representative day (the first of the month or
//! year; the same weekday of the week meant) flagged with its granularity.

use super::tense::Tense;
use super::{is, is_any, lower, month, year_number, Granularity, Hit, Word};
use crate::date::Date;

/// Words that put a bare month or year in time ("in March", "since 1990").
const CUES: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "to",
    "of",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "around",
    "between",
    "through",
    "throughout",
    "last",
    "next",
    "this",
    "and",
    "or",
    "for",
    "circa",
    "as",
];

fn cued(w: &[Word], i: usize) -> bool {
    i > 0 && is_any(&w[i - 1], CUES)
}

/// The first day of month `m` of year `y`.
fn first_of(y: i32, m: u8) -> Option<Date> {
    Date::new(y, m, 1)
}

/// "January 2022", "January of 2022", "in January" (the year from the
/// tense: the last January, or the coming one in a future clause).
pub(super) fn month_year(
    w: &[Word],
    i: usize,
    reference: Date,
    tense: Option<Tense>,
) -> Option<Hit> {
    let m = month(&w[i])?;
    let of = usize::from(is(w, i + 1, "of"));
    if let Some(y) = year_number(w.get(i + 1 + of)) {
        return Some(Hit::coarse(
            i,
            i + 1 + of,
            first_of(y, m)?,
            Granularity::Month,
        ));
    }
    // A bare month needs a cue ("may" is a verb; "March" a verb or a noun).
    if !cued(w, i) || w.get(i + 1).is_some_and(|x| super::day_number(x).is_some()) {
        return None;
    }
    let (ry, rm) = (reference.year, reference.month);
    let y = match tense {
        Some(Tense::Future) if m < rm => ry + 1,
        Some(Tense::Future) => ry,
        _ if m > rm => ry - 1,
        _ => ry,
    };
    let first = if is_any(&w[i - 1], &["last", "next", "this"]) {
        i - 1
    } else {
        i
    };
    let y = match lower(&w[i - 1]).as_str() {
        "last" if m >= rm => ry - 1,
        "next" if m <= rm => ry + 1,
        _ => y,
    };
    Some(Hit::coarse(first, i, first_of(y, m)?, Granularity::Month))
}

/// A year on its own: "in 1990", "the 1990 final", "since 2014,". Not a
/// count ("2000 people") or an amount ("$2000").
pub(super) fn year(s: &str, w: &[Word], i: usize) -> Option<Hit> {
    let y = year_number(Some(&w[i]))?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    let before = s[..w[i].start].chars().next_back();
    if before.is_some_and(|c| "$€£¥#.,".contains(c)) {
        return None;
    }
    let after = s[w[i].end..].chars().next();
    if after.is_some_and(|c| c.is_alphanumeric() || "%.,".contains(c) && next_is_digit(s, w[i].end))
    {
        return None;
    }
    let next_lower = w.get(i + 1).is_some_and(|x| {
        x.text.starts_with(char::is_lowercase) && s[w[i].end..x.start].trim().is_empty()
    });
    let the = i > 0 && is_any(&w[i - 1], &["the", "its", "their"]);
    if next_lower && !cued(w, i) && !the {
        return None; // "2000 people"
    }
    Some(Hit::coarse(i, i, first_of(y, 1)?, Granularity::Year))
}

fn next_is_digit(s: &str, at: usize) -> bool {
    s[at..].chars().nth(1).is_some_and(|c| c.is_ascii_digit())
}

/// "last week", "next month", "this year", "last weekend", "the past week".
pub(super) fn relative_span(w: &[Word], i: usize, reference: Date) -> Option<Hit> {
    let dir: i64 = match lower(&w[i]).as_str() {
        "last" | "past" => -1,
        "next" | "coming" => 1,
        "this" => 0,
        _ => return None,
    };
    let (date, g) = match lower(w.get(i + 1)?).as_str() {
        "week" => (reference.add_days(7 * dir), Granularity::Week),
        "weekend" => (weekend(reference, dir), Granularity::Week),
        "month" => (shift_months(reference, dir), Granularity::Month),
        "year" => (first_of(reference.year + dir as i32, 1)?, Granularity::Year),
        _ => return None,
    };
    let date = match g {
        Granularity::Month => first_of(date.year, date.month)?,
        _ => date,
    };
    Some(Hit::coarse(i, i + 1, date, g))
}

/// Saturday of the weekend before (`dir` −1), of this (0) or the next (1).
fn weekend(reference: Date, dir: i64) -> Date {
    let wd = reference.weekday() as i64; // Monday 0 .. Sunday 6
    let this_saturday = reference.add_days(5 - wd);
    this_saturday.add_days(7 * dir)
}

pub(super) fn shift_months(d: Date, dir: i64) -> Date {
    let m0 = d.year as i64 * 12 + d.month as i64 - 1 + dir;
    let (y, m) = (m0.div_euclid(12) as i32, (m0.rem_euclid(12) + 1) as u8);
    let day = d.day.min(crate::date::days_in_month(y, m));
    Date::new(y, m, day).unwrap_or(d)
}

const NUMBER_WORDS: [&str; 10] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// "three days ago", "2 weeks ago", "a month ago", "a year earlier".
pub(super) fn ago(w: &[Word], i: usize, reference: Date) -> Option<Hit> {
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
    if !(is(w, i + 2, "ago") || is(w, i + 2, "earlier")) || n > 60 {
        return None;
    }
    let (date, g) = match lower(&w[i + 1]).as_str() {
        "day" | "days" => (reference.add_days(-n), Granularity::Day),
        "week" | "weeks" => (reference.add_days(-7 * n), Granularity::Week),
        "month" | "months" => {
            let d = shift_months(reference, -n);
            (first_of(d.year, d.month)?, Granularity::Month)
        }
        "year" | "years" => (first_of(reference.year - n as i32, 1)?, Granularity::Year),
        _ => return None,
    };
    Some(Hit {
        first: i,
        last: i + 2,
        date,
        approximate: g != Granularity::Day,
        granularity: g,
    })
}
