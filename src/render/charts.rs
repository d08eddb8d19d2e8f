//! Pictures drawn at build time as inline SVG (no JavaScript): an event's
//! timeline, a person's mentions over time, an event's sources by outlet.
//!
//! Exposed to templates as Tera functions taking lists from the page
//! context, so a theme decides where (and whether) they appear:
//! `{{ timeline_svg(items=event.timeline) }}`,
//! `{{ mentions_svg(articles=person.articles) }}`,
//! `{{ outlets_svg(sources=event.sources) }}`.
//! Every text is escaped; links are relative to the page (`root`).

use super::body::escape;
use crate::date::Date;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Drawing width in SVG units (the picture scales to its container).
const W: f64 = 640.0;
/// Most outlets drawn; the rest are summed as "others".
const MAX_OUTLETS: usize = 10;

/// One dated entry of a timeline.
#[derive(Debug, Deserialize)]
pub struct Dated {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// What happened (shown as a tooltip).
    #[serde(default, alias = "title")]
    pub text: String,
    /// Site-relative link.
    #[serde(default)]
    pub url: String,
    /// Outlet.
    #[serde(default)]
    pub source: Option<String>,
}

fn day(s: &str) -> Option<i64> {
    Date::parse_iso(s.get(..10)?).map(Date::to_days)
}

/// Starts an SVG; `role` is `img` for a plain picture and `group` for one
/// holding links (an `img` may not contain interactive elements). Its
/// `<title>` is both its accessible name and its tooltip (SVG-AAM), so no
/// `aria-label` repeats it; inside HTML an `<svg>` needs no `xmlns`.
fn open(out: &mut String, h: f64, label: &str, class: &str, role: &str) {
    let _ = write!(
        out,
        "<svg class=\"chart {class}\" viewBox=\"0 0 {W} {h}\" role=\"{role}\"><title>{}</title>",
        escape(label)
    );
}

/// Characters of an entry's text in its dot's tooltip.
const TIP_CHARS: usize = 80;

/// An event's timeline: one dot per dated entry on a day axis, stacked when
/// several fall on one day; each dot links to its source paragraph.
pub fn timeline(items: &[Dated], root: &str) -> String {
    let mut dated: Vec<(i64, &Dated)> = items
        .iter()
        .filter_map(|i| day(&i.date).map(|d| (d, i)))
        .collect();
    if dated.is_empty() {
        return String::new();
    }
    dated.sort_by_key(|(d, _)| *d);
    let (first, last) = (dated[0].0, dated[dated.len() - 1].0);
    if first == last {
        // One day is a point, not a timeline: the list below says it all.
        return String::new();
    }
    let span = (last - first).max(1) as f64;
    let mut per_day: BTreeMap<i64, usize> = BTreeMap::new();
    let stack = dated.iter().map(|(d, _)| {
        let n = per_day.entry(*d).or_default();
        *n += 1;
        *n - 1
    });
    let stack: Vec<usize> = stack.collect();
    let tallest = stack.iter().max().copied().unwrap_or(0).min(8);
    let h = 56.0 + 14.0 * tallest as f64;
    let axis = h - 28.0;
    let x = |d: i64| 24.0 + (W - 48.0) * (d - first) as f64 / span;
    let mut out = String::new();
    let label = format!(
        "Timeline: {} dated {} from {} to {}",
        dated.len(),
        if dated.len() == 1 { "entry" } else { "entries" },
        dated[0].1.date,
        dated[dated.len() - 1].1.date
    );
    let linked = dated.iter().any(|(_, i)| !i.url.is_empty());
    open(
        &mut out,
        h,
        &label,
        "timeline-chart",
        if linked { "group" } else { "img" },
    );
    let _ = write!(
        out,
        "<line x1=\"24\" y1=\"{axis}\" x2=\"{}\" y2=\"{axis}\" class=\"axis\"/>",
        W - 24.0
    );
    for ((d, item), level) in dated.iter().zip(&stack) {
        let cy = axis - 10.0 - 14.0 * (*level).min(8) as f64;
        // The page lists every entry in full below the picture: the dot's
        // tooltip only needs enough words to tell the dots apart.
        let text = shorten(&item.text, TIP_CHARS);
        let tip = match &item.source {
            Some(s) => format!("{}: {text} ({s})", item.date),
            None => format!("{}: {text}", item.date),
        };
        let dot = format!(
            "<circle cx=\"{:.1}\" cy=\"{cy:.1}\" r=\"5\"><title>{}</title></circle>",
            x(*d),
            escape(&tip)
        );
        if item.url.is_empty() {
            out.push_str(&dot);
        } else {
            let _ = write!(
                out,
                "<a href=\"{}{}\">{dot}</a>",
                escape(root),
                escape(&item.url)
            );
        }
    }
    let _ = write!(
        out,
        "<text x=\"24\" y=\"{}\" class=\"tick\">{}</text>",
        h - 8.0,
        escape(&dated[0].1.date)
    );
    if last != first {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" class=\"tick\" text-anchor=\"end\">{}</text>",
            W - 24.0,
            h - 8.0,
            escape(&dated[dated.len() - 1].1.date)
        );
    }
    out.push_str("</svg>");
    out
}

