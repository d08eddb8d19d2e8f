//! Corpus-level consistency: a surname that belongs to exactly one person in
//! the whole corpus is that person wherever it stands alone, even in an
//! article that never gives the full name and where the tagger missed it
//! ("… spoke to the chancellor and Okafor").

use crate::content::{Article, BlockKind};
use crate::nlp::analysis::{Mention, MentionKind};
use crate::nlp::names;
use crate::nlp::quotes::is_speech_verb;
use crate::nlp::sentences;
use crate::nlp::tokens::{tokenize, Token};
use std::collections::BTreeMap;

/// Mentions of unique surnames (`phonetic surname → group`) that `existing`
/// does not already cover, in prose and captions.
pub(crate) fn extra_mentions(
    article: &Article,
    existing: &[Mention],
    surnames: &BTreeMap<String, usize>,
) -> Vec<Mention> {
    let mut out = Vec::new();
    for (pi, p) in article.paragraphs.iter().enumerate() {
        let caption = p.kind == BlockKind::Caption;
        if p.kind != BlockKind::Prose && !caption {
            continue;
        }
        let taken = |s: usize, e: usize| {
            existing
                .iter()
                .any(|m| m.paragraph == pi && m.span.start < e && s < m.span.end)
        };
        for r in sentences::split(&p.text) {
            let tokens = tokenize(&p.text[r.clone()]);
            for i in 0..tokens.len() {
                let (s, e) = (r.start + tokens[i].start, r.start + tokens[i].end);
                if !taken(s, e) && standalone_surname(&tokens, i, surnames) {
                    let surface = p.text[s..e].to_string();
                    out.push(Mention {
                        paragraph: pi,
                        span: s..e,
                        name: surface.clone(),
                        surface,
                        kind: MentionKind::Bare,
                        in_caption: caption,
                    });
                }
            }
        }
    }
    out
}

fn standalone_surname(t: &[Token], i: usize, surnames: &BTreeMap<String, usize>) -> bool {
    if names::clean_span(t, i..i + 1) != Some(i..i + 1) {
        return false;
    }
    let key = names::normalise(t[i].text);
    if !surnames.contains_key(&names::phonetic(key.as_str())) {
        return false;
    }
    let name_like = |x: &Token| names::clean_span(std::slice::from_ref(x), 0..1).is_some();
    let glued =
        i.checked_sub(1).is_some_and(|j| name_like(&t[j])) || t.get(i + 1).is_some_and(name_like);
    // A sentence's first word is capitalised anyway: only trust it with a cue.
    let cue = t.get(i + 1).is_some_and(|x| {
        matches!(x.text, "'s" | "’s" | ",") || is_speech_verb(&x.text.to_lowercase())
    });
    !glued && (i > 0 || cue)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::testing::article;

    #[test]
    fn finds_standalone_unique_surnames_only() {
        let s = BTreeMap::from([(names::phonetic("okafor"), 0)]);
        let a = article(
            "a",
            2,
            &["The minister spoke to Okafor and Daniel Okafor. Okafor left. Okafor said no."],
        );
        let found: Vec<_> = extra_mentions(&a, &[], &s)
            .into_iter()
            .map(|m| m.span.start)
            .collect();
        // Not the one glued to "Daniel", not the unexplained sentence-initial one.
        assert_eq!(found, vec![22, 61]);
    }
}
