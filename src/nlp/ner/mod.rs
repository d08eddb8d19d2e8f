//! Person-name recognition.
//!
//! PLACEHOLDER (issue 2): a capitalisation heuristic so the pipeline runs end
//! to end. Issue 3 replaces it with the trained sequence model; the public
//! function below is the boundary the rest of the crate uses.

use crate::nlp::tokens::Token;
use std::ops::Range;

/// Token-index ranges of person names in one sentence's tokens.
pub fn person_spans(tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let cap = |t: &Token| {
            let mut c = t.text.chars();
            c.next().is_some_and(char::is_uppercase) && c.all(|c| c.is_alphabetic() || c == '-')
        };
        if cap(&tokens[i]) && i > 0 {
            let s = i;
            while i < tokens.len() && cap(&tokens[i]) {
                i += 1;
            }
            if i - s >= 2 {
                out.push(s..i);
            }
        } else {
            i += 1;
        }
    }
    out
}
