//! Curated events attract the articles that match them.
//!
//! A curated event (`content/events/<slug>.md`) is described by its own
//! fixed text: title, summary and body. Whether an article belongs to it is
//! decided between that text and the article alone, before clustering:
//! never against corpus statistics or other articles, so adding, removing
//! or reordering other articles cannot move an article in or out of a
//! curated event (a clean build and an incremental one agree).
//!
//! The evidence is who and where: the names and places the curated text
//! writes with a capital inside a sentence (its anchors). An anchor that is
//! part of a multi-word name ("Diriyah Palace") or that the curated title
//! names is more specific and counts more. An article is attracted when it
//! mentions enough of that weight and is dated near the curated date.

use crate::content::Article;
use crate::date::Date;
use crate::events::curated::CuratedEvent;
use crate::events::params::ClusterDoc;
use crate::events::place;
use crate::events::terms::cased_terms;
use std::collections::{BTreeMap, BTreeSet};

/// Share of the curated anchors' weight an article must mention.
pub const MIN_SHARE: f32 = 0.5;

/// Share of the article's lede anchors the curated text must mention.
pub const MIN_FOCUS: f32 = 0.4;

/// An article this many days or more from the curated date is never
/// attracted (when both are dated).
pub const MAX_DAYS: i64 = 7;

/// Curated anchors needed at all: a curated text naming fewer gives too
/// little to decide on, and attracts nothing.
const MIN_ANCHORS: usize = 4;

/// What a curated event's own text says it is about.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    /// The curated event's slug.
    pub slug: String,
    /// Its date, if the file gives one.
    pub date: Option<Date>,
    /// Anchor term → weight.
    anchors: BTreeMap<String, f32>,
    /// Every term of the curated text.
    words: BTreeSet<String>,
    /// Built-in places its title or summary names: where it happened.
    places: Vec<String>,
}

/// How well one article matches one curated event.
#[derive(Clone, Debug, PartialEq)]
pub struct Attraction {
    /// The curated event's slug.
    pub slug: String,
    /// Weighted share of the curated anchors the article mentions.
    pub share: f32,
    /// Curated anchors the article mentions, of how many.
    pub found: usize,
    /// Curated anchors in all.
    pub of: usize,
    /// Share of the article's own lede anchors (headline and first
    /// paragraph) that the curated text mentions: whether the article is
    /// about this happening or mentions it in passing.
    pub focus: f32,
    /// Days between the article and the curated date, when both dated.
    pub days: Option<i64>,
    /// The article says it happened elsewhere: its dateline or headline
    /// names places and none is the curated event's.
    pub elsewhere: bool,
}

impl Attraction {
    /// The article goes to this curated event.
    pub fn attracts(&self) -> bool {
        self.of >= MIN_ANCHORS
            && self.share >= MIN_SHARE
            && self.focus >= MIN_FOCUS
            && !self.elsewhere
            && self.days.is_none_or(|d| (-1..MAX_DAYS).contains(&d))
    }

    /// One line for `explain`.
    pub fn describe(&self) -> String {
        let days = match self.days {
            Some(d) => format!("{d:+} day(s) from its date (from -1 to +{})", MAX_DAYS - 1),
            None => "no date to compare".to_string(),
        };
        format!(
            "mentions {} of its {} anchors (weighted share {:.2}, needs {:.2}); its lede is \
             {:.2} about it (needs {:.2}); {}",
            self.found, self.of, self.share, MIN_SHARE, self.focus, MIN_FOCUS, days
        ) + if self.elsewhere {
            "; its dateline or headline places it elsewhere"
        } else {
            ""
        }
    }
}

/// The profile of one curated event, from its own text only.
pub fn profile(c: &CuratedEvent) -> Profile {
    let mut anchors: BTreeMap<String, f32> = BTreeMap::new();
    let title: BTreeSet<String> = c
        .title
        .as_deref()
        .map(|t| proper_runs(t).into_iter().map(|(t, _)| t).collect())
        .unwrap_or_default();
    let texts = [c.title.as_deref(), c.summary.as_deref(), c.body.as_deref()];
    let mut words = BTreeSet::new();
    for text in texts.into_iter().flatten() {
        words.extend(cased_terms(text).into_iter().map(|t| t.term));
        for (term, in_name) in proper_runs(text) {
            let w = 1.0 + f32::from(u8::from(in_name)) + f32::from(u8::from(title.contains(&term)));
            let slot = anchors.entry(term).or_insert(0.0);
            *slot = slot.max(w);
        }
    }
    Profile {
        slug: c.slug.clone(),
        date: c.date,
        anchors,
        words,
        places: place::named_in(
            &format!(
                "{} \n {}",
                c.title.as_deref().unwrap_or(""),
                c.summary.as_deref().unwrap_or("")
            ),
            &place::known(),
        ),
    }
}

