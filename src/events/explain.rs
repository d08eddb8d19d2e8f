//! `briefing explain <article>`: which event an article joined and why.

use crate::events::attract::Ranking;
use crate::events::cluster::{CandidateScore, Decision, Params};
use std::fmt::Write;

/// What `render` needs to name an event.
pub struct EventName<'a> {
    /// Final slug (the page address).
    pub slug: &'a str,
    /// Final title.
    pub title: &'a str,
}

/// Plain-text explanation of `decision` for article `id`; `events[i]` names
/// clustering event `i`, `event` is the one the article ended in;
/// `curated` is how it matched the curated events.
pub fn render(
    id: &str,
    decision: &Decision,
    event: usize,
    events: &[EventName],
    curated: &Ranking,
    p: &Params,
) -> String {
    let mut out = String::new();
    let name = &events[event];
    let _ = writeln!(out, "article {id}");
    let _ = writeln!(out, "event   {} — {}", name.slug, name.title);
    let why = match (
        decision.pinned,
        decision.joined,
        decision.candidates.first(),
    ) {
        (true, _, _) if curated.attracted => format!(
            "attracted by the curated event {}: {}",
            name.slug,
            curated
                .all
                .first()
                .map(|a| a.describe())
                .unwrap_or_default()
        ),
        (true, _, _) => format!("pinned by its front matter `event: {}`", name.slug),
        (false, Some(_), Some(best)) => {
            format!(
                "joined an existing event: score {:.3} ≥ threshold {:.3}",
                best.total,
                best.threshold(p)
            )
        }
        (false, _, Some(best)) if best.veto(p).is_some() => format!(
            "started a new event: the best candidate is ruled out: {}",
            best.veto(p).unwrap_or_default()
        ),
        (false, _, Some(best)) => {
            format!(
                "started a new event: best score {:.3} < threshold {:.3}",
                best.total,
                best.threshold(p)
            )
        }
        (false, _, None) => {
            "started a new event: no earlier event shares its key terms or names".to_string()
        }
    };
    let _ = writeln!(out, "why     {why}");
    if !decision.candidates.is_empty() {
        let _ = writeln!(out, "best candidates at the time it was placed:");
        for (k, c) in decision.candidates.iter().enumerate() {
            let _ = writeln!(
                out,
                "  {}. {} — {}",
                k + 1,
                events[c.event].slug,
                events[c.event].title
            );
            let _ = writeln!(out, "     {}", breakdown(c, p));
        }
    }
    let near: Vec<_> = curated.all.iter().filter(|a| a.found > 0).take(3).collect();
    if !near.is_empty() {
        let _ = writeln!(out, "curated events, matched on their own text:");
        for (k, a) in near.iter().enumerate() {
            let verdict = if a.attracts() { "attracts" } else { "no" };
            let _ = writeln!(out, "  {}. {} ({verdict}): {}", k + 1, a.slug, a.describe());
        }
    }
    if let Some(split) = &decision.split {
        let _ = writeln!(
            out,
            "then    split off after the pass from {} — its group's average cosine with that \
             event's main group is {:.3}, below the minimum (no chaining)",
            events[split.from].slug, split.cohesion
        );
    }
    let _ = writeln!(
        out,
        "to override: add `event: <slug>` to the article's front matter"
    );
    out
}

