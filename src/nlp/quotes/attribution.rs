//! Where a quotation's speaker is named next to it: the attribution after
//! the closing mark, before the opening one, or at the end of the sentence.
//! Methods of the paragraph walker [`super::Para`]; the readings from
//! context are in `context.rs`.

use super::*;

impl Para<'_, '_> {
    /// The attribution right after a closing mark: `, X said` / `, said X` /
    /// `, he said` / `, according to X`.
    pub(super) fn after(&self, q: &QuoteSpan, subject: &Option<String>) -> Option<Said> {
        let (s, i) = self.token_at(q.end)?;
        // The attribution must follow the closing mark directly (the
        // sentence splitter may have cut after `.”`: then the previous
        // sentence must end on the mark and this one start in lowercase).
        let glued = if i > 0 {
            self.all[s].tokens[i - 1].end == q.end
        } else {
            s > self.sents.start
                && self.all[s - 1]
                    .tokens
                    .last()
                    .is_some_and(|t| t.end == q.end)
                && self
                    .token((s, 0))
                    .is_some_and(|t| t.text.starts_with(char::is_lowercase))
        };
        if !glued {
            return None;
        }
        self.attribution_at(s, i, subject)
    }

    /// `, X said` / `, said X` / `, he said` / `, according to X` starting
    /// at token `i` of sentence `s` (a comma there is skipped).
    pub(super) fn attribution_at(
        &self,
        s: usize,
        mut i: usize,
        subject: &Option<String>,
    ) -> Option<Said> {
        if self.lower((s, i)) == "," {
            i += 1;
        }
        let w = self.lower((s, i));
        if w == "according" && self.lower((s, i + 1)) == "to" {
            let f = self.titled_name_at(s, i + 2)?;
            return Some(said(&f.name, "according to"));
        }
        if is_pronoun(&w) {
            let v = if is_adverb(&self.lower((s, i + 1))) {
                i + 2
            } else {
                i + 1
            };
            let v = self.quoted_as(s, v).unwrap_or(v);
            return is_reporting_verb(&self.lower((s, v)))
                .then(|| Some(said(&self.resolve(&w, subject)?, self.token((s, v))?.text)))
                .flatten();
        }
        if is_reporting_verb(&w) {
            let verb = self.token((s, i))?.text;
            if let Some(f) = self.named_after_verb(s, i, false) {
                return Some(said(&f.name, verb));
            }
            let p = self.lower((s, i + 1));
            return is_pronoun(&p)
                .then(|| Some(said(&self.resolve(&p, subject)?, verb)))
                .flatten();
        }
        // [title] Name [, apposition,] [adverb] verb; the title may be a
        // role phrase set off before the name ("the candidate, official X,").
        let f = self
            .titled_name_at(s, i)
            .or_else(|| self.long_title_name(s, i, true))?;
        let tokens = &self.all[s].tokens;
        let mut v = f.tokens.end;
        if let Some(r) = roles::apposition_after(tokens, f.tokens.end, |_| false) {
            v = r.end + 1;
        } else if tokens.get(v).is_some_and(|t| t.text == ",")
            && tokens
                .get(v + 1)
                .is_some_and(|t| is_reporting_verb(&t.text.to_lowercase()))
        {
            v += 1; // "…, official X, said": the comma closing the role phrase
        }
        if tokens
            .get(v)
            .is_some_and(|t| is_adverb(&t.text.to_lowercase()))
        {
            v += 1;
        }
        let v = self.quoted_as(s, v).unwrap_or(v);
        let verb = tokens
            .get(v)
            .filter(|t| is_reporting_verb(&t.text.to_lowercase()))?;
        Some(said(&f.name, verb.text))
    }

    /// `was quoted as saying` at token `v` of sentence `s`: the index of
    /// "saying" (the passive names the speaker as its subject).
    fn quoted_as(&self, s: usize, v: usize) -> Option<usize> {
        let be = matches!(self.lower((s, v)).as_str(), "was" | "is" | "were");
        let rest = ["quoted", "as", "saying"];
        let words = (1..=3).all(|d| self.lower((s, v + d)) == rest[d - 1]);
        (be && words).then_some(v + 3)
    }

