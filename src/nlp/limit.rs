//! The per-article analysis size limit.
//!
//! Analysis (sentences, names, roles, quotes) is the costly stage; an
//! article of many megabytes (a concatenated dump, a pasted log) must not
//! hold the build for minutes. Only the first [`ANALYSIS_LIMIT`] bytes of
//! prose are analysed; the page still renders the whole text, and the build
//! warns, naming the file ([`limit_warning`]).

use crate::content::{Article, BlockKind};
use std::borrow::Cow;

/// Bytes of paragraph text analysed per article (256 KiB: about 40,000
/// words, ten times a long feature). Name resolution compares mentions with
/// each other, so analysis cost grows faster than the text; the limit keeps
/// the worst article to a few seconds.
pub const ANALYSIS_LIMIT: usize = 256 << 10;

/// Total paragraph text of `article`, in bytes.
fn text_len(article: &Article) -> usize {
    article.paragraphs.iter().map(|p| p.text.len()).sum()
}

/// The article as analysis sees it: itself when small enough, else a copy
/// holding the paragraphs within the first [`ANALYSIS_LIMIT`] bytes, the
/// last one cut at a word boundary. Paragraph indexes and byte offsets in
/// the kept text are those of the original, so the analysis applies to it.
pub fn for_analysis(article: &Article) -> Cow<'_, Article> {
    if text_len(article) <= ANALYSIS_LIMIT {
        return Cow::Borrowed(article);
    }
    let mut budget = ANALYSIS_LIMIT;
    let mut paragraphs = Vec::new();
    for p in &article.paragraphs {
        if budget == 0 {
            break;
        }
        let mut p = p.clone();
        if p.text.len() > budget {
            let mut cut = budget;
            while !p.text.is_char_boundary(cut) {
                cut -= 1;
            }
            let cut = p.text[..cut].rfind(char::is_whitespace).unwrap_or(cut);
            p.text.truncate(cut);
            p.markdown = None;
            paragraphs.push(p);
            break;
        }
        budget -= p.text.len();
        paragraphs.push(p);
    }
    let mut small = article.clone();
    small.paragraphs = paragraphs;
    Cow::Owned(small)
}

/// The prose paragraphs of `article` within the first [`ANALYSIS_LIMIT`]
/// bytes, as (paragraph index, text), the last one cut as
/// [`for_analysis`] cuts it: the same part of the article, for stages that
/// scan the prose themselves (event summaries and timelines) so that they
/// cost no more than the analysis does.
pub fn analysed_prose(article: &Article) -> impl Iterator<Item = (usize, &str)> {
    let mut budget = ANALYSIS_LIMIT;
    article
        .paragraphs
        .iter()
        .enumerate()
        .map_while(move |(k, p)| {
            if budget == 0 {
                return None;
            }
            let text = p.text.as_str();
            if text.len() <= budget {
                budget -= text.len();
                return Some((k, &p.kind, text));
            }
            let mut cut = budget;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let cut = text[..cut].rfind(char::is_whitespace).unwrap_or(cut);
            budget = 0;
            Some((k, &p.kind, &text[..cut]))
        })
        .filter(|(_, kind, _)| **kind == BlockKind::Prose)
        .map(|(k, _, text)| (k, text))
}

/// A warning naming the file when only part of it was analysed.
pub fn limit_warning(article: &Article) -> Option<String> {
    let len = text_len(article);
    (len > ANALYSIS_LIMIT).then(|| {
        format!(
            "{}: {:.1} MB of text; only the first {} KB was analysed for people, quotes and events (the page shows all of it)",
            article.source_path,
            len as f64 / 1e6,
            ANALYSIS_LIMIT >> 10
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_article;

    fn article(words: usize) -> Article {
        let body = "The mayor spoke. ".repeat(words / 3);
        let text =
            format!("---\ntitle: T\ndate: 2025-01-01\n---\nFirst part.\n\n{body}\n\nLast part.\n");
        parse_article("big.md", text.as_bytes(), None).unwrap()
    }

    #[test]
    fn small_articles_are_analysed_whole() {
        let a = article(300);
        assert!(matches!(for_analysis(&a), Cow::Borrowed(_)));
        assert!(limit_warning(&a).is_none());
    }

    #[test]
    fn large_articles_are_cut_at_the_limit_on_a_word_boundary() {
        let a = article(ANALYSIS_LIMIT / 4);
        let cut = for_analysis(&a);
        let kept: usize = cut.paragraphs.iter().map(|p| p.text.len()).sum();
        assert!(
            kept <= ANALYSIS_LIMIT && kept > ANALYSIS_LIMIT - 100,
            "{kept}"
        );
        assert_eq!(
            cut.paragraphs.len(),
            2,
            "the last paragraph is beyond the limit"
        );
        let last = &cut.paragraphs[1];
        assert!(a.paragraphs[1].text.starts_with(&last.text));
        let next = a.paragraphs[1].text[last.text.len()..].chars().next();
        assert!(next.is_some_and(char::is_whitespace), "cut inside a word");
        let prose: Vec<(usize, &str)> = analysed_prose(&a).collect();
        assert_eq!(prose.len(), 2);
        assert_eq!(
            prose[1],
            (1, last.text.as_str()),
            "cut where the analysis is"
        );
        let small = article(300);
        assert_eq!(analysed_prose(&small).count(), small.prose().count());
        let w = limit_warning(&a).unwrap();
        assert!(
            w.starts_with("big.md: ") && w.contains("only the first 256 KB"),
            "{w}"
        );
    }
}
