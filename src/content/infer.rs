//! Metadata inferred from the text of articles without front matter.
//!
//! The *lead* is the run of lines at the top of the file before the first
//! line of body text. Recognised there, in any order, and removed:
//! - ` date 2025-02-18` — text after the date on the same line is body text;
//! - a first `# ` heading (Markdown only) — the title;
//! - a line that is only a date (`February 18, 2025`, `18 Feb. 2025`);
//! - a byline (`By Jane Roe`).
//!
//! The first body line may open with a wire dateline, `RIYADH (Reuters): `
//! or `RIYADH, Feb 18 (Reuters) - `: it gives the place and the agency and is
//! removed from the text. Metadata further down the text is not taken from
//! lead-style lines: a date line in the middle of an article is more likely
//! about something else.

use super::dates;
use crate::date::Date;
use crate::nlp::sentences;

/// What the lead of a file told us.
#[derive(Debug, Default, PartialEq)]
pub struct Lead {
    /// From a leading `# ` heading (still Markdown source: inline markup is
    /// removed by the caller).
    pub title_markdown: Option<String>,
    /// From ` date …` (true) or a standalone date line (false).
    pub date: Option<(Date, bool)>,
    /// From a plain headline line.
    pub title_plain: Option<String>,
    /// From a `By …` line.
    pub author: Option<String>,
    /// From a wire dateline: "RIYADH" → "Riyadh".
    pub place: Option<String>,
    /// From a wire dateline: the agency in parentheses.
    pub agency: Option<String>,
}

/// Reads and removes the lead of `lines` (consumed lines are blanked, a
/// partly consumed line is replaced by its remainder).
pub fn read_lead(lines: &mut [&str], markdown: bool) -> Lead {
    let mut lead = Lead::default();
    let mut body = None;
    let headline_at = headline_line(lines);
    for (i, slot) in lines.iter_mut().enumerate() {
        let line = *slot;
        if line.trim().is_empty() {
            continue;
        }
        if lead.date.is_none() {
            if let Some((d, rest)) = dates::date_line(line) {
                lead.date = Some((d, true));
                *slot = rest;
                if rest.is_empty() {
                    continue;
                }
                body = Some(i);
                break;
            }
        }
        if markdown && lead.title_markdown.is_none() {
            if let Some(t) = h1(line) {
                lead.title_markdown = Some(t.to_string());
                *slot = "";
                continue;
            }
        }
        if lead.date.is_none() {
            if let Some(d) = dates::parse_standalone(line) {
                lead.date = Some((d, false));
                *slot = "";
                continue;
            }
        }
        if lead.author.is_none() {
            if let Some(name) = byline(line) {
                lead.author = Some(name.to_string());
                *slot = "";
                continue;
            }
        }
        if headline_at == Some(i) && lead.title_markdown.is_none() && lead.title_plain.is_none() {
            lead.title_plain = Some(line.trim().to_string());
            *slot = "";
            continue;
        }
        body = Some(i);
        break;
    }
    if let Some(i) = body {
        if let Some(d) = dateline(lines[i]) {
            lead.place = Some(d.place);
            lead.agency = Some(d.agency.to_string());
            lines[i] = d.rest;
        }
    }
    lead
}

/// Index of the first non-blank line if it has the shape of a headline
/// (module docs). Looked at before the lead is read, so ` date …` lines and
/// headings never qualify.
fn headline_line(lines: &[&str]) -> Option<usize> {
    let i = lines.iter().position(|l| !l.trim().is_empty())?;
    let t = lines[i].trim();
    let words = t.split_whitespace().count();
    let shaped = t.chars().count() <= 120
        && (2..=20).contains(&words)
        && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !t.ends_with([
            '.', '!', '?', ':', ';', ',', '…', '"', '”', '’', ')', '*', '_', '|',
        ])
        && dates::date_line(t).is_none()
        && dates::parse_standalone(t).is_none()
        && byline(t).is_none();
    let alone = lines.get(i + 1).is_some_and(|l| l.trim().is_empty());
    let more = lines[i + 1..].iter().any(|l| !l.trim().is_empty());
    (shaped && alone && more).then_some(i)
}

/// The text of an ATX level-1 heading line (`# Title #`).
fn h1(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if line.len() - t.len() > 3 {
        return None;
    }
    let rest = t.strip_prefix('#')?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim_end();
    (!text.is_empty()).then_some(text)
}

