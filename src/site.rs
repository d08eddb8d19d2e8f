//! The finished, immutable [`Site`] and the pipeline that builds it.
//!
//! `Site::build` runs the stages in order — content → nlp → people → events —
//! and joins their results. It decides nothing itself beyond wiring: each
//! stage owns its decisions, and `render` only presents the result.

use crate::addresses::{self, AddressBook, Addressable, Redirect};
use crate::cache::Cache;
use crate::config::Config;
use crate::content::{self, Article, ContentErrors, Skipped};
use crate::date::Date;
use crate::events::{self, Event};
use crate::nlp::analysis::Analysis;
use crate::people::{self, Person};
use crate::timings::Timings;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Everything the renderer needs, fully decided.
pub struct Site {
    /// Configuration.
    pub config: Config,
    /// Published articles (no drafts), sorted by id.
    pub articles: Vec<Article>,
    /// Per-article analysis, parallel to `articles`.
    pub analyses: Vec<Analysis>,
    /// Content hash of each article ([`crate::cache::key`]), parallel to
    /// `articles`.
    pub article_keys: Vec<u128>,
    /// People, sorted by slug.
    pub people: Vec<Person>,
    /// Events, newest first.
    pub events: Vec<Event>,
    /// Article id → event slug.
    pub article_event: BTreeMap<String, String>,
    /// Person slug → event slugs, newest event first.
    pub person_events: BTreeMap<String, Vec<String>>,
    /// Event slug → (person slug, mentions in the event), most mentioned first.
    pub event_people: BTreeMap<String, Vec<(String, usize)>>,
    /// Article id → indexes into `people` of the people it names, by name.
    pub article_people: BTreeMap<String, Vec<usize>>,
    /// Slug → index into `people`.
    person_index: BTreeMap<String, usize>,
    /// Slug → index into `events`.
    event_index: BTreeMap<String, usize>,
    /// Files in the content directory that are not articles, and drafts.
    pub skipped: Vec<Skipped>,
    /// Addresses that moved, as redirect pages.
    pub redirects: Vec<Redirect>,
    /// (article id, in-article resolved name) → person slug, for linking names.
    pub name_index: BTreeMap<(String, String), String>,
    /// Event index → indexes into `people` of the people it names (for
    /// related events, by integer id).
    pub event_person_ids: Vec<Vec<u32>>,
    /// Person index → indexes into `events` of the events naming them.
    pub person_event_ids: Vec<Vec<u32>>,
    /// Clustering explanations, by article id, of the articles the build
    /// was asked to explain ([`Site::build_explaining`]); none otherwise.
    pub explanations: BTreeMap<String, String>,
}

