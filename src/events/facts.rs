//! Facts, each once: candidate sentences from all of an event's articles
//! grouped by meaning, one representative per group.
//!
//! Two sentences state the same fact when the content words they share
//! carry most of the weight of the shorter one (IDF-weighted overlap of
//! stemmed terms, so "officials met in Riyadh" and "the officials who met
//! in Riyadh on Tuesday" meet, and shared names and numbers count most).
//! A group's sources are the articles of its sentences; its representative
//! is the clearest wording: central to the event, early in its article, of
//! a readable length. Facts are then picked greedily by what they add
//! ([`gain`]: the weight of terms not yet told, each weighted by how many
//! sources use it), scaled by corroboration and clarity, skipping any that
//! overlaps a fact already picked, so a short list covers distinct aspects
//! and never rewords the lede.

use crate::events::summary::Sentence;
use crate::events::tfidf::{self, SparseVec, TermId, Vocab};

/// Two sentences are one fact at this weighted overlap (share of the lighter one).
pub const SAME_FACT: f32 = 0.5;
/// A fact adds something new when it overlaps every picked one less than this.
pub const DISTINCT: f32 = 0.34;
/// Candidates grouped, most central first (bounds the quadratic grouping).
const POOL: usize = 300;

/// A candidate sentence with its weights.
pub struct Candidate<'s, 'a> {
    /// The sentence.
    pub s: &'s Sentence<'a>,
    /// Distinct terms with their IDF, sorted by term.
    pub weights: Vec<(TermId, f32)>,
    /// Centrality: cosine with the event centroid, discounted by position.
    pub centrality: f32,
    /// Per term of `weights`: the share of the event's articles that use
    /// it. A term many sources use is an aspect of the story; one only a
    /// single source mentions (a palace's name, a minor attendee) is detail.
    pub support: Vec<f32>,
}

/// One fact: the sentences that state it.
pub struct Fact<'c, 's, 'a> {
    /// Its sentences, the representative first.
    pub members: Vec<&'c Candidate<'s, 'a>>,
    /// Distinct article ids, sorted.
    pub sources: Vec<String>,
}

impl<'c, 's, 'a> Fact<'c, 's, 'a> {
    /// The representative sentence.
    pub fn rep(&self) -> &'c Candidate<'s, 'a> {
        self.members[0]
    }

    /// Corroborated and central first.
    pub fn score(&self) -> f32 {
        self.rep().centrality * (1.0 + 0.5 * (self.sources.len() as f32).ln())
    }
}

/// IDF-weighted overlap of two weight lists, as a share of the lighter one.
pub fn overlap(a: &[(TermId, f32)], b: &[(TermId, f32)]) -> f32 {
    let (wa, wb): (f32, f32) = (a.iter().map(|x| x.1).sum(), b.iter().map(|x| x.1).sum());
    let light = wa.min(wb);
    if light <= 0.0 {
        return 0.0;
    }
    tfidf::sum_shared(a, b, |x, _| x) / light
}

/// A sentence that states a fact: readable alone and not a quotation
/// (quotations are the voices' part).
fn statement(s: &str) -> bool {
    crate::events::summary::usable(s) && !s.contains(['“', '”', '"']) && !leans_back(s)
}

/// A sentence whose subject is a pronoun in its first words ("He had
/// been expected to …", "Afterwards he said …", "His country has …")
/// leans on a sentence before it and does not read alone on a list.
pub fn leans_back(s: &str) -> bool {
    let w: Vec<String> = s
        .split_whitespace()
        .take(2)
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .collect();
    let first = w.first().map_or("", |x| x.as_str());
    let second = w.get(1).map_or("", |x| x.as_str());
    // "After his meeting …, Lavrov said": a preposition's pronoun is not the subject.
    let preposition = matches!(
        first,
        "in" | "at"
            | "on"
            | "for"
            | "with"
            | "by"
            | "from"
            | "of"
            | "to"
            | "after"
            | "before"
            | "during"
            | "under"
            | "since"
            | "despite"
    );
    matches!(first, "he" | "she" | "his" | "her" | "they" | "their")
        || (matches!(second, "he" | "she" | "they") && !preposition)
}

