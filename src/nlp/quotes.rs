//! Direct quotations and who said them.
//!
//! Patterns: `“…,” X said` / `“…,” said [title] X` / `“…,” according to X` /
//! `X said: “…”` / `X told Y that “…”` / `“…,” he told reporters` (a
//! pronoun is the last person named as a clause subject, never an
//! organisation: only person names are candidates). An unattributed
//! quotation continues the last speaker when it opens a sentence right after
//! an attributed one, or opens a paragraph right after a paragraph that
//! ended on that speaker's quotation; an unattributed quotation that is a
//! sentence of its own takes the speaker of the previous sentence when that
//! sentence introduces speech (`X told reporters on Monday:` / `X said that
//! …`). Quotations with no named speaker ("a local official said") are left
//! out: a quote is never guessed onto a person.
//!
//! A quoted fragment counts as a direct quote when it stands in its
//! speaker's own clause after a verb of saying or judging (`X branded it
//! “scandalous”`, `He said she was a “huge figure”`): those are the
//! speaker's words. A quoted phrase with no such clause (a scare quote, a
//! title, a term: `the so-called “Blair Babes”`) is nobody's.
//!
//! Cost: every lookup is a binary search or a scan of a bounded window, so
//! an article costs time linear in its length (see the `linear_work` test).

use crate::nlp::layer::{Found, Quote, Sentence};
use crate::nlp::roles;
use crate::nlp::tokens::Token;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

