//! Test helpers: small invented articles.

use crate::content::{Article, BlockKind, DateSource, Format, Paragraph};
use crate::date::Date;
use crate::events::params::ClusterDoc;
use crate::events::tfidf::{self, Part, Vocab};

/// A plain-text article dated `date` (YYYY-MM-DD) with one prose paragraph
/// per entry of `paragraphs`; its title is the first paragraph.
pub(crate) fn article(id: &str, date: &str, paragraphs: &[&str]) -> Article {
    Article {
        id: id.to_string(),
        source_path: format!("{id}.txt"),
        title: paragraphs.first().copied().unwrap_or(id).to_string(),
        date: Date::parse_iso(date).expect("test dates are ISO"),
        date_source: DateSource::DateLine,
        source: None,
        url: None,
        place: None,
        author: None,
        tags: Vec::new(),
        event: None,
        people: Vec::new(),
        summary: None,
        draft: false,
        format: Format::Text,
        paragraphs: paragraphs
            .iter()
            .enumerate()
            .map(|(k, t)| Paragraph {
                anchor: format!("p{}", k + 1),
                kind: BlockKind::Prose,
                text: t.to_string(),
                markdown: None,
            })
            .collect(),
        notes: Vec::new(),
        extra: Default::default(),
    }
}

/// A vocabulary (with document frequencies) of the prose of `articles`.
pub(crate) fn vocab_of(articles: &[&Article]) -> Vocab {
    let mut vocab = Vocab::default();
    for a in articles {
        let text: Vec<&str> = a.prose().map(|(_, p)| p.text.as_str()).collect();
        let c = tfidf::count_terms(
            &mut vocab,
            &[Part {
                text: &text.join("\n"),
                weight: 1,
                proper: 1,
            }],
        );
        vocab.add_doc(&c.iter().map(|e| e.0).collect::<Vec<_>>());
    }
    vocab
}

/// A dated clustering document with no names, places or pin.
pub(crate) fn cluster_doc(id: &str, date: Date, title: &str, text: &str) -> ClusterDoc {
    ClusterDoc {
        id: id.to_string(),
        date,
        dated: true,
        title: title.to_string(),
        text: text.to_string(),
        names: Vec::new(),
        places: Vec::new(),
        pinned: None,
    }
}
