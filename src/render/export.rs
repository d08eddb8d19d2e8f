//! The JSON data export: `data/{articles,people,events}.json`.
//!
//! A contract other tools read: field names are fixed by issue #2 and only
//! ever extended. Arrays are sorted (articles by id, people by slug, events
//! newest first) so the files are byte-identical for the same input.
//!
//! A field whose value is empty (null, false, an empty string, an empty list) is
//! left out of its record: an absent field means empty. At 19k articles the
//! empty fields were about 1.1 MB of the export.

use super::context::{article_url, event_url, person_url};
use crate::nlp::analysis::EntityCount;
use crate::site::Site;
use serde::Serialize;

#[derive(Serialize)]
struct ArticleRecord<'a> {
    id: &'a str,
    source_path: &'a str,
    title: &'a str,
    date: String,
    /// Where the date came from (`front_matter`, `date_line`, …, `file_mtime`).
    date_source: crate::content::DateSource,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    people: Vec<&'a str>,
    /// Organisations named, most mentioned first, with counts.
    #[serde(skip_serializing_if = "empty_slice")]
    organisations: &'a [EntityCount],
    /// Places named, most mentioned first, with counts.
    #[serde(skip_serializing_if = "empty_slice")]
    places: &'a [EntityCount],
    permalink: String,
}

#[derive(Serialize)]
struct PersonRecord<'a> {
    slug: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "empty_slice")]
    aliases: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    roles: Vec<&'a str>,
    #[serde(skip_serializing_if = "empty_slice")]
    articles: &'a [String],
    #[serde(skip_serializing_if = "empty_slice")]
    events: &'a [String],
    mentions: usize,
    permalink: String,
}

#[derive(Serialize)]
struct EventRecord<'a> {
    slug: &'a str,
    title: &'a str,
    start: String,
    end: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<&'a str>,
    #[serde(skip_serializing_if = "empty_slice")]
    articles: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    people: Vec<&'a str>,
    permalink: String,
    /// The lede's sentences, joined; the curated summary when there is one.
    #[serde(skip_serializing_if = "String::is_empty")]
    lede: String,
    /// Facts, each once, with the articles that report them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    summary: Vec<StatementRecord<'a>>,
    /// Key quotes, spread across speakers, each with every reporting article.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    quotes: Vec<QuoteRecord>,
    /// Dated happenings, by date.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    timeline: Vec<DatedRecord<'a>>,
    /// Happenings dated after the event's last article.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    next: Vec<DatedRecord<'a>>,
}

/// A briefing sentence and its provenance.
#[derive(Serialize)]
struct StatementRecord<'a> {
    text: &'a str,
    article: &'a str,
    paragraph: usize,
    sources: &'a [String],
}

/// A key quote: speaker is a person slug.
#[derive(Serialize)]
struct QuoteRecord {
    speaker: String,
    text: String,
    article: String,
    paragraph: usize,
    sources: Vec<String>,
    /// The speaker is outside the main parties (a reaction); left out when false.
    #[serde(skip_serializing_if = "is_false")]
    reaction: bool,
}

/// A dated happening.
#[derive(Serialize)]
struct DatedRecord<'a> {
    date: String,
    /// Left out when false (the date is exact).
    #[serde(skip_serializing_if = "is_false")]
    approximate: bool,
    text: &'a str,
    article: &'a str,
    paragraph: usize,
    sources: &'a [String],
}

/// `skip_serializing_if` for flags: false is a flag's empty value.
fn is_false(flag: &bool) -> bool {
    !*flag
}

/// `skip_serializing_if` for borrowed lists.
fn empty_slice<T>(list: &&[T]) -> bool {
    list.is_empty()
}

fn dated(list: &[crate::events::Dated]) -> Vec<DatedRecord<'_>> {
    list.iter()
        .map(|d| DatedRecord {
            date: d.date.to_string(),
            approximate: d.approximate,
            text: &d.text,
            article: &d.article,
            paragraph: d.paragraph,
            sources: &d.articles,
        })
        .collect()
}