mod attribution;
mod clause;
mod continued;
mod inverted;
mod lines;
mod recent;
mod role_refs;
mod verbs;
mod words;
pub use verbs::is_speech_verb;
use verbs::{is_adverb, is_discourse_word, is_pronoun, is_reporting_verb};
use words::{descriptor, is_honorific, is_title};

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
    let mut prev = ' ';
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        // Newswire paragraphs merged into one line: `… years. "He has …`
        // reopens a quotation whose paragraph ended unclosed. A straight
        // mark after a space and glued to a word opens; it never closes.
        // After a comma it closes: `step in, "Lind said` (detokenised text).
        let reopens = c == '"'
            && prev.is_whitespace()
            && next.is_alphanumeric()
            && !text[..i].trim_end().ends_with(',');
        prev = c;
        match (open, c) {
            (Some((o, s)), '"') if reopens => {
                out.push(QuoteSpan {
                    open: o,
                    content: s..text[..i].trim_end().len(),
                    end: i,
                });
                open = Some((i, i + 1));
            }
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
/// analysis, in reading order (`found` sorted by sentence and token).
/// A role phrase ("the Tory leader said") is read as a mention of the one
/// person the article gives that title.
pub(crate) fn attribute(texts: &[&str], sents: &[Sentence], found: &[Found]) -> Vec<Quote> {
    // A quotation running across lines is read in one joined paragraph.
    let mut prose = vec![false; texts.len()];
    for s in sents.iter().filter(|s| !s.caption) {
        if let Some(p) = prose.get_mut(s.paragraph) {
            *p = true;
        }
    }
    let runs = lines::runs(texts, |p| !prose[p]);
    if runs.is_empty() {
        return attribute_joined(texts, sents, found);
    }
    let (joined, sents) = lines::join(texts, sents, &runs);
    let texts: Vec<&str> = joined.iter().map(String::as_str).collect();
    attribute_joined(&texts, &sents, found)
}

/// [`attribute`] once runs of lines are joined.
fn attribute_joined(texts: &[&str], sents: &[Sentence], found: &[Found]) -> Vec<Quote> {
    let extra = role_refs::role_mentions(sents, found);
    if extra.is_empty() {
        return attribute_counted(texts, sents, found).0;
    }
    let mut all: Vec<Found> = found.iter().cloned().chain(extra).collect();
    all.sort_by_key(|f| (f.sent, f.tokens.start));
    attribute_counted(texts, sents, &all).0
}

/// [`attribute`] and the number of elementary steps it took (tokens and
/// names visited), for the linearity test.
fn attribute_counted(texts: &[&str], sents: &[Sentence], found: &[Found]) -> (Vec<Quote>, usize) {
    // by_sent[s]..by_sent[s + 1]: the names of sentence s.
    let mut by_sent = Vec::with_capacity(sents.len() + 1);
    let mut k = 0;
    for s in 0..=sents.len() {
        while k < found.len() && found[k].sent < s {
            k += 1;
        }
        by_sent.push(k);
    }
    let work = Cell::new(sents.len() + found.len());
    let genders = RefCell::new(BTreeMap::new());
    let recent = RefCell::new(recent::Recent::default());
    let peers = peers(sents, found);
    let mut state = State::default();
    let mut out = Vec::new();
    let mut p = 0;
    while p < sents.len() {
        let para = sents[p].paragraph;
        let mut q = p + 1;
        while q < sents.len() && sents[q].paragraph == para {
            q += 1;
        }
        if !sents[p].caption {
            let spans = quote_spans(texts[para]);
            work.set(work.get() + texts[para].len() / 8 + spans.len());
            Para {
                text: texts[para],
                index: para,
                sents: p..q,
                all: sents,
                found,
                by_sent: &by_sent,
                spans,
                work: &work,
                genders: &genders,
                recent: &recent,
                peers: &peers,
            }
            .attribute(&mut state, &mut out);
        }
        p = q;
    }
    (out, work.get())
}

/// The one-word names of the article written after a peer's title ("Lord
/// Brannock", "Baroness Vell") or an honorific ("Ms Vell", "Dr Oster"):
/// persons, though no fuller name is given.
fn peers(sents: &[Sentence], found: &[Found]) -> BTreeSet<String> {
    found
        .iter()
        .filter(|f| !f.name.contains(' ') && f.tokens.start > 0)
        .filter(|f| {
            matches!(
                sents[f.sent].tokens[f.tokens.start - 1].text,
                "Lord"
                    | "Baroness"
                    | "Lady"
                    | "Mr"
                    | "Mr."
                    | "Mrs"
                    | "Mrs."
                    | "Ms"
                    | "Ms."
                    | "Miss"
                    | "Dr"
                    | "Dr."
            )
        })
        .map(|f| f.name.clone())
        .collect()
}

/// What carries over from one paragraph to the next.
#[derive(Default)]
struct State {
    /// The last person named as a clause subject (or quoted): who "he" is.
    subject: Option<String>,
    /// The speaker of the quotation that ended the previous paragraph.
    carry: Option<Said>,
    /// The speaker introduced by the previous sentence (`X said:`).
    introduced: Option<Said>,
    /// The speaker of the last attributed quotation, for `It added: “…”`.
    spoke: Option<Said>,
}

/// A person mention, as it bears on who a later "he" is.
enum Mentioned {
    /// Named as a clause subject: "he" is this person next.
    Subject(String),
    /// Named elsewhere in a clause: "he" stays the subject only if it is them.
    Other(String),
    /// A titled name that is not a known person.
    Unknown,
    /// A person named where "he" stays who it was (a possessive, an
    /// object of the subject's sentence), or (`None`) a capitalised word
    /// right before a reporting verb that is no known person ("Sue Essex
    /// said"): only a candidate, or a blank, for a pronoun the subject
    /// does not fit.
    Seen(Option<String>),
}

impl Mentioned {
    /// Who the mention makes "he" next, and the recent persons it adds to.
    fn note(&self, subject: &mut Option<String>, recent: &RefCell<recent::Recent>) {
        match self {
            Mentioned::Subject(n) | Mentioned::Other(n) => recent.borrow_mut().push(Some(n)),
            Mentioned::Unknown => recent.borrow_mut().push(None),
            Mentioned::Seen(n) => recent.borrow_mut().push(n.as_deref()),
        }
        self.apply(subject);
    }

    fn apply(&self, subject: &mut Option<String>) {
        match self {
            Mentioned::Subject(n) => *subject = Some(n.clone()),
            Mentioned::Other(n) if subject.as_ref() != Some(n) => *subject = None,
            Mentioned::Other(_) => {}
            Mentioned::Unknown => *subject = None,
            Mentioned::Seen(_) => {}
        }
    }
}

/// A speaker and the reporting verb as written.
#[derive(Clone, Debug)]
struct Said {
    speaker: String,
    verb: String,
    /// Read in the speaker's own clause (`X branded it “…”`), where even a
    /// one-word quotation is theirs.
    judged: bool,
}

fn said(speaker: &str, verb: &str) -> Said {
    Said {
        speaker: speaker.to_string(),
        verb: verb.to_string(),
        judged: false,
    }
}

/// One paragraph's sentences, with the article's names.
struct Para<'a, 'b> {
    text: &'a str,
    index: usize,
    sents: Range<usize>,
    all: &'b [Sentence<'a>],
    found: &'b [Found],
    by_sent: &'b [usize],
    spans: Vec<QuoteSpan>,
    work: &'b Cell<usize>,
    /// Who is "she" (true) or "he" (false), as far as the article has told:
    /// a "she said" never goes to a man.
    genders: &'b RefCell<BTreeMap<String, bool>>,
    /// The last persons named, for a pronoun the subject does not fit.
    recent: &'b RefCell<recent::Recent>,
    /// One-word names the article gives a peer's title ("Lord Brannock"):
    /// a person, though no fuller name is given.
    peers: &'b BTreeSet<String>,
}

