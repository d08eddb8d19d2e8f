//! One context builder per page kind, and the list of pages to render.

use super::body::{self, NameLink};
use super::briefing::{Statement, VoiceCtx};
use super::context::*;
use super::{ErasedCtx, Page, TemplateError};
use crate::addresses::Redirect;
use crate::site::Site;
use serde::Serialize;

mod ctx;
use ctx::{article_ctx, event_brief, event_ctx, person_brief, person_ctx};

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

/// Every item page of the site, in a fixed order: articles first, the
/// longest first, then events, then people.
///
/// The pages are rendered on all cores in this order, and what each page
/// holds does not depend on it (the writer keys files by path). An article
/// page costs time in proportion to its text, a person page is small: one
/// 10 MB article listed last was rendered alone on one core after the
/// thousands of person pages it names had been shared out (issue 12), so
/// the costly pages go first and the small ones fill the other cores.
pub(crate) fn items(site: &Site) -> Vec<PageItem> {
    let mut articles: Vec<usize> = (0..site.articles.len()).collect();
    let text = |i: &usize| -> usize {
        let a = &site.articles[*i];
        a.paragraphs.iter().map(|p| p.text.len()).sum()
    };
    // Stable: equal lengths keep the site's order.
    articles.sort_by_cached_key(|i| std::cmp::Reverse(text(i)));
    let articles = articles.into_iter().map(PageItem::Article);
    let events = (0..site.events.len()).map(PageItem::Event);
    let people = (0..site.people.len()).map(PageItem::Person);
    articles.chain(events).chain(people).collect()
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
            // Grouped once: filtering every link per paragraph cost the
            // paragraphs times the links of a long article (issue 12).
            let mut by_paragraph: std::collections::BTreeMap<usize, Vec<NameLink>> =
                Default::default();
            for (para, l) in &links {
                by_paragraph.entry(*para).or_default().push(l.clone());
            }
            let names =
                |p: usize| -> Vec<NameLink> { by_paragraph.get(&p).cloned().unwrap_or_default() };
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