/// The candidates of an event, most central first.
pub fn candidates<'s, 'a>(
    sentences: &'s [Sentence<'a>],
    vocab: &Vocab,
    centroid: &SparseVec,
) -> Vec<Candidate<'s, 'a>> {
    let norm = tfidf::norm(centroid);
    let mut out: Vec<Candidate> = sentences
        .iter()
        .filter(|s| statement(s.text))
        .map(|s| {
            let v = tfidf::vector_of_ids(vocab, &s.ids);
            let cos = if norm > 0.0 {
                tfidf::dot(&v, centroid) / norm
            } else {
                0.0
            };
            let weights: Vec<(TermId, f32)> = s
                .term_set()
                .into_iter()
                .filter(|&t| !vocab.is_dateish(t))
                .map(|t| (t, vocab.idf(t).max(0.0)))
                .collect();
            let n = vocab.n_docs().max(1) as f32;
            let support = weights
                .iter()
                .map(|&(t, _)| (vocab.df(t) as f32 / n).min(1.0))
                .collect();
            Candidate {
                s,
                weights,
                centrality: cos / (1.0 + 0.1 * s.position as f32),
                support,
            }
        })
        .collect();
    out.sort_by(|a, b| b.centrality.total_cmp(&a.centrality));
    out.truncate(POOL);
    out
}

/// How clear a wording is: central, of a readable length (about 12–35 words).
fn clarity(c: &Candidate) -> f32 {
    let n = c.s.text.split_whitespace().count() as f32;
    let off = if n < 12.0 {
        12.0 - n
    } else if n > 35.0 {
        n - 35.0
    } else {
        0.0
    };
    c.centrality / (1.0 + off / 15.0)
}

/// Groups candidates into facts (each joins the first group whose first
/// sentence it matches), representative = clearest member.
pub fn group<'c, 's, 'a>(cands: &'c [Candidate<'s, 'a>]) -> Vec<Fact<'c, 's, 'a>> {
    let mut groups: Vec<Vec<&Candidate>> = Vec::new();
    for c in cands {
        match groups
            .iter_mut()
            .find(|g| overlap(&g[0].weights, &c.weights) >= SAME_FACT)
        {
            Some(g) => g.push(c),
            None => groups.push(vec![c]),
        }
    }
    groups
        .into_iter()
        .map(|mut members| {
            members.sort_by(|a, b| {
                clarity(b)
                    .total_cmp(&clarity(a))
                    .then(a.s.article.id.cmp(&b.s.article.id))
                    .then(a.s.position.cmp(&b.s.position))
            });
            let mut sources: Vec<String> = members.iter().map(|c| c.s.article.id.clone()).collect();
            sources.sort();
            sources.dedup();
            Fact { members, sources }
        })
        .collect()
}

/// What a fact adds to what is already told: the weight of its terms that
/// nothing picked so far (the lede included) uses, each term's IDF scaled
/// by the square of the share of the event's sources that use it (a term
/// one source of five uses counts 1/25 of one all five use). A fact that restates the
/// lede adds nearly nothing; one that brings in a new party, place, number
/// or side of the story that several sources report adds most.
fn gain(c: &Candidate, covered: &std::collections::BTreeSet<TermId>) -> f32 {
    c.weights
        .iter()
        .zip(&c.support)
        .filter(|((t, _), _)| !covered.contains(t))
        .map(|((_, idf), s)| idf * s * s)
        .sum()
}

/// A fact this far below the first pick's gain adds nothing worth a line.
const MIN_GAIN: f32 = 0.2;

