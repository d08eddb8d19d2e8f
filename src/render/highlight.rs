//! Code highlighting with syntect, as CSS classes (the theme's CSS picks the
//! colours, so a theme can restyle code without a rebuild of the binary).

use std::sync::OnceLock;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// The class prefix on every highlight span: `<span class="hl-keyword">`.
pub const CLASS_PREFIX: &str = "hl-";

fn syntaxes() -> &'static SyntaxSet {
    // Loading the bundled syntaxes costs milliseconds: do it once, and only
    // when a site actually has code.
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// `<pre class="code"><code>…</code></pre>` with highlight classes.
/// Unknown languages fall back to plain (escaped) text.
pub fn highlight(code: &str, lang: Option<&str>) -> String {
    let set = syntaxes();
    let syntax = lang
        .and_then(|l| set.find_syntax_by_token(l))
        .unwrap_or_else(|| set.find_syntax_plain_text());
    let mut gen = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        set,
        ClassStyle::SpacedPrefixed {
            prefix: CLASS_PREFIX,
        },
    );
    for line in LinesWithEndings::from(code) {
        if gen
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return format!(
                "<pre class=\"code\"><code>{}</code></pre>",
                super::body::escape(code)
            );
        }
    }
    let lang_attr = lang
        .map(|l| format!(" data-lang=\"{}\"", super::body::escape(l)))
        .unwrap_or_default();
    format!(
        "<pre class=\"code\"{lang_attr}><code>{}</code></pre>",
        gen.finalize()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_with_classes_and_escapes() {
        let html = highlight("{\"a\": \"<b>\"}\n", Some("json"));
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("<b>"));
        assert!(!html.contains("style="));
    }
}
