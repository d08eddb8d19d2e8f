//! The context builders of the item pages (article, person, event) and
//! the short briefs the indexes list.

use super::*;

pub(super) fn event_brief(e: &crate::events::Event) -> EventBrief {
    EventBrief {
        title: e.title.clone(),
        url: event_url(&e.slug),
        start: e.start.to_string(),
        end: e.end.to_string(),
        article_count: e.articles.len(),
        place: e.place.clone(),
    }
}

pub(super) fn person_brief(p: &crate::people::Person) -> PersonBrief {
    PersonBrief {
        name: p.name.clone(),
        url: person_url(&p.slug),
        mentions: p.mentions.len(),
        article_count: p.articles.len(),
        role: p.roles.first().map(|r| r.title.clone()),
    }
}

/// A statement from an article paragraph, with provenance.
fn sourced(site: &Site, text: &str, article: &str, paragraph: usize) -> Option<Sourced> {
    let a = site.article(article)?;
    Some(Sourced {
        text: text.to_string(),
        url: paragraph_url(a, paragraph),
        source: Some(crate::render::briefing::source_name(a)),
        date: a.date.to_string(),
        who: None,
    })
}

/// A role with its source; a curated role (no article) links to the person page.
fn role_sourced(
    site: &Site,
    p: &crate::people::Person,
    r: &crate::people::Role,
) -> Option<Sourced> {
    match &r.article {
        Some(a) => sourced(site, &r.title, a, r.paragraph),
        None => Some(Sourced {
            text: r.title.clone(),
            url: person_url(&p.slug),
            source: Some("curated".into()),
            date: String::new(),
            who: None,
        }),
    }
}

/// An article page's context without its body, and the names to link in
/// the body as (paragraph, link).
pub(super) fn article_ctx(site: &Site, i: usize) -> (ArticleCtx, Vec<(usize, NameLink)>) {
    let a = &site.articles[i];
    let analysis = &site.analyses[i];
    let slug_of = |name: &str| site.person_slug_for(&a.id, name);
    let links: Vec<(usize, NameLink)> = analysis
        .mentions
        .iter()
        .filter_map(|m| {
            let slug = slug_of(&m.name)?;
            Some((
                m.paragraph,
                NameLink {
                    surface: m.surface.clone(),
                    href: format!("../../{}", person_url(&slug)),
                },
            ))
        })
        .collect();
    let people: Vec<Link> = site
        .people_in(&a.id)
        .map(|p| Link {
            title: p.name.clone(),
            url: person_url(&p.slug),
        })
        .collect();
    let ctx = ArticleCtx {
        id: a.id.clone(),
        title: a.title.clone(),
        date: a.date.to_string(),
        date_long: long_date(a.date),
        date_source: serde_json::to_value(a.date_source)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default(),
        source: a.source.clone(),
        original_url: a.url.clone().filter(|u| is_web_url(u)),
        place: a.place.clone(),
        author: a.author.clone(),
        tags: a.tags.clone(),
        summary: a.summary.clone(),
        event: site
            .article_event
            .get(&a.id)
            .and_then(|s| site.event(s))
            .map(|e| Link {
                title: e.title.clone(),
                url: event_url(&e.slug),
            }),
        people,
        body_html: String::new(),
        url: article_url(&a.id),
    };
    (ctx, links)
}

/// Person page context (`person`).
#[derive(Serialize)]
pub(super) struct PersonCtx {
    slug: String,
    name: String,
    aliases: Vec<String>,
    roles: Vec<RoleGroup>,
    events: Vec<EventBrief>,
    quotes: Vec<Sourced>,
    mentions: Vec<Sourced>,
    mention_count: usize,
    co_mentioned: Vec<CoMention>,
    first_seen: String,
    last_seen: String,
    bio_html: Option<String>,
    links: Vec<String>,
    articles: Vec<ArticleBrief>,
    pub(super) feed: String,
    url: String,
}

/// One title as stated, with every article stating it.
#[derive(Serialize)]
struct RoleGroup {
    text: String,
    sources: Vec<Sourced>,
}

/// Groups roles whose wording is the same up to case, keeping first-seen order.
fn group_roles(roles: Vec<Sourced>) -> Vec<RoleGroup> {
    let mut groups: Vec<RoleGroup> = Vec::new();
    // "U.S. President" and "US president" are one wording.
    let key = |t: &str| t.to_lowercase().replace('.', "");
    for r in roles {
        match groups.iter_mut().find(|g| key(&g.text) == key(&r.text)) {
            Some(g) => g.sources.push(r),
            None => groups.push(RoleGroup {
                text: r.text.clone(),
                sources: vec![r],
            }),
        }
    }
    groups
}

#[derive(Serialize)]
struct CoMention {
    name: String,
    url: String,
    count: usize,
}

