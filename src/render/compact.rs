//! Compact HTML: templates are indented for people to read, but 19k pages of
//! indentation and blank lines are megabytes nobody sees. Leading whitespace
//! and empty lines go; `<pre>`, `<textarea>` and `<script>` keep every byte,
//! since whitespace means something there. Everything else keeps its line
//! breaks, so the rendered page is the same (a line break is white space).

/// Elements whose content is copied verbatim.
const VERBATIM: [&str; 3] = ["pre", "textarea", "script"];

/// `html` without indentation and blank lines outside verbatim elements.
pub fn html(html: &str) -> Vec<u8> {
    let mut out = String::with_capacity(html.len());
    // Inside a verbatim element: its closing tag.
    let mut inside: Option<&str> = None;
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
        out.push_str(kept);
        inside = state_after(line, inside);
    }
    out.into_bytes()
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
        assert_eq!(html(page), b"<main>\n<p>one\ntwo</p>\n</main>\n");
    }

    #[test]
    fn keeps_preformatted_text_verbatim() {
        let page = "<div>\n  <pre class=\"x\"><code>fn main() {\n    x();\n\n}</code></pre>\n  <p>after</p>\n<PRE>\n  a\n</PRE>\n  <pretty>\n  b\n";
        let out = String::from_utf8(html(page)).unwrap();
        assert_eq!(
            out,
            "<div>\n<pre class=\"x\"><code>fn main() {\n    x();\n\n}</code></pre>\n<p>after</p>\n<PRE>\n  a\n</PRE>\n<pretty>\nb\n"
        );
    }

    #[test]
    fn keeps_scripts_verbatim_across_lines() {
        let page = "<script>\n  let s = `a\n\n  b`;\n</script>\n  <p>x</p>\n";
        let out = String::from_utf8(html(page)).unwrap();
        assert_eq!(
            out,
            "<script>\n  let s = `a\n\n  b`;\n</script>\n<p>x</p>\n"
        );
    }
}