/// "total 0.71 = 0.50 × cosine 0.42 + …": every term of the score.
fn breakdown(c: &CandidateScore, p: &Params) -> String {
    let days = match c.days {
        Some(d) => format!("{d} day(s) apart"),
        None => "no time penalty (undated)".to_string(),
    };
    format!(
        "total {:.3}: centroid cosine {:.3} (first articles {:.3}), nearest-article cosine {:.3}, shared neighbours {:.3} (×{}), \
         {} shared name(s) (overlap {:.2}, ×{}), anchor support {:.2} (×{}){}{}{}, {}, event size {}",
        c.total, c.cosine, c.first, c.link, c.snn, if c.days.is_some() { p.snn_weight } else { p.undated_snn_weight * crate::events::cluster::undated_snn_share(c.body_shared, p) }, c.shared_names, c.name_overlap, p.name_weight,
        c.anchor, p.anchor_weight, if c.conflict { ", different company" } else { "" },
        if c.head_conflict { format!(", headline about another named thing (shared body names {:.2} < {})", c.body_shared, p.head_lift) }
        else if c.heads_differ && c.days.is_some() { format!(", headline about another named thing, not vetoed: shared body names {:.2} (lifts from {})", c.body_shared, p.head_lift) }
        else { format!(", shared body names {:.2}", c.body_shared) },
        if c.number_clash { format!(", headline numbers all differ (−{})", p.number_clash) } else { String::new() },
        days, c.size
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explains_joins_new_events_and_pins() {
        let p = Params::default();
        let none = Ranking::default();
        let cand = CandidateScore {
            event: 0,
            cosine: 0.4,
            first: 0.4,
            link: 0.5,
            snn: 0.3,
            shared_names: 2,
            name_overlap: 0.5,
            anchor: 0.4,
            conflict: false,
            head_conflict: false,
            body_shared: 0.0,
            heads_differ: false,
            number_clash: false,
            other_day: false,
            days: Some(1),
            size: 3,
            total: 0.95,
        };
        let names = [
            EventName {
                slug: "2025-02-18-talks",
                title: "Talks",
            },
            EventName {
                slug: "2025-02-19-other",
                title: "Other",
            },
        ];
        let joined = Decision {
            joined: Some(0),
            pinned: false,
            candidates: vec![cand.clone()],
            split: None,
        };
        let text = render("a1", &joined, 0, &names, &none, &p);
        assert!(
            text.contains("joined an existing event: score 0.950 ≥ threshold 0.550"),
            "{text}"
        );
        assert!(text.contains("1. 2025-02-18-talks — Talks"));
        assert!(text.contains("2 shared name(s)"));
        let low = CandidateScore { total: 0.2, ..cand };
        let new = Decision {
            joined: None,
            pinned: false,
            candidates: vec![low],
            split: None,
        };
        assert!(render("a2", &new, 1, &names, &none, &p)
            .contains("started a new event: best score 0.200 < threshold"));
        let pinned = Decision {
            joined: None,
            pinned: true,
            candidates: vec![],
            split: None,
        };
        assert!(render("a3", &pinned, 1, &names, &none, &p)
            .contains("pinned by its front matter `event: 2025-02-19-other`"));
    }

    #[test]
    fn names_the_curated_event_that_attracted_an_article() {
        use crate::events::attract::Attraction;
        let p = Params::default();
        let names = [EventName {
            slug: "harbour-bridge",
            title: "Bridge reopens",
        }];
        let a = Attraction {
            slug: "harbour-bridge".into(),
            share: 0.8,
            found: 8,
            of: 10,
            focus: 0.6,
            days: Some(1),
            elsewhere: false,
        };
        let ranking = Ranking {
            all: vec![a.clone()],
            attracted: true,
        };
        let pinned = Decision {
            joined: Some(0),
            pinned: true,
            candidates: vec![],
            split: None,
        };
        let text = render("a1", &pinned, 0, &names, &ranking, &p);
        assert!(
            text.contains("attracted by the curated event harbour-bridge: mentions 8 of its 10"),
            "{text}"
        );
        assert!(text.contains("1. harbour-bridge (attracts)"), "{text}");
        // Not attracted: still listed as a candidate, with the reason.
        let far = Attraction {
            elsewhere: true,
            ..a
        };
        let ranking = Ranking {
            all: vec![far],
            attracted: false,
        };
        let free = Decision {
            joined: None,
            pinned: false,
            candidates: vec![],
            split: None,
        };
        let text = render("a2", &free, 0, &names, &ranking, &p);
        assert!(text.contains("1. harbour-bridge (no)"), "{text}");
        assert!(text.contains("places it elsewhere"), "{text}");
    }
}
