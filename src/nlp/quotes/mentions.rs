//! Person mentions outside quotations: clause subjects (who "he" is next),
//! other people named, unnamed speakers ("a spokesman said"), and whether a
//! name opens its clause.

use super::*;

impl Para<'_, '_> {
    /// Person mentions outside quotations, by byte offset: clause subjects
    /// (who "he" is next), other people named (after which "he" is
    /// ambiguous), and titled names the analysis did not take for a person
    /// ("Mr Tyler": somebody else, also ambiguous).
    pub(super) fn mentions(&self) -> Vec<(usize, Mentioned)> {
        let range = self.by_sent[self.sents.start]..self.by_sent[self.sents.end];
        self.count(range.len());
        let mut out: Vec<(usize, Mentioned)> = Vec::new();
        // The sentence whose subject was last read: a later name in that
        // sentence is its object ("X accused Y of …"), and the next "he"
        // is still X (the subject is the salient antecedent).
        let mut subject_sent = None;
        for f in &self.found[range] {
            // "He said Mr X's views …": a sentence opened by a pronoun has
            // its subject already; a name later in it is an object.
            if subject_sent != Some(f.sent) && self.opens_with_pronoun(f.sent) {
                subject_sent = Some(f.sent);
            }
            let t = &self.all[f.sent].tokens;
            let b = t[f.tokens.start].start;
            if self.inside(b) || clause::reported_before_pronoun_attribution(t, f.tokens.end) {
                continue;
            }
            let possessive = t
                .get(f.tokens.end)
                .is_some_and(|x| matches!(x.text, "'s" | "’s"));
            // "…, according to X": X is the source of what comes next.
            let according = (2..6).any(|k| {
                f.tokens.start >= k
                    && t[f.tokens.start - k].text.eq_ignore_ascii_case("according")
                    && t[f.tokens.start - k + 1].text == "to"
                    && self
                        .titled_name_at(f.sent, f.tokens.start - k + 2)
                        .is_some_and(|g| g.tokens.start == f.tokens.start)
            });
            // "A spokesman for Mr X said": the spokesman speaks, nobody named.
            let spoken_for = clause::speaks_for(t, f.tokens.start)
                .and_then(|_| clause::own_verb_after(t, f.tokens.end));
            if let Some(v) = spoken_for {
                out.push((t[v].start, Mentioned::Unknown));
                continue;
            }
            if self.is_subject(f) || according || self.inverted(f) {
                self.learn_gender(f);
                subject_sent = Some(f.sent);
                out.push((b, Mentioned::Subject(f.name.clone())));
            } else if !possessive && subject_sent != Some(f.sent) {
                self.learn_title_gender(f);
                out.push((b, Mentioned::Other(f.name.clone())));
            } else {
                self.learn_title_gender(f);
                out.push((b, Mentioned::Seen(Some(f.name.clone()))));
            }
        }
        for s in self.sents.clone() {
            let t = &self.all[s].tokens;
            self.count(t.len());
            // "The friend said", "A spokesman added": someone unnamed speaks.
            for i in 2..t.len() {
                let det = |k: usize| {
                    matches!(
                        t[k].text,
                        "The" | "the" | "A" | "a" | "An" | "an" | "His" | "Her"
                    )
                };
                // "the choices he says": a pronoun is somebody already named;
                // "the move but added": a conjunction ends the noun phrase.
                let plain = |k: usize| {
                    t[k].text.starts_with(char::is_lowercase)
                        && !is_pronoun(t[k].text)
                        && descriptor(&t[k..k + 1])
                };
                // "A Labour spokesman later said": an adverb may come between.
                let adverb =
                    |k: usize| is_adverb(&t[k].text.to_lowercase()) || t[k].text.ends_with("ly");
                let np = (det(i - 2) && plain(i - 1))
                    || (i >= 3 && det(i - 3) && plain(i - 1) && descriptor(&t[i - 2..i - 1])); // "The Tory leader said"
                let head = |k: usize| roles::is_head_noun(&t[k].text.to_lowercase());
                // "The prime minister's official spokesman said": a role
                // noun right before the verb is nobody named.
                // "prompted the minister to say": the minister speaks.
                let to_say = t[i - 1].text == "to" && head(i - 2);
                let np = np
                    || to_say
                    || (plain(i - 1) && head(i - 1))
                    || (i >= 3
                        && adverb(i - 1)
                        && head(i - 2)
                        && (1..=3).any(|d| i - 2 >= d && det(i - 2 - d)));
                // A role phrase read as a person's mention ("the Tory
                // leader said") is that person, not somebody unnamed.
                let named = self.names_of(s).iter().any(|f| {
                    f.tokens.end == i
                        || (f.tokens.end + 1 == i && (adverb(i - 1) || t[i - 1].text == "to"))
                });
                if np
                    && !named
                    && is_reporting_verb(&t[i].text.to_lowercase())
                    && !self.inside(t[i].start)
                {
                    out.push((t[i].start, Mentioned::Unknown));
                }
            }
            for i in 1..t.len().saturating_sub(1) {
                // "Finance Minister Sue Essex said": somebody the analysis
                // did not read as a person speaks.
                let capital = t[i].text.starts_with(char::is_uppercase)
                    && t[i].text.chars().all(char::is_alphabetic)
                    && !is_pronoun(&t[i].text.to_lowercase());
                let in_name = self.names_of(s).iter().any(|f| f.tokens.contains(&i));
                if capital
                    && !in_name
                    && is_reporting_verb(&t[i + 1].text.to_lowercase())
                    && !self.inside(t[i].start)
                {
                    out.push((t[i].start, Mentioned::Seen(None)));
                }
            }
            for i in 1..t.len() {
                let titled = is_honorific(t[i - 1].text);
                let known = self
                    .name_from(s, i - 1)
                    .is_some_and(|f| f.tokens.start <= i);
                if titled
                    && t[i].text.starts_with(char::is_uppercase)
                    && !known
                    && !self.inside(t[i].start)
                {
                    out.push((t[i].start, Mentioned::Unknown));
                }
            }
        }
        out.sort_by_key(|(b, _)| *b);
        out
    }