fn event_record<'a>(site: &'a Site, e: &'a crate::events::Event) -> EventRecord<'a> {
    EventRecord {
        slug: &e.slug,
        title: &e.title,
        start: e.start.to_string(),
        end: e.end.to_string(),
        place: e.place.as_deref(),
        articles: &e.articles,
        people: site
            .event_people
            .get(&e.slug)
            .into_iter()
            .flatten()
            .map(|(p, _)| p.as_str())
            .collect(),
        permalink: site.config.absolute(&event_url(&e.slug)),
        // A curated summary is the lede the page shows: export it too.
        lede: e.curated_summary.clone().unwrap_or_else(|| {
            e.lede
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        }),
        summary: e
            .summary
            .iter()
            .map(|s| StatementRecord {
                text: &s.text,
                article: &s.article,
                paragraph: s.paragraph,
                sources: &s.sources,
            })
            .collect(),
        quotes: super::briefing::event_voices(site, e)
            .into_iter()
            .map(|v| QuoteRecord {
                speaker: v.speaker,
                text: v.text,
                article: v.article,
                paragraph: v.paragraph,
                sources: v.sources,
                reaction: v.reaction,
            })
            .collect(),
        timeline: dated(&e.timeline),
        next: dated(&e.next),
    }
}

/// Hands the three export files to `put` one at a time, each as soon as it
/// is made, so that no two are held at once (tens of MB at 19k articles).
pub fn write(site: &Site, put: &mut dyn FnMut(&str, String)) {
    let permalink = |path: String| site.config.absolute(&path);
    let people_of =
        |id: &str| -> Vec<&str> { site.people_in(id).map(|p| p.slug.as_str()).collect() };
    let articles = site
        .articles
        .iter()
        .zip(&site.analyses)
        .map(|(a, an)| ArticleRecord {
            id: &a.id,
            source_path: &a.source_path,
            title: &a.title,
            date: a.date.to_string(),
            date_source: a.date_source,
            source: a.source.as_deref(),
            url: a.url.as_deref(),
            place: a.place.as_deref(),
            event: site.article_event.get(&a.id).map(String::as_str),
            people: people_of(&a.id),
            organisations: &an.organisations,
            places: &an.places,
            permalink: permalink(article_url(&a.id)),
        });
    put("data/articles.json", to_json(articles));
    let empty = Vec::new();
    let people = site.people.iter().map(|p| {
        // One entry per distinct wording ("U.S. President" = "US president").
        let key = |t: &str| t.to_lowercase().replace('.', "");
        let mut roles: Vec<&str> = Vec::new();
        for r in &p.roles {
            if !roles.iter().any(|x| key(x) == key(&r.title)) {
                roles.push(&r.title);
            }
        }
        PersonRecord {
            slug: &p.slug,
            name: &p.name,
            aliases: &p.aliases,
            roles,
            articles: &p.articles,
            events: site.person_events.get(&p.slug).unwrap_or(&empty),
            mentions: p.mentions.len(),
            permalink: permalink(person_url(&p.slug)),
        }
    });
    put("data/people.json", to_json(people));
    let events = site.events.iter().map(|e| event_record(site, e));
    put("data/events.json", to_json(events));
}

/// A JSON array with one compact record per line: the same value as the
/// pretty form at about half the bytes (`data/*.json` were 46 MB pretty at
/// 19k articles), and still readable line by line and diffable.
/// Records are made one at a time by the iterator and written at once, so
/// only the text is held, never every record beside it (peak memory).
fn to_json<T: Serialize>(records: impl IntoIterator<Item = T>) -> String {
    let mut s = String::from("[");
    for (i, r) in records.into_iter().enumerate() {
        s.push_str(if i == 0 { "\n" } else { ",\n" });
        serde_json::to_writer(StringWriter(&mut s), &r).expect("export types always serialise");
    }
    s.push_str("\n]\n");
    s
}

/// Lets serde_json write into a `String` (it writes only valid UTF-8).
struct StringWriter<'a>(&'a mut String);

impl std::io::Write for StringWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = std::str::from_utf8(buf).map_err(std::io::Error::other)?;
        self.0.push_str(text);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    /// The compact form is the same JSON value, one record per line.
    #[test]
    fn compact_export_is_one_record_per_line() {
        let records = vec![
            serde_json::json!({"id": "a", "people": ["x", "y"]}),
            serde_json::json!({"id": "b", "people": []}),
        ];
        let text = super::to_json(&records);
        let back: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, records);
        assert_eq!(text.lines().count(), records.len() + 2);
        let empty: Vec<serde_json::Value> = Vec::new();
        let none: Vec<serde_json::Value> = serde_json::from_str(&super::to_json(&empty)).unwrap();
        assert!(none.is_empty());
    }
}