/// Where a token is: sentence index and token index.
type At = (usize, usize);

/// How far back (tokens) a speaker or verb is looked for before a quotation.
const WINDOW: usize = 30;

impl Para<'_, '_> {
    fn attribute(&self, state: &mut State, out: &mut Vec<Quote>) {
        let subjects = self.mentions();
        let mut next_subject = 0;
        let mut last: Option<(usize, Said)> = None; // (end of its quotation, speaker)
        let carry = state.carry.take();
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
            if let Some(who) = attributed {
                let text = self.text[q.content.clone()]
                    .trim()
                    .trim_end_matches(',')
                    .trim_end()
                    .to_string();
                // A one-word speaker with no full name in the article is as
                // likely a party or a word ("Labour", "One said") as a person.
                let full = (who.speaker.split_whitespace().count() >= 2
                    && !verbs::is_organisation_word(who.speaker.rsplit(' ').next().unwrap_or("")))
                    || self.peers.contains(&who.speaker);
                // A one-word quotation counts only when it is a judgement
                // in the speaker's own clause ("branded it “scandalous”").
                let short_ok = text.split_whitespace().count() >= 2
                    || (text.starts_with(char::is_lowercase) && who.judged);
                if short_ok && full && !is_title(&text) {
                    out.push(Quote {
                        speaker: who.speaker.clone(),
                        text,
                        paragraph: self.index,
                        verb: who.verb.clone(),
                    });
                }
                state.subject = Some(who.speaker.clone());
                self.recent.borrow_mut().push(Some(&who.speaker));
                state.spoke = Some(who.clone());
                last = Some((q.end, who));
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
        state.carry = last
            .filter(|(end, _)| self.ends_paragraph(*end))
            .map(|(_, w)| w);
        state.introduced = self.introduces(self.sents.end - 1, self.text.len(), &state.subject);
    }

    /// The person `pronoun` ("he", "she") stands for: the current subject,
    /// unless the article has shown them to be of the other gender (or
    /// there is none); then the one recent person who may be of the
    /// pronoun's gender ([`recent::Recent::fitting`]). A resolved pronoun
    /// teaches the person's gender.
    fn resolve(&self, pronoun: &str, subject: &Option<String>) -> Option<String> {
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
    fn learn_gender(&self, f: &Found) {
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
    fn learn_title_gender(&self, f: &Found) {
        if let Some(she) = title_gender(&self.all[f.sent].tokens, f) {
            self.genders
                .borrow_mut()
                .entry(f.name.clone())
                .or_insert(she);
        }
    }

    fn count(&self, n: usize) {
        self.work.set(self.work.get() + n);
    }

    /// Person mentions outside quotations, by byte offset: clause subjects
    /// (who "he" is next), other people named (after which "he" is
    /// ambiguous), and titled names the analysis did not take for a person
    /// ("Mr Tyler": somebody else, also ambiguous).
    fn mentions(&self) -> Vec<(usize, Mentioned)> {
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

    /// Whether a reporting verb stands right before quotation `q` (`said:
    /// “…”`, `told reporters “…”`): an introduced quotation, not a scare quote.
    fn introduced_mid_sentence(&self, q: &QuoteSpan) -> bool {
        let Some((s, open)) = self.token_at(q.open) else {
            return false;
        };
        let t = &self.all[s].tokens;
        (open.saturating_sub(4)..open).any(|i| is_reporting_verb(&t[i].text.to_lowercase()))
    }

    /// Whether sentence `s` opens (after discourse words) with "he" or
    /// "she" outside a quotation.
    fn opens_with_pronoun(&self, s: usize) -> bool {
        let t = &self.all[s].tokens;
        let k = clause::skip_discourse(t, 0, t.len().min(4));
        t.get(k)
            .is_some_and(|x| matches!(x.text, "He" | "She" | "he" | "she") && !self.inside(x.start))
    }

    /// Whether byte `b` lies inside a quotation (binary search).
    fn inside(&self, b: usize) -> bool {
        let k = self.spans.partition_point(|q| q.open <= b);
        k > 0 && b < self.spans[k - 1].end
    }

    fn token(&self, at: At) -> Option<&Token<'_>> {
        self.all.get(at.0)?.tokens.get(at.1)
    }

    /// First token at or after byte `b`, in this paragraph (binary searches).
    fn token_at(&self, b: usize) -> Option<At> {
        let sents = &self.all[self.sents.clone()];
        let k = sents.partition_point(|s| s.tokens.last().is_none_or(|t| t.end <= b));
        let s = sents.get(k)?;
        let i = s.tokens.partition_point(|t| t.start < b);
        (i < s.tokens.len()).then_some((self.sents.start + k, i))
    }

    /// The names of sentence `s`.
    fn names_of(&self, s: usize) -> &[Found] {
        &self.found[self.by_sent[s]..self.by_sent[s + 1]]
    }

    /// The first name of sentence `s` starting at token `i` or later.
    fn name_from(&self, s: usize, i: usize) -> Option<&Found> {
        let names = self.names_of(s);
        let k = names.partition_point(|f| f.tokens.start < i);
        names.get(k)
    }

    fn lower(&self, at: At) -> String {
        self.token(at)
            .map(|t| t.text.to_lowercase())
            .unwrap_or_default()
    }

    /// A name that starts its clause (after only a title) and is not a possessive.
    fn is_subject(&self, f: &Found) -> bool {
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
    fn titled_name_at(&self, s: usize, i: usize) -> Option<&Found> {
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

/// The gender a title before mention `f` gives ("Mr": a man, "Ms": a woman).
fn title_gender(t: &[Token], f: &Found) -> Option<bool> {
    f.tokens.start.checked_sub(1).and_then(|k| match t[k].text {
        "Mr" | "Mr." | "Sir" | "Lord" => Some(false),
        "Ms" | "Ms." | "Mrs" | "Mrs." | "Miss" | "Lady" | "Dame" => Some(true),
        _ => None,
    })
}

#[cfg(test)]
#[path = "quotes_tests.rs"]
mod tests;

#[cfg(test)]
mod recall_tests;
