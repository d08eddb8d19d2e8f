//! `briefing`: a static briefing-site generator.
//!
//! The build is a one-way pipeline, one module per stage:
//! [`content`] (files → [`Article`]) → [`nlp`] (pure text analysis) →
//! [`people`] (mentions → `Person`) and [`events`] (articles → `Event`) →
//! [`site`] (the finished `Site`) → [`render`] (pages, feeds, search, export)
//! → [`output`] (atomic write of `public/`). [`build`] runs it once;
//! [`serve`] and [`addresses`] sit beside it.

pub mod addresses;
pub mod build;
pub mod cache;
pub mod commands;
pub mod config;
pub mod content;
pub mod date;
pub mod events;
pub mod guard;
pub mod init;
pub mod inputs;
pub mod lock;
pub mod nlp;
pub mod output;
pub mod parsed;
pub mod people;
pub mod render;
pub mod serve;
pub mod site;
pub mod term;
pub mod timings;

pub use content::Article;
pub use date::Date;
