//! The finished, immutable [`Site`] and the pipeline that builds it.
//!
//! `Site::build` runs the stages in order — content → nlp → people → events —
//! and joins their results. It decides nothing itself beyond wiring: each
//! stage owns its decisions, and `render` only presents the result.

use crate::addresses::{self, Addressable, AddressBook, Redirect};
use crate::config::Config;
use crate::content::{self, Article, ContentErrors, Skipped};
use crate::events::{self, Event};
use crate::nlp::analysis::{self, Analysis};
use crate::people::{self, Person};
use std::collections::BTreeMap;
use std::fmt;

/// Everything the renderer needs, fully decided.
pub struct Site {
    /// Configuration.
    pub config: Config,
    /// Published articles (no drafts), sorted by id.
    pub articles: Vec<Article>,
    /// Per-article analysis, parallel to `articles`.
    pub analyses: Vec<Analysis>,
    /// People, sorted by slug.
    pub people: Vec<Person>,
    /// Events, newest first.
    pub events: Vec<Event>,
    /// Article id → event slug.
    pub article_event: BTreeMap<String, String>,
    /// Person slug → event slugs, newest event first.
    pub person_events: BTreeMap<String, Vec<String>>,
    /// Files in the content directory that are not articles, and drafts.
    pub skipped: Vec<Skipped>,
    /// Addresses that moved, as redirect pages.
    pub redirects: Vec<Redirect>,
    /// (article id, in-article resolved name) → person slug, for linking names.
    pub name_index: BTreeMap<(String, String), String>,
    /// Per-article clustering explanations, by article id.
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
    /// Runs the pipeline over `config.content_path()`.
    pub fn build(config: &Config) -> Result<Site, BuildError> {
        let dir = config.content_path();
        let loaded = content::load(&dir).map_err(BuildError::Content)?;
        let mut skipped = loaded.skipped;
        let mut articles = Vec::with_capacity(loaded.articles.len());
        for a in loaded.articles {
            if a.draft {
                skipped.push(Skipped { path: a.source_path.clone(), reason: "draft: true".into() });
            } else {
                articles.push(a);
            }
        }
        articles.sort_by(|a, b| a.id.cmp(&b.id));
        let analyses: Vec<Analysis> = articles.iter().map(analysis::analyze).collect();

        let curation = people::load_curation(&dir, &config.never_people, &config.aliases)
            .map_err(|errs| BuildError::Curation(errs.iter().map(|e| e.to_string()).collect()))?;
        let people = people::resolve(&articles, &analyses, &curation);

        let curated_events = events::curated::load(&dir)
            .map_err(|errs| BuildError::Curation(errs.iter().map(|e| e.to_string()).collect()))?;
        let mut names_by_article: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for p in &people {
            for a in &p.articles {
                names_by_article.entry(a.clone()).or_default().push(p.name.clone());
            }
        }
        let mut events = events::build(&articles, &names_by_article, &curated_events);
        events.sort_by(|a, b| b.start.cmp(&a.start).then_with(|| a.slug.cmp(&b.slug)));

        let mut article_event = BTreeMap::new();
        for e in &events {
            for a in &e.articles {
                article_event.insert(a.clone(), e.slug.clone());
            }
        }
        let mut person_events: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for p in &people {
            let mut evs: Vec<&Event> = events
                .iter()
                .filter(|e| e.articles.iter().any(|a| p.articles.contains(a)))
                .collect();
            evs.sort_by(|a, b| b.start.cmp(&a.start).then_with(|| a.slug.cmp(&b.slug)));
            person_events.insert(p.slug.clone(), evs.iter().map(|e| e.slug.clone()).collect());
        }
        Ok(Site {
            config: config.clone(),
            articles,
            analyses,
            people,
            events,
            article_event,
            person_events,
            skipped,
        })
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.binary_search_by(|a| a.id.as_str().cmp(id)).ok().map(|i| &self.articles[i])
    }

    /// The person with this slug.
    pub fn person(&self, slug: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.slug == slug)
    }

    /// The event with this slug.
    pub fn event(&self, slug: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.slug == slug)
    }
}
