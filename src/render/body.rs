//! Article body → HTML.
//!
//! Article text is untrusted scraped input. Prose is rendered from its
//! Markdown inline events (or plain text) with every text run escaped and
//! raw HTML *shown as text*, never passed through; other Markdown blocks
//! (lists, tables, quotes) go through pulldown-cmark and then ammonia.
//! People's names are linked while escaping, so no HTML is re-parsed.

use super::highlight::highlight;
use crate::content::{Article, BlockKind, Paragraph};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A name to link in one paragraph: the surface form and the link target.
#[derive(Clone, Debug)]
pub struct NameLink {
    /// Text as it appears in the paragraph ("Lavrov").
    pub surface: String,
    /// Relative URL of the person page.
    pub href: String,
}

/// Where a link or image written in the article points on its page:
/// `Some(href)`, or `None` when it is broken (the text is kept, unlinked).
pub type Resolve<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Resolver that keeps only web and mailto links (no site to resolve against).
fn web_only(dest: &str) -> Option<String> {
    safe_href(dest)
}

/// Renders the whole body; `links(i)` gives the names to link in paragraph `i`.
/// Relative links and images are dropped; see [`article_html_linked`].
pub fn article_html(article: &Article, links: impl Fn(usize) -> Vec<NameLink>) -> String {
    article_html_linked(article, links, &web_only)
}

/// [`article_html`] with relative links and images resolved by `resolve`
/// (see `render::links`).
pub fn article_html_linked(
    article: &Article,
    links: impl Fn(usize) -> Vec<NameLink>,
    resolve: Resolve,
) -> String {
    let mut out = String::new();
    for (i, p) in article.paragraphs.iter().enumerate() {
        let id = &p.anchor;
        match &p.kind {
            BlockKind::Prose => {
                out.push_str(&format!("<p id=\"{id}\">"));
                out.push_str(&inline_html(p, &links(i), resolve));
                out.push_str(&format!(" <a class=\"anchor\" href=\"#{id}\">¶</a></p>\n"));
            }
            BlockKind::Heading { level } => {
                let level = (*level).clamp(2, 6);
                out.push_str(&format!(
                    "<h{level} id=\"{id}\">{}</h{level}>\n",
                    escape(&p.text)
                ));
            }
            BlockKind::Caption => {
                out.push_str(&format!(
                    "<p id=\"{id}\" class=\"caption\">{}</p>\n",
                    inline_html(p, &[], resolve)
                ));
            }
            BlockKind::Code { lang } => {
                out.push_str(&format!("<div id=\"{id}\" class=\"code\">"));
                out.push_str(&highlight(code_text(p), lang.as_deref()));
                out.push_str("</div>\n");
            }
            BlockKind::Other => {
                out.push_str(&format!("<div id=\"{id}\" class=\"block\">"));
                out.push_str(&sanitised_block(p, resolve));
                out.push_str("</div>\n");
            }
        }
    }
    out
}

/// The code of a code block: the fence body when the source is Markdown.
fn code_text(p: &Paragraph) -> &str {
    match &p.markdown {
        Some(md) if md.trim_start().starts_with("```") || md.trim_start().starts_with("~~~") => {
            let body = md.trim_start();
            let first_nl = body.find('\n').map_or(body.len(), |i| i + 1);
            let body = &body[first_nl..];
            let body = body.trim_end();
            body.strip_suffix("```")
                .or_else(|| body.strip_suffix("~~~"))
                .unwrap_or(body)
        }
        _ => &p.text,
    }
}

/// Inline content of a prose paragraph, escaped, with names linked.
fn inline_html(p: &Paragraph, links: &[NameLink], resolve: Resolve) -> String {
    let names = NameIndex::new(links);
    let Some(md) = &p.markdown else {
        return names.link(&p.text);
    };
    let mut out = String::new();
    let mut in_link = 0usize;
    // An image's alt text is collected until its end tag.
    let mut image: Option<(Option<String>, String)> = None;
    for ev in Parser::new_ext(md, Options::ENABLE_STRIKETHROUGH) {
        if let Some((src, alt)) = &mut image {
            match ev {
                Event::End(TagEnd::Image) => {
                    out.push_str(&image_html(src.as_deref(), alt));
                    image = None;
                }
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                _ => {}
            }
            continue;
        }
        match ev {
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some((resolve(&dest_url), String::new()));
            }
            Event::Text(t) if in_link > 0 => out.push_str(&escape(&t)),
            Event::Text(t) => out.push_str(&names.link(&t)),
            Event::Code(t) => out.push_str(&format!("<code>{}</code>", escape(&t))),
            Event::Html(t) | Event::InlineHtml(t) => out.push_str(&escape(&t)),
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("<br>"),
            Event::Start(Tag::Emphasis) => out.push_str("<em>"),
            Event::End(TagEnd::Emphasis) => out.push_str("</em>"),
            Event::Start(Tag::Strong) => out.push_str("<strong>"),
            Event::End(TagEnd::Strong) => out.push_str("</strong>"),
            Event::Start(Tag::Strikethrough) => out.push_str("<del>"),
            Event::End(TagEnd::Strikethrough) => out.push_str("</del>"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                in_link += 1;
                match resolve(&dest_url) {
                    Some(href) => out.push_str(&format!(
                        "<a href=\"{}\" rel=\"nofollow noopener\">",
                        escape(&href)
                    )),
                    None => out.push_str("<a>"),
                }
            }
            Event::End(TagEnd::Link) => {
                in_link = in_link.saturating_sub(1);
                out.push_str("</a>");
            }
            // Paragraph wrappers and anything block-level are dropped:
            // the block's own element is written by the caller.
            _ => {}
        }
    }
    out.trim().to_string()
}

