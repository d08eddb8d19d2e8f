//! Event clustering on real news streams, built as a user would
//! (`Site::build` over a content folder): Reuters-21578 (all 19,043 and a
//! fixed random 2,000) and a fixed random 300 BBC articles.
//!
//! Slow and read by hand, so every test here is `#[ignore]`d. Run:
//! ```text
//! cargo test --release --test events_corpora -- --ignored --nocapture --test-threads 1
//! ```
//! Each test prints its figures and writes a dump for reading to
//! `$TMPDIR/briefing-events-<corpus>.txt`: the ten biggest events and a
//! fixed random sample of 20 multi-article events, every member's title.
//! The data stays in `../shared`; it is copied to a temp dir at test time.

mod common;

use briefing::config::Config;
use briefing::site::Site;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A small deterministic generator (xorshift64*): the samples are fixed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A fixed random subset of `n` items (Fisher–Yates on the sorted input).
    fn sample<T: Clone>(&mut self, items: &[T], n: usize) -> Vec<T> {
        let mut v = items.to_vec();
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
        v.truncate(n);
        v
    }
}

/// Every file under `dir` with extension `ext`, sorted.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    out.sort();
    out
}

/// Builds a site over `articles` (copied flat into a fresh content folder).
fn build_site(name: &str, articles: &[PathBuf]) -> Site {
    let root = common::temp_dir(name);
    let content = root.join("content");
    std::fs::create_dir_all(&content).unwrap();
    for (k, p) in articles.iter().enumerate() {
        let ext = p.extension().unwrap().to_string_lossy();
        std::fs::copy(p, content.join(format!("{k:05}.{ext}"))).unwrap();
    }
    std::fs::write(
        root.join("briefing.yaml"),
        "title: Evaluation (research use only)\nbase_url: http://127.0.0.1:1111/\n",
    )
    .unwrap();
    let config = Config::load(&root).expect("config");
    let site = Site::build(&config).expect("site builds");
    let _ = std::fs::remove_dir_all(&root);
    site
}

/// The Reuters stories, extracted once to a temp dir.
fn reuters() -> Option<Vec<PathBuf>> {
    let shared = common::shared()?;
    let tarball = shared.join("data/reuters21578/articles.tar.gz");
    let dir = std::env::temp_dir().join("briefing-reuters-articles");
    if !dir.join("articles").is_dir() {
        std::fs::create_dir_all(&dir).unwrap();
        let ok = std::process::Command::new("tar")
            .arg("xzf")
            .arg(&tarball)
            .arg("-C")
            .arg(&dir)
            .status()
            .expect("tar runs")
            .success();
        assert!(ok, "could not extract {}", tarball.display());
    }
    Some(files(&dir.join("articles"), "md"))
}