    /// `There was “deceit at the heart of government” which was not
    /// limited to the visa affair, he argued.`: a quotation inside a
    /// sentence whose closing words are its attribution, with no other
    /// quotation or reporting verb in between.
    pub(super) fn sentence_final(
        &self,
        q: &QuoteSpan,
        n: usize,
        subject: &Option<String>,
    ) -> Option<Said> {
        let (s, i) = self.token_at(q.end)?;
        let tokens = &self.all[s].tokens;
        let sentence_end = tokens.last()?.end;
        if i == 0 || self.spans.get(n + 1).is_some_and(|x| x.open < sentence_end) {
            return None;
        }
        let last = tokens.len() - 1;
        if !matches!(tokens[last].text, "." | "!" | "?") {
            return None;
        }
        let comma = (i..last).rev().take(8).find(|&k| tokens[k].text == ",")?;
        self.count(last - i);
        if tokens[i..comma]
            .iter()
            .any(|t| is_reporting_verb(&t.text.to_lowercase()))
        {
            return None;
        }
        self.attribution_at(s, comma, subject)
    }

    /// `X said: “…”` / `X told CNN that “…”` / `he insisted that “…”` /
    /// `according to X, “…”`, in the quotation's own sentence, after the
    /// previous quotation (quotation `n` of the paragraph).
    pub(super) fn before(
        &self,
        q: &QuoteSpan,
        n: usize,
        subject: &Option<String>,
        opening_subject: &Option<String>,
    ) -> Option<Said> {
        let (s, open) = self.token_at(q.open)?;
        let tokens = &self.all[s].tokens;
        let prev_end = n.checked_sub(1).map(|k| self.spans[k].end).unwrap_or(0);
        // Tokens are in order: the first one at or after the previous
        // quotation's end (binary search, not a scan of the sentence).
        let from = tokens[..open]
            .partition_point(|t| t.start < prev_end)
            .max(open.saturating_sub(WINDOW));
        self.count(open - from);
        if let Some(f) = (from..open.saturating_sub(2))
            .rev()
            .find(|&k| self.lower((s, k)) == "according" && self.lower((s, k + 1)) == "to")
            .and_then(|k| self.titled_name_at(s, k + 2))
            .filter(|f| f.tokens.end <= open)
        {
            return Some(said(&f.name, "according to"));
        }
        let verb = (from..open).rev().find(|&i| {
            is_reporting_verb(&tokens[i].text.to_lowercase()) || verbs::went_on(tokens, i)
        })?;
        if denial(tokens[verb].text) && self.text[q.content.clone()].starts_with(char::is_lowercase)
        {
            return None;
        }
        // "described by one union as “…”": a passive verb with its own agent
        // (not "responded by accusing him of “…”").
        if tokens.get(verb + 1).is_some_and(|t| t.text == "by")
            && !tokens
                .get(verb + 2)
                .is_some_and(|t| t.text.ends_with("ing"))
        {
            return None;
        }
        let names = self.names_of(s);
        let k = names.partition_point(|f| f.tokens.start < from);
        let by_name = names[k..]
            .iter()
            .rev()
            .find(|f| {
                f.tokens.end <= verb
                    && (self.is_subject(f)
                        || own_document(tokens, f, verb)
                        || self.colon_subject(f, verb))
                    && !self.inside(tokens[f.tokens.start].start)
            })
            // "X -- the man they called “…”": the verb has a subject of its own.
            .filter(|f| {
                let between = &tokens[f.tokens.end..verb];
                clause::set_off(between)
                    || !between.iter().any(|t| {
                        matches!(
                            t.text.to_lowercase().as_str(),
                            "they" | "we" | "i" | "you" | "it" | "he" | "she" | "who"
                        )
                    })
            })
            // "X said Y had called it “…”": a later name right before the
            // verb (after only an auxiliary or adverb) is its subject.
            .filter(|f| {
                !names[k..].iter().any(|g| {
                    g.tokens.start > f.tokens.end
                        && g.tokens.end <= verb
                        && !matches!(tokens[g.tokens.start - 1].text, "and" | "or")
                        && tokens[g.tokens.end..verb]
                            .iter()
                            .all(|t| is_adverb(&t.text.to_lowercase()))
                })
            })
            .map(|f| f.name.clone());
        let by_pronoun = || {
            let boundary =
                |i: usize| i == 0 || matches!(tokens[i - 1].text, "," | ";" | ":" | "”" | "\"");
            // "But he added:": a discourse word may open the clause.
            let clause_start = |i: usize| {
                boundary(i) || (is_discourse_word(tokens[i - 1].text) && boundary(i - 1))
            };
            let i = (from..verb).rev().find(|&i| {
                // "Asked if he would …, he told the BBC:" - a pronoun
                // right before the verb is its subject.
                is_pronoun(&tokens[i].text.to_lowercase()) && (clause_start(i) || i + 1 == verb)
            })?;
            // "He said the man shouted: “…”": the verb has a subject of
            // its own, somebody unnamed.
            // (Not "…the changes, telling the BBC": a participle.)
            let unnamed = verb >= i + 3
                && matches!(
                    tokens[verb - 2].text.to_lowercase().as_str(),
                    "the" | "a" | "an" | "one"
                )
                && tokens[verb - 1]
                    .text
                    .chars()
                    .all(|c| c.is_lowercase() && c.is_alphabetic())
                && !tokens[verb].text.ends_with("ing");
            if unnamed {
                return None;
            }
            // A pronoun opening the sentence is who it was before the
            // sentence named anyone.
            let opens = clause::skip_discourse(tokens, 0, i) == i;
            // "X has failed to act, he claimed": X, named as the subject
            // of what was claimed, is not who "he" is; the pronoun (set
            // off by a comma) is who it was when the sentence began.
            let about = i > 0
                && tokens[i - 1].text == ","
                && names.iter().any(|f| {
                    f.tokens.end <= i
                        && subject.as_ref() == Some(&f.name)
                        && self.is_subject(f)
                        && !tokens[f.tokens.end..i]
                            .iter()
                            .any(|t| is_reporting_verb(&t.text.to_lowercase()))
                });
            self.resolve(
                &tokens[i].text.to_lowercase(),
                if opens || about {
                    opening_subject
                } else {
                    subject
                },
            )
        };
        // "X said a claim by Y that …“…”": the quotation belongs to Y's
        // clause, not to X. (A name right after the verb is the addressee:
        // "told Y: “…”".)
        // "told BBC One's Breakfast with David Frost:": who is told is
        // the audience, never a speaker.
        let tell = matches!(
            tokens[verb].text.to_lowercase().as_str(),
            "told" | "tell" | "tells" | "telling"
        );
        // "recalls how Y once advised him: “…”": Y's words, reported (a
        // phrase is still the speaker's: "said Y was “…”").
        let full = self.text[q.content.clone()].starts_with(char::is_uppercase);
        let embedded = !tell
            && names[k..].iter().any(|f| {
                let near = f.tokens.start == verb + 2
                    && full
                    && !matches!(tokens[f.tokens.start - 1].text, "to" | "with");
                (f.tokens.start > verb + 2 || near) && f.tokens.start < open
            });
        if embedded {
            return None;
        }
        // "backed by X, who said: “…”": the relative clause's antecedent.
        let relative = relative_speaker(names, tokens, verb).map(|f| f.name.clone());
        let speaker = relative.or(by_name).or_else(by_pronoun)?;
        // "said any suggestion it was “…”": a one-word quotation there is
        // not the speaker's own judgement.
        let judged = !tokens[from..open]
            .iter()
            .any(|t| clause::hearsay_noun(t.text));
        Some(Said {
            judged,
            ..said(&speaker, &verbs::verb_word(tokens, verb))
        })
    }
}

