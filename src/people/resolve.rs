//! From per-article analyses to people: group spellings, map every mention,
//! role and quote to its person, and assemble the pages' data.

use super::cluster::{Candidate, Clusters};
use super::context::{Contexts, WordTypes};
use super::curated::Curation;
use super::evidence::Evidence;
use super::{CoMention, MentionRef, Person, QuoteRef, Role};
use crate::content::Article;
use crate::date::Date;
use crate::nlp::analysis::{Analysis, Mention, MentionKind};
use crate::nlp::names::{self, NameKey};
use crate::nlp::sentences;
use std::collections::{BTreeMap, BTreeSet};

/// One person's data while it is gathered.
#[derive(Default)]
struct Acc {
    mentions: Vec<(usize, MentionRef)>,
    quotes: Vec<(usize, QuoteRef)>,
    roles: BTreeSet<(usize, usize, String)>,
    articles: BTreeSet<usize>,
    spellings: BTreeMap<String, BTreeSet<usize>>,
    surfaces: BTreeSet<String>,
    in_prose: bool,
}

/// Resolves the people of a corpus. `analyses[i]` is the analysis of
/// `articles[i]`; drafts are skipped. Deterministic: sorted by slug.
pub fn resolve(articles: &[Article], analyses: &[Analysis], curation: &Curation) -> Vec<Person> {
    resolve_memoised(
        articles,
        analyses,
        None,
        curation,
        &mut super::memo::empty(),
    )
}

/// [`resolve`], reusing each article's extra mentions from `memo` while
/// still valid (see [`super::memo`]); `keys` are the articles' content
/// hashes ([`crate::cache::key`]) when the caller has them.
pub fn resolve_memoised(
    articles: &[Article],
    analyses: &[Analysis],
    keys: Option<&[u128]>,
    curation: &Curation,
    memo: &mut super::memo::PeopleMemo,
) -> Vec<Person> {
    let docs: Vec<(&Article, &Analysis)> = articles
        .iter()
        .zip(analyses)
        .filter(|(a, _)| !a.draft)
        .collect();
    let evidence = Evidence::new(&docs);
    let clusters = Clusters::build(curation, &candidates(&docs, curation, &evidence));
    // A group the corpus shows to be a thing gets no mention, unless curated.
    let things: Vec<bool> = evidence
        .things(&clusters)
        .into_iter()
        .enumerate()
        .map(|(id, t)| t && clusters.curated[id].is_none() && clusters.alias_group[id].is_none())
        .collect();
    let surnames = clusters.unique_surnames();
    let contexts = Contexts::new(&docs, &clusters);
    let mut accs: Vec<Acc> = (0..clusters.len()).map(|_| Acc::default()).collect();
    let corpus = super::memo::Corpus {
        clusters: &clusters,
        surnames: &surnames,
    };
    let keys: Option<Vec<u128>> = keys.map(|k| {
        articles
            .iter()
            .zip(k)
            .filter(|(a, _)| !a.draft)
            .map(|(_, &k)| k)
            .collect()
    });
    let extras = super::memo::extra_mentions_all(&docs, keys, &corpus, memo);
    for (d, ((article, analysis), extra)) in docs.iter().zip(extras).enumerate() {
        let mut mentions = analysis.mentions.clone();
        mentions.extend(extra);
        let find =
            |name: &str| locate(&clusters, curation, &contexts, d, name).filter(|&id| !things[id]);
        for (m, (id, r)) in resolve_mentions(article, &mentions, &find) {
            let acc = &mut accs[id];
            acc.articles.insert(d);
            acc.in_prose |= !m.in_caption;
            acc.surfaces.insert(r.surface.clone());
            if m.kind == MentionKind::Full {
                acc.spellings
                    .entry(r.surface.clone())
                    .or_default()
                    .insert(d);
            }
            acc.mentions.push((d, r));
        }
        for n in &article.people {
            if let Some(id) = find(n) {
                accs[id].articles.insert(d);
                accs[id].in_prose = true;
                accs[id].spellings.entry(clean(n)).or_default().insert(d);
                accs[id].surfaces.insert(clean(n));
            }
        }
        for r in &analysis.roles {
            if let Some(id) = find(&r.name) {
                accs[id].roles.insert((d, r.paragraph, r.title.clone()));
            }
        }
        for q in &analysis.quotes {
            if let Some(id) = find(&q.speaker) {
                let anchor = anchor(article, q.paragraph);
                let quote = QuoteRef {
                    text: q.text.clone(),
                    article: article.id.clone(),
                    paragraph: q.paragraph,
                    anchor,
                    verb: q.verb.clone(),
                };
                accs[id].quotes.push((d, quote));
            }
        }
    }
    assemble(&docs, &clusters, curation, accs)
}

