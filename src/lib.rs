//! `briefing`: a static briefing-site generator.
//!
//! The build is a one-way pipeline:
//! `content` → [`Article`] → `nlp` → `people` / `events` → [`site::Site`] → `render` → `output`.

pub mod content;
pub mod date;
pub mod nlp;

pub use content::Article;
pub use date::Date;
