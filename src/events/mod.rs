//! `events`: articles → events (streaming clustering, title, summary, timeline).

pub mod cluster;
pub mod eval;
mod features;
pub mod index;
pub mod neighbours;
pub mod tfidf;