/// Up to `max` facts that each add something new to `taken` (the lede's
/// sentences) and to each other, best first, each with the wording shown.
/// Each round takes the fact whose new terms weigh most ([`gain`]), scaled
/// by its corroboration, the clarity of the wording and its length, so a
/// short list covers distinct aspects (who else took part, who was left
/// out, what next) instead of rewording the lede. Of a fact's wordings the
/// one that adds most is shown ("met U.S. representatives on economic
/// cooperation" over "was seen in the delegation").
pub fn pick<'f, 'c, 's, 'a>(
    facts: &'f [Fact<'c, 's, 'a>],
    taken: &[&Candidate],
    max: usize,
) -> Vec<(&'f Fact<'c, 's, 'a>, &'c Candidate<'s, 'a>)> {
    let mut covered: std::collections::BTreeSet<TermId> = taken
        .iter()
        .flat_map(|c| c.weights.iter().map(|w| w.0))
        .collect();
    let mut left: Vec<&Fact> = facts
        .iter()
        .filter(|f| f.rep().centrality > 0.0)
        .filter(|f| {
            taken
                .iter()
                .all(|t| overlap(&t.weights, &f.rep().weights) < DISTINCT)
        })
        .collect();
    let top = left
        .iter()
        .map(|f| clarity(f.rep()))
        .fold(0.0f32, f32::max)
        .max(f32::MIN_POSITIVE);
    let mut picked = Vec::new();
    let mut first_gain = None;
    while picked.len() < max {
        let value = |f: &Fact, c: &Candidate| {
            let corroborated = 1.0 + 0.5 * (f.sources.len() as f32).ln();
            // Per reading effort: a long sentence that packs many new
            // terms is worth more than a short one, but not in proportion.
            let words = c.s.text.split_whitespace().count() as f32;
            gain(c, &covered) * corroborated * (1.0 + clarity(c) / top) / (1.0 + words / 30.0)
        };
        let best = left
            .iter()
            .enumerate()
            .flat_map(|(i, f)| f.members.iter().map(move |&c| (i, c)))
            .map(|(i, c)| (i, c, value(left[i], c)))
            .max_by(|a, b| {
                a.2.total_cmp(&b.2).then_with(|| {
                    let (x, y) = (a.1.s, b.1.s);
                    (&y.article.id, y.position).cmp(&(&x.article.id, x.position))
                })
            });
        let Some((i, c, _)) = best else { break };
        // The wordings of this fact and of the facts it tells too (those
        // it overlaps, which leave the list with it).
        let pool: Vec<(usize, &Candidate)> = (0..left.len())
            .filter(|&j| j == i || overlap(&left[j].rep().weights, &c.weights) >= DISTINCT)
            .flat_map(|j| left[j].members.iter().map(move |&m| (j, m)))
            .collect();
        let (i, c) = wording(&pool, (i, c), &covered, top);
        let g = gain(c, &covered);
        let first = *first_gain.get_or_insert(g);
        if g < MIN_GAIN * first {
            break;
        }
        let f = left.remove(i);
        // Only the shown wording is told: what its fact's other wordings
        // add beyond it stays open to other facts.
        covered.extend(c.weights.iter().map(|w| w.0));
        left.retain(|g| overlap(&g.rep().weights, &c.weights) < DISTINCT);
        picked.push((f, c));
    }
    next_slot(facts, taken, &mut picked, max);
    picked
}

/// The wording a fact that won its slot is shown in: of the wordings in
/// `pool` of a readable length (at most [`LONGEST`] words, see [`clarity`]),
/// the one that tells most that is new.
/// The slot is won per reading effort, so a short wording that only says
/// someone was present can win it for a fact whose longer wording also
/// says what they came for ("was seen in the delegation" against "met
/// U.S. representatives on economic cooperation"); the list shows the
/// wording that leaves the least untold, as long as it adds clearly more
/// ([`MORE`]) than the winning one.
/// A wording shown instead of the winner's must add this much more.
const MORE: f32 = 1.25;
/// The longest wording shown instead of the winner's (words): beyond it a
/// sentence costs more reading than a line of a list should.
const LONGEST: usize = 40;

