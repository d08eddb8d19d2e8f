//! The event briefing's parts that need the assembled site: the voices
//! (quotes joined from the people stage) and source names. The choice of
//! voices is made by `events::voices`; this only gathers its input, so the
//! page and `events.json` show the same briefing.

use crate::content::Article;
use crate::events::voices::{self, Said, Voice};
use crate::events::Event;
use crate::site::Site;
use std::collections::BTreeMap;

/// Voices an event page shows.
pub const VOICES: usize = 12;

/// The event's voices, best first (see [`voices::voices`]).
pub fn event_voices(site: &Site, e: &Event) -> Vec<Voice> {
    let members: std::collections::BTreeSet<&str> = e.articles.iter().map(String::as_str).collect();
    let mut said = Vec::new();
    let mut named_in: BTreeMap<&str, usize> = BTreeMap::new();
    for (slug, _) in site.event_people.get(&e.slug).into_iter().flatten() {
        let Some(p) = site.person(slug) else { continue };
        let n = p
            .articles
            .iter()
            .filter(|a| members.contains(a.as_str()))
            .count();
        named_in.insert(p.slug.as_str(), n);
        for q in p
            .quotes
            .iter()
            .filter(|q| members.contains(q.article.as_str()))
        {
            said.push(Said {
                speaker: &p.slug,
                text: &q.text,
                article: &q.article,
                paragraph: q.paragraph,
            });
        }
    }
    voices::voices(&said, &named_in, e.articles.len(), VOICES)
}

/// The speaker's role in the event: the title stated in most of its
/// articles (ties: the first stated), else any title known for the person.
pub fn role_in_event(site: &Site, e: &Event, slug: &str) -> Option<String> {
    let p = site.person(slug)?;
    let in_event =
        |r: &&crate::people::Role| r.article.as_ref().is_some_and(|a| e.articles.contains(a));
    let mut best: Option<(usize, &str)> = None;
    for r in p.roles.iter().filter(in_event) {
        let mut arts: Vec<&String> = p
            .roles
            .iter()
            .filter(in_event)
            .filter(|x| x.title.eq_ignore_ascii_case(&r.title))
            .filter_map(|x| x.article.as_ref())
            .collect();
        arts.sort();
        arts.dedup();
        if best.is_none_or(|(n, _)| arts.len() > n) {
            best = Some((arts.len(), &r.title));
        }
    }
    best.map(|(_, t)| t.to_string())
        .or_else(|| p.roles.first().map(|r| r.title.clone()))
}

/// What to call an article's source: its outlet, else its address's
/// domain, else a short title. Never empty.
pub fn source_name(a: &Article) -> String {
    crate::content::sources::source_name(a.source.as_deref(), a.url.as_deref(), &a.title, &a.id)
}

/// A link to one source of a statement.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Cite {
    /// The source's name (never empty).
    pub source: String,
    /// Link to the paragraph (`articles/<id>/#p3`), or the article.
    pub url: String,
}

/// A briefing sentence on the event page: the sentence, its own source,
/// and every source reporting it ("3 of 5 sources").
#[derive(Clone, Debug, serde::Serialize)]
pub struct Statement {
    /// The sentence as written.
    pub text: String,
    /// Link to its paragraph.
    pub url: String,
    /// Its article's source name.
    pub source: String,
    /// Every article reporting it, its own first.
    pub cites: Vec<Cite>,
    /// `cites.len()`, and the event's number of articles.
    pub reported_by: usize,
    /// The event's number of articles.
    pub of: usize,
    /// Day (`YYYY-MM-DD`) for dated entries ("what's next").
    pub date: Option<String>,
    /// The date is a representative day of a longer span.
    pub approximate: bool,
}

/// A voice on the event page.
#[derive(Clone, Debug, serde::Serialize)]
pub struct VoiceCtx {
    /// The quotation.
    pub text: String,
    /// Speaker's name and page.
    pub who: super::context::Link,
    /// Speaker's role in the event, when stated.
    pub role: Option<String>,
    /// Link to the quotation's paragraph.
    pub url: String,
    /// Its article's source name.
    pub source: String,
    /// Every article reporting it.
    pub cites: Vec<Cite>,
}

fn cite(site: &Site, article: &str, paragraph: Option<usize>) -> Option<Cite> {
    let a = site.article(article)?;
    Some(Cite {
        source: source_name(a),
        url: match paragraph {
            Some(p) => super::context::paragraph_url(a, p),
            None => super::context::article_url(&a.id),
        },
    })
}

/// Its own article first (linked to the paragraph), then the others.
fn cites(site: &Site, own: &str, paragraph: usize, all: &[String]) -> Vec<Cite> {
    std::iter::once(cite(site, own, Some(paragraph)))
        .chain(
            all.iter()
                .filter(|a| *a != own)
                .map(|a| cite(site, a, None)),
        )
        .flatten()
        .collect()
}

/// A summary or lede sentence for the page.
pub fn statement(site: &Site, e: &Event, s: &crate::events::SummarySentence) -> Option<Statement> {
    let own = cite(site, &s.article, Some(s.paragraph))?;
    let cites = cites(site, &s.article, s.paragraph, &s.sources);
    Some(Statement {
        text: s.text.clone(),
        url: own.url,
        source: own.source,
        reported_by: cites.len(),
        of: e.articles.len(),
        cites,
        date: None,
        approximate: false,
    })
}

/// A "what's next" entry for the page.
pub fn upcoming(site: &Site, e: &Event, d: &crate::events::Dated) -> Option<Statement> {
    let own = cite(site, &d.article, Some(d.paragraph))?;
    let cites = cites(site, &d.article, d.paragraph, &d.articles);
    Some(Statement {
        text: d.text.clone(),
        url: own.url,
        source: own.source,
        reported_by: cites.len(),
        of: e.articles.len(),
        cites,
        date: Some(d.date.to_string()),
        approximate: d.approximate,
    })
}

/// The event's voices for the page: (key quotes, reactions).
pub fn voices_ctx(site: &Site, e: &Event) -> (Vec<VoiceCtx>, Vec<VoiceCtx>) {
    let mut main = Vec::new();
    let mut reactions = Vec::new();
    for v in event_voices(site, e) {
        let (Some(p), Some(own)) = (
            site.person(&v.speaker),
            cite(site, &v.article, Some(v.paragraph)),
        ) else {
            continue;
        };
        let ctx = VoiceCtx {
            text: v.text.clone(),
            who: super::context::Link {
                title: p.name.clone(),
                url: super::context::person_url(&p.slug),
            },
            role: role_in_event(site, e, &v.speaker),
            url: own.url,
            source: own.source,
            cites: cites(site, &v.article, v.paragraph, &v.sources),
        };
        if v.reaction {
            reactions.push(ctx);
        } else {
            main.push(ctx);
        }
    }
    (main, reactions)
}
