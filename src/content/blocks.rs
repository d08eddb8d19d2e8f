//! Cleaned lines → body blocks (`Paragraph`s without anchors yet).
//!
//! Markdown is split into top-level blocks by pulldown-cmark, so block
//! boundaries are exactly those the renderer will see. Plain text is split
//! on blank lines; inside a run of non-blank lines each line is its own
//! paragraph (scrapers often write one paragraph per line), unless the run
//! looks hard-wrapped (every line but the last long, all at most 100
//! characters, some not ending a sentence), in which case it is one paragraph.
//!
//! [`finish`] then applies the shape rules, in this order:
//! 1. captions: the block ending on a line right before a photo credit, or a
//!    short one-line Markdown paragraph ending in a bold credit
//!    (`A view of the port. **Agency Name**`) → `Caption`;
//! 2. "X contributed reporting." notes → `Other` (kept, but names in them
//!    are reporters, not people in the news, so `nlp` must not read them);
//! 3. a prose block not ending a sentence, followed by one starting with a
//!    lowercase letter, is one paragraph split by a stray blank line: rejoined;
//! 4. for inferred formats only (no front matter): a short one-line prose
//!    block without terminal punctuation between two blocks, followed by
//!    prose starting with a capital → `Heading { level: 2 }`;
//! 5. for inferred formats only: a short last line without sentence
//!    punctuation (`-- Outlet Name`, `*Outlet foreign desk*`) is a sign-off
//!    → `Other`, marked so the caller can take the source from it.

use super::article::BlockKind;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// The pulldown-cmark options content uses to find blocks. The renderer
/// should use the same so both agree on block boundaries.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// A body block before anchors are assigned.
#[derive(Debug, PartialEq)]
pub struct Block {
    /// What sort of block.
    pub kind: BlockKind,
    /// Plain text, inline markup removed, whitespace collapsed.
    pub text: String,
    /// Markdown source (Markdown articles only).
    pub markdown: Option<String>,
    /// Index of the block's last source line.
    last_line: usize,
    /// The block spans a single source line.
    one_line: bool,
    /// A Markdown paragraph shaped like `Caption text. **Credit**`.
    bold_credit: bool,
    /// The closing sign-off line (rule 5).
    pub sign_off: bool,
}

/// Plain-text blocks from cleaned lines.
pub fn text_blocks(lines: &[&str]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim().is_empty() {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && !lines[i].trim().is_empty() {
            i += 1;
        }
        let group = &lines[start..i];
        if hard_wrapped(group) {
            out.push(text_block(group.join(" ").trim(), i - 1, false));
        } else {
            for (k, line) in group.iter().enumerate() {
                out.push(text_block(line, start + k, true));
            }
        }
    }
    out
}

fn text_block(text: &str, last_line: usize, one_line: bool) -> Block {
    Block {
        kind: BlockKind::Prose,
        text: super::infer::collapse_whitespace(text),
        markdown: None,
        last_line,
        one_line,
        bold_credit: false,
        sign_off: false,
    }
}

fn hard_wrapped(group: &[&str]) -> bool {
    let Some((_, init)) = group.split_last() else {
        return false;
    };
    let len = |l: &&str| l.trim().chars().count();
    !init.is_empty()
        && group.iter().map(len).max().unwrap_or(0) <= 100
        && init.iter().all(|l| len(l) >= 40)
        && init.iter().any(|l| !ends_sentence(l))
}

/// Markdown blocks from cleaned lines: one per top-level element.
pub fn markdown_blocks(lines: &[&str]) -> Vec<Block> {
    let src = lines.join("\n");
    let mut line_starts = vec![0];
    line_starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
    let line_of = |byte: usize| line_starts.partition_point(|&s| s <= byte) - 1;

    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut cur: Option<Collecting> = None;
    for (event, range) in Parser::new_ext(&src, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    cur = Some(Collecting::new(kind_of(&tag), range.start));
                } else if let (Some(c), Tag::Strong) = (cur.as_mut(), &tag) {
                    c.strong = Some((c.text.len(), None));
                }
                depth += 1;
            }
            Event::End(tag) => {
                depth -= 1;
                let Some(c) = cur.as_mut() else { continue };
                if depth == 0 {
                    let c = cur.take().expect("block being collected");
                    let source = src[c.start..range.end].trim_end();
                    let last = line_of(c.start + source.len().saturating_sub(1));
                    out.push(c.finish(source, last));
                } else if tag == TagEnd::Strong {
                    if let Some((s, _)) = c.strong {
                        c.strong = Some((s, Some(c.text.len())));
                    }
                } else if !is_inline(&tag) {
                    c.text.push(' ');
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cur.as_mut() {
                    c.text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(c) = cur.as_mut() {
                    c.text.push(if c.is_code() { '\n' } else { ' ' });
                }
            }
            _ => {} // inline/raw HTML, rules, footnote references: no text
        }
    }
    out
}

/// A top-level Markdown block being collected.
struct Collecting {
    kind: BlockKind,
    start: usize,
    text: String,
    /// (text length at `<strong>`, at `</strong>`) of the last strong span.
    strong: Option<(usize, Option<usize>)>,
}

impl Collecting {
    fn new(kind: BlockKind, start: usize) -> Collecting {
        Collecting {
            kind,
            start,
            text: String::new(),
            strong: None,
        }
    }

    fn is_code(&self) -> bool {
        matches!(self.kind, BlockKind::Code { .. })
    }