fn wording<'c, 's, 'a>(
    pool: &[(usize, &'c Candidate<'s, 'a>)],
    won: (usize, &'c Candidate<'s, 'a>),
    covered: &std::collections::BTreeSet<TermId>,
    top: f32,
) -> (usize, &'c Candidate<'s, 'a>) {
    let told = |c: &Candidate| gain(c, covered) * (1.0 + clarity(c) / top);
    let least = MORE * gain(won.1, covered);
    pool.iter()
        .copied()
        .filter(|(_, c)| c.s.text.split_whitespace().count() <= LONGEST)
        .filter(|(_, c)| gain(c, covered) >= least)
        .max_by(|(_, a), (_, b)| {
            told(a).total_cmp(&told(b)).then_with(|| {
                let (x, y) = (a.s, b.s);
                (&y.article.id, y.position).cmp(&(&x.article.id, x.position))
            })
        })
        .unwrap_or(won)
}

/// Whether a sentence looks ahead: a future or modal verb, a plan or a
/// schedule, or a schedule not yet set ("no date has been set", "is
/// expected to", "will meet next week"). Closed-class words only.
pub fn prospective(text: &str) -> bool {
    let t = format!(" {} ", text.to_lowercase().replace([',', '.', ';'], " "));
    const MARKS: &[&str] = &[
        " will ",
        " shall ",
        " is expected to ",
        " are expected to ",
        " is due to ",
        " are due to ",
        " plans to ",
        " plan to ",
        " scheduled ",
        " next week ",
        " next month ",
        " next year ",
        " later this ",
        " not yet ",
        " yet to ",
        " no date ",
        " not been set ",
        " could pave ",
        " would pave ",
    ];
    MARKS.iter().any(|m| t.contains(m))
}

/// A look ahead that says the next step is still open ("no date has been
/// set", "has yet to"): the plainest "what happens next" line.
fn open_question(text: &str) -> bool {
    let t = format!(" {} ", text.to_lowercase().replace([',', '.', ';'], " "));
    [" no date ", " not been set ", " not yet ", " yet to "]
        .iter()
        .any(|m| t.contains(m))
}

/// What happens next gets a line: when no fact picked looks ahead, the
/// best fact that does is added, or replaces the last, least valuable
/// pick. Only undated looks ahead compete (a dated one is listed under
/// "what's next" already); one saying the next step is still open comes
/// first, then the story's own thread (overlap with the lede) and
/// corroboration decide. It must not restate the lede or a pick.
fn next_slot<'f, 'c, 's, 'a>(
    facts: &'f [Fact<'c, 's, 'a>],
    taken: &[&Candidate],
    picked: &mut Vec<(&'f Fact<'c, 's, 'a>, &'c Candidate<'s, 'a>)>,
    max: usize,
) {
    let ahead = |c: &Candidate| prospective(c.s.text);
    if max == 0 || picked.iter().any(|(_, c)| ahead(c)) || taken.iter().any(|c| ahead(c)) {
        return;
    }
    let keep = picked.len().min(max - 1);
    let others: Vec<&Candidate> = taken
        .iter()
        .copied()
        .chain(picked[..keep].iter().map(|(_, c)| *c))
        .collect();
    let best = facts
        .iter()
        .filter(|f| f.rep().centrality > 0.0 && !picked.iter().any(|(g, _)| std::ptr::eq(*g, *f)))
        .filter_map(|f| {
            let undated =
                |c: &&Candidate| crate::nlp::dates::find(c.s.text, c.s.article.date).is_empty();
            Some((
                f,
                f.members
                    .iter()
                    .copied()
                    .filter(undated)
                    .find(|c| ahead(c))?,
            ))
        })
        .filter(|(_, c)| {
            others
                .iter()
                .all(|o| overlap(&o.weights, &c.weights) < SAME_FACT)
        })
        .map(|(f, c)| {
            // The next step of the story's own thread (what the lede is
            // about) before a side party's schedule.
            let thread = taken
                .iter()
                .map(|t| overlap(&t.weights, &c.weights))
                .fold(0.0f32, f32::max);
            (f, c, (open_question(c.s.text), f.score() * (0.5 + thread)))
        })
        .max_by(|a, b| {
            (a.2 .0.cmp(&b.2 .0))
                .then(a.2 .1.total_cmp(&b.2 .1))
                .then_with(|| {
                    let (x, y) = (a.1.s, b.1.s);
                    (&y.article.id, y.position).cmp(&(&x.article.id, x.position))
                })
        })
        .map(|(f, c, _)| (f, c));
    if let Some(next) = best {
        picked.truncate(keep);
        picked.push(next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::testing::article;

    fn candidate<'s, 'a>(s: &'s Sentence<'a>, terms: &[TermId]) -> Candidate<'s, 'a> {
        Candidate {
            s,
            weights: terms.iter().map(|&t| (t, 1.0)).collect(),
            centrality: 1.0,
            support: vec![1.0; terms.len()],
        }
    }

    #[test]
    fn a_fact_is_shown_in_the_wording_that_tells_clearly_more() {
        let short = "The fund's chief was seen with the delegation.";
        let long = "The fund's chief was with the delegation and met the other side's \
                    envoys for talks on resuming trade and investment between the two \
                    countries, the first such talks since the sanctions were imposed years \
                    ago, officials in both capitals said.";
        let a = article("a", "2025-02-18", &[short, long]);
        let sentence = |text, position| Sentence {
            text,
            article: &a,
            paragraph: position,
            position,
            ids: Vec::new(),
        };
        let (s0, s1, s2) = (
            sentence("Officials met in the capital.", 0),
            sentence(short, 0),
            sentence(long, 1),
        );
        let lede = candidate(&s0, &[1, 2]);
        let (c1, c2) = (candidate(&s1, &[3, 4]), candidate(&s2, &[3, 4, 5]));
        // Per reading effort the short wording wins the slot …
        let covered: std::collections::BTreeSet<TermId> = [1, 2].into();
        assert!(gain(&c2, &covered) >= MORE * gain(&c1, &covered));
        let fact = Fact {
            members: vec![&c1, &c2],
            sources: vec!["a".into()],
        };
        let picked = pick(std::slice::from_ref(&fact), &[&lede], 3);
        assert_eq!(picked.len(), 1);
        // … and the line shows the one that also says what the talks were on.
        assert_eq!(picked[0].1.s.text, long);
    }
}
