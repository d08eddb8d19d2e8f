//! Compact HTML: templates are indented for people to read, but 19k pages of
//! indentation and blank lines are megabytes nobody sees. Leading whitespace
//! and empty lines go; `<pre>`, `<textarea>` and `<script>` keep every byte,
//! since whitespace means something there. A line break beside a block-level
//! tag (`</li>` then `<li>`, `<p>` then text) goes too: white space at the
//! edge of a block is never rendered. Every other line break stays, since
//! between inline content it shows as a space.

/// Elements whose content is copied verbatim.
const VERBATIM: [&str; 3] = ["pre", "textarea", "script"];

/// `html` without indentation and blank lines outside verbatim elements.
pub fn html(html: &str) -> Vec<u8> {
    let mut out = String::with_capacity(html.len());
    // Inside a verbatim element: its closing tag.
    let mut inside: Option<&str> = None;
    // The previous line ended outside verbatim text on a block-level tag.
    let mut after_block = false;
    for line in html.split_inclusive('\n') {
        let kept = if inside.is_some() {
            line
        } else {
            let trimmed = line.trim_start_matches([' ', '\t']);
            if trimmed == "\n" || trimmed == "\r\n" {
                ""
            } else {
                trimmed
            }
        };
        if kept.is_empty() {
            continue;
        }
        if inside.is_none() && (after_block || starts_with_block(kept)) && out.ends_with('\n') {
            out.pop();
            if out.ends_with('\r') {
                out.pop();
            }
        }
        out.push_str(kept);
        inside = state_after(line, inside);
        after_block = inside.is_none() && ends_with_block(kept);
    }
    out.into_bytes()
}

/// Elements laid out as blocks (or kept out of the rendering, in `<head>`):
/// white space beside their tags is never shown.
const BLOCK: [&str; 42] = [
    "!doctype",
    "html",
    "head",
    "body",
    "title",
    "meta",
    "link",
    "script",
    "style",
    "header",
    "nav",
    "main",
    "footer",
    "article",
    "section",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "div",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "hr",
    "form",
    "pre",
];

/// The element name of the tag `s` starts with (`<li …>` or `</li>`), lower case.
fn tag_name(s: &str) -> Option<String> {
    let rest = s.strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
        .collect();
    (!name.is_empty()).then(|| name.to_ascii_lowercase())
}

/// Whether `line` begins with a block-level tag.
fn starts_with_block(line: &str) -> bool {
    tag_name(line).is_some_and(|n| BLOCK.contains(&n.as_str()))
}

/// Whether `line` ends (before its line break) with a block-level tag.
fn ends_with_block(line: &str) -> bool {
    let line = line.trim_end();
    line.ends_with('>')
        && line
            .rfind('<')
            .is_some_and(|i| starts_with_block(&line[i..]))
}

/// Whether a verbatim element is still open after `line`.
fn state_after<'a>(line: &str, mut inside: Option<&'a str>) -> Option<&'a str> {
    let lower = line.to_ascii_lowercase();
    let mut at = 0;
    loop {
        match inside {
            Some(tag) => match lower[at..].find(&format!("</{tag}")) {
                Some(i) => {
                    at += i + 2;
                    inside = None;
                }
                None => return inside,
            },
            None => {
                let next = VERBATIM
                    .iter()
                    .filter_map(|t| opening(&lower[at..], t).map(|i| (i, *t)))
                    .min();
                match next {
                    Some((i, tag)) => {
                        at += i + 1;
                        inside = Some(tag);
                    }
                    None => return None,
                }
            }
        }
    }
}

/// Position of the first `<tag` followed by `>` or white space in `s`.
fn opening(s: &str, tag: &str) -> Option<usize> {
    let pat = format!("<{tag}");
    let mut from = 0;
    while let Some(i) = s[from..].find(&pat) {
        let at = from + i;
        match s[at + pat.len()..].chars().next() {
            Some(c) if c == '>' || c.is_whitespace() => return Some(at),
            None => return Some(at),
            _ => from = at + pat.len(),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_indentation_and_blank_lines() {
        let page = "<main>\n    <p>one\n      two</p>\n\n  \n</main>\n";
        assert_eq!(html(page), b"<main><p>one\ntwo</p></main>\n");
    }

    #[test]
    fn joins_lines_only_at_block_tags() {
        // Between inline content a line break is a space and stays.
        let page = "<ul>\n<li>a</li>\n<li><a href=x>b</a>\n<em>c</em>\ntext\n</li>\n</ul>\n<span>d</span>\n<span>e</span>\n";
        let out = String::from_utf8(html(page)).unwrap();
        assert_eq!(
            out,
            "<ul><li>a</li><li><a href=x>b</a>\n<em>c</em>\ntext</li></ul><span>d</span>\n<span>e</span>\n"
        );
    }

    #[test]
    fn keeps_preformatted_text_verbatim() {
        let page = "<div>\n  <pre class=\"x\"><code>fn main() {\n    x();\n\n}</code></pre>\n  <p>after</p>\n<PRE>\n  a\n</PRE>\n  <pretty>\n  b\n";
        let out = String::from_utf8(html(page)).unwrap();
        assert_eq!(
            out,
            "<div><pre class=\"x\"><code>fn main() {\n    x();\n\n}</code></pre><p>after</p><PRE>\n  a\n</PRE><pretty>\nb\n"
        );
    }

    #[test]
    fn keeps_scripts_verbatim_across_lines() {
        let page = "<script>\n  let s = `a\n\n  b`;\n</script>\n  <p>x</p>\n";
        let out = String::from_utf8(html(page)).unwrap();
        assert_eq!(out, "<script>\n  let s = `a\n\n  b`;\n</script><p>x</p>\n");
    }
}