/// Mentions of one article a huge article has (issue 12: a 10 MB article
/// has 100,000) past which they are resolved on all cores.
const PARALLEL_MENTIONS: usize = 4096;

/// The mentions of `article` that `find` gives a person, with that person
/// and the mention's [`MentionRef`], in the order of `mentions`. Each
/// mention is resolved on its own, so a huge article's are resolved in
/// parallel, their sentences split once per paragraph beforehand.
fn resolve_mentions<'m>(
    article: &Article,
    mentions: &'m [Mention],
    find: &(dyn Fn(&str) -> Option<usize> + Sync),
) -> Vec<(&'m Mention, (usize, MentionRef))> {
    use rayon::prelude::*;
    let one = |m: &'m Mention, splits: &Splits| {
        find(&m.name).map(|id| (m, (id, mention_ref(article, m, splits))))
    };
    if mentions.len() < PARALLEL_MENTIONS {
        let splits = Splits::new(article, mentions.iter().map(|m| m.paragraph), false);
        return mentions.iter().filter_map(|m| one(m, &splits)).collect();
    }
    let splits = Splits::new(article, mentions.iter().map(|m| m.paragraph), true);
    mentions
        .par_iter()
        .with_min_len(256)
        .filter_map(|m| one(m, &splits))
        .collect()
}

/// Full-name spellings of the corpus, with their article counts.
fn candidates(
    docs: &[(&Article, &Analysis)],
    curation: &Curation,
    evidence: &Evidence,
) -> Vec<Candidate> {
    use rayon::prelude::*;
    let types = WordTypes::new(docs);
    // Every name found (or listed) as (article, name, in a caption, found).
    let all: Vec<(usize, &str, bool, bool)> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, (article, analysis))| {
            let names = analysis
                .mentions
                .iter()
                .map(move |m| (d, m.name.as_str(), m.in_caption, true));
            let listed = article
                .people
                .iter()
                .map(move |n| (d, n.as_str(), false, false));
            names.chain(listed)
        })
        .collect();
    // Each name's key, when it is a candidate, on all cores (issue 12: a
    // huge article's 100,000 names were keyed and tested on one thread);
    // sorted, a key's entries are a run, in the order of a map's keys.
    let mut found: Vec<(NameKey, usize, bool)> = all
        .into_par_iter()
        .with_min_len(512)
        .filter_map(|(d, name, caption, found)| {
            let key = names::normalise(name);
            let thing = found && (types.is_thing(&key) || !evidence.allows(&key, &types));
            (is_full(&key) && !thing && !curation.never.contains(&key)).then_some((key, d, caption))
        })
        .collect();
    found.par_sort_unstable();
    found
        .chunk_by(|a, b| a.0 == b.0)
        .map(|run| Candidate {
            key: run[0].0.clone(),
            // Sorted by article within the run: count the changes.
            articles: run.chunk_by(|a, b| a.1 == b.1).count(),
            caption_only: run.iter().all(|e| e.2),
        })
        .collect()
}

fn is_full(key: &NameKey) -> bool {
    names::name_words(key) >= 2 && !key.words().first().is_some_and(|w| names::is_particle(w))
}

