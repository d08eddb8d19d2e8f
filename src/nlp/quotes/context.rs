//! Quotations read from their sentence's context rather than a speaker
//! next to the marks: quoted phrases in the speaker's own clause, a second
//! quotation after a coordinated verb, the sentence before that introduces
//! speech, and where a quotation stands in its sentence and paragraph.

use super::attribution::denial;
use super::*;

impl Para<'_, '_> {
    /// `X branded the plan "piecemeal and poor"` / `He said she was a "huge
    /// figure" and a "valued friend"`: a quoted phrase (opening in lower
    /// case) inside a sentence whose subject is a person (named first, or
    /// an opening "he"/"she"), after a verb of saying or judging, with no
    /// other person, pronoun clause or "claims that" between them.
    pub(super) fn partial(&self, q: &QuoteSpan, opening_subject: &Option<String>) -> Option<Said> {
        if !self.text[q.content.clone()].starts_with(char::is_lowercase) {
            return None;
        }
        let (s, open) = self.token_at(q.open)?;
        let tokens = &self.all[s].tokens;
        let names = self.names_of(s);
        let first = names.first().filter(|f| f.tokens.end <= open);
        let lead = first.map_or(open, |f| f.tokens.start);
        // Only titles and discourse words before the subject: no earlier clause.
        if tokens[..lead]
            .iter()
            .any(|t| matches!(t.text, "," | ";" | ":" | "“" | "”" | "\"" | "(" | "—" | "–"))
        {
            return None;
        }
        let named =
            first.filter(|f| self.is_subject(f) && !self.inside(tokens[f.tokens.start].start));
        // "He accused Y's government of “…”": an opening pronoun is the
        // subject, and a name after it that is no subject is its object.
        let (speaker, from) = match named {
            Some(f) => (f.name.clone(), f.tokens.end),
            None if self.opens_with_pronoun(s) => {
                let k = clause::skip_discourse(tokens, 0, tokens.len().min(4));
                let who = self.resolve(&tokens[k].text.to_lowercase(), opening_subject)?;
                (who, k + 1)
            }
            None => return None,
        };
        // "X said Y's plan was a “…”", "He accused Y of “…”": a person
        // named in what was said is spoken about. Only one with a verb of
        // saying or judging of their own before the quotation ("X said Y
        // had called it “…”") may have said it.
        let speaks = |g: &Found| {
            tokens[g.tokens.end..open].iter().any(|t| {
                let w = t.text.to_lowercase();
                is_reporting_verb(&w) || verbs::is_judging_verb(&w)
            })
        };
        if names
            .iter()
            .any(|g| g.tokens.start >= from && g.tokens.start < open && speaks(g))
        {
            return None;
        }
        self.count(open.saturating_sub(from));
        let between = tokens.get(from..open)?;
        // "… - described by one union as “…”": the phrase is the agent's.
        let agent = between
            .windows(2)
            .any(|w| w[0].text == "by" && !w[1].text.ends_with("ing"));
        if between.len() > WINDOW || agent || between.iter().any(|t| clause::hearsay_noun(t.text)) {
            return None;
        }
        let verb = between.iter().find(|t| {
            let w = t.text.to_lowercase();
            is_reporting_verb(&w) || verbs::is_judging_verb(&w)
        })?;
        // "He denied the concessions were a “political manoeuvre”": what is
        // denied is someone else's phrase.
        if denial(verb.text) {
            return None;
        }
        Some(Said {
            judged: true,
            ..said(&speaker, verb.text)
        })
    }

    /// `X welcomed “…” but emphasized that “…”`: a second quotation of the
    /// same sentence, after a reporting verb with no subject of its own,
    /// is the previous quotation's speaker's.
    pub(super) fn coordinated(
        &self,
        q: &QuoteSpan,
        n: usize,
        last: Option<&(usize, Said)>,
    ) -> Option<Said> {
        let (end, who) = last?;
        let prev = self.spans.get(n.checked_sub(1)?)?;
        if prev.end != *end {
            return None;
        }
        let (s, open) = self.token_at(q.open)?;
        let (s0, from) = self.token_at(*end)?;
        // `"… decision." In its plan, the government said …`: a quotation
        // that closed its sentence coordinates with nothing after it.
        if s0 != s || from > open || open - from > WINDOW {
            return None;
        }
        let tokens = &self.all[s].tokens[from..open];
        self.count(tokens.len());
        let verb_at = tokens
            .iter()
            .position(|t| is_reporting_verb(&t.text.to_lowercase()));
        // … unless the new sentence is only the verb ("And continued: “…”").
        if from == 0 && verb_at.is_none_or(|v| v > 1) {
            return None;
        }
        let verb = verb_at.is_some();
        // "Her lawyer said: “…”": the verb has a subject of its own.
        let own_subject = verb_at.and_then(|v| v.checked_sub(2)).is_some_and(|k| {
            matches!(
                tokens[k].text.to_lowercase().as_str(),
                "the" | "a" | "an" | "his" | "her" | "their" | "its"
            )
        });
        let other = own_subject
            || tokens.iter().any(|t| is_pronoun(&t.text.to_lowercase()))
            || self
                .name_from(s, from)
                .is_some_and(|f| f.tokens.start < open);
        (verb && !other).then(|| who.clone())
    }

