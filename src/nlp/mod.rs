//! Pure text functions: no files, no site state. Everything here takes text
//! (or tokens) and returns plain data, so it can be tested and benchmarked alone.

pub mod ner;
pub mod sentences;
pub mod tokens;