/// A verb of denial: the quoted phrase after it ("denied it was a
/// “political manoeuvre”") is what others said, not the speaker's words.
pub(super) fn denial(verb: &str) -> bool {
    matches!(
        verb.to_lowercase().as_str(),
        "denied" | "denies" | "deny" | "denying" | "rejected" | "rejects" | "dismissed"
    )
}

/// `Mr X's statement said: “…”`: the words of a person's own statement or
/// letter, the possessive name opening the sentence (after at most an
/// honorific or a discourse word) and the verb right after the noun.
fn own_document(tokens: &[Token], f: &Found, verb: usize) -> bool {
    let opens = f.tokens.start == 0
        || (f.tokens.start == 1
            && (is_honorific(tokens[0].text) || is_discourse_word(tokens[0].text)));
    let document = tokens.get(f.tokens.end + 1).is_some_and(|t| {
        matches!(
            t.text.to_lowercase().as_str(),
            "statement" | "letter" | "e-mail" | "email" | "memo" | "blog" | "message" | "note"
        )
    });
    opens
        && tokens
            .get(f.tokens.end)
            .is_some_and(|t| matches!(t.text, "'s" | "’s"))
        && document
        && verb == f.tokens.end + 2
}

/// `X, who said: “…”` / `X who later told reporters`: the name right
/// before the relative "who" (after at most a comma) that is the subject of
/// reporting verb `verb` (after at most two adverbs).
fn relative_speaker<'f>(names: &'f [Found], tokens: &[Token], verb: usize) -> Option<&'f Found> {
    let mut k = verb;
    while k > 0 && verb - k < 2 && is_adverb(&tokens[k - 1].text.to_lowercase()) {
        k -= 1;
    }
    if k < 2 || tokens[k - 1].text != "who" {
        return None;
    }
    let end = if tokens[k - 2].text == "," {
        k - 2
    } else {
        k - 1
    };
    names.iter().find(|f| f.tokens.end == end)
}