/// A person's mentions over time: articles per day (or per month, past 120
/// days) as bars.
pub fn mentions(articles: &[Dated]) -> String {
    let dated: Vec<i64> = articles.iter().filter_map(|a| day(&a.date)).collect();
    let (Some(&first), Some(&last)) = (dated.iter().min(), dated.iter().max()) else {
        return String::new();
    };
    if first == last {
        // A single bar compares nothing; the page says the date.
        return String::new();
    }
    let monthly = last - first > 120;
    let key = |d: &Dated| -> String {
        if monthly {
            d.date.get(..7).unwrap_or(&d.date).to_string()
        } else {
            d.date.get(..10).unwrap_or(&d.date).to_string()
        }
    };
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for a in articles.iter().filter(|a| day(&a.date).is_some()) {
        *counts.entry(key(a)).or_default() += 1;
    }
    // Every day (or month) in the span gets a slot, so gaps show as gaps.
    let slots: Vec<String> = if monthly {
        let mut v = Vec::new();
        let (mut y, mut m) = ym(counts.keys().next().expect("non-empty"));
        let end = ym(counts.keys().next_back().expect("non-empty"));
        while (y, m) <= end && v.len() < 600 {
            v.push(format!("{y:04}-{m:02}"));
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        v
    } else {
        let by_day: BTreeMap<i64, String> = articles
            .iter()
            .filter_map(|a| day(&a.date).map(|d| (d, key(a))))
            .collect();
        (first..=last)
            .map(|d| {
                by_day
                    .get(&d)
                    .cloned()
                    .unwrap_or_else(|| format!("day {d}"))
            })
            .collect()
    };
    let max = counts.values().max().copied().unwrap_or(1) as f64;
    let h = 120.0;
    let base = h - 24.0;
    let bw = (W - 48.0) / slots.len() as f64;
    let mut out = String::new();
    let label = format!(
        "Mentions over time: {} articles, {} to {}",
        dated.len(),
        counts.keys().next().expect("non-empty"),
        counts.keys().next_back().expect("non-empty")
    );
    open(&mut out, h, &label, "mentions-chart", "img");
    for (i, slot) in slots.iter().enumerate() {
        let Some(&n) = counts.get(slot) else { continue };
        let bh = (base - 8.0) * n as f64 / max;
        let _ = write!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bh:.1}\"><title>{}: {n} {}</title></rect>",
            24.0 + i as f64 * bw + bw * 0.1,
            base - bh,
            (bw * 0.8).max(1.0),
            escape(slot),
            if n == 1 { "article" } else { "articles" }
        );
    }
    let _ = write!(
        out,
        "<line x1=\"24\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" class=\"axis\"/>",
        W - 24.0
    );
    let (a, b) = (
        counts.keys().next().expect("non-empty"),
        counts.keys().next_back().expect("non-empty"),
    );
    let _ = write!(
        out,
        "<text x=\"24\" y=\"{}\" class=\"tick\">{}</text>",
        h - 6.0,
        escape(a)
    );
    if a != b {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" class=\"tick\" text-anchor=\"end\">{}</text>",
            W - 24.0,
            h - 6.0,
            escape(b)
        );
    }
    out.push_str("</svg>");
    out
}

fn ym(s: &str) -> (i32, u32) {
    let y = s.get(..4).and_then(|y| y.parse().ok()).unwrap_or(1970);
    let m = s.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    (y, m)
}