/// Why a build failed. Every variant lists all problems it found.
#[derive(Debug)]
pub enum BuildError {
    /// Articles that could not be read.
    Content(ContentErrors),
    /// Curation files (`content/people/`, `content/events/`) that could not be read.
    Curation(Vec<String>),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Content(e) => write!(f, "{e}"),
            BuildError::Curation(list) => {
                for e in list {
                    writeln!(f, "{e}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for BuildError {}

impl Site {
    /// Runs the pipeline with no memory of earlier addresses, keeping every
    /// article's clustering explanation (for evaluations and tests; a site
    /// build keeps none).
    pub fn build(config: &Config) -> Result<Site, BuildError> {
        let (book, mut cache) = (AddressBook::default(), Cache::default());
        let mut timings = Timings::default();
        Site::build_explaining(config, &book, &mut cache, &mut timings, &|_| true)
            .map(|(site, _)| site)
    }

    /// Runs the pipeline over `config.content_path()`, keeping the addresses
    /// in `book` stable and reusing analyses from `cache`; returns the site
    /// and the updated address book.
    pub fn build_with(
        config: &Config,
        book: &AddressBook,
        cache: &mut Cache,
    ) -> Result<(Site, AddressBook), BuildError> {
        Site::build_timed(config, book, cache, &mut Timings::default())
    }

    /// [`Site::build_with`], recording each stage's time in `timings`.
    pub fn build_timed(
        config: &Config,
        book: &AddressBook,
        cache: &mut Cache,
        timings: &mut Timings,
    ) -> Result<(Site, AddressBook), BuildError> {
        Site::build_explaining(config, book, cache, timings, &|_| false)
    }

    /// [`Site::build_timed`], keeping the clustering explanation of each
    /// article `explain` picks (for `briefing explain`; the explanations of
    /// every article would only cost memory).
    pub fn build_explaining(
        config: &Config,
        book: &AddressBook,
        cache: &mut Cache,
        timings: &mut Timings,
        explain: events::ExplainFilter,
    ) -> Result<(Site, AddressBook), BuildError> {
        let dir = config.content_path();
        // Both kinds of curation file are read before either is used, so
        // that every bad file of either kind is listed at once, and
        // first, so a bad file fails before the (slow) analysis (issue 12).
        let (curation, curated_events) = match (
            people::load_curation(&dir, &config.never_people, &config.aliases),
            events::curated::load(&dir),
        ) {
            (Ok(c), Ok(e)) => (c, e),
            (c, e) => {
                let errs = c.err().into_iter().chain(e.err()).flatten();
                return Err(BuildError::Curation(errs.map(|e| e.to_string()).collect()));
            }
        };
        let loaded = content::load_memoised(&dir, config.load, &cache.parsed)
            .map_err(BuildError::Content)?;
        // Written now, so the encoded articles are freed before analysis.
        cache.parsed.flush(&config.root);
        let mut skipped = loaded.skipped;
        let mut articles = Vec::with_capacity(loaded.articles.len());
        for a in loaded.articles {
            if a.draft && !config.drafts {
                skipped.push(Skipped {
                    path: a.source_path.clone(),
                    reason: "draft: true".into(),
                    ..Default::default()
                });
            } else {
                articles.push(a);
            }
        }
        keep_article_ids(&mut articles, book);
        articles.sort_by(|a, b| a.id.cmp(&b.id));
        timings.mark("read content");
        let analyses: Vec<Analysis> = cache.analyze_all(&articles);
        let article_keys = cache.keys().to_vec();
        timings.mark("analysis");
        let mut people = people::resolve_memoised(
            &articles,
            &analyses,
            Some(&article_keys),
            &curation,
            &mut cache.people,
        );
        timings.mark("people");

        let mut names_by_article: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for p in &people {
            for a in &p.articles {
                names_by_article
                    .entry(a.clone())
                    .or_default()
                    .push(p.name.clone());
            }
        }
        let built = events::build_memoised(
            &articles,
            Some(&article_keys),
            &names_by_article,
            &curated_events,
            &events::params::Params::default(),
            events::Remembered {
                briefings: &mut cache.events,
                frozen: &mut cache.frozen,
                pass: Some(&mut cache.pass),
            },
            explain,
        );
        let explanations = built.explanations;
        let mut events = built.events;
        timings.mark("events");

        // Curated events' addresses are fixed by their file names: the
        // address memory never moves them or hands them to another event.
        let fixed: BTreeSet<String> = curated_events.iter().map(|c| c.slug.clone()).collect();
        let (mut book, redirects) = stabilise_addresses(book, &mut people, &mut events, &fixed);
        book.articles = articles
            .iter()
            .map(|a| (a.source_path.clone(), a.id.clone()))
            .collect();
        events.sort_by(|a, b| b.start.cmp(&a.start).then_with(|| a.slug.cmp(&b.slug)));

        let mut article_event = BTreeMap::new();
        for e in &events {
            for a in &e.articles {
                article_event.insert(a.clone(), e.slug.clone());
            }
        }
        let person_events = person_events(&people, &events, &article_event);
        let event_people = event_people(&people, &article_event);
        let mut article_people: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, p) in people.iter().enumerate() {
            for a in &p.articles {
                article_people.entry(a.clone()).or_default().push(i);
            }
        }
        for list in article_people.values_mut() {
            list.sort_by(|&a, &b| people[a].name.cmp(&people[b].name));
        }
        let person_index = people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.slug.clone(), i))
            .collect();
        let event_index = events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.slug.clone(), i))
            .collect();
        let name_index = people::name_index(&people);
        let (event_person_ids, person_event_ids) =
            integer_links(&person_index, &event_index, &event_people, &person_events);
        timings.mark("site assembly");
        let site = Site {
            config: config.clone(),
            articles,
            analyses,
            article_keys,
            people,
            events,
            article_event,
            person_events,
            event_people,
            article_people,
            person_index,
            event_index,
            skipped,
            redirects,
            name_index,
            event_person_ids,
            person_event_ids,
            explanations,
        };
        Ok((site, book))
    }

    /// Frees what only the analysis cache and the people and events stages
    /// read: rendering shows each article's mentions, organisations and places
    /// and nothing else of its analysis. Called once the cache is saved, so
    /// that the render's peak memory does not carry every article's quotes,
    /// roles, entity spans and evidence (issue 9: peak memory).
    pub fn keep_only_rendered_analysis(&mut self) {
        for a in &mut self.analyses {
            a.quotes = Vec::new();
            a.roles = Vec::new();
            a.entities = Vec::new();
            a.person_evidence = Vec::new();
            a.thing_evidence = Vec::new();
            a.mentions.shrink_to_fit();
        }
    }

    /// The person an in-article resolved name refers to, if any.
    pub fn person_slug_for(&self, article: &str, name: &str) -> Option<String> {
        self.name_index
            .get(&(article.to_string(), name.to_string()))
            .cloned()
    }

    /// Why an article joined its event (for `briefing explain`).
    pub fn explain(&self, article: &str) -> String {
        self.explanations
            .get(article)
            .cloned()
            .unwrap_or_else(|| format!("no clustering record for `{article}`\n"))
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles
            .binary_search_by(|a| a.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.articles[i])
    }

    /// Position of the event with this slug in `events`.
    pub fn event_position(&self, slug: &str) -> Option<usize> {
        self.event_index.get(slug).copied()
    }

    /// The person with this slug.
    pub fn person(&self, slug: &str) -> Option<&Person> {
        self.person_index.get(slug).map(|&i| &self.people[i])
    }

    /// The event with this slug.
    pub fn event(&self, slug: &str) -> Option<&Event> {
        self.event_index.get(slug).map(|&i| &self.events[i])
    }

    /// People named in an article, sorted by name.
    pub fn people_in(&self, article: &str) -> impl Iterator<Item = &Person> {
        self.article_people
            .get(article)
            .into_iter()
            .flatten()
            .map(|&i| &self.people[i])
    }
}