/// The sampling seed: fixed (the development samples) unless
/// `EVENTS_EVAL_SEED` names another, for a fresh sample nobody read while
/// tuning: `EVENTS_EVAL_SEED=7 cargo test --release --test events_corpora …`.
fn seed(default: u64) -> u64 {
    std::env::var("EVENTS_EVAL_SEED")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .map_or(default, |s| s.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
}

/// Title of each article id.
fn titles(site: &Site) -> BTreeMap<&str, &str> {
    site.articles
        .iter()
        .map(|a| (a.id.as_str(), a.title.as_str()))
        .collect()
}

/// The ten biggest events and 20 fixed random multi-article events, as
/// text for reading, plus a one-line size summary.
fn dump(site: &Site, corpus: &str) -> String {
    let t = titles(site);
    let mut out = String::new();
    let multi: Vec<usize> = (0..site.events.len())
        .filter(|&e| site.events[e].articles.len() > 1)
        .collect();
    let sizes: Vec<usize> = site.events.iter().map(|e| e.articles.len()).collect();
    let _ = writeln!(
        out,
        "{corpus}: {} articles, {} events, {} with several articles, biggest {}",
        site.articles.len(),
        site.events.len(),
        multi.len(),
        sizes.iter().max().unwrap_or(&0)
    );
    let mut by_size = multi.clone();
    by_size.sort_by(|&a, &b| sizes[b].cmp(&sizes[a]).then(a.cmp(&b)));
    let show = |out: &mut String, k: usize, e: usize| {
        let ev = &site.events[e];
        let _ = writeln!(
            out,
            "\n#{k} {} ({} articles) {}",
            ev.slug,
            ev.articles.len(),
            ev.title
        );
        for a in ev.articles.iter().take(30) {
            let _ = writeln!(out, "    {}", t.get(a.as_str()).unwrap_or(&"?"));
        }
        if ev.articles.len() > 30 {
            let _ = writeln!(out, "    … {} more", ev.articles.len() - 30);
        }
    };
    let _ = writeln!(out, "\n== ten biggest events ==");
    for (k, &e) in by_size.iter().take(10).enumerate() {
        show(&mut out, k + 1, e);
    }
    let _ = writeln!(out, "\n== why the three biggest hold together ==");
    for &e in by_size.iter().take(3) {
        for a in site.events[e].articles.iter().skip(1).take(6) {
            let _ = writeln!(out, "{}", site.explain(a));
        }
    }
    let _ = writeln!(
        out,
        "\n== joins whose headlines name another thing than the event's first articles =="
    );
    for ev in &site.events {
        for a in ev.articles.iter().skip(1) {
            let why = site.explain(a);
            let joined = why.lines().nth(2).is_some_and(|l| l.contains("joined"));
            let first = why.lines().nth(5).unwrap_or("");
            if joined && first.contains("not vetoed") {
                let lift = first.split("not vetoed: ").nth(1).unwrap_or("");
                let lift = lift.split(')').next().unwrap_or("");
                let _ = writeln!(
                    out,
                    "{}\n    joined: {} ({lift})",
                    ev.title,
                    t.get(a.as_str()).unwrap_or(&"?")
                );
            }
        }
    }
    let _ = writeln!(out, "\n== 20 random multi-article events (fixed seed) ==");
    let mut rng = Rng(seed(0x9e37_79b9_7f4a_7c15));
    for (k, e) in rng.sample(&multi, 20).into_iter().enumerate() {
        show(&mut out, k + 1, e);
    }
    out
}

fn write_dump(corpus: &str, text: &str) {
    let path = std::env::temp_dir().join(format!("briefing-events-{corpus}.txt"));
    std::fs::write(&path, text).unwrap();
    println!("{}", text.lines().next().unwrap_or(""));
    println!("dump: {}", path.display());
}

/// The one `<TICKER>` of a title, if it has exactly one.
fn single_ticker(title: &str) -> Option<&str> {
    let mut found = Vec::new();
    let mut rest = title;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        found.push(&rest[open + 1..open + close]);
        rest = &rest[open + close + 1..];
    }
    (found.len() == 1).then(|| found[0])
}

/// A company results or dividend notice, by its headline (measurement only:
/// the clusterer never sees this list).
fn is_notice(title: &str) -> bool {
    const WORDS: &[&str] = &[
        "NET", "QTR", "SHR", "DIVIDEND", "DIV", "PAYOUT", "LOSS", "PROFIT", "EARNINGS", "RESULTS",
    ];
    title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| WORDS.contains(&w))
}

/// Share of single-ticker notices whose event holds another ticker's notice;
/// the mixed events' titles go to `out`.
fn notices_mixed(site: &Site, out: &mut String) -> (usize, usize, usize) {
    let t = titles(site);
    let (mut notices, mut mixed, mut worst) = (0, 0, 0);
    for e in &site.events {
        let tickers: Vec<&str> = e
            .articles
            .iter()
            .map(|a| t[a.as_str()])
            .filter(|title| is_notice(title))
            .filter_map(single_ticker)
            .collect();
        let distinct: BTreeSet<&str> = tickers.iter().copied().collect();
        notices += tickers.len();
        if distinct.len() > 1 {
            mixed += tickers.len();
            let _ = writeln!(out, "\nmixed: {} ({} articles)", e.slug, e.articles.len());
            for a in &e.articles {
                let _ = writeln!(out, "    {}", t[a.as_str()]);
            }
        }
        worst = worst.max(distinct.len());
    }
    (notices, mixed, worst)
}

#[test]
#[ignore]
fn reuters_all_notices_stay_with_their_company() {
    let Some(paths) = reuters() else { return };
    let site = build_site("reuters-all", &paths);
    let mut mixed_events = String::new();
    let (notices, mixed, worst) = notices_mixed(&site, &mut mixed_events);
    let share = mixed as f64 / notices.max(1) as f64;
    println!(
        "reuters all: {mixed} of {notices} single-ticker notices ({:.1}%) share an event with \
         another company's notice; most companies in one event: {worst}",
        100.0 * share
    );
    write_dump(
        "reuters-all",
        &(dump(&site, "reuters all") + "\n== events mixing notices ==\n" + &mixed_events),
    );
    assert!(share <= 0.02, "{:.1}% > 2%", 100.0 * share);
}

