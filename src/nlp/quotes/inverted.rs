//! Speakers named behind a long title or after their verb:
//! `…, said the chairman of the harbour committee, Labour MP X.` /
//! `…, said its chairman, Sir X` / `the candidate, regional official X,
//! said` / `…, said Mr X.` closing a sentence of reported speech (X then
//! speaks the quotation that follows, and is who "he" is next) /
//! `Asked why, X said: “…”` (a name right before its own verb and a colon).

use super::*;

/// Words that open a role phrase standing before its holder's name.
fn opens_role(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "the" | "its" | "his" | "her" | "their" | "our"
    )
}

/// Words that, right before a name, make it no clause subject ("by X",
/// "told X", "the X"): the name is an object or part of a phrase.
fn governs(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "by" | "for"
            | "of"
            | "to"
            | "with"
            | "from"
            | "about"
            | "against"
            | "on"
            | "at"
            | "in"
            | "like"
            | "than"
            | "and"
            | "or"
            | "the"
            | "a"
            | "an"
            | "'s"
            | "’s"
            | "ask"
            | "asked"
            | "that"
            | "including"
    )
}

/// Words of a title only ("Labour MP", "the party's chairman", "Sir"): no
/// pronoun, verb or other plain word that would make a clause of them.
fn title_words(words: &[Token]) -> bool {
    words.len() <= 8
        && words.iter().all(|w| {
            let l = w.text.to_lowercase();
            is_honorific(w.text)
                || (w.text.starts_with(char::is_uppercase)
                    && w.text.chars().all(char::is_alphanumeric))
                || roles::is_title_word(&l)
                || roles::is_head_noun(&l)
                || matches!(l.as_str(), "the" | "its" | "of" | "'s" | "’s")
        })
}

impl Para<'_, '_> {
    /// `the chairman of the committee, Labour MP X` starting at token `i`
    /// of sentence `s`: a role phrase (an opening article or possessive,
    /// plain words with a title head, no verb), a comma, then the name
    /// after at most three title words. After a verb (`loose` false) those
    /// words are capitalised or honorifics ("Labour MP", "Sir"); before one
    /// they may be any descriptor ("regional official").
    pub(super) fn long_title_name(&self, s: usize, i: usize, loose: bool) -> Option<&Found> {
        let t = &self.all[s].tokens;
        if !opens_role(t.get(i)?.text) {
            return None;
        }
        let end = t.len().min(i + 14);
        let comma = (i + 1..end).find(|&k| t[k].text == ",")?;
        self.count(comma - i);
        let role = &t[i + 1..comma];
        let plain = role.iter().all(|w| {
            w.text.chars().all(|c| c.is_alphabetic() || c == '-') || matches!(w.text, "'s" | "’s")
        });
        let head = role
            .iter()
            .any(|w| roles::is_head_noun(&w.text.to_lowercase()));
        let verb = role.iter().any(|w| {
            let l = w.text.to_lowercase();
            is_reporting_verb(&l) || is_pronoun(&l) || verbs::is_judging_verb(&l)
        });
        if !plain || !head || verb || self.name_from(s, i).is_some_and(|f| f.tokens.start < comma) {
            return None;
        }
        let f = self.name_from(s, comma + 1)?;
        let words = &t[comma + 1..f.tokens.start];
        let titled = words.iter().all(|w| {
            is_honorific(w.text)
                || (w.text.starts_with(char::is_uppercase)
                    && w.text.chars().all(char::is_alphanumeric))
        });
        let possessive = t
            .get(f.tokens.end)
            .is_some_and(|x| matches!(x.text, "'s" | "’s"));
        let ok = words.len() <= 3 && (titled || (loose && descriptor(words)));
        (ok && !possessive).then_some(f)
    }

    /// The speaker named right after reporting verb `v` of sentence `s`
    /// (`said Mr X`, `said its chairman, Sir X`). Away from a quotation
    /// (`strict`) only title words may come between ("said Labour MP X",
    /// not "suggested they should get X").
    pub(super) fn named_after_verb(&self, s: usize, v: usize, strict: bool) -> Option<&Found> {
        let t = &self.all[s].tokens;
        if !is_reporting_verb(&t.get(v)?.text.to_lowercase()) {
            return None;
        }
        let titled = self
            .titled_name_at(s, v + 1)
            .filter(|f| !strict || title_words(&t[v + 1..f.tokens.start]));
        // "said the minister, X's rival": X is spoken about.
        titled
            .or_else(|| self.long_title_name(s, v + 1, false))
            .filter(|f| {
                !t.get(f.tokens.end)
                    .is_some_and(|x| matches!(x.text, "'s" | "’s"))
            })
    }

    /// Whether name `f` is the speaker of an inverted attribution (`…,
    /// said X` / `“…,” said X`): a reporting verb after a comma or a
    /// closing mark, then (after a title) the name.
    pub(super) fn inverted(&self, f: &Found) -> bool {
        let t = &self.all[f.sent].tokens;
        let from = f.tokens.start.saturating_sub(14).max(1);
        self.count(f.tokens.start.saturating_sub(from));
        (from..f.tokens.start).rev().any(|v| {
            matches!(t[v - 1].text, "," | "”" | "\"")
                && !self.inside(t[v].start)
                && self
                    .named_after_verb(f.sent, v, true)
                    .is_some_and(|g| g.tokens.start == f.tokens.start)
        })
    }

    /// Sentence `s` closes on an inverted attribution (`…, said Mr X.`,
    /// `…, argued X on Monday.`): its speaker and verb.
    pub(super) fn closing_attribution(&self, s: usize) -> Option<Said> {
        let t = &self.all[s].tokens;
        let from = t.len().saturating_sub(18);
        self.count(t.len() - from);
        (from..t.len().saturating_sub(1)).rev().find_map(|k| {
            if t[k].text != "," {
                return None;
            }
            let f = self.named_after_verb(s, k + 1, true)?;
            (f.tokens.end + 4 >= t.len()).then(|| said(&f.name, t[k + 1].text))
        })
    }

    /// `Asked why, X said: “…”`: name `f` right before its reporting verb
    /// `verb` (after only adverbs), the verb followed by a colon, and no
    /// word before the name that makes it an object ("told X", "by X").
    pub(super) fn colon_subject(&self, f: &Found, verb: usize) -> bool {
        let t = &self.all[f.sent].tokens;
        let start = if f.tokens.start > 0 && is_honorific(t[f.tokens.start - 1].text) {
            f.tokens.start - 1
        } else {
            f.tokens.start
        };
        let before_ok = start == 0 || {
            let w = t[start - 1].text;
            !governs(w)
                && !is_reporting_verb(&w.to_lowercase())
                && !verbs::is_judging_verb(&w.to_lowercase())
        };
        let adverbs = t[f.tokens.end..verb]
            .iter()
            .all(|x| is_adverb(&x.text.to_lowercase()));
        let possessive = t
            .get(f.tokens.end)
            .is_some_and(|x| matches!(x.text, "'s" | "’s"));
        before_ok && adverbs && !possessive && t.get(verb + 1).is_some_and(|x| x.text == ":")
    }
}
