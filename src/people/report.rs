//! `briefing extract FILE…`: what the analysis finds in one article, as JSON.

use crate::content::Article;
use crate::date::Date;
use crate::nlp::analysis::{Analysis, EntityCount, EntityKind, MentionKind, Quote};
use serde::Serialize;

/// The analysis of one article, for `briefing extract`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExtractReport {
    /// Source path relative to the content directory.
    pub path: String,
    /// Headline.
    pub title: String,
    /// Publication day.
    pub date: Date,
    /// People named, in order of first mention.
    pub people: Vec<ReportPerson>,
    /// Attributed quotations.
    pub quotes: Vec<Quote>,
    /// Organisations named, with counts.
    pub organisations: Vec<EntityCount>,
    /// Places named, with counts.
    pub places: Vec<EntityCount>,
    /// Other named things (works, events, nationalities …) as written.
    pub other_entities: Vec<String>,
    /// Dates mentioned in the text (filled by the caller from `nlp::dates`; empty here).
    pub dates: Vec<serde_json::Value>,
}

/// A name found in the article, with all its occurrences.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportPerson {
    /// The in-article resolved name.
    pub name: String,
    /// `full` / `partial` when the article gives a full name; `bare` when it
    /// only has one word (resolved across the corpus, or dropped).
    pub kind: MentionKind,
    /// Every occurrence.
    pub spans: Vec<ReportSpan>,
    /// Titles stated next to the name.
    pub roles: Vec<String>,
}

/// One occurrence of a name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportSpan {
    /// Paragraph index.
    pub paragraph: usize,
    /// Byte offset of the name in the paragraph's text.
    pub start: usize,
    /// Byte offset one past the name.
    pub end: usize,
    /// The name as written.
    pub surface: String,
    /// The paragraph is a photo caption.
    pub in_caption: bool,
}

/// Builds the `extract` report of one article.
pub fn extract_report(article: &Article, analysis: &Analysis) -> ExtractReport {
    let mut people: Vec<ReportPerson> = Vec::new();
    for m in &analysis.mentions {
        let i = match people.iter().position(|p| p.name == m.name) {
            Some(i) => i,
            None => {
                let roles = analysis
                    .roles
                    .iter()
                    .filter(|r| r.name == m.name)
                    .map(|r| r.title.clone())
                    .fold(Vec::new(), |mut v, t| {
                        if !v.contains(&t) {
                            v.push(t);
                        }
                        v
                    });
                people.push(ReportPerson {
                    name: m.name.clone(),
                    kind: MentionKind::Bare,
                    spans: Vec::new(),
                    roles,
                });
                people.len() - 1
            }
        };
        // The person's kind is the strongest evidence among its mentions.
        people[i].kind = people[i].kind.min(m.kind);
        let span = ReportSpan {
            paragraph: m.paragraph,
            start: m.span.start,
            end: m.span.end,
            surface: m.surface.clone(),
            in_caption: m.in_caption,
        };
        people[i].spans.push(span);
    }
    ExtractReport {
        path: article.source_path.clone(),
        title: article.title.clone(),
        date: article.date,
        people,
        quotes: analysis.quotes.clone(),
        organisations: analysis.organisations.clone(),
        places: analysis.places.clone(),
        other_entities: analysis
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Other)
            .map(|e| e.text.clone())
            .collect(),
        dates: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::analysis::analyze;
    use crate::nlp::analysis::testing::article;

    #[test]
    fn groups_spans_by_person_with_roles_and_quotes() {
        let a = article(
            "a",
            1,
            &["Governor Ada Brandt opened the bridge. “It is done,” Brandt said."],
        );
        let r = extract_report(&a, &analyze(&a));
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["path"], "a.txt");
        assert_eq!(v["date"], "2025-03-01");
        let ada = r
            .people
            .iter()
            .find(|p| p.name == "Ada Brandt")
            .expect("Ada Brandt");
        assert_eq!(ada.kind, MentionKind::Full);
        let surfaces: Vec<&str> = ada.spans.iter().map(|s| s.surface.as_str()).collect();
        assert_eq!(surfaces, vec!["Ada Brandt", "Brandt"]);
        assert_eq!(ada.roles, vec!["Governor"]);
        assert_eq!(v["quotes"][0]["speaker"], "Ada Brandt");
        assert_eq!(v["dates"], serde_json::json!([]));
    }
}