/// `event_people` and `person_events` as integer ids: per event, its
/// people; per person, their events (both sorted, without duplicates).
fn integer_links(
    person_index: &BTreeMap<String, usize>,
    event_index: &BTreeMap<String, usize>,
    event_people: &BTreeMap<String, Vec<(String, usize)>>,
    person_events: &BTreeMap<String, Vec<String>>,
) -> (Vec<Vec<u32>>, Vec<Vec<u32>>) {
    let mut by_event = vec![Vec::new(); event_index.len()];
    let mut by_person = vec![Vec::new(); person_index.len()];
    for (slug, people) in event_people {
        if let Some(&e) = event_index.get(slug) {
            by_event[e] = people
                .iter()
                .filter_map(|(p, _)| person_index.get(p).map(|&p| p as u32))
                .collect();
        }
    }
    for (slug, events) in person_events {
        if let Some(&p) = person_index.get(slug) {
            by_person[p] = events
                .iter()
                .filter_map(|e| event_index.get(e).map(|&e| e as u32))
                .collect();
        }
    }
    for v in by_event.iter_mut().chain(by_person.iter_mut()) {
        v.sort_unstable();
        v.dedup();
    }
    (by_event, by_person)
}

/// Person slug → events naming them, newest first (through `article_event`,
/// so the cost is the number of (person, article) pairs).
fn person_events(
    people: &[Person],
    events: &[Event],
    article_event: &BTreeMap<String, String>,
) -> BTreeMap<String, Vec<String>> {
    let start: BTreeMap<&str, Date> = events.iter().map(|e| (e.slug.as_str(), e.start)).collect();
    let mut out = BTreeMap::new();
    for p in people {
        let mut evs: Vec<&str> = p
            .articles
            .iter()
            .filter_map(|a| article_event.get(a))
            .map(String::as_str)
            .collect();
        evs.sort_by(|a, b| start[b].cmp(&start[a]).then_with(|| a.cmp(b)));
        evs.dedup();
        out.insert(p.slug.clone(), evs.into_iter().map(String::from).collect());
    }
    out
}