/// Capitalised terms inside sentences, each with whether it stands next to
/// another capitalised term (part of a multi-word name).
fn proper_runs(text: &str) -> Vec<(String, bool)> {
    let terms = cased_terms(text);
    (0..terms.len())
        .filter(|&k| terms[k].proper)
        .map(|k| {
            let next = |j: Option<usize>| j.and_then(|j| terms.get(j)).is_some_and(|t| t.proper);
            let in_name = next(k.checked_sub(1)) || next(Some(k + 1));
            (terms[k].term.clone(), in_name)
        })
        .collect()
}

/// What the attraction reads of one article, read once for every curated
/// event.
struct ArticleView {
    /// Every term of its title and text.
    words: BTreeSet<String>,
    /// Capitalised terms of its headline and first paragraph.
    lede: BTreeSet<String>,
    /// Its own places (dateline, else built-in places its headline names).
    places: Vec<String>,
    /// Its day, when it has a real date.
    day: Option<i64>,
}

fn view(doc: &ClusterDoc, places: &[String]) -> ArticleView {
    let mut words: BTreeSet<String> = BTreeSet::new();
    for text in [&doc.title, &doc.text] {
        words.extend(cased_terms(text).into_iter().map(|t| t.term));
    }
    let first = doc
        .text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let lede = [doc.title.as_str(), first]
        .into_iter()
        .flat_map(|t| proper_runs(t).into_iter().map(|(t, _)| t))
        .collect();
    ArticleView {
        words,
        lede,
        places: places.to_vec(),
        day: doc.dated.then(|| doc.date.to_days()),
    }
}

/// How well `doc` matches `p`: a function of the two alone. `places` are
/// the article's own (dateline, else built-in places its headline names).
pub fn score(p: &Profile, doc: &ClusterDoc, places: &[String]) -> Attraction {
    score_view(p, &view(doc, places))
}

fn score_view(p: &Profile, a: &ArticleView) -> Attraction {
    let (mut have, mut total, mut found) = (0.0f32, 0.0f32, 0);
    for (term, &w) in &p.anchors {
        total += w;
        if a.words.contains(term) {
            have += w;
            found += 1;
        }
    }
    let on_topic = a.lede.iter().filter(|t| p.words.contains(*t)).count();
    let focus = if a.lede.is_empty() {
        0.0
    } else {
        on_topic as f32 / a.lede.len() as f32
    };
    Attraction {
        slug: p.slug.clone(),
        share: if total > 0.0 { have / total } else { 0.0 },
        found,
        of: p.anchors.len(),
        focus,
        days: p.date.zip(a.day).map(|(d, day)| day - d.to_days()),
        elsewhere: !a.places.is_empty()
            && !p.places.is_empty()
            && !a.places.iter().any(|x| p.places.contains(x)),
    }
}

/// Every curated event's match with `doc`, best first (ties: slug order).
pub fn rank(profiles: &[Profile], doc: &ClusterDoc, places: &[String]) -> Vec<Attraction> {
    if profiles.is_empty() {
        return Vec::new();
    }
    let a = view(doc, places);
    let mut out: Vec<Attraction> = profiles.iter().map(|p| score_view(p, &a)).collect();
    out.sort_by(|a, b| {
        b.attracts()
            .cmp(&a.attracts())
            .then(b.share.total_cmp(&a.share))
            .then(a.slug.cmp(&b.slug))
    });
    out
}

/// Pins every unpinned document that a curated event attracts to it (the
/// best one if several do) and returns each document's ranking, for
/// `explain`. A front matter `event:` always wins. `articles[i]` is the
/// article of `docs[i]`.
pub fn apply(
    docs: &mut [ClusterDoc],
    articles: &[&Article],
    curated: &[CuratedEvent],
) -> Vec<Ranking> {
    if curated.is_empty() {
        return vec![Ranking::default(); docs.len()];
    }
    let profiles: Vec<Profile> = curated.iter().map(profile).collect();
    let known = place::known();
    docs.iter_mut()
        .zip(articles)
        .map(|(d, a)| {
            let all = rank(&profiles, d, &place::article_places(a, &known));
            let attracted = d.pinned.is_none() && all.first().is_some_and(Attraction::attracts);
            if attracted {
                d.pinned = Some(all[0].slug.clone());
            }
            Ranking { all, attracted }
        })
        .collect()
}

