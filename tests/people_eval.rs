//! People pages against gold data from ../shared (never copied into the
//! repository):
//!
//! - CoNLL-2003 eng.testa and a GMB slice: each document becomes an article
//!   (one paragraph per sentence), people are built, and a person page is a
//!   non-person when none of its mentions overlaps a gold PER token.
//! - ECB+ dev (ignored, slower): cross-article person identity, B³ over
//!   the gold proper-name person mentions of `person_mentions.jsonl`.
//!
//! `cargo test --release --test people_eval -- --include-ignored --nocapture`

use briefing::content::{Article, BlockKind, DateSource, Format, Paragraph};
use briefing::date::Date;
use briefing::events::eval::bcubed;
use briefing::nlp::analysis::analyze;
use briefing::people::{resolve, Curation, Person};
use std::collections::BTreeMap;

fn shared(rel: &str) -> Option<String> {
    let path = format!("{}/../shared/data/{rel}", env!("CARGO_MANIFEST_DIR"));
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(_) => {
            eprintln!("skipping: ../shared not found ({path})");
            None
        }
    }
}

/// A gold document: sentences of (token, gold tag is PER).
type GoldDoc = Vec<Vec<(String, bool)>>;

fn article(id: String, paragraphs: Vec<String>) -> Article {
    Article {
        source_path: format!("{id}.txt"),
        title: id.clone(),
        id,
        date: Date::new(1996, 8, 30).expect("valid date"),
        date_source: DateSource::FrontMatter,
        source: None,
        url: None,
        place: None,
        author: None,
        tags: vec![],
        event: None,
        people: vec![],
        summary: None,
        draft: false,
        format: Format::Text,
        paragraphs: paragraphs
            .into_iter()
            .enumerate()
            .map(|(i, text)| Paragraph {
                anchor: format!("p{}", i + 1),
                kind: BlockKind::Prose,
                text,
                markdown: None,
            })
            .collect(),
        notes: vec![],
        extra: Default::default(),
    }
}

/// Non-person pages / all pages for gold documents turned into articles.
fn non_person_pages(label: &str, docs: &[GoldDoc]) -> (usize, usize) {
    let mut articles = Vec::new();
    // Per article and paragraph: byte ranges of gold PER tokens.
    let mut gold_per: BTreeMap<(String, usize), Vec<std::ops::Range<usize>>> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        let id = format!("{label}-{d:04}");
        let mut paras = Vec::new();
        for (p, sent) in doc.iter().enumerate() {
            let mut text = String::new();
            for (w, per) in sent {
                if !text.is_empty() {
                    text.push(' ');
                }
                if *per {
                    let r = text.len()..text.len() + w.len();
                    gold_per.entry((id.clone(), p)).or_default().push(r);
                }
                text.push_str(w);
            }
            paras.push(text);
        }
        articles.push(article(id, paras));
    }
    let analyses: Vec<_> = articles.iter().map(analyze).collect();
    let people = resolve(&articles, &analyses, &Curation::default());
    let is_person = |p: &Person| {
        p.mentions.iter().any(|m| {
            gold_per
                .get(&(m.article.clone(), m.paragraph))
                .is_some_and(|rs| {
                    rs.iter()
                        .any(|r| r.start < m.span.end && m.span.start < r.end)
                })
        })
    };
    let bad: Vec<&Person> = people.iter().filter(|p| !is_person(p)).collect();
    eprintln!(
        "{label}: {} documents, {} person pages, {} non-persons ({:.2}%): {:?}",
        docs.len(),
        people.len(),
        bad.len(),
        100.0 * bad.len() as f64 / people.len().max(1) as f64,
        bad.iter().map(|p| p.name.as_str()).collect::<Vec<_>>()
    );
    (bad.len(), people.len())
}

fn conll_docs(text: &str) -> Vec<GoldDoc> {
    let mut docs: Vec<GoldDoc> = vec![vec![vec![]]];
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.first() == Some(&"-DOCSTART-") {
            docs.push(vec![vec![]]);
        } else if cols.is_empty() {
            docs.last_mut().unwrap().push(vec![]);
        } else {
            let tag = cols[cols.len() - 1];
            let doc = docs.last_mut().unwrap();
            doc.last_mut()
                .unwrap()
                .push((cols[0].to_string(), tag.ends_with("PER")));
        }
    }
    for d in &mut docs {
        d.retain(|s| !s.is_empty());
    }
    docs.retain(|d| !d.is_empty());
    docs
}