/// An event's sources by outlet: one labelled bar per outlet, most first.
pub fn outlets(sources: &[Dated]) -> String {
    if sources.is_empty() {
        return String::new();
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for s in sources {
        *counts
            .entry(s.source.as_deref().unwrap_or("unknown outlet"))
            .or_default() += 1;
    }
    if counts.len() < 2 {
        // One outlet is one bar: the source list already says it.
        return String::new();
    }
    let mut rows: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if rows.len() > MAX_OUTLETS {
        let others: usize = rows[MAX_OUTLETS - 1..].iter().map(|r| r.1).sum();
        let n = rows.len() - (MAX_OUTLETS - 1);
        rows.truncate(MAX_OUTLETS - 1);
        rows.push((format!("{n} other outlets"), others));
    }
    let max = rows.iter().map(|r| r.1).max().unwrap_or(1) as f64;
    let row_h = 22.0;
    let h = 8.0 + row_h * rows.len() as f64;
    let label_w = 200.0;
    let mut out = String::new();
    let label = format!(
        "Sources by outlet: {} articles from {} outlets",
        sources.len(),
        rows.len()
    );
    open(&mut out, h, &label, "outlets-chart", "img");
    for (i, (name, n)) in rows.iter().enumerate() {
        let y = 4.0 + i as f64 * row_h;
        let bw = (W - label_w - 48.0) * *n as f64 / max;
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" class=\"label\">{}</text>\
             <rect x=\"{label_w}\" y=\"{:.1}\" width=\"{bw:.1}\" height=\"{:.1}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" class=\"value\">{n}</text>",
            label_w - 8.0,
            y + 15.0,
            escape(&shorten(name, 28)),
            y + 3.0,
            row_h - 6.0,
            label_w + bw + 6.0,
            y + 15.0,
        );
    }
    out.push_str("</svg>");
    out
}

fn shorten(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Reads a template list argument into [`Dated`] entries (others skipped).
pub fn read_list(value: &tera::Value) -> Vec<Dated> {
    let json = serde_json::to_value(value).unwrap_or_default();
    json.as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|v| serde_json::from_value(v.clone()).ok())
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(date: &str, source: Option<&str>) -> Dated {
        Dated {
            date: date.into(),
            text: "Talks <b>open</b>".into(),
            url: "articles/x/#p1".into(),
            source: source.map(Into::into),
        }
    }

    #[test]
    fn timeline_places_dots_by_day_escapes_and_links() {
        let svg = timeline(
            &[
                d("2025-02-12", None),
                d("2025-02-18", Some("W")),
                d("2025-02-18", None),
            ],
            "../../",
        );
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains("href=\"../../articles/x/#p1\""));
        assert!(svg.contains("&lt;b&gt;open") && !svg.contains("<b>"));
        assert!(
            svg.contains("cx=\"24.0\"") && svg.contains("cx=\"616.0\""),
            "{svg}"
        );
        assert!(svg.contains("role=\"group\"><title>Timeline: 3 dated entries"));
        assert_eq!(timeline(&[], ""), "");
        let one_day = [d("2025-02-18", None), d("2025-02-18", Some("W"))];
        assert_eq!(timeline(&one_day, ""), "", "one day draws nothing");
        assert_eq!(mentions(&one_day), "", "one bar draws nothing");
    }

    #[test]
    fn mentions_count_per_day_and_outlets_sort_by_count() {
        let svg = mentions(&[
            d("2025-02-12", None),
            d("2025-02-12", None),
            d("2025-02-14", None),
        ]);
        assert_eq!(svg.matches("<rect").count(), 2, "{svg}");
        assert!(svg.contains("2025-02-12: 2 articles"));
        let long = mentions(&[d("2024-01-05", None), d("2025-02-12", None)]);
        assert!(long.contains("2024-01: 1 article"), "{long}");
        let svg = outlets(&[d("x", Some("B")), d("x", Some("A")), d("x", Some("A"))]);
        let a = svg.find(">A<").unwrap();
        let b = svg.find(">B<").unwrap();
        assert!(a < b, "{svg}");
        assert_eq!(outlets(&[d("x", Some("A")), d("y", Some("A"))]), "");
    }
}