    /// A name that starts its clause (after only a title) and is not a possessive.
    pub(super) fn is_subject(&self, f: &Found) -> bool {
        let t = &self.all[f.sent].tokens;
        let from = f.tokens.start.saturating_sub(WINDOW);
        self.count(f.tokens.start - from);
        let clause = match t[from..f.tokens.start]
            .iter()
            .rposition(|x| matches!(x.text, "," | ";" | ":" | "“" | "”" | "\"" | "(" | "—" | "–"))
        {
            Some(i) => from + i + 1,
            None if from == 0 => 0,
            None => return false, // the clause starts too far back for a title
        };
        let after_mark = clause > 0;
        let clause = clause::skip_discourse(t, clause, f.tokens.start);
        // "Mr Blair", "Sir Andrew Green": an honorific stands for a title.
        let honorific = f.tokens.start == clause + 1 && is_honorific(t[clause].text);
        let named = if f.tokens.start > clause && is_honorific(t[f.tokens.start - 1].text) {
            f.tokens.start - 1
        } else {
            f.tokens.start
        };
        let title_ok = f.tokens.start == clause
            || honorific
            // Descriptive words count only before the person's own speech
            // verb ("union veteran X said"), not "Voters distrust X".
            || ((descriptor(&t[clause..f.tokens.start])
                || clause::role_prefix(&t[clause..f.tokens.start]))
                && clause::own_verb_after(t, f.tokens.end).is_some())
            // "Police Commissioner Sir X": a title before the honorific.
            || roles::title_before(t, named).is_some_and(|r| {
                // "the spokesman X", "ministry spokesman X": a few plain
                // words may qualify the title.
                r.start <= clause
                    || (r.start - clause <= 3
                        && t[clause..r.start].iter().all(|x| {
                            x.text.chars().all(char::is_alphabetic)
                                && !is_reporting_verb(&x.text.to_lowercase())
                        }))
            });
        let possessive = t
            .get(f.tokens.end)
            .is_some_and(|x| matches!(x.text, "'s" | "’s"));
        // "thanking Roy Williams, Hansbrough, and the university": an item
        // of a list, not a subject.
        let after_name = clause >= 2
            && t[clause - 1].text == ","
            && t[clause - 2].text.starts_with(char::is_uppercase);
        // "Director, X, said": an apposition to a role, with its verb.
        let listed = after_name
            && t.get(f.tokens.end)
                .is_some_and(|x| matches!(x.text, "," | "and" | "or"))
            && !clause::verb_follows(t, f.tokens.end);
        // Mid-sentence, a name after a comma starts a clause only when a
        // verb follows ("…, Tony Blair would"), not in "picture X or, of
        // course, Y doing it".
        let mid = after_mark && !clause::verb_follows(t, f.tokens.end);
        title_ok && !possessive && !listed && !mid && clause::speaks_for(t, named).is_none()
    }

    /// A name at token `i` of sentence `s`, possibly after a title that starts there.
    pub(super) fn titled_name_at(&self, s: usize, i: usize) -> Option<&Found> {
        let f = self.name_from(s, i)?;
        let tokens = &self.all[s].tokens;
        let ok = f.tokens.start == i
            || (f.tokens.start == i + 1 && is_honorific(tokens[i].text))
            || (f.tokens.start > i && descriptor(&tokens[i..f.tokens.start]))
            || (f.tokens.start < i + 12
                && roles::title_before(tokens, f.tokens.start).is_some_and(|r| r.start <= i));
        ok.then_some(f)
    }
}
