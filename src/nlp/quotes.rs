//! Direct quotations and who said them.
//!
//! Patterns: `“…,” X said` / `“…,” said X` / `X said: “…”` / `X told Y that
//! “…”` / `“…,” he told reporters` (a pronoun is the last person mentioned as
//! a subject). An unattributed quotation opening a sentence right after an
//! attributed one in the same paragraph continues it. Quotations with no
//! named speaker ("a local official said") are left out: a quote is
//! never guessed onto a person.

use crate::nlp::layer::{Found, Quote, Sentence};
use crate::nlp::roles;
use crate::nlp::tokens::Token;
use std::ops::Range;

/// Reporting verbs ("said", "told", "added", …), lowercase.
pub fn is_speech_verb(lower: &str) -> bool {
    matches!(
        lower,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "stated"
            | "states"
            | "noted"
            | "notes"
            | "wrote"
            | "writes"
            | "posted"
            | "declared"
            | "insisted"
            | "insists"
            | "emphasized"
            | "emphasised"
            | "stressed"
            | "warned"
            | "warns"
            | "asked"
            | "replied"
            | "explained"
            | "argued"
            | "mentioned"
            | "described"
            | "welcomed"
            | "praised"
            | "called"
            | "calling"
            | "denied"
            | "urged"
            | "claimed"
            | "announced"
            | "acknowledged"
            | "admitted"
            | "suggested"
            | "confirmed"
            | "predicted"
            | "tweeted"
            | "commented"
            | "remarked"
            | "estimated"
            | "estimates"
            | "continued"
            | "recalled"
            | "cautioned"
            | "conceded"
            | "countered"
            | "responded"
            | "observed"
    )
}

/// A quotation in a paragraph: byte offsets of its opening mark, its
/// content, and the end of its closing mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Byte offset of the opening mark (or 0 when the paragraph starts inside a quotation).
    pub open: usize,
    /// Byte range of the quoted words.
    pub content: Range<usize>,
    /// Byte offset just past the closing mark (the paragraph's end when unclosed).
    pub end: usize,
}

/// Finds double-quoted passages (“…”, "…") in a paragraph. Single quotes
/// are left alone: they double as apostrophes.
pub fn quote_spans(text: &str) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '“' | '"') => open = Some((i, i + c.len_utf8())),
            (None, '”') if out.is_empty() => out.push(QuoteSpan {
                open: 0,
                content: 0..i,
                end: i + c.len_utf8(),
            }),
            (Some((o, s)), '”' | '"') => {
                out.push(QuoteSpan {
                    open: o,
                    content: s..i,
                    end: i + c.len_utf8(),
                });
                open = None;
            }
            _ => {}
        }
    }
    if let Some((o, s)) = open {
        out.push(QuoteSpan {
            open: o,
            content: s..text.len(),
            end: text.len(),
        });
    }
    out
}

/// Attributes the quotations of an article. `texts` are all paragraph texts
/// (indexed like `article.paragraphs`); `sents` and `found` come from the
/// analysis, in reading order.
pub(crate) fn attribute(texts: &[&str], sents: &[Sentence], found: &[Found]) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut subject: Option<String> = None;
    let mut p = 0;
    while p < sents.len() {
        let para = sents[p].paragraph;
        let q = (p..sents.len())
            .find(|&i| sents[i].paragraph != para)
            .unwrap_or(sents.len());
        if sents[p].caption {
            p = q;
            continue;
        }
        Para {
            text: texts[para],
            index: para,
            sents: p..q,
            all: sents,
            found,
        }
        .attribute(&mut subject, &mut out);
        p = q;
    }
    out
}

/// One paragraph's sentences, with the article's names.
struct Para<'a, 'b> {
    text: &'a str,
    index: usize,
    sents: Range<usize>,
    all: &'b [Sentence<'a>],
    found: &'b [Found],
}

/// Where a token is: sentence index and token index.
type At = (usize, usize);