/// One document's matches with the curated events.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ranking {
    /// Every curated event, best first.
    pub all: Vec<Attraction>,
    /// The best one attracted the document (it had no pin of its own).
    pub attracted: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn curated(title: &str, summary: &str, date: &str) -> CuratedEvent {
        CuratedEvent {
            slug: "harbour-bridge".into(),
            title: Some(title.into()),
            summary: Some(summary.into()),
            date: Date::parse_iso(date),
            body: None,
            path: "events/harbour-bridge.md".into(),
        }
    }

    fn doc(date: &str, title: &str, text: &str) -> ClusterDoc {
        crate::events::testing::cluster_doc(title, Date::parse_iso(date).unwrap(), title, text)
    }

    #[test]
    fn an_article_naming_who_and_where_is_attracted_near_the_date() {
        let p = profile(&curated(
            "Kessler Bridge reopens in Port Amon",
            "Mayor Lena Ostrova opened the Kessler Bridge in Port Amon after repairs by Halvard Works.",
            "2025-03-01",
        ));
        let match_ = doc(
            "2025-03-02",
            "Bridge open again",
            "Crowds crossed the Kessler Bridge in Port Amon as Mayor Ostrova cut the ribbon; \
             Halvard Works did the repairs.",
        );
        let a = score(&p, &match_, &[]);
        assert!(a.attracts(), "{a:?}");
        // The same words a month later are another happening.
        let late = doc("2025-04-01", &match_.title, &match_.text);
        assert!(!score(&p, &late, &[]).attracts());
        // Another bridge's reopening shares the topic, not who and where.
        let other = doc(
            "2025-03-01",
            "Bridge reopens",
            "The Marlow Bridge in Ebbfield reopened after repairs, Mayor Tom Reyes said.",
        );
        let o = score(&p, &other, &[]);
        assert!(!o.attracts(), "{o:?}");
        assert!(o.share < a.share);
    }

    #[test]
    fn a_curated_text_naming_almost_nothing_attracts_nothing() {
        let p = profile(&curated(
            "Bridge reopens",
            "It reopened in Amon.",
            "2025-03-01",
        ));
        let d = doc("2025-03-01", "Bridge reopens", "It reopened in Amon.");
        assert!(!score(&p, &d, &[]).attracts());
    }

    #[test]
    fn other_articles_never_change_an_attraction() {
        use crate::events::testing::article;
        let cur = curated(
            "Kessler Bridge reopens in Port Amon",
            "Mayor Lena Ostrova opened the Kessler Bridge in Port Amon after repairs by Halvard Works.",
            "2025-03-01",
        );
        let text =
            "Crowds crossed the Kessler Bridge in Port Amon as Mayor Ostrova cut the ribbon; \
                    Halvard Works did the repairs.";
        let a = article("a", "2025-03-02", &["Bridge open again", text]);
        let b = article("b", "2025-03-01", &["Kessler Bridge crowds", text]);
        let to_doc = |x: &Article| ClusterDoc {
            pinned: x.event.clone(),
            ..doc("2025-03-02", &x.title, text)
        };
        let mut alone = vec![to_doc(&a)];
        let mut both = vec![to_doc(&b), to_doc(&a)];
        let r1 = apply(&mut alone, &[&a], std::slice::from_ref(&cur));
        let r2 = apply(&mut both, &[&b, &a], std::slice::from_ref(&cur));
        assert!(r1[0].attracted);
        assert_eq!(r1[0], r2[1]);
        assert_eq!(alone[0].pinned.as_deref(), Some("harbour-bridge"));
        // A front matter pin wins over any attraction.
        let mut own = vec![ClusterDoc {
            pinned: Some("other".into()),
            ..to_doc(&a)
        }];
        assert!(!apply(&mut own, &[&a], &[cur])[0].attracted);
        assert_eq!(own[0].pinned.as_deref(), Some("other"));
    }
}
