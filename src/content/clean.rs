//! Line-level cleanup of scraped text, before blocks are formed.
//!
//! Dropped (the line is blanked, so line numbers stay put):
//! - page-builder leftovers: a line that is only `Embed:` (also `### **Embed:**`);
//! - "related" links: `**Related article:** [Headline](…)`, `Read more: <url>`;
//! - `Original url:` with its address on the same or the next non-blank
//!   line (the address becomes the article's `url`);
//! - photo-credit lines: `Name | Agency | Getty Images`, `Reuters/Name`,
//!   `Photo: …`. The non-blank line right before a credit is remembered as a
//!   caption (its block becomes `BlockKind::Caption`).
//!
//! Lines inside Markdown code fences are never touched.

/// What the line pass found besides the lines it blanked.
#[derive(Debug, Default, PartialEq)]
pub struct Cleaned {
    /// Address from an `Original url:` line.
    pub url: Option<String>,
    /// Indices of lines that are photo captions, ascending.
    pub caption_lines: Vec<usize>,
}

/// Blanks boilerplate lines in place and reports what it learnt.
pub fn clean_lines(lines: &mut [&str], markdown: bool) -> Cleaned {
    let mut out = Cleaned::default();
    let mut in_fence = false;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if markdown && is_fence(line) {
            in_fence = !in_fence;
        }
        if in_fence || line.trim().is_empty() {
            i += 1;
            continue;
        }
        if let Some(rest) = original_url_rest(line) {
            lines[i] = "";
            let found = url_in(rest).or_else(|| {
                let next = (i + 1..lines.len()).find(|&j| !lines[j].trim().is_empty())?;
                let url = url_in(lines[next])?;
                if lines[next].trim().len() <= url.len() + 4 {
                    lines[next] = "";
                }
                Some(url)
            });
            out.url = out.url.or(found);
        } else if is_embed_leftover(line) || is_related_link(line) {
            lines[i] = "";
        } else if is_credit_line(line) {
            lines[i] = "";
            let prev = (0..i).rev().find(|&j| !lines[j].trim().is_empty());
            if let Some(p) = prev.filter(|p| out.caption_lines.last() != Some(p)) {
                out.caption_lines.push(p);
            }
        }
        i += 1;
    }
    out
}

/// A line the clean pass drops whatever its neighbours (embed leftovers,
/// related links, `Original url:` labels).
pub fn is_boilerplate(line: &str) -> bool {
    is_embed_leftover(line) || is_related_link(line) || original_url_rest(line).is_some()
}

/// A Markdown fence opener/closer (```` ``` ```` or `~~~`).
pub fn is_fence(line: &str) -> bool {
    let t = line.trim_start();
    line.len() - t.len() < 4 && (t.starts_with("```") || t.starts_with("~~~"))
}

/// The line without surrounding whitespace, heading/quote markers and
/// emphasis: `### **Embed:**` → `Embed:`.
fn undecorated(line: &str) -> &str {
    line.trim()
        .trim_start_matches(['#', '>'])
        .trim()
        .trim_matches(['*', '_'])
        .trim()
}

fn is_embed_leftover(line: &str) -> bool {
    let t = undecorated(line);
    t.eq_ignore_ascii_case("embed:") || t.eq_ignore_ascii_case("embed")
}

/// A label followed by the rest of the line, case-insensitively.
fn after_label<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    let t = line.trim().trim_start_matches(['*', '_']);
    labels.iter().find_map(|label| {
        let head = t.get(..label.len())?;
        head.eq_ignore_ascii_case(label).then(|| &t[label.len()..])
    })
}

/// `Related article: …`, or `Read more:`/`See also:` followed only by a link.
fn is_related_link(line: &str) -> bool {
    if after_label(line, &["related article:", "related articles:", "related:"]).is_some() {
        return true;
    }
    let Some(rest) = after_label(
        line,
        &["read more:", "read also:", "see also:", "also read:"],
    ) else {
        return false;
    };
    let rest = rest.trim().trim_matches(['*', '_']).trim();
    rest.is_empty() || url_in(rest).is_some_and(|_| rest.starts_with(['[', '<', 'h']))
}

fn original_url_rest(line: &str) -> Option<&str> {
    let rest = after_label(line, &["original url:", "original link:", "source url:"])?;
    Some(rest.trim_start_matches(['*', '_']))
}

/// The address in `<https://…>`, `[text](https://…)` or a bare `https://…`.
pub fn url_in(text: &str) -> Option<String> {
    let start = text.find("https://").or_else(|| text.find("http://"))?;
    let url = &text[start..];
    let end = url
        .find(|c: char| c.is_whitespace() || matches!(c, '>' | ')' | '"' | '\''))
        .unwrap_or(url.len());
    let url = &url[..end];
    (url.len() > "https://".len()).then(|| url.to_string())
}

/// Agencies and photo libraries named in credit lines.
const CREDIT_WORDS: &[&str] = &[
    "Getty",
    "Images",
    "Photos",
    "Photo",
    "Reuters",
    "AFP",
    "AP",
    "Anadolu",
    "EPA",
    "EFE",
    "Bloomberg",
    "Pool",
    "Sputnik",
    "TASS",
    "Xinhua",
    "Shutterstock",
    "Alamy",
    "NurPhoto",
    "SOPA",
    "LightRocket",
    "Imago",
    "Kremlin",
    "Service",
];

