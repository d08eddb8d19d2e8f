//! `content`: walk the content directory, decode, parse front matter, infer
//! metadata, clean scraped text → `Vec<Article>`.

mod article;

pub use article::{Article, BlockKind, DateSource, Format, Paragraph};
