//! Issue 12: a randomised test over ingest → analysis → render, with large and
//! deep inputs among the cases. Each case must not panic, and the rendered
//! body must hold no NUL, no `<script` and no `javascript:` link.
//!
//! A short run is part of `cargo test` (fixed seed, a few hundred cases). A
//! long session runs for `FUZZ_SECONDS` (seed from `FUZZ_SEED`, else the
//! clock) and prints how many cases it ran:
//!
//!     FUZZ_SECONDS=600 cargo test --release --test fuzz -- --ignored --nocapture
//!
//! The generator is a plain xorshift PRNG over Markdown, HTML, quote and
//! date fragments (no fuzzing engine needed, nothing to install); every
//! failure prints the seed and case number that reproduce it.
//!
//! The coverage-guided companion is the cargo-fuzz target in `fuzz/`
//! (nightly toolchain; not built by `cargo test`): see `fuzz/README.md`.

use briefing::content::parse_article;
use briefing::Date;
use std::time::{Duration, Instant};

/// xorshift64*: small, seedable, good enough to pick fragments.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const FRAGMENTS: &[&str] = &[
    "# ",
    "## ",
    "*",
    "**",
    "_",
    "[",
    "](",
    "http://e.example/a",
    "javascript:alert(1)",
    ")",
    "`",
    "```\n",
    "> ",
    "- ",
    "1. ",
    "| a | b |\n|---|---|\n",
    "---\n",
    "\n",
    "\n\n",
    "<div>",
    "</div>",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:x\">",
    "\"",
    "“",
    "”",
    "He said \"",
    "said Mr. Jones.",
    "U.S.",
    "Anna Lindqvist",
    "Prime Minister",
    "Kofi Mensah, the minister, said",
    ". ",
    "! ",
    "? ",
    "é",
    "\u{200b}",
    "\r",
    "\r\n",
    "\0",
    "\u{7f}",
    "date: 2024-02-29T25:61:00Z\n",
    "date: 2025-02-18\n",
    "on 17 February 2025",
    "Monday",
    "1,200",
    "3.5 percent",
    " ",
    "  ",
    "\t",
    "&amp;",
    "&#x3c;",
    "<!--",
    "-->",
    "title: [unclosed\n",
    "tags: 5\n",
    "...\n",
    "\u{feff}",
];

/// One random article file: (path, bytes).
fn case(rng: &mut Rng, big: bool) -> (String, Vec<u8>) {
    let ext = ["md", "txt", "markdown"][rng.below(3)];
    let path = format!("fuzz/case.{ext}");
    let kind = rng.below(if big { 8 } else { 6 });
    let bytes = match kind {
        0 => (0..rng.below(4096)).map(|_| rng.next() as u8).collect(),
        1..=3 => {
            let mut s = String::new();
            if kind == 1 {
                s.push_str("---\ntitle: Fuzz\n");
                for _ in 0..rng.below(4) {
                    s.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
                }
                s.push_str("\n---\n");
            }
            for _ in 0..rng.below(400) {
                s.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
            }
            s.into_bytes()
        }
        4 => {
            // UTF-16 of a fragment soup, with or without a BOM.
            let text: String = (0..rng.below(200))
                .map(|_| FRAGMENTS[rng.below(FRAGMENTS.len())])
                .collect();
            let mut b: Vec<u8> = if rng.below(2) == 0 {
                vec![0xFF, 0xFE]
            } else {
                vec![]
            };
            b.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            b
        }
        5 => {
            // Deep structure.
            let unit = ["> ", "- ", "<div>", "* ", "1. "][rng.below(5)];
            format!("Title\n\n{}deep words.\n", unit.repeat(rng.below(3000))).into_bytes()
        }
        6 => {
            // Large: a long single line of sentences and names.
            let unit = [
                "Anna Lindqvist said the talks ended. ",
                "He said \"",
                "word ",
            ][rng.below(3)];
            format!(
                "---\ntitle: Big\ndate: 2025-01-01\n---\n{}\n",
                unit.repeat(20_000 + rng.below(20_000))
            )
            .into_bytes()
        }
        _ => {
            // Deep and large: 20,000 levels.
            format!("- {}x\n", "> ".repeat(20_000)).into_bytes()
        }
    };
    (path, bytes)
}

/// Runs one case through the pipeline; `Err` describes a broken guarantee.
fn run(path: &str, bytes: &[u8]) -> Result<(), String> {
    let Ok(article) = parse_article(path, bytes, Date::new(2025, 1, 1)) else {
        return Ok(()); // a clear error is a fine outcome
    };
    let _analysis = briefing::nlp::analysis::analyze(&article);
    let html = briefing::render::body::article_html(&article, |_| Vec::new());
    if html.contains('\0') {
        return Err("rendered body holds a NUL".into());
    }
    // Parsed as a browser would: no script element, no event handler, no
    // javascript: link (escaped text that shows such words is fine).
    let doc = scraper::Html::parse_fragment(&html);
    for node in doc.root_element().descendants() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        if el.name() == "script" {
            return Err("rendered body has a <script> element".into());
        }
        for (name, value) in el.attrs() {
            let v = value.trim().to_ascii_lowercase();
            if name.starts_with("on") || v.starts_with("javascript:") {
                return Err(format!("rendered body has `{name}={value}`"));
            }
        }
    }
    if article.title.contains('\0') {
        return Err("title holds a NUL".into());
    }
    Ok(())
}

/// Runs cases until `budget` or `max` cases; returns the count.
fn session(seed: u64, budget: Duration, max: usize, big: bool) -> usize {
    let mut rng = Rng(seed | 1);
    let start = Instant::now();
    let mut n = 0;
    while n < max && start.elapsed() < budget {
        let (path, bytes) = case(&mut rng, big);
        let outcome = std::panic::catch_unwind(|| run(&path, &bytes));
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(e)) => panic!("seed {seed} case {n}: {e}"),
            Err(_) => panic!("seed {seed} case {n}: panicked ({} bytes)", bytes.len()),
        }
        n += 1;
    }
    n
}

#[test]
fn a_short_randomised_run_holds_every_guarantee() {
    let n = session(0x5eed_1234, Duration::from_secs(3600), 300, false);
    assert_eq!(n, 300);
}

#[test]
#[ignore = "long fuzz session: FUZZ_SECONDS=600 cargo test --release --test fuzz -- --ignored --nocapture"]
fn fuzz_session() {
    let secs: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let seed = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    let start = Instant::now();
    let n = session(seed, Duration::from_secs(secs), usize::MAX, true);
    println!(
        "fuzz: seed {seed}: {n} cases in {:.0} s, no panic, no broken guarantee",
        start.elapsed().as_secs_f64()
    );
}
