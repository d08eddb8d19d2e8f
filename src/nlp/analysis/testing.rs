//! Articles built by hand for unit tests (of `nlp` and `people`).
use crate::content::{Article, BlockKind, DateSource, Format, Paragraph};
use crate::date::Date;

/// An article with one prose paragraph per string (a string starting
/// with `CAPTION:` becomes a caption).
pub fn article(id: &str, day: u8, paragraphs: &[&str]) -> Article {
    let paragraphs = paragraphs
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (kind, text) = match t.strip_prefix("CAPTION:") {
                Some(rest) => (BlockKind::Caption, rest.trim()),
                None => (BlockKind::Prose, *t),
            };
            Paragraph {
                anchor: format!("p{}", i + 1),
                kind,
                text: text.to_string(),
                markdown: None,
            }
        })
        .collect();
    Article {
        id: id.into(),
        source_path: format!("{id}.txt"),
        title: id.into(),
        date: Date::new(2025, 3, day).expect("valid day"),
        date_source: DateSource::FrontMatter,
        source: None,
        url: None,
        place: None,
        author: None,
        tags: vec![],
        event: None,
        people: vec![],
        summary: None,
        draft: false,
        format: Format::Text,
        paragraphs,
        notes: vec![],
        extra: Default::default(),
    }
}