/// The group of an in-article name (of article `d`), unless it is listed as
/// never a person. A bare name needs a curated alias or strong context.
fn locate(
    clusters: &Clusters,
    curation: &Curation,
    contexts: &Contexts,
    d: usize,
    name: &str,
) -> Option<usize> {
    let key = names::normalise(name);
    if curation.never.contains(&key) {
        return None;
    }
    if is_full(&key) {
        clusters.full(&key)
    } else if let Some(id) = clusters.forced_bare(&key) {
        Some(id)
    } else if let Some(id) = clusters.bare(&key) {
        Some(id).filter(|&id| contexts.supports(id, d))
    } else {
        // A surname several people share: the one person the article's
        // context supports, and only when exactly one is.
        let mut supported = clusters
            .bare_shared(&key)
            .into_iter()
            .filter(|&id| contexts.supports(id, d));
        match (supported.next(), supported.next()) {
            (Some(id), None) => Some(id),
            _ => None,
        }
    }
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What two spellings of one role share: lower case, possessive marks and
/// extra spaces dropped ("Borvia's trade envoy" ~ "Borvia trade envoy").
fn role_key(title: &str) -> String {
    let lower = title.to_lowercase().replace("'s ", " ").replace("’s ", " ");
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn anchor(article: &Article, paragraph: usize) -> String {
    article
        .paragraphs
        .get(paragraph)
        .map(|p| p.anchor.clone())
        .unwrap_or_default()
}

/// Sentence ranges of an article's paragraphs, split once each: a long
/// paragraph with many mentions was split once per mention (issue 12).
struct Splits(BTreeMap<usize, Vec<std::ops::Range<usize>>>);

impl Splits {
    /// The sentences of `paragraphs` of `article` (on all cores when
    /// `parallel`).
    fn new(article: &Article, paragraphs: impl Iterator<Item = usize>, parallel: bool) -> Self {
        use rayon::prelude::*;
        let wanted: BTreeSet<usize> = paragraphs
            .filter(|&p| p < article.paragraphs.len())
            .collect();
        let split = |p: usize| (p, sentences::split(&article.paragraphs[p].text));
        Splits(if parallel {
            wanted.into_par_iter().map(split).collect()
        } else {
            wanted.into_iter().map(split).collect()
        })
    }

    /// The sentence of paragraph `p` holding byte `at`.
    fn around(&self, p: usize, at: usize) -> Option<std::ops::Range<usize>> {
        let ranges = self.0.get(&p)?;
        let k = ranges.partition_point(|r| r.end <= at);
        ranges.get(k).filter(|r| r.start <= at).cloned()
    }
}

fn mention_ref(article: &Article, m: &Mention, splits: &Splits) -> MentionRef {
    let text = article
        .paragraphs
        .get(m.paragraph)
        .map_or("", |p| p.text.as_str());
    let snippet = splits
        .around(m.paragraph, m.span.start)
        .map_or_else(String::new, |r| clean(&text[r]));
    MentionRef {
        article: article.id.clone(),
        paragraph: m.paragraph,
        anchor: anchor(article, m.paragraph),
        snippet,
        surface: clean(&m.surface),
        span: m.span.clone(),
        name: clean(&m.name),
        in_caption: m.in_caption,
    }
}

/// Canonical spelling: most articles, then most words (the most complete
/// form), then most non-ASCII letters (keeps diacritics), then alphabetical.
fn canonical(spellings: &BTreeMap<String, BTreeSet<usize>>) -> Option<String> {
    spellings
        .iter()
        .max_by_key(|(s, arts)| {
            let words = s.split_whitespace().count();
            let non_ascii = s.chars().filter(|c| !c.is_ascii()).count();
            (
                arts.len(),
                words,
                non_ascii,
                std::cmp::Reverse((*s).clone()),
            )
        })
        .map(|(s, _)| s.clone())
}

/// Newest first, then by id: the order of `Person::articles`.
fn article_order(docs: &[(&Article, &Analysis)], d: usize) -> (std::cmp::Reverse<Date>, String) {
    (std::cmp::Reverse(docs[d].0.date), docs[d].0.id.clone())
}

fn assemble(
    docs: &[(&Article, &Analysis)],
    clusters: &Clusters,
    curation: &Curation,
    accs: Vec<Acc>,
) -> Vec<Person> {
    let mut people: Vec<(usize, Person)> = Vec::new();
    for (id, mut acc) in accs.into_iter().enumerate() {
        let curated = clusters.curated[id].map(|i| &curation.people[i]);
        if acc.articles.is_empty() || (!acc.in_prose && curated.is_none()) {
            continue;
        }
        let group = clusters.alias_group[id].map(|i| curation.aliases[i].canonical.clone());
        let Some(name) = curated
            .map(|c| c.name.clone())
            .or(group)
            .or_else(|| canonical(&acc.spellings))
        else {
            continue;
        };
        let mut arts: Vec<usize> = acc.articles.iter().copied().collect();
        arts.sort_by_key(|&d| article_order(docs, d));
        let rank = |d: usize| arts.iter().position(|&x| x == d).unwrap_or(usize::MAX);
        acc.mentions
            .sort_by_key(|(d, m)| (rank(*d), m.paragraph, m.span.start));
        acc.quotes.sort_by_key(|(d, q)| (rank(*d), q.paragraph));
        let curated_role = curated.and_then(|c| c.role.clone()).map(|title| Role {
            title,
            article: None,
            paragraph: 0,
            anchor: String::new(),
            date: None,
        });
        let mut roles: Vec<Role> = curated_role.into_iter().collect();
        let mut stated: Vec<&(usize, usize, String)> = acc.roles.iter().collect();
        stated.sort_by_key(|(d, p, t)| (rank(*d), *p, t.clone()));
        for &(d, paragraph, ref title) in stated {
            let a = docs[d].0;
            // "LSE's chief executive" and "LSE chief executive" are one role:
            // a later spelling takes the first one's title.
            let title = roles
                .iter()
                .find(|r| role_key(&r.title) == role_key(title))
                .map_or_else(|| title.clone(), |r| r.title.clone());
            if !roles
                .iter()
                .any(|r| r.title == title && r.article.as_deref() == Some(a.id.as_str()))
            {
                roles.push(Role {
                    title,
                    article: Some(a.id.clone()),
                    paragraph,
                    anchor: anchor(a, paragraph),
                    date: Some(a.date),
                });
            }
        }
        let dates: Vec<Date> = arts.iter().map(|&d| docs[d].0.date).collect();
        people.push((
            id,
            Person {
                slug: curated.map_or_else(|| names::slug(&name), |c| c.slug.clone()),
                name,
                aliases: acc.surfaces.into_iter().collect(),
                roles,
                mentions: acc.mentions.into_iter().map(|(_, m)| m).collect(),
                quotes: acc.quotes.into_iter().map(|(_, q)| q).collect(),
                articles: arts.iter().map(|&d| docs[d].0.id.clone()).collect(),
                co_mentioned: Vec::new(),
                first_seen: dates.iter().copied().min().unwrap_or(docs[arts[0]].0.date),
                last_seen: dates.iter().copied().max().unwrap_or(docs[arts[0]].0.date),
                bio: curated.and_then(|c| c.bio.clone()),
                links: curated.map(|c| c.links.clone()).unwrap_or_default(),
                curated: curated.is_some(),
            },
        ));
    }
    let mut people: Vec<Person> = people.into_iter().map(|(_, p)| p).collect();
    unique_slugs(&mut people);
    co_mentions(&mut people);
    people.sort_by(|a, b| a.slug.cmp(&b.slug));
    people
}

/// Two people with the same slug (namesakes that could not be told apart by
/// name alone) get `-2`, `-3`, … in a stable order: curated first, then by
/// first appearance.
fn unique_slugs(people: &mut [Person]) {
    people.sort_by(|a, b| {
        (a.slug.clone(), !a.curated, a.first_seen, a.articles.clone()).cmp(&(
            b.slug.clone(),
            !b.curated,
            b.first_seen,
            b.articles.clone(),
        ))
    });
    let mut used: BTreeSet<String> = BTreeSet::new();
    for p in people.iter_mut() {
        let base = if p.slug.is_empty() {
            "person".to_string()
        } else {
            p.slug.clone()
        };
        let mut slug = base.clone();
        let mut n = 2;
        while used.contains(&slug) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        used.insert(slug.clone());
        p.slug = slug;
    }
}

/// People of one article that count as co-mentioned with each other: its
/// most-named ones. Every pair of an article's people is counted, so an
/// article naming thousands (a long dump) cost their square in time,
/// memory and person pages (issue 12); a news article names far fewer.
const MAX_CO_MENTIONED: usize = 64;

fn co_mentions(people: &mut [Person]) {
    // article → (mentions there, person), the most-named first.
    let mut by_article: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    for (i, p) in people.iter().enumerate() {
        let mut named: BTreeMap<&str, usize> = BTreeMap::new();
        for m in &p.mentions {
            *named.entry(m.article.as_str()).or_default() += 1;
        }
        for a in &p.articles {
            let n = named.get(a.as_str()).copied().unwrap_or(0);
            by_article.entry(a.as_str()).or_default().push((n, i));
        }
    }
    let by_article = by_article.into_values().map(|mut named| {
        if named.len() > MAX_CO_MENTIONED {
            named.sort_by_key(|&(n, i)| (std::cmp::Reverse(n), i));
            named.truncate(MAX_CO_MENTIONED);
        }
        named.into_iter().map(|(_, i)| i).collect::<Vec<usize>>()
    });
    let mut counts: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); people.len()];
    for ids in by_article {
        for &i in &ids {
            for &j in ids.iter().filter(|&&j| j != i) {
                *counts[i].entry(j).or_default() += 1;
            }
        }
    }
    let names: Vec<(String, String)> = people
        .iter()
        .map(|p| (p.slug.clone(), p.name.clone()))
        .collect();
    for (i, p) in people.iter_mut().enumerate() {
        let mut list: Vec<CoMention> = counts[i]
            .iter()
            .map(|(&j, &count)| CoMention {
                slug: names[j].0.clone(),
                name: names[j].1.clone(),
                count,
            })
            .collect();
        list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.slug.cmp(&b.slug)));
        p.co_mentioned = list;
    }
}

/// (article id, in-article name) → person slug, for linking names in
/// article pages.
pub fn name_index(people: &[Person]) -> BTreeMap<(String, String), String> {
    let mut out = BTreeMap::new();
    for p in people {
        for m in &p.mentions {
            out.insert((m.article.clone(), m.name.clone()), p.slug.clone());
        }
    }
    out
}

#[cfg(test)]
#[path = "resolve_tests.rs"]
mod tests;