    fn finish(self, source: &str, last_line: usize) -> Block {
        let one_line = !source.contains('\n');
        let bold_credit = one_line && self.kind == BlockKind::Prose && self.ends_in_credit();
        let text = if self.is_code() {
            self.text.trim_end_matches('\n').to_string()
        } else {
            super::infer::collapse_whitespace(&self.text)
        };
        Block {
            kind: self.kind,
            text,
            markdown: Some(source.to_string()),
            last_line,
            one_line,
            bold_credit,
            sign_off: false,
        }
    }

    /// `Caption text. **Credit Name**`: the paragraph ends with a short
    /// capitalised bold span after text that ends a sentence.
    fn ends_in_credit(&self) -> bool {
        let Some((s, Some(e))) = self.strong else {
            return false;
        };
        let (before, credit) = (self.text[..s].trim(), self.text[s..e].trim());
        self.text.trim_end().len() == e
            && self.text.chars().count() <= 250
            && ends_sentence(before)
            && credit.chars().count() <= 60
            && credit.starts_with(char::is_uppercase)
            && !ends_sentence(credit)
    }
}

fn kind_of(tag: &Tag) -> BlockKind {
    match tag {
        Tag::Paragraph => BlockKind::Prose,
        Tag::Heading { level, .. } => BlockKind::Heading {
            level: (*level as u8).max(2),
        },
        Tag::CodeBlock(CodeBlockKind::Fenced(info)) => BlockKind::Code {
            lang: info.split_whitespace().next().map(str::to_string),
        },
        Tag::CodeBlock(CodeBlockKind::Indented) => BlockKind::Code { lang: None },
        _ => BlockKind::Other,
    }
}

/// Inline Markdown → plain text (`**a** [b](#)` → "a b").
pub fn inline_text(md: &str) -> String {
    let mut text = String::new();
    for event in Parser::new_ext(md, markdown_options()) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(tag) if !is_inline(&tag) => text.push(' '),
            _ => {}
        }
    }
    super::infer::collapse_whitespace(&text)
}

/// Inline elements end without separating words (`**U.S.**-led`).
fn is_inline(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image
    )
}

/// Ends with `.`, `!`, `?`, `:`, `;` or `…`, possibly inside closing quotes,
/// brackets or emphasis.
pub fn ends_sentence(text: &str) -> bool {
    let t = text
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']', '*', '_']);
    t.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Applies the shape rules (module docs) and drops blocks left empty.
pub fn finish(blocks: Vec<Block>, caption_lines: &[usize], guess_headings: bool) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for mut b in blocks {
        if b.kind == BlockKind::Prose
            && (b.bold_credit || caption_lines.binary_search(&b.last_line).is_ok())
        {
            b.kind = BlockKind::Caption;
        }
        if b.kind == BlockKind::Prose && is_contributor_note(&b.text) {
            b.kind = BlockKind::Other;
        }
        match out.last_mut() {
            Some(prev) if is_split_paragraph(prev, &b) => merge(prev, b),
            _ => out.push(b),
        }
    }
    if guess_headings {
        for i in 1..out.len().saturating_sub(1) {
            if looks_like_heading(&out[i], &out[i + 1]) {
                out[i].kind = BlockKind::Heading { level: 2 };
            }
        }
    }
    if guess_headings && out.len() >= 2 {
        let last = out.last_mut().expect("two blocks");
        if looks_like_sign_off(last) {
            last.kind = BlockKind::Other;
            last.sign_off = true;
        }
    }
    out.retain_mut(|b| {
        if b.text.is_empty() && !matches!(b.kind, BlockKind::Code { .. }) {
            b.kind = BlockKind::Other; // e.g. an image-only paragraph
            return b.markdown.is_some();
        }
        true
    });
    out
}

fn is_contributor_note(text: &str) -> bool {
    text.len() <= 150
        && (text.contains("contributed reporting") || text.contains("contributed to this report"))
}

fn is_split_paragraph(prev: &Block, next: &Block) -> bool {
    prev.kind == BlockKind::Prose
        && next.kind == BlockKind::Prose
        && !prev.text.is_empty()
        && !ends_sentence(&prev.text)
        && next.text.starts_with(char::is_lowercase)
}

fn merge(prev: &mut Block, next: Block) {
    prev.text.push(' ');
    prev.text.push_str(&next.text);
    if let (Some(a), Some(b)) = (prev.markdown.as_mut(), next.markdown.as_deref()) {
        a.push('\n');
        a.push_str(b);
    }
    prev.last_line = next.last_line;
    prev.one_line = false;
}

fn looks_like_sign_off(b: &Block) -> bool {
    let t = b.text.trim_start_matches(['-', '—', '–', ' ']);
    b.kind == BlockKind::Prose
        && b.one_line
        && t.chars().count() <= 60
        && (1..=6).contains(&t.split_whitespace().count())
        && t.starts_with(char::is_uppercase)
        && !ends_sentence(t)
        && !t.ends_with([',', '"', '”', '’', ')'])
}

fn looks_like_heading(b: &Block, next: &Block) -> bool {
    let t = &b.text;
    b.kind == BlockKind::Prose
        && b.one_line
        && t.chars().count() <= 70
        && (1..=10).contains(&t.split_whitespace().count())
        && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && t.chars().any(char::is_alphabetic)
        && !t.ends_with(['.', '!', '?', ':', ';', ',', '…', '"', '”', '’', '\'', ')'])
        && next.kind == BlockKind::Prose
        && next
            .text
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'(".contains(c))
}

#[cfg(test)]
#[path = "blocks_tests.rs"]
mod tests;