/// `<img>` for a resolved image; its alt text alone when it is broken.
fn image_html(src: Option<&str>, alt: &str) -> String {
    match src {
        Some(src) => format!(
            "<img src=\"{}\" alt=\"{}\" loading=\"lazy\">",
            escape(src),
            escape(alt)
        ),
        None => format!("<span class=\"missing-image\">{}</span>", escape(alt)),
    }
}

/// Only http(s) and mailto links survive; `#` placeholders from scrapes are dropped.
fn safe_href(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    let ok = lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:");
    ok.then(|| url.trim().to_string())
}

/// Markdown block → HTML, cleaned by ammonia (raw HTML in articles is untrusted).
fn sanitised_block(p: &Paragraph, resolve: Resolve) -> String {
    let Some(md) = &p.markdown else {
        return format!("<p>{}</p>", escape(&p.text));
    };
    let mut html = String::new();
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    // Links and images are resolved before ammonia sees them; a broken one
    // gets an empty address, which ammonia drops.
    let (events, _) = super::depth::cap_depth(Parser::new_ext(md, opts));
    let events = events.into_iter().map(|ev| match ev {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: resolve(&dest_url).unwrap_or_default().into(),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: resolve(&dest_url).unwrap_or_default().into(),
            title,
            id,
        }),
        ev => ev,
    });
    let (events, _) = super::depth::cap_depth(events);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    ammonia::Builder::default()
        .link_rel(Some("nofollow noopener"))
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .clean(&html)
        .to_string()
}

/// Escapes `text` and wraps every whole-word occurrence of a surface in a link.
/// Longer surfaces win ("Sergei Lavrov" before "Lavrov").
pub fn link_names(text: &str, links: &[NameLink]) -> String {
    NameIndex::new(links).link(text)
}

/// The surfaces to link, each once, longest first, by first byte: a word
/// start tries only the surfaces that can match there, so a long text with
/// many people costs no more than a short one per word (issue 12). Built
/// once per paragraph: a paragraph's text comes in many pieces (one per
/// Markdown text event), and sorting every mention per piece made a long
/// paragraph cost its pieces times its mentions.
struct NameIndex<'a> {
    by_first: std::collections::HashMap<u8, Vec<&'a NameLink>>,
}

impl<'a> NameIndex<'a> {
    fn new(links: &'a [NameLink]) -> NameIndex<'a> {
        let mut sorted: Vec<&NameLink> = links.iter().filter(|l| !l.surface.is_empty()).collect();
        // Stable: of links with the same surface, the first one given wins.
        sorted.sort_by(|a, b| {
            b.surface
                .len()
                .cmp(&a.surface.len())
                .then(a.surface.cmp(&b.surface))
        });
        sorted.dedup_by(|later, first| later.surface == first.surface);
        let mut by_first: std::collections::HashMap<u8, Vec<&NameLink>> = Default::default();
        for l in sorted {
            by_first.entry(l.surface.as_bytes()[0]).or_default().push(l);
        }
        NameIndex { by_first }
    }

    fn link(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 16);
        let mut i = 0;
        'outer: while i < text.len() {
            let here = self.by_first.get(&text.as_bytes()[i]);
            if let Some(here) = here.filter(|_| at_word_start(text, i)) {
                for l in here {
                    if text[i..].starts_with(l.surface.as_str())
                        && at_word_end(text, i + l.surface.len())
                    {
                        out.push_str(&format!(
                            "<a class=\"person\" href=\"{}\">{}</a>",
                            escape(&l.href),
                            escape(&l.surface)
                        ));
                        i += l.surface.len();
                        continue 'outer;
                    }
                }
            }
            let c = text[i..].chars().next().unwrap();
            push_escaped(&mut out, c);
            i += c.len_utf8();
        }
        out
    }
}

fn at_word_start(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

fn at_word_end(text: &str, i: usize) -> bool {
    text[i..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// HTML-escapes text for element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_escaped(&mut out, c);
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(md: Option<&str>, text: &str) -> Paragraph {
        Paragraph {
            anchor: "p1".into(),
            kind: BlockKind::Prose,
            text: text.into(),
            markdown: md.map(Into::into),
        }
    }

    #[test]
    fn links_longest_names_and_escapes() {
        let links = vec![
            NameLink {
                surface: "Lavrov".into(),
                href: "../../people/sergei-lavrov/".into(),
            },
            NameLink {
                surface: "Sergei Lavrov".into(),
                href: "../../people/sergei-lavrov/".into(),
            },
        ];
        let html = link_names("Sergei Lavrov <b>met</b> Lavrovsky & Lavrov.", &links);
        assert_eq!(html.matches("class=\"person\"").count(), 2, "{html}");
        assert!(html.contains("&lt;b&gt;met&lt;/b&gt;"));
        assert!(html.contains("Lavrovsky &amp;"));
    }

    #[test]
    fn raw_html_in_markdown_prose_is_shown_not_run() {
        let p = prose(
            Some("Hello <script>alert(1)</script> **bold** [x](javascript:alert(1))"),
            "",
        );
        let html = inline_html(&p, &[], &web_only);
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("<strong>bold</strong>"));
        assert!(!html.contains("javascript:"));
    }

    #[test]
    fn other_blocks_are_sanitised() {
        let p = Paragraph {
            anchor: "p2".into(),
            kind: BlockKind::Other,
            text: String::new(),
            markdown: Some("- one <img src=x onerror=alert(1)>\n- two".into()),
        };
        let html = sanitised_block(&p, &web_only);
        assert!(html.contains("<li>"));
        assert!(!html.contains("onerror"));
    }
}