/// GMB sentences (`Sentence #,Word,POS,Tag`), in pseudo-documents of 10
/// consecutive sentences, from sentence `from` on.
fn gmb_docs(csv: &str, from: usize) -> Vec<GoldDoc> {
    let mut sents: Vec<Vec<(String, bool)>> = Vec::new();
    for line in csv.lines().skip(1) {
        // The word may be a quoted comma; the tag is the last field.
        let Some((head, tag)) = line.rsplit_once(',') else {
            continue;
        };
        let Some((head, _pos)) = head.rsplit_once(',') else {
            continue;
        };
        let Some((sent, word)) = head.split_once(',') else {
            continue;
        };
        if !sent.is_empty() || sents.is_empty() {
            sents.push(vec![]);
        }
        let word = word.trim_matches('"').to_string();
        sents.last_mut().unwrap().push((word, tag.ends_with("per")));
    }
    sents
        .into_iter()
        .skip(from)
        .collect::<Vec<_>>()
        .chunks(10)
        .map(<[_]>::to_vec)
        .collect()
}

#[test]
#[ignore = "evaluation (target not yet met on eng.testa); run with --include-ignored"]
fn person_pages_are_people_on_conll_and_gmb() {
    let Some(testa) = shared("conll2003/eng.testa") else {
        return;
    };
    let docs = conll_docs(&testa);
    assert_eq!(docs.len(), 216);
    let (bad, all) = non_person_pages("eng.testa", &docs);
    // The held-out half (even documents, see tests/ner_conll.rs).
    let held: Vec<GoldDoc> = docs.iter().step_by(2).cloned().collect();
    let (hbad, hall) = non_person_pages("eng.testa held-out half", &held);
    let gmb = shared("gmb/ner_dataset_first10927.csv").unwrap_or_default();
    let slice = gmb_docs(&gmb, 9_000);
    let (gbad, gall) = non_person_pages("GMB sentences 9,000+", &slice);
    assert!(gall > 100, "{gall} GMB pages");
    assert!(all > 500 && hall > 250, "{all} / {hall} pages");
    assert!(
        bad * 50 <= all,
        "{bad} of {all} pages are not people (> 2%)"
    );
    assert!(
        hbad * 50 <= hall,
        "{hbad} of {hall} held-out pages are not people (> 2%)"
    );

    // GMB's tags are silver-standard (it tags "Colin Powell" in "Secretary
    // of State Colin Powell" as part of an organisation), so its count is
    // printed and read by hand, not held to the 2% target.
    eprintln!("GMB: {gbad} of {gall} pages have no gold PER mention (gold is noisy)");
}

/// The ECB+ topic of a document id ("12_3ecbplus" → 12).
fn topic_of(doc: &str) -> u32 {
    doc.split('_')
        .next()
        .and_then(|t| t.parse().ok())
        .unwrap_or_else(|| panic!("ECB+ doc id {doc:?} has no topic number before '_'"))
}