/// Agencies that credit as `Agency/Photographer`.
const SLASH_AGENCIES: &[&str] = &[
    "Reuters",
    "AFP",
    "AP",
    "EPA",
    "EPA-EFE",
    "TASS",
    "Sputnik",
    "Anadolu",
    "Xinhua",
    "Bloomberg",
    "Pool",
    "Getty Images",
    "Imago",
];

/// A photo-credit line: `A | B | Getty Images`, `Reuters/First Last`,
/// `Photo: …` / `Photo by …` / `Credit: …`. Short, no sentence punctuation.
pub fn is_credit_line(line: &str) -> bool {
    let t = line.trim().trim_matches(['*', '_', '(', ')']).trim();
    if t.is_empty() || t.chars().count() > 100 {
        return false;
    }
    if after_label(
        t,
        &[
            "photo:",
            "photos:",
            "photo by ",
            "photograph:",
            "image:",
            "credit:",
            "picture:",
        ],
    )
    .is_some()
    {
        return true;
    }
    if t.ends_with(['.', '!', '?', ',', ';', ':']) {
        return false;
    }
    if t.contains('|') {
        return is_pipe_credit(t);
    }
    is_slash_credit(t)
}

fn is_pipe_credit(t: &str) -> bool {
    let parts_ok = t.split('|').map(str::trim).all(|p| {
        !p.is_empty() && p.len() <= 40 && p.split_whitespace().count() <= 6 && starts_upper(p)
    });
    parts_ok
        && t.split(|c: char| !c.is_alphanumeric())
            .any(|w| CREDIT_WORDS.contains(&w))
}

fn is_slash_credit(t: &str) -> bool {
    let Some((agency, name)) = t.split_once('/') else {
        return false;
    };
    let words = name.split_whitespace().count();
    SLASH_AGENCIES.contains(&agency.trim())
        && (1..=5).contains(&words)
        && t.len() <= 60
        && name.split_whitespace().all(starts_upper)
}

fn starts_upper(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, markdown: bool) -> (Vec<String>, Cleaned) {
        let mut lines: Vec<&str> = text.lines().collect();
        let c = clean_lines(&mut lines, markdown);
        (lines.iter().map(|s| s.to_string()).collect(), c)
    }

    #[test]
    fn drops_embed_leftovers_in_any_dress() {
        let (lines, _) = run(
            "Keep me.\n### **Embed:**\nEmbed:\n*Embed*\nEmbedded systems are fun.",
            true,
        );
        assert_eq!(lines, ["Keep me.", "", "", "", "Embedded systems are fun."]);
    }

    #[test]
    fn drops_related_links_but_not_prose() {
        let (lines, _) = run(
            "**Related article:** [Ferries halted](#)\nRead more: https://example.org/x\n\
             Read more: the council said it would meet.\nRelated work continues.",
            true,
        );
        assert_eq!(lines[..2], ["", ""]);
        assert_eq!(lines[2], "Read more: the council said it would meet.");
        assert_eq!(lines[3], "Related work continues.");
    }

    #[test]
    fn takes_original_url_from_same_or_next_line() {
        let (lines, c) = run(
            "Body.\n\nOriginal url:\n\n<https://example.org/a/b>\n",
            true,
        );
        assert_eq!(c.url.as_deref(), Some("https://example.org/a/b"));
        assert!(lines
            .iter()
            .all(|l| !l.contains("example.org") && !l.contains("Original")));
        let (_, c) = run("Original URL: https://example.net/z", false);
        assert_eq!(c.url.as_deref(), Some("https://example.net/z"));
    }

    #[test]
    fn credit_lines_are_dropped_and_mark_the_caption_before() {
        let (lines, c) = run(
            "A mayor waves at a crowd in a square.\nJane Roe | Agency | Getty Images\n\
             A plain paragraph follows here.\nThe ferry at dusk.\n\nReuters/Pat Doe\n",
            false,
        );
        assert_eq!(lines[1], "");
        assert_eq!(lines[5], "");
        assert_eq!(c.caption_lines, vec![0, 3]);
    }

    #[test]
    fn recognises_credit_shapes() {
        for yes in [
            "Jo Bloggs | Getty Photos",
            "Anadolu | Anadolu | Getty Images",
            "EPA/Ann Example",
            "Photo: City Hall",
            "(Photo by Kim Doe)",
        ] {
            assert!(is_credit_line(yes), "{yes}");
        }
        for no in [
            "Sales | Marketing | Finance",
            "He said Reuters/Ipsos polled.",
            "Either/or",
            "A short heading",
            "Prices rose 3% | up",
        ] {
            assert!(!is_credit_line(no), "{no}");
        }
    }

    #[test]
    fn leaves_code_fences_alone() {
        let (lines, _) = run("```\nEmbed:\n```\nEmbed:", true);
        assert_eq!(lines, ["```", "Embed:", "```", ""]);
    }

    #[test]
    fn finds_urls_in_all_shapes() {
        assert_eq!(
            url_in("<https://a.example/x>").as_deref(),
            Some("https://a.example/x")
        );
        assert_eq!(
            url_in("[t](http://b.example/y)").as_deref(),
            Some("http://b.example/y")
        );
        assert_eq!(
            url_in("see https://c.example/z now").as_deref(),
            Some("https://c.example/z")
        );
        assert_eq!(url_in("https://"), None);
        assert_eq!(url_in("no link"), None);
    }
}
