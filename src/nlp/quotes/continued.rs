//! `It added: “…”` / `“…,” the statement continued.`: a continuation verb
//! whose subject is "it" or the document just quoted carries on the last
//! quotation's speaker (a person: organisations are never speakers), as
//! long as nobody else was named as a subject since. ("He added" is read
//! by the pronoun rules.)

use super::*;

/// Verbs that only go on with something already said.
fn is_continuation_verb(lower: &str) -> bool {
    matches!(lower, "added" | "adds" | "continued" | "continues")
}

/// A subject that is no person: "it", or "the statement" / "the letter".
/// Returns the number of tokens it takes at `i`, if any.
fn document_subject(tokens: &[Token], i: usize) -> Option<usize> {
    let w = tokens.get(i)?.text.to_lowercase();
    if w == "it" {
        return Some(1);
    }
    let noun = tokens.get(i + 1)?.text.to_lowercase();
    (matches!(w.as_str(), "the" | "this" | "that")
        && matches!(
            noun.as_str(),
            "statement" | "letter" | "e-mail" | "email" | "memo" | "message" | "note"
        ))
    .then_some(2)
}

/// Whether tokens `from..to` are exactly `subject [adverb] verb [:|,]`.
fn is_continuation(tokens: &[Token], from: usize, to: usize) -> bool {
    let Some(n) = document_subject(tokens, from) else {
        return false;
    };
    let mut v = from + n;
    if tokens
        .get(v)
        .is_some_and(|t| is_adverb(&t.text.to_lowercase()))
    {
        v += 1;
    }
    let Some(verb) = tokens.get(v) else {
        return false;
    };
    let mut end = v + 1;
    if tokens.get(end).is_some_and(|t| matches!(t.text, ":" | ",")) {
        end += 1;
    }
    is_continuation_verb(&verb.text.to_lowercase()) && (end == to || v + 1 == to)
}

impl Para<'_, '_> {
    /// The previous speaker `spoke`, when quotation `q` is introduced
    /// (`It added: “…”`, the sentence's opening words) or followed (`“…,”
    /// it added.`, closing the sentence) by a continuation verb whose
    /// subject is "it" or the statement, and `subject` is still that
    /// speaker.
    pub(super) fn continued(
        &self,
        q: &QuoteSpan,
        spoke: Option<&Said>,
        subject: &Option<String>,
    ) -> Option<Said> {
        let who = spoke.filter(|w| subject.as_ref() == Some(&w.speaker))?;
        let (s, open) = self.token_at(q.open)?;
        let tokens = &self.all[s].tokens;
        let from = clause::skip_discourse(tokens, 0, open);
        if open > from && is_continuation(tokens, from, open) {
            return Some(who.clone());
        }
        let (e, i) = self.token_at(q.end)?;
        let tokens = &self.all[e].tokens;
        let glued = i > 0 && tokens[i - 1].end == q.end;
        let at = if tokens.get(i).is_some_and(|t| t.text == ",") {
            i + 1
        } else {
            i
        };
        let last = tokens.len().checked_sub(1)?;
        (glued && matches!(tokens[last].text, "." | "!" | "?") && is_continuation(tokens, at, last))
            .then(|| who.clone())
    }
}