    /// A reporting verb follows the closing mark closely (`, a local
    /// official said`): the quotation has an attribution of its own, even
    /// when it names nobody, so it does not continue anyone.
    pub(super) fn has_verb_after(&self, q: &QuoteSpan) -> bool {
        let Some((s, i)) = self.token_at(q.end) else {
            return false;
        };
        let tokens = &self.all[s].tokens;
        // `"… it." She said new mothers …`: a capitalised sentence after
        // the closing mark is a sentence of its own, not an attribution.
        if i == 0 && tokens[0].text.starts_with(char::is_uppercase) {
            return false;
        }
        // Up to 14 tokens: "…,” the candidate, regional official X, said".
        let near = tokens.get(i..(i + 14).min(tokens.len())).unwrap_or(&[]);
        self.count(near.len());
        near.iter()
            .take_while(|t| !matches!(t.text, "“" | "\"" | "." | ";"))
            .any(|t| is_reporting_verb(&t.text.to_lowercase()))
    }

    /// The quotation opens its sentence.
    pub(super) fn opens_sentence(&self, q: &QuoteSpan) -> bool {
        self.token_at(q.open)
            .is_some_and(|(s, i)| i == 0 && self.all[s].tokens[0].start == q.open)
    }

    /// Only closing punctuation follows byte `end` in the paragraph.
    pub(super) fn ends_paragraph(&self, end: usize) -> bool {
        self.text[end..]
            .chars()
            .all(|c| c.is_whitespace() || ".,;:”\"".contains(c))
            || self.attribution_ends_paragraph(end)
    }

    /// `“…,” he said.` closes the paragraph: the quotation is followed only
    /// by its short attribution.
    pub(super) fn attribution_ends_paragraph(&self, end: usize) -> bool {
        let rest = &self.text[end..];
        let words = rest.split_whitespace().count();
        // A longer attribution still closes it when it is the rest of the
        // quotation's own sentence ("…,” the firm's chief executive X told
        // the Y newspaper's website.).
        let same_sentence = || {
            self.token_at(end)
                .is_some_and(|(s, _)| s + 1 == self.sents.end)
        };
        // … and only when it is an attribution (a reporting verb in it),
        // not the sentence running on ("he's “back” and still hungry …").
        let attribution = || {
            rest.split_whitespace().take(12).any(|w| {
                is_reporting_verb(&w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
            })
        };
        !rest.contains(['“', '"'])
            && (words <= 12 || (words <= 24 && same_sentence() && attribution()))
    }

    /// The speaker that sentence `s` introduces for what follows byte
    /// `limit`: a subject name (or pronoun) with a reporting verb, and the
    /// sentence ending in a colon or without a quotation of its own.
    pub(super) fn introduces(
        &self,
        s: usize,
        limit: usize,
        subject: &Option<String>,
    ) -> Option<Said> {
        if !self.sents.contains(&s) {
            return None;
        }
        let tokens = &self.all[s].tokens;
        let last = tokens.last()?;
        // A quotation opening inside the sentence (binary search: spans are in order).
        let k = self.spans.partition_point(|q| q.open < tokens[0].start);
        let quoted = self.spans.get(k).is_some_and(|q| q.open < last.end);
        // A sentence inside a quotation introduces nobody: its "she" is
        // the speaker's words.
        if last.end > limit || quoted || self.inside(tokens[0].start) {
            return None;
        }
        let colon = last.text == ":";
        // "She said new mothers were entitled to more.": a pronoun subject
        // opening the sentence (after "But", "And") is the current subject.
        let p = clause::skip_discourse(tokens, 0, tokens.len());
        if tokens
            .get(p)
            .is_some_and(|t| is_pronoun(&t.text.to_lowercase()))
        {
            let verb = clause::own_verb_after(tokens, p + 1)?;
            let who = self.resolve(&tokens[p].text.to_lowercase(), subject)?;
            return Some(said(&who, tokens[verb].text));
        }
        // "…, said Mr X.": the speaker of the closing attribution speaks next.
        if let Some(who) = self.closing_attribution(s) {
            return Some(who);
        }
        let names = self.names_of(s);
        let f = names.iter().find(|f| self.is_subject(f))?;
        let end = (f.tokens.end + WINDOW).min(tokens.len());
        self.count(end - f.tokens.end);
        let verb = (f.tokens.end..end).find(|&i| {
            is_reporting_verb(&tokens[i].text.to_lowercase()) || verbs::went_on(tokens, i)
        })?;
        // Only the subject's own verb: no other name in between, unless
        // in a clause set off by commas ("X, who led it with Y, said").
        if clause::own_verb_after(tokens, f.tokens.end) != Some(verb)
            && names
                .iter()
                .any(|g| g.tokens.start > f.tokens.end && g.tokens.start < verb)
        {
            return None;
        }
        // "Y would lead the campaign, he said.": the verb has a pronoun
        // subject of its own, and the name is what was said about.
        let before_verb = |k: usize| verb.checked_sub(k).map(|i| tokens[i].text.to_lowercase());
        let pronoun = before_verb(1).filter(|w| is_pronoun(w)).or_else(|| {
            before_verb(2)
                .filter(|w| is_pronoun(w) && is_adverb(&before_verb(1).unwrap_or_default()))
        });
        if let Some(p) = pronoun {
            return self
                .resolve(&p, subject)
                .map(|w| said(&w, tokens[verb].text));
        }
        let that = tokens[verb + 1..].iter().any(|t| t.text == "that");
        // "X said he had suspended Y.": reported speech by X, whose words follow.
        let own = clause::own_verb_after(tokens, f.tokens.end) == Some(verb)
            && is_speech_verb(&tokens[verb].text.to_lowercase());
        (colon || that || own || verb + 3 >= tokens.len())
            .then(|| said(&f.name, &verbs::verb_word(tokens, verb)))
    }
}
