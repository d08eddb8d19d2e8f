//! One context builder per page kind, and the list of pages to render.

use super::body::{self, NameLink};
use super::briefing::{Statement, VoiceCtx};
use super::context::*;
use super::{ErasedCtx, Page, TemplateError};
use crate::addresses::Redirect;
use crate::site::Site;
use serde::Serialize;

/// How many people the home page lists.
const HOME_PEOPLE: usize = 12;
/// How many events the home page lists.
const HOME_EVENTS: usize = 10;
/// Cap on mention snippets per person page (the rest are one click away in articles).
const MAX_MENTIONS: usize = 40;

type Emit<'e> = dyn FnMut(Page, &str, &dyn ErasedCtx) -> Result<(), TemplateError> + 'e;

/// Renders the home page and the index pages through `emit`.
pub(crate) fn indexes(site: &Site, emit: &mut Emit) -> Result<(), TemplateError> {
    let events: Vec<EventBrief> = site.events.iter().map(event_brief).collect();
    let mut people: Vec<PersonBrief> = site.people.iter().map(person_brief).collect();
    people.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.name.cmp(&b.name))
    });
    let mut articles: Vec<ArticleBrief> = site.articles.iter().map(article_brief).collect();
    articles.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));

    #[derive(Serialize)]
    struct Home<'a> {
        events: &'a [EventBrief],
        people: &'a [PersonBrief],
    }
    let home = Home {
        events: &events[..events.len().min(HOME_EVENTS)],
        people: &people[..people.len().min(HOME_PEOPLE)],
    };
    emit(page("", "index.html"), "home", &home)?;
    use super::paginate::Layout::{Archive, Numbered};
    // Index templates read their list from a top-level variable of the same name.
    super::paginate::emit_pages(emit, "events/", "events.html", "events", &events, Archive)?;
    let mut by_name = people.clone();
    by_name.sort_by(|a, b| a.name.cmp(&b.name));
    super::paginate::emit_pages(emit, "people/", "people.html", "people", &by_name, Numbered)?;
    super::paginate::emit_pages(
        emit,
        "articles/",
        "articles.html",
        "articles",
        &articles,
        Archive,
    )?;
    emit(page("search/", "search.html"), "search", &())?;

    Ok(())
}

/// A page about one item of the site: an event, a person or an article
/// (an index into the site's list of them).
#[derive(Clone, Copy, Debug)]
pub(crate) enum PageItem {
    /// `site.events[i]`.
    Event(usize),
    /// `site.people[i]`.
    Person(usize),
    /// `site.articles[i]`.
    Article(usize),
}

/// Every item page of the site, in a fixed order.
pub(crate) fn items(site: &Site) -> Vec<PageItem> {
    let events = (0..site.events.len()).map(PageItem::Event);
    let people = (0..site.people.len()).map(PageItem::Person);
    let articles = (0..site.articles.len()).map(PageItem::Article);
    events.chain(people).chain(articles).collect()
}

/// Asked before a page is rendered, with its path and a hash of everything
/// it shows: true when the published file already shows exactly that.
pub(crate) type Reuse<'r> = dyn Fn(&str, u128) -> bool + 'r;

/// The hash of a page's inputs: its template, head feeds and context.
fn page_key(page: &Page, value: &dyn ErasedCtx, extra: u128) -> u128 {
    let mut bytes = format!("{}\n{}\n{extra}\n", page.path, page.template).into_bytes();
    bytes.extend(serde_json::to_vec(&page.feeds).unwrap_or_default());
    bytes.extend(value.json());
    crate::output::hash_bytes(&bytes)
}