/// `By Jane Roe` / `*By Jane Roe and Sam Poe*`: the names.
fn byline(line: &str) -> Option<&str> {
    let t = line.trim().trim_matches(['*', '_']).trim();
    let names = t
        .strip_prefix("By ")
        .or_else(|| t.strip_prefix("BY "))?
        .trim();
    let words = names.split_whitespace().count();
    let capitalised = names.split_whitespace().all(|w| {
        w.starts_with(char::is_uppercase)
            || matches!(w, "and" | "de" | "van" | "von" | "al" | "bin")
    });
    let ok = (1..=8).contains(&words) && names.len() <= 80 && capitalised && !names.ends_with('.');
    ok.then_some(names)
}

/// A wire dateline at the start of a line.
#[derive(Debug, PartialEq)]
pub struct Dateline<'a> {
    /// Title-cased place ("Riyadh").
    pub place: String,
    /// Agency as written in the parentheses ("Reuters").
    pub agency: &'a str,
    /// The line after the dateline.
    pub rest: &'a str,
}

/// `PLACE (Agency): text`, `PLACE (Agency) - text`, `PLACE, Feb 18 (Agency) — text`.
/// The place before the first comma must be in capitals.
pub fn dateline(line: &str) -> Option<Dateline<'_>> {
    let t = line.trim_start();
    let open = t.find('(').filter(|&i| i <= 60)?;
    let close = open + t[open..].find(')')?;
    let agency = t[open + 1..close].trim();
    let agency_ok = !agency.is_empty()
        && agency.len() <= 30
        && agency.split_whitespace().count() <= 4
        && agency
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '.' | '&'));
    let head = t[..open].trim_end();
    let place_raw = head.split(',').next()?.trim();
    if !agency_ok || !is_capitals(place_raw) {
        return None;
    }
    let after = t[close + 1..].trim_start();
    let sep = after
        .chars()
        .next()
        .filter(|c| matches!(c, ':' | '-' | '–' | '—'))?;
    let rest = &after[sep.len_utf8()..];
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    Some(Dateline {
        place: title_case(place_raw),
        agency,
        rest: rest.trim_start(),
    })
}

/// At least two letters, all of them capitals ("RIYADH", "ST. LOUIS").
fn is_capitals(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && s.chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\''))
}

/// The place of a dateline such as `NEW YORK, March 24` → "New York"
/// (front matter `dateline:` of wire archives). `None` without letters.
pub fn place_from_dateline(dateline: &str) -> Option<String> {
    let place = dateline.split(',').next()?.trim();
    if !place.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(if is_capitals(place) {
        title_case(place)
    } else {
        place.to_string()
    })
}

/// "NEW YORK" → "New York", "WINSTON-SALEM" → "Winston-Salem".
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = matches!(c, ' ' | '-');
    }
    out
}

/// The outlet named by a sign-off line: leading dashes, anything after a
/// spaced dash and trailing lowercase words dropped
/// (`-- Harbour Times` → "Harbour Times", `Lake Post city desk` → "Lake Post").
pub fn outlet_from_sign_off(line: &str) -> Option<String> {
    let t = line.trim().trim_start_matches(['-', '—', '–', ' ']);
    let t = [" — ", " – ", " - "]
        .iter()
        .fold(t, |t, sep| t.split(sep).next().unwrap_or(t));
    let mut words: Vec<&str> = t.split_whitespace().collect();
    while words
        .last()
        .is_some_and(|w| !w.starts_with(char::is_uppercase))
    {
        words.pop();
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// Longest inferred title, in characters, before it is cut with "…".
pub const TITLE_MAX: usize = 90;

/// A title from prose: its first sentence, whitespace collapsed, a final
/// period dropped, cut at a word boundary to about [`TITLE_MAX`] characters
/// with "…". `None` for blank text.
pub fn title_from_text(text: &str) -> Option<String> {
    let first = sentences::split(text).into_iter().next()?;
    let sentence = collapse_whitespace(&text[first]);
    Some(cap_title(&sentence))
}

fn cap_title(sentence: &str) -> String {
    if sentence.chars().count() <= TITLE_MAX {
        // Drop a sentence's full stop, but keep the period of a final "U.S.".
        return match sentence.strip_suffix('.') {
            Some(s) if !s.rsplit(' ').next().unwrap_or("").contains('.') => s.to_string(),
            _ => sentence.to_string(),
        };
    }
    let cut = sentence
        .char_indices()
        .nth(TITLE_MAX)
        .map_or(sentence.len(), |(i, _)| i);
    let head = &sentence[..cut];
    let head = match head.rfind(' ') {
        Some(space) if space > 0 => &head[..space],
        _ => head,
    };
    let head = head.trim_end_matches([',', ';', ':', '-', '–', '—', ' ']);
    format!("{head}…")
}

/// Runs of whitespace → one space, trimmed.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
#[path = "infer_tests.rs"]
mod tests;
