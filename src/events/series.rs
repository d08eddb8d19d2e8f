//! Routine series learnt from the corpus: a headline template (the headline
//! without its numbers, dates and bracketed company marks) that recurs on
//! at least `Params::series_min_days` (3) different days is a routine report (a central
//! bank's daily market operation, a daily market report). Each day's report
//! is its own happening, so a series member joins only reports of its own
//! day: similar words and the same institution do not make two days' reports
//! one event.
//!
//! Nothing here names a series: the templates and their days come from the
//! articles being clustered.

use crate::date::{month_from_name, WEEKDAYS};
use crate::events::params::ClusterDoc;
use std::collections::{BTreeMap, BTreeSet};

/// Template words needed: a one- or two-word template ("wheat", "results")
/// says too little to be a routine report's headline.
const MIN_WORDS: usize = 3;

/// The template of a headline: its lowercased words without numbers
/// (any word with a digit), month and weekday names, and what angle
/// brackets mark (a company or ticker), joined by single spaces. `None`
/// when fewer than [`MIN_WORDS`] words remain.
pub(crate) fn template(title: &str) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    let mut bracket = false;
    for raw in title.split(|c: char| c.is_whitespace() || c == '-' || c == '/') {
        let mut word = String::new();
        for c in raw.chars() {
            match c {
                '<' => bracket = true,
                '>' => bracket = false,
                _ if !bracket && (c.is_alphanumeric() || c == '.' || c == '\'') => word.push(c),
                _ => {}
            }
        }
        let word = word
            .trim_matches(|c: char| c == '.' || c == '\'')
            .to_lowercase();
        let dateish = month_from_name(&word).is_some()
            || WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(&word));
        if word.is_empty() || word.chars().any(|c| c.is_ascii_digit()) || dateish {
            continue;
        }
        out.push(word);
    }
    (out.len() >= MIN_WORDS).then(|| out.join(" "))
}

/// For each document (input order), the id of its headline's series, if
/// its template recurs on at least `min_days` different dated days (never
/// when `min_days` is 0).
/// Ids are given in sorted template order, so they do not depend on the
/// input order.
pub(crate) fn series_of(docs: &[ClusterDoc], min_days: usize) -> Vec<Option<u32>> {
    if min_days == 0 {
        return vec![None; docs.len()];
    }
    let templates: Vec<Option<String>> = docs.iter().map(|d| template(&d.title)).collect();
    let mut days: BTreeMap<&str, BTreeSet<i64>> = BTreeMap::new();
    for (d, t) in docs.iter().zip(&templates) {
        if let (true, Some(t)) = (d.dated, t) {
            days.entry(t.as_str()).or_default().insert(d.date.to_days());
        }
    }
    let ids: BTreeMap<&str, u32> = days
        .iter()
        .filter(|(_, d)| d.len() >= min_days)
        .enumerate()
        .map(|(k, (t, _))| (*t, k as u32))
        .collect();
    templates
        .iter()
        .map(|t| t.as_deref().and_then(|t| ids.get(t).copied()))
        .collect()
}

/// A routine report and an event of other days: the article is a series
/// member or the event began with one, and the event's dated span is not
/// the article's own day.
pub(crate) fn other_day(
    article_series: Option<u32>,
    event_series: Option<u32>,
    day: i64,
    span: Option<(i64, i64)>,
) -> bool {
    (article_series.is_some() || event_series.is_some())
        && span.is_some_and(|(lo, hi)| lo != day || hi != day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn doc(id: &str, title: &str, day: u8) -> ClusterDoc {
        crate::events::testing::cluster_doc(id, Date::new(2030, 4, day).unwrap(), title, "")
    }

    #[test]
    fn template_drops_numbers_dates_and_bracketed_marks() {
        assert_eq!(
            template("Zorland market given 215 mln crowns help on Tuesday").as_deref(),
            Some("zorland market given mln crowns help on")
        );
        assert_eq!(
            template("QUIXOTE MILLS <QXM> 3RD QTR NET").as_deref(),
            Some("quixote mills qtr net")
        );
        assert_eq!(template("Wheat 12 April"), None);
    }

    #[test]
    fn a_template_on_three_days_is_a_series_and_on_two_is_not() {
        let docs = vec![
            doc("a", "Zorland market given 10 mln help", 1),
            doc("b", "Zorland market given 25 mln help", 2),
            doc("c", "Zorland market given 30 mln help", 3),
            doc("d", "Quixote mills sets 2-for-1 split", 1),
            doc("e", "Quixote mills sets 3-for-1 split", 2),
        ];
        let s = series_of(&docs, 3);
        assert!(s[0].is_some() && s[0] == s[1] && s[1] == s[2]);
        assert_eq!(s[3], None);
        assert_eq!(s[4], None);
    }

    #[test]
    fn a_series_member_joins_only_its_own_day() {
        assert!(other_day(Some(0), None, 5, Some((4, 4))));
        assert!(other_day(None, Some(0), 5, Some((5, 6))));
        assert!(!other_day(Some(0), Some(0), 5, Some((5, 5))));
        assert!(!other_day(None, None, 5, Some((1, 9))));
        assert!(!other_day(Some(0), None, 5, None));
    }
}
