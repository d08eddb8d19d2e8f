//! Reading calendar days out of front matter values, metadata lines and prose.
//!
//! Forms understood: `2025-02-18` (and a datetime starting with it),
//! `February 18, 2025`, `Feb. 18, 2025`, `Feb 18 2025`, `18 February 2025`,
//! ordinals (`February 18th, 2025`), optionally after a weekday
//! (`Tuesday, February 18, 2025`). No allocation: this runs over every word
//! of articles without metadata.

use crate::date::{Date, MONTHS, WEEKDAYS};

/// A front matter `date:` value: `YYYY-MM-DD`, a datetime such as
/// `1987-02-26T15:01:01Z` or `2025-02-18 10:00` (the day is kept), or a
/// written date (`February 18, 2025`).
pub fn parse_value(s: &str) -> Option<Date> {
    let s = s.trim();
    if let (Some(head), Some(tail)) = (s.get(..10), s.get(10..)) {
        if tail.is_empty() || tail.starts_with(['T', 't', ' ']) {
            if let Some(d) = Date::parse_iso(head) {
                return Some(d);
            }
        }
    }
    parse_standalone(s)
}

/// A line that is only a date (weekday prefix and trailing period allowed).
pub fn parse_standalone(line: &str) -> Option<Date> {
    let line = line.trim().trim_end_matches('.');
    if let Some(d) = Date::parse_iso(line) {
        return Some(d);
    }
    let mut words = line.split_whitespace().peekable();
    if words
        .peek()
        .is_some_and(|w| is_weekday(w.trim_end_matches(',')))
    {
        words.next();
    }
    let a = words.next()?;
    let b = words.next()?;
    let c = words.next()?;
    if words.next().is_some() {
        return None;
    }
    month_day_year(a, b, c).or_else(|| day_month_year(a, b, c))
}

/// The first written date in `text` with day, month and year, in reading
/// order ("… on February 17, 2025." or "on 17 Feb. 2025"). A date of birth
/// or death ("born on 3 May 1951", "who died on …") is never a candidate:
/// it is about a person, not about when the article was written.
pub fn first_mention(text: &str) -> Option<Date> {
    let mut words = text.split_whitespace();
    let mut prev = "";
    let mut recent: [&str; 4] = [""; 4]; // the words before `word`, newest last
    while let Some(word) = words.next() {
        let personal = recent.iter().any(|w| is_life_event(w));
        recent.rotate_left(1);
        recent[3] = word;
        if month_of(word).is_some() && !personal && !is_life_event(prev) {
            let mut ahead = words.clone();
            let next = ahead.next().unwrap_or("");
            let after = ahead.next().unwrap_or("");
            if let Some(d) =
                month_day_year(word, next, after).or_else(|| day_month_year(prev, word, next))
            {
                return Some(d);
            }
        }
        prev = word;
    }
    None
}

/// The publication day of an article whose only full date is a photo
/// caption's: the caption's day is a lower bound (the photo was taken
/// first), and the first weekday the prose names ("are meeting on
/// Tuesday") picks the day within that week. The caption alone never gives
/// the date: without a weekday in the prose this is `None`.
pub fn day_from_caption_and_weekday(captions: &[&str], prose: &[&str]) -> Option<Date> {
    let shot = captions.iter().find_map(|c| first_mention(c))?;
    let named = prose.iter().take(5).find_map(|p| {
        p.split(|c: char| !c.is_alphabetic())
            .find_map(|w| WEEKDAYS.iter().position(|d| *d == w))
    })? as i64;
    let ahead = (named - shot.weekday() as i64).rem_euclid(7);
    Some(shot.add_days(ahead))
}

/// "born", "birth", "died", "b.": a life event's date follows.
fn is_life_event(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    matches!(
        w.to_ascii_lowercase().as_str(),
        "born" | "birth" | "birthday" | "b." | "died" | "death" | "d." | "née" | "buried"
    )
}

/// A leading metadata line ` date 2025-02-18` (also `Date: 2025-02-18`):
/// the date and whatever text follows it on the same line.
pub fn date_line(line: &str) -> Option<(Date, &str)> {
    let t = line.trim_start();
    let head = t.get(..4)?;
    if !head.eq_ignore_ascii_case("date") {
        return None;
    }
    let rest = t[4..].strip_prefix(':').unwrap_or(&t[4..]);
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim_start();
    let d = Date::parse_iso(rest.get(..10)?)?;
    let tail = &rest[10..];
    if !(tail.is_empty() || tail.starts_with(char::is_whitespace)) {
        return None;
    }
    Some((d, tail.trim()))
}

fn month_day_year(m: &str, d: &str, y: &str) -> Option<Date> {
    let month = month_of(m)?;
    let day = day_of(d.strip_suffix(',').unwrap_or(d))?;
    Date::new(year_of(y)?, month, day)
}