/// Builds one item page's context and hands it to `emit`, unless `reuse`
/// says the published page already shows it (then nothing is rendered).
pub(crate) fn item(
    site: &Site,
    item: PageItem,
    reuse: &Reuse,
    emit: &mut Emit,
) -> Result<(), TemplateError> {
    match item {
        PageItem::Event(i) => {
            let e = &site.events[i];
            let ctx = event_ctx(site, e);
            let own = super::feeds::has_feed(site, e.articles.len());
            let feeds = item_feed(own, &e.title, "event feed", &ctx.feed);
            let mut page = Page {
                path: event_url(&e.slug),
                template: "event.html",
                feeds,
                key: None,
                pagination: None,
            };
            keyed_emit(&mut page, "event", &ctx, 0, reuse, emit)
        }
        PageItem::Person(i) => {
            let p = &site.people[i];
            let ctx = person_ctx(site, p);
            let own = super::feeds::has_feed(site, p.articles.len());
            let feeds = item_feed(own, &p.name, "person feed", &ctx.feed);
            let mut page = Page {
                path: person_url(&p.slug),
                template: "person.html",
                feeds,
                key: None,
                pagination: None,
            };
            keyed_emit(&mut page, "person", &ctx, 0, reuse, emit)
        }
        PageItem::Article(i) => {
            // The body is the costly part: key the page on what the body is
            // made from (the article and its name links), render it only
            // when the page must be written.
            let (mut ctx, links) = article_ctx(site, i);
            let a = &site.articles[i];
            let extra = crate::output::hash_bytes(
                format!(
                    "{:x}{links:?}{:?}",
                    site.article_keys[i],
                    link_hrefs(site, a)
                )
                .as_bytes(),
            );
            let mut page = page(&article_url(&a.id), "article.html");
            let key = page_key(&page, &ctx, extra);
            if reuse(&page.path, key) {
                return Ok(());
            }
            let names = |p: usize| -> Vec<NameLink> {
                links
                    .iter()
                    .filter(|(para, _)| *para == p)
                    .map(|(_, l)| l.clone())
                    .collect()
            };
            ctx.body_html =
                body::article_html_linked(a, names, &|d| super::links::href(site, a, d));
            page.key = Some(key);
            emit(page, "article", &ctx)
        }
    }
}

/// Where each link and image written in the article points: with the
/// article itself, everything its body is made from (links to other
/// articles follow their addresses).
fn link_hrefs(site: &Site, a: &crate::content::Article) -> Vec<Option<String>> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let mut out = Vec::new();
    for md in a.paragraphs.iter().filter_map(|p| p.markdown.as_deref()) {
        for ev in Parser::new_ext(md, Options::all()) {
            if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = ev {
                out.push(super::links::href(site, a, &dest_url));
            }
        }
    }
    out
}

/// Emits a page unless `reuse` recognises its key.
fn keyed_emit(
    page: &mut Page,
    name: &str,
    ctx: &dyn ErasedCtx,
    extra: u128,
    reuse: &Reuse,
    emit: &mut Emit,
) -> Result<(), TemplateError> {
    let key = page_key(page, ctx, extra);
    if reuse(&page.path, key) {
        return Ok(());
    }
    page.key = Some(key);
    let page = std::mem::replace(page, self::page("", ""));
    emit(page, name, ctx)
}

/// The `<head>` feed link of an item page: its own feed where it has one
/// (the site feed is in every page's `<head>` already).
fn item_feed(own: bool, title: &str, kind: &str, feed: &str) -> Vec<Link> {
    own.then(|| Link {
        title: format!("{title} ({kind})"),
        url: feed.to_string(),
    })
    .into_iter()
    .collect()
}

/// An item's feed address: its own, or the site feed when it has none.
fn feed_url(site: &Site, page: &str, articles: usize) -> String {
    if super::feeds::has_feed(site, articles) {
        format!("{page}atom.xml")
    } else {
        "atom.xml".into()
    }
}

fn page<'a>(path: &str, template: &'a str) -> Page<'a> {
    Page {
        path: path.to_string(),
        template,
        feeds: Vec::new(),
        key: None,
        pagination: None,
    }
}

/// Redirect pages for addresses that moved (see `addresses`).
pub(crate) fn redirects(site: &Site) -> Vec<Redirect> {
    site.redirects.clone()
}

fn event_brief(e: &crate::events::Event) -> EventBrief {
    EventBrief {
        title: e.title.clone(),
        url: event_url(&e.slug),
        start: e.start.to_string(),
        end: e.end.to_string(),
        article_count: e.articles.len(),
        place: e.place.clone(),
    }
}

fn person_brief(p: &crate::people::Person) -> PersonBrief {
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
        source: Some(super::briefing::source_name(a)),
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
fn article_ctx(site: &Site, i: usize) -> (ArticleCtx, Vec<(usize, NameLink)>) {
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
struct PersonCtx {
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
    feed: String,
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

fn person_ctx(site: &Site, p: &crate::people::Person) -> PersonCtx {
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
struct EventCtx {
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
    feed: String,
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

fn event_ctx(site: &Site, e: &crate::events::Event) -> EventCtx {
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
    let (quotes, reactions) = super::briefing::voices_ctx(site, e);
    let statements = |list: &[crate::events::SummarySentence]| -> Vec<Statement> {
        list.iter()
            .filter_map(|s| super::briefing::statement(site, e, s))
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
            .filter_map(|d| super::briefing::upcoming(site, e, d))
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
