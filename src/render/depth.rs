//! A nesting-depth cap applied to Markdown events before HTML sanitising.
//!
//! The sanitiser's HTML parser does work proportional to the depth of open
//! elements for each element it opens, so a list or quote nested 16,000
//! levels deep cost 55 s. Real articles never nest more than a few levels:
//! past [`MAX_DEPTH`], container tags are dropped (their text is kept, so
//! the deeper structure is flattened into the last level), and raw HTML tags
//! that would open deeper are shown as text, as prose shows raw HTML. The
//! build warns, naming the file ([`depth_warning`]).

use crate::content::Article;
use pulldown_cmark::{Event, Options, Parser};

/// Deepest nesting of Markdown structure (lists, items, quotes, emphasis…)
/// plus raw HTML elements that is rendered as structure.
pub const MAX_DEPTH: usize = 32;

/// `events` with structure deeper than [`MAX_DEPTH`] flattened; true when
/// anything was flattened. Linear in the number of events.
pub fn cap_depth<'a>(events: impl Iterator<Item = Event<'a>>) -> (Vec<Event<'a>>, bool) {
    let mut out = Vec::new();
    // For each open Markdown tag: was its start emitted?
    let mut open: Vec<bool> = Vec::new();
    let mut depth = 0usize; // emitted Markdown tags + open raw HTML elements
    let mut html_depth = 0usize;
    let mut flattened = false;
    for event in events {
        match event {
            Event::Start(tag) => {
                let keep = depth < MAX_DEPTH;
                open.push(keep);
                if keep {
                    depth += 1;
                    out.push(Event::Start(tag));
                } else {
                    flattened = true;
                }
            }
            Event::End(end) => {
                if open.pop().unwrap_or(false) {
                    depth -= 1;
                    out.push(Event::End(end));
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                let (peak, net) = html_tags(&html);
                if depth + html_depth + peak > MAX_DEPTH {
                    flattened = true;
                    out.push(Event::Text(html));
                } else {
                    html_depth = html_depth.saturating_add_signed(net);
                    out.push(Event::Html(html));
                }
            }
            other => out.push(other),
        }
    }
    (out, flattened)
}

/// How much deeper a fragment of raw HTML nests at its deepest, and
/// overall (opened minus closed elements; void elements and `/>` count as
/// neither). An estimate for the cap, not a parser: it only has to grow
/// with the nesting a fragment could create.
fn html_tags(html: &str) -> (usize, isize) {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    let (mut level, mut peak) = (0isize, 0isize);
    for (i, _) in html.match_indices('<') {
        let rest = &html[i + 1..];
        if rest.starts_with('/') {
            level -= 1;
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || VOID.contains(&name.as_str()) {
            continue;
        }
        let self_closing = rest.find('>').is_some_and(|end| rest[..end].ends_with('/'));
        if !self_closing {
            level += 1;
            peak = peak.max(level);
        }
    }
    (peak as usize, level)
}

/// A warning naming the article's file when some block of it nests deeper
/// than [`MAX_DEPTH`] and was flattened on its page.
pub fn depth_warning(article: &Article) -> Option<String> {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let deep = article
        .paragraphs
        .iter()
        .filter_map(|p| p.markdown.as_deref())
        .filter(|md| cap_depth(Parser::new_ext(md, opts)).1)
        .count();
    (deep > 0).then(|| {
        format!(
            "{}: {deep} block(s) nest deeper than {MAX_DEPTH} levels; the deeper structure is flattened on the page",
            article.source_path
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> (String, bool) {
        let (events, flat) = cap_depth(Parser::new(md));
        let mut s = String::new();
        pulldown_cmark::html::push_html(&mut s, events.into_iter());
        (s, flat)
    }

    #[test]
    fn shallow_structure_is_untouched() {
        let md = "> quote\n>\n> - a\n>   - b\n";
        let (capped, flat) = html(md);
        let mut plain = String::new();
        pulldown_cmark::html::push_html(&mut plain, Parser::new(md));
        assert_eq!(capped, plain);
        assert!(!flat);
    }

    #[test]
    fn deep_lists_and_quotes_are_flattened_keeping_the_text() {
        let md = format!("{}deepest words\n", "> ".repeat(200));
        let (out, flat) = html(&md);
        assert!(flat);
        assert!(out.matches("<blockquote>").count() <= MAX_DEPTH);
        assert!(out.contains("deepest words"));
        let list: String = (0..300)
            .map(|i| format!("{}- item {i}\n", "  ".repeat(i)))
            .collect();
        let (out, flat) = html(&list);
        assert!(flat);
        assert!(out.matches("<ul>").count() <= MAX_DEPTH);
        assert!(out.contains("item 299"));
    }

    #[test]
    fn deep_raw_html_becomes_text() {
        let md = format!("{}x{}\n", "<div>".repeat(100), "</div>".repeat(100));
        let (out, flat) = html(&md);
        assert!(flat);
        assert!(out.matches("<div>").count() <= MAX_DEPTH, "{out}");
        assert_eq!(html_tags("<p><br><img src=x/><a href=y>t</a></p>"), (2, 0));
        assert_eq!(html_tags("<div><div>"), (2, 2));
    }
}