pub(super) fn person_ctx(site: &Site, p: &crate::people::Person) -> PersonCtx {
    let mut articles: Vec<ArticleBrief> = p
        .articles
        .iter()
        .filter_map(|id| site.article(id))
        .map(article_brief)
        .collect();
    articles.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
    let events = site
        .person_events
        .get(&p.slug)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    PersonCtx {
        slug: p.slug.clone(),
        name: p.name.clone(),
        aliases: p
            .aliases
            .iter()
            .filter(|a| **a != p.name)
            .cloned()
            .collect(),
        roles: group_roles(
            p.roles
                .iter()
                .filter_map(|r| role_sourced(site, p, r))
                .collect(),
        ),
        events: events
            .iter()
            .filter_map(|s| site.event(s))
            .map(event_brief)
            .collect(),
        quotes: p
            .quotes
            .iter()
            .filter_map(|q| sourced(site, &q.text, &q.article, q.paragraph))
            .collect(),
        mentions: p
            .mentions
            .iter()
            .take(MAX_MENTIONS)
            .filter_map(|m| sourced(site, &m.snippet, &m.article, m.paragraph))
            .collect(),
        mention_count: p.mentions.len(),
        co_mentioned: p
            .co_mentioned
            .iter()
            .filter_map(|c| {
                site.person(&c.slug).map(|o| CoMention {
                    name: o.name.clone(),
                    url: person_url(&o.slug),
                    count: c.count,
                })
            })
            .collect(),
        first_seen: p.first_seen.to_string(),
        last_seen: p.last_seen.to_string(),
        bio_html: p
            .bio
            .as_deref()
            .map(body::escape)
            .map(|b| format!("<p>{b}</p>")),
        links: p.links.iter().filter(|l| is_web_url(l)).cloned().collect(),
        articles,
        feed: feed_url(site, &person_url(&p.slug), p.articles.len()),
        url: person_url(&p.slug),
    }
}

/// Event page context (`event`).
#[derive(Serialize)]
pub(super) struct EventCtx {
    slug: String,
    title: String,
    start: String,
    end: String,
    start_long: String,
    end_long: String,
    place: Option<String>,
    curated_summary: Option<String>,
    lede: Vec<Statement>,
    summary: Vec<Statement>,
    timeline: Vec<TimelineEntry>,
    next: Vec<Statement>,
    people: Vec<EventPerson>,
    quotes: Vec<VoiceCtx>,
    reactions: Vec<VoiceCtx>,
    sources: Vec<ArticleBrief>,
    related: Vec<EventBrief>,
    pub(super) feed: String,
    url: String,
}

#[derive(Serialize)]
struct TimelineEntry {
    date: String,
    approximate: bool,
    text: String,
    url: String,
    source: Option<String>,
}

#[derive(Serialize)]
struct EventPerson {
    name: String,
    url: String,
    roles: Vec<RoleGroup>,
}

/// How many related events an event page shows.
const RELATED: usize = 5;

pub(super) fn event_ctx(site: &Site, e: &crate::events::Event) -> EventCtx {
    let members: std::collections::BTreeSet<&String> = e.articles.iter().collect();
    let in_event = |id: &String| members.contains(id);
    // Already ordered: most mentioned first, then by slug.
    let people: Vec<(&crate::people::Person, usize)> = site
        .event_people
        .get(&e.slug)
        .into_iter()
        .flatten()
        .filter_map(|(slug, n)| site.person(slug).map(|p| (p, *n)))
        .collect();
    let (quotes, reactions) = crate::render::briefing::voices_ctx(site, e);
    let statements = |list: &[crate::events::SummarySentence]| -> Vec<Statement> {
        list.iter()
            .filter_map(|s| crate::render::briefing::statement(site, e, s))
            .collect()
    };
    let sources: Vec<ArticleBrief> = e
        .articles
        .iter()
        .filter_map(|id| site.article(id))
        .map(article_brief)
        .collect();
    EventCtx {
        slug: e.slug.clone(),
        title: e.title.clone(),
        start: e.start.to_string(),
        end: e.end.to_string(),
        start_long: long_date(e.start),
        end_long: long_date(e.end),
        place: e.place.clone(),
        curated_summary: e.curated_summary.clone(),
        lede: statements(&e.lede),
        summary: statements(&e.summary),
        next: e
            .next
            .iter()
            .filter_map(|d| crate::render::briefing::upcoming(site, e, d))
            .collect(),
        timeline: e
            .timeline
            .iter()
            .filter_map(|t| {
                let s = sourced(site, &t.text, &t.article, t.paragraph)?;
                Some(TimelineEntry {
                    date: t.date.to_string(),
                    approximate: t.approximate,
                    text: s.text,
                    url: s.url,
                    source: s.source,
                })
            })
            .collect(),
        people: people
            .iter()
            .map(|(p, _)| EventPerson {
                name: p.name.clone(),
                url: person_url(&p.slug),
                roles: group_roles(
                    p.roles
                        .iter()
                        .filter(|r| r.article.as_ref().is_some_and(in_event))
                        .filter_map(|r| role_sourced(site, p, r))
                        .collect(),
                ),
            })
            .collect(),
        quotes,
        reactions,
        sources,
        related: related_events(site, e)
            .into_iter()
            .map(event_brief)
            .collect(),
        feed: feed_url(site, &event_url(&e.slug), e.articles.len()),
        url: event_url(&e.slug),
    }
}

/// Events sharing the most people with `e`.
///
/// Works on integer ids: every (person of `e`, other event of that person)
/// pair is collected, sorted and counted, so the cost is the number of such
/// pairs times a logarithm, with no string keys.
fn related_events<'s>(site: &'s Site, e: &crate::events::Event) -> Vec<&'s crate::events::Event> {
    let Some(me) = site.event_position(&e.slug) else {
        return Vec::new();
    };
    let mut others: Vec<u32> = site.event_person_ids[me]
        .iter()
        .flat_map(|&p| site.person_event_ids[p as usize].iter().copied())
        .filter(|&o| o as usize != me)
        .collect();
    others.sort_unstable();
    let mut scored: Vec<(usize, &crate::events::Event)> = Vec::new();
    for run in others.chunk_by(|a, b| a == b) {
        scored.push((run.len(), &site.events[run[0] as usize]));
    }
    scored.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| b.1.start.cmp(&a.1.start))
            .then_with(|| a.1.slug.cmp(&b.1.slug))
    });
    scored.into_iter().take(RELATED).map(|(_, o)| o).collect()
}
