//! A small civil (proleptic Gregorian) date type.
//!
//! Articles only ever need calendar days, weekdays and day arithmetic, so a
//! 60-line type beats pulling a full date-time crate into the build.

use std::fmt;

/// A calendar day. Ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Full year, e.g. 2025.
    pub year: i32,
    /// Month 1..=12.
    pub month: u8,
    /// Day of month 1..=31.
    pub day: u8,
}

/// Month names in English, index 0 = January.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Weekday names, index 0 = Monday.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl Date {
    /// A date if `year-month-day` exists in the calendar.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (the whole string, surrounding whitespace allowed).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y = s[0..4].parse().ok()?;
        let m = s[5..7].parse().ok()?;
        let d = s[8..10].parse().ok()?;
        Date::new(y, m, d)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + if month <= 2 { 1 } else { 0 }) as i32;
        Date { year, month, day }
    }

    /// This date shifted by `n` days (negative goes back).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// Weekday, 0 = Monday .. 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (index 3).
        ((self.to_days() + 3).rem_euclid(7)) as u8
    }

    /// Signed number of days from `self` to `other`.
    pub fn days_until(self, other: Date) -> i64 {
        other.to_days() - self.to_days()
    }

    /// "18 February 2025", for pages.
    pub fn long(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[self.month as usize - 1],
            self.year
        )
    }
}

/// Checks the time part of an ISO 8601 datetime, the text after the date
/// (`T15:01:01Z`, ` 09:30`, `T23:59:60+02:00`). Only the day is kept, but a
/// time that cannot exist (`25:61`) says the value is wrong, so it is
/// refused rather than silently cut off. Empty is fine (a plain date).
pub fn check_time(tail: &str) -> Result<(), String> {
    let Some(t) = tail.strip_prefix(['T', 't', ' ']) else {
        return if tail.is_empty() {
            Ok(())
        } else {
            Err(format!("unexpected `{tail}` after the date"))
        };
    };
    let (clock, zone) = match t.find(['Z', 'z', '+', '-']) {
        Some(i) => t.split_at(i),
        None => (t, ""),
    };
    let bad = || format!("`{t}` is not a time of day (write HH:MM or HH:MM:SS, e.g. T15:01:01Z)");
    let two = |s: &str| -> Result<u32, String> {
        if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let parts: Vec<&str> = clock.split(':').collect();
    let (h, m, sec) = match parts.as_slice() {
        [h, m] => (two(h)?, two(m)?, 0),
        [h, m, s] => (two(h)?, two(m)?, two(seconds(s).ok_or_else(bad)?)?),
        _ => return Err(bad()),
    };
    if h > 23 || m > 59 || sec > 60 {
        return Err(format!(
            "`{clock}` is not a possible time: hours go to 23, minutes to 59, seconds to 60"
        ));
    }
    check_zone(zone)
}

/// The whole seconds of `SS` or `SS.fff`; `None` for a bad fraction.
fn seconds(s: &str) -> Option<&str> {
    match s.split_once(['.', ',']) {
        Some((w, f)) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => Some(w),
        Some(_) => None,
        None => Some(s),
    }
}

/// `Z`, `+HH:MM`, `-HHMM`, `+HH` or nothing.
fn check_zone(zone: &str) -> Result<(), String> {
    if zone.is_empty() || zone.eq_ignore_ascii_case("z") {
        return Ok(());
    }
    let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
    let all_digits = digits.bytes().all(|b| b.is_ascii_digit());
    let ok = all_digits
        && matches!(digits.len(), 2 | 4)
        && digits[..2].parse::<u32>().is_ok_and(|h| h <= 14)
        && digits[2..]
            .parse::<u32>()
            .map_or(digits.len() == 2, |m| m <= 59);
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{zone}` is not a time zone offset (write Z, +02:00 or -05:00)"
        ))
    }
}

/// Number of days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Month number (1..=12) for an English month name or its 3-letter abbreviation.
pub fn month_from_name(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            let m = m.to_ascii_lowercase();
            m == w || (w.len() == 3 && m.starts_with(&w)) || (w == "sept" && m == "september")
        })
        .map(|i| i as u8 + 1)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_times_are_refused() {
        for ok in [
            "",
            "T15:01:01Z",
            "T00:00",
            " 09:30",
            "T23:59:60+02:00",
            "T12:00:00.250-0500",
            "t08:15:00z",
        ] {
            assert!(check_time(ok).is_ok(), "{ok}: {:?}", check_time(ok));
        }
        for bad in [
            "T25:61:00Z",
            "T24:00",
            "T12:60",
            "T12:00:61",
            "T1:00",
            "T12",
            "T12:00+25:00",
            "Tnoon",
            "x",
        ] {
            assert!(check_time(bad).is_err(), "{bad} accepted");
        }
        assert!(check_time("T25:61:00Z")
            .unwrap_err()
            .contains("not a possible time"));
    }

    #[test]
    fn round_trips_days() {
        for d in [-800_000i64, -1, 0, 1, 20_137, 700_000] {
            assert_eq!(Date::from_days(d).to_days(), d);
        }
        assert_eq!(Date::new(2025, 2, 18).unwrap().to_days(), 20137);
    }

    #[test]
    fn knows_weekdays_and_leap_years() {
        assert_eq!(Date::new(2025, 2, 18).unwrap().weekday(), 1); // Tuesday
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2025, 2, 29).is_none());
        assert_eq!(
            Date::new(2025, 3, 1).unwrap().add_days(-1),
            Date::new(2025, 2, 28).unwrap()
        );
    }

    #[test]
    fn parses_iso_and_month_names() {
        assert_eq!(
            Date::parse_iso("2025-02-18").unwrap().to_string(),
            "2025-02-18"
        );
        assert!(Date::parse_iso("2025-2-18").is_none());
        assert_eq!(month_from_name("Feb."), Some(2));
        assert_eq!(month_from_name("february"), Some(2));
        assert_eq!(month_from_name("Ma"), None);
    }
}
