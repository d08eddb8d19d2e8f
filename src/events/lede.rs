//! The lede: one or two sentences from the sources that say what happened,
//! who, where and when.
//!
//! Candidates are the opening sentences of each article (news puts the gist
//! first), as grouped into facts. The first lede sentence is the most
//! corroborated and central one, with a bonus for saying when (a date
//! expression) and where (the event's place). A second sentence is added
//! only when it supplies what the first lacks (when or where) and states a
//! different fact.

use crate::events::facts::{overlap, Candidate, Fact, DISTINCT};
use crate::nlp::dates;

/// Sentences of an article that can open the briefing (0-based position).
const OPENING: usize = 2;

/// What a lede candidate tells.
struct Told {
    when: bool,
    place: bool,
}

fn told(c: &Candidate, place: Option<&str>) -> Told {
    Told {
        when: !dates::find(c.s.text, c.s.article.date).is_empty(),
        place: place.is_some_and(|p| c.s.text.contains(p)),
    }
}

fn score(c: &Candidate, f: &Fact, t: &Told) -> f32 {
    let bonus = 1.0 + 0.3 * f32::from(u8::from(t.when)) + 0.2 * f32::from(u8::from(t.place));
    c.centrality * bonus * (1.0 + 0.5 * (f.sources.len() as f32).ln())
}

/// The lede's sentences (one or two), each with the fact it belongs to.
pub fn lede<'f, 'c, 's, 'a>(
    facts: &'f [Fact<'c, 's, 'a>],
    place: Option<&str>,
) -> Vec<(&'c Candidate<'s, 'a>, &'f Fact<'c, 's, 'a>)> {
    let mut pool: Vec<(&Candidate, &Fact, Told, f32)> = Vec::new();
    for f in facts {
        for &c in &f.members {
            if c.s.position < OPENING {
                let t = told(c, place);
                let s = score(c, f, &t);
                pool.push((c, f, t, s));
            }
        }
    }
    pool.sort_by(|a, b| {
        b.3.total_cmp(&a.3)
            .then(a.0.s.article.id.cmp(&b.0.s.article.id))
            .then(a.0.s.position.cmp(&b.0.s.position))
    });
    let Some((first, fact, t, _)) = pool.first() else {
        return Vec::new();
    };
    let mut out = vec![(*first, *fact)];
    if !(t.when && (t.place || place.is_none())) {
        let second = pool.iter().skip(1).find(|(c, f, u, _)| {
            let adds = (!t.when && u.when) || (!t.place && u.place);
            adds && !std::ptr::eq(*f, *fact) && overlap(&first.weights, &c.weights) < DISTINCT
        });
        if let Some((c, f, _, _)) = second {
            out.push((*c, *f));
        }
    }
    out
}
