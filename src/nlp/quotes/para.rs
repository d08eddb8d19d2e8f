//! The walk over one paragraph's quotations (who says each, what carries
//! to the next paragraph), pronoun resolution, and the lookups by byte and
//! token the rules share.

use super::*;

impl Para<'_, '_> {
    pub(super) fn attribute(&self, state: &mut State, out: &mut Vec<Quote>) {
        let subjects = self.mentions();
        let mut next_subject = 0;
        let mut last: Option<(usize, Said)> = None; // (end of its quotation, speaker)
        let carry = state.carry.take();
        let mut pending = std::mem::take(&mut state.pending);
        let mut introduced = state.introduced.take();
        let mut intro_sent = self.sents.start; // `introduced` applies in this sentence
                                               // Who "he" is at the start of each sentence a mention was read in:
                                               // a sentence-initial pronoun means that person even when the
                                               // sentence names someone else later ("She told X's show: …").
        let mut starts: Vec<(usize, Option<String>)> = Vec::new();
        for (n, q) in self.spans.iter().enumerate() {
            while next_subject < subjects.len() && subjects[next_subject].0 < q.open {
                let at = self.token_at(subjects[next_subject].0).map_or(0, |a| a.0);
                if starts.last().is_none_or(|(x, _)| *x < at) {
                    starts.push((at, state.subject.clone()));
                }
                subjects[next_subject]
                    .1
                    .note(&mut state.subject, self.recent);
                next_subject += 1;
            }
            let Some((s, _)) = self.token_at(q.open) else {
                continue;
            };
            let at_start = |x: usize| {
                starts
                    .iter()
                    .rev()
                    .find(|(y, _)| *y == x)
                    .map_or(&state.subject, |(_, w)| w)
                    .clone()
            };
            if s > intro_sent {
                introduced = self.introduces(s - 1, q.open, &at_start(s - 1));
                intro_sent = s;
            }
            let opening_subject = at_start(s);
            let own_verb = self.has_verb_after(q);
            let opens_sentence = self.opens_sentence(q) && !own_verb;
            let attributed = self
                .after(q, &state.subject)
                .or_else(|| self.before(q, n, &state.subject, &opening_subject))
                .or_else(|| self.sentence_final(q, n, &state.subject))
                .or_else(|| self.coordinated(q, n, last.as_ref()))
                .or_else(|| self.continued(q, state.spoke.as_ref(), &state.subject))
                .or_else(|| self.partial(q, &opening_subject))
                // A speaker introduced by the sentence before ("X said she
                // was shocked. “…”") speaks now, not the earlier speaker.
                .or_else(|| introduced.clone().filter(|_| opens_sentence))
                .or_else(|| {
                    let (end, who) = last.as_ref()?;
                    // Someone else named as a subject since ("Y, who …,
                    // said she was shocked. “…”"): no longer the speaker.
                    let still = state.subject.as_ref() == Some(&who.speaker);
                    (opens_sentence && still && *end <= q.open).then(|| who.clone())
                })
                .or_else(|| carry.clone().filter(|_| n == 0 && q.open == 0 && !own_verb));
            let text = self.text[q.content.clone()]
                .trim()
                .trim_end_matches(',')
                .trim_end()
                .to_string();
            if let Some(who) = attributed {
                // Paragraphs before that opened this quotation and left it
                // open (newswire style) are the same speaker's words.
                if n == 0 && q.open == 0 {
                    for (index, text) in pending.drain(..) {
                        out.extend(self.quote(&who, text, index));
                    }
                }
                out.extend(self.quote(&who, text, self.index));
                state.subject = Some(who.speaker.clone());
                self.recent.borrow_mut().push(Some(&who.speaker));
                state.spoke = Some(who.clone());
                last = Some((q.end, who));
            } else if q.content.end == self.text.len()
                && !text.is_empty()
                && !self.introduced_mid_sentence(q)
            {
                // Unclosed at the paragraph's end and nobody named yet: the
                // attribution may come where the quotation goes on.
                if n > 0 || q.open > 0 {
                    pending.clear();
                }
                pending.push((self.index, text));
            } else if self.has_verb_after(q)
                || (!self.opens_sentence(q) && self.introduced_mid_sentence(q))
            {
                // `Y's lawyer Z said: “…”` / `“…,” he said` with Z or "he"
                // not read: somebody else speaks now, so the next
                // quotation does not continue X.
                last = None;
            }
        }
        for (_, m) in subjects.get(next_subject..).unwrap_or(&[]) {
            m.note(&mut state.subject, self.recent);
        }
        // Only a paragraph that ends inside its own open, unattributed
        // quotation hands the pending ones on.
        if pending.last().is_some_and(|(p, _)| *p != self.index) {
            pending.clear();
        }
        state.pending = pending;
        state.carry = last
            .filter(|(end, _)| self.ends_paragraph(*end))
            .map(|(_, w)| w);
        state.introduced = self.introduces(self.sents.end - 1, self.text.len(), &state.subject);
    }

    /// The quote `who` said, unless it is too short to be theirs, a title,
    /// or the speaker's name is too thin to be a person.
    fn quote(&self, who: &Said, text: String, paragraph: usize) -> Option<Quote> {
        // A one-word speaker with no full name in the article is as
        // likely a party or a word ("Labour", "One said") as a person.
        let full = (who.speaker.split_whitespace().count() >= 2
            && !verbs::is_organisation_word(who.speaker.rsplit(' ').next().unwrap_or("")))
            || self.peers.contains(&who.speaker);
        // A one-word quotation counts only when it is a judgement
        // in the speaker's own clause ("branded it “scandalous”").
        let short_ok = text.split_whitespace().count() >= 2
            || (text.starts_with(char::is_lowercase) && who.judged);
        (short_ok && full && !is_title(&text)).then(|| Quote {
            speaker: who.speaker.clone(),
            text,
            paragraph,
            verb: who.verb.clone(),
        })
    }