/// Cross-article person identity on ECB+ dev (topics 1–35): every gold
/// proper-name mention in a cross-document chain is an item; its predicted
/// label is the person page holding it (a singleton when none does).
#[test]
#[ignore = "slow: all 772 ECB+ documents; run with --include-ignored"]
fn ecb_person_identity_bcubed() {
    let (Some(docs), Some(gold)) = (
        shared("ecbplus_dev/docs.jsonl"),
        shared("ecbplus_dev/person_mentions.jsonl"),
    ) else {
        return;
    };
    let mut articles = Vec::new();
    for line in docs.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("docs.jsonl line");
        let id = v["doc_id"].as_str().expect("doc_id").to_string();
        let text = v["text"].as_str().expect("text");
        articles.push(article(id, text.lines().map(str::to_string).collect()));
    }
    let analyses: Vec<_> = articles.iter().map(analyze).collect();
    let people = resolve(&articles, &analyses, &Curation::default());
    // (doc, surface) → person slugs holding such a mention.
    let mut held: BTreeMap<(String, String), String> = BTreeMap::new();
    for p in &people {
        for m in &p.mentions {
            held.insert((m.article.clone(), m.surface.clone()), p.slug.clone());
        }
    }
    let (mut g, mut pr, mut missed) = (Vec::new(), Vec::new(), Vec::new());
    let mut topics: Vec<u32> = Vec::new();
    for (n, line) in gold.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).expect("person_mentions line");
        let (Some(coref), Some(text), Some(doc)) = (
            v["coref_id"].as_str(),
            v["text"].as_str(),
            v["doc_id"].as_str(),
        ) else {
            continue;
        };
        let pronoun = matches!(
            text,
            "He" | "She" | "They" | "His" | "Her" | "Him" | "It" | "We" | "I" | "You"
        );
        let text = text
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .trim_end_matches(['\'', '’']);
        // A name, not a capitalised nominal ("Police", "Woman"): it shares
        // a word with the chain's descriptor ("t1_lindsay_lohan").
        let descriptor = v["descriptor"].as_str().unwrap_or("").to_lowercase();
        let named = text
            .split_whitespace()
            .any(|w| w.len() > 2 && descriptor.split('_').any(|d| d == w.to_lowercase()));
        let proper = !pronoun
            && named
            && text
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase));
        if !coref.starts_with("HUM") || !proper {
            continue;
        }
        // Generational suffixes are not part of the page's surfaces.
        let text = text
            .trim_end_matches(" Jr.")
            .trim_end_matches(" Jr")
            .trim_end_matches(" Sr.")
            .trim_end_matches(" Sr");
        // The page holding the mention, or one of its tails: the gold span
        // may open with a title ("Dr. Sanjay Gupta", "Attorney Shawn Holley").
        let words: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c == '.')
            .filter(|w| !w.is_empty())
            .collect();
        let slug = held
            .get(&(doc.to_string(), text.to_string()))
            .or_else(|| {
                (1..words.len()).find_map(|k| held.get(&(doc.to_string(), words[k..].join(" "))))
            })
            .cloned()
            .unwrap_or_else(|| {
                missed.push(format!("{doc}: {text}"));
                format!("unfound#{n}")
            });
        g.push(coref.to_string());
        pr.push(slug);
        topics.push(topic_of(doc));
    }
    let found = pr.iter().filter(|s| !s.starts_with("unfound#")).count();
    if let Some(v) = std::env::var_os("BRIEFING_EVAL_VERBOSE") {
        // "all" lists every miss; anything else every 7th.
        let step = if v == "all" { 1 } else { 7 };
        let unfound: Vec<&String> = missed.iter().step_by(step).collect();
        eprintln!("unfound (every 7th): {unfound:?}");
    }
    let b = bcubed(&g, &pr);
    eprintln!(
        "ECB+ dev: {} gold proper-name mentions ({found} on a person page), {} pages; B³ P {:.4} R {:.4} F1 {:.4}",
        g.len(),
        people.len(),
        b.precision,
        b.recall,
        b.f1
    );
    // Odd topics are for development, even topics are held out.
    for (label, parity) in [("odd (dev)", 1), ("even (held out)", 0)] {
        let (gs, ps): (Vec<_>, Vec<_>) = g
            .iter()
            .zip(&pr)
            .zip(&topics)
            .filter(|(_, t)| *t % 2 == parity)
            .map(|((g, p), _)| (g.clone(), p.clone()))
            .unzip();
        let bs = bcubed(&gs, &ps);
        eprintln!(
            "ECB+ dev, {label} topics: {} mentions; B³ P {:.4} R {:.4} F1 {:.4}",
            gs.len(),
            bs.precision,
            bs.recall,
            bs.f1
        );
    }
    // Only among mentions that reached a page: does identity hold?
    let (g2, p2): (Vec<_>, Vec<_>) = g
        .iter()
        .zip(&pr)
        .filter(|(_, p)| !p.starts_with("unfound#"))
        .unzip();
    let b2 = bcubed(&g2, &p2);
    eprintln!(
        "ECB+ dev, mentions on a page only: B³ P {:.4} R {:.4} F1 {:.4}",
        b2.precision, b2.recall, b2.f1
    );
    assert!(b.f1 >= 0.90, "ECB+ person B³ F1 {:.4} < 0.90", b.f1);
}
