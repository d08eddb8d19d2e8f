//! `events`: articles → events (streaming clustering, title, summary, timeline).

pub mod cluster;
pub mod eval;
pub mod index;
pub mod tfidf;