    /// The person `pronoun` ("he", "she") stands for: the current subject,
    /// unless the article has shown them to be of the other gender (or
    /// there is none); then the one recent person who may be of the
    /// pronoun's gender ([`recent::Recent::fitting`]). A resolved pronoun
    /// teaches the person's gender.
    pub(super) fn resolve(&self, pronoun: &str, subject: &Option<String>) -> Option<String> {
        let she = pronoun == "she";
        let mut g = self.genders.borrow_mut();
        let who = match subject {
            Some(w) if g.get(w).is_none_or(|&x| x == she) => w.clone(),
            _ => self.recent.borrow().fitting(she, &g)?,
        };
        g.insert(who.clone(), she);
        Some(who)
    }

    /// Learns a person's gender from a title ("Mr", "Ms") or from the first
    /// pronoun after their name, right after their own verb ("X, testifying
    /// at Y's hearing, said he asked how she felt": X is "he") or before
    /// anyone else is named.
    pub(super) fn learn_gender(&self, f: &Found) {
        let t = &self.all[f.sent].tokens;
        let titled = title_gender(t, f);
        let next = self
            .name_from(f.sent, f.tokens.end)
            .map_or(t.len(), |g| g.tokens.start);
        let end = next.min(f.tokens.end + WINDOW).min(t.len());
        self.count(end - f.tokens.end);
        let pronoun = || {
            t[f.tokens.end..end]
                .iter()
                .filter(|x| !self.inside(x.start))
                .find_map(|x| match x.text.to_lowercase().as_str() {
                    "he" | "his" | "him" => Some(false),
                    "she" | "her" => Some(true),
                    _ => None,
                })
        };
        // "X, testifying at Y's hearing, said he …": right after X's own verb.
        let reported = || {
            let v = clause::own_verb_after(t, f.tokens.end)?;
            let k = if t.get(v + 1)?.text == "that" {
                v + 2
            } else {
                v + 1
            };
            match t.get(k)?.text.to_lowercase().as_str() {
                "he" => Some(false),
                "she" => Some(true),
                _ => None,
            }
        };
        if let Some(she) = titled.or_else(reported).or_else(pronoun) {
            self.genders
                .borrow_mut()
                .entry(f.name.clone())
                .or_insert(she);
        }
    }

    /// Learns a person's gender from the title before a mention ("Ms X").
    pub(super) fn learn_title_gender(&self, f: &Found) {
        if let Some(she) = title_gender(&self.all[f.sent].tokens, f) {
            self.genders
                .borrow_mut()
                .entry(f.name.clone())
                .or_insert(she);
        }
    }

    pub(super) fn count(&self, n: usize) {
        self.work.set(self.work.get() + n);
    }

    /// Whether a reporting verb stands right before quotation `q` (`said:
    /// “…”`, `told reporters “…”`): an introduced quotation, not a scare quote.
    pub(super) fn introduced_mid_sentence(&self, q: &QuoteSpan) -> bool {
        let Some((s, open)) = self.token_at(q.open) else {
            return false;
        };
        let t = &self.all[s].tokens;
        (open.saturating_sub(4)..open).any(|i| is_reporting_verb(&t[i].text.to_lowercase()))
    }

    /// Whether sentence `s` opens (after discourse words) with "he" or
    /// "she" outside a quotation.
    pub(super) fn opens_with_pronoun(&self, s: usize) -> bool {
        let t = &self.all[s].tokens;
        let k = clause::skip_discourse(t, 0, t.len().min(4));
        t.get(k)
            .is_some_and(|x| matches!(x.text, "He" | "She" | "he" | "she") && !self.inside(x.start))
    }

    /// Whether byte `b` lies inside a quotation (binary search).
    pub(super) fn inside(&self, b: usize) -> bool {
        let k = self.spans.partition_point(|q| q.open <= b);
        k > 0 && b < self.spans[k - 1].end
    }

    pub(super) fn token(&self, at: At) -> Option<&Token<'_>> {
        self.all.get(at.0)?.tokens.get(at.1)
    }

    /// First token at or after byte `b`, in this paragraph (binary searches).
    pub(super) fn token_at(&self, b: usize) -> Option<At> {
        let sents = &self.all[self.sents.clone()];
        let k = sents.partition_point(|s| s.tokens.last().is_none_or(|t| t.end <= b));
        let s = sents.get(k)?;
        let i = s.tokens.partition_point(|t| t.start < b);
        (i < s.tokens.len()).then_some((self.sents.start + k, i))
    }

    /// The names of sentence `s`.
    pub(super) fn names_of(&self, s: usize) -> &[Found] {
        &self.found[self.by_sent[s]..self.by_sent[s + 1]]
    }

    /// The first name of sentence `s` starting at token `i` or later.
    pub(super) fn name_from(&self, s: usize, i: usize) -> Option<&Found> {
        let names = self.names_of(s);
        let k = names.partition_point(|f| f.tokens.start < i);
        names.get(k)
    }

    pub(super) fn lower(&self, at: At) -> String {
        self.token(at)
            .map(|t| t.text.to_lowercase())
            .unwrap_or_default()
    }
}

/// The gender a title before mention `f` gives ("Mr": a man, "Ms": a woman).
pub(super) fn title_gender(t: &[Token], f: &Found) -> Option<bool> {
    f.tokens.start.checked_sub(1).and_then(|k| match t[k].text {
        "Mr" | "Mr." | "Sir" | "Lord" => Some(false),
        "Ms" | "Ms." | "Mrs" | "Mrs." | "Miss" | "Lady" | "Dame" => Some(true),
        _ => None,
    })
}