/// Event slug → its people with their mention counts, most mentioned first.
fn event_people(
    people: &[Person],
    article_event: &BTreeMap<String, String>,
) -> BTreeMap<String, Vec<(String, usize)>> {
    let mut counts: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for p in people {
        for m in &p.mentions {
            if let Some(e) = article_event.get(&m.article) {
                *counts.entry(e).or_default().entry(&p.slug).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .map(|(e, by_person)| {
            let mut v: Vec<(String, usize)> = by_person
                .into_iter()
                .map(|(p, n)| (p.to_string(), n))
                .collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            (e.to_string(), v)
        })
        .collect()
}

/// An article keeps the address it was first published at, even when its
/// title (and so its computed slug) changes, unless another article now
/// holds that id.
fn keep_article_ids(articles: &mut [Article], book: &AddressBook) {
    let mut taken: std::collections::BTreeSet<String> =
        articles.iter().map(|a| a.id.clone()).collect();
    for a in articles.iter_mut() {
        if let Some(old) = book.articles.get(&a.source_path) {
            if *old != a.id && !taken.contains(old) {
                taken.remove(&a.id);
                a.id = old.clone();
                taken.insert(old.clone());
            }
        }
    }
}

/// Applies the address memory: stable slugs for events and people, redirects
/// for addresses that moved, and the updated memory to save.
fn stabilise_addresses(
    book: &AddressBook,
    people: &mut [Person],
    events: &mut [Event],
    fixed: &BTreeSet<String>,
) -> (AddressBook, Vec<Redirect>) {
    let mut redirects = Vec::new();
    let mut next = AddressBook {
        version: 1,
        ..Default::default()
    };

    let event_members: Vec<Vec<String>> = events.iter().map(|e| e.articles.clone()).collect();
    let mut items: Vec<Addressable> = events
        .iter_mut()
        .zip(&event_members)
        .filter(|(e, _)| !fixed.contains(&e.slug))
        .map(|(e, m)| Addressable {
            slug: &mut e.slug,
            members: m,
        })
        .collect();
    let remembered: BTreeMap<String, addresses::Entry> = book
        .events
        .iter()
        .filter(|(slug, _)| !fixed.contains(*slug))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let (section, moved) = addresses::stabilise(&remembered, &mut items);
    next.events = section;
    for (from, to) in moved {
        let title = events
            .iter()
            .find(|e| e.slug == to)
            .map_or_else(|| "All events".to_string(), |e| e.title.clone());
        let to = if to.is_empty() {
            "events/".to_string()
        } else {
            format!("events/{to}/")
        };
        redirects.push(Redirect {
            from: format!("events/{from}/"),
            to,
            title,
        });
    }

    let person_members: Vec<Vec<String>> = people.iter().map(|p| p.articles.clone()).collect();
    let old_slugs: Vec<String> = people.iter().map(|p| p.slug.clone()).collect();
    let mut items: Vec<Addressable> = people
        .iter_mut()
        .zip(&person_members)
        .map(|(p, m)| Addressable {
            slug: &mut p.slug,
            members: m,
        })
        .collect();
    let (section, moved) = addresses::stabilise(&book.people, &mut items);
    next.people = section;
    // Co-mentions refer to people by slug: follow the renames.
    let renamed: BTreeMap<String, String> = old_slugs
        .into_iter()
        .zip(people.iter().map(|p| p.slug.clone()))
        .filter(|(a, b)| a != b)
        .collect();
    for p in people.iter_mut() {
        for c in &mut p.co_mentioned {
            if let Some(n) = renamed.get(&c.slug) {
                c.slug = n.clone();
            }
        }
    }
    for (from, to) in moved {
        let title = people
            .iter()
            .find(|p| p.slug == to)
            .map_or_else(|| "All people".to_string(), |p| p.name.clone());
        let to = if to.is_empty() {
            "people/".to_string()
        } else {
            format!("people/{to}/")
        };
        redirects.push(Redirect {
            from: format!("people/{from}/"),
            to,
            title,
        });
    }
    redirects.sort_by(|a, b| a.from.cmp(&b.from));
    (next, redirects)
}