impl Para<'_, '_> {
    fn attribute(&self, subject: &mut Option<String>, out: &mut Vec<Quote>) {
        let spans = quote_spans(self.text);
        let inside = |b: usize| spans.iter().any(|q| q.open <= b && b < q.end);
        // Subjects and quotations, in reading order, by byte offset.
        let mut subjects: Vec<(usize, String)> = Vec::new();
        for f in self.found.iter().filter(|f| self.sents.contains(&f.sent)) {
            let t = &self.all[f.sent].tokens;
            if !inside(t[f.tokens.start].start) && self.is_subject(f) {
                subjects.push((t[f.tokens.start].start, f.name.clone()));
            }
        }
        let mut last: Option<(usize, String, String)> = None; // (end, speaker, verb)
        for q in &spans {
            for (_, s) in subjects.iter().filter(|(b, _)| *b < q.open) {
                *subject = Some(s.clone());
            }
            subjects.retain(|(b, _)| *b >= q.open);
            let attributed = self
                .after(q, subject)
                .or_else(|| self.before(q, subject))
                .or_else(|| self.continues(q, last.as_ref()));
            if let Some((speaker, verb)) = attributed {
                let text = self.text[q.content.clone()]
                    .trim()
                    .trim_end_matches(',')
                    .trim_end()
                    .to_string();
                if text.split_whitespace().count() >= 2 {
                    out.push(Quote {
                        speaker: speaker.clone(),
                        text,
                        paragraph: self.index,
                        verb: verb.clone(),
                    });
                }
                *subject = Some(speaker.clone());
                last = Some((q.end, speaker, verb));
            }
        }
        if let Some((_, s)) = subjects.pop() {
            *subject = Some(s);
        }
    }

    fn token(&self, at: At) -> Option<&Token<'_>> {
        self.all.get(at.0)?.tokens.get(at.1)
    }

    /// First token at or after byte `b`, in this paragraph.
    fn token_at(&self, b: usize) -> Option<At> {
        self.sents.clone().find_map(|s| {
            self.all[s]
                .tokens
                .iter()
                .position(|t| t.start >= b)
                .map(|i| (s, i))
        })
    }

    fn name_at(&self, at: At) -> Option<&Found> {
        self.found
            .iter()
            .find(|f| f.sent == at.0 && f.tokens.start == at.1)
    }

    fn lower(&self, at: At) -> String {
        self.token(at)
            .map(|t| t.text.to_lowercase())
            .unwrap_or_default()
    }

    /// A name that starts its clause (after only a title) and is not a possessive.
    fn is_subject(&self, f: &Found) -> bool {
        let t = &self.all[f.sent].tokens;
        let clause = t[..f.tokens.start]
            .iter()
            .rposition(|x| matches!(x.text, "," | ";" | ":" | "“" | "”" | "\"" | "(" | "—" | "–"))
            .map_or(0, |i| i + 1);
        let title_ok = f.tokens.start == clause
            || roles::title_before(t, f.tokens.start).is_some_and(|r| {
                r.start <= clause
                    || t[clause..r.start]
                        .iter()
                        .all(|x| matches!(x.text, "The" | "the"))
            });
        let possessive = t
            .get(f.tokens.end)
            .is_some_and(|x| matches!(x.text, "'s" | "’s"));
        title_ok && !possessive
    }

    /// `“…,” X said` / `“…,” said X` / `“…,” he said`.
    fn after(&self, q: &QuoteSpan, subject: &Option<String>) -> Option<(String, String)> {
        let (s, mut i) = self.token_at(q.end)?;
        // The attribution must share a sentence with the closing mark.
        if i == 0 || self.all[s].tokens[i - 1].end != q.end {
            return None;
        }
        if self.lower((s, i)) == "," {
            i += 1;
        }
        let w = self.lower((s, i));
        if is_pronoun(&w) && is_speech_verb(&self.lower((s, i + 1))) {
            return Some((subject.clone()?, self.token((s, i + 1))?.text.to_string()));
        }
        if is_speech_verb(&w) {
            let verb = self.token((s, i))?.text.to_string();
            if let Some(f) = self.name_at((s, i + 1)) {
                return Some((f.name.clone(), verb));
            }
            return is_pronoun(&self.lower((s, i + 1)))
                .then(|| Some((subject.clone()?, verb)))
                .flatten();
        }
        // [title] Name [, apposition,] verb
        let tokens = &self.all[s].tokens;
        let f = self
            .found
            .iter()
            .find(|f| f.sent == s && f.tokens.start >= i && f.tokens.start < i + 10)?;
        let lead_ok = f.tokens.start == i
            || roles::title_before(tokens, f.tokens.start).is_some_and(|r| r.start <= i);
        let mut v = f.tokens.end;
        if let Some(r) = roles::apposition_after(tokens, f.tokens.end, |_| false) {
            v = r.end + 1;
        }
        let verb = tokens
            .get(v)
            .filter(|t| is_speech_verb(&t.text.to_lowercase()))?;
        lead_ok.then(|| (f.name.clone(), verb.text.to_string()))
    }

    /// `X said: “…”` / `X told CNN that “…”` / `he insisted that “…”`, in the
    /// quotation's own sentence.
    fn before(&self, q: &QuoteSpan, subject: &Option<String>) -> Option<(String, String)> {
        let (s, open) = self.token_at(q.open)?;
        let tokens = &self.all[s].tokens;
        let verb = (0..open)
            .rev()
            .find(|&i| is_speech_verb(&tokens[i].text.to_lowercase()))?;
        let by_name = self
            .found
            .iter()
            .rev()
            .find(|f| {
                f.sent == s
                    && f.tokens.end <= verb
                    && self.is_subject(f)
                    && !self.inside_quote(tokens[f.tokens.start].start)
            })
            .map(|f| f.name.clone());
        let by_pronoun = || {
            let clause_start = |i: usize| i == 0 || matches!(tokens[i - 1].text, "," | ";" | ":");
            (0..verb)
                .rev()
                .find(|&i| is_pronoun(&tokens[i].text.to_lowercase()) && clause_start(i))
                .and(subject.clone())
        };
        let speaker = by_name.or_else(by_pronoun)?;
        Some((speaker, tokens[verb].text.to_string()))
    }

    fn inside_quote(&self, b: usize) -> bool {
        quote_spans(self.text)
            .iter()
            .any(|q| q.open <= b && b < q.end)
    }

    /// A quotation opening a sentence right after an attributed one continues it.
    fn continues(
        &self,
        q: &QuoteSpan,
        last: Option<&(usize, String, String)>,
    ) -> Option<(String, String)> {
        let (_, speaker, verb) = last?;
        let (s, i) = self.token_at(q.open)?;
        let starts_sentence = i == 0 && self.all[s].tokens[0].start == q.open;
        starts_sentence.then(|| (speaker.clone(), verb.clone()))
    }
}