fn day_month_year(d: &str, m: &str, y: &str) -> Option<Date> {
    let day = day_of(d)?;
    let month = month_of(m)?;
    Date::new(year_of(y)?, month, day)
}

/// A capitalised English month name, its 3-letter abbreviation or "Sept",
/// with an optional trailing period or comma. Lowercase "may" is a verb.
fn month_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches([',', '.']);
    if !w.starts_with(|c: char| c.is_ascii_uppercase()) || w.len() < 3 {
        return None;
    }
    if w.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(w) || (w.len() == 3 && m[..3].eq_ignore_ascii_case(w)))
        .map(|i| i as u8 + 1)
}

fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    w.len() >= 3
        && WEEKDAYS
            .iter()
            .any(|d| d.eq_ignore_ascii_case(w) || (w.len() == 3 && d[..3].eq_ignore_ascii_case(w)))
}

/// 1–2 digits with an optional ordinal suffix (`18`, `18th`).
fn day_of(word: &str) -> Option<u8> {
    let w = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word);
    if w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok()
}

/// Four digits, optionally followed by closing punctuation (`2025.`, `2025),`).
fn year_of(word: &str) -> Option<i32> {
    let w = word.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Option<Date> {
        Date::new(y, m, day)
    }

    #[test]
    fn front_matter_values() {
        assert_eq!(parse_value("2024-11-05"), d(2024, 11, 5));
        assert_eq!(parse_value("1999-12-31T23:59:59Z"), d(1999, 12, 31));
        assert_eq!(parse_value("2001-01-02 08:00"), d(2001, 1, 2));
        assert_eq!(parse_value("March 3, 2020"), d(2020, 3, 3));
        assert_eq!(parse_value("2024-13-01"), None);
        assert_eq!(parse_value("2024-11-05x"), None);
        assert_eq!(parse_value("soon"), None);
    }

    #[test]
    fn standalone_lines() {
        assert_eq!(parse_standalone("  October 9, 2023 "), d(2023, 10, 9));
        assert_eq!(parse_standalone("Oct. 9, 2023"), d(2023, 10, 9));
        assert_eq!(parse_standalone("9 October 2023"), d(2023, 10, 9));
        assert_eq!(parse_standalone("Monday, October 9, 2023."), d(2023, 10, 9));
        assert_eq!(parse_standalone("Sept 1st, 2021"), d(2021, 9, 1));
        assert_eq!(parse_standalone("2023-10-09"), d(2023, 10, 9));
        assert_eq!(parse_standalone("October 9, 2023 was cold"), None);
        assert_eq!(parse_standalone("February 30, 2023"), None);
        assert_eq!(parse_standalone("Ministers met"), None);
    }

    #[test]
    fn mentions_in_prose() {
        assert_eq!(
            first_mention("The ship docked on Nov. 4, 2022, at dawn."),
            d(2022, 11, 4)
        );
        assert_eq!(
            first_mention("Signed on 12 June 2019 in a hall."),
            d(2019, 6, 12)
        );
        assert_eq!(
            first_mention("It began on April 2, 2018 and ended on May 5, 2018."),
            d(2018, 4, 2)
        );
        assert_eq!(first_mention("They may 5 times a year 2020"), None);
        assert_eq!(first_mention("In March 2021 the plan changed."), None);
        assert_eq!(first_mention("No date at all."), None);
        assert_eq!(
            first_mention("Ada Brandt, born on 3 May 1951 in Kiel, spoke on May 9, 2024."),
            d(2024, 5, 9)
        );
        assert_eq!(first_mention("He was born March 3, 1951."), None);
        assert_eq!(first_mention("She died on 12 June 2019."), None);
    }

    #[test]
    fn caption_bounds_and_prose_weekday_picks_the_day() {
        // Monday 17 February 2025 in the caption; "Tuesday" in the prose.
        let captions = ["Envoys arrive at the palace on February 17, 2025."];
        let prose = ["The envoys are meeting on Tuesday in the palace."];
        assert_eq!(
            day_from_caption_and_weekday(&captions, &prose),
            d(2025, 2, 18)
        );
        assert_eq!(day_from_caption_and_weekday(&captions, &["No day."]), None);
        assert_eq!(day_from_caption_and_weekday(&[], &prose), None);
    }

    #[test]
    fn leading_date_lines() {
        assert_eq!(
            date_line(" date 2030-01-15 "),
            Some((d(2030, 1, 15).unwrap(), ""))
        );
        assert_eq!(
            date_line("date 2030-01-15 GENEVA (AP) - Text"),
            Some((d(2030, 1, 15).unwrap(), "GENEVA (AP) - Text"))
        );
        assert_eq!(
            date_line("Date: 2030-01-15"),
            Some((d(2030, 1, 15).unwrap(), ""))
        );
        assert_eq!(date_line("dated 2030-01-15"), None);
        assert_eq!(date_line("date 2030-01-15x"), None);
        assert_eq!(date_line("date night was fun"), None);
    }
}