#[test]
#[ignore]
fn reuters_sample_dump() {
    let Some(paths) = reuters() else { return };
    let sample = Rng(seed(2000)).sample(&paths, 2000);
    let site = build_site("reuters-2000", &sample);
    write_dump("reuters-2000", &dump(&site, "reuters 2000"));
}

#[test]
#[ignore]
fn bbc_sample_dump() {
    let Some(shared) = common::shared() else {
        return;
    };
    let paths = files(&shared.join("data/bbc_news"), "txt");
    let paths: Vec<PathBuf> = paths
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n != "README.TXT"))
        .collect();
    let sample = Rng(seed(300)).sample(&paths, 300);
    let site = build_site("bbc-300", &sample);
    let dated = site
        .articles
        .iter()
        .filter(|a| a.date_source != briefing::content::DateSource::FileMtime)
        .count();
    println!("bbc 300: {dated} articles with a date from their text");
    write_dump("bbc-300", &dump(&site, "bbc 300"));
}

/// The sample site in `content/`, built in a temporary folder named after
/// `name` (removed again once built).
fn sample_site(name: &str) -> Site {
    let root = common::temp_dir(name);
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &root.join("content"),
    );
    std::fs::write(
        root.join("briefing.yaml"),
        "title: Sample\nbase_url: http://127.0.0.1:1111/\n",
    )
    .unwrap();
    let site = Site::build(&Config::load(&root).unwrap()).unwrap();
    let _ = std::fs::remove_dir_all(&root);
    site
}

/// The sample site (this repository's own `content/`): its Riyadh reports
/// (dateline or headline) form one event, the curated one, though only one
/// of them is pinned to it: the curated event attracts the others on its
/// own text (`events::attract`).
#[test]
fn sample_site_riyadh_reports_join_the_curated_event() {
    let site = sample_site("evt-sample");
    let riyadh: Vec<&str> = site
        .articles
        .iter()
        .filter(|a| a.place.as_deref() == Some("Riyadh") || a.title.contains("Riyadh"))
        .map(|a| a.id.as_str())
        .collect();
    assert!(riyadh.len() >= 3, "{riyadh:?}");
    let pinned = site.articles.iter().filter(|a| a.event.is_some()).count();
    assert!(pinned < riyadh.len(), "not all of them are pinned");
    for id in &riyadh {
        assert_eq!(
            site.article_event.get(*id).map(String::as_str),
            Some("riyadh-talks-2025"),
            "{id}: {}",
            site.explain(id)
        );
    }
}

/// The sample site's Paris reports form one event, and so do its Munich
/// reports, though their headlines name different things (a palace, a
/// continent, a speaker): the specific people and places their bodies
/// share lift the head veto (`events::heads`).
#[test]
fn sample_site_paris_and_munich_reports_each_form_one_event() {
    let site = sample_site("evt-sample-cities");
    for city in ["Paris", "Munich"] {
        let reports: Vec<&str> = site
            .articles
            .iter()
            .filter(|a| a.place.as_deref() == Some(city) || a.title.contains(city))
            .map(|a| a.id.as_str())
            .collect();
        assert!(reports.len() >= 2, "{city}: {reports:?}");
        let events: BTreeSet<&str> = reports
            .iter()
            .filter_map(|id| site.article_event.get(*id).map(String::as_str))
            .collect();
        assert_eq!(
            events.len(),
            1,
            "{city}: {events:?}\n{}",
            reports
                .iter()
                .map(|id| site.explain(id))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// `briefing explain ""` is refused with a hint, not answered with an
/// arbitrary article (every path ends with the empty string).
#[test]
fn explain_without_an_article_is_a_clear_error() {
    let root = common::temp_dir("evt-explain");
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &root.join("content"),
    );
    let opts = briefing::build::BuildOptions {
        root: root.clone(),
        base_url: Some("http://127.0.0.1:1111/".into()),
        ..Default::default()
    };
    for empty in ["", "  "] {
        let err = briefing::commands::explain(&opts, empty).unwrap_err();
        assert!(err.contains("explain needs an article"), "{err}");
    }
    let ok = briefing::commands::explain(&opts, "2025-02-18-us-russia-talks-riyadh.md").unwrap();
    assert!(ok.contains("riyadh-talks-2025"), "{ok}");
    let _ = std::fs::remove_dir_all(&root);
}