fn is_pronoun(lower: &str) -> bool {
    matches!(lower, "he" | "she")
}

#[cfg(test)]
mod tests {
    use crate::nlp::analysis::analyze;
    use crate::nlp::analysis::testing::article;

    fn quotes(paragraphs: &[&str]) -> Vec<(String, String, String)> {
        let a = analyze(&article("a", 1, paragraphs));
        a.quotes
            .into_iter()
            .map(|q| (q.speaker, q.text, q.verb))
            .collect()
    }

    fn q(s: &str, t: &str, v: &str) -> (String, String, String) {
        (s.into(), t.into(), v.into())
    }

    #[test]
    fn finds_quote_marks() {
        let s = quote_spans_of("He said “yes, fine,” and \"no way\" then.");
        assert_eq!(s, vec!["yes, fine,", "no way"]);
    }

    fn quote_spans_of(text: &str) -> Vec<&str> {
        super::quote_spans(text)
            .into_iter()
            .map(|q| &text[q.content])
            .collect()
    }

    #[test]
    fn speaker_after_the_quote() {
        assert_eq!(
            quotes(&["“The harbour will reopen next week,” Governor Ada Brandt said on Monday."]),
            vec![q("Ada Brandt", "The harbour will reopen next week", "said")]
        );
        assert_eq!(
            quotes(&[
                "Governor Ada Brandt arrived.",
                "“The harbour will reopen,” said Brandt."
            ]),
            vec![q("Ada Brandt", "The harbour will reopen", "said")]
        );
    }

    #[test]
    fn speaker_before_the_quote_and_pronouns() {
        let got = quotes(&[
            "Governor Ada Brandt told reporters: “We are ready for the storm.”",
            "Senator Paul Okafor praised Brandt's team. “They worked all night,” he added.",
        ]);
        assert_eq!(
            got,
            vec![
                q("Ada Brandt", "We are ready for the storm.", "told"),
                q("Paul Okafor", "They worked all night", "added")
            ]
        );
    }

    #[test]
    fn continuation_and_unnamed_speakers() {
        let got = quotes(&[
            "“The roads are closed,” Governor Ada Brandt said. “Stay at home tonight.”",
            "“We disagree with Governor Brandt,” a local official said.",
        ]);
        assert_eq!(
            got,
            vec![
                q("Ada Brandt", "The roads are closed", "said"),
                q("Ada Brandt", "Stay at home tonight.", "said")
            ]
        );
    }
}
