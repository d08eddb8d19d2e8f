//! Pure text functions: no files, no site state. Everything here takes text
//! (or tokens) and returns plain data, so it can be tested and benchmarked alone.

pub mod analysis;
pub mod dates;
pub mod layer;
pub mod limit;
pub mod names;
pub mod ner;
pub mod quotes;
pub mod roles;
pub mod sentences;
pub mod speech;
pub mod tokens;
